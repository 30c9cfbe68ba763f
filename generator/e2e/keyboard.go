//go:build browser

package e2e

import (
	"fmt"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// maxTabStops bounds the walk through a page, so that a focus trap ends the
// check instead of hanging it.
const maxTabStops = 400

// keyboardSetupJS records the unfocused look of everything focusable, so that
// each Tab stop can be compared with it, and defines the probe run at each
// stop.
const keyboardSetupJS = `(() => {
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  const look = el => {
    const cs = getComputedStyle(el);
    return {outline: cs.outlineStyle + " " + cs.outlineWidth + " " + cs.outlineColor,
      visibleOutline: cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 1 && !/rgba\(.*, 0\)$|transparent/.test(cs.outlineColor),
      shadow: cs.boxShadow, background: cs.backgroundColor, border: cs.borderColor + " " + cs.borderWidth};
  };
  const before = new Map();
  for (const el of document.querySelectorAll("*")) if (el.tabIndex >= 0) before.set(el, look(el));
  const seen = new Set();
  const describe = el => {
    let d = el.tagName.toLowerCase();
    if (el.id) d += "#" + el.id;
    else if (typeof el.className === "string" && el.className.trim()) d += "." + el.className.trim().split(/\s+/).join(".");
    const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ").slice(0, 40);
    if (text) d += " \"" + text + "\"";
    return d;
  };
  window.__e2eProbe = () => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return {none: true};
    if (seen.has(el)) return {wrapped: true, desc: describe(el)};
    seen.add(el);
    const now = look(el), was = before.get(el);
    const changed = !was ? [] : ["outline", "shadow", "background", "border"].filter(k => now[k] !== was[k]);
    const indicator = changed.some(k => (k === "outline" && now.visibleOutline) || (k === "shadow" && now.shadow !== "none") || k === "background" || k === "border");
    const r = (el.getClientRects()[0] || el.getBoundingClientRect());
    const inView = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
    const shown = el.checkVisibility({visibilityProperty: true, opacityProperty: true});
    let covered = "";
    if (inView) {
      const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
      const top = document.elementFromPoint(x, y);
      if (top && top !== el && !el.contains(top) && !top.contains(el)) covered = describe(top);
    }
    let skipTarget = "";
    if (el.matches("a[href^='#']")) {
      const t = document.getElementById(decodeURIComponent(el.hash.slice(1)));
      if (t) skipTarget = t.tagName.toLowerCase() === "main" ? "main" : (t.closest("main") ? "in-main" : "elsewhere");
    }
    return {desc: describe(el), shown, inView, covered, indicator, changed, hadLook: !!was, skipTarget};
  };
  return true;
})()`

type tabStop struct {
	None       bool     `json:"none"`
	Wrapped    bool     `json:"wrapped"`
	Desc       string   `json:"desc"`
	Shown      bool     `json:"shown"`
	InView     bool     `json:"inView"`
	Covered    string   `json:"covered"`
	Indicator  bool     `json:"indicator"`
	Changed    []string `json:"changed"`
	HadLook    bool     `json:"hadLook"`
	SkipTarget string   `json:"skipTarget"`
}

// Keyboard walks the page with the Tab key from the top, as a keyboard user
// would, and checks that:
//   - the first Tab stop is a skip link to the main element, and pressing
//     Enter on it moves focus to the main content (rule "skip-link");
//   - every Tab stop is shown, scrolled into view, not covered by another
//     element, and looks different when focused: a visible outline, a box
//     shadow, or a change of background or border (rule "focus-visible");
//   - focus is not trapped: the walk leaves the page within maxTabStops
//     (rule "focus-trap").
//
// Run it on a freshly loaded page: it moves focus and may scroll.
func (tab *Tab) Keyboard() ([]Problem, error) {
	var out []Problem
	bad := func(rule, format string, args ...any) {
		out = append(out, Problem{Page: tab.Page, Mode: tab.Origin.Mode, Rule: rule, Detail: fmt.Sprintf(format, args...)})
	}
	fail := func(err error) ([]Problem, error) {
		return nil, fmt.Errorf("%s (%s): keyboard check: %w", tab.Page, tab.Origin.Mode, err)
	}
	if _, err := Eval[bool](tab, keyboardSetupJS); err != nil {
		return fail(err)
	}
	for i := 0; ; i++ {
		if i == maxTabStops {
			bad("focus-trap", "focus is still on the page after %d Tab presses", maxTabStops)
			break
		}
		if err := chromedp.Do(tab.ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			return fail(err)
		}
		s, err := Eval[tabStop](tab, "__e2eProbe()")
		if err != nil {
			return fail(err)
		}
		if s.None || s.Wrapped {
			if i == 0 {
				bad("skip-link", "the first Tab press focuses nothing; want the skip link")
			}
			break
		}
		if i == 0 && s.SkipTarget != "main" {
			bad("skip-link", "the first Tab stop is %s; want a skip link to the <main> element", s.Desc)
		}
		var why []string
		if !s.Shown {
			why = append(why, "it is not shown")
		}
		if s.Shown && !s.InView {
			why = append(why, "it is outside the viewport")
		}
		if s.Covered != "" {
			why = append(why, "it is covered by "+s.Covered)
		}
		if !s.Indicator {
			if s.HadLook {
				why = append(why, fmt.Sprintf("its focused look has no visible indicator (changed: %v)", s.Changed))
			} else {
				why = append(why, "it became focusable after load, so its look could not be compared")
			}
		}
		if len(why) > 0 {
			bad("focus-visible", "Tab stop %d, %s: %v", i+1, s.Desc, why)
		}
	}

	// Follow the skip link from the keyboard.
	got, err := Eval[string](tab, `(() => {
  const a = document.querySelector("a[href='#main-content'], a.skip-link");
  if (!a) return "none";
  a.focus();
  return "ok";
})()`)
	if err != nil {
		return fail(err)
	}
	if got == "none" {
		bad("skip-link", "the page has no skip link")
		return out, nil
	}
	if err := chromedp.Do(tab.ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		return fail(err)
	}
	focus, err := Eval[string](tab, `(() => {
  const el = document.activeElement, main = document.querySelector("main");
  if (!main) return "no <main> element";
  if (el === main || main.contains(el)) return "";
  return "focus is on " + (el ? el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") : "nothing");
})()`)
	if err != nil {
		return fail(err)
	}
	if focus != "" {
		bad("skip-link", "after Enter on the skip link %s; want the main content", focus)
	}
	return out, nil
}
