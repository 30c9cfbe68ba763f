package search

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// tokenVector is one case of testdata/tokens.json, which the browser's
// tests (templates/assets/search.test.js) read too: both tokenisers must
// give these tokens, and both stemmers these stems.
type tokenVector struct {
	Name   string   `json:"name"`
	Text   string   `json:"text"`
	Tokens []string `json:"tokens"`
	Stems  []string `json:"stems"`
}

func readTokenVectors(t *testing.T) []tokenVector {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "tokens.json"))
	if err != nil {
		t.Fatal(err)
	}
	var vs []tokenVector
	if err := json.Unmarshal(b, &vs); err != nil {
		t.Fatalf("testdata/tokens.json: %v", err)
	}
	if len(vs) < 20 {
		t.Fatalf("testdata/tokens.json has %d cases; the test is not reading it", len(vs))
	}
	return vs
}

func TestTokenVectors(t *testing.T) {
	for _, v := range readTokenVectors(t) {
		t.Run(v.Name, func(t *testing.T) {
			got := Tokens(v.Text)
			if diff := cmp.Diff(v.Tokens, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Tokens(%q) (-want +got):\n%s", v.Text, diff)
			}
			if len(v.Stems) != len(v.Tokens) {
				t.Fatalf("the case lists %d stems for %d tokens", len(v.Stems), len(v.Tokens))
			}
			for i, tok := range v.Tokens {
				if s := Stem(tok); s != v.Stems[i] {
					t.Errorf("Stem(%q) = %q; want %q", tok, s, v.Stems[i])
				}
			}
		})
	}
}

// TestFoldTableInVectors checks that the shared vectors hold every
// accented letter the fold table knows, so that the browser's copy of the
// table is checked entry by entry.
func TestFoldTableInVectors(t *testing.T) {
	var all strings.Builder
	for _, v := range readTokenVectors(t) {
		all.WriteString(v.Text)
	}
	text := strings.ToLower(all.String())
	for r := range foldTable {
		if !strings.ContainsRune(text, r) && !strings.ContainsRune(all.String(), r) {
			t.Errorf("no vector holds %q (%U), which the fold table maps to %q", r, r, foldTable[r])
		}
	}
}

func TestStem(t *testing.T) {
	// A few words whose stems the browser's stemmer must give too; the
	// browser test checks a longer list against the real script.
	tests := map[string]string{
		"safeguarding": "safeguard", "safeguard": "safeguard", "partnerships": "partnership",
		"agencies": "agenc", "sharing": "share", "consented": "consent", "being": "be", "because": "becaus",
	}
	for in, want := range tests {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q; want %q", in, got, want)
		}
	}
}

func page(i int, body string) Page {
	return Page{
		Title: fmt.Sprintf("Page %d", i), URL: fmt.Sprintf("p%d.html", i),
		Sections: []Section{{Text: body}, {Heading: "Details", Anchor: "details", Text: "more " + body}},
	}
}

// decode reads the data a script file registers.
func decode(t *testing.T, b []byte) (string, map[string]any) {
	t.Helper()
	s := strings.TrimSuffix(strings.TrimPrefix(string(b), "joinedupSearch.add("), ");\n")
	name, rest, _ := strings.Cut(s, ",")
	var data map[string]any
	if err := json.Unmarshal([]byte(rest), &data); err != nil {
		t.Fatalf("file does not hold JSON data: %v", err)
	}
	return strings.Trim(name, `"`), data
}

func TestSmallSiteIsOneFile(t *testing.T) {
	var pages []Page
	for i := range 100 {
		pages = append(pages, page(i, strings.Repeat(fmt.Sprintf("guidance word%d about consent and safeguarding ", i), 40)))
	}
	files, st := Build(pages, Extras{}).Files()
	if len(files) != 1 || files["search/index.js"] == nil {
		t.Fatalf("100 pages gave files %v; want only search/index.js", keys(files))
	}
	if st.Docs != 200 {
		t.Errorf("docs = %d; want 200 (a page and a section each)", st.Docs)
	}
	name, data := decode(t, files["search/index.js"])
	if name != "index" || data["mode"] != "single" {
		t.Errorf("index.js registers %q in mode %v", name, data["mode"])
	}
}

func TestLargeSiteIsSharded(t *testing.T) {
	var pages []Page
	for i := range 3000 {
		pages = append(pages, page(i, fmt.Sprintf("unique%d words about consent partner%d and the ladder rung%d", i, i%97, i%13)))
	}
	files, _ := Build(pages, Extras{}).Files()
	_, manifest := decode(t, files["search/index.js"])
	if manifest["mode"] != "sharded" {
		t.Fatalf("mode = %v; want sharded", manifest["mode"])
	}
	// Follow one term as the browser would: vocabulary, postings, tail.
	_, vocab := decode(t, files["search/v-c.js"])
	entry, ok := vocab["consent"].([]any)
	if !ok || len(entry) != 4 {
		t.Fatalf("v-c.js has entry %v for consent; want [df, postings shard, tail shard, tail score]", vocab["consent"])
	}
	if df := int(entry[0].(float64)); df != 6000 {
		t.Errorf("consent's document frequency is %d; want 6000 (every page and section)", df)
	}
	shard := fmt.Sprintf("search/p-%d.js", int(entry[1].(float64)))
	_, postings := decode(t, files[shard])
	if got := len(postings["consent"].([]any)); got != 2*maxPostings {
		t.Errorf("%s holds %d numbers for consent; want %d", shard, got, 2*maxPostings)
	}
	if got := len(termDocs(t, files, "consent")); got != 6000 {
		t.Errorf("the postings and tail of consent hold %d documents; want all 6000", got)
	}
	for name, b := range files {
		if strings.HasPrefix(name, "search/p-") && len(b) > 3*postingsShardBytes {
			t.Errorf("%s is %d bytes; shards should stay near %d", name, len(b), postingsShardBytes)
		}
	}
	if _, ok := files["search/d-0.js"]; !ok {
		t.Error("no document shard d-0.js")
	}
}

// termDocs reads, as the browser does, every document a sharded index
// lists for a term: in its postings and in its tail.
func termDocs(t *testing.T, files map[string][]byte, term string) map[int]bool {
	t.Helper()
	_, vocab := decode(t, files["search/v-"+shardKey(term)+".js"])
	entry, ok := vocab[term].([]any)
	if !ok {
		return nil
	}
	docs := map[int]bool{}
	_, postings := decode(t, files[fmt.Sprintf("search/p-%d.js", int(entry[1].(float64)))])
	doc := 0
	for i, v := range postings[term].([]any) {
		if i%2 == 0 {
			doc += int(v.(float64))
			docs[doc] = true
		}
	}
	if len(entry) < 4 {
		return docs
	}
	_, tails := decode(t, files[fmt.Sprintf("search/t-%d.js", int(entry[2].(float64)))])
	switch enc := tails[term].(type) {
	case string:
		bits, err := base64.StdEncoding.DecodeString(enc)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 8 * len(bits) {
			if bits[i/8]&(1<<(i%8)) != 0 {
				docs[i] = true
			}
		}
	case []any:
		doc = 0
		for _, g := range enc {
			doc += int(g.(float64))
			docs[doc] = true
		}
	default:
		t.Fatalf("the tail of %q is %T", term, enc)
	}
	return docs
}

func TestRanking(t *testing.T) {
	pages := []Page{
		{Title: "Consent", URL: "consent.html", Sections: []Section{{Text: "Ask before you share."}}},
		{Title: "Meetings", URL: "meetings.html", Sections: []Section{{Text: "Consent is discussed at the meeting, and consent again."}}},
		{Title: "Roles", URL: "roles.html", Keywords: []string{"consent"}, Sections: []Section{{Text: "Who does what."}}},
	}
	ix := Build(pages, Extras{Synonyms: []Synonym{{Phrase: "SALT", Means: "speech and language therapist"}}})
	best := ix.postings["consent"][0]
	for _, p := range ix.postings["consent"] {
		if p.value > best.value {
			best = p
		}
	}
	if ix.docs[best.doc].url != "consent.html" {
		t.Errorf("best document for consent is %s; a title match should win", ix.docs[best.doc].url)
	}
	if diff := cmp.Diff([][]string{{"speech", "languag", "therapist"}}, ix.synonyms["salt"]); diff != "" {
		t.Errorf("synonyms for salt (-want +got):\n%s", diff)
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestAnalyzerMatchesTokens checks the analyzer's in-place tokeniser against
// Tokens, Stem and the stop list, which the browser mirrors.
func TestAnalyzerMatchesTokens(t *testing.T) {
	texts := []string{
		"The GP's advice: record it, and ask for it in writing (UK GDPR, 2018).",
		"Café co-ordination — “quoted” words’ apostrophes ÀÉÎ naïve",
		"Safeguarding safeguards SAFEGUARDED; 300 rungs of the ladder",
		"",
	}
	for _, text := range texts {
		a := NewAnalyzer()
		a.add(text, 1)
		want := map[string]float32{}
		stop := StopWords()
		for _, tok := range Tokens(text) {
			if !stop[tok] {
				want[Stem(tok)]++
			}
		}
		got, n := map[string]float32{}, 0
		terms := a.doc(Doc{}).terms
		eachTerm(terms, func(term string, weight float32) {
			got[term] += weight
			n++
		})
		if len(got) != n {
			t.Errorf("add(%q) lists a term twice: %q", text, terms)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("add(%q) terms (-want +got):\n%s", text, diff)
		}
		if d := a.doc(Doc{}); len(d.terms) != 0 {
			t.Errorf("after doc, the next document starts with terms %q; want none", d.terms)
		}
	}
}

// snippet must cut where it cut when it split the text into words and runes.
func TestSnippetMatchesFields(t *testing.T) {
	long := strings.Repeat("partnership working in health ", 40)
	tests := []string{
		"", " ", "short text", "  padded\ttext\n ", "a\u00a0b\u0085c",
		long, "x" + long, strings.Repeat("é", 300), strings.Repeat("word ", 39) + "\u2003" + long,
		"bad \xff byte " + long, long[:1199] + "é",
	}
	for _, text := range tests {
		if got, want := snippet(text), oldSnippet(text); got != want {
			t.Errorf("snippet(%.40q) = %q; want %q", text, got, want)
		}
	}
}

func FuzzSnippet(f *testing.F) {
	f.Add("a  b\u00a0c")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := snippet(text), oldSnippet(text); got != want {
			t.Errorf("snippet(%q) = %q; want %q", text, got, want)
		}
	})
}

// oldSnippet is the first form of snippet, kept as the reference.
func oldSnippet(text string) string {
	if limit := snippetRunes * 6; len(text) > limit {
		text = text[:limit]
	}
	text = strings.Join(strings.Fields(text), " ")
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

// selectBest must keep exactly the postings a full sort would keep.
func TestSelectBest(t *testing.T) {
	for _, n := range []int{1, 2, 3, 10, 501, 1000, 5000} {
		for _, k := range []int{1, 2, n / 2, n - 1, n} {
			if k < 1 || k > n {
				continue
			}
			ps := make([]posting, n)
			for i := range ps {
				// Many ties, so the document order decides.
				ps[i] = posting{doc: int32((i * 7919) % n), value: float32((i * 31) % 17)}
			}
			want := slices.Clone(ps)
			slices.SortFunc(want, func(x, y posting) int {
				if better(x, y) {
					return -1
				}
				return 1
			})
			selectBest(ps, k)
			got := slices.Clone(ps[:k])
			slices.SortFunc(got, func(x, y posting) int {
				if better(x, y) {
					return -1
				}
				return 1
			})
			if !slices.Equal(got, want[:k]) {
				t.Errorf("n=%d k=%d: kept %v; want %v", n, k, got, want[:k])
			}
		}
	}
}

// TestFieldBoost: a heading that is only the word is more about it than a
// longer heading that holds it, and a title match beats two mentions in
// the text of a longer document.
func TestFieldBoost(t *testing.T) {
	pages := []Page{
		{Title: "Terms", URL: "terms.html", Sections: []Section{
			{Heading: "Safeguarding lead", Anchor: "lead", Text: "Someone to ask."},
			{Heading: "Safeguarding", Anchor: "safeguarding", Text: "Someone to ask."},
		}},
		{Title: "Recording", URL: "recording.html", Sections: []Section{{Text: "How to write things down."}}},
		{Title: "Other", URL: "other.html", Sections: []Section{{Text: "Recording is one thing, and recording is another, among many other words here."}}},
	}
	ix := Build(pages, Extras{})
	score := func(term, url string) float32 {
		for _, p := range ix.postings[term] {
			if ix.docs[p.doc].url == url {
				return p.value
			}
		}
		t.Fatalf("%s is not in %s", term, url)
		return 0
	}
	if whole, part := score("safeguard", "terms.html#safeguarding"), score("safeguard", "terms.html#lead"); whole <= part {
		t.Errorf("safeguarding scores %v under \"Safeguarding\" and %v under \"Safeguarding lead\"; want the first higher", whole, part)
	}
	if title, text := score("record", "recording.html"), score("record", "other.html"); title <= text {
		t.Errorf("recording scores %v in a title and %v said twice in text; want the title higher", title, text)
	}
}

// eachTerm must give back what packTerm packed, in order, whatever the
// term's length (a length over 127 takes two bytes) or letters.
func TestPackedTerms(t *testing.T) {
	type tw struct {
		Term   string
		Weight float32
	}
	tests := [][]tw{
		nil,
		{{"care", 1}},
		{{"care", 9.25}, {"plan", 0.5}, {"", 3}, {"здоровье", 1e-7}, {"2014", 123456.75}},
		{{strings.Repeat("x", 200), 2}, {"a", 1}, {strings.Repeat("y", 20000), 5.5}},
	}
	for _, want := range tests {
		var buf []byte
		for _, w := range want {
			buf = packTerm(buf, w.Term, w.Weight)
		}
		var got []tw
		eachTerm(string(buf), func(term string, weight float32) { got = append(got, tw{term, weight}) })
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("packed terms read back (-want +got):\n%s", diff)
		}
	}
}
