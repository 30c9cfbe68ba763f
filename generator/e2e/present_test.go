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

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// presentPages are pages of different kinds to present: a session plan, a
// guidance page with a component, and a section's own page.
var presentPages = []string{
	"training/knowing-each-others-roles.html",
	"guidance/partnership-ladder.html",
	"guidance/index.html",
}

// presentState is what the test reads of present mode after each step.
type presentState struct {
	On       bool     `json:"on"`
	Status   string   `json:"status"`
	Focus    string   `json:"focus"`    // text of the focused element
	FocusTag string   `json:"focusTag"` // its tag name, lower case
	Visible  []string `json:"visible"`  // text of the section headings shown
	Title    bool     `json:"title"`    // the h1 is shown
	Lead     bool     `json:"lead"`     // the page's introduction is shown
	Header   bool     `json:"header"`   // the site header is shown
	Off      int      `json:"off"`      // elements hidden by present mode
	Bar      bool     `json:"bar"`      // the controls are shown
}

const presentStateJS = `(() => {
  const main = document.querySelector("main");
  const status = document.querySelector(".present-bar__status");
  const a = document.activeElement;
  return {
    on: document.documentElement.classList.contains("present-mode"),
    status: status ? status.textContent : "",
    focus: a ? (a.innerText || a.textContent || "").trim().slice(0, 80) : "",
    focusTag: a ? a.tagName.toLowerCase() : "",
    visible: [...main.querySelectorAll("h2")].filter(h => !h.closest("nav, aside") && h.checkVisibility()).map(h => h.textContent.trim()),
    title: main.querySelector("h1").checkVisibility(),
    lead: !!main.querySelector(".lead") && main.querySelector(".lead").checkVisibility(),
    header: document.querySelector("header").checkVisibility(),
    off: document.querySelectorAll(".present-off").length,
    bar: !!document.querySelector(".present-bar") && document.querySelector(".present-bar").checkVisibility(),
  };
})()`

// sectionHeadings lists the page's section headings before present mode
// starts: the h2s of its content a reader can see.
const sectionHeadingsJS = `[...document.querySelectorAll("main h2")].filter(h => !h.closest("nav, aside") && h.checkVisibility()).map(h => h.textContent.trim())`

func TestPresentMode(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode), func(t *testing.T) {
			for _, p := range presentPages {
				t.Run(p, func(t *testing.T) {
					t.Parallel()
					presentScenario(t, b, o, p)
				})
			}
		})
	}
}

// presentScenario walks one page through present mode by button and keys.
func presentScenario(t *testing.T, b *e2e.Browser, o e2e.Origin, page string) {
	// A screen tall enough for every section, so that none is split (see
	// TestPresentRoom for splitting).
	tab, err := b.Open(context.Background(), o, page, e2e.Options{Width: 1280, Height: 4000})
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	ctx := tab.Context()
	button := `button[data-module="present"]`
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(button+`[data-module-started]`))); err != nil {
		t.Fatal(err)
	}
	headings, err := e2e.Eval[[]string](tab, sectionHeadingsJS)
	if err != nil {
		t.Fatal(err)
	}
	if len(headings) < 2 {
		t.Fatalf("%s has %d section headings; pick a page with more", page, len(headings))
	}
	n := len(headings) + 1
	title, _ := e2e.Eval[string](tab, `document.querySelector("main h1").textContent.trim()`)

	state := func(step string) presentState {
		t.Helper()
		s, err := e2e.Eval[presentState](tab, presentStateJS)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		return s
	}
	// at checks that section i (from 0) is shown alone, with focus on its
	// heading.
	at := func(step string, i int) {
		t.Helper()
		s := state(step)
		want := fmt.Sprintf("Section %d of %d", i+1, n)
		if !s.On || !s.Bar || s.Header {
			t.Fatalf("%s: present mode on=%v, controls shown=%v, header shown=%v; want on, shown, hidden", step, s.On, s.Bar, s.Header)
		}
		if s.Status != want {
			t.Errorf("%s: status %q; want %q", step, s.Status, want)
		}
		if i == 0 {
			if !s.Title || !s.Lead || len(s.Visible) != 0 || s.Focus != title || s.FocusTag != "h1" {
				t.Errorf("%s: title shown=%v, introduction shown=%v, section headings shown %q, focus on %s %q; want the title and introduction alone, the title focused", step, s.Title, s.Lead, s.Visible, s.FocusTag, s.Focus)
			}
			return
		}
		// The title stays, small, on every screen; the introduction goes.
		if !s.Title || s.Lead || len(s.Visible) != 1 || s.Visible[0] != headings[i-1] {
			t.Errorf("%s: title shown=%v, introduction shown=%v, headings shown %q; want the title and only %q", step, s.Title, s.Lead, s.Visible, headings[i-1])
		}
		if s.Focus != headings[i-1] || s.FocusTag != "h2" {
			t.Errorf("%s: focus on %s %q; want the h2 %q", step, s.FocusTag, s.Focus, headings[i-1])
		}
	}
	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	axe := func(step string) {
		t.Helper()
		ps, err := tab.Axe()
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			t.Errorf("%s: %v", step, p)
		}
	}

	do("click Present", chromedp.Click(chromedp.CSS(button)))
	at("after clicking Present", 0)
	axe("present mode, first section")
	do("left arrow at the start", chromedp.KeyEvent(kb.ArrowLeft))
	at("after the left arrow at the start", 0)
	do("right arrow", chromedp.KeyEvent(kb.ArrowRight))
	at("after the right arrow", 1)
	do("Next button", chromedp.Click(chromedp.CSS(".present-bar button:nth-of-type(2)")))
	at("after the Next button", 2)
	axe("present mode, third section")
	do("Previous button", chromedp.Click(chromedp.CSS(".present-bar button:nth-of-type(1)")))
	at("after the Previous button", 1)
	do("Page Down", chromedp.KeyEvent(kb.PageDown))
	at("after Page Down", 2)
	do("Page Up", chromedp.KeyEvent(kb.PageUp))
	at("after Page Up", 1)
	do("End", chromedp.KeyEvent(kb.End))
	at("after End", n-1)
	do("right arrow at the end", chromedp.KeyEvent(kb.ArrowRight))
	at("after the right arrow at the end", n-1)
	do("Home", chromedp.KeyEvent(kb.Home))
	at("after Home", 0)
	do("Space", chromedp.KeyEvent(" "))
	at("after Space", 1)

	// A link within the page, followed while presenting, shows the
	// section that holds its target.
	if _, err := e2e.Eval[bool](tab, `(location.hash = "#" + [...document.querySelectorAll("main h2")].filter(h => !h.closest("nav, aside")).pop().id, true)`); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("Section %d of %d", n, n)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector(".present-bar__status").textContent === "`+want+`"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		s := state("after following a link to the last section")
		t.Errorf("after following a link to the last section: status %q; want %q", s.Status, want)
	}

	do("Escape", chromedp.KeyEvent(kb.Escape))
	left := func(step string) {
		t.Helper()
		s := state(step)
		if s.On || s.Bar || !s.Header || !s.Title || s.Off != 0 || len(s.Visible) != len(headings) {
			t.Errorf("%s: on=%v controls=%v header=%v title=%v hidden elements=%d headings shown=%d; want the whole page back (%d headings)",
				step, s.On, s.Bar, s.Header, s.Title, s.Off, len(s.Visible), len(headings))
		}
		focused, _ := e2e.Eval[bool](tab, `document.activeElement === document.querySelector('`+button+`')`)
		if !focused {
			t.Errorf("%s: focus is on %s %q; want the Present button", step, s.FocusTag, s.Focus)
		}
	}
	left("after Escape")

	shortcut := chromedp.KeyEvent("P", chromedp.KeyModifiers(chromedp.ModifierAlt, chromedp.ModifierShift))
	do("Alt+Shift+P", shortcut)
	at("after Alt+Shift+P", 0)
	do("End", chromedp.KeyEvent(kb.End))
	do("Exit button", chromedp.Click(chromedp.CSS(".present-bar__exit")))
	left("after the Exit button")
	do("Alt+Shift+P again", shortcut)
	at("after Alt+Shift+P again", 0)
	do("Alt+Shift+P to leave", shortcut)
	left("after Alt+Shift+P to leave")
	report(t, tab.Problems())
}

// TestPresentModeLooks checks present mode in each colour scheme (axe,
// which includes colour contrast), at 320px and at the width of a laptop
// screen zoomed to 200% (no sideways scrolling), and that without
// JavaScript the button stays hidden.
func TestPresentModeLooks(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	o := site.Serve(t)
	page := "training/climbing-the-ladder.html"
	for _, theme := range []string{"light", "dark", "contrast"} {
		t.Run(theme, func(t *testing.T) {
			t.Parallel()
			tab, err := b.Open(context.Background(), o, page, e2e.Options{Dark: theme == "dark"})
			if err != nil {
				t.Fatal(err)
			}
			defer tab.Close()
			if err := chromedp.Do(tab.Context(),
				chromedp.WaitVisible(chromedp.CSS(`button[data-module="present"][data-module-started]`)),
				chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
					_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.documentElement.setAttribute("data-theme", "`+theme+`"), true)`))
					return err
				}),
				chromedp.Click(chromedp.CSS(`button[data-module="present"]`)),
				chromedp.KeyEvent(kb.ArrowRight),
			); err != nil {
				t.Fatal(err)
			}
			cleanIn(t, tab, theme, "present mode, "+theme+" colours")
		})
	}
	for _, width := range []int64{e2e.NarrowWidth, 640} {
		t.Run(fmt.Sprintf("%dpx", width), func(t *testing.T) {
			t.Parallel()
			tab, err := b.Open(context.Background(), o, page, e2e.Options{Width: width, Height: 450})
			if err != nil {
				t.Fatal(err)
			}
			defer tab.Close()
			for i := 0; i < 4; i++ {
				action := chromedp.KeyEvent(kb.ArrowRight)
				if i == 0 {
					action = chromedp.Click(chromedp.CSS(`button[data-module="present"]`))
				}
				if err := chromedp.Do(tab.Context(), action); err != nil {
					t.Fatal(err)
				}
				ps, err := tab.Reflow()
				if err != nil {
					t.Fatal(err)
				}
				report(t, ps)
			}
			report(t, tab.Problems())
		})
	}
	t.Run("no-js", func(t *testing.T) {
		t.Parallel()
		tab, err := b.Open(context.Background(), o, page, e2e.Options{NoJS: true})
		if err != nil {
			t.Fatal(err)
		}
		defer tab.Close()
		shown, err := e2e.Eval[bool](tab, `document.querySelector('button[data-module="present"]').checkVisibility()`)
		if err != nil {
			t.Fatal(err)
		}
		if shown {
			t.Error("without JavaScript the Present button is shown, but it cannot work")
		}
	})
}

// presentSlides walks present mode from the first slide to the last with
// the right arrow, calling each for every slide, and leaves.
func presentSlides(t *testing.T, tab *e2e.Tab, each func(i int)) int {
	t.Helper()
	must(t, tab.Do(chromedp.Click(chromedp.CSS(`button[data-module="present"]`))))
	n := 0
	for i := 0; i < 60; i++ {
		each(i)
		n++
		if evalT[bool](t, tab, `document.querySelector(".present-bar button:nth-of-type(2)").disabled`) {
			break
		}
		must(t, tab.Do(chromedp.KeyEvent(kb.ArrowRight)))
	}
	must(t, tab.Do(chromedp.KeyEvent(kb.Escape)))
	return n
}

// TestPresentRoom presents pages as a trainer would in a room: no focus
// ring on the slides' headings, tall sections split at their h3s with a
// cue where a slide still runs on, trainer-only parts never shown, and
// group results' chart on screen.
func TestPresentRoom(t *testing.T) {
	t.Parallel()
	root, err := e2e.RepoRoot()
	must(t, err)
	// A copy of the content with trainer notes in a session plan.
	content := filepath.Join(t.TempDir(), "content")
	must(t, os.CopyFS(content, os.DirFS(filepath.Join(root, "content"))))
	plan := filepath.Join(content, "training", "knowing-each-others-roles.md")
	src, err := os.ReadFile(plan)
	must(t, err)
	notes := "\n::: trainer-notes\nAsk the group which role surprised them before you show the answers.\n:::\n"
	must(t, os.WriteFile(plan, []byte(strings.Replace(string(src), "\n## Role cards, who does what", notes+"\n## Role cards, who does what", 1)), 0o644))
	site := e2e.BuildFrom(t, content, filepath.Join(root, "templates"))
	b := chromium.Start(t, 2)
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode)+"/session plan", func(t *testing.T) {
			t.Parallel()
			page := "training/knowing-each-others-roles.html"
			tab := openTool(t, b, o, page, e2e.Options{Width: 1280, Height: 720})
			if !evalT[bool](t, tab, `[...document.querySelectorAll(".trainer-notes")].some(n => n.checkVisibility() && n.textContent.includes("surprised"))`) {
				t.Fatal("the trainer notes are not on the session plan's page")
			}
			split := false
			presentSlides(t, tab, func(i int) {
				type slide struct {
					Ring     string `json:"ring"`
					Tag      string `json:"tag"`
					Trainer  bool   `json:"trainer"`
					Audience bool   `json:"audience"`
					Tall     bool   `json:"tall"`
					More     bool   `json:"more"`
				}
				s := evalT[slide](t, tab, `(() => { const a = document.activeElement, cs = getComputedStyle(a);
  return {ring: cs.outlineStyle + " " + cs.boxShadow, tag: a.tagName,
    trainer: [...document.querySelectorAll(".trainer-only, .trainer-notes")].some(n => n.checkVisibility()),
    audience: document.querySelector(".audience").checkVisibility(),
    tall: document.documentElement.scrollHeight > innerHeight + 8,
    more: document.querySelector(".present-more").checkVisibility()}; })()`)
				if s.Ring != "none none" {
					t.Errorf("slide %d: the focused heading shows a ring (%s)", i+1, s.Ring)
				}
				if s.Trainer || s.Audience {
					t.Errorf("slide %d: trainer-only parts shown=%v, written-for tags shown=%v; want neither", i+1, s.Trainer, s.Audience)
				}
				if s.Tag == "H3" {
					split = true
				}
				if s.Tall != s.More {
					t.Errorf("slide %d: taller than the screen=%v, but the More below cue shown=%v", i+1, s.Tall, s.More)
				}
				if s.Tall {
					evalT[bool](t, tab, `(scrollTo(0, document.documentElement.scrollHeight), true)`)
					waitFor(t, tab, `!document.querySelector(".present-more").checkVisibility()`, "the cue to go at the end of the slide")
				}
				if i == 1 {
					clean(t, tab, "a slide")
				}
				agendaFits(t, tab, i)
			})
			if !split {
				t.Error("no section was split at its h3s, though the session plan is taller than the screen")
			}
			if !evalT[bool](t, tab, `document.querySelector(".trainer-notes").checkVisibility()`) {
				t.Error("after present mode the trainer notes are hidden")
			}
			report(t, tab.Problems())
			tab.Close() // one tab at a time, so parallel subtests cannot wait on each other
			pack := openCopies(t, b, o, "training/knowing-each-others-roles-pack.html")
			if !evalT[bool](t, pack, `[...document.querySelectorAll(".trainer-notes")].some(n => n.checkVisibility())`) {
				t.Error("the trainer's pack has no trainer notes")
			}
			report(t, pack.Problems())
		})
		t.Run(string(o.Mode)+"/agenda", func(t *testing.T) {
			t.Parallel()
			// The longest agenda: 2,461px when presented whole.
			tab := openTool(t, b, o, "training/climbing-the-ladder.html", e2e.Options{Width: 1280, Height: 720})
			slides := 0
			presentSlides(t, tab, func(i int) {
				if agendaFits(t, tab, i) {
					slides++
				}
			})
			if slides < 2 {
				t.Errorf("the agenda is on %d slides; want it split into slides that fit", slides)
			}
		})
		t.Run(string(o.Mode)+"/group results", func(t *testing.T) {
			t.Parallel()
			tab := openTool(t, b, o, "training/group-results.html", e2e.Options{Width: 1280, Height: 720})
			var codes []string
			for _, p := range groupPeople {
				codes = append(codes, groupEncode(t, tab, p))
			}
			groupPaste(t, tab, strings.Join(codes, "\n"))
			waitFor(t, tab, `!!document.querySelector(".group-results__figure")`, "the chart")
			if !evalT[bool](t, tab, `[".group-results__by-hand", ".check-results__by-hand"].every(s => document.querySelector(s).checkVisibility())`) {
				t.Fatal("the how-to-count sections are not on the page")
			}
			seen := false
			presentSlides(t, tab, func(i int) {
				if evalT[bool](t, tab, `[...document.querySelectorAll(".trainer-only, .trainer-notes")].some(n => n.checkVisibility())`) {
					t.Errorf("slide %d: %q is shown; want the trainer's how-to-count sections kept off the screen", i+1, evalT[string](t, tab, `document.activeElement.textContent`))
				}
				// A pasted chat names the learners who sent their codes.
				if evalT[bool](t, tab, `[...document.querySelectorAll("textarea")].some(n => n.checkVisibility())`) {
					t.Errorf("slide %d: a box of pasted codes is shown; want it kept off the screen, with the names in the chat", i+1)
				}
				if !evalT[bool](t, tab, `document.querySelector(".group-results__figure").checkVisibility()`) {
					return
				}
				seen = true
				// Every chart, overall and per question, is on screen, which
				// ends at the "More below" cue where it shows.
				type chart struct {
					Name   string  `json:"name"`
					Top    float64 `json:"top"`
					Bottom float64 `json:"bottom"`
				}
				end := evalT[float64](t, tab, `(m => m && m.checkVisibility() ? m.getBoundingClientRect().top : innerHeight)(document.querySelector(".present-more"))`)
				charts := evalT[[]chart](t, tab, `[...document.querySelectorAll(".group-results__figure")].map(f => ({name: f.querySelector("figcaption").textContent, top: f.getBoundingClientRect().top, bottom: f.getBoundingClientRect().bottom}))`)
				if len(charts) != len(groupDimensions(t))+1 {
					t.Errorf("slide %d shows %d charts; want one for the whole group and one per question, %d", i+1, len(charts), len(groupDimensions(t))+1)
				}
				for _, c := range charts {
					if c.Top < 0 || c.Bottom > end {
						t.Errorf("slide %d: the chart %q is at %.0f to %.0fpx, the screen ends at %.0fpx; want it all on screen", i+1, c.Name, c.Top, c.Bottom, end)
					}
				}
				clean(t, tab, "the chart presented")
			})
			if !seen {
				t.Error("no slide shows the group's chart")
			}
			if !evalT[bool](t, tab, `[".group-results__by-hand", ".check-results__by-hand"].every(s => document.querySelector(s).checkVisibility())`) {
				t.Error("after present mode the how-to-count sections are hidden")
			}
		})
	}
}

// agendaFits checks a slide that shows rows of a session's agenda: it
// fits the screen, and shows the agenda's heading row. It reports whether
// the slide shows the agenda.
func agendaFits(t *testing.T, tab *e2e.Tab, i int) bool {
	t.Helper()
	type agenda struct {
		Rows  int  `json:"rows"`
		Head  bool `json:"head"`
		Fits  bool `json:"fits"`
		Total int  `json:"total"`
	}
	a := evalT[agenda](t, tab, `(() => { const t = document.querySelector(".agenda");
  return {rows: [...t.tBodies[0].rows].filter(r => r.checkVisibility()).length, total: t.tBodies[0].rows.length,
    head: t.tHead.checkVisibility() && t.tHead.getBoundingClientRect().height > 0,
    fits: document.documentElement.scrollHeight <= innerHeight + 8}; })()`)
	if a.Rows == 0 {
		return false
	}
	if !a.Fits || !a.Head {
		t.Errorf("slide %d shows %d of the agenda's %d rows: fits the screen=%v, heading row shown=%v; want both", i+1, a.Rows, a.Total, a.Fits, a.Head)
	}
	return true
}
