// Tests of the ladder's result: the median rung and spread, and result
// codes.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const ladder = require("./ladder-code.js");

test("overall: median rounded down, spread and mixed picture", () => {
  const cases = [
    { answers: [], want: { rung: 0, known: 0, spread: 0, mixed: false } },
    { answers: [0, 0, 0], want: { rung: 0, known: 0, spread: 0, mixed: false } },
    { answers: [5], want: { rung: 5, known: 1, spread: 0, mixed: false } },
    { answers: [3, 4, 5], want: { rung: 4, known: 3, spread: 2, mixed: false } },
    { answers: [5, 3, 4], want: { rung: 4, known: 3, spread: 2, mixed: false } },
    // An even count: the mean of the middle two, rounded down.
    { answers: [3, 4], want: { rung: 3, known: 2, spread: 1, mixed: false } },
    { answers: [2, 9, 4, 7], want: { rung: 5, known: 4, spread: 7, mixed: true } },
    // "I do not know" (0) is left out, not counted as low.
    { answers: [0, 6, 0, 8], want: { rung: 7, known: 2, spread: 2, mixed: false } },
    // Spread 3 is the first mixed picture.
    { answers: [4, 7], want: { rung: 5, known: 2, spread: 3, mixed: true } },
    { answers: [1, 1, 1, 9], want: { rung: 1, known: 4, spread: 8, mixed: true } },
    // Sorting is numeric, not by text.
    { answers: [10, 9, 2], want: { rung: 9, known: 3, spread: 8, mixed: true } }
  ];
  for (const c of cases) assert.deepEqual(ladder.overall(c.answers), c.want, JSON.stringify(c.answers));
});

test("overall does not change its argument", () => {
  const answers = [5, 0, 3];
  ladder.overall(answers);
  assert.deepEqual(answers, [5, 0, 3]);
});

test("checkDigits are ISO 7064 MOD 97-10", () => {
  // Any body followed by its check digits is 1 modulo 97.
  for (const body of ["1", "134543456", "100000000", "199999999", "1000", "0"]) {
    const digits = ladder.checkDigits(body);
    assert.match(digits, /^\d\d$/);
    assert.equal(BigInt(body + digits) % 97n, 1n, body);
  }
});

test("encode", () => {
  const cases = [
    [[3, 4, 5, 4, 3, 4, 5, 6], "JU1-34543456-" + ladder.checkDigits("134543456")],
    [[0, 0, 9], "JU1-009-" + ladder.checkDigits("1009")]
  ];
  for (const [rungs, want] of cases) assert.equal(ladder.encode(rungs), want);
});

test("decode reads what encode makes", () => {
  for (const rungs of [[1], [3, 4, 5, 4, 3, 4, 5, 6], [0, 0, 0, 0, 0, 0, 0, 9], [9, 9, 9, 9, 9, 9, 9, 9]]) {
    const code = ladder.encode(rungs);
    assert.deepEqual(ladder.decode(code, rungs.length), { rungs }, code);
    assert.deepEqual(ladder.decode("  " + code.toLowerCase() + "\n", rungs.length), { rungs }, "spaces and lower case");
  }
});

test("decode reports bad codes in plain words", () => {
  const good = ladder.encode([3, 4, 5, 4, 3, 4, 5, 6]);
  const [, digits, check] = good.split("-");
  const wrongCheck = String((Number(check) + 1) % 100).padStart(2, "0");
  const allUnknown = ladder.encode([0, 0, 0, 0, 0, 0, 0, 0]);
  const cases = [
    ["", /not a result code/],
    ["hello", /not a result code/],
    ["JU1-3454-1", /not a result code/],
    ["JU1-34543456-123", /not a result code/],
    ["XX1-34543456-12", /not a result code/],
    ["JU1 34543456 12", /not a result code/],
    [null, /not a result code/],
    [undefined, /not a result code/],
    ["JU2-" + digits + "-" + check, /different version of the self-assessment \(version 2\)/],
    ["JU1-345434-" + ladder.checkDigits("1345434"), /has 6 answers, but the self-assessment has 8/],
    ["JU1-" + digits + "-" + wrongCheck, /check digits do not match/],
    // One digit mistyped is caught by the check digits.
    ["JU1-" + digits.replace(/^3/, "8") + "-" + check, /check digits do not match/],
    // Two neighbours swapped too.
    ["JU1-" + "43" + digits.slice(2) + "-" + check, /check digits do not match/],
    [allUnknown, /no answers/]
  ];
  for (const [code, want] of cases) {
    const got = ladder.decode(code, 8);
    assert.equal(got.rungs, undefined, String(code));
    assert.match(got.error, want, String(code));
  }
});

test("decode accepts a version with leading zeros", () => {
  const rungs = [2, 3];
  const code = ladder.encode(rungs).replace(/^JU1-/, "JU001-");
  assert.deepEqual(ladder.decode(code, 2), { rungs });
});

test("pattern finds codes in other text", () => {
  const a = ladder.encode([1, 2, 3]), b = ladder.encode([4, 5, 6]);
  const text = "Sam: my code is " + a + ", thanks!\nAlex (" + b + ") XJU1-123-45 JU1-123-456";
  assert.deepEqual(text.match(ladder.pattern), [a, b]);
  assert.equal("no codes here".match(ladder.pattern), null);
});
