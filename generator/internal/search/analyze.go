package search

import (
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Field weights: a match in a page's title counts for more than one in its
// headings (or a record's name), its keywords or its text.
const (
	weightTitle    = 8
	weightHeading  = 5
	weightKeywords = 3
	weightBody     = 1
)

// Field boosts: a term in a page's title, or in a section's heading or a
// record's name, adds up to this many times its idf to its BM25 score
// (see addField). BM25's saturation alone makes a title worth little more
// than a word said twice in the text, yet a page whose title holds a word
// is the one about it.
const (
	boostTitle   = 1.0
	boostHeading = 0.6
)

// titleRunes bounds a record's name as a result's title: a remedy's name
// is its whole sentence.
const titleRunes = 90

// Section is the searchable text of one part of a page: its opening text
// (no Heading), a section under an h2 or h3, or a record.
type Section struct {
	Heading string // "" for the page's opening text
	Anchor  string
	Text    string
	// Record marks one entry of a component (a partner role, a glossary
	// term, a remedy ...): a result of its own, named by Heading, with
	// its abbreviation and other names (Also) weighed like its name.
	// The page's title is part of its text, as the entry's context
	// ("Health visitor" on "Partners and their roles").
	Record bool
	// Named says the record's name is one readers search for as it is
	// (a role, a barrier), not a sentence (a remedy) or a word that most
	// pages explain (a glossary term): a query of exactly its name or one
	// of its other names names it. A query of its abbreviation always
	// does.
	Named bool
	// Who says the record names someone to work with (a role, a team),
	// not a topic: in a longer query its name is context, the other
	// party of what the query is about.
	Who  bool
	Abbr string
	Also []string
}

// Page is one page to index.
type Page struct {
	Title, Description string
	URL                string // output path, e.g. "guidance/consent.html"
	Keywords           []string
	Sections           []Section
}

// Doc is one indexed document: a page's opening, one of its sections or a
// record, with its terms already stemmed and weighted.
type Doc struct {
	page    int
	title   string // the page's title
	heading string // the section's heading or the record's name, "" for the page document
	url     string
	snippet string
	length  float32 // weighted length
	// terms are the document's terms and their weights, packed (see
	// packTerms): the dev server keeps every page's documents between
	// rebuilds, and a slice of {string, float32} took 24 bytes a term,
	// over half of its heap at 10,000 pages.
	terms string
	// names are a record's names (its name, abbreviation and other
	// names) as stems joined by spaces: a query of exactly those words
	// names the record. who says they name someone to work with.
	names []string
	who   bool
}

// packTerm appends a term and its weight to a packed list: the term's
// length (a uvarint), the term, and the weight's bits (four bytes, little
// endian). A stem has seven letters or so, so a term takes about twelve
// bytes.
func packTerm(buf []byte, term string, weight float32) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(term)))
	buf = append(buf, term...)
	return binary.LittleEndian.AppendUint32(buf, math.Float32bits(weight))
}

// eachTerm calls yield with each term of a packed list and its weight, in
// the order they were packed. The terms are parts of packed.
func eachTerm(packed string, yield func(term string, weight float32)) {
	for i := 0; i < len(packed); {
		n, shift := 0, 0
		for {
			c := packed[i]
			i++
			n |= int(c&0x7f) << shift
			if c < 0x80 {
				break
			}
			shift += 7
		}
		term := packed[i : i+n]
		i += n
		bits := uint32(packed[i]) | uint32(packed[i+1])<<8 | uint32(packed[i+2])<<16 | uint32(packed[i+3])<<24
		yield(term, math.Float32frombits(bits))
		i += 4
	}
}

// Analyzer turns pages into documents. Each distinct word it meets gets a
// term number, so that counting a word in a document costs one map lookup
// (word to number) and the stemmer runs once per word, not once per use: a
// site uses the same few thousand words again and again. It is not safe for
// concurrent use, so each worker has its own.
type Analyzer struct {
	stop   map[string]bool
	ids    map[string]int32 // word -> term number, or -1 for a stop word
	byStem map[string]int32 // stem -> term number
	terms  []string         // term number -> stem
	tf     []float32        // term number -> weight in the current document
	top    []float32        // term number -> its largest field boost there
	seen   []int32          // the term numbers in the current document, in order met
	buf    []byte
	pack   []byte // the current document's packed terms
}

// NewAnalyzer makes an analyzer.
func NewAnalyzer() *Analyzer {
	return &Analyzer{stop: StopWords(), ids: map[string]int32{}, byStem: map[string]int32{}}
}

// id returns the term number of a word held in a reused buffer (-1 for a
// stop word); a word met before costs a map lookup and no allocation.
func (a *Analyzer) id(word []byte) int32 {
	if id, ok := a.ids[string(word)]; ok {
		return id
	}
	w := string(word)
	id := int32(-1)
	if !a.stop[w] {
		st := Stem(w)
		var ok bool
		if id, ok = a.byStem[st]; !ok {
			id = int32(len(a.terms))
			a.terms = append(a.terms, st)
			a.tf = append(a.tf, 0)
			a.top = append(a.top, 0)
			a.byStem[st] = id
		}
	}
	a.ids[w] = id
	return id
}

// Stems tokenises and stems text, leaving out stop words.
func (a *Analyzer) Stems(text string) []string {
	var out []string
	a.buf = scan(text, a.buf, func(tok []byte) {
		if id := a.id(tok); id >= 0 {
			out = append(out, a.terms[id])
		}
	})
	return out
}

// add counts the words of text with weight, tokenised as Tokens does.
func (a *Analyzer) add(text string, weight float32) {
	a.buf = scan(text, a.buf, func(tok []byte) {
		if id := a.id(tok); id >= 0 {
			if a.tf[id] == 0 {
				a.seen = append(a.seen, id)
			}
			a.tf[id] += weight
		}
	})
}

// addField counts the words of a title, heading or name like add, and
// gives each a field boost of base (see boostTitle): all of it when the
// word is the whole field ("Safeguarding"), less when the field has more
// words ("Safeguarding lead", half as much again as base for one of two):
// the field is about each of its words less.
func (a *Analyzer) addField(text string, weight, base float32) {
	n := 0
	a.buf = scan(text, a.buf, func(tok []byte) {
		if a.id(tok) >= 0 {
			n++
		}
	})
	if n == 0 {
		return
	}
	boost := base * (1 + 1/float32(n)) / 2
	a.buf = scan(text, a.buf, func(tok []byte) {
		if id := a.id(tok); id >= 0 {
			if a.tf[id] == 0 {
				a.seen = append(a.seen, id)
			}
			a.tf[id] += weight
			a.top[id] = max(a.top[id], boost)
		}
	})
}

// doc collects the terms added since the last call into a document. Each
// term's weight is a whole number (the sum of its field weights) plus a
// fraction, a quarter of its largest field boost, which scoring reads back
// (see scorePostings): a float32 keeps both exactly enough, where another
// field per posting would make every posting half as large again.
func (a *Analyzer) doc(d Doc) Doc {
	a.pack = a.pack[:0]
	for _, id := range a.seen {
		w := a.tf[id]
		a.pack = packTerm(a.pack, a.terms[id], w+a.top[id]/4)
		d.length += w
		a.tf[id], a.top[id] = 0, 0
	}
	d.terms = string(a.pack)
	a.seen = a.seen[:0]
	return d
}

// Page analyses one page (number n in the site's order) into its documents.
func (a *Analyzer) Page(n int, p Page) []Doc {
	var intro strings.Builder
	for _, s := range p.Sections {
		if s.Heading == "" {
			intro.WriteString(" ")
			intro.WriteString(s.Text)
		}
	}
	a.addField(p.Title, weightTitle, boostTitle)
	a.add(strings.Join(p.Keywords, " ")+" "+p.Description, weightKeywords)
	a.add(intro.String(), weightBody)
	docs := []Doc{a.doc(Doc{page: n, title: p.Title, url: p.URL, snippet: snippet(firstNonEmpty(p.Description, intro.String()))})}
	for _, s := range p.Sections {
		if s.Heading == "" {
			continue
		}
		a.addField(s.Heading, weightHeading, boostHeading)
		a.add(s.Text, weightBody)
		d := Doc{page: n, title: p.Title, heading: s.Heading, url: p.URL + "#" + s.Anchor, snippet: snippet(s.Text)}
		if s.Record {
			a.addField(s.Abbr, weightHeading, boostHeading)
			for _, name := range s.Also {
				a.addField(name, weightHeading, boostHeading)
			}
			a.add(p.Title, weightBody)
			names := []string{s.Abbr}
			if s.Named {
				names = append(append(names, s.Heading), s.Also...)
			}
			d.names, d.who = a.names(names), s.Who
			d.heading = recordTitle(s.Heading, s.Abbr)
		}
		docs = append(docs, a.doc(d))
	}
	return docs
}

// maxNameWords is the most words a name can have to be a key: longer
// names (a remedy's sentence) are never typed as they are.
const maxNameWords = 4

// names turns a record's names into the keys a query is looked up by: each
// name's stems, without stop words, joined by spaces. A name's words in
// brackets are names of their own (see bracketed): "Family doctor
// (general practitioner, GP)" is "family doctor", "general practitioner"
// and "GP".
func (a *Analyzer) names(names []string) []string {
	var out []string
	for _, n := range names {
		for _, name := range bracketed(n) {
			st := a.Stems(name)
			if key := strings.Join(st, " "); key != "" && len(st) <= maxNameWords && !slices.Contains(out, key) {
				out = append(out, key)
			}
		}
	}
	return out
}

// bracketed splits a name into the words outside brackets and each part
// within them, parts being separated by commas or "or": "Children's social
// care (the front door or MASH)" is also "the front door" and "MASH".
func bracketed(name string) []string {
	open := strings.IndexByte(name, '(')
	end := strings.LastIndexByte(name, ')')
	if open < 0 || end < open {
		return []string{name}
	}
	out := []string{name[:open] + " " + name[end+1:]}
	for _, part := range strings.Split(name[open+1:end], ",") {
		out = append(out, strings.Split(part, " or ")...)
	}
	return out
}

// recordTitle is a record's name as its result's title, with its
// abbreviation after it ("Occupational therapist (OT)"), cut short at a
// word if it is long.
func recordTitle(name, abbr string) string {
	if utf8.RuneCountInString(name) > titleRunes {
		r := []rune(name)[:titleRunes]
		cut := string(r)
		if i := strings.LastIndexByte(cut, ' '); i > titleRunes/2 {
			cut = cut[:i]
		}
		name = strings.TrimRight(cut, " ,;:.") + "…"
	}
	if abbr != "" && !strings.Contains(name, abbr) {
		name += " (" + abbr + ")"
	}
	return name
}

// SetPage renumbers a page's documents as page n of the site, for a page
// whose documents are kept from an earlier build while pages before it
// were added or removed.
func SetPage(docs []Doc, n int) {
	for i := range docs {
		docs[i].page = n
	}
}

func firstNonEmpty(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}
