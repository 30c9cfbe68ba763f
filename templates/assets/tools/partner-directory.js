/* Partner directory: filter the roles by words and by sector, and show them
   as a table or as cards. Both views are in the page's markup; without this
   script the table shows every role. Nothing is stored. */
(function () {
  "use strict";

  /* words splits text into lowercase words of letters and digits, so that
     "O.T." and "person's" are treated the same way in a role and in a
     filter. */
  function words(text) {
    return String(text).toLowerCase().replace(/[\u2018\u2019']/g, "").split(/[^a-z0-9\u00c0-\u024f]+/).filter(Boolean);
  }

  /* matches: every filter word must start some word of the role, so "nurse"
     finds "nurses" but "ot" does not find "other". */
  function matches(roleWords, filterWords) {
    return filterWords.every(function (f) {
      return roleWords.some(function (w) { return w.indexOf(f) === 0; });
    });
  }

  window.joinedup.modules["partner-directory"] = function (root) {
    var j = window.joinedup;
    var form = root.querySelector(".directory__filters");
    var input = form.querySelector("input[name=words]");
    var sector = form.querySelector("select[name=sector]");
    var views = form.querySelectorAll("input[name=view]");
    var clear = form.querySelector(".directory__clear");
    var status = form.querySelector(".directory__count");
    var empty = root.querySelector(".directory__empty");
    var table = root.querySelector(".directory__table");
    var cards = root.querySelector(".directory__cards");

    /* Each role appears twice (a row and a card); both are filtered
       together, by the words of the row. */
    var roles = {};
    var order = [];
    var items = root.querySelectorAll(".directory__role");
    for (var i = 0; i < items.length; i++) {
      var id = items[i].getAttribute("data-role");
      if (!roles[id]) {
        roles[id] = { words: words(items[i].textContent), sector: items[i].getAttribute("data-sector"), els: [] };
        order.push(id);
      }
      roles[id].els.push(items[i]);
    }
    var total = order.length;

    function countText(shown) {
      if (shown === total) return "All " + total + " roles";
      return shown + " of " + total + " roles" + (shown === 0 ? ": no matches" : "");
    }

    var timer = null;
    function update(now) {
      var f = words(input.value);
      var s = sector.value;
      var shown = 0;
      for (var k = 0; k < order.length; k++) {
        var r = roles[order[k]];
        var ok = (!s || r.sector === s) && matches(r.words, f);
        if (ok) shown++;
        for (var e = 0; e < r.els.length; e++) r.els[e].hidden = !ok;
      }
      empty.hidden = shown > 0;
      table.hidden = shown === 0 || currentView() !== "table";
      cards.hidden = shown === 0 || currentView() !== "cards";
      root.setAttribute("data-shown", String(shown));
      /* The count is announced once typing pauses, not at every key. */
      window.clearTimeout(timer);
      if (now) status.textContent = countText(shown);
      else timer = window.setTimeout(function () { status.textContent = countText(shown); }, 400);
    }

    function currentView() {
      for (var v = 0; v < views.length; v++) if (views[v].checked) return views[v].value;
      return "table";
    }

    input.addEventListener("input", function () { update(false); });
    sector.addEventListener("change", function () { update(true); });
    for (var v = 0; v < views.length; v++) {
      views[v].addEventListener("change", function () {
        update(true);
        j.say(status, countText(Number(root.getAttribute("data-shown"))) + ", shown as " + (currentView() === "table" ? "a table" : "cards"));
      });
    }
    form.addEventListener("submit", function (ev) { ev.preventDefault(); update(true); });
    clear.addEventListener("click", function () {
      input.value = "";
      sector.value = "";
      update(true);
      input.focus();
    });

    form.hidden = false;
    update(true);
  };
})();
