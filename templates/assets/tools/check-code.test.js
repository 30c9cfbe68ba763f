// Tests of knowledge check result codes.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const code = require("./check-code.js");

// mod97 is the remainder of a body of digits and letters (A=10 ... Z=35)
// divided by 97, worked out with BigInt as a check on checkDigits.
function mod97(body) {
  const digits = body.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return BigInt(digits) % 97n;
}

test("checkDigits are ISO 7064 MOD 97-10, letters as two digits", () => {
  for (const body of ["1RO B101101", "1ROB101101", "1ROA0", "1ZZA111111111111111111111111111111", "1AAB0"].map((b) => b.replace(" ", ""))) {
    const digits = code.checkDigits(body);
    assert.match(digits, /^\d\d$/);
    assert.equal(mod97(body + digits), 1n, body);
  }
});

test("encode", () => {
  assert.equal(code.encode("RO", "before", [true, false, true, true, false, true]), "JK1-RO-B-101101-" + code.checkDigits("1ROB101101"));
  assert.equal(code.encode("CS", "after", [false]), "JK1-CS-A-0-" + code.checkDigits("1CSA0"));
});

test("decode reads back what encode makes", () => {
  const checks = { RO: 6, CS: 3 };
  const cases = [
    ["RO", "before", [true, false, true, true, false, true]],
    ["RO", "after", [false, false, false, false, false, false]],
    ["CS", "after", [true, true, true]]
  ];
  for (const [check, phase, right] of cases) {
    const c = code.encode(check, phase, right);
    assert.deepEqual(code.decode(c, checks), { check, phase, right }, c);
    assert.deepEqual(code.decode("  " + c.toLowerCase() + " ", checks), { check, phase, right }, "lower case, spaces");
  }
});

test("decode explains each kind of bad code", () => {
  const checks = { RO: 6 };
  const good = code.encode("RO", "before", [true, false, true, true, false, true]);
  const swap = good.slice(0, -2) + (good.slice(-2) === "00" ? "01" : "00");
  const cases = [
    ["JU1-34543456-12", /not a knowledge check code/],
    ["hello", /not a knowledge check code/],
    [good.replace("JK1", "JK2"), /different version/],
    [good.replace("-RO-", "-CS-"), /knowledge check \(CS\) that this site does not have/],
    [good.replace("-B-", "-X-"), /B \(before the session\) or A \(after it\), not X/],
    [good.replace("101101", "101121"), /only 1s and 0s/],
    [good.replace("101101", "10110"), /has 5 answers, but the check has 6 questions/],
    [swap, /check digits do not match/],
    // A phase swapped keeps the form but not the check digits.
    [good.replace("-B-", "-A-"), /check digits do not match/]
  ];
  for (const [c, want] of cases) {
    const got = code.decode(c, checks);
    assert.ok(got.error, c + " decoded as " + JSON.stringify(got));
    assert.match(got.error, want, c);
  }
});

test("pattern finds codes in chat lines", () => {
  const a = code.encode("RO", "before", [true, true]);
  const b = code.encode("RO", "after", [true, false]);
  const text = "Sam: mine is " + a + ", thanks\nAlex: " + b + " and a JU1-345-12 for the ladder";
  assert.deepEqual(text.match(code.pattern), [a, b]);
});
