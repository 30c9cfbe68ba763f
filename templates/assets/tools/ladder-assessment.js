/* Partnership ladder self-assessment. The page holds the paper version of
   the questionnaire (every question, statement, rung and idea); this script
   reads it, hides it, and runs the same questions as a step-by-step tool:
   name the relationship, answer, check your answers, see the result. Saved
   relationships and their dated results live under joinedup.assessments in
   this browser only. */
(function () {
  "use strict";

  var KEY = "joinedup.assessments";
  var NAME_MAX = 80;
  var WIDE = "(min-width: 40rem)";

  /* readSource collects the questionnaire from the paper version, so the
     words live in one place (the data files) and never in this script. */
  function readSource(root) {
    var paper = root.querySelector("[data-la-paper]");
    var dims = [];
    var sets = paper.querySelectorAll("[data-la-dimension]");
    for (var i = 0; i < sets.length; i++) {
      var fs = sets[i], id = fs.getAttribute("data-la-dimension");
      var descs = [], ds = fs.querySelectorAll("[data-la-descriptor]");
      for (var j = 0; j < ds.length; j++) descs.push(ds[j].textContent);
      var ideas = paper.querySelector('[data-la-ideas="' + id + '"]');
      dims.push({
        id: id,
        title: fs.querySelector("[data-la-title]").textContent,
        question: fs.querySelector("[data-la-question]").textContent,
        descriptors: descs,
        ideas: ideas
      });
    }
    var rungs = [], rows = paper.querySelectorAll("[data-la-rung]");
    for (var k = 0; k < rows.length; k++) {
      rungs.push({
        n: Number(rows[k].getAttribute("data-la-rung")),
        name: rows[k].querySelector("[data-la-name]").textContent,
        gloss: rows[k].querySelector("[data-la-gloss]").textContent,
        looksLike: rows[k].getAttribute("data-la-looks-like"),
        moveUp: rows[k].getAttribute("data-la-move-up")
      });
    }
    return { paper: paper, dims: dims, rungs: rungs, rule: paper.querySelector("[data-la-rule]").textContent };
  }

  /* valid checks the shape of stored data, so a damaged or hand-edited
     value is reported instead of breaking the page. */
  function valid(data, dimCount) {
    if (!data || typeof data !== "object" || !Array.isArray(data.relationships)) return false;
    return data.relationships.every(function (r) {
      return r && typeof r === "object" && typeof r.id === "string" && typeof r.name === "string" &&
        r.name.length > 0 && r.name.length <= NAME_MAX && Array.isArray(r.snapshots) &&
        r.snapshots.every(function (s) {
          return s && typeof s === "object" && typeof s.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s.date) &&
            Array.isArray(s.answers) && s.answers.length === dimCount &&
            s.answers.every(function (a) { return a === Math.floor(a) && a >= 0 && a <= 9; }) &&
            (s.target === 0 || (s.target === Math.floor(s.target) && s.target >= 1 && s.target <= 9));
        });
    });
  }

  window.joinedup.modules["ladder-assessment"] = function (root) {
    var ju = window.joinedup, el = ju.el, store = ju.store;
    var src = readSource(root);
    var app = root.querySelector("[data-la-app]");
    var dims = src.dims, rungs = src.rungs;
    var baseTitle = document.title;

    var saved = { relationships: [] };
    var problem = null;
    var read = store.readJSON(KEY);
    if (read.problem) problem = read.problem;
    else if (read.data !== null && !valid(read.data, dims.length)) problem = "Your saved answers could not be read. They may have been damaged.";
    else if (read.data) saved = read.data;

    /* state is the visit's progress; only named relationships and finished
       results are stored. */
    var state = { screen: "start", rel: null, answers: [], question: 0, fromCheck: false, snapshot: null, confirmDelete: false };

    var status = el("div", { class: "visually-hidden", role: "status" });
    var screen = el("div", { class: "ladder-assessment__screen" });
    app.appendChild(screen);
    app.appendChild(status);
    src.paper.hidden = true;
    app.hidden = false;

    function persist() {
      return store.writeJSON(KEY, saved);
    }
    function rungName(n) { return rungs[n - 1] ? rungs[n - 1].name : ""; }
    function wide() { return !!(window.matchMedia && window.matchMedia(WIDE).matches); }
    function button(text, cls, onClick, extra) {
      var b = el("button", { type: "button", class: "button" + (cls ? " " + cls : "") }, text, extra || null);
      b.addEventListener("click", onClick);
      return b;
    }
    function hiddenText(text) { return el("span", { class: "visually-hidden" }, text); }

    /* show replaces the screen. focus is true when the learner moved
       there, so focus goes to the new heading; never on first load. */
    function show(focus) {
      while (screen.firstChild) screen.removeChild(screen.firstChild);
      document.title = baseTitle;
      app.setAttribute("data-la-screen", state.screen);
      var heading = screens[state.screen]();
      ju.storageNotice(screen, { key: KEY, problem: problem, onClear: function () { problem = null; saved = { relationships: [] }; state.screen = "start"; show(true); } });
      if (focus && heading) heading.focus();
    }

    /* errorSummary puts a GOV.UK error summary at the top of the screen and
       focuses it. errors: [{text, target}] where target is an element id. */
    function errorSummary(errors) {
      var list = el("ul", { class: "error-summary__list" });
      errors.forEach(function (e) {
        var a = el("a", { href: "#" + e.target }, e.text);
        var timer = null;
        function jump() {
          window.clearTimeout(timer);
          timer = null;
          var t = document.getElementById(e.target);
          if (t) { t.focus(); t.scrollIntoView({ block: "center" }); }
        }
        /* A link followed with Enter moves focus once the key is released,
           so the key does not also reach the control and submit its form.
           A click from a pointer (detail > 0) moves it at once. */
        a.addEventListener("click", function (ev) {
          ev.preventDefault();
          if (ev.detail > 0) jump();
          else if (!timer) timer = window.setTimeout(jump, 300);
        });
        a.addEventListener("keyup", function () { if (timer) jump(); });
        list.appendChild(el("li", null, a));
      });
      var box = el("div", { class: "error-summary", tabindex: "-1", "aria-labelledby": "la-error-title" },
        el("h3", { class: "error-summary__title", id: "la-error-title" }, "There is a problem"), list);
      screen.insertBefore(box, screen.firstChild);
      document.title = "Error: " + baseTitle;
      box.focus();
    }

    var screens = {
      start: startScreen,
      questions: questionsScreen,
      check: checkScreen,
      result: resultScreen,
      history: historyScreen
    };

    /* Start: a list of saved relationships and a form to name a new one. */
    function startScreen(error) {
      var h = el("h3", { tabindex: "-1", class: "ladder-assessment__heading" }, "Choose a working relationship");
      screen.appendChild(h);
      if (saved.relationships.length) {
        var list = el("ul", { class: "ladder-assessment__relationships" });
        saved.relationships.forEach(function (r) {
          var last = r.snapshots[r.snapshots.length - 1];
          var info = r.snapshots.length ? r.snapshots.length + (r.snapshots.length === 1 ? " saved result" : " saved results") + ", latest " + last.date +
            " (rung " + ju.ladder.overall(last.answers).rung + ")" : "No saved results yet";
          list.appendChild(el("li", { class: "ladder-assessment__relationship" },
            el("p", { class: "ladder-assessment__relationship-name" }, r.name),
            el("p", { class: "hint" }, info),
            el("div", { class: "button-group" },
              button("Assess again", "", function () { begin(r); }, hiddenText(": " + r.name)),
              button(r.snapshots.length ? "Change over time" : "Delete", "button--secondary", function () { state.rel = r; state.confirmDelete = !r.snapshots.length; state.screen = "history"; show(true); }, hiddenText(": " + r.name)))));
        });
        screen.appendChild(el("h4", null, "Your saved relationships"));
        screen.appendChild(list);
        screen.appendChild(el("h4", null, "Or start a new one"));
      }
      var errId = "la-name-error";
      var input = el("input", {
        class: "input" + (error ? " input--error" : ""), id: "la-name", name: "la-name", type: "text", autocomplete: "off",
        spellcheck: "false", "aria-describedby": "la-name-hint" + (error ? " " + errId : "")
      });
      var group = el("div", { class: "form-group" + (error ? " form-group--error" : "") },
        el("label", { class: "label", for: "la-name" }, "Which working relationship are you rating?"),
        el("p", { class: "hint", id: "la-name-hint" }, "Name the two teams or agencies, for example \u201cour team and the GP practice\u201d. Never write the names of people. Up to " + NAME_MAX + " characters."),
        error ? el("p", { class: "error-message", id: errId }, el("span", { class: "visually-hidden" }, "Error: "), error.text) : null,
        input);
      if (error) input.value = error.value;
      var form = el("form", { class: "ladder-assessment__form", novalidate: true }, group,
        el("div", { class: "button-group" }, el("button", { type: "submit", class: "button" }, "Start")));
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var name = input.value.replace(/\s+/g, " ").trim();
        var msg = null;
        if (!name) msg = "Enter the working relationship you are rating";
        else if (name.length > NAME_MAX) msg = "The name must be " + NAME_MAX + " characters or fewer";
        else {
          for (var i = 0; i < saved.relationships.length; i++) {
            if (saved.relationships[i].name.toLowerCase() === name.toLowerCase()) msg = "You already have a relationship called \u201c" + saved.relationships[i].name + "\u201d: choose \u201cAssess again\u201d for it, or use another name";
          }
        }
        if (msg) {
          rerenderStart({ text: msg, value: input.value });
          return;
        }
        var r = { id: "r" + Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36), name: name, created: ju.today(), snapshots: [] };
        saved.relationships.push(r);
        persist();
        begin(r);
      });
      screen.appendChild(form);
      return h;
    }
    function rerenderStart(error) {
      while (screen.firstChild) screen.removeChild(screen.firstChild);
      startScreen(error);
      ju.storageNotice(screen, { key: KEY, problem: problem, onClear: function () { problem = null; saved = { relationships: [] }; show(true); } });
      errorSummary([{ text: error.text, target: "la-name" }]);
    }

    function begin(r) {
      state.rel = r;
      state.answers = dims.map(function () { return null; });
      state.question = 0;
      state.fromCheck = false;
      state.screen = "questions";
      show(true);
    }

    /* Questions: one per screen below 40rem, all on one screen above. */
    function questionFieldset(i, showing, error) {
      var d = dims[i], name = "la-q-" + d.id, errId = "la-error-" + d.id;
      var legendText = [];
      if (showing === "one") legendText.push(el("span", { class: "ladder-assessment__progress" }, "Question " + (i + 1) + " of " + dims.length));
      legendText.push(d.title);
      var heading = el(showing === "one" ? "h3" : "h4", { class: "ladder-assessment__question-title", id: "la-q-title-" + d.id, tabindex: "-1" }, legendText);
      var list = el("ul", { class: "radios" });
      function radio(value, label) {
        var id = name + "-" + value;
        var input = el("input", { class: "radios__input", type: "radio", id: id, name: name, value: value });
        if (state.answers[i] === value) input.checked = true;
        input.addEventListener("change", function () { state.answers[i] = value; });
        return el("li", { class: "radios__item" }, input, el("label", { class: "radios__label", for: id }, label));
      }
      d.descriptors.forEach(function (text, j) {
        list.appendChild(radio(j + 1, [el("span", { class: "ladder-assessment__num" }, "Rung " + (j + 1) + ":"), " ", text]));
      });
      list.appendChild(el("li", { class: "radios__divider" }, "or"));
      list.appendChild(radio(0, "I do not know"));
      var fs = el("fieldset", { class: "fieldset", "aria-describedby": "la-q-hint-" + d.id + (error ? " " + errId : "") },
        el("legend", { class: "fieldset__legend" }, heading),
        el("p", { class: "hint", id: "la-q-hint-" + d.id }, d.question),
        error ? el("p", { class: "error-message", id: errId }, el("span", { class: "visually-hidden" }, "Error: "), error) : null,
        list);
      return { node: el("div", { class: "form-group ladder-assessment__question" + (error ? " form-group--error" : "") }, fs), heading: heading, first: name + "-1" };
    }

    function questionsScreen(errors) {
      var one = !wide() || state.fromCheck;
      var indexes = one ? [state.question] : dims.map(function (_, i) { return i; });
      var h;
      if (one) {
        h = null;
      } else {
        h = el("h3", { tabindex: "-1", class: "ladder-assessment__heading" }, "Rate the relationship");
        screen.appendChild(h);
      }
      screen.appendChild(el("p", { class: "ladder-assessment__for" }, "Rating: ", el("strong", null, state.rel.name)));
      var form = el("form", { class: "ladder-assessment__form", novalidate: true });
      var missing = [];
      indexes.forEach(function (i) {
        var err = errors && errors[i] ? errors[i] : null;
        var q = questionFieldset(i, one ? "one" : "all", err);
        if (!h) h = q.heading;
        if (err) missing.push({ text: err, target: q.first });
        form.appendChild(q.node);
      });
      var cont = el("button", { type: "submit", class: "button" }, state.fromCheck ? "Save and go back to your answers" : (one && state.question < dims.length - 1 ? "Continue" : "Check your answers"));
      var back = button("Back", "button--secondary", function () {
        if (state.fromCheck) { state.fromCheck = false; state.screen = "check"; }
        else if (one && state.question > 0) state.question--;
        else state.screen = "start";
        show(true);
      });
      form.appendChild(el("div", { class: "button-group" }, cont, back));
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var errs = {}, any = false;
        indexes.forEach(function (i) {
          if (state.answers[i] === null) { errs[i] = "Select the statement that fits best, or \u201cI do not know\u201d"; any = true; }
        });
        if (any) {
          while (screen.firstChild) screen.removeChild(screen.firstChild);
          questionsScreen(errs);
          var list = [];
          indexes.forEach(function (i) { if (errs[i]) list.push({ text: dims[i].title + ": " + errs[i].charAt(0).toLowerCase() + errs[i].slice(1), target: "la-q-" + dims[i].id + "-1" }); });
          errorSummary(list);
          return;
        }
        if (state.fromCheck) { state.fromCheck = false; state.screen = "check"; }
        else if (one && state.question < dims.length - 1) state.question++;
        else state.screen = "check";
        show(true);
      });
      screen.appendChild(form);
      return h;
    }

    /* Check your answers: a summary list with a Change button per row. */
    function checkScreen(error) {
      var h = el("h3", { tabindex: "-1", class: "ladder-assessment__heading" }, "Check your answers");
      screen.appendChild(h);
      screen.appendChild(el("p", { class: "ladder-assessment__for" }, "Rating: ", el("strong", null, state.rel.name)));
      var dl = el("dl", { class: "summary-list ladder-assessment__summary" });
      dims.forEach(function (d, i) {
        var a = state.answers[i];
        var change = el("button", { type: "button", class: "link-button" }, "Change", hiddenText(" your answer to " + d.title.toLowerCase()));
        change.addEventListener("click", function () {
          state.question = i;
          state.fromCheck = true;
          state.screen = "questions";
          show(true);
        });
        dl.appendChild(el("div", { class: "summary-list__row" },
          el("dt", null, d.title),
          el("dd", { "data-la-answer": d.id }, a ? "Rung " + a + ": " + d.descriptors[a - 1] : "I do not know"),
          el("dd", { class: "summary-list__actions" }, change)));
      });
      screen.appendChild(dl);
      if (error) screen.appendChild(el("p", { class: "error-message", id: "la-check-error" }, el("span", { class: "visually-hidden" }, "Error: "), error));
      var see = button("See your result", "", function () {
        if (ju.ladder.overall(state.answers).known === 0) {
          while (screen.firstChild) screen.removeChild(screen.firstChild);
          checkScreen("Choose a statement for at least one question: every answer is \u201cI do not know\u201d, so there is no result");
          errorSummary([{ text: "Choose a statement for at least one question", target: "la-see-result" }]);
          return;
        }
        var snap = { date: ju.today(), answers: state.answers.slice(), target: 0 };
        state.rel.snapshots.push(snap);
        state.snapshot = snap;
        var ok = persist();
        state.screen = "result";
        show(true);
        ju.say(status, ok ? "Your result is saved in this browser." : "Your result could not be saved, but you can print it.");
      });
      see.id = "la-see-result";
      screen.appendChild(el("div", { class: "button-group" }, see,
        button("Back", "button--secondary", function () { state.question = dims.length - 1; state.screen = "questions"; show(true); })));
      return h;
    }

    /* extremes names the dimensions with the highest and lowest answers. */
    function extremes(answers) {
      var hi = 0, lo = 10;
      answers.forEach(function (a) { if (a > 0) { hi = Math.max(hi, a); lo = Math.min(lo, a); } });
      function named(v) {
        var out = [];
        answers.forEach(function (a, i) { if (a === v) out.push(dims[i].title); });
        return out.join(", ");
      }
      return { hi: hi, lo: lo, hiNames: named(hi), loNames: named(lo) };
    }

    var SVG = "http://www.w3.org/2000/svg";
    function svg(tag, attrs, text) {
      var n = document.createElementNS(SVG, tag);
      for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) n.setAttribute(k, String(attrs[k]));
      if (text) n.textContent = text;
      return n;
    }

    /* ladderPicture draws the nine rungs, top rung at the top, marking the
       current rung and the target in words as well as colour. */
    function ladderPicture(rung, target, descId) {
      var step = 34, top = 10, h = top * 2 + step * rungs.length;
      var pic = svg("svg", { class: "ladder-assessment__svg", viewBox: "0 0 360 " + h, role: "img", "aria-labelledby": descId, focusable: "false" });
      pic.appendChild(svg("rect", { class: "ladder-assessment__rail", x: 20, y: top - 6, width: 6, height: step * rungs.length + 6 }));
      pic.appendChild(svg("rect", { class: "ladder-assessment__rail", x: 134, y: top - 6, width: 6, height: step * rungs.length + 6 }));
      for (var n = rungs.length; n >= 1; n--) {
        var y = top + (rungs.length - n) * step;
        var cls = "ladder-assessment__step";
        if (n === rung) cls += " ladder-assessment__step--now";
        if (n === target) cls += " ladder-assessment__step--target";
        pic.appendChild(svg("rect", { class: cls, x: 26, y: y + 6, width: 108, height: step - 12, rx: 3 }));
        var label = n + " " + rungName(n);
        var marks = [];
        if (n === rung) marks.push("now");
        if (n === target) marks.push("target");
        pic.appendChild(svg("text", { class: "ladder-assessment__svg-label" + (marks.length ? " ladder-assessment__svg-label--mark" : ""), x: 150, y: y + step / 2 + 5 },
          label + (marks.length ? " \u2190 " + marks.join(" and ") : "")));
      }
      return pic;
    }

    function pictureText(rung, target) {
      var t = "A ladder of " + rungs.length + " rungs, from rung 1 (" + rungName(1) + ") at the bottom to rung " + rungs.length + " (" + rungName(rungs.length) + ") at the top. This relationship is on rung " + rung + " (" + rungName(rung) + ").";
      if (target) t += target === rung ? " The target is the same rung." : " The target is rung " + target + " (" + rungName(target) + ").";
      return t;
    }

    function ladderTable(rung, target) {
      var body = el("tbody");
      for (var n = rungs.length; n >= 1; n--) {
        var marks = [];
        if (n === rung) marks.push("Now");
        if (n === target) marks.push("Target");
        body.appendChild(el("tr", { class: marks.length ? "ladder-assessment__row--mark" : null },
          el("td", null, String(n)), el("th", { scope: "row" }, rungName(n)), el("td", null, marks.join(" and "))));
      }
      return el("details", { class: "ladder-assessment__table-details" },
        el("summary", null, "Show the ladder as a table"),
        el("div", { class: "table-wrap" }, el("table", { class: "ladder-assessment__table" },
        el("caption", { class: "visually-hidden" }, "The ladder as a table, top rung first"),
        el("thead", null, el("tr", null, el("th", { scope: "col" }, "Rung"), el("th", { scope: "col" }, "Name"), el("th", { scope: "col" }, "This relationship"))),
        body)));
    }

    function gapText(rung, target) {
      if (!target) return "Choose a target rung to see the gap.";
      if (target > rung) return "The target is rung " + target + " (" + rungName(target) + "): " + (target - rung) + (target - rung === 1 ? " rung" : " rungs") + " above where this relationship is now.";
      if (target === rung) return "The target is rung " + target + " (" + rungName(target) + "): this relationship is there now. Keep it there.";
      return "The target is rung " + target + " (" + rungName(target) + "): this relationship is already " + (rung - target) + (rung - target === 1 ? " rung" : " rungs") + " above it.";
    }

    /* weakest picks up to three dimensions with the lowest known answers,
       below the top rung, in question order for ties. */
    function weakest(answers) {
      var idx = [];
      answers.forEach(function (a, i) { if (a > 0 && a < rungs.length) idx.push(i); });
      idx.sort(function (x, y) { return answers[x] - answers[y] || x - y; });
      return idx.slice(0, 3);
    }

    function resultScreen() {
      var snap = state.snapshot, answers = snap.answers;
      var o = ju.ladder.overall(answers);
      var h = el("h3", { tabindex: "-1", class: "ladder-assessment__heading" }, "Your result");
      screen.appendChild(h);
      screen.appendChild(el("div", { class: "panel ladder-assessment__panel" },
        el("p", { class: "panel__title", "data-la-result": o.rung }, "Rung " + o.rung + ": " + rungName(o.rung)),
        el("p", { class: "panel__body" }, state.rel.name, el("br"), "Assessed on " + snap.date)));
      screen.appendChild(el("p", null, el("strong", null, "How this is worked out: "), "your rung is the middle (median) of your answers, rounded down; \u201cI do not know\u201d answers are left out."));
      var known = o.known, unknown = answers.length - known;
      var facts = el("ul", { class: "ladder-assessment__facts" });
      facts.appendChild(el("li", null, "You chose a statement for " + known + " of " + answers.length + " questions" + (unknown ? "; " + unknown + " \u201cI do not know\u201d " + (unknown === 1 ? "answer was" : "answers were") + " left out." : ".")));
      var ex = extremes(answers);
      facts.appendChild(el("li", { "data-la-spread": o.spread }, o.spread === 0 ? "Every answer was on the same rung, so the spread is 0." :
        "Your answers spread over " + o.spread + (o.spread === 1 ? " rung" : " rungs") + ": highest rung " + ex.hi + " (" + ex.hiNames + "), lowest rung " + ex.lo + " (" + ex.loNames + ")."));
      screen.appendChild(facts);
      if (o.mixed) {
        screen.appendChild(el("div", { class: "ladder-assessment__mixed", "data-la-mixed": "" },
          el("p", null, el("strong", null, "A mixed picture. "), "Your highest and lowest answers are 3 or more rungs apart. The relationship is strong in " + ex.hiNames +
            " but weaker in " + ex.loNames + ". Look at each question on its own as well as the overall rung.")));
      }

      screen.appendChild(el("h4", null, "Where this relationship is on the ladder"));
      var descId = "la-picture-text";
      var pictureBox = el("div", { class: "ladder-assessment__picture" });
      var pictureP = el("p", { id: descId, class: "ladder-assessment__picture-text" });
      var tableBox = el("div");
      screen.appendChild(pictureBox);
      screen.appendChild(pictureP);
      screen.appendChild(tableBox);
      function drawLadder() {
        while (pictureBox.firstChild) pictureBox.removeChild(pictureBox.firstChild);
        var was = tableBox.querySelector("details");
        var open = !!(was && was.open);
        while (tableBox.firstChild) tableBox.removeChild(tableBox.firstChild);
        pictureBox.appendChild(ladderPicture(o.rung, snap.target, descId));
        pictureP.textContent = pictureText(o.rung, snap.target);
        tableBox.appendChild(ladderTable(o.rung, snap.target));
        tableBox.firstChild.open = open;
      }

      /* Target rung and gap. */
      screen.appendChild(el("h4", null, "Where does this relationship need to be?"));
      var select = el("select", { class: "select ladder-assessment__target", id: "la-target", "aria-describedby": "la-target-hint" },
        el("option", { value: "0" }, "Not decided yet"));
      rungs.forEach(function (r) { select.appendChild(el("option", { value: r.n }, "Rung " + r.n + ": " + r.name)); });
      select.value = String(snap.target || 0);
      var gap = el("p", { class: "ladder-assessment__gap", "data-la-gap": "" }, gapText(o.rung, snap.target));
      screen.appendChild(el("div", { class: "form-group" },
        el("label", { class: "label", for: "la-target" }, "Target rung"),
        el("p", { class: "hint", id: "la-target-hint" }, "Not every relationship needs the top rung. Choose the rung that suits the work you share."),
        select));
      screen.appendChild(gap);
      select.addEventListener("change", function () {
        snap.target = Number(select.value);
        persist();
        gap.textContent = gapText(o.rung, snap.target);
        drawLadder();
        ju.say(status, gapText(o.rung, snap.target));
      });
      drawLadder();

      /* What the next rung looks like. */
      if (o.rung < rungs.length) {
        var next = rungs[o.rung];
        screen.appendChild(el("h4", null, "What the next rung looks like: rung " + next.n + ", " + next.name));
        screen.appendChild(el("p", null, next.looksLike));
        screen.appendChild(el("p", null, el("strong", null, "How to move up: "), rungs[o.rung - 1].moveUp));
        var steps = el("ul", { class: "ladder-assessment__next" });
        answers.forEach(function (a, i) {
          if (a > 0 && a < rungs.length) steps.appendChild(el("li", null, el("strong", null, dims[i].title + ": "), dims[i].descriptors[a]));
        });
        if (steps.firstChild) {
          screen.appendChild(el("p", null, "For each question, the next statement up from your answer:"));
          screen.appendChild(steps);
        }
      } else {
        screen.appendChild(el("h4", null, "You are on the top rung"));
        screen.appendChild(el("p", null, el("strong", null, "How to keep it: "), rungs[rungs.length - 1].moveUp));
      }

      /* Suggested actions for the weakest dimensions. */
      var weak = weakest(answers);
      if (weak.length) {
        screen.appendChild(el("h4", null, "Suggested actions"));
        screen.appendChild(el("p", null, "Start with your lowest answers."));
        weak.forEach(function (i) {
          var d = dims[i];
          screen.appendChild(el("h5", { class: "ladder-assessment__idea-title" }, d.title + " (rung " + answers[i] + ")"));
          if (d.ideas) screen.appendChild(d.ideas.cloneNode(true));
        });
      }

      /* Result code for a trainer. */
      var code = ju.ladder.encode(answers);
      var codeBox = el("input", { class: "input ladder-assessment__code", id: "la-code", type: "text", readonly: true, value: code, "aria-describedby": "la-code-hint", spellcheck: "false" });
      var copy = button("Copy the code", "button--secondary", function () {
        function done(ok) { ju.say(status, ok ? "Result code copied." : "Could not copy: select the code and copy it yourself."); }
        codeBox.focus();
        codeBox.select();
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(code).then(function () { done(true); }, function () { done(legacyCopy()); });
        } else done(legacyCopy());
      });
      function legacyCopy() {
        try { return document.execCommand("copy"); } catch (e) { return false; }
      }
      screen.appendChild(el("h4", null, "Result code for your trainer"));
      screen.appendChild(el("div", { class: "form-group" },
        el("label", { class: "label", for: "la-code" }, "Your result code"),
        el("p", { class: "hint", id: "la-code-hint" }, "If a trainer asks for it, give them this code. It holds only your rung numbers, one per question: no names, no relationship and no words."),
        codeBox));
      screen.appendChild(el("div", { class: "button-group" }, copy));

      screen.appendChild(el("div", { class: "button-group" },
        button("Print your result", "", function () { window.print(); }),
        button("Change over time", "button--secondary", function () { state.confirmDelete = false; state.screen = "history"; show(true); }),
        button("Back to your relationships", "button--secondary", function () { state.screen = "start"; show(true); })));
      return h;
    }

    /* Change over time: one row per saved result, and deleting. */
    function historyScreen() {
      var r = state.rel;
      var h = el("h3", { tabindex: "-1", class: "ladder-assessment__heading" }, "Change over time");
      screen.appendChild(h);
      screen.appendChild(el("p", { class: "ladder-assessment__for" }, "Relationship: ", el("strong", null, r.name)));
      if (!r.snapshots.length) {
        screen.appendChild(el("p", null, "There are no saved results for this relationship yet."));
      } else {
        var headRow = el("tr", null, el("th", { scope: "col" }, "Date"), el("th", { scope: "col" }, "Overall rung"));
        dims.forEach(function (d) { headRow.appendChild(el("th", { scope: "col" }, d.title)); });
        headRow.appendChild(el("th", { scope: "col" }, "Target"));
        var body = el("tbody");
        r.snapshots.forEach(function (s) {
          var o = ju.ladder.overall(s.answers);
          var row = el("tr", null, el("th", { scope: "row" }, s.date), el("td", null, o.rung + " " + rungName(o.rung) + (o.mixed ? " (mixed)" : "")));
          s.answers.forEach(function (a) { row.appendChild(el("td", null, a ? String(a) : "Not known")); });
          row.appendChild(el("td", null, s.target ? String(s.target) : "None"));
          body.appendChild(row);
        });
        screen.appendChild(el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": "la-history-caption" },
          el("table", { class: "ladder-assessment__history" },
            el("caption", { id: "la-history-caption" }, "Saved results for " + r.name + ", oldest first"),
            el("thead", null, headRow), body)));
      }
      var group = el("div", { class: "button-group" });
      if (state.confirmDelete) {
        screen.appendChild(el("div", { class: "notice notice--warning" },
          el("p", null, el("strong", null, "Delete \u201c" + r.name + "\u201d? "), "This removes the relationship and its " + r.snapshots.length + (r.snapshots.length === 1 ? " saved result" : " saved results") + " from this browser. It cannot be undone.")));
        group.appendChild(button("Yes, delete it", "button--warning", function () {
          saved.relationships = saved.relationships.filter(function (x) { return x !== r; });
          persist();
          state.rel = null;
          state.confirmDelete = false;
          state.screen = "start";
          show(true);
          ju.say(status, "Deleted " + r.name + ".");
        }));
        group.appendChild(button("Cancel", "button--secondary", function () { state.confirmDelete = false; show(true); }));
      } else {
        group.appendChild(button("Assess again", "", function () { begin(r); }));
        group.appendChild(button("Back to your relationships", "button--secondary", function () { state.screen = "start"; show(true); }));
        group.appendChild(button("Delete this relationship", "button--secondary", function () { state.confirmDelete = true; show(true); }));
      }
      screen.appendChild(group);
      return h;
    }

    show(false);
  };
})();
