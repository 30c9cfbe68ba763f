/* "Your data" on the privacy page: lists what this site keeps in the
   browser, in plain words, downloads a copy (JSON to import again, CSV to
   read), imports a copy or an action plan file, and deletes everything. It
   only ever touches the keys in the list the page shows
   (window.joinedupStorageKeys).

   Reading an imported file, describing what is saved and making the copy
   are plain functions, which Node's test runner loads (your-data.test.js). */
(function () {
  "use strict";

  var isNode = typeof module === "object" && module.exports;
  var site = isNode ? require("../site.js") : null;

  var FORMAT = "joinedup-saved-answers";
  var FORMAT_VERSION = 1;
  var MAX_IMPORT = 5 * 1024 * 1024;
  var THEME_KEY = "joinedup.theme";

  /* savedOn is the day a stored value was saved (from its "saved" field),
     or "" when it does not say. */
  function savedOn(raw) {
    try { return String(JSON.parse(raw).saved || "").slice(0, 10); } catch (e) { return ""; }
  }

  /* copyOf is the file a copy is saved as: every stored value, by key,
     as the text it is stored as. */
  function copyOf(items, date) {
    return { format: FORMAT, version: FORMAT_VERSION, exported: date, items: items };
  }

  /* parseImport checks a file's text and returns {items} or {error}. Every
     key must be one this site uses (allowed(key) is true), and every value
     a string, so a file from elsewhere cannot plant anything. */
  function parseImport(text, allowed) {
    var v;
    try { v = JSON.parse(text); } catch (e) {
      return { error: "The file is not a copy saved from this site: it is not valid JSON." };
    }
    if (!v || typeof v !== "object" || v.format !== FORMAT) {
      return { error: "The file is not a copy saved from this site. Choose a file named like joinedup-saved-answers-2026-01-31.json." };
    }
    if (v.version !== FORMAT_VERSION) {
      return { error: "The file was saved by a different version of this site (version " + String(v.version).slice(0, 10) + ") and cannot be imported." };
    }
    if (!v.items || typeof v.items !== "object" || Array.isArray(v.items)) {
      return { error: "The file has no saved answers in it." };
    }
    var items = {}, n = 0;
    for (var key in v.items) {
      if (!Object.prototype.hasOwnProperty.call(v.items, key)) continue;
      if (!allowed(key)) {
        return { error: "The file holds \"" + key.slice(0, 60) + "\", which this site does not use, so nothing was imported." };
      }
      if (typeof v.items[key] !== "string") {
        return { error: "The file's value for " + key.slice(0, 60) + " is not in the expected form, so nothing was imported." };
      }
      items[key] = v.items[key];
      n++;
    }
    if (!n) return { error: "The file has no saved answers in it." };
    return { items: items };
  }

  function count(n, one, many) { return n + " " + (n === 1 ? one : many); }

  var THEMES = { light: "Light", dark: "Dark", contrast: "High contrast" };

  /* checklistName makes a checklist's name from the id in its key:
     "joinedup.checklist.professional-courtesy" is "professional
     courtesy". */
  function checklistName(key) {
    return key.slice("joinedup.checklist.".length).replace(/-/g, " ");
  }

  /* detailOf says in plain words what a tool's stored data holds. */
  function detailOf(key, data) {
    if (key === "joinedup.assessments" && data && Array.isArray(data.relationships)) {
      var results = 0, unfinished = 0;
      data.relationships.forEach(function (r) {
        results += r && Array.isArray(r.snapshots) ? r.snapshots.length : 0;
        if (r && r.draft) unfinished++;
      });
      return count(data.relationships.length, "relationship", "relationships") + ", " + count(results, "result", "results") +
        (unfinished ? ", " + count(unfinished, "assessment", "assessments") + " not finished" : "");
    }
    if (key === "joinedup.action-plan" && data && Array.isArray(data.actions)) {
      return count(Array.isArray(data.barriers) ? data.barriers.length : 0, "barrier", "barriers") + " ticked, " + count(data.actions.length, "action", "actions");
    }
    if (key.indexOf("joinedup.checklist.") === 0 && data && Array.isArray(data.ticked)) {
      return count(data.ticked.length, "item", "items") + " ticked";
    }
    return "Saved answers";
  }

  /* describe reads one stored value for the list and the CSV: its name
     in plain words, the day it was saved, and what it holds. version is
     the stored data's schema version (see parseStored). */
  function describe(key, raw, version) {
    if (key === THEME_KEY) return { name: "Colour scheme", saved: "", detail: THEMES[raw] || String(raw) };
    var name = key === "joinedup.assessments" ? "Ladder self-assessment" :
      key === "joinedup.action-plan" ? "Action plan" :
        key.indexOf("joinedup.checklist.") === 0 ? "Checklist: " + checklistName(key) : key;
    var r = site.parseStored(raw, version);
    return { name: name, saved: savedOn(raw), detail: r.problem ? "Cannot be read: " + r.problem : detailOf(key, r.data) };
  }

  /* csvRows are the saved items as a spreadsheet: one readable row each. */
  function csvRows(described) {
    return [["What", "Saved on", "What it holds"]].concat(described.map(function (d) { return [d.name, d.saved, d.detail]; }));
  }

  /* deletedText says what a deletion removed, by name, and anything it
     could not remove, so the page never claims more than it did. */
  function deletedText(removed, kept) {
    var out = removed.length ? "Deleted " + count(removed.length, "item", "items") + ": " + removed.join("; ") + "." : "Nothing was deleted.";
    if (kept.length) out += " " + count(kept.length, "item", "items") + " could not be deleted: " + kept.join("; ") + ".";
    return out;
  }

  if (isNode) {
    module.exports = {
      MAX_IMPORT: MAX_IMPORT, savedOn: savedOn, copyOf: copyOf, parseImport: parseImport, describe: describe,
      csvRows: csvRows, deletedText: deletedText
    };
    return;
  }
  site = window.joinedup;

  /* ---- In the page from here on. ---- */

  var joinedup = window.joinedup;
  var el = joinedup.el, store = joinedup.store;
  var NAME = "your-data";

  function described(key) {
    var d = describe(key, store.get(key), store.version);
    d.key = key;
    return d;
  }

  function items(n) { return count(n, "item", "items") + "."; }

  /* scopeNotice says where saved answers live when the site is opened
     from a folder in a browser that keeps each page's storage apart
     (Firefox does): kept together by this site ("hub"), or, when that
     did not work ("page"), kept by each page, with where to find them. */
  function scopeNotice(scope) {
    if (scope === "hub") {
      return el("div", { class: "notice", "data-your-data-scope": "hub" },
        el("p", null, el("strong", null, "You opened this site from a folder. "),
          "Your browser keeps each page\u2019s saved answers apart, so this site keeps them together in one place, and this page lists, saves and deletes all of them."),
        el("p", null, "Each page you open also keeps a copy of your colour choice, so that it shows at once. Deleting here removes those copies the next time you open each page."));
    }
    if (scope === "page") {
      return el("div", { class: "notice notice--warning", "data-your-data-scope": "page" },
        el("p", null, el("strong", null, "This page can only see what it saved itself. "),
          "You opened this site from a folder, and the site\u2019s shared storage did not answer. In some browsers (Firefox, for one) each page then keeps its own saved answers."),
        el("p", null, "To see, save or delete what a tool saved, open that tool\u2019s page: the self-assessment lists your relationships with a button to download your results and a Delete for each; the action plan has downloads and Start again; each checklist has Untick all. Your browser\u2019s settings can also clear everything this site saved."));
    }
    return null;
  }

  function allowed(key) {
    try { store.check(key); return true; } catch (e) { return false; }
  }

  /* YourData: the tool's part of the privacy page (hidden until this
     starts, in place of the message for browsers without JavaScript). */
  function YourData(root) {
    var self = this;
    var part = function (selector, what) { return joinedup.required(root, selector, NAME, what); };
    var tool = part(".your-data__tool", "the tool");
    var noJs = part(".your-data__no-js", "the message for browsers without JavaScript");
    this.status = part("[data-your-data-status]", "the status line");
    this.list = part("[data-your-data-list]", "the place for the list");
    this.file = part("#your-data-file", "the file box");
    this.group = part("[data-your-data-import-group]", "the import form group");
    this.error = part("[data-your-data-error]", "the import error message");
    this.ask = part("[data-your-data-delete-ask]", "the Delete button's group");
    this.confirm = part("[data-your-data-confirm]", "the delete confirmation");
    this.deleteButton = part("[data-your-data-delete]", "the Delete button");
    var yes = part("[data-your-data-delete-yes]", "the Yes, delete button");
    var no = part("[data-your-data-delete-no]", "the Cancel button");
    var json = part("[data-your-data-export=json]", "the JSON download button");
    var csv = part("[data-your-data-export=csv]", "the CSV download button");
    var importButton = part("[data-your-data-import]", "the Import button");
    noJs.hidden = true;
    tool.hidden = false;
    joinedup.storageNotice(tool, {});
    var where = scopeNotice(store.scope);
    if (where) tool.insertBefore(where, tool.firstChild);

    json.addEventListener("click", function () { self.downloadJSON(); });
    csv.addEventListener("click", function () { self.downloadCSV(); });
    importButton.addEventListener("click", function () { self.importFile(); });
    /* Focus goes to "No, keep it", so that a second press of Enter
       cannot delete everything. */
    this.deleteButton.addEventListener("click", function () {
      self.ask.hidden = true;
      self.confirm.hidden = false;
      no.focus();
    });
    no.addEventListener("click", function () { self.closeConfirm(); });
    yes.addEventListener("click", function () { self.deleteAll(); });
    window.addEventListener("storage", function () { self.show(""); });
    this.show("", true);
  }
  YourData.moduleName = NAME;

  /* show lists what is saved, and says so with message before it. On
     the first showing (atLoad) the summary is written at once, not
     announced: the line must have its text when the tool appears, or
     everything below it moves down a moment later. */
  YourData.prototype.show = function (message, atLoad) {
    var list = this.list;
    list.textContent = "";
    var keys = store.keys();
    if (!keys.length) {
      list.appendChild(el("p", null, "Nothing is saved in this browser."));
    } else {
      var rows = keys.map(function (k) {
        var d = described(k);
        return el("tr", { "data-key": k }, el("th", { scope: "row" }, d.name), el("td", null, d.saved ? site.longDate(d.saved) : "\u2013"), el("td", null, d.detail));
      });
      list.appendChild(el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": "your-data-caption" },
        el("table", { class: "your-data__table" },
          el("caption", { id: "your-data-caption", class: "table-caption" }, el("span", { class: "caption__text" }, "Saved in this browser")),
          el("thead", null, el("tr", null,
            el("th", { scope: "col" }, "What"), el("th", { scope: "col" }, "Saved on"), el("th", { scope: "col" }, "What it holds"))),
          el("tbody", null, rows))));
    }
    var summary = keys.length === 1 ? "1 item is saved in this browser." : keys.length + " items are saved in this browser.";
    if (atLoad) this.status.textContent = summary;
    else joinedup.say(this.status, message ? message + " " + summary : summary);
  };

  YourData.prototype.setError = function (text) {
    this.error.textContent = text ? "Error: " + text : "";
    this.error.hidden = !text;
    this.group.classList.toggle("form-group--error", !!text);
    this.file.setAttribute("aria-describedby", text ? "your-data-file-error your-data-file-hint" : "your-data-file-hint");
  };

  YourData.prototype.downloadJSON = function () {
    var all = {};
    store.keys().forEach(function (k) { all[k] = store.get(k); });
    joinedup.download("joinedup-saved-answers-" + joinedup.today() + ".json", "application/json", JSON.stringify(copyOf(all, joinedup.today()), null, 2) + "\n");
    joinedup.say(this.status, "Your copy has been downloaded as a JSON file.");
  };

  YourData.prototype.downloadCSV = function () {
    joinedup.download("joinedup-saved-answers-" + joinedup.today() + ".csv", "text/csv", joinedup.csvFile(csvRows(store.keys().map(described))));
    joinedup.say(this.status, "Your copy has been downloaded as a CSV file.");
  };

  YourData.prototype.importFile = function () {
    var self = this, file = this.file;
    var f = file.files && file.files[0];
    this.setError("");
    if (!f) { this.setError("Choose a file to import."); file.focus(); return; }
    if (f.size > MAX_IMPORT) { this.setError("The file is too large to be a copy saved from this site."); file.focus(); return; }
    var reader = new FileReader();
    reader.onload = function () {
      var text = String(reader.result);
      if (joinedup.planFile && joinedup.planFile.isPlan(text)) { self.importPlan(text); return; }
      var r = parseImport(text, allowed);
      if (r.error) { self.setError(r.error); file.focus(); return; }
      self.setError("");
      var keys = Object.keys(r.items).filter(function (key) { return store.set(key, r.items[key]); });
      var failed = Object.keys(r.items).length - keys.length;
      file.value = "";
      store.settled(function (refused) {
        var n = keys.length - refused.length;
        failed += refused.length;
        self.show("Imported " + items(n) + (failed ? " " + failed + " could not be saved." : ""));
      });
    };
    reader.onerror = function () { self.setError("The file could not be read. Try choosing it again."); };
    reader.readAsText(f);
  };

  /* importPlan puts an action plan file (downloaded from the planner) in
     place of the saved plan; the planner checks it against the site's
     barriers when it next opens. */
  YourData.prototype.importPlan = function (text) {
    var got = joinedup.planFile.read(text);
    if (got.error) { this.setError(got.error); this.file.focus(); return; }
    var self = this, ok = store.writeJSON("joinedup.action-plan", got.plan);
    this.file.value = "";
    store.settled(function (refused) {
      self.show(ok && !refused.length ? "Imported the action plan: " + count(got.plan.actions.length, "action", "actions") + "." : "The action plan could not be saved in this browser.");
    });
  };

  YourData.prototype.closeConfirm = function () {
    this.confirm.hidden = true;
    this.ask.hidden = false;
    this.deleteButton.focus();
  };

  /* deleteAll deletes every saved item, then, once the deletions have
     reached where the answers live, checks each is gone and says by name
     what was deleted and what was not. */
  YourData.prototype.deleteAll = function () {
    var self = this, all = store.keys().map(described);
    all.forEach(function (d) { store.remove(d.key); });
    store.settled(function (refused) {
      var removed = [], kept = [];
      all.forEach(function (d) {
        var name = d.name + (d.detail && d.key !== THEME_KEY ? " (" + d.detail + ")" : "");
        if (store.get(d.key) === null && refused.indexOf(d.key) < 0) removed.push(name); else kept.push(name);
      });
      if (store.get(THEME_KEY) === null) {
        document.documentElement.removeAttribute("data-theme");
        var select = document.querySelector(".theme-switch select");
        if (select) select.value = "auto";
      }
      self.closeConfirm();
      self.show(deletedText(removed, kept));
    });
  };

  joinedup.register(YourData);
})();
