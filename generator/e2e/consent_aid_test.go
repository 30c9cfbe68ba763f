//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"joinedup/generator/e2e"
	"joinedup/generator/internal/data"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const consentPage = "learning/can-i-share.html"

// The words every outcome ends with, and the warning on outcomes marked
// now (templates/components/consent-aid.html).
const (
	consentRecord = "Record your decision and why"
	consentAsk    = "Ask if you are unsure"
	consentNow    = "Act now. Do not wait."
)

// consentPath is one way through the decision aid: the option chosen at
// each step, and the outcome it ends in.
type consentPath struct {
	steps   []string // step ids, in order
	choices []int    // the option chosen at each step
	outcome string
}

func (p consentPath) name(c data.Consent) string {
	var parts []string
	for i, s := range p.steps {
		st := c.Steps[c.StepNumber(s)-1]
		parts = append(parts, s+"="+st.Options[p.choices[i]].Answer)
	}
	return strings.Join(parts, ",") + "->" + p.outcome
}

// consentPaths lists every path through the tree from the first step.
func consentPaths(c data.Consent) []consentPath {
	var out []consentPath
	var walk func(id string, p consentPath)
	walk = func(id string, p consentPath) {
		st := c.Steps[c.StepNumber(id)-1]
		for i, o := range st.Options {
			q := consentPath{steps: append(append([]string(nil), p.steps...), id), choices: append(append([]int(nil), p.choices...), i)}
			if o.Outcome != "" {
				q.outcome = o.Outcome
				out = append(out, q)
				continue
			}
			walk(o.Next, q)
		}
	}
	walk(c.Steps[0].ID, consentPath{})
	return out
}

// coveringPaths picks, in order, the paths that reach a step or an
// outcome no earlier pick reached: every screen of the aid, in fewer walks.
func coveringPaths(paths []consentPath) []consentPath {
	seen := map[string]bool{}
	var out []consentPath
	for _, p := range paths {
		fresh := !seen["outcome:"+p.outcome]
		for _, s := range p.steps {
			fresh = fresh || !seen["step:"+s]
		}
		if !fresh {
			continue
		}
		out = append(out, p)
		seen["outcome:"+p.outcome] = true
		for _, s := range p.steps {
			seen["step:"+s] = true
		}
	}
	return out
}

// consentOpen opens the aid with JavaScript on, waits for it to start and
// checks it shows the first question.
func consentOpen(t *testing.T, b *e2e.Browser, o e2e.Origin) *e2e.Tab {
	t.Helper()
	tab, err := b.Open(context.Background(), o, consentPage, e2e.Options{Width: 375, Height: 800})
	if err != nil {
		t.Fatal(err)
	}
	dirWaitFor(t, tab, `!!document.querySelector(".consent-aid[data-module-started]")`, `document.documentElement.className`)
	return tab
}

// consentState is what the tool shows now.
func consentState(t *testing.T, tab *e2e.Tab) string {
	t.Helper()
	return evalT[string](t, tab, `document.querySelector(".consent-aid").getAttribute("data-state")`)
}

// consentAnswer chooses option i at the current question and presses
// Continue, with the keyboard only: focus starts on the question heading.
// When checked, a radio was already chosen (after Back or Change) and Tab
// lands on it.
func consentAnswer(t *testing.T, tab *e2e.Tab, i int, checked bool) {
	t.Helper()
	dirKeys(t, tab, kb.Tab)
	if !checked {
		if i == 0 {
			dirKeys(t, tab, " ")
		}
		for range i {
			dirKeys(t, tab, kb.ArrowDown)
		}
	}
	if got := evalT[string](t, tab, `document.activeElement.value + (document.activeElement.checked ? "" : " unchecked")`); got != fmt.Sprint(i) {
		t.Fatalf("focus after choosing option %d is on a radio with value %q", i, got)
	}
	dirKeys(t, tab, kb.Tab)
	if got := evalT[string](t, tab, `document.activeElement.textContent`); got != "Continue" {
		t.Fatalf("Tab from the answers focused %q; want Continue", got)
	}
	dirKeys(t, tab, kb.Enter)
}

// consentFocusOnHeading checks that focus moved to the heading of the new
// screen and that it reads want.
func consentFocusOnHeading(t *testing.T, tab *e2e.Tab, want string) {
	t.Helper()
	got := evalT[string](t, tab, `document.activeElement.classList.contains("consent-aid__heading") ? document.activeElement.textContent : "not a heading: " + document.activeElement.outerHTML.slice(0, 80)`)
	if got != want {
		t.Errorf("focus is on %q; want the heading %q", got, want)
	}
}

func TestConsentAid(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	// Two tabs: walking every path is the suite's longest test, so the
	// two origins walk theirs side by side.
	b := chromium.Start(t, 2)
	c := dirLoadData(t).Consent
	paths := consentPaths(c)
	reached := map[string]bool{}
	for _, p := range paths {
		reached[p.outcome] = true
	}
	if len(reached) != len(c.Outcomes) {
		t.Fatalf("the paths reach %d outcomes; want all %d", len(reached), len(c.Outcomes))
	}
	covering := coveringPaths(paths)
	t.Logf("%d paths, %d of them cover every step and outcome", len(paths), len(covering))
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode)+"/no-js", func(t *testing.T) {
			tab, err := b.Open(context.Background(), o, consentPage, e2e.Options{NoJS: true, Width: 375, Height: 800})
			if err != nil {
				t.Fatal(err)
			}
			defer tab.Close()
			type tree struct {
				Tool     bool     `json:"tool"`
				Steps    []string `json:"steps"`
				Options  []int    `json:"options"`
				Outcomes []string `json:"outcomes"`
				Reminder int      `json:"reminder"`
				Broken   []string `json:"broken"`
			}
			got := evalT[tree](t, tab, `(function(){
				var steps = Array.from(document.querySelectorAll(".consent-aid__step")).filter(function(e){return e.checkVisibility()});
				var outs = Array.from(document.querySelectorAll(".consent-aid__outcome")).filter(function(e){return e.checkVisibility()});
				var broken = Array.from(document.querySelectorAll(".consent-aid__tree a[href^='#']")).filter(function(a){return !document.getElementById(a.hash.slice(1))}).map(function(a){return a.href});
				return {tool: document.querySelector(".consent-aid__tool").checkVisibility(),
					steps: steps.map(function(s){return s.querySelector("h3").textContent}),
					options: steps.map(function(s){return s.querySelectorAll(".consent-aid__option").length}),
					outcomes: outs.map(function(o){return o.querySelector("h3").textContent}),
					reminder: outs.filter(function(o){return o.textContent.indexOf(`+jsString(consentRecord)+`) >= 0 && o.textContent.indexOf(`+jsString(consentAsk)+`) >= 0}).length,
					broken: broken};
			})()`)
			if got.Tool {
				t.Error("without JavaScript the interactive tool is visible; want only the tree")
			}
			if len(got.Steps) != len(c.Steps) {
				t.Fatalf("tree shows %d steps; want %d", len(got.Steps), len(c.Steps))
			}
			for i, s := range c.Steps {
				if want := fmt.Sprintf("Step %d: %s", i+1, s.Question); got.Steps[i] != want {
					t.Errorf("step %d heading = %q; want %q", i+1, got.Steps[i], want)
				}
				if got.Options[i] != len(s.Options) {
					t.Errorf("step %d shows %d answers; want %d", i+1, got.Options[i], len(s.Options))
				}
			}
			if len(got.Outcomes) != len(c.Outcomes) || got.Reminder != len(c.Outcomes) {
				t.Errorf("tree shows %d outcomes, %d with both reminders; want %d", len(got.Outcomes), got.Reminder, len(c.Outcomes))
			}
			if len(got.Broken) > 0 {
				t.Errorf("links in the tree to missing steps or outcomes: %v", got.Broken)
			}
			dirCleanNoJS(t, tab, "no-js tree")
		})
		t.Run(string(o.Mode)+"/back and reload", func(t *testing.T) {
			// The longest path, answered by keyboard; then the browser's
			// Back and reload keep the place and the answers.
			long := paths[0]
			for _, p := range paths {
				if len(p.steps) > len(long.steps) {
					long = p
				}
			}
			if len(long.steps) < 3 {
				t.Fatalf("the longest path has %d steps; this test needs 3", len(long.steps))
			}
			tab := consentOpen(t, b, o)
			defer tab.Close()
			evalT[bool](t, tab, `(document.querySelector(".consent-aid__heading").focus(), true)`)
			for i := range 2 {
				consentAnswer(t, tab, long.choices[i], false)
			}
			if got := consentState(t, tab); got != "step:"+long.steps[2] {
				t.Fatalf("after two answers the tool shows %q; want step %q", got, long.steps[2])
			}
			if h := evalT[string](t, tab, `location.hash`); h != fmt.Sprintf("#consent-aid-1/%d.%d", long.choices[0], long.choices[1]) {
				t.Errorf("the address ends %q; want the two answers", h)
			}
			evalT[bool](t, tab, `(history.back(), true)`)
			waitFor(t, tab, `document.querySelector(".consent-aid").getAttribute("data-state") === "step:`+long.steps[1]+`"`, "Back to the second question")
			if got := evalT[string](t, tab, `(document.querySelector(".consent-aid__form input:checked") || {}).value || ""`); got != fmt.Sprint(long.choices[1]) {
				t.Errorf("after Back the second question shows answer %q; want %d, as chosen", got, long.choices[1])
			}
			consentFocusOnHeading(t, tab, c.Steps[c.StepNumber(long.steps[1])-1].Question)
			must(t, tab.Reload())
			dirWaitFor(t, tab, `!!document.querySelector(".consent-aid[data-module-started]")`, `document.documentElement.className`)
			if got := consentState(t, tab); got != "step:"+long.steps[1] {
				t.Errorf("after reload the tool shows %q; want step %q", got, long.steps[1])
			}
			if n := evalT[int](t, tab, `document.querySelectorAll(".consent-aid__summary .summary-list__row").length`); n != 1 {
				t.Errorf("after reload %d answers are listed; want the first", n)
			}
			clean(t, tab, "after reload")
			evalT[bool](t, tab, `(history.back(), true)`)
			waitFor(t, tab, `document.querySelector(".consent-aid").getAttribute("data-state") === "step:`+long.steps[0]+`"`, "Back to the first question")
			if p := evalT[string](t, tab, `location.pathname`); !strings.HasSuffix(p, consentPage) {
				t.Errorf("Back left the page for %s", p)
			}
		})
		// Over HTTP every path is walked; from file:// the paths that
		// between them show every question and every outcome. The tree
		// is the same from either origin: what differs from disk is
		// storage, which the other subtests walk.
		walks := paths
		if o.Mode == e2e.File {
			walks = covering
		}
		t.Run(string(o.Mode)+"/paths", func(t *testing.T) {
			t.Parallel()
			tab := consentOpen(t, b, o)
			defer tab.Close()
			checked := map[string]bool{} // states axe has already checked
			for _, p := range walks {
				t.Run(p.name(c), func(t *testing.T) {
					if consentState(t, tab) != "step:"+c.Steps[0].ID {
						t.Fatalf("state before the path = %q; want the first step", consentState(t, tab))
					}
					// Start with focus on the first question's heading, as
					// after Start again.
					if _, err := e2e.Eval[bool](tab, `(document.querySelector(".consent-aid__heading").focus(), true)`); err != nil {
						t.Fatal(err)
					}
					for i, step := range p.steps {
						if got := consentState(t, tab); got != "step:"+step {
							t.Fatalf("before answer %d the tool shows %q; want step %q", i+1, got, step)
						}
						if !checked[step] {
							clean(t, tab, "step "+step)
							checked[step] = true
						}
						consentAnswer(t, tab, p.choices[i], false)
						if i+1 < len(p.steps) {
							consentFocusOnHeading(t, tab, c.Steps[c.StepNumber(p.steps[i+1])-1].Question)
						}
					}
					out := c.Outcome(p.outcome)
					if got := consentState(t, tab); got != "outcome:"+p.outcome {
						t.Fatalf("after the path the tool shows %q; want outcome %q", got, p.outcome)
					}
					consentFocusOnHeading(t, tab, out.Title)
					type result struct {
						Panel   string   `json:"panel"`
						Body    string   `json:"body"`
						Answers []string `json:"answers"`
					}
					r := evalT[result](t, tab, `({panel: document.querySelector(".consent-aid__panel").textContent,
						body: document.querySelector(".consent-aid__result").textContent,
						answers: Array.from(document.querySelectorAll(".consent-aid__summary dd:not(.consent-aid__actions)")).map(function(d){return d.textContent})})`)
					if !strings.Contains(r.Panel, out.Title) {
						t.Errorf("panel = %q; want the outcome title %q", r.Panel, out.Title)
					}
					for _, want := range []string{consentRecord, consentAsk} {
						if !strings.Contains(r.Body, want) {
							t.Errorf("outcome %q does not say %q", p.outcome, want)
						}
					}
					// An outcome where waiting is dangerous says so.
					if got := strings.Contains(r.Body, consentNow); got != out.Now {
						t.Errorf("outcome %q shows the act-now warning = %v; want %v", p.outcome, got, out.Now)
					}
					var want []string
					for i, s := range p.steps {
						want = append(want, c.Steps[c.StepNumber(s)-1].Options[p.choices[i]].Answer)
					}
					if strings.Join(r.Answers, "|") != strings.Join(want, "|") {
						t.Errorf("answers listed = %q; want %q", r.Answers, want)
					}
					if !checked["outcome:"+p.outcome] {
						clean(t, tab, "outcome "+p.outcome)
						checked["outcome:"+p.outcome] = true
					}
					// Start again is the first button after the outcome.
					if err := chromedp.Do(tab.Context(), chromedp.Focus(chromedp.CSS(".consent-aid__restart"))); err != nil {
						t.Fatal(err)
					}
					dirKeys(t, tab, kb.Enter)
					consentFocusOnHeading(t, tab, c.Steps[0].Question)
				})
			}
		})
		t.Run(string(o.Mode)+"/error-back-change", func(t *testing.T) {
			tab := consentOpen(t, b, o)
			defer tab.Close()
			first, second := c.Steps[0], c.Steps[1]
			// Continue with nothing chosen: an error summary, focused, and
			// an inline message.
			if err := chromedp.Do(tab.Context(), chromedp.Focus(chromedp.CSS(".consent-aid__continue"))); err != nil {
				t.Fatal(err)
			}
			dirKeys(t, tab, kb.Enter)
			errs := evalT[[]string](t, tab, `[document.activeElement.className, (document.querySelector(".consent-aid .error-message") || {}).textContent || ""]`)
			if errs[0] != "error-summary" || !strings.Contains(errs[1], "Choose an answer") {
				t.Errorf("after Continue with no answer: focus on %q, message %q; want the error summary focused and an inline error", errs[0], errs[1])
			}
			if got := consentState(t, tab); got != "step:"+first.ID {
				t.Errorf("after an error the tool shows %q; want it to stay on %q", got, first.ID)
			}
			clean(t, tab, "error")
			// The summary's link takes focus to the first answer.
			dirKeys(t, tab, kb.Tab)
			if got := evalT[string](t, tab, `document.activeElement.outerHTML.slice(0, 120)`); !strings.Contains(got, "Choose an answer") {
				t.Errorf("Tab from the error summary focused %s; want its link", got)
			}
			dirKeys(t, tab, kb.Enter)
			if got := evalT[string](t, tab, `document.activeElement.type + ":" + document.activeElement.value + ":" + document.activeElement.outerHTML.slice(0, 100) + location.hash`); !strings.HasPrefix(got, "radio:0:") {
				t.Errorf("the error link focused %q; want the first answer", got)
			}
			// Choose the answer that leads to the second step.
			pick := -1
			for i, opt := range first.Options {
				if opt.Next == second.ID {
					pick = i
				}
			}
			if pick < 0 {
				t.Fatalf("no answer of %q leads to %q", first.ID, second.ID)
			}
			if _, err := e2e.Eval[bool](tab, `(document.querySelector(".consent-aid__heading").focus(), true)`); err != nil {
				t.Fatal(err)
			}
			consentAnswer(t, tab, pick, false)
			consentFocusOnHeading(t, tab, second.Question)
			if n := evalT[int](t, tab, `document.querySelectorAll(".consent-aid .error-message, .consent-aid .error-summary").length`); n != 0 {
				t.Errorf("%d error messages left after a valid answer; want none", n)
			}
			clean(t, tab, "second step with answers so far")
			// Back returns to the first step with the answer still chosen.
			if err := chromedp.Do(tab.Context(), chromedp.Focus(chromedp.CSS(".consent-aid__back"))); err != nil {
				t.Fatal(err)
			}
			dirKeys(t, tab, kb.Enter)
			consentFocusOnHeading(t, tab, first.Question)
			if got := evalT[string](t, tab, `(document.querySelector(".consent-aid input[type=radio]:checked") || {}).value || "none"`); got != fmt.Sprint(pick) {
				t.Errorf("after Back the chosen answer is %q; want %d", got, pick)
			}
			clean(t, tab, "back")
			consentAnswer(t, tab, pick, true)
			consentFocusOnHeading(t, tab, second.Question)
			// Answer the second step, then change the first answer from the
			// summary list.
			consentAnswer(t, tab, 0, false)
			if err := chromedp.Do(tab.Context(), chromedp.Focus(chromedp.CSS(".consent-aid__change"))); err != nil {
				t.Fatal(err)
			}
			dirKeys(t, tab, kb.Enter)
			consentFocusOnHeading(t, tab, first.Question)
			if n := evalT[int](t, tab, `document.querySelectorAll(".consent-aid__summary .summary-list__row").length`); n != 0 {
				t.Errorf("after Change on the first answer %d answers are listed; want 0", n)
			}
			if got := evalT[string](t, tab, `(document.querySelector(".consent-aid input[type=radio]:checked") || {}).value || "none"`); got != fmt.Sprint(pick) {
				t.Errorf("after Change the chosen answer is %q; want %d", got, pick)
			}
			// Change to an answer that ends at once.
			end := -1
			for i, opt := range first.Options {
				if opt.Outcome != "" {
					end = i
				}
			}
			if end < 0 {
				t.Fatalf("no answer of %q ends in an outcome", first.ID)
			}
			dirKeys(t, tab, kb.Tab)
			for range end - pick {
				dirKeys(t, tab, kb.ArrowDown)
			}
			for range pick - end {
				dirKeys(t, tab, kb.ArrowUp)
			}
			dirKeys(t, tab, kb.Tab, kb.Enter)
			if got := consentState(t, tab); got != "outcome:"+first.Options[end].Outcome {
				t.Errorf("after changing the answer the tool shows %q; want outcome %q", got, first.Options[end].Outcome)
			}
			if n := evalT[int](t, tab, `document.querySelectorAll(".consent-aid__summary .summary-list__row").length`); n != 1 {
				t.Errorf("%d answers listed; want 1", n)
			}
			clean(t, tab, "changed to an outcome")
		})
	}
}
