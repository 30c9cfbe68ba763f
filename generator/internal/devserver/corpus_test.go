package devserver

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"joinedup/generator/internal/pipeline"
	"joinedup/generator/internal/watch"
)

// templatesDir is the project's own templates, so tests serve real pages.
const templatesDir = "../../../templates"

// writeCorpus writes a site of n generated pages (n counts every page,
// section pages included) into dir: ten sections of sub-sections of nine
// pages each, an _index.md per folder, every page linking to its
// section's page.
func writeCorpus(t testing.TB, dir string, n int) {
	t.Helper()
	files := map[string]string{
		"site.yaml": "title: Bench\norganisation: Bench org\n",
		"_index.md": "---\ntitle: Home\n---\nThe home page.\n",
	}
	left := n - 1
	for s := 0; left > 0 && s < 10; s++ {
		sec := fmt.Sprintf("s%d", s)
		files[sec+"/_index.md"] = fmt.Sprintf("---\ntitle: Section %d\n---\nSection %d.\n", s, s)
		left--
	}
	for u := 0; left > 0; u++ {
		sub := fmt.Sprintf("s%d/u%d", u%10, u/10)
		files[sub+"/_index.md"] = fmt.Sprintf("---\ntitle: Part %d\n---\nPart %d.\n", u, u)
		left--
		for p := 0; left > 0 && p < 9; p++ {
			files[fmt.Sprintf("%s/p%d.md", sub, p)] = page(fmt.Sprintf("Page %d.%d", u, p), "First version.")
			left--
		}
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// page is a generated page's source; text is its first paragraph.
func page(title, text string) string {
	return "---\ntitle: " + title + "\n---\n" + text + "\n\n## Working together\n\n" +
		"Some text about partnership working, with [a link to the section](_index.md).\n\n" +
		"- one point\n- another point\n\nA paragraph with *emphasis* and **strong** words, long enough to be typical of a guidance page.\n"
}

// options builds the content in dir with the project's templates.
func options(t testing.TB, dir string) pipeline.Options {
	t.Helper()
	content, err := pipeline.DirFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	templates, err := pipeline.DirFS(templatesDir)
	if err != nil {
		t.Fatal(err)
	}
	return pipeline.Options{Content: content, ContentName: dir, Templates: templates, TemplatesName: templatesDir}
}

// liveSite is a generated site being watched, rebuilt and served.
type liveSite struct {
	dir string
	url string
}

func (l liveSite) write(t *testing.T, name, body string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(l.dir, filepath.FromSlash(name)), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// live starts what serve starts, on a generated site of 25 pages.
func live(t *testing.T) liveSite {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir())
	dir := t.TempDir()
	writeCorpus(t, dir, 25)
	srv := New()
	b, err := NewBuilder(options(t, dir), srv, "")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	if o := b.Build(ctx); o.Problems != nil {
		t.Fatal(FormatText(o.Problems))
	}
	w, err := watch.New([]string{dir, templatesDir}, watch.Options{})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.Run(ctx, func([]string) { b.Build(ctx) })
	}()
	hs := httptest.NewUnstartedServer(srv)
	hs.Config.RegisterOnShutdown(srv.Close)
	hs.Start()
	t.Cleanup(func() {
		hs.Close()
		srv.Close()
		cancel()
		<-done
		b.Close()
	})
	return liveSite{dir: dir, url: hs.URL}
}
