package render

import (
	"os"
	"path/filepath"
	"testing"

	"joinedup/generator/internal/assets"
	"joinedup/generator/internal/content"
	"joinedup/generator/internal/site"
)

// TestNavKey: the key of a page changes when something its navigation
// shows changes, and only then.
func TestNavKey(t *testing.T) {
	load := func(t *testing.T, edit func(dir string)) (*Renderer, *site.Site) {
		t.Helper()
		dir := t.TempDir()
		for name, text := range map[string]string{
			"site.yaml":   "title: T\norganisation: O\n",
			"_index.md":   "---\ntitle: Home\n---\n",
			"a/_index.md": "---\ntitle: A\n---\n",
			"a/one.md":    "---\ntitle: One\nweight: 1\n---\nOne.\n",
			"a/two.md":    "---\ntitle: Two\nweight: 2\n---\nTwo.\n",
			"a/three.md":  "---\ntitle: Three\nweight: 3\n---\nThree.\n",
			"b/_index.md": "---\ntitle: B\n---\n",
			"b/far.md":    "---\ntitle: Far\n---\nFar.\n",
		} {
			os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
			os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
		}
		if edit != nil {
			edit(dir)
		}
		src, err := content.Load(os.DirFS(dir), "content")
		if err != nil {
			t.Fatal(err)
		}
		s, err := site.New(src, false)
		if err != nil {
			t.Fatal(err)
		}
		tmpl, err := ParseTemplates(os.DirFS(filepath.Join("..", "..", "..", "templates")), InFolder("templates"))
		if err != nil {
			t.Fatal(err)
		}
		a, _ := assets.Load(os.DirFS(filepath.Join("..", "..", "..", "templates")), InFolder("templates"))
		return New(tmpl, a, s), s
	}
	keys := func(r *Renderer, s *site.Site) map[string]uint64 {
		m := map[string]uint64{}
		for _, p := range s.Pages {
			m[p.Src.Path] = r.NavKey(p)
		}
		return m
	}
	before := keys(load(t, nil))
	tests := []struct {
		name    string
		edit    func(dir string)
		changed []string
	}{
		{"body only", func(d string) {
			os.WriteFile(filepath.Join(d, "a/two.md"), []byte("---\ntitle: Two\nweight: 2\n---\nTwo, edited.\n"), 0o644)
		}, nil},
		{"a title", func(d string) {
			os.WriteFile(filepath.Join(d, "a/two.md"), []byte("---\ntitle: Second\nweight: 2\n---\nTwo.\n"), 0o644)
		}, []string{"a/_index.md", "a/one.md", "a/three.md", "a/two.md"}},
		{"a top section's title", func(d string) {
			os.WriteFile(filepath.Join(d, "b/_index.md"), []byte("---\ntitle: Bee\n---\n"), 0o644)
		}, []string{"_index.md", "a/_index.md", "a/one.md", "a/three.md", "a/two.md", "b/_index.md", "b/far.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			after := keys(load(t, tt.edit))
			var changed []string
			for _, p := range []string{"_index.md", "a/_index.md", "a/one.md", "a/three.md", "a/two.md", "b/_index.md", "b/far.md"} {
				if before[p] != after[p] {
					changed = append(changed, p)
				}
			}
			if len(changed) != len(tt.changed) || (len(changed) > 0 && !equal(changed, tt.changed)) {
				t.Errorf("keys changed for %v; want %v", changed, tt.changed)
			}
		})
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
