package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tree writes files (by slash path; a trailing "/" makes a folder) below dir.
func tree(t *testing.T, dir string, files ...string) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if strings.HasSuffix(f, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// snapshot lists every path below dir with its contents, to show that a
// refused build changed nothing.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if d.Type()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(p)
			out[rel] = "-> " + target
			return nil
		}
		if d.IsDir() {
			out[rel] = "/"
			return nil
		}
		b, _ := os.ReadFile(p)
		out[rel] = string(b)
		return nil
	})
	return out
}

// TestStartRefuses: an output folder that a build would destroy or
// corrupt is refused, with a *Refusal that says what to do, and nothing
// in the working folder changes.
func TestStartRefuses(t *testing.T) {
	tests := []struct {
		name    string
		out     string   // relative to the working folder
		sources []string // likewise
		setup   func(t *testing.T, dir string)
		want    string
	}{
		{"no name", "", nil, nil, "no output folder given"},
		{"a file", "notes.txt", nil, func(t *testing.T, d string) { tree(t, d, "notes.txt") }, "is a file, not a folder"},
		{"the content folder", "content", []string{"content", "templates"}, func(t *testing.T, d string) { tree(t, d, "content/_index.md", "templates/base.html") }, "is the source folder content"},
		{"the folder around the sources", ".", []string{"content", "templates"}, func(t *testing.T, d string) { tree(t, d, "content/_index.md", "templates/base.html", "notes.txt") }, "holds the source folder content"},
		{"a folder inside the content", "content/public", []string{"content"}, func(t *testing.T, d string) { tree(t, d, "content/_index.md") }, "is inside the source folder content"},
		{"the content folder by a link", "site", []string{"content"}, func(t *testing.T, d string) {
			tree(t, d, "content/_index.md")
			os.Symlink("content", filepath.Join(d, "site"))
		}, "is the source folder content"},
		{"someone's documents", "mydocs", nil, func(t *testing.T, d string) { tree(t, d, "mydocs/letter.txt", "mydocs/photos/a.jpg") }, "already holds files that joinedup did not make"},
		{"a link to nowhere", "public", nil, func(t *testing.T, d string) { os.Symlink("gone", filepath.Join(d, "public")) }, "symbolic link that leads nowhere"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			t.Chdir(dir)
			before := snapshot(t, dir)
			s, err := Start(tt.out, tt.sources...)
			if err == nil {
				s.Abort()
				t.Fatalf("Start(%q) succeeded; want a refusal", tt.out)
			}
			var r *Refusal
			if !errors.As(err, &r) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Start(%q) = %v; want a *Refusal saying %q", tt.out, err, tt.want)
			}
			if diff := cmpTrees(before, snapshot(t, dir)); diff != "" {
				t.Errorf("a refused Start changed the folder: %s", diff)
			}
		})
	}
}

func cmpTrees(a, b map[string]string) string {
	for k, v := range a {
		if b[k] != v {
			return "changed or removed " + k
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			return "added " + k
		}
	}
	return ""
}

// TestStartAccepts: an empty folder, a folder a build made (marker), and
// the output of a version from before the marker are all replaced; a
// symbolic link to a folder stays a link, and its target is replaced.
func TestStartAccepts(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		check func(t *testing.T, dir string)
	}{
		{"empty folder", func(t *testing.T, d string) { tree(t, d, "public/") }, nil},
		{"marked folder", func(t *testing.T, d string) { tree(t, d, "public/"+Marker, "public/old.html") }, nil},
		{"earlier version's output", func(t *testing.T, d string) {
			tree(t, d, "public/index.html", "public/404.html", "public/sitemap.xml", "public/search/index.html", "public/assets/site.css")
		}, nil},
		{"link to a web root", func(t *testing.T, d string) {
			tree(t, d, "www/"+Marker, "www/old.html")
			os.Symlink("www", filepath.Join(d, "public"))
		}, func(t *testing.T, d string) {
			if target, err := os.Readlink(filepath.Join(d, "public")); err != nil || target != "www" {
				t.Errorf("public is no longer a link to www (%q, %v)", target, err)
			}
			if b, _ := os.ReadFile(filepath.Join(d, "www", "index.html")); string(b) != "new" {
				t.Errorf("www/index.html = %q; want the new site", b)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.setup(t, dir)
			s, err := Start(filepath.Join(dir, "public"))
			if err != nil {
				t.Fatalf("Start = %v", err)
			}
			s.Write("index.html", []byte("new"))
			if err := s.Commit(); err != nil {
				t.Fatalf("Commit = %v", err)
			}
			if b, _ := os.ReadFile(filepath.Join(dir, "public", "index.html")); string(b) != "new" {
				t.Errorf("public/index.html = %q; want new", b)
			}
			if _, err := os.Stat(filepath.Join(dir, "public", Marker)); err != nil {
				t.Errorf("no marker file in the output: %v", err)
			}
			if _, err := os.Stat(filepath.Join(dir, "public", "old.html")); err == nil {
				t.Error("a file of the old output survived")
			}
			if tt.check != nil {
				tt.check(t, dir)
			}
		})
	}
}

// TestFallbackSwap: where the atomic exchange is missing, two renames
// swap the folders; when the second fails, the old output is put back.
func TestFallbackSwap(t *testing.T) {
	noExchange := func(string, string) error { return errors.ErrUnsupported }
	t.Run("works", func(t *testing.T) {
		parent, out := oldOutput(t)
		s, _ := Start(out)
		s.ops.exchange = noExchange
		s.Write("index.html", []byte("new"))
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "new" {
			t.Errorf("index.html = %q; want new", b)
		}
		if entries, _ := os.ReadDir(parent); len(entries) != 1 {
			t.Errorf("%d entries beside the output; want 1", len(entries))
		}
	})
	t.Run("rolls back", func(t *testing.T) {
		parent, out := oldOutput(t)
		s, _ := Start(out)
		s.ops.exchange = noExchange
		calls := 0
		s.ops.rename = func(from, to string) error {
			calls++
			if calls == 2 { // moving the new site in
				return errors.New("disk on fire")
			}
			return os.Rename(from, to)
		}
		s.Write("index.html", []byte("new"))
		if err := s.Commit(); err == nil || !strings.Contains(err.Error(), "disk on fire") {
			t.Fatalf("Commit = %v; want the failed rename", err)
		}
		checkUntouched(t, parent, out, "a failed swap")
	})
	t.Run("says when it cannot roll back", func(t *testing.T) {
		_, out := oldOutput(t)
		s, _ := Start(out)
		s.ops.exchange = noExchange
		calls := 0
		s.ops.rename = func(from, to string) error {
			calls++
			if calls >= 2 {
				return errors.New("disk on fire")
			}
			return os.Rename(from, to)
		}
		s.Write("index.html", []byte("new"))
		err := s.Commit()
		if err == nil || !strings.Contains(err.Error(), "could not be put back") {
			t.Fatalf("Commit = %v; want it to say where the old site is", err)
		}
	})
}

// TestLeftover: when the old output cannot be removed after the swap, the
// new site is live and the error says so, and what is left where.
func TestLeftover(t *testing.T) {
	_, out := oldOutput(t)
	s, _ := Start(out)
	s.ops.removeAll = func(string) error { return errors.New("operation not permitted") }
	s.Write("index.html", []byte("new"))
	err := s.Commit()
	var l *Leftover
	if !errors.As(err, &l) || !strings.Contains(err.Error(), "the new site is live") {
		t.Fatalf("Commit = %v; want a *Leftover", err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "new" {
		t.Errorf("index.html = %q; want new", b)
	}
	if b, _ := os.ReadFile(filepath.Join(l.Old, "index.html")); string(b) != "old" {
		t.Errorf("%s holds %q; want the old site", l.Old, b)
	}
}

// TestSwapContents: an output folder that is a mount point keeps its
// place; its contents are swapped, and put back when a move fails.
func TestSwapContents(t *testing.T) {
	for _, fail := range []bool{false, true} {
		_, out := oldOutput(t)
		tree(t, out, "old/deep.html")
		s, err := Start(out)
		if err != nil {
			t.Fatal(err)
		}
		s.out.mount = true // as if it were (mounting needs privileges)
		if fail {
			calls := 0
			s.ops.rename = func(from, to string) error {
				if calls++; calls == 4 {
					return errors.New("disk on fire")
				}
				return os.Rename(from, to)
			}
		}
		// A staging folder made inside the mount, as Start makes it there.
		inside, _ := os.MkdirTemp(out, mountPrefix)
		os.Rename(s.dir, filepath.Join(inside, "s"))
		s.dir = filepath.Join(inside, "s")
		s.Write("index.html", []byte("new"))
		s.Write("a/b.html", []byte("new"))
		err = s.Commit()
		if fail {
			if err == nil {
				t.Fatal("Commit succeeded; want the failed move")
			}
			if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "old" {
				t.Errorf("after a failed swap index.html = %q; want old", b)
			}
			if _, err := os.Stat(filepath.Join(out, "old", "deep.html")); err != nil {
				t.Errorf("after a failed swap old/deep.html is gone: %v", err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for f, want := range map[string]string{"index.html": "new", "a/b.html": "new"} {
			if b, _ := os.ReadFile(filepath.Join(out, f)); string(b) != want {
				t.Errorf("%s = %q; want %q", f, b, want)
			}
		}
		if _, err := os.Stat(filepath.Join(out, "old")); err == nil {
			t.Error("old/ survived the swap")
		}
	}
}

// TestRemoveStale: a staging folder that a killed build left is removed
// by the next build; one in use (locked) is not, nor, where there are no
// locks, one younger than staleAge.
func TestRemoveStale(t *testing.T) {
	parent, out := oldOutput(t)
	old := time.Now().Add(-2*staleAge - time.Second)
	stale := filepath.Join(parent, ".public.build-111")
	busy := filepath.Join(parent, ".public.build-222")
	young := filepath.Join(parent, ".public.build-333")
	tree(t, parent, ".public.build-111/index.html", ".public.build-222/index.html", ".public.build-333/index.html")
	os.Chtimes(stale, old, old)
	os.Chtimes(busy, old, old)
	lock, err := lockDir(busy)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	s, err := Start(out)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	if _, err := os.Stat(stale); err == nil {
		t.Error("the stale staging folder was not removed")
	}
	keep := []string{busy}
	if staleAge > 0 {
		keep = append(keep, young)
	}
	for _, keep := range keep {
		if _, err := os.Stat(keep); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(keep), err)
		}
	}
}

// TestKeepsMode: the new output keeps the old one's permissions.
func TestKeepsMode(t *testing.T) {
	_, out := oldOutput(t)
	if err := os.Chmod(out, 0o775|fs.ModeSetgid); err != nil {
		t.Fatal(err)
	}
	s, _ := Start(out)
	s.Write("index.html", []byte("new"))
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(out)
	if got := info.Mode() & (fs.ModePerm | fs.ModeSetgid); got != 0o775|fs.ModeSetgid {
		t.Errorf("output mode = %v; want drwxrwsr-x, as before", info.Mode())
	}
}

func TestIsMount(t *testing.T) {
	if isMount(t.TempDir()) {
		t.Error("a new temporary folder is a mount point; want not")
	}
	if _, err := os.Stat("/proc/self"); err == nil && !isMount("/proc") {
		t.Error("/proc is not a mount point; want it to be")
	}
}

// TestTempDir: a scratch folder left by a killed process is removed when
// the next one makes its own; one in use is not.
func TestTempDir(t *testing.T) {
	parent := t.TempDir()
	left := filepath.Join(parent, "joinedup-serve-left")
	tree(t, parent, "joinedup-serve-left/build-1/index.html")
	old := time.Now().Add(-2*staleAge - time.Second)
	os.Chtimes(left, old, old)
	inUse, releaseInUse, err := TempDir(parent, "joinedup-serve-")
	if err != nil {
		t.Fatal(err)
	}
	defer releaseInUse()
	if _, err := os.Stat(left); err == nil {
		t.Error("the folder a killed process left is still there")
	}
	dir, release, err := TempDir(parent, "joinedup-serve-")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(inUse); err != nil {
		t.Errorf("the folder in use was removed: %v", err)
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("release left the folder")
	}
}

// TestStartNoFolder: an empty source name is a site without that folder
// (no templates or static folder), not the working folder that holds the
// output.
func TestStartNoFolder(t *testing.T) {
	dir := t.TempDir()
	tree(t, dir, "content/_index.md")
	t.Chdir(dir)
	s, err := Start("public", "content", "", "")
	if err != nil {
		t.Fatalf("Start(public, content, \"\", \"\") = %v; want no refusal", err)
	}
	s.Abort()
}
