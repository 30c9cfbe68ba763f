package content

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	"joinedup/generator/internal/diag"
)

// Update returns the sources after the files at paths (slash paths below
// the content folder) changed: each is read again from fsys, or dropped
// when it is gone. Unchanged pages are shared with src, which is left as
// it was; src must have loaded without problems, so that the problems
// returned are all the new sources have. A change that cannot be taken in
// file by file (a folder made, removed or renamed, or the site settings)
// returns full: load everything again instead.
func (src *Source) Update(fsys fs.FS, paths []string) (next *Source, full bool, err error) {
	next = &Source{
		Name: src.Name, Config: src.Config,
		Pages:     slices.Clone(src.Pages),
		Static:    slices.Clone(src.Static),
		DataFiles: maps.Clone(src.DataFiles),
		Warnings:  slices.Clone(src.Warnings),
	}
	var errs diag.List
	var pagePaths []string
	for _, p := range paths {
		p = path.Clean(p)
		if p == "." || p == ConfigFile {
			return nil, true, nil
		}
		if ignoredPath(p) {
			continue
		}
		if next.drop(p) {
			return nil, true, nil // it was a folder
		}
		info, err := fs.Lstat(fsys, p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			errs.Add(diag.Pos{File: path.Join(src.Name, p)}, "cannot read: %v", err)
			continue
		case info.IsDir():
			return nil, true, nil
		}
		if msg := CheckName(path.Base(p)); msg != "" {
			errs.Add(diag.Pos{File: path.Join(src.Name, p)}, "%s", msg)
			continue
		}
		if next.addFile(fsys, p, fs.FileInfoToDirEntry(info), &errs) {
			pagePaths = append(pagePaths, p)
		}
	}
	errs = append(errs, next.addPages(fsys, pagePaths)...)
	if !hasHome(next.Pages) {
		errs.Add(diag.Pos{File: path.Join(src.Name, "_index.md")}, "missing home page; create it with front matter and a title")
	}
	sort.Slice(next.Pages, func(i, j int) bool { return next.Pages[i].Path < next.Pages[j].Path })
	sort.Slice(next.Static, func(i, j int) bool { return next.Static[i].Path < next.Static[j].Path })
	return next, false, errs.Sort().Err()
}

// ignoredPath reports whether any part of p is a name the build skips.
func ignoredPath(p string) bool {
	for part := range strings.SplitSeq(p, "/") {
		if Ignored(part) {
			return true
		}
	}
	return false
}

// drop forgets the file at p, whatever it was. It reports whether p was
// a folder: files were known below it.
func (src *Source) drop(p string) (folder bool) {
	file := path.Join(src.Name, p)
	below := func(q string) bool { return strings.HasPrefix(q, p+"/") }
	src.Pages = slices.DeleteFunc(src.Pages, func(pg *Page) bool {
		folder = folder || below(pg.Path)
		return pg.Path == p
	})
	src.Static = slices.DeleteFunc(src.Static, func(s Static) bool {
		folder = folder || below(s.Path)
		return s.Path == p
	})
	for q := range src.DataFiles {
		folder = folder || below(q)
	}
	delete(src.DataFiles, p)
	src.Warnings = slices.DeleteFunc(src.Warnings, func(e *diag.Error) bool { return e.Pos.File == file })
	return folder
}
