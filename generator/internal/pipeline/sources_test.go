package pipeline

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"joinedup/generator/internal/publish"
	"joinedup/generator/internal/site"

	"github.com/google/go-cmp/cmp"
)

// copyFS copies fsys into a MapFS, with the files of edit put in place.
func copyFS(t *testing.T, fsys fs.FS, edit map[string]string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range edit {
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return m
}

// TestThemeOverlay: a templates folder replaces the built-in theme's
// files one at a time, and messages name each file by where it came from.
func TestThemeOverlay(t *testing.T) {
	const brokenPage = "{{define \"main\"}}\n<h1>{{.Titel}}</h1>\n{{end}}\n"
	const ownPage = "{{define \"main\"}}\n<h1 class=\"own\">{{.Title}}</h1>\n{{.Content}}\n{{end}}\n"
	tests := []struct {
		name      string
		theme     fs.FS
		templates fs.FS // the folder over the theme, named "templates"
		want      []string
	}{
		{
			name:  "a built-in file's problem",
			theme: copyFS(t, testTemplates(), map[string]string{"page.html": brokenPage}),
			want:  []string{`builtin:page.html:2:6: executing "main" at <.Titel>: can't evaluate field Titel in type render.View`},
		},
		{
			name:      "the folder's file's problem",
			theme:     testTemplates(),
			templates: fstest.MapFS{"page.html": {Data: []byte(brokenPage)}},
			want:      []string{`templates/page.html:2:6: executing "main" at <.Titel>: can't evaluate field Titel in type render.View`},
		},
		{
			name:      "a broken built-in file, replaced by the folder's",
			theme:     copyFS(t, testTemplates(), map[string]string{"page.html": brokenPage}),
			templates: fstest.MapFS{"page.html": {Data: []byte(ownPage)}},
		},
		{
			name:      "a built-in partial's syntax",
			theme:     copyFS(t, testTemplates(), map[string]string{"partials/nav.html": "{{if}}\n"}),
			templates: fstest.MapFS{"page.html": {Data: []byte(ownPage)}},
			want:      []string{`builtin:partials/nav.html:1: missing value for if`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := Options{Content: siteFS(t, "small"), ContentName: "content", Theme: tt.theme}
			if tt.templates != nil {
				opt.Templates, opt.TemplatesName = tt.templates, "templates"
			}
			out := filepath.Join(t.TempDir(), "public")
			_, err := Build(context.Background(), opt, out)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Build = %v", err)
				}
				b, _ := os.ReadFile(filepath.Join(out, "guide", "consent.html"))
				if !strings.Contains(string(b), `<h1 class="own">Consent</h1>`) {
					t.Errorf("guide/consent.html does not use the folder's page.html:\n%s", b)
				}
				if _, err := os.Stat(filepath.Join(out, "assets", "site.css")); err != nil {
					t.Errorf("the built-in assets are missing: %v", err)
				}
				return
			}
			if diff := cmp.Diff(tt.want, messages(t, err)); diff != "" {
				t.Errorf("Build's errors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStaticFolder: the static folder's files are published as they are,
// names starting with "." included; one that would take the place of a
// page, a content file or a file the generator writes is an error that
// names both.
func TestStaticFolder(t *testing.T) {
	build := func(t *testing.T, static fstest.MapFS) (string, error) {
		out := filepath.Join(t.TempDir(), "public")
		_, err := Build(context.Background(), Options{
			Content: siteFS(t, "small"), ContentName: "content",
			Templates: testTemplates(), TemplatesName: "templates",
			Static: static, StaticName: "static",
		}, out)
		return out, err
	}
	t.Run("published", func(t *testing.T) {
		files := map[string]string{
			".well-known/security.txt": "Contact: mailto:security@example.org\n",
			".htaccess":                "ErrorDocument 404 /404.html\n",
			"files/form.pdf":           "%PDF-1.7",
		}
		static := fstest.MapFS{}
		for name, text := range files {
			static[name] = &fstest.MapFile{Data: []byte(text)}
		}
		out, err := build(t, static)
		if err != nil {
			t.Fatal(err)
		}
		for name, text := range files {
			b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
			if err != nil || string(b) != text {
				t.Errorf("public/%s = %q, %v; want %q", name, b, err, text)
			}
		}
	})
	tests := []struct {
		name, file string
		want       string
	}{
		{"a page's file", "guide/roles.html", `static/guide/roles.html: this file would overwrite guide/roles.html, which is made from content/guide/roles.md; rename or move one of them`},
		{"a page's, in other letters", "Guide/Roles.HTML", `static/Guide/Roles.HTML: this file would overwrite Guide/Roles.HTML, which is made from content/guide/roles.md (letter case does not count on Windows and macOS); rename or move one of them`},
		{"a content file", "img/ladder.png", `static/img/ladder.png: this file would overwrite img/ladder.png, which is made from content/img/ladder.png; rename or move one of them`},
		{"the 404 page", "404.html", `static/404.html: this file would overwrite 404.html, which the generator writes itself; rename or move it`},
		{"an asset", "assets/site.css", `static/assets/site.css: this file would overwrite assets/site.css, which the generator writes itself; rename or move it`},
		{"the output's marker", ".joinedup-site", `static/.joinedup-site: this file would overwrite .joinedup-site, which the generator writes itself; rename or move it`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := build(t, fstest.MapFS{tt.file: {Data: []byte("x")}})
			if diff := cmp.Diff([]string{tt.want}, messages(t, err)); diff != "" {
				t.Errorf("Build's errors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMarkerIsReserved keeps the site model's name for the output
// folder's marker equal to the one package publish writes.
func TestMarkerIsReserved(t *testing.T) {
	if site.OutputMarker != publish.Marker {
		t.Errorf("site.OutputMarker = %q, publish.Marker = %q; keep them equal", site.OutputMarker, publish.Marker)
	}
}

// TestDrafts: a build leaves draft pages out; with Drafts (serve -drafts)
// they are built like any page and marked as drafts.
func TestDrafts(t *testing.T) {
	for _, drafts := range []bool{false, true} {
		out := filepath.Join(t.TempDir(), "public")
		_, err := Build(context.Background(), Options{
			Content: siteFS(t, "small"), ContentName: "content",
			Templates: testTemplates(), TemplatesName: "templates",
			Drafts: drafts,
		}, out)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(out, "guide", "unfinished.html"))
		if drafts != (err == nil) {
			t.Errorf("Drafts %v: reading the draft page's output gives %v", drafts, err)
		}
		if drafts && !strings.Contains(string(b), `<p class="draft-notice">`) {
			t.Errorf("the draft page is not marked as a draft:\n%s", b)
		}
		consent, _ := os.ReadFile(filepath.Join(out, "guide", "consent.html"))
		if strings.Contains(string(consent), "draft-notice") {
			t.Errorf("Drafts %v: a page that is not a draft is marked as one", drafts)
		}
	}
}

// TestBrand: the brand block's colour reaches the stylesheet and its logo
// and name the header of every page, with the logo's address relative to
// the page; a logo that is not a file of the content folder is an error
// at its line.
func TestBrand(t *testing.T) {
	const brandYAML = "brand:\n  name: Anytown Council\n  colour: \"#6b2c91\"\n  logo: %s\n  logo_alt: Anytown Council logo\n"
	withBrand := func(logo string) fstest.MapFS {
		c := siteFS(t, "small")
		c["site.yaml"] = &fstest.MapFile{Data: []byte(string(c["site.yaml"].Data) + strings.ReplaceAll(brandYAML, "%s", logo))}
		return c
	}
	theme := os.DirFS(filepath.Join("..", "..", "..", "templates"))
	build := func(t *testing.T, c fstest.MapFS, static fs.FS) (string, error) {
		out := filepath.Join(t.TempDir(), "public")
		opt := Options{Content: c, ContentName: "content", Theme: theme}
		if static != nil {
			opt.Static, opt.StaticName = static, "static"
		}
		_, err := Build(context.Background(), opt, out)
		return out, err
	}
	out, err := build(t, withBrand("img/ladder.png"), nil)
	if err != nil {
		t.Fatal(err)
	}
	css, _ := os.ReadFile(filepath.Join(out, "assets", "site.css"))
	if !strings.Contains(string(css), ":root { --brand: #6b2c91; ") {
		t.Errorf("site.css does not set the brand colour")
	}
	for page, src := range map[string]string{"index.html": "img/ladder.png", "guide/consent.html": "../img/ladder.png"} {
		b, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(page)))
		want := `<div class="header__brand"><img class="header__logo" src="` + src + `" alt="Anytown Council logo"><span class="header__org">Anytown Council</span></div>`
		if !strings.Contains(string(b), want) {
			t.Errorf("%s has no %s", page, want)
		}
		if strings.Contains(string(b), "style=") {
			t.Errorf("%s has a style attribute", page)
		}
	}
	for _, tt := range []struct {
		name, logo string
		static     fs.FS
		want       string
	}{
		{"misspelt", "img/lader.png", nil, `content/site.yaml:10:9: brand logo "img/lader.png" is not a file in content (did you mean "img/ladder.png"?); put the logo in that folder and give its path below it, such as images/logo.svg`},
		{"in the static folder", "logo.svg", fstest.MapFS{"logo.svg": {Data: []byte("<svg/>")}}, `content/site.yaml:10:9: brand logo "logo.svg" is not a file in content; put the logo in that folder and give its path below it, such as images/logo.svg`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := build(t, withBrand(tt.logo), tt.static)
			if diff := cmp.Diff([]string{tt.want}, messages(t, err)); diff != "" {
				t.Errorf("Build's errors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLiveStaticAndDrafts: the dev server's rebuilds keep the static
// folder, the built-in theme and the drafts a full build has: after edits
// to a page, a draft and a static file, the folder holds what a full build
// of the same sources writes.
func TestLiveStaticAndDrafts(t *testing.T) {
	dir := t.TempDir()
	contentDir, staticDir := filepath.Join(dir, "content"), filepath.Join(dir, "static")
	for name, f := range siteFS(t, "small") {
		write(t, filepath.Join(contentDir, filepath.FromSlash(name)), string(f.Data))
	}
	write(t, filepath.Join(staticDir, ".well-known", "security.txt"), "Contact: mailto:a@example.org\n")
	opt := Options{
		ContentDir: contentDir, ContentName: "content",
		StaticDir: staticDir, StaticName: "static",
		Theme: os.DirFS(repoPath("templates")), Drafts: true,
	}
	l := NewLive(opt, filepath.Join(dir, "live"))
	if _, err := l.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	edits := []struct {
		file, text string
	}{
		{"content/guide/consent.md", "---\ntitle: Consent\nweight: 1\ndescription: When to ask.\n---\nAsk the GP first, always.\n\n## Exceptions\n\nSee [roles](roles.md).\n"},
		{"content/guide/unfinished.md", "---\ntitle: Unfinished, renamed\ndraft: true\n---\nNearly.\n"},
		{"static/.well-known/security.txt", "Contact: mailto:b@example.org\n"},
		{"static/robots.txt", "User-agent: *\n"},
	}
	for i, e := range edits {
		p := filepath.Join(dir, filepath.FromSlash(e.file))
		write(t, p, e.text)
		if _, err := l.Update(context.Background(), []string{p}, nil); err != nil {
			t.Fatalf("after %s: %v", e.file, err)
		}
		full := filepath.Join(dir, fmt.Sprintf("full-%d", i))
		if _, err := Build(context.Background(), opt, full); err != nil {
			t.Fatal(err)
		}
		compareTrees(t, "after "+e.file, readTree(t, full), readTree(t, l.Dir()))
	}
	got := readTree(t, l.Dir())
	for name, want := range map[string]string{".well-known/security.txt": "b@example.org", "robots.txt": "User-agent", "guide/unfinished.html": "Unfinished, renamed"} {
		if !strings.Contains(got[name], want) {
			t.Errorf("the live site's %s does not hold %q", name, want)
		}
	}
}

// TestReadSource: a report can read the line of any file a message names:
// in the content, templates or static folder, or built in.
func TestReadSource(t *testing.T) {
	opt := Options{
		Content: fstest.MapFS{"guide/a.md": {Data: []byte("content")}}, ContentName: "./content",
		Templates: fstest.MapFS{"page.html": {Data: []byte("own page")}}, TemplatesName: "templates",
		Static: fstest.MapFS{"robots.txt": {Data: []byte("static")}}, StaticName: "static",
		Theme: fstest.MapFS{"page.html": {Data: []byte("built-in page")}, "base.html": {Data: []byte("built-in base")}},
	}
	for file, want := range map[string]string{
		"content/guide/a.md":  "content",
		"templates/page.html": "own page",
		"builtin:page.html":   "built-in page",
		"builtin:base.html":   "built-in base",
		"static/robots.txt":   "static",
	} {
		b, err := opt.ReadSource(file)
		if err != nil || string(b) != want {
			t.Errorf("ReadSource(%q) = %q, %v; want %q", file, b, err, want)
		}
	}
	for _, file := range []string{"templates/base.html", "builtin:nope.html", "elsewhere/a.md"} {
		if _, err := opt.ReadSource(file); err == nil {
			t.Errorf("ReadSource(%q) found a file; want none", file)
		}
	}
}
