// Tests of the learning record: what the tools store, as a list, and the
// reflective account.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const rec = require("./learning-record.js");

const catalogue = {
  scenarios: { ward: { title: "Leaving hospital", endings: { planned: { title: "A planned discharge", result: "Good practice" } } } },
  checks: { roles: { title: "Roles" } },
  rungs: ["Conflict", "Co-existence", "Communication", "Co-operation", "Collaboration (fragile)", "Collaboration", "Integration", "Merger", "Full partnership"]
};

test("entries lists every tool's records, newest first", () => {
  const stores = {
    assessments: { relationships: [{ id: "r1", name: "Our team and the GP practice", snapshots: [
      { date: "2026-11-02", answers: [3, 4, 5, 0], target: 6 },
      { date: "2026-11-20", answers: [0, 0], target: 0 }
    ] }] },
    actionPlan: { data: { barriers: ["culture"], actions: [{}, {}] }, saved: "2026-11-10" },
    checklists: [{ id: "professional-courtesy", data: { ticked: ["a", "b"] }, saved: "2026-11-15" }],
    checks: { checks: { roles: { attempts: [{ date: "2026-11-21", answers: "1101", phase: "before" }, { date: "2026-11-21", answers: "1111", phase: "after" }] } } },
    scenarios: { scenarios: { ward: { progress: null, done: [{ date: "2026-11-22", ending: "planned", choices: 3 }, { date: "2026-11-01", ending: "gone", choices: 1 }] } } }
  };
  assert.deepEqual(rec.entries(stores, catalogue), [
    { date: "2026-11-22", what: "Practice scenario: Leaving hospital", result: "Ending: A planned discharge (Good practice)" },
    { date: "2026-11-21", what: "Knowledge check: Roles", result: "3 of 4 right, before a training session" },
    { date: "2026-11-21", what: "Knowledge check: Roles", result: "4 of 4 right, after a training session" },
    { date: "2026-11-20", what: "Partnership ladder self-assessment: \u201cOur team and the GP practice\u201d", result: "No rung: every answer was \u201cI do not know\u201d" },
    { date: "2026-11-15", what: "Checklist: Professional courtesy", result: "2 items ticked" },
    { date: "2026-11-10", what: "Barriers and remedies action plan", result: "1 barrier chosen, 2 actions planned" },
    { date: "2026-11-02", what: "Partnership ladder self-assessment: \u201cOur team and the GP practice\u201d", result: "Rung 4 (Co-operation)" },
    { date: "2026-11-01", what: "Practice scenario: Leaving hospital", result: "Finished" }
  ]);
});

test("entries skips what is missing or damaged", () => {
  const stores = {
    assessments: { relationships: "x" },
    actionPlan: { data: { barriers: [], actions: [] }, saved: "2026-11-10" },
    checklists: [{ id: "a", data: null, saved: "" }, { id: "b", data: { ticked: [] }, saved: "not a date" }],
    checks: { checks: { roles: { attempts: [{ date: "2026-11-21", answers: "12" }, null] }, gone: { attempts: [{ date: "2026-11-21", answers: "1" }] } } },
    scenarios: null
  };
  assert.deepEqual(rec.entries(stores, catalogue), [
    { date: "2026-11-21", what: "Knowledge check: Gone", result: "1 of 1 right" }
  ]);
  assert.deepEqual(rec.entries({}, catalogue), []);
});

test("cleanReflection keeps text fields only", () => {
  assert.equal(rec.cleanReflection(null), null);
  assert.equal(rec.cleanReflection([1]), null);
  assert.deepEqual(rec.cleanReflection({ did: "A scenario", learned: 3, extra: "x" }), { did: "A scenario", learned: "", differently: "", standards: "" });
  assert.equal(rec.cleanReflection({ did: "x".repeat(rec.MAX_FIELD + 5) }).did.length, rec.MAX_FIELD);
});

test("accountText is the record and reflection as plain text", () => {
  const text = rec.accountText(
    [{ date: "2026-11-22", what: "Practice scenario: Leaving hospital", result: "Ending: A planned discharge (Good practice)" }],
    { did: "I worked through the scenario.\r\nTwice.", learned: "", differently: "Ask about changes first.", standards: "" },
    "2026-12-01");
  assert.equal(text, [
    "My learning record", "Saved on 2026-12-01", "", "WHAT I HAVE DONE", "",
    "2026-11-22  Practice scenario: Leaving hospital. Ending: A planned discharge (Good practice).",
    "", "WHAT I DID", "", "I worked through the scenario.\r\nTwice.",
    "", "WHAT I LEARNED", "", "(not written yet)",
    "", "WHAT I WILL DO DIFFERENTLY", "", "Ask about changes first.",
    "", "HOW THIS LINKS TO MY STANDARDS OR QUALIFICATION", "", "(not written yet)"
  ].join("\r\n") + "\r\n");
  assert.match(rec.accountText([], null, "2026-12-01"), /Nothing recorded on this device yet\./);
});

test("words", () => {
  assert.equal(rec.words("professional-courtesy"), "Professional courtesy");
});
