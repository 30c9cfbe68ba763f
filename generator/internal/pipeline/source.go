package pipeline

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"joinedup/generator/internal/theme"
)

// ReadSource reads a file a message names, so that a report can show the
// line it points to. The name starts with its folder's name as messages
// show it (ContentName, TemplatesName or StaticName, cleaned: "./content"
// shows as "content"), or with "builtin:" for a file of the built-in
// theme.
func (opt Options) ReadSource(file string) ([]byte, error) {
	if rest, ok := strings.CutPrefix(file, theme.BuiltinPrefix); ok {
		if opt.Theme == nil {
			return nil, fs.ErrNotExist
		}
		return fs.ReadFile(opt.Theme, rest)
	}
	for _, src := range []struct {
		name, dir string
		fsys      fs.FS
	}{
		{opt.ContentName, opt.ContentDir, opt.Content},
		{opt.TemplatesName, opt.TemplatesDir, opt.Templates},
		{opt.StaticName, opt.StaticDir, opt.Static},
	} {
		fsys := src.fsys
		if src.dir != "" {
			root, err := os.OpenRoot(src.dir)
			if err != nil {
				continue
			}
			defer root.Close()
			fsys = root.FS()
		}
		if fsys == nil {
			continue
		}
		name := path.Clean(filepath.ToSlash(src.name))
		if name == "." || name == "" {
			if b, err := fs.ReadFile(fsys, file); err == nil {
				return b, nil
			}
			continue
		}
		if rest, ok := strings.CutPrefix(file, name+"/"); ok {
			return fs.ReadFile(fsys, rest)
		}
	}
	return nil, fs.ErrNotExist
}
