package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"joinedup"
	"joinedup/generator/internal/ospath"
	"joinedup/generator/internal/scaffold"
)

// newSite is the new command: a new site folder, ready to serve and
// build, holding the complete default site (or, with -blank, a minimal
// one).
func newSite(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	blank := fs.Bool("blank", false, "a minimal site (a home page, one section with one page, and site.yaml with comments) instead of the complete default site")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: joinedup new FOLDER [-blank]\n\nMakes FOLDER, a new site: FOLDER/content holds the complete default site about partnership\nworking, to change into your own. Then: cd FOLDER, and joinedup serve.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	names, code, ok := parseWithNames(fs, args, 1, 1, "the name of a new folder, for example: joinedup new oursite")
	if !ok {
		return code
	}
	dir, err := ospath.Native().FromArg(names[0])
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	site := joinedup.Site()
	if *blank {
		site = scaffold.Blank()
	}
	files, err := scaffold.NewSite(dir, site, time.Now())
	if code, failed := scaffoldFailed(err, stderr); failed {
		return code
	}
	what := "the complete default site"
	if *blank {
		what = "a minimal site"
	}
	fmt.Fprintf(stdout, "made %s in %s (%d files):\n  %s  your pages, site.yaml and data: change them into your own\n\nNext:\n  cd %s\n  joinedup serve    to see it at http://127.0.0.1:1313/ as you edit\n  joinedup build    to build it into %s, ready to publish\n",
		what, dir, len(files), filepath.Join(dir, scaffold.ContentDir)+string(filepath.Separator), dir, filepath.Join(dir, "public")+string(filepath.Separator))
	return 0
}

// writeTheme is the theme command: it writes the built-in theme's files,
// or the ones named, into a folder, to change. A templates folder beside
// the content folder replaces the built-in files it holds.
func writeTheme(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("theme", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: joinedup theme FOLDER [FILE...]\n\nWrites the built-in theme's files into FOLDER (usually templates, beside content),\nor only the FILEs named, such as partials/footer.html. A file in the templates folder\nreplaces the built-in one of the same path; keep only the files you change, so that\nthe others follow each new version of joinedup. Nothing is written over.\n")
	}
	names, code, ok := parseWithNames(fs, args, 1, -1, "a folder name, then the files to write if not all, for example: joinedup theme templates partials/footer.html")
	if !ok {
		return code
	}
	dir, err := ospath.Native().FromArg(names[0])
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	files, err := scaffold.Theme(dir, joinedup.Theme(), names[1:])
	if code, failed := scaffoldFailed(err, stderr); failed {
		return code
	}
	for _, f := range files {
		fmt.Fprintln(stdout, filepath.Join(dir, filepath.FromSlash(f)))
	}
	fmt.Fprintf(stdout, "wrote %d %s of the built-in theme; each replaces the built-in file of the same path when %s sits beside the content folder (or with -templates %s)\n",
		len(files), plural(len(files), "file", "files"), dir, dir)
	return 0
}

// scaffoldFailed reports a failure of new or theme, and its exit status:
// 2 for a folder or file name that cannot be used.
func scaffoldFailed(err error, stderr io.Writer) (int, bool) {
	if err == nil {
		return 0, false
	}
	var refusal *scaffold.Refusal
	if errors.As(err, &refusal) {
		fmt.Fprintln(stderr, refusal)
		return 2, true
	}
	fmt.Fprintf(stderr, "error: %v\n", err)
	return 1, true
}

// parseWithNames parses a command's flags, which may come before, between
// or after its names, and returns the names: at least least and at most
// most (no limit when most < 0); want says what they should be. It
// reports false, with the exit status, when the command should stop.
func parseWithNames(fs *flag.FlagSet, args []string, least, most int, want string) ([]string, int, bool) {
	var names []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, 0, false
			}
			return nil, 2, false
		}
		if fs.NArg() == 0 {
			break
		}
		names = append(names, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(names) < least || (most >= 0 && len(names) > most) {
		fmt.Fprintf(fs.Output(), "%s needs %s\n\n", fs.Name(), want)
		fs.Usage()
		return nil, 2, false
	}
	return names, 0, true
}
