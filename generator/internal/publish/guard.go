package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Marker is the file every build leaves in its output folder. A folder
// with it was made by a build and may be replaced by the next one; a
// folder of other files may not, because a build replaces the whole folder
// and would delete them.
const Marker = ".joinedup-site"

// markerText is what the marker file says to a person who opens it.
const markerText = "This folder was made by joinedup build. Each build replaces the whole folder,\nso keep nothing else here: edit the pages in the content folder instead.\n"

// Refusal is a reason not to build into the output folder at all: it is,
// holds or lies inside a source folder, or holds files that no build made.
// Nothing has been changed.
type Refusal struct {
	Out    string
	Reason string
}

func (r *Refusal) Error() string { return r.Out + ": " + r.Reason }

// target is where a build will put its output, once checked.
type target struct {
	// dir is the output folder, with a symbolic link to a folder
	// followed, so that the link stays and its target is replaced.
	dir string
	// exists reports whether dir exists already.
	exists bool
	// mount reports whether dir is a mount point: the folder itself cannot
	// be renamed, so its contents are swapped instead.
	mount bool
	// mode is the old output's permissions, kept for the new one, and
	// old its file info, whose owner and group are kept too where the
	// system allows.
	mode fs.FileMode
	old  fs.FileInfo
}

// checkOut decides whether out may be replaced by a build whose sources
// are the given folders, and resolves where the output goes.
func checkOut(out string, sources []string) (target, error) {
	if strings.TrimSpace(out) == "" {
		return target{}, &Refusal{Out: `""`, Reason: "no output folder given; name one with -out (for example -out public)"}
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return target{}, err
	}
	t := target{dir: abs, mode: 0o755}
	info, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return target{}, err
	case info.Mode()&fs.ModeSymlink != 0:
		if t.dir, err = filepath.EvalSymlinks(abs); err != nil {
			return target{}, &Refusal{Out: out, Reason: fmt.Sprintf("is a symbolic link that leads nowhere (%v); point it at a folder, or remove it", err)}
		}
		if info, err = os.Stat(t.dir); err != nil {
			return target{}, err
		}
		fallthrough
	default:
		if !info.IsDir() {
			return target{}, &Refusal{Out: out, Reason: "is a file, not a folder; a build replaces its output folder whole, so give -out a folder of its own (for example -out public)"}
		}
		t.exists, t.old = true, info
		t.mode = info.Mode() & (fs.ModePerm | fs.ModeSetgid | fs.ModeSticky)
	}
	if err := checkSources(out, t.dir, sources); err != nil {
		return target{}, err
	}
	if t.exists {
		if err := checkOwned(out, t.dir); err != nil {
			return target{}, err
		}
		t.mount = isMount(t.dir)
	}
	return t, nil
}

// checkSources refuses an output folder that is, holds or lies inside a
// source folder: the build would delete the sources, or copy its own output
// into itself on every build. An empty name is no folder (a site without
// a templates or static folder), not the working folder.
func checkSources(out, dir string, sources []string) error {
	for _, src := range sources {
		if src == "" {
			continue
		}
		s, err := filepath.Abs(src)
		if err != nil {
			continue
		}
		if r, err := filepath.EvalSymlinks(s); err == nil {
			s = r
		}
		switch {
		case s == dir:
			return &Refusal{Out: out, Reason: fmt.Sprintf("is the source folder %s; a build replaces its output folder whole, so give -out a folder of its own (for example -out public)", src)}
		case within(s, dir):
			return &Refusal{Out: out, Reason: fmt.Sprintf("holds the source folder %s, which a build would delete; give -out a folder of its own beside it (for example -out public)", src)}
		case within(dir, s):
			return &Refusal{Out: out, Reason: fmt.Sprintf("is inside the source folder %s, so each build would copy the last one into itself; give -out a folder outside it (for example -out public)", src)}
		}
	}
	return nil
}

// within reports whether path lies below dir.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// checkOwned refuses a folder of files that no build made. An empty folder
// is fine, and so is the output of an earlier version of the generator,
// which wrote no marker but always wrote these files.
func checkOwned(out, dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) == 0 || exists(filepath.Join(dir, Marker)) || earlierBuild(dir) {
		return nil
	}
	return &Refusal{Out: out, Reason: "already holds files that joinedup did not make, and a build replaces the whole folder; give -out an empty or new folder (for example -out public), or move those files somewhere else first"}
}

// earlierBuild reports whether dir looks like the output of a version of
// the generator from before the marker file.
func earlierBuild(dir string) bool {
	for _, f := range []string{"index.html", "404.html", "sitemap.xml", "search/index.html", "assets/site.css"} {
		if !exists(filepath.Join(dir, filepath.FromSlash(f))) {
			return false
		}
	}
	return true
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
