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
	"github.com/google/go-cmp/cmp"
)

// scenarioID is the scenario whose every path the tests walk.
const scenarioID = "leaving-hospital"

// scenarioPath is one way through a scenario: the choice taken at each
// step, and the ending it reaches.
type scenarioPath struct {
	steps   []string
	choices []int
	ending  string
}

func (p scenarioPath) name() string {
	var parts []string
	for i, s := range p.steps {
		parts = append(parts, fmt.Sprintf("%s=%d", s, p.choices[i]))
	}
	return strings.Join(parts, ",") + "->" + p.ending
}

// scenarioPaths lists every path from the first step to an ending that
// visits no step twice.
func scenarioPaths(s *data.Scenario) []scenarioPath {
	var out []scenarioPath
	var walk func(id string, p scenarioPath)
	walk = func(id string, p scenarioPath) {
		st := s.Step(id)
		if st.Ending != nil {
			p.ending = id
			out = append(out, p)
			return
		}
		for i, c := range st.Choices {
			if id == c.Next || contains(p.steps, c.Next) {
				continue
			}
			walk(c.Next, scenarioPath{steps: append(append([]string(nil), p.steps...), id), choices: append(append([]int(nil), p.choices...), i)})
		}
	}
	walk(s.Steps[0].ID, scenarioPath{})
	return out
}

// scenarioTitle is the heading a step has on the page.
func scenarioTitle(s *data.Scenario, id string) string {
	return fmt.Sprintf("Step %d: %s", s.StepNumber(id), s.Step(id).Title)
}

// scenarioOpen opens the scenario's page with JavaScript on, from a fresh
// start: nothing stored and no step in the address.
func scenarioOpen(t *testing.T, b *e2e.Browser, o e2e.Origin, opt e2e.Options) *e2e.Tab {
	t.Helper()
	tab, err := b.Open(context.Background(), o, pageFor("scenarios", scenarioID), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tab.Close)
	if opt.NoJS {
		return tab
	}
	clearStorage(t, tab)
	must(t, tab.Reload())
	waitFor(t, tab, `!!document.querySelector('.scenario[data-module-started]')`, "the scenario to start")
	return tab
}

// scenarioAt checks that the tool shows step id, and only it, with focus
// on its heading when focused is set, and the step in the address.
func scenarioAt(t *testing.T, tab *e2e.Tab, s *data.Scenario, id string, focused bool) {
	t.Helper()
	kind := "step:"
	if s.Step(id).Ending != nil {
		kind = "ending:"
	}
	if got := evalT[string](t, tab, `document.querySelector(".scenario").getAttribute("data-state")`); got != kind+id {
		t.Fatalf("the scenario shows %q; want %q", got, kind+id)
	}
	if got := visibleIn(t, tab, ".scenario__step", "data-step"); !cmp.Equal(got, []string{id}) {
		t.Errorf("steps on show: %v; want only %q", got, id)
	}
	if focused {
		if got := focusedText(t, tab); got != scenarioTitle(s, id) {
			t.Errorf("focus is on %q; want the heading %q", got, scenarioTitle(s, id))
		}
	}
	if got := evalT[string](t, tab, `location.hash`); got != "#"+s.ID+"-"+id && !(id == s.Steps[0].ID && got == "") {
		t.Errorf("the address ends %q; want #%s-%s", got, s.ID, id)
	}
}

// scenarioChoose takes choice i of the step on show with the keyboard:
// from its heading, Tab to the choice, then Enter.
func scenarioChoose(t *testing.T, tab *e2e.Tab, s *data.Scenario, step string, i int) {
	t.Helper()
	evalT[bool](t, tab, fmt.Sprintf(`document.getElementById(%q).focus(), true`, s.ID+"-"+step+"-title"))
	for range i + 1 {
		keys(t, tab, kb.Tab)
	}
	want := s.Step(step).Choices[i].Text
	if got := focusedText(t, tab); got != want {
		t.Fatalf("Tab from the heading of %q reached %q; want choice %d, %q", step, got, i, want)
	}
	keys(t, tab, kb.Enter)
}

// scenarioPathShown is the choices the ending's path box lists.
func scenarioPathShown(t *testing.T, tab *e2e.Tab) []string {
	t.Helper()
	return evalT[[]string](t, tab, `Array.from(document.querySelectorAll(".scenario__step:not([hidden]) .scenario__path-list strong")).map(function (e) { return e.textContent; })`)
}

func (p scenarioPath) texts(s *data.Scenario) []string {
	var out []string
	for i, st := range p.steps {
		out = append(out, s.Step(st).Choices[p.choices[i]].Text)
	}
	return out
}

// scenarioDone is the endings stored as finished, oldest first.
func scenarioDone(t *testing.T, tab *e2e.Tab, s *data.Scenario) []string {
	t.Helper()
	return evalT[[]string](t, tab, fmt.Sprintf(`(function () {
		var raw = localStorage.getItem("joinedup.scenarios");
		if (!raw) return [];
		var s = JSON.parse(raw).data.scenarios[%q];
		return s ? s.done.map(function (d) { return d.ending; }) : [];
	})()`, s.ID))
}

func TestScenario(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	s := learnData(t).Scenario(scenarioID)
	if s == nil {
		t.Fatalf("the bundled site has no scenario %q", scenarioID)
	}
	paths := scenarioPaths(s)
	reached := map[string]bool{}
	for _, p := range paths {
		reached[p.ending] = true
	}
	for _, st := range s.Steps {
		if st.Ending != nil && !reached[st.ID] {
			t.Fatalf("no path reaches the ending %q", st.ID)
		}
	}
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode), func(t *testing.T) {
			t.Parallel()
			t.Run("every-path", func(t *testing.T) { scenarioEveryPath(t, b, o, s, paths) })
			t.Run("back-and-reload", func(t *testing.T) { scenarioBackAndReload(t, b, o, s, paths) })
			t.Run("no-js", func(t *testing.T) { scenarioNoJS(t, b, o, s) })
			t.Run("print", func(t *testing.T) { scenarioPrint(t, b, o, s) })
		})
	}
}

// scenarioEveryPath walks every path with the keyboard, checking each
// step, each ending's path and what is stored, with axe-core on each
// state once, and each ending in every colour scheme.
func scenarioEveryPath(t *testing.T, b *e2e.Browser, o e2e.Origin, s *data.Scenario, paths []scenarioPath) {
	tab := scenarioOpen(t, b, o, e2e.Options{Width: 375, Height: 800})
	scenarioAt(t, tab, s, s.Steps[0].ID, false)
	checked := map[string]bool{}
	var done []string
	for _, p := range paths {
		t.Run(p.name(), func(t *testing.T) {
			for i, step := range p.steps {
				scenarioAt(t, tab, s, step, i > 0)
				if !checked[step] {
					clean(t, tab, "step "+step)
					checked[step] = true
				}
				scenarioChoose(t, tab, s, step, p.choices[i])
			}
			scenarioAt(t, tab, s, p.ending, true)
			if got, want := scenarioPathShown(t, tab), p.texts(s); !cmp.Equal(got, want) {
				t.Errorf("the path shown at the ending = %q; want %q", got, want)
			}
			end := s.Step(p.ending).Ending
			links := evalT[int](t, tab, `document.querySelectorAll(".scenario__step:not([hidden]) .scenario__more a").length`)
			if links != len(end.Links) {
				t.Errorf("the ending shows %d links to read more; want %d", links, len(end.Links))
			}
			if label := evalT[string](t, tab, `document.querySelector(".scenario__step:not([hidden]) .scenario__result").textContent`); !strings.Contains(label, end.ResultLabel()) {
				t.Errorf("the ending says %q; want its result, %q", label, end.ResultLabel())
			}
			done = append(done, p.ending)
			if got := scenarioDone(t, tab, s); !cmp.Equal(got, done[max(0, len(done)-len(got)):]) {
				t.Errorf("endings stored = %v; want %v", got, done)
			}
			switch {
			case !checked["themes"]:
				// The first ending, with its path and debrief, in every
				// colour scheme; the other endings in the default one.
				themes(t, tab, "ending "+p.ending)
				checked["themes"], checked[p.ending] = true, true
			case !checked[p.ending]:
				clean(t, tab, "ending "+p.ending)
				checked[p.ending] = true
			}
			// Start again, from the ending, with the keyboard.
			tabUntil(t, tab, `el.hasAttribute("data-restart")`, 20)
			keys(t, tab, kb.Enter)
			scenarioAt(t, tab, s, s.Steps[0].ID, true)
		})
	}
}

// scenarioBackAndReload checks that the browser's Back and Forward
// buttons move between steps, that a reload stays on the step with the
// path so far, that coming back to an ending does not count it twice,
// and that a later visit offers to carry on where the reader was.
func scenarioBackAndReload(t *testing.T, b *e2e.Browser, o e2e.Origin, s *data.Scenario, paths []scenarioPath) {
	var p scenarioPath
	for _, q := range paths {
		if len(q.steps) >= 3 {
			p = q
			break
		}
	}
	if p.ending == "" {
		t.Fatal("no path of three steps or more to test Back and reload with")
	}
	tab := scenarioOpen(t, b, o, e2e.Options{})
	scenarioChoose(t, tab, s, p.steps[0], p.choices[0])
	scenarioChoose(t, tab, s, p.steps[1], p.choices[1])
	scenarioAt(t, tab, s, p.steps[2], true)
	must(t, tab.Do(chromedp.NavigateBack()))
	waitFor(t, tab, fmt.Sprintf(`document.querySelector(".scenario").getAttribute("data-state") === "step:%s"`, p.steps[1]), "Back to go back a step")
	scenarioAt(t, tab, s, p.steps[1], true)
	must(t, tab.Reload())
	waitFor(t, tab, `!!document.querySelector('.scenario[data-module-started]')`, "the scenario to start again")
	scenarioAt(t, tab, s, p.steps[1], false)
	must(t, tab.Do(chromedp.NavigateForward()))
	waitFor(t, tab, fmt.Sprintf(`document.querySelector(".scenario").getAttribute("data-state") === "step:%s"`, p.steps[2]), "Forward after a reload")
	for i := 2; i < len(p.steps); i++ {
		scenarioChoose(t, tab, s, p.steps[i], p.choices[i])
	}
	scenarioAt(t, tab, s, p.ending, true)
	if got, want := scenarioPathShown(t, tab), p.texts(s); !cmp.Equal(got, want) {
		t.Errorf("after Back, a reload and Forward, the path shown = %q; want %q", got, want)
	}
	must(t, tab.Reload())
	waitFor(t, tab, `!!document.querySelector('.scenario[data-module-started]')`, "the scenario to start again")
	scenarioAt(t, tab, s, p.ending, false)
	if got, want := scenarioPathShown(t, tab), p.texts(s); !cmp.Equal(got, want) {
		t.Errorf("after a reload at the ending, the path shown = %q; want %q", got, want)
	}
	if got := scenarioDone(t, tab, s); len(got) != 1 {
		t.Errorf("endings stored after a reload at the ending = %v; want the one run", got)
	}
	// Part way through, then a later visit with no step in the address.
	tabUntil(t, tab, `el.hasAttribute("data-restart")`, 80)
	keys(t, tab, kb.Enter)
	scenarioChoose(t, tab, s, p.steps[0], p.choices[0])
	must(t, tab.Do(chromedp.Navigate(o.URL(tab.Page))))
	waitFor(t, tab, `!!document.querySelector('.scenario[data-module-started]')`, "the scenario to start on a new visit")
	scenarioAt(t, tab, s, s.Steps[0].ID, false)
	want := fmt.Sprintf("Carry on from step %d: %s", s.StepNumber(p.steps[1]), s.Step(p.steps[1]).Title)
	if got := evalT[string](t, tab, `(document.querySelector(".scenario__resume-link") || {}).textContent || ""`); got != want {
		t.Fatalf("on a new visit the scenario offers %q; want %q", got, want)
	}
	clean(t, tab, "offer to carry on")
	tabUntil(t, tab, `el.classList.contains("scenario__resume-link")`, 40)
	keys(t, tab, kb.Enter)
	scenarioAt(t, tab, s, p.steps[1], true)
}

// scenarioNoJS checks the scenario without JavaScript: every step shows,
// each choice is a link to the section of its step and says which step
// that is, and the links work, from a server and from disk.
func scenarioNoJS(t *testing.T, b *e2e.Browser, o e2e.Origin, s *data.Scenario) {
	tab := scenarioOpen(t, b, o, e2e.Options{NoJS: true})
	var want []string
	for _, st := range s.Steps {
		want = append(want, st.ID)
	}
	if got := visibleIn(t, tab, ".scenario__step", "data-step"); !cmp.Equal(got, want) {
		t.Errorf("steps shown without JavaScript: %v; want all of %v", got, want)
	}
	type choice struct {
		Href, Goto string
	}
	for _, st := range s.Steps {
		got := evalT[[]choice](t, tab, fmt.Sprintf(`Array.from(document.querySelectorAll("#%s-%s .scenario__choices li")).map(function (li) {
			return {Href: li.querySelector("a").getAttribute("href"), Goto: li.querySelector(".scenario__goto").textContent}; })`, s.ID, st.ID))
		var wantC []choice
		for _, c := range st.Choices {
			wantC = append(wantC, choice{Href: "#" + s.ID + "-" + c.Next, Goto: fmt.Sprintf("(go to step %d)", s.StepNumber(c.Next))})
		}
		if len(wantC)+len(got) == 0 {
			continue
		}
		if diff := cmp.Diff(wantC, got); diff != "" {
			t.Errorf("choices of step %q (-want +got):\n%s", st.ID, diff)
		}
	}
	// Follow one path by its links, with the keyboard.
	p := scenarioPaths(s)[0]
	for i, st := range p.steps {
		next := s.Step(st).Choices[p.choices[i]].Next
		evalT[bool](t, tab, fmt.Sprintf(`document.querySelectorAll("#%s-%s .scenario__choice")[%d].focus(), true`, s.ID, st, p.choices[i]))
		keys(t, tab, kb.Enter)
		waitFor(t, tab, fmt.Sprintf(`location.hash === "#%s-%s"`, s.ID, next), "the link to step "+next)
	}
	dirCleanNoJS(t, tab, "scenario without JavaScript")
}

// scenarioPrint checks the scenario on paper with JavaScript on, opened at
// an ending: every step prints, with the step each choice leads to.
func scenarioPrint(t *testing.T, b *e2e.Browser, o e2e.Origin, s *data.Scenario) {
	end := ""
	for _, st := range s.Steps {
		if st.Ending != nil {
			end = st.ID
			break
		}
	}
	tab, err := b.Open(context.Background(), o, pageFor("scenarios", s.ID)+"#"+s.ID+"-"+end, e2e.Options{Media: "print"})
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	waitFor(t, tab, `!!document.querySelector('.scenario[data-module-started]')`, "the scenario to start")
	if got := evalT[string](t, tab, `document.querySelector(".scenario").getAttribute("data-state")`); got != "ending:"+end {
		t.Errorf("opened at %s, the scenario shows %q", end, got)
	}
	if got := len(visibleIn(t, tab, ".scenario__step", "data-step")); got != len(s.Steps) {
		t.Errorf("%d steps print; want all %d", got, len(s.Steps))
	}
	if got := len(visibleIn(t, tab, ".scenario__goto", "class")); got == 0 {
		t.Error("the printed choices do not say which step they lead to")
	}
	ps, err := tab.Print()
	must(t, err)
	for _, p := range append(ps, tab.Problems()...) {
		t.Error(p)
	}
}
