// Package watch reports changes below a set of folders, recursively and in
// batches, for the dev server to rebuild on.
//
// Editors save in many ways: writing in place (often a truncate and then
// several writes), writing a temporary file and renaming it over the
// original, removing the original and creating it again, or leaving swap and
// backup files beside it. Each of these produces a burst of file-system
// events, some for files nobody builds from. So the watcher
//
//   - ignores events for editors' temporary files (see EditorTemp) and
//     events that only change a file's attributes (chmod, touch),
//   - waits until the folders have been quiet for a short while (the
//     debounce) and then reports every path that changed as one batch, so a
//     save is one rebuild and a half-written file is never reported alone,
//   - watches folders created after it started, including everything already
//     inside them by the time the watch is added,
//   - watches the folder each root is in as well, so that a root that is
//     removed and made again (a branch switch, a restore from backup,
//     rsync --delete-after) is watched again, all of it.
//
// The model is litestream's debounced recursive fsnotify loop.
package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options tune a Watcher. The zero value is usable.
type Options struct {
	// Debounce is how long the folders must be quiet before a batch is
	// reported; 20ms when zero. Long enough to cover a truncate-then-write
	// or write-then-rename save (editors finish one within a few
	// milliseconds), short enough not to be felt: on a 1,000-page site it
	// is about half of the wait from saving to seeing the edit. A save
	// split over two batches is still built right, in two rebuilds.
	Debounce time.Duration
	// MaxWait caps how long a batch waits while events keep arriving (a
	// large copy, a checkout); 500ms when zero.
	MaxWait time.Duration
	// Ignore says whether a file or folder name is skipped; EditorTemp when
	// nil. A skipped folder is not watched.
	Ignore func(name string) bool
	// OnError receives problems that do not stop the watcher, such as a
	// folder that could not be watched. Nil drops them.
	OnError func(error)
}

// Watcher watches folders recursively. Create one with New, then call Run.
type Watcher struct {
	fsw   *fsnotify.Watcher
	roots []string
	opt   Options
}

// New starts watching every folder below roots (the roots included).
func New(roots []string, opt Options) (*Watcher, error) {
	if opt.Debounce <= 0 {
		opt.Debounce = 20 * time.Millisecond
	}
	if opt.MaxWait <= 0 {
		opt.MaxWait = 500 * time.Millisecond
	}
	if opt.Ignore == nil {
		opt.Ignore = EditorTemp
	}
	if opt.OnError == nil {
		opt.OnError = func(error) {}
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("cannot watch for changes: %w", err)
	}
	w := &Watcher{fsw: fsw, opt: opt}
	for _, root := range roots {
		// An absolute root: for a relative one ("content"), its own
		// folder would be "." and a removed root that comes back would
		// not be seen.
		if abs, err := filepath.Abs(root); err == nil {
			root = abs
		}
		info, err := os.Stat(root)
		if err != nil || !info.IsDir() {
			fsw.Close()
			return nil, fmt.Errorf("cannot watch %s: not a folder", root)
		}
		if _, err := w.addTree(root); err != nil {
			fsw.Close()
			return nil, err
		}
		w.roots = append(w.roots, root)
		// The root's own folder too: without it, nothing would say
		// when a removed root comes back.
		if err := fsw.Add(filepath.Dir(root)); err != nil {
			opt.OnError(fmt.Errorf("cannot watch %s, so a replaced %s will need a restart: %w", filepath.Dir(root), root, err))
		}
	}
	return w, nil
}

// underRoot reports whether name is a root or lies below one. Events for
// a root's neighbours, which arrive because the root's own folder is
// watched, are not.
func (w *Watcher) underRoot(name string) bool {
	for _, root := range w.roots {
		if name == root || strings.HasPrefix(name, root+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// addTree watches dir and every folder below it, and returns the files and
// folders found below it (for a folder that has just appeared, these are
// changes: they may have been created before the watch was in place).
func (w *Watcher) addTree(dir string) ([]string, error) {
	var found []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			// Gone already, or unreadable: report and carry on.
			w.opt.OnError(err)
			return nil
		}
		if p != dir && w.opt.Ignore(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if p != dir {
			found = append(found, p)
		}
		if d.IsDir() {
			if err := w.fsw.Add(p); err != nil {
				return fmt.Errorf("cannot watch %s: %w", p, err)
			}
		}
		return nil
	})
	return found, err
}

// Run reports batches of changed paths to changed until ctx ends, then
// stops watching. Paths are sorted, each once, and start with one of the
// roots as given to New. A batch that had to drop events (the kernel queue
// overflowed) holds the roots themselves: everything may have changed.
//
// changed runs on Run's goroutine; events arriving meanwhile are kept and
// reported in the next batch.
func (w *Watcher) Run(ctx context.Context, changed func(paths []string)) error {
	defer w.fsw.Close()
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	var first time.Time // when the oldest pending event arrived
	note := func(paths ...string) {
		if len(paths) == 0 {
			return
		}
		now := time.Now()
		if len(pending) == 0 {
			first = now
		}
		for _, p := range paths {
			pending[p] = true
		}
		wait := w.opt.Debounce
		if rest := w.opt.MaxWait - now.Sub(first); rest < wait {
			wait = max(rest, 0)
		}
		timer.Reset(wait)
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return nil
			}
			note(w.handle(ev)...)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return nil
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				note(w.roots...)
				continue
			}
			w.opt.OnError(err)
		case <-timer.C:
			if len(pending) == 0 {
				continue
			}
			paths := make([]string, 0, len(pending))
			for p := range pending {
				paths = append(paths, p)
			}
			sort.Strings(paths)
			clear(pending)
			changed(paths)
		}
	}
}

// handle turns one event into the paths it changed, watching any folder
// that appeared.
func (w *Watcher) handle(ev fsnotify.Event) []string {
	if !w.underRoot(ev.Name) {
		return nil
	}
	if slices.Contains(w.roots, ev.Name) {
		// A root was removed or moved away (the build then says it is
		// missing), or has come back: watch all of it again.
		if ev.Has(fsnotify.Create) {
			found, err := w.addTree(ev.Name)
			if err != nil {
				w.opt.OnError(err)
			}
			return append([]string{ev.Name}, found...)
		}
		return []string{ev.Name}
	}
	if w.opt.Ignore(filepath.Base(ev.Name)) || w.ignoredDir(ev.Name) {
		return nil
	}
	// Attribute changes alone (chmod, touch, and the chmod Linux sends
	// before a remove) change nothing a build reads.
	if ev.Op == fsnotify.Chmod {
		return nil
	}
	paths := []string{ev.Name}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			found, err := w.addTree(ev.Name)
			if err != nil {
				w.opt.OnError(err)
			}
			paths = append(paths, found...)
		}
	}
	return paths
}

// ignoredDir reports whether name lies inside an ignored folder below a
// root (events can still arrive for one that was renamed to an ignored
// name while watched).
func (w *Watcher) ignoredDir(name string) bool {
	for _, root := range w.roots {
		rel, err := filepath.Rel(root, filepath.Dir(name))
		if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
			continue
		}
		for _, part := range strings.Split(rel, string(filepath.Separator)) {
			if w.opt.Ignore(part) {
				return true
			}
		}
	}
	return false
}

// EditorTemp reports whether a file or folder name is one editors and
// operating systems leave beside the files they save, rather than a source:
// hidden names (.name.swp, .#name, .DS_Store, .goutputstream-*), backups
// (name~), autosaves (#name#), swap and temporary files (*.swp, *.swx,
// *.swo, *.tmp, *.crswap, *.kate-swp), vim's write test file "4913" and
// JetBrains' safe-write files (*___jb_tmp___, *___jb_old___).
func EditorTemp(name string) bool {
	if name == "4913" || strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		(len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")) {
		return true
	}
	for _, suffix := range []string{".swp", ".swx", ".swo", ".tmp", ".crswap", ".kate-swp", "___jb_tmp___", "___jb_old___"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}
