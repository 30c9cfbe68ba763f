//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"joinedup/generator/e2e"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const assessmentPage = "learning/self-assessment.html"

// la drives the self-assessment in one tab.
type la struct {
	t   *testing.T
	tab *e2e.Tab
}

// openAssessment opens the self-assessment with empty storage.
func openAssessment(t *testing.T, b *e2e.Browser, o e2e.Origin, opt e2e.Options) *la {
	t.Helper()
	tab, err := b.Open(context.Background(), o, assessmentPage, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tab.Close)
	l := &la{t: t, tab: tab}
	if !opt.NoJS {
		l.eval(`localStorage.clear(), true`)
		l.reload()
	}
	return l
}

func (l *la) eval(js string) any {
	l.t.Helper()
	v, err := e2e.Eval[any](l.tab, js)
	if err != nil {
		l.t.Fatalf("%s: %v", js, err)
	}
	return v
}

func (l *la) str(js string) string {
	l.t.Helper()
	v, err := e2e.Eval[string](l.tab, js)
	if err != nil {
		l.t.Fatalf("%s: %v", js, err)
	}
	return v
}

func (l *la) num(js string) int {
	l.t.Helper()
	v, err := e2e.Eval[int](l.tab, js)
	if err != nil {
		l.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// reload reloads the page and waits for the tool to start again.
func (l *la) reload() {
	l.t.Helper()
	if err := l.tab.Reload(); err != nil {
		l.t.Fatal(err)
	}
	waitFor(l.t, l.tab, `!!document.querySelector("[data-module-started]")`, "the self-assessment to start again after a reload")
}

// click clicks the first button or link in the tool whose text starts with
// text.
func (l *la) click(text string) {
	l.t.Helper()
	ok := l.num(fmt.Sprintf(`(() => {
  const want = %q;
  for (const b of document.querySelectorAll("[data-la-app] button, [data-la-app] a")) {
    if (b.textContent.trim().startsWith(want)) { b.click(); return 1; }
  }
  return 0;
})()`, text))
	if ok != 1 {
		l.t.Fatalf("no button %q on the %q screen", text, l.heading())
	}
}

// heading is the text of the current screen's first heading.
func (l *la) heading() string {
	return l.str(`(() => { const h = document.querySelector("[data-la-app] h3"); return h ? h.textContent : ""; })()`)
}

func (l *la) focused() string {
	return l.str(`document.activeElement ? (document.activeElement.id || "") + "|" + document.activeElement.textContent.trim() : ""`)
}

// axe reports accessibility problems of the current state, and problems the
// browser logged so far.
// axeColours checks the page again after a change of colour scheme: see
// cleanIn.
func (l *la) axeColours(state string) {
	l.t.Helper()
	cleanIn(l.t, l.tab, "other", state)
}

func (l *la) axe(state string) {
	l.t.Helper()
	clean(l.t, l.tab, state)
}

// media emulates a CSS media type: "print", or "" for the screen.
func (l *la) media(m string) {
	l.t.Helper()
	err := chromedp.Do(l.tab.Context(), chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m})
		return err
	}))
	if err != nil {
		l.t.Fatal(err)
	}
}

// printed reports which parts of the tool show when printed.
func (l *la) printed() string {
	l.t.Helper()
	l.media("print")
	defer l.media("")
	return l.str(`["[data-la-paper]", "[data-la-app]", ".ladder-assessment__panel", ".ladder-assessment__svg", "[data-la-app] .button"]
  .map(s => { const e = document.querySelector(s); return s + "=" + (!!e && e.checkVisibility()); }).join(" ")`)
}

func (l *la) dimensions() []string {
	v, err := e2e.Eval[[]string](l.tab, `Array.from(document.querySelectorAll("[data-la-dimension]")).map(f => f.getAttribute("data-la-dimension"))`)
	if err != nil {
		l.t.Fatal(err)
	}
	return v
}

// start names a new relationship on the start screen.
func (l *la) start(name string) {
	l.t.Helper()
	l.eval(fmt.Sprintf(`document.getElementById("la-name").value = %q, true`, name))
	l.eval(`document.querySelector("form.ladder-assessment__form button[type=submit]").click(), true`)
}

// answerAll answers every question on the wide (one page) screen and goes
// to check your answers.
func (l *la) answerAll(answers []int) {
	l.t.Helper()
	for i, d := range l.dimensions() {
		l.eval(fmt.Sprintf(`document.getElementById("la-q-%s-%d").click(), true`, d, answers[i]))
	}
	l.click("Check your answers")
	if h := l.heading(); h != "Check your answers" {
		l.t.Fatalf("after answering, screen %q; want check your answers", h)
	}
}

type laResult struct {
	Rung   string `json:"rung"`
	Title  string `json:"title"`
	Mixed  bool   `json:"mixed"`
	Spread string `json:"spread"`
	Facts  string `json:"facts"`
	Code   string `json:"code"`
	Rungs  []int  `json:"rungs"`
	SVG    int    `json:"svg"`
	Label  string `json:"label"`
	Table  int    `json:"table"`
	Links  int    `json:"links"`
}

func (l *la) result() laResult {
	l.t.Helper()
	r, err := e2e.Eval[laResult](l.tab, `(() => {
  const q = s => document.querySelector("[data-la-app] " + s);
  const code = q("#la-code").value;
  const d = joinedup.ladder.decode(code, document.querySelectorAll("[data-la-dimension]").length);
  const svg = q("svg[role=img]");
  const label = svg && document.getElementById(svg.getAttribute("aria-labelledby"));
  return {rung: q("[data-la-result]").getAttribute("data-la-result"), title: q("[data-la-result]").textContent,
    mixed: !!q("[data-la-mixed]"), spread: q("[data-la-spread]").getAttribute("data-la-spread"),
    facts: q(".ladder-assessment__facts").textContent, code, rungs: d.rungs || [],
    svg: svg ? svg.querySelectorAll("rect.ladder-assessment__step").length : 0, label: label ? label.textContent : "",
    table: document.querySelectorAll("[data-la-app] .ladder-assessment__table tbody tr").length,
    links: document.querySelectorAll("[data-la-app] .ladder-assessment__links a").length};
})()`)
	if err != nil {
		l.t.Fatal(err)
	}
	return r
}

// TestLadderAssessment runs the self-assessment over HTTP and from file://.
func TestLadderAssessment(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode), func(t *testing.T) {
			t.Parallel()
			b := chromium.Start(t, 2) // a browser per origin: its downloads and storage are its own
			t.Run("scoring", func(t *testing.T) { testLadderScoring(t, b, o) })
			t.Run("errors and change", func(t *testing.T) { testLadderChange(t, b, o) })
			t.Run("saved over time", func(t *testing.T) { testLadderHistory(t, b, o) })
			t.Run("keyboard narrow", func(t *testing.T) { testLadderKeyboard(t, b, o) })
			t.Run("corrupt storage", func(t *testing.T) { testLadderCorrupt(t, b, o) })
			t.Run("no javascript", func(t *testing.T) { testLadderNoJS(t, b, o) })
			t.Run("back and reload", func(t *testing.T) { testLadderBackReload(t, b, o) })
			t.Run("codes found again", func(t *testing.T) { testLadderCodes(t, b, o) })
		})
	}
}

func testLadderScoring(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	l := openAssessment(t, b, o, e2e.Options{})
	l.axe("start")
	tests := []struct {
		name    string
		answers []int
		rung    string
		title   string
		mixed   bool
		spread  string
		facts   string
	}{
		{"all lowest", []int{1, 1, 1, 1, 1, 1, 1, 1}, "1", "Rung 1: Conflict", false, "0", "8 of 8"},
		{"all highest", []int{9, 9, 9, 9, 9, 9, 9, 9}, "9", "Rung 9: Full partnership", false, "0", "8 of 8"},
		{"mixed", []int{2, 3, 5, 5, 6, 7, 8, 9}, "5", "Rung 5: Co-operation", true, "7", "8 of 8"},
		// Known answers 4 4 4 9 9: the median is 4; the 0s are left out.
		{"do not know left out", []int{0, 4, 0, 4, 9, 0, 4, 9}, "4", "Rung 4: Compliance", true, "5", "3 \u201cI do not know\u201d answers were left out"},
	}
	for i, tt := range tests {
		if i > 0 {
			l.click("Back to your relationships")
		}
		l.start(fmt.Sprintf("our team and partner %d", i+1))
		l.answerAll(tt.answers)
		l.click("See your result")
		if h := l.heading(); h != "Your result" {
			t.Fatalf("%s: screen %q; want your result", tt.name, h)
		}
		r := l.result()
		if r.Rung != tt.rung || r.Title != tt.title {
			t.Errorf("%s: result rung %s %q; want %s %q", tt.name, r.Rung, r.Title, tt.rung, tt.title)
		}
		if r.Mixed != tt.mixed || r.Spread != tt.spread {
			t.Errorf("%s: mixed %v spread %s; want mixed %v spread %s", tt.name, r.Mixed, r.Spread, tt.mixed, tt.spread)
		}
		if !strings.Contains(r.Facts, tt.facts) {
			t.Errorf("%s: facts %q; want %q", tt.name, r.Facts, tt.facts)
		}
		if !slices.Equal(r.Rungs, tt.answers) {
			t.Errorf("%s: code %s decodes to %v; want %v", tt.name, r.Code, r.Rungs, tt.answers)
		}
		if r.SVG != 9 || r.Table != 9 || !strings.Contains(r.Label, "rung "+tt.rung+" (") {
			t.Errorf("%s: ladder picture has %d rungs, table %d rows, text %q; want 9, 9 and the rung", tt.name, r.SVG, r.Table, r.Label)
		}
		if tt.rung != "9" && r.Links == 0 {
			t.Errorf("%s: no suggested actions linked to remedies or principles", tt.name)
		}
		if tt.mixed {
			text := l.str(`document.querySelector("[data-la-mixed]").textContent`)
			if !strings.Contains(text, "mixed picture") {
				t.Errorf("%s: mixed notice %q; want it to say mixed picture", tt.name, text)
			}
		}
		l.axe("result " + tt.name)
		if tt.mixed {
			// Colour contrast of the result in the other two themes.
			for _, theme := range []string{"dark", "contrast"} {
				l.eval(fmt.Sprintf(`document.documentElement.setAttribute("data-theme", %q), true`, theme))
				l.axeColours("result, " + theme + " theme")
			}
			l.eval(`document.documentElement.removeAttribute("data-theme"), true`)
		}
	}
	if n := l.num(`JSON.parse(localStorage.getItem("joinedup.assessments")).data.relationships.length`); n != len(tests) {
		t.Errorf("stored %d relationships; want %d", n, len(tests))
	}
}

func testLadderChange(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	l := openAssessment(t, b, o, e2e.Options{})
	l.click("Start")
	if n := l.num(`document.querySelectorAll("[data-la-app] .error-summary a[href='#la-name']").length`); n != 1 {
		t.Errorf("empty name: %d error summary links to the name; want 1", n)
	}
	if f := l.focused(); !strings.Contains(f, "There is a problem") {
		t.Errorf("empty name: focus on %q; want the error summary", f)
	}
	if title := l.str(`document.title`); !strings.HasPrefix(title, "Error: ") {
		t.Errorf("page title %q; want it to start Error:", title)
	}
	l.axe("name error")
	l.start(strings.Repeat("x", 81))
	if msg := l.str(`document.querySelector("#la-name-error").textContent`); !strings.Contains(msg, "80 characters") {
		t.Errorf("long name: error %q; want the 80 character limit", msg)
	}
	l.start("our team and the school")
	l.click("Check your answers")
	if n := l.num(`document.querySelectorAll("[data-la-app] .error-summary li").length`); n != 8 {
		t.Errorf("nothing answered: %d errors in the summary; want 8", n)
	}
	l.axe("question errors")
	l.answerAll([]int{5, 5, 5, 5, 5, 5, 5, 5})
	l.axe("check answers")
	dims := l.dimensions()
	l.eval(`document.querySelectorAll("[data-la-app] .summary-list__actions button")[2].click(), true`)
	if n := l.num(`document.querySelectorAll("[data-la-app] fieldset").length`); n != 1 {
		t.Errorf("change: %d questions shown; want only the one to change", n)
	}
	if f := l.focused(); !strings.Contains(f, "Trust and courtesy") {
		t.Errorf("change: focus on %q; want the question heading", f)
	}
	l.eval(fmt.Sprintf(`document.getElementById("la-q-%s-7").click(), true`, dims[2]))
	l.click("Save and go back to your answers")
	if h := l.heading(); h != "Check your answers" {
		t.Fatalf("after change, screen %q; want check your answers", h)
	}
	if got := l.str(fmt.Sprintf(`document.querySelector("[data-la-answer='%s']").textContent`, dims[2])); !strings.HasPrefix(got, "Rung 7:") {
		t.Errorf("changed answer shows %q; want rung 7", got)
	}
	l.click("See your result")
	if r := l.result(); !slices.Equal(r.Rungs, []int{5, 5, 7, 5, 5, 5, 5, 5}) {
		t.Errorf("result code holds %v; want the changed answer", r.Rungs)
	}
}

func testLadderHistory(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	l := openAssessment(t, b, o, e2e.Options{})
	if got, want := l.printed(), `[data-la-paper]=true [data-la-app]=false`; !strings.HasPrefix(got, want) {
		t.Errorf("printing the start screen shows %s; want %s (the paper questionnaire)", got, want)
	}
	l.start("our team and the GP practice")
	l.answerAll([]int{3, 3, 3, 3, 3, 3, 3, 3})
	l.click("See your result")
	if got, want := l.printed(), `[data-la-paper]=false [data-la-app]=true .ladder-assessment__panel=true .ladder-assessment__svg=true [data-la-app] .button=false`; got != want {
		t.Errorf("printing the result shows %s; want %s", got, want)
	}
	l.eval(`(() => { const s = document.getElementById("la-target"); s.value = "7"; s.dispatchEvent(new Event("change")); return true; })()`)
	if gap := l.str(`document.querySelector("[data-la-gap]").textContent`); !strings.Contains(gap, "4 rungs above") {
		t.Errorf("gap %q; want 4 rungs above", gap)
	}
	if n := l.num(`document.querySelectorAll("[data-la-app] rect.ladder-assessment__step--target").length`); n != 1 {
		t.Errorf("%d target rungs in the picture; want 1", n)
	}
	l.reload()
	// A reload keeps the reader's place, the result; the list is one
	// step back.
	l.click("Back to your relationships")
	if got := l.str(`document.querySelector(".ladder-assessment__relationship-name").textContent`); got != "our team and the GP practice" {
		t.Errorf("after reload the first relationship is %q", got)
	}
	l.start("our service and the district nurses")
	l.answerAll([]int{6, 6, 6, 6, 6, 6, 6, 6})
	l.click("See your result")
	l.click("Back to your relationships")
	if n := l.num(`document.querySelectorAll(".ladder-assessment__relationship").length`); n != 2 {
		t.Errorf("%d relationships listed; want 2", n)
	}
	l.click("Assess again")
	l.answerAll([]int{4, 4, 4, 5, 5, 5, 4, 4})
	l.click("See your result")
	l.click("Change over time")
	l.axe("history")
	rows, err := e2e.Eval[[][]string](l.tab, `Array.from(document.querySelectorAll("[data-la-app] .ladder-assessment__history tbody tr")).map(r => Array.from(r.cells).map(c => c.textContent))`)
	if err != nil {
		t.Fatal(err)
	}
	// One column per result: the overall rung, the eight questions, the
	// target and the code.
	if len(rows) != 11 || rows[0][1] != "3 Co-existence" || rows[0][2] != "4 Compliance" || rows[9][1] != "7" || rows[9][2] != "None" || rows[4][2] != "5" || !strings.HasPrefix(rows[10][1], "JU2-") {
		t.Errorf("change over time rows %v; want rung 3 with target 7, then rung 4", rows)
	}
	if wide := l.num(`(w => w.scrollWidth > w.clientWidth ? 1 : 0)(document.querySelector("[data-la-app] .table-wrap"))`); wide != 0 {
		t.Error("change over time scrolls sideways at desktop width")
	}
	l.click("Delete this relationship")
	if f := l.focused(); !strings.Contains(f, "Delete") {
		t.Errorf("the delete question did not take focus; focus on %q", f)
	}
	l.axe("delete confirmation")
	l.click("Yes, delete it")
	if n := l.num(`document.querySelectorAll(".ladder-assessment__relationship").length`); n != 1 {
		t.Errorf("after delete %d relationships listed; want 1", n)
	}
	if f := l.focused(); !strings.Contains(f, "Deleted") {
		t.Errorf("after delete focus is on %q; want the message saying what was deleted", f)
	}
	l.axe("deleted, with undo")
	l.click("Undo")
	if n := l.num(`document.querySelectorAll(".ladder-assessment__relationship").length + JSON.parse(localStorage.getItem("joinedup.assessments")).data.relationships.length`); n != 4 {
		t.Errorf("after Undo %d relationships listed and stored (sum); want 2 and 2", n)
	}
	l.click("Delete: our team and the GP practice")
	l.click("Yes, delete it")
	l.reload()
	if got := l.str(`document.querySelector(".ladder-assessment__relationship-name").textContent`); got != "our service and the district nurses" {
		t.Errorf("after delete and reload the relationship left is %q", got)
	}
}

// testLadderKeyboard does the whole assessment at 375px with the keyboard.
func testLadderKeyboard(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	l := openAssessment(t, b, o, e2e.Options{Width: 375, Height: 800})
	run := func(actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(l.tab.Context(), actions...); err != nil {
			t.Fatal(err)
		}
	}
	l.eval(`document.getElementById("la-name").focus(), true`)
	run(chromedp.KeyEvent("our team and the housing office"), chromedp.KeyEvent(kb.Enter))
	dims := l.dimensions()
	for i := range dims {
		if f := l.focused(); !strings.Contains(f, fmt.Sprintf("Question %d of %d", i+1, len(dims))) {
			t.Fatalf("question %d: focus on %q; want its heading with the progress", i+1, f)
		}
		if n := l.num(`document.querySelectorAll("[data-la-app] fieldset").length`); n != 1 {
			t.Errorf("question %d: %d questions on screen; want 1", i+1, n)
		}
		if i == 0 {
			// Continue without an answer: an error, then back to the question.
			run(chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab))
			if f := l.focused(); f != "|Continue" {
				t.Fatalf("focus on %q; want Continue", f)
			}
			run(chromedp.KeyEvent(kb.Enter))
			if f := l.focused(); !strings.Contains(f, "There is a problem") {
				t.Fatalf("unanswered: focus on %q; want the error summary", f)
			}
			l.axe("question error, narrow")
			run(chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Enter))
			if f := l.focused(); !strings.HasPrefix(f, "la-q-"+dims[0]+"-1|") {
				t.Fatalf("error link: focus on %q; want the first answer", f)
			}
			run(chromedp.KeyEvent(" "))
		} else {
			// Answer rung i+1: Tab into the group, arrow down i times.
			run(chromedp.KeyEvent(kb.Tab))
			for range i {
				run(chromedp.KeyEvent(kb.ArrowDown))
			}
		}
		if got := l.num(fmt.Sprintf(`Number(document.querySelector("input[name='la-q-%s']:checked").value)`, dims[i])); got != i+1 {
			t.Errorf("question %d: answer %d; want %d", i+1, got, i+1)
		}
		if i == 1 {
			l.axe("question, narrow")
		}
		run(chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Enter))
	}
	if f := l.focused(); !strings.Contains(f, "Check your answers") {
		t.Fatalf("after the last question focus on %q; want check your answers", f)
	}
	for range 20 {
		if strings.HasPrefix(l.focused(), "la-see-result|") {
			break
		}
		run(chromedp.KeyEvent(kb.Tab))
	}
	run(chromedp.KeyEvent(kb.Enter))
	if f := l.focused(); !strings.Contains(f, "Your result") {
		t.Fatalf("focus on %q; want your result", f)
	}
	// 1..8: the 4th and 5th are 4 and 5, so 4.5 rounds down to 4.
	r := l.result()
	if r.Rung != "4" || !r.Mixed {
		t.Errorf("keyboard result rung %s mixed %v; want 4, mixed", r.Rung, r.Mixed)
	}
	l.axe("result, narrow")
	reflow, err := l.tab.Reflow()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range reflow {
		t.Error(p)
	}
}

func testLadderCorrupt(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	for _, bad := range []string{`{not json`, `{"v":1,"saved":"x","data":{"relationships":[{"id":1}]}}`} {
		l := openAssessment(t, b, o, e2e.Options{})
		l.eval(fmt.Sprintf(`localStorage.setItem("joinedup.assessments", %q), true`, bad))
		l.reload()
		if msg := l.str(`(document.querySelector("[data-la-app] .storage-notice") || {}).textContent || ""`); !strings.Contains(msg, "could not be read") {
			t.Errorf("stored %s: notice %q; want could not be read", bad, msg)
		}
		if h := l.heading(); h != "Choose a working relationship" {
			t.Errorf("stored %s: screen %q; want the start screen", bad, h)
		}
		l.axe("corrupt storage")
		l.click("Clear the saved answers")
		if n := l.num(`(localStorage.getItem("joinedup.assessments") === null ? 1 : 0) + document.querySelectorAll(".storage-notice").length * 10`); n != 1 {
			t.Errorf("after clear: %d; want the key gone and no notice", n)
		}
		l.tab.Close()
	}
}

func testLadderNoJS(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	l := openAssessment(t, b, o, e2e.Options{NoJS: true})
	type paper struct {
		Shown     bool   `json:"shown"`
		AppHidden bool   `json:"appHidden"`
		Questions int    `json:"questions"`
		Radios    int    `json:"radios"`
		Unknown   int    `json:"unknown"`
		Rungs     int    `json:"rungs"`
		Rule      string `json:"rule"`
	}
	p, err := e2e.Eval[paper](l.tab, `(() => {
  const paper = document.querySelector("[data-la-paper]");
  return {shown: !!paper && paper.checkVisibility(), appHidden: document.querySelector("[data-la-app]").hidden,
    questions: paper.querySelectorAll("fieldset").length, radios: paper.querySelectorAll("input[type=radio]").length,
    unknown: Array.from(paper.querySelectorAll("label")).filter(l => l.textContent === "I do not know").length,
    rungs: paper.querySelectorAll("tbody tr").length, rule: paper.querySelector("[data-la-rule]").textContent};
})()`)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Shown || !p.AppHidden || p.Questions != 8 || p.Radios != 80 || p.Unknown != 8 || p.Rungs != 9 || !strings.Contains(p.Rule, "median") {
		t.Errorf("paper version %+v; want shown, 8 questions of 10 boxes each with I do not know, 9 rungs and the rule", p)
	}
	ps, err := l.tab.Axe()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range append(ps, l.tab.Problems()...) {
		t.Error(p)
	}
}

// heading text now, and the address.
func (l *la) where() (string, string) {
	return l.heading(), l.str(`location.hash`)
}

// testLadderBackReload answers a few questions on a phone, then uses the
// browser's Back and reload: each keeps the place and the answers.
func testLadderBackReload(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	l := openAssessment(t, b, o, e2e.Options{Width: 375, Height: 800})
	l.start("our team and the dentist")
	dims := l.dimensions()
	for i := range 3 {
		l.eval(fmt.Sprintf(`document.getElementById("la-q-%s-%d").click(), true`, dims[i], i+2))
		l.click("Continue")
	}
	h, hash := l.where()
	if !strings.HasPrefix(h, "Question 4 of") || !strings.HasSuffix(hash, "/question-4") {
		t.Fatalf("after three answers: screen %q at %q; want question 4 with its own address", h, hash)
	}
	back := func() {
		t.Helper()
		l.eval(`history.back(), true`)
		waitFor(t, l.tab, `!location.hash.endsWith("/question-4")`, "Back")
		waitFor(t, l.tab, `document.querySelector("[data-la-app] h3").textContent.startsWith("Question 3 of")`, "Back to question 3")
	}
	back()
	if l.num(fmt.Sprintf(`document.getElementById("la-q-%s-4").checked ? 1 : 0`, dims[2])) != 1 {
		t.Error("Back to question 3 lost its answer")
	}
	if f := l.focused(); !strings.Contains(f, "Question 3 of") {
		t.Errorf("after Back focus is on %q; want the question", f)
	}
	l.reload()
	if h, _ := l.where(); !strings.HasPrefix(h, "Question 3 of") {
		t.Errorf("after reload the screen is %q; want question 3", h)
	}
	if l.num(fmt.Sprintf(`document.getElementById("la-q-%s-4").checked ? 1 : 0`, dims[2])) != 1 {
		t.Error("reload lost the answer to question 3")
	}
	l.axe("question after reload")
	// Back from the first question goes to the list, still on this page.
	for range 3 {
		l.eval(`history.back(), true`)
		time.Sleep(150 * time.Millisecond)
	}
	waitFor(t, l.tab, `document.querySelector("[data-la-app] h3").textContent === "Choose a working relationship"`, "Back to the list")
	if p := l.str(`location.pathname`); !strings.HasSuffix(p, assessmentPage) {
		t.Fatalf("Back left the page for %s", p)
	}
	info := l.str(`document.querySelector(".ladder-assessment__relationship .hint").textContent`)
	if info != "Not finished: 3 of 8 questions answered" {
		t.Errorf("the list says %q; want how far the assessment got", info)
	}
	l.click("Continue")
	if h, _ := l.where(); !strings.HasPrefix(h, "Question 4 of") {
		t.Errorf("Continue goes to %q; want question 4, the first unanswered", h)
	}
}

// testLadderCodes finishes two assessments with the same answers, and finds
// each result's code again from the list.
func testLadderCodes(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	l := openAssessment(t, b, o, e2e.Options{Width: 375, Height: 800})
	same := []int{5, 5, 5, 5, 5, 5, 5, 5}
	var codes []string
	for _, name := range []string{"our team and the GP practice", "our team and the pharmacy"} {
		l.start(name)
		for i, d := range l.dimensions() {
			l.eval(fmt.Sprintf(`document.getElementById("la-q-%s-%d").click(), true`, d, same[i]))
			if i < len(same)-1 {
				l.click("Continue")
			}
		}
		l.click("Check your answers")
		l.click("See your result")
		r := l.result()
		codes = append(codes, r.Code)
		// On a phone the code is on the result's first screen (it was
		// 5,000px down): within 600px of the heading, on an 800px screen.
		if gap := l.num(`Math.round(document.getElementById("la-code").getBoundingClientRect().top - document.querySelector("[data-la-app] h3").getBoundingClientRect().top)`); gap > 600 {
			t.Errorf("the code is %dpx below the result's heading; want it on the first screen", gap)
		}
		l.click("Back to your relationships")
	}
	if codes[0] == codes[1] || !strings.HasPrefix(codes[0], "JU2-") {
		t.Errorf("two learners with the same answers got codes %q; want different version 2 codes", codes)
	}
	// A second result the same day: the list shows its time.
	l.click("Assess again: our team and the GP practice")
	l.answerAllNarrow(same)
	l.click("See your result")
	code3 := l.result().Code
	l.click("Back to your relationships")
	info := l.str(`document.querySelector(".ladder-assessment__relationship .hint").textContent`)
	if !regexpTime.MatchString(info) || !strings.Contains(info, "2 saved results") {
		t.Errorf("the list says %q; want the latest result with its time and the count", info)
	}
	// Within two clicks: from the list to the latest result and its code.
	l.click("View latest result and code: our team and the GP practice")
	if got := l.result().Code; got != code3 {
		t.Errorf("View latest result shows code %q; want %q", got, code3)
	}
	l.axe("result seen again")
	for _, theme := range []string{"dark", "contrast"} {
		l.eval(fmt.Sprintf(`document.documentElement.setAttribute("data-theme", %q), true`, theme))
		l.axeColours("result seen again, " + theme)
	}
	l.eval(`document.documentElement.removeAttribute("data-theme"), true`)
	// And from change over time, the first result again.
	l.click("Change over time")
	l.click("View the result of")
	l.reload()
	if h := l.heading(); h != "Your result" {
		t.Errorf("after reload the screen is %q; want the result", h)
	}
	if got := l.result().Code; got != codes[0] && got != code3 {
		t.Errorf("after reload the code is %q", got)
	}
}

var regexpTime = regexp.MustCompile(` at \d\d:\d\d`)

// answerAllNarrow answers every question, one screen each, and goes to
// check your answers.
func (l *la) answerAllNarrow(answers []int) {
	l.t.Helper()
	for i, d := range l.dimensions() {
		l.eval(fmt.Sprintf(`document.getElementById("la-q-%s-%d").click(), true`, d, answers[i]))
		if i < len(answers)-1 {
			l.click("Continue")
		}
	}
	l.click("Check your answers")
}
