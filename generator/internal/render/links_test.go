package render_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"joinedup/generator/internal/pipeline"
)

// TestNamesWithSpacesAndAccents builds a site whose files and folders are
// named with spaces and letters outside ASCII, with the bundled templates,
// and checks that every link to them, in the navigation, in Markdown and in
// sitemap.xml, is percent-encoded and leads to the file written. (Names
// with "#", "?" or "%" are refused when the content is read.)
func TestNamesWithSpacesAndAccents(t *testing.T) {
	page := func(title, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\n---\n" + body)}
	}
	content := fstest.MapFS{
		"site.yaml":               {Data: []byte("title: T\norganisation: O\nbase_url: https://example.org/sub/\n")},
		"_index.md":               page("Home", "See [the café](<My Folder/café crème.md#où-aller>) and [space](My%20Folder/with%20space.md).\n"),
		"My Folder/_index.md":     page("My folder", ""),
		"My Folder/café crème.md": page("Café crème", "## Où aller\n\nText.\n"),
		"My Folder/with space.md": page("With space", "Back [home](../_index.md).\n"),
		"My Folder/my pic.png":    {Data: []byte("png")},
	}
	out := filepath.Join(t.TempDir(), "public")
	opt := pipeline.Options{Content: content, ContentName: "content", Templates: os.DirFS("../../../templates"), TemplatesName: "templates"}
	if _, err := pipeline.Build(context.Background(), opt, out); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"My Folder/café crème.html", "My Folder/with space.html", "My Folder/index.html", "My Folder/my pic.png"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	home := read(t, out, "index.html")
	for _, want := range []string{
		`href="My%20Folder/caf%C3%A9%20cr%C3%A8me.html#o%C3%B9-aller"`, // Markdown link with an anchor
		`href="My%20Folder/with%20space.html"`,                         // Markdown link written encoded
		`href="My%20Folder/index.html"`,                                // navigation
	} {
		if !strings.Contains(home, want) {
			t.Errorf("index.html has no %s", want)
		}
	}
	cafe := read(t, out, "My Folder/café crème.html")
	if !strings.Contains(cafe, `id="où-aller"`) {
		t.Errorf("café crème.html has no heading id \"où-aller\"")
	}
	// The navigation's links are encoded by html/template, in lower case.
	space := read(t, out, "My Folder/with space.html")
	for _, want := range []string{`href="caf%c3%a9%20cr%c3%a8me.html"`, `href="../index.html"`} {
		if !strings.Contains(space, want) {
			t.Errorf("with space.html has no %s", want)
		}
	}
	for _, page := range []string{home, cafe, space} {
		for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(page, -1) {
			if strings.ContainsAny(m[1], " éèù") {
				t.Errorf("href %q is not percent-encoded", m[1])
			}
		}
	}
	sitemap := read(t, out, "sitemap.xml")
	for _, want := range []string{
		"<loc>https://example.org/sub/My%20Folder/caf%C3%A9%20cr%C3%A8me.html</loc>",
		"<loc>https://example.org/sub/My%20Folder/with%20space.html</loc>",
	} {
		if !strings.Contains(sitemap, want) {
			t.Errorf("sitemap.xml has no %s:\n%s", want, sitemap)
		}
	}
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCRLFAndByteOrderMark builds one site twice, once with Windows line
// endings and a UTF-8 byte order mark in every text file, and checks that
// the two outputs are byte for byte the same.
func TestCRLFAndByteOrderMark(t *testing.T) {
	files := map[string]string{
		"site.yaml":          "title: T\norganisation: O\nfooter_links:\n  - title: About\n    url: about.md\n",
		"_index.md":          "---\ntitle: Home\ntags: [a, b]\n---\n\nSee [about](about.md#two-words).\n\n::: checklist id=first\n- [ ] Agree who chairs\n- [x] Book a room\n:::\n",
		"about.md":           "---\ntitle: About\ndescription: >\n  Folded\n  text.\n---\n\n## Two words\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```go\nfunc main() {}\n```\n",
		"data/glossary.yaml": "terms:\n  - term: General practitioner\n    abbr: GP\n    definition: |\n      A family\n      doctor.\n",
	}
	build := func(windows bool) map[string]string {
		content := fstest.MapFS{}
		for name, text := range files {
			if windows {
				text = "\xef\xbb\xbf" + strings.ReplaceAll(text, "\n", "\r\n")
			}
			content[name] = &fstest.MapFile{Data: []byte(text)}
		}
		out := filepath.Join(t.TempDir(), "public")
		opt := pipeline.Options{Content: content, ContentName: "content", Templates: os.DirFS("../../../templates"), TemplatesName: "templates"}
		if _, err := pipeline.Build(context.Background(), opt, out); err != nil {
			t.Fatalf("windows=%v: %v", windows, err)
		}
		tree := map[string]string{}
		err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(out, p)
			b, err := os.ReadFile(p)
			tree[filepath.ToSlash(rel)] = string(b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return tree
	}
	unix, windows := build(false), build(true)
	if len(unix) != len(windows) {
		t.Errorf("%d files with line feeds, %d with CRLF and byte order marks", len(unix), len(windows))
	}
	for name, want := range unix {
		if got, ok := windows[name]; !ok || got != want {
			t.Errorf("%s differs with CRLF and byte order marks", name)
		}
	}
}
