// Tests of the partner directory's word matching.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const directory = require("./partner-directory.js");

test("words", () => {
  const cases = [
    ["", []],
    ["District nurse", ["district", "nurse"]],
    ["O.T.", ["o", "t"]],
    ["person's carer\u2019s", ["persons", "carers"]],
    ["Health visitor (0-5)", ["health", "visitor", "0", "5"]],
    ["  GP\u00a0practice ", ["gp", "practice"]],
    ["Soci\u00e9t\u00e9", ["soci\u00e9t\u00e9"]],
    [42, ["42"]]
  ];
  for (const [text, want] of cases) assert.deepEqual(directory.words(text), want, JSON.stringify(text));
});

test("matches: every filter word starts a word of the role", () => {
  const role = directory.words("Community occupational therapist (OT)");
  const cases = [
    ["", true],
    ["therap", true],
    ["OT", true],
    ["occupational community", true],
    ["ther comm", true],
    ["other", false],
    ["pist", false],
    ["therapist nurse", false]
  ];
  for (const [filter, want] of cases) assert.equal(directory.matches(role, directory.words(filter)), want, filter);
});

test("short filter words match whole words where some role has them", () => {
  const roles = ["Community occupational therapist (OT)", "Family doctor (GP): refers to other services", "District nurse"].map(directory.words);
  const shown = (filter) => {
    const f = directory.words(filter);
    const whole = directory.wholeWords(roles, f);
    return roles.map((r) => directory.matches(r, f, whole));
  };
  const cases = [
    ["OT", [true, false, false]],
    ["ot", [true, false, false]],
    ["GP", [false, true, false]],
    // No role has "nu" as a word: it is the start of "nurse".
    ["nu", [false, false, true]],
    ["oth", [false, true, false]],
    ["", [true, true, true]]
  ];
  for (const [filter, want] of cases) assert.deepEqual(shown(filter), want, filter);
});

test("countText", () => {
  assert.equal(directory.countText(12, 12), "All 12 roles");
  assert.equal(directory.countText(3, 12), "3 of 12 roles");
  assert.equal(directory.countText(0, 12), "0 of 12 roles: no matches");
  assert.equal(directory.countText(0, 0), "All 0 roles");
});
