/* Partnership ladder self-assessment. The page holds the paper version of
   the questionnaire (every question, statement, rung and idea); this script
   reads it, hides it, and runs the same questions as a step-by-step tool:
   name the relationship, answer, check your answers, see the result. Saved
   relationships and their dated results live under joinedup.assessments in
   this browser only. The median and the result code come from
   joinedup.ladder (ladder-code.js, which the page loads first).

   The checks and the sentences worked out from answers are plain
   functions, which Node's test runner loads (ladder-assessment.test.js). */
(function () {
  "use strict";

  var isNode = typeof module === "object" && module.exports;
  var ladder = isNode ? require("./ladder-code.js") : window.joinedup.ladder;

  var KEY = "joinedup.assessments";
  var NAME_MAX = 80;
  var WIDE = "(min-width: 40rem)";
  var DAMAGED = "Your saved answers could not be read. They may have been damaged.";

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

  /* relationshipInfo sums up a saved relationship's results. */
  function relationshipInfo(r) {
    if (!r.snapshots.length) return "No saved results yet";
    var last = r.snapshots[r.snapshots.length - 1];
    return r.snapshots.length + (r.snapshots.length === 1 ? " saved result" : " saved results") + ", latest " + last.date +
      " (rung " + ladder.overall(last.answers).rung + ")";
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
    return "Your answers spread over " + rungs(spread) + ": highest rung " + ex.hi + " (" + ex.hiNames + "), lowest rung " + ex.lo + " (" + ex.loNames + ").";
  }

  /* weakest picks up to three questions with the lowest known answers,
     below the top rung, in question order for ties. */
  function weakest(answers, top) {
    var idx = [];
    answers.forEach(function (a, i) { if (a > 0 && a < top) idx.push(i); });
    idx.sort(function (x, y) { return answers[x] - answers[y] || x - y; });
    return idx.slice(0, 3);
  }

  if (isNode) {
    module.exports = {
      NAME_MAX: NAME_MAX, valid: valid, cleanName: cleanName, nameProblem: nameProblem, relationshipInfo: relationshipInfo,
      gapText: gapText, pictureText: pictureText, knownText: knownText, extremes: extremes, spreadText: spreadText, weakest: weakest
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

    /* state is the visit's progress; only named relationships and finished
       results are stored. */
    this.state = { screen: "start", rel: null, answers: [], question: 0, fromCheck: false, snapshot: null, confirmDelete: false };

    this.status = el("div", { class: "visually-hidden", role: "status" });
    this.screen = el("div", { class: "ladder-assessment__screen" });
    this.app.appendChild(this.screen);
    this.app.appendChild(this.status);
    this.paper.hidden = true;
    this.app.hidden = false;
    this.show(false);
  }
  LadderAssessment.moduleName = NAME;

  var SCREENS = { start: "startScreen", questions: "questionsScreen", check: "checkScreen", result: "resultScreen", history: "historyScreen" };

  var proto = LadderAssessment.prototype;

  proto.persist = function () { return joinedup.store.writeJSON(KEY, this.saved); };
  proto.rungName = function (n) { return rungName(this.names, n); };
  proto.add = function (node) { this.screen.appendChild(node); return node; };

  proto.notice = function () {
    var self = this;
    joinedup.storageNotice(this.screen, {
      key: KEY, problem: this.problem, onClear: function () {
        self.problem = null;
        self.saved = { relationships: [] };
        self.go("start");
      }
    });
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

  /* go moves to another screen. */
  proto.go = function (screen) {
    this.state.screen = screen;
    this.show(true);
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

  proto.begin = function (r) {
    var state = this.state;
    state.rel = r;
    state.answers = this.dims.map(function () { return null; });
    state.question = 0;
    state.fromCheck = false;
    this.go("questions");
  };

  /* Start: a list of saved relationships and a form to name a new one. */
  proto.startScreen = function (error) {
    var self = this, saved = this.saved;
    var h = this.heading("Choose a working relationship");
    if (saved.relationships.length) {
      this.add(el("h4", null, "Your saved relationships"));
      this.add(el("ul", { class: "ladder-assessment__relationships" }, saved.relationships.map(function (r) {
        return el("li", { class: "ladder-assessment__relationship" },
          el("p", { class: "ladder-assessment__relationship-name" }, r.name),
          el("p", { class: "hint" }, relationshipInfo(r)),
          el("div", { class: "button-group" },
            button(["Assess again", joinedup.visuallyHidden(": " + r.name)], "button", function () { self.begin(r); }),
            button([r.snapshots.length ? "Change over time" : "Delete", joinedup.visuallyHidden(": " + r.name)], "button button--secondary", function () {
              self.state.rel = r;
              self.state.confirmDelete = !r.snapshots.length;
              self.go("history");
            })));
      })));
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
      self.persist();
      self.begin(r);
    });
    return h;
  };

  /* questionFieldset is one question with its statements as radios.
     showing is "one" on a screen of its own, "all" with the others. */
  proto.questionFieldset = function (i, showing, error) {
    var state = this.state;
    var d = this.dims[i], name = "la-q-" + d.id, errId = "la-error-" + d.id;
    var legendText = [];
    if (showing === "one") legendText.push(el("span", { class: "ladder-assessment__progress" }, "Question " + (i + 1) + " of " + this.dims.length));
    legendText.push(d.title);
    var heading = el(showing === "one" ? "h3" : "h4", { class: "ladder-assessment__question-title", id: "la-q-title-" + d.id, tabindex: "-1" }, legendText);
    function radio(value, label) {
      var id = name + "-" + value;
      var input = el("input", { class: "radios__input", type: "radio", id: id, name: name, value: value });
      if (state.answers[i] === value) input.checked = true;
      input.addEventListener("change", function () { state.answers[i] = value; });
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

  /* Questions: one per screen below 40rem, all on one screen above. */
  proto.questionsScreen = function (errors) {
    var self = this, state = this.state, dims = this.dims;
    var one = !(window.matchMedia && window.matchMedia(WIDE).matches) || state.fromCheck;
    var indexes = one ? [state.question] : dims.map(function (_, i) { return i; });
    var h = one ? null : this.heading("Rate the relationship");
    this.add(el("p", { class: "ladder-assessment__for" }, "Rating: ", el("strong", null, state.rel.name)));
    var form = el("form", { class: "ladder-assessment__form", novalidate: true });
    indexes.forEach(function (i) {
      var q = self.questionFieldset(i, one ? "one" : "all", errors && errors[i] ? errors[i] : null);
      if (!h) h = q.heading;
      form.appendChild(q.node);
    });
    var cont = el("button", { type: "submit", class: "button" }, state.fromCheck ? "Save and go back to your answers" : (one && state.question < dims.length - 1 ? "Continue" : "Check your answers"));
    var back = button("Back", "button button--secondary", function () {
      if (state.fromCheck) { state.fromCheck = false; state.screen = "check"; }
      else if (one && state.question > 0) state.question--;
      else state.screen = "start";
      self.show(true);
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
      if (state.fromCheck) { state.fromCheck = false; state.screen = "check"; }
      else if (one && state.question < dims.length - 1) state.question++;
      else state.screen = "check";
      self.show(true);
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
        state.question = i;
        state.fromCheck = true;
        self.go("questions");
      });
      return el("div", { class: "summary-list__row" },
        el("dt", null, d.title),
        el("dd", { "data-la-answer": d.id }, a ? "Rung " + a + ": " + d.descriptors[a - 1] : "I do not know"),
        el("dd", { class: "summary-list__actions" }, change));
    })));
    if (error) this.add(joinedup.errorMessage("la-check-error", error));
    var see = button("See your result", "button", function () {
      if (ladder.overall(state.answers).known === 0) {
        self.showErrors("Choose a statement for at least one question: every answer is \u201cI do not know\u201d, so there is no result",
          [{ text: "Choose a statement for at least one question", target: "la-see-result" }]);
        return;
      }
      var snap = { date: joinedup.today(), answers: state.answers.slice(), target: 0 };
      state.rel.snapshots.push(snap);
      state.snapshot = snap;
      var ok = self.persist();
      self.go("result");
      joinedup.say(self.status, ok ? "Your result is saved in this browser." : "Your result could not be saved, but you can print it.");
    });
    see.id = "la-see-result";
    this.add(el("div", { class: "button-group" }, see,
      button("Back", "button button--secondary", function () { state.question = self.dims.length - 1; self.go("questions"); })));
    return h;
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
    this.add(el("div", { class: "panel ladder-assessment__panel" },
      el("p", { class: "panel__title", "data-la-result": o.rung }, "Rung " + o.rung + ": " + this.rungName(o.rung)),
      el("p", { class: "panel__body" }, this.state.rel.name, el("br"), "Assessed on " + snap.date)));
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
    this.add(el("div", { class: "form-group" },
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
        if (a > 0 && a < steps.length) ups.push(el("li", null, el("strong", null, dims[i].title + ": "), dims[i].descriptors[a]));
      });
      if (ups.length) {
        this.add(el("p", null, "For each question, the next statement up from your answer:"));
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
  proto.resultCode = function (answers) {
    var self = this;
    var code = ladder.encode(answers);
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
    this.add(el("h4", null, "Result code for your trainer"));
    this.add(el("div", { class: "form-group" },
      el("label", { class: "label", for: "la-code" }, "Your result code"),
      el("p", { class: "hint", id: "la-code-hint" }, "If a trainer asks for it, give them this code. It holds only your rung numbers, one per question: no names, no relationship and no words."),
      codeBox));
    this.add(el("div", { class: "button-group" }, copy));
  };

  proto.resultScreen = function () {
    var self = this, snap = this.state.snapshot;
    var o = ladder.overall(snap.answers);
    var h = this.heading("Your result");
    this.resultSummary(snap, o);
    this.resultLadder(snap, o);
    this.resultNext(snap.answers, o);
    this.resultCode(snap.answers);
    this.add(el("div", { class: "button-group" },
      button("Print your result", "button", function () { window.print(); }),
      button("Change over time", "button button--secondary", function () { self.state.confirmDelete = false; self.go("history"); }),
      button("Back to your relationships", "button button--secondary", function () { self.go("start"); })));
    return h;
  };

  /* historyTable: one row per saved result, oldest first. */
  proto.historyTable = function (r) {
    var self = this;
    var headRow = el("tr", null, el("th", { scope: "col" }, "Date"), el("th", { scope: "col" }, "Overall rung"),
      this.dims.map(function (d) { return el("th", { scope: "col" }, d.title); }),
      el("th", { scope: "col" }, "Target"));
    var body = el("tbody", null, r.snapshots.map(function (s) {
      var o = ladder.overall(s.answers);
      return el("tr", null, el("th", { scope: "row" }, s.date), el("td", null, o.rung + " " + self.rungName(o.rung) + (o.mixed ? " (mixed)" : "")),
        s.answers.map(function (a) { return el("td", null, a ? String(a) : "Not known"); }),
        el("td", null, s.target ? String(s.target) : "None"));
    }));
    return el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": "la-history-caption" },
      el("table", { class: "ladder-assessment__history" },
        el("caption", { id: "la-history-caption" }, "Saved results for " + r.name + ", oldest first"),
        el("thead", null, headRow), body));
  };

  /* Change over time: the saved results, and deleting. */
  proto.historyScreen = function () {
    var self = this, state = this.state, r = state.rel;
    var h = this.heading("Change over time");
    this.add(el("p", { class: "ladder-assessment__for" }, "Relationship: ", el("strong", null, r.name)));
    if (!r.snapshots.length) this.add(el("p", null, "There are no saved results for this relationship yet."));
    else this.add(this.historyTable(r));
    var group = el("div", { class: "button-group" });
    if (state.confirmDelete) {
      this.add(el("div", { class: "notice notice--warning" },
        el("p", null, el("strong", null, "Delete \u201c" + r.name + "\u201d? "), "This removes the relationship and its " + r.snapshots.length + (r.snapshots.length === 1 ? " saved result" : " saved results") + " from this browser. It cannot be undone.")));
      group.appendChild(button("Yes, delete it", "button button--warning", function () {
        self.saved.relationships = self.saved.relationships.filter(function (x) { return x !== r; });
        self.persist();
        state.rel = null;
        state.confirmDelete = false;
        self.go("start");
        joinedup.say(self.status, "Deleted " + r.name + ".");
      }));
      group.appendChild(button("Cancel", "button button--secondary", function () { state.confirmDelete = false; self.show(true); }));
    } else {
      group.appendChild(button("Assess again", "button", function () { self.begin(r); }));
      group.appendChild(button("Back to your relationships", "button button--secondary", function () { self.go("start"); }));
      group.appendChild(button("Delete this relationship", "button button--secondary", function () { state.confirmDelete = true; self.show(true); }));
    }
    this.add(group);
    return h;
  };

  joinedup.register(LadderAssessment);
})();
