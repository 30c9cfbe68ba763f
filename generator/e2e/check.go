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
	return b.checkPage(ctx, o, page, links, checkAll)
}

// CheckContent is [Browser.CheckPage] with the keyboard walk only on a page
// whose main content has a tool (an element with data-module). The walk
// checks the skip link, which every page has from one template, focus
// styles, which one style sheet gives every kind of element, and traps,
// which only a tool can set; so a page of text and links, walked for one
// page of each kind, needs only axe-core and its links.
func (b *Browser) CheckContent(ctx context.Context, o Origin, page string, links *Links) ([]Problem, error) {
	return b.checkPage(ctx, o, page, links, checkAxe)
}

// LoadPage runs the checks of [Browser.CheckPage] that can differ from one
// origin to another: links and assets, and what the browser reported while
// the page loaded and ran its scripts. Axe-core and the keyboard walk see
// the same document from either origin, so a page checked in full from
// one origin needs only this from the other.
func (b *Browser) LoadPage(ctx context.Context, o Origin, page string, links *Links) ([]Problem, error) {
	return b.checkPage(ctx, o, page, links, checkLoad)
}

// How much of the per-page checks to run.
const (
	checkLoad = iota // links and what the browser reported
	checkAxe         // and axe-core, and the keyboard walk where there is a tool
	checkAll         // and the keyboard walk
)

func (b *Browser) checkPage(ctx context.Context, o Origin, page string, links *Links, level int) ([]Problem, error) {
	tab, err := b.Open(ctx, o, page, Options{})
	if err != nil {
		return nil, err
	}
	defer tab.Close()
	checks := []func() ([]Problem, error){func() ([]Problem, error) { return links.Check(tab) }}
	if level >= checkAxe {
		checks = append(checks, tab.Axe)
		tool := false
		if level == checkAxe {
			if tool, err = Eval[bool](tab, `!!document.querySelector("main [data-module]")`); err != nil {
				return nil, err
			}
		}
		if level == checkAll || tool {
			checks = append(checks, tab.Keyboard)
		}
	}
	var out []Problem
	for _, check := range checks {
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
