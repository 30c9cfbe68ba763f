package watch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"
)

// testDebounce is long enough that the steps of one simulated save, run
// back to back, always fall in one batch even on a loaded machine.
const testDebounce = 150 * time.Millisecond

// started is a running watcher over a temporary folder.
type started struct {
	dir     string
	batches chan []string
	stop    func()
}

func start(t *testing.T, opt Options, files map[string]string) *started {
	t.Helper()
	return startIn(t, opt, files, false)
}

// startIn is start, naming the root to the watcher by a path relative to
// the working folder (which it changes) when relative is true.
func startIn(t *testing.T, opt Options, files map[string]string, relative bool) *started {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if opt.Debounce == 0 {
		opt.Debounce = testDebounce
	}
	opt.OnError = func(err error) { t.Errorf("watcher error: %v", err) }
	root := dir
	if relative {
		t.Chdir(filepath.Dir(dir))
		root = filepath.Base(dir)
	}
	w, err := New([]string{root}, opt)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &started{dir: dir, batches: make(chan []string, 16)}
	done := make(chan error)
	go func() {
		done <- w.Run(ctx, func(paths []string) { s.batches <- paths })
	}()
	s.stop = func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run = %v; want nil", err)
		}
	}
	t.Cleanup(func() {
		if s.stop != nil {
			s.stop()
		}
	})
	return s
}

// next waits for the next batch and returns it relative to the folder.
func (s *started) next(t *testing.T) []string {
	t.Helper()
	select {
	case paths := <-s.batches:
		var rel []string
		for _, p := range paths {
			r, err := filepath.Rel(s.dir, p)
			if err != nil {
				t.Fatal(err)
			}
			rel = append(rel, filepath.ToSlash(r))
		}
		return rel
	case <-time.After(10 * time.Second):
		t.Fatal("no batch of changes within 10s")
		return nil
	}
}

func (s *started) path(name string) string { return filepath.Join(s.dir, filepath.FromSlash(name)) }

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, p, body string) { t.Helper(); must(t, os.WriteFile(p, []byte(body), 0o644)) }

// TestEditorSaves runs the ways editors save a file and checks that each
// is reported as one batch naming the saved file and nothing else. Each
// save is followed by a write to a sentinel file, so a save that reported
// nothing (or reported in two batches) shows up as a wrong first batch.
func TestEditorSaves(t *testing.T) {
	tests := []struct {
		name string
		save func(t *testing.T, s *started)
		want []string // the first batch; nil means only the sentinel
	}{
		{"write in place", func(t *testing.T, s *started) {
			write(t, s.path("a.md"), "new")
		}, []string{"a.md"}},
		{"truncate, pause, then write", func(t *testing.T, s *started) {
			f, err := os.OpenFile(s.path("a.md"), os.O_WRONLY|os.O_TRUNC, 0)
			must(t, err)
			time.Sleep(10 * time.Millisecond)
			_, err = f.WriteString("new")
			must(t, err)
			must(t, f.Close())
		}, []string{"a.md"}},
		{"temp file renamed over", func(t *testing.T, s *started) {
			write(t, s.path("a.md.tmp"), "new")
			must(t, os.Rename(s.path("a.md.tmp"), s.path("a.md")))
		}, []string{"a.md"}},
		{"hidden temp file renamed over (gedit, VS Code)", func(t *testing.T, s *started) {
			write(t, s.path(".goutputstream-XYZ"), "new")
			must(t, os.Rename(s.path(".goutputstream-XYZ"), s.path("a.md")))
		}, []string{"a.md"}},
		{"remove and create", func(t *testing.T, s *started) {
			must(t, os.Remove(s.path("a.md")))
			write(t, s.path("a.md"), "new")
		}, []string{"a.md"}},
		{"vim: test file, backup by rename, write, drop backup", func(t *testing.T, s *started) {
			write(t, s.path("4913"), "")
			must(t, os.Remove(s.path("4913")))
			must(t, os.Rename(s.path("a.md"), s.path("a.md~")))
			write(t, s.path("a.md"), "new")
			must(t, os.Remove(s.path("a.md~")))
		}, []string{"a.md"}},
		{"JetBrains safe write", func(t *testing.T, s *started) {
			write(t, s.path("a.md___jb_tmp___"), "new")
			must(t, os.Rename(s.path("a.md"), s.path("a.md___jb_old___")))
			must(t, os.Rename(s.path("a.md___jb_tmp___"), s.path("a.md")))
			must(t, os.Remove(s.path("a.md___jb_old___")))
		}, []string{"a.md"}},
		{"swap and lock files only", func(t *testing.T, s *started) {
			write(t, s.path(".a.md.swp"), "swap")
			write(t, s.path(".#a.md"), "lock")
			write(t, s.path("#a.md#"), "autosave")
		}, nil},
		{"chmod only", func(t *testing.T, s *started) {
			must(t, os.Chmod(s.path("a.md"), 0o600))
		}, nil},
		{"touch only", func(t *testing.T, s *started) {
			now := time.Now().Add(time.Hour)
			must(t, os.Chtimes(s.path("a.md"), now, now))
		}, nil},
		{"file in a subfolder", func(t *testing.T, s *started) {
			write(t, s.path("sub/deeper/c.md"), "new")
		}, []string{"sub/deeper/c.md"}},
		{"file removed", func(t *testing.T, s *started) {
			must(t, os.Remove(s.path("sub/b.md")))
		}, []string{"sub/b.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := start(t, Options{}, map[string]string{"a.md": "old", "sub/b.md": "b", "sub/deeper/c.md": "c"})
			tt.save(t, s)
			if tt.want == nil {
				write(t, s.path("sentinel.md"), "x")
				tt.want = []string{"sentinel.md"}
			}
			if got := s.next(t); !slices.Equal(got, tt.want) {
				t.Fatalf("first batch = %q; want %q", got, tt.want)
			}
			write(t, s.path("sentinel.md"), "y")
			if got := s.next(t); !slices.Equal(got, []string{"sentinel.md"}) {
				t.Errorf("batch after the save = %q; want only the sentinel (the save was split across batches)", got)
			}
		})
	}
}

// TestNewFolders checks that folders created while watching are watched,
// including files made in them before the watch could be added.
func TestNewFolders(t *testing.T) {
	tests := []struct {
		name  string
		make  func(t *testing.T, s *started)
		want  []string
		later string // a file written afterwards, which must be seen
	}{
		{"mkdir then file", func(t *testing.T, s *started) {
			must(t, os.Mkdir(s.path("new"), 0o755))
			write(t, s.path("new/a.md"), "a")
		}, []string{"new", "new/a.md"}, "new/a.md"},
		{"nested folders at once", func(t *testing.T, s *started) {
			must(t, os.MkdirAll(s.path("x/y/z"), 0o755))
			write(t, s.path("x/y/z/a.md"), "a")
		}, []string{"x", "x/y", "x/y/z", "x/y/z/a.md"}, "x/y/z/b.md"},
		{"folder moved in from outside", func(t *testing.T, s *started) {
			outside := filepath.Join(t.TempDir(), "moved")
			must(t, os.MkdirAll(filepath.Join(outside, "inner"), 0o755))
			write(t, filepath.Join(outside, "inner", "a.md"), "a")
			must(t, os.Rename(outside, s.path("moved")))
		}, []string{"moved", "moved/inner", "moved/inner/a.md"}, "moved/inner/b.md"},
		{"hidden folder is not watched", func(t *testing.T, s *started) {
			must(t, os.Mkdir(s.path(".git"), 0o755))
			write(t, s.path(".git/index"), "a")
			write(t, s.path("seen.md"), "a")
		}, []string{"seen.md"}, "seen.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := start(t, Options{}, nil)
			tt.make(t, s)
			if got := s.next(t); !slices.Equal(got, tt.want) {
				t.Fatalf("first batch = %q; want %q", got, tt.want)
			}
			write(t, s.path(tt.later), "later")
			if got := s.next(t); !slices.Equal(got, []string{tt.later}) {
				t.Errorf("batch after writing %s = %q; want just that file", tt.later, got)
			}
		})
	}
}

// TestDebounce checks that a stream of writes closer together than the
// debounce is one batch, and that MaxWait ends a batch that never goes
// quiet.
func TestDebounce(t *testing.T) {
	t.Run("burst is one batch", func(t *testing.T) {
		s := start(t, Options{Debounce: 200 * time.Millisecond}, nil)
		for i := range 10 {
			write(t, s.path("a.md"), string(rune('a'+i)))
			write(t, s.path("b.md"), string(rune('a'+i)))
			time.Sleep(5 * time.Millisecond)
		}
		if got, want := s.next(t), []string{"a.md", "b.md"}; !slices.Equal(got, want) {
			t.Errorf("batch = %q; want %q", got, want)
		}
		select {
		case got := <-s.batches:
			t.Errorf("second batch %q; want the burst in one", got)
		case <-time.After(400 * time.Millisecond):
		}
	})
	t.Run("MaxWait ends an endless burst", func(t *testing.T) {
		s := start(t, Options{Debounce: time.Hour, MaxWait: 200 * time.Millisecond}, nil)
		write(t, s.path("a.md"), "a")
		got := s.next(t)
		if !slices.Equal(got, []string{"a.md"}) {
			t.Errorf("batch = %q; want [a.md]", got)
		}
	})
}

// TestStop checks that Run returns when its context ends and leaves no
// goroutine behind.
func TestStop(t *testing.T) {
	before := runtime.NumGoroutine()
	dir := t.TempDir()
	w, err := New([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- w.Run(ctx, func([]string) {}) }()
	write(t, filepath.Join(dir, "a.md"), "a")
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v; want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after its context ended")
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("goroutines = %d; want %d\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestNewErrors(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	write(t, file, "x")
	for _, root := range []string{filepath.Join(t.TempDir(), "missing"), file} {
		if w, err := New([]string{root}, Options{}); err == nil {
			w.fsw.Close()
			t.Errorf("New(%s) = nil error; want one (not a folder)", root)
		}
	}
}

func TestEditorTemp(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"page.md", false},
		{"site.yaml", false},
		{"photo.jpg", false},
		{"4913", true},
		{"page.md~", true},
		{".page.md.swp", true},
		{".page.md.swx", true},
		{"page.md.swo", true},
		{".#page.md", true},
		{"#page.md#", true},
		{"#", false},
		{".DS_Store", true},
		{"page.md.tmp", true},
		{"page.md.crswap", true},
		{"page.md___jb_tmp___", true},
		{"page.md___jb_old___", true},
		{"page.md.kate-swp", true},
	}
	for _, tt := range tests {
		if got := EditorTemp(tt.name); got != tt.want {
			t.Errorf("EditorTemp(%q) = %v; want %v", tt.name, got, tt.want)
		}
	}
}

// TestRootReplaced: a root folder that is removed and made again, as a
// branch switch or a restore does, is watched again, all of it.
func TestRootReplaced(t *testing.T) {
	for _, relative := range []bool{false, true} {
		t.Run(fmt.Sprintf("relative=%v", relative), func(t *testing.T) {
			// serve's default root is relative: "content", below the
			// folder serve runs in.
			rootReplaced(t, startIn(t, Options{}, map[string]string{"a.md": "a", "sub/b.md": "b"}, relative))
		})
	}
}

func rootReplaced(t *testing.T, s *started) {
	must(t, os.RemoveAll(s.dir))
	if got := s.next(t); !slices.Contains(got, ".") {
		t.Fatalf("batch after removing the root = %q; want the root itself", got)
	}
	must(t, os.MkdirAll(s.path("sub"), 0o755))
	write(t, s.path("sub/b.md"), "b again")
	got := s.next(t)
	if !slices.Contains(got, ".") {
		t.Fatalf("batch after making the root again = %q; want the root", got)
	}
	write(t, s.path("sub/b.md"), "edited later")
	if got := s.next(t); !slices.Equal(got, []string{"sub/b.md"}) {
		t.Errorf("batch after an edit in the new root = %q; want [sub/b.md]", got)
	}
	// A neighbour of the root changing is not a change of the site.
	write(t, filepath.Join(filepath.Dir(s.dir), "neighbour.txt"), "x")
	write(t, s.path("a.md"), "a")
	if got := s.next(t); !slices.Equal(got, []string{"a.md"}) {
		t.Errorf("batch after a neighbour and a.md changed = %q; want [a.md]", got)
	}
}
