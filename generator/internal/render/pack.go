package render

import (
	"bytes"
	"html/template"
	"path"
	"strings"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
)

// A trainer's pack is one printable page per session plan: the plan, the
// session page's own notes, then every page the agenda names as a
// material, each starting on a new sheet. It is written beside the session
// page as NAME-pack.html, so its links to other pages stay as short as the
// session page's own. It is a copy of pages that exist anyway, so it is left
// out of the sitemap and the search index, like the whole-guide print page.

// packSuffix turns a session page's output name into its pack's.
const packSuffix = "-pack.html"

// PackURL is the output path of the trainer's pack of the session page p.
func PackURL(p *site.Page) string { return strings.TrimSuffix(p.URL, ".html") + packSuffix }

// packSource is the source path a page would need to collide with the pack
// of the session page at source path src.
func packSource(src string) string { return strings.TrimSuffix(src, ".md") + "-pack.md" }

// HasPack reports whether p gets a trainer's pack: whether it is a session
// plan.
func HasPack(p *site.Page) bool { return p.Src.Front.Session != nil }

// PackMaterials lists the pages the agenda of session page p names as
// materials, once each, in order of first use.
func (r *Renderer) PackMaterials(p *site.Page) []*site.Page {
	var out []*site.Page
	seen := map[*site.Page]bool{p: true}
	for _, item := range p.Src.Front.Session.Agenda {
		for _, m := range item.Materials {
			target := r.site.Page(path.Join(path.Dir(p.Src.Path), m))
			if target != nil && !seen[target] {
				seen[target] = true
				out = append(out, target)
			}
		}
	}
	return out
}

// packID is the id of a page's part of a pack; every id inside that part
// starts with it.
func packID(p *site.Page) string {
	return "pack-" + strings.NewReplacer("/", "-", ".html", "").Replace(p.URL)
}

// Pack renders the trainer's pack of the session page p. html gives the
// converted body of a page: the session page's own and each material's
// (the build no longer holds them once their pages are written).
func (r *Renderer) Pack(p *site.Page, html func(*site.Page) ([]byte, error)) ([]byte, error) {
	url := PackURL(p)
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
	v.Contents = append(v.Contents, ContentsItem{Heading: markdown.Heading{Level: 2, ID: "session-plan", Text: "Session plan"}})
	var body bytes.Buffer
	for i, part := range append([]*site.Page{p}, r.PackMaterials(p)...) {
		b, err := html(part)
		if err != nil {
			return nil, err
		}
		title := part.Title()
		if i == 0 {
			// The session page's own text is its facilitator notes.
			if len(bytes.TrimSpace(b)) == 0 {
				continue
			}
			title = "Facilitator notes"
		}
		v.Contents = append(v.Contents, ContentsItem{Heading: markdown.Heading{Level: 2, ID: packID(part), Text: title}})
		body.Write(embed(part, b, url, packID(part), title))
	}
	v.GuideHTML = template.HTML(body.String())
	return r.execute("pack", v)
}

// checkPacks reports a page whose output would be the trainer's pack of a
// session page, which the generator writes itself.
func checkPacks(s *site.Site, errs *diag.List) {
	for _, p := range s.Pages {
		if !HasPack(p) {
			continue
		}
		if other := s.Page(packSource(p.Src.Path)); other != nil {
			errs.Add(diag.Pos{File: other.Src.File}, "this page would be written to %s, the trainer's pack of the session plan %s; rename the file", PackURL(p), p.Src.Path)
		}
	}
	for _, st := range s.Static {
		for _, p := range s.Pages {
			if HasPack(p) && st.Path == PackURL(p) {
				errs.Add(diag.Pos{File: st.File}, "this file would overwrite %s, the trainer's pack of the session plan %s; rename it", st.Path, p.Src.Path)
			}
		}
	}
}
