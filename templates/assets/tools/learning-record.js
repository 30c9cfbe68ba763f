/* My learning record: lists what the learner has done with the site's
   tools on this device, from what those tools keep in this browser
   (self-assessments, the action plan, checklists, knowledge checks and
   scenarios), with dates; keeps a reflection (what I did, what I learned,
   what I will do differently) in this browser too (joinedup.learning-
   record); and prints or downloads both as a reflective account for a
   portfolio. It only reads the other tools' keys. Nothing is sent
   anywhere.

   Turning what is stored into the list, and the list and reflection into
   the account, are plain functions, which Node's test runner loads
   (learning-record.test.js). The page loads ladder-code.js first, for the
   self-assessment's rung. */
(function () {
  "use strict";

  var isNode = typeof module === "object" && module.exports;
  var ladder = isNode ? require("./ladder-code.js") : window.joinedup.ladder;

  var KEY = "joinedup.learning-record";
  var FIELDS = [
    ["did", "What I did"],
    ["learned", "What I learned"],
    ["differently", "What I will do differently"],
    ["standards", "How this links to my standards or qualification"]
  ];
  var MAX_FIELD = 10000;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  /* words turns an id such as "professional-courtesy" into words. */
  function words(id) {
    var s = String(id).replace(/-/g, " ");
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  /* The readers below each turn one tool's stored data into entries
     ({date, what, result}), skipping anything not in the form they
     expect: a damaged value shows as nothing here, and the tool itself
     reports it. */

  function fromAssessments(data, rungs) {
    if (!isObject(data) || !Array.isArray(data.relationships)) return [];
    var out = [];
    data.relationships.forEach(function (r) {
      if (!isObject(r) || typeof r.name !== "string" || !Array.isArray(r.snapshots)) return;
      r.snapshots.forEach(function (s) {
        if (!isObject(s) || !DATE.test(s.date) || !Array.isArray(s.answers)) return;
        var rung = ladder.overall(s.answers).rung;
        out.push({
          date: s.date,
          what: "Partnership ladder self-assessment: \u201c" + r.name + "\u201d",
          result: rung ? "Rung " + rung + (rungs[rung - 1] ? " (" + rungs[rung - 1] + ")" : "") : "No rung: every answer was \u201cI do not know\u201d"
        });
      });
    });
    return out;
  }

  function fromActionPlan(data, saved) {
    if (!isObject(data) || !Array.isArray(data.actions) || !DATE.test(saved)) return [];
    var barriers = Array.isArray(data.barriers) ? data.barriers.length : 0;
    if (!barriers && !data.actions.length) return [];
    return [{ date: saved, what: "Barriers and remedies action plan", result: plural(barriers, "barrier", "barriers") + " chosen, " + plural(data.actions.length, "action", "actions") + " planned" }];
  }

  function fromChecklist(id, data, saved) {
    if (!isObject(data) || !Array.isArray(data.ticked) || !DATE.test(saved)) return [];
    return [{ date: saved, what: "Checklist: " + words(id), result: plural(data.ticked.length, "item", "items") + " ticked" }];
  }

  function fromChecks(data, checks) {
    if (!isObject(data) || !isObject(data.checks)) return [];
    var out = [];
    for (var id in data.checks) {
      if (!own(data.checks, id) || !isObject(data.checks[id]) || !Array.isArray(data.checks[id].attempts)) continue;
      var title = checks[id] ? checks[id].title : words(id);
      data.checks[id].attempts.forEach(function (a) {
        if (!isObject(a) || !DATE.test(a.date) || !/^[01]+$/.test(a.answers)) return;
        var right = a.answers.split("").filter(function (d) { return d === "1"; }).length;
        var when = a.phase === "before" ? ", before a training session" : a.phase === "after" ? ", after a training session" : "";
        out.push({ date: a.date, what: "Knowledge check: " + title, result: right + " of " + a.answers.length + " right" + when });
      });
    }
    return out;
  }

  function fromScenarios(data, scenarios) {
    if (!isObject(data) || !isObject(data.scenarios)) return [];
    var out = [];
    for (var id in data.scenarios) {
      if (!own(data.scenarios, id) || !isObject(data.scenarios[id]) || !Array.isArray(data.scenarios[id].done)) continue;
      var s = scenarios[id];
      data.scenarios[id].done.forEach(function (d) {
        if (!isObject(d) || !DATE.test(d.date) || typeof d.ending !== "string") return;
        var ending = s && s.endings[d.ending];
        out.push({
          date: d.date,
          what: "Practice scenario: " + (s ? s.title : words(id)),
          result: ending ? "Ending: " + ending.title + " (" + ending.result + ")" : "Finished"
        });
      });
    }
    return out;
  }

  /* entries lists everything done, newest first. stores holds each
     tool's stored data: {assessments, actionPlan: {data, saved},
     checklists: [{id, data, saved}], checks, scenarios}; catalogue names
     the site's scenarios, checks and rungs. */
  function entries(stores, catalogue) {
    var out = [].concat(
      fromAssessments(stores.assessments, catalogue.rungs),
      stores.actionPlan ? fromActionPlan(stores.actionPlan.data, stores.actionPlan.saved) : [],
      fromChecks(stores.checks, catalogue.checks),
      fromScenarios(stores.scenarios, catalogue.scenarios));
    (stores.checklists || []).forEach(function (c) { out = out.concat(fromChecklist(c.id, c.data, c.saved)); });
    // Newest first; on one day, in the order above.
    return out.map(function (e, i) { return { e: e, i: i }; }).sort(function (a, b) {
      return a.e.date < b.e.date ? 1 : a.e.date > b.e.date ? -1 : a.i - b.i;
    }).map(function (x) { return x.e; });
  }

  /* cleanReflection keeps the fields of a stored reflection that are
     text, each cut to MAX_FIELD characters; null when it is not one. */
  function cleanReflection(data) {
    if (!isObject(data)) return null;
    var out = {};
    FIELDS.forEach(function (f) { out[f[0]] = typeof data[f[0]] === "string" ? data[f[0]].slice(0, MAX_FIELD) : ""; });
    return out;
  }

  /* accountText is the record as plain text, for a portfolio. */
  function accountText(list, reflection, date) {
    var lines = ["My learning record", "Saved on " + date, "", "WHAT I HAVE DONE", ""];
    if (!list.length) lines.push("Nothing recorded on this device yet.");
    list.forEach(function (e) { lines.push(e.date + "  " + e.what + ". " + e.result + "."); });
    FIELDS.forEach(function (f) {
      lines.push("", f[1].toUpperCase(), "");
      var text = reflection && reflection[f[0]] ? reflection[f[0]].trim().replace(/\r\n?|\n/g, "\r\n") : "";
      lines.push(text || "(not written yet)");
    });
    return lines.join("\r\n") + "\r\n";
  }

  if (isNode) {
    module.exports = { FIELDS: FIELDS, MAX_FIELD: MAX_FIELD, words: words, entries: entries, cleanReflection: cleanReflection, accountText: accountText };
    return;
  }

  /* ---- In the page from here on. ---- */

  var joinedup = window.joinedup;
  var el = joinedup.el, store = joinedup.store;
  var NAME = "learning-record";

  /* savedDate is the day, in this browser's time zone, a stored value was
     saved (its "saved" time is in UTC), or "". */
  function savedDate(key) {
    var at;
    try { at = new Date(JSON.parse(store.get(key)).saved); } catch (e) { return ""; }
    if (!at || isNaN(at.getTime())) return "";
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return at.getFullYear() + "-" + two(at.getMonth() + 1) + "-" + two(at.getDate());
  }

  /* readCatalogue reads the site's scenarios, checks and rung names from
     the component's markup. */
  function readCatalogue(root) {
    var list = joinedup.required(root, "[data-catalogue]", NAME, "the list of scenarios and checks");
    var cat = { scenarios: {}, checks: {}, rungs: [] };
    [].forEach.call(list.querySelectorAll("[data-scenario]"), function (li) {
      var endings = {};
      [].forEach.call(li.querySelectorAll("[data-ending]"), function (e) {
        endings[e.getAttribute("data-ending")] = { title: e.getAttribute("data-title"), result: e.getAttribute("data-result") };
      });
      cat.scenarios[li.getAttribute("data-scenario")] = { title: li.getAttribute("data-title"), endings: endings };
    });
    [].forEach.call(list.querySelectorAll("[data-check]"), function (li) {
      cat.checks[li.getAttribute("data-check")] = { title: li.getAttribute("data-title") };
    });
    [].forEach.call(list.querySelectorAll("[data-rung-name]"), function (li) { cat.rungs.push(li.getAttribute("data-rung-name")); });
    return cat;
  }

  /* LearningRecord: the list of what was done, the reflection form, and
     the buttons to print and download. */
  function LearningRecord(root) {
    var self = this;
    this.root = root;
    this.catalogue = readCatalogue(root);
    this.done = joinedup.required(root, "[data-done]", NAME, "the place for the list");
    this.form = joinedup.required(root, "[data-form]", NAME, "the reflection form");
    joinedup.required(root, "[data-nojs]", NAME, "the message for browsers without JavaScript").hidden = true;
    this.fields = [].slice.call(this.form.querySelectorAll("[data-field]"));
    this.status = el("p", { class: "learning-record__status", role: "status" });
    var read = store.readJSON(KEY);
    var reflection = cleanReflection(read.data);
    joinedup.storageNotice(this.form, { key: KEY, problem: read.problem || (read.data && !reflection ? "Your saved reflection is not in the expected form." : null) });
    this.fields.forEach(function (f) {
      if (reflection) f.value = reflection[f.getAttribute("data-field")] || "";
      f.setAttribute("maxlength", String(MAX_FIELD));
      var copy = el("div", { class: "learning-record__print", "aria-hidden": "true" });
      f.parentNode.insertBefore(copy, f.nextSibling);
      f.printCopy = copy;
      copy.textContent = f.value;
      f.addEventListener("input", function () {
        copy.textContent = f.value;
        self.saveSoon();
      });
    });
    this.form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    this.form.appendChild(this.status);
    this.form.appendChild(el("div", { class: "button-group learning-record__actions" },
      joinedup.button("Print my record", "button learning-record__print-button", function () { window.print(); }),
      joinedup.button("Download my record (text file)", "button button--secondary learning-record__download", function () { self.download(); })));
    window.addEventListener("storage", function () { self.list(); });
    this.timer = null;
    window.addEventListener("pagehide", function () { if (self.timer !== null) self.save(); });
    root.className += " learning-record--js";
    this.list();
  }
  LearningRecord.moduleName = NAME;

  /* stores reads every tool's stored data. */
  LearningRecord.prototype.stores = function () {
    var checklists = [];
    store.keys().forEach(function (k) {
      if (k.indexOf("joinedup.checklist.") === 0) checklists.push({ id: k.slice("joinedup.checklist.".length), data: store.readJSON(k).data, saved: savedDate(k) });
    });
    return {
      assessments: store.readJSON("joinedup.assessments").data,
      actionPlan: { data: store.readJSON("joinedup.action-plan").data, saved: savedDate("joinedup.action-plan") },
      checklists: checklists,
      checks: store.readJSON("joinedup.checks").data,
      scenarios: store.readJSON("joinedup.scenarios").data
    };
  };

  /* list shows what was done as a table, or says there is nothing yet. */
  LearningRecord.prototype.list = function () {
    this.entries = entries(this.stores(), this.catalogue);
    joinedup.empty(this.done);
    if (!this.entries.length) {
      this.done.appendChild(el("p", { class: "learning-record__empty", "data-empty": true }, "Nothing is recorded on this device yet. When you finish a scenario or a knowledge check, or save a self-assessment, an action plan or a checklist, it is listed here."));
      return;
    }
    var rows = this.entries.map(function (e) {
      return el("tr", null, el("td", null, e.date), el("td", null, e.what), el("td", null, e.result));
    });
    this.done.appendChild(el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": "learning-record-caption" },
      el("table", { class: "learning-record__table", "data-record": true },
        el("caption", { id: "learning-record-caption" }, "What I have done on this device (" + quantity(this.entries.length) + ")"),
        el("thead", null, el("tr", null, el("th", { scope: "col" }, "Date"), el("th", { scope: "col" }, "What I did"), el("th", { scope: "col" }, "Result"))),
        el("tbody", null, rows))));
  };

  function quantity(n) { return n + (n === 1 ? " item" : " items"); }

  LearningRecord.prototype.reflection = function () {
    var out = {};
    this.fields.forEach(function (f) { out[f.getAttribute("data-field")] = f.value; });
    return out;
  };

  /* saveSoon saves the reflection once typing pauses; leaving the page
     before then saves it at once (see the pagehide listener), so that
     nothing typed just before a reload or a link is lost. */
  LearningRecord.prototype.saveSoon = function () {
    var self = this;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () { self.save(); }, 400);
  };

  LearningRecord.prototype.save = function () {
    window.clearTimeout(this.timer);
    this.timer = null;
    var ok = store.writeJSON(KEY, this.reflection());
    this.status.textContent = ok ? "Your reflection is saved in this browser." : "Not saved: this browser is not letting the site keep anything. Download your record before you leave the page.";
  };

  LearningRecord.prototype.download = function () {
    joinedup.download("my-learning-record-" + joinedup.today() + ".txt", "text/plain", accountText(this.entries, this.reflection(), joinedup.today()));
    joinedup.say(this.status, "Your record was downloaded as a text file.");
  };

  joinedup.register(LearningRecord);
})();
