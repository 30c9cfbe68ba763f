/* Checklists: ticks are kept in this browser, one storage key per checklist
   (joinedup.checklist.ID), so they survive reloads and later visits. The
   count of ticked items is shown and announced, and "Untick all" clears a
   list. Without this script the checkboxes still work for the visit, and
   printing shows whatever is ticked. */
(function () {
  "use strict";

  var j = window.joinedup;

  j.modules.checklist = function (root) {
    var id = root.getAttribute("data-checklist-id");
    var key = "joinedup.checklist." + id;
    var boxes = root.querySelectorAll(".checklist__input");
    var progress = root.querySelector("[data-checklist-progress]");
    progress.setAttribute("role", "status");
    progress.hidden = false;

    function itemOf(box) {
      return box.closest("[data-item]").getAttribute("data-item");
    }

    function ticked() {
      var out = [];
      for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) out.push(itemOf(boxes[i]));
      return out;
    }

    function count() {
      var n = ticked().length;
      return n + " of " + boxes.length + " done";
    }

    function apply(items) {
      for (var i = 0; i < boxes.length; i++) boxes[i].checked = items.indexOf(itemOf(boxes[i])) >= 0;
    }

    /* A saved list replaces the ticks the author set in the page; items
       whose text has since changed are ignored. */
    function load() {
      var saved = j.store.readJSON(key);
      var items = saved.data && Array.isArray(saved.data.ticked) ? saved.data.ticked : null;
      if (saved.data && !items) saved.problem = "Your saved ticks for this checklist are not in the expected form.";
      j.storageNotice(root, { key: key, problem: saved.problem, onClear: function () { progress.textContent = count(); } });
      if (items) apply(items);
      progress.textContent = count();
    }

    function save() {
      j.store.writeJSON(key, { ticked: ticked() });
      j.say(progress, count());
    }

    for (var i = 0; i < boxes.length; i++) boxes[i].addEventListener("change", save);

    var reset = j.el("button", { type: "button", class: "button button--secondary checklist__reset" }, "Untick all");
    reset.addEventListener("click", function () {
      apply([]);
      j.store.remove(key);
      j.say(progress, "All items unticked. " + count());
    });
    root.appendChild(j.el("div", { class: "button-group checklist__actions" }, reset));

    /* Another tab (or the privacy page) may change or delete the ticks. */
    window.addEventListener("storage", function (e) {
      if (e.key === key || e.key === null) load();
    });

    load();
  };
})();
