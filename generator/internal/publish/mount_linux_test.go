//go:build linux

package publish

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestBindMountOutput: an output folder that is a bind mount (on the same
// disk as its parent, as a container's volume is) is found to be a mount
// point, so a build swaps its contents rather than failing to rename it.
// Mounting needs root on Linux.
func TestBindMountOutput(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("bind mounts need root")
	}
	dir := t.TempDir()
	src, out := filepath.Join(dir, "real"), filepath.Join(dir, "public")
	for _, d := range []string{src, out} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mount(src, out, "", syscall.MS_BIND, ""); err != nil {
		t.Skipf("cannot bind mount here: %v", err)
	}
	defer syscall.Unmount(out, 0)
	if !isMount(out) {
		t.Fatal("a bind-mounted output folder is not seen as a mount point")
	}
	s, err := Start(out)
	if err == nil {
		err = s.Write("index.html", []byte("new"))
	}
	if err == nil {
		err = s.Commit()
	}
	if err != nil {
		t.Fatalf("build into a bind mount: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(src, "index.html")); err != nil || string(b) != "new" {
		t.Errorf("the mounted folder holds %q (%v); want the new site", b, err)
	}
}
