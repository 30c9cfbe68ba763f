// Tests of site.js's pure functions: storage keys and stored values, CSV,
// dates, counts, and how components start.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const site = require("./site.js");

test("keyAllowed", () => {
  const allowed = ["joinedup.theme", "joinedup.checklist.*"];
  const cases = [
    ["joinedup.theme", true],
    ["joinedup.checklist.before-a-meeting", true],
    ["joinedup.checklist.", true],
    ["joinedup.checklist", false],
    ["joinedup.themes", false],
    ["joinedup.theme2", false],
    ["other", false],
    ["", false]
  ];
  for (const [key, want] of cases) assert.equal(site.keyAllowed(allowed, key), want, key);
  assert.equal(site.keyAllowed([], "joinedup.theme"), false, "an empty list allows nothing");
});

test("parseStored", () => {
  const damaged = "Your saved answers could not be read. They may have been damaged.";
  const cases = [
    { name: "missing", raw: null, want: { data: null, problem: null } },
    { name: "undefined", raw: undefined, want: { data: null, problem: null } },
    { name: "good", raw: '{"v":2,"saved":"2026-01-01T00:00:00.000Z","data":{"a":[1]}}', want: { data: { a: [1] }, problem: null } },
    { name: "null data is data", raw: '{"v":2,"data":null}', want: { data: null, problem: null } },
    { name: "not JSON", raw: "{", want: { data: null, problem: damaged } },
    { name: "empty string", raw: "", want: { data: null, problem: damaged } },
    { name: "JSON but not an object", raw: "3", want: { data: null, problem: damaged } },
    { name: "JSON null", raw: "null", want: { data: null, problem: damaged } },
    { name: "no data", raw: '{"v":2}', want: { data: null, problem: damaged } },
    {
      name: "another version", raw: '{"v":1,"data":{}}',
      want: { data: null, problem: "Your saved answers were saved by a different version of this site (version 1) and cannot be read by this one." }
    },
    {
      name: "a long version is cut", raw: '{"v":"12345678901234567890","data":{}}',
      want: { data: null, problem: "Your saved answers were saved by a different version of this site (version 1234567890) and cannot be read by this one." }
    }
  ];
  for (const c of cases) assert.deepEqual(site.parseStored(c.raw, 2), c.want, c.name);
});

test("storedText round-trips through parseStored", () => {
  const data = { ticked: ["a", "b"], note: "caf\u00e9 \u201cquoted\u201d" };
  const text = site.storedText(data, 3, new Date(Date.UTC(2026, 0, 31, 12)));
  assert.deepEqual(JSON.parse(text), { v: 3, saved: "2026-01-31T12:00:00.000Z", data: data });
  assert.deepEqual(site.parseStored(text, 3), { data: data, problem: null });
  assert.equal(site.parseStored(text, 4).data, null, "another version is not read");
});

test("csv", () => {
  const cases = [
    { name: "plain", rows: [["a", "b"], ["c", "d"]], want: "a,b\r\nc,d\r\n" },
    { name: "empty values", rows: [[null, undefined, ""]], want: ",,\r\n" },
    { name: "numbers", rows: [[0, 12, 3.5]], want: "0,12,3.5\r\n" },
    { name: "comma", rows: [["a,b"]], want: '"a,b"\r\n' },
    { name: "quote", rows: [['say "hi"']], want: '"say ""hi"""\r\n' },
    { name: "new lines", rows: [["one\ntwo", "three\r\nfour"]], want: '"one\ntwo","three\r\nfour"\r\n' },
    // Formula injection: a spreadsheet would run these.
    { name: "equals", rows: [["=SUM(A1)"]], want: "'=SUM(A1)\r\n" },
    { name: "plus", rows: [["+1"]], want: "'+1\r\n" },
    { name: "minus", rows: [["-1"]], want: "'-1\r\n" },
    { name: "at", rows: [["@cmd"]], want: "'@cmd\r\n" },
    { name: "tab", rows: [["\t=1"]], want: "'\t=1\r\n" },
    { name: "carriage return", rows: [["\r=1"]], want: "\"'\r=1\"\r\n" },
    { name: "formula with a comma", rows: [['=HYPERLINK("x","y")']], want: '"\'=HYPERLINK(""x"",""y"")"\r\n' },
    { name: "a sign later is fine", rows: [["a=b", "1-2"]], want: "a=b,1-2\r\n" },
    { name: "a negative number is guarded too", rows: [[-3]], want: "'-3\r\n" },
    { name: "no rows", rows: [], want: "\r\n" }
  ];
  for (const c of cases) assert.equal(site.csv(c.rows), c.want, c.name);
});

test("isoDate", () => {
  assert.equal(site.isoDate(new Date(2026, 0, 5)), "2026-01-05");
  assert.equal(site.isoDate(new Date(2025, 11, 31, 23, 59)), "2025-12-31");
  assert.equal(site.isoDate(new Date(999, 9, 10)), "999-10-10");
});

test("quantity", () => {
  const cases = [[0, "0 people"], [1, "1 person"], [2, "2 people"], [1000, "1000 people"]];
  for (const [n, want] of cases) assert.equal(site.quantity(n, "person", "people"), want);
});

// fakeElement is the little of an element that starting components uses.
function fakeElement(name, started) {
  const attrs = { "data-module": name };
  if (started) attrs["data-module-started"] = "true";
  return {
    attrs,
    getAttribute: (a) => (a in attrs ? attrs[a] : null),
    setAttribute: (a, v) => { attrs[a] = String(v); },
    querySelector: () => null
  };
}

test("startAll starts each component once and reports failures", () => {
  const made = [];
  function Good(element) { made.push(element); }
  function Broken(element) { site.required(element, "[data-needed]", "broken", "the needed part"); }
  const components = { good: Good, broken: Broken };
  const elements = [
    fakeElement("good"), fakeElement("broken"), fakeElement("unknown"), fakeElement("good", true),
    fakeElement("toString"), fakeElement("good")
  ];
  const reports = [];
  site.startAll(elements, components, (name, e) => reports.push([name, e]));

  assert.deepEqual(made, [elements[0], elements[5]], "each good element once, the started one skipped");
  assert.equal(elements[0].attrs["data-module-started"], "true");
  assert.equal(elements[5].attrs["data-module-started"], "true");
  assert.equal(elements[1].attrs["data-module-started"], undefined, "a failed component is not marked started");
  assert.equal(elements[2].attrs["data-module-started"], undefined, "an unknown name is left alone");
  assert.equal(elements[4].attrs["data-module-started"], undefined, "names are not looked up on Object.prototype");

  assert.equal(reports.length, 1);
  const [name, err] = reports[0];
  assert.equal(name, "broken");
  assert.ok(err instanceof site.ElementError);
  assert.ok(err instanceof Error);
  assert.equal(err.name, "ElementError");
  assert.equal(err.message, "broken: the needed part ([data-needed]) is missing from the page's markup");

  // A second start does nothing more.
  site.startAll(elements, components, (n, e) => reports.push([n, e]));
  assert.equal(made.length, 2);
  assert.equal(reports.length, 2, "the broken one is tried again and reported again");
});

test("required returns what it finds", () => {
  const found = { id: "x" };
  assert.equal(site.required({ querySelector: () => found }, ".x", "c", "x"), found);
  assert.throws(() => site.required({ querySelector: () => null }, ".x", "c", "the x"), {
    name: "ElementError", message: "c: the x (.x) is missing from the page's markup"
  });
});

test("csvFile starts with a byte order mark", () => {
  assert.equal(site.csvFile([["caf\u00e9"]]), "\ufeffcaf\u00e9\r\n");
});

test("clock and longDate", () => {
  assert.equal(site.clock(new Date(2026, 10, 27, 9, 5)), "09:05");
  assert.equal(site.clock(new Date(2026, 10, 27, 23, 59)), "23:59");
  const cases = [
    ["2026-11-27", undefined, "27 November 2026"],
    ["2026-01-01", "", "1 January 2026"],
    ["2026-12-31", "14:05", "31 December 2026 at 14:05"],
    ["2026-12-31", "2pm", "31 December 2026"],
    ["2026-13-01", undefined, "2026-13-01"],
    ["yesterday", undefined, "yesterday"],
    ["", undefined, ""]
  ];
  for (const [iso, time, want] of cases) assert.equal(site.longDate(iso, time), want, iso + " " + time);
});
