package pipeline

import (
	"bytes"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/publish"
	"joinedup/generator/internal/render"
	"joinedup/generator/internal/site"
)

// packsStage writes each session plan's trainer's pack (see
// site.PackURL): the plan, its notes and every material, on one page to
// print.
//
// It reads the converted HTML and title of the session plans and of the
// pages their agendas name as materials, and each plan's session block.
// Those are a handful of pages on any site, so it keeps a copy of their
// HTML as the pass goes by, and writes the packs when every page is done.
// A Live build keeps the copies from one build to the next (see kept).
type packsStage struct {
	r    *render.Renderer
	site *site.Site
	// inPack marks the pages some pack holds; html keeps their converted
	// HTML, by source path, until Finish.
	inPack map[*site.Page]bool
	html   map[string][]byte
}

func newPacksStage(r *render.Renderer, s *site.Site, k *kept) *packsStage {
	st := &packsStage{r: r, site: s, inPack: map[*site.Page]bool{}, html: map[string][]byte{}}
	if k != nil {
		st.html = k.packs
	}
	for _, p := range s.Pages {
		if p.HasPack() {
			st.inPack[p] = true
			for _, m := range s.PackMaterials(p) {
				st.inPack[m] = true
			}
		}
	}
	return st
}

func (st *packsStage) Start(publish.Output) error { return nil }

// packPart is a copy of a pack page's HTML, on its way to Add.
type packPart struct {
	p    *site.Page
	html []byte
}

// Page copies the HTML of a page some pack holds.
func (st *packsStage) Page(_, _ int, p *site.Page, res *markdown.Result) (any, error) {
	if !st.inPack[p] {
		return nil, nil
	}
	return packPart{p, bytes.Clone(res.HTML)}, nil
}

// Add keeps the copy until Finish.
func (st *packsStage) Add(_ int, part any) {
	if pp, ok := part.(packPart); ok {
		st.html[pp.p.Src.Path] = pp.html
	}
}

// Finish renders and writes every pack.
func (st *packsStage) Finish(out publish.Output) error {
	var errs diag.List
	for _, p := range st.site.Pages {
		if !p.HasPack() {
			continue
		}
		b, err := st.r.Pack(p, func(part *site.Page) []byte { return st.html[part.Src.Path] })
		if err == nil {
			err = out.Write(site.PackURL(p), b)
		}
		errs.Append(diag.Pos{File: p.Src.File}, err)
	}
	return errs.Err()
}
