// Package theme is the set of templates and assets a site is laid out
// with: the theme built into the program, with the site's own templates
// folder, when it has one, laid over it.
//
// A file in the folder replaces the built-in file of the same path, one
// file at a time; a file the folder adds is used too. So an organisation
// that wants a different footer keeps one file, templates/partials/
// footer.html, and takes every other file, and every improvement to them,
// from the program it runs. Everything inside is a slash path, as io/fs
// wants; the folder itself is opened by the caller.
//
// Messages name each file by where it came from: "templates/page.html"
// for the folder's own file, "builtin:page.html" for the program's.
package theme

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// BuiltinPrefix starts the name of a built-in file in messages.
const BuiltinPrefix = "builtin:"

// FS is a templates folder over the built-in theme. Either may be nil: a
// site without a templates folder uses the built-in theme alone, and a
// test can give a folder alone.
type FS struct {
	folder     fs.FS
	folderName string
	builtin    fs.FS
}

// New lays folder, named folderName in messages, over builtin.
func New(folder fs.FS, folderName string, builtin fs.FS) *FS {
	return &FS{folder: folder, folderName: folderName, builtin: builtin}
}

// fromFolder reports whether the folder has name, and any error other
// than its absence: a file the folder has but cannot read (a link out of
// it, say) is reported, never quietly replaced by the built-in one.
func (f *FS) fromFolder(name string) (bool, error) {
	if f.folder == nil {
		return false, nil
	}
	_, err := fs.Stat(f.folder, name)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrNotExist) || f.builtin == nil:
		return false, nil
	default:
		return false, err
	}
}

// Name is how messages name the file at the slash path rel: below the
// folder's name when the folder has it, else as a built-in file.
func (f *FS) Name(rel string) string {
	if ok, _ := f.fromFolder(rel); ok || f.builtin == nil {
		return path.Join(f.folderName, rel)
	}
	return BuiltinPrefix + rel
}

// layers returns the file systems to look in, the folder first.
func (f *FS) layers() []fs.FS {
	var out []fs.FS
	for _, l := range []fs.FS{f.folder, f.builtin} {
		if l != nil {
			out = append(out, l)
		}
	}
	return out
}

// Open opens name from the folder when it has it, else from the built-in
// theme. A folder both have is opened as one, listing the files of both.
func (f *FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	info, err := f.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		ok, _ := f.fromFolder(name)
		if ok || f.builtin == nil {
			return f.folder.Open(name)
		}
		return f.builtin.Open(name)
	}
	entries, err := f.ReadDir(name)
	if err != nil {
		return nil, err
	}
	return &dir{info: info, entries: entries}, nil
}

// Stat describes name as Open would open it.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	ok, err := f.fromFolder(name)
	if err != nil {
		return nil, err
	}
	if ok || f.builtin == nil {
		if f.folder == nil {
			return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
		}
		return fs.Stat(f.folder, name)
	}
	return fs.Stat(f.builtin, name)
}

// ReadFile reads name from the folder when it has it, else from the
// built-in theme.
func (f *FS) ReadFile(name string) ([]byte, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	return io.ReadAll(file)
}

// ReadDir lists the folder name in both, sorted by name; where both have
// an entry, the folder's is the one listed.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	var out []fs.DirEntry
	seen := map[string]bool{}
	found := false
	for _, l := range f.layers() {
		entries, err := fs.ReadDir(l, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		found = true
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// dir is a folder opened through FS: its entries are those of both
// layers.
type dir struct {
	info    fs.FileInfo
	entries []fs.DirEntry
	off     int
}

func (d *dir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *dir) Close() error               { return nil }
func (d *dir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.Name(), Err: errors.New("is a directory")}
}

// ReadDir follows fs.ReadDirFile: n > 0 returns at most n entries and
// io.EOF at the end; n <= 0 returns the rest.
func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(rest))
	d.off += n
	return rest[:n], nil
}
