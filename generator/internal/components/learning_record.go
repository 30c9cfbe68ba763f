package components

import (
	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
)

// The ids of the learning record's two headings.
const (
	RecordDoneAnchor       = "what-you-have-done"
	RecordReflectionAnchor = "your-reflection"
)

// learningRecordSpec describes the learning-record component: what a
// learner has done on this device, read from everything the site keeps in
// the browser, and a reflective account (what I did, what I learned, what
// I will do differently) kept there too, to print or download for a
// portfolio. Without JavaScript it is the account as a form to fill in by
// hand. It needs no data file, but names the site's scenarios, checks and
// rungs so that the record can show their titles.
func learningRecordSpec() spec {
	return spec{
		present: func(*data.Data) bool { return true },
		outline: func(*data.Data, markdown.Options) []markdown.Section {
			return []markdown.Section{
				{Heading: site.Heading{Level: 2, ID: RecordDoneAnchor, Text: "What you have done"}, Text: "Self-assessments, action plans, checklists, knowledge checks and scenarios completed on this device, with dates."},
				{Heading: site.Heading{Level: 2, ID: RecordReflectionAnchor, Text: "Your reflection"}, Text: "What I did. What I learned. What I will do differently. How this links to my standards or qualification. Print or download my learning record as a reflective account for a portfolio."},
			}
		},
	}
}
