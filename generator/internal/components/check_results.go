package components

import (
	"fmt"
	"strings"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
)

// CheckByHandAnchor is the id of the check-results heading that explains
// how to count before and after codes by hand.
const CheckByHandAnchor = "count-check-codes-by-hand"

// checkResultsSpec describes the check-results component: a box for the
// result codes learners give from a knowledge check before and after a
// session, the group's results per question drawn from them by the page's
// script, and a blank tally sheet for each check to count codes by hand
// without it.
func checkResultsSpec() spec {
	return spec{
		options: []string{"level"},
		needs:   data.CheckDir + "/",
		present: func(d *data.Data) bool { return len(d.Checks) > 0 },
		outline: checkResultsOutline,
	}
}

// checkResultsOutline gives the component's one heading and the words of
// its form and tally sheets, for the contents list and search.
func checkResultsOutline(d *data.Data, opts markdown.Options) []markdown.Section {
	var sheet strings.Builder
	sheet.WriteString("Each code holds one digit per question: 1 for a right answer, 0 for a wrong one. B means before the session, A after.")
	for _, k := range d.Checks {
		fmt.Fprintf(&sheet, " %s (code %s).", k.Title, k.Code)
	}
	return []markdown.Section{
		{Text: "Before and after codes. Paste the codes from your group's knowledge checks, from before and after the session, one per line or whole chat messages. Show results. Download the results as a spreadsheet (CSV)."},
		{Heading: site.Heading{Level: level(opts), ID: CheckByHandAnchor, Text: "Count before and after codes by hand"}, Text: sheet.String()},
	}
}
