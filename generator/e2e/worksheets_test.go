//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"joinedup/generator/e2e"
	"joinedup/generator/internal/components"
	"joinedup/generator/internal/data"
)

// A4 in the units the browser uses: inches for the PDF paper, CSS pixels
// (96 to the inch) for the printable area inside the 10mm margins that
// worksheets.css gives the worksheet page.
const (
	a4WidthIn, a4HeightIn = 210 / 25.4, 297 / 25.4
	mmPx                  = 96 / 25.4
	a4ContentHeightPx     = 277 * mmPx
	// The viewport for laying a page out as printed: the printable
	// area of A4, in whole pixels.
	a4ContentWidthPx, a4ContentHeightPxInt int64 = 190 * 96 * 10 / 254, 277 * 96 * 10 / 254
)

// worksheet is one worksheet page and what it must print as.
type worksheet struct {
	page  string
	cards int // .ws-card elements; 0 for the poster and the sheet
	pages int // A4 pages when printed
}

// worksheetsFromData works out each worksheet's cards and printed pages
// from the bundled data, so that adding a barrier or a role changes the
// expectation rather than breaking the test.
func worksheetsFromData(t *testing.T) []worksheet {
	t.Helper()
	root, err := e2e.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, name := range []string{"barriers.yaml", "partners.yaml", "ladder.yaml"} {
		b, err := os.ReadFile(filepath.Join(root, "content", "data", name))
		if err != nil {
			t.Fatal(err)
		}
		files["data/"+name] = b
	}
	d, err := data.Load(files, func(p string) string { return p })
	if err != nil {
		t.Fatal(err)
	}
	sheets := func(n int) int { return (n + components.CardsPerSheet - 1) / components.CardsPerSheet }
	remedies := 0
	for _, b := range d.Barriers.Barriers {
		remedies += len(b.Remedies)
	}
	partners := len(d.Partners.Partners)
	return []worksheet{
		{page: "training/worksheets/ladder-poster.html", pages: 1},
		{page: "training/worksheets/barrier-cards.html", cards: len(d.Barriers.Barriers) + remedies, pages: sheets(len(d.Barriers.Barriers)) + sheets(remedies)},
		{page: "training/worksheets/partner-cards.html", cards: 2 * partners, pages: 2 * sheets(partners)},
		{page: "training/worksheets/meeting-prep.html", pages: 2},
	}
}

// pdfPage finds page objects in a PDF ("/Type /Page", not "/Type /Pages").
var pdfPage = regexp.MustCompile(`/Type\s*/Page\b`)

// countPDFPages counts the page objects of a PDF. Chromium writes each page
// as a plain (uncompressed) object, so a text search is enough.
func countPDFPages(pdf []byte) int { return len(pdfPage.FindAllIndex(pdf, -1)) }

func TestCountPDFPages(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		pdf  string
		want int
	}{
		{"", 0},
		{"1 0 obj <</Type /Pages /Count 2 /Kids [2 0 R 3 0 R]>>", 0},
		{"<</Type /Pages>> <</Type /Page /Parent 1 0 R>> <</Type/Page>>", 2},
		{"<</Type /PageLabel>>", 0},
	} {
		if got := countPDFPages([]byte(tc.pdf)); got != tc.want {
			t.Errorf("countPDFPages(%q) = %d; want %d", tc.pdf, got, tc.want)
		}
	}
}

// printPDF prints the tab's page to an A4 PDF, letting the page's own
// @page size win, as a learner's browser does.
func printPDF(tab *e2e.Tab) ([]byte, error) {
	yes, no := true, false
	res, err := chromedp.Run(tab.Context(), func(ctx context.Context, t *chromedp.Target) (cdppage.PrintToPDFResult, error) {
		return cdp.Call(ctx, t, cdppage.PrintToPDF, cdppage.PrintToPDFParams{
			PaperWidth: a4WidthIn, PaperHeight: a4HeightIn, PreferCSSPageSize: &yes,
			// An untagged PDF keeps every page a plain object that
			// countPDFPages can find.
			GenerateTaggedPDF: &no,
		})
	})
	return res.Data, err
}

// printLayout is what the page looks like with print styles, laid out at
// the width of an A4 page's printable area.
type printLayout struct {
	Sheets      int      `json:"sheets"`
	Cards       int      `json:"cards"`
	Clipped     []string `json:"clipped"`
	Outside     []string `json:"outside"`
	TooTall     []string `json:"tooTall"`
	NoBreak     []string `json:"noBreak"`
	OtherShown  []string `json:"otherShown"`
	PrintButton bool     `json:"printButton"`
}

const printLayoutJS = `((pageHeight) => {
  const desc = el => el.tagName.toLowerCase() + (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "") + " \"" + el.textContent.trim().slice(0, 40) + "\"";
  const worksheet = document.querySelector(".worksheet");
  const sheets = [...worksheet.querySelectorAll(".sheet")].filter(s => s.checkVisibility());
  const clipped = [], outside = [], tooTall = [], noBreak = [];
  for (const el of worksheet.querySelectorAll("*")) {
    if (!el.checkVisibility() || el.closest(".visually-hidden")) continue;
    if (el.scrollHeight > el.clientHeight + 1 && el.clientHeight > 0 || el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
      clipped.push(desc(el) + " needs " + el.scrollWidth + "x" + el.scrollHeight + "px, has " + el.clientWidth + "x" + el.clientHeight + "px");
    }
  }
  const top = document.body.getBoundingClientRect().top;
  sheets.forEach((s, i) => {
    const r = s.getBoundingClientRect();
    // The first sheet shares its page with whatever prints above it.
    const height = i === 0 ? r.bottom - top : r.height;
    if (height > pageHeight) tooTall.push("sheet " + (i + 1) + " is " + Math.round(height) + "px, the page " + Math.round(pageHeight) + "px");
    const last = i === sheets.length - 1;
    if ((getComputedStyle(s).breakAfter === "page") === last) noBreak.push("sheet " + (i + 1) + " has break-after " + getComputedStyle(s).breakAfter);
    for (const c of s.querySelectorAll(".ws-card")) {
      const cr = c.getBoundingClientRect();
      if (cr.top < r.top - 0.5 || cr.bottom > r.bottom + 0.5 || cr.left < r.left - 0.5 || cr.right > r.right + 0.5) outside.push(desc(c));
    }
  });
  const main = document.querySelector("main");
  const otherShown = [...main.querySelectorAll("*")].filter(el => !worksheet.contains(el) && !el.contains(worksheet) && el.checkVisibility()).map(desc).slice(0, 5);
  const button = worksheet.querySelector(".print-page");
  return {sheets: sheets.length, cards: worksheet.querySelectorAll(".ws-card").length, clipped, outside, tooTall, noBreak, otherShown,
    printButton: !!button && button.checkVisibility()};
})(` + "%f)"

func TestWorksheets(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	origins := []e2e.Origin{site.Serve(t), site.Disk()}
	for _, ws := range worksheetsFromData(t) {
		t.Run(strings.TrimSuffix(filepath.Base(ws.page), ".html"), func(t *testing.T) {
			t.Parallel()
			if !contains(site.Pages, ws.page) {
				t.Fatalf("%s is not in the built site", ws.page)
			}
			for _, o := range origins {
				t.Run("screen/"+string(o.Mode), func(t *testing.T) { worksheetOnScreen(ctx, t, b, o, ws) })
				t.Run("no-js/"+string(o.Mode), func(t *testing.T) { worksheetWithoutJS(ctx, t, b, o, ws) })
				t.Run("pdf/"+string(o.Mode), func(t *testing.T) { worksheetPDF(ctx, t, b, o, ws) })
			}
			t.Run("print-layout", func(t *testing.T) { worksheetPrintLayout(ctx, t, b, origins[0], ws) })
			t.Run("narrow", func(t *testing.T) {
				runCheck(ctx, t, b, origins[0], ws.page, e2e.Options{Width: e2e.NarrowWidth, Height: 640}, (*e2e.Tab).Reflow)
			})
		})
	}
}

// worksheetOnScreen checks the page with scripts: the print button is shown
// and works from the keyboard, and axe finds nothing.
func worksheetOnScreen(ctx context.Context, t *testing.T, b *e2e.Browser, o e2e.Origin, ws worksheet) {
	tab, err := b.Open(ctx, o, ws.page, e2e.Options{Width: 375, Height: 800})
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	// window.print would open a dialog; count calls instead.
	if _, err := e2e.Eval[bool](tab, `window.print = () => { window.printed = (window.printed || 0) + 1; }; true`); err != nil {
		t.Fatal(err)
	}
	shown, err := e2e.Eval[bool](tab, `(() => { const b = document.querySelector(".worksheet .print-page"); return !!b && b.checkVisibility() && b.matches("[data-module-started]"); })()`)
	if err != nil {
		t.Fatal(err)
	}
	if !shown {
		t.Fatal("the worksheet's print button is not shown (or not started) with JavaScript on")
	}
	if _, err := e2e.Eval[bool](tab, `document.querySelector(".worksheet .print-page").focus(); document.activeElement.matches(".print-page")`); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab.Context(), chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	printed, err := e2e.Eval[int](tab, `window.printed || 0`)
	if err != nil {
		t.Fatal(err)
	}
	if printed != 1 {
		t.Errorf("pressing Enter on the print button printed %d times; want 1", printed)
	}
	if ws.cards > 0 {
		n, err := e2e.Eval[int](tab, `document.querySelectorAll(".worksheet .ws-card").length`)
		if err != nil {
			t.Fatal(err)
		}
		if n != ws.cards {
			t.Errorf("%d cards on the page; want %d from the data", n, ws.cards)
		}
	}
	// Axe in each colour scheme: the dashed cut lines, rails and boxes
	// take their colours from the theme.
	for _, theme := range []string{"light", "dark", "contrast"} {
		if _, err := e2e.Eval[bool](tab, `document.documentElement.setAttribute("data-theme", "`+theme+`"); true`); err != nil {
			t.Fatal(err)
		}
		cleanIn(t, tab, theme, theme+" theme")
	}
}

// worksheetWithoutJS checks that the worksheet reads without scripts and
// that the print button, which needs a script, is hidden.
func worksheetWithoutJS(ctx context.Context, t *testing.T, b *e2e.Browser, o e2e.Origin, ws worksheet) {
	tab, err := b.Open(ctx, o, ws.page, e2e.Options{NoJS: true})
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	type state struct {
		Button bool `json:"button"`
		Text   int  `json:"text"`
		Cards  int  `json:"cards"`
	}
	s, err := e2e.Eval[state](tab, `(() => {
  const w = document.querySelector(".worksheet");
  const b = w.querySelector(".print-page");
  return {button: !!b && b.checkVisibility(), text: w.checkVisibility() ? w.innerText.trim().length : 0, cards: w.querySelectorAll(".ws-card").length};
})()`)
	if err != nil {
		t.Fatal(err)
	}
	if s.Button {
		t.Error("the print button shows without JavaScript, where it cannot work")
	}
	if s.Text < 200 {
		t.Errorf("without JavaScript the worksheet shows %d characters of text; want it readable", s.Text)
	}
	if s.Cards != ws.cards {
		t.Errorf("without JavaScript %d cards; want %d", s.Cards, ws.cards)
	}
	report(t, tab.Problems())
}

// worksheetPDF prints the page to PDF and counts its pages.
func worksheetPDF(ctx context.Context, t *testing.T, b *e2e.Browser, o e2e.Origin, ws worksheet) {
	tab, err := b.Open(ctx, o, ws.page, e2e.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	pdf, err := printPDF(tab)
	if err != nil {
		t.Fatal(err)
	}
	if got := countPDFPages(pdf); got != ws.pages {
		t.Errorf("prints on %d A4 pages; want %d", got, ws.pages)
	}
	if dir := os.Getenv("WORKSHEET_PDF_DIR"); dir != "" {
		name := strings.TrimSuffix(filepath.Base(ws.page), ".html") + "-" + string(o.Mode) + ".pdf"
		if err := os.WriteFile(filepath.Join(dir, name), pdf, 0o644); err != nil {
			t.Error(err)
		}
	}
	report(t, tab.Problems())
}

// worksheetPrintLayout lays the page out with print styles at the width of
// an A4 page and checks that nothing is clipped, each sheet fits on a page
// and breaks after it, and every card lies inside its sheet.
func worksheetPrintLayout(ctx context.Context, t *testing.T, b *e2e.Browser, o e2e.Origin, ws worksheet) {
	tab, err := b.Open(ctx, o, ws.page, e2e.Options{Media: "print", Width: a4ContentWidthPx, Height: a4ContentHeightPxInt})
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	l, err := e2e.Eval[printLayout](tab, fmt.Sprintf(printLayoutJS, a4ContentHeightPx))
	if err != nil {
		t.Fatal(err)
	}
	if l.Sheets != ws.pages {
		t.Errorf("%d sheets print; want %d, one per A4 page", l.Sheets, ws.pages)
	}
	if l.Cards != ws.cards {
		t.Errorf("%d cards print; want %d", l.Cards, ws.cards)
	}
	for _, list := range []struct {
		what  string
		items []string
	}{
		{"text is clipped", l.Clipped},
		{"a card lies outside its sheet, so it would cross a page edge", l.Outside},
		{"a sheet is taller than an A4 page", l.TooTall},
		{"a sheet does not end its page", l.NoBreak},
		{"the page prints more than the worksheet", l.OtherShown},
	} {
		for _, it := range list.items {
			t.Errorf("%s: %s", list.what, it)
		}
	}
	if l.PrintButton {
		t.Error("the print button prints")
	}
	report(t, tab.Problems())
}
