package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// fileOps are the file system calls the swap makes. Tests replace them to
// make a step fail; a build uses the real ones.
type fileOps struct {
	// exchange swaps two paths in one atomic step, or fails when the
	// system or file system cannot.
	exchange  func(a, b string) error
	rename    func(from, to string) error
	removeAll func(path string) error
}

func osFileOps() fileOps {
	return fileOps{exchange: exchange, rename: os.Rename, removeAll: os.RemoveAll}
}

// swap puts staged in out's place. It returns where the old output went,
// for the caller to remove, or "" when there was none.
func swap(staged, out string, ops fileOps) (string, error) {
	if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
		return "", ops.rename(staged, out)
	}
	if err := ops.exchange(staged, out); err == nil {
		return staged, nil
	}
	// No atomic exchange here (another system, or a file system without
	// it): two renames instead.
	return twoRenames(staged, out, ops)
}

// twoRenames swaps without an atomic exchange: the old output is moved
// aside, then the new one moved in. If the second rename fails, the old
// output is moved back. It returns where the old output went.
func twoRenames(staged, out string, ops fileOps) (string, error) {
	aside := staged + ".old"
	if err := ops.rename(out, aside); err != nil {
		return "", err
	}
	if err := ops.rename(staged, out); err != nil {
		if back := ops.rename(aside, out); back != nil {
			return "", fmt.Errorf("%w; and the old site could not be put back: it is in %s (%v)", err, aside, back)
		}
		return "", err
	}
	return aside, nil
}

// mountPrefix starts the names of the folders a build makes inside an
// output folder that is a mount point.
const mountPrefix = ".joinedup-build-"

// swapContents swaps the contents of out, a mount point that cannot itself
// be renamed, for those of staged, a folder inside it: every old entry is
// moved into a new folder inside out, then every new one out of staged. A
// web server may see the two half-swapped for the moment that takes. If a
// move fails, every entry is moved back. It returns the folder holding the
// old entries.
func swapContents(staged, out string, ops fileOps) (string, error) {
	old, err := os.MkdirTemp(out, mountPrefix)
	if err != nil {
		return "", err
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		os.Remove(old)
		return "", err
	}
	var aside []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), mountPrefix) {
			continue // this build's folders, and any a killed build left
		}
		if err := ops.rename(filepath.Join(out, e.Name()), filepath.Join(old, e.Name())); err != nil {
			return "", moveBack(err, old, out, aside, ops, old)
		}
		aside = append(aside, e.Name())
	}
	fresh, err := os.ReadDir(staged)
	if err != nil {
		return "", moveBack(err, old, out, aside, ops, old)
	}
	var in []string
	for _, e := range fresh {
		if err := ops.rename(filepath.Join(staged, e.Name()), filepath.Join(out, e.Name())); err != nil {
			err = moveBack(err, out, staged, in, ops, "")
			return "", moveBack(err, old, out, aside, ops, old)
		}
		in = append(in, e.Name())
	}
	os.Remove(staged)
	return old, nil
}

// moveBack moves the named entries from folder from back to folder to,
// after err stopped a swap, and removes the folder tidy when it is given
// and empty. It returns err, with any entry that could not be moved back.
func moveBack(err error, from, to string, names []string, ops fileOps, tidy string) error {
	var stuck []string
	for _, n := range names {
		if ops.rename(filepath.Join(from, n), filepath.Join(to, n)) != nil {
			stuck = append(stuck, n)
		}
	}
	if tidy != "" {
		os.Remove(tidy)
	}
	if len(stuck) > 0 {
		return fmt.Errorf("%w; and %s could not be moved back from %s", err, strings.Join(stuck, ", "), from)
	}
	return err
}
