package pipeline

import (
	"fmt"
	"io"
	"os"

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
//
// A Live build keeps where each page's part was written (see kept). Its
// rebuilds make the parts of the pages they converted, and at Finish write
// each print page again from those and, for every other page, the bytes of
// its part in the print page as it was: nothing else is converted again.
type guideStage struct {
	r     *render.Renderer
	parts []site.GuidePart
	kept  *kept
	// splice is set in a Live rebuild; old opens a print page as it was.
	splice bool
	old    func(url string) (*os.File, error)
	// partOf is the index in parts of each guide page's print page.
	partOf map[*site.Page]int
	// started is set by Start and only read during the pass: the
	// workers' Page calls must not read err, which Add writes.
	started bool
	out     publish.Output
	// cur is the part being written, w its file, written the bytes
	// written to it and tail the rest of its template; err is the first
	// error.
	cur     int
	w       io.WriteCloser
	written int64
	tail    []byte
	err     error
}

func newGuideStage(r *render.Renderer, s *site.Site, k *kept) *guideStage {
	st := &guideStage{r: r, parts: s.GuideParts(), partOf: map[*site.Page]int{}, cur: -1, kept: k}
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
	if st.split() && !st.splice {
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
	path string // the page's source path
	html []byte
}

// Page makes the page's part of its print page, when it is in the guide.
func (st *guideStage) Page(_, _ int, p *site.Page, res *markdown.Result) (any, error) {
	i, ok := st.partOf[p]
	if !st.started || !ok {
		return nil, nil
	}
	return guidePart{i, p.Src.Path, st.r.GuidePage(p, res.HTML, st.parts[i].URL)}, nil
}

// Add appends a page's part to its print page, starting that print page
// when the part is its first.
func (st *guideStage) Add(_ int, part any) {
	gp, ok := part.(guidePart)
	if !ok {
		return
	}
	if st.splice {
		st.kept.guideNew[gp.path] = gp.html
		return
	}
	for st.err == nil && st.cur < gp.part {
		st.next()
	}
	off := st.written
	st.write(gp.html)
	if st.kept != nil {
		st.kept.guide[gp.path] = guideSpan{URL: st.parts[gp.part].URL, Off: off, Len: st.written - off}
	}
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
	st.err, st.tail, st.written = err, tail, 0
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
		var n int
		n, st.err = st.w.Write(b)
		st.written += int64(n)
	}
}

// Finish writes the print pages no guide page reached (a guide with no
// pages still gets its print page) and closes the last. A problem in
// Start has been reported already.
func (st *guideStage) Finish(out publish.Output) error {
	if !st.started {
		return nil
	}
	if st.splice {
		st.out = out
		return st.spliceAll()
	}
	for st.err == nil && st.cur < len(st.parts)-1 {
		st.next()
	}
	st.close()
	return st.err
}

// spliceAll writes every print page of a Live rebuild: the parts it made,
// and the rest copied from the print pages as they were. Each print page's
// spans are kept as soon as it is written, so a rebuild stopped half way
// leaves what is kept true to what is on disk.
func (st *guideStage) spliceAll() error {
	old := map[string]*os.File{}
	defer func() {
		for _, f := range old {
			f.Close()
		}
	}()
	// Open every print page a part is copied from before any is
	// replaced.
	for _, part := range st.parts {
		for _, p := range part.Pages {
			if _, made := st.kept.guideNew[p.Src.Path]; made {
				continue
			}
			sp, ok := st.kept.guide[p.Src.Path]
			if !ok {
				return fmt.Errorf("the print page part of %s was not kept; restart serve", p.Src.File)
			}
			if old[sp.URL] == nil {
				f, err := st.old(sp.URL)
				if err != nil {
					return err
				}
				old[sp.URL] = f
			}
		}
	}
	for _, part := range st.parts {
		if old[part.URL] == nil {
			if f, err := st.old(part.URL); err == nil {
				old[part.URL] = f
			}
		}
	}
	if st.split() {
		b, err := st.r.PrintIndex(st.parts)
		if err == nil {
			err = st.out.Write(site.PrintPage, b)
		}
		if err != nil {
			return err
		}
	}
	for i := range st.parts {
		if st.unchanged(i, old) {
			keep(st.out, st.parts[i].URL)
			continue
		}
		if err := st.splicePart(i, old); err != nil {
			return err
		}
	}
	return nil
}

// unchanged reports whether print page i would be written as it is: none
// of its pages' parts was made again, its pages are the ones in it, in the
// same order, and its template's parts before and after them are the
// same. A site's print pages by section mostly are, after an edit.
func (st *guideStage) unchanged(i int, old map[string]*os.File) bool {
	part := st.parts[i]
	if len(part.Pages) == 0 {
		return false
	}
	var at int64
	for k, p := range part.Pages {
		sp, ok := st.kept.guide[p.Src.Path]
		if _, made := st.kept.guideNew[p.Src.Path]; made || !ok || sp.URL != part.URL || (k > 0 && sp.Off != at) {
			return false
		}
		at = sp.Off + sp.Len
	}
	f := old[part.URL]
	if f == nil {
		return false
	}
	info, err := f.Stat()
	if err != nil {
		return false
	}
	head, tail, err := st.r.PrintFrame(part)
	first := st.kept.guide[part.Pages[0].Src.Path].Off
	if err != nil || int64(len(head)) != first || int64(len(tail)) != info.Size()-at {
		return false
	}
	was := make([]byte, len(head)+len(tail))
	if _, err := f.ReadAt(was[:len(head)], 0); err != nil {
		return false
	}
	if _, err := f.ReadAt(was[len(head):], at); err != nil && len(tail) > 0 {
		return false
	}
	return string(was[:len(head)]) == string(head) && string(was[len(head):]) == string(tail)
}

// splicePart writes print page i from the parts made and the print pages
// as they were.
func (st *guideStage) splicePart(i int, old map[string]*os.File) error {
	st.cur = i - 1
	st.next()
	spans := map[string]guideSpan{}
	for _, p := range st.parts[i].Pages {
		off := st.written
		if b, made := st.kept.guideNew[p.Src.Path]; made {
			st.write(b)
		} else if st.err == nil {
			sp := st.kept.guide[p.Src.Path]
			var n int64
			n, st.err = io.Copy(st.w, io.NewSectionReader(old[sp.URL], sp.Off, sp.Len))
			st.written += n
		}
		spans[p.Src.Path] = guideSpan{URL: st.parts[i].URL, Off: off, Len: st.written - off}
	}
	st.close()
	if st.err != nil {
		return st.err
	}
	for path, sp := range spans {
		st.kept.guide[path] = sp
		delete(st.kept.guideNew, path)
	}
	return nil
}
