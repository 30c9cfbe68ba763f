package pipeline

import (
	"sort"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/publish"
	"joinedup/generator/internal/search"
	"joinedup/generator/internal/site"
)

// indexStage makes the search index: the files below search/ that the
// search box and the search page load.
//
// It reads a page's title, description, keywords, tags, URL and its text
// by section (each h2 and h3 with its anchor), and the glossary (for
// synonyms). Each worker analyses its pages with an analyzer of its own;
// the documents are added in page order, so the index is the same however
// the pages were shared out. It writes search/*.js once every page is
// added.
//
// A Live build keeps every page's documents (see kept) and makes the index
// from them at Finish, so that an edit analyses only the pages it changed.
type indexStage struct {
	analyzers []*search.Analyzer
	builder   *search.Builder
	glossary  data.Glossary
	pages     []*site.Page
	kept      *kept // nil but in a Live build
}

// newIndexStage makes the stage with one analyzer per worker of the pass.
func newIndexStage(s *site.Site, d *data.Data, k *kept) *indexStage {
	st := &indexStage{builder: search.NewBuilder(), glossary: d.Glossary, pages: s.Pages, kept: k}
	for range workers() {
		st.analyzers = append(st.analyzers, search.NewAnalyzer())
	}
	return st
}

func (st *indexStage) Start(publish.Output) error { return nil }

// Page analyses the page's text into search documents.
func (st *indexStage) Page(w, i int, p *site.Page, res *markdown.Result) (any, error) {
	return st.analyzers[w].Page(i, searchPage(p, res)), nil
}

// Add adds a page's documents to the index, in page order, or keeps them.
func (st *indexStage) Add(i int, part any) {
	if st.kept != nil {
		st.kept.docs[st.pages[i].Src.Path] = part.([]search.Doc)
		return
	}
	st.builder.Add(part.([]search.Doc))
}

// Finish scores the index, splits it into files and writes them.
func (st *indexStage) Finish(out publish.Output) error {
	if st.kept != nil {
		for i, p := range st.pages {
			docs := st.kept.docs[p.Src.Path]
			search.SetPage(docs, i)
			st.builder.Add(docs)
		}
	}
	files, _ := st.builder.Index(synonyms(st.glossary)).Files()
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var errs diag.List
	for _, name := range names {
		errs.Append(diag.Pos{}, out.Write(name, files[name]))
	}
	return errs.Err()
}

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
func synonyms(g data.Glossary) []search.Synonym {
	var out []search.Synonym
	for _, t := range g.Terms {
		if t.Abbr != "" {
			out = append(out, search.Synonym{Phrase: t.Abbr, Means: t.Term}, search.Synonym{Phrase: t.Term, Means: t.Abbr})
		}
		for _, s := range t.Synonyms {
			out = append(out, search.Synonym{Phrase: s, Means: t.Term}, search.Synonym{Phrase: t.Term, Means: s})
		}
	}
	return out
}
