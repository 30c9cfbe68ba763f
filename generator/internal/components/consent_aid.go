package components

import (
	"strings"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
)

// The ids of the consent aid's two headings. Each step and outcome also has
// an id (StepAnchor, OutcomeAnchor) so the printed tree can say "go to step
// 3" with a link.
const (
	consentStepsID    = "all-the-questions"
	consentOutcomesID = "all-the-outcomes"
)

// consentAidSpec describes the consent-aid component: the "Can I share this
// information?" decision tree from consent.yaml. Without JavaScript it is the
// whole tree as numbered steps and outcomes; the script asks one question at
// a time from that same markup.
func consentAidSpec() spec {
	return spec{
		options: []string{"level"},
		needs:   "consent.yaml",
		present: func(d *data.Data) bool { return len(d.Consent.Steps) > 0 },
		outline: consentAidOutline,
	}
}

// StepAnchor is the id of a step in the printed decision tree.
func StepAnchor(id string) string { return "step-" + id }

// OutcomeAnchor is the id of an outcome in the printed decision tree.
func OutcomeAnchor(id string) string { return "outcome-" + id }

// consentAidOutline gives the tree's two headings to the contents list,
// each step as an anchor (not listed: there are too many) and searchable
// text, and each outcome as a record: a search result of its own.
func consentAidOutline(d *data.Data, opts markdown.Options) []markdown.Section {
	lvl := level(opts)
	var steps strings.Builder
	var out []markdown.Section
	for _, s := range d.Consent.Steps {
		steps.WriteString(s.Question + " " + s.Hint + " ")
		for _, o := range s.Options {
			steps.WriteString(o.Answer + " " + o.Hint + " ")
		}
	}
	out = append(out, markdown.Section{Heading: site.Heading{Level: lvl, ID: consentStepsID, Text: "All the questions"}, Text: steps.String()})
	for _, s := range d.Consent.Steps {
		out = append(out, markdown.Section{Heading: site.Heading{ID: StepAnchor(s.ID)}})
	}
	out = append(out, markdown.Section{Heading: site.Heading{Level: lvl, ID: consentOutcomesID, Text: "All the outcomes"}})
	for _, o := range d.Consent.Outcomes {
		out = append(out, markdown.Section{Heading: site.Heading{ID: OutcomeAnchor(o.ID), Text: o.Title}, Text: o.Text, Record: true})
	}
	return out
}
