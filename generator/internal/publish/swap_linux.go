package publish

import (
	"os"

	"golang.org/x/sys/unix"
)

// swap exchanges staged and out in one atomic step; staged then holds the
// old output, which the caller removes.
func swap(staged, out string) (string, error) {
	if _, err := os.Lstat(out); os.IsNotExist(err) {
		return "", os.Rename(staged, out)
	}
	err := unix.Renameat2(unix.AT_FDCWD, staged, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	if err == nil {
		return staged, nil
	}
	// Some file systems do not support the exchange.
	return twoRenames(staged, out)
}
