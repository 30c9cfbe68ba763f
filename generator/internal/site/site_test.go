package site

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"testing/fstest"

	"joinedup/generator/internal/content"
	"joinedup/generator/internal/diag"

	"github.com/google/go-cmp/cmp"
)

func TestOutputPath(t *testing.T) {
	tests := map[string]string{
		"_index.md":            "index.html",
		"guidance/_index.md":   "guidance/index.html",
		"guidance/consent.md":  "guidance/consent.html",
		"a/b/_index.md":        "a/b/index.html",
		"images/ladder.png":    "images/ladder.png",
		"files/handout.v2.pdf": "files/handout.v2.pdf",
	}
	for in, want := range tests {
		if got := OutputPath(in); got != want {
			t.Errorf("OutputPath(%q) = %q; want %q", in, got, want)
		}
	}
}

func page(title string, weight int, extra string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: %s\nweight: %d\n%s---\n", title, weight, extra))}
}

func load(t *testing.T, fsys fstest.MapFS) *Site {
	t.Helper()
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte("title: T\norganisation: O\n")}
	src, err := content.Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(src, false)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestOrderAndNavigation(t *testing.T) {
	s := load(t, fstest.MapFS{
		"_index.md":       page("Home", 0, ""),
		"b/_index.md":     page("Second", 20, ""),
		"a/_index.md":     page("First", 10, ""),
		"a/zebra.md":      page("Zebra", 1, ""),
		"a/apple.md":      page("Apple", 1, ""),
		"a/heavy.md":      page("Heavy", 5, ""),
		"a/draft.md":      page("Draft", 0, "draft: true\n"),
		"a/sub/_index.md": page("Sub", 0, ""),
		"a/sub/deep.md":   page("Deep", 0, ""),
	})
	var order []string
	for _, p := range s.Pages {
		order = append(order, p.URL)
	}
	want := []string{"index.html", "a/index.html", "a/apple.html", "a/zebra.html", "a/heavy.html", "a/sub/index.html", "a/sub/deep.html", "b/index.html"}
	if diff := cmp.Diff(want, order); diff != "" {
		t.Errorf("reading order (-want +got):\n%s", diff)
	}
	apple := s.Page("a/apple.md")
	if apple.Prev.URL != "a/index.html" || apple.Next.URL != "a/zebra.html" {
		t.Errorf("apple prev/next = %s/%s", apple.Prev.URL, apple.Next.URL)
	}
	if heavy := s.Page("a/heavy.md"); heavy.Next != nil {
		t.Errorf("last page of a section has next %s; want none", heavy.Next.URL)
	}
	var crumbs []string
	for _, b := range s.Breadcrumbs(s.Page("a/sub/deep.md")) {
		crumbs = append(crumbs, b.Title())
	}
	if diff := cmp.Diff([]string{"Home", "First", "Sub"}, crumbs); diff != "" {
		t.Errorf("breadcrumbs (-want +got):\n%s", diff)
	}
	if top := s.TopSection(s.Page("a/sub/deep.md")); top == nil || top.Dir != "a" {
		t.Errorf("TopSection(deep) = %v; want a", top)
	}
	if s.Page("a/draft.md") != nil {
		t.Error("draft page was built")
	}
}

func TestNewErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":        {Data: []byte("title: T\norganisation: O\n")},
		"_index.md":        page("Home", 0, ""),
		"loose/page.md":    page("Loose", 0, ""),
		"404.md":           page("Clash", 0, ""),
		"search/_index.md": page("Search", 0, ""),
	}
	src, err := content.Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(src, false)
	want := "content/404.md: this page would be written to 404.html, which the generator writes itself; rename or move the file\n" +
		"content/loose/page.md: folder \"content/loose\" has no _index.md; add one with a title to make it a section\n" +
		"content/search/_index.md: this page would be written to search/index.html, which the generator writes itself; rename or move the file"
	if err == nil || err.Error() != want {
		t.Errorf("New errors =\n%v\nwant\n%s", err, want)
	}
}

func TestCheckLinks(t *testing.T) {
	s := load(t, fstest.MapFS{
		"_index.md":   page("Home", 0, ""),
		"a/_index.md": page("A", 0, ""),
		"a/one.md":    page("One", 0, ""),
		"a/draft.md":  page("Draft", 0, "draft: true\n"),
		"a/pic.png":   {Data: []byte("png")},
	})
	at := func(line int) diag.Pos { return diag.Pos{File: "content/a/one.md", Line: line, Col: 1} }
	s.Page("a/one.md").Facts = &Facts{
		Headings: []Heading{{Level: 2, ID: "intro"}},
		Links: []Link{
			{Target: "a/_index.md", Page: true, Pos: at(1)},
			{Target: "a/one.md", Anchor: "intro", Page: true, Pos: at(2)},
			{Anchor: "intro", Page: true, Pos: at(3)},
			{Target: "a/pic.png", Pos: at(4)},
			{Target: "a/missing.md", Page: true, Pos: at(5)},
			{Target: "a/one.md", Anchor: "intrp", Page: true, Pos: at(6)},
			{Target: "a/draft.md", Page: true, Pos: at(7)},
			{Target: "a/pic.jpg", Pos: at(8)},
			{Target: "a/_index.md", Anchor: "x", Page: true, Pos: at(9)},
		},
	}
	s.Page("a/_index.md").Facts = &Facts{}
	err := s.CheckPages()
	want := "content/a/one.md:5:1: links to \"content/a/missing.md\", which does not exist\n" +
		"content/a/one.md:6:1: links to #intrp, which is not a heading on content/a/one.md (did you mean #intro?)\n" +
		"content/a/one.md:7:1: links to \"content/a/draft.md\", which is a draft and is not published; remove \"draft: true\" there or remove the link\n" +
		"content/a/one.md:8:1: file \"content/a/pic.jpg\" does not exist; check the path (it is relative to this page's folder)\n" +
		"content/a/one.md:9:1: links to #x, which is not a heading on content/a/_index.md; that page has no headings"
	if err == nil || err.Error() != want {
		t.Errorf("CheckLinks =\n%v\nwant\n%s", err, want)
	}
}

// TestCheckConfig: links in site.yaml and session plans name pages by
// source path, or leave the site by http, https or mailto only.
func TestCheckConfig(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"good links", "footer_links:\n  - {title: A, url: a/_index.md}\n  - {title: B, url: \"https://example.org/\"}\n  - {title: C, url: \"mailto:x@example.org\"}\n", nil},
		{"missing page", "footer_links:\n  - {title: A, url: a/nothere.md}\n",
			[]string{`content/site.yaml:4:21: footer link 1: page "a/nothere.md" does not exist; give the path of a page's .md file below content/, or an https:// address`}},
		{"unsafe scheme", "footer_links:\n  - {title: A, url: \"javascript:alert(1)\"}\n",
			[]string{`content/site.yaml:4:21: footer link 1: "javascript:alert(1)" is not an https, http or mailto address; give one of those, or the path of a page's .md file below content/`}},
		{"unsafe scheme Go cannot parse", "footer_links:\n  - {title: A, url: \"javascript://alert(1)\"}\n",
			[]string{`content/site.yaml:4:21: footer link 1: "javascript://alert(1)" is not an https, http or mailto address; give one of those, or the path of a page's .md file below content/`}},
		{"print_guide", "print_guide: [b]\n",
			[]string{`content/site.yaml:3:14: print_guide names "b", which is not a top-level section; use one of a (did you mean "a"?)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"_index.md":   page("Home", 0, ""),
				"a/_index.md": page("A", 0, ""),
				"site.yaml":   &fstest.MapFile{Data: []byte("title: T\norganisation: O\n" + tt.yaml)},
			}
			src, err := content.Load(fsys, "content")
			if err != nil {
				t.Fatal(err)
			}
			_, err = New(src, false)
			var got []string
			var list diag.List
			if errors.As(err, &list) {
				for _, e := range list {
					got = append(got, e.Error())
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("New errors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestOutputCollisions: two sources for one output file are reported
// with both names, whichever kinds they are, and letter case does not
// count.
func TestOutputCollisions(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"index.md beside _index.md", map[string]string{"a/index.md": "p"},
			[]string{`content/a/index.md: this page and content/a/_index.md would both be written to a/index.html; rename or move one of them`}},
		{"index.md over the home page", map[string]string{"index.md": "p"},
			[]string{`content/index.md: this page and content/_index.md would both be written to index.html; rename or move one of them`}},
		{"two names that differ in case", map[string]string{"a/Roles.md": "p", "a/roles.md": "p"},
			[]string{`content/a/roles.md: this page and content/a/Roles.md would both be written to a/roles.html (letter case does not count on Windows and macOS); rename or move one of them`}},
		{"a static file over a page", map[string]string{"a/x.md": "p", "a/x.html": "s"},
			[]string{`content/a/x.html: this file would overwrite a/x.html, which is made from content/a/x.md; rename or move one of them`}},
		{"a static file over the search index", map[string]string{"search/p-0.js": "s"},
			[]string{`content/search/p-0.js: this file would overwrite search/p-0.js, which the generator writes itself; rename or move it`}},
		{"a file where the dev server serves its own", map[string]string{"_joinedup/notes.txt": "s"},
			[]string{`content/_joinedup/notes.txt: this file would overwrite _joinedup/notes.txt, which the generator writes itself; rename or move it`}},
		{"a static file over the assets, in capitals", map[string]string{"Assets/site.css": "s"},
			[]string{`content/Assets/site.css: this file would overwrite Assets/site.css, which the generator writes itself; rename or move it`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"site.yaml":   &fstest.MapFile{Data: []byte("title: T\norganisation: O\n")},
				"_index.md":   page("Home", 0, ""),
				"a/_index.md": page("A", 0, ""),
			}
			for name, kind := range tt.files {
				if kind == "p" {
					fsys[name] = page("P", 0, "")
				} else {
					fsys[name] = &fstest.MapFile{Data: []byte("static")}
				}
			}
			src, err := content.Load(fsys, "content")
			if err != nil {
				t.Fatal(err)
			}
			_, err = New(src, false)
			var got []string
			var list diag.List
			if errors.As(err, &list) {
				for _, e := range list {
					got = append(got, e.Error())
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("New errors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestGuideParts: a guide a reader can print is one print page; a longer
// one is one print page per top-level section, in the site's order.
func TestGuideParts(t *testing.T) {
	for _, tt := range []struct {
		pages int
		want  []string
	}{
		{10, []string{"print.html"}},
		{guidePartPages + 1, []string{"print/a.html", "print/b.html"}},
	} {
		fsys := fstest.MapFS{"_index.md": page("Home", 0, ""), "a/_index.md": page("A", 1, ""), "b/_index.md": page("B", 2, "")}
		for i := range tt.pages - 2 {
			fsys[fmt.Sprintf("%c/p%03d.md", 'a'+i%2, i)] = page(fmt.Sprintf("P%d", i), i, "")
		}
		s := load(t, fsys)
		var got []string
		n := 0
		for _, part := range s.GuideParts() {
			got = append(got, part.URL)
			n += len(part.Pages)
		}
		if !slices.Equal(got, tt.want) || n != tt.pages {
			t.Errorf("%d pages: parts %v with %d pages; want %v with all of them", tt.pages, got, n, tt.want)
		}
	}
}
