package build

import (
	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/publish"
	"joinedup/generator/internal/render"
	"joinedup/generator/internal/site"
)

// writePacks writes the trainer's pack of every session plan. The pages'
// HTML was let go as each page was written, so the few pages a pack holds
// are converted again here: that costs a little time for the session
// plans' materials instead of memory for every page.
func (m *Model) writePacks(stage publish.Output, r *render.Renderer) error {
	var errs diag.List
	for _, p := range m.Site.Pages {
		if !p.HasPack() {
			continue
		}
		b, err := r.Pack(p, m.bodyHTML)
		if err == nil {
			err = stage.Write(site.PackURL(p), b)
		}
		errs.Append(diag.Pos{File: p.Src.File}, err)
	}
	return errs.Err()
}

// bodyHTML converts a page's Markdown again and returns its HTML.
func (m *Model) bodyHTML(p *site.Page) ([]byte, error) {
	res, errs := m.converter.Convert(markdown.Input{Path: p.Src.Path, File: p.Src.File, BodyLine: p.Src.BodyLine, Body: p.Src.Body})
	return res.HTML, errs.Err()
}
