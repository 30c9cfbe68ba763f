//go:build browser

package e2e_test

import (
	"bytes"

	"fmt"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"joinedup/generator/e2e"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Phones: the header folds behind Search and Menu so a page's title is on
// the first screen, tool pages start with Start now, the partner
// directory shows cards, a table cut off at an edge shows that it
// scrolls, and nothing moves once a page has loaded.

// titleLimit is how far down a phone's screen a guidance page's title may
// start, in CSS pixels.
const titleLimit = 260

var phoneSizes = []struct {
	name          string
	width, height int64
}{{"375x812", 375, 812}, {"360x640", 360, 640}}

func TestPhoneHeader(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		for _, size := range phoneSizes {
			for i, page := range []string{"guidance/consent-and-information-sharing.html", "index.html", "learning/self-assessment.html"} {
				// Every colour scheme is checked once per origin.
				themes := i == 0 && size.width == 375
				t.Run(fmt.Sprintf("%s/%s/%s", o.Mode, size.name, page), func(t *testing.T) {
					t.Parallel()
					phoneHeader(t, b, o, page, size.width, size.height, themes)
				})
			}
		}
		t.Run(string(o.Mode)+"/no-js", func(t *testing.T) {
			t.Parallel()
			tab := openTool(t, b, o, "guidance/consent-and-information-sharing.html", e2e.Options{NoJS: true, Width: 375, Height: 812})
			// Without JavaScript the buttons cannot work: everything shows.
			got := evalT[string](t, tab, `[".header__toggles", ".search-form", ".topnav", ".theme-switch"].map(s => s + "=" + document.querySelector(s).checkVisibility()).join(" ")`)
			if got != ".header__toggles=false .search-form=true .topnav=true .theme-switch=false" {
				t.Errorf("without JavaScript the header shows %s; want the search form and menu, no buttons", got)
			}
			dirCleanNoJS(t, tab, "header without JavaScript")
		})
	}
}

// phoneHeader opens a page at a phone's size and checks the folded header:
// where the title starts, and the two buttons by keyboard.
func phoneHeader(t *testing.T, b *e2e.Browser, o e2e.Origin, page string, width, height int64, themes bool) {
	tab := openTool(t, b, o, page, e2e.Options{Width: width, Height: height})
	top := evalT[float64](t, tab, `document.querySelector("main h1").getBoundingClientRect().top + scrollY`)
	if top > titleLimit {
		t.Errorf("the page's title starts %.0fpx down; want at most %dpx", top, titleLimit)
	}
	shown := func(sel string) bool {
		return evalT[bool](t, tab, `document.querySelector(`+jsString(sel)+`).checkVisibility()`)
	}
	if shown(".search-form") || shown(".topnav") || !shown(".header__toggles") {
		t.Fatalf("search shown=%v, menu shown=%v, buttons shown=%v; want the buttons only", shown(".search-form"), shown(".topnav"), shown(".header__toggles"))
	}
	clean(t, tab, "folded header")

	// Menu, by keyboard: the links and the colour choice show; Escape folds
	// them again and returns to the button.
	must(t, tab.TabTo(`[data-header-toggle=menu]`, 10))
	must(t, tab.Do(chromedp.KeyEvent(kb.Enter)))
	if !shown(".topnav") || !shown(".theme-switch") || evalT[string](t, tab, `document.querySelector("[data-header-toggle=menu]").getAttribute("aria-expanded")`) != "true" {
		t.Errorf("after Enter on Menu: menu shown=%v, colours shown=%v; want both, and the button expanded", shown(".topnav"), shown(".theme-switch"))
	}
	for _, theme := range []string{"light", "dark", "contrast"} {
		if !themes && theme != "light" {
			break
		}
		evalT[bool](t, tab, `(document.documentElement.setAttribute("data-theme", "`+theme+`"), true)`)
		cleanIn(t, tab, theme, "menu open, "+theme+" colours")
	}
	evalT[bool](t, tab, `(document.documentElement.removeAttribute("data-theme"), true)`)
	must(t, tab.Do(chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Escape)))
	if shown(".topnav") || !evalT[bool](t, tab, `document.activeElement.matches("[data-header-toggle=menu]")`) {
		t.Errorf("after Escape in the menu: menu shown=%v, focus on %s; want it folded and focus on Menu", shown(".topnav"), evalT[string](t, tab, `document.activeElement.outerHTML.slice(0, 60)`))
	}

	// Search: the box opens with the cursor in it; "/" opens it too.
	must(t, tab.Do(chromedp.Click(`[data-header-toggle=search]`)))
	if !shown(".search-form") || !evalT[bool](t, tab, `document.activeElement.id === "search-input"`) {
		t.Errorf("after Search: box shown=%v, focus in it=%v", shown(".search-form"), evalT[bool](t, tab, `document.activeElement.id === "search-input"`))
	}
	// Escape folds it and returns to the button; a second press folds it too.
	must(t, tab.Do(chromedp.KeyEvent(kb.Escape)))
	if shown(".search-form") || !evalT[bool](t, tab, `document.activeElement.matches("[data-header-toggle=search]")`) {
		t.Errorf("after Escape in the search box: box shown=%v, focus on %s; want it folded and focus on Search", shown(".search-form"), evalT[string](t, tab, `document.activeElement.outerHTML.slice(0, 60)`))
	}
	must(t, tab.Do(chromedp.Click(`[data-header-toggle=search]`)))
	must(t, tab.Do(chromedp.Click(`[data-header-toggle=search]`)))
	if shown(".search-form") {
		t.Fatal("the second press of Search did not fold the box")
	}
	must(t, tab.Do(chromedp.KeyEvent("/")))
	if !shown(".search-form") || !evalT[bool](t, tab, `document.activeElement.id === "search-input"`) {
		t.Error(`"/" did not open the search box with the cursor in it`)
	}
	clean(t, tab, "search open")
}

// startPages are the tool pages, the element Start now goes to with
// JavaScript, and the anchor it links to without.
var startPages = []struct{ page, focus, anchor string }{
	{"learning/self-assessment.html", ".ladder-assessment__heading", "the-self-assessment"},
	{"learning/can-i-share.html", ".consent-aid__heading", "all-the-questions"},
	{"learning/action-plan.html", "#plan-barriers", "plan-barriers"},
}

func TestStartNow(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		for _, sp := range startPages {
			t.Run(string(o.Mode)+"/"+sp.page, func(t *testing.T) {
				t.Parallel()
				tab := openTool(t, b, o, sp.page, e2e.Options{Width: 375, Height: 812})
				top := evalT[float64](t, tab, `document.querySelector(".button--start").getBoundingClientRect().bottom`)
				if top > 812 {
					t.Errorf("Start now ends %.0fpx down; want it on the first screen of a phone", top)
				}
				clean(t, tab, "Start now")
				must(t, tab.TabTo(`.button--start`, 20))
				must(t, tab.Do(chromedp.KeyEvent(kb.Enter)))
				if !evalT[bool](t, tab, `document.activeElement === document.querySelector(`+jsString(sp.focus)+`)`) {
					t.Errorf("after Enter on Start now focus is on %s; want %s", evalT[string](t, tab, `document.activeElement.outerHTML.slice(0, 80)`), sp.focus)
				}
				// A question's caption ("Question 1") above its heading is
				// on screen too.
				if c := evalT[float64](t, tab, `(l => l ? l.getBoundingClientRect().top : 0)(document.activeElement.closest("legend"))`); c < 0 {
					t.Errorf("after Start now the question's caption starts %.0fpx above the screen; want it in view", -c)
				}
				// The focus ring (3px, 2px clear of the element) is on screen too.
				if r := evalT[float64](t, tab, `document.activeElement.getBoundingClientRect().top`); r < 5 || r > 400 {
					t.Errorf("the tool starts %.0fpx down the screen after Start now; want it near the top, with its focus ring in view (at least 5px down)", r)
				}
				tab.Close() // a subtest holds one tab at a time, so parallel ones cannot wait on each other
				noJS := openTool(t, b, o, sp.page, e2e.Options{NoJS: true, Width: 375, Height: 812})
				href := evalT[string](t, noJS, `document.querySelector(".button--start").getAttribute("href")`)
				if href != "#"+sp.anchor || !evalT[bool](t, noJS, `document.getElementById(`+jsString(sp.anchor)+`).checkVisibility()`) {
					t.Errorf("without JavaScript Start now goes to %q; want #%s, shown", href, sp.anchor)
				}
				dirCleanNoJS(t, noJS, "Start now without JavaScript")
			})
		}
	}
}

// shiftPages are pages of each kind, and the tools, whose layout must not
// move once they have loaded.
var shiftPages = []string{
	"index.html", "guidance/index.html", "guidance/consent-and-information-sharing.html", "guidance/partners-and-roles.html",
	"learning/self-assessment.html", "learning/action-plan.html", "learning/can-i-share.html", "learning/checklists.html",
	"about/privacy.html", "training/group-results.html", "training/knowing-each-others-roles.html",
	"training/worksheets/barrier-cards.html", "search/index.html",
}

// layoutShiftJS adds up the layout shifts the page has had (the cumulative
// layout shift Lighthouse reports) once it has settled, naming what moved.
const layoutShiftJS = `new Promise(resolve => {
  const entries = [];
  new PerformanceObserver(list => entries.push(...list.getEntries())).observe({type: "layout-shift", buffered: true});
  setTimeout(() => {
    const moved = entries.filter(e => !e.hadRecentInput);
    resolve({score: moved.reduce((s, e) => s + e.value, 0),
      what: moved.flatMap(e => e.sources.map(s => (s.node ? (s.node.nodeName + "." + (s.node.className || "")).slice(0, 60) : "?") +
        " from " + [s.previousRect.x, s.previousRect.y, s.previousRect.width, s.previousRect.height].map(Math.round).join(",") +
        " to " + [s.currentRect.x, s.currentRect.y, s.currentRect.width, s.currentRect.height].map(Math.round).join(",") +
        " at " + Math.round(e.startTime) + "ms")).slice(0, 5)});
  }, 1500);
})`

// layoutShift waits for the page to settle and returns its cumulative
// layout shift, with what moved (see layoutShiftJS).
func layoutShift(t *testing.T, tab *e2e.Tab) (score float64, moved string) {
	t.Helper()
	type shift struct {
		Score float64  `json:"score"`
		What  []string `json:"what"`
	}
	s := evalT[shift](t, tab, layoutShiftJS)
	return s.Score, strings.Join(s.What, ", ")
}

// maxShift is the most layout shift allowed: 0 as Lighthouse reports it
// (three decimal places). From file:// the modules start once the shared
// storage page has answered, after the first paint, and on a loaded
// machine that has moved an element by a fraction of a pixel (0.0001 to
// 0.0002); the main column moving, as it did, scored 0.08.
const maxShift = 0.0005

func TestNoLayoutShift(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	sizes := []struct {
		name          string
		width, height int64
	}{{"phone", 412, 823}, {"desktop", 1280, 900}}
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		for _, size := range sizes {
			for _, page := range shiftPages {
				t.Run(fmt.Sprintf("%s/%s/%s", o.Mode, size.name, page), func(t *testing.T) {
					t.Parallel()
					tab := openTool(t, b, o, page, e2e.Options{Width: size.width, Height: size.height})
					if score, moved := layoutShift(t, tab); score >= maxShift {
						t.Errorf("the layout moved after load: cumulative layout shift %.4f; want 0 as Lighthouse rounds it, under %.4f (moved: %s)", score, maxShift, moved)
					}
					report(t, tab.Problems())
				})
			}
		}
	}
}

// headerCuts are places where the browser may stop reading the header and
// paint what it has: on a slow disk or a busy machine it does, and
// TestNoLayoutShift then saw the search form and the colours box move.
var headerCuts = []struct{ name, before string }{
	{"title only", `<div class="header__toggles`},
	{"search button only", `<button class="header__toggle" type="button" aria-controls="header-menu"`},
	{"search label only", `<div class="search-form__row">`},
	{"menu without colours", `<div class="theme-switch`},
	{"colours label only", `<select class="theme-switch__select"`},
}

// TestHeaderInParts serves a page in two parts, with a pause between them
// at each of headerCuts, so the browser paints the part of the header it
// has; the rest must not move it once it arrives.
func TestHeaderInParts(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	const page = "guidance/index.html"
	html, err := os.ReadFile(filepath.Join(site.Dir, filepath.FromSlash(page)))
	must(t, err)
	for _, cut := range headerCuts {
		at := bytes.Index(html, []byte(cut.before))
		if at < 0 {
			t.Fatalf("%s has no %s, so this test cannot cut the header there; update headerCuts", page, cut.before)
		}
		files := http.FileServer(http.Dir(site.Dir))
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/"+page {
				files.ServeHTTP(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(html[:at])
			w.(http.Flusher).Flush()
			time.Sleep(700 * time.Millisecond)
			w.Write(html[at:])
		}))
		t.Cleanup(srv.Close)
		o := e2e.Origin{Mode: e2e.HTTP, Base: srv.URL + "/", Dir: site.Dir}
		for _, size := range []struct {
			name          string
			width, height int64
		}{{"phone", 412, 823}, {"tablet", 800, 1000}, {"desktop", 1280, 900}} {
			t.Run(cut.name+"/"+size.name, func(t *testing.T) {
				t.Parallel()
				tab := openTool(t, b, o, page, e2e.Options{Width: size.width, Height: size.height})
				if score, moved := layoutShift(t, tab); score >= maxShift {
					t.Errorf("the header moved when the rest of it arrived: cumulative layout shift %.4f; want under %.4f (moved: %s)", score, maxShift, moved)
				}
			})
		}
	}
}

// TestTableScrollCue checks that a table cut off at the screen's edge shows
// it: with the text hidden, the strip at the cut edge is darker (a
// shadow) than when the table is scrolled to its end.
func TestTableScrollCue(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	o := site.Serve(t)
	for _, tc := range []struct{ page, wrap string }{
		// The privacy page's and the agendas' tables are stacked on a
		// phone (TestStackedTables); these still scroll.
		{"training/group-results.html", ".group-results__table--blank"},
		{"training/group-results.html", ".check-results__table--blank"},
	} {
		for _, theme := range []string{"light", "dark"} {
			t.Run(tc.page+tc.wrap+"/"+theme, func(t *testing.T) {
				t.Parallel()
				tab := openTool(t, b, o, tc.page, e2e.Options{Width: 375, Height: 812, Dark: theme == "dark"})
				sel := `document.querySelector(` + jsString(tc.wrap) + `).closest(".table-wrap")`
				if !evalT[bool](t, tab, `(w => w.scrollWidth > w.clientWidth + 8)(`+sel+`)`) {
					t.Fatalf("%s is not cut off at 375px, so this test shows nothing; pick a wider table", tc.wrap)
				}
				// The text is hidden so that only the cue can differ.
				evalT[bool](t, tab, `((w) => { w.scrollIntoView(); for (const c of w.querySelectorAll("th, td, caption, a, code")) c.style.color = "transparent"; w.id = "cue-under-test"; return true; })(`+sel+`)`)
				at0 := edgeShade(t, tab)
				evalT[bool](t, tab, `(w => (w.scrollLeft = w.scrollWidth, true))(`+sel+`)`)
				atEnd := edgeShade(t, tab)
				if diff := at0 - atEnd; diff < 8 {
					t.Errorf("the right edge of the cut-off table differs from its scrolled-to-the-end look by %.1f (of 255); want a visible shadow", diff)
				}
				clean(t, tab, "table cue")
			})
		}
	}
}

// edgeShade screenshots the table under test and returns how far the strip
// at its right edge is from the page's background, on average (0 to 255).
func edgeShade(t *testing.T, tab *e2e.Tab) float64 {
	t.Helper()
	time.Sleep(100 * time.Millisecond)
	shot, err := chromedp.Run(tab.Context(), chromedp.Screenshot(chromedp.CSS("#cue-under-test")))
	must(t, err)
	img, err := png.Decode(bytes.NewReader(shot))
	must(t, err)
	bg := img.At(img.Bounds().Min.X+1, img.Bounds().Min.Y+1)
	return stripDistance(img, bg, 6)
}

// stripDistance is the mean distance of the pixels in the w rightmost
// columns of img from the colour bg.
func stripDistance(img image.Image, bg interface{ RGBA() (r, g, b, a uint32) }, w int) float64 {
	br, bgG, bb, _ := bg.RGBA()
	var sum float64
	var n int
	r := img.Bounds()
	for x := r.Max.X - w; x < r.Max.X; x++ {
		for y := r.Min.Y; y < r.Max.Y; y++ {
			pr, pg, pb, _ := img.At(x, y).RGBA()
			sum += (absDiff(pr, br) + absDiff(pg, bgG) + absDiff(pb, bb)) / 3 / 257
			n++
		}
	}
	return sum / float64(n)
}

func absDiff(a, b uint32) float64 {
	if a > b {
		return float64(a - b)
	}
	return float64(b - a)
}

// TestDirectoryCards checks the partner directory shows cards on a phone
// and the table on a large screen, with JavaScript, and the table without.
func TestDirectoryCards(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		for _, tc := range []struct {
			name  string
			opt   e2e.Options
			cards bool
		}{
			{"phone", e2e.Options{Width: 375, Height: 812}, true},
			{"desktop", e2e.Options{}, false},
			{"phone without JavaScript", e2e.Options{Width: 375, Height: 812, NoJS: true}, false},
		} {
			t.Run(string(o.Mode)+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				tab := openTool(t, b, o, "guidance/partners-and-roles.html", tc.opt)
				got := evalT[string](t, tab, `"cards=" + document.querySelector(".directory__cards").checkVisibility() + " table=" + document.querySelector(".directory__table").checkVisibility()`)
				want := fmt.Sprintf("cards=%v table=%v", tc.cards, !tc.cards)
				if got != want {
					t.Errorf("%s; want %s", got, want)
				}
				if !tc.opt.NoJS {
					if v := evalT[string](t, tab, `document.querySelector("input[name=view]:checked").value`); (v == "cards") != tc.cards {
						t.Errorf("the view chosen is %q", v)
					}
					// OT finds the occupational therapist, not every role that says "other".
					must(t, tab.Do(chromedp.SendKeys(`#directory-words`, "OT")))
					dirWaitFor(t, tab, `document.querySelector(".directory__count").textContent.indexOf(" of ") > 0`, `document.querySelector(".directory__count").textContent`)
					// A role shows exactly when it has OT as a word of its own.
					wrong := evalT[[]string](t, tab, `[...document.querySelectorAll(".directory__table tbody tr")].filter(r => r.hidden === /\bOT\b/i.test(r.textContent)).map(r => r.cells[0].textContent)`)
					if len(wrong) > 0 {
						t.Errorf("filtering by OT shows or hides the wrong roles: %q", wrong)
					}
					if evalT[int](t, tab, `document.querySelectorAll(".directory__table tbody tr:not([hidden])").length`) == 0 {
						t.Error("OT shows no role")
					}
					clean(t, tab, "directory")
				} else {
					dirCleanNoJS(t, tab, "directory without JavaScript")
				}
			})
		}
	}
}

// stackPages are pages whose tables must fit a phone's screen: the
// privacy page's storage table, the session plans' agendas and guidance
// with Markdown tables.
var stackPages = []string{
	"about/privacy.html",
	"training/knowing-each-others-roles.html",
	"training/climbing-the-ladder.html",
	"guidance/why-it-matters.html",
	"guidance/barriers-and-remedies.html",
	"guidance/what-is-partnership-working.html",
}

// tablesJS describes each table shown in main: its width and its box's
// (the scrolling wrapper's, or its parent's), whether its heading row is
// in sight, and the body cells that show no column label although their
// column has a heading.
const tablesJS = `[...document.querySelectorAll("main table")].filter(t => t.checkVisibility()).map(t => {
  const box = t.closest(".table-wrap") || t.parentElement;
  const head = t.tHead && t.tHead.getBoundingClientRect();
  const unlabelled = [...t.querySelectorAll("tbody td[data-label]")].filter(td => td.checkVisibility() &&
    getComputedStyle(td, "::before").content.indexOf(td.dataset.label) < 0).length;
  return {name: box.getAttribute("aria-label") || (t.caption ? t.caption.textContent.trim() : t.className),
    width: Math.round(t.getBoundingClientRect().width), box: box.clientWidth,
    headShown: !!head && head.width > 1 && head.height > 1, unlabelled,
    caption: t.caption ? Math.round(t.caption.getBoundingClientRect().width) : -1};
})`

type shownTable struct {
	Name       string `json:"name"`
	Width      int    `json:"width"`
	Box        int    `json:"box"`
	HeadShown  bool   `json:"headShown"`
	Unlabelled int    `json:"unlabelled"`
	Caption    int    `json:"caption"` // the caption's width; -1 for none
}

// TestStackedTables checks that on a phone no table on those pages is
// wider than its box (its rows are stacked, each cell under its column's
// label), with JavaScript and without, and that on a large screen they are
// tables with a heading row as before.
func TestStackedTables(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		for _, page := range stackPages {
			for _, noJS := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%s/js=%v", o.Mode, page, !noJS), func(t *testing.T) {
					t.Parallel()
					tab := openTool(t, b, o, page, e2e.Options{Width: 375, Height: 812, NoJS: noJS})
					tables := evalT[[]shownTable](t, tab, tablesJS)
					if len(tables) == 0 {
						t.Fatal("no table shown; this test checks nothing here")
					}
					for _, tb := range tables {
						if tb.Width > tb.Box {
							t.Errorf("table %q is %dpx wide in a %dpx box at 375px; want it to fit", tb.Name, tb.Width, tb.Box)
						}
						if tb.Unlabelled > 0 {
							t.Errorf("table %q: %d cells show no column label on a phone", tb.Name, tb.Unlabelled)
						}
						// A stacked table's caption is squeezed to the width
						// of its widest cell unless it is a block of its own.
						if tb.Caption > 1 && tb.Caption < tb.Box*9/10 { // 1px: hidden from sight, for screen readers
							t.Errorf("table %q: its caption is %dpx wide in a %dpx box at 375px; want the caption across the box", tb.Name, tb.Caption, tb.Box)
						}
					}
					cleanAnyJS(t, tab, noJS, "stacked tables")
				})
			}
		}
		t.Run(string(o.Mode)+"/wide", func(t *testing.T) {
			t.Parallel()
			tab := openTool(t, b, o, "training/knowing-each-others-roles.html", e2e.Options{Width: 1280, Height: 900})
			for _, tb := range evalT[[]shownTable](t, tab, tablesJS) {
				if !tb.HeadShown {
					t.Errorf("table %q has its heading row hidden at 1280px; want a table as usual", tb.Name)
				}
			}
		})
	}
}

// contentsPage has the site's longest contents list.
const contentsPage = "guidance/consent-and-information-sharing.html"

// contentsJS reports where the page's first text starts (from the top of
// the page), whether the contents list's summary and its first and last
// links are shown, and whether the list is open.
const contentsJS = `(() => {
  const nav = document.querySelector("main .contents"), links = nav.querySelectorAll(".contents__list a");
  return {first: Math.round(document.querySelector("main .prose > *").getBoundingClientRect().top + scrollY),
    summary: nav.querySelector("summary").checkVisibility(),
    firstLink: links[0].checkVisibility(), lastLink: links[links.length - 1].checkVisibility(),
    open: nav.querySelector("details").open};
})()`

type contentsState struct {
	First     int  `json:"first"`
	Summary   bool `json:"summary"`
	FirstLink bool `json:"firstLink"`
	LastLink  bool `json:"lastLink"`
	Open      bool `json:"open"`
}

// TestContentsFold checks that on a phone a long contents list is folded,
// so the page's first text is on the first screen, and opens with the
// keyboard or a tap; and that on a large screen it is shown in full with
// nothing to open. Both with JavaScript and without: it is CSS alone.
func TestContentsFold(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		for _, noJS := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/phone/js=%v", o.Mode, !noJS), func(t *testing.T) {
				t.Parallel()
				tab := openTool(t, b, o, contentsPage, e2e.Options{Width: 375, Height: 812, NoJS: noJS})
				got := evalT[contentsState](t, tab, contentsJS)
				if got.First >= 812 {
					t.Errorf("the page's first text starts %dpx down; want it on the first screen (under 812px)", got.First)
				}
				if !got.Summary || got.FirstLink || got.Open {
					t.Errorf("contents on a phone: summary shown=%v, links shown=%v, open=%v; want it folded behind its summary", got.Summary, got.FirstLink, got.Open)
				}
				cleanAnyJS(t, tab, noJS, "contents folded")
				must(t, tab.TabTo(".contents__summary", 20))
				must(t, tab.Do(chromedp.KeyEvent(kb.Enter)))
				got = evalT[contentsState](t, tab, contentsJS)
				if !got.Open || !got.FirstLink || !got.LastLink {
					t.Errorf("after Enter on the summary: open=%v, first link shown=%v, last shown=%v; want the whole list", got.Open, got.FirstLink, got.LastLink)
				}
				cleanAnyJS(t, tab, noJS, "contents opened")
				must(t, tab.Do(chromedp.Click(".contents__summary")))
				if evalT[contentsState](t, tab, contentsJS).Open {
					t.Error("a tap on the open list's summary did not fold it again")
				}
			})
			t.Run(fmt.Sprintf("%s/wide/js=%v", o.Mode, !noJS), func(t *testing.T) {
				t.Parallel()
				tab := openTool(t, b, o, contentsPage, e2e.Options{Width: 1280, Height: 900, NoJS: noJS})
				got := evalT[contentsState](t, tab, contentsJS)
				if got.Summary || !got.FirstLink || !got.LastLink {
					t.Errorf("contents at 1280px: summary shown=%v, first link shown=%v, last shown=%v; want the whole list and no summary", got.Summary, got.FirstLink, got.LastLink)
				}
				cleanAnyJS(t, tab, noJS, "contents at 1280px")
			})
		}
	}
}

// cleanAnyJS runs the checks of clean, or of dirCleanNoJS on a page
// opened without JavaScript.
func cleanAnyJS(t *testing.T, tab *e2e.Tab, noJS bool, state string) {
	t.Helper()
	if noJS {
		dirCleanNoJS(t, tab, state)
	} else {
		clean(t, tab, state)
	}
}
