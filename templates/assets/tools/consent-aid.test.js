// Tests of the consent aid's way through its decision tree.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { Walk } = require("./consent-aid.js");

// A small tree: is it personal? (no: outcome "free"); is there consent?
// (yes: "share"; no: is there a risk of harm? yes: "share-risk", no: "ask").
const tree = {
  first: "personal",
  steps: {
    personal: { options: [{ next: "consent" }, { outcome: "free" }] },
    consent: { options: [{ outcome: "share" }, { next: "risk" }] },
    risk: { options: [{ outcome: "share-risk" }, { outcome: "ask" }] }
  }
};

test("a new walk starts at the first step", () => {
  const w = new Walk(tree);
  assert.equal(w.state(), "step:personal");
  assert.deepEqual(w.history, []);
});

test("answers lead to the next step or an outcome", () => {
  const cases = [
    { answers: [1], want: "outcome:free" },
    { answers: [0], want: "step:consent" },
    { answers: [0, 0], want: "outcome:share" },
    { answers: [0, 1], want: "step:risk" },
    { answers: [0, 1, 0], want: "outcome:share-risk" },
    { answers: [0, 1, 1], want: "outcome:ask" }
  ];
  for (const c of cases) {
    const w = new Walk(tree);
    c.answers.forEach((a) => w.answer(a));
    assert.equal(w.state(), c.want, JSON.stringify(c.answers));
    assert.deepEqual(w.history.map((h) => h.choice), c.answers);
  }
});

test("back returns to the last question with its answer remembered", () => {
  const w = new Walk(tree);
  w.answer(0);
  w.answer(1);
  w.answer(1);
  assert.equal(w.state(), "outcome:ask");
  w.back();
  assert.equal(w.state(), "step:risk");
  assert.equal(w.chosen.risk, 1, "the answer stays chosen");
  w.back();
  w.back();
  assert.equal(w.state(), "step:personal");
  w.back();
  assert.equal(w.state(), "step:personal", "back at the start stays there");
});

test("change goes back to an earlier answer and forgets the later ones", () => {
  const w = new Walk(tree);
  w.answer(0);
  w.answer(1);
  w.answer(0);
  w.change(1);
  assert.equal(w.state(), "step:consent");
  assert.deepEqual(w.history, [{ step: "personal", choice: 0 }]);
  assert.equal(w.chosen.consent, 1, "the changed answer is still shown chosen");
  w.answer(0);
  assert.equal(w.state(), "outcome:share");
});

test("restart forgets everything", () => {
  const w = new Walk(tree);
  w.answer(0);
  w.answer(0);
  w.restart();
  assert.equal(w.state(), "step:personal");
  assert.deepEqual(w.history, []);
  assert.deepEqual(w.chosen, {});
});

test("path and replay: the answers in the page's address", () => {
  const cases = [
    { answers: [], path: "" },
    { answers: [1], path: "1" },
    { answers: [0, 1, 0], path: "0.1.0" }
  ];
  for (const c of cases) {
    const w = new Walk(tree);
    c.answers.forEach((a) => w.answer(a));
    assert.equal(w.path(), c.path);
    const again = new Walk(tree);
    assert.equal(again.replay(c.path), true, c.path);
    assert.equal(again.state(), w.state(), c.path);
    assert.deepEqual(again.history, w.history, c.path);
  }
});

test("replay refuses a path that does not fit the tree, and starts again", () => {
  for (const bad of ["2", "0.5", "1.0", "0.0.0", "x", "0..1", "-1", "0.1.0.1", "123"]) {
    const w = new Walk(tree);
    w.answer(0);
    assert.equal(w.replay(bad), false, bad);
    assert.equal(w.state(), "step:personal", bad);
    assert.deepEqual(w.history, [], bad);
  }
});
