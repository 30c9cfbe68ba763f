// Tests of knowledge check marking and of what it stores.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const k = require("./knowledge-check.js");

test("isRight needs exactly the right options", () => {
  const cases = [
    // One right answer of three.
    [[false, true, false], [1], true],
    [[false, true, false], [0], false],
    [[false, true, false], [], false],
    // Several right answers: all of them, and no wrong one.
    [[true, true, false], [0, 1], true],
    [[true, true, false], [1, 0], true],
    [[true, true, false], [0], false],
    [[true, true, false], [0, 1, 2], false],
    [[true, true, true], [0, 1, 2], true]
  ];
  for (const [correct, chosen, want] of cases) assert.equal(k.isRight(correct, chosen), want, JSON.stringify([correct, chosen]));
});

test("scoreText", () => {
  assert.equal(k.scoreText(0, 0, 5), "You have not answered any of the 5 questions yet.");
  assert.equal(k.scoreText(2, 1, 5), "You have answered 2 of 5 questions, and got 1 right so far.");
  assert.equal(k.scoreText(5, 4, 5), "You got 4 of 5 right.");
});

test("addAttempt and setPhase keep attempts per check", () => {
  let d = { checks: {} };
  d = k.addAttempt(d, "roles", [true, false, true], "2026-12-01");
  assert.deepEqual(d.checks.roles.attempts, [{ date: "2026-12-01", answers: "101", phase: "" }]);
  d = k.setPhase(d, "roles", "before");
  d = k.addAttempt(d, "roles", [true, true, true], "2026-12-01");
  d = k.setPhase(d, "roles", "after");
  assert.deepEqual(d.checks.roles.attempts, [
    { date: "2026-12-01", answers: "101", phase: "before" },
    { date: "2026-12-01", answers: "111", phase: "after" }
  ]);
  d = k.addAttempt(d, "consent", [false], "2026-12-02");
  assert.equal(d.checks.roles.attempts.length, 2);
  assert.ok(k.validStore(d));
  // setPhase on a check with no attempt changes nothing.
  assert.deepEqual(k.setPhase(d, "other", "after"), d);
});

test("addAttempt keeps the newest attempts only", () => {
  let d = { checks: {} };
  for (let i = 0; i < k.MAX_ATTEMPTS + 3; i++) d = k.addAttempt(d, "roles", [i % 2 === 0], "2026-12-01");
  assert.equal(d.checks.roles.attempts.length, k.MAX_ATTEMPTS);
});

test("addAttempt does not change the data it is given", () => {
  const d = { checks: { roles: { attempts: [] } } };
  k.addAttempt(d, "roles", [true], "2026-12-01");
  assert.deepEqual(d, { checks: { roles: { attempts: [] } } });
});

test("validStore refuses damaged data", () => {
  assert.ok(k.validStore({ checks: {} }));
  for (const bad of [null, "x", {}, { checks: [] }, { checks: { roles: null } }, { checks: { roles: { attempts: {} } } },
    { checks: { roles: { attempts: [{ date: "2026-12-01", answers: "12", phase: "" }] } } },
    { checks: { roles: { attempts: [{ date: "today", answers: "10", phase: "" }] } } },
    { checks: { roles: { attempts: [{ date: "2026-12-01", answers: "10", phase: "during" }] } } }]) {
    assert.equal(k.validStore(bad), false, JSON.stringify(bad));
  }
});
