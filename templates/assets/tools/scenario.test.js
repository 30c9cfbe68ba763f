// Tests of the branching scenario's paths and of what it stores.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const s = require("./scenario.js");

// call -> (rushed | ask); ask -> (call | planned): a loop with a way out,
// and two endings.
const graph = {
  first: "call",
  steps: {
    call: { choices: ["rushed", "ask"], ending: false },
    ask: { choices: ["call", "planned"], ending: false },
    rushed: { choices: [], ending: true },
    planned: { choices: [], ending: true }
  }
};

test("validPath follows the choices from the first step", () => {
  const cases = [
    [[], "call", true],
    [[{ step: "call", choice: 1 }], "ask", true],
    [[{ step: "call", choice: 1 }, { step: "ask", choice: 0 }, { step: "call", choice: 0 }], "rushed", true],
    [[], "ask", false],
    [[{ step: "call", choice: 1 }], "planned", false],
    [[{ step: "ask", choice: 1 }], "planned", false],
    [[{ step: "call", choice: 2 }], "ask", false],
    [[{ step: "call", choice: "1" }], "ask", false],
    [[null], "call", false],
    ["call", "call", false],
    [[], "nowhere", false]
  ];
  for (const [path, at, want] of cases) assert.equal(s.validPath(graph, path, at), want, JSON.stringify([path, at]));
});

test("choose adds a choice without changing the path it is given", () => {
  const path = [{ step: "call", choice: 1 }];
  assert.deepEqual(s.choose(path, "ask", 1), [{ step: "call", choice: 1 }, { step: "ask", choice: 1 }]);
  assert.deepEqual(path, [{ step: "call", choice: 1 }]);
});

test("arrive works out the path from what was kept", () => {
  const toAsk = [{ step: "call", choice: 1 }];
  const cases = [
    { name: "the first step has no path", kept: { path: toAsk, at: "ask" }, target: "call", want: { path: [], known: true } },
    { name: "a reload keeps the path", kept: { path: toAsk, at: "ask" }, target: "ask", want: { path: toAsk, known: true } },
    { name: "one choice on", kept: { path: toAsk, at: "ask" }, target: "planned", want: { path: toAsk.concat([{ step: "ask", choice: 1 }]), known: true } },
    { name: "back along the path", kept: { path: toAsk.concat([{ step: "ask", choice: 0 }]), at: "call" }, target: "ask", want: { path: toAsk, known: true } },
    { name: "nothing kept", kept: null, target: "planned", want: { path: [], known: false } },
    { name: "not reachable from where the reader was", kept: { path: [], at: "call" }, target: "planned", want: { path: [], known: false } },
    { name: "kept path no longer fits the scenario", kept: { path: [{ step: "call", choice: 5 }], at: "ask" }, target: "ask", want: { path: [], known: false } }
  ];
  for (const c of cases) assert.deepEqual(s.arrive(graph, c.kept, c.target), c.want, c.name);
});

test("record keeps the place and counts each run once", () => {
  const toPlanned = [{ step: "call", choice: 1 }, { step: "ask", choice: 1 }];
  let d = { scenarios: {} };
  d = s.record(d, "ward", [{ step: "call", choice: 1 }], "ask", false, "2026-12-01");
  assert.deepEqual(d.scenarios.ward, { progress: { path: [{ step: "call", choice: 1 }], at: "ask" }, done: [], last: "" });
  d = s.record(d, "ward", toPlanned, "planned", true, "2026-12-01");
  assert.equal(d.scenarios.ward.done.length, 1);
  assert.deepEqual(d.scenarios.ward.done[0], { date: "2026-12-01", ending: "planned", choices: 2 });
  // A reload, or Back then Forward, at the same ending is the same run.
  d = s.record(d, "ward", toPlanned, "planned", true, "2026-12-02");
  assert.equal(d.scenarios.ward.done.length, 1);
  // Starting again and ending the same way is a new run.
  d = s.record(d, "ward", [], "call", false, "2026-12-02");
  d = s.record(d, "ward", toPlanned, "planned", true, "2026-12-02");
  assert.equal(d.scenarios.ward.done.length, 2);
  // Other scenarios are left alone.
  d = s.record(d, "other", [], "call", false, "2026-12-02");
  assert.equal(d.scenarios.ward.done.length, 2);
  assert.ok(s.validStore(d));
});

test("record keeps the newest runs only", () => {
  let d = { scenarios: {} };
  for (let i = 0; i < s.MAX_DONE + 5; i++) {
    d = s.record(d, "ward", [], "call", false, "2026-12-01");
    d = s.record(d, "ward", [{ step: "call", choice: 0 }], "rushed", true, "2026-12-" + String(i % 28 + 1).padStart(2, "0"));
  }
  assert.equal(d.scenarios.ward.done.length, s.MAX_DONE);
  assert.equal(d.scenarios.ward.done[s.MAX_DONE - 1].date, "2026-12-25");
});

test("validStore refuses damaged data", () => {
  const ok = { scenarios: { ward: { progress: { path: [], at: "call" }, done: [{ date: "2026-12-01", ending: "rushed", choices: 1 }], last: "" } } };
  assert.ok(s.validStore(ok));
  assert.ok(s.validStore({ scenarios: { ward: { progress: null, done: [] } } }));
  for (const bad of [null, 3, {}, { scenarios: [] }, { scenarios: { ward: null } }, { scenarios: { ward: { done: "x" } } },
    { scenarios: { ward: { progress: null, done: [{ date: "1 Dec", ending: "rushed", choices: 1 }] } } },
    { scenarios: { ward: { progress: { at: 3, path: [] }, done: [] } } }]) {
    assert.equal(s.validStore(bad), false, JSON.stringify(bad));
  }
});

test("runKey tells runs apart by path and ending", () => {
  assert.notEqual(s.runKey([{ step: "call", choice: 0 }], "rushed"), s.runKey([{ step: "call", choice: 1 }], "rushed"));
  assert.notEqual(s.runKey([], "rushed"), s.runKey([], "planned"));
});
