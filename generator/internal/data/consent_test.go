package data

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"joinedup/generator/internal/diag"

	"github.com/google/go-cmp/cmp"
)

// consentYAML is a small valid tree: two steps and three outcomes.
const consentYAML = `steps:
  - id: risk
    question: Is anyone at risk?
    options:
      - answer: "Yes"
        outcome: protect
      - answer: "No"
        next: agreed
  - id: agreed
    question: Have they agreed?
    options:
      - answer: "Yes"
        outcome: share
      - answer: "No"
        outcome: keep
outcomes:
  - id: protect
    title: Share to protect
    text: t
    links:
      - text: Safeguarding
        page: guidance/consent.md#safeguarding
  - id: share
    title: Share
    text: t
  - id: keep
    title: Do not share
    text: t
`

func TestConsentValid(t *testing.T) {
	d, err := Load(map[string][]byte{"data/consent.yaml": []byte(consentYAML)}, display)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.Consent.String(), "2 steps, 3 outcomes"; got != want {
		t.Errorf("Consent = %s; want %s", got, want)
	}
	if got := d.Consent.StepNumber("agreed"); got != 2 {
		t.Errorf("StepNumber(agreed) = %d; want 2", got)
	}
	if got := d.Consent.StepNumber("nope"); got != 0 {
		t.Errorf("StepNumber(nope) = %d; want 0", got)
	}
	if o := d.Consent.Outcome("keep"); o == nil || o.Title != "Do not share" {
		t.Errorf("Outcome(keep) = %v; want the outcome titled Do not share", o)
	}
}

func TestConsentErrors(t *testing.T) {
	tests := []struct {
		name      string
		old, repl string
		want      []string
	}{
		{"unknown step", "next: agreed", "next: agred", []string{
			`content/data/consent.yaml:8:15: unknown step "agred" (did you mean "agreed"?); use one of agreed, risk`,
		}},
		{"unknown outcome", "outcome: keep", "outcome: kept", []string{
			`content/data/consent.yaml:15:18: unknown outcome "kept" (did you mean "keep"?); use one of keep, protect, share`,
		}},
		{"loop", "outcome: keep", "next: risk", []string{
			`content/data/consent.yaml:15:15: answer "No" goes back to step "risk", which makes a loop (risk → agreed → risk); point it at a later step or an outcome`,
			`content/data/consent.yaml:26:9: outcome "keep" is never reached; point an answer at it or remove it`,
		}},
		{"unreachable step", "next: agreed", "outcome: keep", []string{
			`content/data/consent.yaml:9:9: step "agreed" cannot be reached from the first step "risk"; point an answer at it or remove it`,
			`content/data/consent.yaml:23:9: outcome "share" is never reached; point an answer at it or remove it`,
		}},
		{"answer leads nowhere", "        outcome: share\n", "", []string{
			`content/data/consent.yaml:12:9: answer "Yes" leads nowhere; add "next" (a step id) or "outcome" (an outcome id)`,
		}},
		{"both next and outcome", "        outcome: share\n", "        outcome: share\n        next: risk\n", []string{
			`content/data/consent.yaml:13:18: answer "Yes" has both "next" and "outcome"; keep one`,
		}},
		{"one option", "      - answer: \"No\"\n        outcome: keep\n", "", []string{
			`content/data/consent.yaml:12:7: step "agreed" needs at least two options (answers); found 1`,
		}},
		{"duplicate answer", "      - answer: \"No\"\n        outcome: keep\n", "      - answer: \"Yes\"\n        outcome: keep\n", []string{
			`content/data/consent.yaml:14:17: step "agreed" already has the answer "Yes" at line 12; each answer must be different`,
		}},
		{"missing question", "    question: Have they agreed?\n", "", []string{
			`content/data/consent.yaml:9:5: missing required field "question" in "steps[2]"`,
		}},
		{"bad link page", "page: guidance/consent.md#safeguarding", "page: /guidance/consent.html", []string{
			`content/data/consent.yaml:22:15: link page "/guidance/consent.html" should be the path of a page below content/, like "guidance/consent-and-information-sharing.md#start-with-consent"`,
		}},
		{"now outcome says today", "  - id: protect\n    title: Share to protect\n    text: t\n", "  - id: protect\n    title: Share to protect\n    text: Tell your manager today.\n    now: true\n", []string{
			`content/data/consent.yaml:19:11: outcome "protect" is marked now, but its text says "today"; where waiting is dangerous, say "now"`,
		}},
		{"now outcome title says today", "    title: Share to protect\n", "    title: Share it TODAY\n    now: true\n", []string{
			`content/data/consent.yaml:18:12: outcome "protect" is marked now, but its title says "today"; where waiting is dangerous, say "now"`,
		}},
		{"today is fine when not now", "  - id: protect\n    title: Share to protect\n    text: t\n", "  - id: protect\n    title: Share to protect\n    text: Tell your manager today.\n", nil},
		{"duplicate step id", "id: agreed", "id: risk", []string{
			`content/data/consent.yaml:8:15: unknown step "agreed"; use one of risk`,
			`content/data/consent.yaml:9:9: step id "risk" is already used at line 2; ids must be unique`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(consentYAML, tt.old, tt.repl, 1)
			if src == consentYAML {
				t.Fatalf("the edit %q did not apply", tt.old)
			}
			_, err := Load(map[string][]byte{"data/consent.yaml": []byte(src)}, display)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Load = %v; want no error", err)
				}
				return
			}
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("Load error = %v; want a diag.List", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestConsentCard(t *testing.T) {
	card := "card:\n  title: Can I share?\n  sections:\n    - heading: Danger now?\n      now: true\n      points: [Call 999.]\n    - heading: Ask\n      points: [Why, What]\n"
	d, err := Load(map[string][]byte{"data/consent.yaml": []byte(consentYAML + card)}, display)
	if err != nil {
		t.Fatal(err)
	}
	if c := d.Consent.Card; c == nil || len(c.Sections) != 2 || !c.Sections[0].Now || c.Sections[1].Points[1] != "What" {
		t.Errorf("Card = %+v; want two sections, the first marked now", c)
	}
	long := strings.Repeat("word ", 24)
	var many strings.Builder
	many.WriteString("card:\n  title: T\n  sections:\n")
	for i := range CardMaxSections + 1 {
		fmt.Fprintf(&many, "    - heading: S%d\n      points: [a, b, c, d, e, f, g]\n", i)
	}
	var wordy strings.Builder
	wordy.WriteString("card:\n  title: T\n  sections:\n")
	for i := range 6 {
		fmt.Fprintf(&wordy, "    - heading: S%d\n      points: [%s, %s, %s, %s]\n", i, long, long, long, long)
	}
	tests := []struct {
		name, card string
		want       []string
	}{
		{"too many sections and points", many.String(), []string{
			`content/data/consent.yaml:33:15: section "S0" has 7 points; keep it to 6 so the card fits on one page`,
			`content/data/consent.yaml:35:15: section "S1" has 7 points; keep it to 6 so the card fits on one page`,
			`content/data/consent.yaml:37:15: section "S2" has 7 points; keep it to 6 so the card fits on one page`,
			`content/data/consent.yaml:39:15: section "S3" has 7 points; keep it to 6 so the card fits on one page`,
			`content/data/consent.yaml:41:15: section "S4" has 7 points; keep it to 6 so the card fits on one page`,
			`content/data/consent.yaml:43:15: section "S5" has 7 points; keep it to 6 so the card fits on one page`,
			`content/data/consent.yaml:45:15: section "S6" has 7 points; keep it to 6 so the card fits on one page`,
			`content/data/consent.yaml:47:15: section "S7" has 7 points; keep it to 6 so the card fits on one page`,
			`content/data/consent.yaml:48:16: the card has 9 sections, but one page has room for 8; merge some`,
			`content/data/consent.yaml:49:15: section "S8" has 7 points; keep it to 6 so the card fits on one page`,
		}},
		{"too much text", wordy.String(), []string{
			`content/data/consent.yaml:42:16: the card's text reaches 2869 characters by section "S5", but one page has room for about 2400; shorten the points`,
		}},
		{"long point", "card:\n  title: T\n  sections:\n    - heading: H\n      points: [short, " + strings.Repeat("x", 121) + "]\n", []string{
			`content/data/consent.yaml:33:15: point 2 of section "H" is 121 characters; keep each point to 120`,
		}},
		{"missing heading", "card:\n  title: T\n  sections:\n    - points: [a]\n", []string{
			`content/data/consent.yaml:32:7: missing required field "heading" in "card.sections[1]"`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(map[string][]byte{"data/consent.yaml": []byte(consentYAML + tt.card)}, display)
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("Load error = %v; want a diag.List", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBundledConsent(t *testing.T) {
	b, err := readRepoFile("content/data/consent.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Load(map[string][]byte{"data/consent.yaml": b}, display)
	if err != nil {
		t.Fatalf("bundled consent.yaml:\n%v", err)
	}
	if len(d.Consent.Steps) < 5 || len(d.Consent.Outcomes) < 6 {
		t.Errorf("bundled decision aid too small: %s", d.Consent)
	}
	// The aid starts by asking about danger now: one answer to the first
	// question ends at once in an outcome to act on now, with 999.
	first := d.Consent.Steps[0]
	danger := false
	for _, o := range first.Options {
		if out := d.Consent.Outcome(o.Outcome); out != nil && out.Now && strings.Contains(out.Title+out.Text, "999") {
			danger = true
		}
	}
	if !danger || !strings.Contains(first.Question, "danger") {
		t.Errorf("the first question %q does not lead at once to a call-999 outcome marked now", first.Question)
	}
	// Every link must point at a page that exists.
	for _, o := range d.Consent.Outcomes {
		for _, l := range o.Links {
			page, _, _ := strings.Cut(l.Page, "#")
			if _, err := readRepoFile("content/" + page); err != nil {
				t.Errorf("outcome %q links to %s, which does not exist", o.ID, l.Page)
			}
		}
	}
}
