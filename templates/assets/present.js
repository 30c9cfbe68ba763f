/* Present mode: shows a content page on a screen for a group, one section
   at a time, in large type without the site's menus. The first section is
   the title and the text before the first h2; each h2 starts the next one.
   It starts from the "Present this page" button (data-module="present")
   or the keys Alt+Shift+P (a modified key, so no single key press can
   start it by accident: WCAG 2.1.4). Arrow keys, Page Up/Down and Space
   move; Home and End go to the ends; Escape leaves. Nothing is stored and
   the page's own markup is never rewritten: sections are hidden and shown
   with one class, so leaving gives back the page exactly as it was. The
   page's title stays on every screen. */
(function () {
  "use strict";

  var J = window.joinedup;
  if (!J || !J.modules) return;

  var ACTIVE = "present-mode"; // on <html> while presenting
  var OFF = "present-off"; // on each element outside the shown section
  var LATER = "present-later"; // on <html> after the first section

  /* isSectionHeading: an h2 of the page's own content that a reader can
     see; the contents list and other navigation are hidden while
     presenting, and a hidden heading would make an empty screen. */
  function isSectionHeading(h) {
    return !h.closest("nav, aside, [hidden], .present-bar") && h.getClientRects().length > 0;
  }

  /* plan walks main's elements in document order and gives each the range
     of sections it spans: an element holding an h2 belongs to the
     sections before and after it, so it stays shown for both. */
  function plan(main, bar) {
    var headings = [main.querySelector("h1") || main];
    var items = [];
    var n = 0;
    function walk(el) {
      var start = n;
      if (el.tagName === "H2" && isSectionHeading(el)) {
        n++;
        start = n;
        headings.push(el);
      }
      for (var c = el.firstElementChild; c; c = c.nextElementSibling) walk(c);
      items.push({ el: el, start: start, end: n });
    }
    for (var c = main.firstElementChild; c; c = c.nextElementSibling) {
      if (c !== bar) walk(c);
    }
    return { headings: headings, items: items };
  }

  /* typing reports whether a key press belongs to the control it was
     pressed in (typing, choosing, scrolling a wide table), so that present
     mode leaves it alone. */
  function typing(target, key) {
    if (!target || !target.closest) return false;
    if (target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']")) return true;
    if (key === " " && target.closest("a, button, summary, [role='button'], label")) return true;
    if (/^Arrow|^Home$|^End$/.test(key) && target.closest(".table-wrap, [role='region'][tabindex]")) return true;
    return false;
  }

  function isShortcut(e) {
    return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === "KeyP" || e.keyCode === 80);
  }

  J.modules.present = function (button) {
    var root = document.documentElement;
    var main = document.querySelector("main");
    if (!main) return;
    var el = J.el;
    var current = 0;
    var count = 1;
    var active = false;
    var focusable = []; // headings given tabindex="-1" here, to undo on leaving

    var prev = el("button", { type: "button", class: "button button--secondary present-bar__button" }, "Previous");
    var next = el("button", { type: "button", class: "button present-bar__button" }, "Next");
    var exit = el("button", { type: "button", class: "button button--secondary present-bar__button present-bar__exit" }, "Exit present mode");
    var status = el("p", { class: "present-bar__status", role: "status" });
    var bar = el("nav", { class: "present-bar", "aria-label": "Present mode", hidden: true },
      prev, status, next, exit,
      el("p", { class: "present-bar__hint" }, "Arrow keys move between sections. Escape leaves."));
    main.insertBefore(bar, main.firstChild);

    /* show presents section i (from 0), moving focus to its heading. */
    function show(i, focus) {
      // Everything is shown again first, so that the plan sees every
      // heading (and any a tool has added or removed meanwhile).
      showAll();
      var p = plan(main, bar);
      count = p.headings.length;
      current = Math.max(0, Math.min(i, count - 1));
      for (var j = 0; j < p.items.length; j++) {
        var it = p.items[j];
        if ((current < it.start || current > it.end) && it.el !== p.headings[0]) it.el.classList.add(OFF);
      }
      // The page's title stays on every screen, small after the first, so
      // each screen still says what it is part of.
      root.classList.toggle(LATER, current > 0);
      status.textContent = "Section " + (current + 1) + " of " + count;
      prev.disabled = current === 0;
      next.disabled = current === count - 1;
      if (focus !== false) {
        var h = p.headings[current];
        if (!h.hasAttribute("tabindex")) {
          h.setAttribute("tabindex", "-1");
          focusable.push(h);
        }
        window.scrollTo(0, 0);
        h.focus({ preventScroll: true });
      }
    }

    function showAll() {
      var off = main.querySelectorAll("." + OFF);
      for (var k = 0; k < off.length; k++) off[k].classList.remove(OFF);
    }

    function move(by) {
      var to = Math.max(0, Math.min(current + by, count - 1));
      if (to !== current) show(to);
    }

    function enter() {
      if (active) return;
      active = true;
      root.classList.add(ACTIVE);
      bar.hidden = false;
      show(0);
    }

    function leave() {
      if (!active) return;
      active = false;
      root.classList.remove(ACTIVE, LATER);
      bar.hidden = true;
      showAll();
      while (focusable.length) focusable.pop().removeAttribute("tabindex");
      button.focus();
    }

    /* sectionOf finds the section holding an element, for a link within
       the page followed while presenting. */
    function sectionOf(target) {
      var was = current;
      showAll();
      var p = plan(main, bar);
      show(was, false);
      for (var j = 0; j < p.items.length; j++) {
        if (p.items[j].el === target) return p.items[j].start;
      }
      return -1;
    }

    button.addEventListener("click", enter);
    prev.addEventListener("click", function () { move(-1); });
    next.addEventListener("click", function () { move(1); });
    exit.addEventListener("click", leave);

    document.addEventListener("keydown", function (e) {
      if (e.defaultPrevented) return;
      if (isShortcut(e)) {
        e.preventDefault();
        if (active) leave();
        else enter();
        return;
      }
      if (!active || e.ctrlKey || e.metaKey || e.altKey) return;
      // Escape leaves from anywhere but an open list a control shows.
      if ((e.key === "Escape" || e.key === "Esc") && !(e.target.closest && e.target.closest("[aria-expanded='true']"))) {
        e.preventDefault();
        leave();
        return;
      }
      if (typing(e.target, e.key)) return;
      var by;
      switch (e.key) {
        case "ArrowRight": case "PageDown": by = 1; break;
        case "ArrowLeft": case "PageUp": by = -1; break;
        case " ": case "Spacebar": by = e.shiftKey ? -1 : 1; break;
        case "Home": e.preventDefault(); show(0); return;
        case "End": e.preventDefault(); show(count - 1); return;
        default: return;
      }
      e.preventDefault();
      move(by);
    });

    window.addEventListener("hashchange", function () {
      if (!active) return;
      var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      if (!target || !main.contains(target)) return;
      var i = sectionOf(target);
      if (i >= 0 && i !== current) {
        show(i, false);
        target.scrollIntoView();
      }
    });

    button.hidden = false;
  };
})();
