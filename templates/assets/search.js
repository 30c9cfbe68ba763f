/* joinedup search. A plain script: the index is a set of script files that
   call joinedupSearch.add(name, data) when they load, so search works from
   file:// as well as over HTTP. The build puts the Porter2 stemmer
   (window.joinedupStem) in front of this file; the Go indexer uses the same
   algorithm, so words and queries are stemmed alike.

   Two components: the search box in every page's header (data-module=
   "search") and the results page (data-module="search-results"). The
   matching and ranking are plain functions, which Node's test runner loads
   with the stemmer from vendor/ (search.test.js). */
(function () {
  "use strict";

  var isNode = typeof module === "object" && module.exports;
  var porter2 = isNode ? require("./vendor/wink-porter2-stemmer.js") : window.joinedupStem;

  /* Only words of the letters a to z are stemmed, here and in the Go
     indexer: the stemmer is for English words, and numbers ("2014") and
     other alphabets are kept as they are. */
  function stem(word) { return /[^a-z]/.test(word) ? word : porter2(word); }

  /* The tokeniser. The Go indexer's (package search, tokenize.go) follows
     the same rule, and both are tested against the same vectors
     (generator/internal/search/testdata/tokens.json): a token is a run of
     letters and decimal digits, each lowercased on its own; apostrophes
     and combining marks join and are dropped; the accented Latin letters
     of foldGroups become plain; a dot between single letters joins them
     ("U.K." is "uk"), and so does a comma between a digit and exactly
     three digits ("10,000" is "10000"); anything else ends a token. */
  var foldGroups = "a=\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u0101\u0103\u0105 ae=\u00e6 c=\u00e7\u0107\u0109\u010b\u010d " +
    "d=\u010f\u0111\u00f0 e=\u00e8\u00e9\u00ea\u00eb\u0113\u0115\u0117\u0119\u011b g=\u011d\u011f\u0121\u0123 h=\u0125\u0127 " +
    "i=\u00ec\u00ed\u00ee\u00ef\u0129\u012b\u012d\u012f\u0131 j=\u0135 k=\u0137 l=\u013a\u013c\u013e\u0140\u0142 " +
    "n=\u00f1\u0144\u0146\u0148\u0149 o=\u00f2\u00f3\u00f4\u00f5\u00f6\u00f8\u014d\u014f\u0151 oe=\u0153 r=\u0155\u0157\u0159 " +
    "s=\u015b\u015d\u015f\u0161 ss=\u00df t=\u0163\u0165\u0167 th=\u00fe u=\u00f9\u00fa\u00fb\u00fc\u0169\u016b\u016d\u016f\u0171\u0173 " +
    "w=\u0175 y=\u00fd\u00ff\u0177 z=\u017a\u017c\u017e";
  var fold = {};
  foldGroups.split(" ").forEach(function (g) {
    var parts = g.split("=");
    Array.from(parts[1]).forEach(function (c) { fold[c] = parts[0]; });
  });
  var isLetter = /^\p{L}$/u, isDigit = /^\p{Nd}$/u, isMark = /^\p{M}$/u;
  var apostrophes = "'\u2019\u2018\u02bc";

  /* lower lowercases one character as Go's unicode.ToLower does: where
     JavaScript's full mapping gives more than one ("\u0130" gives "i" and
     a combining dot), the first. */
  function lower(c) {
    var l = c.toLowerCase();
    if (l.length > c.length) l = String.fromCodePoint(l.codePointAt(0));
    return l;
  }

  /* singleLetterNext: text at i is one letter (with any combining marks)
     not followed by another letter or digit, the "K" of "U.K.". */
  function singleLetterNext(text, i) {
    if (i >= text.length) return false;
    var c = String.fromCodePoint(text.codePointAt(i));
    if (!isLetter.test(c)) return false;
    for (i += c.length; i < text.length; i += c.length) {
      c = String.fromCodePoint(text.codePointAt(i));
      if (!isMark.test(c)) return !isLetter.test(c) && !isDigit.test(c);
    }
    return true;
  }

  /* tokenSpans lists text's tokens, each with where it starts and ends in
     text (from its first letter or digit to its last), for marking the
     words of an excerpt. */
  function tokenSpans(text) {
    var out = [], buf = "", start = 0, end = 0, seg = 0, letter = false;
    function flush() {
      if (buf) out.push({ token: buf, start: start, end: end });
      buf = ""; seg = 0; letter = false;
    }
    for (var i = 0; i < text.length;) {
      var c = String.fromCodePoint(text.codePointAt(i)), next = i + c.length, l = lower(c);
      if (apostrophes.indexOf(l) >= 0 || isMark.test(l)) {
        /* joins */
      } else if (c === "." && seg === 1 && letter && singleLetterNext(text, next)) {
        seg = 0;
      } else if (c === "," && /[0-9]$/.test(buf) && /^[0-9]{3}(?![0-9])/.test(text.slice(next, next + 4))) {
        /* joins */
      } else if (isLetter.test(l) || isDigit.test(l)) {
        if (!buf) start = i;
        letter = isLetter.test(l);
        buf += letter && fold[l] ? fold[l] : l;
        seg++;
        end = next;
      } else {
        flush();
      }
      i = next;
    }
    flush();
    return out;
  }

  /* tokens lists text's tokens. */
  function tokens(text) { return tokenSpans(text).map(function (t) { return t.token; }); }

  /* distance is the optimal string alignment distance: a swap of two
     neighbouring letters counts as one typo. Past limit it stops counting
     and gives limit + 1. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = [], prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        if (v < best) best = v;
      }
      if (best > limit) return limit + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  /* shardKey is the vocabulary shard a term is in: its first letter, or
     "0" for anything else. */
  function shardKey(term) {
    var c = term.charAt(0);
    return c >= "a" && c <= "z" ? c : "0";
  }

  /* A term's postings are {docs: [doc, ...], scores: [score, ...]}, and
     with its tail, tail: [doc, ...] at tailScore each. A
     query word's scores, joined from its terms', are a score for each of
     the index's n documents: a Float64Array of n, -1 where a document
     does not hold the word (noScores). Not objects or Maps keyed by
     document: a common word's tail puts tens of thousands of documents
     in one, and walking those took most of a keystroke's time at 10,000
     pages. */
  function noScores(n) {
    var s = new Float64Array(n);
    s.fill(-1);
    return s;
  }

  /* decodePostings turns a term's postings, stored as [gap, score, gap,
     score, ...] with each document number the gap from the one before,
     into {docs, scores}. */
  function decodePostings(flat) {
    var out = { docs: [], scores: [] }, doc = 0;
    for (var i = 0; i < flat.length; i += 2) {
      doc += flat[i];
      out.docs.push(doc);
      out.scores.push(flat[i + 1]);
    }
    return out;
  }

  /* decodeTail lists the documents of a term's tail (see the Go package's
     files.go): a list of gaps, or a base64 bitmap of every document, bit
     i of byte i/8 for document i, lowest bit first. */
  function decodeTail(enc) {
    var out = [], i, doc = 0;
    if (typeof enc !== "string") {
      for (i = 0; i < enc.length; i++) { doc += enc[i]; out.push(doc); }
      return out;
    }
    var bytes = atob(enc);
    for (i = 0; i < bytes.length; i++) {
      var byte = bytes.charCodeAt(i);
      for (var bit = 0; byte && bit < 8; bit++, byte >>= 1) if (byte & 1) out.push(i * 8 + bit);
    }
    return out;
  }

  /* matchTerms finds the index terms in one letter's vocabulary ({term:
     [df, shard, ...]}) that a query word stands for, each with a weight
     (exact matches count most):
     - its stem (1);
     - stems of the same word that Porter2 cuts differently
       ("disagreeing" is "disagre", "disagreement" "disagr"): one a start
       of the other, six letters or more, at most two apart (0.9);
     - the words it starts (0.8), when prefix is "always" (the last word
       while typing) or "else" and nothing above matched; three letters
       at least, so "OT" never matches inside "other";
     - words one or two typos away, when nothing else matched. */
  function matchTerms(vocab, word, prefix) {
    var s = stem(word), found = [], t, i;
    if (vocab[s]) found.push({ term: s, weight: 1, entry: vocab[s] });
    for (t in vocab) {
      if (t === s) continue;
      var short = t.length < s.length ? t : s, long = short === t ? s : t;
      if (short.length >= 6 && long.length - short.length <= 2 && long.indexOf(short) === 0) found.push({ term: t, weight: 0.9, entry: vocab[t] });
    }
    if ((prefix === "always" || (prefix === "else" && !found.length)) && word.length >= 3) {
      var starts = [];
      for (t in vocab) {
        if (t !== s && (t.indexOf(word) === 0 || t.indexOf(s) === 0) && !found.some(function (f) { return f.term === t; })) starts.push(t);
      }
      starts.sort(function (a, b) { return vocab[b][0] - vocab[a][0] || (a < b ? -1 : 1); });
      for (i = 0; i < starts.length && i < 10; i++) found.push({ term: starts[i], weight: 0.8, entry: vocab[starts[i]] });
    }
    if (!found.length && word.length >= 4) {
      var limit = word.length >= 8 ? 2 : 1, near = [];
      /* Compare stems, and also each stem with the same length of the
         typed word: a typo can change how a word stems ("escalaton"
         keeps its ending, "escalation" stems to "escal"). */
      for (t in vocab) {
        var d = distance(s, t, limit);
        if (d > limit && t.length >= 4 && t.length >= word.length - 4) d = distance(t, word.slice(0, t.length), limit);
        if (d <= limit) near.push({ term: t, d: d });
      }
      near.sort(function (a, b) { return a.d - b.d || vocab[b.term][0] - vocab[a.term][0] || (a.term < b.term ? -1 : 1); });
      for (i = 0; i < near.length && i < 5; i++) found.push({ term: near[i].term, weight: near[i].d === 0 ? 0.7 : near[i].d === 1 ? 0.6 : 0.45, entry: vocab[near[i].term] });
    }
    return found;
  }

  /* bestScores joins the postings of a word's weighted terms into scores
     for n documents, keeping each document's best weighted score. */
  function bestScores(lists, terms, n) {
    var best = noScores(n), k;
    for (var i = 0; i < lists.length; i++) {
      var docs = lists[i].docs, scores = lists[i].scores, weight = terms[i].weight;
      for (k = 0; k < docs.length; k++) {
        if (scores[k] * weight > best[docs[k]]) best[docs[k]] = scores[k] * weight;
      }
      var tail = lists[i].tail || [], s = lists[i].tailScore * weight;
      for (k = 0; k < tail.length; k++) if (s > best[tail[k]]) best[tail[k]] = s;
    }
    return best;
  }

  /* allWordScores scores a synonym expansion for n documents from the
     postings of each of its words: only documents with every word count,
     at weight times their mean score. */
  function allWordScores(lists, weight, n) {
    var out = noScores(n), count = new Uint8Array(n), total = new Float64Array(n), i, k;
    for (i = 0; i < lists.length; i++) {
      for (k = 0; k < lists[i].docs.length; k++) {
        count[lists[i].docs[k]]++;
        total[lists[i].docs[k]] += lists[i].scores[k];
      }
      var tail = lists[i].tail || [];
      for (k = 0; k < tail.length; k++) {
        count[tail[k]]++;
        total[tail[k]] += lists[i].tailScore;
      }
    }
    for (var d = 0; lists.length && d < n; d++) {
      if (count[d] === lists.length) out[d] = weight * total[d] / lists.length;
    }
    return out;
  }

  /* synonymSpans finds the runs of query stems (from, to: a slice) that
     the index's synonyms ({"stem stem": [[stem, ...], ...]}) expand, each
     with the stems of one alternative and its weight: 0.9 for synonyms (an
     abbreviation and its words), 0.6 for related words. */
  function synonymSpans(stems, synonyms, related) {
    var spans = [];
    [[synonyms || {}, 0.9], [related || {}, 0.6]].forEach(function (set) {
      for (var a = 0; a < stems.length; a++) {
        for (var b = stems.length; b > a; b--) {
          var alts = set[0][stems.slice(a, b).join(" ")];
          if (!alts) continue;
          for (var k = 0; k < alts.length; k++) spans.push({ from: a, to: b, stems: alts[k], weight: set[1] });
        }
      }
    });
    return spans;
  }

  /* named finds the records the query names: a run of its stems, or a
     synonym of one (not a related word), that is a record's name or
     abbreviation in names ({"stem stem": [doc, ...]}). It returns {docs:
     {doc: words of the longest run naming it}, context: [bool per word],
     whole: whether a name is the whole query}. When a name of someone to
     work with (in who, a list of names) is only part of the query, its
     words are context: "disagreeing with a social worker" is about
     disagreeing, and rank counts the other words first. */
  function named(stems, spans, names, who) {
    var docs = {}, covered = [], runs = [], a, b, k;
    function name(key, from, to) {
      var list = names[key];
      if (!list) return;
      for (var i = 0; i < list.length; i++) docs[list[i]] = Math.max(docs[list[i]] || 0, to - from);
      runs.push([from, to, (who || []).indexOf(key) >= 0]);
    }
    for (a = 0; a < stems.length; a++) {
      for (b = stems.length; b > a; b--) name(stems.slice(a, b).join(" "), a, b);
    }
    for (k = 0; k < spans.length; k++) {
      if (spans[k].weight >= 0.9) name(spans[k].stems.join(" "), spans[k].from, spans[k].to);
    }
    var whole = runs.some(function (r) { return r[0] === 0 && r[1] === stems.length; });
    runs.forEach(function (r) { for (var w = r[0]; r[2] && w < r[1]; w++) covered[w] = true; });
    var context = stems.map(function (s, w) { return !whole && !!covered[w]; });
    return { docs: docs, context: context, whole: whole };
  }

  /* rank orders documents from each query word's scores, after a
     synonym's scores are added to every word it covers:
     1. by how many of the query's words they hold, not counting context
        words (see named), which add only a little to the score;
     2. records the query names first, in index order (a role's own entry
        comes before its glossary term's, as the guidance comes first);
     3. by total score, then in index order.
     It returns a Ranking, and changes perWord. */
  function rank(perWord, spans, spanScores, names) {
    var w, d, doc, context = (names && names.context) || [], isNamed = (names && names.docs) || {};
    var n = perWord.length ? perWord[0].length : 0;
    for (var s = 0; s < spans.length; s++) {
      for (w = spans[s].from; w < spans[s].to; w++) {
        for (d = 0; d < n; d++) if (spanScores[s][d] > perWord[w][d]) perWord[w][d] = spanScores[s][d];
      }
    }
    var held = new Uint8Array(n), words = new Uint8Array(n), score = new Float64Array(n);
    for (w = 0; w < perWord.length; w++) {
      var list = perWord[w], counts = context[w] ? 0 : 1, factor = context[w] ? 0.3 : 1;
      for (d = 0; d < n; d++) {
        if (list[d] < 0) continue;
        held[d] = 1;
        words[d] += counts;
        score[d] += list[d] * factor;
      }
    }
    /* A named record outside its words' best postings still counts. */
    for (doc in isNamed) {
      if (!held[+doc]) { held[+doc] = 1; words[+doc] = names.whole ? isNamed[doc] : 0; }
    }
    return new Ranking(held, words, score, isNamed);
  }

  /* Ranking is rank's order, worked out only as far as it is read. A
     query of three common words at 10,000 pages holds about 50,000
     documents, and a keystroke shows eight of them: ordering them all
     (and making an object for each) took most of its time. So documents
     are only grouped here, by how many words they hold and whether the
     query names them (key: 2 * words + 1 if named; -1 where a document
     holds nothing), and counted; slice orders a group only as far as it
     is read, and keeps what it ordered for "Show more". length is every
     document that holds a word. */
  function Ranking(held, words, score, isNamed) {
    var n = held.length, key = new Int16Array(n);
    this.sizes = [];
    this.length = 0;
    for (var d = 0; d < n; d++) {
      if (!held[d]) { key[d] = -1; continue; }
      var k = key[d] = 2 * words[d] + (isNamed[d] ? 1 : 0);
      this.sizes[k] = (this.sizes[k] || 0) + 1;
      this.length++;
    }
    this.key = key;
    this.words = words;
    this.score = score;
    this.ordered = [];
  }

  /* slice lists the ranked documents from place from up to (not
     including) to, each {doc, words, named, score}, as an array's slice
     would: groups with more words first, named before not, and the
     group's own order within. */
  Ranking.prototype.slice = function (from, to) {
    from = Math.max(from || 0, 0);
    to = to === undefined ? this.length : Math.min(to, this.length);
    var out = [], off = 0;
    for (var g = this.sizes.length - 1; g >= 0 && off < to; g--) {
      var size = this.sizes[g] || 0;
      if (off + size > from) {
        var end = Math.min(to - off, size), docs = this.group(g, end);
        for (var i = Math.max(from - off, 0); i < end; i++) {
          out.push({ doc: docs[i], words: this.words[docs[i]], named: g & 1, score: this.score[docs[i]] });
        }
      }
      off += size;
    }
    return out;
  };

  /* group lists group g's documents in order, at least its first count
     (it keeps them, and orders at least twice as many as last time, so
     that "Show more" again and again costs little). A named group is in
     index order; any other is by score (topByScore for a few of a large
     group, byScore for the rest). */
  Ranking.prototype.group = function (g, count) {
    var have = this.ordered[g];
    if (have && have.length >= count) return have;
    var size = this.sizes[g], want = Math.min(size, Math.max(count, 2 * (have ? have.length : 0), 16));
    var docs;
    if (g & 1) docs = members(this.key, g, want);
    else if (want * 8 < size) docs = topByScore(this.key, g, this.score, want);
    else docs = byScore(members(this.key, g, size), this.score);
    this.ordered[g] = docs;
    return docs;
  };

  /* members lists the first count documents (in index order) whose key
     is g. */
  function members(key, g, count) {
    var out = [];
    for (var d = 0; d < key.length && out.length < count; d++) if (key[d] === g) out.push(d);
    return out;
  }

  /* topByScore lists the count best documents whose key is g, in
     byScore's order (highest score first, index order among equals),
     keeping the best seen in a heap of count whose top is the worst of
     them, so that it never orders the rest. */
  function topByScore(key, g, score, count) {
    var heap = new Int32Array(count), size = 0, d, i, j, c;
    /* below: document a ranks below document b. */
    function below(a, b) { return score[a] < score[b] || (score[a] === score[b] && a > b); }
    for (d = 0; d < key.length; d++) {
      if (key[d] !== g) continue;
      if (size < count) {
        for (i = size++; i > 0 && below(d, heap[j = (i - 1) >> 1]); i = j) heap[i] = heap[j];
        heap[i] = d;
      } else if (below(heap[0], d)) {
        for (i = 0; (c = 2 * i + 1) < size; i = c) {
          if (c + 1 < size && below(heap[c + 1], heap[c])) c++;
          if (!below(heap[c], d)) break;
          heap[i] = heap[c];
        }
        heap[i] = d;
      }
    }
    return Array.prototype.slice.call(heap, 0, size).sort(function (a, b) { return below(a, b) ? 1 : -1; });
  }

  /* byScore orders documents (in index order) by score, highest first,
     keeping index order among equal scores. It sorts the scores alone
     (a typed array's own sort, with no comparison function to call) and
     places each document by its score's place among them: with common
     words' tails a group can hold tens of thousands of documents. */
  function byScore(docs, score) {
    var n = docs.length, values = new Float64Array(n), i, u = 0;
    for (i = 0; i < n; i++) values[i] = score[docs[i]];
    values.sort();
    for (i = 0; i < n; i++) if (u === 0 || values[i] !== values[u - 1]) values[u++] = values[i];
    var slot = new Int32Array(n), start = new Int32Array(u + 1);
    for (i = 0; i < n; i++) {
      var lo = 0, hi = u - 1, s = score[docs[i]];
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (values[mid] < s) lo = mid + 1; else hi = mid;
      }
      slot[i] = u - 1 - lo;
      start[slot[i] + 1]++;
    }
    for (i = 1; i <= u; i++) start[i] += start[i - 1];
    var out = new Array(n);
    for (i = 0; i < n; i++) out[start[slot[i]]++] = docs[i];
    return out;
  }

  /* filler are words that say how a question is asked, not what it is
     about ("what does MDT mean"), left out of a query that has other
     words. They are not stop words: "means-testing" is a term. */
  var filler = ["mean", "means", "meaning", "stand", "stands", "define", "definition"];

  /* bestBets lists the best bets ({phrases: [[stem, ...]], title, url,
     text}) whose phrase's stems are all among the query's stems. */
  function bestBets(stems, bets) {
    return (bets || []).filter(function (b) {
      return b.phrases.some(function (p) {
        return p.every(function (s) { return stems.indexOf(s) >= 0; });
      });
    });
  }

  /* capPerPage keeps results ({doc: {page, ...}, ...}) up to limit, at
     most three from any one page (counted in perPage, which it updates),
     so one long page does not fill a short list. It returns how many of
     items it looked at. */
  function capPerPage(items, limit, perPage, out) {
    var i;
    for (i = 0; i < items.length && out.length < limit; i++) {
      var page = items[i].doc.page;
      var n = perPage[page] = (perPage[page] || 0) + 1;
      if (n <= 3) out.push(items[i]);
    }
    return i;
  }

  /* marks splits text into the parts to show plain and the parts to mark:
     words whose stem the query matched, and words that start with a typed
     word of three letters or more. An abbreviation the query used, written
     in capitals, is followed by what it stands for (abbr: {token:
     words}), unless the text spells it out beside it already. It returns
     [{text, mark}]. */
  function marks(text, words, stems, abbr) {
    var last = 0, out = [];
    tokenSpans(text).forEach(function (t) {
      var hit = stems.indexOf(stem(t.token)) >= 0 || words.some(function (w) { return w.length >= 3 && t.token.indexOf(w) === 0; });
      if (!hit) return;
      out.push({ text: text.slice(last, t.start), mark: false });
      out.push({ text: text.slice(t.start, t.end), mark: true });
      last = t.end;
      var means = abbr && abbr[t.token], written = text.slice(t.start, t.end);
      if (means && words.indexOf(t.token) >= 0 && written === written.toUpperCase() && !/\($/.test(text.slice(0, t.start)) && !/^\s*\(/.test(text.slice(t.end))) {
        out.push({ text: " (" + means + ")", mark: false });
      }
    });
    out.push({ text: text.slice(last), mark: false });
    return out.filter(function (p) { return p.text !== ""; });
  }

  /* titleHolds reports whether a title holds every query word: its stem,
     or a term the query matched (a typo's correction). */
  function titleHolds(title, words, stems) {
    var have = tokens(title).map(stem);
    return words.every(function (w) {
      return have.indexOf(stem(w)) >= 0 || have.some(function (t) { return stems.indexOf(t) >= 0 && w.charAt(0) === t.charAt(0); });
    });
  }

  /* deepen reorders results ({doc, rank}) so that each opens where its
     words are: where a page itself ({heading: ""}) comes before one of
     its sections or records that holds as many of the query's words, and
     the page's title does not hold them all, the section takes the
     page's place and the page follows it. */
  function deepen(items, words, stems) {
    for (var i = 0; i < items.length; i++) {
      var it = items[i];
      if (it.doc.heading || titleHolds(it.doc.title, words, stems)) continue;
      for (var j = i + 1; j < items.length; j++) {
        var jt = items[j];
        if (jt.doc.page === it.doc.page && jt.doc.heading && jt.rank.words === it.rank.words) {
          items.splice(j, 1);
          items.splice(i, 0, jt);
          i++;
          break;
        }
      }
    }
    return items;
  }

  /* label is a result's title: the section's heading or the record's
     name, then the page's title. */
  function label(doc) { return doc.heading ? doc.heading + " \u2014 " + doc.title : doc.title; }

  /* makeDoc turns an index entry ([page, heading, anchor, text]) and its
     page ([title, url]) into a result. */
  function makeDoc(d, page) {
    return { page: d[0], title: page[0], heading: d[1], url: page[1] + (d[2] ? "#" + d[2] : ""), text: d[3] };
  }

  /* Engine answers queries from an index it reads through load(name),
     which resolves with the data of search/NAME.js. It hides whether the
     site has one file or shards, and keeps what it has read. */
  function Engine(load) {
    this.load = load;
    this.index = null;
    this.tails = {};
  }

  Engine.prototype.manifest = function () {
    if (!this.index) this.index = this.load("index");
    return this.index;
  };

  /* vocabulary resolves with {term: [df, shard, ...]} for one shard key. */
  Engine.prototype.vocabulary = function (m, key) {
    if (m.mode === "single") {
      if (!m.vocab) {
        m.vocab = {};
        for (var t in m.postings) {
          if (!Object.prototype.hasOwnProperty.call(m.postings, t)) continue;
          var k = shardKey(t);
          (m.vocab[k] || (m.vocab[k] = {}))[t] = [m.postings[t].length / 2, -1];
        }
      }
      return Promise.resolve(m.vocab[key] || {});
    }
    if (m.letters.indexOf(key) < 0) return Promise.resolve({});
    return this.load("v-" + key);
  };

  /* termScores resolves with the postings ({docs, scores}) of a term;
     with full, its tail too (every other document that holds it, at the
     tail's score). */
  Engine.prototype.termScores = function (m, term, entry, full) {
    var engine = this;
    var p = m.mode === "single" ? Promise.resolve(m.postings) : this.load("p-" + entry[1]);
    return p.then(function (shard) {
      var postings = decodePostings(shard[term] || []);
      if (!full || entry.length < 4) return postings;
      var key = entry[2] + " " + term;
      var tail = engine.tails[key] || (engine.tails[key] = engine.load("t-" + entry[2]).then(function (t) { return decodeTail(t[term] || []); }));
      /* A tail holds the term's other documents, none of them among its
         postings. */
      return tail.then(function (docs) {
        postings.tail = docs;
        postings.tailScore = entry[3];
        return postings;
      });
    });
  };

  Engine.prototype.documentAt = function (m, i) {
    if (m.mode === "single") return Promise.resolve(makeDoc(m.docs[i], m.pages[m.docs[i][0]]));
    return this.load("d-" + Math.floor(i / m.docsPerShard)).then(function (shard) {
      var d = shard.docs[i % m.docsPerShard];
      return makeDoc(d, shard.pages[d[0]]);
    });
  };

  /* wordScores resolves with the scores of one query word. matched
     collects every index term the query reached, for highlighting. */
  Engine.prototype.wordScores = function (m, word, prefix, full, matched) {
    var engine = this;
    return this.vocabulary(m, shardKey(stem(word))).then(function (vocab) {
      var terms = matchTerms(vocab, word, prefix);
      for (var k = 0; k < terms.length; k++) matched[terms[k].term] = true;
      return Promise.all(terms.map(function (t) { return engine.termScores(m, t.term, t.entry, full && t.weight >= 0.9); })).then(function (lists) {
        return bestScores(lists, terms, m.docCount);
      });
    });
  };

  /* spanScores resolves with the scores of a synonym's stems. */
  Engine.prototype.spanScores = function (m, span, full, matched) {
    var engine = this, stems = span.stems;
    for (var k = 0; k < stems.length; k++) matched[stems[k]] = true;
    return Promise.all(stems.map(function (s) {
      return engine.vocabulary(m, shardKey(s)).then(function (vocab) {
        return vocab[s] ? engine.termScores(m, s, vocab[s], full) : { docs: [], scores: [] };
      });
    })).then(function (lists) { return allWordScores(lists, span.weight, m.docCount); });
  };

  /* search ranks the documents for a query. opts.typing: the last word
     may be unfinished, so it also matches the words it starts; without
     it, the last word matches the words it starts only if it matches
     nothing as it is. opts.full: every document that holds a word counts
     (the tails of common words load); without it, a single-word query
     reads only each word's best documents. It resolves with {ranked,
     words, stems, bets, abbr}; ranked is a Ranking: its length, and
     slice for {doc, words, named, score} in order. */
  Engine.prototype.search = function (query, opts) {
    var engine = this;
    opts = opts || {};
    return this.manifest().then(function (m) {
      var stop = {};
      for (var i = 0; i < m.stop.length; i++) stop[m.stop[i]] = true;
      var words = tokens(query).filter(function (w) { return !stop[w]; });
      var content = words.filter(function (w) { return filler.indexOf(w) < 0; });
      if (content.length) words = content;
      if (!words.length) return { ranked: rank([], [], []), words: words, stems: [], bets: [], abbr: m.abbr || {} };
      var stems = words.map(stem), matched = {};
      var spans = synonymSpans(stems, m.synonyms, m.related);
      var full = opts.full || words.length > 1 || spans.length > 0;
      return Promise.all([
        Promise.all(words.map(function (w, i) {
          var last = i === words.length - 1;
          return engine.wordScores(m, w, last ? (opts.typing ? "always" : "else") : "never", full, matched);
        })),
        Promise.all(spans.map(function (s) { return engine.spanScores(m, s, full, matched); }))
      ]).then(function (r) {
        return {
          ranked: rank(r[0], spans, r[1], named(stems, spans, m.names || {}, m.who)),
          words: words, stems: Object.keys(matched).concat(stems), bets: bestBets(stems, m.bets), abbr: m.abbr || {}
        };
      });
    });
  };

  /* documents resolves with the results for ranked documents from index
     from on, up to count of them, at most three a page when perPage (a
     {page: count} it updates) is given, and the index to go on from.
     Within what it loads, a section that holds the words comes before
     its page (see deepen); found is what search resolved with. */
  Engine.prototype.documents = function (found, from, count, perPage) {
    var engine = this, ranked = found.ranked, out = [];
    function more(i) {
      if (out.length >= count || i >= ranked.length) return Promise.resolve(i);
      return engine.manifest().then(function (m) {
        var batch = ranked.slice(i, i + count - out.length);
        return Promise.all(batch.map(function (t) { return engine.documentAt(m, t.doc); })).then(function (docs) {
          var items = docs.map(function (d, k) { return { doc: d, rank: batch[k] }; });
          if (!perPage) { out = out.concat(items); return more(i + docs.length); }
          return more(i + capPerPage(items, count, perPage, out));
        });
      });
    }
    return more(from).then(function (next) {
      var items = deepen(out, found.words, found.stems);
      return { results: items.map(function (it) { return it.doc; }), next: next };
    });
  };

  /* run searches for a query and resolves with the first limit results,
     at most three a page: {results, words, stems, bets, abbr, total}. */
  Engine.prototype.run = function (query, limit, opts) {
    var engine = this;
    return this.search(query, opts).then(function (r) {
      return engine.documents(r, 0, limit, {}).then(function (d) {
        r.results = d.results;
        r.total = r.ranked.length;
        return r;
      });
    });
  };

  if (isNode) {
    module.exports = {
      stem: stem, tokens: tokens, tokenSpans: tokenSpans, distance: distance, shardKey: shardKey,
      decodePostings: decodePostings, decodeTail: decodeTail, matchTerms: matchTerms, bestScores: bestScores,
      allWordScores: allWordScores, synonymSpans: synonymSpans, named: named, rank: rank, bestBets: bestBets,
      byScore: byScore, capPerPage: capPerPage, titleHolds: titleHolds, deepen: deepen, marks: marks, label: label, makeDoc: makeDoc, Engine: Engine
    };
    return;
  }

  /* ---- In the page from here on. ---- */

  var joinedup = window.joinedup;
  var el = joinedup.el;
  var registry = {};
  var waiting = {};

  window.joinedupSearch = {
    add: function (name, data) {
      registry[name] = data;
      var cbs = waiting[name];
      delete waiting[name];
      if (cbs) for (var i = 0; i < cbs.length; i++) cbs[i].resolve(data);
    }
  };

  var script = document.currentScript || document.querySelector('script[src$="assets/search.js"]');
  var root = script ? script.src.replace(/assets\/search\.js(?:[?#].*)?$/, "") : "";

  /* load adds <script src="search/NAME.js"> once and resolves with its data. */
  function load(name) {
    if (registry[name]) return Promise.resolve(registry[name]);
    return new Promise(function (resolve, reject) {
      if (waiting[name]) { waiting[name].push({ resolve: resolve, reject: reject }); return; }
      waiting[name] = [{ resolve: resolve, reject: reject }];
      var tag = document.createElement("script");
      tag.src = root + "search/" + name + ".js";
      tag.async = true;
      tag.onerror = function () {
        var cbs = waiting[name] || [];
        delete waiting[name];
        for (var i = 0; i < cbs.length; i++) cbs[i].reject(new Error("could not load search/" + name + ".js"));
      };
      document.head.appendChild(tag);
    });
  }

  var engine = new Engine(load);

  /* highlighted is an element holding text with the query's words
     marked and its abbreviations spelt out. */
  function highlighted(tag, attrs, text, found) {
    return el(tag, attrs, marks(text, found.words, found.stems, found.abbr).map(function (part) {
      return part.mark ? el("mark", null, part.text) : part.text;
    }));
  }

  /* SearchBox: the header's search form shows results as you type, in a
     listbox the arrow keys move through (the ARIA combobox pattern). The
     best bets for the words come first. */
  function SearchBox(form) {
    var box = this;
    this.form = form;
    this.input = joinedup.required(form, "input[type=search]", SearchBox.moduleName, "the search box");
    this.list = el("ul", { id: "search-suggestions", class: "search-suggestions", role: "listbox", "aria-label": "Search results", hidden: true });
    this.status = el("div", { class: "visually-hidden", role: "status", "aria-live": "polite" });
    this.active = -1;
    this.options = [];
    this.seq = 0;
    this.announce = 0;
    form.appendChild(this.list);
    form.appendChild(this.status);
    var input = this.input;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.list.id);

    /* Enter on a chosen suggestion goes there, however the browser
       delivers the key (a cancelled keydown does not always stop the
       form's own submission). */
    form.addEventListener("submit", function (ev) {
      if (box.go()) ev.preventDefault();
    });
    input.addEventListener("input", function () { box.show(input.value); });
    input.addEventListener("focus", function () { engine.manifest(); });
    input.addEventListener("blur", function () { setTimeout(function () { box.close(); }, 150); });
    input.addEventListener("keydown", function (ev) { box.key(ev); });
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      var t = ev.target, tag = t && t.tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
      ev.preventDefault();
      input.focus();
    });
  }
  SearchBox.moduleName = "search";

  SearchBox.prototype.close = function () {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  };

  SearchBox.prototype.move = function (to) {
    var options = this.options;
    if (!options.length) return;
    if (this.active >= 0) options[this.active].setAttribute("aria-selected", "false");
    this.active = (to + options.length) % options.length;
    options[this.active].setAttribute("aria-selected", "true");
    this.input.setAttribute("aria-activedescendant", options[this.active].id);
    options[this.active].scrollIntoView({ block: "nearest" });
  };

  /* go follows the chosen suggestion, if the list shows one. */
  SearchBox.prototype.go = function () {
    if (this.list.hidden || this.active < 0) return false;
    window.location.href = this.options[this.active].getAttribute("data-href");
    return true;
  };

  SearchBox.prototype.key = function (ev) {
    var list = this.list;
    if (ev.key === "ArrowDown") {
      if (list.hidden && this.input.value) this.show(this.input.value);
      else this.move(this.active + 1);
      ev.preventDefault();
    } else if (ev.key === "ArrowUp") {
      if (!list.hidden) { this.move(this.active - 1); ev.preventDefault(); }
    } else if (ev.key === "Enter") {
      if (this.go()) ev.preventDefault();
    } else if (ev.key === "Escape") {
      if (!list.hidden) { this.close(); ev.preventDefault(); }
    }
  };

  /* option is one entry of the list, which goes to href when chosen. */
  function option(id, className, href, content) {
    var li = el("li", { id: id, class: className, role: "option", "aria-selected": "false", "data-href": href }, content);
    li.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
    li.addEventListener("click", function () { window.location.href = li.getAttribute("data-href"); });
    return li;
  }

  SearchBox.prototype.show = function (query) {
    var box = this, mine = ++this.seq;
    if (!tokens(query).length) { this.close(); this.status.textContent = ""; return; }
    engine.run(query, 8, { typing: !/\s$/.test(query) }).then(function (r) {
      if (mine !== box.seq) return;
      box.fill(query, r);
    }, function () {
      box.status.textContent = "Search is not available";
    });
  };

  /* fill lists a query's best bets and results, then "See all results". */
  SearchBox.prototype.fill = function (query, r) {
    var box = this, list = this.list, q = query.trim();
    list.textContent = "";
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    this.options = r.bets.map(function (bet, i) {
      return option("search-bet-" + i, "search-suggestions__option search-suggestions__option--bet", root + bet.url, [
        el("span", { class: "search-suggestions__tag" }, "Recommended"),
        el("span", { class: "search-suggestions__title" }, bet.title),
        bet.text ? el("span", { class: "search-suggestions__text" }, bet.text) : null
      ]);
    }).concat(r.results.map(function (doc, i) {
      return option("search-option-" + i, "search-suggestions__option", root + doc.url, [
        highlighted("span", { class: "search-suggestions__title" }, label(doc), r),
        highlighted("span", { class: "search-suggestions__text" }, doc.text, r)
      ]);
    }));
    var shown = this.options.length;
    this.options.push(option("search-option-all", "search-suggestions__option search-suggestions__all",
      root + "search/index.html?q=" + encodeURIComponent(q),
      shown ? "See all results for \u2018" + q + "\u2019" : "No pages match \u2018" + q + "\u2019. Search anyway"));
    this.options.forEach(function (li) { list.appendChild(li); });
    list.setAttribute("data-query", query);
    list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    clearTimeout(this.announce);
    this.announce = setTimeout(function () {
      box.status.textContent = shown ? joinedup.quantity(shown, "result", "results") + " shown, use the up and down arrow keys to choose" : "No results";
    }, 400);
  };

  /* SearchResults: the results page, search/index.html?q=words, shows
     the best bets, then the count and the results ten at a time. Without
     JavaScript, with no words or with no results, the page's list of
     what to browse (#search-browse) stays in view. */
  function SearchResults(container) {
    var query = new URLSearchParams(window.location.search).get("q") || "";
    var input = document.getElementById("search-page-input");
    this.container = container;
    this.status = joinedup.required(document, "#search-status", SearchResults.moduleName, "the status line");
    /* Both openings are in the page, one for each case, so that neither
       replaces the other after it has been drawn and moves the page. */
    this.intro = joinedup.required(container, ".search-page__intro--js", SearchResults.moduleName, "the opening paragraph");
    this.browse = container.querySelector("#search-browse");
    this.query = query;
    if (input) input.value = query;
    var header = document.getElementById("search-input");
    if (header) header.value = query;
    if (!query.trim()) return;
    this.intro.textContent = "Searching\u2026";
    if (this.browse) this.browse.hidden = true;
    var page = this;
    engine.search(query, { full: true }).then(function (r) { page.show(r); }, function () {
      page.intro.textContent = "Search could not load its index. Browse the site instead:";
      page.status.textContent = page.intro.textContent;
      if (page.browse) page.browse.hidden = false;
    });
  }
  SearchResults.moduleName = "search-results";
  SearchResults.batch = 10;

  /* show writes the best bets and the count, then the first results. */
  SearchResults.prototype.show = function (r) {
    var q = this.query.trim(), n = r.ranked.length;
    this.found = r;
    this.next = 0;
    var parts = [];
    if (r.bets.length) {
      parts.push(el("div", { class: "search-bets" },
        el("h2", { class: "search-bets__title" }, "Recommended"),
        el("ul", { class: "search-bets__list" }, r.bets.map(function (bet) {
          return el("li", { class: "search-bet" },
            el("a", { class: "search-bet__link", href: root + bet.url }, bet.title),
            bet.text ? el("p", { class: "search-bet__text" }, bet.text) : null);
        }))));
    }
    var text = n ? joinedup.quantity(n, "result", "results") + " for \u2018" + q + "\u2019" : "No results for \u2018" + q + "\u2019";
    this.heading = el("h2", { id: "results-heading", class: "search-page__heading" }, text);
    parts.push(this.heading);
    this.list = el("ol", { class: "result-list" });
    this.more = joinedup.button("Show more results", "button button--secondary search-page__more", this.showMore.bind(this));
    this.more.hidden = true;
    if (n) parts.push(this.list, this.more);
    else parts.push(el("p", null, "Check the spelling, use fewer words, or try a more general word. Or browse the site:"));
    this.intro.textContent = "";
    var c = this.container;
    parts.forEach(function (p) { c.insertBefore(p, c.querySelector("#search-browse")); });
    if (this.browse) this.browse.hidden = n > 0;
    document.title = text + " \u2013 " + document.title;
    this.status.textContent = text;
    if (n) this.showMore(false);
  };

  /* showMore adds the next ten results; when the reader asked for them
     (focus), focus moves to the first new one. */
  SearchResults.prototype.showMore = function (focus) {
    var page = this, r = this.found;
    return engine.documents(r, this.next, SearchResults.batch, null).then(function (d) {
      var first = null;
      d.results.forEach(function (doc) {
        var link = highlighted("a", { class: "result__link", href: root + doc.url }, label(doc), r);
        first = first || link;
        page.list.appendChild(el("li", { class: "result" }, link, highlighted("p", { class: "result__text" }, doc.text, r)));
      });
      page.next = d.next;
      page.more.hidden = d.next >= r.ranked.length;
      if (focus !== false && first) first.focus();
    });
  };

  joinedup.register(SearchBox);
  joinedup.register(SearchResults);
  window.joinedupSearch.engine = engine;
  window.joinedupSearch.run = function (query, limit, opts) { return engine.run(query, limit, opts); };
  window.joinedupSearch.stem = stem;
  window.joinedupSearch.tokens = tokens;
})();
