// Tests of present mode's sections and keys.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const present = require("./present.js");

// node builds a fake element: a tag name and children, linked as the DOM
// links them (firstElementChild, nextElementSibling).
function node(tagName, ...children) {
  const n = { tagName, firstElementChild: children[0] || null, nextElementSibling: null, name: tagName };
  children.forEach((c, i) => { c.nextElementSibling = children[i + 1] || null; });
  return n;
}
function named(n, name) { n.name = name; return n; }

test("plan splits main into sections at each visible h2", () => {
  const h1 = node("H1");
  const intro = named(node("P"), "intro");
  const h2a = named(node("H2"), "a");
  const pa = named(node("P"), "pa");
  const hidden = named(node("H2"), "hidden");
  const h2b = named(node("H2"), "b");
  const list = named(node("UL", named(node("LI"), "li1"), named(node("LI"), "li2")), "list");
  // A wrapper holding a heading spans the sections before and after it.
  const wrapper = named(node("DIV", named(node("P"), "before"), named(node("H2"), "c"), named(node("P"), "after")), "wrapper");
  const bar = named(node("NAV", named(node("H2"), "in-bar")), "bar");
  const main = node("MAIN", bar, h1, intro, h2a, pa, hidden, h2b, list, wrapper);

  const p = present.plan(main, bar, (h) => h.tagName === "H2" && h.name !== "hidden", h1);
  assert.deepEqual(p.headings.map((h) => h.name), ["H1", "a", "b", "c"]);
  const ranges = {};
  for (const it of p.items) ranges[it.el.name] = [it.start, it.end];
  assert.deepEqual(ranges, {
    H1: [0, 0], intro: [0, 0],
    a: [1, 1], pa: [1, 1], hidden: [1, 1],
    b: [2, 2], li1: [2, 2], li2: [2, 2], list: [2, 2],
    before: [2, 2], c: [3, 3], after: [3, 3], wrapper: [2, 3]
  });
  assert.equal(ranges["in-bar"], undefined, "the bar is skipped");
  // Children come before their parent, in document order.
  assert.deepEqual(p.items.map((it) => it.el.name).slice(-4), ["before", "c", "after", "wrapper"]);
});

test("plan splits a section at the h3s the predicate takes", () => {
  const h1 = node("H1");
  const h2 = named(node("H2"), "plan");
  const a = named(node("H3"), "outcomes");
  const pa = named(node("P"), "pa");
  const b = named(node("H3"), "agenda");
  const pb = named(node("P"), "pb");
  const other = named(node("H3"), "not split");
  const main = node("MAIN", h1, h2, a, pa, b, pb, other);
  const p = present.plan(main, null, (h) => h.tagName === "H2" || (h.tagName === "H3" && h.name !== "not split"), h1);
  assert.deepEqual(p.headings.map((h) => h.name), ["H1", "plan", "outcomes", "agenda"]);
  const ranges = {};
  for (const it of p.items) ranges[it.el.name] = [it.start, it.end];
  assert.deepEqual(ranges["not split"], [3, 3], "an h3 that does not start a slide stays on the slide before it");
  assert.deepEqual(ranges.pa, [2, 2]);
});

test("plan without a title or headings is one section", () => {
  const main = node("MAIN", node("P"), node("P"));
  const p = present.plan(main, null, (h) => h.tagName === "H2", null);
  assert.deepEqual(p.headings, [main]);
  assert.ok(p.items.every((it) => it.start === 0 && it.end === 0));
});

test("isShortcut is Alt+Shift+P only", () => {
  const key = (over) => Object.assign({ altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, code: "KeyP", keyCode: 80 }, over);
  const cases = [
    [key(), true],
    [key({ code: "", keyCode: 80 }), true],
    [key({ code: "KeyP", keyCode: 0 }), true],
    [key({ altKey: false }), false],
    [key({ shiftKey: false }), false],
    [key({ ctrlKey: true }), false],
    [key({ metaKey: true }), false],
    [key({ code: "KeyO", keyCode: 79 }), false]
  ];
  cases.forEach(([e, want], i) => assert.equal(present.isShortcut(e), want, "case " + i));
});

test("move", () => {
  const cases = [
    ["ArrowRight", false, { by: 1 }],
    ["PageDown", false, { by: 1 }],
    ["ArrowLeft", false, { by: -1 }],
    ["PageUp", false, { by: -1 }],
    [" ", false, { by: 1 }],
    [" ", true, { by: -1 }],
    ["Spacebar", false, { by: 1 }],
    ["Home", false, { to: "first" }],
    ["End", false, { to: "last" }],
    ["ArrowDown", false, null],
    ["a", false, null],
    ["Enter", false, null]
  ];
  for (const [key, shift, want] of cases) assert.deepEqual(present.move(key, shift), want, JSON.stringify(key) + (shift ? " with Shift" : ""));
});

test("rowBreaks starts a slide at the first row that does not fit", () => {
  // Rows 100px tall from y=100; the slide starts at y=0 with 450px of room,
  // a further slide 300px.
  const rows = Array.from({ length: 10 }, (_, k) => ({ top: 100 + k * 100, bottom: 200 + k * 100 }));
  assert.deepEqual(present.rowBreaks(rows, 0, 450, 300), [3, 6, 9]);
  assert.deepEqual(present.rowBreaks(rows, 0, 2000, 300), [], "a table that fits is not split");
  assert.deepEqual(present.rowBreaks(rows.slice(0, 1), 0, 50, 50), [], "the first row stays on its slide");
  // A row taller than the room has a slide of its own.
  const tall = [{ top: 0, bottom: 50 }, { top: 50, bottom: 500 }, { top: 500, bottom: 550 }];
  assert.deepEqual(present.rowBreaks(tall, 0, 100, 100), [1, 2]);
});
