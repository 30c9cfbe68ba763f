// Package site is the model of a site and its rules: which pages exist,
// where each source is written (urls.go, the one URL rule; outputs.go, one
// source per output file), how pages are ordered and grouped, and whether
// every link, anchor, id and reference between them leads somewhere
// (check.go). The converter's findings about each page arrive as its Facts
// (facts.go); the model never depends on the converter itself.
//
// The URL rule (the only one): a page's output path is its source path with
// ".md" replaced by ".html", and a section's _index.md becomes the folder's
// index.html:
//
//	_index.md                 -> index.html
//	guidance/_index.md        -> guidance/index.html
//	guidance/consent.md       -> guidance/consent.html
//	images/ladder.png         -> images/ladder.png   (static files keep their path)
//
// Every link the site writes is relative and names a file, never a folder,
// so the same output works on any web server at any sub-path and when
// index.html is opened from disk (file://), where a link to a folder would
// show a directory listing instead of the page.
//
// Order: pages and sections sort by weight, then title, then path. The
// reading order of a section is its own page, then its pages, then its
// subsections; previous and next links follow it within a section.
package site

import (
	"path"
	"sort"

	"joinedup/generator/internal/content"
	"joinedup/generator/internal/diag"
)

// Page is a page of the built site.
type Page struct {
	Src *content.Page
	// URL is the output path, e.g. "guidance/consent.html".
	URL string
	// Section is the section the page belongs to; a section's own page
	// belongs to that section.
	Section    *Section
	Prev, Next *Page
	// Facts are what converting the page found, set by the build before
	// links are checked; nil until then.
	Facts *Facts
}

// Title is the page's title.
func (p *Page) Title() string { return p.Src.Front.Title }

// IsSection reports whether the page is a section's own page.
func (p *Page) IsSection() bool { return p.Src.IsSection() }

// Section is a folder with an _index.md.
type Section struct {
	Dir    string // "" for the home section
	Index  *Page
	Pages  []*Page // the section's other pages, in order
	Subs   []*Section
	Parent *Section
}

// Title is the section's title, from its _index.md.
func (s *Section) Title() string { return s.Index.Title() }

// Weight orders sections among their siblings.
func (s *Section) Weight() int { return s.Index.Src.Front.Weight }

// Site is the whole model.
type Site struct {
	Config content.Config
	Root   *Section
	// Pages lists every page in reading order: the home page, its pages,
	// then each section in order, depth first.
	Pages  []*Page
	Static []content.Static
	// contentName prefixes source paths in messages.
	contentName string
	byPath      map[string]*Page
	static      map[string]bool
	drafts      map[string]bool
	// unread are pages that exist but could not be read; their own
	// problems are reported, and links to them are not.
	unread map[string]bool
	// withDrafts keeps draft pages in the model, as pages like any
	// other: serve -drafts shows them, marked as drafts.
	withDrafts bool
}

// New builds the model from loaded sources. Draft pages are left out,
// unless drafts is set (serve -drafts previews them). It reports folders
// of pages without an _index.md, two sources for one output file (see
// claimOutputs) and the problems checkConfig finds.
func New(src *content.Source, drafts bool) (*Site, error) {
	s := &Site{
		withDrafts:  drafts,
		Config:      src.Config,
		contentName: src.Name,
		byPath:      map[string]*Page{},
		static:      map[string]bool{},
		drafts:      map[string]bool{},
		unread:      map[string]bool{},
	}
	for _, p := range src.Unread {
		s.unread[p] = true
	}
	pages, errs := s.claimOutputs(src)
	sections := map[string]*Section{}
	for _, p := range pages {
		s.byPath[p.Src.Path] = p
		if p.IsSection() {
			sections[p.Src.Dir()] = &Section{Dir: p.Src.Dir(), Index: p}
		}
	}
	// Attach sections to their parents and pages to their sections.
	for dir, sec := range sections {
		sec.Index.Section = sec
		if dir == "" {
			s.Root = sec
			continue
		}
		parent := path.Dir(dir)
		if parent == "." {
			parent = ""
		}
		ps, ok := sections[parent]
		if !ok {
			errs.Add(diag.Pos{File: sec.Index.Src.File}, "folder %q has no _index.md; add one with a title to make it a section", s.display(parent))
			continue
		}
		sec.Parent = ps
		ps.Subs = append(ps.Subs, sec)
	}
	missing := map[string]bool{}
	for _, p := range pages {
		if p.IsSection() {
			continue
		}
		sec, ok := sections[p.Src.Dir()]
		if !ok {
			if !missing[p.Src.Dir()] {
				missing[p.Src.Dir()] = true
				errs.Add(diag.Pos{File: p.Src.File}, "folder %q has no _index.md; add one with a title to make it a section", s.display(p.Src.Dir()))
			}
			continue
		}
		p.Section = sec
		sec.Pages = append(sec.Pages, p)
	}
	if s.Root == nil {
		return s, errs.Sort().Err()
	}
	sortSection(s.Root)
	s.Pages = readingOrder(s.Root, nil)
	errs = append(errs, s.checkConfig()...)
	return s, errs.Sort().Err()
}

func less(a, b *Page) bool {
	fa, fb := a.Src.Front, b.Src.Front
	if fa.Weight != fb.Weight {
		return fa.Weight < fb.Weight
	}
	if fa.Title != fb.Title {
		return fa.Title < fb.Title
	}
	return a.Src.Path < b.Src.Path
}

func sortSection(sec *Section) {
	sort.SliceStable(sec.Pages, func(i, j int) bool { return less(sec.Pages[i], sec.Pages[j]) })
	sort.SliceStable(sec.Subs, func(i, j int) bool { return less(sec.Subs[i].Index, sec.Subs[j].Index) })
	// Previous and next run through the section's own page and its pages.
	seq := append([]*Page{sec.Index}, sec.Pages...)
	for i, p := range seq {
		if i > 0 {
			p.Prev = seq[i-1]
		}
		if i+1 < len(seq) {
			p.Next = seq[i+1]
		}
	}
	for _, sub := range sec.Subs {
		sortSection(sub)
	}
}

func readingOrder(sec *Section, out []*Page) []*Page {
	out = append(out, sec.Index)
	out = append(out, sec.Pages...)
	for _, sub := range sec.Subs {
		out = readingOrder(sub, out)
	}
	return out
}

// Page returns the page built from a source path, or nil.
func (s *Site) Page(source string) *Page { return s.byPath[source] }

// Breadcrumbs lists the sections above p, from the home page down, ending
// with p's own section page when p is not it.
func (s *Site) Breadcrumbs(p *Page) []*Page {
	var trail []*Page
	sec := p.Section
	if sec == nil {
		return nil
	}
	if p.IsSection() {
		sec = sec.Parent
	}
	for ; sec != nil; sec = sec.Parent {
		trail = append([]*Page{sec.Index}, trail...)
	}
	return trail
}

// TopSection returns the top-level section p is in, or nil for the home page.
func (s *Site) TopSection(p *Page) *Section {
	sec := p.Section
	if sec == nil || sec.Parent == nil {
		return nil
	}
	for sec.Parent != s.Root {
		sec = sec.Parent
	}
	return sec
}

// display names a source path the way messages show it.
func (s *Site) display(source string) string { return path.Join(s.contentName, source) }
