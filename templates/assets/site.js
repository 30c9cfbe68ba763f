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

  window.joinedup = { store: store, modules: modules, start: start };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
