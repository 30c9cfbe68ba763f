package components

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
)

// text joins a card's pieces, writing a blank as "___".
func text(ps []Piece) string {
	var b strings.Builder
	for _, p := range ps {
		if p.Blank {
			b.WriteString("___")
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

func TestBlankName(t *testing.T) {
	for _, tc := range []struct {
		name, abbr, text, want string
	}{
		{"Occupational therapist (OT)", "OT", "An occupational therapist (OT) assesses for aids.", "An ___ assesses for aids."},
		{"Family doctor (general practitioner, GP)", "GP", "The general practitioner (GP) refers people on.", "The ___ refers people on."},
		{"Family doctor (general practitioner, GP)", "GP", "Ask your family doctor or GP.", "Ask your ___ or ___."},
		{"Community nurse", "", "Many community nurses specialise.", "Many ___ specialise."},
		{"Special educational needs coordinator (SENCo)", "SENCo", "Pupils with special educational needs (SEN). The SENCo works with families.", "Pupils with special educational needs (SEN). The ___ works with families."},
		{"Police", "", "In safeguarding, the police work with social care.", "In safeguarding, the ___ work with social care."},
		{"Teacher", "", "Teaches and looks after children.", "Teaches and looks after children."},
		{"Occupational therapist (OT)", "OT", "They do not stop; ot is not OT's word.", "They do not stop; ot is not ___'s word."},
		{"Dentist", "", "Treats teeth.", "Treats teeth."},
	} {
		p := data.Partner{Name: tc.name, Abbr: tc.abbr}
		if got := text(blankName(p, tc.text)); got != tc.want {
			t.Errorf("blankName(%q, %q) = %q; want %q", tc.name, tc.text, got, tc.want)
		}
	}
}

func TestSheets(t *testing.T) {
	for _, n := range []int{0, 1, CardsPerSheet, CardsPerSheet + 1, 3*CardsPerSheet - 1} {
		cards := make([]Card, n)
		got := sheets(cards)
		want := (n + CardsPerSheet - 1) / CardsPerSheet
		if len(got) != want {
			t.Errorf("sheets(%d cards) made %d sheets; want %d", n, len(got), want)
			continue
		}
		total := 0
		for i, s := range got {
			if s.Number != i+1 || s.Of != want || len(s.Cards) > CardsPerSheet || len(s.Cards) == 0 {
				t.Errorf("sheets(%d cards)[%d] = number %d of %d with %d cards", n, i, s.Number, s.Of, len(s.Cards))
			}
			total += len(s.Cards)
		}
		if total != n {
			t.Errorf("sheets(%d cards) hold %d cards", n, total)
		}
	}
}

func TestBarrierCardSets(t *testing.T) {
	d := &data.Data{Barriers: data.Barriers{Barriers: []data.Barrier{
		{ID: "a", Title: "Barrier A", Description: "About A.", Remedies: []data.Remedy{{ID: "a1", Text: "Do A1."}, {ID: "a2", Text: "Do A2."}}},
		{ID: "b", Title: "Barrier B", Description: "About B.", Remedies: []data.Remedy{{ID: "b1", Text: "Do B1."}}},
	}}}
	sets := barrierCardSets(d)
	var got []string
	for _, s := range sets {
		for _, sh := range s.Sheets {
			for _, c := range sh.Cards {
				got = append(got, s.ID+": "+c.Label+" | "+c.Title+" | "+c.Meta+" | "+text(c.Text))
			}
		}
	}
	want := []string{
		"barrier-cards: Barrier 1 | Barrier A |  | About A.",
		"barrier-cards: Barrier 2 | Barrier B |  | About B.",
		"remedy-cards: Remedy for barrier 1 |  | Barrier A | Do A1.",
		"remedy-cards: Remedy for barrier 1 |  | Barrier A | Do A2.",
		"remedy-cards: Remedy for barrier 2 |  | Barrier B | Do B1.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("barrierCardSets cards (-want +got):\n%s", diff)
	}
	outline := cardSetsOutline(sets)
	var heads []site.Heading
	for _, s := range outline {
		heads = append(heads, s.Heading)
	}
	wantHeads := []site.Heading{{Level: 2, ID: "barrier-cards", Text: "Barrier cards"}, {Level: 2, ID: "remedy-cards", Text: "Remedy cards"}}
	if diff := cmp.Diff(wantHeads, heads); diff != "" {
		t.Errorf("cardSetsOutline headings (-want +got):\n%s", diff)
	}
	// The cards' words are the remedies' records' on the barriers page,
	// not the sheet's.
	if outline[1].Text != "" {
		t.Errorf("remedy cards outline text %q; want none", outline[1].Text)
	}
}

// bundledData loads the site's own data files.
func bundledData(t *testing.T) *data.Data {
	t.Helper()
	files := map[string][]byte{}
	dir := filepath.Join("..", "..", "..", "content", "data")
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	more, err2 := filepath.Glob(filepath.Join(dir, "*", "*.yaml"))
	if err != nil || err2 != nil || len(paths) == 0 {
		t.Fatalf("no data files found: %v %v", err, err2)
	}
	for _, p := range append(paths, more...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		files["data/"+filepath.ToSlash(rel)] = b
	}
	d, err := data.Load(files, func(p string) string { return p })
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDescriptionCardsHideNames checks, on the bundled data, that no
// description card names its own role: the matching game would be spoilt.
func TestDescriptionCardsHideNames(t *testing.T) {
	d := bundledData(t)
	sets := partnerCardSets(d)
	if len(sets) != 2 || sets[0].Count() != len(d.Partners.Partners) || sets[1].Count() != len(d.Partners.Partners) {
		t.Fatalf("partnerCardSets made %d sets; want 2 of %d cards", len(sets), len(d.Partners.Partners))
	}
	var descriptions []Card
	for _, sh := range sets[1].Sheets {
		descriptions = append(descriptions, sh.Cards...)
	}
	for i, p := range d.Partners.Partners {
		got := text(descriptions[i].Text)
		if descriptions[i].Title != "" {
			t.Errorf("description card %d has title %q; want none", i+1, descriptions[i].Title)
		}
		base := strings.ToLower(bracketed.ReplaceAllString(p.Name, ""))
		if strings.Contains(strings.ToLower(got), base) {
			t.Errorf("description card for %s names the role: %q", p.Name, got)
		}
		if p.Abbr != "" && regexp.MustCompile(`\b`+regexp.QuoteMeta(p.Abbr)+`\b`).MatchString(got) {
			t.Errorf("description card for %s gives its abbreviation: %q", p.Name, got)
		}
	}
}

// TestLadderPosterText checks that the poster's outline, which search
// indexes, carries every rung.
func TestLadderPosterText(t *testing.T) {
	d := bundledData(t)
	poster := ladderPosterOutline(d, nil)[0].Text
	for _, r := range d.Ladder.Rungs {
		if !strings.Contains(poster, r.Name) || !strings.Contains(poster, r.Gloss) {
			t.Errorf("ladder poster outline lacks rung %q", r.Name)
		}
	}
}

func TestWorksheetSpecsPresent(t *testing.T) {
	empty := &data.Data{}
	d := bundledData(t)
	for name, sp := range map[string]spec{
		"ladder-poster": ladderPosterSpec(), "barrier-cards": barrierCardsSpec(),
		"partner-cards": partnerCardsSpec(), "meeting-prep": meetingPrepSpec(),
	} {
		if !sp.present(d) {
			t.Errorf("%s: not present with the bundled data", name)
		}
		if got := sp.present(empty); got != (name == "meeting-prep") {
			t.Errorf("%s: present(no data) = %v", name, got)
		}
		if len(sp.options) != 0 {
			t.Errorf("%s: options %v; want none", name, sp.options)
		}
		if ids := outlineIDs(sp.outline(d, nil)); slices.Contains(ids, "") {
			t.Errorf("%s: outline has a heading without an id: %v", name, ids)
		}
	}
}

func outlineIDs(ss []markdown.Section) []string {
	var ids []string
	for _, s := range ss {
		ids = append(ids, s.ID)
	}
	return ids
}
