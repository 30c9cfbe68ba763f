package search

import (
	"bytes"
	"cmp"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// The index's files.
//
// A small site's index is one file, search/index.js: the manifest (stop
// words, synonyms, names, abbreviations, best bets) with every posting and
// document in it.
//
// A larger site's is the manifest alone in index.js, plus shards that a
// query loads as it needs them:
//
//	v-L.js  the vocabulary of first letter L: each term's document
//	        frequency, its postings shard and, if it has one, its tail
//	        shard and the tail's score
//	p-N.js  postings: each term's best maxPostings documents and scores
//	t-N.js  tails: the rest of a common term's documents, without scores
//	d-N.js  documents: docsPerShard documents' headings, anchors and
//	        excerpts, with their pages' titles and addresses
//
// A query loads the manifest, one vocabulary shard per word, the postings
// of the terms it matches and the documents it shows. A common term keeps
// only its best postings, so it costs the same on any size of site; but a
// query of several words also needs to know which other documents hold
// the term, or a document holding every word could rank below documents
// holding some: that is what the tails are for, loaded only then.

// Limits that bound what a query loads.
const (
	// singleFileLimit is the largest index, in bytes, written as one file:
	// about 100 pages of guidance.
	singleFileLimit = 512 << 10
	// postingsShardBytes and tailShardBytes bound a postings or tail
	// shard (a tail larger than that has a shard of its own).
	postingsShardBytes = 16 << 10
	tailShardBytes     = 16 << 10
	// maxPostings is the number of a common term's documents kept with
	// their scores; the rest are its tail.
	maxPostings = 500
	// docsPerShard is the number of documents in one document shard: a
	// query that shows eight results loads at most eight of them.
	docsPerShard = 32
)

// limits are the bounds an index's files keep to: the constants above,
// which tests make smaller to shard a small index.
type limits struct {
	single, postings, docsPerShard int
}

var defaultLimits = limits{single: singleFileLimit, postings: maxPostings, docsPerShard: docsPerShard}

// Stats describes a built index, for benchmarks and tests.
type Stats struct {
	Docs, Terms, Files, Bytes int
}

// Write writes the index's files, by their paths below the site's root,
// through write, which it calls from several goroutines at once. Each file
// is written as soon as it is encoded, so the index is never held twice.
func (ix *Index) Write(write func(name string, data []byte) error) (Stats, error) {
	terms := make([]string, 0, len(ix.postings))
	for t := range ix.postings {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	st := Stats{Docs: len(ix.docs), Terms: len(terms)}
	if one := ix.single(terms); one != nil {
		st.Files, st.Bytes = 1, len(one)
		return st, write("search/index.js", one)
	}
	return ix.sharded(terms, st, write)
}

// Files returns the index's files by path, for tests and benchmarks.
func (ix *Index) Files() (map[string][]byte, Stats) {
	var mu sync.Mutex
	files := map[string][]byte{}
	st, _ := ix.Write(func(name string, data []byte) error {
		mu.Lock()
		files[name] = data
		mu.Unlock()
		return nil
	})
	return files, st
}

// manifest is what every query needs, in index.js.
func (ix *Index) manifest() map[string]any {
	stop := make([]string, 0, len(ix.stop))
	for w := range ix.stop {
		stop = append(stop, w)
	}
	sort.Strings(stop)
	bets := ix.bets
	if bets == nil {
		bets = []bet{}
	}
	who := make([]string, 0, len(ix.who))
	for n := range ix.who {
		who = append(who, n)
	}
	sort.Strings(who)
	return map[string]any{
		"version":  2,
		"docCount": len(ix.docs),
		"synonyms": ix.synonyms,
		"related":  ix.related,
		"stop":     stop,
		"names":    ix.names,
		"who":      who,
		"abbr":     ix.abbrs,
		"bets":     bets,
	}
}

// single is the index as one file, or nil when that would be too large.
// It keeps every posting of every term.
func (ix *Index) single(terms []string) []byte {
	if ix.minSingleSize(terms) > ix.lim.single {
		return nil
	}
	vocab := make(map[string][]int, len(terms))
	for _, t := range terms {
		vocab[t] = flatten(ix.postings[t])
	}
	m := ix.manifest()
	m["mode"] = "single"
	m["postings"] = vocab
	m["docs"], m["pages"] = ix.docList(0, len(ix.docs))
	if one := script("index", m); len(one) <= ix.lim.single {
		return one
	}
	return nil
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

// docList lists documents lo to hi-1 as their page number, heading, anchor
// and excerpt, and their pages' titles and addresses by page number.
func (ix *Index) docList(lo, hi int) (docs [][]any, pages map[int][2]string) {
	docs = make([][]any, 0, hi-lo)
	pages = map[int][2]string{}
	for _, d := range ix.docs[lo:hi] {
		url, anchor, _ := strings.Cut(d.url, "#")
		if _, ok := pages[d.page]; !ok {
			pages[d.page] = [2]string{d.title, url}
		}
		docs = append(docs, []any{d.page, d.heading, anchor, d.snippet})
	}
	return docs, pages
}

// flatten lists postings as pairs of (gap from the previous document
// number, score x 10).
func flatten(ps []posting) []int {
	flat := make([]int, 0, 2*len(ps))
	prev := 0
	for _, p := range ps {
		flat = append(flat, int(p.doc)-prev, int(p.value))
		prev = int(p.doc)
	}
	return flat
}

// tail is the part of a common term's postings beyond its best: the
// documents as written (see encodeTail), the size of that, and one score
// that stands for all of them, their mean.
type tail struct {
	enc   any
	size  int
	score int
}

// split keeps a term's best keep postings, in document order, and makes
// the rest its tail. ps is reordered.
func split(ps []posting, keep, docCount int) ([]posting, *tail) {
	if len(ps) <= keep {
		return ps, nil
	}
	selectBest(ps, keep)
	best, rest := ps[:keep], ps[keep:]
	slices.SortFunc(best, func(x, y posting) int { return cmp.Compare(x.doc, y.doc) })
	ids := make([]int32, len(rest))
	var sum float64
	for i, p := range rest {
		ids[i] = p.doc
		sum += float64(p.value)
	}
	slices.Sort(ids)
	enc, size := encodeTail(ids, docCount)
	return best, &tail{enc: enc, size: size, score: max(1, int(sum/float64(len(rest))+0.5))}
}

// encodeTail writes sorted document numbers as the shorter of a list of
// gaps (each the difference from the one before) and a bitmap of all the
// site's documents, as base64 (bit i of byte i/8 for document i, lowest
// bit first): a word on half the pages of a large site costs a few
// kilobytes either way.
func encodeTail(ids []int32, docCount int) (any, int) {
	gapsSize, prev := 2, int32(0)
	for _, id := range ids {
		gapsSize += digits(id-prev) + 1
		prev = id
	}
	bitmapSize := base64.StdEncoding.EncodedLen((docCount+7)/8) + 2
	if gapsSize <= bitmapSize {
		gaps := make([]int32, len(ids))
		prev = 0
		for i, id := range ids {
			gaps[i], prev = id-prev, id
		}
		return gaps, gapsSize
	}
	bits := make([]byte, (docCount+7)/8)
	for _, id := range ids {
		bits[id/8] |= 1 << (id % 8)
	}
	return base64.StdEncoding.EncodeToString(bits), bitmapSize
}

// digits is the number of decimal digits of n >= 0.
func digits(n int32) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}

// shardJob is one file of a sharded index: its name and a function that
// makes its data, called when the file is encoded.
type shardJob struct {
	name string
	data func() any
}

// sharded writes the index as a manifest and shards: the vocabulary by
// first letter, each term naming its postings shard and any tail shard;
// postings and tail shards filled in term order up to a size; documents
// in fixed-size shards. Shards are encoded and written on all cores.
func (ix *Index) sharded(terms []string, st Stats, write func(string, []byte) error) (Stats, error) {
	best := make([][]posting, len(terms))
	tails := make([]*tail, len(terms))
	parallel(len(terms), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			best[i], tails[i] = split(ix.postings[terms[i]], ix.lim.postings, len(ix.docs))
		}
	})
	jobs, letters := ix.termJobs(terms, best, tails)
	per := ix.lim.docsPerShard
	for lo := 0; lo < len(ix.docs); lo += per {
		hi := min(lo+per, len(ix.docs))
		jobs = append(jobs, shardJob{fmt.Sprintf("d-%d", lo/per), func() any {
			docs, pages := ix.docList(lo, hi)
			return map[string]any{"pages": pages, "docs": docs}
		}})
	}
	jobs = append(jobs, shardJob{"index", func() any {
		m := ix.manifest()
		m["mode"], m["docsPerShard"], m["letters"] = "sharded", per, letters
		return m
	}})
	var files, size atomic.Int64
	var mu sync.Mutex
	var errs []error
	parallel(len(jobs), func(lo, hi int) {
		for _, j := range jobs[lo:hi] {
			b := script(j.name, j.data())
			files.Add(1)
			size.Add(int64(len(b)))
			if err := write("search/"+j.name+".js", b); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		}
	})
	st.Files, st.Bytes = int(files.Load()), int(size.Load())
	return st, errors.Join(errs...)
}

// termJobs plans the vocabulary, postings and tail shards, in term order,
// and returns their jobs and the vocabulary's letters.
func (ix *Index) termJobs(terms []string, best [][]posting, tails []*tail) ([]shardJob, []string) {
	var jobs []shardJob
	var letters []string
	byLetter := map[string][]int{}
	for i, t := range terms {
		k := shardKey(t)
		if byLetter[k] == nil {
			letters = append(letters, k)
		}
		byLetter[k] = append(byLetter[k], i)
	}
	sort.Strings(letters)
	var pShards, tShards [][]int // shard -> term indexes
	pSize, tSize := postingsShardBytes, tailShardBytes
	for _, k := range letters {
		vocab := map[string][]int{}
		for _, i := range byLetter[k] {
			// About six characters a number, two numbers a posting.
			size := len(terms[i]) + 12*len(best[i]) + 8
			if pSize+size > postingsShardBytes {
				pShards, pSize = append(pShards, nil), 0
			}
			pShards[len(pShards)-1] = append(pShards[len(pShards)-1], i)
			pSize += size
			entry := []int{len(ix.postings[terms[i]]), len(pShards) - 1}
			if tl := tails[i]; tl != nil {
				if tSize+tl.size > tailShardBytes && tSize > 0 {
					tShards, tSize = append(tShards, nil), 0
				}
				tShards[len(tShards)-1] = append(tShards[len(tShards)-1], i)
				tSize += tl.size
				entry = append(entry, len(tShards)-1, tl.score)
			}
			vocab[terms[i]] = entry
		}
		// A new letter starts a new postings shard.
		pSize = postingsShardBytes
		jobs = append(jobs, shardJob{"v-" + k, func() any { return vocab }})
	}
	for n, list := range pShards {
		jobs = append(jobs, shardJob{fmt.Sprintf("p-%d", n), func() any {
			m := make(map[string][]int, len(list))
			for _, i := range list {
				m[terms[i]] = flatten(best[i])
			}
			return m
		}})
	}
	for n, list := range tShards {
		jobs = append(jobs, shardJob{fmt.Sprintf("t-%d", n), func() any {
			m := make(map[string]any, len(list))
			for _, i := range list {
				m[terms[i]] = tails[i].enc
			}
			return m
		}})
	}
	return jobs, letters
}

// shardKey is the vocabulary shard of a term: its first letter, or "0" for
// a digit or a letter outside a to z.
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
		panic(err) // the data is built from strings and numbers only
	}
	buf.Truncate(buf.Len() - 1) // Encode's newline
	buf.WriteString(");\n")
	return buf.Bytes()
}
