/* Branching scenarios: shows one step at a time. The scenario is read from
   its own markup, where every step is a section with an id and every
   choice a link to another step's section, which is how it works without
   this script, on paper and from disk.

   The address's #fragment says which step is showing. A choice adds an
   entry to the browser's history that carries the path so far, so the
   Back button goes back a step and a reload stays where it was. The path
   and the step are also kept in this browser (joinedup.scenarios), with
   the date and ending of each time the scenario was finished, for the
   learning record. Nothing is sent anywhere.

   The path logic and the shape of what is stored are plain functions,
   which Node's test runner loads (scenario.test.js). */
(function () {
  "use strict";

  var KEY = "joinedup.scenarios";
  var MAX_DONE = 20;   // finished runs kept per scenario
  var MAX_PATH = 200;  // choices kept in a path

  /* A graph is {first: id, steps: {id: {choices: [next, ...], ending: bool}}}.
     A path is the choices made, in order: [{step, choice}], where choice
     is the index of the choice taken at step. */

  /* validPath reports whether path is a way through graph from its first
     step that ends at step at. */
  function validPath(graph, path, at) {
    if (!Array.isArray(path) || path.length > MAX_PATH || !graph.steps[at]) return false;
    var cur = graph.first;
    for (var i = 0; i < path.length; i++) {
      var p = path[i];
      if (!p || p.step !== cur || !graph.steps[cur] || typeof p.choice !== "number") return false;
      var next = graph.steps[cur].choices[p.choice];
      if (next === undefined) return false;
      cur = next;
    }
    return cur === at;
  }

  /* choose is the path after taking choice at step at. */
  function choose(path, at, choice) {
    return path.concat([{ step: at, choice: choice }]);
  }

  /* arrive works out the path to step target when the reader got there
     without a choice (a link, a typed address, a reload without history):
     the path kept from before if it ends there; back along it if target
     is on it; on by one choice if one leads there; else none (known:
     false), unless target is the first step. */
  function arrive(graph, kept, target) {
    if (target === graph.first) return { path: [], known: true };
    if (kept && validPath(graph, kept.path, kept.at)) {
      if (kept.at === target) return { path: kept.path.slice(), known: true };
      for (var i = kept.path.length - 1; i >= 0; i--) {
        if (kept.path[i].step === target) return { path: kept.path.slice(0, i), known: true };
      }
      var choices = graph.steps[kept.at].choices;
      for (var c = 0; c < choices.length; c++) {
        if (choices[c] === target) return { path: choose(kept.path, kept.at, c), known: true };
      }
    }
    return { path: [], known: false };
  }

  /* runKey names a finished run by its path and ending, so that coming
     back to the same ending by the same path (Back and Forward, a reload)
     is not counted as another run. */
  function runKey(path, ending) {
    return path.map(function (p) { return p.step + ":" + p.choice; }).join(",") + ">" + ending;
  }

  /* validStore checks the shape of what is stored, so that a damaged or
     hand-edited value is reported instead of breaking the page. */
  function validStore(data) {
    if (!data || typeof data !== "object" || !data.scenarios || typeof data.scenarios !== "object" || Array.isArray(data.scenarios)) return false;
    for (var id in data.scenarios) {
      if (!Object.prototype.hasOwnProperty.call(data.scenarios, id)) continue;
      var s = data.scenarios[id];
      if (!s || typeof s !== "object" || !Array.isArray(s.done)) return false;
      var doneOK = s.done.every(function (d) {
        return d && typeof d === "object" && /^\d{4}-\d{2}-\d{2}$/.test(d.date) && typeof d.ending === "string" && typeof d.choices === "number";
      });
      if (!doneOK) return false;
      if (s.progress !== null && (typeof s.progress !== "object" || typeof s.progress.at !== "string" || !Array.isArray(s.progress.path))) return false;
    }
    return true;
  }

  /* record is the stored data with scenario id's progress set to path
     and at, and, when at is an ending reached by a new run, that run
     added (the newest MAX_DONE are kept). */
  function record(data, id, path, at, ending, date) {
    var out = { scenarios: {} };
    for (var k in data.scenarios) if (Object.prototype.hasOwnProperty.call(data.scenarios, k)) out.scenarios[k] = data.scenarios[k];
    var s = out.scenarios[id] || { progress: null, done: [], last: "" };
    var next = { progress: { path: path, at: at }, done: s.done.slice(), last: s.last || "" };
    if (ending) {
      var key = runKey(path, at);
      if (key !== next.last) {
        next.done.push({ date: date, ending: at, choices: path.length });
        next.done = next.done.slice(-MAX_DONE);
        next.last = key;
      }
    } else {
      next.last = "";
    }
    out.scenarios[id] = next;
    return out;
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { MAX_DONE: MAX_DONE, validPath: validPath, choose: choose, arrive: arrive, runKey: runKey, validStore: validStore, record: record };
    return;
  }

  /* ---- In the page from here on. ---- */

  var joinedup = window.joinedup;
  var el = joinedup.el;
  var NAME = "scenario";

  /* readSteps reads the steps from the markup, in page order: the first
     is where the scenario starts. */
  function readSteps(root) {
    var graph = { first: null, steps: {} };
    var sections = root.querySelectorAll(".scenario__step[data-step]");
    for (var i = 0; i < sections.length; i++) {
      var section = sections[i];
      var links = [].slice.call(section.querySelectorAll(".scenario__choice[data-next]"));
      graph.steps[section.getAttribute("data-step")] = {
        section: section,
        number: section.getAttribute("data-number"),
        title: section.getAttribute("data-title"),
        heading: joinedup.required(section, ".scenario__title", NAME, "a step's heading"),
        links: links,
        choices: links.map(function (a) { return a.getAttribute("data-next"); }),
        texts: links.map(function (a) { return a.textContent; }),
        ending: section.hasAttribute("data-result")
      };
      if (!graph.first) graph.first = section.getAttribute("data-step");
    }
    if (!graph.first) throw new joinedup.ElementError(NAME, "the scenario's steps", ".scenario__step[data-step]");
    return graph;
  }

  /* Scenario runs one scenario in its markup. */
  function Scenario(root) {
    var self = this;
    this.root = root;
    this.id = root.getAttribute("data-scenario");
    this.prefix = this.id + "-";
    this.graph = readSteps(root);
    this.tool = joinedup.required(root, ".scenario__tool", NAME, "the place for the tool");
    this.how = root.querySelector(".scenario__how");
    this.status = el("p", { class: "visually-hidden", role: "status" });
    this.resume = el("div", { class: "scenario__resume" });
    this.tool.appendChild(this.resume);
    this.tool.appendChild(this.status);
    this.tool.hidden = false;
    if (this.how) this.how.textContent = "Read what happens and what the others say, then choose what you would do. Your browser\u2019s Back button takes you back a step. Every path ends with a debrief.";

    var read = joinedup.store.readJSON(KEY);
    this.saved = { scenarios: {} };
    this.problem = read.problem;
    if (read.data && validStore(read.data)) this.saved = read.data;
    else if (read.data) this.problem = "Your saved progress in the scenarios is not in the expected form.";
    joinedup.storageNotice(this.tool, { key: KEY, problem: this.problem, onClear: function () { self.saved = { scenarios: {} }; } });

    Object.keys(this.graph.steps).forEach(function (id) {
      var step = self.graph.steps[id];
      step.heading.setAttribute("tabindex", "-1");
      step.links.forEach(function (a, i) {
        a.addEventListener("click", function (ev) {
          ev.preventDefault();
          self.go(a.getAttribute("data-next"), choose(self.path, self.at, i));
        });
      });
    });
    [].forEach.call(root.querySelectorAll("[data-restart]"), function (a) {
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        self.go(self.graph.first, []);
      });
    });
    window.addEventListener("popstate", function (ev) { self.fromHistory(ev.state, true); });
    window.addEventListener("hashchange", function () { self.fromAddress(true); });
    root.className += " scenario--js";
    this.fromHistory(window.history.state, false);
  }
  Scenario.moduleName = NAME;

  /* stepIn is the step the address's #fragment names, or "". */
  Scenario.prototype.stepIn = function (hash) {
    var id = decodeURIComponent(String(hash || "").replace(/^#/, ""));
    if (id.indexOf(this.prefix) !== 0) return "";
    id = id.slice(this.prefix.length);
    return Object.prototype.hasOwnProperty.call(this.graph.steps, id) ? id : "";
  };

  Scenario.prototype.kept = function () {
    var s = this.saved.scenarios[this.id];
    return s && s.progress ? s.progress : null;
  };

  /* fromHistory shows what a history entry of this scenario holds, or
     else what the address names. */
  Scenario.prototype.fromHistory = function (state, moved) {
    var mine = state && state.joinedupScenario === this.id && validPath(this.graph, state.path, state.at);
    if (!mine) {
      this.fromAddress(moved);
      return;
    }
    this.show(state.at, state.path, true, moved, true);
  };

  /* fromAddress shows the step the address names, working out the path
     from what was kept; with no step named, the first step. */
  Scenario.prototype.fromAddress = function (moved) {
    var target = this.stepIn(window.location.hash);
    if (moved && target && target === this.at) return; // a popstate already showed it
    if (!target) {
      if (moved) return; // another part of the page
      // Opening the page is not a move: what was kept stays, to carry on.
      this.offerResume();
      this.show(this.graph.first, [], true, false, false);
      return;
    }
    var got = arrive(this.graph, this.kept(), target);
    window.history.replaceState(this.state(target, got.path), "", window.location.href);
    this.show(target, got.path, got.known, moved, true);
  };

  Scenario.prototype.state = function (at, path) {
    return { joinedupScenario: this.id, at: at, path: path };
  };

  /* go moves to step at by a choice or Start again, adding a history
     entry. */
  Scenario.prototype.go = function (at, path) {
    window.history.pushState(this.state(at, path), "", "#" + this.prefix + at);
    this.show(at, path, true, true, true);
  };

  /* offerResume offers, at the first step, to carry on from where the
     reader was on an earlier visit. */
  Scenario.prototype.offerResume = function () {
    var self = this, kept = this.kept();
    joinedup.empty(this.resume);
    if (!kept || kept.at === this.graph.first || !validPath(this.graph, kept.path, kept.at) || this.graph.steps[kept.at].ending) return;
    var step = this.graph.steps[kept.at];
    var link = el("a", { href: "#" + this.prefix + kept.at, class: "scenario__resume-link" }, "Carry on from step " + step.number + ": " + step.title);
    link.addEventListener("click", function (ev) {
      ev.preventDefault();
      self.go(kept.at, kept.path);
    });
    this.resume.appendChild(el("p", { class: "notice" }, "You were part way through this scenario. ", link));
  };

  /* show shows step at alone, with the path that led there (known is
     false when the reader came straight to it), keeps the place when
     keep is set, and moves focus to the step's heading when the reader
     moved. */
  Scenario.prototype.show = function (at, path, known, moved, keep) {
    var graph = this.graph;
    this.at = at;
    this.path = path;
    for (var id in graph.steps) {
      if (Object.prototype.hasOwnProperty.call(graph.steps, id)) graph.steps[id].section.hidden = id !== at;
    }
    var step = graph.steps[at];
    if (at !== graph.first) joinedup.empty(this.resume);
    var old = this.root.querySelector(".scenario__path");
    if (old) old.parentNode.removeChild(old);
    if (step.ending) {
      var debrief = step.section.querySelector(".scenario__debrief");
      step.section.insertBefore(this.pathBox(path, known), debrief);
    }
    this.root.setAttribute("data-state", (step.ending ? "ending:" : "step:") + at);
    if (keep) {
      this.saved = record(this.saved, this.id, path, at, step.ending, joinedup.today());
      joinedup.store.writeJSON(KEY, this.saved);
    }
    if (moved) {
      step.heading.focus();
      joinedup.say(this.status, "Step " + step.number + ": " + step.title);
    }
  };

  /* pathBox lists the choices that led to an ending, and a button to
     print. */
  Scenario.prototype.pathBox = function (path, known) {
    var graph = this.graph, level = Number(this.root.getAttribute("data-level")) || 2;
    var items = path.map(function (p) {
      var step = graph.steps[p.step];
      return el("li", null, el("span", { class: "scenario__path-step" }, "Step " + step.number + ": " + step.title), " ",
        "You chose: ", el("strong", null, step.texts[p.choice]));
    });
    return el("div", { class: "scenario__path" },
      el("h" + Math.min(level + 2, 6), { class: "scenario__path-title" }, "Your path"),
      known ? null : el("p", null, "You came straight to this step, so the choices before it are not known."),
      items.length ? el("ol", { class: "scenario__path-list" }, items) : null,
      el("div", { class: "button-group" },
        joinedup.button("Print the scenario", "button button--secondary scenario__print", function () { window.print(); })));
  };

  joinedup.register(Scenario);
})();
