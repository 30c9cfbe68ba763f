//go:build browser

package e2e

import (
	"context"
	"slices"
	"strings"
)

// CheckPage runs every per-page check on one page opened from one origin:
// axe-core, links and assets, keyboard (skip link, visible focus, no trap),
// and, last, what the browser reported while all that ran (console errors,
// exceptions, CSP violations, failed and off-site requests). links collects
// the page's ids for the fragment check; it must be for the same origin.
func (b *Browser) CheckPage(ctx context.Context, o Origin, page string, links *Links) ([]Problem, error) {
	tab, err := b.Open(ctx, o, page, Options{})
	if err != nil {
		return nil, err
	}
	defer tab.Close()
	var out []Problem
	for _, check := range []func() ([]Problem, error){
		tab.Axe,
		func() ([]Problem, error) { return links.Check(tab) },
		tab.Keyboard,
	} {
		ps, err := check()
		if err != nil {
			return out, err
		}
		out = append(out, ps...)
	}
	out = append(out, tab.Problems()...)
	return out, nil
}

// Sort sorts problems by page, mode, rule and detail, for stable reports.
func Sort(ps []Problem) {
	slices.SortFunc(ps, func(a, b Problem) int { return strings.Compare(a.String(), b.String()) })
}
