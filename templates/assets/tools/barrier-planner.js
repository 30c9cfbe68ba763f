/* Barrier planner: tick the barriers you face, pick remedies, and turn them
   into an action plan (action, who, by when, how we will know) that is kept
   in this browser, printed or downloaded. The page's own markup (every
   barrier with its remedies, and a blank plan table) is the version without
   JavaScript; this script adds the plan editor and swaps the blank table
   for the learner's plan when printing. Nothing leaves the browser.

   The plan itself (restoring it from storage, what is saved, what is
   downloaded) is plain functions, which Node's test runner loads
   (barrier-planner.test.js). */
(function () {
  "use strict";

  var isNode = typeof module === "object" && module.exports;
  var planFile = isNode ? require("./plan-file.js") : window.joinedup.planFile;

  var KEY = "joinedup.action-plan";
  var SAVE_DELAY = 400; // ms of quiet typing before the plan is saved
  var MAX_ACTIONS = 100;
  var MAX_TEXT = 2000; // characters kept per field, so a damaged value cannot grow without end
  var FIELDS = ["action", "who", "when", "measure"];
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var NOT_SAVED = "Not saved: your browser is not letting this site keep anything. Print or download your plan before you leave this page.";

  /* A catalogue is the site's barriers and remedies, read from the page:
     {barriers: {id: {title, ...}}, remedies: {id: {text, barrier}},
     order: [barrier id, ...]}. A plan is {barriers: [id], actions:
     [{id, barrier, remedy, action, who, when, measure}], next}. */

  function text(v) {
    return typeof v === "string" ? v.slice(0, MAX_TEXT) : "";
  }

  function empty() {
    return { barriers: [], actions: [], next: 1 };
  }

  /* restore turns stored data into a plan, or null when its shape is not
     a plan's. Unknown barriers are dropped; an action whose remedy is no
     longer in the site's data becomes one of the learner's own. */
  function restore(data, catalogue) {
    if (!data || typeof data !== "object" || !Array.isArray(data.barriers) || !Array.isArray(data.actions)) return null;
    var plan = empty();
    data.barriers.forEach(function (id) {
      if (typeof id === "string" && catalogue.barriers[id] && plan.barriers.indexOf(id) < 0) plan.barriers.push(id);
    });
    var used = {};
    data.actions.slice(0, MAX_ACTIONS).forEach(function (a) {
      if (!a || typeof a !== "object") return;
      var remedy = typeof a.remedy === "string" && catalogue.remedies[a.remedy] && !used[a.remedy] ? a.remedy : "";
      var barrier = remedy ? catalogue.remedies[remedy].barrier : (typeof a.barrier === "string" && catalogue.barriers[a.barrier] ? a.barrier : "");
      if (remedy) used[remedy] = true;
      if (barrier && plan.barriers.indexOf(barrier) < 0) plan.barriers.push(barrier);
      plan.actions.push({
        id: "a" + plan.next++, barrier: barrier, remedy: remedy,
        action: text(a.action), who: text(a.who), when: DATE.test(a.when) ? a.when : "", measure: text(a.measure)
      });
    });
    return plan;
  }

  /* stored is what is saved: the plan without its per-visit ids. */
  function stored(plan) {
    return {
      barriers: plan.barriers.slice(),
      actions: plan.actions.map(function (a) {
        return { barrier: a.barrier, remedy: a.remedy, action: a.action, who: a.who, when: a.when, measure: a.measure };
      })
    };
  }

  function barrierTitle(catalogue, a) { return a.barrier && catalogue.barriers[a.barrier] ? catalogue.barriers[a.barrier].title : ""; }
  function remedyText(catalogue, a) { return a.remedy && catalogue.remedies[a.remedy] ? catalogue.remedies[a.remedy].text : ""; }

  /* reworded is the remedy an action came from when the learner has
     changed its words, or "" when the action still says the same. */
  function reworded(catalogue, a) {
    var r = remedyText(catalogue, a);
    return r && r !== a.action ? r : "";
  }

  /* csvRows is the plan as rows of values for joinedup.csv: one column
     each, the remedy only where the action's words differ from it. */
  function csvRows(plan, catalogue) {
    return [["Barrier", "Action", "Who", "By when", "How we will know", "Remedy it came from, if reworded"]].concat(plan.actions.map(function (a) {
      return [barrierTitle(catalogue, a), a.action, a.who, a.when, a.measure, reworded(catalogue, a)];
    }));
  }

  /* exported is the plan as the JSON file a learner downloads (see
     plan-file.js), which the planner and the privacy page can import. */
  function exported(plan, catalogue, date) {
    return planFile.write(stored(plan), function (id) { return catalogue.barriers[id] ? catalogue.barriers[id].title : ""; },
      function (id) { return catalogue.remedies[id] ? catalogue.remedies[id].text : ""; }, date);
  }

  /* addRemedy adds a remedy's action to the plan; it returns false when
     the plan is full. */
  function addRemedy(plan, catalogue, remedy) {
    if (plan.actions.length >= MAX_ACTIONS) return false;
    var r = catalogue.remedies[remedy];
    plan.actions.push({ id: "a" + plan.next++, barrier: r.barrier, remedy: remedy, action: r.text, who: "", when: "", measure: "" });
    return true;
  }

  function count(plan) {
    var n = plan.actions.length;
    return n + (n === 1 ? " action" : " actions");
  }

  if (isNode) {
    module.exports = {
      MAX_ACTIONS: MAX_ACTIONS, MAX_TEXT: MAX_TEXT, empty: empty, restore: restore, stored: stored, csvRows: csvRows,
      exported: exported, addRemedy: addRemedy, count: count, reworded: reworded
    };
    return;
  }

  /* ---- In the page from here on. ---- */

  var joinedup = window.joinedup;
  var el = joinedup.el;
  var NAME = "barrier-planner";

  /* readCatalogue reads the barriers and remedies from the page's checkboxes,
     so the data is written once, in the page. */
  function readCatalogue(root) {
    var catalogue = { barriers: {}, remedies: {}, order: [] };
    var boxes = root.querySelectorAll("input[name=barrier]");
    for (var i = 0; i < boxes.length; i++) {
      var b = boxes[i];
      var label = root.querySelector("label[for='" + b.id + "']");
      catalogue.barriers[b.value] = { input: b, title: label ? label.textContent.trim() : b.value, panel: document.getElementById("plan-remedies-" + b.value) };
      catalogue.order.push(b.value);
    }
    var rs = root.querySelectorAll("input[name=remedy]");
    for (var j = 0; j < rs.length; j++) {
      var r = rs[j];
      var rl = root.querySelector("label[for='" + r.id + "']");
      catalogue.remedies[r.value] = { input: r, text: rl ? rl.textContent.trim() : r.value, barrier: r.getAttribute("data-barrier") };
    }
    return catalogue;
  }

  /* BarrierPlanner: step 1's ticks, step 2's plan editor (in the markup's
     empty, hidden editor) and the printable table. */
  function BarrierPlanner(root) {
    var self = this;
    this.root = root;
    this.editor = joinedup.required(root, "[data-plan-editor]", NAME, "the place for the plan editor");
    this.rows = joinedup.required(root, "[data-plan-rows]", NAME, "the printable plan's rows");
    this.table = joinedup.required(root, "[data-plan-table]", NAME, "the printable plan");
    this.sheet = joinedup.required(root, "[data-plan-sheet]", NAME, "the printable plan's sheet");
    this.catalogue = readCatalogue(root);
    this.plan = empty();
    this.timer = null;

    var read = joinedup.store.readJSON(KEY);
    var problem = read.problem;
    if (!problem && read.data !== null) {
      var restored = restore(read.data, this.catalogue);
      if (restored) this.plan = restored;
      else problem = "Your saved plan could not be read. It may have been damaged.";
    }

    this.build();
    root.addEventListener("change", function (e) { self.ticked(e.target); });
    /* Step 2: every keystroke updates the plan; it is saved after a pause. */
    this.editor.addEventListener("input", function (e) { self.typed(e.target); });
    this.editor.addEventListener("click", function (e) {
      var b = e.target.closest("button");
      if (b) self.pressed(b);
    });
    window.addEventListener("pagehide", function () { if (self.timer !== null) self.save(); });

    joinedup.storageNotice(root, {
      key: KEY, problem: problem,
      onClear: function () {
        joinedup.say(self.announcer, "The damaged saved plan has been cleared.");
        /* A plan made since the notice showed is kept: save it now. */
        if (self.plan.barriers.length || self.plan.actions.length) self.save();
        else self.setStatus("The damaged saved plan has been cleared.");
        self.focusStart();
      }
    });
    var catalogue = this.catalogue;
    catalogue.order.forEach(function (id) {
      if (catalogue.barriers[id].panel) catalogue.barriers[id].input.setAttribute("aria-controls", catalogue.barriers[id].panel.id);
    });
    this.render();
    if (!joinedup.store.available) this.setStatus(NOT_SAVED);
    else if (!problem && read.data !== null) this.setStatus("Your plan was saved in this browser and has been restored.");
  }
  BarrierPlanner.moduleName = NAME;

  var proto = BarrierPlanner.prototype;

  /* build makes the parts of the editor that stay put; the list of
     actions is rebuilt when actions are added or removed. */
  proto.build = function () {
    this.list = el("ol", { class: "barrier-planner__actions" });
    this.none = el("p", { class: "barrier-planner__none" }, "Your plan has no actions yet. Tick remedies in step 1, or add an action of your own.");
    this.addButton = el("button", { type: "button", class: "button button--secondary", "data-plan-add": true }, "Add your own action");
    this.printButton = el("button", { type: "button", class: "button", "data-plan-print": true }, "Print your plan");
    this.csvButton = el("button", { type: "button", class: "button button--secondary", "data-plan-csv": true }, "Download as a spreadsheet (CSV)");
    this.jsonButton = el("button", { type: "button", class: "button button--secondary", "data-plan-json": true }, "Download as data (JSON)");
    this.fileInput = el("input", { class: "file-input", type: "file", id: "plan-file", accept: ".json,application/json", "aria-describedby": "plan-file-hint" });
    this.fileError = el("p", { class: "error-message", id: "plan-file-error", hidden: true });
    this.importButton = el("button", { type: "button", class: "button button--secondary", "data-plan-import": true }, "Import the plan");
    this.importGroup = el("div", { class: "form-group" },
      el("label", { class: "label", for: "plan-file" }, "Import a plan you downloaded (JSON)"),
      el("p", { class: "hint", id: "plan-file-hint" }, "It replaces the plan on this page."),
      this.fileError, this.fileInput);
    this.againButton = el("button", { type: "button", class: "button button--secondary", "data-plan-again": true, "aria-expanded": "false", "aria-controls": "plan-confirm" }, "Start again");
    this.confirmYes = el("button", { type: "button", class: "button", "data-plan-confirm": true }, "Yes, clear my plan");
    this.confirmNo = el("button", { type: "button", class: "button button--secondary", "data-plan-cancel": true }, "No, keep it");
    this.confirmText = el("p", { id: "plan-confirm-text", tabindex: "-1" },
      el("strong", null, "Clear your plan? "), "This removes every tick and action on this page and from this browser. It cannot be undone.");
    this.confirm = el("div", { class: "barrier-planner__confirm notice notice--warning", id: "plan-confirm", hidden: true },
      this.confirmText, el("div", { class: "button-group" }, this.confirmYes, this.confirmNo));
    this.status = el("p", { class: "tool-status", role: "status", "data-plan-status": true });
    this.announcer = el("p", { class: "visually-hidden", role: "status" });

    this.editor.appendChild(el("div", null,
      this.none, this.list,
      el("div", { class: "button-group" }, this.addButton),
      el("p", null, "Your plan is saved in this browser as you type. When it is ready, print it or download it to share."),
      el("div", { class: "button-group" }, this.printButton, this.csvButton, this.jsonButton),
      el("p", { class: "hint" }, "The spreadsheet opens in Excel and other programs. Text that starts with =, +, - or @ gets an apostrophe in front, so that a spreadsheet shows it as text and never runs it as a formula. The data file (JSON) can be imported here again, or on the privacy page."),
      this.status,
      this.importGroup,
      el("div", { class: "button-group" }, this.importButton),
      el("div", { class: "button-group" }, this.againButton),
      this.confirm,
      this.announcer));
    this.editor.hidden = false;
  };

  proto.find = function (id) {
    for (var i = 0; i < this.plan.actions.length; i++) if (this.plan.actions[i].id === id) return i;
    return -1;
  };

  proto.forRemedy = function (remedy) {
    for (var i = 0; i < this.plan.actions.length; i++) if (this.plan.actions[i].remedy === remedy) return i;
    return -1;
  };

  proto.setStatus = function (t) {
    if (this.status.textContent !== t) this.status.textContent = t;
  };

  /* save writes the plan now; schedule waits for a pause in typing. */
  proto.save = function () {
    window.clearTimeout(this.timer);
    this.timer = null;
    var ok;
    if (this.plan.barriers.length || this.plan.actions.length) ok = joinedup.store.writeJSON(KEY, stored(this.plan));
    else { joinedup.store.remove(KEY); ok = joinedup.store.available; }
    this.setStatus(ok ? "Saved in this browser." : NOT_SAVED);
  };

  proto.schedule = function () {
    var self = this;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () { self.save(); }, SAVE_DELAY);
    this.renderTable();
  };

  /* syncChecks makes the step 1 ticks match the plan and shows the
     remedies of ticked barriers only. */
  proto.syncChecks = function () {
    var self = this, catalogue = this.catalogue;
    catalogue.order.forEach(function (id) {
      var b = catalogue.barriers[id];
      b.input.checked = self.plan.barriers.indexOf(id) >= 0;
      if (b.panel) b.panel.hidden = !b.input.checked;
    });
    for (var r in catalogue.remedies) {
      if (Object.prototype.hasOwnProperty.call(catalogue.remedies, r)) catalogue.remedies[r].input.checked = this.forRemedy(r) >= 0;
    }
  };

  function field(a, name, label, hint, control) {
    var id = "plan-" + a.id + "-" + name;
    control.id = id;
    control.setAttribute("data-field", name);
    control.setAttribute("data-action-id", a.id);
    control.value = a[name];
    var hintEl = null;
    if (hint) {
      hintEl = el("p", { class: "hint", id: id + "-hint" }, hint);
      control.setAttribute("aria-describedby", id + "-hint");
    }
    return el("div", { class: "form-group" }, el("label", { class: "label", for: id }, label), hintEl, control);
  }

  proto.actionItem = function (a, n) {
    var title = barrierTitle(this.catalogue, a);
    var remedy = remedyText(this.catalogue, a);
    return el("li", { class: "barrier-planner__action", "data-action": a.id },
      el("fieldset", { class: "fieldset" },
        el("legend", { class: "fieldset__legend" }, "Action " + n + (title ? ": " + title : ": your own action")),
        remedy ? el("p", { class: "hint" }, "From the remedy: " + remedy) : null,
        field(a, "action", "What will be done", "One clear step, starting with a verb such as arrange, agree or send.", el("textarea", { class: "textarea", rows: "3" })),
        field(a, "who", "Who", "A job title or team, not a person's name.", el("input", { class: "input", type: "text", autocomplete: "off" })),
        field(a, "when", "By when", null, el("input", { class: "input input--short", type: "date" })),
        field(a, "measure", "How we will know", "What will be different when it has worked.", el("textarea", { class: "textarea", rows: "2" })),
        el("button", { type: "button", class: "button button--secondary", "data-remove": a.id }, "Remove", joinedup.visuallyHidden(" action " + n))));
  };

  proto.renderList = function () {
    var self = this, actions = this.plan.actions;
    this.list.textContent = "";
    actions.forEach(function (a, i) { self.list.appendChild(self.actionItem(a, i + 1)); });
    this.none.hidden = actions.length > 0;
    this.list.hidden = actions.length === 0;
    this.renderTable();
  };

  /* renderTable fills the printable table with the plan, or leaves blank
     rows to write in when the plan is empty. A filled table leaves out
     the remedy column (the action says it), noting the remedy under an
     action that has been reworded. */
  proto.renderTable = function () {
    var rows = this.rows, catalogue = this.catalogue;
    rows.textContent = "";
    this.table.classList.toggle("barrier-planner__table--filled", this.plan.actions.length > 0);
    if (!this.plan.actions.length) {
      for (var i = 0; i < 5; i++) rows.appendChild(el("tr", { class: "barrier-planner__blank" }, el("td"), el("td"), el("td"), el("td"), el("td"), el("td")));
      return;
    }
    this.plan.actions.forEach(function (a) {
      var from = reworded(catalogue, a);
      rows.appendChild(el("tr", null, el("td", null, barrierTitle(catalogue, a)), el("td", null, remedyText(catalogue, a)),
        el("td", null, a.action, from ? el("span", { class: "barrier-planner__from" }, "From the remedy: " + from) : null),
        el("td", null, a.who), el("td", null, joinedup.longDate(a.when)), el("td", null, a.measure)));
    });
  };

  proto.render = function () {
    this.syncChecks();
    this.renderList();
  };

  proto.focusAction = function (id) {
    var t = document.getElementById("plan-" + id + "-action");
    if (t) t.focus();
  };

  /* focusStart moves focus to step 1's heading. */
  proto.focusStart = function () {
    var h = document.getElementById("plan-barriers");
    if (h) { h.setAttribute("tabindex", "-1"); h.focus(); }
  };

  /* ticked handles step 1: ticking a barrier shows its remedies; ticking
     a remedy adds an action to the plan, unticking it removes that
     action. */
  proto.ticked = function (t) {
    var plan = this.plan, catalogue = this.catalogue;
    if (t.name === "barrier" && catalogue.barriers[t.value]) {
      var at = plan.barriers.indexOf(t.value);
      if (t.checked && at < 0) plan.barriers.push(t.value);
      if (!t.checked && at >= 0) {
        plan.barriers.splice(at, 1);
        var kept = plan.actions.filter(function (a) { return a.barrier === t.value; }).length;
        if (kept) joinedup.say(this.announcer, kept + (kept === 1 ? " action" : " actions") + " for " + catalogue.barriers[t.value].title + " stay in your plan. Remove them in step 2 if you no longer need them.");
      }
      this.syncChecks();
      this.schedule();
    } else if (t.name === "remedy" && catalogue.remedies[t.value]) {
      var i = this.forRemedy(t.value);
      if (t.checked && i < 0) {
        if (!addRemedy(plan, catalogue, t.value)) { t.checked = false; joinedup.say(this.announcer, "Your plan is full. Remove an action first."); return; }
        joinedup.say(this.announcer, "Added to your plan as action " + plan.actions.length + ".");
      } else if (!t.checked && i >= 0) {
        plan.actions.splice(i, 1);
        joinedup.say(this.announcer, "Removed from your plan. Your plan has " + count(plan) + ".");
      }
      this.renderList();
      this.schedule();
    }
  };

  proto.typed = function (t) {
    var i = this.find(t.getAttribute("data-action-id"));
    var name = t.getAttribute("data-field");
    if (i < 0 || FIELDS.indexOf(name) < 0) return;
    this.plan.actions[i][name] = text(t.value);
    this.schedule();
  };

  proto.pressed = function (b) {
    var plan = this.plan, catalogue = this.catalogue;
    if (b.hasAttribute("data-remove")) this.removeAction(b.getAttribute("data-remove"));
    else if (b === this.addButton) this.addOwn();
    else if (b === this.printButton) { this.save(); joinedup.printPart(this.sheet); }
    else if (b === this.csvButton) joinedup.download("action-plan-" + joinedup.today() + ".csv", "text/csv", joinedup.csvFile(csvRows(plan, catalogue)));
    else if (b === this.importButton) this.importFile();
    else if (b === this.jsonButton) joinedup.download("action-plan-" + joinedup.today() + ".json", "application/json", JSON.stringify(exported(plan, catalogue, joinedup.today()), null, 2) + "\n");
    else if (b === this.againButton) this.showConfirm(true);
    else if (b === this.confirmNo) { this.showConfirm(false); this.againButton.focus(); }
    else if (b === this.confirmYes) this.startAgain();
  };

  proto.setFileError = function (text) {
    this.fileError.textContent = text ? "Error: " + text : "";
    this.fileError.hidden = !text;
    this.importGroup.classList.toggle("form-group--error", !!text);
    this.fileInput.setAttribute("aria-describedby", text ? "plan-file-error plan-file-hint" : "plan-file-hint");
    if (text) this.fileInput.focus();
  };

  /* importFile reads a plan file chosen in the import box and puts it in
     place of the plan on the page. */
  proto.importFile = function () {
    var self = this, f = this.fileInput.files && this.fileInput.files[0];
    this.setFileError("");
    if (!f) { this.setFileError("Choose a plan file to import."); return; }
    if (f.size > planFile.MAX_FILE) { this.setFileError("The file is too large to be a plan saved from this site."); return; }
    var reader = new FileReader();
    reader.onload = function () {
      var got = planFile.read(String(reader.result));
      if (got.error) { self.setFileError(got.error); return; }
      self.plan = restore(got.plan, self.catalogue) || empty();
      self.fileInput.value = "";
      self.render();
      self.save();
      var said = "Imported your plan: " + count(self.plan) + ".";
      self.setStatus(said);
      joinedup.say(self.announcer, said);
    };
    reader.onerror = function () { self.setFileError("The file could not be read. Try choosing it again."); };
    reader.readAsText(f);
  };

  proto.addOwn = function () {
    var plan = this.plan;
    if (plan.actions.length >= MAX_ACTIONS) { joinedup.say(this.announcer, "Your plan is full. Remove an action first."); return; }
    var a = { id: "a" + plan.next++, barrier: "", remedy: "", action: "", who: "", when: "", measure: "" };
    plan.actions.push(a);
    this.renderList();
    this.schedule();
    this.focusAction(a.id);
    joinedup.say(this.announcer, "Action " + plan.actions.length + " added. Write what will be done.");
  };

  /* removeAction takes an action out and moves focus to the action that
     took its place, or to the button that adds one. */
  proto.removeAction = function (id) {
    var plan = this.plan, i = this.find(id);
    if (i < 0) return;
    plan.actions.splice(i, 1);
    this.syncChecks();
    this.renderList();
    this.schedule();
    var next = plan.actions[i] || plan.actions[i - 1];
    if (next) this.focusAction(next.id);
    else this.addButton.focus();
    joinedup.say(this.announcer, "Action removed. Your plan has " + count(plan) + ".");
  };

  proto.showConfirm = function (open) {
    this.confirm.hidden = !open;
    this.againButton.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) this.confirmText.focus();
  };

  proto.startAgain = function () {
    this.plan = empty();
    this.showConfirm(false);
    this.render();
    this.save();
    this.setStatus("Your plan has been cleared from this browser.");
    this.focusStart();
    joinedup.say(this.announcer, "Your plan has been cleared. You can start again.");
  };

  joinedup.register(BarrierPlanner);
})();
