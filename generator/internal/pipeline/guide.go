package pipeline

import (
	"io"

	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/publish"
	"joinedup/generator/internal/render"
	"joinedup/generator/internal/site"
)

// guideStage streams "print the whole guide": every page of the sections
// print_guide names, in the site's reading order, on one page, print.html;
// or, for a guide too long to print at once, on one page per top-level
// section, print/SECTION.html, which print.html lists (see
// site.GuideParts).
//
// It reads the converted HTML and title of the guide's pages, and the
// list of those pages (for each print page's contents). It writes the
// print pages. The pass hands it pages in reading order, which is the
// guide's order, so each page's part is written as soon as it is made:
// the guide, the largest output of a site, is never held in memory.
type guideStage struct {
	r     *render.Renderer
	parts []site.GuidePart
	// partOf is the index in parts of each guide page's print page.
	partOf map[*site.Page]int
	// started is set by Start and only read during the pass: the
	// workers' Page calls must not read err, which Add writes.
	started bool
	out     publish.Output
	// cur is the part being written, w its file and tail the rest of
	// its template; err is the first error.
	cur  int
	w    io.WriteCloser
	tail []byte
	err  error
}

func newGuideStage(r *render.Renderer, s *site.Site) *guideStage {
	st := &guideStage{r: r, parts: s.GuideParts(), partOf: map[*site.Page]int{}, cur: -1}
	for i, part := range st.parts {
		for _, p := range part.Pages {
			st.partOf[p] = i
		}
	}
	return st
}

// split reports whether the guide is printed a section at a time.
func (st *guideStage) split() bool { return st.parts[0].URL != site.PrintPage }

// Start checks the print template, and writes print.html when it lists
// the print pages of a guide printed a section at a time.
func (st *guideStage) Start(out publish.Output) error {
	st.out = out
	if _, _, err := st.r.PrintFrame(site.GuidePart{URL: site.PrintPage}); err != nil {
		st.err = err
		return err
	}
	st.started = true
	if st.split() {
		b, err := st.r.PrintIndex(st.parts)
		if err == nil {
			err = out.Write(site.PrintPage, b)
		}
		st.err = err
	}
	return st.err
}

// guidePart is one page's part of a print page, on its way to Add.
type guidePart struct {
	part int
	html []byte
}

// Page makes the page's part of its print page, when it is in the guide.
func (st *guideStage) Page(_, _ int, p *site.Page, res *markdown.Result) (any, error) {
	i, ok := st.partOf[p]
	if !st.started || !ok {
		return nil, nil
	}
	return guidePart{i, st.r.GuidePage(p, res.HTML, st.parts[i].URL)}, nil
}

// Add appends a page's part to its print page, starting that print page
// when the part is its first.
func (st *guideStage) Add(_ int, part any) {
	gp, ok := part.(guidePart)
	if !ok {
		return
	}
	for st.err == nil && st.cur < gp.part {
		st.next()
	}
	st.write(gp.html)
}

// next closes the print page being written and starts the next one.
func (st *guideStage) next() {
	st.close()
	st.cur++
	if st.err != nil {
		return
	}
	head, tail, err := st.r.PrintFrame(st.parts[st.cur])
	if err == nil {
		st.w, err = st.out.Create(st.parts[st.cur].URL)
	}
	st.err, st.tail = err, tail
	st.write(head)
}

// close writes the rest of the current print page's template and closes
// its file.
func (st *guideStage) close() {
	if st.w == nil {
		return
	}
	st.write(st.tail)
	if err := st.w.Close(); st.err == nil {
		st.err = err
	}
	st.w = nil
}

// write appends b; the first error stops further writes.
func (st *guideStage) write(b []byte) {
	if st.err == nil && st.w != nil {
		_, st.err = st.w.Write(b)
	}
}

// Finish writes the print pages no guide page reached (a guide with no
// pages still gets its print page) and closes the last. A problem in
// Start has been reported already.
func (st *guideStage) Finish(publish.Output) error {
	if !st.started {
		return nil
	}
	for st.err == nil && st.cur < len(st.parts)-1 {
		st.next()
	}
	st.close()
	return st.err
}
