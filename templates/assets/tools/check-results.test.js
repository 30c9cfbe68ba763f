// Tests of reading and counting pasted knowledge check codes.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const r = require("./check-results.js");
const code = require("./check-code.js");

const sizes = { RO: 3, CS: 2 };
const checks = [
  { code: "RO", title: "Roles", questions: ["Who?", "What?", "When?"] },
  { code: "CS", title: "Consent", questions: ["Ask?", "Share?"] }
];
const ro = (phase, ...right) => code.encode("RO", phase, right);

test("parse finds codes in chat lines and explains the rest", () => {
  const text = [
    "Sam: " + ro("before", true, false, true),
    "",
    "hello everyone",
    ro("before", true, false, true) + " " + ro("after", true, true, true),
    "JK1-RO-B-10-00",
    code.encode("CS", "after", [true, false])
  ].join("\n");
  const got = r.parse(text, sizes);
  assert.equal(got.lines, 5);
  // The same code twice is two people: both are counted.
  assert.equal(got.codes.length, 4);
  assert.deepEqual(got.codes[0], { check: "RO", phase: "before", right: [true, false, true] });
  assert.deepEqual(got.messages.map((m) => m.line), [3, 5]);
  assert.match(got.messages[0].text, /No knowledge check code/);
  assert.match(got.messages[1].text, /has 2 answers, but the check has 3 questions/);
});

test("parse refuses a paste too long to read", () => {
  assert.match(r.parse("x".repeat(r.MAX_CHARS + 1), sizes).tooLong, /too long/);
  assert.match(r.parse("\n".repeat(r.MAX_LINES), sizes).tooLong, /too many lines/);
});

test("tally counts each phase per question and hides small groups", () => {
  const codes = [
    ro("before", true, false, false), ro("before", true, true, false), ro("before", false, false, false),
    ro("after", true, true, true), ro("after", true, true, false)
  ].map((c) => code.decode(c, sizes));
  const got = r.tally(codes, checks);
  assert.equal(got.length, 1, "a check with no codes is left out");
  assert.deepEqual(got[0].before, { people: 3, right: [2, 1, 0], total: 3, hidden: false });
  assert.deepEqual(got[0].after, { people: 2, right: [2, 2, 1], total: 5, hidden: true });
  assert.equal(r.share(2, got[0].before), "2 of 3 (67%)");
  assert.equal(r.share(2, got[0].after), r.HIDDEN);
  assert.equal(r.change(got[0].before, got[0].after, 0), "", "no change is shown when a phase is hidden");
  assert.equal(r.average(got[0].before, 3), "1 of 3");
});

test("change and csvRows", () => {
  const codes = [];
  for (let i = 0; i < 4; i++) codes.push(ro("before", i < 1, i < 2, false));
  for (let i = 0; i < 4; i++) codes.push(ro("after", true, i < 2, i < 3));
  const got = r.tally(codes.map((c) => code.decode(c, sizes)), checks);
  assert.deepEqual([0, 1, 2].map((q) => r.change(got[0].before, got[0].after, q)), ["+75 points", "0 points", "+75 points"]);
  assert.deepEqual(r.csvRows(got), [
    ["Check", "Question", "Before: right", "Before: people", "After: right", "After: people", "Change (percentage points)"],
    ["Roles", "1. Who?", 1, 4, 4, 4, "+75"],
    ["Roles", "2. What?", 2, 4, 2, 4, "0"],
    ["Roles", "3. When?", 0, 4, 3, 4, "+75"]
  ]);
});

test("quote blanks control characters and shortens long text", () => {
  assert.equal(r.quote("a\u202eb\tc"), "a b c");
  assert.equal(r.quote("x".repeat(60)).length, 40);
});
