package pipeline

import (
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/publish"
	"joinedup/generator/internal/render"
	"joinedup/generator/internal/site"
)

// A stage is one job of the build. The stages share one pass over the
// pages (see runPass): each page's Markdown is converted once and handed
// to every stage's Page; each stage then finishes its output once every
// page is done. Each stage's doc comment says what it reads of a page and
// what it writes, so that memory can go as soon as the last reader is
// done, and so that a rebuild can tell which stages an edit touches.
type stage interface {
	// Start runs before the pass, on one goroutine.
	Start(out publish.Output) error
	// Page does the stage's work on page i, converted as res, on worker
	// w; workers run side by side, each on its own pages. It must not
	// keep res, nor res.HTML, after it returns: the worker reuses that
	// memory for its next page. A stage that needs a page's HTML later
	// keeps a copy of what it needs (as the packs do). What Page returns
	// is handed to Add.
	Page(w, i int, p *site.Page, res *markdown.Result) (part any, err error)
	// Add receives the part Page made of page i. Parts arrive in page
	// order, one at a time, as soon as each page and all before it are
	// done, so a stage can stream in the site's reading order.
	Add(i int, part any)
	// Finish writes the rest of the stage's output once every page is
	// done. The stages' Finish methods run side by side.
	Finish(out publish.Output) error
}

// stages lists the stages of a build in the order they see each page.
// Without templates (they have problems, already reported) nothing can be
// rendered, so there are none: the pass still converts and checks every
// page.
func stages(src *sources) []stage {
	if src.templates == nil {
		return nil
	}
	r := render.New(src.templates, src.assets, src.site)
	return []stage{
		&pagesStage{r: r, site: src.site},
		newGuideStage(r, src.site, nil),
		newIndexStage(src.site, src.data, nil),
		newPacksStage(r, src.site, nil),
		&extrasStage{r: r, src: src, full: true},
	}
}
