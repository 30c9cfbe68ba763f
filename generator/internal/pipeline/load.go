package pipeline

import (
	"html/template"
	"path"
	"slices"
	"time"

	"joinedup/generator/internal/assets"
	"joinedup/generator/internal/components"
	"joinedup/generator/internal/content"
	"joinedup/generator/internal/data"
	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/render"
	"joinedup/generator/internal/site"
)

// sources is everything a build reads, loaded, decoded and modelled, and
// the converter set up for its pages.
type sources struct {
	opt  Options
	site *site.Site
	data *data.Data
	// templates is nil when they have problems: pages are then still
	// converted and checked, so that every other problem is reported,
	// but nothing is rendered.
	templates *render.Templates
	assets    *assets.Set
	converter *markdown.Converter
	// warnings are problems that do not stop the build.
	warnings diag.List
	// content is what was read from the content folder.
	content *content.Source
}

// load reads the content, data, templates and assets and models the site.
// It returns what it could load and every problem it found; src.site is
// nil, or has no root, when the content cannot be modelled at all.
func load(opt Options) (*sources, diag.List) {
	var errs diag.List
	src := &sources{opt: opt}
	pages, err := content.Load(opt.Content, opt.ContentName)
	errs.Append(diag.Pos{File: opt.ContentName}, err)
	src.warnings, src.content = pages.Warnings, pages
	if opt.Static != nil {
		static, warnings, err := content.LoadStatic(opt.Static, opt.StaticName)
		errs.Append(diag.Pos{File: opt.StaticName}, err)
		src.warnings = append(src.warnings, warnings...).Sort()
		pages.Static = append(pages.Static, static...)
	}
	src.warnings, errs = overdue(opt, pages, src.warnings, errs)
	src.data, err = data.Load(pages.DataFiles, func(p string) string { return path.Join(opt.ContentName, p) })
	errs.Append(diag.Pos{File: opt.ContentName}, err)
	tmpl, tmplErr := render.ParseTemplates(opt.theme, opt.theme.Name)
	errs.Append(diag.Pos{File: opt.TemplatesName}, tmplErr)
	src.assets, err = assets.Load(opt.theme, opt.theme.Name)
	errs.Append(diag.Pos{File: opt.TemplatesName}, err)
	src.site, err = site.New(pages, opt.Drafts)
	errs.Append(diag.Pos{File: opt.ContentName}, err)
	if src.site == nil || src.site.Root == nil {
		return src, errs
	}
	// Components are checked against their templates when those parsed,
	// even if a page template did not.
	src.converter = newConverter(src.data, tmpl.ComponentsOrNil(), pages.DataFiles)
	if tmplErr == nil {
		src.templates = tmpl
	}
	return src, errs
}

// overdue adds the pages past their review date to the warnings, or to
// the problems with opt.Strict.
func overdue(opt Options, src *content.Source, warnings, errs diag.List) (diag.List, diag.List) {
	today := opt.Today
	if today.IsZero() {
		today = time.Now()
	}
	late := content.OverdueReviews(src.Pages, today)
	if opt.Strict {
		return warnings, append(errs, late...)
	}
	return append(slices.Clone(warnings), late...), errs
}

// newConverter sets up the converter for the site's data: its components
// and the glossary's abbreviations.
func newConverter(d *data.Data, componentTemplates *template.Template, dataFiles map[string][]byte) *markdown.Converter {
	comps := components.New(d, componentTemplates, func(file string) bool {
		_, ok := dataFiles[path.Join(content.DataDir, file)]
		return ok
	})
	return markdown.New(markdown.Config{Components: comps, Abbreviations: abbreviations(d)})
}

// abbreviations maps each abbreviation in the glossary to its term; the
// converter marks up the first use of each on a page.
func abbreviations(d *data.Data) map[string]string {
	m := map[string]string{}
	for _, t := range d.Glossary.Terms {
		if t.Abbr != "" {
			m[t.Abbr] = t.Term
		}
	}
	return m
}
