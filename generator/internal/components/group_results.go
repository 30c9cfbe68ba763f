package components

import (
	"fmt"
	"strings"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
)

// ByHandAnchor is the id of the group-results heading that explains how to
// count codes by hand. It is fixed so that the page around the component
// (and the tool's own messages) can link to it.
const ByHandAnchor = "count-codes-by-hand"

// groupResultsSpec describes the group-results component: a box for pasted
// result codes, the results drawn from them by the page's script, and a
// blank tally sheet for counting codes by hand without it. level= sets the
// heading level of its sections (2 unless given), so it fits under the
// page's own heading.
func groupResultsSpec() spec {
	return spec{
		options: []string{"level"},
		needs:   "assessment.yaml",
		present: func(d *data.Data) bool { return len(d.Assessment.Dimensions) > 0 },
		outline: groupResultsOutline,
	}
}

// groupResultsOutline gives the component's one heading and the words of its
// form and tally sheet, so the page's contents list links to the heading and
// search finds the tool by the words a trainer would use.
func groupResultsOutline(d *data.Data, opts markdown.Options) []markdown.Section {
	var sheet strings.Builder
	sheet.WriteString("Each code holds one digit per question, in this order. Tally sheet: count how many people gave each rung.")
	for i, dim := range d.Assessment.Dimensions {
		fmt.Fprintf(&sheet, " Digit %d: %s.", i+1, dim.Title)
	}
	return []markdown.Section{
		{Text: "Result codes. Paste the codes from your group, one per line, or whole chat messages. Show results. Download the results as a spreadsheet (CSV)."},
		{Heading: site.Heading{Level: level(opts), ID: ByHandAnchor, Text: "Count codes by hand"}, Text: sheet.String()},
	}
}
