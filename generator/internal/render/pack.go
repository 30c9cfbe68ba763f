package render

import (
	"bytes"
	"html/template"
	"strings"

	"joinedup/generator/internal/site"
)

// A trainer's pack (see site.PackURL) prints the session plan, the session
// page's own notes, then every page the agenda names as a material, each
// starting on a new sheet. It is a copy of pages that exist anyway, so it
// is left out of the sitemap and the search index, like the whole-guide
// print page.

// packID is the id of a page's part of a pack; every id inside that part
// starts with it.
func packID(p *site.Page) string {
	return "pack-" + strings.NewReplacer("/", "-", ".html", "").Replace(p.URL)
}

// Pack renders the trainer's pack of the session page p. html gives the
// converted body of the session page and of each of its materials.
func (r *Renderer) Pack(p *site.Page, html func(*site.Page) []byte) ([]byte, error) {
	url := site.PackURL(p)
	v := r.base(url, "pack", nil)
	v.Title = "Trainer's pack: " + p.Title()
	v.Description = "The session plan, the facilitator notes and every material the session uses, on one page to print."
	sv := r.session(p, p.Src.Front.Session)
	sv.Pack = nil
	// In the pack, the agenda's materials lead to their copies below.
	for i := range sv.Items {
		for j, m := range sv.Items[i].pages {
			sv.Items[i].Materials[j].URL = "#" + packID(m)
		}
	}
	v.Session = sv
	v.Contents = append(v.Contents, ContentsItem{Heading: site.Heading{Level: 2, ID: "session-plan", Text: "Session plan"}})
	var body bytes.Buffer
	for i, part := range append([]*site.Page{p}, r.site.PackMaterials(p)...) {
		b := html(part)
		title := part.Title()
		if i == 0 {
			// The session page's own text is its facilitator notes.
			if len(bytes.TrimSpace(b)) == 0 {
				continue
			}
			title = "Facilitator notes"
		}
		v.Contents = append(v.Contents, ContentsItem{Heading: site.Heading{Level: 2, ID: packID(part), Text: title}})
		body.Write(embed(part, b, url, packID(part), title))
	}
	v.GuideHTML = template.HTML(body.String())
	return r.execute("pack", v)
}
