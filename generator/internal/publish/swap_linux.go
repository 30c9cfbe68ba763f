package publish

import "golang.org/x/sys/unix"

// exchange swaps a and b in one atomic step (Linux 3.15 and later, on file
// systems that support it).
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
