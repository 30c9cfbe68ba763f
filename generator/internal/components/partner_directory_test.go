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
			{ID: "gp", Name: "General practitioner", Abbr: "GP", Sector: "health", What: "Treats.", When: "When ill."},
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
	// Every role is a record of its own, linked to its row.
	if strings.Join(got, " ") != want {
		t.Errorf("DirectoryRoles = %s; want %s", strings.Join(got, " "), want)
	}
	out := partnerDirectoryOutline(d, nil)
	if len(out) != 4 {
		t.Fatalf("partnerDirectoryOutline gave %d sections; want a record for each of 4 roles", len(out))
	}
	gp := out[3]
	if !gp.Record || gp.Level != 0 || gp.ID != "partner-gp" || gp.Heading.Text != "General practitioner" || gp.Abbr != "GP" || gp.Text != "Treats. When ill. Sector: Health." {
		t.Errorf("the GP's record is %+v", gp)
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
		"3 all-the-outcomes",
		"0 outcome-protect t",
		"0 outcome-keep t",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("consentAidOutline =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
