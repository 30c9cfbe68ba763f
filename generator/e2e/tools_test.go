//go:build browser

package e2e_test

import (
	"encoding/json"
	"testing"
	"time"

	"joinedup/generator/e2e"
)

// The small steps every interactive tool's browser test takes, in one
// place: evaluate, wait, and check a state with axe-core and the browser's
// own reports.

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// evalT evaluates js in the page and fails the test on an error.
func evalT[T any](t *testing.T, tab *e2e.Tab, js string) T {
	t.Helper()
	v, err := e2e.Eval[T](tab, js)
	if err != nil {
		t.Fatalf("%s (%s): %s: %v", tab.Page, tab.Origin.Mode, js, err)
	}
	return v
}

// waitFor waits up to 10 seconds for a JavaScript condition; what says in
// words what is awaited, for the failure message ("" to quote cond alone).
func waitFor(t *testing.T, tab *e2e.Tab, cond, what string) {
	t.Helper()
	if err := tab.WaitFor(cond, 10*time.Second); err != nil {
		if what != "" {
			t.Fatalf("waiting for %s: %v", what, err)
		}
		t.Fatal(err)
	}
}

// clean fails the test on any axe-core violation in the page's current
// state, and on any problem the browser reported so far (console error,
// CSP violation, failed request, request leaving the site).
//
// Axe runs over HTTP. A tool shows the same document from a folder on disk
// (file://), so there the flow checks what can differ (storage, links,
// scripts that fail to load: the browser's reports), not axe again; TestSite
// runs axe from disk on one page of each kind. Axe is most of the browser
// tests' time, and running it twice on each state was half of that.
func clean(t *testing.T, tab *e2e.Tab, state string) {
	t.Helper()
	axeOverHTTP(t, tab, state, (*e2e.Tab).Axe)
}

// cleanWithin is clean for one part of the page, picked by a CSS
// selector: for a part whose page is checked in full elsewhere.
func cleanWithin(t *testing.T, tab *e2e.Tab, selector, state string) {
	t.Helper()
	axeOverHTTP(t, tab, state, func(tab *e2e.Tab) ([]e2e.Problem, error) { return tab.AxeIn(selector) })
}

// cleanIn checks the page in a colour scheme: in full ([clean]) in the
// light one, and in the others only with the rules a colour scheme can
// change (colour contrast, links told apart by colour), as the rest read a
// document that is the same in every scheme.
func cleanIn(t *testing.T, tab *e2e.Tab, theme, state string) {
	t.Helper()
	if theme == "light" || theme == "" {
		clean(t, tab, state)
		return
	}
	axeOverHTTP(t, tab, state, (*e2e.Tab).AxeColours)
}

// axeOverHTTP runs an axe check over HTTP (see clean), and reports its problems
// and the browser's.
func axeOverHTTP(t *testing.T, tab *e2e.Tab, state string, axe func(*e2e.Tab) ([]e2e.Problem, error)) {
	t.Helper()
	var ps []e2e.Problem
	if tab.Origin.Mode != e2e.File {
		var err error
		if ps, err = axe(tab); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range append(ps, tab.Problems()...) {
		t.Errorf("%s: %s", state, p)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
