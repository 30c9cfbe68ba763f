package content

import (
	"fmt"
	"strings"
	"time"

	"joinedup/generator/internal/diag"

	"go.yaml.in/yaml/v3"
)

// Staff act on guidance without checking it, so a guidance page says when it
// was last reviewed and when its next review is due, as NHS.UK pages do.
// Front matter carries the dates:
//
//	reviewed: 2026-11-27      # required for pages in guidance/
//	next_review: 2027-05-27   # optional; ReviewMonths after reviewed if not given
//
// OverdueReviews lists the pages whose next review has passed, for the build
// to report as warnings (and as errors when an organisation asks for that).

// ReviewFolder is the top-level folder whose pages must give "reviewed".
const ReviewFolder = "guidance"

// ReviewMonths is how long after its last review a page is next due for
// review when its front matter does not say.
const ReviewMonths = 12

// DateLayout is how dates are written in front matter: year-month-day.
const DateLayout = "2006-01-02"

// Date is a calendar date written in front matter as 2026-11-27. It is read
// as midnight UTC, so that dates compare as days.
type Date struct {
	time.Time
}

// ValidateYAML implements strictyaml.Validator: a bad date is reported at
// its own line and column.
func (Date) ValidateYAML(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		return "should be a date written year-month-day, like 2026-11-27, not a list or a mapping"
	}
	if _, err := time.Parse(DateLayout, n.Value); err != nil {
		return fmt.Sprintf("should be a real date written year-month-day, like 2026-11-27, not %q", n.Value)
	}
	return ""
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	t, err := time.Parse(DateLayout, n.Value)
	if err != nil {
		return err
	}
	d.Time = t
	return nil
}

// Long writes the date as people read it, "27 November 2026" (GOV.UK style).
func (d Date) Long() string { return FormatDate(d.Time) }

// FormatDate writes a date as "27 November 2026".
func FormatDate(t time.Time) string { return t.Format("2 January 2006") }

// Review is when a page was last reviewed and when it is next due.
type Review struct {
	Reviewed, Next time.Time
	// NextGiven reports whether front matter set next_review; otherwise
	// Next is ReviewMonths after Reviewed.
	NextGiven bool
}

// Review returns the page's review dates, and false when it has none.
func (f *FrontMatter) Review() (Review, bool) {
	if f.Reviewed.IsZero() {
		return Review{}, false
	}
	r := Review{Reviewed: f.Reviewed.Time, Next: f.Reviewed.AddDate(0, ReviewMonths, 0)}
	if !f.NextReview.IsZero() {
		r.Next, r.NextGiven = f.NextReview.Time, true
	}
	return r, true
}

// needsReview reports whether a page must give "reviewed": a page in
// ReviewFolder that is not a draft.
func needsReview(p *Page) bool {
	return strings.HasPrefix(p.Path, ReviewFolder+"/") && !p.Front.Draft
}

// checkReview checks a page's review dates: present where required, and
// the next review after the last one.
func checkReview(p *Page, errs *diag.List) {
	f := &p.Front
	at := f.Pos.Of("")
	if at.Line == 0 {
		at = diag.Pos{File: p.File, Line: 1, Col: 1}
	}
	switch {
	case f.Reviewed.IsZero() && !f.NextReview.IsZero():
		errs.Add(f.Pos.Of("next_review"), "next_review needs reviewed: add the date the page was last reviewed, like \"reviewed: 2026-11-27\"")
	case f.Reviewed.IsZero() && needsReview(p):
		errs.Add(at, "missing required field \"reviewed\": pages in %s/ must say when they were last reviewed, like \"reviewed: 2026-11-27\" (the next review is then due %d months later unless next_review says)", ReviewFolder, ReviewMonths)
	case !f.NextReview.IsZero() && !f.NextReview.After(f.Reviewed.Time):
		errs.Add(f.Pos.Of("next_review"), "next_review (%s) should be after reviewed (%s)", f.NextReview.Long(), f.Reviewed.Long())
	}
}

// OverdueReviews lists the pages whose next review is due before today, one
// diagnostic each at the field that sets the due date (next_review, or
// reviewed when the date is worked out from it). Drafts are left out. The
// list is sorted; it is empty when every page is in date. today is a
// parameter so that the result does not depend on the clock.
func OverdueReviews(pages []*Page, today time.Time) diag.List {
	y, m, d := today.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	var out diag.List
	for _, p := range pages {
		if p.Front.Draft {
			continue
		}
		r, ok := p.Front.Review()
		if !ok || !r.Next.Before(day) {
			continue
		}
		at, field := p.Front.Pos.Of("reviewed"), "reviewed"
		if r.NextGiven {
			at, field = p.Front.Pos.Of("next_review"), "next_review"
		}
		out.Add(at, "the page was due for review on %s (it was last reviewed on %s); check it is still right, then update %s", FormatDate(r.Next), FormatDate(r.Reviewed), updateHint(field))
	}
	return out.Sort()
}

// updateHint says which fields to change after a review.
func updateHint(field string) string {
	if field == "next_review" {
		return "reviewed and next_review"
	}
	return "reviewed"
}
