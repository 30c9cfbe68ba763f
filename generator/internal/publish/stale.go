package publish

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// removeStale removes the staging folders (and set-aside old outputs) in
// parent whose names start with prefix and that no build is using: a build
// that was killed (power cut, SIGKILL) leaves its folder behind, and the
// next build tidies it away. A folder is in use while its build holds its
// lock (see lockDir); a folder younger than staleAge is left alone too, as
// it may belong to a build that has only just made it.
func removeStale(parent, prefix string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < staleAge {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		if unused(dir) {
			os.RemoveAll(dir)
		}
	}
}

// TempDir makes a private folder in parent (the system's temporary folder
// when "") whose name starts with prefix, for a process's own scratch work,
// such as the dev server's builds. The folder stays locked until release
// is called; folders of the same prefix that no running process holds,
// left when one was killed, are removed first.
func TempDir(parent, prefix string) (dir string, release func() error, err error) {
	if parent == "" {
		parent = os.TempDir()
	}
	removeStale(parent, prefix)
	dir, lock, err := makeStaging(parent, prefix)
	if err != nil {
		return "", nil, err
	}
	return dir, func() error {
		lock.Close()
		return os.RemoveAll(dir)
	}, nil
}
