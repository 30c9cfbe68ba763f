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
// carries the barriers' titles as searchable text, to say what can be
// planned for; the barriers and remedies themselves are records where
// the barriers component lists them, and all their words in one section
// would match nearly any query. The second carries the words of the
// plan's columns.
func barrierPlannerOutline(d *data.Data, opts markdown.Options) []markdown.Section {
	titles := make([]string, 0, len(d.Barriers.Barriers))
	for _, br := range d.Barriers.Barriers {
		titles = append(titles, br.Title)
	}
	lv := level(opts)
	return []markdown.Section{
		{Heading: site.Heading{Level: lv, ID: planChooseID, Text: "Step 1: choose barriers and remedies"}, Text: strings.Join(titles, ". ") + "."},
		{Heading: site.Heading{Level: lv, ID: planActionsID, Text: "Step 2: your action plan"}, Text: "Action, who, by when and how we will know for each remedy you choose. Print or download the plan."},
	}
}
