// Package publish is where a build's files go: an Output (output.go).
// Staging writes a build into a fresh folder beside the output folder and
// swaps it in only when the build is complete; Discard keeps nothing.
//
// A failed build removes its folder and leaves the previous output exactly
// as it was; a successful one replaces the whole output, so no file from an
// earlier build lingers. On Linux the swap is one atomic rename
// (RENAME_EXCHANGE), so a web server never sees a half-written site;
// elsewhere it is two renames in quick succession (swap.go).
//
// Because a build replaces the whole output folder, Start first checks that
// the folder may be replaced (guard.go): never a source folder, a folder
// around or inside one, a file, or a folder of files no build made. Every
// build leaves a marker file to say the folder is its own. A staging folder
// left by a build that was killed is removed by the next one (stale.go).
package publish

import (
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sync"
)

// fileMode and folderMode are the modes of what a build writes, before
// the user's umask takes its part, as with any program that makes files:
// with umask 022 files are 0644 and folders 0755; with umask 002, where a
// team shares the output folder through a group, the group can replace
// them too.
const (
	fileMode   = 0o666
	folderMode = 0o777
)

// Staging is a build in progress. Write may be called from several
// goroutines at once.
//
// Files are created by writer goroutines, one per core, each owning the
// folders that hash to it, so files in one folder are created by one writer
// in the order they are handed over. Creating a file takes its folder's
// lock in the kernel, and on ext4 allocating the inode can be slow (after
// many deletions it scans past every recently freed inode), so two
// goroutines creating files in one folder mostly wait for each other,
// spinning; writers in different folders work side by side (BENCHMARKS.md
// has the measurements).
type Staging struct {
	out    target
	dir    string
	lock   io.Closer
	ops    fileOps
	ledger ledger
	mu     sync.Mutex // guards made
	made   map[string]bool

	queues []chan file // one per writer
	done   chan struct{}
	// closing guards sends against the closes in finish.
	closing sync.RWMutex
	closed  bool
	// err is the writers' first error, read after done is closed.
	errMu sync.Mutex
	err   error
}

// file is one file waiting for the writer.
type file struct {
	rel  string
	data []byte
}

// Start checks that out may be replaced by a build of the given source
// folders (see checkOut; a refusal is a *Refusal and changes nothing),
// removes staging folders that killed builds left beside it, creates the
// staging folder beside out (same parent, so the final rename stays on one
// file system; inside out when out is a mount point) and starts its
// writers.
func Start(out string, sources ...string) (*Staging, error) {
	t, err := checkOut(out, sources)
	if err != nil {
		return nil, err
	}
	parent, prefix := filepath.Dir(t.dir), "."+filepath.Base(t.dir)+".build-"
	if t.mount {
		parent, prefix = t.dir, mountPrefix
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeStale(parent, prefix)
	dir, lock, err := makeStaging(parent, prefix)
	if err != nil {
		return nil, err
	}
	if t.old != nil {
		keepOwner(dir, t.old) // first: a change of owner can clear setgid
	}
	err = os.Chmod(dir, t.mode)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, Marker), []byte(markerText), fileMode)
	}
	if err != nil {
		lock.Close()
		os.RemoveAll(dir)
		return nil, err
	}
	s := &Staging{
		out: t, dir: dir, lock: lock, ops: osFileOps(),
		made: map[string]bool{"": true, ".": true},
		done: make(chan struct{}),
	}
	var wg sync.WaitGroup
	for range max(2, runtime.GOMAXPROCS(0)) {
		q := make(chan file, 256)
		s.queues = append(s.queues, q)
		wg.Go(func() { s.writer(q) })
	}
	go func() { wg.Wait(); close(s.done) }()
	return s, nil
}

// makeStaging makes and locks a new staging folder in parent. Another
// build tidying away stale folders could find it in the moment between
// making and locking and remove it; then locking fails and a new folder is
// made.
func makeStaging(parent, prefix string) (string, io.Closer, error) {
	var err error
	for range 5 {
		var dir string
		if dir, err = os.MkdirTemp(parent, prefix); err != nil {
			return "", nil, err
		}
		var lock io.Closer
		if lock, err = lockDir(dir); err == nil {
			return dir, lock, nil
		}
		os.RemoveAll(dir)
	}
	return "", nil, fmt.Errorf("cannot lock a staging folder in %s: %w", parent, err)
}

// Files is the number of files written so far.
func (s *Staging) Files() int { return s.ledger.count() }

// Write hands one file, given by its slash path below the site's root, to
// its folder's writer and returns at once, unless that writer is far
// behind. data must not be changed afterwards. An error in writing it is
// returned by Commit, which then publishes nothing.
func (s *Staging) Write(rel string, data []byte) error {
	s.closing.RLock()
	defer s.closing.RUnlock()
	if s.closed {
		return fmt.Errorf("publish: %s written after the build finished", rel)
	}
	if err := s.ledger.add(rel); err != nil {
		return err
	}
	s.queues[folderHash(path.Dir(rel))%uint32(len(s.queues))] <- file{rel, data}
	return nil
}

// folderHash is FNV-1a: cheap, and it spreads a site's folders evenly.
func folderHash(dir string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(dir); i++ {
		h = (h ^ uint32(dir[i])) * 16777619
	}
	return h
}

// writer creates the files of its queue one after another. After its
// first error it only drains the queue.
func (s *Staging) writer(q <-chan file) {
	failed := false
	for f := range q {
		if failed {
			continue
		}
		err := s.mkdir(f.rel)
		if err == nil {
			err = os.WriteFile(filepath.Join(s.dir, filepath.FromSlash(f.rel)), f.data, fileMode)
		}
		if err != nil {
			failed = true
			s.errMu.Lock()
			if s.err == nil {
				s.err = err
			}
			s.errMu.Unlock()
		}
	}
}

// Prepare creates, at once, the folders the files rels will go in. The
// writers would create each as its first file arrives; creating them all
// first lets ext4 spread them over its block groups before any file takes
// room there, which BENCHMARKS.md measured as markedly faster on a large
// site after many deletions.
func (s *Staging) Prepare(rels []string) error {
	for _, rel := range rels {
		if err := s.mkdir(rel); err != nil {
			return err
		}
	}
	return nil
}

// mkdir creates the folder rel goes in, once.
func (s *Staging) mkdir(rel string) error {
	dir := filepath.Dir(filepath.FromSlash(rel))
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.made[dir] {
		return nil
	}
	if err := os.MkdirAll(filepath.Join(s.dir, dir), folderMode); err != nil {
		return err
	}
	s.made[dir] = true
	return nil
}

// finish waits for the writers to write everything handed to them and
// returns the first error.
func (s *Staging) finish() error {
	s.closing.Lock()
	if !s.closed {
		s.closed = true
		for _, q := range s.queues {
			close(q)
		}
	}
	s.closing.Unlock()
	<-s.done
	return s.err
}

// Create opens a file for writing by streaming, for output too large to
// hold in memory. The caller closes it. It does not go through the
// writers: it is for the odd large file.
func (s *Staging) Create(rel string) (io.WriteCloser, error) {
	if err := s.ledger.add(rel); err != nil {
		return nil, err
	}
	if err := s.mkdir(rel); err != nil {
		return nil, err
	}
	return os.OpenFile(filepath.Join(s.dir, filepath.FromSlash(rel)), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, fileMode)
}

// Abort removes the staging folder; the output is untouched.
func (s *Staging) Abort() error {
	s.finish()
	s.lock.Close()
	return os.RemoveAll(s.dir)
}

// Commit waits for every file to be written, then swaps the staging folder
// in as the output and removes the old output. If a file could not be
// written, or the swap failed, it removes the staging folder instead and
// the output is untouched. If only the old output could not be removed, the
// new site is live, and the error is a *Leftover saying what is left.
func (s *Staging) Commit() error {
	if err := s.finish(); err != nil {
		s.Abort()
		return err
	}
	var old string
	var err error
	if s.out.mount {
		old, err = swapContents(s.dir, s.out.dir, s.ops)
	} else {
		old, err = swap(s.dir, s.out.dir, s.ops)
	}
	s.lock.Close()
	if err != nil {
		os.RemoveAll(s.dir)
		return err
	}
	if old == "" {
		return nil
	}
	if err := s.ops.removeAll(old); err != nil {
		return &Leftover{Out: s.out.dir, Old: old, Err: err}
	}
	return nil
}

// Leftover reports that the new site is live in Out, but the old one could
// not be removed completely and is left in Old. The next build tries to
// remove it again.
type Leftover struct {
	Out, Old string
	Err      error
}

func (l *Leftover) Error() string {
	return fmt.Sprintf("the new site is live in %s, but the old one could not be removed completely (%v); what is left of it is in %s, and the next build will try again to remove it", l.Out, l.Err, l.Old)
}
