//go:build browser

package e2e_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/google/go-cmp/cmp"

	"joinedup/generator/e2e"
)

const (
	planPage = "learning/action-plan.html"
	planKey  = "joinedup.action-plan"
	// The remedies the tests pick, and their text in content/data/barriers.yaml.
	meetingsText = "Hold regular meetings, in person or by video, with dates set well ahead."
	methodsText  = "Agree how you will contact each other, for example a secure email group named with a case number, never a person's name."
	leadsText    = "Put a named lead against every action in the joint care plan."
)

// TestBarrierPlanner runs the barrier planner on the action plan page over
// HTTP and from disk: the main path with the mouse and with the keyboard,
// downloads, printing, damaged saved data, and the page without
// JavaScript. Each origin has its own storage, so the two run side by side;
// the scenarios of one origin share its storage and run in turn.
func TestBarrierPlanner(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode), func(t *testing.T) {
			t.Parallel()
			t.Run("plan", func(t *testing.T) { planScenario(t, b, o) })
			t.Run("keyboard", func(t *testing.T) { planKeyboard(t, b, o) })
			t.Run("damaged", func(t *testing.T) { planDamaged(t, b, o) })
			t.Run("themes", func(t *testing.T) { planThemes(t, b, o) })
			t.Run("blocked-storage", func(t *testing.T) { planBlocked(t, b, o) })
			t.Run("no-js", func(t *testing.T) { planNoJS(t, b, o) })
		})
	}
}

// openPlan opens the action plan page at phone size with JavaScript on and
// waits for the planner to start. With fresh set, it first empties the
// origin's storage and reloads.
func openPlan(t *testing.T, b *e2e.Browser, o e2e.Origin, opt e2e.Options, fresh bool) *e2e.Tab {
	t.Helper()
	if opt.Width == 0 {
		opt.Width, opt.Height = 375, 800
	}
	tab, err := b.Open(context.Background(), o, planPage, opt)
	if err != nil {
		t.Fatal(err)
	}
	if opt.NoJS {
		return tab
	}
	if fresh {
		evalT[bool](t, tab, `localStorage.clear(), true`)
		reloadPlan(t, tab)
		return tab
	}
	waitPlan(t, tab)
	return tab
}

// reloadPlan reloads the page and waits for the planner to start again.
func reloadPlan(t *testing.T, tab *e2e.Tab) {
	t.Helper()
	if err := chromedp.Do(tab.Context(), chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitPlan(t, tab)
}

func waitPlan(t *testing.T, tab *e2e.Tab) {
	t.Helper()
	waitFor(t, tab, `document.readyState === "complete" && !!document.querySelector('[data-module="barrier-planner"][data-module-started]')`, "the planner to start")
}

// do runs actions in the tab, failing the test when they do not finish in
// 10 seconds (a click waits for its element, which may never appear).
func do(t *testing.T, tab *e2e.Tab, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab.Context(), 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s (%s): %v", tab.Page, tab.Origin.Mode, err)
	}
}

// planAction is one action as the editor shows it.
type planAction struct {
	Legend  string `json:"legend"`
	Action  string `json:"action"`
	Who     string `json:"who"`
	When    string `json:"when"`
	Measure string `json:"measure"`
}

const readActionsJS = `Array.from(document.querySelectorAll(".barrier-planner__action")).map(li => ({
  legend: li.querySelector("legend").textContent,
  action: li.querySelector("[data-field=action]").value,
  who: li.querySelector("[data-field=who]").value,
  when: li.querySelector("[data-field=when]").value,
  measure: li.querySelector("[data-field=measure]").value}))`

func readActions(t *testing.T, tab *e2e.Tab) []planAction {
	t.Helper()
	return evalT[[]planAction](t, tab, readActionsJS)
}

// checked lists the ids of the ticked checkboxes in step 1.
func checked(t *testing.T, tab *e2e.Tab) []string {
	t.Helper()
	return evalT[[]string](t, tab, `Array.from(document.querySelectorAll(".barrier-planner__choose input:checked")).map(i => i.value)`)
}

// shownRemedies lists the barriers whose remedies are on show.
func shownRemedies(t *testing.T, tab *e2e.Tab) []string {
	t.Helper()
	return evalT[[]string](t, tab, `Array.from(document.querySelectorAll(".barrier-planner__remedies")).filter(f => f.checkVisibility()).map(f => f.id)`)
}

// setField types into a field of the plan the way a person would.
func setField(t *testing.T, tab *e2e.Tab, sel, text string) {
	t.Helper()
	do(t, tab, chromedp.SendKeys(chromedp.CSS(sel), text))
}

func waitSaved(t *testing.T, tab *e2e.Tab) {
	t.Helper()
	waitFor(t, tab, `document.querySelector("[data-plan-status]").textContent === "Saved in this browser."`, "the plan to be saved")
}

func planScenario(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	tab := openPlan(t, b, o, e2e.Options{}, true)
	defer func() { tab.Close() }()
	clean(t, tab, "empty planner")
	if got := shownRemedies(t, tab); len(got) != 0 {
		t.Errorf("remedies shown before any barrier is ticked: %v", got)
	}
	if got := evalT[bool](t, tab, `document.querySelector(".barrier-planner__sheet").checkVisibility()`); got {
		t.Error("the blank paper table shows on screen with JavaScript on")
	}

	do(t, tab,
		chromedp.Click(chromedp.CSS("#plan-barrier-communication")),
		chromedp.Click(chromedp.CSS("#plan-barrier-unclear-roles")))
	if diff := cmp.Diff([]string{"plan-remedies-communication", "plan-remedies-unclear-roles"}, shownRemedies(t, tab)); diff != "" {
		t.Errorf("remedies shown after ticking two barriers (-want +got):\n%s", diff)
	}
	clean(t, tab, "two barriers ticked")

	do(t, tab,
		chromedp.Click(chromedp.CSS("#plan-remedy-communication-regular-meetings")),
		chromedp.Click(chromedp.CSS("#plan-remedy-communication-agreed-methods")),
		chromedp.Click(chromedp.CSS("#plan-remedy-roles-named-leads")))
	want := []planAction{
		{Legend: "Action 1: Poor communication", Action: meetingsText},
		{Legend: "Action 2: Poor communication", Action: methodsText},
		{Legend: "Action 3: Unclear or overlapping roles", Action: leadsText},
	}
	if diff := cmp.Diff(want, readActions(t, tab)); diff != "" {
		t.Fatalf("actions after picking three remedies (-want +got):\n%s", diff)
	}
	clean(t, tab, "three remedies picked")

	setField(t, tab, "#plan-a1-who", `Team leader, "duty" manager`)
	setField(t, tab, "#plan-a1-measure", "Meetings booked to March")
	setField(t, tab, "#plan-a2-who", "=SUM(A1)")
	setField(t, tab, "#plan-a3-action", " Start with Rita's plan.")
	evalT[bool](t, tab, `(() => { const d = document.querySelector("#plan-a1-when"); d.value = "2026-03-31"; d.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`)
	waitSaved(t, tab)
	clean(t, tab, "fields filled")

	reloadPlan(t, tab)
	want[0].Who, want[0].When, want[0].Measure = `Team leader, "duty" manager`, "2026-03-31", "Meetings booked to March"
	want[1].Who = "=SUM(A1)"
	want[2].Action = leadsText + " Start with Rita's plan."
	if diff := cmp.Diff(want, readActions(t, tab)); diff != "" {
		t.Errorf("actions after reload (-want +got):\n%s", diff)
	}
	wantChecked := []string{"communication", "communication-regular-meetings", "communication-agreed-methods", "unclear-roles", "roles-named-leads"}
	if diff := cmp.Diff(wantChecked, checked(t, tab)); diff != "" {
		t.Errorf("ticks after reload (-want +got):\n%s", diff)
	}
	clean(t, tab, "reloaded")

	// The step is in the address: Go to step 2, reload, Back.
	do(t, tab, chromedp.Click(chromedp.CSS(`.barrier-planner__next a[href="#plan-actions"]`)))
	if h := evalT[string](t, tab, `location.hash`); h != "#plan-actions" {
		t.Errorf("after Go to step 2 the address ends %q; want #plan-actions", h)
	}
	reloadPlan(t, tab)
	if top := evalT[float64](t, tab, `document.getElementById("plan-actions").getBoundingClientRect().top`); top < -1 || top > 300 {
		t.Errorf("after reload step 2's heading is %.0fpx down the screen; want it at the top", top)
	}
	if n := len(readActions(t, tab)); n != 3 {
		t.Errorf("after reload at step 2 the plan has %d actions; want 3", n)
	}
	evalT[bool](t, tab, `(history.back(), true)`)
	waitFor(t, tab, `location.hash !== "#plan-actions"`, "Back to step 1")

	planDownloads(t, tab)

	// Removing action 2 unticks its remedy and puts focus on the action
	// that took its place.
	do(t, tab, chromedp.Click(chromedp.CSS(`[data-remove="a2"]`)))
	if got := len(readActions(t, tab)); got != 2 {
		t.Errorf("actions after removing one = %d; want 2", got)
	}
	if got := evalT[bool](t, tab, `document.getElementById("plan-remedy-communication-agreed-methods").checked`); got {
		t.Error("the removed action's remedy is still ticked")
	}
	if got := evalT[string](t, tab, `document.activeElement.id`); got != "plan-a3-action" {
		t.Errorf("focus after removing action 2 is on %q; want plan-a3-action", got)
	}
	waitSaved(t, tab)
	clean(t, tab, "action removed")

	// Printed, the page shows the plan as a table, not the form.
	tab.Close()
	ptab := openPlan(t, b, o, e2e.Options{Media: "print"}, false)
	rows := evalT[[][]string](t, ptab, `Array.from(document.querySelectorAll("[data-plan-rows] tr")).map(r => Array.from(r.cells).map(c => c.textContent))`)
	wantRows := [][]string{
		{"Poor communication", meetingsText, meetingsText, `Team leader, "duty" manager`, "31 March 2026", "Meetings booked to March"},
		// A reworded action notes the remedy it came from; the filled
		// table's remedy column is hidden, so the remedy is not repeated.
		{"Unclear or overlapping roles", leadsText, leadsText + " Start with Rita's plan." + "From the remedy: " + leadsText, "", "", ""},
	}
	if diff := cmp.Diff(wantRows, rows); diff != "" {
		t.Errorf("printed plan rows (-want +got):\n%s", diff)
	}
	shown := evalT[map[string]bool](t, ptab, `({table: document.querySelector("[data-plan-table]").checkVisibility(),
	  choose: document.querySelector(".barrier-planner__choose").checkVisibility(),
	  editor: document.querySelector("[data-plan-editor]").checkVisibility()})`)
	if diff := cmp.Diff(map[string]bool{"table": true, "choose": false, "editor": false}, shown); diff != "" {
		t.Errorf("what prints (-want +got):\n%s", diff)
	}
	ptab.Close()

	// Start again asks first, then clears the page and the browser.
	tab = openPlan(t, b, o, e2e.Options{}, false)
	do(t, tab, chromedp.Click(chromedp.CSS("[data-plan-again]")))
	if got := evalT[string](t, tab, `document.activeElement.id`); got != "plan-confirm-text" {
		t.Errorf("focus after Start again is on %q; want the question", got)
	}
	if got := len(readActions(t, tab)); got != 2 {
		t.Errorf("Start again removed actions before it was confirmed: %d left", got)
	}
	clean(t, tab, "start again asked")
	do(t, tab, chromedp.Click(chromedp.CSS("[data-plan-confirm]")))
	if got := len(readActions(t, tab)); got != 0 {
		t.Errorf("actions after Start again = %d; want 0", got)
	}
	if got := checked(t, tab); len(got) != 0 {
		t.Errorf("ticks after Start again: %v", got)
	}
	if got := evalT[bool](t, tab, `localStorage.getItem("`+planKey+`") === null`); !got {
		t.Error("Start again left the plan in storage")
	}
	clean(t, tab, "started again")
}

// planDownloads downloads the plan as CSV and JSON and checks the files.
func planDownloads(t *testing.T, tab *e2e.Tab) {
	t.Helper()
	dl, err := tab.Downloads()
	if err != nil {
		t.Fatal(err)
	}
	today := evalT[string](t, tab, `window.joinedup.today()`)

	do(t, tab, chromedp.Click(chromedp.CSS("[data-plan-csv]")))
	raw, err := dl.Wait(tab.Context(), "action-plan-"+today+".csv", 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	// A byte order mark, so that Excel reads the file as UTF-8.
	if !bytes.HasPrefix(raw, []byte("\ufeffBarrier,Action,Who,By when,How we will know,\"Remedy it came from, if reworded\"\r\n")) {
		t.Errorf("CSV header line wrong:\n%s", raw)
	}
	raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
	if !bytes.Contains(raw, []byte(`,"Team leader, ""duty"" manager",`)) {
		t.Errorf("CSV does not quote a comma and a quote as RFC 4180 says:\n%s", raw)
	}
	records, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v\n%s", err, raw)
	}
	// No column repeats another: the remedy only where the action was reworded.
	wantCSV := [][]string{
		{"Barrier", "Action", "Who", "By when", "How we will know", "Remedy it came from, if reworded"},
		{"Poor communication", meetingsText, `Team leader, "duty" manager`, "2026-03-31", "Meetings booked to March", ""},
		{"Poor communication", methodsText, "'=SUM(A1)", "", "", ""},
		{"Unclear or overlapping roles", leadsText + " Start with Rita's plan.", "", "", "", leadsText},
	}
	if diff := cmp.Diff(wantCSV, records); diff != "" {
		t.Errorf("CSV rows (-want +got):\n%s", diff)
	}

	do(t, tab, chromedp.Click(chromedp.CSS("[data-plan-json]")))
	raw, err = dl.Wait(tab.Context(), "action-plan-"+today+".json", 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	type action struct {
		Barrier, BarrierID, Remedy, RemedyID, Action, Who, ByWhen, HowWeWillKnow string
	}
	var got struct {
		Format   string   `json:"format"`
		Version  int      `json:"version"`
		Created  string   `json:"created"`
		Barriers []string `json:"barriers"`
		Actions  []action `json:"actions"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("JSON does not decode: %v\n%s", err, raw)
	}
	if got.Format != "joinedup-action-plan" || got.Version != 1 || got.Created != today || len(got.Actions) != 3 {
		t.Fatalf("JSON = %s; want format joinedup-action-plan, version 1, created %s, 3 actions", raw, today)
	}
	wantFirst := action{Barrier: "Poor communication", BarrierID: "communication", Remedy: meetingsText, RemedyID: "communication-regular-meetings",
		Action: meetingsText, Who: `Team leader, "duty" manager`, ByWhen: "2026-03-31", HowWeWillKnow: "Meetings booked to March"}
	if diff := cmp.Diff(wantFirst, got.Actions[0]); diff != "" {
		t.Errorf("JSON first action (-want +got):\n%s", diff)
	}
	if got.Actions[1].Who != "=SUM(A1)" {
		t.Errorf("JSON second action's who = %q; want it as typed", got.Actions[1].Who)
	}
	clean(t, tab, "downloaded")

	// The JSON file imports again: clear the plan, import, and it is back.
	file := filepath.Join(t.TempDir(), "plan.json")
	must(t, os.WriteFile(file, raw, 0o644))
	before := readActions(t, tab)
	evalT[bool](t, tab, `(document.querySelector("[data-plan-again]").click(), document.querySelector("[data-plan-confirm]").click(), true)`)
	if n := len(readActions(t, tab)); n != 0 {
		t.Fatalf("Start again left %d actions", n)
	}
	do(t, tab, chromedp.SetUploadFiles(`#plan-file`, []string{file}), chromedp.Click(chromedp.CSS("[data-plan-import]")))
	waitFor(t, tab, `document.querySelector("[data-plan-status]").textContent.startsWith("Imported your plan")`, "the plan to import")
	if diff := cmp.Diff(before, readActions(t, tab)); diff != "" {
		t.Errorf("the imported plan differs from the downloaded one (-want +got):\n%s", diff)
	}
	bad := filepath.Join(t.TempDir(), "other.json")
	must(t, os.WriteFile(bad, []byte(`{"format":"joinedup-saved-answers","version":1,"items":{}}`), 0o644))
	do(t, tab, chromedp.SetUploadFiles(`#plan-file`, []string{bad}), chromedp.Click(chromedp.CSS("[data-plan-import]")))
	waitFor(t, tab, `document.getElementById("plan-file-error").textContent.includes("not an action plan")`, "the import to be refused")
	if n := len(readActions(t, tab)); n != len(before) {
		t.Errorf("a refused file changed the plan: %d actions, want %d", n, len(before))
	}
	clean(t, tab, "imported")
}

// tabTo presses Tab until the element matching sel has focus.
func tabTo(t *testing.T, tab *e2e.Tab, sel string) {
	t.Helper()
	for range 300 {
		if evalT[bool](t, tab, fmt.Sprintf(`document.activeElement.matches(%q)`, sel)) {
			return
		}
		do(t, tab, chromedp.KeyEvent(kb.Tab))
	}
	t.Fatalf("Tab never reached %s", sel)
}

func planKeyboard(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	tab := openPlan(t, b, o, e2e.Options{}, true)
	defer tab.Close()
	evalT[bool](t, tab, `document.activeElement.blur(), true`)

	tabTo(t, tab, "#plan-barrier-culture")
	do(t, tab, chromedp.KeyEvent(" "))
	do(t, tab, chromedp.KeyEvent(kb.Tab))
	if got := evalT[string](t, tab, `document.activeElement.id`); got != "plan-remedy-culture-learn-background" {
		t.Fatalf("Tab after ticking a barrier goes to %q; want its first remedy", got)
	}
	do(t, tab, chromedp.KeyEvent(" "))
	clean(t, tab, "keyboard: remedy picked")

	tabTo(t, tab, "#plan-a1-action")
	do(t, tab, chromedp.KeyEvent(" Ask the GP practice."))
	do(t, tab, chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent("Practice manager"))
	tabTo(t, tab, "#plan-a1-measure")
	do(t, tab, chromedp.KeyEvent("Both teams can explain the other's rules"))

	tabTo(t, tab, "[data-plan-add]")
	do(t, tab, chromedp.KeyEvent(kb.Enter))
	if got := evalT[string](t, tab, `document.activeElement.id`); got != "plan-a2-action" {
		t.Fatalf("focus after adding an action is on %q; want plan-a2-action", got)
	}
	do(t, tab, chromedp.KeyEvent("Book a joint team meeting"))
	clean(t, tab, "keyboard: own action added")

	tabTo(t, tab, `[data-remove="a1"]`)
	do(t, tab, chromedp.KeyEvent(kb.Enter))
	want := []planAction{{Legend: "Action 1: your own action", Action: "Book a joint team meeting"}}
	if diff := cmp.Diff(want, readActions(t, tab)); diff != "" {
		t.Errorf("actions after removing action 1 by keyboard (-want +got):\n%s", diff)
	}
	if got := evalT[string](t, tab, `document.activeElement.id`); got != "plan-a2-action" {
		t.Errorf("focus after removing action 1 is on %q; want plan-a2-action", got)
	}
	waitSaved(t, tab)
	reloadPlan(t, tab)
	if diff := cmp.Diff(want, readActions(t, tab)); diff != "" {
		t.Errorf("actions after reload (-want +got):\n%s", diff)
	}

	evalT[bool](t, tab, `document.activeElement.blur(), true`)
	tabTo(t, tab, "[data-plan-again]")
	do(t, tab, chromedp.KeyEvent(kb.Enter))
	tabTo(t, tab, "[data-plan-confirm]")
	do(t, tab, chromedp.KeyEvent(kb.Enter))
	if got := len(readActions(t, tab)); got != 0 {
		t.Errorf("actions after Start again by keyboard = %d; want 0", got)
	}
	if got := evalT[string](t, tab, `document.activeElement.id`); got != "plan-barriers" {
		t.Errorf("focus after Start again is on %q; want the step 1 heading", got)
	}
	clean(t, tab, "keyboard: started again")
}

// planDamaged stores values the planner cannot read and checks that it
// says so, starts empty, still works, and clears them on request.
func planDamaged(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	tests := []struct{ name, value, says string }{
		{"not JSON", `{oops`, "could not be read"},
		{"not a plan", `{"v":1,"saved":"2026-01-01","data":{"actions":"lots"}}`, "could not be read"},
		{"other version", `{"v":99,"saved":"2026-01-01","data":{}}`, "different version"},
	}
	tab := openPlan(t, b, o, e2e.Options{}, true)
	defer tab.Close()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evalT[bool](t, tab, fmt.Sprintf(`localStorage.setItem(%q, %q), true`, planKey, tt.value))
			reloadPlan(t, tab)
			notice := evalT[string](t, tab, `(document.querySelector(".barrier-planner .storage-notice") || {}).textContent || ""`)
			if !strings.Contains(notice, tt.says) {
				t.Errorf("notice = %q; want it to say %q", notice, tt.says)
			}
			if got := len(readActions(t, tab)); got != 0 {
				t.Errorf("planner did not start empty: %d actions", got)
			}
			clean(t, tab, "damaged data: notice shown")

			// The tool works with the notice up.
			do(t, tab,
				chromedp.Click(chromedp.CSS("#plan-barrier-leadership")),
				chromedp.Click(chromedp.CSS("#plan-remedy-leadership-attend")))
			if got := len(readActions(t, tab)); got != 1 {
				t.Errorf("actions after picking a remedy = %d; want 1", got)
			}
			// Saved over the damaged value before the notice is cleared:
			// clearing must not lose the new plan.
			waitSaved(t, tab)

			do(t, tab, chromedp.Click(chromedp.CSS(".barrier-planner .storage-notice button")))
			if got := evalT[bool](t, tab, `!!document.querySelector(".storage-notice")`); got {
				t.Error("the notice stays after clearing")
			}
			if got := evalT[string](t, tab, `document.activeElement.id`); got != "plan-barriers" {
				t.Errorf("focus after clearing is on %q; want the step 1 heading", got)
			}
			waitSaved(t, tab)
			if got := evalT[bool](t, tab, `window.joinedup.store.readJSON("`+planKey+`").problem === null`); !got {
				t.Error("stored plan still unreadable after clearing and saving")
			}
			if got := evalT[int](t, tab, `(window.joinedup.store.readJSON("`+planKey+`").data || {actions: []}).actions.length`); got != 1 {
				t.Errorf("after clearing the notice the stored plan has %d actions; want the 1 made since", got)
			}
			clean(t, tab, "damaged data: cleared")
			evalT[bool](t, tab, `localStorage.clear(), true`)
		})
	}
}

// planThemes checks the planner, with a plan and the Start again question
// on show, in the dark and high-contrast colour schemes.
func planThemes(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	tab := openPlan(t, b, o, e2e.Options{}, true)
	defer tab.Close()
	do(t, tab,
		chromedp.Click(chromedp.CSS("#plan-barrier-leadership")),
		chromedp.Click(chromedp.CSS(".barrier-planner__remedies:not([hidden]) input")),
		chromedp.Click(chromedp.CSS("[data-plan-again]")))
	for _, theme := range []string{"dark", "contrast", "light"} {
		evalT[bool](t, tab, fmt.Sprintf(`document.documentElement.setAttribute("data-theme", %q), true`, theme))
		cleanIn(t, tab, theme, theme+" theme")
	}
	evalT[bool](t, tab, `localStorage.clear(), true`)
}

// blockStorageJS makes the page's storage throw, as it does when a browser
// blocks a site from keeping anything.
const blockStorageJS = `Object.defineProperty(window, "localStorage", {get() { throw new DOMException("blocked", "SecurityError"); }});`

// planBlocked checks that, with storage blocked, the planner says answers
// will not be kept and still works for the visit.
func planBlocked(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	tab := openPlan(t, b, o, e2e.Options{}, false)
	defer tab.Close()
	script, err := chromedp.Call(tab.Context(), cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: blockStorageJS})
	if err != nil {
		t.Fatal(err)
	}
	// The tab goes back to the pool: the next page must have its storage.
	defer chromedp.Call(tab.Context(), cdppage.RemoveScriptToEvaluateOnNewDocument, cdppage.RemoveScriptToEvaluateOnNewDocumentParams(script))
	reloadPlan(t, tab)
	notice := evalT[string](t, tab, `(document.querySelector(".barrier-planner .storage-notice") || {}).textContent || ""`)
	if !strings.Contains(notice, "will not be kept") {
		t.Errorf("notice with storage blocked = %q; want it to say answers will not be kept", notice)
	}
	do(t, tab,
		chromedp.Click(chromedp.CSS("#plan-barrier-resources")),
		chromedp.Click(chromedp.CSS(".barrier-planner__remedies:not([hidden]) input")))
	setField(t, tab, "#plan-a1-who", "Service manager")
	if got := readActions(t, tab); len(got) != 1 || got[0].Who != "Service manager" {
		t.Errorf("actions with storage blocked = %+v; want one, with who filled in", got)
	}
	waitFor(t, tab, `document.querySelector("[data-plan-status]").textContent.indexOf("Not saved:") === 0`, "the status to say the plan is not saved")
	clean(t, tab, "storage blocked")
}

// planNoJS checks the page without JavaScript: every barrier with its
// remedies, and a blank plan table to fill in by hand.
func planNoJS(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	tab := openPlan(t, b, o, e2e.Options{NoJS: true}, false)
	defer tab.Close()
	got := evalT[map[string]int](t, tab, `({
	  barriers: document.querySelectorAll(".barrier-planner input[name=barrier]").length,
	  remedies: document.querySelectorAll(".barrier-planner input[name=remedy]").length,
	  shownRemedies: Array.from(document.querySelectorAll(".barrier-planner input[name=remedy]")).filter(i => i.labels[0].checkVisibility()).length,
	  shownPanels: Array.from(document.querySelectorAll(".barrier-planner__remedies")).filter(f => f.checkVisibility()).length,
	  blankRows: Array.from(document.querySelectorAll("[data-plan-rows] tr.barrier-planner__blank")).filter(r => r.checkVisibility()).length,
	  columns: document.querySelectorAll("[data-plan-table] thead th").length,
	  editor: document.querySelector("[data-plan-editor]").checkVisibility() ? 1 : 0})`)
	if got["barriers"] < 5 || got["remedies"] < 15 {
		t.Errorf("without JavaScript the planner lists %d barriers and %d remedies; want the whole data file", got["barriers"], got["remedies"])
	}
	want := map[string]int{"barriers": got["barriers"], "remedies": got["remedies"], "shownRemedies": got["remedies"], "shownPanels": got["barriers"], "blankRows": 5, "columns": 6, "editor": 0}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("page without JavaScript (-want +got):\n%s", diff)
	}
	// axe-core needs scripts. Turning them back on now runs none of the
	// page's own, so axe checks the page as it is without JavaScript.
	if _, err := chromedp.Call(tab.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	if got := evalT[bool](t, tab, `document.documentElement.classList.contains("no-js") && !document.querySelector("[data-module-started]")`); !got {
		t.Fatal("the page's scripts ran when scripts were turned back on for axe-core")
	}
	clean(t, tab, "no JavaScript")
}
