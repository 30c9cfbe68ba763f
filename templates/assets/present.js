/* Present mode: shows a content page on a screen for a group, one section
   at a time, in large type without the site's menus. The first section is
   the title and the text before the first h2; each h2 starts the next one,
   and where an h2's section is taller than the screen, each of its h3s
   starts one too. A table still taller than the screen (a session's
   agenda) is shown a few rows at a time, each slide under the table's
   heading row. A slide still taller than the screen says so at the
   bottom until it is scrolled to its end. Trainer notes, what to print and
   who a page is written for are not shown.
   It starts from the "Present this page" button (data-module="present")
   or the keys Alt+Shift+P (a modified key, so no single key press can
   start it by accident: WCAG 2.1.4). Arrow keys, Page Up/Down and Space
   move; Home and End go to the ends; Escape leaves. Nothing is stored and
   the page's own markup is never rewritten: sections are hidden and shown
   with one class, so leaving gives back the page exactly as it was. The
   page's title stays on every screen.

   Splitting a page into sections and the keys are plain functions, which
   Node's test runner loads (present.test.js). */
(function () {
  "use strict";

  /* plan walks main's elements in document order (all but skip) and gives
     each the range of sections it spans: an element holding a section
     heading (isHeading: the h2s, and the h3s of a section split up)
     belongs to the sections before and after it, so it stays shown for
     both. headings[0] is the page's title (first, or main itself when
     there is none). */
  function plan(main, skip, isHeading, first) {
    var headings = [first || main];
    var items = [];
    var n = 0;
    function walk(el) {
      var start = n;
      if (isHeading(el)) {
        n++;
        start = n;
        headings.push(el);
      }
      for (var c = el.firstElementChild; c; c = c.nextElementSibling) walk(c);
      items.push({ el: el, start: start, end: n });
    }
    for (var c = main.firstElementChild; c; c = c.nextElementSibling) {
      if (c !== skip) walk(c);
    }
    return { headings: headings, items: items };
  }

  function isShortcut(e) {
    return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === "KeyP" || e.keyCode === 80);
  }

  /* move is what a key does while presenting: {by: -1 or 1}, {to:
     "first" or "last"}, or null for a key it leaves alone. */
  function move(key, shiftKey) {
    switch (key) {
      case "ArrowRight": case "PageDown": return { by: 1 };
      case "ArrowLeft": case "PageUp": return { by: -1 };
      case " ": case "Spacebar": return { by: shiftKey ? -1 : 1 };
      case "Home": return { to: "first" };
      case "End": return { to: "last" };
      default: return null;
    }
  }

  /* rowBreaks says where a table too tall for one slide starts each
     further slide: rows are the tops and bottoms of its body rows, start
     where its slide starts (all on the page as laid out), room the height
     a slide has, and later the room on a further slide, which also shows
     the table's heading row and what it is part of. It returns the
     indexes of the rows that start a slide; a row taller than the room
     has a slide of its own. */
  function rowBreaks(rows, start, room, later) {
    var breaks = [];
    var first = 0;
    for (var k = 0; k < rows.length; k++) {
      if (k > first && rows[k].bottom - start > room) {
        breaks.push(k);
        first = k;
        start = rows[k].top;
        room = later;
      }
    }
    return breaks;
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { plan: plan, isShortcut: isShortcut, move: move, rowBreaks: rowBreaks };
    return;
  }

  /* ---- In the page from here on. ---- */

  var joinedup = window.joinedup;
  var NAME = "present";
  var ACTIVE = "present-mode"; // on <html> while presenting
  var OFF = "present-off"; // on each element outside the shown section
  var LATER = "present-later"; // on <html> after the first section
  var CONTEXT = "present-context"; // on the h2 above a slide of its split section

  var SPLIT = "data-present-split"; // on the h3s of a section too tall for the screen, and the rows of a table that start a slide

  /* isSectionHeading: an h2 of the page's own content that a reader can
     see, or an h3 of a split section, or a table row that starts a slide;
     the contents list and other navigation are hidden while presenting,
     and a hidden heading would make an empty screen. */
  function isSectionHeading(h) {
    return (h.tagName === "H2" || ((h.tagName === "H3" || h.tagName === "TR") && h.hasAttribute(SPLIT))) &&
      !h.closest("nav, aside, [hidden], .present-bar") && h.getClientRects().length > 0;
  }

  /* typing reports whether a key press belongs to the control it was
     pressed in (typing, choosing, scrolling a wide table), so that present
     mode leaves it alone. */
  function typing(target, key) {
    if (!target || !target.closest) return false;
    if (target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']")) return true;
    if (key === " " && target.closest("a, button, summary, [role='button'], label")) return true;
    // A table row that starts a slide is a heading, not the table's.
    if (/^Arrow|^Home$|^End$/.test(key) && target.closest(".table-wrap, [role='region'][tabindex]") && !target.hasAttribute(SPLIT)) return true;
    return false;
  }

  /* Present: the button that starts present mode, and the bar of
     controls it adds at the top of main. */
  function Present(button) {
    var self = this;
    var el = joinedup.el;
    this.button = button;
    this.main = joinedup.required(document, "main", NAME, "the page's main content");
    this.current = 0;
    this.count = 1;
    this.active = false;
    this.focusable = []; // headings given tabindex="-1" here, to undo on leaving

    this.prev = joinedup.button("Previous", "button button--secondary present-bar__button", function () { self.step(-1); });
    this.next = joinedup.button("Next", "button present-bar__button", function () { self.step(1); });
    var exit = joinedup.button("Exit present mode", "button button--secondary present-bar__button present-bar__exit", function () { self.leave(); });
    this.status = el("p", { class: "present-bar__status", role: "status" });
    this.bar = el("nav", { class: "present-bar", "aria-label": "Present mode", hidden: true },
      this.prev, this.status, this.next, exit,
      el("p", { class: "present-bar__hint" }, "Arrow keys move between sections. Escape leaves."));
    this.main.insertBefore(this.bar, this.main.firstChild);
    /* A visual cue only: a screen reader reads on without it. */
    this.more = el("p", { class: "present-more", hidden: true, "aria-hidden": "true" }, "More below: scroll down \u2193");
    document.body.appendChild(this.more);
    window.addEventListener("scroll", function () { self.updateMore(); }, { passive: true });
    window.addEventListener("resize", function () { self.updateMore(); });

    button.addEventListener("click", function () { self.enter(); });
    document.addEventListener("keydown", function (e) { self.key(e); });
    window.addEventListener("hashchange", function () { self.followLink(); });
    button.hidden = false;
  }
  Present.moduleName = NAME;

  var proto = Present.prototype;

  proto.plan = function () {
    return plan(this.main, this.bar, isSectionHeading, this.main.querySelector("h1"));
  };

  /* split marks the h3s of each h2 section taller than the screen, so
     that each starts a slide of its own, then the rows of each table on a
     slide still too tall. It measures the page as it is presented (large
     type, no menus), with every section shown. */
  proto.split = function () {
    var room = window.innerHeight - this.bar.getBoundingClientRect().height - 32;
    var marked = this.main.querySelectorAll("[" + SPLIT + "]");
    for (var m = 0; m < marked.length; m++) marked[m].removeAttribute(SPLIT);
    this.splitSections(room);
    this.splitTables();
  };

  proto.splitSections = function (room) {
    var p = this.plan(), hs = p.headings;
    var h3s = [].filter.call(this.main.querySelectorAll("h3"), function (h) {
      return !h.closest("nav, aside, [hidden], .present-bar") && h.getClientRects().length > 0;
    });
    var end = this.main.getBoundingClientRect().bottom;
    for (var i = 1; i < hs.length; i++) {
      var top = hs[i].getBoundingClientRect().top;
      var bottom = i + 1 < hs.length ? hs[i + 1].getBoundingClientRect().top : end;
      if (bottom - top <= room) continue;
      for (var k = 0; k < h3s.length; k++) {
        var after = hs[i].compareDocumentPosition(h3s[k]) & 4; // FOLLOWING
        var before = i + 1 >= hs.length || (hs[i + 1].compareDocumentPosition(h3s[k]) & 2); // PRECEDING
        if (after && before) h3s[k].setAttribute(SPLIT, "");
      }
    }
  };

  /* splitTables marks the rows that start a slide in each table on a
     slide taller than the screen. Above a slide's heading are the bar, the
     page's title and the heading it is part of (about 5rem); below its
     end, about 4.5rem of margins; a further slide of a table also repeats
     its heading row. */
  proto.splitTables = function () {
    var hs = this.plan().headings;
    var end = this.main.getBoundingClientRect().bottom;
    var rem = parseFloat(window.getComputedStyle(document.documentElement).fontSize) || 16;
    var room = window.innerHeight - this.bar.getBoundingClientRect().height - 9.5 * rem;
    var tables = [].filter.call(this.main.querySelectorAll("table"), function (t) {
      return t.tBodies.length > 0 && !t.closest("[hidden]") && t.getClientRects().length > 0;
    });
    for (var i = 1; i < hs.length; i++) {
      var top = hs[i].getBoundingClientRect().top;
      var bottom = i + 1 < hs.length ? hs[i + 1].getBoundingClientRect().top : end;
      if (bottom - top <= room) continue;
      for (var k = 0; k < tables.length; k++) {
        var box = tables[k].getBoundingClientRect();
        if (box.top < top || box.top >= bottom) continue;
        var rows = [].slice.call(tables[k].tBodies[0].rows);
        var head = tables[k].tHead ? tables[k].tHead.getBoundingClientRect().height : 0;
        var breaks = rowBreaks(rows.map(function (r) { return r.getBoundingClientRect(); }), top, room - rem, room - head);
        for (var b = 0; b < breaks.length; b++) rows[breaks[b]].setAttribute(SPLIT, "");
      }
    }
  };

  /* updateMore shows the cue while the slide goes on below the screen. */
  proto.updateMore = function () {
    var below = document.documentElement.scrollHeight - (window.scrollY + window.innerHeight);
    this.more.hidden = !(this.active && below > 8);
  };

  /* show presents section i (from 0), moving focus to its heading. */
  proto.show = function (i, focus) {
    // Everything is shown again first, so that the plan sees every
    // heading (and any a tool has added or removed meanwhile).
    this.showAll();
    var p = this.plan();
    this.count = p.headings.length;
    this.current = Math.max(0, Math.min(i, this.count - 1));
    /* On a slide of a split section, its h2 stays above, small, so the
       slide says what it is part of and its headings keep their order; on
       a further slide of a table, the heading it is under does. */
    var context = null;
    var kind = p.headings[this.current].tagName;
    for (var c = this.current - 1; c > 0 && (kind === "H3" || kind === "TR"); c--) {
      var tag = p.headings[c].tagName;
      if (tag === "H2" || (kind === "TR" && tag === "H3")) { context = p.headings[c]; break; }
    }
    var was = this.main.querySelectorAll("." + CONTEXT);
    for (var w = 0; w < was.length; w++) was[w].classList.remove(CONTEXT);
    if (context) context.classList.add(CONTEXT);
    for (var j = 0; j < p.items.length; j++) {
      var it = p.items[j];
      if ((this.current < it.start || this.current > it.end) && it.el !== p.headings[0] && it.el !== context) it.el.classList.add(OFF);
    }
    // A further slide of a table keeps its caption and heading row.
    if (kind === "TR") {
      var kept = p.headings[this.current].closest("table").querySelectorAll(":scope > caption, :scope > caption *, :scope > thead, :scope > thead *");
      for (var k = 0; k < kept.length; k++) kept[k].classList.remove(OFF);
    }
    // The page's title stays on every screen, small after the first, so
    // each screen still says what it is part of.
    document.documentElement.classList.toggle(LATER, this.current > 0);
    this.status.textContent = "Section " + (this.current + 1) + " of " + this.count;
    this.prev.disabled = this.current === 0;
    this.next.disabled = this.current === this.count - 1;
    this.updateMore();
    if (focus !== false) {
      var h = p.headings[this.current];
      if (!h.hasAttribute("tabindex")) {
        h.setAttribute("tabindex", "-1");
        this.focusable.push(h);
      }
      window.scrollTo(0, 0);
      h.focus({ preventScroll: true });
    }
  };

  proto.showAll = function () {
    var off = this.main.querySelectorAll("." + OFF);
    for (var k = 0; k < off.length; k++) off[k].classList.remove(OFF);
  };

  proto.step = function (by) {
    var to = Math.max(0, Math.min(this.current + by, this.count - 1));
    if (to !== this.current) this.show(to);
  };

  proto.enter = function () {
    if (this.active) return;
    this.active = true;
    document.documentElement.classList.add(ACTIVE);
    this.bar.hidden = false;
    this.showAll();
    this.split();
    this.show(0);
  };

  proto.leave = function () {
    if (!this.active) return;
    this.active = false;
    document.documentElement.classList.remove(ACTIVE, LATER);
    this.bar.hidden = true;
    this.showAll();
    var marked = this.main.querySelectorAll("[" + SPLIT + "], ." + CONTEXT);
    for (var m = 0; m < marked.length; m++) { marked[m].removeAttribute(SPLIT); marked[m].classList.remove(CONTEXT); }
    this.updateMore();
    while (this.focusable.length) this.focusable.pop().removeAttribute("tabindex");
    this.button.focus();
  };

  proto.key = function (e) {
    if (e.defaultPrevented) return;
    if (isShortcut(e)) {
      e.preventDefault();
      if (this.active) this.leave();
      else this.enter();
      return;
    }
    if (!this.active || e.ctrlKey || e.metaKey || e.altKey) return;
    // Escape leaves from anywhere but an open list a control shows.
    if ((e.key === "Escape" || e.key === "Esc") && !(e.target.closest && e.target.closest("[aria-expanded='true']"))) {
      e.preventDefault();
      this.leave();
      return;
    }
    if (typing(e.target, e.key)) return;
    var m = move(e.key, e.shiftKey);
    if (!m) return;
    e.preventDefault();
    if (m.to) this.show(m.to === "first" ? 0 : this.count - 1);
    else this.step(m.by);
  };

  /* followLink shows the section holding the target of a link within the
     page followed while presenting. */
  proto.followLink = function () {
    if (!this.active) return;
    var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (!target || !this.main.contains(target)) return;
    var was = this.current;
    this.showAll();
    var p = this.plan();
    this.show(was, false);
    var i = -1;
    for (var j = 0; j < p.items.length; j++) {
      if (p.items[j].el === target) { i = p.items[j].start; break; }
    }
    if (i >= 0 && i !== this.current) {
      this.show(i, false);
      target.scrollIntoView();
    }
  };

  joinedup.register(Present);
})();
