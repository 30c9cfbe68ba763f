// Tests of the shared storage page's answers (storage.js).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { reply } = require("./storage.js");

// fake is a Storage with the same methods as the browser's.
function fake(init) {
  const m = new Map(Object.entries(init || {}));
  return {
    get length() { return m.size; },
    key(i) { return [...m.keys()][i] ?? null; },
    getItem(k) { return m.has(k) ? m.get(k) : null; },
    setItem(k, v) { m.set(k, String(v)); },
    removeItem(k) { m.delete(k); },
    map: m
  };
}

test("hello lists the site's items and says whether storage is shared", () => {
  const s = fake({ "joinedup.theme": "dark", "joinedup.probe": "abc", "other": "x" });
  assert.deepEqual(reply(s, { op: "hello", probe: { key: "joinedup.probe", value: "abc" } }),
    { op: "hello", shared: true, items: { "joinedup.theme": "dark", "joinedup.probe": "abc" } });
  assert.equal(reply(s, { op: "hello", probe: { key: "joinedup.probe", value: "other" } }).shared, false);
  assert.equal(reply(s, { op: "hello", probe: { key: "other", value: "x" } }).shared, false, "a probe outside the site's keys");
  assert.equal(reply(s, { op: "hello" }).shared, false);
});

test("set and remove change only the site's keys", () => {
  const s = fake({ "other": "x" });
  assert.deepEqual(reply(s, { op: "set", key: "joinedup.theme", value: "dark" }), { op: "set", key: "joinedup.theme" });
  assert.equal(s.getItem("joinedup.theme"), "dark");
  assert.deepEqual(reply(s, { op: "remove", key: "joinedup.theme" }), { op: "remove", key: "joinedup.theme" });
  assert.equal(s.getItem("joinedup.theme"), null);
  for (const bad of [null, "set", { op: "set", key: "other", value: "y" }, { op: "remove", key: "other" }, { op: "set", key: "joinedup.x", value: 3 }, { op: "drop", key: "joinedup.x" }]) {
    assert.ok(reply(s, bad).error, JSON.stringify(bad));
  }
  assert.equal(s.getItem("other"), "x", "keys of others are never touched");
});

test("a storage that refuses is an error, not an exception", () => {
  const s = fake();
  s.setItem = () => { throw Object.assign(new Error("full"), { name: "QuotaExceededError" }); };
  assert.deepEqual(reply(s, { op: "set", key: "joinedup.a", value: "b" }), { error: "storage refused: QuotaExceededError" });
});
