package site

import (
	"path"
	"slices"
	"sort"
	"strings"

	"joinedup/generator/internal/diag"
)

// The model's rules, checked in two steps: checkConfig when the model is
// made (site.yaml, session plans, packs: everything that names pages by
// their source path), and CheckPages once every page is converted and its
// Facts known (links, anchors, checklist and heading ids).

// checkConfig checks what refers to pages before any is converted: the
// footer links, the session plans' materials and print_guide.
func (s *Site) checkConfig() diag.List {
	var errs diag.List
	for i, f := range s.Config.FooterLinks {
		switch {
		case External(f.URL):
		case Scheme(f.URL) != "":
			errs.Add(f.Pos.Of("url"), "footer link %d: %q is not an https, http or mailto address; give one of those, or the path of a page's .md file below content/", i+1, f.URL)
		case s.Page(f.URL) == nil:
			errs.Add(f.Pos.Of("url"), "footer link %d: page %q does not exist; give the path of a page's .md file below content/, or an https:// address", i+1, f.URL)
		}
	}
	for _, p := range s.Pages {
		if !p.HasPack() {
			continue
		}
		for _, item := range p.Src.Front.Session.Agenda {
			for _, m := range item.Materials {
				if s.Material(p, m) == nil && !s.unread[MaterialPath(p, m)] {
					errs.Add(item.Pos.Of("materials"), "material %q of agenda item %q does not exist; give a relative link to a page's .md file", m, item.Title)
				}
			}
		}
		if c := p.Src.Front.Session.Check; c != "" && s.Material(p, c) == nil && !s.unread[MaterialPath(p, c)] {
			errs.Add(p.Src.Front.Session.Pos.Of("check"), "check %q does not exist; give a relative link to the .md file of the page that places the knowledge check", c)
		}
	}
	errs = append(errs, s.checkPrintGuide()...)
	errs = append(errs, s.checkLogo()...)
	return errs
}

// checkLogo checks that the brand's logo is a file of the content folder,
// which publishes it at the same path.
func (s *Site) checkLogo() diag.List {
	var errs diag.List
	b := s.Config.Brand
	if b.Logo == "" {
		return nil
	}
	var images []string
	for _, f := range s.Static {
		if f.InStatic {
			continue
		}
		if f.Path == b.Logo {
			return nil
		}
		if ext := strings.ToLower(path.Ext(f.Path)); ext == ".svg" || ext == ".png" {
			images = append(images, f.Path)
		}
	}
	errs.Add(b.Pos.Of("logo"), "brand logo %q is not a file in %s%s; put the logo in that folder and give its path below it, such as images/logo.svg", b.Logo, s.contentName, diag.Hint(b.Logo, images))
	return errs
}

// checkPrintGuide checks that print_guide names existing sections.
func (s *Site) checkPrintGuide() diag.List {
	var errs diag.List
	var dirs []string
	for _, sec := range s.Root.Subs {
		dirs = append(dirs, sec.Dir)
	}
	for _, dir := range s.Config.PrintGuide {
		if !slices.Contains(dirs, dir) {
			errs.Add(s.Config.Pos.Of("print_guide"), "print_guide names %q, which is not a top-level section; use one of %s%s", dir, strings.Join(dirs, ", "), diag.Hint(dir, dirs))
		}
	}
	return errs
}

// duplicateIDs reports a heading id used twice on one page, which happens
// when a heading repeats an entry a component adds.
func (s *Site) duplicateIDs() diag.List {
	var errs diag.List
	for _, p := range s.Pages {
		if p.Facts == nil {
			continue
		}
		seen := map[string]bool{}
		for _, h := range p.Facts.Headings {
			if seen[h.ID] {
				errs.Add(diag.Pos{File: p.Src.File}, "the id %q is used twice on this page (a heading repeats an entry of a component); reword the heading", h.ID)
			}
			seen[h.ID] = true
		}
	}
	return errs
}

// CheckPages checks what converting the pages found, once every page's
// Facts are set: every link, every checklist id, every heading id.
func (s *Site) CheckPages() error {
	var errs diag.List
	errs.Append(diag.Pos{}, s.checkLinks())
	errs.Append(diag.Pos{}, s.checkChecklists())
	errs = append(errs, s.duplicateIDs()...)
	errs = append(errs, s.checkSessionChecks()...)
	return errs.Sort().Err()
}

// checkLinks checks every link of every page: the target page or file
// must exist (and not be a draft), and an anchor must be the id of a
// heading on the target page.
func (s *Site) checkLinks() error {
	var errs diag.List
	ids := make(map[*Page]map[string]bool, len(s.Pages))
	idsOf := func(p *Page) map[string]bool {
		if m, ok := ids[p]; ok {
			return m
		}
		m := map[string]bool{}
		if p.Facts != nil {
			for _, h := range p.Facts.Headings {
				m[h.ID] = true
			}
			for _, cl := range p.Facts.Checklists {
				m["checklist-"+cl.ID] = true
			}
		}
		ids[p] = m
		return m
	}
	for _, p := range s.Pages {
		if p.Facts == nil {
			continue
		}
		for _, l := range p.Facts.Links {
			target := p
			if l.Target != "" {
				if !l.Page {
					if !s.static[l.Target] {
						errs.Add(l.Pos, "file %q does not exist; check the path (it is relative to this page's folder)", s.display(l.Target))
					}
					continue
				}
				target = s.byPath[l.Target]
				if target == nil && s.unread[l.Target] {
					continue // its own problem says why it is missing
				}
				if target == nil {
					if s.drafts[l.Target] {
						errs.Add(l.Pos, "links to %q, which is a draft and is not published; remove \"draft: true\" there or remove the link", s.display(l.Target))
					} else {
						errs.Add(l.Pos, "links to %q, which does not exist%s", s.display(l.Target), s.pageHint(l.Target))
					}
					continue
				}
			}
			if l.Anchor != "" && !idsOf(target)[l.Anchor] {
				errs.Add(l.Pos, "links to #%s, which is not a heading on %s%s", l.Anchor, target.Src.File, anchorHint(l.Anchor, target))
			}
		}
	}
	return errs.Sort().Err()
}

func (s *Site) pageHint(target string) string {
	var candidates []string
	for p := range s.byPath {
		candidates = append(candidates, p)
	}
	sort.Strings(candidates)
	if h := diag.Suggest(target, candidates); h != "" {
		return " (did you mean \"" + s.display(h) + "\"?)"
	}
	return ""
}

func anchorHint(anchor string, p *Page) string {
	var ids []string
	for _, h := range p.Facts.Headings {
		ids = append(ids, h.ID)
	}
	if h := diag.Suggest(anchor, ids); h != "" {
		return " (did you mean #" + h + "?)"
	}
	if len(ids) == 0 {
		return "; that page has no headings"
	}
	if len(ids) > 8 {
		ids = append(ids[:8], "...")
	}
	return "; its headings are #" + strings.Join(ids, ", #")
}

// KnowledgeCheck is the name of the component that places a knowledge
// check, which a session plan's check must have.
const KnowledgeCheck = "knowledge-check"

// checkSessionChecks reports a session plan whose check names a page that
// places no knowledge check: learners would find nothing to do there.
func (s *Site) checkSessionChecks() diag.List {
	var errs diag.List
	for _, p := range s.Pages {
		if !p.HasPack() || p.Src.Front.Session.Check == "" {
			continue
		}
		target := s.Material(p, p.Src.Front.Session.Check)
		if target == nil || target.Facts == nil || slices.Contains(target.Facts.Components, KnowledgeCheck) {
			continue
		}
		errs.Add(p.Src.Front.Session.Pos.Of("check"), "check %q places no knowledge check; name the page that has \"::: %s id=...\" on it", p.Src.Front.Session.Check, KnowledgeCheck)
	}
	return errs
}

// checkChecklists reports checklist ids used more than once in the site:
// ticks are saved under the id, so two checklists sharing one would share
// ticks.
func (s *Site) checkChecklists() error {
	var errs diag.List
	first := map[string]diag.Pos{}
	for _, p := range s.Pages {
		if p.Facts == nil {
			continue
		}
		for _, cl := range p.Facts.Checklists {
			if at, dup := first[cl.ID]; dup {
				errs.Add(cl.Pos, "checklist id %q is already used at %s; give each checklist its own id", cl.ID, at)
				continue
			}
			first[cl.ID] = cl.Pos
		}
	}
	return errs.Sort().Err()
}
