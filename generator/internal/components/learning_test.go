package components

import (
	"fmt"
	"testing"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/strictyaml"

	"github.com/google/go-cmp/cmp"
)

// learningData is one scenario and one knowledge check, each with a link
// whose place in its file is known.
func learningData() *data.Data {
	link := func(page string, line int) data.PageLink {
		return data.PageLink{Text: "t", Page: page, Pos: strictyaml.Positions{"page": diag.Pos{File: "f.yaml", Line: line, Col: 15}}}
	}
	return &data.Data{
		Partners: data.Partners{Partners: []data.Partner{{ID: "district-nurse", Name: "District nurse"}}},
		Scenarios: []data.Scenario{{ID: "on-the-ward", Title: "On the ward", Steps: []data.ScenarioStep{
			{ID: "start", Title: "Start", Choices: []data.Choice{{Text: "Go", Next: "end"}}},
			{ID: "end", Title: "End", Ending: &data.Ending{Result: "good", Links: []data.PageLink{link("guidance/a.md#b", 12), link("guidance/c.md", 14)}}},
		}}},
		Checks: []data.KnowledgeCheck{{ID: "roles", Title: "Roles", Code: "RO", Questions: []data.Question{
			{ID: "q1", Links: []data.PageLink{link("guidance/roles.md#nurses", 20)}},
			{ID: "q2", Links: []data.PageLink{link("guidance/roles.md", 30)}},
		}}},
	}
}

func TestLearningCheck(t *testing.T) {
	id := func(v string) markdown.Options { return markdown.Options{{Key: "id", Value: v}} }
	tests := []struct {
		name, component string
		d               *data.Data
		opts            markdown.Options
		want            string
	}{
		{"scenario", "scenario", learningData(), id("on-the-ward"), ""},
		{"scenario at level 3", "scenario", learningData(), append(id("on-the-ward"), markdown.Option{Key: "level", Value: "3"}), ""},
		{"scenario without id", "scenario", learningData(), nil, `component "scenario" needs id=, the name of its file in content/data/scenarios/ without .yaml`},
		{"unknown scenario", "scenario", learningData(), id("on-the-word"), `unknown scenario "on-the-word" (did you mean "on-the-ward"?); there is no content/data/scenarios/on-the-word.yaml. Use one of on-the-ward`},
		{"no scenarios at all", "scenario", &data.Data{}, id("x"), `unknown scenario "x": there is no content/data/scenarios/x.yaml, and no scenarios yet; add the file`},
		{"check", "knowledge-check", learningData(), id("roles"), ""},
		{"check without id", "knowledge-check", learningData(), nil, `component "knowledge-check" needs id=, the name of its file in content/data/checks/ without .yaml`},
		{"unknown check", "knowledge-check", learningData(), id("rules"), `unknown knowledge check "rules" (did you mean "roles"?); there is no content/data/checks/rules.yaml. Use one of roles`},
		{"check results", "check-results", learningData(), nil, ""},
		{"check results with no checks", "check-results", &data.Data{}, nil, `component "check-results" needs content/data/checks/, which is missing or empty`},
		{"check results takes no id", "check-results", learningData(), id("roles"), `component "check-results" has no option "id"; its options are level`},
		{"learning record", "learning-record", &data.Data{}, nil, ""},
		{"learning record takes no options", "learning-record", &data.Data{}, id("x"), `component "learning-record" takes no options; remove "id"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(tt.d, nil, func(string) bool { return false })
			if msg, _ := s.Check(tt.component, tt.opts); msg != tt.want {
				t.Errorf("Check(%s, %v) = %q; want %q", tt.component, tt.opts, msg, tt.want)
			}
		})
	}
}

// TestLearningLinks checks that the links a scenario's endings and a
// check's questions make are the page's to check, each at its place in
// the data file.
func TestLearningLinks(t *testing.T) {
	s := New(learningData(), nil, func(string) bool { return true })
	str := func(name string, opts markdown.Options) []string {
		var out []string
		for _, l := range s.Links(name, opts) {
			out = append(out, fmt.Sprintf("%s#%s page=%v at %s", l.Target, l.Anchor, l.Page, l.Pos))
		}
		return out
	}
	tests := []struct {
		name string
		opts markdown.Options
		want []string
	}{
		{"scenario", markdown.Options{{Key: "id", Value: "on-the-ward"}}, []string{"guidance/a.md#b page=true at f.yaml:12:15", "guidance/c.md# page=true at f.yaml:14:15"}},
		{"knowledge-check", markdown.Options{{Key: "id", Value: "roles"}}, []string{"guidance/roles.md#nurses page=true at f.yaml:20:15", "guidance/roles.md# page=true at f.yaml:30:15"}},
		{"scenario", markdown.Options{{Key: "id", Value: "nowhere"}}, nil},
		{"partners", nil, nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, str(tt.name, tt.opts)); diff != "" {
			t.Errorf("Links(%s, %v) (-want +got):\n%s", tt.name, tt.opts, diff)
		}
	}
}

func TestParagraphs(t *testing.T) {
	got := View{}.Paragraphs("One line\nand its second.\n\n\nTwo.\r\n\r\nThree  spaced   out.\n")
	want := []string{"One line and its second.", "Two.", "Three spaced out."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Paragraphs (-want +got):\n%s", diff)
	}
}

func TestVoiceLabel(t *testing.T) {
	v := View{Data: learningData()}
	for _, tt := range []struct {
		voice data.Voice
		want  string
	}{
		{data.Voice{Role: "district-nurse"}, "District nurse"},
		{data.Voice{Who: "Her daughter"}, "Her daughter"},
		{data.Voice{Who: "Kim", Role: "district-nurse"}, "Kim (District nurse)"},
	} {
		if got := v.VoiceLabel(tt.voice); got != tt.want {
			t.Errorf("VoiceLabel(%+v) = %q; want %q", tt.voice, got, tt.want)
		}
	}
}
