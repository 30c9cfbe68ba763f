//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"joinedup/generator/e2e"
	"joinedup/generator/internal/data"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/google/go-cmp/cmp"
)

const recordPage = "learning/record.html"

// recordSeedJS stores a self-assessment and an action plan in the shapes
// their tools save, dated 2026-01-15, for the record to read.
const recordSeedJS = `(function () {
	function put(key, data) { localStorage.setItem(key, JSON.stringify({v: 1, saved: "2026-01-15T10:00:00.000Z", data: data})); }
	put("joinedup.assessments", {relationships: [{id: "r1", name: "Our team and the GP practice", snapshots: [{date: "2026-01-15", answers: [4, 5, 5, 6, 0, 5, 4, 5], target: 7}]}]});
	put("joinedup.action-plan", {barriers: ["communication"], actions: [{barrier: "communication", remedy: "", action: "Agree a weekly call", who: "Team leader", when: "2026-02-01", measure: "Calls happen"}]});
	return true;
})()`

// recordRows reads the record's table.
func recordRows(t *testing.T, tab *e2e.Tab) [][]string {
	t.Helper()
	return evalT[[][]string](t, tab, `Array.from(document.querySelectorAll("[data-record] tbody tr")).map(function (tr) {
		return Array.from(tr.children).map(function (c) { return c.textContent; }); })`)
}

func recordOpen(t *testing.T, b *e2e.Browser, o e2e.Origin, opt e2e.Options) *e2e.Tab {
	t.Helper()
	tab, err := b.Open(context.Background(), o, recordPage, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tab.Close)
	if !opt.NoJS && opt.Media == "" {
		waitFor(t, tab, `!!document.querySelector('.learning-record[data-module-started]')`, "the record to start")
	}
	return tab
}

// TestLearningRecord does a scenario, a knowledge check and a checklist
// with the tools themselves, adds a stored self-assessment and action
// plan, and checks that the record lists them all; then the reflection is
// typed, kept over a reload, downloaded and printed.
func TestLearningRecord(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	d := learnData(t)
	s, k := d.Scenario(scenarioID), d.Check(checkID)
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode), func(t *testing.T) {
			t.Parallel()
			b := chromium.Start(t, 2) // a browser per origin: its downloads and storage are its own
			today := recordDoSomething(t, b, o, s, k)
			tab := recordOpen(t, b, o, e2e.Options{})
			p := scenarioPaths(s)[0]
			end := s.Step(p.ending)
			want := [][]string{
				// Newest first; on one day, checks before scenarios before
				// checklists.
				{today, "Knowledge check: " + k.Title, fmt.Sprintf("%d of %d right, after a training session", len(k.Questions), len(k.Questions))},
				{today, "Practice scenario: " + s.Title, "Ending: " + end.Title + " (" + end.Ending.ResultLabel() + ")"},
				{today, "Checklist: Professional courtesy", "1 item ticked"},
				{"2026-01-15", "Partnership ladder self-assessment: \u201cOur team and the GP practice\u201d", "Rung 5 (" + d.Ladder.RungName(5) + ")"},
				{"2026-01-15", "Barriers and remedies action plan", "1 barrier chosen, 1 action planned"},
			}
			if got := recordRows(t, tab); !cmp.Equal(got, want) {
				t.Errorf("the record lists\n%q\nwant\n%q", got, want)
			}
			themes(t, tab, "a record with every kind of entry")

			// The reflection, typed, is kept over a reload.
			reflection := map[string]string{"did": "I worked through the hospital discharge scenario.", "learned": "The decision was his to make.", "differently": "Ask what has changed first."}
			for _, f := range []string{"did", "learned", "differently"} {
				tabUntil(t, tab, `el.id === "record-`+f+`"`, 40)
				must(t, tab.Do(chromedp.KeyEvent(reflection[f])))
			}
			waitFor(t, tab, `document.querySelector(".learning-record__status").textContent === "Your reflection is saved in this browser."`, "the reflection to be saved")
			must(t, tab.Reload())
			waitFor(t, tab, `!!document.querySelector('.learning-record[data-module-started]')`, "the record to start again")
			for f, text := range reflection {
				if got := evalT[string](t, tab, `document.getElementById("record-`+f+`").value`); got != text {
					t.Errorf("after a reload %s holds %q; want %q", f, got, text)
				}
			}

			// Download, with the keyboard.
			downloads, err := tab.Downloads()
			must(t, err)
			tabUntil(t, tab, `el.classList.contains("learning-record__download")`, 60)
			keys(t, tab, kb.Enter)
			file, err := downloads.Wait(tab.Context(), "my-learning-record-"+today+".txt", 10*time.Second)
			must(t, err)
			text := string(file)
			for _, part := range []string{"My learning record", today + "  Practice scenario: " + s.Title, "WHAT I LEARNED\r\n\r\nThe decision was his to make.", "WHAT I WILL DO DIFFERENTLY\r\n\r\nAsk what has changed first.", "HOW THIS LINKS TO MY STANDARDS OR QUALIFICATION\r\n\r\n(not written yet)"} {
				if !strings.Contains(text, part) {
					t.Errorf("the downloaded record does not have %q:\n%s", part, text)
				}
			}
			tab.Close()

			// On paper, the reflection prints as text, not in its boxes.
			printed := recordOpen(t, b, o, e2e.Options{Media: "print"})
			waitFor(t, printed, `!!document.querySelector('.learning-record[data-module-started]')`, "the record to start")
			type paper struct {
				Boxes  int      `json:"boxes"`
				Copies []string `json:"copies"`
				Rows   int      `json:"rows"`
			}
			got := evalT[paper](t, printed, `({boxes: Array.from(document.querySelectorAll(".learning-record__field")).filter(function (e) { return e.checkVisibility(); }).length,
				copies: Array.from(document.querySelectorAll(".learning-record__print")).filter(function (e) { return e.checkVisibility(); }).map(function (e) { return e.textContent; }),
				rows: Array.from(document.querySelectorAll("[data-record] tbody tr")).filter(function (e) { return e.checkVisibility(); }).length})`)
			if want := (paper{Boxes: 0, Copies: []string{reflection["did"], reflection["learned"], reflection["differently"], ""}, Rows: len(want)}); !cmp.Equal(got, want) {
				t.Errorf("printed record = %+v; want %+v", got, want)
			}
			ps, err := printed.Print()
			must(t, err)
			for _, p := range append(ps, printed.Problems()...) {
				t.Error(p)
			}
			printed.Close()

			// Without JavaScript: the form to fill in by hand.
			nojs := recordOpen(t, b, o, e2e.Options{NoJS: true})
			if !evalT[bool](t, nojs, `document.querySelector(".learning-record__nojs").checkVisibility() && document.querySelector(".learning-record__table--blank").checkVisibility() && document.querySelectorAll(".learning-record__field").length === 4`) {
				t.Error("without JavaScript the record does not show its notice, the blank table and the reflection form")
			}
			dirCleanNoJS(t, nojs, "record without JavaScript")
			nojs.Close()

			// The privacy page lists the new keys, and saves, deletes and
			// restores them like every other.
			recordRoundTrip(t, b, o, want, reflection)
		})
	}
}

// recordRoundTrip checks that the privacy page lists the keys of the
// checks, the scenarios and the record, exports them, deletes them (the
// record is then empty) and imports them again (the record is as before,
// reflection and all).
func recordRoundTrip(t *testing.T, b *e2e.Browser, o e2e.Origin, want [][]string, reflection map[string]string) {
	t.Helper()
	// The pool has one tab: each page is closed before the next opens.
	privacy := openTool(t, b, o, privacyPage, e2e.Options{})
	click := func(tab *e2e.Tab, selector string) {
		t.Helper()
		evalT[bool](t, tab, `(document.querySelector(`+jsString(selector)+`).click(), true)`)
	}
	listed := evalT[[]string](t, privacy, `Array.from(document.querySelectorAll(".storage-keys code")).map(function (c) { return c.textContent; })`)
	stored := evalT[[]string](t, privacy, `Array.from(document.querySelectorAll(".your-data__table tbody tr")).map(function (r) { return r.cells[0].textContent; })`)
	for _, key := range []string{"joinedup.checks", "joinedup.scenarios", "joinedup.learning-record"} {
		if !contains(listed, key) {
			t.Errorf("the privacy page does not list %s (it lists %v)", key, listed)
		}
		if !contains(stored, key) {
			t.Errorf("the privacy page does not show %s among what is saved (it shows %v)", key, stored)
		}
	}
	downloads, err := privacy.Downloads()
	must(t, err)
	click(privacy, `[data-your-data-export=json]`)
	copied, err := downloads.Wait(privacy.Context(), "joinedup-saved-answers-"+evalT[string](t, privacy, `joinedup.today()`)+".json", 10*time.Second)
	must(t, err)
	file := filepath.Join(t.TempDir(), "copy.json")
	must(t, os.WriteFile(file, copied, 0o644))
	click(privacy, `[data-your-data-delete]`)
	click(privacy, `[data-your-data-delete-yes]`)
	waitFor(t, privacy, `localStorage.length === 0`, "everything to be deleted")
	privacy.Close()

	empty := recordOpen(t, b, o, e2e.Options{})
	if got := recordRows(t, empty); len(got) != 0 {
		t.Errorf("after deleting, the record still lists %q", got)
	}
	empty.Close()

	privacy = openTool(t, b, o, privacyPage, e2e.Options{})
	must(t, privacy.Do(chromedp.SetUploadFiles(`#your-data-file`, []string{file})))
	click(privacy, `[data-your-data-import]`)
	waitFor(t, privacy, `document.querySelector("[data-your-data-status]").textContent.indexOf("Imported ") === 0`, "the import")
	privacy.Close()

	back := recordOpen(t, b, o, e2e.Options{})
	defer back.Close()
	if got := recordRows(t, back); !cmp.Equal(got, want) {
		t.Errorf("after importing, the record lists\n%q\nwant\n%q", got, want)
	}
	for f, text := range reflection {
		if got := evalT[string](t, back, `document.getElementById("record-`+f+`").value`); got != text {
			t.Errorf("after importing, %s holds %q; want %q", f, got, text)
		}
	}
}

// recordDoSomething clears storage, then finishes the first path of the
// scenario, answers every question of the check rightly and asks for an
// "after" code, ticks one checklist item, and stores a self-assessment and
// an action plan. It returns today's date as the pages write it.
func recordDoSomething(t *testing.T, b *e2e.Browser, o e2e.Origin, s *data.Scenario, k *data.KnowledgeCheck) string {
	t.Helper()
	tab := scenarioOpen(t, b, o, e2e.Options{})
	p := scenarioPaths(s)[0]
	for i, step := range p.steps {
		scenarioChoose(t, tab, s, step, p.choices[i])
	}
	scenarioAt(t, tab, s, p.ending, true)
	today := evalT[string](t, tab, `joinedup.today()`)
	tab.Close()

	tab, err := b.Open(context.Background(), o, pageFor("checks", k.ID), e2e.Options{})
	must(t, err)
	waitFor(t, tab, `!!document.querySelector('.knowledge-check[data-module-started]')`, "the check to start")
	right := checkRound(k, 99)
	for i := range k.Questions {
		checkAnswer(t, tab, k, i, right[i])
	}
	tabUntil(t, tab, `el.name === "`+k.ID+`-phase"`, 30)
	keys(t, tab, " ", kb.ArrowDown)
	tabUntil(t, tab, `el.classList.contains("knowledge-check__show-code")`, 5)
	keys(t, tab, kb.Enter)
	waitFor(t, tab, `!!document.querySelector(".knowledge-check__code-text")`, "the result code")
	tab.Close()

	tab, err = b.Open(context.Background(), o, checklistPage, e2e.Options{})
	must(t, err)
	waitFor(t, tab, `!!document.querySelector('[data-module="checklist"][data-module-started]')`, "the checklists to start")
	must(t, tab.Do(chromedp.Click(courtesy+` li:nth-child(2) label`)))
	evalT[bool](t, tab, recordSeedJS)
	tab.Close()
	return today
}
