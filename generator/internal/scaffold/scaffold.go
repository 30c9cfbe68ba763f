// Package scaffold writes the starting points an organisation begins
// from: a new site folder (joinedup new) and a copy of the built-in
// theme's files to change (joinedup theme). It never writes over a file
// that is there already: it checks every file first and writes nothing
// when one is in the way.
//
// The files come as io/fs trees (slash paths); the folder written to is
// the one place an OS path is used.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"joinedup/generator/internal/diag"
)

// blank is the minimal site of joinedup new -blank: a home page, one
// section with one page, and a site.yaml whose comments explain it.
//
//go:embed all:blank
var blank embed.FS

// Blank returns the minimal site's content folder.
func Blank() fs.FS {
	f, err := fs.Sub(blank, "blank")
	if err != nil {
		panic(err) // a constant, valid path
	}
	return f
}

// ContentDir is where a new site's pages go, inside its folder.
const ContentDir = "content"

// gitignore keeps the built site out of version control, where a site's
// pages are best kept: a host builds it again from them.
const gitignore = "# The built site: made again by joinedup build.\n/public/\n# A build stopped by a power cut leaves its half-made copy; the next build removes it.\n/.public.build-*/\n"

// Refusal is a reason to write nothing: the folder is not new, or a
// file is in the way.
type Refusal struct{ Reason string }

func (r *Refusal) Error() string { return r.Reason }

// reviewedMark is the review date in the blank site's guidance pages,
// which NewSite sets to the day the site is made: pages in guidance/ must
// say when they were last reviewed, and a page is reviewed when written.
// A fixed date would fall due for review a year after this program was
// built, however new the site.
const reviewedMark = "reviewed: YYYY-MM-DD"

// NewSite makes a new site in dir, which must not exist or be empty: its
// content folder holds the files of site, with today as the review date
// where a page's says YYYY-MM-DD, and a .gitignore leaves out the built
// site. It returns the slash paths written, below dir.
func NewSite(dir string, site fs.FS, today time.Time) ([]string, error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	case len(entries) > 0:
		return nil, &Refusal{Reason: fmt.Sprintf("%s already holds files; give joinedup new the name of a new folder (it makes it), for example joinedup new oursite", dir)}
	}
	files, err := list(site, nil)
	if err != nil {
		return nil, err
	}
	stamp := []byte("reviewed: " + today.Format(time.DateOnly))
	var out []file
	for _, f := range files {
		b, err := fs.ReadFile(site, f)
		if err != nil {
			return nil, err
		}
		out = append(out, file{path: path.Join(ContentDir, f), data: bytes.ReplaceAll(b, []byte(reviewedMark), stamp)})
	}
	out = append(out, file{path: ".gitignore", data: []byte(gitignore)})
	return write(dir, out)
}

// Theme writes files of the built-in theme into dir, the folder whose
// files replace the theme's: the ones named, by slash path below the
// theme, or every one but the scripts' tests when none is named. It
// writes nothing if any is there already. It returns the slash paths
// written, below dir.
func Theme(dir string, theme fs.FS, names []string) ([]string, error) {
	all, err := list(theme, func(p string) bool { return !strings.HasSuffix(p, ".test.js") })
	if err != nil {
		return nil, err
	}
	want := all
	if len(names) > 0 {
		want = nil
		var unknown []string
		for _, n := range names {
			n = path.Clean(strings.ReplaceAll(n, `\`, "/"))
			if !slices.Contains(all, n) {
				unknown = append(unknown, fmt.Sprintf("%q%s", n, diag.Hint(n, all)))
				continue
			}
			want = append(want, n)
		}
		if len(unknown) > 0 {
			return nil, &Refusal{Reason: fmt.Sprintf("the built-in theme has no file %s; joinedup theme DIR with no file names writes them all", strings.Join(unknown, ", "))}
		}
	}
	var out []file
	for _, f := range want {
		out = append(out, file{path: f, from: theme, src: f})
	}
	return write(dir, out)
}

// list returns the slash paths of the files of fsys that keep allows
// (every one when keep is nil), sorted.
func list(fsys fs.FS, keep func(string) bool) ([]string, error) {
	var out []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if keep == nil || keep(p) {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// file is one file to write: its slash path below the folder, and its
// bytes or where to read them.
type file struct {
	path string
	data []byte
	from fs.FS
	src  string
}

// write writes files into dir, making it and the folders inside as
// needed. It first checks that none of the files is there, and writes
// none if one is.
func write(dir string, files []file) ([]string, error) {
	var there []string
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(f.path))); err == nil {
			there = append(there, f.path)
		}
	}
	if len(there) > 0 {
		return nil, &Refusal{Reason: fmt.Sprintf("%s already has %s; nothing was written (move or rename what is there, or name only other files)", dir, strings.Join(there, ", "))}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	var done []string
	for _, f := range files {
		b := f.data
		if f.from != nil {
			if b, err = fs.ReadFile(f.from, f.src); err != nil {
				return done, err
			}
		}
		if d := path.Dir(f.path); d != "." {
			if err := root.MkdirAll(d, 0o755); err != nil {
				return done, err
			}
		}
		if err := writeNew(root, f.path, b); err != nil {
			return done, err
		}
		done = append(done, f.path)
	}
	return done, nil
}

// writeNew writes a file that must not exist yet.
func writeNew(root *os.Root, name string, b []byte) error {
	w, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
