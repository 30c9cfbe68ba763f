// Tests of "Your data": reading an imported copy, and making one.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const yourData = require("./your-data.js");
const site = require("../site.js");

const allowed = (key) => site.keyAllowed(["joinedup.theme", "joinedup.checklist.*"], key);
const file = (over) => JSON.stringify(Object.assign({ format: "joinedup-saved-answers", version: 1, exported: "2026-01-31", items: { "joinedup.theme": "dark" } }, over));

test("parseImport accepts a copy from this site", () => {
  const items = { "joinedup.theme": "dark", "joinedup.checklist.x": '{"v":1,"data":{"ticked":[]}}' };
  assert.deepEqual(yourData.parseImport(file({ items }), allowed), { items });
});

test("parseImport refuses anything else, importing nothing", () => {
  const cases = [
    { name: "not JSON", text: "{", want: /not valid JSON/ },
    { name: "empty", text: "", want: /not valid JSON/ },
    { name: "JSON null", text: "null", want: /not a copy saved from this site\. Choose/ },
    { name: "another format", text: file({ format: "other" }), want: /not a copy saved from this site\. Choose/ },
    { name: "another version", text: file({ version: 2 }), want: /different version of this site \(version 2\)/ },
    { name: "a long version is cut", text: file({ version: "123456789012345" }), want: /\(version 1234567890\)/ },
    { name: "no items", text: file({ items: undefined }), want: /no saved answers/ },
    { name: "items a list", text: file({ items: ["x"] }), want: /no saved answers/ },
    { name: "items empty", text: file({ items: {} }), want: /no saved answers/ },
    { name: "a key the site does not use", text: file({ items: { "joinedup.theme": "dark", "evil.key": "x" } }), want: /holds "evil\.key", which this site does not use/ },
    { name: "a long key is cut", text: file({ items: { ["x".repeat(100)]: "x" } }), want: new RegExp('holds "' + "x".repeat(60) + '",') },
    { name: "a value that is not text", text: file({ items: { "joinedup.theme": { a: 1 } } }), want: /value for joinedup\.theme is not in the expected form/ },
    { name: "a prototype key", text: '{"format":"joinedup-saved-answers","version":1,"items":{"__proto__":"x"}}', want: /holds "__proto__"/ }
  ];
  for (const c of cases) {
    const got = yourData.parseImport(c.text, allowed);
    assert.equal(got.items, undefined, c.name);
    assert.match(got.error, c.want, c.name);
  }
});

test("copyOf round-trips through parseImport", () => {
  const items = { "joinedup.theme": "contrast", "joinedup.checklist.a": "{}" };
  const text = JSON.stringify(yourData.copyOf(items, "2026-02-01"), null, 2);
  assert.deepEqual(JSON.parse(text).exported, "2026-02-01");
  assert.deepEqual(yourData.parseImport(text, allowed), { items });
});

test("savedOn", () => {
  const cases = [
    ['{"v":1,"saved":"2026-01-31T10:00:00.000Z","data":{}}', "2026-01-31"],
    ['{"v":1,"data":{}}', ""],
    ["dark", ""],
    [null, ""],
    ["{", ""]
  ];
  for (const [raw, want] of cases) assert.equal(yourData.savedOn(raw), want, String(raw));
});

test("describe names what is saved in plain words", () => {
  const v = (data) => JSON.stringify({ v: 1, saved: "2026-01-31T10:00:00.000Z", data });
  const cases = [
    ["joinedup.theme", "dark", { name: "Colour scheme", saved: "", detail: "Dark" }],
    ["joinedup.theme", "contrast", { name: "Colour scheme", saved: "", detail: "High contrast" }],
    ["joinedup.assessments", v({ relationships: [{ snapshots: [{}, {}] }, { snapshots: [], draft: { answers: [] } }] }),
      { name: "Ladder self-assessment", saved: "2026-01-31", detail: "2 relationships, 2 results, 1 assessment not finished" }],
    ["joinedup.assessments", v({ relationships: [{ snapshots: [{}] }] }), { name: "Ladder self-assessment", saved: "2026-01-31", detail: "1 relationship, 1 result" }],
    ["joinedup.action-plan", v({ barriers: ["a"], actions: [{}, {}] }), { name: "Action plan", saved: "2026-01-31", detail: "1 barrier ticked, 2 actions" }],
    ["joinedup.checklist.professional-courtesy", v({ ticked: ["x"] }), { name: "Checklist: professional courtesy", saved: "2026-01-31", detail: "1 item ticked" }],
    ["joinedup.checklist.before-a-meeting", "{oops", { name: "Checklist: before a meeting", saved: "", detail: "Cannot be read: Your saved answers could not be read. They may have been damaged." }]
  ];
  for (const [key, raw, want] of cases) assert.deepEqual(yourData.describe(key, raw, 1), want, key + " " + raw);
});

test("csvRows: one readable row per item", () => {
  assert.deepEqual(yourData.csvRows([{ name: "Colour scheme", saved: "", detail: "Dark", key: "joinedup.theme" }]), [
    ["What", "Saved on", "What it holds"],
    ["Colour scheme", "", "Dark"]
  ]);
});

test("deletedText says what was and was not deleted", () => {
  assert.equal(yourData.deletedText(["Colour scheme", "Action plan (1 action)"], []), "Deleted 2 items: Colour scheme; Action plan (1 action).");
  assert.equal(yourData.deletedText(["Colour scheme"], ["Action plan"]), "Deleted 1 item: Colour scheme. 1 item could not be deleted: Action plan.");
  assert.equal(yourData.deletedText([], []), "Nothing was deleted.");
});
