// Tests of the barrier planner's plan: restoring it from storage, what is
// saved, and what is downloaded.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const planner = require("./barrier-planner.js");
const site = require("../site.js");

// The catalogue the page's checkboxes give.
const catalogue = {
  barriers: { trust: { title: "Lack of trust" }, time: { title: "No time" } },
  remedies: {
    "meet-early": { text: "Meet early", barrier: "trust" },
    "joint-visit": { text: "Do a joint visit", barrier: "trust" },
    "protect-time": { text: "Protect time", barrier: "time" }
  },
  order: ["trust", "time"]
};

test("restore refuses what is not a plan", () => {
  for (const data of [null, undefined, "plan", 3, [], {}, { barriers: [] }, { actions: [] }, { barriers: {}, actions: [] }]) {
    assert.equal(planner.restore(data, catalogue), null, JSON.stringify(data));
  }
});

test("restore keeps what the site still has", () => {
  const plan = planner.restore({
    barriers: ["time", "gone", "time", 7],
    actions: [
      { barrier: "trust", remedy: "meet-early", action: "Book a meeting", who: "Team lead", when: "2026-03-01", measure: "Met" },
      // The remedy is gone from the site: the action becomes the learner's own, under its barrier.
      { barrier: "time", remedy: "old-remedy", action: "Old", who: "", when: "", measure: "" },
      // A remedy used twice: the second is the learner's own.
      { remedy: "meet-early", action: "Again" },
      // An unknown barrier and a bad date are dropped; long text is cut.
      { barrier: "gone", action: "x".repeat(planner.MAX_TEXT + 5), when: "1 March" },
      null,
      "not an action",
      { action: 42, who: ["x"] }
    ]
  }, catalogue);
  assert.deepEqual(plan.barriers, ["time", "trust"], "known barriers once, and the barriers of kept remedies");
  assert.deepEqual(plan.actions.map((a) => [a.id, a.barrier, a.remedy, a.action.length > 50 ? a.action.length : a.action, a.when]), [
    ["a1", "trust", "meet-early", "Book a meeting", "2026-03-01"],
    ["a2", "time", "", "Old", ""],
    ["a3", "", "", "Again", ""],
    ["a4", "", "", planner.MAX_TEXT, ""],
    ["a5", "", "", "", ""]
  ]);
  assert.equal(plan.actions[4].who, "");
  assert.equal(plan.next, 6);
});

test("restore keeps at most MAX_ACTIONS", () => {
  const actions = Array.from({ length: planner.MAX_ACTIONS + 10 }, (_, i) => ({ action: "a" + i }));
  assert.equal(planner.restore({ barriers: [], actions }, catalogue).actions.length, planner.MAX_ACTIONS);
});

test("stored drops the per-visit ids and round-trips through restore", () => {
  const plan = planner.empty();
  planner.addRemedy(plan, catalogue, "protect-time");
  plan.barriers.push("time");
  plan.actions[0].who = "Manager";
  const saved = planner.stored(plan);
  assert.deepEqual(saved, {
    barriers: ["time"],
    actions: [{ barrier: "time", remedy: "protect-time", action: "Protect time", who: "Manager", when: "", measure: "" }]
  });
  assert.deepEqual(planner.restore(JSON.parse(JSON.stringify(saved)), catalogue), plan);
});

test("addRemedy stops when the plan is full", () => {
  const plan = planner.empty();
  for (let i = 0; i < planner.MAX_ACTIONS; i++) assert.equal(planner.addRemedy(plan, catalogue, "meet-early"), true);
  assert.equal(planner.addRemedy(plan, catalogue, "joint-visit"), false);
  assert.equal(plan.actions.length, planner.MAX_ACTIONS);
});

test("count", () => {
  const plan = planner.empty();
  assert.equal(planner.count(plan), "0 actions");
  planner.addRemedy(plan, catalogue, "meet-early");
  assert.equal(planner.count(plan), "1 action");
  planner.addRemedy(plan, catalogue, "joint-visit");
  assert.equal(planner.count(plan), "2 actions");
});

test("csvRows and the CSV text: no repeated column, a formula guarded", () => {
  const plan = planner.restore({
    barriers: ["trust"],
    actions: [
      { barrier: "trust", remedy: "meet-early", action: "Meet, then agree", who: "=HYPERLINK(\"x\")", when: "2026-03-01", measure: "" },
      { barrier: "trust", remedy: "joint-visit", action: "Do a joint visit", who: "", when: "", measure: "" },
      { action: "Own action" }
    ]
  }, catalogue);
  const rows = planner.csvRows(plan, catalogue);
  assert.deepEqual(rows, [
    ["Barrier", "Action", "Who", "By when", "How we will know", "Remedy it came from, if reworded"],
    ["Lack of trust", "Meet, then agree", "=HYPERLINK(\"x\")", "2026-03-01", "", "Meet early"],
    ["Lack of trust", "Do a joint visit", "", "", "", ""],
    ["", "Own action", "", "", "", ""]
  ]);
  const text = site.csvFile(rows);
  assert.ok(text.startsWith("\ufeffBarrier,"), "a byte order mark, for Excel");
  assert.equal(text.split("\r\n")[1], 'Lack of trust,"Meet, then agree","\'=HYPERLINK(""x"")",2026-03-01,,Meet early');
});

test("exported names barriers and remedies in words", () => {
  const plan = planner.restore({ barriers: [], actions: [{ remedy: "protect-time", action: "Block Fridays", when: "2026-04-01" }] }, catalogue);
  assert.deepEqual(planner.exported(plan, catalogue, "2026-02-02"), {
    format: "joinedup-action-plan", version: 1, created: "2026-02-02", barriers: ["time"],
    actions: [{
      barrier: "No time", barrierId: "time", remedy: "Protect time", remedyId: "protect-time",
      action: "Block Fridays", who: "", byWhen: "2026-04-01", howWeWillKnow: ""
    }]
  });
});

test("an exported plan is imported again as it was", () => {
  const planFile = require("./plan-file.js");
  const plan = planner.restore({ barriers: ["trust", "time"], actions: [{ remedy: "meet-early", action: "Meet on Mondays", who: "Lead", when: "2026-04-01", measure: "Minutes" }, { action: "Own" }] }, catalogue);
  const text = JSON.stringify(planner.exported(plan, catalogue, "2026-02-02"));
  assert.deepEqual(planner.restore(planFile.read(text).plan, catalogue), plan);
});
