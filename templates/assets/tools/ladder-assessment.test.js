// Tests of the self-assessment's checks and the sentences it works out
// from answers.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const assessment = require("./ladder-assessment.js");

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
    { name: "no target", data: { relationships: [rel({ snapshots: [snap({ target: undefined })] })] }, want: false }
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
  assert.equal(assessment.relationshipInfo({ snapshots: [] }), "No saved results yet");
  assert.equal(assessment.relationshipInfo({ snapshots: [{ date: "2026-01-31", answers: [3, 5, 0] }] }), "1 saved result, latest 2026-01-31 (rung 4)");
  assert.equal(assessment.relationshipInfo({ snapshots: [{ date: "2025-06-01", answers: [1] }, { date: "2026-01-31", answers: [9, 9] }] }),
    "2 saved results, latest 2026-01-31 (rung 9)");
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
  assert.equal(assessment.spreadText(5, ex), "Your answers spread over 5 rungs: highest rung 7 (Sharing), lowest rung 2 (Trust, Roles).");
  assert.equal(assessment.spreadText(1, assessment.extremes([3, 4, 0, 0], titles)), "Your answers spread over 1 rung: highest rung 4 (Goals), lowest rung 3 (Trust).");
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
