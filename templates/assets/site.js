/* joinedup site script. A plain script (no modules, so it runs from file://),
   loaded in <head> so a saved colour scheme applies before the page paints.
   Each part starts from an element's data-module attribute; one part failing
   does not stop the others. The page works fully without this file. */
(function () {
  "use strict";

  var root = document.documentElement;
  root.className = root.className.replace(/\bno-js\b/, "js");

  /* Storage: only keys listed in window.joinedupStorageKeys (generated from
     the list the privacy page shows) may be used. Where the browser blocks
     storage, tools still work for the visit. */
  var allowed = window.joinedupStorageKeys || [];
  var store = {
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
      for (var i = 0; i < allowed.length; i++) {
        var a = allowed[i];
        if (a === key || (a.charAt(a.length - 1) === "*" && key.indexOf(a.slice(0, -1)) === 0)) return;
      }
      throw new Error("joinedup: storage key " + key + " is not in the list on the privacy page");
    },
    get: function (key) {
      store.check(key);
      if (!store.available) return null;
      try { return window.localStorage.getItem(key); } catch (e) { return null; }
    },
    set: function (key, value) {
      store.check(key);
      if (!store.available) return false;
      try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
    },
    remove: function (key) {
      store.check(key);
      if (!store.available) return;
      try { window.localStorage.removeItem(key); } catch (e) { /* nothing to do */ }
    }
  };

  /* Stored values are JSON {"v": version, "saved": date, "data": ...}.
     readJSON never throws: a missing value gives {data: null}; a value that
     is not JSON, has another version or the wrong shape gives a problem in
     plain words, which the tool shows with a way to clear it. */
  var VERSION = window.joinedupStorageVersion || 1;
  store.version = VERSION;
  store.readJSON = function (key) {
    var raw = store.get(key);
    if (raw === null || raw === undefined) return { data: null, problem: null };
    var v;
    try { v = JSON.parse(raw); } catch (e) { v = undefined; }
    if (!v || typeof v !== "object" || !("data" in v)) {
      return { data: null, problem: "Your saved answers could not be read. They may have been damaged." };
    }
    if (v.v !== VERSION) {
      return { data: null, problem: "Your saved answers were saved by a different version of this site (version " + String(v.v).slice(0, 10) + ") and cannot be read by this one." };
    }
    return { data: v.data, problem: null };
  };
  store.writeJSON = function (key, data) {
    return store.set(key, JSON.stringify({ v: VERSION, saved: new Date().toISOString(), data: data }));
  };
  /* Every stored key this site's scripts may use, for export and delete. */
  store.keys = function () {
    var out = [];
    if (!store.available) return out;
    try {
      for (var i = 0; i < window.localStorage.length; i++) {
        var k = window.localStorage.key(i);
        try { store.check(k); out.push(k); } catch (e) { /* not ours */ }
      }
    } catch (e) { /* storage went away */ }
    return out.sort();
  };

  /* el builds an element without innerHTML, so text from storage or from
     a paste can never become markup: el("p", {class: "x"}, "text", child). */
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

  /* say puts text in a live region (role="status") so screen readers
     announce it; clearing first makes a repeated message heard again. */
  function say(region, text) {
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
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
      var button = el("button", { type: "button", class: "button button--secondary" }, "Clear the saved answers for this tool");
      notice = el("div", { class: "storage-notice notice notice--warning", role: "alert" },
        el("p", null, el("strong", null, "There is a problem with your saved answers. "), opts.problem,
          " The tool has started empty. Clearing the saved answers removes the message."),
        button);
      button.addEventListener("click", function () {
        store.remove(opts.key);
        if (notice.parentNode) notice.parentNode.removeChild(notice);
        if (opts.onClear) opts.onClear();
      });
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

  /* csv turns rows of values into CSV text (RFC 4180). A value starting
     with = + - @ or a tab is prefixed with ' so a spreadsheet does not run
     it as a formula. */
  function csv(rows) {
    return rows.map(function (row) {
      return row.map(function (v) {
        var s = v === null || v === undefined ? "" : String(v);
        if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
        return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
      }).join(",");
    }).join("\r\n") + "\r\n";
  }

  /* today is the local date as YYYY-MM-DD. */
  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  /* Ladder results. A result code is "JU" + format version + "-" + one
     digit per dimension (1 to 9 for the rung, 0 for "I do not know"), in
     the order of the assessment data, + "-" + two check digits (ISO 7064
     MOD 97-10 over the version and the digits, as in an IBAN). It holds
     nothing else: no names, no free text. */
  var CODE_VERSION = 1;
  var ladder = {
    codeVersion: CODE_VERSION,
    /* overall: the rung from a list of answers (0 = do not know): the
       median of the known answers, rounded down; the spread (highest
       minus lowest) and whether it makes a "mixed picture" (3 or more). */
    overall: function (rungs) {
      var known = rungs.filter(function (r) { return r > 0; }).sort(function (a, b) { return a - b; });
      if (!known.length) return { rung: 0, known: 0, spread: 0, mixed: false };
      var n = known.length, mid = Math.floor(n / 2);
      var median = n % 2 ? known[mid] : Math.floor((known[mid - 1] + known[mid]) / 2);
      var spread = known[n - 1] - known[0];
      return { rung: median, known: n, spread: spread, mixed: spread >= 3 };
    },
    checkDigits: function (body) {
      var r = 0;
      for (var i = 0; i < body.length; i++) r = (r * 10 + (body.charCodeAt(i) - 48)) % 97;
      r = (r * 100) % 97;
      var c = 98 - r;
      return (c < 10 ? "0" : "") + c;
    },
    encode: function (rungs) {
      var digits = rungs.map(function (r) { return String(r); }).join("");
      return "JU" + CODE_VERSION + "-" + digits + "-" + ladder.checkDigits(String(CODE_VERSION) + digits);
    },
    /* decode checks one code against the number of dimensions. It returns
       {rungs: [...]} or {error: "plain words"}. */
    decode: function (code, dimensions) {
      var m = /^JU(\d{1,3})-(\d{1,40})-(\d{2})$/i.exec(String(code).trim());
      if (!m) return { error: "This is not a result code. A code looks like JU1-34543456-12." };
      if (Number(m[1]) !== CODE_VERSION) return { error: "This code is from a different version of the self-assessment (version " + m[1] + "), so it cannot be read here." };
      if (m[2].length !== dimensions) return { error: "This code has " + m[2].length + " answers, but the self-assessment has " + dimensions + ". Check that it was copied whole." };
      if (ladder.checkDigits(m[1].replace(/^0+/, "") + m[2]) !== m[3]) return { error: "This code's check digits do not match, so a character was probably mistyped. Ask for it again." };
      var rungs = m[2].split("").map(Number);
      if (!rungs.some(function (r) { return r > 0; })) return { error: "This code has no answers (every dimension is \"I do not know\")." };
      return { rungs: rungs };
    },
    /* pattern finds codes inside other text, such as a chat message. */
    pattern: /\bJU\d{1,3}-\d{1,40}-\d{2}\b/gi
  };

  var THEME_KEY = "joinedup.theme";
  var THEMES = ["light", "dark", "contrast"];
  function applyTheme(theme) {
    if (THEMES.indexOf(theme) >= 0) root.setAttribute("data-theme", theme);
    else root.removeAttribute("data-theme");
  }
  applyTheme(store.get(THEME_KEY));

  var modules = {
    "theme-switch": function (el) {
      var select = el.querySelector("select");
      select.value = root.getAttribute("data-theme") || "auto";
      select.addEventListener("change", function () {
        var v = select.value;
        applyTheme(v);
        if (v === "auto") store.remove(THEME_KEY);
        else store.set(THEME_KEY, v);
      });
      el.hidden = false;
    },
    "print-page": function (el) {
      el.addEventListener("click", function () { window.print(); });
      el.hidden = false;
    }
  };

  /* Printing opens every <details> so nothing is hidden on paper, then
     restores them. */
  var opened = [];
  window.addEventListener("beforeprint", function () {
    var all = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < all.length; i++) { all[i].open = true; opened.push(all[i]); }
  });
  window.addEventListener("afterprint", function () {
    while (opened.length) opened.pop().open = false;
  });

  function start() {
    var els = document.querySelectorAll("[data-module]");
    for (var i = 0; i < els.length; i++) {
      var name = els[i].getAttribute("data-module");
      var init = modules[name];
      if (!init || els[i].getAttribute("data-module-started")) continue;
      try {
        init(els[i]);
        els[i].setAttribute("data-module-started", "true");
      } catch (e) {
        if (window.console) window.console.error("joinedup: " + name + " failed to start", e);
      }
    }
  }

  window.joinedup = {
    store: store, modules: modules, start: start,
    el: el, say: say, storageNotice: storageNotice, download: download, csv: csv, today: today, ladder: ladder
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
