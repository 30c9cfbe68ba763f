package components

import (
	"strings"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
)

// LadderAssessmentHeading is the id of the heading the ladder-assessment
// component opens with. It stays on screen with and without JavaScript, so
// the page's contents list always points at something visible.
const LadderAssessmentHeading = "the-self-assessment"

// ladderAssessmentSpec describes the ladder-assessment component.
func ladderAssessmentSpec() spec {
	return spec{
		needs:   "assessment.yaml",
		present: func(d *data.Data) bool { return len(d.Assessment.Dimensions) > 0 },
		outline: ladderAssessmentOutline,
	}
}

// ladderAssessmentOutline returns the component's one contents entry, with
// every question and statement as its searchable text, then the anchors of
// the paper version (rule, questions and ideas) without contents entries:
// the interactive version hides the paper one, so listing its headings in
// the contents would point at nothing when scripts run.
func ladderAssessmentOutline(d *data.Data, _ markdown.Options) []markdown.Section {
	var b strings.Builder
	b.WriteString(d.Assessment.Intro)
	for _, r := range d.Ladder.Rungs {
		b.WriteString(" " + r.Name + " " + r.Gloss)
	}
	for _, dim := range d.Assessment.Dimensions {
		b.WriteString(" " + dim.Title + " " + dim.Question)
		for _, t := range dim.Descriptors {
			b.WriteString(" " + t)
		}
		for _, s := range dim.Suggestions {
			b.WriteString(" " + s.Text)
		}
	}
	out := []markdown.Section{{
		Heading: site.Heading{Level: 2, ID: LadderAssessmentHeading, Text: "The self-assessment"},
		Text:    strings.TrimSpace(b.String()),
	}}
	anchor := func(id string) { out = append(out, markdown.Section{Heading: site.Heading{ID: id}}) }
	anchor("la-paper-rule")
	anchor("la-paper-questions")
	for _, dim := range d.Assessment.Dimensions {
		anchor("la-paper-" + dim.ID)
	}
	anchor("la-paper-ideas")
	for _, dim := range d.Assessment.Dimensions {
		if len(dim.Suggestions) > 0 {
			anchor("la-ideas-" + dim.ID)
		}
	}
	return out
}
