package data

import (
	"regexp"
	"strings"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/strictyaml"
)

// BestBets is data/best-bets.yaml: the pages and entries that search
// shows first, above the results, when a query holds every word of one of
// their phrases, as GOV.UK's search does for what people most often need.
// The bundled site uses it to put "Who to call" first for urgent words
// ("worried about a child", "in danger", "suicide").
//
// Here each bet's form is checked; the build checks, once every page is
// converted, that its page and anchor exist and that each phrase has a
// word search does not leave out.
type BestBets struct {
	Bets []BestBet `yaml:"bets" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// BestBet is one page or entry and the phrases that bring it first.
type BestBet struct {
	// Page is the source path of a page below content/, with an optional
	// #anchor of a heading or entry on it.
	Page    string   `yaml:"page" schema:"required"`
	Phrases []string `yaml:"phrases" schema:"required"`
	// Title and Text replace the page's (or the entry's) title and the
	// page's description when given.
	Title string `yaml:"title"`
	Text  string `yaml:"text"`

	Pos strictyaml.Positions `yaml:"-"`
}

// bestBetPagePattern is the form of a bet's page: a source path of a
// Markdown page below content/, with an optional anchor of any alphabet.
var bestBetPagePattern = regexp.MustCompile(`^[^#/][^#]*\.md(#[^#\s]+)?$`)

// bestBets checks each bet's page's form and that no phrase is empty or
// brings two bets (or one twice).
func (c *checker) bestBets(b BestBets) {
	seen := map[string]diag.Pos{}
	for _, bet := range b.Bets {
		if bet.Pos.Has("page") && !bestBetPagePattern.MatchString(bet.Page) {
			c.errs.Add(bet.Pos.Of("page"), "page %q should be the path of a page below content/, like \"guidance/who-to-call.md\" or \"guidance/who-to-call.md#the-numbers\"", bet.Page)
		}
		if bet.Pos.Has("phrases") && len(bet.Phrases) == 0 {
			c.errs.Add(bet.Pos.Of("phrases"), "a best bet needs at least one phrase: the words that bring it first, like [worried about a child, in danger]")
		}
		for _, p := range bet.Phrases {
			key := strings.Join(strings.Fields(strings.ToLower(p)), " ")
			switch first, dup := seen[key]; {
			case key == "":
				c.errs.Add(bet.Pos.Of("phrases"), "a phrase is empty; write the words that should bring this page first, or remove it")
			case dup:
				c.errs.Add(bet.Pos.Of("phrases"), "the phrase %q is already listed at line %d; a phrase can bring only one best bet", p, first.Line)
			default:
				seen[key] = bet.Pos.Of("phrases")
			}
		}
	}
}
