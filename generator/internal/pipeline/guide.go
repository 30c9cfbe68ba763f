package pipeline

import (
	"io"

	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/publish"
	"joinedup/generator/internal/render"
	"joinedup/generator/internal/site"
)

// guideStage streams "print the whole guide" (print.html): every page of
// the sections print_guide names, in the site's reading order, on one
// page.
//
// It reads the converted HTML and title of the guide's pages, and the
// list of those pages (for the page's contents). It writes print.html.
// The pass hands it pages in reading order, which is the guide's order, so
// each page's part is written as soon as it is made: the guide, the
// largest file of a site, is never held in memory.
type guideStage struct {
	r       *render.Renderer
	inGuide map[*site.Page]bool
	w       io.WriteCloser
	tail    []byte
	err     error
}

func newGuideStage(r *render.Renderer, s *site.Site) *guideStage {
	in := map[*site.Page]bool{}
	for _, p := range s.GuidePages() {
		in[p] = true
	}
	return &guideStage{r: r, inGuide: in}
}

// Start writes the print page's template up to where the guide goes.
func (st *guideStage) Start(out publish.Output) error {
	head, tail, err := st.r.PrintFrame()
	if err != nil {
		st.err = err
		return err
	}
	st.w, st.err = out.Create(site.PrintPage)
	if st.err != nil {
		return st.err
	}
	st.tail = tail
	st.write(head)
	return nil
}

// Page makes the page's part of the guide, when it is in the guide.
func (st *guideStage) Page(_, _ int, p *site.Page, res *markdown.Result) (any, error) {
	if st.err != nil || !st.inGuide[p] {
		return nil, nil
	}
	return st.r.GuidePage(p, res.HTML), nil
}

// Add appends a page's part to the print page.
func (st *guideStage) Add(_ int, part any) {
	if b, ok := part.([]byte); ok {
		st.write(b)
	}
}

// write appends b; the first error stops further writes.
func (st *guideStage) write(b []byte) {
	if st.err == nil {
		_, st.err = st.w.Write(b)
	}
}

// Finish writes the rest of the template and closes the file. A problem
// in Start has been reported already.
func (st *guideStage) Finish(publish.Output) error {
	if st.w == nil {
		return nil
	}
	st.write(st.tail)
	if err := st.w.Close(); st.err == nil {
		st.err = err
	}
	return st.err
}
