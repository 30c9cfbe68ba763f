package content

import (
	"io/fs"
	"path"
	"sort"

	"joinedup/generator/internal/diag"
)

// StaticDir is the usual name of the static folder, beside the content
// folder.
const StaticDir = "static"

// LoadStatic lists the files of a static folder: files published exactly
// as they are, at the same path, such as .well-known/security.txt or an
// .htaccess file, which the content folder cannot hold because it skips
// names starting with ".". So here such names are kept; only what is
// never meant for a site is left out: editors' backup and swap files,
// version control folders (.git and the like) and the files Windows and
// macOS leave in folders. name is the folder's name in messages.
//
// The same rules as the content folder's keep out links that lead
// outside the folder, pipes and devices (see checkEntry), and names a
// shared drive or a link cannot hold (see CheckName). It returns the
// files sorted by path, the warnings, and the errors.
func LoadStatic(fsys fs.FS, name string) ([]Static, diag.List, error) {
	var out []Static
	var warnings, errs diag.List
	display := func(p string) string { return path.Join(name, p) }
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs.Add(diag.Pos{File: display(p)}, "cannot read: %v", err)
			return nil
		}
		if p != "." && notPublished(d.Name(), d.IsDir()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if msg := CheckName(d.Name()); msg != "" && p != "." {
			errs.Add(diag.Pos{File: display(p)}, "%s", msg)
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if problem, warning := checkEntry(fsys, p, d, "static folder"); warning {
			warnings.Add(diag.Pos{File: display(p)}, "%s", problem)
			return nil
		} else if problem != "" {
			errs.Add(diag.Pos{File: display(p)}, "%s", problem)
			return nil
		}
		out = append(out, Static{Path: p, File: display(p), InStatic: true})
		return nil
	})
	if err != nil {
		errs.Add(diag.Pos{File: name}, "cannot read the static folder: %v", err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, warnings.Sort(), errs.Sort().Err()
}

// notPublished reports the names in a static folder that are left out.
func notPublished(name string, dir bool) bool {
	if dir {
		switch name {
		case ".git", ".svn", ".hg":
			return true
		}
		return false
	}
	switch name {
	case ".DS_Store", "Thumbs.db", "desktop.ini":
		return true
	}
	return leftover(name)
}
