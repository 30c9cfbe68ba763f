/* joinedup site script. A plain script (no modules, so it runs from file://),
   loaded in <head> so a saved colour scheme applies before the page paints.
   The page works fully without it.

   It holds what every page and tool shares: storage limited to the keys the
   privacy page lists, helpers that build elements without innerHTML, the
   error summary, and the start of every component.

   Components follow GOV.UK Frontend's shape. Each is a constructor,
   registered with joinedup.register under the name its markup gives in
   data-module; it finds the elements it needs in its constructor and throws
   an ElementError naming any that are missing. Once the page is parsed,
   start() makes one instance per element; one failing does not stop the
   others. Tool scripts load with defer, after this one and before the
   page's DOMContentLoaded, so they register in time.

   Node's test runner loads this file too (site.test.js): there it exports
   the pure functions and touches no page. */
(function () {
  "use strict";

  /* keyAllowed says whether a storage key is in the allowed list, where an
     entry ending in * allows every key that starts with the rest. */
  function keyAllowed(allowed, key) {
    for (var i = 0; i < allowed.length; i++) {
      var a = allowed[i];
      if (a === key || (a.charAt(a.length - 1) === "*" && key.indexOf(a.slice(0, -1)) === 0)) return true;
    }
    return false;
  }

  /* Stored values are JSON {"v": version, "saved": date, "data": ...}.
     parseStored reads one, never throwing: a missing value gives
     {data: null}; a value that is not JSON, has another version or the
     wrong shape gives a problem in plain words, which the tool shows with a
     way to clear it. */
  function parseStored(raw, version) {
    if (raw === null || raw === undefined) return { data: null, problem: null };
    var v;
    try { v = JSON.parse(raw); } catch (e) { v = undefined; }
    if (!v || typeof v !== "object" || !("data" in v)) {
      return { data: null, problem: "Your saved answers could not be read. They may have been damaged." };
    }
    if (v.v !== version) {
      return { data: null, problem: "Your saved answers were saved by a different version of this site (version " + String(v.v).slice(0, 10) + ") and cannot be read by this one." };
    }
    return { data: v.data, problem: null };
  }

  /* storedText is the JSON parseStored reads back. */
  function storedText(data, version, saved) {
    return JSON.stringify({ v: version, saved: saved.toISOString(), data: data });
  }

  /* csv turns rows of values into CSV text (RFC 4180). A value starting
     with = + - @, a tab or a carriage return is prefixed with ' so a
     spreadsheet does not run it as a formula. */
  function csv(rows) {
    return rows.map(function (row) {
      return row.map(function (v) {
        var s = v === null || v === undefined ? "" : String(v);
        if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
        return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
      }).join(",");
    }).join("\r\n") + "\r\n";
  }

  /* csvFile is CSV text as a file to download: with a UTF-8 byte order
     mark in front, without which Excel on Windows reads the file in the
     computer's old code page and shows "café" as "cafÃ©". */
  function csvFile(rows) {
    return "\ufeff" + csv(rows);
  }

  function two(n) { return (n < 10 ? "0" : "") + n; }

  /* isoDate is a date's local day as YYYY-MM-DD. */
  function isoDate(d) {
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  /* clock is a date's local time of day as HH:MM (24-hour). */
  function clock(d) {
    return two(d.getHours()) + ":" + two(d.getMinutes());
  }

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

  /* longDate writes a YYYY-MM-DD day as people read it, "27 November
     2026" (the GOV.UK style), and a time HH:MM after it when given: "27
     November 2026 at 14:05". Text that is not a day is returned as it
     is. */
  function longDate(iso, time) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return iso;
    var out = Number(m[3]) + " " + MONTHS[Number(m[2]) - 1] + " " + m[1];
    return /^\d{2}:\d{2}$/.test(time || "") ? out + " at " + time : out;
  }

  /* quantity is a number with its noun: "1 person", "3 people". */
  function quantity(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  /* ElementError is what a component throws when its markup lacks an
     element it needs, naming the component and the element, as GOV.UK
     Frontend's does. */
  function ElementError(component, what, selector) {
    this.name = "ElementError";
    this.message = component + ": " + what + " (" + selector + ") is missing from the page's markup";
    this.stack = new Error(this.message).stack;
  }
  ElementError.prototype = Object.create(Error.prototype);
  ElementError.prototype.constructor = ElementError;

  /* required finds the element a component needs in its markup, or throws
     an ElementError. */
  function required(root, selector, component, what) {
    var node = root.querySelector(selector);
    if (!node) throw new ElementError(component, what, selector);
    return node;
  }

  /* startAll makes one instance of each component, by the name in each
     element's data-module, once per element. A component that throws is
     reported and the rest still start. */
  function startAll(elements, components, report) {
    for (var i = 0; i < elements.length; i++) {
      var element = elements[i];
      var name = element.getAttribute("data-module");
      var Component = Object.prototype.hasOwnProperty.call(components, name) ? components[name] : null;
      if (!Component || element.getAttribute("data-module-started")) continue;
      try {
        new Component(element); // the instance lives on in its event handlers
        element.setAttribute("data-module-started", "true");
      } catch (e) {
        report(name, e);
      }
    }
  }

  if (typeof module === "object" && module.exports) {
    module.exports = {
      keyAllowed: keyAllowed, parseStored: parseStored, storedText: storedText, csv: csv, csvFile: csvFile,
      isoDate: isoDate, clock: clock, longDate: longDate, quantity: quantity, ElementError: ElementError, required: required, startAll: startAll
    };
    return;
  }

  /* ---- In the page from here on. ---- */

  var root = document.documentElement;
  root.className = root.className.replace(/\bno-js\b/, "js");

  /* Storage: only keys listed in window.joinedupStorageKeys (generated from
     the list the privacy page shows) may be used. Where the browser blocks
     storage, tools still work for the visit.

     From a folder (file://), Firefox gives each page its own storage. So
     there each page asks the site's shared storage page (assets/
     storage.html, see storage.js) in a hidden frame; if the frame's
     storage is not the page's own, the page keeps its answers there, in a
     copy held here (mirror) for reading at once, and moves anything it
     had kept on its own there too. Each page also keeps the colour choice
     itself, so the page shows in its colours at once. store.scope says
     where answers live: "site" (every page of the site shares them),
     "hub" (kept together in the shared storage page) or "page" (on
     file://, the shared storage page did not answer, so this page may
     see only what it saved itself). */
  var allowed = window.joinedupStorageKeys || [];
  var VERSION = window.joinedupStorageVersion || 1;
  var own = {
    get: function (key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } },
    set: function (key, value) { try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; } },
    remove: function (key) { try { window.localStorage.removeItem(key); } catch (e) { /* nothing to do */ } },
    all: function () {
      var out = {};
      try {
        for (var i = 0; i < window.localStorage.length; i++) {
          var k = window.localStorage.key(i);
          if (keyAllowed(allowed, k)) out[k] = window.localStorage.getItem(k);
        }
      } catch (e) { /* storage went away */ }
      return out;
    }
  };
  var hub = null; // {frame, mirror, pending, next} while answers live in the shared storage page
  var store = {
    version: VERSION,
    scope: "site",
    available: (function () {
      try {
        var k = "joinedup.__test__";
        window.localStorage.setItem(k, "1");
        window.localStorage.removeItem(k);
        return true;
      } catch (e) {
        return false;
      }
    })(),
    check: function (key) {
      if (!keyAllowed(allowed, key)) throw new Error("joinedup: storage key " + key + " is not in the list on the privacy page");
    },
    get: function (key) {
      store.check(key);
      if (hub) return Object.prototype.hasOwnProperty.call(hub.mirror, key) ? hub.mirror[key] : null;
      if (!store.available) return null;
      return own.get(key);
    },
    set: function (key, value) {
      store.check(key);
      if (hub) {
        hub.mirror[key] = value;
        hubSend({ op: "set", key: key, value: value });
        if (key === THEME_KEY) own.set(key, value);
        return true;
      }
      if (!store.available) return false;
      return own.set(key, value);
    },
    remove: function (key) {
      store.check(key);
      if (hub) {
        delete hub.mirror[key];
        hubSend({ op: "remove", key: key });
        if (key === THEME_KEY) own.remove(key);
        return;
      }
      if (!store.available) return;
      own.remove(key);
    },
    readJSON: function (key) {
      return parseStored(store.get(key), VERSION);
    },
    writeJSON: function (key, data) {
      return store.set(key, storedText(data, VERSION, new Date()));
    },
    /* keys lists every stored key this site's scripts may use, for export
       and delete. */
    keys: function () {
      if (hub) return Object.keys(hub.mirror).filter(function (k) { return keyAllowed(allowed, k); }).sort();
      if (!store.available) return [];
      return Object.keys(own.all()).sort();
    },
    /* settled calls done once every change so far has reached where the
       answers live, with the keys the shared storage page refused, so a
       page never says it deleted what it did not. */
    settled: function (done) {
      if (!hub || !Object.keys(hub.pending).length) { done([]); return; }
      hub.waiting.push(done);
    }
  };

  function hubSend(msg) {
    msg.joinedup = "storage";
    msg.id = ++hub.next;
    hub.pending[msg.id] = msg.key;
    hub.frame.contentWindow.postMessage(msg, "*");
  }

  /* hubAnswer takes an answer from the shared storage page. */
  function hubAnswer(data) {
    if (data.op === "changed") {
      if (data.key === null) hub.mirror = {};
      else if (keyAllowed(allowed, data.key)) {
        if (data.value === null) delete hub.mirror[data.key]; else hub.mirror[data.key] = data.value;
      }
      var ev;
      try { ev = new window.StorageEvent("storage", { key: data.key, newValue: data.value }); } catch (e) { ev = null; }
      if (ev) window.dispatchEvent(ev);
      return;
    }
    if (!Object.prototype.hasOwnProperty.call(hub.pending, data.id)) return;
    if (data.error) hub.refused.push(hub.pending[data.id]);
    delete hub.pending[data.id];
    if (Object.keys(hub.pending).length) return;
    var refused = hub.refused, waiting = hub.waiting;
    hub.refused = [];
    hub.waiting = [];
    waiting.forEach(function (done) { done(refused); });
  }

  /* connect finds out, on file://, where this page's answers live (see
     above), then calls ready. It waits at most five seconds: the shared
     storage page answers at once, but a busy computer (or a slow shared
     drive) can take a second or two to load it, and a page that gave up
     too soon would keep its answers apart from the rest. */
  function connect(ready) {
    var script = document.querySelector("script[src$='assets/site.js']");
    if (window.location.protocol !== "file:" || window.top !== window || !script || !store.available) { ready(); return; }
    var probe = { key: "joinedup.__probe__", value: String(Math.random()).slice(2) };
    own.set(probe.key, probe.value);
    var frame = el("iframe", { src: script.src.replace(/site\.js$/, "storage.html"), title: "Saved answers", hidden: true, tabindex: "-1", "aria-hidden": "true" });
    var finished = false, loaded = false;
    frame.addEventListener("load", function () { loaded = true; });
    function removeFrame() {
      if (frame.parentNode) frame.parentNode.removeChild(frame);
    }
    function finish(answer) {
      if (finished) return;
      finished = true;
      window.clearTimeout(timer);
      own.remove(probe.key);
      if (!answer || answer.error || answer.shared) {
        store.scope = answer && answer.shared ? "site" : "page";
        /* A frame that did not answer in time is removed once it has
           loaded, not while it loads: stopping it mid-load shows as
           failed requests. */
        if (answer || loaded) removeFrame();
        else frame.addEventListener("load", removeFrame);
      } else {
        store.scope = "hub";
        var mirror = {};
        for (var k in answer.items) if (Object.prototype.hasOwnProperty.call(answer.items, k) && keyAllowed(allowed, k) && k !== probe.key) mirror[k] = answer.items[k];
        hub = { frame: frame, mirror: mirror, pending: {}, refused: [], waiting: [], next: 0 };
        /* What this page kept on its own joins the rest (the shared copy
           wins), and is removed here but for the colour choice. */
        var mine = own.all();
        for (var key in mine) {
          if (!Object.prototype.hasOwnProperty.call(mine, key) || key === probe.key) continue;
          if (key !== THEME_KEY && !Object.prototype.hasOwnProperty.call(mirror, key)) store.set(key, mine[key]);
          if (key !== THEME_KEY) own.remove(key);
        }
        var theme = store.get(THEME_KEY);
        if (theme === null) own.remove(THEME_KEY); else own.set(THEME_KEY, theme);
        applyTheme(theme);
      }
      ready();
    }
    window.addEventListener("message", function (ev) {
      if (ev.source !== frame.contentWindow || !ev.data || ev.data.joinedup !== "storage") return;
      if (ev.data.op === "ready") frame.contentWindow.postMessage({ joinedup: "storage", op: "hello", probe: probe }, "*");
      else if (ev.data.op === "hello") finish(ev.data);
      else if (hub) hubAnswer(ev.data);
    });
    var timer = window.setTimeout(function () { finish(null); }, 5000);
    document.body.appendChild(frame);
  }

  /* el builds an element without innerHTML, so text from storage or from
     a paste can never become markup: el("p", {class: "x"}, "text", child).
     Children may be text, elements, arrays of them, or null (skipped). */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      for (var name in attrs) {
        if (!Object.prototype.hasOwnProperty.call(attrs, name)) continue;
        var value = attrs[name];
        if (value === null || value === undefined || value === false) continue;
        if (name === "text") node.textContent = value;
        else if (name === "class") node.className = value;
        else node.setAttribute(name, value === true ? "" : String(value));
      }
    }
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }
  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { for (var i = 0; i < child.length; i++) append(node, child[i]); return; }
    node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }

  /* empty removes every child of a node. */
  function empty(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  /* button is a type="button" button with the given classes (default
     "button") that calls onClick when pressed. */
  function button(content, className, onClick) {
    var b = el("button", { type: "button", class: className || "button" }, content);
    if (onClick) b.addEventListener("click", onClick);
    return b;
  }

  /* visuallyHidden is text for screen readers only. */
  function visuallyHidden(text) {
    return el("span", { class: "visually-hidden" }, text);
  }

  /* errorMessage is the GOV.UK inline error shown with a control; id is
     for the control's aria-describedby. */
  function errorMessage(id, text) {
    return el("p", { class: "error-message", id: id }, visuallyHidden("Error: "), text);
  }

  /* errorLink is a link in an error summary to the control that needs an
     answer. A pointer's click moves focus at once. A link followed with
     Enter moves it once the key is released, so that the key press does
     not also reach the control and, say, submit its form or type a new
     line. */
  function errorLink(text, target) {
    var a = el("a", { href: "#" + target }, text);
    var timer = null;
    function jump() {
      window.clearTimeout(timer);
      timer = null;
      var t = document.getElementById(target);
      if (t) { t.focus(); t.scrollIntoView({ block: "center" }); }
    }
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      if (ev.detail > 0) jump();
      else if (!timer) timer = window.setTimeout(jump, 300);
    });
    a.addEventListener("keyup", function () { if (timer) jump(); });
    return a;
  }

  /* errorSummary builds the GOV.UK error summary: "There is a problem" and
     a link for each problem to the control that needs an answer. The
     caller puts it at the top of the form or screen and focuses it.
     opts: {id: the title's id, level: the title's heading level,
     alert: true to announce it as an alert, items: [{text, target}] where
     target is a control's id}. */
  function errorSummary(opts) {
    return el("div", { class: "error-summary", tabindex: "-1", role: opts.alert ? "alert" : null, "aria-labelledby": opts.id },
      el("h" + opts.level, { class: "error-summary__title", id: opts.id }, "There is a problem"),
      el("ul", { class: "error-summary__list" }, opts.items.map(function (item) {
        return el("li", null, errorLink(item.text, item.target));
      })));
  }

  /* say puts text in a live region (role="status") so screen readers
     announce it; clearing first makes a repeated message heard again.
     While it is empty the region keeps its height, so that what is below
     it (often the button just pressed) does not jump up and back. */
  function say(region, text) {
    region.style.minHeight = region.getBoundingClientRect().height + "px";
    region.textContent = "";
    window.setTimeout(function () {
      region.textContent = text;
      region.style.minHeight = "";
    }, 50);
  }

  /* storageNotice shows, at the top of a tool, that answers will not be
     kept (storage blocked) or that saved answers could not be read, with a
     button that clears them. opts: {key, problem, onClear}. It returns the
     notice, or null when there is nothing to say. */
  function storageNotice(container, opts) {
    var old = container.querySelector(":scope > .storage-notice");
    if (old) old.parentNode.removeChild(old);
    var notice = null;
    if (!store.available) {
      notice = el("div", { class: "storage-notice notice", role: "status" },
        el("p", null, el("strong", null, "Your answers will not be kept. "),
          "Your browser is not letting this site save anything, so your answers will be lost when you leave this page. You can still use the tool and print or download what you make."));
    } else if (opts && opts.problem) {
      var damaged = store.get(opts.key);
      notice = el("div", { class: "storage-notice notice notice--warning", role: "alert" },
        el("p", null, el("strong", null, "There is a problem with your saved answers. "), opts.problem,
          " The tool has started empty. Clearing the saved answers removes the message."),
        button("Clear the saved answers for this tool", "button button--secondary", function () {
          /* Only while they are still the damaged ones: once the tool
             has saved new answers over them, clearing would lose those. */
          if (store.get(opts.key) === damaged) store.remove(opts.key);
          if (notice.parentNode) notice.parentNode.removeChild(notice);
          if (opts.onClear) opts.onClear();
        }));
    }
    if (notice) container.insertBefore(notice, container.firstChild);
    return notice;
  }

  /* download saves text as a file the browser offers to keep; it works
     over HTTP and from file://. */
  function download(filename, mime, text) {
    var blob = new Blob([text], { type: mime + ";charset=utf-8" });
    var url = window.URL.createObjectURL(blob);
    var a = el("a", { href: url, download: filename, hidden: true });
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { document.body.removeChild(a); window.URL.revokeObjectURL(url); }, 1000);
  }

  function today() {
    return isoDate(new Date());
  }

  /* printPart prints one part of the page (a tool's result or plan)
     instead of the whole page: while the class is on, the print styles
     hide everything else in main. The class goes when printing ends, or
     at the next key press or click, in a browser that does not say when
     printing ends. */
  var PRINT_PART = "print-part", PRINT_TARGET = "print-part__target";
  function endPrintPart() {
    root.classList.remove(PRINT_PART);
    var t = document.querySelectorAll("." + PRINT_TARGET);
    for (var i = 0; i < t.length; i++) t[i].classList.remove(PRINT_TARGET);
  }
  function printPart(part) {
    endPrintPart();
    part.classList.add(PRINT_TARGET);
    root.classList.add(PRINT_PART);
    window.print();
    window.setTimeout(function () {
      document.addEventListener("keydown", endPrintPart, { once: true });
      document.addEventListener("pointerdown", endPrintPart, { once: true });
    }, 0);
  }
  window.addEventListener("afterprint", endPrintPart);

  var THEME_KEY = "joinedup.theme";
  var THEMES = ["light", "dark", "contrast"];
  function applyTheme(theme) {
    if (THEMES.indexOf(theme) >= 0) root.setAttribute("data-theme", theme);
    else root.removeAttribute("data-theme");
  }
  applyTheme(store.get(THEME_KEY));

  /* ThemeSwitch: the colour scheme menu in the header. */
  function ThemeSwitch(module) {
    var select = required(module, "select", ThemeSwitch.moduleName, "the colour scheme menu");
    applyTheme(store.get(THEME_KEY));
    select.value = root.getAttribute("data-theme") || "auto";
    select.addEventListener("change", function () {
      var v = select.value;
      applyTheme(v);
      if (v === "auto") store.remove(THEME_KEY);
      else store.set(THEME_KEY, v);
    });
    module.hidden = false;
  }
  ThemeSwitch.moduleName = "theme-switch";

  /* Header: on a small screen, the buttons that open and close search
     and the menu (GOV.UK's service navigation). CSS folds both away
     only when the buttons show, so on a large screen, and without
     JavaScript, everything is there. Opening search puts the cursor in
     the box; Escape closes what is open and returns to its button. */
  function Header(module) {
    var toggles = module.querySelectorAll("[data-header-toggle]");
    function set(toggle, open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      module.classList.toggle("header--" + toggle.getAttribute("data-header-toggle") + "-open", open);
    }
    [].forEach.call(toggles, function (toggle) {
      var panel = required(document, "#" + toggle.getAttribute("aria-controls"), Header.moduleName, "what a header button opens");
      toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") !== "true";
        set(toggle, open);
        if (open && toggle.getAttribute("data-header-toggle") === "search") {
          var input = panel.querySelector("input");
          if (input) input.focus();
        }
      });
      panel.addEventListener("keydown", function (ev) {
        if ((ev.key === "Escape" || ev.key === "Esc") && toggle.getAttribute("aria-expanded") === "true" && toggle.offsetParent !== null) {
          set(toggle, false);
          toggle.focus();
        }
      });
    });
    /* The "/" key puts the cursor in the search box (search.js); on a
       small screen the box must be opened first. */
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      var t = ev.target, tag = t && t.tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
      var search = module.querySelector("[data-header-toggle=search]");
      if (search) set(search, true);
    }, true);
  }
  Header.moduleName = "header";

  /* StartNow: a tool page's "Start now" link. Without JavaScript it
     goes to the paper version; with it, to the tool, whose element
     data-start names, and puts focus there. */
  function StartNow(link) {
    var selector = link.getAttribute("data-start");
    link.addEventListener("click", function (ev) {
      var target = selector && document.querySelector(selector);
      if (!target || !target.getClientRects().length) return;
      ev.preventDefault();
      if (!target.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) target.setAttribute("tabindex", "-1");
      // The class leaves room above it, so its focus ring is not cut off.
      // A heading in a legend is scrolled to with its legend, so the
      // caption above it ("Question 1") is in view too.
      var view = target.closest("legend") || target;
      view.classList.add("start-now__target");
      view.scrollIntoView({ block: "start" });
      target.focus({ preventScroll: true });
    });
    /* A link that looks like a button is pressed with Space too. */
    link.addEventListener("keydown", function (ev) {
      if (ev.key === " ") { ev.preventDefault(); link.click(); }
    });
  }
  StartNow.moduleName = "start-now";

  /* PrintPage: a button that prints the page. */
  function PrintPage(module) {
    module.addEventListener("click", function () { window.print(); });
    module.hidden = false;
  }
  PrintPage.moduleName = "print-page";

  /* printMarks sets what the page margin of a printout shows (see
     @page in site.css): the site's name, the page's address without
     the part that names a tool's screen, and today's date. */
  function printMarks() {
    var title = document.querySelector(".header__title");
    var address = window.location.href.replace(/#.*$/, "");
    root.style.setProperty("--print-site", JSON.stringify(title ? title.textContent.trim() : ""));
    root.style.setProperty("--print-address", JSON.stringify(address));
    root.style.setProperty("--print-date", JSON.stringify("Printed " + longDate(today())));
  }

  /* Printing opens every <details> so nothing is hidden on paper, then
     restores them. */
  var opened = [];
  window.addEventListener("beforeprint", printMarks);
  window.addEventListener("beforeprint", function () {
    var all = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < all.length; i++) { all[i].open = true; opened.push(all[i]); }
  });
  window.addEventListener("afterprint", function () {
    while (opened.length) opened.pop().open = false;
  });

  var components = {};
  function register(Component) {
    components[Component.moduleName] = Component;
  }
  register(Header);
  register(StartNow);
  register(ThemeSwitch);
  register(PrintPage);

  function start() {
    startAll(document.querySelectorAll("[data-module]"), components, function (name, e) {
      if (window.console) window.console.error("joinedup: " + name + " failed to start: " + e.message, e);
    });
  }

  window.joinedup = {
    store: store, register: register, start: start, ElementError: ElementError, required: required,
    el: el, empty: empty, button: button, visuallyHidden: visuallyHidden, errorMessage: errorMessage, errorSummary: errorSummary,
    say: say, storageNotice: storageNotice, download: download, csv: csv, csvFile: csvFile, today: today, quantity: quantity,
    clock: clock, longDate: longDate, printPart: printPart, parseStored: parseStored
  };
  function ready() {
    printMarks();
    connect(start);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
