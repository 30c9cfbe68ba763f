package publish

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputs holds every Output to the same contract: paths outside the
// output folder and paths given twice are refused, and files are counted.
func TestOutputs(t *testing.T) {
	outputs := map[string]func(t *testing.T) Output{
		"discard": func(*testing.T) Output { return &Discard{} },
		"staging": func(t *testing.T) Output {
			s, err := Start(filepath.Join(t.TempDir(), "public"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Abort() })
			return s
		},
	}
	for name, open := range outputs {
		t.Run(name, func(t *testing.T) {
			out := open(t)
			for _, rel := range []string{"index.html", "a/b.html", "a/c.html"} {
				if err := out.Write(rel, []byte(rel)); err != nil {
					t.Errorf("Write(%q) = %v", rel, err)
				}
			}
			w, err := out.Create("print.html")
			if err != nil {
				t.Fatalf("Create = %v", err)
			}
			io.WriteString(w, "streamed")
			if err := w.Close(); err != nil {
				t.Errorf("Close = %v", err)
			}
			for _, rel := range []string{"", "/abs.html", "../up.html", "a/../../up.html", "./a.html"} {
				if err := out.Write(rel, nil); err == nil {
					t.Errorf("Write(%q) = nil; want a refusal", rel)
				}
			}
			if err := out.Write("a/b.html", nil); err == nil || !strings.Contains(err.Error(), "written twice") {
				t.Errorf("second Write(a/b.html) = %v; want a \"written twice\" error", err)
			}
			if _, err := out.Create("index.html"); err == nil || !strings.Contains(err.Error(), "written twice") {
				t.Errorf("Create(index.html) after Write = %v; want a \"written twice\" error", err)
			}
			if got := out.Files(); got != 4 {
				t.Errorf("Files() = %d; want 4", got)
			}
		})
	}
}

// TestMemoryAndInPlace: Memory keeps what it is given; InPlace replaces
// files in a folder, makes folders as needed and removes files and their
// emptied folders.
func TestMemoryAndInPlace(t *testing.T) {
	var m Memory
	m.Write("a.html", []byte("a"))
	w, _ := m.Create("b/c.html")
	io.WriteString(w, "c")
	w.Close()
	files := m.Take()
	if string(files["a.html"]) != "a" || string(files["b/c.html"]) != "c" || m.Files() != 2 {
		t.Errorf("Memory kept %q (%d files)", files, m.Files())
	}
	dir := t.TempDir()
	o := NewInPlace(dir)
	for rel, text := range map[string]string{"a.html": "new a", "x/y/z.html": "z"} {
		if err := o.Write(rel, []byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "x", "y", "z.html")); string(b) != "z" {
		t.Errorf("x/y/z.html = %q", b)
	}
	if err := o.Remove("x/y/z.html"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "x")); err == nil {
		t.Error("emptied folders were left")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "a.html" {
		t.Errorf("folder holds %v; want only a.html (no temporary files)", entries)
	}
}
