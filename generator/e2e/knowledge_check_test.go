//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"

	"joinedup/generator/e2e"
	"joinedup/generator/internal/data"

	"github.com/chromedp/chromedp/kb"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// checkID is the knowledge check whose every answer the tests give.
const checkID = "consent-and-sharing"

// checkCode is the result code a learner should be given, worked out here
// from the format in check-code.js, independently of the script: JK,
// version 1, the check's code, B or A, one digit per question, and ISO
// 7064 MOD 97-10 check digits with letters read as 10 to 35.
func checkCode(code, phase string, right []bool) string {
	letter := "B"
	if phase == "after" {
		letter = "A"
	}
	var digits strings.Builder
	for _, r := range right {
		if r {
			digits.WriteByte('1')
		} else {
			digits.WriteByte('0')
		}
	}
	var num strings.Builder
	for _, c := range "1" + code + letter + digits.String() {
		if c >= 'A' && c <= 'Z' {
			fmt.Fprint(&num, c-'A'+10)
		} else {
			num.WriteRune(c)
		}
	}
	n, _ := new(big.Int).SetString(num.String()+"00", 10)
	check := 98 - new(big.Int).Mod(n, big.NewInt(97)).Int64()
	return fmt.Sprintf("JK1-%s-%s-%s-%02d", code, letter, digits.String(), check)
}

// checkRound is what a learner chooses for each question in one go through
// the check: round r takes option r of each question (or, once a question
// has no option r, its right answer), so that over the rounds every
// option of every question is chosen, and each question with several
// right answers is also answered with exactly those.
func checkRound(k *data.KnowledgeCheck, r int) [][]int {
	out := make([][]int, len(k.Questions))
	for i, q := range k.Questions {
		if r < len(q.Options) {
			out[i] = []int{r}
			continue
		}
		for j, o := range q.Options {
			if o.Correct {
				out[i] = append(out[i], j)
			}
		}
	}
	return out
}

// checkRounds is how many rounds it takes to give every answer.
func checkRounds(k *data.KnowledgeCheck) int {
	n := 0
	for _, q := range k.Questions {
		m := len(q.Options)
		if q.Multiple {
			m++
		}
		n = max(n, m)
	}
	return n
}

// isRight reports whether the options chosen are exactly the right ones.
func isRight(q data.Question, chosen []int) bool {
	for j, o := range q.Options {
		if o.Correct != slices.Contains(chosen, j) {
			return false
		}
	}
	return true
}

func checkOpen(t *testing.T, b *e2e.Browser, o e2e.Origin, opt e2e.Options) *e2e.Tab {
	t.Helper()
	tab, err := b.Open(context.Background(), o, pageFor("checks", checkID), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tab.Close)
	if opt.NoJS {
		return tab
	}
	clearStorage(t, tab)
	must(t, tab.Reload())
	waitFor(t, tab, `!!document.querySelector('.knowledge-check[data-module-started]')`, "the check to start")
	return tab
}

// checkAnswer chooses the options of question i with the keyboard, from
// its first option, and presses Check my answer.
func checkAnswer(t *testing.T, tab *e2e.Tab, k *data.KnowledgeCheck, i int, chosen []int) {
	t.Helper()
	q := k.Questions[i]
	id := k.ID + "-" + q.ID
	evalT[bool](t, tab, fmt.Sprintf(`document.getElementById(%q).focus(), true`, id+"-0"))
	if q.Multiple {
		for j := range q.Options {
			if slices.Contains(chosen, j) {
				keys(t, tab, " ")
			}
			if j < len(q.Options)-1 {
				keys(t, tab, kb.Tab)
			}
		}
	} else {
		if chosen[0] == 0 {
			keys(t, tab, " ")
		}
		for range chosen[0] {
			keys(t, tab, kb.ArrowDown)
		}
	}
	got := evalT[[]int](t, tab, fmt.Sprintf(`Array.from(document.querySelectorAll("#%s input")).map(function (e, j) { return e.checked ? j : -1; }).filter(function (j) { return j >= 0; })`, id))
	if !cmp.Equal(got, chosen) {
		t.Fatalf("question %q: the keyboard chose %v; want %v", q.ID, got, chosen)
	}
	keys(t, tab, kb.Tab)
	if got := focusedText(t, tab); got != "Check my answer" {
		t.Fatalf("question %q: Tab from the options reached %q; want Check my answer", q.ID, got)
	}
	keys(t, tab, kb.Enter)
}

// checkMarked checks what the check says about question i's answer.
func checkMarked(t *testing.T, tab *e2e.Tab, k *data.KnowledgeCheck, i int, chosen []int) {
	t.Helper()
	q := k.Questions[i]
	type marked struct {
		Focused     bool     `json:"focused"`
		Verdict     string   `json:"verdict"`
		Chosen      []string `json:"chosen"`
		Text        string   `json:"text"`
		Links       []string `json:"links"`
		Disabled    bool     `json:"disabled"`
		CheckButton bool     `json:"checkButton"`
	}
	got := evalT[marked](t, tab, fmt.Sprintf(`(function () {
		var q = document.getElementById(%q), m = q.querySelector(".knowledge-check__marked");
		return {focused: document.activeElement === m, verdict: m.querySelector(".knowledge-check__verdict").textContent,
			chosen: Array.from(m.querySelectorAll(".knowledge-check__chosen li")).map(function (li) { return li.textContent; }),
			text: m.textContent, links: Array.from(m.querySelectorAll("a")).map(function (a) { return a.textContent; }),
			disabled: Array.from(q.querySelectorAll("input")).every(function (e) { return e.disabled; }),
			checkButton: q.querySelector(".knowledge-check__check").checkVisibility()};
	})()`, k.ID+"-"+q.ID))
	right := isRight(q, chosen)
	want := marked{Focused: true, Verdict: "Not quite", Disabled: true, Text: got.Text}
	if right {
		want.Verdict = "Right"
	}
	for _, c := range chosen {
		want.Chosen = append(want.Chosen, "You chose "+q.Options[c].Text+". "+q.Options[c].Feedback)
	}
	if !right {
		for _, l := range q.Links {
			want.Links = append(want.Links, l.Text)
		}
		if ra := strings.Join(q.CorrectAnswers(), "; "); !strings.Contains(got.Text, ra) {
			t.Errorf("question %q answered wrongly does not give the right answer %q: %q", q.ID, ra, got.Text)
		}
	}
	if !strings.Contains(got.Text, q.Explanation) {
		t.Errorf("question %q does not give its explanation: %q", q.ID, got.Text)
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("question %q answered %v (-want +got):\n%s", q.ID, chosen, diff)
	}
}

func TestKnowledgeCheck(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	k := learnData(t).Check(checkID)
	if k == nil {
		t.Fatalf("the bundled site has no knowledge check %q", checkID)
	}
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode), func(t *testing.T) {
			t.Parallel()
			t.Run("every-answer", func(t *testing.T) { checkEveryAnswer(t, b, o, k) })
			t.Run("no-answer", func(t *testing.T) { checkNoAnswer(t, b, o, k) })
			t.Run("no-js", func(t *testing.T) { checkNoJS(t, b, o, k) })
		})
	}
}

// checkEveryAnswer goes through the check once per round with the
// keyboard, checking the marking of every answer, the score, the result
// code for before and after a session and what is stored.
func checkEveryAnswer(t *testing.T, b *e2e.Browser, o e2e.Origin, k *data.KnowledgeCheck) {
	tab := checkOpen(t, b, o, e2e.Options{Width: 375, Height: 800})
	for r := range checkRounds(k) {
		t.Run(fmt.Sprint("round-", r), func(t *testing.T) {
			answers := checkRound(k, r)
			var right []bool
			score := 0
			for i := range k.Questions {
				checkAnswer(t, tab, k, i, answers[i])
				checkMarked(t, tab, k, i, answers[i])
				right = append(right, isRight(k.Questions[i], answers[i]))
				if right[i] {
					score++
				}
				if i < len(k.Questions)-1 {
					want := fmt.Sprintf("You have answered %d of %d questions, and got %d right so far.", i+1, len(k.Questions), score)
					waitFor(t, tab, fmt.Sprintf(`document.querySelector(".knowledge-check__score").textContent === %s`, jsString(want)), want)
				}
			}
			want := fmt.Sprintf("You got %d of %d right", score, len(k.Questions))
			waitFor(t, tab, fmt.Sprintf(`document.querySelector(".knowledge-check__score").textContent === %s`, jsString(want+".")), "the score to say "+want)
			if got := evalT[string](t, tab, `(function () { var e = document.querySelector(".knowledge-check__total"); return e && e.checkVisibility() ? e.textContent : ""; })()`); got != want {
				t.Errorf("after the last answer the result says %q; want %q", got, want)
			}
			wrong := evalT[[]string](t, tab, `Array.from(document.querySelectorAll(".knowledge-check__review a")).map(function (a) { return a.getAttribute("href"); })`)
			var wantWrong []string
			for i, q := range k.Questions {
				if !right[i] {
					wantWrong = append(wantWrong, "#"+k.ID+"-"+q.ID)
				}
			}
			if !cmp.Equal(wrong, wantWrong, cmpopts.EquateEmpty()) {
				t.Errorf("the result links to %v to read more; want the questions answered wrongly, %v", wrong, wantWrong)
			}
			phase, arrows := "before", 0
			if r%2 == 1 {
				phase, arrows = "after", 1
			}
			tabUntil(t, tab, `el.name === "`+k.ID+`-phase"`, 30)
			keys(t, tab, " ")
			for range arrows {
				keys(t, tab, kb.ArrowDown)
			}
			tabUntil(t, tab, `el.classList.contains("knowledge-check__show-code")`, 5)
			keys(t, tab, kb.Enter)
			code := checkCode(k.Code, phase, right)
			if got := evalT[string](t, tab, `(document.querySelector(".knowledge-check__code-text") || {}).textContent || ""`); got != code {
				t.Errorf("the result code is %q; want %q", got, code)
			}
			stored := evalT[[]string](t, tab, fmt.Sprintf(`(function () { var a = JSON.parse(localStorage.getItem("joinedup.checks")).data.checks[%q].attempts; return [String(a.length), a[a.length-1].answers, a[a.length-1].phase]; })()`, k.ID))
			if want := []string{fmt.Sprint(r + 1), code[9 : 9+len(k.Questions)], phase}; !cmp.Equal(stored, want) {
				t.Errorf("stored attempts: count, answers and phase = %v; want %v", stored, want)
			}
			if r == 0 {
				themes(t, tab, "every question marked, with the result and code")
			}
			tabUntil(t, tab, `el.classList.contains("knowledge-check__again")`, 10)
			keys(t, tab, kb.Enter)
			if got := evalT[int](t, tab, `document.querySelectorAll(".knowledge-check input:checked, .knowledge-check input:disabled, .knowledge-check__marked:not([hidden])").length`); got != 0 {
				t.Errorf("after Try again, %d answers are still chosen, locked or marked", got)
			}
			if got := evalT[string](t, tab, `document.activeElement.id`); got != k.ID+"-"+k.Questions[0].ID+"-0" {
				t.Errorf("after Try again focus is on %q; want the first question's first option", got)
			}
		})
	}
}

// checkNoAnswer presses Check my answer with nothing chosen.
func checkNoAnswer(t *testing.T, b *e2e.Browser, o e2e.Origin, k *data.KnowledgeCheck) {
	tab := checkOpen(t, b, o, e2e.Options{})
	q := k.Questions[0]
	id := k.ID + "-" + q.ID
	evalT[bool](t, tab, fmt.Sprintf(`document.getElementById(%q).focus(), true`, id+"-0"))
	tabUntil(t, tab, `el.classList.contains("knowledge-check__check")`, 10)
	keys(t, tab, kb.Enter)
	got := evalT[[]string](t, tab, fmt.Sprintf(`[document.activeElement.id, (document.querySelector("#%s .error-message") || {}).textContent || "", document.querySelector("#%s fieldset").getAttribute("aria-describedby")]`, id, id))
	want := []string{id + "-0", "Error: Choose an answer, then check it", id + "-hint " + id + "-error"}
	if !cmp.Equal(got, want) {
		t.Errorf("Check my answer with nothing chosen: focus, message and description = %q; want %q", got, want)
	}
	clean(t, tab, "no answer chosen")
	checkAnswer(t, tab, k, 0, []int{0})
	if n := evalT[int](t, tab, fmt.Sprintf(`document.querySelectorAll("#%s .error-message").length`, id)); n != 0 {
		t.Errorf("the error stays after an answer is checked")
	}
}

// checkNoJS checks the check without JavaScript: every question a
// fieldset, its answer in a closed <details> that opens from the keyboard
// and prints open.
func checkNoJS(t *testing.T, b *e2e.Browser, o e2e.Origin, k *data.KnowledgeCheck) {
	tab := checkOpen(t, b, o, e2e.Options{NoJS: true})
	type question struct {
		Legend   string   `json:"legend"`
		Inputs   []string `json:"inputs"`
		Open     bool     `json:"open"`
		Feedback int      `json:"feedback"`
		Right    string   `json:"right"`
		Links    int      `json:"links"`
	}
	got := evalT[[]question](t, tab, `Array.from(document.querySelectorAll(".knowledge-check__question")).map(function (q) {
		var d = q.querySelector("details");
		return {legend: q.querySelector("fieldset legend").textContent, inputs: Array.from(q.querySelectorAll("fieldset input")).map(function (i) { return i.type; }),
			open: d.open, feedback: d.querySelectorAll("[data-option]").length, right: d.querySelector(".knowledge-check__right").textContent,
			links: d.querySelectorAll(".knowledge-check__more a").length};
	})`)
	var want []question
	for i, q := range k.Questions {
		typ := "radio"
		if q.Multiple {
			typ = "checkbox"
		}
		var inputs []string
		for range q.Options {
			inputs = append(inputs, typ)
		}
		right := "The right answer is: "
		if len(q.CorrectAnswers()) > 1 {
			right = "The right answers are: "
		}
		want = append(want, question{
			Legend: fmt.Sprintf("Question %d of %d %s", i+1, len(k.Questions), q.Question), Inputs: inputs,
			Feedback: len(q.Options), Right: right + strings.Join(q.CorrectAnswers(), "; ") + ".", Links: len(q.Links),
		})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("questions without JavaScript (-want +got):\n%s", diff)
	}
	first := "#" + k.ID + "-" + k.Questions[0].ID
	evalT[bool](t, tab, `document.querySelector("`+first+` summary").focus(), true`)
	keys(t, tab, kb.Enter)
	if !evalT[bool](t, tab, `document.querySelector("`+first+` details").open && document.querySelector("`+first+` .knowledge-check__explanation").checkVisibility()`) {
		t.Error("Enter on Show the answer does not show the answer")
	}
	dirCleanNoJS(t, tab, "check without JavaScript")
	tab.Close() // give its tab back to the pool before taking another
	printed, err := b.Open(context.Background(), o, tab.Page, e2e.Options{NoJS: true, Media: "print"})
	must(t, err)
	defer printed.Close()
	ps, err := printed.Print()
	must(t, err)
	for _, p := range append(ps, printed.Problems()...) {
		t.Error(p)
	}
}
