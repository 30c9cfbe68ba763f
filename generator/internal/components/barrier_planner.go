package components

import (
	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
)

// barrierPlannerSpec describes the barrier-planner component.
func barrierPlannerSpec() spec {
	return spec{
		needs:   "barriers.yaml",
		present: func(d *data.Data) bool { return len(d.Barriers.Barriers) > 0 },
		outline: func(*data.Data, markdown.Options) []markdown.Section { return nil },
	}
}
