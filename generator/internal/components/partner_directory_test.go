package components

import (
	"strings"
	"testing"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
)

func TestDirectoryRoles(t *testing.T) {
	d := &data.Data{Partners: data.Partners{
		Sectors: []data.Sector{{ID: "social-care", Name: "Social care"}, {ID: "health", Name: "Health"}},
		Partners: []data.Partner{
			{ID: "gp", Name: "GP", Sector: "health"},
			{ID: "social-worker", Name: "Social worker", Sector: "social-care"},
			{ID: "dentist", Name: "dentist", Sector: "health"},
			{ID: "advocate", Name: "Advocate", Sector: "social-care"},
		},
	}}
	var got []string
	for _, r := range DirectoryRoles(d) {
		got = append(got, r.ID+"/"+r.SectorName)
	}
	// Sectors in file order, names A to Z (ignoring case) within each.
	want := "advocate/Social care social-worker/Social care dentist/Health gp/Health"
	if strings.Join(got, " ") != want {
		t.Errorf("DirectoryRoles = %s; want %s", strings.Join(got, " "), want)
	}
	out := partnerDirectoryOutline(d, nil)
	if len(out) != 1 || out[0].ID != "" || !strings.Contains(out[0].Text, "Social worker") {
		t.Errorf("partnerDirectoryOutline = %+v; want one section of text and no headings", out)
	}
}

func TestHeadingAt(t *testing.T) {
	v := View{}
	tests := []struct {
		level           int
		id, class, text string
		want            string
	}{
		{3, "", "card", "A & B", `<h3 class="card">A &amp; B</h3>`},
		{2, "x", "", "T", `<h2 id="x">T</h2>`},
		{9, "", "", "T", `<h6>T</h6>`},
		{1, "", "", "T", `<h2>T</h2>`},
	}
	for _, tt := range tests {
		if got := string(v.HeadingAt(tt.level, tt.id, tt.class, tt.text)); got != tt.want {
			t.Errorf("HeadingAt(%d, %q, %q, %q) = %s; want %s", tt.level, tt.id, tt.class, tt.text, got, tt.want)
		}
	}
}

func TestConsentAidOutline(t *testing.T) {
	d := &data.Data{Consent: data.Consent{
		Steps: []data.ConsentStep{{ID: "risk", Question: "Is anyone at risk?", Options: []data.ConsentOption{{Answer: "Yes", Outcome: "protect"}, {Answer: "No", Outcome: "keep"}}}},
		Outcomes: []data.ConsentOutcome{
			{ID: "protect", Title: "Share to protect", Text: "t"},
			{ID: "keep", Title: "Do not share", Text: "t"},
		},
	}}
	var got []string
	for _, s := range consentAidOutline(d, markdown.Options{{Key: "level", Value: "3"}}) {
		got = append(got, strings.TrimSpace(strings.Join([]string{string(rune('0' + s.Level)), s.ID, s.Text}, " ")))
	}
	want := []string{
		"3 all-the-questions Is anyone at risk?  Yes  No",
		"0 step-risk",
		"3 all-the-outcomes Share to protect t Do not share t",
		"0 outcome-protect",
		"0 outcome-keep",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("consentAidOutline =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
