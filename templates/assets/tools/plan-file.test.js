// Tests of the action plan's file: writing it and reading it back.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const planFile = require("./plan-file.js");

const titles = (id) => ({ trust: "Lack of trust", time: "No time" })[id] || id;
const remedies = (id) => ({ "meet-early": "Meet early" })[id] || id;

test("write names barriers and remedies in words, and read gives the plan back", () => {
  const stored = {
    barriers: ["trust", "time"],
    actions: [
      { barrier: "trust", remedy: "meet-early", action: "Book a meeting", who: "Team lead", when: "2026-03-01", measure: "Met" },
      { barrier: "", remedy: "", action: "Own action", who: "", when: "", measure: "" }
    ]
  };
  const file = planFile.write(stored, titles, remedies, "2026-02-02");
  assert.deepEqual(file, {
    format: "joinedup-action-plan", version: 1, created: "2026-02-02", barriers: ["trust", "time"],
    actions: [
      { barrier: "Lack of trust", barrierId: "trust", remedy: "Meet early", remedyId: "meet-early", action: "Book a meeting", who: "Team lead", byWhen: "2026-03-01", howWeWillKnow: "Met" },
      { barrier: "", barrierId: "", remedy: "", remedyId: "", action: "Own action", who: "", byWhen: "", howWeWillKnow: "" }
    ]
  });
  const text = JSON.stringify(file, null, 2);
  assert.equal(planFile.isPlan(text), true);
  assert.deepEqual(planFile.read(text), { plan: stored });
});

test("read takes a file written before it listed the barriers", () => {
  const text = JSON.stringify({ format: "joinedup-action-plan", version: 1, actions: [{ barrierId: "time", remedyId: "", action: "Block Fridays", byWhen: "soon" }] });
  assert.deepEqual(planFile.read(text), { plan: { barriers: ["time"], actions: [{ barrier: "time", remedy: "", action: "Block Fridays", who: "", when: "", measure: "" }] } });
});

test("read refuses what is not a plan, in plain words", () => {
  const cases = [
    ["{", /not valid JSON/],
    ["null", /not an action plan saved from this site\. Choose/],
    [JSON.stringify({ format: "joinedup-saved-answers", version: 1, items: {} }), /not an action plan/],
    [JSON.stringify({ format: "joinedup-action-plan", version: 2, actions: [] }), /different version of this site \(version 2\)/],
    [JSON.stringify({ format: "joinedup-action-plan", version: 1 }), /no actions/],
    [JSON.stringify({ format: "joinedup-action-plan", version: 1, actions: [null, 3] }), /no actions/]
  ];
  for (const [text, want] of cases) {
    const got = planFile.read(text);
    assert.equal(got.plan, undefined, text);
    assert.match(got.error, want, text);
  }
  assert.equal(planFile.isPlan("{"), false);
  assert.equal(planFile.isPlan(JSON.stringify({ format: "joinedup-saved-answers" })), false);
});
