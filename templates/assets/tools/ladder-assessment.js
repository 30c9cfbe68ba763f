/* Partnership ladder self-assessment. The page holds the paper version of
   the questionnaire (every question, statement, rung and idea); this script
   reads it, hides it, and runs the same questions as a step-by-step tool:
   name the relationship, answer, check your answers, see the result. Saved
   relationships, their unfinished answers and their dated results live
   under joinedup.assessments in this browser only. The median and the
   result code come from joinedup.ladder (ladder-code.js, which the page
   loads first).

   Each screen has its own address (#assessment/ID/question-3 and so on,
   see routeOf), so the browser's Back goes to the previous question, not
   off the page, and a reload comes back to the same screen. Answers are
   saved as they are chosen, so nothing is lost on the way.

   The checks, the addresses and the sentences worked out from answers are
   plain functions, which Node's test runner loads
   (ladder-assessment.test.js). */
(function () {
  "use strict";

  var isNode = typeof module === "object" && module.exports;
  var ladder = isNode ? require("./ladder-code.js") : window.joinedup.ladder;
  var longDate = isNode ? require("../site.js").longDate : window.joinedup.longDate;

  var KEY = "joinedup.assessments";
  var NAME_MAX = 80;
  var WIDE = "(min-width: 40rem)";
  var DAMAGED = "Your saved answers could not be read. They may have been damaged.";
  var ROUTE = "#assessment/";

  function isAnswer(a) { return a === Math.floor(a) && a >= 0 && a <= 9; }

  /* valid checks the shape of stored data, so a damaged or hand-edited
     value is reported instead of breaking the page. A result's time and
     random part, and a relationship's unfinished answers (draft), were
     added later and may be missing. */
  function valid(data, dimCount) {
    if (!data || typeof data !== "object" || !Array.isArray(data.relationships)) return false;
    return data.relationships.every(function (r) {
      return r && typeof r === "object" && typeof r.id === "string" && typeof r.name === "string" &&
        r.name.length > 0 && r.name.length <= NAME_MAX && Array.isArray(r.snapshots) &&
        (r.draft === undefined || (r.draft && typeof r.draft === "object" && Array.isArray(r.draft.answers) &&
          r.draft.answers.length === dimCount && r.draft.answers.every(function (a) { return a === null || isAnswer(a); }))) &&
        r.snapshots.every(function (s) {
          return s && typeof s === "object" && typeof s.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s.date) &&
            (s.time === undefined || (typeof s.time === "string" && /^\d{2}:\d{2}$/.test(s.time))) &&
            (s.nonce === undefined || (typeof s.nonce === "string" && /^\d{4}$/.test(s.nonce))) &&
            Array.isArray(s.answers) && s.answers.length === dimCount && s.answers.every(isAnswer) &&
            (s.target === 0 || (s.target === Math.floor(s.target) && s.target >= 1 && s.target <= 9));
        });
    });
  }

  /* cleanName is a typed relationship name with its spaces tidied. */
  function cleanName(typed) {
    return typed.replace(/\s+/g, " ").trim();
  }

  /* nameProblem says what is wrong with a new relationship's (clean)
     name, or gives null. */
  function nameProblem(name, relationships) {
    if (!name) return "Enter the working relationship you are rating";
    if (name.length > NAME_MAX) return "The name must be " + NAME_MAX + " characters or fewer";
    var msg = null;
    for (var i = 0; i < relationships.length; i++) {
      if (relationships[i].name.toLowerCase() === name.toLowerCase()) msg = "You already have a relationship called \u201c" + relationships[i].name + "\u201d: choose \u201cAssess again\u201d for it, or use another name";
    }
    return msg;
  }

  function rungs(n) { return n + (n === 1 ? " rung" : " rungs"); }

  /* when says when a result was saved: its day, and its time when it
     has one. */
  function when(s) { return longDate(s.date, s.time); }

  /* answered counts the answers given so far (null is not yet). */
  function answered(answers) {
    return answers.filter(function (a) { return a !== null; }).length;
  }

  /* firstUnanswered is the index of the first question without an
     answer, or -1 when every question has one. */
  function firstUnanswered(answers) {
    for (var i = 0; i < answers.length; i++) if (answers[i] === null) return i;
    return -1;
  }

  /* relationshipInfo sums up a saved relationship: its latest result,
     and its unfinished answers. names are the rungs' names. */
  function relationshipInfo(r, names) {
    var parts = [];
    if (r.snapshots.length) {
      var last = r.snapshots[r.snapshots.length - 1], rung = ladder.overall(last.answers).rung;
      parts.push("Latest result: rung " + rung + (names && names[rung - 1] ? " (" + names[rung - 1] + ")" : "") + ", " + when(last) +
        (r.snapshots.length > 1 ? "; " + r.snapshots.length + " saved results" : ""));
    }
    if (r.draft && answered(r.draft.answers)) {
      parts.push("Not finished: " + answered(r.draft.answers) + " of " + r.draft.answers.length + " questions answered");
    }
    if (!parts.length) return "No saved results yet";
    return parts.join(". ");
  }

  /* routeOf reads a screen's address: {screen, rel, n}, where rel is the
     relationship's id and n the question (from 0) or result (from 0).
     Any other address, such as a heading's, is the start screen. */
  function routeOf(hash) {
    var m = /^#assessment\/([^/]+)\/(questions|question-(\d{1,2})|change-(\d{1,2})|check|result-(\d{1,3})|history|delete)$/.exec(hash || "");
    if (!m) return { screen: "start" };
    var rel;
    try { rel = decodeURIComponent(m[1]); } catch (e) { return { screen: "start" }; }
    var route = { screen: m[2].replace(/-\d+$/, ""), rel: rel };
    var n = m[3] || m[4] || m[5];
    if (n) route.n = Number(n) - 1;
    if (route.n < 0) return { screen: "start" };
    return route;
  }

  /* hashOf is the address of a route, "" for the start screen. */
  function hashOf(route) {
    if (route.screen === "start" || !route.rel) return "";
    var tail = route.screen;
    if (route.n !== undefined && route.screen !== "questions") tail += "-" + (route.n + 1);
    return ROUTE + encodeURIComponent(route.rel) + "/" + tail;
  }

  /* rungName is rung n's name from the list of names (rung 1 first). */
  function rungName(names, n) { return names[n - 1] || ""; }

  function gapText(rung, target, names) {
    if (!target) return "Choose a target rung to see the gap.";
    var start = "The target is rung " + target + " (" + rungName(names, target) + "): ";
    if (target > rung) return start + rungs(target - rung) + " above where this relationship is now.";
    if (target === rung) return start + "this relationship is there now. Keep it there.";
    return start + "this relationship is already " + rungs(rung - target) + " above it.";
  }

  function pictureText(rung, target, names) {
    var t = "A ladder of " + names.length + " rungs, from rung 1 (" + rungName(names, 1) + ") at the bottom to rung " + names.length + " (" + rungName(names, names.length) + ") at the top. This relationship is on rung " + rung + " (" + rungName(names, rung) + ").";
    if (target) t += target === rung ? " The target is the same rung." : " The target is rung " + target + " (" + rungName(names, target) + ").";
    return t;
  }

  /* knownText says how many questions had an answer other than "I do not
     know". */
  function knownText(known, total) {
    var unknown = total - known;
    return "You chose a statement for " + known + " of " + total + " questions" +
      (unknown ? "; " + unknown + " \u201cI do not know\u201d " + (unknown === 1 ? "answer was" : "answers were") + " left out." : ".");
  }

  /* extremes names the questions (by title) with the highest and lowest
     known answers. */
  function extremes(answers, titles) {
    var hi = 0, lo = 10;
    answers.forEach(function (a) { if (a > 0) { hi = Math.max(hi, a); lo = Math.min(lo, a); } });
    function named(v) {
      var out = [];
      answers.forEach(function (a, i) { if (a === v) out.push(titles[i]); });
      return out.join(", ");
    }
    return { hi: hi, lo: lo, hiNames: named(hi), loNames: named(lo) };
  }

  function spreadText(spread, ex) {
    if (spread === 0) return "Every answer was on the same rung, so the spread is 0.";
    return "Your answers range from rung " + ex.lo + " (" + ex.loNames + ") to rung " + ex.hi + " (" + ex.hiNames + "), " + rungs(spread) + " apart.";
  }

  /* weakest picks up to three questions with the lowest known answers,
     below the top rung, in question order for ties. */
  function weakest(answers, top) {
    var idx = [];
    answers.forEach(function (a, i) { if (a > 0 && a < top) idx.push(i); });
    idx.sort(function (x, y) { return answers[x] - answers[y] || x - y; });
    return idx.slice(0, 3);
  }

  /* csvRows are every saved result, one row each, for a spreadsheet. */
  function csvRows(relationships, titles, names) {
    var head = ["Relationship", "Date", "Time", "Overall rung", "Rung name"].concat(titles, ["Target rung", "Result code"]);
    var rows = [head];
    relationships.forEach(function (r) {
      r.snapshots.forEach(function (s) {
        var rung = ladder.overall(s.answers).rung;
        rows.push([r.name, s.date, s.time || "", rung, rungName(names, rung)]
          .concat(s.answers.map(function (a) { return a ? a : "Do not know"; }), [s.target || "", ladder.encode(s.answers, s.nonce)]));
      });
    });
    return rows;
  }

  if (isNode) {
    module.exports = {
      NAME_MAX: NAME_MAX, valid: valid, cleanName: cleanName, nameProblem: nameProblem, relationshipInfo: relationshipInfo,
      answered: answered, firstUnanswered: firstUnanswered, routeOf: routeOf, hashOf: hashOf, when: when,
      gapText: gapText, pictureText: pictureText, knownText: knownText, extremes: extremes, spreadText: spreadText, weakest: weakest,
      csvRows: csvRows
    };
    return;
  }

  /* ---- In the page from here on. ---- */

  var joinedup = window.joinedup;
  var el = joinedup.el, button = joinedup.button;
  var NAME = "ladder-assessment";

  /* readSource collects the questionnaire from the paper version, so the
     words live in one place (the data files) and never in this script. */
  function readSource(paper) {
    var dims = [], sets = paper.querySelectorAll("[data-la-dimension]");
    for (var i = 0; i < sets.length; i++) {
      var fs = sets[i], id = fs.getAttribute("data-la-dimension");
      dims.push({
        id: id,
        title: joinedup.required(fs, "[data-la-title]", NAME, "question " + id + "'s title").textContent,
        question: joinedup.required(fs, "[data-la-question]", NAME, "question " + id + "'s wording").textContent,
        descriptors: [].map.call(fs.querySelectorAll("[data-la-descriptor]"), function (d) { return d.textContent; }),
        ideas: paper.querySelector('[data-la-ideas="' + id + '"]')
      });
    }
    var steps = [].map.call(paper.querySelectorAll("[data-la-rung]"), function (row) {
      return {
        n: Number(row.getAttribute("data-la-rung")),
        name: joinedup.required(row, "[data-la-name]", NAME, "a rung's name").textContent,
        looksLike: row.getAttribute("data-la-looks-like"),
        moveUp: row.getAttribute("data-la-move-up")
      };
    });
    if (!dims.length) throw new joinedup.ElementError(NAME, "the questions", "[data-la-dimension]");
    if (!steps.length) throw new joinedup.ElementError(NAME, "the rungs", "[data-la-rung]");
    return { dims: dims, rungs: steps };
  }

  /* LadderAssessment runs the self-assessment in place of the paper
     version. Each screen is a method that fills this.screen and returns
     its heading; show() draws the current one. */
  function LadderAssessment(root) {
    var self = this;
    this.paper = joinedup.required(root, "[data-la-paper]", NAME, "the paper version");
    this.app = joinedup.required(root, "[data-la-app]", NAME, "the place for the tool");
    var src = readSource(this.paper);
    this.dims = src.dims;
    this.rungs = src.rungs;
    this.names = src.rungs.map(function (r) { return r.name; });
    this.baseTitle = document.title;

    this.saved = { relationships: [] };
    this.problem = null;
    var read = joinedup.store.readJSON(KEY);
    if (read.problem) this.problem = read.problem;
    else if (read.data !== null && !valid(read.data, this.dims.length)) this.problem = DAMAGED;
    else if (read.data) this.saved = read.data;

    /* state is the screen on show: {screen, rel (the relationship),
       n, answers (the unfinished answers being edited)}. deleted is the
       last relationship deleted, which can be put back until the page is
       left. */
    this.state = { screen: "start", rel: null, n: 0, answers: [] };
    this.deleted = null;
    /* at is the address of the screen on show; anchor the id of the
       tool's heading, the address of its start screen. */
    this.at = null;
    var heading = root.querySelector("h2[id], h3[id]");
    this.anchor = heading ? heading.id : "";

    this.status = el("div", { class: "visually-hidden", role: "status" });
    this.screen = el("div", { class: "ladder-assessment__screen" });
    this.app.appendChild(this.screen);
    this.app.appendChild(this.status);
    this.paper.hidden = true;
    this.app.hidden = false;
    window.addEventListener("popstate", function () { self.follow(true); });
    window.addEventListener("hashchange", function () { self.follow(true); });
    this.follow(false);
  }
  LadderAssessment.moduleName = NAME;

  var SCREENS = {
    start: "startScreen", questions: "questionsScreen", question: "questionsScreen", change: "questionsScreen",
    check: "checkScreen", result: "resultScreen", history: "historyScreen", delete: "deleteScreen"
  };

  var proto = LadderAssessment.prototype;

  proto.persist = function () { return joinedup.store.writeJSON(KEY, this.saved); };
  proto.rungName = function (n) { return rungName(this.names, n); };
  proto.add = function (node) { this.screen.appendChild(node); return node; };
  proto.wide = function () { return !!(window.matchMedia && window.matchMedia(WIDE).matches); };

  proto.find = function (id) {
    var rs = this.saved.relationships;
    for (var i = 0; i < rs.length; i++) if (rs[i].id === id) return rs[i];
    return null;
  };

  proto.notice = function () {
    var self = this;
    joinedup.storageNotice(this.screen, {
      key: KEY, problem: this.problem, onClear: function () {
        self.problem = null;
        self.saved = { relationships: [] };
        self.go({ screen: "start" });
      }
    });
  };

  /* resolve turns an address into a screen that can be shown with what
     is saved: a screen of a relationship that is gone is the start
     screen, a question of a finished assessment (no unfinished answers)
     too, and "check your answers" with a question unanswered is that
     question. */
  proto.resolve = function (route) {
    var rel = route.rel ? this.find(route.rel) : null;
    if (!rel) return { screen: "start" };
    var out = { screen: route.screen, rel: rel, n: route.n || 0 };
    var dims = this.dims.length;
    if (out.screen === "questions" || out.screen === "question" || out.screen === "change" || out.screen === "check") {
      if (!rel.draft) return { screen: "start" };
      out.n = Math.min(out.n, dims - 1);
      var gap = firstUnanswered(rel.draft.answers);
      if (out.screen === "check" && gap >= 0) return { screen: "question", rel: rel, n: gap };
      if (out.screen === "change" && gap >= 0) out.screen = "question";
    }
    if (out.screen === "result" && !rel.snapshots[out.n]) return { screen: "start" };
    return out;
  };

  /* follow shows the screen the address names: on load (focus false),
     and when Back, Forward or a link changes it. */
  proto.follow = function (focus) {
    var hash = window.location.hash;
    if (focus && hash === this.at) return; // Back fires popstate and hashchange both
    this.at = hash;
    var route = routeOf(hash);
    if (focus && route.screen === "start" && this.state.screen === "start") return; // a link within the page
    this.set(this.resolve(route));
    if (!focus && this.state.screen !== "start" && window.scrollY === 0) this.app.scrollIntoView();
    this.show(focus);
  };

  proto.set = function (r) {
    var state = this.state;
    state.screen = r.screen;
    state.rel = r.rel || null;
    state.n = r.n || 0;
    state.answers = r.rel && r.rel.draft ? r.rel.draft.answers : [];
  };

  /* go moves to another screen, giving it an address of its own so Back
     returns here. */
  proto.go = function (r) {
    this.set(r);
    var route = { screen: r.screen, rel: r.rel ? r.rel.id : null, n: r.n };
    if (r.screen === "questions" || r.screen === "question") {
      route.screen = this.wide() && r.screen === "questions" ? "questions" : "question";
    }
    var hash = hashOf(route);
    if (hash !== window.location.hash && (hash || window.location.hash.indexOf(ROUTE) === 0)) {
      if (!hash && this.anchor) hash = "#" + this.anchor;
      window.history.pushState(null, "", window.location.pathname + window.location.search + hash);
    }
    this.at = window.location.hash;
    this.show(true);
  };

  /* show replaces the screen. focus is true when the learner moved
     there, so focus goes to the new heading; never on first load. */
  proto.show = function (focus) {
    joinedup.empty(this.screen);
    document.title = this.baseTitle;
    this.app.setAttribute("data-la-screen", this.state.screen);
    var heading = this[SCREENS[this.state.screen]]();
    this.notice();
    if (focus && heading) heading.focus();
  };

  /* showErrors draws the current screen again with its errors, and an
     error summary at the top, focused. items: [{text, target}]. */
  proto.showErrors = function (arg, items) {
    joinedup.empty(this.screen);
    this[SCREENS[this.state.screen]](arg);
    this.notice();
    var box = joinedup.errorSummary({ id: "la-error-title", level: 3, items: items });
    this.screen.insertBefore(box, this.screen.firstChild);
    document.title = "Error: " + this.baseTitle;
    box.focus();
  };

  proto.heading = function (text) {
    return this.add(el("h3", { tabindex: "-1", class: "ladder-assessment__heading" }, text));
  };

  /* begin starts (or carries on with) a relationship's answers, at the
     first question not yet answered. */
  proto.begin = function (r) {
    var dims = this.dims;
    if (!r.draft) {
      r.draft = { answers: dims.map(function () { return null; }) };
      this.persist();
    }
    var gap = firstUnanswered(r.draft.answers);
    if (gap < 0) this.go({ screen: "check", rel: r });
    else this.go({ screen: this.wide() ? "questions" : "question", rel: r, n: gap });
  };

  /* banner is a GOV.UK notification banner saying what just happened,
     with an action (such as Undo) when one is given. */
  proto.banner = function (text, action) {
    return el("div", { class: "notification-banner", role: "region", "aria-labelledby": "la-banner-title", tabindex: "-1", "data-la-banner": "" },
      el("p", { class: "notification-banner__title", id: "la-banner-title" }, "Done"),
      el("p", { class: "notification-banner__text" }, text),
      action || null);
  };

  /* Start: a list of saved relationships and a form to name a new one. */
  proto.startScreen = function (error) {
    var self = this, saved = this.saved;
    var h = this.heading("Choose a working relationship");
    if (this.deleted) {
      var gone = this.deleted;
      this.add(this.banner("Deleted \u201c" + gone.rel.name + "\u201d and its " + joinedup.quantity(gone.rel.snapshots.length, "saved result", "saved results") + ".",
        button(["Undo", joinedup.visuallyHidden(": put back \u201c" + gone.rel.name + "\u201d")], "button button--secondary", function () { self.undoDelete(); })));
    }
    if (saved.relationships.length) {
      this.add(el("h4", null, "Your saved relationships"));
      this.add(el("ul", { class: "ladder-assessment__relationships" }, saved.relationships.map(function (r) { return self.relationshipItem(r); })));
      var download = button("Download your results (CSV)", "button button--secondary", function () {
        joinedup.download("self-assessment-" + joinedup.today() + ".csv", "text/csv",
          joinedup.csvFile(csvRows(saved.relationships, self.dims.map(function (d) { return d.title; }), self.names)));
        joinedup.say(self.status, "Your results were downloaded as a CSV file.");
      });
      download.setAttribute("data-la-download", "");
      this.add(el("div", { class: "button-group" }, download));
      this.add(el("h4", null, "Or start a new one"));
    }
    var errId = "la-name-error";
    var input = el("input", {
      class: "input" + (error ? " input--error" : ""), id: "la-name", name: "la-name", type: "text", autocomplete: "off",
      spellcheck: "false", "aria-describedby": "la-name-hint" + (error ? " " + errId : "")
    });
    if (error) input.value = error.value;
    var form = this.add(el("form", { class: "ladder-assessment__form", novalidate: true },
      el("div", { class: "form-group" + (error ? " form-group--error" : "") },
        el("label", { class: "label", for: "la-name" }, "Which working relationship are you rating?"),
        el("p", { class: "hint", id: "la-name-hint" }, "Name the two teams or agencies, for example \u201cour team and the GP practice\u201d. Never write the names of people. Up to " + NAME_MAX + " characters."),
        error ? joinedup.errorMessage(errId, error.text) : null,
        input),
      el("div", { class: "button-group" }, el("button", { type: "submit", class: "button" }, "Start"))));
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var name = cleanName(input.value);
      var msg = nameProblem(name, saved.relationships);
      if (msg) {
        self.showErrors({ text: msg, value: input.value }, [{ text: msg, target: "la-name" }]);
        return;
      }
      var r = { id: "r" + Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36), name: name, created: joinedup.today(), snapshots: [] };
      saved.relationships.push(r);
      self.deleted = null;
      self.begin(r);
    });
    var banner = this.screen.querySelector("[data-la-banner]");
    return banner && this.state.focusBanner ? banner : h;
  };

  /* relationshipItem is one saved relationship in the start screen's
     list: what it holds, and a button for each thing to do with it. */
  proto.relationshipItem = function (r) {
    var self = this, hidden = joinedup.visuallyHidden(": " + r.name);
    var draft = r.draft && answered(r.draft.answers) > 0;
    var buttons = [];
    if (r.snapshots.length) {
      buttons.push(button(["View latest result and code", hidden.cloneNode(true)], "button", function () {
        self.go({ screen: "result", rel: r, n: r.snapshots.length - 1 });
      }));
    }
    buttons.push(button([draft ? "Continue" : r.snapshots.length ? "Assess again" : "Start", hidden.cloneNode(true)],
      r.snapshots.length ? "button button--secondary" : "button", function () { self.begin(r); }));
    if (r.snapshots.length) {
      buttons.push(button(["Change over time", hidden.cloneNode(true)], "button button--secondary", function () { self.go({ screen: "history", rel: r }); }));
    }
    buttons.push(button(["Delete", hidden.cloneNode(true)], "button button--secondary", function () { self.go({ screen: "delete", rel: r }); }));
    return el("li", { class: "ladder-assessment__relationship" },
      el("p", { class: "ladder-assessment__relationship-name" }, r.name),
      el("p", { class: "hint" }, relationshipInfo(r, this.names)),
      el("div", { class: "button-group" }, buttons));
  };

  /* questionFieldset is one question with its statements as radios.
     showing is "one" on a screen of its own, "all" with the others. An
     answer is saved as soon as it is chosen. */
  proto.questionFieldset = function (i, showing, error) {
    var self = this, state = this.state;
    var d = this.dims[i], name = "la-q-" + d.id, errId = "la-error-" + d.id;
    var legendText = [];
    if (showing === "one") legendText.push(el("span", { class: "ladder-assessment__progress" }, "Question " + (i + 1) + " of " + this.dims.length));
    legendText.push(d.title);
    var heading = el(showing === "one" ? "h3" : "h4", { class: "ladder-assessment__question-title", id: "la-q-title-" + d.id, tabindex: "-1" }, legendText);
    function radio(value, label) {
      var id = name + "-" + value;
      var input = el("input", { class: "radios__input", type: "radio", id: id, name: name, value: value });
      if (state.answers[i] === value) input.checked = true;
      input.addEventListener("change", function () {
        state.answers[i] = value;
        self.persist();
      });
      return el("li", { class: "radios__item" }, input, el("label", { class: "radios__label", for: id }, label));
    }
    var list = el("ul", { class: "radios" }, d.descriptors.map(function (text, j) {
      return radio(j + 1, [el("span", { class: "ladder-assessment__num" }, "Rung " + (j + 1) + ":"), " ", text]);
    }), el("li", { class: "radios__divider" }, "or"), radio(0, "I do not know"));
    var fs = el("fieldset", { class: "fieldset", "aria-describedby": "la-q-hint-" + d.id + (error ? " " + errId : "") },
      el("legend", { class: "fieldset__legend" }, heading),
      el("p", { class: "hint", id: "la-q-hint-" + d.id }, d.question),
      error ? joinedup.errorMessage(errId, error) : null,
      list);
    return { node: el("div", { class: "form-group ladder-assessment__question" + (error ? " form-group--error" : "") }, fs), heading: heading };
  };

  /* Questions: one per screen below 40rem (and when changing one answer),
     all on one screen above. */
  proto.questionsScreen = function (errors) {
    var self = this, state = this.state, dims = this.dims;
    var changing = state.screen === "change";
    var one = changing || state.screen === "question" && !this.wide();
    var indexes = one ? [state.n] : dims.map(function (_, i) { return i; });
    var h = one ? null : this.heading("Rate the relationship");
    this.add(el("p", { class: "ladder-assessment__for" }, "Rating: ", el("strong", null, state.rel.name)));
    if (!one) this.add(el("p", { class: "hint" }, "Your answers are saved in this browser as you choose them, so you can leave and carry on later."));
    var form = el("form", { class: "ladder-assessment__form", novalidate: true });
    indexes.forEach(function (i) {
      var q = self.questionFieldset(i, one ? "one" : "all", errors && errors[i] ? errors[i] : null);
      if (!h) h = q.heading;
      form.appendChild(q.node);
    });
    var last = !one || state.n === dims.length - 1;
    var cont = el("button", { type: "submit", class: "button" }, changing ? "Save and go back to your answers" : (last ? "Check your answers" : "Continue"));
    var back = button(changing ? "Back to your answers" : "Back", "button button--secondary", function () {
      if (changing) self.go({ screen: "check", rel: state.rel });
      else if (one && state.n > 0) self.go({ screen: "question", rel: state.rel, n: state.n - 1 });
      else self.go({ screen: "start" });
    });
    form.appendChild(el("div", { class: "button-group" }, cont, back));
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var errs = {}, items = [];
      indexes.forEach(function (i) {
        if (state.answers[i] !== null) return;
        errs[i] = "Select the statement that fits best, or \u201cI do not know\u201d";
        items.push({ text: dims[i].title + ": " + errs[i].charAt(0).toLowerCase() + errs[i].slice(1), target: "la-q-" + dims[i].id + "-1" });
      });
      if (items.length) {
        self.showErrors(errs, items);
        return;
      }
      var gap = firstUnanswered(state.answers);
      if (!changing && !last) self.go({ screen: "question", rel: state.rel, n: state.n + 1 });
      else if (gap < 0) self.go({ screen: "check", rel: state.rel });
      else self.go({ screen: "question", rel: state.rel, n: gap });
    });
    this.add(form);
    return h;
  };

  /* Check your answers: a summary list with a Change button per row. */
  proto.checkScreen = function (error) {
    var self = this, state = this.state;
    var h = this.heading("Check your answers");
    this.add(el("p", { class: "ladder-assessment__for" }, "Rating: ", el("strong", null, state.rel.name)));
    this.add(el("dl", { class: "summary-list ladder-assessment__summary" }, this.dims.map(function (d, i) {
      var a = state.answers[i];
      var change = button(["Change", joinedup.visuallyHidden(" your answer to " + d.title.toLowerCase())], "link-button", function () {
        self.go({ screen: "change", rel: state.rel, n: i });
      });
      return el("div", { class: "summary-list__row" },
        el("dt", null, d.title),
        el("dd", { "data-la-answer": d.id }, a ? "Rung " + a + ": " + d.descriptors[a - 1] : "I do not know"),
        el("dd", { class: "summary-list__actions" }, change));
    })));
    if (error) this.add(joinedup.errorMessage("la-check-error", error));
    var see = button("See your result", "button", function () { self.finish(); });
    see.id = "la-see-result";
    this.add(el("div", { class: "button-group" }, see,
      button("Back", "button button--secondary", function () { self.go({ screen: self.wide() ? "questions" : "question", rel: state.rel, n: self.dims.length - 1 }); })));
    return h;
  };

  /* finish saves the answers as a dated result with a random part for
     its code, and shows it. */
  proto.finish = function () {
    var state = this.state, r = state.rel;
    if (ladder.overall(state.answers).known === 0) {
      this.showErrors("Choose a statement for at least one question: every answer is \u201cI do not know\u201d, so there is no result",
        [{ text: "Choose a statement for at least one question", target: "la-see-result" }]);
      return;
    }
    var now = new Date();
    r.snapshots.push({ date: joinedup.today(), time: joinedup.clock(now), answers: state.answers.slice(), target: 0, nonce: ladder.nonce() });
    delete r.draft;
    var ok = this.persist();
    this.go({ screen: "result", rel: r, n: r.snapshots.length - 1 });
    joinedup.say(this.status, ok ? "Your result is saved in this browser." : "Your result could not be saved, but you can print it.");
  };

  var SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    var n = document.createElementNS(SVG, tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) n.setAttribute(k, String(attrs[k]));
    if (text) n.textContent = text;
    return n;
  }

  /* ladderPicture draws the nine rungs, top rung at the top, marking the
     current rung and the target in words as well as colour. */
  proto.ladderPicture = function (rung, target, descId) {
    var count = this.rungs.length;
    var step = 34, top = 10, h = top * 2 + step * count;
    var pic = svg("svg", { class: "ladder-assessment__svg", viewBox: "0 0 360 " + h, role: "img", "aria-labelledby": descId, focusable: "false" });
    pic.appendChild(svg("rect", { class: "ladder-assessment__rail", x: 20, y: top - 6, width: 6, height: step * count + 6 }));
    pic.appendChild(svg("rect", { class: "ladder-assessment__rail", x: 134, y: top - 6, width: 6, height: step * count + 6 }));
    for (var n = count; n >= 1; n--) {
      var y = top + (count - n) * step;
      var cls = "ladder-assessment__step";
      if (n === rung) cls += " ladder-assessment__step--now";
      if (n === target) cls += " ladder-assessment__step--target";
      pic.appendChild(svg("rect", { class: cls, x: 26, y: y + 6, width: 108, height: step - 12, rx: 3 }));
      var marks = [];
      if (n === rung) marks.push("now");
      if (n === target) marks.push("target");
      pic.appendChild(svg("text", { class: "ladder-assessment__svg-label" + (marks.length ? " ladder-assessment__svg-label--mark" : ""), x: 150, y: y + step / 2 + 5 },
        n + " " + this.rungName(n) + (marks.length ? " \u2190 " + marks.join(" and ") : "")));
    }
    return pic;
  };

  proto.ladderTable = function (rung, target) {
    var body = el("tbody");
    for (var n = this.rungs.length; n >= 1; n--) {
      var marks = [];
      if (n === rung) marks.push("Now");
      if (n === target) marks.push("Target");
      body.appendChild(el("tr", { class: marks.length ? "ladder-assessment__row--mark" : null },
        el("td", null, String(n)), el("th", { scope: "row" }, this.rungName(n)), el("td", null, marks.join(" and "))));
    }
    return el("details", { class: "ladder-assessment__table-details" },
      el("summary", null, "Show the ladder as a table"),
      el("div", { class: "table-wrap" }, el("table", { class: "ladder-assessment__table" },
        el("caption", { class: "visually-hidden" }, "The ladder as a table, top rung first"),
        el("thead", null, el("tr", null, el("th", { scope: "col" }, "Rung"), el("th", { scope: "col" }, "Name"), el("th", { scope: "col" }, "This relationship"))),
        body)));
  };

  /* resultSummary: the rung, how it is worked out, and the spread. */
  proto.resultSummary = function (snap, o) {
    var answers = snap.answers;
    this.add(el("p", null, el("strong", null, "How this is worked out: "), "your rung is the middle (median) of your answers, rounded down; \u201cI do not know\u201d answers are left out."));
    var ex = extremes(answers, this.dims.map(function (d) { return d.title; }));
    this.add(el("ul", { class: "ladder-assessment__facts" },
      el("li", null, knownText(o.known, answers.length)),
      el("li", { "data-la-spread": o.spread }, spreadText(o.spread, ex))));
    if (o.mixed) {
      this.add(el("div", { class: "ladder-assessment__mixed", "data-la-mixed": "" },
        el("p", null, el("strong", null, "A mixed picture. "), "Your highest and lowest answers are 3 or more rungs apart. The relationship is strong in " + ex.hiNames +
          " but weaker in " + ex.loNames + ". Look at each question on its own as well as the overall rung.")));
    }
  };

  /* resultLadder: the ladder as a picture and a table, and the target
     rung, which redraws both. */
  proto.resultLadder = function (snap, o) {
    var self = this;
    this.add(el("h4", null, "Where this relationship is on the ladder"));
    var descId = "la-picture-text";
    var pictureBox = this.add(el("div", { class: "ladder-assessment__picture" }));
    var pictureP = this.add(el("p", { id: descId, class: "ladder-assessment__picture-text" }));
    var tableBox = this.add(el("div"));
    function drawLadder() {
      var was = tableBox.querySelector("details");
      var open = !!(was && was.open);
      joinedup.empty(pictureBox);
      joinedup.empty(tableBox);
      pictureBox.appendChild(self.ladderPicture(o.rung, snap.target, descId));
      pictureP.textContent = pictureText(o.rung, snap.target, self.names);
      tableBox.appendChild(self.ladderTable(o.rung, snap.target));
      tableBox.firstChild.open = open;
    }

    this.add(el("h4", null, "Where does this relationship need to be?"));
    var select = el("select", { class: "select ladder-assessment__target", id: "la-target", "aria-describedby": "la-target-hint" },
      el("option", { value: "0" }, "Not decided yet"),
      this.rungs.map(function (r) { return el("option", { value: r.n }, "Rung " + r.n + ": " + r.name); }));
    select.value = String(snap.target || 0);
    this.add(el("div", { class: "form-group ladder-assessment__target-group" },
      el("label", { class: "label", for: "la-target" }, "Target rung"),
      el("p", { class: "hint", id: "la-target-hint" }, "Not every relationship needs the top rung. Choose the rung that suits the work you share."),
      select));
    var gap = this.add(el("p", { class: "ladder-assessment__gap", "data-la-gap": "" }, gapText(o.rung, snap.target, this.names)));
    select.addEventListener("change", function () {
      snap.target = Number(select.value);
      self.persist();
      gap.textContent = gapText(o.rung, snap.target, self.names);
      drawLadder();
      joinedup.say(self.status, gap.textContent);
    });
    drawLadder();
  };

  /* resultNext: what the next rung looks like, and ideas for the lowest
     answers. */
  proto.resultNext = function (answers, o) {
    var self = this, dims = this.dims, steps = this.rungs;
    if (o.rung < steps.length) {
      var next = steps[o.rung];
      this.add(el("h4", null, "What the next rung looks like: rung " + next.n + ", " + next.name));
      this.add(el("p", null, next.looksLike));
      this.add(el("p", null, el("strong", null, "How to move up: "), steps[o.rung - 1].moveUp));
      var ups = [];
      answers.forEach(function (a, i) {
        if (a > 0 && a < steps.length) ups.push(el("li", null, el("strong", null, dims[i].title + " (now rung " + a + "): "), dims[i].descriptors[a]));
      });
      if (ups.length) {
        this.add(el("p", null, "For each question, the statement one rung above your answer:"));
        this.add(el("ul", { class: "ladder-assessment__next" }, ups));
      }
    } else {
      this.add(el("h4", null, "You are on the top rung"));
      this.add(el("p", null, el("strong", null, "How to keep it: "), steps[steps.length - 1].moveUp));
    }
    var weak = weakest(answers, steps.length);
    if (weak.length) {
      this.add(el("h4", null, "Suggested actions"));
      this.add(el("p", null, "Start with your lowest answers."));
      weak.forEach(function (i) {
        var d = dims[i];
        self.add(el("h5", { class: "ladder-assessment__idea-title" }, d.title + " (rung " + answers[i] + ")"));
        if (d.ideas) self.add(d.ideas.cloneNode(true));
      });
    }
  };

  /* resultCode: the result code for a trainer, with a button that copies
     it. */
  proto.resultCode = function (snap) {
    var self = this;
    var code = ladder.encode(snap.answers, snap.nonce);
    var codeBox = el("input", { class: "input ladder-assessment__code", id: "la-code", type: "text", readonly: true, value: code, "aria-describedby": "la-code-hint", spellcheck: "false" });
    function legacyCopy() {
      try { return document.execCommand("copy"); } catch (e) { return false; }
    }
    var copy = button("Copy the code", "button button--secondary", function () {
      function done(ok) { joinedup.say(self.status, ok ? "Result code copied." : "Could not copy: select the code and copy it yourself."); }
      codeBox.focus();
      codeBox.select();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(code).then(function () { done(true); }, function () { done(legacyCopy()); });
      } else done(legacyCopy());
    });
    this.add(el("div", { class: "ladder-assessment__code-box" },
      el("div", { class: "form-group" },
        el("label", { class: "label", for: "la-code" }, "Result code for your trainer"),
        el("p", { class: "hint", id: "la-code-hint" }, "If a trainer asks for it, give them this code. It holds only your rung numbers and a random number: no names, no relationship and no words. You can find it again from your list of relationships."),
        el("div", { class: "ladder-assessment__code-row" }, codeBox, copy))));
  };

  proto.resultScreen = function () {
    var self = this, state = this.state, snap = state.rel.snapshots[state.n];
    var o = ladder.overall(snap.answers);
    var part = this.add(el("div", { class: "ladder-assessment__result", "data-la-result-part": "" }));
    var screen = this.screen;
    this.screen = part;
    var h = this.heading("Your result");
    this.add(el("div", { class: "panel ladder-assessment__panel" },
      el("p", { class: "panel__title", "data-la-result": o.rung }, "Rung " + o.rung + ": " + this.rungName(o.rung)),
      el("p", { class: "panel__body" }, state.rel.name, el("br"), "Assessed on " + when(snap))));
    this.resultCode(snap);
    this.resultSummary(snap, o);
    this.resultLadder(snap, o);
    this.resultNext(snap.answers, o);
    this.screen = screen;
    this.add(el("div", { class: "button-group" },
      button("Print your result", "button", function () { joinedup.printPart(part); }),
      button("Change over time", "button button--secondary", function () { self.go({ screen: "history", rel: state.rel }); }),
      button("Back to your relationships", "button button--secondary", function () { self.go({ screen: "start" }); })));
    return h;
  };

  /* historyTable: one column per saved result, oldest first, and a row
     for the overall rung, each question, the target and the code, so
     that a few results fit across a screen. */
  proto.historyTable = function (r) {
    var self = this, snaps = r.snapshots;
    var headRow = el("tr", null, el("th", { scope: "col" }, "Question"), snaps.map(function (s) { return el("th", { scope: "col" }, when(s)); }));
    function row(label, cells) { return el("tr", null, el("th", { scope: "row" }, label), cells.map(function (c) { return el("td", null, c); })); }
    var rows = [row("Overall rung", snaps.map(function (s) {
      var o = ladder.overall(s.answers);
      return o.rung + " " + self.rungName(o.rung) + (o.mixed ? " (mixed)" : "");
    }))];
    this.dims.forEach(function (d, i) {
      rows.push(row(d.title, snaps.map(function (s) { return s.answers[i] ? String(s.answers[i]) : "Not known"; })));
    });
    rows.push(row("Target", snaps.map(function (s) { return s.target ? String(s.target) : "None"; })));
    rows.push(row("Result code", snaps.map(function (s) { return el("code", null, ladder.encode(s.answers, s.nonce)); })));
    return el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": "la-history-caption" },
      el("table", { class: "ladder-assessment__history" },
        el("caption", { id: "la-history-caption" }, el("span", { class: "caption__text" }, "Saved results for " + r.name + ", oldest first")),
        el("thead", null, headRow), el("tbody", null, rows)));
  };

  /* Change over time: the saved results, each with a way to see it
     again. */
  proto.historyScreen = function () {
    var self = this, r = this.state.rel;
    var h = this.heading("Change over time");
    this.add(el("p", { class: "ladder-assessment__for" }, "Relationship: ", el("strong", null, r.name)));
    if (!r.snapshots.length) this.add(el("p", null, "There are no saved results for this relationship yet."));
    else {
      this.add(this.historyTable(r));
      this.add(el("h4", null, "See a result again"));
      this.add(el("ul", { class: "ladder-assessment__results" }, r.snapshots.map(function (s, i) {
        var rung = ladder.overall(s.answers).rung;
        return el("li", null, button(["View the result of " + when(s), joinedup.visuallyHidden(" (rung " + rung + ")")], "link-button", function () {
          self.go({ screen: "result", rel: r, n: i });
        }));
      }).reverse()));
    }
    this.add(el("div", { class: "button-group" },
      button("Assess again", "button", function () { self.begin(r); }),
      button("Back to your relationships", "button button--secondary", function () { self.go({ screen: "start" }); }),
      button("Delete this relationship", "button button--secondary", function () { self.go({ screen: "delete", rel: r }); })));
    return h;
  };

  /* Delete: the question, on a screen of its own so that focus lands on
     it; the answer "No, keep it" comes first in the reading order after
     the warning. */
  proto.deleteScreen = function () {
    var self = this, r = this.state.rel;
    var h = this.heading("Delete \u201c" + r.name + "\u201d?");
    this.add(el("div", { class: "notice notice--warning" },
      el("p", null, "This removes the relationship, its unfinished answers and its " + joinedup.quantity(r.snapshots.length, "saved result", "saved results") +
        " from this browser. You can undo it until you leave this page.")));
    this.add(el("div", { class: "button-group" },
      button("Yes, delete it", "button button--warning", function () { self.remove(r); }),
      button("No, keep it", "button button--secondary", function () { self.go({ screen: "start" }); })));
    return h;
  };

  proto.remove = function (r) {
    var list = this.saved.relationships, at = list.indexOf(r);
    if (at < 0) return;
    list.splice(at, 1);
    this.persist();
    this.deleted = { rel: r, at: at };
    this.state.focusBanner = true;
    this.go({ screen: "start" });
    this.state.focusBanner = false;
    joinedup.say(this.status, "Deleted " + r.name + ". You can undo this.");
  };

  proto.undoDelete = function () {
    var gone = this.deleted;
    if (!gone) return;
    var list = this.saved.relationships;
    list.splice(Math.min(gone.at, list.length), 0, gone.rel);
    this.deleted = null;
    this.persist();
    this.show(false);
    var item = this.screen.querySelectorAll(".ladder-assessment__relationship")[Math.min(gone.at, list.length - 1)];
    var again = item && item.querySelector("button");
    if (again) again.focus();
    joinedup.say(this.status, "Put back " + gone.rel.name + ".");
  };

  joinedup.register(LadderAssessment);
})();
