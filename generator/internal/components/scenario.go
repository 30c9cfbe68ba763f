package components

import (
	"strings"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
)

// scenarioSpec describes the scenario component: a branching scenario from
// data/scenarios/ID.yaml. Its markup is every step as a section with an
// id, whose choices are links to other steps' sections, so that it works
// on paper, from disk and without JavaScript; the script shows one step at
// a time from that same markup, driven by the address's #fragment, so the
// browser's Back button and a reload keep the reader's place.
func scenarioSpec() spec {
	return spec{
		options: []string{"id", "level"},
		needs:   data.ScenarioDir + "/",
		present: func(d *data.Data) bool { return len(d.Scenarios) > 0 },
		outline: scenarioOutline,
		check: func(d *data.Data, opts markdown.Options) (string, *markdown.Option) {
			return itemID(opts, scenarioName, "scenario", data.ScenarioDir, d.ScenarioIDs())
		},
		links: func(d *data.Data, opts markdown.Options) []site.Link {
			id, _ := opts.Get("id")
			s := d.Scenario(id)
			if s == nil {
				return nil
			}
			var out []site.Link
			for _, st := range s.Steps {
				if st.Ending != nil {
					out = append(out, dataLinks(st.Ending.Links)...)
				}
			}
			return out
		},
	}
}

// ScenarioAnchor is the id of the scenario's heading.
func ScenarioAnchor(scenario string) string { return "scenario-" + scenario }

// ScenarioStepAnchor is the id of a step's section: the scenario's id and
// the step's, so that two scenarios can share a page.
func ScenarioStepAnchor(scenario, step string) string { return scenario + "-" + step }

// ScenarioStep is the id of a step's section in the scenario being
// rendered.
func (v View) ScenarioStep(step string) string { return ScenarioStepAnchor(v.Scenario.ID, step) }

// VoiceLabel says who is speaking: who they are, their partner role's name
// (from partners.yaml), or both.
func (v View) VoiceLabel(voice data.Voice) string {
	role := ""
	for _, p := range v.Data.Partners.Partners {
		if p.ID == voice.Role {
			role = p.Name
		}
	}
	switch {
	case voice.Who == "":
		return role
	case role == "":
		return voice.Who
	}
	return voice.Who + " (" + role + ")"
}

// scenarioOutline gives the scenario's heading to the contents list, each
// step as an anchor (not listed: they would give the endings away), and
// every step's words to search.
func scenarioOutline(d *data.Data, opts markdown.Options) []markdown.Section {
	id, _ := opts.Get("id")
	s := d.Scenario(id)
	if s == nil {
		return nil
	}
	var text strings.Builder
	text.WriteString(s.Title + ". " + s.Summary)
	for _, st := range s.Steps {
		text.WriteString(" " + st.Title + ". " + st.Text)
		for _, v := range st.Others {
			text.WriteString(" " + v.Who + " " + v.Says)
		}
		for _, c := range st.Choices {
			text.WriteString(" " + c.Text)
		}
		if st.Ending != nil {
			text.WriteString(" " + st.Ending.Debrief)
		}
	}
	out := []markdown.Section{{Heading: site.Heading{Level: level(opts), ID: ScenarioAnchor(s.ID), Text: s.Title}, Text: text.String()}}
	for _, st := range s.Steps {
		out = append(out, markdown.Section{Heading: site.Heading{ID: ScenarioStepAnchor(s.ID, st.ID)}})
	}
	return out
}
