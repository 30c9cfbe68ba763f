/* Group results: a trainer pastes learners' result codes (one per line, or
   whole chat messages) and sees how the group placed itself on the ladder,
   overall and per question, as a chart and a table, and can download the
   numbers as CSV. Every line is checked with joinedup.ladder
   (ladder-code.js, which the page loads first); pasted text is only ever
   shown as text. Nothing is stored or sent: the codes live in the box until
   the page is closed. Groups smaller than MIN_GROUP are hidden so that
   nobody can be singled out.

   Reading the paste and counting are plain functions, which Node's test
   runner loads (group-results.test.js). */
(function () {
  "use strict";

  var isNode = typeof module === "object" && module.exports;
  var ladder = isNode ? require("./ladder-code.js") : window.joinedup.ladder;

  var MIN_GROUP = 3;        // fewest people whose answers may be shown
  var MAX_CHARS = 200000;   // about 200 KB of pasted text
  var MAX_LINES = 2000;
  var QUOTE_LENGTH = 40;    // characters of a pasted line repeated in a message
  var MAX_MESSAGES = 100;   // messages listed; the rest are counted

  var HIDDEN_ROW = "Hidden: fewer than " + MIN_GROUP + " people gave a rung for this question.";

  /* quote shortens pasted text for a message and blanks out control and
     direction-changing characters, so a hostile line cannot disturb the
     page's layout or reading order. The result is always used as text. */
  function quote(s) {
    // eslint-disable-next-line no-control-regex -- control characters are what it blanks out
    s = String(s).replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, " ").replace(/\s+/g, " ").trim();
    if (s.length <= QUOTE_LENGTH) return s;
    s = s.slice(0, QUOTE_LENGTH - 1);
    if (/[\ud800-\udbff]$/.test(s)) s = s.slice(0, -1);
    return s + "\u2026";
  }

  /* number writes a whole number with commas between thousands. */
  function number(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

  /* parse reads the pasted text. It returns {people, messages,
     duplicates, lines} or {tooLong: message}. people holds one list of
     rungs per distinct valid code; messages say, line by line, what could
     not be counted and why; duplicates list the codes pasted again, which
     are harmless (one learner's code sent twice) and counted once. Two
     learners with the same answers have different codes (each has a
     random part), so both are counted. */
  function parse(text, dimensions) {
    if (text.length > MAX_CHARS) {
      return { tooLong: "The pasted text is too long (" + number(text.length) + " characters). Paste at most " + number(MAX_CHARS) + " characters at a time, then paste the rest separately." };
    }
    var lines = text.split(/\r\n|\n|\r/);
    if (lines.length > MAX_LINES) {
      return { tooLong: "The pasted text has too many lines (" + number(lines.length) + "). Paste at most " + number(MAX_LINES) + " lines at a time, then paste the rest separately." };
    }
    var seen = {}, people = [], messages = [], duplicates = [], used = 0;
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i], at = i + 1;
      if (!/\S/.test(line)) continue;
      used++;
      var found = line.match(ladder.pattern);
      if (!found) {
        messages.push({ line: at, quote: quote(line), text: "No result code found on this line." });
        continue;
      }
      for (var j = 0; j < found.length; j++) {
        var got = ladder.decode(found[j], dimensions);
        if (got.error) {
          messages.push({ line: at, quote: quote(found[j]), text: got.error });
          continue;
        }
        if (seen[got.key]) {
          duplicates.push({ line: at, quote: quote(found[j]), text: "The same code as line " + seen[got.key] + ", counted once." });
          continue;
        }
        seen[got.key] = at;
        people.push(got.rungs);
      }
    }
    return { people: people, messages: messages, duplicates: duplicates, lines: used };
  }

  /* row counts one set of answers (0 = "I do not know"): how many at each
     rung, how many gave a rung, and the median rung as the self-assessment
     works it out. It is hidden when fewer than MIN_GROUP gave a rung. */
  function row(label, values) {
    var counts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    for (var i = 0; i < values.length; i++) counts[values[i]]++;
    var answered = values.length - counts[0];
    return { label: label, counts: counts, answered: answered, median: ladder.overall(values).rung, hidden: answered < MIN_GROUP };
  }

  /* tally makes the rows of the results: overall (each person's own
     result) and then one per question, in the code's digit order. */
  function tally(people, titles) {
    var rows = [row("Overall", people.map(function (p) { return ladder.overall(p).rung; }))];
    for (var d = 0; d < titles.length; d++) {
      rows.push(row((d + 1) + ". " + titles[d], people.map(function (p) { return p[d]; })));
    }
    return rows;
  }

  /* csvRows is the table as rows of values for joinedup.csv. */
  function csvRows(rows) {
    var head = ["Question"];
    for (var r = 1; r <= 9; r++) head.push("Rung " + r);
    var out = [head.concat(["Don't know", "Answered", "Median rung", "Note"])];
    rows.forEach(function (x) {
      if (x.hidden) {
        out.push([x.label, "", "", "", "", "", "", "", "", "", "", "", "", HIDDEN_ROW]);
        return;
      }
      out.push([x.label].concat(x.counts.slice(1), [x.counts[0], x.answered, x.median, ""]));
    });
    return out;
  }

  if (isNode) {
    module.exports = {
      MIN_GROUP: MIN_GROUP, MAX_CHARS: MAX_CHARS, MAX_LINES: MAX_LINES, HIDDEN_ROW: HIDDEN_ROW,
      quote: quote, number: number, parse: parse, row: row, tally: tally, csvRows: csvRows
    };
    return;
  }

  /* ---- In the page from here on. ---- */

  var joinedup = window.joinedup;
  var el = joinedup.el, quantity = joinedup.quantity;

  /* GroupResults: the form to paste codes into, and the results below it.
     The page's markup has the form (hidden until this starts), the rung
     names and the question titles. */
  function GroupResults(root) {
    var self = this;
    var name = GroupResults.moduleName;
    this.root = root;
    this.form = joinedup.required(root, "[data-form]", name, "the form");
    this.group = joinedup.required(root, "[data-group]", name, "the form group around the box");
    this.textarea = joinedup.required(root, "textarea", name, "the box for codes");
    this.output = joinedup.required(root, "[data-output]", name, "the place for results");
    this.status = joinedup.required(root, "[data-status]", name, "the status line");
    var clear = joinedup.required(root, "[data-clear]", name, "the Clear button");
    var nojs = joinedup.required(root, "[data-nojs]", name, "the message for browsers without JavaScript");
    this.level = Math.min(Math.max(Number(root.getAttribute("data-level")) || 2, 2), 5);
    this.dimensions = Number(root.getAttribute("data-dimensions"));
    this.titles = [].map.call(root.querySelectorAll("[data-dimension]"), function (th) { return th.getAttribute("data-dimension"); });
    this.names = [].map.call(root.querySelectorAll("[data-rung-name]"), function (li) { return li.getAttribute("data-rung-name"); });
    this.hintId = this.textarea.getAttribute("aria-describedby");
    this.summary = null;
    this.inline = null;

    this.form.addEventListener("submit", function (e) {
      e.preventDefault();
      self.run();
    });
    clear.addEventListener("click", function () {
      self.textarea.value = "";
      self.reset();
      self.textarea.focus();
      joinedup.say(self.status, "The box and the results are cleared.");
    });
    nojs.hidden = true;
    this.form.hidden = false;
  }
  GroupResults.moduleName = "group-results";

  GroupResults.prototype.rungName = function (r) {
    return this.names[r - 1] ? "rung " + r + " (" + this.names[r - 1] + ")" : "rung " + r;
  };

  /* reset removes the last run's messages and results. */
  GroupResults.prototype.reset = function () {
    if (this.summary) this.form.removeChild(this.summary);
    if (this.inline) this.group.removeChild(this.inline);
    this.summary = this.inline = null;
    this.group.className = "form-group";
    this.textarea.setAttribute("aria-describedby", this.hintId);
    this.output.textContent = "";
    this.output.hidden = true;
    this.root.className = this.root.className.replace(/\s*\bgroup-results--shown\b/g, "");
  };

  /* lineList lists per-line messages, at most MAX_MESSAGES of them. */
  function lineList(messages) {
    if (!messages.length) return null;
    var list = el("ul", { class: "group-results__messages" }, messages.slice(0, MAX_MESSAGES).map(function (m) {
      return el("li", null, el("strong", null, "Line " + m.line + ": "),
        "\u201c", el("bdi", { class: "group-results__quote" }, m.quote), "\u201d ", m.text);
    }));
    if (messages.length > MAX_MESSAGES) {
      list.appendChild(el("li", null, "And " + quantity(messages.length - MAX_MESSAGES, "more message", "more messages") + " not listed. Fix the lines above and show the results again to see them."));
    }
    return list;
  }

  /* showProblems puts an error summary at the top of the form, linking to
     the box, and the per-line messages with the box (GOV.UK pattern). */
  GroupResults.prototype.showProblems = function (headline, messages) {
    this.summary = joinedup.errorSummary({ id: "group-results-problem", level: this.level + 1, items: [{ text: headline, target: this.textarea.id }] });
    this.form.insertBefore(this.summary, this.form.firstChild);
    this.inline = el("div", { class: "group-results__problems" }, joinedup.errorMessage("group-codes-error", headline), lineList(messages));
    this.group.insertBefore(this.inline, this.textarea);
    this.group.className = "form-group form-group--error";
    this.textarea.setAttribute("aria-describedby", this.hintId + " group-codes-error");
  };

  /* chart is one row of the results as a bar chart, with the same numbers
     in words for screen readers. */
  GroupResults.prototype.chart = function (x, n) {
    var caption = el("figcaption", { class: "group-results__figcaption" }, x.label);
    if (x.hidden) {
      return el("figure", { class: "group-results__figure" }, caption, el("p", { class: "group-results__hidden" }, HIDDEN_ROW));
    }
    var words = [x.label + ", " + quantity(x.answered, "person", "people") + " gave a rung."];
    var cols = [];
    for (var r = 1; r <= 10; r++) {
      var i = r % 10; // rungs 1 to 9, then "I do not know"
      var count = x.counts[i];
      if (count) words.push((i ? "Rung " + i : "Don't know") + ": " + count + ".");
      var bar = el("span", { class: "group-results__bar" + (i ? "" : " group-results__bar--unknown") });
      bar.style.height = (n ? Math.round(count / n * 1000) / 10 : 0) + "%";
      bar.appendChild(el("span", { class: "group-results__count" }, String(count)));
      cols.push(el("span", { class: "group-results__col" },
        el("span", { class: "group-results__track" }, bar),
        el("span", { class: "group-results__tick" }, i ? String(i) : "?")));
    }
    words.push("Median " + this.rungName(x.median) + ".");
    var text = "Median " + this.rungName(x.median) + ".";
    if (x.counts[0]) text += " " + quantity(x.counts[0], "person", "people") + " did not know.";
    return el("figure", { class: "group-results__figure" }, caption,
      el("div", { class: "group-results__chart", role: "img", "aria-label": words.join(" ") }, cols),
      el("p", { class: "group-results__summary" }, text));
  };

  GroupResults.prototype.table = function (rows, n) {
    var head = el("tr", null, el("th", { scope: "col" }, "Question"));
    for (var r = 1; r <= 9; r++) head.appendChild(el("th", { scope: "col", class: "group-results__num" }, joinedup.visuallyHidden("Rung "), String(r)));
    head.appendChild(el("th", { scope: "col", class: "group-results__num" }, "Don\u2019t know"));
    head.appendChild(el("th", { scope: "col", class: "group-results__num" }, "Answered"));
    head.appendChild(el("th", { scope: "col", class: "group-results__num" }, "Median rung"));
    var body = el("tbody", null, rows.map(function (x) {
      var tr = el("tr", { "data-row": x.label }, el("th", { scope: "row" }, x.label));
      if (x.hidden) {
        tr.appendChild(el("td", { colspan: "12", class: "group-results__hidden" }, HIDDEN_ROW));
      } else {
        var cells = x.counts.slice(1).concat([x.counts[0], x.answered, x.median]);
        cells.forEach(function (v) { tr.appendChild(el("td", { class: "group-results__num" }, String(v))); });
      }
      return tr;
    }));
    return el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": "group-results-table-caption" },
      el("table", { class: "group-results__table", "data-results-table": true },
        el("caption", { id: "group-results-table-caption" }, el("span", { class: "caption__text" }, "How many people chose each rung (" + quantity(n, "person", "people") + ")")),
        el("thead", null, head), body));
  };

  /* showResults fills the output below the form and returns its heading,
     for focus. */
  GroupResults.prototype.showResults = function (result) {
    var self = this, output = this.output;
    var n = result.people.length;
    var sub = "h" + (this.level + 1);
    var heading = el("h" + this.level, { id: "group-results-heading", class: "group-results__heading", tabindex: "-1" });
    output.appendChild(heading);
    if (n < MIN_GROUP) {
      heading.textContent = "Results hidden";
      output.appendChild(el("p", { class: "group-results__too-few", "data-too-few": true },
        "Fewer than " + MIN_GROUP + " valid codes: results are hidden so that nobody can be identified. " +
        (n ? quantity(n, "code was", "codes were") + " counted." : "No codes were counted.") +
        " Paste at least " + MIN_GROUP + " codes to see the results."));
      var dups = this.duplicatesNote(result.duplicates);
      if (dups) output.appendChild(dups);
      output.hidden = false;
      return heading;
    }
    var rows = tally(result.people, this.titles.length === this.dimensions ? this.titles : this.titles.slice(0, this.dimensions));
    heading.textContent = "Results for " + quantity(n, "person", "people");
    var download = el("button", { type: "button", class: "button button--secondary", "data-download": true }, "Download the table (CSV)");
    download.addEventListener("click", function () {
      joinedup.download("group-results-" + joinedup.today() + ".csv", "text/csv", joinedup.csv(csvRows(rows)));
      joinedup.say(self.status, "The table was downloaded as a CSV file.");
    });
    output.appendChild(el("p", { "data-count": n },
      quantity(n, "code", "codes") + " counted from " + quantity(result.lines, "line", "lines") + ". The group\u2019s overall median is " + this.rungName(rows[0].median) + "."));
    var dup = this.duplicatesNote(result.duplicates);
    if (dup) output.appendChild(dup);
    output.appendChild(el("div", { class: "button-group" }, download));
    output.appendChild(el(sub, null, "Chart"));
    output.appendChild(el("p", { class: "group-results__legend" },
      "Each bar shows how many people chose that rung, from 1 (conflict) to 9 (full partnership). The bar marked ? counts \u201cI do not know\u201d. The number above each bar is the count. The table below has the same numbers."));
    output.appendChild(el("div", { class: "group-results__charts" }, rows.map(function (x) { return self.chart(x, n); })));
    output.appendChild(el(sub, null, "Table"));
    output.appendChild(this.table(rows, n));
    output.hidden = false;
    this.root.className += " group-results--shown";
    return heading;
  };

  /* duplicatesNote says, as information rather than a problem, which
     codes were pasted more than once; null when none were. */
  GroupResults.prototype.duplicatesNote = function (duplicates) {
    if (!duplicates.length) return null;
    return el("div", { class: "notice group-results__duplicates", "data-duplicates": duplicates.length },
      el("p", null, quantity(duplicates.length, "code was", "codes were") + " pasted more than once and counted once, as each code belongs to one person:"),
      lineList(duplicates));
  };

  /* problem shows a problem that stops the count. */
  GroupResults.prototype.problem = function (headline, said) {
    this.showProblems(headline, []);
    this.summary.focus();
    joinedup.say(this.status, "There is a problem: " + said);
  };

  GroupResults.prototype.run = function () {
    this.reset();
    var text = this.textarea.value;
    if (!/\S/.test(text)) {
      this.problem("Paste at least one result code into the box.", "the box is empty.");
      return;
    }
    var result = parse(text, this.dimensions);
    if (result.tooLong) {
      this.problem(result.tooLong, result.tooLong);
      return;
    }
    var heading = this.showResults(result);
    var counted = quantity(result.people.length, "code", "codes") + " counted.";
    if (result.messages.length) {
      var notCounted = quantity(result.messages.length, "code or line was", "codes or lines were") + " not counted";
      this.showProblems(notCounted + ". The reason for each line is listed above the box.", result.messages);
      this.summary.appendChild(el("p", null, counted + " ", el("a", { href: "#group-results-heading" }, "Go to the results")));
      this.summary.focus();
      joinedup.say(this.status, counted + " " + notCounted + ".");
    } else {
      heading.focus();
      joinedup.say(this.status, counted + " " + heading.textContent + ".");
    }
  };

  joinedup.register(GroupResults);
})();
