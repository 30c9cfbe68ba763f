package components

import (
	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
)

// yourDataSpec describes the your-data component: the privacy page's
// controls to list, export, import and delete what the site keeps in the
// browser. Its headings are in the outline so the page's contents list and
// anchor checks know them.
func yourDataSpec() spec {
	return spec{
		present: func(*data.Data) bool { return true },
		outline: func(*data.Data, markdown.Options) []markdown.Section {
			// Only the heading that shows with and without JavaScript is
			// in the outline; the tool's own h3s appear with the tool.
			return []markdown.Section{{
				Heading: site.Heading{Level: 2, ID: "your-saved-answers", Text: "See, save or delete your answers"},
				Text:    "Download a copy of everything this site saved in your browser, import it again, or delete my saved answers.",
			}}
		},
	}
}
