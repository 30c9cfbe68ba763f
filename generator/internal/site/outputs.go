package site

import (
	"strings"

	"joinedup/generator/internal/content"
	"joinedup/generator/internal/diag"
)

// claimOutputs decides which source writes each output file, and reports
// two sources for one: a page and another page (index.md beside
// _index.md; A.md beside a.md), a page and a trainer's pack, a static file
// and a page or pack, any of them and a file the generator writes itself.
// One of the two would silently replace the other. Case does not count,
// because on Windows and macOS, and on the shared drives organisations
// publish to, A.html and a.html are one file.
//
// It returns the pages that are not drafts (unless drafts are shown) and
// keep their output, and
// keeps in s.Static the static files that keep theirs; a source that loses
// its output is reported and left out of the model, so that nothing
// downstream reports it again.
func (s *Site) claimOutputs(src *content.Source) ([]*Page, diag.List) {
	var errs diag.List
	owner := map[string]string{}   // lower-case output path -> the source file that writes it
	claimed := map[string]string{} // lower-case output path -> the output path as written
	var pages []*Page
	for _, cp := range src.Pages {
		if cp.Front.Draft && !s.withDrafts {
			s.drafts[cp.Path] = true
			continue
		}
		p := &Page{Src: cp, URL: OutputPath(cp.Path)}
		key := strings.ToLower(p.URL)
		switch other, taken := owner[key]; {
		case reserved(p.URL):
			errs.Add(diag.Pos{File: cp.File}, "this page would be written to %s, which the generator writes itself; rename or move the file", p.URL)
			s.unread[cp.Path] = true
		case taken:
			errs.Add(diag.Pos{File: cp.File}, "this page and %s would both be written to %s%s; rename or move one of them", other, p.URL, caseNote(claimed[key], p.URL))
			s.unread[cp.Path] = true
		default:
			owner[key], claimed[key] = cp.File, p.URL
			pages = append(pages, p)
		}
	}
	byURL := map[string]*Page{}
	for _, p := range pages {
		byURL[strings.ToLower(p.URL)] = p
	}
	lost := map[*Page]bool{}
	for _, p := range pages {
		if !p.HasPack() {
			continue
		}
		key := strings.ToLower(PackURL(p))
		if other := byURL[key]; other != nil {
			errs.Add(diag.Pos{File: other.Src.File}, "this page would be written to %s, the trainer's pack of the session plan %s; rename the file", other.URL, p.Src.Path)
			lost[other] = true
			s.unread[other.Src.Path] = true
		}
		owner[key], claimed[key] = p.Src.File+"'s trainer's pack", PackURL(p)
	}
	if len(lost) > 0 {
		kept := pages[:0]
		for _, p := range pages {
			if !lost[p] {
				kept = append(kept, p)
			}
		}
		pages = kept
	}
	for _, st := range src.Static {
		s.static[st.Path] = true
		key := strings.ToLower(st.Path)
		switch other, taken := owner[key]; {
		case reserved(st.Path):
			errs.Add(diag.Pos{File: st.File}, "this file would overwrite %s, which the generator writes itself; rename or move it", st.Path)
		case taken:
			errs.Add(diag.Pos{File: st.File}, "this file would overwrite %s, which is made from %s%s; rename or move one of them", st.Path, other, caseNote(claimed[key], st.Path))
		default:
			owner[key], claimed[key] = st.File, st.Path
			s.Static = append(s.Static, st)
		}
	}
	return pages, errs
}

// caseNote explains a collision of two output paths that differ only in
// letter case, which would be two files on Linux but one on the shared
// drives of Windows and macOS.
func caseNote(a, b string) string {
	if a == b {
		return ""
	}
	return " (letter case does not count on Windows and macOS)"
}
