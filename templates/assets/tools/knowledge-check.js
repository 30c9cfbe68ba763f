/* Knowledge checks: marks each answer as it is given, with the feedback
   for what was chosen, the explanation and, for a wrong answer, where to
   read more; keeps the score; and at the end shows the result and, for a
   learner in a training session, a result code to give the trainer
   (made by joinedup.checkCode, check-code.js, which the page loads first).

   The questions, right answers and feedback are read from the component's
   own markup (the version without JavaScript, where each answer is in a
   <details>), so the data is written once. Each finished attempt is kept
   in this browser (joinedup.checks) for the learning record: the date,
   which answers were right, and whether it was before or after a session.
   Nothing is sent anywhere.

   Marking and the shape of what is stored are plain functions, which
   Node's test runner loads (knowledge-check.test.js). */
(function () {
  "use strict";

  var isNode = typeof module === "object" && module.exports;
  var KEY = "joinedup.checks";
  var MAX_ATTEMPTS = 20; // kept per check

  /* isRight reports whether the options chosen (indexes) are exactly the
     right ones (flags, one per option). */
  function isRight(correct, chosen) {
    if (!chosen.length) return false;
    for (var i = 0; i < correct.length; i++) {
      if (Boolean(correct[i]) !== (chosen.indexOf(i) >= 0)) return false;
    }
    return true;
  }

  /* scoreText says how far through a check the reader is. */
  function scoreText(answered, right, total) {
    if (!answered) return "You have not answered any of the " + total + " questions yet.";
    if (answered < total) return "You have answered " + answered + " of " + total + " questions, and got " + right + " right so far.";
    return "You got " + right + " of " + total + " right.";
  }

  /* validStore checks the shape of what is stored. */
  function validStore(data) {
    if (!data || typeof data !== "object" || !data.checks || typeof data.checks !== "object" || Array.isArray(data.checks)) return false;
    for (var id in data.checks) {
      if (!Object.prototype.hasOwnProperty.call(data.checks, id)) continue;
      var c = data.checks[id];
      if (!c || typeof c !== "object" || !Array.isArray(c.attempts)) return false;
      var ok = c.attempts.every(function (a) {
        return a && typeof a === "object" && /^\d{4}-\d{2}-\d{2}$/.test(a.date) && /^[01]{1,40}$/.test(a.answers) &&
          (a.phase === "" || a.phase === "before" || a.phase === "after");
      });
      if (!ok) return false;
    }
    return true;
  }

  function copy(data) {
    var out = { checks: {} };
    for (var k in data.checks) if (Object.prototype.hasOwnProperty.call(data.checks, k)) out.checks[k] = data.checks[k];
    return out;
  }

  /* addAttempt is the stored data with a finished attempt added to check
     id (the newest MAX_ATTEMPTS are kept). right has one flag per
     question. */
  function addAttempt(data, id, right, date) {
    var out = copy(data);
    var attempts = (out.checks[id] ? out.checks[id].attempts : []).concat([{
      date: date, answers: right.map(function (r) { return r ? "1" : "0"; }).join(""), phase: ""
    }]);
    out.checks[id] = { attempts: attempts.slice(-MAX_ATTEMPTS) };
    return out;
  }

  /* setPhase is the stored data with the latest attempt at check id
     marked as done before or after a session. */
  function setPhase(data, id, phase) {
    var out = copy(data);
    var c = out.checks[id];
    if (!c || !c.attempts.length) return out;
    var attempts = c.attempts.slice();
    var last = attempts[attempts.length - 1];
    attempts[attempts.length - 1] = { date: last.date, answers: last.answers, phase: phase };
    out.checks[id] = { attempts: attempts };
    return out;
  }

  if (isNode) {
    module.exports = { MAX_ATTEMPTS: MAX_ATTEMPTS, isRight: isRight, scoreText: scoreText, validStore: validStore, addAttempt: addAttempt, setPhase: setPhase };
    return;
  }

  /* ---- In the page from here on. ---- */

  var joinedup = window.joinedup;
  var el = joinedup.el;
  var NAME = "knowledge-check";

  /* readQuestion reads one question from its markup. */
  function readQuestion(node) {
    var answer = joinedup.required(node, "[data-answer]", NAME, "a question's answer");
    var feedback = [].map.call(answer.querySelectorAll("[data-option]"), function (li) {
      return { correct: li.hasAttribute("data-correct"), text: joinedup.required(li, "strong", NAME, "an option's text").textContent, feedback: joinedup.required(li, "[data-feedback]", NAME, "an option's feedback").textContent };
    });
    return {
      node: node,
      id: node.id,
      group: joinedup.required(node, "[data-group]", NAME, "a question's form group"),
      fieldset: joinedup.required(node, "fieldset", NAME, "a question's fieldset"),
      legend: joinedup.required(node, "legend", NAME, "a question's legend"),
      inputs: [].slice.call(node.querySelectorAll("input")),
      multiple: node.hasAttribute("data-multiple"),
      answer: answer,
      options: feedback,
      explanation: joinedup.required(answer, "[data-explanation]", NAME, "a question's explanation").textContent,
      more: joinedup.required(answer, "[data-more]", NAME, "a question's links to read more"),
      right: null // null until marked, then true or false
    };
  }

  /* KnowledgeCheck runs one check. */
  function KnowledgeCheck(root) {
    var self = this;
    this.root = root;
    this.id = root.getAttribute("data-check");
    this.code = root.getAttribute("data-code");
    this.level = Number(root.getAttribute("data-level")) || 2;
    this.questions = [].map.call(root.querySelectorAll(".knowledge-check__question"), readQuestion);
    if (!this.questions.length) throw new joinedup.ElementError(NAME, "the questions", ".knowledge-check__question");
    this.tool = joinedup.required(root, ".knowledge-check__tool", NAME, "the place for the score");
    var how = root.querySelector("[data-how]");
    if (how) how.textContent = "There " + (this.questions.length === 1 ? "is 1 question" : "are " + this.questions.length + " questions") + ". Choose your answer to each one and press \u201cCheck my answer\u201d: you will see straight away whether you were right, and why.";
    this.score = el("p", { class: "knowledge-check__score", role: "status" });
    this.tool.appendChild(this.score);
    this.tool.hidden = false;
    this.result = el("div", { class: "knowledge-check__result", hidden: true });
    root.appendChild(this.result);

    var read = joinedup.store.readJSON(KEY);
    this.saved = { checks: {} };
    var problem = read.problem;
    if (read.data && validStore(read.data)) this.saved = read.data;
    else if (read.data) problem = "Your saved knowledge check results are not in the expected form.";
    joinedup.storageNotice(this.tool, { key: KEY, problem: problem, onClear: function () { self.saved = { checks: {} }; } });

    this.questions.forEach(function (q, i) {
      q.answer.hidden = true;
      q.marked = el("div", { class: "knowledge-check__marked", tabindex: "-1", hidden: true });
      q.check = joinedup.button("Check my answer", "button knowledge-check__check", function () { self.mark(i); });
      q.actions = el("div", { class: "button-group knowledge-check__actions" }, q.check);
      q.node.insertBefore(q.actions, q.answer);
      q.node.insertBefore(q.marked, q.answer);
    });
    root.className += " knowledge-check--js";
    this.update();
  }
  KnowledgeCheck.moduleName = NAME;

  KnowledgeCheck.prototype.chosen = function (q) {
    var out = [];
    q.inputs.forEach(function (input, i) { if (input.checked) out.push(i); });
    return out;
  };

  /* showError asks for an answer, in the GOV.UK way: the message with the
     question, and focus on its first option. */
  KnowledgeCheck.prototype.showError = function (q) {
    var errorId = q.id + "-error";
    if (!q.node.querySelector(".error-message")) {
      q.group.className = "form-group form-group--error";
      q.fieldset.insertBefore(joinedup.errorMessage(errorId, q.multiple ? "Choose at least one answer, then check it" : "Choose an answer, then check it"), q.fieldset.querySelector("." + (q.multiple ? "checkboxes" : "radios")));
      q.fieldset.setAttribute("aria-describedby", q.id + "-hint " + errorId);
    }
    q.inputs[0].focus();
  };

  KnowledgeCheck.prototype.clearError = function (q) {
    var msg = q.node.querySelector(".error-message");
    if (msg) msg.parentNode.removeChild(msg);
    q.group.className = "form-group";
    q.fieldset.setAttribute("aria-describedby", q.id + "-hint");
  };

  /* mark marks question i: what was chosen, right or not, and why. */
  KnowledgeCheck.prototype.mark = function (i) {
    var q = this.questions[i];
    var chosen = this.chosen(q);
    if (!chosen.length) {
      this.showError(q);
      return;
    }
    this.clearError(q);
    q.right = isRight(q.options.map(function (o) { return o.correct; }), chosen);
    q.inputs.forEach(function (input) { input.disabled = true; });
    q.actions.hidden = true;
    q.node.className = "knowledge-check__question knowledge-check__question--" + (q.right ? "right" : "wrong");
    joinedup.empty(q.marked);
    var sub = "h" + Math.min(this.level + 1, 6);
    q.marked.appendChild(el(sub, { class: "knowledge-check__verdict" }, q.right ? "Right" : "Not quite"));
    q.marked.appendChild(el("ul", { class: "knowledge-check__chosen" }, chosen.map(function (c) {
      var o = q.options[c];
      return el("li", null, "You chose ", el("strong", null, o.text), ". ", o.feedback);
    })));
    if (!q.right) {
      var rightOnes = q.options.filter(function (o) { return o.correct; }).map(function (o) { return o.text; });
      q.marked.appendChild(el("p", null, rightOnes.length > 1 ? "The right answers are: " : "The right answer is: ", el("strong", null, rightOnes.join("; ")), "."));
    }
    q.marked.appendChild(el("p", { class: "knowledge-check__explanation" }, q.explanation));
    if (!q.right) {
      q.marked.appendChild(el("p", { class: "knowledge-check__more-title" }, "Read more:"));
      q.marked.appendChild(q.more.cloneNode(true));
    }
    q.marked.hidden = false;
    q.marked.focus();
    this.update();
  };

  /* update shows the score, and the result once every question is
     marked. */
  KnowledgeCheck.prototype.update = function () {
    var answered = 0, right = 0, total = this.questions.length;
    this.questions.forEach(function (q) {
      if (q.right !== null) answered++;
      if (q.right) right++;
    });
    joinedup.say(this.score, scoreText(answered, right, total));
    if (answered === total && this.result.hidden) this.finish(right);
  };

  /* finish shows the result, keeps the attempt, and offers a result code
     for a trainer. */
  KnowledgeCheck.prototype.finish = function (right) {
    var self = this, total = this.questions.length;
    var flags = this.questions.map(function (q) { return q.right; });
    this.saved = addAttempt(this.saved, this.id, flags, joinedup.today());
    joinedup.store.writeJSON(KEY, this.saved);
    var h = "h" + Math.min(this.level + 1, 6), h2 = "h" + Math.min(this.level + 2, 6);
    var wrong = this.questions.filter(function (q) { return !q.right; });
    var result = this.result;
    joinedup.empty(result);
    result.appendChild(el("div", { class: "panel knowledge-check__panel" },
      el(h, { class: "panel__title knowledge-check__total", tabindex: "-1" }, "You got " + right + " of " + total + " right"),
      el("p", { class: "panel__body" }, right === total ? "Well done: every answer was right." : "Read about the " + (wrong.length === 1 ? "question" : "questions") + " you got wrong below.")));
    if (wrong.length) {
      result.appendChild(el(h2, null, "Read more"));
      result.appendChild(el("ul", { class: "knowledge-check__review" }, wrong.map(function (q) {
        return el("li", null, el("a", { href: "#" + q.id }, q.legend.textContent.replace(/^Question \d+ of \d+\s*/, "")));
      })));
    }
    result.appendChild(this.codeForm(h2, flags));
    result.appendChild(el("div", { class: "button-group" },
      joinedup.button("Try the check again", "button button--secondary knowledge-check__again", function () { self.restart(); })));
    // Focus stays on the last answer's marking, which the reader has not
    // yet read; the score (a live region) says the check is finished, and
    // the result follows the last question.
    result.hidden = false;
  };

  /* codeForm asks whether the check was done before or after a session,
     and shows the result code for the trainer. */
  KnowledgeCheck.prototype.codeForm = function (h, flags) {
    var self = this, name = this.id + "-phase";
    var output = el("div", { class: "knowledge-check__code", role: "status" });
    var radios = [["before", "Before the session"], ["after", "After the session"]].map(function (p) {
      var id = name + "-" + p[0];
      return el("div", { class: "radios__item" },
        el("input", { class: "radios__input", type: "radio", name: name, id: id, value: p[0] }),
        el("label", { class: "radios__label", for: id }, p[1]));
    });
    var form = el("form", { class: "knowledge-check__phase", action: "#", novalidate: true },
      el("div", { class: "form-group" },
        el("fieldset", { class: "fieldset", "aria-describedby": name + "-hint" },
          el("legend", { class: "fieldset__legend" }, "When are you doing this check?"),
          el("p", { class: "hint", id: name + "-hint" }, "Your code holds only which answers were right. It has no name in it."),
          el("div", { class: "radios" }, radios))),
      el("div", { class: "button-group" }, el("button", { type: "submit", class: "button knowledge-check__show-code" }, "Show my code")),
      output);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var picked = form.querySelector("input:checked");
      joinedup.empty(output);
      if (!picked) {
        output.appendChild(joinedup.errorMessage(name + "-error", "Choose before or after the session to see your code"));
        form.querySelector("input").focus();
        return;
      }
      var code = joinedup.checkCode.encode(self.code, picked.value, flags);
      self.saved = setPhase(self.saved, self.id, picked.value);
      joinedup.store.writeJSON(KEY, self.saved);
      output.appendChild(el("p", null, "Your code for " + (picked.value === "before" ? "before" : "after") + " the session: ", el("strong", { class: "knowledge-check__code-text" }, code)));
      output.appendChild(el("p", null, "Give this code to your trainer, for example in the meeting chat. Nothing else is shared."));
    });
    return el("div", { class: "knowledge-check__for-trainer" },
      el(h, null, "If your trainer asked for a code"), form);
  };

  /* restart clears every answer for another try. */
  KnowledgeCheck.prototype.restart = function () {
    var self = this;
    this.questions.forEach(function (q) {
      q.right = null;
      q.inputs.forEach(function (input) { input.disabled = false; input.checked = false; });
      q.actions.hidden = false;
      q.marked.hidden = true;
      joinedup.empty(q.marked);
      q.node.className = "knowledge-check__question";
      self.clearError(q);
    });
    this.result.hidden = true;
    joinedup.empty(this.result);
    this.update();
    this.questions[0].inputs[0].focus();
  };

  joinedup.register(KnowledgeCheck);
})();
