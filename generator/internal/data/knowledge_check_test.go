package data

import (
	"errors"
	"strings"
	"testing"

	"joinedup/generator/internal/diag"

	"github.com/google/go-cmp/cmp"
)

// checkYAML is a small valid knowledge check: one single-answer question
// and one multiple-answer question.
const checkYAML = `title: Roles
code: RO
intro: Five minutes.
questions:
  - id: district-nurse
    question: Who dresses a wound at home?
    options:
      - text: A district nurse
        correct: true
        feedback: Yes.
      - text: A pharmacist
        feedback: No.
    explanation: District nurses visit people at home.
    links:
      - text: Partners and their roles
        page: guidance/partners-and-roles.md#partners-you-will-meet-often
  - id: who-to-tell
    question: Who should know about a fall?
    multiple: true
    options:
      - text: The GP
        correct: true
        feedback: Yes.
      - text: The family, if the person agrees
        correct: true
        feedback: Yes.
      - text: Nobody
        feedback: No.
    explanation: Tell those who care for the person.
    links:
      - text: Consent
        page: guidance/consent-and-information-sharing.md
`

func loadChecks(t *testing.T, files map[string]string) (*Data, []string) {
	t.Helper()
	in := map[string][]byte{}
	for k, v := range files {
		in[k] = []byte(v)
	}
	d, err := Load(in, display)
	var got []string
	if err != nil {
		var list diag.List
		if !errors.As(err, &list) {
			t.Fatalf("Load error = %v; want a diag.List", err)
		}
		for _, e := range list {
			got = append(got, e.Error())
		}
	}
	return d, got
}

func TestKnowledgeCheckValid(t *testing.T) {
	d, errs := loadChecks(t, map[string]string{"data/checks/roles.yaml": checkYAML})
	if errs != nil {
		t.Fatalf("Load: %v", errs)
	}
	k := d.Check("roles")
	if k == nil {
		t.Fatalf("Check(roles) = nil; have %v", d.CheckIDs())
	}
	if got, want := k.String(), "roles (RO): 2 questions"; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
	if diff := cmp.Diff([]string{"The GP", "The family, if the person agrees"}, k.Questions[1].CorrectAnswers()); diff != "" {
		t.Errorf("CorrectAnswers (-want +got):\n%s", diff)
	}
}

// TestKnowledgeCheckErrors makes one mistake of each kind in the valid
// check and checks each is reported where it is, with what to do.
func TestKnowledgeCheckErrors(t *testing.T) {
	const file = "content/data/checks/roles.yaml"
	tests := []struct {
		name      string
		old, repl string
		want      []string
	}{
		{"no right answer", "        correct: true\n        feedback: Yes.\n      - text: A pharmacist", "        feedback: Yes.\n      - text: A pharmacist", []string{
			file + `:8:7: question "district-nurse" has no right answer; mark the right option with "correct: true"`,
		}},
		{"two right answers to a single-answer question", "      - text: A pharmacist\n", "      - text: A pharmacist\n        correct: true\n", []string{
			file + `:8:7: question "district-nurse" has 2 right answers, but a reader can choose only one; mark one, or add "multiple: true" so the reader ticks every right answer`,
		}},
		{"multiple with no right answer", "      - text: The GP\n        correct: true\n        feedback: Yes.\n      - text: The family, if the person agrees\n        correct: true\n", "      - text: The GP\n        feedback: Yes.\n      - text: The family, if the person agrees\n", []string{
			file + `:21:7: question "who-to-tell" has no right answer; mark the right option with "correct: true"`,
		}},
		{"one option", "      - text: A pharmacist\n        feedback: No.\n", "", []string{
			file + `:8:7: question "district-nurse" needs at least two options; found 1`,
		}},
		{"option without feedback", "        feedback: No.\n    explanation: District", "    explanation: District", []string{
			file + `:11:9: missing required field "feedback" in "questions[1].options[2]"`,
		}},
		{"duplicate option", "- text: A pharmacist", "- text: A district nurse", []string{
			file + `:11:15: question "district-nurse" already has the option "A district nurse" at line 8; each option must be different`,
		}},
		{"missing explanation", "    explanation: District nurses visit people at home.\n", "", []string{
			file + `:5:5: missing required field "explanation" in "questions[1]"`,
		}},
		{"no links", "    links:\n      - text: Partners and their roles\n        page: guidance/partners-and-roles.md#partners-you-will-meet-often\n", "    links: []\n", []string{
			file + `:14:12: question "district-nurse" needs at least one link to the guidance, where a reader who got it wrong can read more`,
		}},
		{"bad link page", "page: guidance/consent-and-information-sharing.md", "page: https://example.org/consent", []string{
			file + `:32:15: link page "https://example.org/consent" should be the path of a page below content/, with an optional #anchor, like "guidance/consent-and-information-sharing.md#asking-the-person"`,
		}},
		{"duplicate question id", "id: who-to-tell", "id: district-nurse", []string{
			file + `:17:9: question id "district-nurse" is already used at line 5; ids must be unique`,
		}},
		{"malformed code", "code: RO", "code: Roles", []string{
			file + `:2:7: code "Roles" should be two capital letters, like "RO"; result codes name the check by it`,
		}},
		{"missing code", "code: RO\n", "", []string{
			file + `:1:1: missing required field "code"`,
		}},
		{"multiple is not yes or no", "multiple: true", "multiple: often", []string{
			file + `:19:15: "questions[2].multiple" should be true or false, not the text "often"`,
		}},
		{"unknown field", "    explanation: Tell", "    hint: h\n    explanation: Tell", []string{
			file + `:29:5: unknown field "hint" in "questions[2]" (known fields: explanation, id, links, multiple, options, question)`,
		}},
		{"no questions", checkYAML[strings.Index(checkYAML, "questions:"):], "questions: []\n", []string{
			file + `:4:12: the check needs at least one question`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(checkYAML, tt.old, tt.repl, 1)
			if src == checkYAML {
				t.Fatalf("the edit %q did not apply", tt.old)
			}
			_, got := loadChecks(t, map[string]string{"data/checks/roles.yaml": src})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestKnowledgeCheckCodes checks that two checks cannot share a code, and
// that a check cannot have more questions than a code can hold.
func TestKnowledgeCheckCodes(t *testing.T) {
	_, got := loadChecks(t, map[string]string{
		"data/checks/roles.yaml": checkYAML,
		"data/checks/rota.yaml":  checkYAML,
	})
	want := []string{`content/data/checks/rota.yaml:2:7: code "RO" is already used by content/data/checks/roles.yaml; give each check its own code, as result codes name the check by it`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("two checks with one code (-want +got):\n%s", diff)
	}
	q := checkYAML[strings.Index(checkYAML, "  - id: district-nurse"):strings.Index(checkYAML, "  - id: who-to-tell")]
	var many strings.Builder
	many.WriteString("title: Long\ncode: LO\nquestions:\n")
	for i := range MaxQuestions + 1 {
		many.WriteString(strings.Replace(q, "id: district-nurse", "id: q"+string(rune('a'+i/26))+string(rune('a'+i%26)), 1))
	}
	_, got = loadChecks(t, map[string]string{"data/checks/long.yaml": many.String()})
	want = []string{`content/data/checks/long.yaml:364:5: the check has 31 questions; keep it to 30, so that its result code stays short enough to read out`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("too many questions (-want +got):\n%s", diff)
	}
}
