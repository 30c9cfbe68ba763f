// Tests of the self-assessment's checks and the sentences it works out
// from answers.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const assessment = require("./ladder-assessment.js");
const ladder = require("./ladder-code.js");

const NAMES = ["Conflict", "Competition", "Coexistence", "Communication", "Cooperation", "Coordination", "Collaboration", "Integration", "Full partnership"];

test("valid accepts what the tool saves and nothing else", () => {
  const snap = (over) => Object.assign({ date: "2026-01-31", answers: [1, 0, 9], target: 0 }, over);
  const rel = (over) => Object.assign({ id: "r1", name: "Us and the GP", created: "2026-01-31", snapshots: [snap()] }, over);
  const cases = [
    { name: "empty", data: { relationships: [] }, want: true },
    { name: "one result", data: { relationships: [rel()] }, want: true },
    { name: "no results yet", data: { relationships: [rel({ snapshots: [] })] }, want: true },
    { name: "a target", data: { relationships: [rel({ snapshots: [snap({ target: 9 })] })] }, want: true },
    { name: "null", data: null, want: false },
    { name: "a string", data: "x", want: false },
    { name: "no list", data: {}, want: false },
    { name: "a relationship that is null", data: { relationships: [null] }, want: false },
    { name: "no id", data: { relationships: [rel({ id: 3 })] }, want: false },
    { name: "empty name", data: { relationships: [rel({ name: "" })] }, want: false },
    { name: "long name", data: { relationships: [rel({ name: "x".repeat(assessment.NAME_MAX + 1) })] }, want: false },
    { name: "longest name", data: { relationships: [rel({ name: "x".repeat(assessment.NAME_MAX) })] }, want: true },
    { name: "results not a list", data: { relationships: [rel({ snapshots: {} })] }, want: false },
    { name: "bad date", data: { relationships: [rel({ snapshots: [snap({ date: "31/01/2026" })] })] }, want: false },
    { name: "too few answers", data: { relationships: [rel({ snapshots: [snap({ answers: [1, 2] })] })] }, want: false },
    { name: "answer too high", data: { relationships: [rel({ snapshots: [snap({ answers: [1, 2, 10] })] })] }, want: false },
    { name: "answer negative", data: { relationships: [rel({ snapshots: [snap({ answers: [1, -1, 2] })] })] }, want: false },
    { name: "answer a fraction", data: { relationships: [rel({ snapshots: [snap({ answers: [1, 2.5, 2] })] })] }, want: false },
    { name: "answer text", data: { relationships: [rel({ snapshots: [snap({ answers: [1, "2", 2] })] })] }, want: false },
    { name: "target too high", data: { relationships: [rel({ snapshots: [snap({ target: 10 })] })] }, want: false },
    { name: "no target", data: { relationships: [rel({ snapshots: [snap({ target: undefined })] })] }, want: false },
    { name: "a time and a random part", data: { relationships: [rel({ snapshots: [snap({ time: "14:05", nonce: "0815" })] })] }, want: true },
    { name: "a bad time", data: { relationships: [rel({ snapshots: [snap({ time: "2pm" })] })] }, want: false },
    { name: "a short random part", data: { relationships: [rel({ snapshots: [snap({ nonce: "815" })] })] }, want: false },
    { name: "a random part that is a number", data: { relationships: [rel({ snapshots: [snap({ nonce: 815 })] })] }, want: false },
    { name: "unfinished answers", data: { relationships: [rel({ draft: { answers: [null, 0, 9] } })] }, want: true },
    { name: "unfinished answers too few", data: { relationships: [rel({ draft: { answers: [null, 0] } })] }, want: false },
    { name: "unfinished answer out of range", data: { relationships: [rel({ draft: { answers: [null, 0, 10] } })] }, want: false },
    { name: "unfinished answers not a list", data: { relationships: [rel({ draft: { answers: "123" } })] }, want: false },
    { name: "draft null", data: { relationships: [rel({ draft: null })] }, want: false }
  ];
  for (const c of cases) assert.equal(assessment.valid(c.data, 3), c.want, c.name);
});

test("cleanName and nameProblem", () => {
  assert.equal(assessment.cleanName("  our team \n and   the GP  "), "our team and the GP");
  const saved = [{ name: "Us and the GP" }];
  const cases = [
    ["", "Enter the working relationship you are rating"],
    ["x".repeat(81), "The name must be 80 characters or fewer"],
    ["us AND the gp", "You already have a relationship called \u201cUs and the GP\u201d: choose \u201cAssess again\u201d for it, or use another name"],
    ["Us and the school", null],
    ["x".repeat(80), null]
  ];
  for (const [name, want] of cases) assert.equal(assessment.nameProblem(name, saved), want, name);
});

test("relationshipInfo", () => {
  const cases = [
    [{ snapshots: [] }, "No saved results yet"],
    [{ snapshots: [], draft: { answers: [null, null] } }, "No saved results yet"],
    [{ snapshots: [], draft: { answers: [3, null] } }, "Not finished: 1 of 2 questions answered"],
    [{ snapshots: [{ date: "2026-01-31", answers: [3, 5, 0] }] }, "Latest result: rung 4 (Communication), 31 January 2026"],
    [{ snapshots: [{ date: "2025-06-01", answers: [1] }, { date: "2026-01-31", time: "09:15", answers: [9, 9] }], draft: { answers: [0, null] } },
      "Latest result: rung 9 (Full partnership), 31 January 2026 at 09:15; 2 saved results. Not finished: 1 of 2 questions answered"]
  ];
  for (const [r, want] of cases) assert.equal(assessment.relationshipInfo(r, NAMES), want);
});

test("answered and firstUnanswered", () => {
  assert.equal(assessment.answered([null, 0, 3, null]), 2);
  assert.equal(assessment.firstUnanswered([0, 3, null, null]), 2);
  assert.equal(assessment.firstUnanswered([0, 3]), -1);
  assert.equal(assessment.firstUnanswered([]), -1);
});

test("routeOf and hashOf: each screen has an address", () => {
  const cases = [
    ["", { screen: "start" }],
    ["#the-self-assessment", { screen: "start" }],
    ["#assessment/r1/questions", { screen: "questions", rel: "r1" }],
    ["#assessment/r1/question-1", { screen: "question", rel: "r1", n: 0 }],
    ["#assessment/r1/question-8", { screen: "question", rel: "r1", n: 7 }],
    ["#assessment/r1/change-3", { screen: "change", rel: "r1", n: 2 }],
    ["#assessment/r1/check", { screen: "check", rel: "r1" }],
    ["#assessment/r1/result-2", { screen: "result", rel: "r1", n: 1 }],
    ["#assessment/r1/history", { screen: "history", rel: "r1" }],
    ["#assessment/r%20x/delete", { screen: "delete", rel: "r x" }]
  ];
  for (const [hash, want] of cases) {
    assert.deepEqual(assessment.routeOf(hash), want, hash);
    assert.equal(assessment.hashOf(want), hash.startsWith("#assessment/") ? hash : "", JSON.stringify(want));
  }
  for (const bad of ["#assessment", "#assessment/", "#assessment/r1", "#assessment/r1/question-0", "#assessment/r1/question-x",
    "#assessment/r1/result", "#assessment/r1/check/more", "#assessment/%E0%A4%A/check", "#Assessment/r1/check"]) {
    assert.deepEqual(assessment.routeOf(bad), { screen: "start" }, bad);
  }
});

test("csvRows: one row per saved result, with its code", () => {
  const rels = [
    { name: "Us and the GP", snapshots: [{ date: "2026-01-31", time: "14:05", answers: [3, 0], target: 6, nonce: "0815" }] },
    { name: "Us and the school", snapshots: [{ date: "2025-06-01", answers: [9, 9], target: 0 }] },
    { name: "No results", snapshots: [] }
  ];
  assert.deepEqual(assessment.csvRows(rels, ["Trust", "Roles"], NAMES), [
    ["Relationship", "Date", "Time", "Overall rung", "Rung name", "Trust", "Roles", "Target rung", "Result code"],
    ["Us and the GP", "2026-01-31", "14:05", 3, "Coexistence", 3, "Do not know", 6, ladder.encode([3, 0], "0815")],
    ["Us and the school", "2025-06-01", "", 9, "Full partnership", 9, 9, "", ladder.encode([9, 9])]
  ]);
});

test("gapText", () => {
  const cases = [
    [5, 0, "Choose a target rung to see the gap."],
    [5, 6, "The target is rung 6 (Coordination): 1 rung above where this relationship is now."],
    [2, 9, "The target is rung 9 (Full partnership): 7 rungs above where this relationship is now."],
    [5, 5, "The target is rung 5 (Cooperation): this relationship is there now. Keep it there."],
    [5, 4, "The target is rung 4 (Communication): this relationship is already 1 rung above it."],
    [9, 1, "The target is rung 1 (Conflict): this relationship is already 8 rungs above it."]
  ];
  for (const [rung, target, want] of cases) assert.equal(assessment.gapText(rung, target, NAMES), want);
});

test("pictureText", () => {
  const start = "A ladder of 9 rungs, from rung 1 (Conflict) at the bottom to rung 9 (Full partnership) at the top. This relationship is on rung 4 (Communication).";
  assert.equal(assessment.pictureText(4, 0, NAMES), start);
  assert.equal(assessment.pictureText(4, 4, NAMES), start + " The target is the same rung.");
  assert.equal(assessment.pictureText(4, 7, NAMES), start + " The target is rung 7 (Collaboration).");
});

test("knownText", () => {
  assert.equal(assessment.knownText(8, 8), "You chose a statement for 8 of 8 questions.");
  assert.equal(assessment.knownText(7, 8), "You chose a statement for 7 of 8 questions; 1 \u201cI do not know\u201d answer was left out.");
  assert.equal(assessment.knownText(5, 8), "You chose a statement for 5 of 8 questions; 3 \u201cI do not know\u201d answers were left out.");
});

test("extremes and spreadText", () => {
  const titles = ["Trust", "Goals", "Sharing", "Roles"];
  const ex = assessment.extremes([2, 0, 7, 2], titles);
  assert.deepEqual(ex, { hi: 7, lo: 2, hiNames: "Sharing", loNames: "Trust, Roles" });
  assert.equal(assessment.spreadText(5, ex), "Your answers range from rung 2 (Trust, Roles) to rung 7 (Sharing), 5 rungs apart.");
  assert.equal(assessment.spreadText(1, assessment.extremes([3, 4, 0, 0], titles)), "Your answers range from rung 3 (Trust) to rung 4 (Goals), 1 rung apart.");
  assert.equal(assessment.spreadText(0, assessment.extremes([5, 5, 5, 0], titles)), "Every answer was on the same rung, so the spread is 0.");
});

test("weakest: up to three lowest known answers below the top, ties in question order", () => {
  const cases = [
    { answers: [5, 2, 8, 2, 0, 9, 3, 4], want: [1, 3, 6] },
    { answers: [9, 9, 9], want: [] },
    { answers: [0, 0, 0], want: [] },
    { answers: [9, 0, 8], want: [2] },
    { answers: [4, 4, 4, 4], want: [0, 1, 2] }
  ];
  for (const c of cases) assert.deepEqual(assessment.weakest(c.answers, 9), c.want, JSON.stringify(c.answers));
});
