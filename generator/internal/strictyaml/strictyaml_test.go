package strictyaml

import (
	"errors"
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
			`f.yaml:11:1: unknown field "colour" (known fields: draft, items, tags, title)`,
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
			`f.yaml:11: YAML syntax error: mapping values are not allowed in this context (check indentation, and quote text that contains a colon)`,
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
