/* "Can I share this information?": asks the decision tree's questions one
   at a time and ends with the outcome in a panel. The tree is read from the
   component's own markup (the version without JavaScript), so the data is
   written once. Answers are kept only in this page's memory: nothing is
   stored or sent. */
(function () {
  "use strict";

  var instances = 0;

  /* readTree collects the steps (in page order; the first is the start)
     and the outcomes from the printed tree. */
  function readTree(root) {
    var tree = { first: null, steps: {}, outcomes: {} };
    var stepEls = root.querySelectorAll(".consent-aid__step[data-step]");
    for (var i = 0; i < stepEls.length; i++) {
      var s = stepEls[i];
      var hint = s.querySelector(".consent-aid__hint");
      var step = { id: s.getAttribute("data-step"), question: s.getAttribute("data-question"), hint: hint ? hint.textContent : "", options: [] };
      var opts = s.querySelectorAll(".consent-aid__option");
      for (var k = 0; k < opts.length; k++) {
        step.options.push({
          answer: opts[k].getAttribute("data-answer"),
          hint: opts[k].getAttribute("data-hint") || "",
          next: opts[k].getAttribute("data-next") || "",
          outcome: opts[k].getAttribute("data-outcome") || ""
        });
      }
      tree.steps[step.id] = step;
      if (!tree.first) tree.first = step.id;
    }
    var outEls = root.querySelectorAll(".consent-aid__outcome[data-outcome]");
    for (var o = 0; o < outEls.length; o++) {
      tree.outcomes[outEls[o].getAttribute("data-outcome")] = {
        title: outEls[o].getAttribute("data-title"),
        body: outEls[o].querySelector(".consent-aid__outcome-body")
      };
    }
    return tree;
  }

  window.joinedup.modules["consent-aid"] = function (root) {
    var j = window.joinedup, el = j.el;
    var level = Number(root.getAttribute("data-level")) || 2;
    var h = "h" + level, h2 = "h" + Math.min(level + 1, 6);
    var prefix = "consent-aid-" + (++instances);
    var tree = readTree(root);
    if (!tree.first) throw new Error("consent-aid: the decision tree has no steps");
    var tool = root.querySelector(".consent-aid__tool");

    /* The state: the answers given so far, in order, the answer last chosen
       at each step (so Back and Change show it again), where the reader is
       now, and whether they pressed Continue without choosing. */
    var history = [], chosen = {}, current = tree.first, finished = "", showError = false;
    var focusedFromLink = false;

    var screen = el("div", { class: "consent-aid__screen" });
    var status = el("p", { class: "visually-hidden", role: "status" });
    tool.appendChild(el("p", { class: "consent-aid__notice" },
      el("strong", null, "Your answers are not saved. "), "They stay on this page until you leave or reload it."));
    tool.appendChild(screen);
    tool.appendChild(status);

    function button(text, cls, onClick, type) {
      var b = el("button", { type: type || "button", class: cls }, text);
      if (onClick) b.addEventListener("click", onClick);
      return b;
    }

    function restart() {
      history = []; chosen = {}; current = tree.first; finished = ""; showError = false;
      render("heading");
      j.say(status, "Started again");
    }

    function back() {
      var last = history.pop();
      current = last.step; finished = ""; showError = false;
      render("heading");
    }

    function change(index) {
      current = history[index].step;
      history = history.slice(0, index);
      finished = ""; showError = false;
      render("heading");
    }

    function answers() {
      if (!history.length) return null;
      var rows = history.map(function (a, index) {
        var step = tree.steps[a.step];
        var b = button(null, "consent-aid__change", function () { change(index); });
        b.appendChild(document.createTextNode("Change"));
        b.appendChild(el("span", { class: "visually-hidden" }, " your answer to: " + step.question));
        return el("div", { class: "summary-list__row" },
          el("dt", null, step.question),
          el("dd", null, step.options[a.choice].answer),
          el("dd", { class: "consent-aid__actions" }, b));
      });
      return el("div", { class: "consent-aid__answers" },
        el(h2, { class: "consent-aid__answers-title" }, finished ? "Your answers" : "Your answers so far"),
        el("dl", { class: "summary-list consent-aid__summary" }, rows));
    }

    function questionScreen() {
      var step = tree.steps[current];
      var id = prefix + "-" + step.id;
      var errorId = id + "-error", hintId = id + "-hint";
      var nodes = [];
      var radios = step.options.map(function (opt, i) {
        var inputId = id + "-" + i, optHint = opt.hint ? inputId + "-hint" : null;
        return el("div", { class: "radios__item" },
          el("input", { class: "radios__input", type: "radio", name: id, id: inputId, value: String(i), checked: chosen[step.id] === i, "aria-describedby": optHint }),
          el("label", { class: "radios__label", for: inputId }, opt.answer,
            opt.hint ? el("span", { class: "radios__hint", id: optHint }, opt.hint) : null));
      });
      if (showError) {
        var link = el("a", { href: "#" + id + "-0" }, "Choose an answer to continue");
        link.addEventListener("click", function (ev) {
          ev.preventDefault();
          /* Enter activates a link on key down; the same key press then
             reaches the answer it focused and would submit the form again.
             Ignore submits until that key is released. */
          focusedFromLink = true;
          document.addEventListener("keyup", function clear() {
            focusedFromLink = false;
            document.removeEventListener("keyup", clear, true);
          }, true);
          window.setTimeout(function () { focusedFromLink = false; }, 250);
          document.getElementById(id + "-0").focus();
        });
        nodes.push(el("div", { class: "consent-aid__error-summary", tabindex: "-1", role: "alert", "aria-labelledby": id + "-problem" },
          el(h2, { class: "consent-aid__error-title", id: id + "-problem" }, "There is a problem"),
          el("ul", { class: "consent-aid__error-list" }, el("li", null, link))));
      }
      var described = [step.hint ? hintId : null, showError ? errorId : null].filter(Boolean).join(" ") || null;
      var form = el("form", { class: "consent-aid__form", action: "#", novalidate: true },
        el("div", { class: "form-group" + (showError ? " form-group--error" : "") },
          el("fieldset", { class: "fieldset", "aria-describedby": described },
            el("legend", { class: "fieldset__legend fieldset__legend--l" },
              el("span", { class: "consent-aid__caption" }, "Question " + (history.length + 1)),
              el(h, { class: "consent-aid__heading", tabindex: "-1" }, step.question)),
            step.hint ? el("p", { class: "hint", id: hintId }, step.hint) : null,
            showError ? el("p", { class: "error-message", id: errorId }, el("span", { class: "visually-hidden" }, "Error: "), "Choose an answer to continue.") : null,
            el("div", { class: "radios" }, radios))),
        el("div", { class: "button-group" },
          button("Continue", "button consent-aid__continue", null, "submit"),
          history.length ? button("Back", "button button--secondary consent-aid__back", back) : null,
          history.length ? button("Start again", "button button--secondary consent-aid__restart", restart) : null));
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        if (focusedFromLink) return;
        var picked = form.querySelector("input[type=radio]:checked");
        if (!picked) {
          showError = true;
          render("error");
          return;
        }
        var choice = Number(picked.value), opt = step.options[choice];
        chosen[step.id] = choice;
        history.push({ step: step.id, choice: choice });
        showError = false;
        if (opt.next) current = opt.next;
        else finished = opt.outcome;
        render("heading");
      });
      nodes.push(form);
      nodes.push(answers());
      return nodes;
    }

    function outcomeScreen() {
      var outcome = tree.outcomes[finished];
      var body = outcome.body.cloneNode(true);
      return [
        el("div", { class: "panel consent-aid__panel" },
          el("p", { class: "panel__body consent-aid__panel-label" }, "Your outcome"),
          el(h, { class: "panel__title consent-aid__heading", tabindex: "-1" }, outcome.title)),
        el("div", { class: "consent-aid__result" }, body),
        answers(),
        el("div", { class: "button-group" },
          button("Start again", "button consent-aid__restart", restart),
          button("Print your answers", "button button--secondary consent-aid__print", function () { window.print(); }))
      ];
    }

    /* render redraws the tool, then moves focus: to the new heading when the
       screen changes, or to the error summary. */
    function render(focus) {
      while (screen.firstChild) screen.removeChild(screen.firstChild);
      var nodes = finished ? outcomeScreen() : questionScreen();
      for (var i = 0; i < nodes.length; i++) if (nodes[i]) screen.appendChild(nodes[i]);
      root.className = root.className.replace(/\s*consent-aid--finished\b/g, "") + (finished ? " consent-aid--finished" : "");
      root.setAttribute("data-state", finished ? "outcome:" + finished : "step:" + current);
      var target = focus === "error" ? screen.querySelector(".consent-aid__error-summary") : focus === "heading" ? screen.querySelector(".consent-aid__heading") : null;
      if (target) target.focus();
      if (finished) j.say(status, "Outcome: " + tree.outcomes[finished].title);
    }

    tool.hidden = false;
    render("");
  };
})();
