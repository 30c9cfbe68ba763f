package pipeline

import (
	"fmt"
	"strings"
	"unicode"

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
// by section (each h2 and h3 with its anchor) and record (each entry a
// component lists, such as a partner role or a glossary term), and the
// data that search draws on: the glossary (synonyms and abbreviations),
// the partner roles (abbreviations) and the best bets. Each worker
// analyses its pages with an analyzer of its own; the documents are added
// in page order, so the index is the same however the pages were shared
// out. It writes search/*.js once every page is added, checking then that
// each best bet's page and anchor exist.
//
// A Live build keeps every page's documents (see kept) and makes the index
// from them at Finish, so that an edit analyses only the pages it changed.
type indexStage struct {
	analyzers []*search.Analyzer
	builder   *search.Builder
	data      *data.Data
	site      *site.Site
	kept      *kept // nil but in a Live build
}

// newIndexStage makes the stage with one analyzer per worker of the pass.
func newIndexStage(s *site.Site, d *data.Data, k *kept) *indexStage {
	st := &indexStage{builder: search.NewBuilder(), data: d, site: s, kept: k}
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
		st.kept.docs[st.site.Pages[i].Src.Path] = part.([]search.Doc)
		return
	}
	st.builder.Add(part.([]search.Doc))
}

// Finish scores the index, splits it into files and writes them.
func (st *indexStage) Finish(out publish.Output) error {
	if st.kept != nil {
		for i, p := range st.site.Pages {
			docs := st.kept.docs[p.Src.Path]
			search.SetPage(docs, i)
			st.builder.Add(docs)
		}
	}
	bets, errs := st.bets()
	ex := search.Extras{Synonyms: synonyms(st.data.Glossary), Abbreviations: abbreviationsMeaning(st.data), Bets: bets}
	_, err := st.builder.Index(ex).Write(out.Write)
	errs.Append(diag.Pos{}, err)
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
		sec := search.Section{Text: s.Text, Record: s.Record, Named: s.Named, Who: s.Who, Abbr: s.Abbr, Also: s.Also}
		if s.Level == 2 || s.Level == 3 || s.Record {
			sec.Heading, sec.Anchor = s.Heading.Text, s.ID
		}
		sp.Sections = append(sp.Sections, sec)
	}
	return sp
}

// synonyms come from the glossary: an abbreviation and its term find each
// other, and so do a term and the other words people use for it, which
// are related words more than equals ("doctor" for general practitioner).
func synonyms(g data.Glossary) []search.Synonym {
	var out []search.Synonym
	for _, t := range g.Terms {
		if t.Abbr != "" {
			out = append(out, search.Synonym{Phrase: t.Abbr, Means: t.Term}, search.Synonym{Phrase: t.Term, Means: t.Abbr})
		}
		for _, s := range t.Synonyms {
			out = append(out, search.Synonym{Phrase: s, Means: t.Term, Related: true}, search.Synonym{Phrase: t.Term, Means: s, Related: true})
		}
	}
	return out
}

// abbreviationsMeaning maps each abbreviation of the glossary and the
// partner roles to what it stands for, as a result spells it out ("OT
// (occupational therapist)"): the glossary's term first.
func abbreviationsMeaning(d *data.Data) map[string]string {
	m := map[string]string{}
	for _, p := range d.Partners.Partners {
		if p.Abbr != "" {
			m[p.Abbr] = inSentence(p.Name)
		}
	}
	for _, t := range d.Glossary.Terms {
		if t.Abbr != "" {
			m[t.Abbr] = inSentence(t.Term)
		}
	}
	return m
}

// inSentence is a name as written inside a sentence: "Occupational
// therapist" becomes "occupational therapist", but a name with other
// capitals ("Lasting Power of Attorney", "Care Act 2014") is a proper name
// and stays as it is.
func inSentence(name string) string {
	words := strings.Fields(name)
	for _, w := range words[1:] {
		if r := []rune(w); unicode.IsUpper(r[0]) {
			return name
		}
	}
	if r := []rune(name); len(r) > 1 && !unicode.IsUpper(r[1]) {
		r[0] = unicode.ToLower(r[0])
		return string(r)
	}
	return name
}

// bets resolves the best bets of data/best-bets.yaml into the index's:
// each one's page and anchor must exist, and each phrase must hold a word
// that search does not leave out. Its title is the entry's heading (with
// an anchor) or the page's title, and its text the page's description,
// unless the file gives them.
func (st *indexStage) bets() ([]search.Bet, diag.List) {
	var out []search.Bet
	var errs diag.List
	a := search.NewAnalyzer()
	for _, b := range st.data.BestBets.Bets {
		at := b.Pos.Of("page")
		path, anchor, _ := strings.Cut(b.Page, "#")
		p := st.site.Page(path)
		if p == nil {
			errs.Add(at, "best bet page %q does not exist; give the path of a page below content/, like \"guidance/who-to-call.md\"", path)
			continue
		}
		bet := search.Bet{Phrases: b.Phrases, Title: p.Title(), URL: p.URL, Text: p.Src.Front.Description}
		if anchor != "" {
			h, ok := heading(p, anchor)
			if !ok {
				errs.Add(at, "best bet anchor #%s is not a heading or entry on %s%s", anchor, path, anchorList(p))
				continue
			}
			bet.URL += "#" + anchor
			bet.Title = h
		}
		if b.Title != "" {
			bet.Title = b.Title
		}
		if b.Text != "" {
			bet.Text = b.Text
		}
		for _, ph := range b.Phrases {
			if strings.TrimSpace(ph) != "" && len(a.Stems(ph)) == 0 {
				errs.Add(b.Pos.Of("phrases"), "the phrase %q has only words that search leaves out (such as \"the\", \"about\", \"can\"), so it would never match; add a word that says what it is about", ph)
			}
		}
		out = append(out, bet)
	}
	return out, errs
}

// heading returns the text of the heading or entry with id on page p.
func heading(p *site.Page, id string) (string, bool) {
	if p.Facts == nil {
		return "", false
	}
	for _, h := range p.Facts.Headings {
		if h.ID == id {
			return h.Text, true
		}
	}
	return "", false
}

// anchorList names some of page p's anchors, for a message.
func anchorList(p *site.Page) string {
	if p.Facts == nil || len(p.Facts.Headings) == 0 {
		return "; that page has no headings"
	}
	var ids []string
	for _, h := range p.Facts.Headings {
		ids = append(ids, "#"+h.ID)
	}
	if len(ids) > 8 {
		ids = append(ids[:8], "...")
	}
	return fmt.Sprintf("; its anchors include %s", strings.Join(ids, ", "))
}
