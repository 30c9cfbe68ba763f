// Tests of group results' reading of pasted codes and counting.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const ladder = require("./ladder-code.js");
const group = require("./group-results.js");
const site = require("../site.js");

let serial = 0;
const code = (...rungs) => ladder.encode(rungs, String(1000 + serial++));

test("quote", () => {
  const cases = [
    ["JU1-123-45", "JU1-123-45"],
    ["  spaced \t out  ", "spaced out"],
    // Control and direction characters become spaces.
    ["a\u0000b\u001fc\u007fd\u0085e", "a b c d e"],
    ["left\u202eright\u2066x\u2069", "left right x"],
    ["\u200eA\u200fB", "A B"],
    ["x".repeat(40), "x".repeat(40)],
    ["x".repeat(41), "x".repeat(39) + "\u2026"],
    // A cut never leaves half of a surrogate pair.
    ["x".repeat(38) + "\ud83d\ude00yz", "x".repeat(38) + "\u2026"],
    [42, "42"]
  ];
  for (const [input, want] of cases) assert.equal(group.quote(input), want, JSON.stringify(input));
});

test("number", () => {
  const cases = [[0, "0"], [999, "999"], [1000, "1,000"], [200000, "200,000"], [1234567, "1,234,567"]];
  for (const [n, want] of cases) assert.equal(group.number(n), want);
});

test("parse counts each distinct valid code once", () => {
  const a = code(3, 4, 5), b = code(0, 2, 9), c = code(7, 7, 7);
  const text = [
    a,
    "",
    "Sam: here is mine " + b + " thanks",
    "   ",
    "no code here",
    a.toLowerCase(),
    "two on a line: " + c + " and JU1-123-00",
    "JU2-345-" + ladder.checkDigits("2345"),
    "JU1-3454-" + ladder.checkDigits("13454")
  ].join("\r\n");
  const got = group.parse(text, 3);
  assert.deepEqual(got.people, [[3, 4, 5], [0, 2, 9], [7, 7, 7]]);
  assert.equal(got.lines, 7, "blank lines are not counted");
  assert.deepEqual(got.messages.map((m) => [m.line, m.quote]), [
    [5, "no code here"],
    [7, "JU1-123-00"],
    [8, "JU2-345-" + ladder.checkDigits("2345")],
    [9, "JU1-3454-" + ladder.checkDigits("13454")]
  ]);
  const texts = got.messages.map((m) => m.text);
  assert.equal(texts[0], "No result code found on this line.");
  assert.match(texts[1], /check digits do not match/);
  assert.match(texts[2], /copied in part/);
  assert.match(texts[3], /has 4 answers, but the self-assessment has 3/);
  // A code pasted twice is not a problem: it is listed apart and counted once.
  assert.deepEqual(got.duplicates, [{ line: 6, quote: a.toLowerCase(), text: "The same code as line 1, counted once." }]);
});

test("parse counts learners with the same answers once each", () => {
  const same = [code(5, 5, 5), code(5, 5, 5), code(5, 5, 5)];
  const got = group.parse(same.concat(same[1]).join("\n"), 3);
  assert.deepEqual(got.people, [[5, 5, 5], [5, 5, 5], [5, 5, 5]]);
  assert.equal(got.messages.length, 0);
  assert.deepEqual(got.duplicates.map((d) => d.line), [4]);
  // Old codes, without a random part, cannot be told apart.
  const old = ladder.encode([5, 5, 5]);
  assert.equal(group.parse([old, old].join("\n"), 3).people.length, 1);
});

test("parse: line endings and empty text", () => {
  const a = code(1, 2), b = code(2, 1), c = code(3, 3);
  for (const sep of ["\n", "\r\n", "\r"]) {
    const got = group.parse([a, b, c].join(sep), 2);
    assert.equal(got.people.length, 3, JSON.stringify(sep));
    assert.equal(got.messages.length, 0);
  }
  assert.deepEqual(group.parse("", 2), { people: [], messages: [], duplicates: [], lines: 0 });
});

test("parse refuses too much text", () => {
  const long = group.parse("x".repeat(group.MAX_CHARS + 1), 8);
  assert.equal(long.tooLong, "The pasted text is too long (200,001 characters). Paste at most 200,000 characters at a time, then paste the rest separately.");
  assert.equal(group.parse("x".repeat(group.MAX_CHARS), 8).tooLong, undefined, "the limit itself is allowed");
  const lines = group.parse("\n".repeat(group.MAX_LINES), 8);
  assert.equal(lines.tooLong, "The pasted text has too many lines (2,001). Paste at most 2,000 lines at a time, then paste the rest separately.");
  assert.equal(group.parse("\n".repeat(group.MAX_LINES - 1), 8).tooLong, undefined);
});

test("row counts rungs and hides small groups", () => {
  const shown = group.row("Trust", [3, 3, 5, 0, 9]);
  assert.deepEqual(shown, { label: "Trust", counts: [1, 0, 0, 2, 0, 1, 0, 0, 0, 1], answered: 4, median: 4, hidden: false });
  const few = group.row("Trust", [3, 0, 0, 5]);
  assert.equal(few.answered, 2);
  assert.equal(few.hidden, true, "fewer than three gave a rung");
  assert.equal(group.row("x", [1, 2, 3]).hidden, false, "exactly three is shown");
  assert.deepEqual(group.row("x", []).counts, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
});

test("tally: overall from each person's own rung, then each question", () => {
  const people = [[1, 9, 2], [5, 5, 5], [9, 8, 0]];
  const rows = group.tally(people, ["Trust", "Goals", "Sharing"]);
  assert.deepEqual(rows.map((r) => r.label), ["Overall", "1. Trust", "2. Goals", "3. Sharing"]);
  // Each person's rung: 2, 5 and 8 (median of 9 and 8, rounded down).
  assert.deepEqual(rows[0].counts, [0, 0, 1, 0, 0, 1, 0, 0, 1, 0]);
  assert.equal(rows[0].median, 5);
  assert.deepEqual(rows[1].counts, [0, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
  assert.equal(rows[3].hidden, true, "only two answered the third question");
  assert.equal(rows[3].counts[0], 1);
});

test("csvRows, written by joinedup.csv", () => {
  const rows = [group.row("Overall", [2, 5, 8]), group.row("=1. Trust", [1, 0, 0])];
  const out = group.csvRows(rows);
  assert.deepEqual(out[0], ["Question", "Rung 1", "Rung 2", "Rung 3", "Rung 4", "Rung 5", "Rung 6", "Rung 7", "Rung 8", "Rung 9", "Don't know", "Answered", "Median rung", "Note"]);
  assert.deepEqual(out[1], ["Overall", 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 3, 5, ""]);
  assert.equal(out[2].length, 14);
  assert.equal(out[2][13], group.HIDDEN_ROW);
  assert.ok(out[2].slice(1, 13).every((v) => v === ""), "a hidden row shows no numbers");
  const text = site.csv(out).split("\r\n");
  assert.equal(text[1], "Overall,0,1,0,0,1,0,0,1,0,0,3,5,");
  assert.ok(text[2].startsWith("'=1. Trust,"), "a label that looks like a formula is guarded");
});
