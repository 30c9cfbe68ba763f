package strictyaml

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"joinedup/generator/internal/diag"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

type item struct {
	ID    string    `yaml:"id" schema:"required"`
	Count int       `yaml:"count"`
	Pos   Positions `yaml:"-"`
}

type doc struct {
	Title string    `yaml:"title" schema:"required"`
	Count int       `yaml:"count"`
	Small int8      `yaml:"small"`
	Tags  []string  `yaml:"tags"`
	Draft bool      `yaml:"draft"`
	Items []item    `yaml:"items"`
	Pos   Positions `yaml:"-"`
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"unknown field with hint", "titel: x\n", []string{
			`f.yaml:10:1: unknown field "titel" (did you mean "title"?)`,
		}},
		{"unknown field lists known", "title: x\ncolour: red\n", []string{
			`f.yaml:11:1: unknown field "colour" (known fields: count, draft, items, small, tags, title)`,
		}},
		{"wrong kinds", "title: [a]\ndraft: yes please\ntags: one\n", []string{
			`f.yaml:10:8: "title" should be text, not a list`,
			`f.yaml:11:8: "draft" should be true or false, not the text "yes please"`,
			`f.yaml:12:7: "tags" should be a list; write [one] or put each item on its own line starting with "- "`,
		}},
		{"nested", "title: x\nitems:\n  - id: a\n    count: many\n  - cont: 2\n", []string{
			`f.yaml:13:12: "items[1].count" should be a whole number, not the text "many"`,
			`f.yaml:14:5: missing required field "id" in "items[2]"`,
			`f.yaml:14:5: unknown field "cont" in "items[2]" (did you mean "count"?)`,
		}},
		{"duplicate key", "title: x\ntitle: y\n", []string{
			`f.yaml:11:1: field "title" is set twice; keep one`,
		}},
		{"syntax", "title: x\n  bad: indent\n", []string{
			`f.yaml:11:3: YAML syntax error: this line is indented more than the lines above it allow; check its indentation`,
		}},
		{"empty document", "", []string{`f.yaml:10:1: missing required field "title"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			err := Decode("f.yaml", 10, []byte(tt.src), &d)
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("Decode(%q) error = %v; want a diag.List", tt.src, err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Decode(%q) errors (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

func TestDecodePositions(t *testing.T) {
	src := "title: Hello\nitems:\n  - id: a\n    count: 3\n"
	var d doc
	if err := Decode("f.yaml", 2, []byte(src), &d); err != nil {
		t.Fatal(err)
	}
	if d.Title != "Hello" || len(d.Items) != 1 || d.Items[0].Count != 3 {
		t.Fatalf("Decode = %+v", d)
	}
	if got, want := d.Items[0].Pos.Of("count"), (diag.Pos{File: "f.yaml", Line: 5, Col: 12}); got != want {
		t.Errorf("count position = %v; want %v", got, want)
	}
	if got, want := d.Pos.Of("missing"), (diag.Pos{File: "f.yaml", Line: 2, Col: 1}); got != want {
		t.Errorf("position of an absent key = %v; want the mapping's %v", got, want)
	}
}

func errorStrings(t *testing.T, err error) []string {
	t.Helper()
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("error = %v; want a diag.List", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	return got
}

// TestSyntaxErrors checks that every YAML syntax error has a line and a
// column (yaml.v3 gives no column, and for the first line no line), and
// says how to fix the mistake.
func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"colon in a value on the first line", "title: a: b\n",
			`f.yaml:10:9: YAML syntax error: a second ": " on one line; put text that holds ": " in quotes: title: "a: b"`},
		{"indented key", "title: x\n  tags: [a]\n",
			`f.yaml:11:3: YAML syntax error: this line is indented more than the lines above it allow; check its indentation`},
		{"unclosed list", "title: x\ntags: [a, b\ndraft: true\n",
			`f.yaml:11:7: YAML syntax error: the list that starts here with "[" is not closed; end it with "]"`},
		{"unclosed mapping", "title: x\nitems: {id: a\n",
			`f.yaml:11:8: YAML syntax error: the mapping that starts here with "{" is not closed; end it with "}"`},
		{"unclosed quote", "title: x\ntags: [\"a]\n",
			`f.yaml:11:8: YAML syntax error: the quoted text that starts here is not closed; end it with "`},
		{"tab before a key", "title: x\n\tdraft: true\n",
			`f.yaml:11:1: YAML syntax error: a tab in the indentation; YAML allows only spaces there, so indent with spaces`},
		{"tab before a list item", "title: x\ntags:\n\t- a\n",
			`f.yaml:12:1: YAML syntax error: a tab in the indentation; YAML allows only spaces there, so indent with spaces`},
		{"tab after spaces in a nested mapping", "title: x\nitems:\n  - id: a\n  \tcount: 2\n",
			`f.yaml:13:3: YAML syntax error: a tab in the indentation; YAML allows only spaces there, so indent with spaces`},
		{"reserved character", "title: x\ntags: [@home]\n",
			`f.yaml:11:8: YAML syntax error: text cannot start with "@" in YAML; put it in quotes`},
		{"unknown anchor", "title: x\ntags: *nope\n",
			`f.yaml:11:7: YAML syntax error: *nope repeats an anchor &nope, but there is none above it; define it first or write the value out`},
		{"list item under a mapping", "title: x\n- a\n",
			`f.yaml:11:1: YAML syntax error: did not find expected key (check the indentation, and put text that holds a colon in quotes)`},
		{"column counts characters", "title: Café – a: b\n",
			`f.yaml:10:16: YAML syntax error: a second ": " on one line; put text that holds ": " in quotes: title: "Café – a: b"`},
		{"not utf-8", "title: caf\xe9\n",
			`f.yaml:10:11: YAML syntax error: this is not UTF-8 text; save the file as UTF-8`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			got := errorStrings(t, Decode("f.yaml", 10, []byte(tt.src), &d))
			if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
				t.Errorf("Decode(%q) errors (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"beyond 64 bits", "title: x\ncount: 99999999999999999999999999\n",
			`f.yaml:11:8: "count" is too large; use a whole number up to 9223372036854775807, not 99999999999999999999999999`},
		{"beyond the field", "title: x\nsmall: 300\n",
			`f.yaml:11:8: "small" is too large; use a whole number up to 127, not 300`},
		{"a fraction is not whole", "title: x\ncount: 1.5\n",
			`f.yaml:11:8: "count" should be a whole number, not the number 1.5`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			got := errorStrings(t, Decode("f.yaml", 10, []byte(tt.src), &d))
			if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
				t.Errorf("Decode(%q) errors (-want +got):\n%s", tt.src, diff)
			}
		})
	}
	var d doc
	if err := Decode("f.yaml", 1, []byte("title: x\ncount: 9223372036854775807\n"), &d); err != nil || d.Count != 9223372036854775807 {
		t.Errorf("Decode of the largest int = %d, %v; want it decoded", d.Count, err)
	}
}

// TestAliasCheckedOnce checks that a problem in an anchored value is
// reported once, where the anchor is, however often aliases repeat it: a
// file of a few kilobytes used to give a million copies of one problem.
func TestAliasCheckedOnce(t *testing.T) {
	const n = 300
	var b strings.Builder
	b.WriteString("title: x\nitems: [&m {id: a, count: [&x {a: 1}")
	for range n {
		b.WriteString(", *x")
	}
	b.WriteString("]}")
	for range n {
		b.WriteString(", *m")
	}
	b.WriteString("]\n")
	var d doc
	got := errorStrings(t, Decode("f.yaml", 1, []byte(b.String()), &d))
	want := []string{`f.yaml:2:27: "items[1].count" should be a whole number, not a list`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Decode of %d aliases errors (-want +got):\n%s", n*n, diff)
	}

	// A billion laughs whose innermost value has the wrong kind: 9^8
	// uses of one problem, reported once.
	laughs := "title: x\nl0: &l0 [lol, lol]\n"
	for i := 1; i <= 8; i++ {
		laughs += fmt.Sprintf("l%d: &l%d [*l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	laughs = strings.ReplaceAll(laughs, "l0: &l0 [lol, lol]", "items: &l0 [lol, lol]")
	laughs += "tags: *l8\n"
	got = errorStrings(t, Decode("f.yaml", 1, []byte(laughs), &d))
	if len(got) > 20 {
		t.Errorf("Decode of a billion laughs gave %d errors; want each problem once:\n%s", len(got), strings.Join(got[:20], "\n"))
	}
}

// TestDecodePartial checks that a document with problems still decodes
// every value without one, and leaves the keys of the others out of
// Positions, so later checks can run in the same pass.
func TestDecodePartial(t *testing.T) {
	src := "title: Hello\ncolour: red\ndraft: maybe\ntags: [a, [b], c]\nitems:\n  - id: a\n    count: many\n  - nope\n  - id: c\n    count: 3\n"
	var d doc
	got := errorStrings(t, Decode("f.yaml", 1, []byte(src), &d))
	want := []string{
		`f.yaml:2:1: unknown field "colour" (known fields: count, draft, items, small, tags, title)`,
		`f.yaml:3:8: "draft" should be true or false, not the text "maybe"`,
		`f.yaml:4:11: "tags[2]" should be text, not a list`,
		`f.yaml:7:12: "items[1].count" should be a whole number, not the text "many"`,
		`f.yaml:8:5: "items[2]" should be a mapping of keys to values, not the text "nope"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if d.Title != "Hello" || d.Draft || !cmp.Equal(d.Tags, []string{"a", "", "c"}) {
		t.Errorf("decoded title %q, draft %v, tags %q; want Hello, false, [a \"\" c]", d.Title, d.Draft, d.Tags)
	}
	if len(d.Items) != 3 || d.Items[0].ID != "a" || d.Items[2].Count != 3 {
		t.Fatalf("decoded items %+v; want 3, the first with id a, the last with count 3", d.Items)
	}
	for _, c := range []struct {
		pos  Positions
		key  string
		want bool
	}{
		{d.Pos, "title", true}, {d.Pos, "draft", false}, {d.Pos, "colour", false}, {d.Pos, "items", true},
		{d.Items[0].Pos, "id", true}, {d.Items[0].Pos, "count", false}, {d.Items[1].Pos, "id", false},
	} {
		if got := c.pos.Has(c.key); got != c.want {
			t.Errorf("Positions %v .Has(%q) = %v; want %v", c.pos, c.key, got, c.want)
		}
	}
	var syn doc
	syn.Title = "untouched"
	if err := Decode("f.yaml", 1, []byte("title: [a\n"), &syn); err == nil || syn.Title != "untouched" {
		t.Errorf("Decode of broken YAML = %v, title %q; want an error and out untouched", err, syn.Title)
	}
}

// level is a type that reads itself: "low" or "high".
type level struct{ High bool }

func (level) ValidateYAML(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode || (n.Value != "low" && n.Value != "high") {
		return "should be low or high"
	}
	return ""
}

func (l *level) UnmarshalYAML(n *yaml.Node) error {
	l.High = n.Value == "high"
	return nil
}

type withLevels struct {
	A level  `yaml:"a"`
	B level  `yaml:"b"`
	C *level `yaml:"c"`
}

func TestDecodeValidator(t *testing.T) {
	var ok withLevels
	if err := Decode("f.yaml", 1, []byte("a: high\nb:\n"), &ok); err != nil {
		t.Fatal(err)
	}
	if !ok.A.High || ok.B.High || ok.C != nil {
		t.Errorf("Decode = %+v; want a high, b and c zero", ok)
	}
	var bad withLevels
	err := Decode("f.yaml", 1, []byte("a: middle\nb: [x]\nc: none\n"), &bad)
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("Decode error = %v; want a diag.List", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	want := []string{
		`f.yaml:1:4: "a" should be low or high`,
		`f.yaml:2:4: "b" should be low or high`,
		`f.yaml:3:4: "c" should be low or high`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}
