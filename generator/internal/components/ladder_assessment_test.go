package components

import (
	"strings"
	"testing"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/site"
)

func TestLadderAssessmentOutline(t *testing.T) {
	d := &data.Data{
		Ladder: data.Ladder{Rungs: []data.Rung{{Name: "Conflict", Gloss: "Nobody talks."}, {Name: "Full partnership", Gloss: "All in."}}},
		Assessment: data.Assessment{Dimensions: []data.Dimension{
			{ID: "trust", Title: "Trust", Question: "How is trust?", Descriptors: []string{"None at all.", "Plenty."},
				Suggestions: []data.Suggestion{{Text: "Keep small promises."}}},
			{ID: "roles", Title: "Roles", Question: "Who does what?", Descriptors: []string{"Nobody knows.", "Written down."}},
		}},
	}
	out := ladderAssessmentOutline(d, nil)
	if len(out) == 0 {
		t.Fatal("ladderAssessmentOutline returned nothing; want the component's heading first")
	}
	want := site.Heading{Level: 2, ID: LadderAssessmentHeading, Text: "The self-assessment"}
	if out[0].Heading != want {
		t.Errorf("first heading = %+v; want %+v", out[0].Heading, want)
	}
	for _, s := range []string{"How is trust?", "Plenty.", "Written down.", "Keep small promises.", "Full partnership"} {
		if !strings.Contains(out[0].Text, s) {
			t.Errorf("searchable text %q lacks %q", out[0].Text, s)
		}
	}
	tests := []struct {
		id   string
		want bool
	}{
		{"la-paper-rule", true},
		{"la-paper-questions", true},
		{"la-paper-trust", true},
		{"la-paper-roles", true},
		{"la-paper-ideas", true},
		{"la-ideas-trust", true},
		{"la-ideas-roles", false}, // no suggestions, so no heading
	}
	anchors := map[string]site.Heading{}
	for _, s := range out[1:] {
		anchors[s.ID] = s.Heading
	}
	for _, tt := range tests {
		h, ok := anchors[tt.id]
		if ok != tt.want {
			t.Errorf("anchor %q present = %v; want %v", tt.id, ok, tt.want)
		}
		if ok && (h.Level != 0 || h.Text != "") {
			t.Errorf("anchor %q = %+v; want no contents entry (level 0, no text)", tt.id, h)
		}
	}
}
