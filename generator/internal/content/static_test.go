package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestLoadStatic: a static folder's files are all published, names
// starting with "." included, but for editors' leftovers, version control
// and the files systems leave in folders.
func TestLoadStatic(t *testing.T) {
	fsys := fstest.MapFS{
		".well-known/security.txt": {Data: []byte("Contact: mailto:security@example.org\n")},
		".htaccess":                {Data: []byte("ErrorDocument 404 /404.html\n")},
		"robots.txt":               {Data: []byte("User-agent: *\n")},
		"files/form.pdf":           {Data: []byte("%PDF")},
		"files/form.pdf~":          {Data: []byte("backup")},
		"files/.form.pdf.swp":      {Data: []byte("swap")},
		"files/#notes#":            {Data: []byte("emacs")},
		".git/HEAD":                {Data: []byte("ref")},
		".DS_Store":                {Data: []byte("mac")},
		"files/Thumbs.db":          {Data: []byte("windows")},
	}
	got, warnings, err := LoadStatic(fsys, "static")
	if err != nil || len(warnings) > 0 {
		t.Fatalf("LoadStatic = %v, warnings %v", err, warnings)
	}
	want := []Static{
		{Path: ".htaccess", File: "static/.htaccess", InStatic: true},
		{Path: ".well-known/security.txt", File: "static/.well-known/security.txt", InStatic: true},
		{Path: "files/form.pdf", File: "static/files/form.pdf", InStatic: true},
		{Path: "robots.txt", File: "static/robots.txt", InStatic: true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LoadStatic (-want +got):\n%s", diff)
	}
}

// TestLoadStaticNames: a name Windows cannot hold is reported, as in the
// content folder, so that the site can still be copied to a shared drive.
func TestLoadStaticNames(t *testing.T) {
	fsys := fstest.MapFS{
		"files/a:b.txt": {Data: []byte("x")},
		"ok.txt":        {Data: []byte("x")},
	}
	got, _, err := LoadStatic(fsys, "static")
	want := `static/files/a:b.txt: the name "a:b.txt" has a ':', which Windows cannot hold in a file name (so the site could not be copied to a shared drive); rename it without one`
	if err == nil || err.Error() != want {
		t.Errorf("LoadStatic error = %v; want %s", err, want)
	}
	if len(got) != 1 || got[0].Path != "ok.txt" {
		t.Errorf("LoadStatic = %+v; want ok.txt alone", got)
	}
}

// TestStaticSymlinkOutside: a link out of the static folder is refused,
// and the message names the static folder, not the content folder.
func TestStaticSymlinkOutside(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink("/etc/hostname", filepath.Join(dir, "secret.txt")); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	_, _, err = LoadStatic(root.FS(), "static")
	if err == nil || !strings.Contains(err.Error(), "static/secret.txt: is a symbolic link") || !strings.Contains(err.Error(), "outside the static folder") {
		t.Errorf("LoadStatic error = %v; want the link refused as outside the static folder", err)
	}
}
