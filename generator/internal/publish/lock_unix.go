//go:build unix

package publish

import (
	"io"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// staleAge is how old a staging folder must be before another build may
// remove it, when no build holds its lock.
const staleAge = time.Minute

// lockDir takes an exclusive lock on the folder dir for as long as the
// returned Closer stays open, so that another build knows the folder is in
// use and leaves it alone. The kernel drops the lock when the process
// ends, however it ends.
func lockDir(dir string) (io.Closer, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return nil, err
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
