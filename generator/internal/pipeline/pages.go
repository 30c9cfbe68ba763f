package pipeline

import (
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/publish"
	"joinedup/generator/internal/render"
	"joinedup/generator/internal/site"
)

// pagesStage renders and writes every page.
//
// It reads a page's converted HTML, headings and components (for its
// scripts), its front matter, and the site's structure: the titles and
// order of the pages its navigation shows (section menu, breadcrumbs,
// previous and next, a section's list of pages). It writes the page's
// output file, p.URL.
type pagesStage struct {
	r    *render.Renderer
	site *site.Site
	out  publish.Output
}

// Start makes, in one go, the folders of every page and of the search
// page, when the output can (see publish.Preparer).
func (st *pagesStage) Start(out publish.Output) error {
	st.out = out
	p, ok := out.(publish.Preparer)
	if !ok {
		return nil
	}
	files := []string{site.SearchPage}
	for _, pg := range st.site.Pages {
		files = append(files, pg.URL)
	}
	return p.Prepare(files)
}

// Page renders the page and hands it to the output. The page is rendered
// before its worker converts the next one, so that the converted HTML's
// memory can be reused.
func (st *pagesStage) Page(_, _ int, p *site.Page, res *markdown.Result) (any, error) {
	b, err := st.r.Page(p, res)
	if err != nil {
		return nil, err
	}
	return nil, st.out.Write(p.URL, b)
}

func (st *pagesStage) Add(int, any) {}

func (st *pagesStage) Finish(publish.Output) error { return nil }
