/* The action plan's file: what the barrier planner downloads as JSON, and
   reading it back, on the planner's page or on the privacy page (the pages
   of both tools load this script before their own; it adds
   joinedup.planFile). The file names each barrier and remedy in words as
   well as by id, so it makes sense on its own. Node's test runner loads it
   too (plan-file.test.js). */
(function () {
  "use strict";

  var FORMAT = "joinedup-action-plan";
  var VERSION = 1;
  var MAX_FILE = 1024 * 1024;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;

  function text(v) { return typeof v === "string" ? v : ""; }

  /* write makes the file's contents from a plan's stored form ({barriers:
     [id], actions: [{barrier, remedy, action, who, when, measure}]}) and
     the words for its ids: titles(id) of a barrier, remedy(id) of a
     remedy. */
  function write(stored, titles, remedy, date) {
    return {
      format: FORMAT, version: VERSION, created: date,
      barriers: stored.barriers.slice(),
      actions: stored.actions.map(function (a) {
        return {
          barrier: a.barrier ? titles(a.barrier) : "", barrierId: a.barrier, remedy: a.remedy ? remedy(a.remedy) : "", remedyId: a.remedy,
          action: a.action, who: a.who, byWhen: a.when, howWeWillKnow: a.measure
        };
      })
    };
  }

  /* read checks a file's text and returns {plan} (the plan's stored form,
     which the planner checks against the site's barriers when it loads
     it) or {error} in plain words. isPlan(text) says whether the text
     is a plan file at all, so the privacy page can tell it from a copy of
     everything. */
  function read(textIn) {
    var v;
    try { v = JSON.parse(textIn); } catch (e) {
      return { error: "The file is not an action plan saved from this site: it is not valid JSON." };
    }
    if (!v || typeof v !== "object" || v.format !== FORMAT) {
      return { error: "The file is not an action plan saved from this site. Choose a file named like action-plan-2026-01-31.json." };
    }
    if (v.version !== VERSION) {
      return { error: "The plan was saved by a different version of this site (version " + String(v.version).slice(0, 10) + ") and cannot be imported." };
    }
    if (!Array.isArray(v.actions)) return { error: "The file has no actions in it." };
    var barriers = [];
    function addBarrier(id) { if (typeof id === "string" && id && barriers.indexOf(id) < 0) barriers.push(id); }
    if (Array.isArray(v.barriers)) v.barriers.forEach(addBarrier);
    var actions = v.actions.filter(function (a) { return a && typeof a === "object"; }).map(function (a) {
      addBarrier(a.barrierId);
      return {
        barrier: text(a.barrierId), remedy: text(a.remedyId), action: text(a.action), who: text(a.who),
        when: DATE.test(a.byWhen) ? a.byWhen : "", measure: text(a.howWeWillKnow)
      };
    });
    if (!actions.length && !barriers.length) return { error: "The file has no actions in it." };
    return { plan: { barriers: barriers, actions: actions } };
  }

  function isPlan(textIn) {
    try { var v = JSON.parse(textIn); return !!v && typeof v === "object" && v.format === FORMAT; } catch (e) { return false; }
  }

  var planFile = { FORMAT: FORMAT, MAX_FILE: MAX_FILE, write: write, read: read, isPlan: isPlan };
  if (typeof module === "object" && module.exports) module.exports = planFile;
  else window.joinedup.planFile = planFile;
})();
