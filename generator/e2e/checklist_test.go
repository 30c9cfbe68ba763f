//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"joinedup/generator/e2e"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const (
	checklistPage = "learning/checklists.html"
	// courtesy is the first checklist on the page; it has six items.
	courtesy    = "#checklist-professional-courtesy"
	courtesyKey = "joinedup.checklist.professional-courtesy"
)

// openTool opens a page, waits for its tools to start, and fails the test
// on any browser problem or axe violation seen by the end of it.
func openTool(t *testing.T, b *e2e.Browser, o e2e.Origin, page string, opt e2e.Options) *e2e.Tab {
	t.Helper()
	tab, err := b.Open(context.Background(), o, page, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		report(t, tab.Problems())
		tab.Close()
	})
	if !opt.NoJS {
		must(t, tab.WaitFor(`document.querySelectorAll("[data-module]:not([data-module-started])").length === 0`, 10*time.Second))
	}
	return tab
}

func progress(t *testing.T, tab *e2e.Tab) string {
	t.Helper()
	return evalT[string](t, tab, `document.querySelector("`+courtesy+` [data-checklist-progress]").textContent`)
}

func ticked(t *testing.T, tab *e2e.Tab) int {
	t.Helper()
	return evalT[int](t, tab, `document.querySelectorAll("`+courtesy+` .checklist__input:checked").length`)
}

// TestChecklist checks that ticks persist, are counted and announced, can
// be reset, survive damaged or blocked storage, and print, over HTTP and
// from file://.
func TestChecklist(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode), func(t *testing.T) {
			t.Parallel()
			b := chromium.Start(t, 2) // a browser per origin: its downloads and storage are its own
			tab := openTool(t, b, o, checklistPage, e2e.Options{})
			evalT[bool](t, tab, `(localStorage.clear(), true)`)
			must(t, tab.Reload())
			if got := progress(t, tab); got != "0 of 6 done" {
				t.Errorf("progress at start = %q, want \"0 of 6 done\"", got)
			}
			if role := evalT[string](t, tab, `document.querySelector("`+courtesy+` [data-checklist-progress]").getAttribute("role")`); role != "status" {
				t.Errorf("progress role = %q, want status (announced)", role)
			}

			// Tick two items with the mouse, on their labels.
			must(t, tab.Do(
				chromedp.Click(courtesy+` li:nth-child(1) label`),
				chromedp.Click(courtesy+` li:nth-child(3) label`),
			))
			must(t, tab.WaitFor(`document.querySelector("`+courtesy+` [data-checklist-progress]").textContent === "2 of 6 done"`, 3*time.Second))
			saved := evalT[string](t, tab, `localStorage.getItem("`+courtesyKey+`")`)
			if !strings.Contains(saved, `"v":1`) || !strings.Contains(saved, `"ticked":["i-get-in-touch-when-i","i-show-that-i-value-what"]`) {
				t.Errorf("stored value = %s; want version 1 and the two ticked items", saved)
			}
			clean(t, tab, "two ticked")

			// Reload: still ticked.
			must(t, tab.Reload())
			if n := ticked(t, tab); n != 2 {
				t.Errorf("after reload %d items ticked, want 2", n)
			}
			if got := progress(t, tab); got != "2 of 6 done" {
				t.Errorf("progress after reload = %q, want \"2 of 6 done\"", got)
			}

			// Keyboard only: Tab to the sixth item and tick it with Space.
			sixth := courtesy + ` li:nth-child(6) input`
			must(t, tab.TabTo(sixth, 120))
			must(t, tab.Do(chromedp.KeyEvent(" ")))
			must(t, tab.WaitFor(`document.querySelector("`+courtesy+` [data-checklist-progress]").textContent === "3 of 6 done"`, 3*time.Second))

			// Reset, by keyboard: Tab to the button, press Enter.
			must(t, tab.TabTo(courtesy+` .checklist__reset`, 40))
			must(t, tab.Do(chromedp.KeyEvent(kb.Enter)))
			must(t, tab.WaitFor(`document.querySelector("`+courtesy+` [data-checklist-progress]").textContent.indexOf("0 of 6 done") >= 0`, 3*time.Second))
			if v := evalT[bool](t, tab, `localStorage.getItem("`+courtesyKey+`") === null`); !v {
				t.Error("Untick all left the stored ticks in place")
			}
			// Undo, by keyboard: the ticks come back, and are saved again.
			clean(t, tab, "unticked, with undo")
			must(t, tab.Do(chromedp.KeyEvent(kb.Tab)))
			if !evalT[bool](t, tab, `document.activeElement.matches("`+courtesy+` .checklist__undo")`) {
				t.Fatal("Undo is not the next Tab stop after Untick all")
			}
			must(t, tab.Do(chromedp.KeyEvent(kb.Enter)))
			must(t, tab.WaitFor(`document.querySelector("`+courtesy+` [data-checklist-progress]").textContent.indexOf("3 of 6 done") >= 0`, 3*time.Second))
			if v := evalT[bool](t, tab, `localStorage.getItem("`+courtesyKey+`") !== null && document.querySelector("`+courtesy+` .checklist__undo").hidden`); !v {
				t.Error("after Undo the ticks are not saved again, or Undo still shows")
			}
			must(t, tab.Do(chromedp.Click(courtesy+` .checklist__reset`)))
			must(t, tab.WaitFor(`document.querySelector("`+courtesy+` [data-checklist-progress]").textContent.indexOf("0 of 6 done") >= 0`, 3*time.Second))
			must(t, tab.Reload())
			if n := ticked(t, tab); n != 0 {
				t.Errorf("after reset and reload %d items ticked, want 0", n)
			}

			// Damaged storage: a clear message, a working list, and a way out.
			evalT[bool](t, tab, `(localStorage.setItem("`+courtesyKey+`", "{oops"), true)`)
			must(t, tab.Reload())
			msg := evalT[string](t, tab, `(document.querySelector("`+courtesy+` .storage-notice")||{}).textContent || ""`)
			if !strings.Contains(msg, "problem with your saved answers") {
				t.Errorf("damaged storage: notice = %q, want the problem explained", msg)
			}
			clean(t, tab, "damaged storage notice")
			must(t, tab.Do(chromedp.Click(courtesy+` li:nth-child(2) label`)))
			if err := tab.WaitFor(`document.querySelector("`+courtesy+` [data-checklist-progress]").textContent === "1 of 6 done"`, 3*time.Second); err != nil {
				t.Errorf("with damaged storage, ticking does not count: %v", err)
			}
			must(t, tab.Do(chromedp.Click(courtesy+` .storage-notice button`)))
			if n := evalT[int](t, tab, `document.querySelectorAll("`+courtesy+` .storage-notice").length`); n != 0 {
				t.Error("the notice stayed after clearing")
			}

			// A stored value from another version of the site.
			evalT[bool](t, tab, `(localStorage.setItem("`+courtesyKey+`", JSON.stringify({v: 99, data: {ticked: []}})), true)`)
			must(t, tab.Reload())
			if msg := evalT[string](t, tab, `(document.querySelector("`+courtesy+` .storage-notice")||{}).textContent || ""`); !strings.Contains(msg, "different version") {
				t.Errorf("old data: notice = %q, want it to name the version problem", msg)
			}
		})
	}

	server := site.Serve(t)
	b := chromium.Start(t, 1)
	t.Run("blocked storage", func(t *testing.T) {
		tab := openTool(t, b, server, checklistPage, e2e.Options{BlockStorage: true})
		msg := evalT[string](t, tab, `(document.querySelector("`+courtesy+` .storage-notice")||{}).textContent || ""`)
		if !strings.Contains(msg, "will not be kept") {
			t.Errorf("blocked storage: notice = %q, want \"will not be kept\"", msg)
		}
		must(t, tab.Do(chromedp.Click(courtesy+` li:nth-child(1) label`)))
		must(t, tab.WaitFor(`document.querySelector("`+courtesy+` [data-checklist-progress]").textContent === "1 of 6 done"`, 3*time.Second))
		clean(t, tab, "blocked storage")
	})

	t.Run("print shows ticks", func(t *testing.T) {
		setup := openTool(t, b, server, checklistPage, e2e.Options{})
		evalT[bool](t, setup, `(localStorage.clear(), localStorage.setItem("`+courtesyKey+`", JSON.stringify({v:1, saved:"", data:{ticked:["i-get-in-touch-when-i","i-show-that-i-value-what"]}})), true)`)
		setup.Close()
		tab := openTool(t, b, server, checklistPage, e2e.Options{Media: "print"})
		got := evalT[string](t, tab, `Array.from(document.querySelectorAll("`+courtesy+` .checklist__input")).map(function(i){
			var s = getComputedStyle(i), r = i.getBoundingClientRect();
			return (i.checked ? "x" : "_") + (s.display !== "none" && s.visibility !== "hidden" && r.width > 0 ? "" : "(hidden)");
		}).join("")`)
		if got != "x_x___" {
			t.Errorf("printed boxes = %q, want x_x___ (ticked, visible)", got)
		}
		if n := evalT[int](t, tab, `Array.from(document.querySelectorAll(".checklist__reset, .storage-notice")).filter(function(e){return getComputedStyle(e).display !== "none"}).length`); n != 0 {
			t.Errorf("%d buttons or notices show in print", n)
		}
	})

	for _, o := range []e2e.Origin{server, site.Disk()} {
		t.Run("no-js/"+string(o.Mode), func(t *testing.T) {
			tab := openTool(t, b, o, checklistPage, e2e.Options{NoJS: true})
			state := evalT[string](t, tab, fmt.Sprintf(`(function(){
				var c = document.querySelector(%q);
				var labelled = Array.from(c.querySelectorAll("input")).every(function(i){ return document.querySelector('label[for="'+i.id+'"]'); });
				return c.querySelectorAll("input[type=checkbox]").length + " " + labelled + " " + !c.querySelector("[data-checklist-progress]").checkVisibility() + " " + Array.from(c.querySelectorAll("button")).filter(function(b){ return b.checkVisibility(); }).length;
			})()`, courtesy))
			if state != "6 true true 0" {
				t.Errorf("without JavaScript: checkboxes, labelled, progress hidden, buttons shown = %q, want \"6 true true 0\"", state)
			}
			clean(t, tab, "no JavaScript")
		})
	}
}
