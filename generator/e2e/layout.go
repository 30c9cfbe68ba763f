//go:build browser

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/chromedp/chromedp"
)

// NarrowWidth is the width at which content must reflow without horizontal
// scrolling (WCAG 1.4.10: 320 CSS pixels).
const NarrowWidth = 320

// Reflow checks that the page body does not scroll sideways (rule
// "reflow"). Open the tab with Width: NarrowWidth. It names the elements
// that stick out, leaving out those inside an element that scrolls or clips
// on its own (a wide table in a scrolling wrapper is fine).
func (tab *Tab) Reflow() ([]Problem, error) {
	type result struct {
		ScrollWidth int      `json:"scrollWidth"`
		ClientWidth int      `json:"clientWidth"`
		Culprits    []string `json:"culprits"`
	}
	r, err := Eval[result](tab, `(() => {
  const de = document.documentElement, w = de.clientWidth;
  const clipped = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== "visible") return true;
    }
    return false;
  };
  const culprits = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right > w + 1 && r.width > 0 && !clipped(el) && !el.closest(".skip-link, .visually-hidden")) {
      if (culprits.length < 5) culprits.push(el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") + " (right edge " + Math.round(r.right) + "px)");
    }
  }
  return {scrollWidth: Math.max(de.scrollWidth, document.body.scrollWidth), clientWidth: w, culprits};
})()`)
	if err != nil {
		return nil, fmt.Errorf("%s (%s): reflow check: %w", tab.Page, tab.Origin.Mode, err)
	}
	if r.ScrollWidth <= r.ClientWidth {
		return nil, nil
	}
	return []Problem{{Page: tab.Page, Mode: tab.Origin.Mode, Rule: "reflow",
		Detail: fmt.Sprintf("the page is %dpx wide in a %dpx viewport, so it scrolls sideways; sticking out: %s",
			r.ScrollWidth, r.ClientWidth, strings.Join(r.Culprits, ", "))}}, nil
}

// Print checks the page as printed (open the tab with Media: "print"): the
// content of every <details> is shown, and navigation, the search form and
// the skip link are hidden (rule "print").
func (tab *Tab) Print() ([]Problem, error) {
	type result struct {
		Closed  []string `json:"closed"`
		Visible []string `json:"visible"`
		Main    bool     `json:"main"`
	}
	r, err := Eval[result](tab, `(() => {
  const desc = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "");
  const closed = [];
  for (const d of document.querySelectorAll("main details")) {
    // A <details> that does not print at all (a page's folded contents
    // list) cannot print closed.
    if (!d.checkVisibility()) continue;
    for (const c of d.children) {
      if (c.tagName !== "SUMMARY" && !c.checkVisibility({contentVisibilityAuto: true})) {
        closed.push(desc(d) + " \"" + (d.querySelector("summary") || d).innerText.trim().slice(0, 40) + "\"");
        break;
      }
    }
  }
  // The whole guide and a trainer's pack keep their contents list on
  // paper, as a printed book does; other navigation must not print.
  const visible = [...document.querySelectorAll("nav, [role=navigation], form[role=search], .skip-link")]
    .filter(el => el.checkVisibility() && !el.matches(".page--print .contents, .page--pack .contents")).map(desc);
  const main = document.querySelector("main");
  return {closed, visible, main: !!main && main.checkVisibility() && main.innerText.trim().length > 0};
})()`)
	if err != nil {
		return nil, fmt.Errorf("%s (%s): print check: %w", tab.Page, tab.Origin.Mode, err)
	}
	var out []Problem
	bad := func(format string, args ...any) {
		out = append(out, Problem{Page: tab.Page, Mode: tab.Origin.Mode, Rule: "print", Detail: fmt.Sprintf(format, args...)})
	}
	if !r.Main {
		bad("the main content does not print")
	}
	for _, d := range r.Closed {
		bad("%s prints closed; every <details> must print open", d)
	}
	for _, v := range r.Visible {
		bad("%s prints; navigation and search must be hidden on paper", v)
	}
	return out, nil
}

// Readable checks a page opened with NoJS: the scripts did not run, the main
// content is shown and has text, and the header's links and the site
// navigation are shown and usable (rule "no-js").
func (tab *Tab) Readable() ([]Problem, error) {
	type result struct {
		RanJS    bool     `json:"ranJS"`
		Main     bool     `json:"main"`
		Links    int      `json:"links"`
		Hidden   []string `json:"hidden"`
		MainText int      `json:"mainText"`
	}
	r, err := Eval[result](tab, `(() => {
  const main = document.querySelector("main");
  const links = [...document.querySelectorAll("header a[href], nav a[href]")];
  const hidden = links.filter(a => !a.checkVisibility({visibilityProperty: true, opacityProperty: true})).map(a => a.getAttribute("href"));
  return {
    ranJS: !document.documentElement.classList.contains("no-js"),
    main: !!main && main.checkVisibility({visibilityProperty: true, opacityProperty: true}),
    mainText: main ? main.innerText.trim().length : 0,
    links: links.length, hidden,
  };
})()`)
	if err != nil {
		return nil, fmt.Errorf("%s (%s): no-JavaScript check: %w", tab.Page, tab.Origin.Mode, err)
	}
	var out []Problem
	bad := func(format string, args ...any) {
		out = append(out, Problem{Page: tab.Page, Mode: tab.Origin.Mode, Rule: "no-js", Detail: fmt.Sprintf(format, args...)})
	}
	if r.RanJS {
		bad("the page's script ran although JavaScript is off (the <html> element lost its no-js class)")
	}
	if !r.Main || r.MainText == 0 {
		bad("without JavaScript the main content is hidden or empty")
	}
	if r.Links == 0 {
		bad("without JavaScript the page has no header or navigation links")
	}
	for _, h := range r.Hidden {
		bad("without JavaScript the navigation link %q is hidden", h)
	}
	return out, nil
}

// Screenshot saves a PNG of the whole page to file, creating its folder.
func (tab *Tab) Screenshot(file string) error {
	png, err := chromedp.Run(tab.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		return fmt.Errorf("%s (%s): screenshot: %w", tab.Page, tab.Origin.Mode, err)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	return os.WriteFile(file, png, 0o644)
}
