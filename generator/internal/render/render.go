package render

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"joinedup/generator/internal/assets"
	"joinedup/generator/internal/content"
	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
)

// sideNavLimit bounds the section menu beside each page. A section with more
// pages links to its own page instead, so that the work (and the bytes) per
// page stay the same however large a section grows.
const sideNavLimit = 40

// Renderer renders one site with one set of templates.
type Renderer struct {
	t      *Templates
	assets *assets.Set
	site   *site.Site

	// nav holds the top navigation and footer links made so far, by the
	// folder they are relative to and the current top section: pages in
	// one folder share them, so a large site makes each set once per
	// folder instead of once per page. They are read-only once made.
	navMu sync.Mutex
	nav   map[navKey]navLinks

	// brand is the header's brand, the same on every page.
	brand *BrandView
}

type navKey struct{ folder, section string }

type navLinks struct{ top, footer []Link }

// New makes a renderer of site s with templates t; a page loads the
// scripts of a, the theme's assets. It is safe for concurrent use.
func New(t *Templates, a *assets.Set, s *site.Site) *Renderer {
	return &Renderer{t: t, assets: a, site: s, nav: map[navKey]navLinks{}, brand: brandView(s.Config)}
}

// Link is a link in navigation, relative to the page it appears on.
type Link struct {
	Title       string
	URL         string
	Description string
	Current     bool
}

// SiteView is what every template knows about the site.
type SiteView struct {
	Title, Tagline, Organisation, Language string
	Contact                                content.Contact
	Licence                                content.Licence
	// Brand is what the header shows of the organisation; nil when
	// site.yaml names neither a brand name nor a logo.
	Brand *BrandView
}

// BrandView is the organisation's name and logo for the header.
type BrandView struct {
	Name string
	// Logo is the logo's address from the site's root, each part
	// escaped (a template puts .Root in front); LogoAlt its text.
	Logo, LogoAlt string
}

// brandView returns the header's brand for the site settings c.
func brandView(c content.Config) *BrandView {
	b := c.Brand
	if b.Name == "" && b.Logo == "" {
		return nil
	}
	v := &BrandView{Name: b.Name, LogoAlt: b.LogoAlt}
	if b.Logo != "" {
		v.Logo = (&url.URL{Path: b.Logo}).EscapedPath()
		if first, _, _ := strings.Cut(v.Logo, "/"); strings.Contains(first, ":") {
			v.Logo = "./" + v.Logo // else "c:logo.svg" reads as a scheme
		}
	}
	return v
}

// View is what a page template receives.
type View struct {
	Site SiteView
	Kind string
	// Title and Description of the page.
	Title, Description string
	// Root is the relative path from the page to the site's root, "" or
	// "../" and so on; every asset and link starts from it.
	Root string
	// Folder is the page's output folder ("" at the root), and Section
	// the folder of the top-level section it belongs to ("" for none).
	// The header's and footer's links depend only on these, so the
	// templates render them once per pair (see partialCached).
	Folder, Section string
	Content         template.HTML
	Breadcrumbs     []Link
	TopNav          []Link
	SideNav         *SideNav
	Contents        []ContentsItem
	Prev, Next      *Link
	Children        []Link
	FooterLinks     []Link
	Audience        []string
	Session         *SessionView
	// Pages lists every page, for the search page without JavaScript.
	Pages []Link
	// GuideHTML is where the print page's guide goes.
	GuideHTML template.HTML
	// Scripts are the deferred scripts the page loads, below assets/: the
	// ones every page loads, then one per interactive tool on the page.
	Scripts []string
	// Draft marks a draft page, which only serve -drafts builds.
	Draft bool
	// Review is when the page was last reviewed and is next due, or nil;
	// Address is the page's address, printed on paper with it.
	Review  *ReviewView
	Address string
}

// ContentsItem is an h2 in the on-page contents, with its h3s.
type ContentsItem struct {
	site.Heading
	Subs []site.Heading
}

// contents lists a page's h2 and h3 headings as a two-level list.
func contents(hs []site.Heading) []ContentsItem {
	var out []ContentsItem
	for _, h := range hs {
		switch {
		case h.Level == 2:
			out = append(out, ContentsItem{Heading: h})
		case h.Level == 3 && len(out) > 0:
			out[len(out)-1].Subs = append(out[len(out)-1].Subs, h)
		}
	}
	return out
}

// SideNav is the menu of the section a page is in.
type SideNav struct {
	Section Link
	Items   []Link
	// More links to the section page when the section is too long to list.
	More *Link
}

// SessionView is a session plan with running times worked out.
type SessionView struct {
	*content.Session
	Items []AgendaView
	Total int
	// Pack links to the session's trainer's pack, from the session page.
	Pack *Link
}

// AgendaView is an agenda item with its start and end times.
type AgendaView struct {
	content.AgendaItem
	Start, End string
	Materials  []Link
	// pages are the materials' pages, in the order of Materials.
	pages []*site.Page
}

// Page renders one content page from its converted Markdown.
func (r *Renderer) Page(p *site.Page, res *markdown.Result) ([]byte, error) {
	v := r.pageView(p)
	v.Content = template.HTML(res.HTML)
	v.Contents = contents(res.Headings)
	v.Scripts = append(v.Scripts, r.assets.ToolScripts(res.Facts)...)
	return r.execute(v.Kind, v)
}

// pageView is the view of page p without what comes from its own
// Markdown: its place in the site, its navigation and its front matter.
func (r *Renderer) pageView(p *site.Page) View {
	kind := "page"
	switch {
	case p == r.site.Root.Index:
		kind = "home"
	case p.IsSection():
		kind = "section"
	}
	top := r.site.TopSection(p)
	v := r.base(p.URL, kind, top)
	v.Title = p.Title()
	v.Draft = p.Src.Front.Draft
	v.Description = p.Src.Front.Description
	v.Audience = p.Src.Front.Audience
	v.Review, v.Address = reviewView(p), r.address(p)
	for _, b := range r.site.Breadcrumbs(p) {
		title := b.Title()
		if b == r.site.Root.Index {
			title = "Home"
		}
		v.Breadcrumbs = append(v.Breadcrumbs, Link{Title: title, URL: rel(p.URL, b.URL)})
	}
	if top != nil {
		v.Section = top.Dir
	}
	if p.Section != nil && p.Section != r.site.Root {
		v.SideNav = r.sideNav(p)
	}
	if p.Prev != nil {
		v.Prev = &Link{Title: p.Prev.Title(), URL: rel(p.URL, p.Prev.URL)}
	}
	if p.Next != nil {
		v.Next = &Link{Title: p.Next.Title(), URL: rel(p.URL, p.Next.URL)}
	}
	if p.IsSection() {
		for _, c := range p.Section.Pages {
			v.Children = append(v.Children, Link{Title: c.Title(), URL: rel(p.URL, c.URL), Description: c.Src.Front.Description})
		}
		for _, sub := range p.Section.Subs {
			v.Children = append(v.Children, Link{Title: sub.Title(), URL: rel(p.URL, sub.Index.URL), Description: sub.Index.Src.Front.Description})
		}
	}
	if s := p.Src.Front.Session; s != nil {
		v.Session = r.session(p, s)
	}
	return v
}

func (r *Renderer) sideNav(p *site.Page) *SideNav {
	sec := p.Section
	nav := &SideNav{Section: Link{Title: sec.Title(), URL: rel(p.URL, sec.Index.URL), Current: p == sec.Index}}
	if len(sec.Pages)+len(sec.Subs) > sideNavLimit {
		nav.More = &Link{Title: fmt.Sprintf("All %d pages in %s", len(sec.Pages)+len(sec.Subs), sec.Title()), URL: nav.Section.URL}
		return nav
	}
	for _, c := range sec.Pages {
		nav.Items = append(nav.Items, Link{Title: c.Title(), URL: rel(p.URL, c.URL), Current: c == p})
	}
	for _, sub := range sec.Subs {
		nav.Items = append(nav.Items, Link{Title: sub.Title(), URL: rel(p.URL, sub.Index.URL)})
	}
	return nav
}

func (r *Renderer) session(p *site.Page, s *content.Session) *SessionView {
	sv := &SessionView{Session: s}
	at := 0
	for _, item := range s.Agenda {
		av := AgendaView{AgendaItem: item, Start: clock(at), End: clock(at + item.Minutes)}
		at += item.Minutes
		for _, m := range item.Materials {
			if target := r.site.Material(p, m); target != nil {
				av.Materials = append(av.Materials, Link{Title: target.Title(), URL: rel(p.URL, target.URL)})
				av.pages = append(av.pages, target)
			}
		}
		sv.Items = append(sv.Items, av)
	}
	sv.Total = at
	sv.Pack = &Link{Title: "Trainer's pack: print the plan and every material", URL: rel(p.URL, site.PackURL(p))}
	return sv
}

// clock formats minutes from the start as h:mm.
func clock(min int) string { return fmt.Sprintf("%d:%02d", min/60, min%60) }

// base fills in what every page kind shares; top is the top-level section
// the page is in, marked current in the top navigation (nil for none).
func (r *Renderer) base(url, kind string, top *site.Section) View {
	c := r.site.Config
	v := View{
		Site:    SiteView{Title: c.Title, Tagline: c.Tagline, Organisation: c.Organisation, Language: c.Language, Contact: c.Contact, Licence: c.Licence, Brand: r.brand},
		Kind:    kind,
		Root:    site.Root(url),
		Scripts: r.assets.EveryPageScripts(),
	}
	if dir := path.Dir(url); dir != "." {
		v.Folder = dir
	}
	v.TopNav, v.FooterLinks = r.navLinks(url, top)
	return v
}

// navLinks returns the top navigation, with top marked current, and the
// footer links, relative to the page at url. The slices are shared: a
// caller that changes them must copy them first.
func (r *Renderer) navLinks(url string, top *site.Section) (topNav, footer []Link) {
	key := navKey{folder: path.Dir(url)}
	if top != nil {
		key.section = top.Dir
	}
	r.navMu.Lock()
	defer r.navMu.Unlock()
	if l, ok := r.nav[key]; ok {
		return l.top, l.footer
	}
	var l navLinks
	for _, sec := range r.site.Root.Subs {
		l.top = append(l.top, Link{Title: sec.Title(), URL: rel(url, sec.Index.URL), Current: sec == top})
	}
	for _, f := range r.site.Config.FooterLinks {
		u := f.URL
		if p := r.site.Page(u); p != nil && !site.External(u) {
			u = rel(url, p.URL)
		}
		l.footer = append(l.footer, Link{Title: f.Title, URL: u})
	}
	r.nav[key] = l
	return l.top, l.footer
}

func (r *Renderer) execute(kind string, v View) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(v.Content) + 8<<10)
	if err := r.t.kinds[kind].ExecuteTemplate(&buf, "base.html", v); err != nil {
		return nil, TemplateError(r.t.name, err)
	}
	return buf.Bytes(), nil
}

func rel(from, to string) string { return site.Relative(from, to) }

// Search renders the search page. Without JavaScript it lists every page.
func (r *Renderer) Search() ([]byte, error) {
	v := r.base(site.SearchPage, "search", nil)
	v.Title = "Search"
	v.Description = "Search the guidance, learning and training pages."
	for _, p := range r.site.Pages {
		v.Pages = append(v.Pages, Link{Title: p.Title(), URL: rel(site.SearchPage, p.URL), Description: p.Src.Front.Description})
	}
	return r.execute("search", v)
}

// NotFound renders the 404 page. A web server shows it at any depth, so its
// links are absolute from base_url's path when the site has one.
func (r *Renderer) NotFound() ([]byte, error) {
	v := r.base(site.NotFoundPage, "404", nil)
	v.Title = "Page not found"
	if prefix := r.site.BasePath(); prefix != "" {
		v.Root = prefix
		v.TopNav, v.FooterLinks = slices.Clone(v.TopNav), slices.Clone(v.FooterLinks)
		for k := range v.TopNav {
			v.TopNav[k].URL = prefix + v.TopNav[k].URL
		}
		for k := range v.FooterLinks {
			if !site.External(v.FooterLinks[k].URL) {
				v.FooterLinks[k].URL = prefix + v.FooterLinks[k].URL
			}
		}
	}
	return r.execute("404", v)
}

// guideMarker stands in the rendered print page where the guide's pages go;
// the build streams them in, so the whole guide is never held in memory.
const guideMarker = "<!--joinedup:guide-->"

// PrintFrame renders one print page of the whole guide (see
// site.GuideParts) without its pages: the parts before and after them.
// Each guide page is made by GuidePage.
func (r *Renderer) PrintFrame(part site.GuidePart) (head, tail []byte, err error) {
	v := r.base(part.URL, "print", nil)
	v.Title = "The whole guide"
	v.Description = "Every guidance page on one page, to print or save as a PDF."
	if part.Section != nil {
		v.Title = "The whole guide: " + part.Section.Title()
		v.Description = "Every page of " + part.Section.Title() + " on one page, to print or save as a PDF."
	}
	v.GuideHTML = template.HTML(guideMarker)
	for _, p := range part.Pages {
		v.Contents = append(v.Contents, ContentsItem{Heading: site.Heading{Level: 2, ID: guideID(p), Text: p.Title()}})
	}
	b, err := r.execute("print", v)
	if err != nil {
		return nil, nil, err
	}
	head, tail, ok := bytes.Cut(b, []byte(guideMarker))
	if !ok {
		return nil, nil, diag.Errorf(diag.Pos{File: r.t.name("print.html")}, "the print template must show {{.GuideHTML}} where the guide's pages go")
	}
	return head, tail, nil
}

func guideID(p *site.Page) string {
	return "guide-" + strings.NewReplacer("/", "-", ".html", "").Replace(p.URL)
}

// GuidePage renders one page, from its converted body html, as part of
// the print page at output path to: its ids get a prefix so they stay
// unique there, and its links are rebased to the print page's folder.
func (r *Renderer) GuidePage(p *site.Page, html []byte, to string) []byte {
	return embed(p, html, to, guideID(p), p.Title())
}

// PrintIndex renders print.html for a guide printed a section at a time:
// a list of its print pages.
func (r *Renderer) PrintIndex(parts []site.GuidePart) ([]byte, error) {
	v := r.base(site.PrintPage, "print", nil)
	v.Title = "The whole guide"
	v.Description = "The guide is too long to print as one page. Print it one section at a time."
	var b strings.Builder
	b.WriteString("<ul class=\"guide-parts\">\n")
	for _, part := range parts {
		fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a> (%d %s)</li>\n", template.HTMLEscapeString(site.Href(rel(site.PrintPage, part.URL), "")),
			template.HTMLEscapeString(part.Section.Title()), len(part.Pages), plural(len(part.Pages), "page", "pages"))
	}
	b.WriteString("</ul>\n")
	v.GuideHTML = template.HTML(b.String())
	return r.execute("print", v)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// embed wraps the converted body html of page p as an article of the page
// at output path to, under an h2 with the given id and title. Its ids get
// the prefix id+"--" so they stay unique there, and its links are rebased
// to that page's folder. The print page and the trainer's packs share it.
func embed(p *site.Page, html []byte, to, id, title string) []byte {
	out := make([]byte, 0, len(html)+len(html)/16+256)
	out = fmt.Appendf(out, "<article class=\"guide-page\" aria-labelledby=\"%s\">\n<h2 class=\"guide-page__title\" id=\"%s\">%s</h2>\n<div class=\"prose\">\n", id, id, template.HTMLEscapeString(title))
	out = rebase(out, html, p.URL, to, id+"--")
	out = append(out, "</div>\n"...)
	// A page copied onto paper says, as it does on its own, when it was
	// last checked, so that a reader can tell an old printout.
	if rv := reviewView(p); rv != nil {
		out = fmt.Appendf(out, "<p class=\"page-review__dates\">Page last reviewed: %s. Next review due: %s.</p>\n", rv.Reviewed, rv.Next)
	}
	return append(out, "</article>\n"...)
}

// rebase appends to out a page body rewritten for inclusion in another
// page: ids and same-page anchors get prefix, and relative links are made
// relative to the new page's folder. It scans for attributes by hand: the body is HTML the
// generator wrote itself, with every attribute value in double quotes.
func rebase(out, body []byte, from, to, prefix string) []byte {
	fromDir := path.Dir(from)
	for {
		i := bytes.Index(body, []byte(`="`))
		if i < 0 {
			return append(out, body...)
		}
		nameStart := i
		for nameStart > 0 && (isAttrByte(body[nameStart-1])) {
			nameStart--
		}
		name := string(body[nameStart:i])
		end := bytes.IndexByte(body[i+2:], '"')
		if end < 0 || nameStart == 0 || body[nameStart-1] != ' ' {
			out = append(out, body[:i+2]...)
			body = body[i+2:]
			continue
		}
		val := string(body[i+2 : i+2+end])
		switch name {
		case "id", "for", "aria-labelledby", "aria-describedby":
			val = prefix + val
		case "href", "src":
			switch {
			case strings.HasPrefix(val, "#"):
				val = "#" + prefix + val[1:]
			case strings.Contains(val, ":"):
			default:
				target, hash, _ := strings.Cut(val, "#")
				val = rel(to, path.Join(fromDir, target))
				if hash != "" {
					val += "#" + hash
				}
			}
		}
		out = append(out, body[:i+2]...)
		out = append(out, val...)
		out = append(out, '"')
		body = body[i+3+end:]
	}
}

func isAttrByte(c byte) bool { return c >= 'a' && c <= 'z' || c == '-' }

// Sitemap lists every page for search engines. The sitemap protocol needs
// absolute addresses, so without base_url the sitemap lists the site's paths
// relative to its root.
func Sitemap(s *site.Site) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range s.Pages {
		fmt.Fprintf(&b, "  <url><loc>%s</loc></url>\n", template.HTMLEscapeString(s.Config.BaseURL+site.Href(p.URL, "")))
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}
