//go:build unix

package publish

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestModesFollowUmask: what a build writes takes the user's umask, so a
// team that shares the output through a group (umask 002) can replace
// each other's builds. The umask is the process's, so this test does not
// run in parallel with others.
func TestModesFollowUmask(t *testing.T) {
	for _, tt := range []struct {
		umask        int
		file, folder os.FileMode
	}{
		{0o022, 0o644, 0o755},
		{0o002, 0o664, 0o775},
	} {
		old := syscall.Umask(tt.umask)
		out := filepath.Join(t.TempDir(), "public")
		s, err := Start(out)
		if err == nil {
			err = s.Write("guide/page.html", []byte("x"))
		}
		if err == nil {
			err = s.Commit()
		}
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		for name, want := range map[string]os.FileMode{"guide/page.html": tt.file, "guide": tt.folder} {
			info, err := os.Stat(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			if got := info.Mode().Perm(); got != want {
				t.Errorf("umask %03o: %s has mode %03o; want %03o", tt.umask, name, got, want)
			}
		}
	}
}
