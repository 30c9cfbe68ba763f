/* joinedup search. A plain script: the index is a set of script files that
   call joinedupSearch.add(name, data) when they load, so search works from
   file:// as well as over HTTP. The build puts the Porter2 stemmer
   (window.joinedupStem) in front of this file; the Go indexer uses the same
   algorithm, so words and queries are stemmed alike. */
(function () {
  "use strict";

  /* Words with digits ("2014", "300") are kept as they are, here and in
     the Go indexer: the stemmer is for English words. */
  function stem(word) { return /[0-9]/.test(word) ? word : window.joinedupStem(word); }
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
      var el = document.createElement("script");
      el.src = root + "search/" + name + ".js";
      el.async = true;
      el.onerror = function () {
        var cbs = waiting[name] || [];
        delete waiting[name];
        for (var i = 0; i < cbs.length; i++) cbs[i].reject(new Error("could not load search/" + name + ".js"));
      };
      document.head.appendChild(el);
    });
  }

  /* Tokens: lowercase runs of letters and digits; apostrophes join words.
     The Go tokeniser (package search) follows the same rule. */
  var accents = { "á": "a", "à": "a", "â": "a", "ä": "a", "ã": "a", "å": "a", "é": "e", "è": "e", "ê": "e", "ë": "e",
    "í": "i", "ì": "i", "î": "i", "ï": "i", "ó": "o", "ò": "o", "ô": "o", "ö": "o", "õ": "o", "ú": "u", "ù": "u",
    "û": "u", "ü": "u", "ç": "c", "ñ": "n" };
  var letter = /[\p{L}\p{N}]/u;
  function tokens(text) {
    var out = [], cur = "";
    var chars = Array.from(text.toLowerCase());
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      if (c === "'" || c === "\u2019" || c === "\u2018") continue;
      if (letter.test(c)) { cur += accents[c] || c; continue; }
      if (cur) { out.push(cur); cur = ""; }
    }
    if (cur) out.push(cur);
    return out;
  }

  /* distance is the optimal string alignment distance: a swap of two
     neighbouring letters counts as one typo. */
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

  function shardKey(term) {
    var c = term.charAt(0);
    return c >= "a" && c <= "z" ? c : "0";
  }

  /* Index access hides whether the site has one file or shards. */
  var index = null;
  function manifest() {
    if (!index) index = load("index");
    return index;
  }

  /* vocabulary(letter) resolves with {term: [df, shard]} for one letter. */
  function vocabulary(m, key) {
    if (m.mode === "single") {
      if (!m.vocab) {
        m.vocab = {};
        for (var t in m.postings) {
          if (Object.prototype.hasOwnProperty.call(m.postings, t)) m.vocab[t] = [m.postings[t].length / 2, -1];
        }
      }
      var v = {};
      for (t in m.vocab) if (shardKey(t) === key) v[t] = m.vocab[t];
      return Promise.resolve(v);
    }
    if (m.letters.indexOf(key) < 0) return Promise.resolve({});
    return load("v-" + key);
  }

  /* postings resolves with a {doc: score} map for a term. */
  function postings(m, term, entry) {
    var p = m.mode === "single" ? Promise.resolve(m.postings) : load("p-" + entry[1]);
    return p.then(function (shard) {
      var flat = shard[term] || [], out = {}, doc = 0;
      for (var i = 0; i < flat.length; i += 2) { doc += flat[i]; out[doc] = flat[i + 1]; }
      return out;
    });
  }

  function documentAt(m, i) {
    if (m.mode === "single") return Promise.resolve(makeDoc(m.docs[i], m.pages[m.docs[i][0]]));
    return load("d-" + Math.floor(i / m.docsPerShard)).then(function (shard) {
      var d = shard.docs[i % m.docsPerShard];
      return makeDoc(d, shard.pages[d[0]]);
    });
  }

  function makeDoc(d, page) {
    return { page: d[0], title: page[0], heading: d[1], url: page[1] + (d[2] ? "#" + d[2] : ""), text: d[3] };
  }

  /* expand finds the index terms one query word stands for: its stem, and
     while typing the words it starts, and words one or two typos away. Each
     comes with a weight: exact matches count most. */
  function expand(m, word, isLast) {
    var s = stem(word);
    return vocabulary(m, shardKey(s)).then(function (vocab) {
      var found = [];
      if (vocab[s]) found.push({ term: s, weight: 1, entry: vocab[s] });
      if (isLast && word.length >= 3) {
        var starts = [];
        for (var t in vocab) {
          if (t !== s && (t.indexOf(word) === 0 || t.indexOf(s) === 0)) starts.push(t);
        }
        starts.sort(function (a, b) { return vocab[b][0] - vocab[a][0]; });
        for (var i = 0; i < starts.length && i < 10; i++) found.push({ term: starts[i], weight: 0.8, entry: vocab[starts[i]] });
      }
      /* Typos only when the word matches nothing as it is or as the start
         of a word. */
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
        near.sort(function (a, b) { return a.d - b.d || vocab[b.term][0] - vocab[a.term][0]; });
        for (i = 0; i < near.length && i < 5; i++) found.push({ term: near[i].term, weight: near[i].d === 0 ? 0.7 : near[i].d === 1 ? 0.6 : 0.45, entry: vocab[near[i].term] });
      }
      return found;
    });
  }

  /* scoresFor resolves with {doc: score} for a list of weighted terms,
     keeping each document's best. */
  function scoresFor(m, terms, matched) {
    for (var k = 0; k < terms.length; k++) matched[terms[k].term] = true;
    return Promise.all(terms.map(function (t) { return postings(m, t.term, t.entry); })).then(function (lists) {
      var best = {};
      for (var i = 0; i < lists.length; i++) {
        for (var doc in lists[i]) {
          var s = lists[i][doc] * terms[i].weight;
          if (!best[doc] || s > best[doc]) best[doc] = s;
        }
      }
      return best;
    });
  }

  /* phraseScores scores a synonym expansion: every word must be present. */
  function phraseScores(m, stems, matched) {
    for (var k = 0; k < stems.length; k++) matched[stems[k]] = true;
    return Promise.all(stems.map(function (s) {
      return vocabulary(m, shardKey(s)).then(function (vocab) {
        return vocab[s] ? postings(m, s, vocab[s]) : {};
      });
    })).then(function (lists) {
      var out = {};
      if (!lists.length) return out;
      for (var doc in lists[0]) {
        var total = 0, all = true;
        for (var i = 0; i < lists.length; i++) {
          if (!(doc in lists[i])) { all = false; break; }
          total += lists[i][doc];
        }
        if (all) out[doc] = 0.9 * total / lists.length;
      }
      return out;
    });
  }

  /* run searches for a query and resolves with {results, stems, words}. */
  function run(query, limit) {
    return manifest().then(function (m) {
      var stop = {};
      for (var i = 0; i < m.stop.length; i++) stop[m.stop[i]] = true;
      var words = tokens(query).filter(function (w) { return !stop[w]; });
      var typing = !/\s$/.test(query);
      var stems = words.map(stem);
      if (!words.length) return { results: [], words: words, stems: [] };
      /* matched collects every index term the query reached, exact or
         through a prefix, a typo or a synonym, for highlighting. */
      var matched = {};
      /* Each query word becomes a group of alternatives; a synonym of a
         phrase of one or more words adds to the group of its first word
         and covers the others. */
      var groups = words.map(function (w, i) {
        return expand(m, w, typing && i === words.length - 1).then(function (terms) { return scoresFor(m, terms, matched); });
      });
      var synonyms = [];
      for (var a = 0; a < stems.length; a++) {
        for (var b = stems.length; b > a; b--) {
          var key = stems.slice(a, b).join(" ");
          var alts = m.synonyms[key];
          if (!alts) continue;
          for (var k = 0; k < alts.length; k++) synonyms.push({ from: a, to: b, stems: alts[k] });
        }
      }
      var synScores = synonyms.map(function (s) { return phraseScores(m, s.stems, matched); });
      return Promise.all([Promise.all(groups), Promise.all(synScores)]).then(function (r) {
        var perWord = r[0], syn = r[1];
        for (var s = 0; s < synonyms.length; s++) {
          for (var w = synonyms[s].from; w < synonyms[s].to; w++) {
            for (var doc in syn[s]) {
              if (!perWord[w][doc] || syn[s][doc] > perWord[w][doc]) perWord[w][doc] = syn[s][doc];
            }
          }
        }
        /* Documents with every word first, then by score. */
        var totals = {};
        for (w = 0; w < perWord.length; w++) {
          for (doc in perWord[w]) {
            var t = totals[doc] || (totals[doc] = { doc: +doc, words: 0, score: 0 });
            t.words++;
            t.score += perWord[w][doc];
          }
        }
        var ranked = Object.keys(totals).map(function (d) { return totals[d]; });
        ranked.sort(function (x, y) { return y.words - x.words || y.score - x.score || x.doc - y.doc; });
        return Promise.all(ranked.slice(0, limit * 3).map(function (t) { return documentAt(m, t.doc); })).then(function (docs) {
          var perPage = {}, results = [];
          for (var i = 0; i < docs.length && results.length < limit; i++) {
            var n = perPage[docs[i].page] = (perPage[docs[i].page] || 0) + 1;
            if (n <= 3) results.push(docs[i]);
          }
          return { results: results, words: words, stems: Object.keys(matched), total: ranked.length };
        });
      });
    });
  }

  /* excerpt fills el with the document's text, the query's words marked. */
  function excerpt(el, text, words, stems) {
    var re = /([\p{L}\p{N}'\u2019]+)/gu, last = 0, m;
    while ((m = re.exec(text))) {
      var t = tokens(m[1])[0];
      var hit = t && (stems.indexOf(stem(t)) >= 0 || words.some(function (w) { return w.length >= 3 && t.indexOf(w) === 0; }));
      if (!hit) continue;
      el.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[1];
      el.appendChild(mark);
      last = m.index + m[1].length;
    }
    el.appendChild(document.createTextNode(text.slice(last)));
  }

  function label(doc) { return doc.heading ? doc.title + ": " + doc.heading : doc.title; }

  function plural(n, one, many) { return n === 1 ? one : many; }

  /* The header box: results as you type, in a listbox the arrow keys move
     through (the ARIA combobox pattern). */
  function searchBox(form) {
    var input = form.querySelector("input[type=search]");
    var list = document.createElement("ul");
    var status = document.createElement("div");
    list.id = "search-suggestions";
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search results");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    form.appendChild(list);
    form.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var active = -1, options = [], seq = 0, announce = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function move(to) {
      if (!options.length) return;
      if (active >= 0) options[active].setAttribute("aria-selected", "false");
      active = (to + options.length) % options.length;
      options[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }
    function show(query) {
      var mine = ++seq;
      if (!tokens(query).length) { close(); status.textContent = ""; return; }
      run(query, 8).then(function (r) {
        if (mine !== seq) return;
        list.textContent = "";
        options = [];
        active = -1;
        input.removeAttribute("aria-activedescendant");
        r.results.forEach(function (doc, i) {
          var li = document.createElement("li");
          li.id = "search-option-" + i;
          li.className = "search-suggestions__option";
          li.setAttribute("role", "option");
          li.setAttribute("aria-selected", "false");
          li.setAttribute("data-href", root + doc.url);
          var title = document.createElement("span");
          title.className = "search-suggestions__title";
          excerpt(title, label(doc), r.words, r.stems);
          var text = document.createElement("span");
          text.className = "search-suggestions__text";
          excerpt(text, doc.text, r.words, r.stems);
          li.appendChild(title);
          li.appendChild(text);
          li.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
          li.addEventListener("click", function () { window.location.href = li.getAttribute("data-href"); });
          list.appendChild(li);
          options.push(li);
        });
        var all = document.createElement("li");
        all.id = "search-option-all";
        all.className = "search-suggestions__option search-suggestions__all";
        all.setAttribute("role", "option");
        all.setAttribute("aria-selected", "false");
        all.setAttribute("data-href", root + "search/index.html?q=" + encodeURIComponent(query.trim()));
        all.textContent = r.results.length ? "See all results for \u2018" + query.trim() + "\u2019" : "No pages match \u2018" + query.trim() + "\u2019. Search anyway";
        all.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
        all.addEventListener("click", function () { window.location.href = all.getAttribute("data-href"); });
        list.appendChild(all);
        options.push(all);
        list.setAttribute("data-query", query);
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        clearTimeout(announce);
        announce = setTimeout(function () {
          status.textContent = r.total + " " + plural(r.total, "result", "results") + (r.total ? ", use the up and down arrow keys to choose" : "");
        }, 400);
      }, function () {
        status.textContent = "Search is not available";
      });
    }

    /* Enter on a chosen suggestion goes there, however the browser
       delivers the key (a cancelled keydown does not always stop the
       form's own submission). */
    form.addEventListener("submit", function (ev) {
      if (!list.hidden && active >= 0) {
        ev.preventDefault();
        window.location.href = options[active].getAttribute("data-href");
      }
    });
    input.addEventListener("input", function () { show(input.value); });
    input.addEventListener("focus", function () { manifest(); });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") {
        if (list.hidden && input.value) show(input.value);
        else move(active + 1);
        ev.preventDefault();
      } else if (ev.key === "ArrowUp") {
        if (!list.hidden) { move(active - 1); ev.preventDefault(); }
      } else if (ev.key === "Enter") {
        if (!list.hidden && active >= 0) {
          ev.preventDefault();
          window.location.href = options[active].getAttribute("data-href");
        }
      } else if (ev.key === "Escape") {
        if (!list.hidden) { close(); ev.preventDefault(); }
      }
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      var t = ev.target, tag = t && t.tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
      ev.preventDefault();
      input.focus();
    });
  }

  /* The results page: search/index.html?q=words. Without JavaScript it
     lists every page; with it, the ranked results replace the list. */
  function resultsPage(container) {
    var params = new URLSearchParams(window.location.search);
    var query = params.get("q") || "";
    var input = document.getElementById("search-page-input");
    var status = document.getElementById("search-status");
    if (input) input.value = query;
    if (!query.trim()) return;
    container.textContent = "";
    var heading = document.createElement("h2");
    heading.id = "results-heading";
    heading.className = "search-page__heading";
    heading.textContent = "Searching\u2026";
    container.appendChild(heading);
    run(query, 50).then(function (r) {
      var n = r.results.length;
      heading.textContent = n ? n + " " + plural(n, "result", "results") + " for \u2018" + query + "\u2019" : "No results for \u2018" + query + "\u2019";
      status.textContent = heading.textContent;
      document.title = heading.textContent + " \u2013 " + document.title;
      if (!n) {
        var p = document.createElement("p");
        p.textContent = "Check the spelling, use fewer words, or try a more general word.";
        container.appendChild(p);
        return;
      }
      var ol = document.createElement("ol");
      ol.className = "result-list";
      r.results.forEach(function (doc) {
        var li = document.createElement("li");
        li.className = "result";
        var a = document.createElement("a");
        a.className = "result__link";
        a.href = root + doc.url;
        excerpt(a, label(doc), r.words, r.stems);
        var p = document.createElement("p");
        p.className = "result__text";
        excerpt(p, doc.text, r.words, r.stems);
        li.appendChild(a);
        li.appendChild(p);
        ol.appendChild(li);
      });
      container.appendChild(ol);
    }, function () {
      heading.textContent = "Search could not load its index.";
      status.textContent = heading.textContent;
    });
  }

  var j = window.joinedup;
  if (j && j.modules) {
    j.modules.search = searchBox;
    j.modules["search-results"] = resultsPage;
  }
  window.joinedupSearch.run = run;
  window.joinedupSearch.stem = stem;
  window.joinedupSearch.tokens = tokens;
})();
