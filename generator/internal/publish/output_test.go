package publish

import (
	"io"
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
