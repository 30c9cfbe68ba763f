package search

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// scaleSite is 10,000 pages of five sections each, whose words are drawn
// so that a few ("care", "plan", "support") are in a large share of the
// documents, as they are on a real site, and it returns, for each
// document, the set of its words' stems.
func scaleSite() ([]Page, []map[string]bool) {
	r := rand.New(rand.NewPCG(1, 2))
	common := []string{"care", "plan", "support", "person", "review", "meeting", "team", "record"}
	var rare []string
	for i := range 400 {
		// Of one length, so that none is the start of another, which
		// the browser would take for another form of the same word.
		rare = append(rare, fmt.Sprintf("topic%03d", i))
	}
	text := func() string {
		var w []string
		for range 12 {
			if r.IntN(3) == 0 {
				w = append(w, common[r.IntN(len(common))])
			} else {
				w = append(w, rare[r.IntN(len(rare))])
			}
		}
		return strings.Join(w, " ")
	}
	var pages []Page
	var docs []map[string]bool
	words := func(s ...string) map[string]bool {
		m := map[string]bool{}
		for _, t := range Tokens(strings.Join(s, " ")) {
			m[Stem(t)] = true
		}
		return m
	}
	for i := range 10000 {
		title := fmt.Sprintf("Page %d", i)
		p := Page{Title: title, URL: fmt.Sprintf("s/%d.html", i), Sections: []Section{{Text: text()}}}
		docs = append(docs, words(title, p.Sections[0].Text))
		for j := range 4 {
			h, body := fmt.Sprintf("Part %d", j), text()
			p.Sections = append(p.Sections, Section{Heading: h, Anchor: fmt.Sprintf("p%d", j), Text: body})
			docs = append(docs, words(h, body))
		}
		pages = append(pages, p)
	}
	return pages, docs
}

// TestEveryWordAtScale builds a 10,000-page index, in which common words
// keep only their best postings, and checks that a query of several words
// can still find every document holding all of them: in the files as
// written (postings and tails), and, when Node is installed, through the
// browser's own ranking (search.js), which must rank every such document
// before any document holding only some of the words.
func TestEveryWordAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-page index")
	}
	pages, docWords := scaleSite()
	ix := Build(pages, Extras{})
	dir := t.TempDir()
	st, err := ix.Write(func(name string, b []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.Files < 100 {
		t.Fatalf("the index is %d files; want a sharded index", st.Files)
	}
	queries := []string{"care plan", "support review meeting", "person care", "care topic026"}
	truth := map[string]int{}
	for _, q := range queries {
		stems := strings.Fields(q)
		n := 0
		for _, w := range docWords {
			all := true
			for _, s := range stems {
				all = all && w[Stem(s)]
			}
			if all {
				n++
			}
		}
		truth[q] = n
		// Common words lose most of their postings to their tails.
		if df := len(ix.postings[Stem(stems[0])]); df <= maxPostings {
			t.Fatalf("%q is in %d documents; the test needs a word beyond the %d kept", stems[0], df, maxPostings)
		}
	}
	files := readFiles(t, dir)
	for _, q := range queries {
		var sets []map[int]bool
		for _, w := range strings.Fields(q) {
			sets = append(sets, termDocs(t, files, Stem(w)))
		}
		n := 0
		for doc := range sets[0] {
			all := true
			for _, s := range sets[1:] {
				all = all && s[doc]
			}
			if all {
				n++
			}
		}
		if n != truth[q] {
			t.Errorf("%q: the files list %d documents with every word; the site has %d", q, n, truth[q])
		}
	}
	browserRanking(t, dir, queries, truth)
}

// readFiles reads a written index back.
func readFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "search", "*.js"))
	files := map[string][]byte{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		files["search/"+filepath.Base(n)] = b
	}
	return files
}

// browserRanking runs the queries through search.js's Engine in Node,
// reading the index in dir, and checks that each ranks exactly the
// documents with every word first.
func browserRanking(t *testing.T, dir string, queries []string, truth map[string]int) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Log("node is not installed: the browser's ranking was not checked at this size")
		return
	}
	script, err := filepath.Abs(filepath.Join("..", "..", "..", "templates", "assets", "search.js"))
	if err != nil {
		t.Fatal(err)
	}
	const js = `
const fs = require("fs"), path = require("path");
const search = require(process.argv[1]);
const dir = process.argv[2];
const engine = new search.Engine((name) => {
  const s = fs.readFileSync(path.join(dir, "search", name + ".js"), "utf8");
  return Promise.resolve(JSON.parse(s.slice(s.indexOf(",") + 1, s.lastIndexOf(")"))));
});
(async () => {
  const out = {};
  for (const q of JSON.parse(process.argv[3])) {
    const r = await engine.search(q, {});
    const n = r.words.length;
    const ranked = r.ranked.slice(0, r.ranked.length);
    const all = ranked.filter((t) => t.words === n).length;
    // A keystroke reads only the first few, ordering no more than those.
    const few = (await engine.search(q, {})).ranked.slice(0, 10);
    out[q] = { all: all, first: ranked.slice(0, all).every((t) => t.words === n),
      few: JSON.stringify(few) === JSON.stringify(ranked.slice(0, 10)) };
  }
  console.log(JSON.stringify(out));
})();`
	qs, _ := json.Marshal(queries)
	cmd := exec.Command(node, "-e", js, script, dir, string(qs))
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var got map[string]struct {
		All   int  `json:"all"`
		First bool `json:"first"`
		Few   bool `json:"few"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("node printed %q: %v", b, err)
	}
	for _, q := range queries {
		if g := got[q]; g.All != truth[q] || !g.First {
			t.Errorf("%q in the browser's ranking: %d documents with every word, first: %v; want the site's %d, first", q, g.All, g.First, truth[q])
		}
		if !got[q].Few {
			t.Errorf("%q in the browser's ranking: the first ten read alone differ from the first ten of the whole ranking", q)
		}
	}
}
