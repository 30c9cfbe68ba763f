package render

import (
	"joinedup/generator/internal/content"
	"joinedup/generator/internal/site"
)

// ReviewView is what a page shows of its review dates, in the NHS.UK
// pattern: "Page last reviewed: 27 November 2026. Next review due: 27
// November 2027."
type ReviewView struct {
	Reviewed, Next string
}

// reviewView returns the page's review dates as they are shown, or nil when
// the page has none.
func reviewView(p *site.Page) *ReviewView {
	r, ok := p.Src.Front.Review()
	if !ok {
		return nil
	}
	return &ReviewView{Reviewed: content.FormatDate(r.Reviewed), Next: content.FormatDate(r.Next)}
}

// address is the page's address as printed on paper, so a reader holding a
// printout can find the page again: the full address when the site has a
// base_url, otherwise the page's path within the site.
func (r *Renderer) address(p *site.Page) string {
	return r.site.Config.BaseURL + p.URL
}
