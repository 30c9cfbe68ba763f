//go:build unix

package publish

import (
	"io"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// staleAge is how old a staging folder must be before another build may
// remove it. With folder locks, none: a folder nobody holds is stale (see
// makeStaging for the moment between making a folder and locking it).
const staleAge = time.Duration(0)

// lockDir takes an exclusive lock on the folder dir for as long as the
// returned Closer stays open, so that another build knows the folder is in
// use and leaves it alone. The kernel drops the lock when the process
// ends, however it ends.
//
// It fails if dir was removed (by another build that found it unlocked)
// before or while it was locked, so that a build never works in a folder
// that another has deleted.
func lockDir(dir string) (io.Closer, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	held, err1 := f.Stat()
	now, err2 := os.Stat(dir)
	if err1 != nil || err2 != nil || !os.SameFile(held, now) {
		f.Close()
		return nil, os.ErrNotExist
	}
	return f, nil
}

// unused reports whether no process holds dir's lock.
func unused(dir string) bool {
	l, err := lockDir(dir)
	if err != nil {
		return false
	}
	l.Close()
	return true
}
