// Tests of the barrier planner's plan: restoring it from storage, what is
// saved, and what is downloaded.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const bp = require("./barrier-planner.js");
const site = require("../site.js");

// The catalogue the page's checkboxes give.
const c = {
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
    assert.equal(bp.restore(data, c), null, JSON.stringify(data));
  }
});

test("restore keeps what the site still has", () => {
  const plan = bp.restore({
    barriers: ["time", "gone", "time", 7],
    actions: [
      { barrier: "trust", remedy: "meet-early", action: "Book a meeting", who: "Team lead", when: "2026-03-01", measure: "Met" },
      // The remedy is gone from the site: the action becomes the learner's own, under its barrier.
      { barrier: "time", remedy: "old-remedy", action: "Old", who: "", when: "", measure: "" },
      // A remedy used twice: the second is the learner's own.
      { remedy: "meet-early", action: "Again" },
      // An unknown barrier and a bad date are dropped; long text is cut.
      { barrier: "gone", action: "x".repeat(bp.MAX_TEXT + 5), when: "1 March" },
      null,
      "not an action",
      { action: 42, who: ["x"] }
    ]
  }, c);
  assert.deepEqual(plan.barriers, ["time", "trust"], "known barriers once, and the barriers of kept remedies");
  assert.deepEqual(plan.actions.map((a) => [a.id, a.barrier, a.remedy, a.action.length > 50 ? a.action.length : a.action, a.when]), [
    ["a1", "trust", "meet-early", "Book a meeting", "2026-03-01"],
    ["a2", "time", "", "Old", ""],
    ["a3", "", "", "Again", ""],
    ["a4", "", "", bp.MAX_TEXT, ""],
    ["a5", "", "", "", ""]
  ]);
  assert.equal(plan.actions[4].who, "");
  assert.equal(plan.next, 6);
});

test("restore keeps at most MAX_ACTIONS", () => {
  const actions = Array.from({ length: bp.MAX_ACTIONS + 10 }, (_, i) => ({ action: "a" + i }));
  assert.equal(bp.restore({ barriers: [], actions }, c).actions.length, bp.MAX_ACTIONS);
});

test("stored drops the per-visit ids and round-trips through restore", () => {
  const plan = bp.empty();
  bp.addRemedy(plan, c, "protect-time");
  plan.barriers.push("time");
  plan.actions[0].who = "Manager";
  const saved = bp.stored(plan);
  assert.deepEqual(saved, {
    barriers: ["time"],
    actions: [{ barrier: "time", remedy: "protect-time", action: "Protect time", who: "Manager", when: "", measure: "" }]
  });
  assert.deepEqual(bp.restore(JSON.parse(JSON.stringify(saved)), c), plan);
});

test("addRemedy stops when the plan is full", () => {
  const plan = bp.empty();
  for (let i = 0; i < bp.MAX_ACTIONS; i++) assert.equal(bp.addRemedy(plan, c, "meet-early"), true);
  assert.equal(bp.addRemedy(plan, c, "joint-visit"), false);
  assert.equal(plan.actions.length, bp.MAX_ACTIONS);
});

test("count", () => {
  const plan = bp.empty();
  assert.equal(bp.count(plan), "0 actions");
  bp.addRemedy(plan, c, "meet-early");
  assert.equal(bp.count(plan), "1 action");
  bp.addRemedy(plan, c, "joint-visit");
  assert.equal(bp.count(plan), "2 actions");
});

test("csvRows and the CSV text, with a formula guarded", () => {
  const plan = bp.restore({
    barriers: ["trust"],
    actions: [
      { barrier: "trust", remedy: "meet-early", action: "Meet, then agree", who: "=HYPERLINK(\"x\")", when: "2026-03-01", measure: "" },
      { action: "Own action" }
    ]
  }, c);
  const rows = bp.csvRows(plan, c);
  assert.deepEqual(rows, [
    ["Barrier", "Remedy", "Action", "Who", "By when", "How we will know"],
    ["Lack of trust", "Meet early", "Meet, then agree", "=HYPERLINK(\"x\")", "2026-03-01", ""],
    ["", "", "Own action", "", "", ""]
  ]);
  assert.equal(site.csv(rows).split("\r\n")[1], 'Lack of trust,Meet early,"Meet, then agree","\'=HYPERLINK(""x"")",2026-03-01,');
});

test("exported names barriers and remedies in words", () => {
  const plan = bp.restore({ barriers: [], actions: [{ remedy: "protect-time", action: "Block Fridays", when: "2026-04-01" }] }, c);
  assert.deepEqual(bp.exported(plan, c, "2026-02-02"), {
    format: "joinedup-action-plan", version: 1, created: "2026-02-02",
    actions: [{
      barrier: "No time", barrierId: "time", remedy: "Protect time", remedyId: "protect-time",
      action: "Block Fridays", who: "", byWhen: "2026-04-01", howWeWillKnow: ""
    }]
  });
});
