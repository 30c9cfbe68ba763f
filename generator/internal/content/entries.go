package content

import (
	"fmt"
	"io/fs"
)

// checkEntry decides whether the build may read the file at p, which the
// walk found as d. The build reads only plain files inside the content
// folder:
//
//   - a symbolic link is followed only to a plain file inside the folder
//     (the folder is opened with os.Root, which refuses a way out); a
//     link that leads outside, nowhere, or round in a loop is an error,
//     because content copied from elsewhere must never carry a file
//     such as /etc/passwd onto the site;
//   - a link to a folder is skipped with a warning: the build does not
//     follow them, so that one folder cannot be published twice, or loop;
//   - a pipe, socket or device is skipped with a warning: reading a pipe
//     would wait for ever.
//
// folder names the folder being read in messages ("content folder"). It
// returns the problem, if any, and whether it is only a warning.
func checkEntry(fsys fs.FS, p string, d fs.DirEntry, folder string) (problem string, warning bool) {
	mode := d.Type()
	if mode&fs.ModeSymlink != 0 {
		info, err := fs.Stat(fsys, p)
		if err != nil {
			target, lerr := fs.ReadLink(fsys, p)
			if lerr != nil {
				return fmt.Sprintf("is a symbolic link that cannot be followed (%v); replace it with the file itself", err), false
			}
			return fmt.Sprintf("is a symbolic link to %q, which is outside the %s, missing, or a loop; the build reads only files inside the %s, so put the file itself here instead", target, folder, folder), false
		}
		if info.IsDir() {
			return "is a symbolic link to a folder, which the build does not follow; skipped (copy the folder here instead)", true
		}
		mode = info.Mode().Type()
	}
	if mode&(fs.ModeNamedPipe|fs.ModeSocket|fs.ModeDevice|fs.ModeCharDevice|fs.ModeIrregular) != 0 {
		return "is not a plain file (a pipe, socket or device); skipped", true
	}
	return "", false
}
