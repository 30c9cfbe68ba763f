// Package search builds the site's search index at build time and writes it
// as plain script files that register themselves with the page
// (joinedupSearch.add(name, data)), so search works over HTTP, from file://
// and in the dev server alike, with no fetch, modules or WebAssembly.
//
// Documents are sections: each page gives one document for its title,
// description, keywords, tags and opening text, and one for each h2 and h3
// section. Words are stemmed with Snowball English (Porter2); the browser
// stems queries with a JavaScript implementation of the same algorithm.
// Each (term, document) pair carries a BM25 score computed here, from field-
// weighted term counts (title > headings > keywords > body), so the browser
// only adds scores up.
//
// Small sites get one file, search/index.js. Larger ones get the same file
// as a manifest, plus shards that load on first use: a vocabulary shard per
// first letter, postings shards of a bounded size, and document shards of a
// fixed number of documents. A typical query then loads a few small files
// however large the site is.
package search

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Field weights: a match in a page's title counts for more than one in its
// headings, its keywords or its text.
const (
	weightTitle    = 8
	weightHeading  = 5
	weightKeywords = 3
	weightBody     = 1

	k1 = 1.2
	b  = 0.75
)

// Limits that bound what a query loads.
const (
	// singleFileLimit is the largest index, in bytes, written as one file:
	// about 100 pages of guidance.
	singleFileLimit = 512 << 10
	// postingsShardBytes bounds one postings shard.
	postingsShardBytes = 16 << 10
	// maxPostings keeps only a term's best-scoring documents; results
	// beyond them would never reach the first pages of results.
	maxPostings = 500
	// docsPerShard is the number of documents in one document shard.
	docsPerShard = 64
	// snippetRunes bounds the text kept for each document's excerpt.
	snippetRunes = 200
)

// Section is the searchable text of one part of a page.
type Section struct {
	Heading string // "" for the page's opening text
	Anchor  string
	Text    string
}

// Page is one page to index.
type Page struct {
	Title, Description string
	URL                string // output path, e.g. "guidance/consent.html"
	Keywords           []string
	Sections           []Section
}

// Synonym says that a phrase (one or more words) can also be found as
// another phrase: an abbreviation and what it stands for, or a term and the
// words people use for it.
type Synonym struct {
	Phrase, Means string
}

// Doc is one indexed document: a page's opening or one of its sections,
// with its terms already stemmed and weighted.
type Doc struct {
	page    int
	title   string // the page's title
	heading string // the section's heading, "" for the page document
	url     string
	snippet string
	length  float32 // weighted length
	terms   []termWeight
}

type termWeight struct {
	term   string
	weight float32
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
	seen   []int32          // the term numbers in the current document, in order met
	buf    []byte
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
			a.byStem[st] = id
		}
	}
	a.ids[w] = id
	return id
}

// Stems tokenises and stems text, leaving out stop words.
func (a *Analyzer) Stems(text string) []string {
	var out []string
	for _, t := range Tokens(text) {
		if id := a.id([]byte(t)); id >= 0 {
			out = append(out, a.terms[id])
		}
	}
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

// doc collects the terms added since the last call into a document.
func (a *Analyzer) doc(d Doc) Doc {
	d.terms = make([]termWeight, 0, len(a.seen))
	for _, id := range a.seen {
		w := a.tf[id]
		d.terms = append(d.terms, termWeight{a.terms[id], w})
		d.length += w
		a.tf[id] = 0
	}
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
	a.add(p.Title, weightTitle)
	a.add(strings.Join(p.Keywords, " ")+" "+p.Description, weightKeywords)
	a.add(intro.String(), weightBody)
	docs := []Doc{a.doc(Doc{page: n, title: p.Title, url: p.URL, snippet: snippet(firstNonEmpty(p.Description, intro.String()))})}
	for _, s := range p.Sections {
		if s.Heading == "" {
			continue
		}
		a.add(s.Heading, weightHeading)
		a.add(s.Text, weightBody)
		docs = append(docs, a.doc(Doc{page: n, title: p.Title, heading: s.Heading, url: p.URL + "#" + s.Anchor, snippet: snippet(s.Text)}))
	}
	return docs
}

// SetPage renumbers a page's documents as page n of the site, for a page
// whose documents are kept from an earlier build while pages before it
// were added or removed.
func SetPage(docs []Doc, n int) {
	for i := range docs {
		docs[i].page = n
	}
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
	stop     map[string]bool
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
	return &Builder{ix: &Index{postings: map[string][]posting{}, synonyms: map[string][][]string{}, stop: StopWords()}}
}

// Add appends documents. Their terms go straight into the postings, so only
// one page's term lists exist at a time.
func (b *Builder) Add(docs []Doc) {
	for _, d := range docs {
		id := int32(len(b.ix.docs))
		b.ix.docs = append(b.ix.docs, docInfo{page: d.page, title: d.title, heading: d.heading, url: d.url, snippet: d.snippet, length: d.length})
		for _, t := range d.terms {
			b.ix.postings[t.term] = append(b.ix.postings[t.term], posting{doc: id, value: t.weight})
		}
	}
}

// Index scores the postings and adds the glossary's synonyms.
func (b *Builder) Index(synonyms []Synonym) *Index {
	ix := b.ix
	ix.score()
	a := NewAnalyzer()
	for _, s := range synonyms {
		from, to := a.Stems(s.Phrase), a.Stems(s.Means)
		if len(from) == 0 || len(to) == 0 {
			continue
		}
		key := strings.Join(from, " ")
		ix.synonyms[key] = appendUnique(ix.synonyms[key], to)
	}
	return ix
}

// Build indexes pages in order; synonyms come from the glossary. It is the
// one-goroutine form of NewAnalyzer, Builder.Add and Builder.Index.
func Build(pages []Page, synonyms []Synonym) *Index {
	a, b := NewAnalyzer(), NewBuilder()
	for i, p := range pages {
		b.Add(a.Page(i, p))
	}
	return b.Index(synonyms)
}

func firstNonEmpty(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

func appendUnique(list [][]string, item []string) [][]string {
	for _, l := range list {
		if strings.Join(l, " ") == strings.Join(item, " ") {
			return list
		}
	}
	return append(list, item)
}

// score turns each posting's weighted count into its BM25 score and keeps
// each term's best postings. Terms are independent, so they are scored on
// all cores: on a large site this runs after every page is analysed, when
// nothing else is left to do in parallel.
func (ix *Index) score() {
	n := float64(len(ix.docs))
	var total float64
	for _, d := range ix.docs {
		total += float64(d.length)
	}
	avg := math.Max(total/math.Max(n, 1), 1)
	// The length normalisation depends only on the document.
	norms := make([]float64, len(ix.docs))
	for i, d := range ix.docs {
		norms[i] = k1 * (1 - b + b*float64(d.length)/avg)
	}
	terms := make([]string, 0, len(ix.postings))
	lists := make([][]posting, 0, len(ix.postings))
	for t, ps := range ix.postings {
		terms, lists = append(terms, t), append(lists, ps)
	}
	parallel(len(lists), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			lists[i] = scorePostings(lists[i], n, norms)
		}
	})
	for i, t := range terms {
		ix.postings[t] = lists[i]
	}
}

// scorePostings scores one term's postings in place and returns its best
// maxPostings, in document order.
func scorePostings(ps []posting, n float64, norms []float64) []posting {
	df := float64(len(ps))
	idf := math.Log(1 + (n-df+0.5)/(df+0.5))
	for i := range ps {
		tf := float64(ps[i].value)
		ps[i].value = float32(max(1, math.Round(idf*tf*(k1+1)/(tf+norms[ps[i].doc])*10)))
	}
	if len(ps) <= maxPostings {
		return ps
	}
	selectBest(ps, maxPostings)
	ps = ps[:maxPostings]
	// Stored in document order, so ids can be written as gaps.
	slices.SortFunc(ps, func(x, y posting) int { return cmp.Compare(x.doc, y.doc) })
	return ps
}

// better orders postings best first: higher score, then earlier document.
// Documents are unique within a term's postings, so the order is total.
func better(x, y posting) bool {
	if x.value != y.value {
		return x.value > y.value
	}
	return x.doc < y.doc
}

// selectBest moves the k best postings to the front of ps, in no particular
// order (quickselect): which postings a term keeps is all that matters, as
// they are then sorted by document. It costs a pass or two over ps where
// sorting it would cost log n.
func selectBest(ps []posting, k int) {
	lo, hi := 0, len(ps)-1
	for lo < hi {
		// Median of three as the pivot, moved to hi.
		mid := lo + (hi-lo)/2
		if better(ps[mid], ps[lo]) {
			ps[mid], ps[lo] = ps[lo], ps[mid]
		}
		if better(ps[hi], ps[lo]) {
			ps[hi], ps[lo] = ps[lo], ps[hi]
		}
		if better(ps[mid], ps[hi]) {
			ps[mid], ps[hi] = ps[hi], ps[mid]
		}
		pivot := ps[hi]
		i := lo
		for j := lo; j < hi; j++ {
			if better(ps[j], pivot) {
				ps[i], ps[j] = ps[j], ps[i]
				i++
			}
		}
		ps[i], ps[hi] = ps[hi], ps[i]
		switch {
		case i == k-1 || i == k:
			return
		case i < k:
			lo = i + 1
		default:
			hi = i - 1
		}
	}
}

// parallel calls work on consecutive ranges covering 0..n-1, one range per
// core at a time. Ranges are small enough for the cores to share uneven
// work.
func parallel(n int, work func(lo, hi int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 || n < 64 {
		work(0, n)
		return
	}
	chunk := max(16, n/(workers*8))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= n {
					return
				}
				work(lo, min(lo+chunk, n))
			}
		}()
	}
	wg.Wait()
}

// snippet keeps the start of a section's text for its excerpt: its first
// snippetRunes runes with white space collapsed, cut back to a word. Only
// the start is read: sections can be long.
func snippet(text string) string {
	if limit := snippetRunes * 6; len(text) > limit {
		text = text[:limit]
	}
	cut, more, ok := collapsedPrefix(text, snippetRunes)
	if !ok {
		return snippetRunesOf(strings.Join(strings.Fields(text), " "))
	}
	if !more {
		return cut
	}
	if i := strings.LastIndexByte(cut, ' '); i > snippetRunes/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// collapsedPrefix returns the first n runes of s with each run of white
// space (as strings.Fields sees it) made one space and none leading, and
// whether more words follow. It reads no further than it must. ok is false
// when it meets a byte that is not UTF-8.
func collapsedPrefix(s string, n int) (prefix string, more, ok bool) {
	b := make([]byte, 0, min(len(s), n*2))
	runes, pending := 0, false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return "", false, false
			}
		}
		if unicode.IsSpace(r) {
			pending = len(b) > 0
			i += size
			continue
		}
		if runes == n {
			return string(b), true, true
		}
		if pending {
			b = append(b, ' ')
			runes++
			pending = false
			if runes == n {
				return string(b), true, true
			}
		}
		b = append(b, s[i:i+size]...)
		runes++
		i += size
	}
	return string(b), false, true
}

// snippetRunesOf cuts text that is not valid UTF-8, whose bad bytes become
// U+FFFD in a cut excerpt.
func snippetRunesOf(text string) string {
	r := []rune(text)
	if len(r) <= snippetRunes {
		return text
	}
	cut := string(r[:snippetRunes])
	if i := strings.LastIndexByte(cut, ' '); i > snippetRunes/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// Stats describes a built index, for benchmarks and tests.
type Stats struct {
	Docs, Terms, Files, Bytes int
}

// Files returns the index as script files by output path below the site
// root, and their sizes: one file when it is small enough, else shards
// (see sharded).
func (ix *Index) Files() (map[string][]byte, Stats) {
	terms := make([]string, 0, len(ix.postings))
	for t := range ix.postings {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	docs, pageList := ix.docList()
	stop := make([]string, 0, len(ix.stop))
	for w := range ix.stop {
		stop = append(stop, w)
	}
	sort.Strings(stop)
	manifest := map[string]any{
		"version":  1,
		"docCount": len(ix.docs),
		"synonyms": ix.synonyms,
		"stop":     stop,
	}
	// Try one file first, unless it certainly would not fit.
	if ix.minSingleSize(terms) <= singleFileLimit {
		vocab := map[string]any{}
		for _, t := range terms {
			vocab[t] = ix.flatPostings(t)
		}
		single := map[string]any{"mode": "single", "postings": vocab, "docs": docs, "pages": pageList}
		for k, v := range manifest {
			single[k] = v
		}
		one := script("index", single)
		if len(one) <= singleFileLimit {
			files := map[string][]byte{"search/index.js": one}
			return files, Stats{Docs: len(ix.docs), Terms: len(terms), Files: 1, Bytes: len(one)}
		}
	}
	files := ix.sharded(terms, docs, pageList, manifest)
	st := Stats{Docs: len(ix.docs), Terms: len(terms), Files: len(files)}
	for _, f := range files {
		st.Bytes += len(f)
	}
	return files, st
}

// docList lists each document as its page number, heading, anchor and
// excerpt text; the pages' titles and addresses are listed once, in
// pageList.
func (ix *Index) docList() (docs [][]any, pageList [][2]string) {
	docs = make([][]any, len(ix.docs))
	for i, d := range ix.docs {
		if d.page == len(pageList) {
			url, _, _ := strings.Cut(d.url, "#")
			pageList = append(pageList, [2]string{d.title, url})
		}
		_, anchor, _ := strings.Cut(d.url, "#")
		docs[i] = []any{d.page, d.heading, anchor, d.snippet}
	}
	return docs, pageList
}

// flatPostings lists a term's postings as pairs of (gap from the previous
// document id, score x 10).
func (ix *Index) flatPostings(t string) []int {
	ps := ix.postings[t]
	flat := make([]int, 0, 2*len(ps))
	prev := 0
	for _, p := range ps {
		flat = append(flat, int(p.doc)-prev, int(p.value))
		prev = int(p.doc)
	}
	return flat
}

// sharded splits the index into files: the vocabulary by first letter,
// each term naming its postings shard; postings shards filled in term
// order up to a size; documents in fixed-size shards. The shards are
// listed first and encoded afterwards, on all cores.
func (ix *Index) sharded(terms []string, docs [][]any, pageList [][2]string, manifest map[string]any) map[string][]byte {
	letters := map[string][]string{}
	for _, t := range terms {
		k := shardKey(t)
		letters[k] = append(letters[k], t)
	}
	keys := make([]string, 0, len(letters))
	for k := range letters {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var jobs []shardJob
	add := func(name string, data any) { jobs = append(jobs, shardJob{name, data}) }
	shard, shardSize := 0, 0
	current := map[string][]int{}
	flush := func() {
		if len(current) > 0 {
			add(fmt.Sprintf("p-%d", shard), current)
			shard++
			shardSize = 0
			current = map[string][]int{}
		}
	}
	for _, k := range keys {
		entries := map[string][2]int{}
		for _, t := range letters[k] {
			ps := ix.flatPostings(t)
			size := len(t) + 6*len(ps) + 8
			if shardSize+size > postingsShardBytes {
				flush()
			}
			current[t] = ps
			shardSize += size
			entries[t] = [2]int{len(ix.postings[t]), shard}
		}
		flush()
		add("v-"+k, entries)
	}
	// Each document shard carries the titles and addresses of its pages.
	for i := 0; i < len(docs); i += docsPerShard {
		end := min(i+docsPerShard, len(docs))
		pages := map[int][2]string{}
		for _, d := range docs[i:end] {
			pages[d[0].(int)] = pageList[d[0].(int)]
		}
		add(fmt.Sprintf("d-%d", i/docsPerShard), map[string]any{"pages": pages, "docs": docs[i:end]})
	}
	manifest["mode"] = "sharded"
	manifest["docsPerShard"] = docsPerShard
	manifest["letters"] = keys
	add("index", manifest)
	encoded := make([][]byte, len(jobs))
	parallel(len(jobs), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			encoded[i] = script(jobs[i].name, jobs[i].data)
		}
	})
	files := make(map[string][]byte, len(jobs))
	for i, j := range jobs {
		files["search/"+j.name+".js"] = encoded[i]
	}
	return files
}

// shardJob is one file of a sharded index, before it is encoded.
type shardJob struct {
	name string
	data any
}

// minSingleSize is a lower bound on the size of the index as one file: the
// excerpts and the terms, each written at least once. Encoding the whole
// index only to find it too large for one file would double the work on
// every large site.
func (ix *Index) minSingleSize(terms []string) int {
	n := 0
	for _, d := range ix.docs {
		n += len(d.snippet)
	}
	for _, t := range terms {
		n += len(t) + len(`"":[],`)
	}
	return n
}

// shardKey is the vocabulary shard of a term: its first letter, or "0" for
// a digit.
func shardKey(term string) string {
	c := term[0]
	if c >= 'a' && c <= 'z' {
		return string(c)
	}
	return "0"
}

// script wraps data as a self-registering script.
func script(name string, data any) []byte {
	var buf bytes.Buffer
	buf.WriteString("joinedupSearch.add(")
	nb, _ := json.Marshal(name)
	buf.Write(nb)
	buf.WriteByte(',')
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(data); err != nil {
		panic(err) // the data is built from strings and ints only
	}
	buf.Truncate(buf.Len() - 1) // Encode's newline
	buf.WriteString(");\n")
	return buf.Bytes()
}
