// The Porter2 stemmer in vendor/ is a copy of the npm package
// wink-porter2-stemmer, at the version package.json names. These tests
// check the copy is unchanged, so an update is a deliberate one: bump the
// version in package.json, npm install, copy src/wink-porter2-stemmer.js.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..", "..");
const copy = path.join(__dirname, "vendor", "wink-porter2-stemmer.js");
const installed = path.join(root, "node_modules", "wink-porter2-stemmer");

test("the vendored stemmer is the pinned npm package's file", (t) => {
  if (!fs.existsSync(installed)) {
    t.skip("node_modules/wink-porter2-stemmer is not installed (make lint installs it)");
    return;
  }
  const pinned = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).devDependencies["wink-porter2-stemmer"];
  const got = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8")).version;
  assert.equal(got, pinned, "node_modules has another version than package.json pins: run npm ci");
  assert.ok(
    fs.readFileSync(copy).equals(fs.readFileSync(path.join(installed, "src", "wink-porter2-stemmer.js"))),
    "templates/assets/vendor/wink-porter2-stemmer.js differs from wink-porter2-stemmer@" + pinned
  );
});

test("the vendored stemmer stems as Porter2 does", () => {
  const stem = require("./vendor/wink-porter2-stemmer.js");
  const cases = [
    ["consenting", "consent"],
    ["generously", "generous"],
    ["partnerships", "partnership"],
    ["escalation", "escal"],
    ["skies", "sky"],
    ["at", "at"]
  ];
  for (const [word, want] of cases) assert.equal(stem(word), want, word);
});
