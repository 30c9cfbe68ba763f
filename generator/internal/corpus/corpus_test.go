package corpus_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"joinedup/generator/internal/corpus"
	"joinedup/generator/internal/pipeline"
)

// files collects a corpus in memory.
func files(t *testing.T, opt corpus.Options) []corpus.File {
	t.Helper()
	var out []corpus.File
	if err := corpus.Each(opt, func(f corpus.File) error {
		out = append(out, f)
		return nil
	}); err != nil {
		t.Fatalf("Each(%+v) = %v", opt, err)
	}
	return out
}

func digest(fs []corpus.File) string {
	h := sha256.New()
	for _, f := range fs {
		fmt.Fprintf(h, "%s\x00%d\x00", f.Path, len(f.Data))
		h.Write(f.Data)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func TestDeterministic(t *testing.T) {
	tests := []struct {
		name string
		a, b corpus.Options
		same bool
	}{
		{"same options", corpus.Options{Pages: 60, Seed: 1}, corpus.Options{Pages: 60, Seed: 1}, true},
		{"other seed", corpus.Options{Pages: 60, Seed: 1}, corpus.Options{Pages: 60, Seed: 2}, false},
		{"other sections", corpus.Options{Pages: 60, Seed: 1}, corpus.Options{Pages: 60, Seed: 1, Sections: 7}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := digest(files(t, tt.a)), digest(files(t, tt.b))
			if (a == b) != tt.same {
				t.Errorf("digest(%+v) == digest(%+v) is %v; want %v", tt.a, tt.b, a == b, tt.same)
			}
		})
	}
}

func TestWriteMatchesEach(t *testing.T) {
	opt := corpus.Options{Pages: 30, Seed: 3}
	dir := t.TempDir()
	st, err := corpus.Write(dir, opt)
	if err != nil {
		t.Fatalf("Write = %v", err)
	}
	want := files(t, opt)
	if st.Files != len(want) {
		t.Errorf("Write(%+v).Files = %d; want %d", opt, st.Files, len(want))
	}
	for _, f := range want {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatalf("reading %s: %v", f.Path, err)
		}
		if !bytes.Equal(got, f.Data) {
			t.Errorf("file %s on disk differs from Each's", f.Path)
		}
	}
}

var pagePath = regexp.MustCompile(`^section-\d\d/page-\d{4,}\.md$`)

func TestCounts(t *testing.T) {
	tests := []struct {
		opt            corpus.Options
		pages, secs    int
		minWords, maxW int
	}{
		{corpus.Options{Pages: 1}, 1, 1, 600, 1000},
		{corpus.Options{Pages: 25}, 25, 20, 600, 1000},
		{corpus.Options{Pages: 120, Sections: 6, Seed: 9}, 120, 6, 600, 1000},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%+v", tt.opt), func(t *testing.T) {
			fs := files(t, tt.opt)
			pages, secs := 0, 0
			for _, f := range fs {
				switch {
				case pagePath.MatchString(f.Path):
					pages++
					words := len(strings.Fields(string(body(t, f))))
					if words < tt.minWords || words > tt.maxW {
						t.Errorf("%s has %d words; want %d to %d", f.Path, words, tt.minWords, tt.maxW)
					}
				case strings.HasSuffix(f.Path, "/_index.md"):
					secs++
				}
			}
			if pages != tt.pages || secs != tt.secs {
				t.Errorf("Each(%+v) gave %d pages in %d sections; want %d in %d", tt.opt, pages, secs, tt.pages, tt.secs)
			}
		})
	}
}

func TestRejectsBadOptions(t *testing.T) {
	for _, opt := range []corpus.Options{{Pages: 0}, {Pages: -3}, {Pages: 5, Sections: -1}} {
		if err := corpus.Each(opt, func(corpus.File) error { return nil }); err == nil {
			t.Errorf("Each(%+v) = nil; want an error", opt)
		}
	}
}

func body(t *testing.T, f corpus.File) []byte {
	t.Helper()
	_, b, ok := bytes.Cut(f.Data[4:], []byte("\n---\n"))
	if !bytes.HasPrefix(f.Data, []byte("---\n")) || !ok {
		t.Fatalf("%s has no front matter", f.Path)
	}
	return b
}

var mdLink = regexp.MustCompile(`\]\(([^)]+)\)`)

// TestPagesHaveEveryFeature checks the shape each page promises: front
// matter fields, headings, a table, a task list, lists and 2 or 3 links
// that all resolve to files of the corpus; and code in some pages.
func TestPagesHaveEveryFeature(t *testing.T) {
	fs := files(t, corpus.Options{Pages: 200, Seed: 5})
	exists := map[string]bool{}
	for _, f := range fs {
		exists[f.Path] = true
	}
	code := 0
	for _, f := range fs {
		if !pagePath.MatchString(f.Path) {
			continue
		}
		s := string(f.Data)
		for _, want := range []string{"\ntitle: ", "\ndescription: ", "\nweight: ", "\ntags: [", "\n## ", "\n| --- | --- | --- |\n", "\n- [", "\n1. ", "\n- "} {
			if !strings.Contains(s, want) {
				t.Errorf("%s lacks %q", f.Path, want)
			}
		}
		if strings.Contains(s, "\n```") {
			code++
		}
		links := mdLink.FindAllStringSubmatch(string(body(t, f)), -1)
		if len(links) < 2 || len(links) > 3 {
			t.Errorf("%s has %d links; want 2 or 3", f.Path, len(links))
		}
		for _, l := range links {
			target := path.Join(path.Dir(f.Path), l[1])
			if !strings.HasSuffix(l[1], ".md") || !exists[target] || target == f.Path {
				t.Errorf("%s links to %q, which is not another page of the corpus", f.Path, l[1])
			}
		}
	}
	if code < 20 || code > 60 {
		t.Errorf("%d of 200 pages have code; want about 40", code)
	}
}

// TestBuildsCleanly checks that the real generator accepts a corpus with
// no problem at all: every link resolves and the settings are complete.
func TestBuildsCleanly(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpus.Write(dir, corpus.Options{Pages: 80, Seed: 2}); err != nil {
		t.Fatalf("Write = %v", err)
	}
	contentFS, err := pipeline.DirFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	templatesFS, err := pipeline.DirFS("../../../templates")
	if err != nil {
		t.Fatal(err)
	}
	m, err := pipeline.Check(context.Background(), pipeline.Options{Content: contentFS, ContentName: "content", Templates: templatesFS, TemplatesName: "templates"})
	if err != nil {
		t.Fatalf("pipeline.Check(corpus) = %v", err)
	}
	if got, want := m.Pages, 80+20+1; got != want {
		t.Errorf("pipeline.Check(corpus) has %d pages; want %d", got, want)
	}
}
