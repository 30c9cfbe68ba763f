package data

import (
	"fmt"
	"regexp"
	"strings"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/strictyaml"
)

// Consent is data/consent.yaml: the questions, answers and outcomes of the
// "Can I share this information?" decision aid. The first step is where the
// aid starts; each answer leads to a later step or to an outcome.
//
// The tree is checked when it loads (see checker.consent) so that a reader
// can never reach a dead end, go round in a circle or miss a step.
type Consent struct {
	Steps    []ConsentStep    `yaml:"steps" schema:"required"`
	Outcomes []ConsentOutcome `yaml:"outcomes" schema:"required"`
	// Card is the one-page "Can I share?" quick card, or nil.
	Card *ConsentCard `yaml:"card"`

	Pos strictyaml.Positions `yaml:"-"`
}

// ConsentStep is one question of the decision aid.
type ConsentStep struct {
	ID       string          `yaml:"id" schema:"required"`
	Question string          `yaml:"question" schema:"required"`
	Hint     string          `yaml:"hint"`
	Options  []ConsentOption `yaml:"options" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// ConsentOption is one answer to a step. It names exactly one of Next (the
// id of the step to go to) and Outcome (the id of the outcome it ends in).
type ConsentOption struct {
	Answer  string `yaml:"answer" schema:"required"`
	Hint    string `yaml:"hint"`
	Next    string `yaml:"next"`
	Outcome string `yaml:"outcome"`

	Pos strictyaml.Positions `yaml:"-"`
}

// ConsentOutcome is where a path through the aid ends: what to do, and
// where to read more. Every outcome is followed on the page by the same
// two reminders (record the decision; ask if unsure), so they are not
// repeated in the data.
type ConsentOutcome struct {
	ID    string        `yaml:"id" schema:"required"`
	Title string        `yaml:"title" schema:"required"`
	Text  string        `yaml:"text" schema:"required"`
	Links []ConsentLink `yaml:"links"`
	// Now marks an outcome where waiting is dangerous, such as calling
	// 999: the page shows it as a warning to act now, and its words must
	// say "now", never "today".
	Now bool `yaml:"now"`

	Pos strictyaml.Positions `yaml:"-"`
}

// ConsentLink is a link to a page of the site, written as its source path
// below content/ with an optional #anchor.
type ConsentLink struct {
	Text string `yaml:"text" schema:"required"`
	Page string `yaml:"page" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// ConsentCard is the "Can I share?" quick card: short points under
// headings, printed on one side of A4 for a staff room or a lanyard.
type ConsentCard struct {
	Title    string        `yaml:"title" schema:"required"`
	Intro    string        `yaml:"intro"`
	Sections []CardSection `yaml:"sections" schema:"required"`
	Footer   string        `yaml:"footer"`

	Pos strictyaml.Positions `yaml:"-"`
}

// CardSection is one box of the quick card. A Now section is printed as a
// warning, first thing the eye lands on.
type CardSection struct {
	Heading string   `yaml:"heading" schema:"required"`
	Now     bool     `yaml:"now"`
	Points  []string `yaml:"points" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// The quick card is one side of A4, so its text is held to what fits; the
// browser tests print the bundled card and count its pages.
const (
	CardMaxSections  = 8
	CardMaxPoints    = 6
	CardMaxPointText = 120
	CardMaxChars     = 2400
)

// StepNumber returns the 1-based number of the step with id, as the printed
// tree shows it ("go to step 3"), or 0 when there is none.
func (c Consent) StepNumber(id string) int {
	for i, s := range c.Steps {
		if s.ID == id {
			return i + 1
		}
	}
	return 0
}

// Outcome returns the outcome with id, or nil.
func (c Consent) Outcome(id string) *ConsentOutcome {
	for i := range c.Outcomes {
		if c.Outcomes[i].ID == id {
			return &c.Outcomes[i]
		}
	}
	return nil
}

// consentPagePattern is the form of a link's page: a source path of a
// Markdown page below content/, with an optional anchor.
var consentPagePattern = regexp.MustCompile(`^[a-z0-9_-]+(/[a-z0-9_-]+)*\.md(#[a-z0-9]+(-[a-z0-9]+)*)?$`)

// consent checks the decision tree: ids, answers that lead somewhere real,
// no loops, and no step or outcome that cannot be reached.
func (c *checker) consent(k Consent, present bool) {
	if !present {
		return
	}
	if len(k.Steps) == 0 {
		c.errs.Add(k.Pos.Of("steps"), "the decision aid needs at least one step; the first step is where it starts")
		return
	}
	steps := map[string]diag.Pos{}
	for _, s := range k.Steps {
		c.id(steps, s.ID, s.Pos, "step")
	}
	outcomes := map[string]diag.Pos{}
	for _, o := range k.Outcomes {
		c.id(outcomes, o.ID, o.Pos, "outcome")
		if o.Now {
			for _, f := range []struct{ key, text string }{{"title", o.Title}, {"text", o.Text}} {
				if today.MatchString(f.text) {
					c.errs.Add(o.Pos.Of(f.key), "outcome %q is marked now, but its %s says \"today\"; where waiting is dangerous, say \"now\"", o.ID, f.key)
				}
			}
		}
		for _, l := range o.Links {
			if !consentPagePattern.MatchString(l.Page) {
				c.errs.Add(l.Pos.Of("page"), "link page %q should be the path of a page below content/, like \"guidance/consent-and-information-sharing.md#start-with-consent\"", l.Page)
			}
		}
	}
	if k.Card != nil {
		c.consentCard(*k.Card)
	}
	stepIDs, outcomeIDs := keys(steps), keys(outcomes)
	for _, s := range k.Steps {
		c.consentOptions(s, steps, outcomes, stepIDs, outcomeIDs)
	}
	if len(c.errs) > 0 {
		return // the walk below needs every reference to resolve
	}
	c.consentWalk(k)
}

// today finds "today" in an outcome marked now.
var today = regexp.MustCompile(`(?i)\btoday\b`)

// consentCard checks that the quick card fits on its page.
func (c *checker) consentCard(card ConsentCard) {
	if len(card.Sections) > CardMaxSections {
		c.errs.Add(card.Sections[CardMaxSections].Pos.Of("heading"), "the card has %d sections, but one page has room for %d; merge some", len(card.Sections), CardMaxSections)
	}
	chars := len([]rune(card.Title + card.Intro + card.Footer))
	for _, s := range card.Sections {
		if len(s.Points) > CardMaxPoints {
			c.errs.Add(s.Pos.Of("points"), "section %q has %d points; keep it to %d so the card fits on one page", s.Heading, len(s.Points), CardMaxPoints)
		}
		chars += len([]rune(s.Heading))
		for i, p := range s.Points {
			n := len([]rune(p))
			if n > CardMaxPointText {
				c.errs.Add(s.Pos.Of("points"), "point %d of section %q is %d characters; keep each point to %d", i+1, s.Heading, n, CardMaxPointText)
			}
			chars += n
		}
		if chars > CardMaxChars {
			c.errs.Add(s.Pos.Of("heading"), "the card's text reaches %d characters by section %q, but one page has room for about %d; shorten the points", chars, s.Heading, CardMaxChars)
			return
		}
	}
}

// consentOptions checks one step's answers.
func (c *checker) consentOptions(s ConsentStep, steps, outcomes map[string]diag.Pos, stepIDs, outcomeIDs []string) {
	if len(s.Options) < 2 {
		c.errs.Add(s.Pos.Of("options"), "step %q needs at least two options (answers); found %d", s.ID, len(s.Options))
	}
	answers := map[string]int{}
	for _, o := range s.Options {
		if first, dup := answers[o.Answer]; dup {
			c.errs.Add(o.Pos.Of("answer"), "step %q already has the answer %q at line %d; each answer must be different", s.ID, o.Answer, first)
		} else {
			answers[o.Answer] = o.Pos.Of("answer").Line
		}
		switch {
		case o.Next == "" && o.Outcome == "":
			c.errs.Add(o.Pos.Of(""), "answer %q leads nowhere; add \"next\" (a step id) or \"outcome\" (an outcome id)", o.Answer)
		case o.Next != "" && o.Outcome != "":
			c.errs.Add(o.Pos.Of("outcome"), "answer %q has both \"next\" and \"outcome\"; keep one", o.Answer)
		case o.Next != "":
			if _, ok := steps[o.Next]; !ok {
				c.errs.Add(o.Pos.Of("next"), "unknown step %q%s; use one of %s", o.Next, diag.Hint(o.Next, stepIDs), strings.Join(stepIDs, ", "))
			}
		default:
			if _, ok := outcomes[o.Outcome]; !ok {
				c.errs.Add(o.Pos.Of("outcome"), "unknown outcome %q%s; use one of %s", o.Outcome, diag.Hint(o.Outcome, outcomeIDs), strings.Join(outcomeIDs, ", "))
			}
		}
	}
}

// consentWalk follows every path from the first step, reporting an answer
// that leads back to a step already on the path (a loop), then every step
// and outcome no path reaches.
func (c *checker) consentWalk(k Consent) {
	index := map[string]int{}
	for i, s := range k.Steps {
		index[s.ID] = i
	}
	const (
		unseen = iota
		onPath
		done
	)
	state := make([]int, len(k.Steps))
	reached := map[string]bool{}
	var path []string
	var visit func(i int)
	visit = func(i int) {
		state[i] = onPath
		path = append(path, k.Steps[i].ID)
		for _, o := range k.Steps[i].Options {
			if o.Outcome != "" {
				reached[o.Outcome] = true
				continue
			}
			j := index[o.Next]
			switch state[j] {
			case onPath:
				at := len(path) - 1
				for path[at] != o.Next {
					at--
				}
				loop := strings.Join(append(append([]string(nil), path[at:]...), o.Next), " → ")
				c.errs.Add(o.Pos.Of("next"), "answer %q goes back to step %q, which makes a loop (%s); point it at a later step or an outcome", o.Answer, o.Next, loop)
			case unseen:
				visit(j)
			}
		}
		path = path[:len(path)-1]
		state[i] = done
	}
	visit(0)
	for i, s := range k.Steps {
		if state[i] == unseen {
			c.errs.Add(s.Pos.Of("id"), "step %q cannot be reached from the first step %q; point an answer at it or remove it", s.ID, k.Steps[0].ID)
		}
	}
	for _, o := range k.Outcomes {
		if !reached[o.ID] {
			c.errs.Add(o.Pos.Of("id"), "outcome %q is never reached; point an answer at it or remove it", o.ID)
		}
	}
}

// String summarises the tree for debugging output.
func (c Consent) String() string {
	return fmt.Sprintf("%d steps, %d outcomes", len(c.Steps), len(c.Outcomes))
}
