package components

import (
	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
)

// partnerDirectorySpec describes the partner-directory component.
func partnerDirectorySpec() spec {
	return spec{
		needs:   "partners.yaml",
		present: func(d *data.Data) bool { return len(d.Partners.Partners) > 0 },
		outline: func(*data.Data, markdown.Options) []markdown.Section { return nil },
	}
}
