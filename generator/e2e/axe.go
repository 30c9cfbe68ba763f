//go:build browser

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// AxeTags are the axe-core rule sets every page must pass: WCAG 2.0, 2.1 and
// 2.2 at levels A and AA, and axe's best practices.
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

// loadAxe reads axe-core from node_modules, installed by "npm ci" from the
// pinned package-lock.json.
func loadAxe() (string, error) {
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	b, err := os.ReadFile(filepath.Join(root, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		return "", fmt.Errorf("axe-core is not installed (%v); run \"npm ci\" at the top of the repository", err)
	}
	return string(b), nil
}

type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// ColourRules are the axe-core rules whose result depends on the colour
// scheme. Every other rule reads the document, which is the same in every
// scheme, so a page checked in full in one scheme needs only these in the
// others ([Tab.AxeColours]).
var ColourRules = []string{"color-contrast", "link-in-text-block"}

// Axe injects axe-core into the page (through the DevTools protocol, which
// the page's Content Security Policy does not restrict) and runs the
// [AxeTags] rule sets on the whole document. Each violated rule is one
// Problem, with the axe rule id as its Rule.
func (tab *Tab) Axe() ([]Problem, error) {
	return tab.axe(`{type: "tag", values: ` + jsList(AxeTags) + `}`)
}

// AxeIn runs the [AxeTags] rule sets on the part of the page the CSS
// selector picks: to check one component where the whole page is checked
// elsewhere (TestSite checks every page in full).
func (tab *Tab) AxeIn(selector string) ([]Problem, error) {
	return tab.axeOn(`{include: [`+jsList([]string{selector})+`]}`, `{type: "tag", values: `+jsList(AxeTags)+`}`)
}

// AxeColours runs only the [ColourRules]: to check the page again after
// switching it to another colour scheme.
func (tab *Tab) AxeColours() ([]Problem, error) {
	return tab.axe(`{type: "rule", values: ` + jsList(ColourRules) + `}`)
}

func jsList(ss []string) string { return `["` + strings.Join(ss, `","`) + `"]` }

func (tab *Tab) axe(runOnly string) ([]Problem, error) { return tab.axeOn("document", runOnly) }

// axeOn runs axe-core on the context (an axe context: "document", or an
// object of selectors to include) with the runOnly rules.
func (tab *Tab) axeOn(context, runOnly string) ([]Problem, error) {
	src, err := tab.browser.axe()
	if err != nil {
		return nil, err
	}
	if tab.noJS {
		// With scripts off, axe's timers never fire. Turning scripts on
		// for the check does not run the page's own scripts, which were
		// skipped when it loaded; they are turned off again afterwards.
		if err := tab.scripts(true); err != nil {
			return nil, err
		}
		defer tab.scripts(false)
	}
	// axe-core is half a megabyte of script: inject it once per document,
	// not at every check of the same page's states.
	loaded, err := Eval[bool](tab, "typeof axe === 'object'")
	if err != nil {
		return nil, fmt.Errorf("%s (%s): looking for axe-core: %w", tab.Page, tab.Origin.Mode, err)
	}
	if !loaded {
		if _, err := Eval[bool](tab, src+"\n;typeof axe === 'object'"); err != nil {
			return nil, fmt.Errorf("%s (%s): injecting axe-core: %w", tab.Page, tab.Origin.Mode, err)
		}
	}
	// Over HTTP axe-core fetches the style sheets again to read their
	// rules (for css-orientation-lock). From file:// the browser refuses
	// that request, so there it uses the rules the page already has.
	preload := "true"
	if tab.Origin.Mode == File {
		preload = "false"
	}
	js := `axe.run(` + context + `, {runOnly: ` + runOnly + `, resultTypes: ["violations"], preload: ` + preload + `}).then(r => r.violations)`
	vs, err := Eval[[]axeViolation](tab, js)
	if err != nil {
		return nil, fmt.Errorf("%s (%s): running axe-core: %w", tab.Page, tab.Origin.Mode, err)
	}
	var out []Problem
	for _, v := range vs {
		var where []string
		for i, n := range v.Nodes {
			if i == 5 {
				where = append(where, fmt.Sprintf("and %d more", len(v.Nodes)-i))
				break
			}
			where = append(where, fmt.Sprint(n.Target...))
		}
		detail := fmt.Sprintf("%s (%s) at %s; see %s", v.Help, v.Impact, strings.Join(where, ", "), v.HelpURL)
		if len(v.Nodes) > 0 && v.Nodes[0].Summary != "" {
			detail += "\n\t" + strings.ReplaceAll(v.Nodes[0].Summary, "\n", "\n\t")
		}
		out = append(out, Problem{Page: tab.Page, Mode: tab.Origin.Mode, Rule: v.ID, Detail: detail})
	}
	return out, nil
}
