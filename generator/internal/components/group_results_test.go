package components

import (
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
)

// groupResultsData is a small assessment with three questions and a
// two-rung ladder, enough to see each question and rung in the output.
func groupResultsData() *data.Data {
	d := &data.Data{}
	for _, t := range []string{"Shared purpose", "Trust & courtesy", "Reviewing"} {
		d.Assessment.Dimensions = append(d.Assessment.Dimensions, data.Dimension{ID: data.Slug(t), Title: t})
	}
	d.Ladder.Rungs = []data.Rung{{Name: "Conflict"}, {Name: "Competition"}}
	return d
}

// groupResultsTemplate parses the bundled template for the component.
func groupResultsTemplate(t *testing.T) *template.Template {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "templates", "components", "group-results.html"))
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := template.New("group-results").Funcs(template.FuncMap{"add": func(a, b int) int { return a + b }}).Parse(string(src))
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}

func TestGroupResultsCheck(t *testing.T) {
	tests := []struct {
		name string
		d    *data.Data
		opts markdown.Options
		want string // part of the message; "" for none
	}{
		{"no options", groupResultsData(), nil, ""},
		{"level 3", groupResultsData(), markdown.Options{{Key: "level", Value: "3"}}, ""},
		{"level 4", groupResultsData(), markdown.Options{{Key: "level", Value: "4"}}, "level must be 2 or 3"},
		{"unknown option", groupResultsData(), markdown.Options{{Key: "size", Value: "big"}}, `has no option "size"`},
		{"no assessment", &data.Data{}, nil, "needs content/data/assessment.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(tt.d, groupResultsTemplate(t), func(string) bool { return false })
			msg, _ := s.Check("group-results", tt.opts)
			if tt.want == "" && msg != "" || tt.want != "" && !strings.Contains(msg, tt.want) {
				t.Errorf("Check(%v) = %q, want %q", tt.opts, msg, tt.want)
			}
		})
	}
}

func TestGroupResultsOutline(t *testing.T) {
	tests := []struct {
		opts  markdown.Options
		level int
	}{
		{nil, 2},
		{markdown.Options{{Key: "level", Value: "3"}}, 3},
	}
	for _, tt := range tests {
		s := New(groupResultsData(), nil, nil)
		out := s.Outline("group-results", tt.opts)
		var heads []site.Heading
		var text strings.Builder
		for _, sec := range out {
			if sec.ID != "" {
				heads = append(heads, sec.Heading)
			}
			text.WriteString(sec.Text + " ")
		}
		want := site.Heading{Level: tt.level, ID: ByHandAnchor, Text: "Count codes by hand"}
		if len(heads) != 1 || heads[0] != want {
			t.Errorf("level %d: headings %+v, want [%+v]", tt.level, heads, want)
		}
		for _, w := range []string{"Result codes", "Digit 1: Shared purpose.", "Digit 3: Reviewing.", "Tally sheet"} {
			if !strings.Contains(text.String(), w) {
				t.Errorf("level %d: outline text lacks %q: %s", tt.level, w, text.String())
			}
		}
	}
}

// TestGroupResultsRender checks the markup the script and the outline rely
// on: the heading the outline names, one tally row per question (in code
// order, with its title for the script), the rung names, and a form that
// stays hidden until the script shows it.
func TestGroupResultsRender(t *testing.T) {
	tests := []struct {
		opts markdown.Options
		want []string
	}{
		{nil, []string{
			`<h2 id="count-codes-by-hand">Count codes by hand</h2>`,
			`data-level="2"`, `data-dimensions="3"`,
			`<th scope="row" data-dimension="Shared purpose">1. Shared purpose</th>`,
			`<th scope="row" data-dimension="Trust &amp; courtesy">2. Trust &amp; courtesy</th>`,
			`<th scope="row" data-dimension="Reviewing">3. Reviewing</th>`,
			`<li data-rung-name="Competition">Competition</li>`,
			`<form class="group-results__form trainer-only" data-form hidden novalidate>`,
			`<label class="label" for="group-codes">`,
		}},
		{markdown.Options{{Key: "level", Value: "3"}}, []string{`<h3 id="count-codes-by-hand">`, `data-level="3"`}},
	}
	for _, tt := range tests {
		s := New(groupResultsData(), groupResultsTemplate(t), nil)
		var b strings.Builder
		if err := s.Render(&b, "group-results", tt.opts, "training/group-results.md"); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%v: output lacks %s", tt.opts, w)
			}
		}
		// The overall row plus one per question, each with 9 rungs, "do not
		// know", answered and median.
		if got, want := strings.Count(b.String(), "<td></td>"), 4*12; got != want {
			t.Errorf("%v: %d blank cells, want %d", tt.opts, got, want)
		}
	}
}
