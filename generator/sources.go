package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"joinedup"
	"joinedup/generator/internal/content"
	"joinedup/generator/internal/ospath"
	"joinedup/generator/internal/pipeline"
)

// sourceFlags are the -content, -templates and -static flags that build,
// check and serve share.
type sourceFlags struct {
	content, templates, static *string
}

// addSourceFlags defines the source flags on fs.
func addSourceFlags(fs *flag.FlagSet) sourceFlags {
	return sourceFlags{
		content:   fs.String("content", "content", "`folder` of Markdown pages, site.yaml and data/*.yaml"),
		templates: fs.String("templates", "", "`folder` of templates and assets that replace the built-in theme's files of the same path, one by one (default: the templates folder beside the content folder, if there is one)"),
		static:    fs.String("static", "", "`folder` of files published exactly as they are, such as .well-known/security.txt (default: the static folder beside the content folder, if there is one)"),
	}
}

// sourceOptions opens the folders the flags name for build, check and
// serve, saying which flag to set when one is missing. A templates or
// static folder that was not named is used when it sits beside the
// content folder; the built-in theme lies under the templates folder, or
// lays the site out alone.
func sourceOptions(f sourceFlags, stderr io.Writer) (pipeline.Options, bool) {
	style := ospath.Native()
	contentDir, err := style.FromArg(*f.content)
	if err == nil {
		_, err = pipeline.DirFS(contentDir)
	}
	if err != nil {
		fmt.Fprintf(stderr, "%v (set -content to the folder of your pages, or make a new site with: joinedup new FOLDER)\n", err)
		return pipeline.Options{}, false
	}
	opt := pipeline.Options{ContentDir: contentDir, ContentName: style.Slash(contentDir), Theme: joinedup.Theme()}
	for _, o := range []struct {
		flag, given, beside string
		dir, name           *string
	}{
		{"-templates", *f.templates, "templates", &opt.TemplatesDir, &opt.TemplatesName},
		{"-static", *f.static, content.StaticDir, &opt.StaticDir, &opt.StaticName},
	} {
		dir, ok := optionalFolder(o.flag, o.given, contentDir, o.beside, stderr)
		if !ok {
			return pipeline.Options{}, false
		}
		*o.dir, *o.name = dir, style.Slash(dir)
	}
	return opt, true
}

// optionalFolder returns the folder a flag names, which must exist; or,
// when the flag was not given, the folder beside contentDir called
// beside, if there is one; or "".
func optionalFolder(flagName, given, contentDir, beside string, stderr io.Writer) (string, bool) {
	if given != "" {
		dir, err := ospath.Native().FromArg(given)
		if err == nil {
			_, err = pipeline.DirFS(dir)
		}
		if err != nil {
			fmt.Fprintf(stderr, "%v (set %s to a folder, or leave it out)\n", err, flagName)
			return "", false
		}
		return dir, true
	}
	dir := filepath.Join(besideDir(contentDir), beside)
	if info, err := os.Stat(dir); err == nil && info.IsDir() {
		return dir, true
	}
	return "", true
}

// besideDir is the folder that holds contentDir, written as relative as
// contentDir was, so that messages stay short.
func besideDir(contentDir string) string {
	clean := filepath.Clean(contentDir)
	if base := filepath.Base(clean); base == "." || base == ".." {
		if abs, err := filepath.Abs(clean); err == nil {
			clean = abs
		}
	}
	return filepath.Dir(clean)
}

// sourceDirs lists the folders on disk a build reads, for serve to watch.
func sourceDirs(opt pipeline.Options) []string {
	var out []string
	for _, d := range []string{opt.ContentDir, opt.TemplatesDir, opt.StaticDir} {
		if d != "" {
			out = append(out, d)
		}
	}
	return out
}
