package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"joinedup/generator/internal/site"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fakeComponents knows one component, "thing", with options size and label.
type fakeComponents struct{}

func (fakeComponents) Names() []string { return []string{"thing"} }
func (fakeComponents) Check(name string, opts Options) (string, *Option) {
	for i, o := range opts {
		if o.Key != "size" && o.Key != "label" {
			return fmt.Sprintf("component %q has no option %q", name, o.Key), &opts[i]
		}
	}
	return "", nil
}
func (fakeComponents) Outline(name string, opts Options) []Section {
	return []Section{{Heading: site.Heading{Level: 2, ID: "thing-heading", Text: "Thing"}, Text: "thing text"}}
}
func (fakeComponents) Render(w io.Writer, name string, opts Options, page string) error {
	label, _ := opts.Get("label")
	_, err := fmt.Fprintf(w, "<div class=\"thing\" data-page=\"%s\">%s</div>\n", page, label)
	return err
}

func newTestConverter() *Converter {
	return New(Config{
		Components:    fakeComponents{},
		Abbreviations: map[string]string{"GP": "General practitioner", "UK GDPR": "UK General Data Protection Regulation", "GDPR": "General Data Protection Regulation"},
	})
}

// TestGolden converts each testdata/*.md as the page guide/NAME.md and
// compares the HTML, headings, links and checklists with NAME.golden.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.md")
	if len(files) == 0 {
		t.Fatal("no golden inputs")
	}
	c := newTestConverter()
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			res, errs := c.Convert(Input{Path: "guide/" + name + ".md", File: f, BodyLine: 1, Body: src})
			var b bytes.Buffer
			b.Write(res.HTML)
			b.WriteString("\n<!-- outline\n")
			for _, h := range res.Headings {
				fmt.Fprintf(&b, "heading %d #%s %q\n", h.Level, h.ID, h.Text)
			}
			for _, s := range res.Sections {
				fmt.Fprintf(&b, "section #%s: %s\n", s.ID, s.Text)
			}
			for _, l := range res.Links {
				fmt.Fprintf(&b, "link %s #%s page=%v at %s\n", l.Target, l.Anchor, l.Page, l.Pos)
			}
			for _, cl := range res.Checklists {
				fmt.Fprintf(&b, "checklist %s %v at %s\n", cl.ID, cl.Items, cl.Pos)
			}
			for _, e := range errs {
				fmt.Fprintf(&b, "error %s\n", e)
			}
			b.WriteString("-->\n")
			golden := strings.TrimSuffix(f, ".md") + ".golden"
			if *update {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), b.String()); diff != "" {
				t.Errorf("Convert(%s) differs from %s (-want +got):\n%s", f, golden, diff)
			}
		})
	}
}

func TestConvertErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"unknown component", "Text\n\n::: partnrs\n:::\n", []string{
			`p.md:12:5: unknown component "partnrs"; known components are checklist, thing`,
		}},
		{"unknown component with hint", "::: thnig\n:::\n", []string{
			`p.md:10:5: unknown component "thnig" (did you mean "thing"?); known components are checklist, thing`,
		}},
		{"bad option", "::: thing colour=red\n:::\n", []string{
			`p.md:10:11: component "thing" has no option "colour"`,
		}},
		{"malformed option", "::: thing size\n:::\n", []string{
			`p.md:10:11: option "size" should be written key=value`,
		}},
		{"unclosed", "::: thing\n\nMore text\n", []string{
			`p.md:10:1: directive "thing" is not closed; add a line with just ":::" after it`,
			`p.md:12:1: component "thing" takes no content between its ":::" lines; remove it or move it outside the directive`,
		}},
		{"checklist without id", "::: checklist\n- [ ] a\n:::\n", []string{
			`p.md:10:1: checklist needs an id that stays the same when you edit it, e.g. "::: checklist id=before-the-meeting"; ticks are saved under it`,
		}},
		{"checklist of plain items", "::: checklist id=x\n- a\n:::\n", []string{
			`p.md:11:3: checklist "x": every item should start with "[ ]" (or "[x]" to show it ticked)`,
		}},
		{"root-relative link", "See [it](/guide/a.md).\n", []string{
			`p.md:10:5: link "/guide/a.md" starts with "/"; link relatively to the .md file (for example ../guidance/consent.md) so the site works from disk and at any address`,
		}},
		{"folder link", "See\n[training](../training/).\n", []string{
			`p.md:11:1: link "../training/" should name the page's .md file (for a section, its _index.md), for example ../training/_index.md or ../training.md`,
		}},
		{"html link", "[a](a.html)\n", []string{
			`p.md:10:1: link "a.html" should name the page's .md file (for a section, its _index.md), for example a.md`,
		}},
		{"javascript link", "[x](javascript:alert(1))\n", []string{
			`p.md:10:1: link "javascript:alert(1)" uses the "javascript" scheme; only http, https, mailto and tel links are allowed`,
		}},
		{"image without alt", "Look: ![](pic.png)\n", []string{
			`p.md:10:7: image "pic.png" has no alt text; describe the image between the square brackets: ![what it shows](pic.png)`,
		}},
		{"outside content", "[x](../../secret.md)\n", []string{
			`p.md:10:1: link "../../secret.md" points outside the content folder`,
		}},
	}
	c := newTestConverter()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := c.Convert(Input{Path: "guide/p.md", File: "p.md", BodyLine: 10, Body: []byte(tt.src)})
			var got []string
			for _, e := range errs.Sort() {
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Convert(%q) errors (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

func TestParseOptions(t *testing.T) {
	tests := []struct {
		in      string
		want    Options
		wantErr string
	}{
		{"", nil, ""},
		{" id=a", Options{{Key: "id", Value: "a", Col: 2}}, ""},
		{` a=1 b="two words"`, Options{{Key: "a", Value: "1", Col: 2}, {Key: "b", Value: "two words", Col: 6}}, ""},
		{` b="unclosed`, nil, `option "b" has no closing quote`},
		{` a=1 a=2`, Options{{Key: "a", Value: "1", Col: 2}}, `option "a" is given twice`},
		{` =x`, nil, `option "=x" should be written key=value`},
	}
	for _, tt := range tests {
		got, msg, _ := parseOptions(tt.in, 1)
		if diff := cmp.Diff(tt.want, got); diff != "" || msg != tt.wantErr {
			t.Errorf("parseOptions(%q) = %v, %q; want %v, %q", tt.in, got, msg, tt.want, tt.wantErr)
		}
	}
}

func FuzzParseOptions(f *testing.F) {
	for _, s := range []string{"", " id=a", ` a="b c" d=e`, ` x="`, " =", " a==b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		opts, msg, col := parseOptions(s, 1)
		if msg != "" && (col < 1 || col > len(s)+1) {
			t.Fatalf("parseOptions(%q) error column %d outside the line", s, col)
		}
		for _, o := range opts {
			if o.Key == "" || o.Col < 1 || o.Col > len(s) {
				t.Fatalf("parseOptions(%q) gave bad option %+v", s, o)
			}
		}
	})
}

// unsafeHTML matches markup that must never come from a page's text: script,
// style and frame elements, and event-handler attributes.
var unsafeHTML = regexp.MustCompile(`(?i)<(script|style|iframe|object|embed)|<[a-z][^>]*\son[a-z]+\s*=`)

// FuzzConvert checks that any input converts without panicking, that no
// raw HTML tag from the input survives into the output, and that every
// error has a position inside the file.
func FuzzConvert(f *testing.F) {
	for _, name := range []string{"gfm", "links", "directives", "rawhtml"} {
		b, err := os.ReadFile(filepath.Join("testdata", name+".md"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("::: thing\n:::\n::: checklist id=a\n- [ ] x\n:::\n"))
	f.Add([]byte("[a](b.md#c) ![x](y.png) <script>"))
	c := newTestConverter()
	f.Fuzz(func(t *testing.T, src []byte) {
		res, errs := c.Convert(Input{Path: "guide/p.md", File: "p.md", BodyLine: 1, Body: src})
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, e := range errs {
			if e.Pos.File != "p.md" || e.Pos.Line < 1 || e.Pos.Line > lines {
				t.Fatalf("error %v is outside the input (%d lines)", e, lines)
			}
		}
		if m := unsafeHTML.Find(res.HTML); m != nil {
			t.Fatalf("output contains %q from input %q:\n%s", m, src, res.HTML)
		}
	})
}
