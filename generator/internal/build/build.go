// Package build runs the whole pipeline: load the content and data, parse
// the templates, model the site, convert every page in parallel, check every
// link, render, and publish atomically. It is shared by the build and check
// commands and the dev server.
package build

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"joinedup/generator/internal/components"
	"joinedup/generator/internal/content"
	"joinedup/generator/internal/data"
	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/publish"
	"joinedup/generator/internal/render"
	"joinedup/generator/internal/search"
	"joinedup/generator/internal/site"
	"joinedup/generator/internal/storage"
)

// Options says what to build and where.
type Options struct {
	// Content and Templates are the source folders; ContentName and
	// TemplatesName their names in messages (the folder paths as given).
	Content, Templates         fs.FS
	ContentName, TemplatesName string
	// Out is the output folder. Empty means check only: nothing is written.
	Out string
}

// Result summarises a build.
type Result struct {
	Pages    int
	Files    int
	Duration time.Duration
}

// Model is a loaded, converted and checked site.
type Model struct {
	Site      *site.Site
	Templates *render.Templates
	Data      *data.Data

	content   fs.FS
	converter *markdown.Converter
}

// Load reads, converts, renders and checks everything without writing. It
// returns every problem found, sorted, as a diag.List.
func Load(ctx context.Context, opt Options) (*Model, error) {
	return run(ctx, opt, func() (publish.Output, error) { return &publish.Discard{}, nil })
}

// Run loads, checks and publishes the site: into opt.Out when it is set,
// else into publish.Discard, which is what check does, so that check runs
// every stage build runs.
func Run(ctx context.Context, opt Options) (Result, error) {
	start := time.Now()
	var stage *publish.Staging
	startOutput := func() (publish.Output, error) { return &publish.Discard{}, nil }
	if opt.Out != "" {
		startOutput = func() (publish.Output, error) {
			var err error
			stage, err = publish.Start(opt.Out)
			return stage, err
		}
	}
	var out publish.Output
	m, err := run(ctx, opt, func() (publish.Output, error) {
		var err error
		out, err = startOutput()
		return out, err
	})
	if err != nil {
		if stage != nil {
			stage.Abort()
		}
		return Result{}, err
	}
	res := Result{Pages: len(m.Site.Pages)}
	if out != nil {
		res.Files = out.Files()
	}
	if stage != nil {
		if err := stage.Commit(); err != nil {
			return res, fmt.Errorf("cannot publish to %s: %w", opt.Out, err)
		}
	}
	res.Duration = time.Since(start)
	return res, nil
}

// run is the pipeline. startOutput is called once the sources are known to
// be sound, and pages are rendered and written to the output as they are
// converted, so that no page's HTML is kept longer than it takes to write
// it.
func run(ctx context.Context, opt Options, startOutput func() (publish.Output, error)) (*Model, error) {
	var errs diag.List
	src, err := content.Load(opt.Content, opt.ContentName)
	errs.Append(diag.Pos{File: opt.ContentName}, err)
	d, err := data.Load(src.DataFiles, func(p string) string { return path.Join(opt.ContentName, p) })
	errs.Append(diag.Pos{File: opt.ContentName}, err)
	tmpl, err := render.ParseTemplates(opt.Templates, opt.TemplatesName)
	errs.Append(diag.Pos{File: opt.TemplatesName}, err)
	var compTemplates *template.Template
	if tmpl != nil {
		compTemplates = tmpl.Components
	}
	if err != nil {
		// Pages are still converted and checked without templates, so
		// that every other problem is reported too.
		tmpl = nil
	}
	s, err := site.New(src)
	errs.Append(diag.Pos{File: opt.ContentName}, err)
	if s.Root == nil {
		return nil, errs.Sort().Err()
	}
	// Without templates (they failed to parse) components are still
	// checked, but not for their templates.
	comps := components.New(d, compTemplates, func(file string) bool {
		_, ok := src.DataFiles[path.Join(content.DataDir, file)]
		return ok
	})
	m := &Model{Site: s, Templates: tmpl, Data: d, content: opt.Content}
	m.converter = markdown.New(markdown.Config{
		Components:    comps,
		Abbreviations: abbreviations(d),
	})

	stage, err := startOutput()
	if err != nil {
		return nil, fmt.Errorf("cannot prepare the output folder: %w", err)
	}
	index, pageErrs := m.pages(ctx, stage)
	errs = append(errs, pageErrs...)
	errs.Append(diag.Pos{}, s.CheckPages())
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, errs.Sort().Err()
	}
	if m.Templates != nil {
		if err := m.writeRest(stage, index); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// pageWork is what one worker keeps: its own search analyzer, and the
// buffer of its last page's HTML, reused for the next.
type pageWork struct {
	analyzer *search.Analyzer
	html     []byte
}

// pageOut is what the work on one page hands on, in page order: its search
// documents and its part of the print page.
type pageOut struct {
	docs  []search.Doc
	guide []byte
}

// pages converts every page on all cores. With a staging folder it also
// renders and writes each page and analyses it for search; documents are
// added to the index, and the page's part of the print page appended to
// it, in page order, the print page's order. A check (no staging folder)
// writes nothing and analyses nothing.
func (m *Model) pages(ctx context.Context, stage publish.Output) (*search.Builder, diag.List) {
	pages := m.Site.Pages
	var (
		r     *render.Renderer
		guide *printPage
		all   diag.List
	)
	if m.Templates != nil {
		// The folders of the pages and the search index, made before
		// any file (see Staging.Prepare).
		files := []string{site.SearchPage}
		for _, p := range pages {
			files = append(files, p.URL)
		}
		if p, ok := stage.(publish.Preparer); ok {
			all.Append(diag.Pos{}, p.Prepare(files))
		}
		r = render.New(m.Templates, m.Site)
		var err error
		// Without the print page's template the pages are still
		// rendered, so that every other problem is reported too.
		guide, err = startPrint(stage, render.New(m.Templates, m.Site))
		all.Append(diag.Pos{}, err)
	}
	inGuide := map[*site.Page]bool{}
	// inPack marks the session plans and their materials, whose Markdown
	// the trainer's packs convert again at the end (see writePacks).
	inPack := map[*site.Page]bool{}
	if r != nil {
		for _, p := range m.Site.GuidePages() {
			inGuide[p] = true
		}
		for _, p := range pages {
			if p.HasPack() {
				inPack[p] = true
				for _, mp := range m.Site.PackMaterials(p) {
					inPack[mp] = true
				}
			}
		}
	}
	lists := make([]diag.List, len(pages))
	builder := search.NewBuilder()
	workers := make([]pageWork, runtime.GOMAXPROCS(0))
	for i := range workers {
		workers[i].analyzer = search.NewAnalyzer()
	}
	ordered(ctx, len(pages), len(workers), func(w, i int) pageOut {
		p := pages[i]
		wk := &workers[w]
		in := markdown.Input{Path: p.Src.Path, File: p.Src.File, BodyLine: p.Src.BodyLine, Body: p.Src.Body}
		if r != nil {
			// The page is rendered before the next one is converted,
			// so the converted HTML's memory can be reused.
			in.Buf = wk.html
		}
		res, errs := m.converter.Convert(in)
		p.Facts = &res.Facts
		lists[i] = errs
		var out pageOut
		if r != nil {
			b, err := r.Page(p, res)
			if err == nil {
				err = stage.Write(p.URL, b)
			}
			lists[i].Append(diag.Pos{File: p.Src.File}, err)
			if guide != nil && inGuide[p] {
				out.guide = r.GuidePage(p, res.HTML)
			}
			out.docs = wk.analyzer.Page(i, searchPage(p, res))
			// What the rest of the build needs is the outline and the
			// links; the HTML is written, the text indexed, and the
			// Markdown no longer needed, but for the packs' pages.
			wk.html = res.HTML[:0]
			if !inPack[p] {
				p.Src.Body = nil
			}
		}
		res.HTML, res.Sections = nil, nil
		return out
	}, func(i int, out pageOut) {
		builder.Add(out.docs)
		if out.guide != nil {
			guide.add(out.guide)
		}
	})
	for _, l := range lists {
		all = append(all, l...)
	}
	if guide != nil {
		all.Append(diag.Pos{}, guide.finish())
	}
	return builder, all
}

// printPage is the whole-guide print page, streamed into the staging
// folder as the pages are rendered, so the guide is never held in memory
// nor written twice.
type printPage struct {
	w    io.WriteCloser
	tail []byte
	err  error
}

// startPrint writes the print page's template up to where the guide goes.
func startPrint(stage publish.Output, r *render.Renderer) (*printPage, error) {
	head, tail, err := r.PrintFrame()
	if err != nil {
		return nil, err
	}
	w, err := stage.Create(site.PrintPage)
	if err != nil {
		return nil, err
	}
	pp := &printPage{w: w, tail: tail}
	pp.add(head)
	return pp, nil
}

// add appends one page's part; the first error stops further writes.
func (pp *printPage) add(b []byte) {
	if pp.err == nil {
		_, pp.err = pp.w.Write(b)
	}
}

// finish writes the rest of the template and closes the file.
func (pp *printPage) finish() error {
	pp.add(pp.tail)
	if err := pp.w.Close(); pp.err == nil {
		pp.err = err
	}
	return pp.err
}

// writeRest writes everything but the pages and the print page: the
// search index and page, the trainer's packs, the 404 page, the sitemap,
// the assets and the content's own files. It runs once every page is
// rendered, so the index and the rest are made side by side.
func (m *Model) writeRest(stage publish.Output, index *search.Builder) error {
	var (
		mu   sync.Mutex
		errs diag.List
		wg   sync.WaitGroup
	)
	fail := func(err error) {
		if err != nil {
			mu.Lock()
			errs.Append(diag.Pos{}, err)
			mu.Unlock()
		}
	}
	wg.Go(func() {
		files, _ := index.Index(m.synonyms()).Files()
		fail(writeFiles(stage, files))
	})
	wg.Go(func() { fail(m.writeExtras(stage, render.New(m.Templates, m.Site))) })
	wg.Wait()
	return errs.Sort().Err()
}

// writeFiles hands files to the staging folder's writer, in name order.
func writeFiles(stage publish.Output, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var errs diag.List
	for _, name := range names {
		errs.Append(diag.Pos{}, stage.Write(name, files[name]))
	}
	return errs.Err()
}

// writeExtras writes the search page, the trainer's packs, the 404 page,
// the sitemap, the assets and the content's own files.
func (m *Model) writeExtras(stage publish.Output, r *render.Renderer) error {
	var errs diag.List
	fail := func(err error) { errs.Append(diag.Pos{}, err) }
	extras := []struct {
		name string
		make func() ([]byte, error)
	}{
		{site.SearchPage, r.Search},
		{site.NotFoundPage, r.NotFound},
		{site.Sitemap, func() ([]byte, error) { return render.Sitemap(m.Site), nil }},
	}
	for _, e := range extras {
		b, err := e.make()
		if err != nil {
			fail(err)
			continue
		}
		fail(stage.Write(e.name, b))
	}
	fail(m.writePacks(stage, r))
	for name, b := range m.assets() {
		fail(stage.Write(path.Join(site.AssetsDir, name), b))
	}
	for _, st := range m.Site.Static {
		b, err := fs.ReadFile(m.content, st.Path)
		if err != nil {
			fail(diag.Errorf(diag.Pos{File: st.File}, "cannot read: %v", err))
			continue
		}
		fail(stage.Write(st.Path, b))
	}
	return errs.Err()
}

// CodeThemes are the code-highlighting colours for each colour scheme. The
// backgrounds match --code-bg in site.css.
func CodeThemes() []markdown.CodeTheme {
	return []markdown.CodeTheme{
		{Style: "github", Background: "#f3f2f1", Selector: ":root"},
		{Style: "github-dark", Background: "#1b1d1f", Selector: `:root[data-theme="dark"]`},
	}
}

// assets returns the files for public/assets/: the template folder's assets,
// with the tools' stylesheets (parts/*.css) and the generated highlighting
// rules appended to site.css and the storage key list put in front of
// site.js.
func (m *Model) assets() map[string][]byte {
	out := make(map[string][]byte, len(m.Templates.Assets))
	var parts []string
	for name, b := range m.Templates.Assets {
		switch {
		case strings.HasPrefix(name, "vendor/"):
		case strings.HasPrefix(name, "parts/") && strings.HasSuffix(name, ".css"):
			parts = append(parts, name)
		default:
			out[name] = b
		}
	}
	sort.Strings(parts)
	if js, ok := out["search.js"]; ok {
		// The stemmer is a CommonJS file; wrap it so it defines a global
		// in a plain script, then add our search code after it.
		var b bytes.Buffer
		b.WriteString("(function () {\nvar module = { exports: {} };\n")
		b.Write(m.Templates.Assets["vendor/wink-porter2-stemmer.js"])
		b.WriteString("\nwindow.joinedupStem = module.exports;\n})();\n")
		b.Write(js)
		out["search.js"] = b.Bytes()
	}
	if css, ok := out["site.css"]; ok {
		themes := CodeThemes()
		light := markdown.HighlightCSS(themes[:1])
		dark := markdown.HighlightCSS(themes[1:])
		var b bytes.Buffer
		b.Write(css)
		// Each tool's rules live in their own file, assets/parts/NAME.css,
		// and join the one stylesheet every page loads.
		for _, p := range parts {
			fmt.Fprintf(&b, "\n/* %s */\n", p)
			b.Write(m.Templates.Assets[p])
		}
		b.WriteString("\n")
		b.WriteString(light)
		b.WriteString(dark)
		// Without a stored choice, the dark scheme follows the system.
		b.WriteString("@media (prefers-color-scheme: dark){\n")
		b.Write(bytes.ReplaceAll([]byte(dark), []byte(`:root[data-theme="dark"]`), []byte(`:root:not([data-theme])`)))
		b.WriteString("}\n")
		out["site.css"] = b.Bytes()
	}
	if js, ok := out["site.js"]; ok {
		keys, _ := json.Marshal(storageKeys())
		var b bytes.Buffer
		fmt.Fprintf(&b, "/* Generated: the storage keys the scripts may use (see the privacy page) and the stored data's schema version. */\nwindow.joinedupStorageKeys = %s;\nwindow.joinedupStorageVersion = %d;\n", keys, storage.Version)
		b.Write(js)
		out["site.js"] = b.Bytes()
	}
	return out
}

func storageKeys() []string {
	var out []string
	for _, k := range storage.Keys() {
		out = append(out, k.Full())
	}
	return out
}

func abbreviations(d *data.Data) map[string]string {
	m := map[string]string{}
	for _, t := range d.Glossary.Terms {
		if t.Abbr != "" {
			m[t.Abbr] = t.Term
		}
	}
	return m
}

// ordered runs work for 0..n-1 on the given number of workers and hands
// each result to consume in index order, on one goroutine, as soon as it
// and all before it are done. Results are held only until their turn.
func ordered[T any](ctx context.Context, n, workers int, work func(worker, i int) T, consume func(i int, v T)) {
	workers = max(1, min(workers, n))
	type item struct {
		i int
		v T
	}
	results := make(chan item, 2*workers)
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				results <- item{i, work(w, i)}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := map[int]T{}
	want := 0
	for it := range results {
		pending[it.i] = it.v
		for {
			v, ok := pending[want]
			if !ok {
				break
			}
			delete(pending, want)
			consume(want, v)
			want++
		}
	}
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
