// Package pipeline builds a site. It loads the content, the data and the
// templates, models the site, then makes one ordered pass over the pages:
// each page's Markdown is converted once, on one of several workers, and
// handed to each stage in turn (see stage.go). When every page is done,
// the model's checks run and each stage finishes its output.
//
// The stages, in order:
//
//	pages        render and write every page               (pages.go)
//	print guide  stream the whole-guide print page          (guide.go)
//	search index analyse each page's text; write the index  (index.go)
//	packs        each session plan's trainer's pack         (packs.go)
//	extras       search page, 404, sitemap, assets, files   (extras.go)
//
// The build, check and serve commands all run this one pipeline. They
// differ only in the publish.Output they give it: build and serve a
// staging folder that is swapped in as the site when everything succeeded,
// check publish.Discard, which keeps nothing. So check does exactly the
// work build does and reports exactly what build reports.
//
// serve keeps its build as a Live (live.go): the stages keep what they
// took from each page (kept.go), so that after an edit the pass converts
// only the pages the edit touched, and every file ends up as a full build
// would write it.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/publish"
	"joinedup/generator/internal/theme"
)

// Options says what to build.
type Options struct {
	// ContentDir, TemplatesDir and StaticDir are the source folders on
	// disk; TemplatesDir and StaticDir may be "" for none. Each build
	// opens them afresh, so that a folder replaced while the dev server
	// runs (as a branch switch does) is read anew, and through os.Root,
	// which refuses any symbolic link that leads out of them. Build
	// refuses an output folder that is, holds or lies inside one.
	ContentDir, TemplatesDir, StaticDir string
	// Content, Templates and Static, when the folders are not set, are
	// the sources as file systems (tests use fstest.MapFS).
	Content, Templates, Static fs.FS
	// ContentName, TemplatesName and StaticName are the folders' names
	// in messages (the folder paths as given, with slashes).
	ContentName, TemplatesName, StaticName string
	// Theme is the built-in theme. The templates folder, when there is
	// one, is laid over it one file at a time (see package theme); with
	// no folder the theme is used alone. Without a Theme the templates
	// folder is the whole theme.
	Theme fs.FS
	// Drafts builds the draft pages too, each marked as a draft on the
	// page: serve -drafts previews them. The build command never sets it.
	Drafts bool
	// Today is the date pages' next reviews are compared with; the
	// clock's date when zero. A page past its review date is a warning,
	// or, with Strict (check -strict, for an organisation's CI), a
	// problem.
	Today  time.Time
	Strict bool

	// theme is the templates folder over Theme, set by open.
	theme *theme.FS
}

// open returns opt with the folders on disk opened as Content, Templates
// and Static, and the templates laid over the built-in theme, and a
// function that closes the folders.
func (opt Options) open() (Options, func(), error) {
	var roots []*os.Root
	closeAll := func() {
		for _, r := range roots {
			r.Close()
		}
	}
	for _, src := range []struct {
		dir, flag string
		fsys      *fs.FS
	}{{opt.ContentDir, "-content", &opt.Content}, {opt.TemplatesDir, "-templates", &opt.Templates}, {opt.StaticDir, "-static", &opt.Static}} {
		if src.dir == "" {
			continue
		}
		r, err := os.OpenRoot(src.dir)
		if err != nil {
			closeAll()
			return opt, nil, fmt.Errorf("%s: cannot open the folder (%w); set %s to the right folder", src.dir, err, src.flag)
		}
		roots = append(roots, r)
		*src.fsys = r.FS()
	}
	opt.theme = theme.New(opt.Templates, opt.TemplatesName, opt.Theme)
	return opt, closeAll, nil
}

// Result summarises a build.
type Result struct {
	Pages    int
	Files    int
	Duration time.Duration
	// Warnings are problems that do not stop the build, such as a file
	// that was skipped.
	Warnings diag.List
	// BasePath is where the site expects to be served (see
	// site.Site.BasePath); the dev server serves it there too.
	BasePath string
}

// maxPerFile is the most problems reported for one file; the rest are
// counted.
const maxPerFile = 20

// Run builds the site opt describes into out. It returns every problem
// found, sorted, as a diag.List; then what out holds is incomplete, and
// the caller must not publish it.
func Run(ctx context.Context, opt Options, out publish.Output) (Result, error) {
	return run(ctx, opt, out, stages)
}

// run is Run with the stages made by makeStages from the loaded sources.
func run(ctx context.Context, opt Options, out publish.Output, makeStages func(*sources) []stage) (Result, error) {
	start := time.Now()
	opt, closeSources, err := opt.open()
	if err != nil {
		return Result{}, err
	}
	defer closeSources()
	src, errs := load(opt)
	res := Result{Warnings: src.warnings.Sort()}
	if src.site == nil || src.site.Root == nil {
		return res, errs.Sort().Limit(maxPerFile).Err()
	}
	errs = append(errs, runPass(ctx, src, makeStages(src), out)...)
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if len(errs) > 0 {
		return res, errs.Sort().Limit(maxPerFile).Err()
	}
	res.Pages, res.Files, res.Duration = len(src.site.Pages), out.Files(), time.Since(start)
	res.BasePath = src.site.BasePath()
	return res, nil
}

// Check runs the whole pipeline and writes nothing.
func Check(ctx context.Context, opt Options) (Result, error) {
	return Run(ctx, opt, &publish.Discard{})
}

// Build builds the site into a staging folder beside dir and, when every
// stage succeeded, swaps it in as dir. On any problem dir is left exactly
// as it was. A dir that a build must not replace is refused with a
// *publish.Refusal. When the new site is live but the old one could not be
// removed, the error is a *publish.Leftover and the Result is filled in.
func Build(ctx context.Context, opt Options, dir string) (Result, error) {
	return build(ctx, opt, dir, stages)
}

// build is Build with the stages made by makeStages.
func build(ctx context.Context, opt Options, dir string, makeStages func(*sources) []stage) (Result, error) {
	start := time.Now()
	stage, err := publish.Start(dir, opt.ContentDir, opt.TemplatesDir, opt.StaticDir)
	var refusal *publish.Refusal
	if errors.As(err, &refusal) {
		return Result{}, err
	}
	if err != nil {
		return Result{}, fmt.Errorf("cannot prepare the output folder: %w", err)
	}
	res, err := run(ctx, opt, stage, makeStages)
	if err == nil {
		// A signal that came while the last stage finished still stops
		// the build before it is published.
		err = ctx.Err()
	}
	if err != nil {
		stage.Abort()
		return Result{Warnings: res.Warnings}, err
	}
	if err := stage.Commit(); err != nil {
		var left *publish.Leftover
		if errors.As(err, &left) {
			res.Duration = time.Since(start)
			return res, err
		}
		return res, fmt.Errorf("cannot publish to %s: %w", dir, err)
	}
	res.Duration = time.Since(start)
	return res, nil
}

// DirFS opens a folder for reading, reporting a missing one plainly.
func DirFS(dir string) (fs.FS, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: folder not found", dir)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s: not a folder", dir)
	}
	return os.DirFS(dir), nil
}
