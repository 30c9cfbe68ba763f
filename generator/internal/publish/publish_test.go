package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestCommitReplacesWholeOutput(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	os.MkdirAll(filepath.Join(out, "old"), 0o755)
	os.WriteFile(filepath.Join(out, "old", "stale.html"), []byte("stale"), 0o644)
	os.WriteFile(filepath.Join(out, Marker), nil, 0o644)

	s, err := Start(out)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for _, name := range []string{"index.html", "a/b.html", "a/c.html", "assets/site.css"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.Write(name, []byte(name)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if s.Files() != 4 {
		t.Errorf("Files() = %d; want 4", s.Files())
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "a", "b.html")); err != nil || string(b) != "a/b.html" {
		t.Errorf("a/b.html = %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(out, "old")); !os.IsNotExist(err) {
		t.Errorf("old output survived the swap: %v", err)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("%d entries beside the output after commit; want 1", len(entries))
	}
	info, _ := os.Stat(out)
	if info.Mode().Perm() != 0o755 {
		t.Errorf("output folder mode = %v; want 0755 (readable by a web server)", info.Mode().Perm())
	}
}

func TestAbortLeavesOutput(t *testing.T) {
	parent, out := oldOutput(t)
	s, err := Start(out)
	if err != nil {
		t.Fatal(err)
	}
	s.Write("index.html", []byte("new"))
	if err := s.Abort(); err != nil {
		t.Fatal(err)
	}
	checkUntouched(t, parent, out, "abort")
}

func TestWriteRefusesEscapes(t *testing.T) {
	s, err := Start(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	for _, name := range []string{"", "/etc/passwd", "../x.html", "a/../../x.html"} {
		if err := s.Write(name, nil); err == nil {
			t.Errorf("Write(%q) succeeded; want an error", name)
		}
	}
}

func TestFirstBuildCreatesOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "new", "public")
	s, err := Start(out)
	if err != nil {
		t.Fatal(err)
	}
	s.Write("index.html", []byte("x"))
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error(err)
	}
}

// A file the writer cannot create makes Commit fail and publish nothing.
func TestWriteErrorFailsCommit(t *testing.T) {
	parent, out := oldOutput(t)
	s, err := Start(out)
	if err != nil {
		t.Fatal(err)
	}
	// "a" is a file, so "a/b.html" cannot be created.
	for _, name := range []string{"index.html", "a", "a/b.html", "c.html"} {
		if err := s.Write(name, []byte("new")); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Commit(); err == nil {
		t.Fatal("Commit succeeded; want the error writing a/b.html")
	}
	checkUntouched(t, parent, out, "a failed commit")
	if err := s.Write("late.html", nil); err == nil {
		t.Error("Write after Commit succeeded; want an error")
	}
}

// Create streams a file beside the queued ones.
func TestCreateStreams(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	s, err := Start(out)
	if err != nil {
		t.Fatal(err)
	}
	s.Write("a/one.html", []byte("1"))
	w, err := s.Create("a/print.html")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("streamed"))
	w.Close()
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"a/one.html": "1", "a/print.html": "streamed"} {
		if b, _ := os.ReadFile(filepath.Join(out, name)); string(b) != want {
			t.Errorf("%s = %q; want %q", name, b, want)
		}
	}
	if s.Files() != 2 {
		t.Errorf("Files() = %d; want 2", s.Files())
	}
}

// Prepare makes the folders at once, and only those.
func TestPrepare(t *testing.T) {
	s, err := Start(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	if err := s.Prepare([]string{"index.html", "a/x.html", "a/b/y.html", "c/z.html"}); err != nil {
		t.Fatal(err)
	}
	var dirs []string
	filepath.WalkDir(s.dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != s.dir {
			rel, _ := filepath.Rel(s.dir, p)
			dirs = append(dirs, filepath.ToSlash(rel))
		}
		return err
	})
	if got, want := strings.Join(dirs, " "), "a a/b c"; got != want {
		t.Errorf("folders after Prepare = %q; want %q", got, want)
	}
	if s.Files() != 0 {
		t.Errorf("Files() = %d after Prepare; want 0", s.Files())
	}
}

// oldOutput makes an output folder holding an earlier build's index.html.
func oldOutput(t *testing.T) (parent, out string) {
	t.Helper()
	parent = t.TempDir()
	out = filepath.Join(parent, "public")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "index.html"), []byte("old"), 0o644)
	os.WriteFile(filepath.Join(out, Marker), nil, 0o644)
	return parent, out
}

// checkUntouched checks that the output made by oldOutput is as it was
// and that nothing is left beside it.
func checkUntouched(t *testing.T, parent, out, after string) {
	t.Helper()
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "old" {
		t.Errorf("index.html = %q after %s; want old", b, after)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("%d entries beside the output after %s; want 1", len(entries), after)
	}
}

// Files in many folders, handed over from several goroutines, spread over
// the writers: each must arrive whole, and later files in one folder must
// not be lost behind earlier ones.
func TestWritersWriteEveryFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	s, err := Start(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for f := range 23 {
		for i := range 40 {
			names = append(names, fmt.Sprintf("f%02d/page-%02d.html", f, i))
		}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := g; i < len(names); i += 4 {
				if err := s.Write(names[i], []byte(strings.Repeat(names[i], 100))); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil || string(b) != strings.Repeat(name, 100) {
			t.Fatalf("%s: %d bytes, %v; want the %d bytes written", name, len(b), err, 100*len(name))
		}
	}
}
