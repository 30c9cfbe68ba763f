//go:build unix

package publish

import (
	"strings"
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
