package content

import (
	"errors"
	"testing"
	"time"

	"joinedup/generator/internal/diag"

	"github.com/google/go-cmp/cmp"
)

func TestReviewDates(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(DateLayout, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		name      string
		src       string
		want      Review
		wantFound bool
	}{
		{"none", "---\ntitle: A\n---\n", Review{}, false},
		{"reviewed only: next is 12 months on", "---\ntitle: A\nreviewed: 2026-11-27\n---\n",
			Review{Reviewed: day("2026-11-27"), Next: day("2027-11-27")}, true},
		{"quoted date", "---\ntitle: A\nreviewed: \"2026-02-01\"\n---\n",
			Review{Reviewed: day("2026-02-01"), Next: day("2027-02-01")}, true},
		{"next review given", "---\ntitle: A\nreviewed: 2026-11-27\nnext_review: 2027-05-27\n---\n",
			Review{Reviewed: day("2026-11-27"), Next: day("2027-05-27"), NextGiven: true}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePage("about/a.md", "content/about/a.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			got, found := p.Front.Review()
			if found != tt.wantFound {
				t.Fatalf("Review() found = %v; want %v", found, tt.wantFound)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Review() (-want +got):\n%s", diff)
			}
		})
	}
	if got := FormatDate(day("2026-11-07")); got != "7 November 2026" {
		t.Errorf("FormatDate(2026-11-07) = %q; want \"7 November 2026\"", got)
	}
}

func TestReviewErrors(t *testing.T) {
	tests := []struct {
		name, path, src string
		want            []string
	}{
		{"missing in guidance", "guidance/a.md", "---\ntitle: A\n---\n", []string{
			`content/guidance/a.md:2:1: missing required field "reviewed": pages in guidance/ must say when they were last reviewed, like "reviewed: 2026-11-27" (the next review is then due 12 months later unless next_review says)`,
		}},
		{"missing in a guidance section page", "guidance/_index.md", "---\ntitle: A\nweight: 1\n---\n", []string{
			`content/guidance/_index.md:2:1: missing required field "reviewed": pages in guidance/ must say when they were last reviewed, like "reviewed: 2026-11-27" (the next review is then due 12 months later unless next_review says)`,
		}},
		{"not a date", "about/a.md", "---\ntitle: A\nreviewed: last week\n---\n", []string{
			`content/about/a.md:3:11: "reviewed" should be a real date written year-month-day, like 2026-11-27, not "last week"`,
		}},
		{"day that does not exist", "guidance/a.md", "---\ntitle: A\nreviewed: 2026-02-30\n---\n", []string{
			`content/guidance/a.md:3:11: "reviewed" should be a real date written year-month-day, like 2026-11-27, not "2026-02-30"`,
		}},
		{"day first", "guidance/a.md", "---\ntitle: A\nreviewed: 27/11/2026\n---\n", []string{
			`content/guidance/a.md:3:11: "reviewed" should be a real date written year-month-day, like 2026-11-27, not "27/11/2026"`,
		}},
		{"list", "guidance/a.md", "---\ntitle: A\nreviewed: [2026-11-27]\n---\n", []string{
			`content/guidance/a.md:3:11: "reviewed" should be a date written year-month-day, like 2026-11-27, not a list or a mapping`,
		}},
		{"bad next review", "guidance/a.md", "---\ntitle: A\nreviewed: 2026-11-27\nnext_review: soon\n---\n", []string{
			`content/guidance/a.md:4:14: "next_review" should be a real date written year-month-day, like 2026-11-27, not "soon"`,
		}},
		{"next review before reviewed", "guidance/a.md", "---\ntitle: A\nreviewed: 2026-11-27\nnext_review: 2026-11-27\n---\n", []string{
			`content/guidance/a.md:4:14: next_review (27 November 2026) should be after reviewed (27 November 2026)`,
		}},
		{"next review without reviewed", "about/a.md", "---\ntitle: A\nnext_review: 2027-01-01\n---\n", []string{
			`content/about/a.md:3:14: next_review needs reviewed: add the date the page was last reviewed, like "reviewed: 2026-11-27"`,
		}},
		{"typo", "guidance/a.md", "---\ntitle: A\nreveiwed: 2026-11-27\n---\n", []string{
			`content/guidance/a.md:3:1: unknown field "reveiwed" (did you mean "reviewed"?)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePage(tt.path, "content/"+tt.path, []byte(tt.src))
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("ParsePage error = %v; want a diag.List", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReviewNotRequired(t *testing.T) {
	for _, tt := range []struct{ path, src string }{
		{"about/a.md", "---\ntitle: A\n---\n"},
		{"guidance-old/a.md", "---\ntitle: A\n---\n"},
		{"guidance/a.md", "---\ntitle: A\ndraft: true\n---\n"},
	} {
		if _, err := ParsePage(tt.path, "content/"+tt.path, []byte(tt.src)); err != nil {
			t.Errorf("ParsePage(%s) = %v; want no error", tt.path, err)
		}
	}
}

func TestOverdueReviews(t *testing.T) {
	page := func(path, front string) *Page {
		p, err := ParsePage(path, "content/"+path, []byte("---\ntitle: T\n"+front+"---\n"))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	pages := []*Page{
		page("guidance/due-today.md", "reviewed: 2025-11-27\n"),
		page("guidance/overdue.md", "reviewed: 2025-11-26\n"),
		page("guidance/early.md", "reviewed: 2026-06-01\nnext_review: 2026-09-01\n"),
		page("guidance/fine.md", "reviewed: 2026-11-01\nnext_review: 2027-05-01\n"),
		page("guidance/draft.md", "draft: true\nreviewed: 2020-01-01\n"),
		page("about/none.md", ""),
	}
	tests := []struct {
		name  string
		today time.Time
		want  []string
	}{
		{"today", time.Date(2026, 11, 27, 15, 30, 0, 0, time.UTC), []string{
			`content/guidance/early.md:4:14: the page was due for review on 1 September 2026 (it was last reviewed on 1 June 2026); check it is still right, then update reviewed and next_review`,
			`content/guidance/overdue.md:3:11: the page was due for review on 26 November 2026 (it was last reviewed on 26 November 2025); check it is still right, then update reviewed`,
		}},
		{"the day after", time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC), []string{
			`content/guidance/due-today.md:3:11: the page was due for review on 27 November 2026 (it was last reviewed on 27 November 2025); check it is still right, then update reviewed`,
			`content/guidance/early.md:4:14: the page was due for review on 1 September 2026 (it was last reviewed on 1 June 2026); check it is still right, then update reviewed and next_review`,
			`content/guidance/overdue.md:3:11: the page was due for review on 26 November 2026 (it was last reviewed on 26 November 2025); check it is still right, then update reviewed`,
		}},
		{"a year earlier", time.Date(2025, 11, 27, 0, 0, 0, 0, time.UTC), nil},
		// Late in the evening west of Greenwich is still that day.
		{"time zone", time.Date(2026, 11, 27, 23, 0, 0, 0, time.FixedZone("UTC-5", -5*3600)), []string{
			`content/guidance/early.md:4:14: the page was due for review on 1 September 2026 (it was last reviewed on 1 June 2026); check it is still right, then update reviewed and next_review`,
			`content/guidance/overdue.md:3:11: the page was due for review on 26 November 2026 (it was last reviewed on 26 November 2025); check it is still right, then update reviewed`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range OverdueReviews(pages, tt.today) {
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("OverdueReviews(%s) (-want +got):\n%s", tt.today.Format(time.RFC3339), diff)
			}
		})
	}
}
