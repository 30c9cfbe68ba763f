package components

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
)

// The printable worksheets (ladder-poster, barrier-cards, partner-cards,
// meeting-prep) are plain markup with no script: a trainer prints them on A4
// and cuts the cards out. Cards are grouped into sheets here, in Go, so each
// printed page holds a known number of cards; the page count is then
// predictable and the browser tests can check it against the data.

// CardsPerSheet is how many cards one A4 sheet holds: two columns of four.
// The card size in worksheets.css is set for this number.
const CardsPerSheet = 8

// Card is one cut-out card.
type Card struct {
	// Kind is "barrier", "remedy", "role" or "description": a CSS modifier.
	Kind string
	// Label is the small line at the top naming the kind of card, such as
	// "Barrier 3" or "Remedy for barrier 3".
	Label string
	// Title is the card's heading line; empty on a description card, whose
	// point is to hide the role's name.
	Title string
	// Meta is a short extra line, such as the sector or the barrier a
	// remedy answers.
	Meta string
	// TextLabel introduces Text, such as "When to involve them"; may be empty.
	TextLabel string
	// Text is the card's body, in pieces so that blanked-out names render
	// as blanks.
	Text []Piece
}

// Piece is a stretch of card text, or a blank where a name was taken out.
type Piece struct {
	Text  string
	Blank bool
}

// Sheet is one printed page of cards.
type Sheet struct {
	Number int // 1-based, within its set
	Of     int // sheets in the set
	Cards  []Card
}

// CardSet is a titled set of cards, starting on a new page.
type CardSet struct {
	ID, Title, Intro string
	Sheets           []Sheet
}

// Count is the number of cards in the set.
func (s CardSet) Count() int {
	n := 0
	for _, sh := range s.Sheets {
		n += len(sh.Cards)
	}
	return n
}

// sheets splits cards into pages of CardsPerSheet.
func sheets(cards []Card) []Sheet {
	var out []Sheet
	for chunk := range slices.Chunk(cards, CardsPerSheet) {
		out = append(out, Sheet{Number: len(out) + 1, Cards: chunk})
	}
	for i := range out {
		out[i].Of = len(out)
	}
	return out
}

// plain is text with nothing blanked.
func plain(s string) []Piece { return []Piece{{Text: s}} }

// BarrierCardSets is the barrier cards, then the remedy cards. Each remedy
// card names its barrier by number and title, so sorted piles can be checked.
func (v View) BarrierCardSets() []CardSet { return barrierCardSets(v.Data) }

func barrierCardSets(d *data.Data) []CardSet {
	var barriers, remedies []Card
	for i, b := range d.Barriers.Barriers {
		n := i + 1
		barriers = append(barriers, Card{Kind: "barrier", Label: fmt.Sprintf("Barrier %d", n), Title: b.Title, Text: plain(b.Description)})
		for _, r := range b.Remedies {
			remedies = append(remedies, Card{Kind: "remedy", Label: fmt.Sprintf("Remedy for barrier %d", n), Meta: b.Title, Text: plain(r.Text)})
		}
	}
	return []CardSet{
		{ID: "barrier-cards", Title: "Barrier cards", Intro: "One card for each barrier to partnership working.", Sheets: sheets(barriers)},
		{ID: "remedy-cards", Title: "Remedy cards", Intro: "One card for each remedy. The top line says which barrier it helps with.", Sheets: sheets(remedies)},
	}
}

// PartnerCardSets is the role cards (name, sector, when to involve them)
// and the description cards (what the role does, with the name blanked
// out). The roles session matches one set to the other, so a description
// card must not give the answer away, and a role card must not repeat the
// description.
func (v View) PartnerCardSets() []CardSet { return partnerCardSets(v.Data) }

func partnerCardSets(d *data.Data) []CardSet {
	sectors := map[string]string{}
	for _, s := range d.Partners.Sectors {
		sectors[s.ID] = s.Name
	}
	var roles, descriptions []Card
	for _, p := range d.Partners.Partners {
		roles = append(roles, Card{Kind: "role", Label: "Role", Title: p.Name, Meta: sectors[p.Sector], TextLabel: "When to involve them", Text: plain(p.When)})
		descriptions = append(descriptions, Card{Kind: "description", Label: "What does this role do?", Text: blankName(p, p.What)})
	}
	return []CardSet{
		{ID: "role-cards", Title: "Role cards", Intro: "One card for each role: its name, its sector and when to involve it.", Sheets: sheets(roles)},
		{ID: "description-cards", Title: "Description cards", Intro: "What each role does, with its name left blank. Match each one to a role card.", Sheets: sheets(descriptions)},
	}
}

// bracketed matches a bracketed part of a name, such as " (OT)".
var bracketed = regexp.MustCompile(`\s*\(([^)]*)\)`)

// isAbbreviation reports whether s is a short word of mostly capitals, such
// as "GP" or "SENCo". Abbreviations are matched case-sensitively, so that
// "ot" in a sentence is never taken for "OT".
func isAbbreviation(s string) bool {
	capitals := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			capitals++
		case r < 'a' || r > 'z':
			return false
		}
	}
	return len(s) <= 6 && capitals >= 2
}

// namePattern matches the ways a role's description may name it: its name
// without the bracketed part, each comma-separated item in the brackets and
// its abbreviation, in the singular or plural, with any bracketed
// abbreviation after it ("occupational therapist (OT)").
func namePattern(p data.Partner) *regexp.Regexp {
	var words, abbrs []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		switch {
		case s == "":
		case isAbbreviation(s):
			abbrs = append(abbrs, regexp.QuoteMeta(s))
		default:
			words = append(words, regexp.QuoteMeta(s))
		}
	}
	add(bracketed.ReplaceAllString(p.Name, ""))
	for _, m := range bracketed.FindAllStringSubmatch(p.Name, -1) {
		for _, part := range strings.Split(m[1], ",") {
			add(part)
		}
	}
	add(p.Abbr)
	byLength := func(a, b string) int { return len(b) - len(a) }
	slices.SortFunc(words, byLength)
	slices.SortFunc(abbrs, byLength)
	var alts []string
	if len(words) > 0 {
		alts = append(alts, `(?i:`+strings.Join(words, "|")+`)`)
	}
	if len(abbrs) > 0 {
		alts = append(alts, strings.Join(abbrs, "|"))
	}
	return regexp.MustCompile(`\b(?:` + strings.Join(alts, "|") + `)s?\b(?:\s*\([^)]*\))?`)
}

// blankName splits text into pieces with every naming of the role replaced
// by a blank.
func blankName(p data.Partner, text string) []Piece {
	var out []Piece
	last := 0
	for _, m := range namePattern(p).FindAllStringIndex(text, -1) {
		if m[0] > last {
			out = append(out, Piece{Text: text[last:m[0]]})
		}
		out = append(out, Piece{Blank: true})
		last = m[1]
	}
	if last < len(text) {
		out = append(out, Piece{Text: text[last:]})
	}
	return out
}

// cardSetsOutline lists each set's heading, for the on-page contents and
// search. The cards' text is left out: it is the partner roles' and
// barriers' own, which search lists as records where the roles and
// barriers are, and a sheet of every card would match nearly any query.
func cardSetsOutline(sets []CardSet) []markdown.Section {
	var out []markdown.Section
	for _, s := range sets {
		out = append(out, markdown.Section{Heading: site.Heading{Level: 2, ID: s.ID, Text: s.Title}})
	}
	return out
}

// PosterTitle is the ladder poster's heading.
const PosterTitle = "The partnership ladder"

// posterID is the id of the poster's heading.
const posterID = "ladder-poster"

func ladderPosterOutline(d *data.Data, _ markdown.Options) []markdown.Section {
	var b strings.Builder
	for i := len(d.Ladder.Rungs) - 1; i >= 0; i-- {
		r := d.Ladder.Rungs[i]
		fmt.Fprintf(&b, "%s %s ", r.Name, r.Gloss)
	}
	return []markdown.Section{{Heading: site.Heading{Level: 2, ID: posterID, Text: PosterTitle}, Text: strings.TrimSpace(b.String())}}
}

// meetingPrepHeadings are the headings of the network meeting preparation
// sheet, in order; templates/components/meeting-prep.html writes the same
// ids and text (a unit test checks they agree).
var meetingPrepHeadings = []site.Heading{
	{Level: 2, ID: "meeting-prep", Text: "Preparing for a network meeting"},
	{Level: 3, ID: "meeting-prep-about", Text: "About the meeting"},
	{Level: 3, ID: "meeting-prep-views", Text: "The person's views and consent"},
	{Level: 3, ID: "meeting-prep-invited", Text: "Who is invited and why"},
	{Level: 3, ID: "meeting-prep-bring", Text: "What I will bring"},
	{Level: 3, ID: "meeting-prep-questions", Text: "Questions I want to ask"},
	{Level: 3, ID: "meeting-prep-actions", Text: "Actions agreed"},
}

func meetingPrepOutline(*data.Data, markdown.Options) []markdown.Section {
	out := make([]markdown.Section, len(meetingPrepHeadings))
	for i, h := range meetingPrepHeadings {
		out[i] = markdown.Section{Heading: h}
	}
	return out
}

// ladderPosterSpec describes the ladder-poster component.
func ladderPosterSpec() spec {
	return spec{
		needs:   "ladder.yaml",
		present: func(d *data.Data) bool { return len(d.Ladder.Rungs) > 0 },
		outline: ladderPosterOutline,
	}
}

// barrierCardsSpec describes the barrier-cards component.
func barrierCardsSpec() spec {
	return spec{
		needs:   "barriers.yaml",
		present: func(d *data.Data) bool { return len(d.Barriers.Barriers) > 0 },
		outline: func(d *data.Data, _ markdown.Options) []markdown.Section { return cardSetsOutline(barrierCardSets(d)) },
	}
}

// partnerCardsSpec describes the partner-cards component.
func partnerCardsSpec() spec {
	return spec{
		needs:   "partners.yaml",
		present: func(d *data.Data) bool { return len(d.Partners.Partners) > 0 },
		outline: func(d *data.Data, _ markdown.Options) []markdown.Section { return cardSetsOutline(partnerCardSets(d)) },
	}
}

// meetingPrepSpec describes the meeting-prep component.
func meetingPrepSpec() spec {
	return spec{
		needs:   "",
		present: func(*data.Data) bool { return true },
		outline: meetingPrepOutline,
	}
}

// Rows returns n items, for templates that draw n empty table rows for
// writing in by hand.
func (View) Rows(n int) []int { return make([]int, n) }
