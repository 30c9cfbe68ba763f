/* "Your data" on the privacy page: lists what this site keeps in the
   browser, downloads a copy (JSON to import again, CSV to read), imports a
   copy, and deletes everything. It only ever touches the keys in the list
   the page shows (window.joinedupStorageKeys).

   Reading an imported file and making the copy are plain functions, which
   Node's test runner loads (your-data.test.js). */
(function () {
  "use strict";

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

  function items(n) { return n + (n === 1 ? " item." : " items."); }

  if (typeof module === "object" && module.exports) {
    module.exports = { MAX_IMPORT: MAX_IMPORT, savedOn: savedOn, copyOf: copyOf, parseImport: parseImport };
    return;
  }

  /* ---- In the page from here on. ---- */

  var joinedup = window.joinedup;
  var el = joinedup.el, store = joinedup.store;
  var NAME = "your-data";

  /* describe reads one stored value for the list: when it was saved and
     whether it can be read. */
  function describe(key) {
    var raw = store.get(key);
    if (key === THEME_KEY) return { saved: "", summary: "Colour scheme: " + raw };
    var r = store.readJSON(key);
    return { saved: savedOn(raw), summary: r.problem ? "Cannot be read: " + r.problem : "Saved answers" };
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

    json.addEventListener("click", function () { self.downloadJSON(); });
    csv.addEventListener("click", function () { self.downloadCSV(); });
    importButton.addEventListener("click", function () { self.importFile(); });
    this.deleteButton.addEventListener("click", function () {
      self.ask.hidden = true;
      self.confirm.hidden = false;
      yes.focus();
    });
    no.addEventListener("click", function () { self.closeConfirm(); });
    yes.addEventListener("click", function () { self.deleteAll(); });
    window.addEventListener("storage", function () { self.show(""); });
    this.show("");
  }
  YourData.moduleName = NAME;

  /* show lists what is saved, and says so with message before it. */
  YourData.prototype.show = function (message) {
    var list = this.list;
    list.textContent = "";
    var keys = store.keys();
    if (!keys.length) {
      list.appendChild(el("p", null, "Nothing is saved in this browser."));
    } else {
      var rows = keys.map(function (k) {
        var d = describe(k);
        return el("tr", null, el("td", null, el("code", null, k)), el("td", null, d.saved || "\u2013"), el("td", null, d.summary));
      });
      list.appendChild(el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": "your-data-caption" },
        el("table", { class: "your-data__table" },
          el("caption", { id: "your-data-caption", class: "table-caption" }, "Saved in this browser"),
          el("thead", null, el("tr", null,
            el("th", { scope: "col" }, "Name"), el("th", { scope: "col" }, "Saved on"), el("th", { scope: "col" }, "What it is"))),
          el("tbody", null, rows))));
    }
    var summary = keys.length === 1 ? "1 item is saved in this browser." : keys.length + " items are saved in this browser.";
    joinedup.say(this.status, message ? message + " " + summary : summary);
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
    var rows = [["Name", "Saved on", "Value"]].concat(store.keys().map(function (k) {
      return [k, describe(k).saved, store.get(k)];
    }));
    joinedup.download("joinedup-saved-answers-" + joinedup.today() + ".csv", "text/csv", joinedup.csv(rows));
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
      var r = parseImport(String(reader.result), allowed);
      if (r.error) { self.setError(r.error); file.focus(); return; }
      self.setError("");
      var n = 0, failed = 0;
      for (var key in r.items) {
        if (store.set(key, r.items[key])) n++; else failed++;
      }
      file.value = "";
      self.show("Imported " + items(n) + (failed ? " " + failed + " could not be saved." : ""));
    };
    reader.onerror = function () { self.setError("The file could not be read. Try choosing it again."); };
    reader.readAsText(f);
  };

  YourData.prototype.closeConfirm = function () {
    this.confirm.hidden = true;
    this.ask.hidden = false;
    this.deleteButton.focus();
  };

  YourData.prototype.deleteAll = function () {
    var keys = store.keys();
    keys.forEach(function (k) { store.remove(k); });
    document.documentElement.removeAttribute("data-theme");
    var select = document.querySelector(".theme-switch select");
    if (select) select.value = "auto";
    this.closeConfirm();
    this.show("Deleted " + items(keys.length));
  };

  joinedup.register(YourData);
})();
