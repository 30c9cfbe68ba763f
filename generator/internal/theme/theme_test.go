package theme

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func layers() (folder, builtin fstest.MapFS) {
	builtin = fstest.MapFS{
		"base.html":              {Data: []byte("built-in base")},
		"page.html":              {Data: []byte("built-in page")},
		"partials/header.html":   {Data: []byte("built-in header")},
		"partials/footer.html":   {Data: []byte("built-in footer")},
		"assets/site.css":        {Data: []byte("built-in css")},
		"assets/tools/ladder.js": {Data: []byte("built-in ladder")},
	}
	folder = fstest.MapFS{
		"page.html":            {Data: []byte("own page")},
		"partials/footer.html": {Data: []byte("own footer")},
		"partials/extra.html":  {Data: []byte("own extra")},
	}
	return folder, builtin
}

// TestOverlay: the folder's files replace the built-in ones of the same
// path, one at a time, and add their own; every other file is built in.
func TestOverlay(t *testing.T) {
	folder, builtin := layers()
	o := New(folder, "templates", builtin)
	tests := []struct {
		name, want, display string
	}{
		{"base.html", "built-in base", "builtin:base.html"},
		{"page.html", "own page", "templates/page.html"},
		{"partials/header.html", "built-in header", "builtin:partials/header.html"},
		{"partials/footer.html", "own footer", "templates/partials/footer.html"},
		{"partials/extra.html", "own extra", "templates/partials/extra.html"},
		{"assets/tools/ladder.js", "built-in ladder", "builtin:assets/tools/ladder.js"},
	}
	for _, tt := range tests {
		b, err := fs.ReadFile(o, tt.name)
		if err != nil || string(b) != tt.want {
			t.Errorf("ReadFile(%q) = %q, %v; want %q", tt.name, b, err, tt.want)
		}
		if got := o.Name(tt.name); got != tt.display {
			t.Errorf("Name(%q) = %q; want %q", tt.name, got, tt.display)
		}
	}
	got, err := fs.Glob(o, "partials/*.html")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"partials/extra.html", "partials/footer.html", "partials/header.html"}, got); diff != "" {
		t.Errorf("Glob(partials/*.html) (-want +got):\n%s", diff)
	}
	if _, err := fs.ReadFile(o, "nope.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile(nope.html) error = %v; want fs.ErrNotExist", err)
	}
	if err := fstest.TestFS(o, "base.html", "page.html", "partials/extra.html", "partials/header.html", "assets/tools/ladder.js"); err != nil {
		t.Error(err)
	}
}

// TestOneLayer: the built-in theme alone, and a folder alone (as tests
// and older callers give), each behave as themselves.
func TestOneLayer(t *testing.T) {
	folder, builtin := layers()
	alone := New(nil, "", builtin)
	if got := alone.Name("page.html"); got != "builtin:page.html" {
		t.Errorf("built-in alone: Name(page.html) = %q", got)
	}
	if b, _ := fs.ReadFile(alone, "page.html"); string(b) != "built-in page" {
		t.Errorf("built-in alone: page.html = %q", b)
	}
	own := New(folder, "tpl", nil)
	if got := own.Name("base.html"); got != "tpl/base.html" {
		t.Errorf("folder alone: Name(base.html) = %q; want tpl/base.html", got)
	}
	if _, err := fs.ReadFile(own, "base.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("folder alone: base.html error = %v; want fs.ErrNotExist", err)
	}
	if err := fstest.TestFS(own, "page.html", "partials/extra.html"); err != nil {
		t.Error(err)
	}
}

// brokenFS fails every call with a permission error, as a folder with an
// unreadable file does.
type brokenFS struct{}

func (brokenFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
}

// TestFolderErrorsShow: a file the folder has but cannot read is an error,
// not a silent fall back to the built-in file.
func TestFolderErrorsShow(t *testing.T) {
	_, builtin := layers()
	o := New(brokenFS{}, "templates", builtin)
	if _, err := fs.ReadFile(o, "page.html"); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("ReadFile(page.html) error = %v; want the folder's permission error", err)
	}
}
