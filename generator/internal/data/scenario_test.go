package data

import (
	"errors"
	"strings"
	"testing"

	"joinedup/generator/internal/diag"

	"github.com/google/go-cmp/cmp"
)

// scenarioYAML is a small valid scenario: a start, a middle step that may
// go back to the start (a loop with a way out), and two endings.
const scenarioYAML = `title: A call from the ward
summary: The ward wants to send Mr Lee home today.
steps:
  - id: call
    title: The call
    text: |
      The ward rings.

      They want him home today.
    others:
      - who: Ward nurse
        role: nurse
        says: The bed is needed.
    choices:
      - text: Agree at once
        next: rushed
      - text: Ask what has changed
        next: ask
  - id: ask
    title: You ask
    text: His mobility has changed.
    choices:
      - text: Think again
        next: call
      - text: Arrange a meeting
        next: planned
  - id: rushed
    title: A rushed discharge
    text: He falls on the first night.
    ending:
      result: poor
      debrief: Ask what has changed before you agree.
      links:
        - text: Recording advice
          page: guidance/recording-advice.md#record-all-advice-and-instructions
  - id: planned
    title: A planned discharge
    text: He goes home safely two days later.
    ending:
      result: good
      debrief: The meeting worked.
      links:
        - text: Network meetings
          page: guidance/network-meetings.md
`

const partnersYAML = "sectors:\n  - id: health\n    name: Health\npartners:\n  - id: nurse\n    name: Nurse\n    sector: health\n    what: w\n    when: w\n"

func loadScenario(t *testing.T, src string) (*Data, []string) {
	t.Helper()
	d, err := Load(map[string][]byte{
		"data/partners.yaml":              []byte(partnersYAML),
		"data/scenarios/on-the-ward.yaml": []byte(src),
	}, display)
	var got []string
	if err != nil {
		var list diag.List
		if !errors.As(err, &list) {
			t.Fatalf("Load error = %v; want a diag.List", err)
		}
		for _, e := range list {
			got = append(got, e.Error())
		}
	}
	return d, got
}

func TestScenarioValid(t *testing.T) {
	d, errs := loadScenario(t, scenarioYAML)
	if errs != nil {
		t.Fatalf("Load: %v", errs)
	}
	s := d.Scenario("on-the-ward")
	if s == nil {
		t.Fatalf("Scenario(on-the-ward) = nil; have %v", d.ScenarioIDs())
	}
	if got, want := s.String(), "on-the-ward: 4 steps, 2 endings"; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
	if got := s.StepNumber("rushed"); got != 3 {
		t.Errorf("StepNumber(rushed) = %d; want 3", got)
	}
	if got := s.Step("planned").Ending.ResultLabel(); got != "Good practice" {
		t.Errorf("ResultLabel of a good ending = %q", got)
	}
	if got := s.Steps[0].Text; got != "The ward rings.\n\nThey want him home today.\n" {
		t.Errorf("the first step's text = %q", got)
	}
}

// TestScenarioErrors makes one mistake of each kind in the valid scenario
// and checks each is reported where it is, with what to do.
func TestScenarioErrors(t *testing.T) {
	const file = "content/data/scenarios/on-the-ward.yaml"
	tests := []struct {
		name      string
		old, repl string
		want      []string
	}{
		{"unknown step id", "next: planned", "next: planed", []string{
			file + `:26:15: unknown step "planed" (did you mean "planned"?); use one of ask, call, planned, rushed`,
		}},
		{"unreachable step", "next: planned", "next: rushed", []string{
			file + `:36:9: step "planned" cannot be reached from the first step "call"; point a choice at it or remove it`,
		}},
		{"step with no choices that is not an ending", "    choices:\n      - text: Think again\n        next: call\n      - text: Arrange a meeting\n        next: planned\n", "", []string{
			file + `:19:9: step "ask" has no choices and is not an ending; add "choices" (what the reader can do next) or an "ending" (its debrief)`,
		}},
		{"empty choices", "    choices:\n      - text: Think again\n        next: call\n      - text: Arrange a meeting\n        next: planned\n", "    choices: []\n", []string{
			file + `:22:14: step "ask" has no choices and is not an ending; add at least one choice, or make it an "ending"`,
		}},
		{"choices and an ending", "    text: His mobility has changed.\n", "    text: His mobility has changed.\n    ending:\n      result: mixed\n      debrief: d\n      links:\n        - text: t\n          page: guidance/x.md\n", []string{
			file + `:23:7: step "ask" has both choices and an ending; an ending is where a path stops, so remove one of them`,
		}},
		{"choice back to its own step", "        next: call\n", "        next: ask\n", []string{
			file + `:24:15: choice "Think again" leads back to its own step "ask"; point it at another step`,
		}},
		{"duplicate choice", "- text: Arrange a meeting", "- text: Think again", []string{
			file + `:25:15: step "ask" already has the choice "Think again" at line 23; each choice must be different`,
		}},
		{"duplicate and malformed step ids", "id: rushed", "id: Rushed_Home", []string{
			file + `:16:15: unknown step "rushed"; use one of ask, call, planned`,
			file + `:27:9: step id "Rushed_Home" should use only lowercase letters, digits and single hyphens, like "rushed-home"`,
		}},
		{"unknown ending result", "result: poor", "result: por", []string{
			file + `:31:15: ending result "por" should be one of good, mixed, poor (did you mean "poor"?)`,
		}},
		{"ending without links", "      links:\n        - text: Recording advice\n          page: guidance/recording-advice.md#record-all-advice-and-instructions\n", "      links: []\n", []string{
			file + `:33:14: the ending of step "rushed" needs at least one link to the guidance, for the reader to read more`,
		}},
		{"bad link page", "page: guidance/network-meetings.md", "page: ../guidance/network-meetings.html", []string{
			file + `:44:17: link page "../guidance/network-meetings.html" should be the path of a page below content/, with an optional #anchor, like "guidance/consent-and-information-sharing.md#asking-the-person"`,
		}},
		{"unknown partner role", "role: nurse", "role: nures", []string{
			file + `:12:15: unknown partner role "nures" (did you mean "nurse"?); use a partner id from partners.yaml, or leave role out`,
		}},
		{"voice with neither role nor who", "      - who: Ward nurse\n        role: nurse\n        says:", "      - says:", []string{
			file + `:11:9: say who is speaking: give "role" (a partner id from partners.yaml), "who" (such as "Her daughter"), or both`,
		}},
		{"unknown field", "    text: He falls on the first night.\n", "    text: He falls on the first night.\n    colour: red\n", []string{
			file + `:30:5: unknown field "colour" in "steps[3]" (known fields: choices, ending, id, others, text, title)`,
		}},
		{"missing debrief", "      debrief: The meeting worked.\n", "", []string{
			file + `:40:7: missing required field "debrief" in "steps[4].ending"`,
		}},
		{"no steps", scenarioYAML[strings.Index(scenarioYAML, "steps:"):], "steps: []\n", []string{
			file + `:3:8: the scenario needs at least one step; the first step is where it starts`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(scenarioYAML, tt.old, tt.repl, 1)
			if src == scenarioYAML {
				t.Fatalf("the edit %q did not apply", tt.old)
			}
			_, got := loadScenario(t, src)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestScenarioLoops checks the loop rules on graphs made for them: a loop
// with a way out is fine; a loop reachable but never left is reported
// once, at its first step, however many steps lead into it.
func TestScenarioLoops(t *testing.T) {
	step := func(id string, next ...string) string {
		s := "  - id: " + id + "\n    title: T\n    text: t\n"
		if len(next) == 0 {
			return s + "    ending:\n      result: good\n      debrief: d\n      links:\n        - text: t\n          page: a.md\n"
		}
		s += "    choices:\n"
		for _, n := range next {
			s += "      - text: to " + n + "\n        next: " + n + "\n"
		}
		return s
	}
	tests := []struct {
		name  string
		steps []string
		want  []string
	}{
		{"loop with a way out", []string{step("a", "b"), step("b", "a", "end"), step("end")}, nil},
		{"two steps into one trap", []string{step("a", "b", "c", "end"), step("b", "c"), step("c", "d"), step("d", "c"), step("end")}, []string{
			`content/data/scenarios/s.yaml:20:9: steps c → d → c make a loop with no way out: no choice on it leads to an ending; point one of their choices at a step that does`,
		}},
		{"two traps", []string{step("a", "b", "d", "end"), step("b", "c"), step("c", "b"), step("d", "e"), step("e", "d"), step("end")}, []string{
			`content/data/scenarios/s.yaml:14:9: steps b → c → b make a loop with no way out: no choice on it leads to an ending; point one of their choices at a step that does`,
			`content/data/scenarios/s.yaml:26:9: steps d → e → d make a loop with no way out: no choice on it leads to an ending; point one of their choices at a step that does`,
		}},
		{"no ending at all", []string{step("a", "b"), step("b", "a")}, []string{
			`content/data/scenarios/s.yaml:4:9: steps a → b → a make a loop with no way out: no choice on it leads to an ending; point one of their choices at a step that does`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "title: T\nsummary: s\nsteps:\n" + strings.Join(tt.steps, "")
			_, err := Load(map[string][]byte{"data/scenarios/s.yaml": []byte(src)}, display)
			var got []string
			var list diag.List
			if errors.As(err, &list) {
				for _, e := range list {
					got = append(got, e.Error())
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestItemFiles checks the names and places of the files in the folders
// of one file per item.
func TestItemFiles(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		want  []string
	}{
		{"unknown folder", []string{"data/scenario/a.yaml"}, []string{
			`content/data/scenario/a.yaml: unknown data folder "scenario" (did you mean "scenarios"?); data files are in data/ itself, or one file per item in data/scenarios/ or data/checks/`,
		}},
		{"folder inside a folder", []string{"data/checks/old/a.yaml"}, []string{
			`content/data/checks/old/a.yaml: data/checks/ holds one file per item, with no folders inside it; move this file up to data/checks/`,
		}},
		{"name that is not an id", []string{"data/scenarios/Leaving Hospital.yaml"}, []string{
			`content/data/scenarios/Leaving Hospital.yaml: the file's name is the id that pages place it by, so it should use only lowercase letters, digits and single hyphens, like "leaving-hospital.yaml"`,
		}},
		{".yml beside .yaml", []string{"data/checks/roles.yaml", "data/checks/roles.yml"}, []string{
			`content/data/checks/roles.yml: both data/checks/roles.yaml and data/checks/roles.yml exist, and only data/checks/roles.yaml is read; keep one of them`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{}
			for _, f := range tt.files {
				files[f] = []byte(checkYAML)
			}
			_, err := Load(files, display)
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("Load error = %v; want a diag.List", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}
