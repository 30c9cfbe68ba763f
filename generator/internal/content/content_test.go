package content

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"joinedup/generator/internal/diag"

	"github.com/google/go-cmp/cmp"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		front     string
		body      string
		bodyLine  int
		wantError error
	}{
		{"simple", "---\ntitle: A\n---\nBody\n", "title: A\n", "Body\n", 4, nil},
		{"empty front matter", "---\n---\nBody", "", "Body", 3, nil},
		{"no body", "---\ntitle: A\n---", "title: A\n", "", 4, nil},
		{"windows line endings", "---\r\ntitle: A\r\n---\r\nBody\r\n", "title: A\r\n", "Body\r\n", 4, nil},
		{"byte order mark", "\xef\xbb\xbf---\ntitle: A\n---\nB", "title: A\n", "B", 4, nil},
		{"trailing spaces on fences", "--- \ntitle: A\n---\t\nB", "title: A\n", "B", 4, nil},
		{"dashes in body", "---\na: 1\n---\n---\nmore", "a: 1\n", "---\nmore", 4, nil},
		{"missing", "# Title\n", "", "", 0, errNoFrontMatter},
		{"empty file", "", "", "", 0, errNoFrontMatter},
		{"unclosed", "---\ntitle: A\n", "", "", 0, errUnclosed},
		{"four dashes is not a fence", "----\ntitle: A\n---\n", "", "", 0, errNoFrontMatter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			front, body, line, err := SplitFrontMatter([]byte(tt.src))
			if !errors.Is(err, tt.wantError) {
				t.Fatalf("SplitFrontMatter(%q) error = %v; want %v", tt.src, err, tt.wantError)
			}
			if string(front) != tt.front || string(body) != tt.body || line != tt.bodyLine {
				t.Errorf("SplitFrontMatter(%q) = %q, %q, %d; want %q, %q, %d", tt.src, front, body, line, tt.front, tt.body, tt.bodyLine)
			}
		})
	}
}

// FuzzSplitFrontMatter checks that splitting never panics and that front
// matter, fences and body account for the input: the body is a suffix of the
// source and starts on the line reported.
func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{"---\ntitle: A\n---\nBody\n", "---\n---\n", "", "---", "---\r\n---\r\n", "\xef\xbb\xbf---\na\n---\nb"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		front, body, line, err := SplitFrontMatter(src)
		if err != nil {
			return
		}
		if !bytes.HasSuffix(src, body) {
			t.Fatalf("body %q is not a suffix of %q", body, src)
		}
		if !bytes.Contains(src, front) {
			t.Fatalf("front %q not in %q", front, src)
		}
		prefix := bytes.TrimPrefix(src[:len(src)-len(body)], []byte("\xef\xbb\xbf"))
		if len(body) > 0 && bytes.Count(prefix, []byte("\n"))+1 != line {
			t.Fatalf("body line = %d; counted %d in %q", line, bytes.Count(prefix, []byte("\n"))+1, prefix)
		}
	})
}

func TestParsePageErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"front matter typo", "---\ntitel: Consent\n---\nBody\n", []string{
			`content/a.md:2:1: unknown field "titel" (did you mean "title"?)`,
		}},
		{"yaml syntax", "---\ntitle: Consent\n  tags: [a]\n---\n", []string{
			`content/a.md:3:3: YAML syntax error: this line is indented more than the lines above it allow; check its indentation`,
		}},
		{"unclosed list", "---\ntitle: Consent\ntags: [a, b\n---\n", []string{
			`content/a.md:3:7: YAML syntax error: the list that starts here with "[" is not closed; end it with "]"`,
		}},
		{"colon in a value", "---\ntitle: Consent: a guide\n---\n", []string{
			`content/a.md:2:15: YAML syntax error: a second ": " on one line; put text that holds ": " in quotes: title: "Consent: a guide"`,
		}},
		{"tab indentation", "---\ntitle: T\nsession:\n\tduration: 30\n---\n", []string{
			`content/a.md:4:1: YAML syntax error: a tab in the indentation; YAML allows only spaces there, so indent with spaces`,
		}},
		{"agenda minutes that overflow", "---\ntitle: S\nsession:\n  duration: 60\n  agenda:\n    - title: One\n      minutes: 9223372036854775807\n    - title: Two\n      minutes: 9223372036854775807\n---\n", []string{
			`content/a.md:6:5: the agenda adds up to more than 9223372036854775807 minutes but the session lasts 60; shorten items or raise the duration`,
		}},
		{"empty agenda", "---\ntitle: S\nsession:\n  duration: 10\n  agenda: []\n---\n", []string{
			`content/a.md:5:11: the agenda is empty; list its parts, each with a title and minutes`,
		}},
		{"weight too large", "---\ntitle: T\nweight: 99999999999999999999999999\n---\n", []string{
			`content/a.md:3:9: "weight" is too large; use a whole number up to 9223372036854775807, not 99999999999999999999999999`,
		}},
		{"bad audience", "---\ntitle: A\naudience: [staf]\n---\n", []string{
			`content/a.md:3:11: unknown audience "staf"; use one or more of staff, trainer, learner (did you mean "staff"?)`,
		}},
		{"no front matter", "# Hello\n", []string{
			`content/a.md:1:1: missing front matter: start the file with a line "---", then "title: ...", then another "---"`,
		}},
		{"agenda too long", "---\ntitle: S\nsession:\n  duration: 30\n  agenda:\n    - title: One\n      minutes: 20\n    - title: Two\n      minutes: 15\n---\n", []string{
			`content/a.md:6:5: the agenda adds up to 35 minutes but the session lasts 30; shorten items or raise the duration`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePage("a.md", "content/a.md", []byte(tt.src))
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("ParsePage error = %v; want a diag.List", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":                {Data: []byte("title: T\norganisation: O\n")},
		"_index.md":                {Data: []byte("---\ntitle: Home\n---\nHi\n")},
		"guide/_index.md":          {Data: []byte("---\ntitle: Guide\n---\n")},
		"guide/b.md":               {Data: []byte("---\ntitle: B\nweight: 2\n---\nB body\n")},
		"guide/a.md":               {Data: []byte("---\ntitle: A\n---\n")},
		"guide/.a.md.swp":          {Data: []byte("junk")},
		"guide/a.md~":              {Data: []byte("junk")},
		"guide/photo.png":          {Data: []byte("png")},
		"data/glossary.yaml":       {Data: []byte("terms: []\n")},
		".git/HEAD":                {Data: []byte("ref")},
		"guide/#notes.md#":         {Data: []byte("junk")},
		"guide/draft.tmp":          {Data: []byte("junk")},
		".DS_Store":                {Data: []byte("junk")},
		".well-known/security.txt": {Data: []byte("Contact: mailto:x@example.org\n")},
		"guide/.htaccess":          {Data: []byte("Options -Indexes\n")},
	}
	src, err := Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	// Hidden files are skipped; those only ever made to be published are
	// skipped with a warning that says to use the static folder.
	var warned []string
	for _, w := range src.Warnings {
		if !strings.Contains(w.Msg, "static folder") {
			t.Errorf("warning %q does not point to the static folder", w.Msg)
		}
		warned = append(warned, w.Pos.File)
	}
	if diff := cmp.Diff([]string{"content/.well-known", "content/guide/.htaccess"}, warned); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	var pages []string
	for _, p := range src.Pages {
		pages = append(pages, p.Path)
	}
	if diff := cmp.Diff([]string{"_index.md", "guide/_index.md", "guide/a.md", "guide/b.md"}, pages); diff != "" {
		t.Errorf("pages (-want +got):\n%s", diff)
	}
	if len(src.Static) != 1 || src.Static[0].Path != "guide/photo.png" {
		t.Errorf("static = %+v; want guide/photo.png only", src.Static)
	}
	if _, ok := src.DataFiles["data/glossary.yaml"]; !ok {
		t.Errorf("data files = %v; want data/glossary.yaml", src.DataFiles)
	}
	if src.Config.Title != "T" || src.Config.Language != "en-GB" {
		t.Errorf("config = %+v", src.Config)
	}
	if b := src.Pages[3]; b.BodyLine != 5 || b.Body != nil || b.Size != len("B body\n") || b.Front.Weight != 2 {
		t.Errorf("page b = line %d body %q (size %d) weight %d; want line 5, the body let go, size 7, weight 2", b.BodyLine, b.Body, b.Size, b.Front.Weight)
	}
	body, line, err := ReadBody(fsys, src.Pages[3].Path, src.Pages[3].File)
	if string(body) != "B body\n" || line != 5 || err != nil {
		t.Errorf("ReadBody = %q, %d, %v; want the body from line 5", body, line, err)
	}
}

func TestLoadReportsEverything(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md":       {Data: []byte("---\ntitle: A\ncolour: red\n---\n")},
		"b.md":       {Data: []byte("no front matter")},
		"data/x.txt": {Data: []byte("x")},
	}
	_, err := Load(fsys, "content")
	want := "content/_index.md: missing home page; create it with front matter and a title\n" +
		"content/a.md:3:1: unknown field \"colour\" (known fields: audience, description, draft, keywords, next_review, reviewed, session, tags, title, weight)\n" +
		"content/b.md:1:1: missing front matter: start the file with a line \"---\", then \"title: ...\", then another \"---\"\n" +
		"content/data/x.txt: only YAML files (.yaml) belong in data/; move this file elsewhere\n" +
		"content/site.yaml: missing site settings file; create it with at least \"title:\" and \"organisation:\" (the site's name and the organisation that runs it)"
	if err == nil || err.Error() != want {
		t.Errorf("Load errors =\n%v\nwant\n%s", err, want)
	}
}
