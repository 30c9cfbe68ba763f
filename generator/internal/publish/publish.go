// Package publish writes a build into a fresh folder beside the output
// folder and swaps it in only when the build is complete.
//
// A failed build removes its folder and leaves the previous output exactly
// as it was; a successful one replaces the whole output, so no file from an
// earlier build lingers. On Linux the swap is one atomic rename
// (RENAME_EXCHANGE), so a web server never sees a half-written site;
// elsewhere it is two renames in quick succession.
package publish

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Staging is a build in progress. Write may be called from several
// goroutines at once.
type Staging struct {
	out  string
	dir  string
	mu   sync.Mutex
	made map[string]bool
	n    int
}

// Start creates the staging folder beside out (same parent, so the final
// rename stays on one file system).
func Start(out string) (*Staging, error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".build-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &Staging{out: out, dir: dir, made: map[string]bool{"": true, ".": true}}, nil
}

// Dir is the staging folder.
func (s *Staging) Dir() string { return s.dir }

// Files is the number of files written so far.
func (s *Staging) Files() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n
}

// Write writes one file, given by its slash path below the site's root.
func (s *Staging) Write(rel string, data []byte) error {
	if rel == "" || strings.HasPrefix(rel, "/") || strings.Contains("/"+rel+"/", "/../") {
		return fmt.Errorf("publish: refusing to write %q outside the output folder", rel)
	}
	dir := filepath.Dir(filepath.FromSlash(rel))
	s.mu.Lock()
	if !s.made[dir] {
		if err := os.MkdirAll(filepath.Join(s.dir, dir), 0o755); err != nil {
			s.mu.Unlock()
			return err
		}
		s.made[dir] = true
	}
	s.n++
	s.mu.Unlock()
	return os.WriteFile(filepath.Join(s.dir, filepath.FromSlash(rel)), data, 0o644)
}

// Create opens a file for writing by streaming, for output too large to
// hold in memory. The caller closes it.
func (s *Staging) Create(rel string) (io.WriteCloser, error) {
	if err := s.Write(rel, nil); err != nil {
		return nil, err
	}
	return os.OpenFile(filepath.Join(s.dir, filepath.FromSlash(rel)), os.O_WRONLY|os.O_TRUNC, 0o644)
}

// ScratchFile creates a working file that is not part of the output, in a
// folder removed on commit or abort. The caller closes it.
func (s *Staging) ScratchFile(name string) (*os.File, error) {
	dir := s.dir + ".scratch"
	s.mu.Lock()
	err := os.MkdirAll(dir, 0o755)
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return os.OpenFile(filepath.Join(dir, filepath.Base(name)), os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o644)
}

// Abort removes the staging folder; the output is untouched.
func (s *Staging) Abort() error {
	os.RemoveAll(s.dir + ".scratch")
	return os.RemoveAll(s.dir)
}

// Commit swaps the staging folder in as the output and removes the old
// output.
func (s *Staging) Commit() error {
	os.RemoveAll(s.dir + ".scratch")
	old, err := swap(s.dir, s.out)
	if err != nil {
		s.Abort()
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// twoRenames swaps without an atomic exchange: the old output is moved
// aside, then the new one moved in. It returns where the old output went.
func twoRenames(staged, out string) (string, error) {
	if _, err := os.Lstat(out); os.IsNotExist(err) {
		return "", os.Rename(staged, out)
	}
	aside := staged + ".old"
	if err := os.Rename(out, aside); err != nil {
		return "", err
	}
	if err := os.Rename(staged, out); err != nil {
		os.Rename(aside, out)
		return "", err
	}
	return aside, nil
}
