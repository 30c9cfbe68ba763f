//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"joinedup/generator/e2e"
	"joinedup/generator/internal/data"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/google/go-cmp/cmp"
)

const checkResultsPage = "training/group-results.html"

// checkPerson is one learner's answers to the check: true where right.
type checkPerson []bool

// checkShare is how the results table writes n right of people.
func checkShare(n, people int) string {
	return fmt.Sprintf("%d of %d (%d%%)", n, people, int(float64(n)/float64(people)*100+0.5))
}

// checkWantTable is the table the page should show for a check, worked
// out here from the same answers: per question, right before, right after
// (or the hidden note for a group under 3) and the change in points.
func checkWantTable(k *data.KnowledgeCheck, before, after []checkPerson) [][]string {
	const hidden = "Hidden: fewer than 3 people"
	var out [][]string
	for q, question := range k.Questions {
		row := []string{fmt.Sprintf("%d. %s", q+1, question.Question)}
		count := func(group []checkPerson) int {
			n := 0
			for _, p := range group {
				if p[q] {
					n++
				}
			}
			return n
		}
		for _, group := range [][]checkPerson{before, after} {
			switch {
			case len(group) == 0:
				row = append(row, "No codes")
			case len(group) < 3:
				row = append(row, hidden)
			default:
				row = append(row, checkShare(count(group), len(group)))
			}
		}
		if len(before) < 3 || len(after) < 3 {
			row = append(row, "")
		} else {
			pct := func(n, of int) int { return int(float64(n)/float64(of)*100 + 0.5) }
			d := pct(count(after), len(after)) - pct(count(before), len(before))
			sign := ""
			if d > 0 {
				sign = "+"
			}
			row = append(row, fmt.Sprintf("%s%d points", sign, d))
		}
		out = append(out, row)
	}
	return out
}

func checkPeople(k *data.KnowledgeCheck, patterns ...string) []checkPerson {
	var out []checkPerson
	for _, p := range patterns {
		var person checkPerson
		for q := range k.Questions {
			person = append(person, p[q%len(p)] == '1')
		}
		out = append(out, person)
	}
	return out
}

func checkCodes(k *data.KnowledgeCheck, phase string, people []checkPerson) []string {
	var out []string
	for _, p := range people {
		out = append(out, checkCode(k.Code, phase, p))
	}
	return out
}

// checkResultsRun pastes text and shows the results with the keyboard.
func checkResultsRun(t *testing.T, tab *e2e.Tab, text string) {
	t.Helper()
	evalT[bool](t, tab, fmt.Sprintf(`(document.getElementById("check-codes").value = %s, document.getElementById("check-codes").focus(), true)`, strconv.Quote(text)))
	tabUntil(t, tab, `el.closest(".check-results") && el.hasAttribute("data-show")`, 3)
	keys(t, tab, kb.Enter)
	waitFor(t, tab, `!!document.getElementById("check-results-heading")`, "the results")
}

func checkResultsTable(t *testing.T, tab *e2e.Tab, code string) [][]string {
	t.Helper()
	return evalT[[][]string](t, tab, fmt.Sprintf(`Array.from(document.querySelectorAll('[data-results-table=%q] tbody tr')).map(function (tr) {
		return Array.from(tr.children).map(function (c) { return c.textContent; }); })`, code))
}

func TestCheckResults(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	k := learnData(t).Check(checkID)
	before := checkPeople(k, "1010101", "1100110", "0111000")
	fewAfter := checkPeople(k, "1111111", "1101111")
	after := checkPeople(k, "1111111", "1101111", "1110111", "0111111")
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode), func(t *testing.T) {
			t.Parallel()
			t.Run("paste", func(t *testing.T) {
				tab, err := b.Open(context.Background(), o, checkResultsPage, e2e.Options{Width: 375, Height: 800})
				must(t, err)
				defer tab.Close()
				waitFor(t, tab, `!!document.querySelector('[data-module="check-results"][data-module-started]')`, "check results to start")
				// Two after codes: the after results are hidden. A line with
				// no code and a code of another check are reported.
				bcodes := checkCodes(k, "before", before)
				lines := append([]string{"Sam: mine is " + bcodes[0]}, bcodes[1:]...)
				lines = append(lines, checkCodes(k, "after", fewAfter)...)
				lines = append(lines, "thanks all", "JK1-ZZ-B-101-00")
				checkResultsRun(t, tab, strings.Join(lines, "\n"))
				if got, want := checkResultsTable(t, tab, k.Code), checkWantTable(k, before, fewAfter); !cmp.Equal(got, want) {
					t.Errorf("table with 2 after codes:\n got %q\nwant %q", got, want)
				}
				msgs := evalT[[]string](t, tab, `Array.from(document.querySelectorAll(".check-results__messages li")).map(function (li) { return li.textContent; })`)
				if len(msgs) != 2 || !strings.Contains(msgs[0], "No knowledge check code") || !strings.Contains(msgs[1], "(ZZ) that this site does not have") {
					t.Errorf("messages = %q; want one for the line with no code and one for the unknown check", msgs)
				}
				if got := evalT[string](t, tab, `document.activeElement.className`); got != "error-summary" {
					t.Errorf("focus is on %q; want the error summary", got)
				}
				clean(t, tab, "results with problems")
				// Every code from the session, before and after together.
				all := append(checkCodes(k, "before", before), checkCodes(k, "after", after)...)
				checkResultsRun(t, tab, strings.Join(all, "\n"))
				if got, want := checkResultsTable(t, tab, k.Code), checkWantTable(k, before, after); !cmp.Equal(got, want) {
					t.Errorf("table:\n got %q\nwant %q", got, want)
				}
				summary := evalT[[]string](t, tab, `Array.from(document.querySelectorAll(".check-results__summary li")).map(function (li) { return li.textContent; })`)
				if len(summary) != 2 || !strings.HasPrefix(summary[0], "Before: 3 people") || !strings.HasPrefix(summary[1], "After: 4 people") {
					t.Errorf("summary = %q", summary)
				}
				if got := evalT[string](t, tab, `document.activeElement.id`); got != "check-results-heading" {
					t.Errorf("focus is on %q; want the results heading", got)
				}
				themes(t, tab, "before and after results")
				csv := groupDownload(t, tab, "check-results-", chromedp.Click(chromedp.CSS(`.check-results [data-download]`)))
				rows := strings.Split(strings.TrimSpace(csv), "\r\n")
				if len(rows) != len(k.Questions)+1 || !strings.HasPrefix(rows[1], k.Title+",1. ") {
					t.Errorf("CSV:\n%s", csv)
				}
			})
			t.Run("too-few-before", func(t *testing.T) {
				tab, err := b.Open(context.Background(), o, checkResultsPage, e2e.Options{})
				must(t, err)
				defer tab.Close()
				waitFor(t, tab, `!!document.querySelector('[data-module="check-results"][data-module-started]')`, "check results to start")
				checkResultsRun(t, tab, strings.Join(checkCodes(k, "before", before[:2]), "\n"))
				if n := evalT[int](t, tab, `document.querySelectorAll("[data-results-table]").length`); n != 0 {
					t.Errorf("with 2 codes only, %d result tables show; want none", n)
				}
				if got := evalT[string](t, tab, `document.querySelector(".check-results__summary").textContent`); !strings.Contains(got, "too few to show") {
					t.Errorf("with 2 codes only the summary says %q", got)
				}
			})
			t.Run("no-js", func(t *testing.T) {
				tab, err := b.Open(context.Background(), o, checkResultsPage, e2e.Options{NoJS: true})
				must(t, err)
				defer tab.Close()
				type sheet struct {
					Code string `json:"code"`
					Rows int    `json:"rows"`
				}
				got := evalT[[]sheet](t, tab, `Array.from(document.querySelectorAll(".check-results__table--blank")).filter(function (e) { return e.checkVisibility(); }).map(function (e) {
					return {code: e.getAttribute("data-check-code"), rows: e.querySelectorAll("tbody tr").length}; })`)
				var want []sheet
				for _, c := range learnData(t).Checks {
					want = append(want, sheet{Code: c.Code, Rows: len(c.Questions)})
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("tally sheets without JavaScript (-want +got):\n%s", diff)
				}
				if evalT[bool](t, tab, `document.querySelector(".check-results__form").checkVisibility() || !document.querySelector(".check-results__nojs").checkVisibility()`) {
					t.Error("without JavaScript the paste form shows, or the notice that it needs JavaScript does not")
				}
				dirCleanNoJS(t, tab, "check results without JavaScript")
			})
			t.Run("session-plans", func(t *testing.T) {
				for page, check := range map[string]string{
					"training/knowing-each-others-roles.html": "../learning/checks/roles.html",
					"training/climbing-the-ladder.html":       "../learning/checks/ladder-and-barriers.html",
				} {
					tab, err := b.Open(context.Background(), o, page, e2e.Options{})
					must(t, err)
					got := evalT[string](t, tab, `(function () {
						var dt = Array.from(document.querySelectorAll(".session dt")).filter(function (d) { return d.textContent === "Before and after"; })[0];
						return dt ? dt.nextElementSibling.querySelector("a").getAttribute("href") : "";
					})()`)
					tab.Close()
					if got != check {
						t.Errorf("%s: the Before and after row links to %q; want %q", page, got, check)
					}
				}
			})
		})
	}
}
