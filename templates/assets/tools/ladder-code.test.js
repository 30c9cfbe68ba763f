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
    [[3, 4, 5, 4, 3, 4, 5, 6], "0815", "JU2-34543456-0815-" + ladder.checkDigits("2345434560815")],
    [[0, 0, 9], "9999", "JU2-009-9999-" + ladder.checkDigits("20099999")],
    // A result saved before codes had a random part keeps its old code.
    [[3, 4, 5, 4, 3, 4, 5, 6], undefined, "JU1-34543456-" + ladder.checkDigits("134543456")],
    [[0, 0, 9], "", "JU1-009-" + ladder.checkDigits("1009")]
  ];
  for (const [rungs, random, want] of cases) assert.equal(ladder.encode(rungs, random), want);
});

test("nonce is four digits, and varies", () => {
  const seen = new Set();
  for (let i = 0; i < 200; i++) {
    const n = ladder.nonce();
    assert.match(n, /^\d{4}$/);
    seen.add(n);
  }
  assert.ok(seen.size > 150, "200 random parts gave only " + seen.size + " different ones");
});

test("decode reads what encode makes", () => {
  for (const rungs of [[1], [3, 4, 5, 4, 3, 4, 5, 6], [0, 0, 0, 0, 0, 0, 0, 9], [9, 9, 9, 9, 9, 9, 9, 9]]) {
    for (const random of ["0000", "0815", "9999", ""]) {
      const code = ladder.encode(rungs, random);
      assert.deepEqual(ladder.decode(code, rungs.length), { rungs, key: code }, code);
      assert.deepEqual(ladder.decode("  " + code.toLowerCase() + "\n", rungs.length), { rungs, key: code }, "spaces and lower case");
    }
  }
});

test("identical answers with different random parts are different codes", () => {
  const rungs = [5, 5, 5, 5, 5, 5, 5, 5];
  const a = ladder.decode(ladder.encode(rungs, "1234"), 8), b = ladder.decode(ladder.encode(rungs, "4321"), 8);
  assert.deepEqual(a.rungs, b.rungs);
  assert.notEqual(a.key, b.key);
});

test("decode reports bad codes in plain words", () => {
  const good = ladder.encode([3, 4, 5, 4, 3, 4, 5, 6], "0815");
  const [, digits, random, check] = good.split("-");
  const wrongCheck = String((Number(check) + 1) % 100).padStart(2, "0");
  const allUnknown = ladder.encode([0, 0, 0, 0, 0, 0, 0, 0], "1111");
  const v1 = ladder.encode([3, 4, 5, 4, 3, 4, 5, 6]);
  const cases = [
    ["", /not a result code/],
    ["hello", /not a result code/],
    ["JU1-3454-1", /not a result code/],
    ["JU1-34543456-123", /not a result code/],
    ["XX2-34543456-0815-12", /not a result code/],
    ["JU2 34543456 0815 12", /not a result code/],
    [null, /not a result code/],
    [undefined, /not a result code/],
    ["JU3-" + digits + "-" + random + "-" + check, /different version of the self-assessment \(version 3\)/],
    ["JU2-345434-0815-" + ladder.checkDigits("23454340815"), /has 6 answers, but the self-assessment has 8/],
    ["JU2-" + digits + "-" + random + "-" + wrongCheck, /check digits do not match/],
    // A version 2 code without its random part, or a version 1 code with one.
    ["JU2-" + digits + "-" + ladder.checkDigits("2" + digits), /copied in part/],
    ["JU2-" + digits + "-081-" + ladder.checkDigits("2" + digits + "081"), /copied in part/],
    [v1.replace(/-(\d\d)$/, "-0815-$1"), /copied in part/],
    // One digit mistyped is caught by the check digits, in the answers or the random part.
    ["JU2-" + digits.replace(/^3/, "8") + "-" + random + "-" + check, /check digits do not match/],
    ["JU2-" + digits + "-" + random.replace(/^0/, "1") + "-" + check, /check digits do not match/],
    // Two neighbours swapped too.
    ["JU2-" + "43" + digits.slice(2) + "-" + random + "-" + check, /check digits do not match/],
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
  const code = ladder.encode(rungs, "4242").replace(/^JU2-/, "JU002-");
  assert.deepEqual(ladder.decode(code, 2), { rungs, key: ladder.encode(rungs, "4242") });
});

test("pattern finds codes in other text", () => {
  const a = ladder.encode([1, 2, 3], "1234"), b = ladder.encode([4, 5, 6], "5678"), old = ladder.encode([7, 8, 9]);
  const text = "Sam: my code is " + a + ", thanks!\nAlex (" + b + ") XJU1-123-45 JU1-123-456 and an old one " + old;
  assert.deepEqual(text.match(ladder.pattern), [a, b, old]);
  assert.equal("no codes here".match(ladder.pattern), null);
});
