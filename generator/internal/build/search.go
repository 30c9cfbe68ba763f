package build

import (
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/search"
	"joinedup/generator/internal/site"
)

// searchPage is what search needs of a page.
func searchPage(p *site.Page, res *markdown.Result) search.Page {
	sp := search.Page{
		Title:       p.Title(),
		Description: p.Src.Front.Description,
		URL:         p.URL,
		Keywords:    append(append([]string{}, p.Src.Front.Keywords...), p.Src.Front.Tags...),
	}
	for _, s := range res.Sections {
		sec := search.Section{Text: s.Text}
		if s.Level == 2 || s.Level == 3 {
			sec.Heading, sec.Anchor = s.Heading.Text, s.ID
		}
		sp.Sections = append(sp.Sections, sec)
	}
	return sp
}

// synonyms come from the glossary: an abbreviation and its term find each
// other, and so do a term and the other words people use for it.
func (m *Model) synonyms() []search.Synonym {
	var out []search.Synonym
	for _, t := range m.Data.Glossary.Terms {
		if t.Abbr != "" {
			out = append(out, search.Synonym{Phrase: t.Abbr, Means: t.Term}, search.Synonym{Phrase: t.Term, Means: t.Abbr})
		}
		for _, s := range t.Synonyms {
			out = append(out, search.Synonym{Phrase: s, Means: t.Term}, search.Synonym{Phrase: t.Term, Means: s})
		}
	}
	return out
}
