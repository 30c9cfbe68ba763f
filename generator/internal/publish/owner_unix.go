//go:build unix

package publish

import (
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives dir the owner and group of the old output, so that a
// web server's group (a 2775 root:www-data folder, say) keeps its access
// after each build. Only root may give a folder away, so for others this
// keeps the group when they belong to it, and otherwise does nothing.
func keepOwner(dir string, old fs.FileInfo) {
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if os.Lchown(dir, int(st.Uid), int(st.Gid)) != nil {
		os.Lchown(dir, -1, int(st.Gid))
	}
}
