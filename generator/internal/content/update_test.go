package content

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestUpdate: updating the sources file by file gives what loading the
// changed folder afresh gives, or asks for a full load when it cannot.
func TestUpdate(t *testing.T) {
	base := func() fstest.MapFS {
		return fstest.MapFS{
			"site.yaml":          {Data: []byte("title: T\norganisation: O\n")},
			"_index.md":          {Data: []byte("---\ntitle: Home\n---\nHome.\n")},
			"a/_index.md":        {Data: []byte("---\ntitle: A\n---\nA.\n")},
			"a/one.md":           {Data: []byte("---\ntitle: One\n---\nOne.\n")},
			"a/pic.png":          {Data: []byte("png")},
			"data/partners.yaml": {Data: []byte("sectors: []\n")},
		}
	}
	tests := []struct {
		name string
		edit func(fstest.MapFS) []string
		full bool
	}{
		{"a page's body", func(f fstest.MapFS) []string {
			f["a/one.md"] = &fstest.MapFile{Data: []byte("---\ntitle: One\n---\nOne, edited.\n")}
			return []string{"a/one.md"}
		}, false},
		{"a new page and file", func(f fstest.MapFS) []string {
			f["a/two.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Two\n---\nTwo.\n")}
			f["a/doc.pdf"] = &fstest.MapFile{Data: []byte("pdf")}
			return []string{"a/two.md", "a/doc.pdf"}
		}, false},
		{"pages and files removed", func(f fstest.MapFS) []string {
			delete(f, "a/one.md")
			delete(f, "a/pic.png")
			delete(f, "data/partners.yaml")
			return []string{"a/one.md", "a/pic.png", "data/partners.yaml"}
		}, false},
		{"a data file", func(f fstest.MapFS) []string {
			f["data/partners.yaml"] = &fstest.MapFile{Data: []byte("sectors: [] # edited\n")}
			return []string{"data/partners.yaml"}
		}, false},
		{"an editor's swap file", func(f fstest.MapFS) []string {
			f["a/.one.md.swp"] = &fstest.MapFile{Data: []byte("x")}
			return []string{"a/.one.md.swp"}
		}, false},
		{"site settings", func(f fstest.MapFS) []string {
			f["site.yaml"] = &fstest.MapFile{Data: []byte("title: T2\norganisation: O\n")}
			return []string{"site.yaml"}
		}, true},
		{"a folder removed", func(f fstest.MapFS) []string {
			delete(f, "a/_index.md")
			delete(f, "a/one.md")
			delete(f, "a/pic.png")
			return []string{"a"}
		}, true},
		{"a folder made", func(f fstest.MapFS) []string {
			f["b/_index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B\n---\nB.\n")}
			return []string{"b", "b/_index.md"}
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := base()
			src, err := Load(fsys, "content")
			if err != nil {
				t.Fatal(err)
			}
			paths := tt.edit(fsys)
			next, full, err := src.Update(fsys, paths)
			if err != nil {
				t.Fatal(err)
			}
			if full != tt.full {
				t.Fatalf("Update asked for a full load: %v; want %v", full, tt.full)
			}
			if full {
				return
			}
			want, err := Load(fsys, "content")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, next, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Update differs from a fresh Load (-load +update):\n%s", diff)
			}
			if len(src.Pages) != 3 {
				t.Errorf("Update changed the old sources: %d pages", len(src.Pages))
			}
		})
	}
}
