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
			`p.md:12:5: unknown component "partnrs"; known components are checklist, thing, trainer-notes`,
		}},
		{"unknown component with hint", "::: thnig\n:::\n", []string{
			`p.md:10:5: unknown component "thnig" (did you mean "thing"?); known components are checklist, thing, trainer-notes`,
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
		{"trainer notes with an option", "::: trainer-notes for=x\nNote\n:::\n", []string{
			`p.md:10:19: trainer-notes has no option "for"; it takes none, only Markdown between its ":::" lines`,
		}},
		{"empty trainer notes", "::: trainer-notes\n:::\n", []string{
			`p.md:10:1: trainer-notes is empty; write the notes for the trainer between its ":::" lines`,
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
		{"stray fence", "Text\n\n:::\n\nMore\n", []string{
			`p.md:12:1: this ":::" line ends a component, but none is open here; delete it, or add the opening line ("::: name") above what it should hold`,
		}},
		{"stray fence after a closed directive", "::: thing\n:::\n:::\n", []string{
			`p.md:12:1: this ":::" line ends a component, but none is open here; delete it, or add the opening line ("::: name") above what it should hold`,
		}},
		{"nested directive", "::: checklist id=outer\n- [ ] a\n::: thing\n:::\n:::\n", []string{
			`p.md:12:1: components cannot be placed inside one another: "thing" is inside the checklist "outer", which starts at line 10; end that one with a ":::" line first`,
		}},
		{"four colons", "::::\ntext\n", []string{
			`p.md:10:4: option ":" should be written key=value`,
		}},
		{"autolink schemes", "<javascript:alert(1)> <file:///etc/passwd>\n<data:text/html;base64,PHNjcmlwdD4=> <vbscript:msgbox(1)>\n<https://example.org> <mailto:a@example.org> <a@example.org> www.example.org\n", []string{
			`p.md:10:1: link "javascript:alert(1)" uses the "javascript" scheme; only http, https, mailto and tel links are allowed`,
			`p.md:10:23: link "file:///etc/passwd" uses the "file" scheme; only http, https, mailto and tel links are allowed`,
			`p.md:11:1: link "data:text/html;base64,PHNjcmlwdD4=" uses the "data" scheme; only http, https, mailto and tel links are allowed`,
			`p.md:11:38: link "vbscript:msgbox(1)" uses the "vbscript" scheme; only http, https, mailto and tel links are allowed`,
		}},
		{"character reference hiding a scheme", "[ent](&#106;avascript:alert(1))\n", []string{
			`p.md:10:1: link "javascript:alert(1)" uses the "javascript" scheme; only http, https, mailto and tel links are allowed`,
		}},
		{"escapes resolved before checking", "[a](foo\\_bar.md) [b](f&ouml;&ouml;.md) [c](page.md#sec\\_1) [d](probe&#95;target.md)\n", nil},
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

// TestConvertLinks checks the targets recorded for checking and the hrefs
// written: escapes and character references resolved, and paths and
// anchors with spaces or letters outside ASCII percent-encoded.
func TestConvertLinks(t *testing.T) {
	tests := []struct {
		src, target, anchor, href string
	}{
		{`[a](foo\_bar.md)`, "guide/foo_bar.md", "", "foo_bar.html"},
		{`[a](f&ouml;&ouml;.md)`, "guide/föö.md", "", "f%C3%B6%C3%B6.html"},
		{`[a](page.md#sec\_1)`, "guide/page.md", "sec_1", "page.html#sec_1"},
		{`[a](probe&#95;target.md)`, "guide/probe_target.md", "", "probe_target.html"},
		{`[a](with%20space.md)`, "guide/with space.md", "", "with%20space.html"},
		{`[a](<with space.md>)`, "guide/with space.md", "", "with%20space.html"},
		{`[a](café.md#crème-brûlée)`, "guide/café.md", "crème-brûlée", "caf%C3%A9.html#cr%C3%A8me-br%C3%BBl%C3%A9e"},
		{`[a](../My%20Folder/_index.md)`, "My Folder/_index.md", "", "../My%20Folder/index.html"},
		{`[a](amp&and.md)`, "guide/amp&and.md", "", "amp%26and.html"},
		{`[a](#café-au-lait)`, "", "café-au-lait", "#caf%C3%A9-au-lait"},
	}
	c := newTestConverter()
	for _, tt := range tests {
		res, errs := c.Convert(Input{Path: "guide/p.md", File: "p.md", BodyLine: 1, Body: []byte(tt.src + "\n")})
		if len(errs) > 0 || len(res.Links) != 1 {
			t.Errorf("Convert(%q) = links %+v, errors %v; want one link", tt.src, res.Links, errs)
			continue
		}
		if l := res.Links[0]; l.Target != tt.target || l.Anchor != tt.anchor {
			t.Errorf("Convert(%q) link = %q #%q; want %q #%q", tt.src, l.Target, l.Anchor, tt.target, tt.anchor)
		}
		if want := `href="` + tt.href + `"`; !strings.Contains(string(res.HTML), want) {
			t.Errorf("Convert(%q) = %s; want %s", tt.src, res.HTML, want)
		}
	}
}

// checklistReset ends every checklist: its Untick all button.
const checklistReset = `<div class="button-group checklist__actions js-only"><button type="button" class="button button--secondary checklist__reset" data-checklist-reset>Untick all</button></div>` + "\n"

// TestConvertHTML checks output that must never be silently changed, and
// that comments and NUL never reach a page.
func TestConvertHTML(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"closing fence on the last line without a line ending", "::: thing label=x\n:::",
			"<div class=\"thing\" data-page=\"guide/p.md\">x</div>\n"},
		{"checklist closing fence on the last line without a line ending", "::: checklist id=a\n- [ ] x\n:::",
			`<div class="checklist" id="checklist-a" data-module="checklist" data-checklist-id="a" data-count="1">` + "\n" +
				`<p class="checklist__progress js-only" data-checklist-progress>0 of 1 done</p>` + "\n" +
				`<ul class="checklist__items">` + "\n" +
				`<li class="checklist__item" data-item="x"><input class="checklist__input" type="checkbox" id="cl-a-x" name="cl-a-x" /><label class="checklist__label" for="cl-a-x">x</label></li>` + "\n" +
				"</ul>\n" + checklistReset + "</div>\n"},
		{"fence inside code inside a checklist item", "::: checklist id=setup\n- [ ] Add:\n  ```\n  :::\n  ```\n- [ ] Publish\n:::\n\n## Next\n",
			`<div class="checklist" id="checklist-setup" data-module="checklist" data-checklist-id="setup" data-count="2">` + "\n" +
				`<p class="checklist__progress js-only" data-checklist-progress>0 of 2 done</p>` + "\n" +
				`<ul class="checklist__items">` + "\n" +
				`<li class="checklist__item" data-item="add"><input class="checklist__input" type="checkbox" id="cl-setup-add" name="cl-setup-add" /><label class="checklist__label" for="cl-setup-add">Add:</label>` + "\n" +
				`<div class="code-block" tabindex="0" role="region" aria-label="Code example"><pre class="chroma"><code>:::` + "\n" +
				"</code></pre></div>\n</li>\n" +
				`<li class="checklist__item" data-item="publish"><input class="checklist__input" type="checkbox" id="cl-setup-publish" name="cl-setup-publish" /><label class="checklist__label" for="cl-setup-publish">Publish</label></li>` + "\n" +
				"</ul>\n" + checklistReset + "</div>\n" + `<h2 id="next">Next</h2>` + "\n"},
		{"a fence less indented than the item ends the checklist", "::: checklist id=a\n- [ ] x\n  ```\n:::\n\nAfter\n",
			`<div class="checklist" id="checklist-a" data-module="checklist" data-checklist-id="a" data-count="1">` + "\n" +
				`<p class="checklist__progress js-only" data-checklist-progress>0 of 1 done</p>` + "\n" +
				`<ul class="checklist__items">` + "\n" +
				`<li class="checklist__item" data-item="x"><input class="checklist__input" type="checkbox" id="cl-a-x" name="cl-a-x" /><label class="checklist__label" for="cl-a-x">x</label>` + "\n" +
				`<div class="code-block" tabindex="0" role="region" aria-label="Code example"><pre class="chroma"><code></code></pre></div>` + "\n" +
				"</li>\n</ul>\n" + checklistReset + "</div>\n<p>After</p>\n"},
		{"inline comment", "Text <!-- a note for authors --> more\n", "<p>Text  more</p>\n"},
		{"comment block", "<!--\nA note\nover lines\n-->\n\nText\n", "<p>Text</p>\n"},
		{"comment block with text after it", "<!-- note --> shown\n", "<p> shown</p>\n"},
		{"other raw html is still shown", "<?php echo 1; ?>\n", "<p>&lt;?php echo 1; ?&gt;</p>\n"},
		{"NUL in code", "```\na\x00b\n```\n",
			`<div class="code-block" tabindex="0" role="region" aria-label="Code example"><pre class="chroma"><code>a` + "\uFFFD" + "b\n</code></pre></div>\n"},
		{"NUL in escaped html", "<div>\x00</div>\n", "<p>&lt;div&gt;\uFFFD&lt;/div&gt;</p>\n"},
		{"info string escapes", "``` foo\\+bar\nx\n```\n",
			`<div class="code-block" tabindex="0" role="region" aria-label="Code example (foo+bar)"><pre class="chroma"><code>x` + "\n</code></pre></div>\n"},
		{"info string references", "``` f&ouml;&ouml;\nx\n```\n",
			`<div class="code-block" tabindex="0" role="region" aria-label="Code example (föö)"><pre class="chroma"><code>x` + "\n</code></pre></div>\n"},
	}
	c := newTestConverter()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, errs := c.Convert(Input{Path: "guide/p.md", File: "p.md", BodyLine: 1, Body: []byte(tt.src)})
			if len(errs) > 0 {
				t.Errorf("Convert(%q) errors: %v", tt.src, errs)
			}
			if diff := cmp.Diff(tt.want, string(res.HTML)); diff != "" {
				t.Errorf("Convert(%q) HTML (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

// TestIDs checks heading and checklist item ids: letters of any alphabet
// kept, ids that do not move when headings are added, and no heading
// taking another's id.
func TestIDs(t *testing.T) {
	src := "## Café & Crème\n\n## Café au lait\n\n## 日本語\n\n## ???\n\n## !!!\n\n## Heading\n\n## Same\n\n## Same\n\n## Gofal ŵyr\n\n" +
		"::: checklist id=welsh\n- [ ] Gwiriwch â’r teulu\n- [ ] Gwiriwch ŵ’r teulu\n- [ ] 家族に確認する\n- [ ] ✔✔\n:::\n"
	res, errs := newTestConverter().Convert(Input{Path: "guide/p.md", File: "p.md", BodyLine: 1, Body: []byte(src)})
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	var ids []string
	for _, h := range res.Headings {
		ids = append(ids, h.ID)
	}
	want := []string{"café--crème", "café-au-lait", "日本語", "heading-7bcac794", "heading-2d53a722", "heading", "same", "same-1", "gofal-ŵyr"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("heading ids (-want +got):\n%s", diff)
	}
	if len(res.Checklists) != 1 {
		t.Fatalf("checklists = %v", res.Checklists)
	}
	wantItems := []string{"gwiriwch-âr-teulu", "gwiriwch-ŵr-teulu", "家族に確認する", "item-d501b0f5"}
	if diff := cmp.Diff(wantItems, res.Checklists[0].Items); diff != "" {
		t.Errorf("checklist item ids (-want +got):\n%s", diff)
	}
	// Adding a heading moves no other heading's id.
	more, _ := newTestConverter().Convert(Input{Path: "guide/p.md", File: "p.md", BodyLine: 1, Body: []byte("## ¿?\n\n" + src)})
	if got := more.Headings[4].ID; got != "heading-7bcac794" {
		t.Errorf("after adding a heading, \"???\" has id %q; want it unchanged", got)
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
