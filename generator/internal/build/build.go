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
	"io/fs"
	"os"
	"path"
	"runtime"
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

// Model is a loaded, converted and checked site, ready to render.
type Model struct {
	Site      *site.Site
	Templates *render.Templates
	Data      *data.Data
}

// Load reads and checks everything without writing. It returns every problem
// found, sorted, as a diag.List.
func Load(ctx context.Context, opt Options) (*Model, error) {
	var errs diag.List
	src, err := content.Load(opt.Content, opt.ContentName)
	errs.Append(diag.Pos{File: opt.ContentName}, err)
	d, err := data.Load(src.DataFiles, func(p string) string { return path.Join(opt.ContentName, p) })
	errs.Append(diag.Pos{File: opt.ContentName}, err)
	tmpl, err := render.ParseTemplates(opt.Templates, opt.TemplatesName)
	errs.Append(diag.Pos{File: opt.TemplatesName}, err)
	s, err := site.New(src)
	errs.Append(diag.Pos{File: opt.ContentName}, err)
	if s.Root == nil {
		return nil, errs.Sort().Err()
	}
	// Without templates (they failed to parse) components are still
	// checked, but not for their templates.
	var compTemplates *template.Template
	if tmpl != nil {
		compTemplates = tmpl.Components
	}
	comps := components.New(d, compTemplates, site.OutputPath, func(file string) bool {
		_, ok := src.DataFiles[path.Join(content.DataDir, file)]
		return ok
	})
	conv := markdown.New(markdown.Config{
		Components:    comps,
		Abbreviations: abbreviations(d),
		OutputPath:    site.OutputPath,
	})
	errs = append(errs, convertAll(ctx, conv, s.Pages)...)
	errs.Append(diag.Pos{}, s.CheckLinks())
	errs.Append(diag.Pos{}, s.CheckChecklists())
	errs.Append(diag.Pos{}, render.CheckConfig(s))
	errs.Append(diag.Pos{}, render.CheckPrintGuide(s))
	errs = append(errs, duplicateIDs(s.Pages)...)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, errs.Sort().Err()
	}
	return &Model{Site: s, Templates: tmpl, Data: d}, nil
}

// Run loads, checks and, when opt.Out is set, publishes the site.
func Run(ctx context.Context, opt Options) (Result, error) {
	start := time.Now()
	m, err := Load(ctx, opt)
	if err != nil {
		return Result{}, err
	}
	res := Result{Pages: len(m.Site.Pages)}
	if opt.Out == "" {
		res.Duration = time.Since(start)
		return res, nil
	}
	stage, err := publish.Start(opt.Out)
	if err != nil {
		return res, fmt.Errorf("cannot prepare the output folder: %w", err)
	}
	if err := m.write(ctx, stage, opt.Content); err != nil {
		stage.Abort()
		return res, err
	}
	res.Files = stage.Files()
	if err := stage.Commit(); err != nil {
		return res, fmt.Errorf("cannot publish to %s: %w", opt.Out, err)
	}
	res.Duration = time.Since(start)
	return res, nil
}

// write renders every file into the staging folder.
func (m *Model) write(ctx context.Context, stage *publish.Staging, contentFS fs.FS) error {
	r := render.New(m.Templates, m.Site)
	var errs diag.List
	var mu sync.Mutex
	fail := func(err error) {
		mu.Lock()
		errs.Append(diag.Pos{}, err)
		mu.Unlock()
	}
	parallel(ctx, len(m.Site.Pages), func(i int) {
		p := m.Site.Pages[i]
		b, err := r.Page(p)
		if err != nil {
			fail(err)
			return
		}
		if err := stage.Write(p.URL, b); err != nil {
			fail(err)
		}
	})
	extras := []struct {
		name string
		make func() ([]byte, error)
	}{
		{site.SearchPage, r.Search},
		{site.PrintPage, r.Print},
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
	index, _ := m.searchIndex().Files()
	for name, b := range index {
		fail(stage.Write(name, b))
	}
	for name, b := range m.assets() {
		fail(stage.Write(path.Join(site.AssetsDir, name), b))
	}
	for _, st := range m.Site.Static {
		b, err := fs.ReadFile(contentFS, st.Path)
		if err != nil {
			fail(diag.Errorf(diag.Pos{File: st.File}, "cannot read: %v", err))
			continue
		}
		fail(stage.Write(st.Path, b))
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return errs.Sort().Err()
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
// with the generated highlighting rules appended to site.css and the storage
// key list put in front of site.js.
func (m *Model) assets() map[string][]byte {
	out := make(map[string][]byte, len(m.Templates.Assets))
	for name, b := range m.Templates.Assets {
		if !strings.HasPrefix(name, "vendor/") {
			out[name] = b
		}
	}
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
		fmt.Fprintf(&b, "/* Generated: the storage keys the scripts may use (see the privacy page). */\nwindow.joinedupStorageKeys = %s;\n", keys)
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

// convertAll converts every page's Markdown on all cores.
func convertAll(ctx context.Context, conv *markdown.Converter, pages []*site.Page) diag.List {
	lists := make([]diag.List, len(pages))
	parallel(ctx, len(pages), func(i int) {
		p := pages[i]
		res, errs := conv.Convert(markdown.Input{Path: p.Src.Path, File: p.Src.File, BodyLine: p.Src.BodyLine, Body: p.Src.Body})
		p.Result = res
		lists[i] = errs
	})
	var all diag.List
	for _, l := range lists {
		all = append(all, l...)
	}
	return all
}

// duplicateIDs reports a heading id used twice on one page, which happens
// when a heading repeats an entry a component adds.
func duplicateIDs(pages []*site.Page) diag.List {
	var errs diag.List
	for _, p := range pages {
		if p.Result == nil {
			continue
		}
		seen := map[string]bool{}
		for _, h := range p.Result.Headings {
			if seen[h.ID] {
				errs.Add(diag.Pos{File: p.Src.File}, "the id %q is used twice on this page (a heading repeats an entry of a component); reword the heading", h.ID)
			}
			seen[h.ID] = true
		}
	}
	return errs
}

// parallel runs fn for 0..n-1 on every core, stopping early if ctx ends.
func parallel(ctx context.Context, n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range workers {
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
				fn(i)
			}
		}()
	}
	wg.Wait()
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
