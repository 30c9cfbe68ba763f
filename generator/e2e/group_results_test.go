//go:build browser

package e2e_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"joinedup/generator/e2e"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"go.yaml.in/yaml/v3"
)

const groupPage = "training/group-results.html"

// groupPeople are the answers of the people whose codes the main scenario
// pastes, one rung per question (0 = "I do not know"). Question 5 has only
// two answers, so its breakdown must be hidden.
var groupPeople = [][]int{
	{3, 4, 5, 4, 3, 4, 5, 6},
	{5, 5, 5, 5, 5, 5, 5, 5},
	{6, 7, 6, 5, 0, 6, 7, 6},
	{4, 4, 3, 0, 0, 4, 5, 4},
	{7, 6, 8, 7, 0, 7, 6, 7},
	{2, 0, 1, 9, 0, 9, 9, 3},
}

// groupDimensions reads the questions' titles from the bundled data, the
// source the page is built from.
func groupDimensions(t *testing.T) []string {
	t.Helper()
	root, err := e2e.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(root, "content", "data", "assessment.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Dimensions []struct {
			Title string `yaml:"title"`
		} `yaml:"dimensions"`
	}
	if err := yaml.Unmarshal(src, &d); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, dim := range d.Dimensions {
		titles = append(titles, dim.Title)
	}
	return titles
}

// groupMedian is the self-assessment's median: of the known answers (not
// 0), the middle one, or the lower half of the two middle ones' sum.
func groupMedian(values []int) int {
	var known []int
	for _, v := range values {
		if v > 0 {
			known = append(known, v)
		}
	}
	if len(known) == 0 {
		return 0
	}
	slices.Sort(known)
	n := len(known)
	if n%2 == 1 {
		return known[n/2]
	}
	return (known[n/2-1] + known[n/2]) / 2
}

// groupRow is one row of the expected table: the label and its cells, or
// nil cells for a hidden row.
type groupRow struct {
	label string
	cells []int // rungs 1-9, don't know, answered, median
}

func groupTally(label string, values []int) groupRow {
	counts := make([]int, 10)
	for _, v := range values {
		counts[v]++
	}
	answered := len(values) - counts[0]
	if answered < 3 {
		return groupRow{label: label}
	}
	return groupRow{label: label, cells: append(counts[1:], counts[0], answered, groupMedian(values))}
}

// groupExpected works out the whole table from the people's answers.
func groupExpected(people [][]int, titles []string) []groupRow {
	var overall []int
	for _, p := range people {
		overall = append(overall, groupMedian(p))
	}
	rows := []groupRow{groupTally("Overall", overall)}
	for d, title := range titles {
		var vals []int
		for _, p := range people {
			vals = append(vals, p[d])
		}
		rows = append(rows, groupTally(fmt.Sprintf("%d. %s", d+1, title), vals))
	}
	return rows
}

const groupHiddenNote = "Hidden: fewer than 3 people gave a rung for this question."

func groupCSV(rows []groupRow) string {
	var b strings.Builder
	b.WriteString("Question,Rung 1,Rung 2,Rung 3,Rung 4,Rung 5,Rung 6,Rung 7,Rung 8,Rung 9,Don't know,Answered,Median rung,Note\r\n")
	for _, r := range rows {
		b.WriteString(r.label)
		if r.cells == nil {
			b.WriteString(strings.Repeat(",", 13) + groupHiddenNote + "\r\n")
			continue
		}
		for _, c := range r.cells {
			b.WriteString("," + strconv.Itoa(c))
		}
		b.WriteString(",\r\n")
	}
	return b.String()
}

// groupOpen opens the page and waits for the tool to start (or, without
// JavaScript, just for the page).
func groupOpen(t *testing.T, b *e2e.Browser, o e2e.Origin, opt e2e.Options) *e2e.Tab {
	t.Helper()
	tab, err := b.Open(context.Background(), o, groupPage, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tab.Close)
	if opt.NoJS {
		return tab
	}
	waitFor(t, tab, `!!document.querySelector('[data-module="group-results"][data-module-started]')`, "")
	return tab
}

// groupPaste puts text in the box as a paste would and presses the button.
func groupPaste(t *testing.T, tab *e2e.Tab, text string) {
	t.Helper()
	if _, err := e2e.Eval[bool](tab, fmt.Sprintf(`(function(){document.getElementById("group-codes").value = %s; return true})()`, strconv.Quote(text))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab.Context(), chromedp.Click(chromedp.CSS(`[data-show]`))); err != nil {
		t.Fatal(err)
	}
}

// groupEncode makes a result code in the page with joinedup.ladder.encode.
func groupEncode(t *testing.T, tab *e2e.Tab, rungs []int) string {
	t.Helper()
	parts := make([]string, len(rungs))
	for i, r := range rungs {
		parts[i] = strconv.Itoa(r)
	}
	code, err := e2e.Eval[string](tab, "joinedup.ladder.encode(["+strings.Join(parts, ",")+"], joinedup.ladder.nonce())")
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// groupTable reads the results table: per row, the header and the cells.
func groupTable(t *testing.T, tab *e2e.Tab) [][]string {
	t.Helper()
	rows, err := e2e.Eval[[][]string](tab, `Array.from(document.querySelectorAll("[data-results-table] tbody tr")).map(function (tr) {
		return Array.from(tr.children).map(function (c) { return c.textContent; }) })`)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func groupWantTable(rows []groupRow) [][]string {
	var out [][]string
	for _, r := range rows {
		row := []string{r.label}
		if r.cells == nil {
			row = append(row, groupHiddenNote)
		}
		for _, c := range r.cells {
			row = append(row, strconv.Itoa(c))
		}
		out = append(out, row)
	}
	return out
}

// groupDownload runs click and returns the contents of the file the page
// saves, which must be named prefix followed by the browser's date and
// ".csv".
func groupDownload(t *testing.T, tab *e2e.Tab, prefix string, click chromedp.Action[chromedp.Void]) string {
	t.Helper()
	dl, err := tab.Downloads()
	must(t, err)
	name := prefix + evalT[string](t, tab, `joinedup.today()`) + ".csv"
	if err := chromedp.Do(tab.Context(), click); err != nil {
		t.Fatal(err)
	}
	b, err := dl.Wait(tab.Context(), name, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestGroupResults pastes a realistic, messy set of lines (valid codes, a
// duplicate, a mistyped code, a short code, a code from another version,
// markup and very long lines, a chat message) and checks the counts, the
// messages, the table, the chart and the CSV against numbers worked out
// here from the same answers; then too few codes, too much text, an empty
// box, keyboard use, and the page without JavaScript.
func TestGroupResults(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	titles := groupDimensions(t)
	if len(titles) != len(groupPeople[0]) {
		t.Fatalf("the assessment has %d questions; groupPeople has answers for %d", len(titles), len(groupPeople[0]))
	}
	want := groupExpected(groupPeople, titles)

	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode), func(t *testing.T) {
			t.Parallel()
			b := chromium.Start(t, 2) // a browser per origin: its downloads and storage are its own
			t.Run("same answers", func(t *testing.T) {
				tab := groupOpen(t, b, o, e2e.Options{Width: 375, Height: 800})
				same := []int{5, 5, 5, 5, 5, 5, 5, 5}
				codes := []string{groupEncode(t, tab, same), groupEncode(t, tab, same), groupEncode(t, tab, same)}
				groupPaste(t, tab, strings.Join(append(codes, codes[2]), "\n"))
				waitFor(t, tab, `!!document.querySelector("[data-results-table]")`, "")
				if n := evalT[string](t, tab, `document.querySelector("[data-count]").getAttribute("data-count")`); n != "3" {
					t.Errorf("three learners with the same answers counted as %s", n)
				}
				if evalT[bool](t, tab, `!!document.querySelector(".error-summary, .form-group--error")`) {
					t.Error("a code pasted twice is shown as a problem")
				}
				if !evalT[bool](t, tab, `!!document.querySelector("[data-duplicates]")`) {
					t.Error("the code pasted twice is not mentioned")
				}
				clean(t, tab, "same answers, one pasted twice")
			})
			t.Run("messy paste", func(t *testing.T) {
				tab := groupOpen(t, b, o, e2e.Options{Width: 375, Height: 800})
				clean(t, tab, "start")
				imgs, err := e2e.Eval[int](tab, `document.querySelectorAll("img").length`)
				if err != nil {
					t.Fatal(err)
				}
				codes := make([]string, len(groupPeople))
				for i, p := range groupPeople {
					codes[i] = groupEncode(t, tab, p)
				}
				mistyped := codes[1][:len(codes[1])-2] + "00"
				if mistyped == codes[1] {
					mistyped = codes[1][:len(codes[1])-2] + "01"
				}
				short := groupEncode(t, tab, []int{1, 2, 3})
				hostile := `<img src=x onerror=alert(1)><script>alert(2)</script>JU9-12345678-00 ` + strings.Repeat("<b>x</b>", 1250)
				noCode := `Thanks everyone! <img src=x onerror=alert(3)>` + strings.Repeat("<i>y</i>", 1250)
				lines := []string{
					codes[0],                  // 1
					codes[1],                  // 2
					"  " + codes[2] + "  ",    // 3
					codes[0],                  // 4 duplicate of 1
					strings.ToLower(codes[3]), // 5
					mistyped,                  // 6
					short,                     // 7
					hostile,                   // 8
					"Sam (10:42): my code is " + codes[4] + "!", // 9
					codes[5], // 10
					"   ",    // 11 blank: ignored
					noCode,   // 12
				}
				groupPaste(t, tab, strings.Join(lines, "\n"))
				waitFor(t, tab, `!!document.querySelector("[data-results-table]")`, "")

				n, err := e2e.Eval[string](tab, `document.querySelector("[data-count]").getAttribute("data-count")`)
				if err != nil || n != "6" {
					t.Errorf("counted %q people (%v), want 6", n, err)
				}
				msgs, err := e2e.Eval[[]string](tab, `Array.from(document.querySelectorAll(".group-results__problems .group-results__messages li")).map(function (li) { return li.textContent })`)
				if err != nil {
					t.Fatal(err)
				}
				wantMsgs := []string{
					"Line 6: \u201c" + mistyped + "\u201d This code's check digits do not match",
					"Line 7: \u201c" + short + "\u201d This code has 3 answers, but the self-assessment has 8.",
					"Line 8: \u201cJU9-12345678-00\u201d This code is from a different version of the self-assessment (version 9)",
					"Line 12: \u201cThanks everyone! <img src=x onerror=ale\u2026\u201d No result code found on this line.",
				}
				if len(msgs) != len(wantMsgs) {
					t.Errorf("messages:\n%s\nwant %d", strings.Join(msgs, "\n"), len(wantMsgs))
				}
				for i := range min(len(msgs), len(wantMsgs)) {
					if !strings.HasPrefix(msgs[i], wantMsgs[i]) {
						t.Errorf("message %d = %q, want it to start %q", i+1, msgs[i], wantMsgs[i])
					}
				}
				if got, err := e2e.Eval[int](tab, `document.querySelectorAll("img, script:not([src]), b, i").length`); err != nil || got != imgs {
					t.Errorf("the page has %d img/inline script/b/i elements after the paste (%v), want %d: pasted markup was injected", got, err, imgs)
				}
				focus, err := e2e.Eval[string](tab, `document.activeElement.className`)
				if err != nil || focus != "error-summary" {
					t.Errorf("focus is on %q (%v), want the error summary", focus, err)
				}
				summary, err := e2e.Eval[string](tab, `document.querySelector(".error-summary a").getAttribute("href") + " " + document.querySelector(".error-summary").textContent`)
				if err != nil || !strings.HasPrefix(summary, "#group-codes ") || !strings.Contains(summary, "4 codes or lines were not counted") || !strings.Contains(summary, "6 codes counted") {
					t.Errorf("error summary = %q (%v)", summary, err)
				}
				// The code pasted twice is a harmless duplicate: said plainly,
				// outside the problems.
				dup := evalT[string](t, tab, `(n => n ? (n.closest(".error-summary, .form-group--error") ? "inside the problems: " : "") + n.textContent : "none")(document.querySelector("[data-duplicates]"))`)
				if !strings.HasPrefix(dup, "1 code was pasted more than once and counted once") || !strings.Contains(dup, "Line 4: \u201c"+codes[0]+"\u201d The same code as line 1, counted once.") {
					t.Errorf("duplicates note = %q", dup)
				}

				if got, wantTable := groupTable(t, tab), groupWantTable(want); !slices.EqualFunc(got, wantTable, slices.Equal) {
					t.Errorf("table:\n got %q\nwant %q", got, wantTable)
				}
				if want[5].cells != nil {
					t.Fatal("question 5 should have fewer than 3 answers in groupPeople")
				}

				// The chart: one figure per row; a hidden row has no bars;
				// each bar's height is its share of the group.
				type fig struct {
					Caption string    `json:"caption"`
					Label   string    `json:"label"`
					Heights []float64 `json:"heights"`
					Counts  []string  `json:"counts"`
				}
				figs, err := e2e.Eval[[]fig](tab, `Array.from(document.querySelectorAll(".group-results__figure")).map(function (f) {
					var c = f.querySelector("[role=img]");
					return {caption: f.querySelector("figcaption").textContent, label: c ? c.getAttribute("aria-label") : "",
						heights: Array.from(f.querySelectorAll(".group-results__bar")).map(function (b) { return parseFloat(b.style.height) }),
						counts: Array.from(f.querySelectorAll(".group-results__count")).map(function (b) { return b.textContent })} })`)
				if err != nil {
					t.Fatal(err)
				}
				if len(figs) != len(want) {
					t.Fatalf("%d charts, want %d", len(figs), len(want))
				}
				for i, f := range figs {
					r := want[i]
					if f.Caption != r.label {
						t.Errorf("chart %d caption %q, want %q", i, f.Caption, r.label)
					}
					if r.cells == nil {
						if len(f.Heights) != 0 || f.Label != "" {
							t.Errorf("chart %q should be hidden, has %d bars", r.label, len(f.Heights))
						}
						continue
					}
					if !strings.Contains(f.Label, fmt.Sprintf("Median rung %d", r.cells[11])) {
						t.Errorf("chart %q text summary %q lacks its median %d", r.label, f.Label, r.cells[11])
					}
					for j := range 10 {
						if len(f.Heights) != 10 {
							t.Fatalf("chart %q has %d bars, want 10", r.label, len(f.Heights))
						}
						share := float64(r.cells[j]) / float64(len(groupPeople)) * 100
						if d := f.Heights[j] - share; d > 0.1 || d < -0.1 || f.Counts[j] != strconv.Itoa(r.cells[j]) {
							t.Errorf("chart %q bar %d: height %.1f%% count %s, want %.1f%% and %d", r.label, j+1, f.Heights[j], f.Counts[j], share, r.cells[j])
						}
					}
				}
				clean(t, tab, "results with messages")
				for _, theme := range []string{"dark", "contrast"} {
					if _, err := e2e.Eval[bool](tab, `(document.documentElement.setAttribute("data-theme", "`+theme+`"), true)`); err != nil {
						t.Fatal(err)
					}
					cleanIn(t, tab, theme, "results with messages, "+theme+" theme")
				}
				if _, err := e2e.Eval[bool](tab, `(document.documentElement.removeAttribute("data-theme"), true)`); err != nil {
					t.Fatal(err)
				}

				csv := groupDownload(t, tab, "group-results-", chromedp.Click(chromedp.CSS("[data-download]")))
				if wantCSV := groupCSV(want); csv != wantCSV {
					t.Errorf("CSV:\n%s\nwant:\n%s", csv, wantCSV)
				}

				// Clear empties the box and the results.
				if err := chromedp.Do(tab.Context(), chromedp.Click(chromedp.CSS("[data-clear]"))); err != nil {
					t.Fatal(err)
				}
				left, err := e2e.Eval[string](tab, `document.getElementById("group-codes").value + document.querySelector("[data-output]").textContent + document.querySelectorAll(".error-summary").length`)
				if err != nil || left != "0" {
					t.Errorf("after Clear, box+results = %q (%v), want nothing", left, err)
				}
				clean(t, tab, "cleared")
			})

			t.Run("too few", func(t *testing.T) {
				tab := groupOpen(t, b, o, e2e.Options{})
				a, c := groupEncode(t, tab, groupPeople[0]), groupEncode(t, tab, groupPeople[1])
				groupPaste(t, tab, a+"\n"+c+"\n"+a+"\nnot a code")
				waitFor(t, tab, `!!document.querySelector("[data-too-few]")`, "")
				text, err := e2e.Eval[string](tab, `document.querySelector("[data-output]").textContent`)
				if err != nil || !strings.Contains(text, "Fewer than 3 valid codes: results are hidden so that nobody can be identified. 2 codes were counted.") {
					t.Errorf("output = %q (%v)", text, err)
				}
				if n, err := e2e.Eval[int](tab, `document.querySelectorAll("[data-results-table], .group-results__figure, [data-download]").length`); err != nil || n != 0 {
					t.Errorf("%d result elements shown for 2 people (%v), want none", n, err)
				}
				clean(t, tab, "too few")
			})

			t.Run("limits", func(t *testing.T) {
				tab := groupOpen(t, b, o, e2e.Options{})
				groupPaste(t, tab, "  \n\n ")
				waitFor(t, tab, `!!document.querySelector(".error-summary")`, "")
				msg, err := e2e.Eval[string](tab, `document.getElementById("group-codes-error").textContent`)
				if err != nil || msg != "Error: Paste at least one result code into the box." {
					t.Errorf("empty box: message %q (%v)", msg, err)
				}
				clean(t, tab, "empty box")
				groupPaste(t, tab, strings.Repeat("x\n", 2000))
				waitFor(t, tab, `document.getElementById("group-codes-error").textContent.indexOf("too many lines") >= 0`, "")
				if msg, err := e2e.Eval[string](tab, `document.getElementById("group-codes-error").textContent + "|" + document.querySelector("[data-output]").hidden`); err != nil ||
					msg != "Error: The pasted text has too many lines (2,001). Paste at most 2,000 lines at a time, then paste the rest separately.|true" {
					t.Errorf("too many lines: %q (%v)", msg, err)
				}
				groupPaste(t, tab, strings.Repeat("y", 200001))
				waitFor(t, tab, `document.getElementById("group-codes-error").textContent.indexOf("too long") >= 0`, "")
				clean(t, tab, "too long")
			})

			t.Run("keyboard", func(t *testing.T) {
				tab := groupOpen(t, b, o, e2e.Options{Width: 320, Height: 700})
				codes := []string{groupEncode(t, tab, groupPeople[0]), groupEncode(t, tab, groupPeople[1]), groupEncode(t, tab, groupPeople[2])}
				groupTabTo(t, tab, "group-codes")
				if err := chromedp.Do(tab.Context(), chromedp.KeyEvent(strings.Join(codes, "\n"))); err != nil {
					t.Fatal(err)
				}
				groupKeys(t, tab, kb.Tab)
				if got, _ := e2e.Eval[string](tab, `document.activeElement.textContent`); got != "Show results" {
					t.Fatalf("Tab after the box reached %q, want the Show results button", got)
				}
				groupKeys(t, tab, kb.Enter)
				waitFor(t, tab, `document.activeElement && document.activeElement.id === "group-results-heading"`, "")
				if h, _ := e2e.Eval[string](tab, `document.activeElement.textContent`); h != "Results for 3 people" {
					t.Errorf("results heading %q, want Results for 3 people", h)
				}
				want3 := groupExpected(groupPeople[:3], titles)
				if got, wantTable := groupTable(t, tab), groupWantTable(want3); !slices.EqualFunc(got, wantTable, slices.Equal) {
					t.Errorf("table:\n got %q\nwant %q", got, wantTable)
				}
				clean(t, tab, "keyboard results")
				groupKeys(t, tab, kb.Tab)
				if got, _ := e2e.Eval[string](tab, `document.activeElement.textContent`); got != "Download the table (CSV)" {
					t.Fatalf("Tab after the results heading reached %q, want the download button", got)
				}
				csv := groupDownload(t, tab, "group-results-", chromedp.KeyEvent(kb.Enter))
				if wantCSV := groupCSV(want3); csv != wantCSV {
					t.Errorf("CSV:\n%s\nwant:\n%s", csv, wantCSV)
				}
				ps, err := tab.Reflow()
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range ps {
					t.Errorf("320px: %s", p)
				}
			})

			t.Run("no JavaScript", func(t *testing.T) {
				tab := groupOpen(t, b, o, e2e.Options{NoJS: true})
				notice, err1 := e2e.Eval[bool](tab, `document.querySelector("[data-nojs]").checkVisibility()`)
				form, err2 := e2e.Eval[bool](tab, `document.querySelector("[data-form]").checkVisibility()`)
				rows, err3 := e2e.Eval[int](tab, `document.querySelectorAll("[data-tally] tbody tr").length`)
				if err := errors.Join(err1, err2, err3); err != nil {
					t.Fatal(err)
				}
				if !notice || form || rows != len(titles)+1 {
					t.Errorf("without JavaScript: notice shown %v (want true), form shown %v (want false), %d tally rows (want %d)", notice, form, rows, len(titles)+1)
				}
				ps, err := tab.Readable()
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range append(ps, tab.Problems()...) {
					t.Errorf("no JavaScript: %s", p)
				}
				// axe-core needs scripts, so check the same markup in a tab
				// with them, put back as it is without them.
				js := groupOpen(t, b, o, e2e.Options{})
				if _, err := e2e.Eval[bool](js, `(function () {
					document.documentElement.className = document.documentElement.className.replace(/\bjs\b/, "no-js");
					document.querySelector("[data-nojs]").hidden = false;
					document.querySelector("[data-form]").hidden = true;
					return true })()`); err != nil {
					t.Fatal(err)
				}
				clean(t, js, "no JavaScript markup")
			})
		})
	}
}

// groupKeys presses keys in the page.
func groupKeys(t *testing.T, tab *e2e.Tab, keys string) {
	t.Helper()
	if err := chromedp.Do(tab.Context(), chromedp.KeyEvent(keys)); err != nil {
		t.Fatal(err)
	}
}

// groupTabTo presses Tab from the top of the page until the element with
// the given id has focus, as a keyboard user would reach it.
func groupTabTo(t *testing.T, tab *e2e.Tab, id string) {
	t.Helper()
	for range 200 {
		groupKeys(t, tab, kb.Tab)
		if got, _ := e2e.Eval[string](tab, `document.activeElement.id`); got == id {
			return
		}
	}
	t.Fatalf("Tab never reached #%s", id)
}
