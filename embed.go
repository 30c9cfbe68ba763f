// Package joinedup is what the joinedup program carries inside itself: the
// built-in theme (the files of templates/) and the default site about
// partnership working (the files of content/).
//
// The files are embedded here, at the root of the module beside the two
// folders, because go:embed reads only below the folder of the Go file that
// asks for them: a package under generator/ cannot reach ../templates. The
// folders stay the one copy of each file, so the repository's own site and
// the one "joinedup new" writes cannot drift apart.
package joinedup

import (
	"embed"
	"io/fs"
)

// files holds templates/ and content/ whole; "all:" keeps the names that
// start with "_" or ".", such as _index.md, which go:embed leaves out
// otherwise.
//
//go:embed all:templates all:content
var files embed.FS

// Theme returns the built-in theme: the files of templates/, by slash path
// below it.
func Theme() fs.FS { return sub("templates") }

// Site returns the default site: the files of content/, by slash path
// below it.
func Site() fs.FS { return sub("content") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(files, dir)
	if err != nil {
		// fs.Sub fails only for an invalid path, and dir is a constant.
		panic(err)
	}
	return f
}
