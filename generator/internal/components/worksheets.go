package components

import (
	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
)

// ladderPosterSpec describes the ladder-poster component.
func ladderPosterSpec() spec {
	return spec{
		needs:   "ladder.yaml",
		present: func(d *data.Data) bool { return len(d.Ladder.Rungs) > 0 },
		outline: func(*data.Data, markdown.Options) []markdown.Section { return nil },
	}
}

// barrierCardsSpec describes the barrier-cards component.
func barrierCardsSpec() spec {
	return spec{
		needs:   "barriers.yaml",
		present: func(d *data.Data) bool { return len(d.Barriers.Barriers) > 0 },
		outline: func(*data.Data, markdown.Options) []markdown.Section { return nil },
	}
}

// partnerCardsSpec describes the partner-cards component.
func partnerCardsSpec() spec {
	return spec{
		needs:   "partners.yaml",
		present: func(d *data.Data) bool { return len(d.Partners.Partners) > 0 },
		outline: func(*data.Data, markdown.Options) []markdown.Section { return nil },
	}
}

// meetingPrepSpec describes the meeting-prep component.
func meetingPrepSpec() spec {
	return spec{
		needs:   "",
		present: func(*data.Data) bool { return true },
		outline: func(*data.Data, markdown.Options) []markdown.Section { return nil },
	}
}
