/* Checklists: ticks are kept in this browser, one storage key per checklist
   (joinedup.checklist.ID), so they survive reloads and later visits. The
   count of ticked items is shown and announced, and "Untick all" clears a
   list, with an Undo that puts the ticks back until the page is left or a
   box is ticked again. Without this script the checkboxes still work for the visit, and
   printing shows whatever is ticked.

   Reading saved ticks is a plain function, which Node's test runner loads
   (checklist.test.js). */
(function () {
  "use strict";

  /* savedTicks reads a checklist's stored data ({ticked: [item, ...]}):
     the items to tick, or null to keep the page's own ticks, and a
     problem to show when the data is not in that form. */
  function savedTicks(data) {
    if (data === null || data === undefined) return { items: null, problem: null };
    var ok = typeof data === "object" && Array.isArray(data.ticked) &&
      data.ticked.every(function (t) { return typeof t === "string"; });
    if (!ok) return { items: null, problem: "Your saved ticks for this checklist are not in the expected form." };
    return { items: data.ticked, problem: null };
  }

  function progress(done, total) {
    return done + " of " + total + " done";
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { savedTicks: savedTicks, progress: progress };
    return;
  }

  /* ---- In the page from here on. ---- */

  var joinedup = window.joinedup;
  var NAME = "checklist";

  /* Checklist: one list's checkboxes, each inside an element whose
     data-item names the item (it does not change when items move). */
  function Checklist(root) {
    var self = this;
    this.root = root;
    this.key = "joinedup.checklist." + root.getAttribute("data-checklist-id");
    this.boxes = [].slice.call(root.querySelectorAll(".checklist__input"));
    this.items = this.boxes.map(function (box) {
      var item = box.closest("[data-item]");
      if (!item) throw new joinedup.ElementError(NAME, "the item around a checkbox", "[data-item]");
      return item.getAttribute("data-item");
    });
    this.progress = joinedup.required(root, "[data-checklist-progress]", NAME, "the progress line");
    this.progress.setAttribute("role", "status");
    this.progress.hidden = false;
    this.reset = joinedup.required(root, "[data-checklist-reset]", NAME, "the Untick all button");

    this.boxes.forEach(function (box) { box.addEventListener("change", function () { self.forgetUndo(); self.save(); }); });
    this.undoTicks = null;
    this.undo = joinedup.button(["Undo", joinedup.visuallyHidden(": tick them again")], "button button--secondary checklist__undo", function () {
      var ticks = self.undoTicks;
      self.forgetUndo();
      self.apply(ticks);
      self.save();
      self.reset.focus();
      joinedup.say(self.progress, "Your ticks are back. " + self.count());
    });
    this.undo.hidden = true;
    this.reset.addEventListener("click", function () {
      var ticks = self.ticked();
      if (!ticks.length) { joinedup.say(self.progress, "Nothing is ticked. " + self.count()); return; }
      self.apply([]);
      joinedup.store.remove(self.key);
      self.undoTicks = ticks;
      self.undo.hidden = false;
      joinedup.say(self.progress, "Unticked " + joinedup.quantity(ticks.length, "item", "items") + ". Press Undo to tick them again. " + self.count());
    });
    this.reset.parentNode.appendChild(this.undo);
    /* Another tab (or the privacy page) may change or delete the ticks. */
    window.addEventListener("storage", function (e) {
      if (e.key === self.key || e.key === null) self.load();
    });
    this.load();
  }
  Checklist.moduleName = NAME;

  Checklist.prototype.forgetUndo = function () {
    this.undoTicks = null;
    this.undo.hidden = true;
  };

  Checklist.prototype.ticked = function () {
    var boxes = this.boxes;
    return this.items.filter(function (item, i) { return boxes[i].checked; });
  };

  Checklist.prototype.count = function () {
    return progress(this.ticked().length, this.boxes.length);
  };

  Checklist.prototype.apply = function (items) {
    var boxes = this.boxes;
    this.items.forEach(function (item, i) { boxes[i].checked = items.indexOf(item) >= 0; });
  };

  /* load shows the saved ticks. A saved list replaces the ticks the
     author set in the page; items whose text has since changed are
     ignored. */
  Checklist.prototype.load = function () {
    var self = this;
    var read = joinedup.store.readJSON(this.key);
    var saved = savedTicks(read.data);
    joinedup.storageNotice(this.root, { key: this.key, problem: read.problem || saved.problem, onClear: function () { self.progress.textContent = self.count(); } });
    if (saved.items) this.apply(saved.items);
    this.progress.textContent = this.count();
  };

  Checklist.prototype.save = function () {
    joinedup.store.writeJSON(this.key, { ticked: this.ticked() });
    joinedup.say(this.progress, this.count());
  };

  joinedup.register(Checklist);
})();
