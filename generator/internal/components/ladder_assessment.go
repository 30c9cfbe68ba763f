package components

import (
	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
)

// ladderAssessmentSpec describes the ladder-assessment component.
func ladderAssessmentSpec() spec {
	return spec{
		needs:   "assessment.yaml",
		present: func(d *data.Data) bool { return len(d.Assessment.Dimensions) > 0 },
		outline: func(*data.Data, markdown.Options) []markdown.Section { return nil },
	}
}
