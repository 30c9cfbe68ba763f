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

// N documents are in the index of the cases below; scores makes the
// engine's scores for them (a score per document, -1 where it is absent)
// from an object {doc: score}, to write cases briefly.
const N = 16;
const scores = (o) => {
  const s = new Float64Array(N).fill(-1);
  for (const k of Object.keys(o)) s[Number(k)] = o[k];
  return s;
};

// postings makes a term's postings ({docs, scores}) from an object.
const postings = (o) => ({ docs: Object.keys(o).map(Number), scores: Object.keys(o).map((k) => o[k]) });

test("decodePostings", () => {
  assert.deepEqual(search.decodePostings([]), postings({}));
  assert.deepEqual(search.decodePostings([3, 0.5]), postings({ 3: 0.5 }));
  assert.deepEqual(search.decodePostings([0, 1, 2, 0.25, 10, 2]), postings({ 0: 1, 2: 0.25, 12: 2 }));
});

test("matchTerms", () => {
  // {term: [document frequency, shard]}
  const vocab = {
    consent: [10, 0], consult: [4, 0], consid: [2, 0], contract: [1, 0],
    escal: [3, 1], carer: [5, 2], care: [9, 2], cares: [1, 2], disagr: [4, 3], disagre: [2, 3], other: [40, 4], ot: [3, 4]
  };
  const terms = (word, prefix) => search.matchTerms(vocab, word, prefix).map((t) => [t.term, t.weight]);
  const cases = [
    { name: "the stem", word: "consenting", prefix: "never", want: [["consent", 1]] },
    { name: "a finished word does not match as a start", word: "con", prefix: "never", want: [] },
    {
      name: "while typing, words it starts, most common first", word: "con", prefix: "always",
      want: [["consent", 0.8], ["consult", 0.8], ["consid", 0.8], ["contract", 0.8]]
    },
    { name: "as a last word, starts only when it matches nothing else", word: "con", prefix: "else", want: [["consent", 0.8], ["consult", 0.8], ["consid", 0.8], ["contract", 0.8]] },
    { name: "as a last word that matches, no starts", word: "care", prefix: "else", want: [["care", 1]] },
    { name: "two letters are too few to start words", word: "co", prefix: "always", want: [] },
    { name: "an abbreviation never matches inside a word", word: "ot", prefix: "always", want: [["ot", 1]] },
    { name: "the stem and the words it starts", word: "care", prefix: "always", want: [["care", 1], ["carer", 0.8], ["cares", 0.8]] },
    { name: "stems Porter2 cuts differently", word: "disagreeing", prefix: "never", want: [["disagre", 1], ["disagr", 0.9]] },
    { name: "and the other way", word: "disagreement", prefix: "never", want: [["disagr", 1], ["disagre", 0.9]] },
    { name: "one typo in a short word", word: "consnet", prefix: "never", want: [["consent", 0.6]] },
    { name: "three letters are too few for typos", word: "cre", prefix: "never", want: [] },
    // "escalaton" keeps its ending; "escalation" stems to "escal".
    { name: "a typo that stops the word stemming", word: "escalaton", prefix: "never", want: [["escal", 0.7]] },
    { name: "an unknown word", word: "zzzz", prefix: "always", want: [] }
  ];
  for (const c of cases) assert.deepEqual(terms(c.word, c.prefix), c.want, c.name);
  // Entries come with each term.
  assert.deepEqual(search.matchTerms(vocab, "consent", "never")[0].entry, [10, 0]);
});

test("matchTerms: at most ten starts and five typos", () => {
  const vocab = {};
  for (let i = 0; i < 15; i++) vocab["work" + String.fromCharCode(97 + i)] = [i, 0];
  const starts = search.matchTerms(vocab, "wor", "always");
  assert.equal(starts.length, 10);
  assert.equal(starts[0].term, "worko", "the most common first");
  const typos = {};
  for (let i = 0; i < 8; i++) typos["plan" + String.fromCharCode(97 + i)] = [i, 0];
  const near = search.matchTerms(typos, "planz", "never");
  assert.equal(near.length, 5);
  assert.ok(near.every((t) => t.weight === 0.6));
});

test("decodeTail: gaps or a bitmap", () => {
  assert.deepEqual(search.decodeTail([]), []);
  assert.deepEqual(search.decodeTail([3, 1, 10]), [3, 4, 14]);
  // Bits 0 and 9 (bytes 0x01 0x02), then bit 23 (0x80 in byte 2).
  assert.deepEqual(search.decodeTail("AQKA"), [0, 9, 23]);
  assert.deepEqual(search.decodeTail("/w=="), [0, 1, 2, 3, 4, 5, 6, 7]);
});

test("bestScores keeps each document's best weighted score", () => {
  const lists = [postings({ 1: 2, 2: 1 }), postings({ 2: 4, 3: 1 })];
  const terms = [{ weight: 1 }, { weight: 0.5 }];
  assert.deepEqual(search.bestScores(lists, terms, N), scores({ 1: 2, 2: 2, 3: 0.5 }));
  assert.deepEqual(search.bestScores([], [], N), scores({}));
});

test("allWordScores needs every word", () => {
  const all = (lists, weight) => search.allWordScores(lists.map(postings), weight, N);
  assert.deepEqual(all([], 0.9), scores({}));
  assert.deepEqual(all([{ 1: 2 }], 0.9), scores({ 1: 1.8 }));
  assert.deepEqual(all([{ 1: 2, 2: 1, 3: 1 }, { 1: 4, 3: 3 }, { 1: 0, 3: 2 }], 0.9), scores({ 1: 1.8, 3: 1.8 }));
  assert.deepEqual(all([{ 1: 2 }], 0.5), scores({ 1: 1 }));
  assert.deepEqual(all([{ 1: 2 }, {}], 0.9), scores({}));
});

test("synonymSpans", () => {
  const synonyms = { gp: [["general", "practition"]], "general practition": [["gp"]] };
  const related = { safeguard: [["protect"], ["welfar"]], gp: [["doctor"]] };
  assert.deepEqual(search.synonymSpans(["gp", "visit"], synonyms), [{ from: 0, to: 1, stems: ["general", "practition"], weight: 0.9 }]);
  assert.deepEqual(search.synonymSpans(["see", "general", "practition"], synonyms, related), [{ from: 1, to: 3, stems: ["gp"], weight: 0.9 }]);
  assert.deepEqual(search.synonymSpans(["safeguard"], synonyms, related), [
    { from: 0, to: 1, stems: ["protect"], weight: 0.6 },
    { from: 0, to: 1, stems: ["welfar"], weight: 0.6 }
  ]);
  assert.deepEqual(search.synonymSpans(["gp"], synonyms, related).map((s) => s.weight), [0.9, 0.6]);
  assert.deepEqual(search.synonymSpans([], synonyms, related), []);
  assert.deepEqual(search.synonymSpans(["general"], synonyms), [], "half a phrase is not a synonym");
});

test("rank: every word first, then by score, then in index order", () => {
  const perWord = [scores({ 1: 1, 2: 5, 3: 2, 7: 2 }), scores({ 3: 1, 4: 9, 7: 1 })];
  assert.deepEqual(search.rank(perWord, [], []).slice().map((r) => [r.doc, r.words, r.score]), [
    [3, 2, 3], [7, 2, 3], [4, 1, 9], [2, 1, 5], [1, 1, 1]
  ]);
  assert.deepEqual(search.rank([], [], []).slice(), []);
  assert.equal(search.rank([], [], []).length, 0);
});

test("rank: a synonym adds to every word it covers", () => {
  // "general practitioner" has a synonym "gp" that document 5 holds.
  const perWord = [scores({ 1: 1 }), scores({ 1: 1, 2: 3 })];
  const spans = [{ from: 0, to: 2, stems: ["gp"] }];
  const ranked = search.rank(perWord, spans, [scores({ 5: 2, 1: 0.5 })]);
  assert.deepEqual(ranked.slice().map((r) => [r.doc, r.words, r.score]), [[5, 2, 4], [1, 2, 2], [2, 1, 3]]);
});

test("named: the records a query names, and its context words", () => {
  const names = { "health visitor": [4], ot: [7, 9], "social worker": [2], "occup therapist": [7], "lack trust": [5] };
  const who = ["health visitor", "ot", "social worker", "occup therapist"];
  assert.deepEqual(search.named(["health", "visitor"], [], names, who), { docs: { 4: 2 }, context: [false, false], whole: true });
  assert.deepEqual(search.named(["ot"], [], names, who), { docs: { 7: 1, 9: 1 }, context: [false], whole: true });
  // Part of the query names someone to work with: those words are context.
  assert.deepEqual(search.named(["disagre", "social", "worker"], [], names, who), { docs: { 2: 2 }, context: [false, true, true], whole: false });
  // A topic's name is what the query is about, not context.
  assert.deepEqual(search.named(["lack", "trust", "agenc"], [], names, who), { docs: { 5: 2 }, context: [false, false, false], whole: false });
  // Through a synonym: "occupational therapist" is "ot".
  const spans = [{ from: 0, to: 1, stems: ["occup", "therapist"], weight: 0.9 }];
  assert.deepEqual(search.named(["ot"], spans, {}).docs, {});
  assert.deepEqual(search.named(["ot"], spans, { "occup therapist": [7] }).docs, { 7: 1 });
  // A related word does not name anything: "ladder" is not "partnership ladder".
  assert.deepEqual(search.named(["ladder"], [{ from: 0, to: 1, stems: ["partnership", "ladder"], weight: 0.6 }], { "partnership ladder": [3] }).docs, {});
  assert.deepEqual(search.named(["care"], [], names), { docs: {}, context: [false], whole: false });
});

test("rank: named records first among equals, in index order; context words only add score", () => {
  // "health visitor": document 4 is the record, 1 a case study with both words more often.
  const visitor = search.rank([scores({ 1: 9, 4: 5 }), scores({ 1: 9, 4: 5 })], [], [], search.named(["health", "visitor"], [], { "health visitor": [4] }));
  assert.deepEqual(visitor.slice().map((r) => r.doc), [4, 1]);
  // "OT": the role (7) and the glossary term (9) are both named; the role
  // comes first in the site, whatever the scores.
  const ot = search.rank([scores({ 3: 20, 7: 5, 9: 8 })], [], [], search.named(["ot"], [], { ot: [9, 7] }));
  assert.deepEqual(ot.slice().map((r) => r.doc), [7, 9, 3]);
  // "disagreeing with a social worker": 3 is about disagreeing, 2 is the
  // social worker's record, 5 mentions a disagreement with a social worker.
  const perWord = [scores({ 3: 6, 5: 3 }), scores({ 2: 9, 5: 2 }), scores({ 2: 9, 5: 2 })];
  const ranked = search.rank(perWord, [], [], search.named(["disagre", "social", "worker"], [], { "social worker": [2] }, ["social worker"]));
  assert.deepEqual(ranked.slice().map((r) => [r.doc, r.words]), [[3, 1], [5, 1], [2, 0]]);
  // A named record outside its words' postings still counts.
  const cut = search.rank([scores({ 1: 3 })], [], [], search.named(["ot"], [], { ot: [8] }));
  assert.deepEqual(cut.slice().map((r) => [r.doc, r.words, r.named]), [[8, 1, 1], [1, 1, 0]]);
});

test("bestBets: every word of a phrase in the query", () => {
  const bets = [
    { phrases: [["worri", "child"], ["danger"]], title: "Who to call", url: "who.html", text: "" },
    { phrases: [["complaint"]], title: "Complaints", url: "c.html", text: "" }
  ];
  const titles = (stems) => search.bestBets(stems, bets).map((b) => b.title);
  assert.deepEqual(titles(["call", "worri", "child"]), ["Who to call"]);
  assert.deepEqual(titles(["child", "danger"]), ["Who to call"]);
  assert.deepEqual(titles(["worri"]), []);
  assert.deepEqual(titles(["complaint", "danger"]), ["Who to call", "Complaints"]);
  assert.deepEqual(search.bestBets(["x"], undefined), []);
});

test("capPerPage keeps three per page, up to the limit", () => {
  const items = [1, 1, 1, 1, 2, 1, 3, 2, 4].map((page, i) => ({ doc: { page }, i }));
  let out = [];
  assert.equal(search.capPerPage(items, 10, {}, out), 9);
  assert.deepEqual(out.map((d) => d.i), [0, 1, 2, 4, 6, 7, 8]);
  out = [];
  assert.equal(search.capPerPage(items, 4, {}, out), 5, "it stops once it has four");
  assert.deepEqual(out.map((d) => d.i), [0, 1, 2, 4]);
  // The count goes on from an earlier batch.
  out = [];
  search.capPerPage([{ doc: { page: 1 }, i: 0 }, { doc: { page: 2 }, i: 1 }], 5, { 1: 3 }, out);
  assert.deepEqual(out.map((d) => d.i), [1]);
});

test("titleHolds: every query word in the title", () => {
  assert.ok(search.titleHolds("Network meetings", ["network", "meeting"], []));
  assert.ok(search.titleHolds("Network meetings", ["netwrok", "meetings"], ["network", "meet"]), "a typo the query matched");
  assert.ok(!search.titleHolds("Network meetings", ["chairs", "meeting"], ["chair", "meet"]));
  assert.ok(search.titleHolds("Anything", [], []));
});

test("deepen: a section that holds the words before its page", () => {
  const item = (page, heading, words, title) => ({ doc: { page, heading, title: title || "Network meetings" }, rank: { words } });
  const order = (items, words, stems) => search.deepen(items, words, stems).map((it) => it.doc.page + (it.doc.heading ? "#" + it.doc.heading : ""));
  // "who chairs a network meeting": the page's title lacks "chairs".
  const chairs = [item(1, "", 3), item(2, "Who can ask", 3, "FAQ"), item(1, "Who chairs the meeting", 3), item(1, "Preparing", 2)];
  assert.deepEqual(order(chairs, ["chairs", "network", "meeting"], ["chair", "network", "meet"]), ["1#Who chairs the meeting", "1", "2#Who can ask", "1#Preparing"]);
  // "network meetings": the page itself is the match.
  const title = [item(1, "", 2), item(1, "Who chairs the meeting", 2)];
  assert.deepEqual(order(title, ["network", "meetings"], ["network", "meet"]), ["1", "1#Who chairs the meeting"]);
  // A section with fewer of the words stays where it is.
  const fewer = [item(1, "", 3), item(1, "Preparing", 2)];
  assert.deepEqual(order(fewer, ["chairs", "network", "meeting"], ["chair", "network", "meet"]), ["1", "1#Preparing"]);
});

test("marks", () => {
  const marked = (text, words, stems, abbr) => search.marks(text, words, stems, abbr).map((p) => (p.mark ? "[" + p.text + "]" : p.text)).join("");
  const cases = [
    { text: "Ask for consent first.", words: ["consent"], stems: ["consent"], want: "Ask for [consent] first." },
    { text: "Consenting adults", words: ["consent"], stems: ["consent"], want: "[Consenting] adults" },
    { text: "The carer's view", words: ["carer"], stems: ["carer"], want: "The [carer's] view" },
    { text: "confidential", words: ["conf"], stems: [], want: "[confidential]" },
    { text: "on the con", words: ["co"], stems: [], want: "on the con" },
    { text: "nothing here", words: ["zzz"], stems: ["zzz"], want: "nothing here" },
    { text: "", words: ["a"], stems: [], want: "" },
    { text: "U.K. law", words: ["uk"], stems: ["uk"], want: "[U.K]. law" },
    // An abbreviation the query used is spelt out, unless the text does.
    { text: "Ask the OT.", words: ["ot"], stems: ["ot"], abbr: { ot: "occupational therapist" }, want: "Ask the [OT] (occupational therapist)." },
    { text: "An occupational therapist (OT) helps.", words: ["ot"], stems: ["ot"], abbr: { ot: "occupational therapist" }, want: "An occupational therapist ([OT]) helps." },
    { text: "The OT (occupational therapist) helps.", words: ["ot"], stems: ["ot"], abbr: { ot: "occupational therapist" }, want: "The [OT] (occupational therapist) helps." },
    { text: "Ask the OT.", words: ["therapist"], stems: ["ot"], abbr: { ot: "occupational therapist" }, want: "Ask the [OT]." },
    // "send" is a word as well as SEND.
    { text: "Send it to SEND.", words: ["send"], stems: ["send"], abbr: { send: "special educational needs and disabilities" }, want: "[Send] it to [SEND] (special educational needs and disabilities)." }
  ];
  for (const c of cases) assert.equal(marked(c.text, c.words, c.stems, c.abbr), c.want, c.text);
  // The parts put back together are the text.
  const text = "Share with the GP, then the school.";
  assert.equal(search.marks(text, ["school"], ["school"]).map((p) => p.text).join(""), text);
});

test("makeDoc and label", () => {
  const doc = search.makeDoc([4, "When to share", "when-to-share", "Text"], ["Consent", "guidance/consent.html"]);
  assert.deepEqual(doc, { page: 4, title: "Consent", heading: "When to share", url: "guidance/consent.html#when-to-share", text: "Text" });
  assert.equal(search.label(doc), "When to share \u2014 Consent");
  const top = search.makeDoc([4, "", "", "Intro"], ["Consent", "guidance/consent.html"]);
  assert.equal(top.url, "guidance/consent.html");
  assert.equal(search.label(top), "Consent");
});

// The Engine end to end, on a small site's index as the Go indexer writes
// it (generator/internal/search, TestEngineFixtures): once as one file and
// once in shards so small that common words have tails. Both must answer
// alike.
const fixtures = path.join(__dirname, "..", "..", "generator", "internal", "search", "testdata", "engine");

function fixtureEngine(form) {
  const loaded = [];
  const engine = new search.Engine((name) => {
    loaded.push(name);
    const text = fs.readFileSync(path.join(fixtures, form, "search", name + ".js"), "utf8");
    const prefix = "joinedupSearch.add(" + JSON.stringify(name) + ",";
    assert.ok(text.startsWith(prefix) && text.endsWith(");\n"), name + ".js registers itself");
    return Promise.resolve(JSON.parse(text.slice(prefix.length, -3)));
  });
  engine.loaded = loaded;
  return engine;
}

for (const form of ["single", "sharded"]) {
  test("Engine (" + form + "): a role's name or abbreviation opens its entry", async () => {
    const engine = fixtureEngine(form);
    const ot = await engine.run("OT", 5, {});
    assert.deepEqual(ot.results.slice(0, 2).map((d) => d.url), ["guidance/partners.html#partner-ot", "about/glossary.html#term-ot"]);
    assert.equal(search.label(ot.results[0]), "Occupational therapist (OT) \u2014 Partners and their roles");
    const hv = await engine.run("health visitor", 5, {});
    assert.equal(hv.results[0].url, "guidance/partners.html#partner-health-visitor");
    // The abbreviation is spelt out in an excerpt that uses it.
    const parts = search.marks("Ask the OT.", ot.words, ot.stems, ot.abbr);
    assert.equal(parts.map((p) => p.text).join(""), "Ask the OT (occupational therapist).");
  });

  test("Engine (" + form + "): question words and a role as context", async () => {
    const engine = fixtureEngine(form);
    const r = await engine.run("what should I do when disagreeing with a social worker", 5, {});
    assert.deepEqual(r.words, ["disagreeing", "social", "worker"]);
    // The section that holds the words opens before its page.
    assert.deepEqual(r.results.slice(0, 2).map((d) => d.url), ["guidance/disagree.html#raising-a-disagreement-well", "guidance/disagree.html"]);
    const mdt = await engine.run("what does MDT mean", 5, {});
    assert.equal(mdt.results[0].url, "about/glossary.html#term-mdt");
  });

  test("Engine (" + form + "): best bets", async () => {
    const engine = fixtureEngine(form);
    const r = await engine.run("who do I call when I am worried about a child", 5, {});
    assert.deepEqual(r.bets.map((b) => [b.title, b.url]), [["Who to call", "guidance/who-to-call.html"]]);
    assert.deepEqual((await engine.run("worried", 5, {})).bets, []);
  });

  test("Engine (" + form + "): documents with every word first, however common a word", async () => {
    const engine = fixtureEngine(form);
    const r = await engine.search("care plan", {});
    const both = r.ranked.slice().filter((t) => t.words === 2);
    // Notes 10 and 12 say "care plan"; the social worker "plans care", and
    // the glossary's team "plan care together".
    const found = await engine.documents(r, 0, both.length, null);
    assert.deepEqual(found.results.map((d) => d.url).sort(), ["about/glossary.html#term-mdt", "guidance/partners.html#partner-social-worker", "notes/10.html", "notes/12.html"]);
    assert.ok(r.ranked.slice(0, both.length).every((t) => t.words === 2), "every word first");
    if (form === "sharded") assert.ok(engine.loaded.includes("t-0"), "the tails of common words were read");
  });

  test("Engine (" + form + "): documents in batches, three a page at most when capped", async () => {
    const engine = fixtureEngine(form);
    const r = await engine.search("care", { full: true });
    assert.equal(r.ranked.length, 14, "every document with care counts");
    const first = await engine.documents(r, 0, 10, null);
    const rest = await engine.documents(r, first.next, 10, null);
    assert.equal(first.results.length + rest.results.length, 14);
    assert.equal(rest.next, 14);
    const capped = await engine.run("role", 8, {});
    const perPage = {};
    capped.results.forEach((d) => { perPage[d.page] = (perPage[d.page] || 0) + 1; });
    assert.ok(Object.values(perPage).every((n) => n <= 3));
  });
}

// randomScores is a word's scores for n documents from a seeded generator:
// about share of them hold it, at one of levels scores (few levels, many
// ties) or any score (levels 0).
function randomScores(n, share, levels, seed) {
  const s = new Float64Array(n).fill(-1);
  let x = seed;
  const next = () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
  for (let d = 0; d < n; d++) {
    if (next() >= share) continue;
    s[d] = levels ? Math.floor(next() * levels) / 2 : next() * 10;
  }
  return s;
}

test("Ranking: reading part of it gives the same order as reading it all", () => {
  const n = 6000;
  const cases = [
    { name: "three words, many ties, named records", words: [0.6, 0.5, 0.7], levels: 7, names: { docs: { 17: 3, 4000: 3, 5999: 1 }, context: [false, false, false], whole: true } },
    { name: "two words, one of them context", words: [0.4, 0.9], levels: 0, names: { docs: { 12: 1 }, context: [false, true], whole: false } },
    { name: "one word, all distinct", words: [0.8], levels: 0 },
    { name: "one word, one score for all", words: [0.9], levels: 1 }
  ];
  // The whole comparison rank's order follows.
  const order = (a, b) => (b.words - a.words) || (b.named - a.named) || (a.named ? a.doc - b.doc : (b.score - a.score) || (a.doc - b.doc));
  for (const c of cases) {
    const make = () => search.rank(c.words.map((share, w) => randomScores(n, share, c.levels, 7 + w)), [], [], c.names);
    const all = make().slice();
    const held = new Set();
    c.words.forEach((share, w) => randomScores(n, share, c.levels, 7 + w).forEach((v, d) => { if (v >= 0) held.add(d); }));
    Object.keys((c.names || {}).docs || {}).forEach((d) => held.add(+d));
    assert.equal(make().length, held.size, c.name + ": every document that holds a word counts");
    assert.equal(all.length, held.size, c.name);
    assert.deepEqual(all, all.slice().sort(order), c.name + ": in rank's order");
    // Ten at a time, as "Show more" reads it.
    const batches = make(), shown = [];
    for (let from = 0; from < 120; from += 10) shown.push(...batches.slice(from, from + 10));
    assert.deepEqual(shown, all.slice(0, 120), c.name + ": ten at a time");
    // Eight, then further on, then back to the start for more.
    const jumps = make();
    assert.deepEqual(jumps.slice(0, 8), all.slice(0, 8), c.name + ": the first eight");
    assert.deepEqual(jumps.slice(2500, 2510), all.slice(2500, 2510), c.name + ": far on");
    assert.deepEqual(jumps.slice(0, 300), all.slice(0, 300), c.name + ": more of the start");
    assert.deepEqual(jumps.slice(held.size - 5, held.size + 5), all.slice(held.size - 5), c.name + ": past the end");
  }
});

test("byScore: highest score first, index order among equals", () => {
  const score = [5, 1, 5, 3, 1, 0, 7, 3];
  assert.deepEqual(search.byScore([0, 1, 2, 3, 4, 5, 6, 7], score), [6, 0, 2, 3, 7, 1, 4, 5]);
  assert.deepEqual(search.byScore([1, 4, 7], score), [7, 1, 4]);
  assert.deepEqual(search.byScore([], score), []);
  // The same order as sorting with the whole comparison, on many ties.
  const many = Array.from({ length: 500 }, (_, i) => (i * 7919) % 13 / 4);
  const docs = many.map((_, i) => i);
  assert.deepEqual(search.byScore(docs, many), docs.slice().sort((x, y) => many[y] - many[x] || x - y));
});
