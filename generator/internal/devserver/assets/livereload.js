/* The dev server's live reload (never part of a built site). It listens to
   the server's event stream: when a newer build is in service the page
   reloads; when the latest build failed, its problems are shown over the
   page, which stays the last good build. Built from DOM nodes and
   textContent only, so no message can inject markup, and loaded as a
   same-origin file, so the site's Content-Security-Policy holds. */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.EventSource) { return; }
  var build = me.getAttribute("data-build") || "";
  var base = me.src.replace(/livereload\.js(\?.*)?$/, "");
  var overlay = null;
  var styled = false;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function style() {
    if (styled) { return; }
    styled = true;
    var link = el("link");
    link.rel = "stylesheet";
    link.href = base + "livereload.css";
    document.head.appendChild(link);
  }

  function hide() {
    if (overlay) { overlay.parentNode.removeChild(overlay); overlay = null; }
  }

  function show(problems) {
    style();
    hide();
    overlay = el("div", "joinedup-dev-overlay");
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-labelledby", "joinedup-dev-title");
    overlay.setAttribute("data-problems", String(problems.length));
    var box = el("div", "joinedup-dev-overlay__box");
    var title = el("h2", "joinedup-dev-overlay__title",
      problems.length === 1 ? "The site did not build: 1 problem" :
        "The site did not build: " + problems.length + " problems");
    title.id = "joinedup-dev-title";
    title.tabIndex = -1;
    box.appendChild(title);
    box.appendChild(el("p", "joinedup-dev-overlay__note",
      build ? "Underneath is the last good build. Fix the problems and save: the page reloads." :
        "Fix the problems and save: the page reloads when the site builds."));
    var list = el("ol", "joinedup-dev-overlay__list");
    problems.forEach(function (p) {
      var item = el("li", "joinedup-dev-problem");
      var head = el("p", "joinedup-dev-problem__head");
      if (p.pos) { head.appendChild(el("code", "joinedup-dev-problem__pos", p.pos)); head.appendChild(document.createTextNode(" ")); }
      head.appendChild(el("span", "joinedup-dev-problem__msg", p.msg));
      item.appendChild(head);
      if (p.source && p.source.length) {
        var pre = el("pre", "joinedup-dev-problem__source");
        p.source.forEach(function (l) {
          var line = el("span", "joinedup-dev-line" + (l.here ? " joinedup-dev-line--here" : ""));
          line.appendChild(el("span", "joinedup-dev-line__n", String(l.n)));
          line.appendChild(document.createTextNode(l.text + "\n"));
          pre.appendChild(line);
          if (l.here && p.col > 0) {
            /* The text before the column, hidden: the caret then sits
               under its character however wide the characters before it
               are (Chinese, emoji, tabs). */
            var pad = Array.from(l.text).slice(0, p.col - 1).join("");
            var caret = el("span", "joinedup-dev-line joinedup-dev-line--caret");
            caret.appendChild(el("span", "joinedup-dev-line__n", ""));
            caret.appendChild(el("span", "joinedup-dev-line__pad", pad));
            caret.appendChild(document.createTextNode("^\n"));
            pre.appendChild(caret);
          }
        });
        item.appendChild(pre);
      }
      list.appendChild(item);
    });
    box.appendChild(list);
    var close = el("button", "joinedup-dev-overlay__close", "Hide until the next build");
    close.type = "button";
    close.addEventListener("click", hide);
    box.appendChild(close);
    overlay.appendChild(box);
    document.body.appendChild(overlay);
    title.focus();
  }

  var events = new EventSource(base + "events");
  // Tells tests (and the curious) that the page is listening.
  events.addEventListener("open", function () {
    document.documentElement.setAttribute("data-livereload", "open");
  });
  events.addEventListener("state", function (e) {
    var s;
    try { s = JSON.parse(e.data); } catch (err) { return; }
    if (s.problems && s.problems.length) {
      show(s.problems);
    } else if (s.build && s.build !== build) {
      events.close();
      window.location.reload();
    } else {
      hide();
    }
  });
})();
