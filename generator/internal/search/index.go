// Package search builds the site's search index at build time and writes it
// as plain script files that register themselves with the page
// (joinedupSearch.add(name, data)), so search works over HTTP, from file://
// and in the dev server alike, with no fetch, modules or WebAssembly.
//
// Documents are sections and records: each page gives one document for its
// title, description, keywords, tags and opening text, one for each h2 and
// h3 section, and one for each record its components list (a partner
// role, a glossary term, a remedy ...), so that a result links to the
// section or entry it matched. Words are tokenised by one rule (see
// tokenize.go) and stemmed with Snowball English (Porter2); the browser
// tokenises and stems queries alike (templates/assets/search.js). Each
// (term, document) pair carries a BM25 score computed here, from field-
// weighted term counts (title > headings and names > keywords > body), so
// the browser only adds scores up.
//
// Besides the postings, the index holds what makes a short query land on
// the right entry: the glossary's synonyms; each record's names (a query
// that is exactly a role's name or abbreviation names that role); the
// abbreviations, which results spell out; and the best bets, the pages or
// entries authors promote for phrases.
//
// Small sites get one file, search/index.js. Larger ones get the same file
// as a manifest, plus shards that load on first use (see files.go), so a
// typical query loads a few small files however large the site is.
package search

import (
	"math"
	"strings"
)

// BM25's parameters, and the shortest length, as a share of the average,
// a document is scored as.
const (
	k1        = 1.2
	b         = 0.75
	minLength = 0.5
)

// Synonym says that a phrase (one or more words) can also be found as
// another phrase: an abbreviation and what it stands for, or, Related, a
// term and the words people use for it, which count for less.
type Synonym struct {
	Phrase, Means string
	Related       bool
}

// Bet is a best bet: a page or entry that search shows first, above the
// results, for any query that holds every word of one of its phrases.
type Bet struct {
	Phrases          []string
	Title, URL, Text string
}

// Extras is what an index holds besides its documents.
type Extras struct {
	Synonyms []Synonym
	// Abbreviations maps an abbreviation as written ("OT") to what it
	// stands for ("occupational therapist"), which results show beside
	// it.
	Abbreviations map[string]string
	Bets          []Bet
}

// docInfo is what the index keeps of a document once its terms are in the
// postings.
type docInfo struct {
	page                         int
	title, heading, url, snippet string
	length                       float32
}

// Index is a built index.
type Index struct {
	docs     []docInfo
	postings map[string][]posting // term -> postings in document order
	synonyms map[string][][]string
	related  map[string][][]string
	// names maps a record's names, as stems joined by spaces, to the
	// documents of the records so named.
	names map[string][]int32
	// who holds the names of records that name someone to work with.
	who   map[string]bool
	abbrs map[string]string // an abbreviation's token -> what it stands for
	bets  []bet
	stop  map[string]bool
	lim   limits
}

// bet is a best bet as the browser reads it: its phrases as stems.
type bet struct {
	Phrases [][]string `json:"phrases"`
	Title   string     `json:"title"`
	URL     string     `json:"url"`
	Text    string     `json:"text"`
}

type posting struct {
	doc   int32
	value float32 // the weighted term count, then the BM25 score x 10
}

// Builder collects documents, in the site's order, into an index.
type Builder struct {
	ix *Index
}

// NewBuilder starts an index.
func NewBuilder() *Builder {
	return &Builder{ix: &Index{
		postings: map[string][]posting{}, synonyms: map[string][][]string{}, related: map[string][][]string{},
		names: map[string][]int32{}, who: map[string]bool{}, abbrs: map[string]string{}, stop: StopWords(),
		lim: defaultLimits,
	}}
}

// Add appends documents. Their terms go straight into the postings, so only
// one page's term lists exist at a time.
func (b *Builder) Add(docs []Doc) {
	for _, d := range docs {
		id := int32(len(b.ix.docs))
		b.ix.docs = append(b.ix.docs, docInfo{page: d.page, title: d.title, heading: d.heading, url: d.url, snippet: d.snippet, length: d.length})
		eachTerm(d.terms, func(term string, weight float32) {
			ps, ok := b.ix.postings[term]
			if !ok {
				// Not a part of the document's packed terms, which
				// would keep them all.
				term = strings.Clone(term)
			}
			b.ix.postings[term] = append(ps, posting{doc: id, value: weight})
		})
		for _, n := range d.names {
			b.ix.names[n] = append(b.ix.names[n], id)
			if d.who {
				b.ix.who[n] = true
			}
		}
	}
}

// Index scores the postings and adds the extras.
func (b *Builder) Index(ex Extras) *Index {
	ix := b.ix
	ix.score()
	a := NewAnalyzer()
	for _, s := range ex.Synonyms {
		from, to := a.Stems(s.Phrase), a.Stems(s.Means)
		if len(from) == 0 || len(to) == 0 {
			continue
		}
		key, m := strings.Join(from, " "), ix.synonyms
		if s.Related {
			m = ix.related
		}
		m[key] = appendUnique(m[key], to)
	}
	for abbr, means := range ex.Abbreviations {
		if t := Tokens(abbr); len(t) == 1 && !ix.stop[t[0]] {
			ix.abbrs[t[0]] = means
		}
	}
	for _, bt := range ex.Bets {
		out := bet{Title: bt.Title, URL: bt.URL, Text: bt.Text}
		for _, p := range bt.Phrases {
			if st := a.Stems(p); len(st) > 0 {
				out.Phrases = append(out.Phrases, st)
			}
		}
		if len(out.Phrases) > 0 {
			ix.bets = append(ix.bets, out)
		}
	}
	return ix
}

// Build indexes pages in order. It is the one-goroutine form of
// NewAnalyzer, Builder.Add and Builder.Index.
func Build(pages []Page, ex Extras) *Index {
	a, b := NewAnalyzer(), NewBuilder()
	for i, p := range pages {
		b.Add(a.Page(i, p))
	}
	return b.Index(ex)
}

func appendUnique(list [][]string, item []string) [][]string {
	for _, l := range list {
		if strings.Join(l, " ") == strings.Join(item, " ") {
			return list
		}
	}
	return append(list, item)
}

// score turns each posting's weighted count into its BM25 score. Terms are
// independent, so they are scored on all cores: on a large site this runs
// after every page is analysed, when nothing else is left to do in
// parallel.
func (ix *Index) score() {
	n := float64(len(ix.docs))
	var total float64
	for _, d := range ix.docs {
		total += float64(d.length)
	}
	avg := math.Max(total/math.Max(n, 1), 1)
	// The length normalisation depends only on the document. A document
	// shorter than half the average counts as half the average: a
	// glossary term's one sentence should not outrank the guidance that
	// explains the same words only because it is short.
	norms := make([]float64, len(ix.docs))
	for i, d := range ix.docs {
		norms[i] = k1 * (1 - b + b*max(float64(d.length), avg*minLength)/avg)
	}
	lists := make([][]posting, 0, len(ix.postings))
	for _, ps := range ix.postings {
		lists = append(lists, ps)
	}
	parallel(len(lists), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			scorePostings(lists[i], n, norms)
		}
	})
}

// scorePostings scores one term's postings in place: BM25 of the whole
// part of each posting's weight, plus its field boost (four times the
// fraction, see Analyzer.doc) times the idf, times 10.
func scorePostings(ps []posting, n float64, norms []float64) {
	df := float64(len(ps))
	idf := math.Log(1 + (n-df+0.5)/(df+0.5))
	for i := range ps {
		tf, frac := math.Modf(float64(ps[i].value))
		ps[i].value = float32(max(1, math.Round((idf*tf*(k1+1)/(tf+norms[ps[i].doc])+4*frac*idf)*10)))
	}
}
