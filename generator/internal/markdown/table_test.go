package markdown

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestTableRegions checks that every Markdown table sits in a focusable
// region whose name comes from its heading and is unique on the page.
func TestTableRegions(t *testing.T) {
	const table = "| a | b |\n|---|---|\n| 1 | 2 |\n"
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"no heading", table, []string{"Table 1"}},
		{"under a heading", "## Who does what\n\n" + table, []string{"Table: Who does what"}},
		{"two under one heading", "## Costs & times\n\n" + table + "\ntext\n\n" + table, []string{"Table: Costs &amp; times", "Table 2: Costs &amp; times"}},
		{"one under each heading", "## One\n\n" + table + "\n## Two\n\n" + table, []string{"Table: One", "Table: Two"}},
	}
	region := regexp.MustCompile(`<div class="table-wrap table-wrap--stack" tabindex="0" role="region" aria-label="([^"]*)">\n<table>`)
	c := newTestConverter()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, errs := c.Convert(Input{Path: "a.md", File: "content/a.md", BodyLine: 1, Body: []byte(tt.body)})
			if errs.Err() != nil {
				t.Fatal(errs.Err())
			}
			var got []string
			for _, m := range region.FindAllStringSubmatch(string(res.HTML), -1) {
				got = append(got, m[1])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("region names %q, want %q\n%s", got, tt.want, res.HTML)
			}
		})
	}
}

// TestTableCellLabels checks that each body cell of a Markdown table
// carries its column's heading as data-label, for the stacked rows on a
// phone, and that heading cells and empty headings carry none.
func TestTableCellLabels(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string
	}{
		{"plain", "| Who | When |\n|---|---|\n| Nurse | Monday |\n",
			`<tr>
<th>Who</th>
<th>When</th>
</tr>
</thead>
<tbody>
<tr>
<td data-label="Who">Nurse</td>
<td data-label="When">Monday</td>
</tr>`},
		{"formatted heading", "| **Who** & `why` | |\n|---|---|\n| Nurse | x |\n",
			`<td data-label="Who &amp; why">Nurse</td>
<td>x</td>`},
		{"markup escaped", "| a `<b>` c |\n|---|\n| x |\n",
			`<td data-label="a &lt;b&gt; c">x</td>`},
		{"short row", "| a | b |\n|---|---|\n| 1 |\n",
			`<td data-label="a">1</td>
<td data-label="b"></td>`},
	}
	c := newTestConverter()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, errs := c.Convert(Input{Path: "a.md", File: "content/a.md", BodyLine: 1, Body: []byte(tt.body)})
			if errs.Err() != nil {
				t.Fatal(errs.Err())
			}
			if !strings.Contains(string(res.HTML), tt.want) {
				t.Errorf("Convert(%q) lacks\n%s\ngot\n%s", tt.body, tt.want, res.HTML)
			}
		})
	}
}
