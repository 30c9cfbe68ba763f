/* Barrier planner: tick the barriers you face, pick remedies, and turn them
   into an action plan (action, who, by when, how we will know) that is kept
   in this browser, printed or downloaded. The page's own markup (every
   barrier with its remedies, and a blank plan table) is the version without
   JavaScript; this script adds the plan editor and swaps the blank table
   for the learner's plan when printing. Nothing leaves the browser. */
(function () {
  "use strict";

  var KEY = "joinedup.action-plan";
  var FORMAT = "joinedup-action-plan";
  var SAVE_DELAY = 400; // ms of quiet typing before the plan is saved
  var MAX_ACTIONS = 100;
  var MAX_TEXT = 2000; // characters kept per field, so a damaged value cannot grow without end
  var FIELDS = ["action", "who", "when", "measure"];
  var DATE = /^\d{4}-\d{2}-\d{2}$/;

  /* catalogue reads the barriers and remedies from the page's checkboxes,
     so the data is written once, in the page. */
  function catalogue(root) {
    var c = { barriers: {}, remedies: {}, order: [] };
    var boxes = root.querySelectorAll("input[name=barrier]");
    for (var i = 0; i < boxes.length; i++) {
      var b = boxes[i];
      var label = root.querySelector("label[for='" + b.id + "']");
      c.barriers[b.value] = { input: b, title: label ? label.textContent.trim() : b.value, panel: document.getElementById("plan-remedies-" + b.value) };
      c.order.push(b.value);
    }
    var rs = root.querySelectorAll("input[name=remedy]");
    for (var j = 0; j < rs.length; j++) {
      var r = rs[j];
      var rl = root.querySelector("label[for='" + r.id + "']");
      c.remedies[r.value] = { input: r, text: rl ? rl.textContent.trim() : r.value, barrier: r.getAttribute("data-barrier") };
    }
    return c;
  }

  function text(v) {
    return typeof v === "string" ? v.slice(0, MAX_TEXT) : "";
  }

  /* restore turns stored data into a plan, or null when its shape is not
     a plan's. Unknown barriers are dropped; an action whose remedy is no
     longer in the site's data becomes one of the learner's own. */
  function restore(data, c) {
    if (!data || typeof data !== "object" || !Array.isArray(data.barriers) || !Array.isArray(data.actions)) return null;
    var plan = { barriers: [], actions: [], next: 1 };
    data.barriers.forEach(function (id) {
      if (typeof id === "string" && c.barriers[id] && plan.barriers.indexOf(id) < 0) plan.barriers.push(id);
    });
    var used = {};
    data.actions.slice(0, MAX_ACTIONS).forEach(function (a) {
      if (!a || typeof a !== "object") return;
      var remedy = typeof a.remedy === "string" && c.remedies[a.remedy] && !used[a.remedy] ? a.remedy : "";
      var barrier = remedy ? c.remedies[remedy].barrier : (typeof a.barrier === "string" && c.barriers[a.barrier] ? a.barrier : "");
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

  function empty() {
    return { barriers: [], actions: [], next: 1 };
  }

  window.joinedup.modules["barrier-planner"] = function (root) {
    var ju = window.joinedup;
    var el = ju.el, store = ju.store;
    var c = catalogue(root);
    var editor = root.querySelector("[data-plan-editor]");
    var rows = root.querySelector("[data-plan-rows]");
    var plan = empty();
    var timer = null;

    var read = store.readJSON(KEY);
    var problem = read.problem;
    if (!problem && read.data !== null) {
      var restored = restore(read.data, c);
      if (restored) plan = restored;
      else problem = "Your saved plan could not be read. It may have been damaged.";
    }

    /* The parts of the editor that stay put; the list of actions is
       rebuilt when actions are added or removed. */
    var list = el("ol", { class: "barrier-planner__actions" });
    var none = el("p", { class: "barrier-planner__none" }, "Your plan has no actions yet. Tick remedies in step 1, or add an action of your own.");
    var addButton = el("button", { type: "button", class: "button button--secondary", "data-plan-add": true }, "Add your own action");
    var printButton = el("button", { type: "button", class: "button", "data-plan-print": true }, "Print your plan");
    var csvButton = el("button", { type: "button", class: "button button--secondary", "data-plan-csv": true }, "Download as a spreadsheet (CSV)");
    var jsonButton = el("button", { type: "button", class: "button button--secondary", "data-plan-json": true }, "Download as data (JSON)");
    var againButton = el("button", { type: "button", class: "button button--secondary", "data-plan-again": true, "aria-expanded": "false", "aria-controls": "plan-confirm" }, "Start again");
    var confirmYes = el("button", { type: "button", class: "button", "data-plan-confirm": true }, "Yes, clear my plan");
    var confirmNo = el("button", { type: "button", class: "button button--secondary", "data-plan-cancel": true }, "No, keep it");
    var confirmText = el("p", { id: "plan-confirm-text", tabindex: "-1" },
      el("strong", null, "Clear your plan? "), "This removes every tick and action on this page and from this browser. It cannot be undone.");
    var confirm = el("div", { class: "barrier-planner__confirm notice notice--warning", id: "plan-confirm", hidden: true },
      confirmText, el("div", { class: "button-group" }, confirmYes, confirmNo));
    var status = el("p", { class: "tool-status", role: "status", "data-plan-status": true });
    var announcer = el("p", { class: "visually-hidden", role: "status" });

    editor.appendChild(el("div", null,
      none, list,
      el("div", { class: "button-group" }, addButton),
      el("p", null, "Your plan is saved in this browser as you type. When it is ready, print it or download it to share."),
      el("div", { class: "button-group" }, printButton, csvButton, jsonButton),
      status,
      el("div", { class: "button-group" }, againButton),
      confirm,
      announcer));
    editor.hidden = false;

    function find(id) {
      for (var i = 0; i < plan.actions.length; i++) if (plan.actions[i].id === id) return i;
      return -1;
    }
    function forRemedy(remedy) {
      for (var i = 0; i < plan.actions.length; i++) if (plan.actions[i].remedy === remedy) return i;
      return -1;
    }
    function barrierTitle(a) { return a.barrier && c.barriers[a.barrier] ? c.barriers[a.barrier].title : ""; }
    function remedyText(a) { return a.remedy && c.remedies[a.remedy] ? c.remedies[a.remedy].text : ""; }

    function setStatus(t) {
      if (status.textContent !== t) status.textContent = t;
    }

    /* save writes the plan now; schedule waits for a pause in typing. */
    function save() {
      window.clearTimeout(timer);
      timer = null;
      var ok;
      if (plan.barriers.length || plan.actions.length) ok = store.writeJSON(KEY, stored(plan));
      else { store.remove(KEY); ok = store.available; }
      setStatus(ok ? "Saved in this browser." : "Not saved: your browser is not letting this site keep anything. Print or download your plan before you leave this page.");
    }
    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, SAVE_DELAY);
      renderTable();
    }
    window.addEventListener("pagehide", function () { if (timer !== null) save(); });

    /* syncChecks makes the step 1 ticks match the plan and shows the
       remedies of ticked barriers only. */
    function syncChecks() {
      c.order.forEach(function (id) {
        var b = c.barriers[id];
        b.input.checked = plan.barriers.indexOf(id) >= 0;
        if (b.panel) b.panel.hidden = !b.input.checked;
      });
      for (var r in c.remedies) {
        if (Object.prototype.hasOwnProperty.call(c.remedies, r)) c.remedies[r].input.checked = forRemedy(r) >= 0;
      }
    }

    function field(a, n, name, label, hint, control) {
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

    function actionItem(a, n) {
      var title = barrierTitle(a);
      var remedy = remedyText(a);
      return el("li", { class: "barrier-planner__action", "data-action": a.id },
        el("fieldset", { class: "fieldset" },
          el("legend", { class: "fieldset__legend" }, "Action " + n + (title ? ": " + title : ": your own action")),
          remedy ? el("p", { class: "hint" }, "From the remedy: " + remedy) : null,
          field(a, n, "action", "What will be done", "One clear step, starting with a verb such as arrange, agree or send.", el("textarea", { class: "textarea", rows: "3" })),
          field(a, n, "who", "Who", "A job title or team, not a person's name.", el("input", { class: "input", type: "text", autocomplete: "off" })),
          field(a, n, "when", "By when", null, el("input", { class: "input input--short", type: "date" })),
          field(a, n, "measure", "How we will know", "What will be different when it has worked.", el("textarea", { class: "textarea", rows: "2" })),
          el("button", { type: "button", class: "button button--secondary", "data-remove": a.id },
            "Remove", el("span", { class: "visually-hidden" }, " action " + n))));
    }

    function renderList() {
      list.textContent = "";
      plan.actions.forEach(function (a, i) { list.appendChild(actionItem(a, i + 1)); });
      none.hidden = plan.actions.length > 0;
      list.hidden = plan.actions.length === 0;
      renderTable();
    }

    /* renderTable fills the printable table with the plan, or leaves blank
       rows to write in when the plan is empty. */
    function renderTable() {
      rows.textContent = "";
      if (!plan.actions.length) {
        for (var i = 0; i < 5; i++) rows.appendChild(el("tr", { class: "barrier-planner__blank" }, el("td"), el("td"), el("td"), el("td"), el("td"), el("td")));
        return;
      }
      plan.actions.forEach(function (a) {
        rows.appendChild(el("tr", null, el("td", null, barrierTitle(a)), el("td", null, remedyText(a)),
          el("td", null, a.action), el("td", null, a.who), el("td", null, a.when), el("td", null, a.measure)));
      });
    }

    function render() {
      syncChecks();
      renderList();
    }

    function focusAction(id) {
      var t = document.getElementById("plan-" + id + "-action");
      if (t) t.focus();
    }

    /* Step 1: ticking a barrier shows its remedies; ticking a remedy adds
       an action to the plan, unticking it removes that action. */
    root.addEventListener("change", function (e) {
      var t = e.target;
      if (t.name === "barrier" && c.barriers[t.value]) {
        var at = plan.barriers.indexOf(t.value);
        if (t.checked && at < 0) plan.barriers.push(t.value);
        if (!t.checked && at >= 0) {
          plan.barriers.splice(at, 1);
          var kept = plan.actions.filter(function (a) { return a.barrier === t.value; }).length;
          if (kept) ju.say(announcer, kept + (kept === 1 ? " action" : " actions") + " for " + c.barriers[t.value].title + " stay in your plan. Remove them in step 2 if you no longer need them.");
        }
        syncChecks();
        schedule();
      } else if (t.name === "remedy" && c.remedies[t.value]) {
        var r = c.remedies[t.value];
        var i = forRemedy(t.value);
        if (t.checked && i < 0) {
          if (plan.actions.length >= MAX_ACTIONS) { t.checked = false; ju.say(announcer, "Your plan is full. Remove an action first."); return; }
          plan.actions.push({ id: "a" + plan.next++, barrier: r.barrier, remedy: t.value, action: r.text, who: "", when: "", measure: "" });
          ju.say(announcer, "Added to your plan as action " + plan.actions.length + ".");
        } else if (!t.checked && i >= 0) {
          plan.actions.splice(i, 1);
          ju.say(announcer, "Removed from your plan. Your plan has " + count() + ".");
        }
        renderList();
        schedule();
      }
    });

    function count() {
      var n = plan.actions.length;
      return n + (n === 1 ? " action" : " actions");
    }

    /* Step 2: every keystroke updates the plan; it is saved after a pause. */
    editor.addEventListener("input", function (e) {
      var t = e.target;
      var i = find(t.getAttribute("data-action-id"));
      var name = t.getAttribute("data-field");
      if (i < 0 || FIELDS.indexOf(name) < 0) return;
      plan.actions[i][name] = text(t.value);
      schedule();
    });

    editor.addEventListener("click", function (e) {
      var b = e.target.closest("button");
      if (!b) return;
      if (b.hasAttribute("data-remove")) removeAction(b.getAttribute("data-remove"));
      else if (b === addButton) addOwn();
      else if (b === printButton) { save(); window.print(); }
      else if (b === csvButton) ju.download("action-plan-" + ju.today() + ".csv", "text/csv", csv());
      else if (b === jsonButton) ju.download("action-plan-" + ju.today() + ".json", "application/json", json());
      else if (b === againButton) showConfirm(true);
      else if (b === confirmNo) { showConfirm(false); againButton.focus(); }
      else if (b === confirmYes) startAgain();
    });

    function addOwn() {
      if (plan.actions.length >= MAX_ACTIONS) { ju.say(announcer, "Your plan is full. Remove an action first."); return; }
      var a = { id: "a" + plan.next++, barrier: "", remedy: "", action: "", who: "", when: "", measure: "" };
      plan.actions.push(a);
      renderList();
      schedule();
      focusAction(a.id);
      ju.say(announcer, "Action " + plan.actions.length + " added. Write what will be done.");
    }

    /* removeAction takes an action out and moves focus to the action that
       took its place, or to the button that adds one. */
    function removeAction(id) {
      var i = find(id);
      if (i < 0) return;
      plan.actions.splice(i, 1);
      syncChecks();
      renderList();
      schedule();
      var next = plan.actions[i] || plan.actions[i - 1];
      if (next) focusAction(next.id);
      else addButton.focus();
      ju.say(announcer, "Action removed. Your plan has " + count() + ".");
    }

    function showConfirm(open) {
      confirm.hidden = !open;
      againButton.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) confirmText.focus();
    }

    function startAgain() {
      plan = empty();
      showConfirm(false);
      render();
      save();
      setStatus("Your plan has been cleared from this browser.");
      var heading = document.getElementById("plan-barriers");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
      ju.say(announcer, "Your plan has been cleared. You can start again.");
    }

    function rowsOut() {
      return plan.actions.map(function (a) {
        return [barrierTitle(a), remedyText(a), a.action, a.who, a.when, a.measure];
      });
    }
    function csv() {
      return ju.csv([["Barrier", "Remedy", "Action", "Who", "By when", "How we will know"]].concat(rowsOut()));
    }
    function json() {
      return JSON.stringify({
        format: FORMAT, version: 1, created: ju.today(),
        actions: plan.actions.map(function (a) {
          return {
            barrier: barrierTitle(a), barrierId: a.barrier, remedy: remedyText(a), remedyId: a.remedy,
            action: a.action, who: a.who, byWhen: a.when, howWeWillKnow: a.measure
          };
        })
      }, null, 2) + "\n";
    }

    ju.storageNotice(root, {
      key: KEY, problem: problem,
      onClear: function () {
        setStatus("The damaged saved plan has been cleared.");
        ju.say(announcer, "The damaged saved plan has been cleared.");
        var h = document.getElementById("plan-barriers");
        if (h) { h.setAttribute("tabindex", "-1"); h.focus(); }
      }
    });
    c.order.forEach(function (id) {
      if (c.barriers[id].panel) c.barriers[id].input.setAttribute("aria-controls", c.barriers[id].panel.id);
    });
    render();
    if (!store.available) setStatus("Not saved: your browser is not letting this site keep anything. Print or download your plan before you leave this page.");
    else if (!problem && read.data !== null) setStatus("Your plan was saved in this browser and has been restored.");
  };
})();
