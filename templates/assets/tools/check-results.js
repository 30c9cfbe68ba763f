/* Check results: a trainer pastes the result codes learners gave from a
   knowledge check before and after a session (one per line, or whole chat
   messages) and sees, for each question, how many of the group got it
   right before and after, as a table, and can download it as CSV. Every
   code is checked with joinedup.checkCode (check-code.js, which the page
   loads first); pasted text is only ever shown as text. Nothing is stored
   or sent. The before or the after results of a check are hidden when
   fewer than MIN_GROUP people gave codes, so that nobody can be singled
   out.

   Two people who gave the same answers give the same code, so a code
   pasted twice is counted twice: the page asks for every code to be
   pasted once, before and after together.

   Reading the paste and counting are plain functions, which Node's test
   runner loads (check-results.test.js). */
(function () {
  "use strict";

  var isNode = typeof module === "object" && module.exports;
  var checkCode = isNode ? require("./check-code.js") : window.joinedup.checkCode;

  var MIN_GROUP = 3;        // fewest people whose answers may be shown
  var MAX_CHARS = 200000;   // about 200 KB of pasted text
  var MAX_LINES = 2000;
  var QUOTE_LENGTH = 40;    // characters of a pasted line repeated in a message
  var MAX_MESSAGES = 100;   // messages listed; the rest are counted

  var HIDDEN = "Hidden: fewer than " + MIN_GROUP + " people";

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

  function number(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

  /* parse reads the pasted text against the site's checks ({CODE:
     number of questions}). It returns {codes, messages, lines} or
     {tooLong: message}. codes holds each valid code read: {check, phase,
     right}. */
  function parse(text, checks) {
    if (text.length > MAX_CHARS) {
      return { tooLong: "The pasted text is too long (" + number(text.length) + " characters). Paste at most " + number(MAX_CHARS) + " characters at a time." };
    }
    var lines = text.split(/\r\n|\n|\r/);
    if (lines.length > MAX_LINES) {
      return { tooLong: "The pasted text has too many lines (" + number(lines.length) + "). Paste at most " + number(MAX_LINES) + " lines at a time." };
    }
    var codes = [], messages = [], used = 0;
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (!/\S/.test(line)) continue;
      used++;
      var found = line.match(checkCode.pattern);
      if (!found) {
        messages.push({ line: i + 1, quote: quote(line), text: "No knowledge check code found on this line." });
        continue;
      }
      for (var j = 0; j < found.length; j++) {
        var got = checkCode.decode(found[j], checks);
        if (got.error) messages.push({ line: i + 1, quote: quote(found[j]), text: got.error });
        else codes.push(got);
      }
    }
    return { codes: codes, messages: messages, lines: used };
  }

  /* phaseCount counts one phase of one check: how many people, and how
     many got each question right; hidden when too few people. */
  function phaseCount(codes, questions) {
    var right = [];
    for (var q = 0; q < questions; q++) right.push(0);
    var total = 0;
    codes.forEach(function (c) {
      c.right.forEach(function (r, q) {
        if (r) { right[q]++; total++; }
      });
    });
    return { people: codes.length, right: right, total: total, hidden: codes.length < MIN_GROUP };
  }

  /* tally groups the codes by check, in the order of checks (a list of
     {code, title, questions: [text]}), leaving out checks with no codes. */
  function tally(codes, checks) {
    var out = [];
    checks.forEach(function (k) {
      var mine = codes.filter(function (c) { return c.check === k.code; });
      if (!mine.length) return;
      out.push({
        code: k.code, title: k.title, questions: k.questions,
        before: phaseCount(mine.filter(function (c) { return c.phase === "before"; }), k.questions.length),
        after: phaseCount(mine.filter(function (c) { return c.phase === "after"; }), k.questions.length)
      });
    });
    return out;
  }

  /* share is "n of people (p%)", or the hidden note. */
  function share(n, phase) {
    if (phase.hidden) return phase.people ? HIDDEN : "No codes";
    return n + " of " + phase.people + " (" + Math.round(n / phase.people * 100) + "%)";
  }

  /* average is a phase's average score, as "x.y of n". */
  function average(phase, n) {
    return Math.round(phase.total / phase.people * 10) / 10 + " of " + n;
  }

  /* change is the change in the share who got a question right, in
     percentage points, or "" when either phase is hidden. */
  function change(before, after, q) {
    if (before.hidden || after.hidden) return "";
    var d = Math.round(after.right[q] / after.people * 100) - Math.round(before.right[q] / before.people * 100);
    return (d > 0 ? "+" : "") + d + " points";
  }

  /* csvRows is every check's table as rows of values for joinedup.csv. */
  function csvRows(results) {
    var out = [["Check", "Question", "Before: right", "Before: people", "After: right", "After: people", "Change (percentage points)"]];
    results.forEach(function (r) {
      r.questions.forEach(function (text, q) {
        out.push([r.title, (q + 1) + ". " + text,
          r.before.hidden ? "" : r.before.right[q], r.before.hidden ? (r.before.people ? HIDDEN : "") : r.before.people,
          r.after.hidden ? "" : r.after.right[q], r.after.hidden ? (r.after.people ? HIDDEN : "") : r.after.people,
          change(r.before, r.after, q).replace(" points", "")]);
      });
    });
    return out;
  }

  if (isNode) {
    module.exports = {
      MIN_GROUP: MIN_GROUP, MAX_CHARS: MAX_CHARS, MAX_LINES: MAX_LINES, HIDDEN: HIDDEN,
      quote: quote, parse: parse, phaseCount: phaseCount, tally: tally, share: share, average: average, change: change, csvRows: csvRows
    };
    return;
  }

  /* ---- In the page from here on. ---- */

  var joinedup = window.joinedup;
  var el = joinedup.el, quantity = joinedup.quantity;

  /* CheckResults: the form to paste codes into, and the results below it.
     The page's markup has the form (hidden until this starts) and, in the
     tally sheets, each check's code, title and questions. */
  function CheckResults(root) {
    var self = this, name = CheckResults.moduleName;
    this.root = root;
    this.form = joinedup.required(root, "[data-form]", name, "the form");
    this.group = joinedup.required(root, "[data-group]", name, "the form group around the box");
    this.textarea = joinedup.required(root, "textarea", name, "the box for codes");
    this.output = joinedup.required(root, "[data-output]", name, "the place for results");
    this.status = joinedup.required(root, "[data-status]", name, "the status line");
    var clear = joinedup.required(root, "[data-clear]", name, "the Clear button");
    var nojs = joinedup.required(root, "[data-nojs]", name, "the message for browsers without JavaScript");
    this.level = Math.min(Math.max(Number(root.getAttribute("data-level")) || 2, 2), 5);
    this.checks = [].map.call(root.querySelectorAll("[data-check-code]"), function (table) {
      return {
        code: table.getAttribute("data-check-code"),
        title: table.getAttribute("data-check-title"),
        questions: [].map.call(table.querySelectorAll("[data-question]"), function (th) { return th.getAttribute("data-question"); })
      };
    });
    this.sizes = {};
    this.checks.forEach(function (k) { self.sizes[k.code] = k.questions.length; });
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
  CheckResults.moduleName = "check-results";

  CheckResults.prototype.reset = function () {
    if (this.summary) this.form.removeChild(this.summary);
    if (this.inline) this.group.removeChild(this.inline);
    this.summary = this.inline = null;
    this.group.className = "form-group";
    this.textarea.setAttribute("aria-describedby", this.hintId);
    joinedup.empty(this.output);
    this.output.hidden = true;
  };

  /* showProblems puts an error summary at the top of the form, linking to
     the box, and the per-line messages with the box (GOV.UK pattern). */
  CheckResults.prototype.showProblems = function (headline, messages) {
    this.summary = joinedup.errorSummary({ id: "check-results-problem", level: this.level, items: [{ text: headline, target: this.textarea.id }] });
    this.form.insertBefore(this.summary, this.form.firstChild);
    var list = null;
    if (messages.length) {
      list = el("ul", { class: "check-results__messages" }, messages.slice(0, MAX_MESSAGES).map(function (m) {
        return el("li", null, el("strong", null, "Line " + m.line + ": "), "\u201c", el("bdi", null, m.quote), "\u201d ", m.text);
      }));
      if (messages.length > MAX_MESSAGES) {
        list.appendChild(el("li", null, "And " + quantity(messages.length - MAX_MESSAGES, "more message", "more messages") + " not listed."));
      }
    }
    this.inline = el("div", { class: "check-results__problems" }, joinedup.errorMessage("check-codes-error", headline), list);
    this.group.insertBefore(this.inline, this.textarea);
    this.group.className = "form-group form-group--error";
    this.textarea.setAttribute("aria-describedby", this.hintId + " check-codes-error");
  };

  /* table is one check's results, question by question. */
  CheckResults.prototype.table = function (r, index) {
    var captionId = "check-results-table-" + index;
    var head = el("tr", null,
      el("th", { scope: "col" }, "Question"),
      el("th", { scope: "col", class: "check-results__num" }, "Right before"),
      el("th", { scope: "col", class: "check-results__num" }, "Right after"),
      el("th", { scope: "col", class: "check-results__num" }, "Change"));
    var body = el("tbody", null, r.questions.map(function (text, q) {
      return el("tr", { "data-row": String(q + 1) },
        el("th", { scope: "row" }, (q + 1) + ". " + text),
        el("td", { class: "check-results__num" }, share(r.before.right[q], r.before)),
        el("td", { class: "check-results__num" }, share(r.after.right[q], r.after)),
        el("td", { class: "check-results__num" }, change(r.before, r.after, q)));
    }));
    return el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": captionId },
      el("table", { class: "check-results__table", "data-results-table": r.code },
        el("caption", { id: captionId }, "How many got each question right: " + r.title),
        el("thead", null, head), body));
  };

  /* phaseLine sums up one phase of a check in words. */
  function phaseLine(label, phase, n) {
    if (!phase.people) return label + ": no codes.";
    if (phase.hidden) return label + ": " + quantity(phase.people, "code", "codes") + ", too few to show (fewer than " + MIN_GROUP + "), so that nobody can be identified.";
    return label + ": " + quantity(phase.people, "person", "people") + ", an average score of " + average(phase, n) + ".";
  }

  /* showResults fills the output below the form and returns its heading,
     for focus. */
  CheckResults.prototype.showResults = function (results) {
    var self = this, output = this.output, sub = "h" + (this.level + 1);
    var heading = el("h" + this.level, { id: "check-results-heading", class: "check-results__heading", tabindex: "-1" }, "Before and after results");
    output.appendChild(heading);
    if (!results.length) {
      output.appendChild(el("p", null, "No codes were counted."));
      output.hidden = false;
      return heading;
    }
    var download = el("button", { type: "button", class: "button button--secondary", "data-download": true }, "Download the results (CSV)");
    download.addEventListener("click", function () {
      joinedup.download("check-results-" + joinedup.today() + ".csv", "text/csv", joinedup.csv(csvRows(results)));
      joinedup.say(self.status, "The results were downloaded as a CSV file.");
    });
    output.appendChild(el("div", { class: "button-group" }, download));
    results.forEach(function (r, i) {
      var n = r.questions.length;
      output.appendChild(el(sub, { class: "check-results__check" }, r.title));
      output.appendChild(el("ul", { class: "check-results__summary" },
        el("li", { "data-phase": "before" }, phaseLine("Before", r.before, n)),
        el("li", { "data-phase": "after" }, phaseLine("After", r.after, n))));
      if (!r.before.hidden || !r.after.hidden) output.appendChild(self.table(r, i));
    });
    output.hidden = false;
    return heading;
  };

  CheckResults.prototype.problem = function (headline) {
    this.showProblems(headline, []);
    this.summary.focus();
    joinedup.say(this.status, "There is a problem: " + headline);
  };

  CheckResults.prototype.run = function () {
    this.reset();
    var text = this.textarea.value;
    if (!/\S/.test(text)) {
      this.problem("Paste at least one result code into the box.");
      return;
    }
    var parsed = parse(text, this.sizes);
    if (parsed.tooLong) {
      this.problem(parsed.tooLong);
      return;
    }
    var heading = this.showResults(tally(parsed.codes, this.checks));
    var counted = quantity(parsed.codes.length, "code", "codes") + " counted.";
    if (parsed.messages.length) {
      var notCounted = quantity(parsed.messages.length, "code or line was", "codes or lines were") + " not counted";
      this.showProblems(notCounted + ". The reason for each line is listed above the box.", parsed.messages);
      this.summary.appendChild(el("p", null, counted + " ", el("a", { href: "#check-results-heading" }, "Go to the results")));
      this.summary.focus();
      joinedup.say(this.status, counted + " " + notCounted + ".");
    } else {
      heading.focus();
      joinedup.say(this.status, counted);
    }
  };

  joinedup.register(CheckResults);
})();
