/* "Your data" on the privacy page: lists what this site keeps in the
   browser, downloads a copy (JSON to import again, CSV to read), imports a
   copy, and deletes everything. It only ever touches the keys in the list
   the page shows (window.joinedupStorageKeys). */
(function () {
  "use strict";

  var j = window.joinedup;
  var FORMAT = "joinedup-saved-answers";
  var FORMAT_VERSION = 1;
  var MAX_IMPORT = 5 * 1024 * 1024;

  /* describe reads one stored value for the list: when it was saved and
     whether it can be read. */
  function describe(key) {
    var raw = j.store.get(key);
    if (key === "joinedup.theme") return { key: key, raw: raw, saved: "", ok: true, summary: "Colour scheme: " + raw };
    var r = j.store.readJSON(key);
    var saved = "";
    try { saved = String(JSON.parse(raw).saved || "").slice(0, 10); } catch (e) { /* shown as unreadable */ }
    return { key: key, raw: raw, saved: saved, ok: !r.problem, summary: r.problem ? "Cannot be read: " + r.problem : "Saved answers" };
  }

  function exportData() {
    var items = {};
    var keys = j.store.keys();
    for (var i = 0; i < keys.length; i++) items[keys[i]] = j.store.get(keys[i]);
    return { format: FORMAT, version: FORMAT_VERSION, exported: j.today(), items: items };
  }

  /* parseImport checks a file's text and returns {items} or {error}. Every
     key must be one this site uses, and every value a string, so a file
     from elsewhere cannot plant anything. */
  function parseImport(text) {
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
      try { j.store.check(key); } catch (e) {
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

  j.modules["your-data"] = function (root) {
    var tool = root.querySelector(".your-data__tool");
    var status = root.querySelector("[data-your-data-status]");
    var list = root.querySelector("[data-your-data-list]");
    var file = root.querySelector("#your-data-file");
    var group = root.querySelector("[data-your-data-import-group]");
    var error = root.querySelector("[data-your-data-error]");
    var ask = root.querySelector("[data-your-data-delete-ask]");
    var confirm = root.querySelector("[data-your-data-confirm]");
    root.querySelector(".your-data__no-js").hidden = true;
    tool.hidden = false;
    j.storageNotice(tool, {});

    function show(message) {
      list.textContent = "";
      var keys = j.store.keys();
      if (!keys.length) {
        list.appendChild(j.el("p", null, "Nothing is saved in this browser."));
      } else {
        var rows = keys.map(function (k) {
          var d = describe(k);
          return j.el("tr", null, j.el("td", null, j.el("code", null, k)), j.el("td", null, d.saved || "–"), j.el("td", null, d.summary));
        });
        list.appendChild(j.el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": "your-data-caption" },
          j.el("table", { class: "your-data__table" },
            j.el("caption", { id: "your-data-caption", class: "table-caption" }, "Saved in this browser"),
            j.el("thead", null, j.el("tr", null,
              j.el("th", { scope: "col" }, "Name"), j.el("th", { scope: "col" }, "Saved on"), j.el("th", { scope: "col" }, "What it is"))),
            j.el("tbody", null, rows))));
      }
      var summary = keys.length === 1 ? "1 item is saved in this browser." : keys.length + " items are saved in this browser.";
      j.say(status, message ? message + " " + summary : summary);
    }

    function setError(text) {
      error.textContent = text ? "Error: " + text : "";
      error.hidden = !text;
      group.classList.toggle("form-group--error", !!text);
      if (text) file.setAttribute("aria-describedby", "your-data-file-error your-data-file-hint");
      else file.setAttribute("aria-describedby", "your-data-file-hint");
    }

    root.querySelector("[data-your-data-export=json]").addEventListener("click", function () {
      j.download("joinedup-saved-answers-" + j.today() + ".json", "application/json", JSON.stringify(exportData(), null, 2) + "\n");
      j.say(status, "Your copy has been downloaded as a JSON file.");
    });
    root.querySelector("[data-your-data-export=csv]").addEventListener("click", function () {
      var rows = [["Name", "Saved on", "Value"]];
      var keys = j.store.keys();
      for (var i = 0; i < keys.length; i++) rows.push([keys[i], describe(keys[i]).saved, j.store.get(keys[i])]);
      j.download("joinedup-saved-answers-" + j.today() + ".csv", "text/csv", j.csv(rows));
      j.say(status, "Your copy has been downloaded as a CSV file.");
    });

    root.querySelector("[data-your-data-import]").addEventListener("click", function () {
      var f = file.files && file.files[0];
      setError("");
      if (!f) { setError("Choose a file to import."); file.focus(); return; }
      if (f.size > MAX_IMPORT) { setError("The file is too large to be a copy saved from this site."); file.focus(); return; }
      var reader = new FileReader();
      reader.onload = function () {
        var r = parseImport(String(reader.result));
        if (r.error) { setError(r.error); file.focus(); return; }
        setError("");
        var n = 0, failed = 0;
        for (var key in r.items) {
          if (j.store.set(key, r.items[key])) n++; else failed++;
        }
        file.value = "";
        show("Imported " + n + (n === 1 ? " item." : " items.") + (failed ? " " + failed + " could not be saved." : ""));
      };
      reader.onerror = function () { setError("The file could not be read. Try choosing it again."); };
      reader.readAsText(f);
    });

    root.querySelector("[data-your-data-delete]").addEventListener("click", function () {
      ask.hidden = true;
      confirm.hidden = false;
      confirm.querySelector("[data-your-data-delete-yes]").focus();
    });
    root.querySelector("[data-your-data-delete-no]").addEventListener("click", function () {
      confirm.hidden = true;
      ask.hidden = false;
      root.querySelector("[data-your-data-delete]").focus();
    });
    root.querySelector("[data-your-data-delete-yes]").addEventListener("click", function () {
      var keys = j.store.keys();
      for (var i = 0; i < keys.length; i++) j.store.remove(keys[i]);
      document.documentElement.removeAttribute("data-theme");
      var select = document.querySelector(".theme-switch select");
      if (select) select.value = "auto";
      confirm.hidden = true;
      ask.hidden = false;
      root.querySelector("[data-your-data-delete]").focus();
      show("Deleted " + keys.length + (keys.length === 1 ? " item." : " items."));
    });

    window.addEventListener("storage", function () { show(""); });
    show("");
  };
})();
