package components

import (
	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
)

// groupResultsSpec describes the group-results component.
func groupResultsSpec() spec {
	return spec{
		needs:   "assessment.yaml",
		present: func(d *data.Data) bool { return len(d.Assessment.Dimensions) > 0 },
		outline: func(*data.Data, markdown.Options) []markdown.Section { return nil },
	}
}
