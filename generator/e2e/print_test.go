//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"joinedup/generator/e2e"

	"github.com/chromedp/chromedp"
)

// Print what was asked for: "Print your result" and "Print your plan"
// print that part alone on one or two A4 pages, the paper self-assessment
// fits on four, and every printout names the site, the page's address and
// the day in its margin, with page numbers.

// pdfText is the text of a PDF, page by page, as pdftotext reads it.
func pdfText(t *testing.T, pdf []byte) []string {
	t.Helper()
	exe, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatalf("pdftotext is not installed (%v); run \"make browser-deps\" or \"apt-get install poppler-utils\"", err)
	}
	file := filepath.Join(t.TempDir(), "print.pdf")
	must(t, os.WriteFile(file, pdf, 0o644))
	out, err := exec.Command(exe, "-layout", file, "-").Output()
	must(t, err)
	return strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
}

// stubPrint makes window.print count its calls instead of opening the
// browser's dialog, which a test cannot close.
func stubPrint(t *testing.T, tab *e2e.Tab) {
	t.Helper()
	evalT[bool](t, tab, `(window.print = () => { window.printed = (window.printed || 0) + 1; }, true)`)
}

func printedPages(t *testing.T, tab *e2e.Tab) (int, []string) {
	t.Helper()
	pdf, err := printPDF(tab)
	must(t, err)
	return countPDFPages(pdf), pdfText(t, pdf)
}

func TestPrint(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode), func(t *testing.T) {
			t.Run("result", func(t *testing.T) { t.Parallel(); printResult(t, b, o) })
			t.Run("plan", func(t *testing.T) { t.Parallel(); printPlan(t, b, o) })
			t.Run("paper self-assessment", func(t *testing.T) { t.Parallel(); printPaper(t, b, o) })
			t.Run("margins", func(t *testing.T) { t.Parallel(); printMargins(t, b, o) })
		})
	}
}

func printResult(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	l := openAssessment(t, b, o, e2e.Options{})
	l.start("our team and the school nurses")
	l.answerAll([]int{3, 5, 4, 6, 2, 7, 5, 4})
	l.click("See your result")
	stubPrint(t, l.tab)
	l.click("Print your result")
	if n := l.num(`window.printed || 0`); n != 1 {
		t.Fatalf("Print your result printed %d times; want 1", n)
	}
	pages, text := printedPages(t, l.tab)
	all := strings.Join(text, "\n")
	if pages < 1 || pages > 2 {
		t.Errorf("Print your result prints %d A4 pages; want one or two:\n%s", pages, all)
	}
	for _, want := range []string{"Your result", "our team and the school nurses", "JU2-"} {
		if !strings.Contains(all, want) {
			t.Errorf("the printed result lacks %q", want)
		}
	}
	for _, not := range []string{"What it is for", "How to answer"} {
		if strings.Contains(all, not) {
			t.Errorf("the printed result has the page's %q; want the result alone", not)
		}
	}
	// Printing ends: the whole page prints again.
	evalT[bool](t, l.tab, `(window.dispatchEvent(new Event("afterprint")), true)`)
	if l.num(`document.documentElement.classList.contains("print-part") ? 1 : 0`) != 0 {
		t.Error("after printing the page still prints only the result")
	}
	if whole, _ := printedPages(t, l.tab); whole <= pages {
		t.Errorf("the whole page prints on %d pages, the result alone on %d; want more for the whole page", whole, pages)
	}
	report(t, l.tab.Problems())
}

func printPlan(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	tab := openPlan(t, b, o, e2e.Options{}, true)
	defer tab.Close()
	evalT[bool](t, tab, `(() => {
  const b = document.querySelector("input[name=barrier]"); b.click();
  const rs = document.querySelectorAll("#plan-remedies-" + b.value + " input[name=remedy]"); rs[0].click(); rs[1].click();
  const w = document.querySelector("[data-field=who]"); w.value = "Team leader"; w.dispatchEvent(new Event("input", {bubbles: true}));
  return true; })()`)
	stubPrint(t, tab)
	must(t, tab.Do(chromedp.Click(`[data-plan-print]`)))
	pages, text := printedPages(t, tab)
	if pages < 1 || pages > 2 {
		t.Errorf("Print your plan prints %d A4 pages; want one or two", pages)
	}
	all := strings.Join(text, "\n")
	if !strings.Contains(all, "Action plan") || !strings.Contains(all, "Team") || !strings.Contains(all, "Spend half a day shadowing") {
		t.Errorf("the printed plan lacks its table:\n%s", all)
	}
	if strings.Contains(all, "Step 1") || strings.Contains(all, "Start with the barriers") {
		t.Error("the printed plan has the rest of the page; want the plan alone")
	}
	report(t, tab.Problems())
}

// paperPages is the most A4 pages the paper self-assessment may take.
const paperPages = 4

func printPaper(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	for _, opt := range []e2e.Options{{}, {NoJS: true}} {
		l := openAssessment(t, b, o, opt)
		pages, text := printedPages(t, l.tab)
		if pages > paperPages {
			t.Errorf("JavaScript off=%v: the paper self-assessment prints on %d A4 pages; want at most %d", opt.NoJS, pages, paperPages)
		}
		all := strings.Join(text, "\n")
		for _, want := range []string{"Shared purpose", "Reviewing and learning together", "I do not know", "Your rung"} {
			if !strings.Contains(all, want) {
				t.Errorf("JavaScript off=%v: the paper form lacks %q", opt.NoJS, want)
			}
		}
		report(t, l.tab.Problems())
		l.tab.Close()
	}
}

func printMargins(t *testing.T, b *e2e.Browser, o e2e.Origin) {
	page := "guidance/consent-and-information-sharing.html"
	tab := openTool(t, b, o, page, e2e.Options{})
	_, text := printedPages(t, tab)
	today := time.Now().Format("2 January 2006")
	for i, p := range text {
		for _, want := range []string{"Joined-up working", "Printed " + today, o.URL(page), fmt.Sprintf("Page %d of %d", i+1, len(text))} {
			if !strings.Contains(p, want) {
				t.Errorf("printed page %d lacks %q in its margin", i+1, want)
			}
		}
	}
	report(t, tab.Problems())
	tab.Close() // one tab at a time, so parallel subtests cannot wait on each other
	guide := openCopies(t, b, o, "print.html")
	_, gtext := printedPages(t, guide)
	if !strings.Contains(gtext[0], "Contents") || !strings.Contains(gtext[0], "Consent and information sharing") {
		t.Error("the whole guide's first printed page has no contents list")
	}
	if len(gtext) < 2 || !strings.Contains(gtext[1], fmt.Sprintf("Page 2 of %d", len(gtext))) {
		t.Error("the whole guide's pages are not numbered in the margin")
	}
	report(t, guide.Problems())
}

// openCopies opens the whole guide or a trainer's pack. Its copies of
// pages come without their tools' scripts, so only the page's own modules
// start, and no control that needs a script shows in a copy.
func openCopies(t *testing.T, b *e2e.Browser, o e2e.Origin, page string) *e2e.Tab {
	t.Helper()
	guide, err := b.Open(context.Background(), o, page, e2e.Options{})
	must(t, err)
	t.Cleanup(guide.Close)
	must(t, guide.WaitFor(`document.querySelectorAll("[data-module]:not([data-module-started]):not(.guide-page [data-module])").length === 0`, 10*time.Second))
	if dead := evalT[[]string](t, guide, `[...document.querySelectorAll(".guide-page .js-only, .guide-page .directory__cards")].filter(e => e.checkVisibility()).map(e => e.className)`); len(dead) > 0 {
		t.Errorf("%s shows controls its copies cannot run: %v", page, dead)
	}
	return guide
}
