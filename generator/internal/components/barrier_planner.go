package components

import (
	"strings"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
)

// The ids of the barrier planner's two headings. They start with "plan-"
// so that they cannot meet the ids the barriers component gives each
// barrier, should both be placed on one page.
const (
	planChooseID  = "plan-barriers"
	planActionsID = "plan-actions"
)

// barrierPlannerSpec describes the barrier-planner component: tick barriers,
// pick remedies, and turn them into an action plan. level= sets the level of
// its two step headings, so a page can place it under a heading of its own.
func barrierPlannerSpec() spec {
	return spec{
		options: []string{"level"},
		needs:   "barriers.yaml",
		present: func(d *data.Data) bool { return len(d.Barriers.Barriers) > 0 },
		outline: barrierPlannerOutline,
	}
}

// barrierPlannerOutline returns the planner's two step headings. The first
// carries the barriers and remedies as searchable text, since the page
// shows them all; the second carries the words of the plan's columns.
func barrierPlannerOutline(d *data.Data, opts markdown.Options) []markdown.Section {
	var b strings.Builder
	for _, br := range d.Barriers.Barriers {
		b.WriteString(br.Title + " " + br.Description)
		for _, r := range br.Remedies {
			b.WriteString(" " + r.Text)
		}
		b.WriteString(" ")
	}
	lv := level(opts)
	return []markdown.Section{
		{Heading: site.Heading{Level: lv, ID: planChooseID, Text: "Step 1: choose barriers and remedies"}, Text: strings.TrimSpace(b.String())},
		{Heading: site.Heading{Level: lv, ID: planActionsID, Text: "Step 2: your action plan"}, Text: "Action, who, by when and how we will know for each remedy you choose. Print or download the plan."},
	}
}
