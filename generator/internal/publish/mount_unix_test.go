//go:build unix

package publish

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

func TestMountPoints(t *testing.T) {
	info := strings.Join([]string{
		`22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/vda rw`,
		`35 22 0:30 / /proc rw,nosuid shared:12 - proc proc rw`,
		`41 22 8:1 /srv/site/public /home/editor/My\040Site/public rw,relatime shared:1 - ext4 /dev/vda rw`,
		`42 22 8:1 /x /tmp/back\134slash rw - ext4 /dev/vda rw`,
		`short line`,
	}, "\n")
	got := mountPoints(strings.NewReader(info))
	for _, want := range []string{"/", "/proc", "/home/editor/My Site/public", `/tmp/back\slash`} {
		if !got[want] {
			t.Errorf("%q is not among the mount points %v", want, got)
		}
	}
	if len(got) != 4 {
		t.Errorf("%d mount points; want 4: %v", len(got), got)
	}
}

// TestBindMountOutput: an output folder that is a bind mount (on the same
// disk as its parent, as a container's volume is) is found to be a mount
// point, so a build swaps its contents rather than failing to rename it.
// Mounting needs root on Linux.
func TestBindMountOutput(t *testing.T) {
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("bind mounts need root on Linux")
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
