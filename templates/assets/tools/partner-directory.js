/* Partner directory: filter the roles by words and by sector, and show them
   as a table or as cards. Both views are in the page's markup; without this
   script the table shows every role. Nothing is stored.

   Matching is plain functions, which Node's test runner loads
   (partner-directory.test.js). */
(function () {
  "use strict";

  /* words splits text into lowercase words of letters and digits, so that
     "O.T." and "person's" are treated the same way in a role and in a
     filter. */
  function words(text) {
    return String(text).toLowerCase().replace(/[\u2018\u2019']/g, "").split(/[^a-z0-9\u00c0-\u024f]+/).filter(Boolean);
  }

  /* wholeWords picks the filter words to match only as whole words: the
     short ones (one or two letters, such as "OT" or "GP") that some role
     has as a word of its own. So "ot" finds the occupational therapist
     (OT) but not every role that says "other", while "nu", typed on the
     way to "nurse", still finds the nurses. */
  function wholeWords(roles, filterWords) {
    var out = {};
    filterWords.forEach(function (f) {
      if (f.length > 2) return;
      for (var i = 0; i < roles.length; i++) if (roles[i].indexOf(f) >= 0) { out[f] = true; return; }
    });
    return out;
  }

  /* matches: every filter word must start some word of the role, so
     "nurse" finds "nurses"; a word in whole (see wholeWords) must be one
     of the role's words. */
  function matches(roleWords, filterWords, whole) {
    return filterWords.every(function (f) {
      return roleWords.some(function (w) { return whole && whole[f] ? w === f : w.indexOf(f) === 0; });
    });
  }

  function countText(shown, total) {
    if (shown === total) return "All " + total + " roles";
    return shown + " of " + total + " roles" + (shown === 0 ? ": no matches" : "");
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { words: words, wholeWords: wholeWords, matches: matches, countText: countText };
    return;
  }

  /* ---- In the page from here on. ---- */

  var joinedup = window.joinedup;
  var NAME = "partner-directory";
  var NARROW = "(max-width: 40rem)";

  /* PartnerDirectory: the filter form (hidden until this starts) and the
     roles, each appearing twice (a row and a card, both with data-role). */
  function PartnerDirectory(root) {
    var self = this;
    this.root = root;
    var form = joinedup.required(root, ".directory__filters", NAME, "the filter form");
    this.input = joinedup.required(form, "input[name=words]", NAME, "the words box");
    this.sector = joinedup.required(form, "select[name=sector]", NAME, "the sector menu");
    this.views = form.querySelectorAll("input[name=view]");
    this.status = joinedup.required(form, ".directory__count", NAME, "the count of roles");
    this.empty = joinedup.required(root, ".directory__empty", NAME, "the message for no matches");
    this.table = joinedup.required(root, ".directory__table", NAME, "the table of roles");
    this.cards = joinedup.required(root, ".directory__cards", NAME, "the cards");
    var clear = joinedup.required(form, ".directory__clear", NAME, "the Clear filters button");
    this.timer = null;

    /* A role's row and card are filtered together, by the words of the
       first (the row). */
    this.roles = {};
    this.order = [];
    var items = root.querySelectorAll(".directory__role");
    for (var i = 0; i < items.length; i++) {
      var id = items[i].getAttribute("data-role");
      if (!this.roles[id]) {
        this.roles[id] = { words: words(items[i].textContent), sector: items[i].getAttribute("data-sector"), els: [] };
        this.order.push(id);
      }
      this.roles[id].els.push(items[i]);
    }

    this.input.addEventListener("input", function () { self.update(false); });
    this.sector.addEventListener("change", function () { self.update(true); });
    for (var v = 0; v < this.views.length; v++) {
      this.views[v].addEventListener("change", function () {
        self.update(true);
        joinedup.say(self.status, countText(Number(root.getAttribute("data-shown")), self.order.length) + ", shown as " + (self.currentView() === "table" ? "a table" : "cards"));
      });
    }
    form.addEventListener("submit", function (ev) { ev.preventDefault(); self.update(true); });
    clear.addEventListener("click", function () {
      self.input.value = "";
      self.sector.value = "";
      self.update(true);
      self.input.focus();
    });
    form.hidden = false;
    this.chooseView();
    this.update(true);
    /* The browser's own move to the link's target (a hidden row) runs
       until the page has loaded, so the card is shown after it. */
    if (document.readyState === "complete") this.showTarget();
    else window.addEventListener("load", function () { window.setTimeout(function () { self.showTarget(); }, 0); });
    window.addEventListener("hashchange", function () { self.showTarget(); });
  }
  PartnerDirectory.moduleName = NAME;

  /* showTarget: a link to a role (search results, the glossary) names its
     table row, which is hidden when the roles show as cards (on a phone).
     Then the role's card is scrolled to and marked instead, with its
     heading focused, as the browser would have done for the row. */
  PartnerDirectory.prototype.showTarget = function () {
    var id = window.location.hash.slice(1);
    var row = id && document.getElementById(decodeURIComponent(id));
    if (!row || !this.table.contains(row) || this.currentView() !== "cards") return;
    var role = this.roles[row.getAttribute("data-role")];
    var card = role && role.els.filter(function (el) { return el !== row; })[0];
    if (!card || card.hidden) return;
    var marked = this.cards.querySelector(".directory__role--target");
    if (marked) marked.classList.remove("directory__role--target");
    card.classList.add("directory__role--target");
    var heading = card.querySelector(".directory__card-title") || card;
    heading.setAttribute("tabindex", "-1");
    heading.focus();
    card.scrollIntoView();
  };

  /* chooseView picks cards on a small screen and the table on a large
     one, as the style sheet does before this starts, so nothing moves. */
  PartnerDirectory.prototype.chooseView = function () {
    var narrow = window.matchMedia && window.matchMedia(NARROW).matches;
    for (var v = 0; v < this.views.length; v++) this.views[v].checked = this.views[v].value === (narrow ? "cards" : "table");
  };

  PartnerDirectory.prototype.currentView = function () {
    for (var v = 0; v < this.views.length; v++) if (this.views[v].checked) return this.views[v].value;
    return "table";
  };

  /* update shows the roles that match. The count is announced once typing
     pauses (now false), not at every key. */
  PartnerDirectory.prototype.update = function (now) {
    var self = this;
    var roles = this.roles;
    var f = words(this.input.value);
    var whole = wholeWords(this.order.map(function (id) { return roles[id].words; }), f);
    var s = this.sector.value;
    var shown = 0;
    for (var k = 0; k < this.order.length; k++) {
      var r = this.roles[this.order[k]];
      var ok = (!s || r.sector === s) && matches(r.words, f, whole);
      if (ok) shown++;
      for (var e = 0; e < r.els.length; e++) r.els[e].hidden = !ok;
    }
    var view = this.currentView();
    this.empty.hidden = shown > 0;
    this.table.hidden = shown === 0 || view !== "table";
    this.cards.hidden = shown === 0 || view !== "cards";
    this.root.setAttribute("data-view", view);
    this.root.setAttribute("data-shown", String(shown));
    var text = countText(shown, this.order.length);
    window.clearTimeout(this.timer);
    if (now) this.status.textContent = text;
    else this.timer = window.setTimeout(function () { self.status.textContent = text; }, 400);
  };

  joinedup.register(PartnerDirectory);
})();
