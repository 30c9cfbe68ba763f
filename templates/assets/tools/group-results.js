/* Group results: a trainer pastes learners' result codes (one per line, or
   whole chat messages) and sees how the group placed itself on the ladder,
   overall and per question, as a chart and a table, and can download the
   numbers as CSV. Every line is checked with joinedup.ladder; pasted text is
   only ever shown as text. Nothing is stored or sent: the codes live in the
   box until the page is closed. Groups smaller than MIN_GROUP are hidden so
   that nobody can be singled out. */
(function () {
  "use strict";

  var MIN_GROUP = 3;        // fewest people whose answers may be shown
  var MAX_CHARS = 200000;   // about 200 KB of pasted text
  var MAX_LINES = 2000;
  var QUOTE_LENGTH = 40;    // characters of a pasted line repeated in a message
  var MAX_MESSAGES = 100;   // messages listed; the rest are counted

  var ju = window.joinedup;
  var el = ju.el;
  var ladder = ju.ladder;

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

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function number(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

  /* parse reads the pasted text. It returns {people, messages, lines} or
     {tooLong: message}. people holds one list of rungs per distinct valid
     code; messages say, line by line, what was not counted and why. */
  function parse(text, dimensions) {
    if (text.length > MAX_CHARS) {
      return { tooLong: "The pasted text is too long (" + number(text.length) + " characters). Paste at most " + number(MAX_CHARS) + " characters at a time, then paste the rest separately." };
    }
    var lines = text.split(/\r\n|\n|\r/);
    if (lines.length > MAX_LINES) {
      return { tooLong: "The pasted text has too many lines (" + number(lines.length) + "). Paste at most " + number(MAX_LINES) + " lines at a time, then paste the rest separately." };
    }
    var seen = {}, people = [], messages = [], used = 0;
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
        var key = ladder.encode(got.rungs);
        if (seen[key]) {
          messages.push({ line: at, quote: quote(found[j]), text: "Duplicate of line " + seen[key] + " (counted once)." });
          continue;
        }
        seen[key] = at;
        people.push(got.rungs);
      }
    }
    return { people: people, messages: messages, lines: used };
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

  var HIDDEN_ROW = "Hidden: fewer than " + MIN_GROUP + " people gave a rung for this question.";

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

  window.joinedup.modules["group-results"] = function (root) {
    var form = root.querySelector("[data-form]");
    var group = root.querySelector("[data-group]");
    var textarea = root.querySelector("textarea");
    var output = root.querySelector("[data-output]");
    var status = root.querySelector("[data-status]");
    var clear = root.querySelector("[data-clear]");
    var level = Math.min(Math.max(Number(root.getAttribute("data-level")) || 2, 2), 5);
    var dimensions = Number(root.getAttribute("data-dimensions"));
    var titles = [].map.call(root.querySelectorAll("[data-dimension]"), function (th) { return th.getAttribute("data-dimension"); });
    var names = [].map.call(root.querySelectorAll("[data-rung-name]"), function (li) { return li.getAttribute("data-rung-name"); });
    var hintId = textarea.getAttribute("aria-describedby");
    var summary = null, inline = null;

    function rungName(r) { return names[r - 1] ? "rung " + r + " (" + names[r - 1] + ")" : "rung " + r; }

    /* reset removes the last run's messages and results. */
    function reset() {
      if (summary) form.removeChild(summary);
      if (inline) group.removeChild(inline);
      summary = inline = null;
      group.className = "form-group";
      textarea.setAttribute("aria-describedby", hintId);
      output.textContent = "";
      output.hidden = true;
      root.className = root.className.replace(/\s*\bgroup-results--shown\b/g, "");
    }

    /* showProblems puts an error summary at the top of the form, linking to
       the box, and the per-line messages with the box (GOV.UK pattern). */
    function showProblems(headline, messages) {
      var link = el("a", { href: "#" + textarea.id }, headline);
      link.addEventListener("click", function (e) { e.preventDefault(); textarea.focus(); });
      summary = el("div", { class: "error-summary", tabindex: "-1", "aria-labelledby": "group-results-problem" },
        el("h" + (level + 1), { class: "error-summary__title", id: "group-results-problem" }, "There is a problem"),
        el("ul", { class: "error-summary__list" }, el("li", null, link)));
      form.insertBefore(summary, form.firstChild);
      var list = null;
      if (messages.length) {
        list = el("ul", { class: "group-results__messages" });
        messages.slice(0, MAX_MESSAGES).forEach(function (m) {
          list.appendChild(el("li", null, el("strong", null, "Line " + m.line + ": "),
            "\u201c", el("bdi", { class: "group-results__quote" }, m.quote), "\u201d ", m.text));
        });
        if (messages.length > MAX_MESSAGES) {
          list.appendChild(el("li", null, "And " + plural(messages.length - MAX_MESSAGES, "more message", "more messages") + " not listed. Fix the lines above and show the results again to see them."));
        }
      }
      inline = el("div", { class: "group-results__problems" },
        el("p", { class: "error-message", id: "group-codes-error" }, el("span", { class: "visually-hidden" }, "Error: "), headline),
        list);
      group.insertBefore(inline, textarea);
      group.className = "form-group form-group--error";
      textarea.setAttribute("aria-describedby", hintId + " group-codes-error");
    }

    function chart(x, n) {
      var caption = el("figcaption", { class: "group-results__figcaption" }, x.label);
      if (x.hidden) {
        return el("figure", { class: "group-results__figure" }, caption, el("p", { class: "group-results__hidden" }, HIDDEN_ROW));
      }
      var words = [x.label + ", " + plural(x.answered, "person", "people") + " gave a rung."];
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
      words.push("Median " + rungName(x.median) + ".");
      var text = "Median " + rungName(x.median) + ".";
      if (x.counts[0]) text += " " + plural(x.counts[0], "person", "people") + " did not know.";
      return el("figure", { class: "group-results__figure" }, caption,
        el("div", { class: "group-results__chart", role: "img", "aria-label": words.join(" ") }, cols),
        el("p", { class: "group-results__summary" }, text));
    }

    function table(rows, n) {
      var head = el("tr", null, el("th", { scope: "col" }, "Question"));
      for (var r = 1; r <= 9; r++) head.appendChild(el("th", { scope: "col", class: "group-results__num" }, el("span", { class: "visually-hidden" }, "Rung "), String(r)));
      head.appendChild(el("th", { scope: "col", class: "group-results__num" }, "Don\u2019t know"));
      head.appendChild(el("th", { scope: "col", class: "group-results__num" }, "Answered"));
      head.appendChild(el("th", { scope: "col", class: "group-results__num" }, "Median rung"));
      var body = el("tbody");
      rows.forEach(function (x) {
        var tr = el("tr", { "data-row": x.label }, el("th", { scope: "row" }, x.label));
        if (x.hidden) {
          tr.appendChild(el("td", { colspan: "12", class: "group-results__hidden" }, HIDDEN_ROW));
        } else {
          var cells = x.counts.slice(1).concat([x.counts[0], x.answered, x.median]);
          cells.forEach(function (v) { tr.appendChild(el("td", { class: "group-results__num" }, String(v))); });
        }
        body.appendChild(tr);
      });
      return el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": "group-results-table-caption" },
        el("table", { class: "group-results__table", "data-results-table": true },
          el("caption", { id: "group-results-table-caption" }, "How many people chose each rung (" + plural(n, "person", "people") + ")"),
          el("thead", null, head), body));
    }

    /* showResults fills the output below the form and returns its heading,
       for focus. */
    function showResults(result) {
      var n = result.people.length;
      var h = "h" + level, sub = "h" + (level + 1);
      var heading = el(h, { id: "group-results-heading", class: "group-results__heading", tabindex: "-1" });
      output.appendChild(heading);
      if (n < MIN_GROUP) {
        heading.textContent = "Results hidden";
        output.appendChild(el("p", { class: "group-results__too-few", "data-too-few": true },
          "Fewer than " + MIN_GROUP + " valid codes: results are hidden so that nobody can be identified. " +
          (n ? plural(n, "code was", "codes were") + " counted." : "No codes were counted.")));
        output.hidden = false;
        return heading;
      }
      var rows = tally(result.people, titles.length === dimensions ? titles : titles.slice(0, dimensions));
      heading.textContent = "Results for " + plural(n, "person", "people");
      var download = el("button", { type: "button", class: "button button--secondary", "data-download": true }, "Download the table (CSV)");
      download.addEventListener("click", function () {
        ju.download("group-results-" + ju.today() + ".csv", "text/csv", ju.csv(csvRows(rows)));
        ju.say(status, "The table was downloaded as a CSV file.");
      });
      output.appendChild(el("p", { "data-count": n },
        plural(n, "code", "codes") + " counted from " + plural(result.lines, "line", "lines") + ". The group\u2019s overall median is " + rungName(rows[0].median) + "."));
      output.appendChild(el("div", { class: "button-group" }, download));
      output.appendChild(el(sub, null, "Chart"));
      output.appendChild(el("p", { class: "group-results__legend" },
        "Each bar shows how many people chose that rung, from 1 (conflict) to 9 (full partnership). The bar marked ? counts \u201cI do not know\u201d. The number above each bar is the count. The table below has the same numbers."));
      output.appendChild(el("div", { class: "group-results__charts" }, rows.map(function (x) { return chart(x, n); })));
      output.appendChild(el(sub, null, "Table"));
      output.appendChild(table(rows, n));
      output.hidden = false;
      root.className += " group-results--shown";
      return heading;
    }

    function run() {
      reset();
      var text = textarea.value;
      var result;
      if (!/\S/.test(text)) {
        showProblems("Paste at least one result code into the box.", []);
        summary.focus();
        ju.say(status, "There is a problem: the box is empty.");
        return;
      }
      result = parse(text, dimensions);
      if (result.tooLong) {
        showProblems(result.tooLong, []);
        summary.focus();
        ju.say(status, "There is a problem: " + result.tooLong);
        return;
      }
      var heading = showResults(result);
      var counted = plural(result.people.length, "code", "codes") + " counted.";
      if (result.messages.length) {
        var notCounted = plural(result.messages.length, "code or line was", "codes or lines were") + " not counted";
        showProblems(notCounted + ". The reason for each line is listed above the box.", result.messages);
        summary.appendChild(el("p", null, counted + " ", el("a", { href: "#group-results-heading" }, "Go to the results")));
        summary.focus();
        ju.say(status, counted + " " + notCounted + ".");
      } else {
        heading.focus();
        ju.say(status, counted + " " + heading.textContent + ".");
      }
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      run();
    });
    clear.addEventListener("click", function () {
      textarea.value = "";
      reset();
      textarea.focus();
      ju.say(status, "The box and the results are cleared.");
    });
    root.querySelector("[data-nojs]").hidden = true;
    form.hidden = false;
  };
})();
