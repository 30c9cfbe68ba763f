/* "Can I share this information?": asks the decision tree's questions one
   at a time and ends with the outcome in a panel. The tree is read from the
   component's own markup (the version without JavaScript), so the data is
   written once. Answers are kept only in the page's address (the option
   chosen at each step, as in #consent-aid-1/0.2): the browser's Back goes
   to the previous question and a reload keeps the answers, but nothing is
   stored or sent.

   Where the reader is in the tree (Walk) is plain logic, which Node's test
   runner loads (consent-aid.test.js). */
(function () {
  "use strict";

  /* Walk is a reader's way through the tree ({first, steps: {id: {options:
     [{next, outcome}]}}}): the answers given so far, in order, the answer
     last chosen at each step (so Back and Change show it again), the step
     they are on, and the outcome once they reach one. */
  function Walk(tree) {
    this.tree = tree;
    this.restart();
  }

  Walk.prototype.restart = function () {
    this.history = [];
    this.chosen = {};
    this.current = this.tree.first;
    this.finished = "";
  };

  /* answer records option choice at the current step and moves on to
     its next step or its outcome. */
  Walk.prototype.answer = function (choice) {
    var opt = this.tree.steps[this.current].options[choice];
    this.chosen[this.current] = choice;
    this.history.push({ step: this.current, choice: choice });
    if (opt.next) this.current = opt.next;
    else this.finished = opt.outcome;
  };

  /* back returns to the step of the last answer. */
  Walk.prototype.back = function () {
    var last = this.history.pop();
    if (!last) return;
    this.current = last.step;
    this.finished = "";
  };

  /* change returns to the step of answer index, forgetting it and the
     answers after it. */
  Walk.prototype.change = function (index) {
    this.current = this.history[index].step;
    this.history = this.history.slice(0, index);
    this.finished = "";
  };

  /* path is the answers given so far as text for the page's address,
     "0.2.1": the option chosen at each step, in order. */
  Walk.prototype.path = function () {
    return this.history.map(function (h) { return h.choice; }).join(".");
  };

  /* replay starts again and gives the answers in path, as path() wrote
     them. It reports false, leaving the walk at the start, when path
     does not fit the tree (an option that does not exist, or an answer
     after an outcome). */
  Walk.prototype.replay = function (path) {
    this.restart();
    if (path === "") return true;
    var parts = String(path).split(".");
    for (var i = 0; i < parts.length; i++) {
      var choice = /^\d{1,2}$/.test(parts[i]) ? Number(parts[i]) : -1;
      if (this.finished || choice < 0 || choice >= this.tree.steps[this.current].options.length) {
        this.restart();
        return false;
      }
      this.answer(choice);
    }
    return true;
  };

  /* state names where the reader is, for the markup's data-state. */
  Walk.prototype.state = function () {
    return this.finished ? "outcome:" + this.finished : "step:" + this.current;
  };

  if (typeof module === "object" && module.exports) {
    module.exports = { Walk: Walk };
    return;
  }

  /* ---- In the page from here on. ---- */

  var joinedup = window.joinedup;
  var el = joinedup.el, button = joinedup.button;
  var NAME = "consent-aid";
  var instances = 0;

  /* readTree collects the steps (in page order; the first is the start)
     and the outcomes from the printed tree. */
  function readTree(root) {
    var tree = { first: null, steps: {}, outcomes: {} };
    var stepEls = root.querySelectorAll(".consent-aid__step[data-step]");
    for (var i = 0; i < stepEls.length; i++) {
      var s = stepEls[i];
      var hint = s.querySelector(".consent-aid__hint");
      var step = { id: s.getAttribute("data-step"), question: s.getAttribute("data-question"), hint: hint ? hint.textContent : "", options: [] };
      var opts = s.querySelectorAll(".consent-aid__option");
      for (var k = 0; k < opts.length; k++) {
        step.options.push({
          answer: opts[k].getAttribute("data-answer"),
          hint: opts[k].getAttribute("data-hint") || "",
          next: opts[k].getAttribute("data-next") || "",
          outcome: opts[k].getAttribute("data-outcome") || ""
        });
      }
      tree.steps[step.id] = step;
      if (!tree.first) tree.first = step.id;
    }
    if (!tree.first) throw new joinedup.ElementError(NAME, "the decision tree's steps", ".consent-aid__step[data-step]");
    var outEls = root.querySelectorAll(".consent-aid__outcome[data-outcome]");
    for (var o = 0; o < outEls.length; o++) {
      tree.outcomes[outEls[o].getAttribute("data-outcome")] = {
        title: outEls[o].getAttribute("data-title"),
        body: joinedup.required(outEls[o], ".consent-aid__outcome-body", NAME, "an outcome's text")
      };
    }
    return tree;
  }

  /* ConsentAid runs the decision tree in the tool's place in the markup
     (hidden until this starts). */
  function ConsentAid(root) {
    this.root = root;
    var level = Number(root.getAttribute("data-level")) || 2;
    this.level = level;
    this.h = "h" + level;
    this.h2 = "h" + Math.min(level + 1, 6);
    this.prefix = "consent-aid-" + (++instances);
    this.tree = readTree(root);
    this.walk = new Walk(this.tree);
    this.route = "#" + this.prefix + "/";
    this.showError = false; // Continue was pressed without an answer
    var tool = joinedup.required(root, ".consent-aid__tool", NAME, "the place for the tool");

    this.screen = el("div", { class: "consent-aid__screen" });
    this.status = el("p", { class: "visually-hidden", role: "status" });
    tool.appendChild(el("p", { class: "consent-aid__notice" },
      el("strong", null, "Your answers are not saved. "), "They are kept only in this page\u2019s address, so Back and reload keep your place, and they go when you close the page."));
    tool.appendChild(this.screen);
    tool.appendChild(this.status);
    tool.hidden = false;
    var self = this;
    var path = this.pathIn(window.location.hash);
    if (path !== null) this.walk.replay(path);
    this.stamp();
    window.addEventListener("popstate", function (e) { self.popped(e.state); });
    window.addEventListener("hashchange", function () { self.popped(window.history.state); });
    this.render("");
  }
  ConsentAid.moduleName = NAME;

  /* pathIn reads this aid's answers from an address, or gives null when
     the address is not this aid's. */
  ConsentAid.prototype.pathIn = function (hash) {
    return hash.indexOf(this.route) === 0 ? hash.slice(this.route.length) : null;
  };

  /* state is the history entry's state with this aid's answers in it:
     every entry the reader reaches is marked with them, so that Back to
     an entry shows the answers it was left with. */
  ConsentAid.prototype.state = function () {
    var old = window.history.state, out = {};
    if (old && typeof old === "object") for (var k in old) if (Object.prototype.hasOwnProperty.call(old, k)) out[k] = old[k];
    out[this.prefix] = this.walk.path();
    return out;
  };

  ConsentAid.prototype.stamp = function () {
    window.history.replaceState(this.state(), "");
  };

  /* record gives the answers so far an entry of their own in the
     browser's history, after the reader moved. */
  ConsentAid.prototype.record = function () {
    var hash = this.route + this.walk.path();
    if (hash === window.location.hash) this.stamp();
    else window.history.pushState(this.state(), "", window.location.pathname + window.location.search + hash);
  };

  /* popped follows Back, Forward, a reload's address or a link within
     the page. An entry marked with answers shows them; an address of
     this aid shows its answers; any other (a link to a heading) leaves
     the aid as it is and is marked with its answers. */
  ConsentAid.prototype.popped = function (state) {
    var path = state && typeof state[this.prefix] === "string" ? state[this.prefix] : this.pathIn(window.location.hash);
    if (path === null) { this.stamp(); return; }
    if (path === this.walk.path()) return;
    var walk = this.walk;
    if (walk.path().indexOf(path === "" ? "" : path + ".") === 0) {
      while (walk.history.length && walk.path() !== path) walk.back();
    } else walk.replay(path);
    this.showError = false;
    this.render("heading");
  };

  ConsentAid.prototype.restart = function () {
    this.walk.restart();
    this.showError = false;
    this.record();
    this.render("heading");
    joinedup.say(this.status, "Started again");
  };

  ConsentAid.prototype.back = function () {
    this.walk.back();
    this.showError = false;
    this.record();
    this.render("heading");
  };

  ConsentAid.prototype.change = function (index) {
    this.walk.change(index);
    this.showError = false;
    this.record();
    this.render("heading");
  };

  /* answers lists the answers given so far, each with a Change button. */
  ConsentAid.prototype.answers = function () {
    var self = this, walk = this.walk;
    if (!walk.history.length) return null;
    var rows = walk.history.map(function (a, index) {
      var step = self.tree.steps[a.step];
      return el("div", { class: "summary-list__row" },
        el("dt", null, step.question),
        el("dd", null, step.options[a.choice].answer),
        el("dd", { class: "consent-aid__actions" },
          button(["Change", joinedup.visuallyHidden(" your answer to: " + step.question)], "consent-aid__change", function () { self.change(index); })));
    });
    return el("div", { class: "consent-aid__answers" },
      el(this.h2, { class: "consent-aid__answers-title" }, walk.finished ? "Your answers" : "Your answers so far"),
      el("dl", { class: "summary-list consent-aid__summary" }, rows));
  };

  ConsentAid.prototype.questionScreen = function () {
    var self = this, walk = this.walk;
    var step = this.tree.steps[walk.current];
    var id = this.prefix + "-" + step.id;
    var errorId = id + "-error", hintId = id + "-hint";
    var nodes = [];
    var radios = step.options.map(function (opt, i) {
      var inputId = id + "-" + i, optHint = opt.hint ? inputId + "-hint" : null;
      return el("div", { class: "radios__item" },
        el("input", { class: "radios__input", type: "radio", name: id, id: inputId, value: String(i), checked: walk.chosen[step.id] === i, "aria-describedby": optHint }),
        el("label", { class: "radios__label", for: inputId }, opt.answer,
          opt.hint ? el("span", { class: "radios__hint", id: optHint }, opt.hint) : null));
    });
    if (this.showError) {
      nodes.push(joinedup.errorSummary({ id: id + "-problem", level: Math.min(this.level + 1, 6), alert: true, items: [{ text: "Choose an answer to continue", target: id + "-0" }] }));
    }
    var described = [step.hint ? hintId : null, this.showError ? errorId : null].filter(Boolean).join(" ") || null;
    var form = el("form", { class: "consent-aid__form", action: "#", novalidate: true },
      el("div", { class: "form-group" + (this.showError ? " form-group--error" : "") },
        el("fieldset", { class: "fieldset", "aria-describedby": described },
          el("legend", { class: "fieldset__legend fieldset__legend--l" },
            el("span", { class: "consent-aid__caption" }, "Question " + (walk.history.length + 1)),
            el(this.h, { class: "consent-aid__heading", tabindex: "-1" }, step.question)),
          step.hint ? el("p", { class: "hint", id: hintId }, step.hint) : null,
          this.showError ? joinedup.errorMessage(errorId, "Choose an answer to continue.") : null,
          el("div", { class: "radios" }, radios))),
      el("div", { class: "button-group" },
        el("button", { type: "submit", class: "button consent-aid__continue" }, "Continue"),
        walk.history.length ? button("Back", "button button--secondary consent-aid__back", function () { self.back(); }) : null,
        walk.history.length ? button("Start again", "button button--secondary consent-aid__restart", function () { self.restart(); }) : null));
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var picked = form.querySelector("input[type=radio]:checked");
      if (!picked) {
        self.showError = true;
        self.render("error");
        return;
      }
      walk.answer(Number(picked.value));
      self.showError = false;
      self.record();
      self.render("heading");
    });
    nodes.push(form);
    nodes.push(this.answers());
    return nodes;
  };

  ConsentAid.prototype.outcomeScreen = function () {
    var self = this;
    var outcome = this.tree.outcomes[this.walk.finished];
    return [
      el("div", { class: "panel consent-aid__panel" },
        el("p", { class: "panel__body consent-aid__panel-label" }, "Your outcome"),
        el(this.h, { class: "panel__title consent-aid__heading", tabindex: "-1" }, outcome.title)),
      el("div", { class: "consent-aid__result" }, outcome.body.cloneNode(true)),
      this.answers(),
      el("div", { class: "button-group" },
        button("Start again", "button consent-aid__restart", function () { self.restart(); }),
        button("Print your answers", "button button--secondary consent-aid__print", function () { window.print(); }))
    ];
  };

  /* render redraws the tool, then moves focus: to the new heading when the
     screen changes, or to the error summary. */
  ConsentAid.prototype.render = function (focus) {
    var walk = this.walk, screen = this.screen, root = this.root;
    joinedup.empty(screen);
    var nodes = walk.finished ? this.outcomeScreen() : this.questionScreen();
    for (var i = 0; i < nodes.length; i++) if (nodes[i]) screen.appendChild(nodes[i]);
    root.className = root.className.replace(/\s*consent-aid--finished\b/g, "") + (walk.finished ? " consent-aid--finished" : "");
    root.setAttribute("data-state", walk.state());
    var target = focus === "error" ? screen.querySelector(".error-summary") : focus === "heading" ? screen.querySelector(".consent-aid__heading") : null;
    if (target) target.focus();
    if (walk.finished) joinedup.say(this.status, "Outcome: " + this.tree.outcomes[walk.finished].title);
  };

  joinedup.register(ConsentAid);
})();
