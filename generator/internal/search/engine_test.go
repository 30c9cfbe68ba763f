package search

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the engine fixtures in testdata/engine/")

// fixturePages is a small site whose index the browser's tests query
// (templates/assets/search.test.js reads testdata/engine/): roles with
// abbreviations, a glossary, a page about disagreeing, a best bet, and
// pages enough that "care" is a common word.
func fixturePages() []Page {
	pages := []Page{
		{Title: "Partners and their roles", URL: "guidance/partners.html", Keywords: []string{"OT", "health visitor"}, Sections: []Section{
			{Text: "Who does what. Use the list to find who to involve."},
			{Heading: "How to use the list", Anchor: "how-to-use-the-list", Text: "Each role says what they do and when to involve them."},
			{Heading: "Occupational therapist", Anchor: "partner-ot", Text: "Helps people stay independent at home with equipment and adaptations.", Record: true, Named: true, Who: true, Abbr: "OT"},
			{Heading: "Health visitor", Anchor: "partner-health-visitor", Text: "Supports families with young children at home.", Record: true, Named: true, Who: true},
			{Heading: "Social worker", Anchor: "partner-social-worker", Text: "Assesses needs and plans care with the person.", Record: true, Named: true, Who: true},
		}},
		{Title: "When professionals disagree", URL: "guidance/disagree.html", Description: "What to do when you disagree with another professional.", Sections: []Section{
			{Text: "Disagreements happen. Raise them calmly."},
			{Heading: "Raising a disagreement well", Anchor: "raising-a-disagreement-well", Text: "Use evidence, not opinion, and talk to your manager first."},
		}},
		{Title: "Glossary", URL: "about/glossary.html", Sections: []Section{
			{Heading: "Occupational therapist", Anchor: "term-ot", Text: "A professional who helps people manage everyday tasks.", Record: true, Abbr: "OT"},
			{Heading: "Multidisciplinary team", Anchor: "term-mdt", Text: "A team of different professions who plan care together.", Record: true, Abbr: "MDT"},
		}},
		{Title: "A family's story", URL: "stories/family.html", Sections: []Section{
			{Text: "The social worker and the school disagreed about the level of need. The social worker spoke to the health visitor."},
		}},
		{Title: "Who to call", URL: "guidance/who-to-call.html", Description: "Who to contact when someone is in danger.", Sections: []Section{
			{Text: "Call 999 in an emergency."},
		}},
	}
	// Pages about care, where a few also mention a plan: "care" is in
	// every one, and in the sharded form keeps only three postings.
	for i := range 12 {
		text := strings.Repeat("care and support ", 1+i%4)
		if i == 9 || i == 11 {
			text += " the care plan"
		}
		pages = append(pages, Page{Title: fmt.Sprintf("Care note %d", i+1), URL: fmt.Sprintf("notes/%d.html", i+1), Sections: []Section{{Text: text}}})
	}
	return pages
}

func fixtureExtras() Extras {
	return Extras{
		Synonyms: []Synonym{
			{Phrase: "OT", Means: "occupational therapist"}, {Phrase: "occupational therapist", Means: "OT"},
			{Phrase: "doctor", Means: "general practitioner", Related: true},
		},
		Abbreviations: map[string]string{"OT": "occupational therapist", "MDT": "multidisciplinary team"},
		Bets:          []Bet{{Phrases: []string{"worried about a child", "in danger"}, Title: "Who to call", URL: "guidance/who-to-call.html", Text: "Call 999 if someone is in danger now."}},
	}
}

// TestEngineFixtures writes the fixture site's index twice, as one file
// and as shards with tiny limits (so that common words have tails), into
// testdata/engine/, where the browser's tests read it. With -update it
// rewrites them; otherwise it checks they are up to date.
func TestEngineFixtures(t *testing.T) {
	for _, form := range []struct {
		name string
		lim  limits
	}{
		{"single", defaultLimits},
		{"sharded", limits{single: 1, postings: 3, docsPerShard: 4}},
	} {
		t.Run(form.name, func(t *testing.T) {
			ix := Build(fixturePages(), fixtureExtras())
			ix.lim = form.lim
			files, _ := ix.Files()
			if form.name == "sharded" && files["search/t-0.js"] == nil {
				t.Fatal("the sharded fixture has no tail shard; the browser's tests need one")
			}
			dir := filepath.Join("testdata", "engine", form.name)
			if *update {
				if err := os.RemoveAll(dir); err != nil {
					t.Fatal(err)
				}
				for name, b := range files {
					p := filepath.Join(dir, filepath.FromSlash(name))
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, b, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			var names []string
			for name := range files {
				names = append(names, name)
			}
			sort.Strings(names)
			onDisk, _ := filepath.Glob(filepath.Join(dir, "search", "*.js"))
			if len(onDisk) != len(names) {
				t.Errorf("%s holds %d files; the index has %d (run go test -update)", dir, len(onDisk), len(names))
			}
			for _, name := range names {
				want, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
				if err != nil || !bytes.Equal(want, files[name]) {
					t.Errorf("%s/%s is not the index as built (run go test -update)", dir, name)
				}
			}
		})
	}
}
