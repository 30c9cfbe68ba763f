// Tests of search.js's matching and ranking: tokens, typos, term
// expansion, scores, synonyms, order and highlighting.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const search = require("./search.js");

// The shared vectors: the Go tokeniser and stemmer are tested against the
// same file (generator/internal/search), so both give the same tokens and
// stems.
const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "generator", "internal", "search", "testdata", "tokens.json"), "utf8"));

test("tokens and stems: the shared vectors", () => {
  assert.ok(vectors.length >= 20, "the vectors file has " + vectors.length + " cases");
  for (const v of vectors) {
    assert.deepEqual(search.tokens(v.text), v.tokens, v.name + ": tokens of " + JSON.stringify(v.text));
    assert.deepEqual(v.tokens.map(search.stem), v.stems, v.name + ": stems");
  }
});

test("tokenSpans: where each token is in the text", () => {
  const text = "The carer\u2019s U.K. visit, 10,000 steps";
  const spans = search.tokenSpans(text).map((t) => [t.token, text.slice(t.start, t.end)]);
  assert.deepEqual(spans, [["the", "The"], ["carers", "carer\u2019s"], ["uk", "U.K"], ["visit", "visit"], ["10000", "10,000"], ["steps", "steps"]]);
  const astral = "\ud83d\ude00 caf\u00e9";
  assert.deepEqual(search.tokenSpans(astral).map((t) => astral.slice(t.start, t.end)), ["caf\u00e9"]);
});

test("distance", () => {
  const cases = [
    ["same", "same", 2, 0],
    ["", "", 1, 0],
    ["", "ab", 2, 2],
    ["", "abc", 2, 3],
    ["form", "from", 1, 1], // a swap of neighbours is one typo
    ["consnet", "consent", 1, 1],
    ["kitten", "sitten", 1, 1],
    ["kitten", "sitting", 3, 3],
    ["kitten", "sitting", 2, 3], // past the limit: limit + 1
    ["kitten", "sitting", 1, 2],
    ["abc", "abcdef", 2, 3], // lengths too far apart
    ["escalaton", "escalation", 1, 1],
    ["ca", "abc", 3, 3] // optimal string alignment, not full Damerau
  ];
  for (const [a, b, limit, want] of cases) assert.equal(search.distance(a, b, limit), want, a + " / " + b + " within " + limit);
});

test("shardKey", () => {
  const cases = [["apple", "a"], ["zebra", "z"], ["2014", "0"], ["\u00e9cole", "0"], ["", "0"]];
  for (const [term, want] of cases) assert.equal(search.shardKey(term), want, term);
});

test("decodePostings", () => {
  assert.deepEqual(search.decodePostings([]), {});
  assert.deepEqual(search.decodePostings([3, 0.5]), { 3: 0.5 });
  assert.deepEqual(search.decodePostings([0, 1, 2, 0.25, 10, 2]), { 0: 1, 2: 0.25, 12: 2 });
});

test("matchTerms", () => {
  // {term: [document frequency, shard]}
  const vocab = {
    consent: [10, 0], consult: [4, 0], consid: [2, 0], contract: [1, 0],
    escal: [3, 1], carer: [5, 2], care: [9, 2], cares: [1, 2]
  };
  const terms = (word, isLast) => search.matchTerms(vocab, word, isLast).map((t) => [t.term, t.weight]);
  const cases = [
    { name: "the stem", word: "consenting", isLast: false, want: [["consent", 1]] },
    { name: "a finished word does not match as a start", word: "con", isLast: false, want: [] },
    {
      name: "while typing, words it starts, most common first", word: "con", isLast: true,
      want: [["consent", 0.8], ["consult", 0.8], ["consid", 0.8], ["contract", 0.8]]
    },
    { name: "two letters are too few to start words", word: "co", isLast: true, want: [] },
    { name: "the stem and the words it starts", word: "care", isLast: true, want: [["care", 1], ["carer", 0.8], ["cares", 0.8]] },
    { name: "one typo in a short word", word: "consnet", isLast: false, want: [["consent", 0.6]] },
    { name: "three letters are too few for typos", word: "cre", isLast: false, want: [] },
    // "escalaton" keeps its ending; "escalation" stems to "escal".
    { name: "a typo that stops the word stemming", word: "escalaton", isLast: false, want: [["escal", 0.7]] },
    { name: "an unknown word", word: "zzzz", isLast: true, want: [] }
  ];
  for (const c of cases) assert.deepEqual(terms(c.word, c.isLast), c.want, c.name);
  // Entries come with each term.
  assert.deepEqual(search.matchTerms(vocab, "consent", false)[0].entry, [10, 0]);
});

test("matchTerms: at most ten starts and five typos", () => {
  const vocab = {};
  for (let i = 0; i < 15; i++) vocab["work" + String.fromCharCode(97 + i)] = [i, 0];
  const starts = search.matchTerms(vocab, "wor", true);
  assert.equal(starts.length, 10);
  assert.equal(starts[0].term, "worko", "the most common first");
  const typos = {};
  for (let i = 0; i < 8; i++) typos["plan" + String.fromCharCode(97 + i)] = [i, 0];
  const near = search.matchTerms(typos, "planz", false);
  assert.equal(near.length, 5);
  assert.ok(near.every((t) => t.weight === 0.6));
});

test("bestScores keeps each document's best weighted score", () => {
  const lists = [{ 1: 2, 2: 1 }, { 2: 4, 3: 1 }];
  const terms = [{ weight: 1 }, { weight: 0.5 }];
  assert.deepEqual(search.bestScores(lists, terms), { 1: 2, 2: 2, 3: 0.5 });
  assert.deepEqual(search.bestScores([], []), {});
});

test("allWordScores needs every word", () => {
  assert.deepEqual(search.allWordScores([]), {});
  assert.deepEqual(search.allWordScores([{ 1: 2 }]), { 1: 1.8 });
  assert.deepEqual(search.allWordScores([{ 1: 2, 2: 1, 3: 1 }, { 1: 4, 3: 3 }, { 1: 0, 3: 2 }]), { 1: 1.8, 3: 1.8 });
  assert.deepEqual(search.allWordScores([{ 1: 2 }, {}]), {});
});

test("synonymSpans", () => {
  const synonyms = { gp: [["general", "practition"]], "general practition": [["gp"]], safeguard: [["protect"], ["welfar"]] };
  assert.deepEqual(search.synonymSpans(["gp", "visit"], synonyms), [{ from: 0, to: 1, stems: ["general", "practition"] }]);
  assert.deepEqual(search.synonymSpans(["see", "general", "practition"], synonyms), [{ from: 1, to: 3, stems: ["gp"] }]);
  assert.deepEqual(search.synonymSpans(["safeguard"], synonyms), [
    { from: 0, to: 1, stems: ["protect"] },
    { from: 0, to: 1, stems: ["welfar"] }
  ]);
  assert.deepEqual(search.synonymSpans([], synonyms), []);
  assert.deepEqual(search.synonymSpans(["general"], synonyms), [], "half a phrase is not a synonym");
});

test("rank: every word first, then by score, then in index order", () => {
  const perWord = [{ 1: 1, 2: 5, 3: 2, 7: 2 }, { 3: 1, 4: 9, 7: 1 }];
  assert.deepEqual(search.rank(perWord, [], []).map((r) => [r.doc, r.words, r.score]), [
    [3, 2, 3], [7, 2, 3], [4, 1, 9], [2, 1, 5], [1, 1, 1]
  ]);
  assert.deepEqual(search.rank([], [], []), []);
});

test("rank: a synonym adds to every word it covers", () => {
  // "general practitioner" has a synonym "gp" that document 5 holds.
  const perWord = [{ 1: 1 }, { 1: 1, 2: 3 }];
  const spans = [{ from: 0, to: 2, stems: ["gp"] }];
  const ranked = search.rank(perWord, spans, [{ 5: 2, 1: 0.5 }]);
  assert.deepEqual(ranked.map((r) => [r.doc, r.words, r.score]), [[5, 2, 4], [1, 2, 2], [2, 1, 3]]);
});

test("fewPerPage keeps three per page, up to the limit", () => {
  const docs = [1, 1, 1, 1, 2, 1, 3, 2, 4].map((page, i) => ({ page, i }));
  assert.deepEqual(search.fewPerPage(docs, 10).map((d) => d.i), [0, 1, 2, 4, 6, 7, 8]);
  assert.deepEqual(search.fewPerPage(docs, 4).map((d) => d.i), [0, 1, 2, 4]);
  assert.deepEqual(search.fewPerPage([], 5), []);
});

test("marks", () => {
  const marked = (text, words, stems) => search.marks(text, words, stems).map((p) => (p.mark ? "[" + p.text + "]" : p.text)).join("");
  const cases = [
    { text: "Ask for consent first.", words: ["consent"], stems: ["consent"], want: "Ask for [consent] first." },
    { text: "Consenting adults", words: ["consent"], stems: ["consent"], want: "[Consenting] adults" },
    { text: "The carer's view", words: ["carer"], stems: ["carer"], want: "The [carer's] view" },
    { text: "confidential", words: ["conf"], stems: [], want: "[confidential]" },
    { text: "on the con", words: ["co"], stems: [], want: "on the con" },
    { text: "nothing here", words: ["zzz"], stems: ["zzz"], want: "nothing here" },
    { text: "", words: ["a"], stems: [], want: "" }
  ];
  for (const c of cases) assert.equal(marked(c.text, c.words, c.stems), c.want, c.text);
  // The parts put back together are the text.
  const text = "Share with the GP, then the school.";
  assert.equal(search.marks(text, ["school"], ["school"]).map((p) => p.text).join(""), text);
});

test("makeDoc and label", () => {
  const doc = search.makeDoc([4, "When to share", "when-to-share", "Text"], ["Consent", "guidance/consent.html"]);
  assert.deepEqual(doc, { page: 4, title: "Consent", heading: "When to share", url: "guidance/consent.html#when-to-share", text: "Text" });
  assert.equal(search.label(doc), "Consent: When to share");
  const top = search.makeDoc([4, "", "", "Intro"], ["Consent", "guidance/consent.html"]);
  assert.equal(top.url, "guidance/consent.html");
  assert.equal(search.label(top), "Consent");
});
