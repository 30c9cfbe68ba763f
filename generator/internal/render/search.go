package render

import (
	"fmt"
	"slices"

	"joinedup/generator/internal/site"
)

// browseAllPages is the largest site whose search page lists every page
// under its section; a larger one lists the sections only, each of which
// lists its own pages. At 10,000 pages one list of every page would make
// the search page megabytes long.
const browseAllPages = 150

// Browse is what the search page offers to read instead of searching:
// without JavaScript, with no words and when nothing matches.
type Browse struct {
	// Shortcuts are the pages most often wanted in a hurry: who to call
	// and the glossary (the pages that place the contacts and glossary
	// components), when the site has them.
	Shortcuts []Link
	Sections  []BrowseSection
}

// BrowseSection is a top-level section, with its pages on a small site.
type BrowseSection struct {
	Link
	Pages []Link
}

// shortcutComponents are the components whose pages the search page
// offers first, in this order, with the words that say what each is for.
var shortcutComponents = []struct{ name, what string }{
	{"contacts", "who to contact when someone is in danger or you are worried about them"},
	{"glossary", "what the job titles, abbreviations and terms mean"},
}

// Search renders the search page: the form, and what to browse instead
// (which the script replaces with results when there are words to search
// for).
func (r *Renderer) Search() ([]byte, error) {
	v := r.base(site.SearchPage, "search", nil)
	v.Title = "Search"
	v.Description = "Search the guidance, learning and training pages."
	v.Browse = r.browse()
	return r.execute("search", v)
}

// browse lists the shortcuts and the sections for the search page.
func (r *Renderer) browse() *Browse {
	b := &Browse{}
	for _, sc := range shortcutComponents {
		for _, p := range r.site.Pages {
			if p.Facts != nil && slices.Contains(p.Facts.Components, sc.name) {
				b.Shortcuts = append(b.Shortcuts, Link{Title: p.Title(), URL: rel(site.SearchPage, p.URL), Description: sc.what})
				break
			}
		}
	}
	all := len(r.site.Pages) <= browseAllPages
	for _, sec := range r.site.Root.Subs {
		bs := BrowseSection{Link: Link{Title: sec.Title(), URL: rel(site.SearchPage, sec.Index.URL), Description: sec.Index.Src.Front.Description}}
		if all {
			for _, p := range sec.Pages {
				bs.Pages = append(bs.Pages, Link{Title: p.Title(), URL: rel(site.SearchPage, p.URL)})
			}
			for _, sub := range sec.Subs {
				bs.Pages = append(bs.Pages, Link{Title: sub.Title(), URL: rel(site.SearchPage, sub.Index.URL)})
			}
		} else {
			bs.Description = fmt.Sprintf("%s (%d pages)", bs.Description, countPages(sec))
		}
		b.Sections = append(b.Sections, bs)
	}
	return b
}

// countPages counts a section's pages, its subsections' included.
func countPages(sec *site.Section) int {
	n := len(sec.Pages)
	for _, sub := range sec.Subs {
		n += 1 + countPages(sub)
	}
	return n
}
