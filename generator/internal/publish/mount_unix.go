//go:build unix

package publish

import (
	"os"
	"path/filepath"
	"syscall"
)

// isMount reports whether dir is a mount point: on another device than
// its parent folder. A mount point cannot be renamed, so a build swaps its
// contents instead.
func isMount(dir string) bool {
	a, err := os.Stat(dir)
	if err != nil {
		return false
	}
	b, err := os.Stat(filepath.Dir(dir))
	if err != nil {
		return false
	}
	sa, ok1 := a.Sys().(*syscall.Stat_t)
	sb, ok2 := b.Sys().(*syscall.Stat_t)
	return ok1 && ok2 && sa.Dev != sb.Dev
}
