package components

import (
	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
)

// consentAidSpec describes the consent-aid component.
func consentAidSpec() spec {
	return spec{
		needs:   "",
		present: func(*data.Data) bool { return true },
		outline: func(*data.Data, markdown.Options) []markdown.Section { return nil },
	}
}
