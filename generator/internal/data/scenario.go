package data

import (
	"fmt"
	"slices"
	"strings"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/strictyaml"
)

// ScenarioDir is the data folder of branching scenarios: one file per
// scenario, data/scenarios/NAME.yaml, whose NAME is the scenario's id.
const ScenarioDir = "scenarios"

// Scenario is a branching scenario: a case that unfolds as the reader
// chooses what to do. The first step is where it starts; each choice leads
// to another step, and every path ends in an ending with a debrief.
//
// The steps are checked when they load (see checker.scenario) so that a
// reader can never reach a step with nowhere to go, be caught in a loop
// with no way out, or miss a step.
type Scenario struct {
	// ID is the file's name without .yaml; pages place the scenario by it.
	ID      string         `yaml:"-"`
	Title   string         `yaml:"title" schema:"required"`
	Summary string         `yaml:"summary" schema:"required"`
	Steps   []ScenarioStep `yaml:"steps" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
	// clean is set when the file decoded without problems: only then is
	// its graph walked, as a step with a problem would look like a dead
	// end.
	clean bool
}

// ScenarioStep is one step of a scenario: what happens, what the other
// people involved say, and the reader's choices; or, for an ending, its
// debrief instead of choices.
type ScenarioStep struct {
	ID    string `yaml:"id" schema:"required"`
	Title string `yaml:"title" schema:"required"`
	// Text is what happens, in paragraphs separated by blank lines.
	Text    string   `yaml:"text" schema:"required"`
	Others  []Voice  `yaml:"others"`
	Choices []Choice `yaml:"choices"`
	Ending  *Ending  `yaml:"ending"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Voice is what one other person in the case says at a step. Role is the
// id of their partner role in partners.yaml; Who says who they are, for
// someone who holds no partner role (the person, their family) or to name
// them more closely. A voice has one or both.
type Voice struct {
	Role string `yaml:"role"`
	Who  string `yaml:"who"`
	Says string `yaml:"says" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Choice is one thing the reader can do at a step, and the step it leads
// to.
type Choice struct {
	Text string `yaml:"text" schema:"required"`
	Next string `yaml:"next" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Ending closes a path: how it went (Result, one of EndingResults), what
// to take from it, and where to read more.
type Ending struct {
	Result  string     `yaml:"result" schema:"required"`
	Debrief string     `yaml:"debrief" schema:"required"`
	Links   []PageLink `yaml:"links" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// EndingResults are the values an ending's result may take, with the
// words a reader sees for each.
var EndingResults = map[string]string{
	"good":  "Good practice",
	"mixed": "Partly right",
	"poor":  "Things went wrong",
}

// ResultLabel is the words a reader sees for the ending's result.
func (e Ending) ResultLabel() string { return EndingResults[e.Result] }

// Step returns the step with id, or nil.
func (s *Scenario) Step(id string) *ScenarioStep {
	for i := range s.Steps {
		if s.Steps[i].ID == id {
			return &s.Steps[i]
		}
	}
	return nil
}

// StepNumber returns the 1-based number of the step with id, as the
// printed scenario shows it ("go to step 3"), or 0 when there is none.
func (s *Scenario) StepNumber(id string) int {
	for i, st := range s.Steps {
		if st.ID == id {
			return i + 1
		}
	}
	return 0
}

// Scenario returns the scenario with id, or nil.
func (d *Data) Scenario(id string) *Scenario {
	for i := range d.Scenarios {
		if d.Scenarios[i].ID == id {
			return &d.Scenarios[i]
		}
	}
	return nil
}

// ScenarioIDs lists the scenarios' ids, sorted.
func (d *Data) ScenarioIDs() []string {
	var ids []string
	for _, s := range d.Scenarios {
		ids = append(ids, s.ID)
	}
	return ids
}

// scenario checks one scenario: its steps' ids, that each step has
// choices or is an ending, that each choice leads to a step, and then the
// graph: every step reachable from the first, and an ending reachable from
// every step.
func (c *checker) scenario(s Scenario, partners map[string]diag.Pos) {
	before := len(c.errs)
	if s.Pos.Has("steps") && len(s.Steps) == 0 {
		c.errs.Add(s.Pos.Of("steps"), "the scenario needs at least one step; the first step is where it starts")
		return
	}
	ids := map[string]diag.Pos{}
	for _, st := range s.Steps {
		c.id(ids, st.ID, st.Pos, "step")
	}
	stepIDs := keys(ids)
	partnerIDs := keys(partners)
	for _, st := range s.Steps {
		c.scenarioStep(st, ids, stepIDs, s.clean)
		for _, v := range st.Others {
			if v.Role == "" && v.Who == "" && !v.Pos.Has("role") && !v.Pos.Has("who") && s.clean {
				c.errs.Add(v.Pos.Of(""), "say who is speaking: give \"role\" (a partner id from partners.yaml), \"who\" (such as \"Her daughter\"), or both")
			}
			if _, ok := partners[v.Role]; v.Role != "" && !ok && c.files.known("partners.yaml") {
				c.errs.Add(v.Pos.Of("role"), "unknown partner role %q%s; use a partner id from partners.yaml, or leave role out", v.Role, diag.Hint(v.Role, partnerIDs))
			}
		}
	}
	if !s.clean || len(c.errs) > before {
		return // the walk needs every step whole and every choice to resolve
	}
	c.scenarioWalk(s)
}

// scenarioStep checks one step's choices, or its ending. Whether a step
// without choices is an ending is asked only of a file without problems:
// choices with a problem of their own (already reported) are left out.
func (c *checker) scenarioStep(st ScenarioStep, ids map[string]diag.Pos, stepIDs []string, clean bool) {
	switch {
	case st.Ending != nil && len(st.Choices) > 0:
		c.errs.Add(st.Pos.Of("ending"), "step %q has both choices and an ending; an ending is where a path stops, so remove one of them", st.ID)
	case !clean:
	case st.Ending == nil && len(st.Choices) == 0 && !st.Pos.Has("choices"):
		c.errs.Add(st.Pos.Of("id"), "step %q has no choices and is not an ending; add \"choices\" (what the reader can do next) or an \"ending\" (its debrief)", st.ID)
	case st.Ending == nil && len(st.Choices) == 0:
		c.errs.Add(st.Pos.Of("choices"), "step %q has no choices and is not an ending; add at least one choice, or make it an \"ending\"", st.ID)
	}
	if e := st.Ending; e != nil {
		if _, ok := EndingResults[e.Result]; !ok && e.Pos.Has("result") {
			c.errs.Add(e.Pos.Of("result"), "ending result %q should be one of good, mixed, poor%s", e.Result, diag.Hint(e.Result, []string{"good", "mixed", "poor"}))
		}
		if e.Pos.Has("links") && len(e.Links) == 0 {
			c.errs.Add(e.Pos.Of("links"), "the ending of step %q needs at least one link to the guidance, for the reader to read more", st.ID)
		}
		c.pageLinks(e.Links)
	}
	texts := map[string]int{}
	for _, ch := range st.Choices {
		if first, dup := texts[ch.Text]; dup && ch.Pos.Has("text") {
			c.errs.Add(ch.Pos.Of("text"), "step %q already has the choice %q at line %d; each choice must be different", st.ID, ch.Text, first)
		} else {
			texts[ch.Text] = ch.Pos.Of("text").Line
		}
		switch _, ok := ids[ch.Next]; {
		case !ch.Pos.Has("next"):
		case ch.Next == st.ID:
			c.errs.Add(ch.Pos.Of("next"), "choice %q leads back to its own step %q; point it at another step", ch.Text, st.ID)
		case !ok:
			c.errs.Add(ch.Pos.Of("next"), "unknown step %q%s; use one of %s", ch.Next, diag.Hint(ch.Next, stepIDs), strings.Join(stepIDs, ", "))
		}
	}
}

// scenarioWalk reports every step no path from the first step reaches,
// then every loop that reachable steps can enter but never leave: a loop
// is fine (a reader may go back to an earlier step) as long as some choice
// on it leads towards an ending.
func (c *checker) scenarioWalk(s Scenario) {
	index := map[string]int{}
	for i, st := range s.Steps {
		index[st.ID] = i
	}
	reached := make([]bool, len(s.Steps))
	queue := []int{0}
	reached[0] = true
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		for _, ch := range s.Steps[i].Choices {
			if j := index[ch.Next]; !reached[j] {
				reached[j] = true
				queue = append(queue, j)
			}
		}
	}
	for i, st := range s.Steps {
		if !reached[i] {
			c.errs.Add(st.Pos.Of("id"), "step %q cannot be reached from the first step %q; point a choice at it or remove it", st.ID, s.Steps[0].ID)
		}
	}
	ends := canEnd(s, index)
	reported := map[string]bool{}
	for i := range s.Steps {
		if !reached[i] || ends[i] {
			continue
		}
		loop := trappedLoop(s, index, i)
		key := slices.Clone(loop[:len(loop)-1])
		slices.Sort(key)
		if reported[strings.Join(key, " ")] {
			continue
		}
		reported[strings.Join(key, " ")] = true
		first := s.Step(loop[0])
		for _, id := range loop {
			if index[id] < index[first.ID] {
				first = s.Step(id)
			}
		}
		c.errs.Add(first.Pos.Of("id"), "steps %s make a loop with no way out: no choice on it leads to an ending; point one of their choices at a step that does", strings.Join(loop, " → "))
	}
}

// canEnd reports, for each step, whether some path from it reaches an
// ending: endings themselves, then every step with a choice that leads to
// one already known, until nothing changes.
func canEnd(s Scenario, index map[string]int) []bool {
	ends := make([]bool, len(s.Steps))
	for i, st := range s.Steps {
		ends[i] = st.Ending != nil
	}
	for changed := true; changed; {
		changed = false
		for i, st := range s.Steps {
			if ends[i] {
				continue
			}
			for _, ch := range st.Choices {
				if ends[index[ch.Next]] {
					ends[i], changed = true, true
					break
				}
			}
		}
	}
	return ends
}

// trappedLoop follows first choices from step i, which cannot reach an
// ending, until a step repeats, and returns the loop it found, with its
// first step again at the end ("a → b → a"). Every step it meets is
// trapped too, and has a choice (a step with none is an error, and the
// walk does not run), so it always finds one.
func trappedLoop(s Scenario, index map[string]int, i int) []string {
	seen := map[int]int{}
	var path []string
	for {
		if at, ok := seen[i]; ok {
			return append(path[at:], s.Steps[i].ID)
		}
		seen[i] = len(path)
		path = append(path, s.Steps[i].ID)
		i = index[s.Steps[i].Choices[0].Next]
	}
}

// String summarises the scenario for debugging output.
func (s Scenario) String() string {
	endings := 0
	for _, st := range s.Steps {
		if st.Ending != nil {
			endings++
		}
	}
	return fmt.Sprintf("%s: %d steps, %d endings", s.ID, len(s.Steps), endings)
}
