package components

import (
	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
)

// yourDataSpec describes the your-data component.
func yourDataSpec() spec {
	return spec{
		needs:   "",
		present: func(*data.Data) bool { return true },
		outline: func(*data.Data, markdown.Options) []markdown.Section { return nil },
	}
}
