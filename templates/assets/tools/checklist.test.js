// Tests of reading a checklist's saved ticks.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const checklist = require("./checklist.js");

test("savedTicks", () => {
  const wrong = "Your saved ticks for this checklist are not in the expected form.";
  const cases = [
    { name: "nothing saved", data: null, want: { items: null, problem: null } },
    { name: "ticks", data: { ticked: ["agree-chair", "tell-family"] }, want: { items: ["agree-chair", "tell-family"], problem: null } },
    { name: "none ticked", data: { ticked: [] }, want: { items: [], problem: null } },
    { name: "not a list", data: { ticked: "agree-chair" }, want: { items: null, problem: wrong } },
    { name: "no list", data: {}, want: { items: null, problem: wrong } },
    { name: "a list of something else", data: { ticked: [1, 2] }, want: { items: null, problem: wrong } },
    { name: "a string", data: "ticked", want: { items: null, problem: wrong } },
    { name: "false", data: false, want: { items: null, problem: wrong } }
  ];
  for (const c of cases) assert.deepEqual(checklist.savedTicks(c.data), c.want, c.name);
});

test("progress", () => {
  assert.equal(checklist.progress(0, 3), "0 of 3 done");
  assert.equal(checklist.progress(3, 3), "3 of 3 done");
});
