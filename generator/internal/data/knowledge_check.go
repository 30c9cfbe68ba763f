package data

import (
	"fmt"
	"regexp"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/strictyaml"
)

// CheckDir is the data folder of knowledge checks: one file per check,
// data/checks/NAME.yaml, whose NAME is the check's id.
const CheckDir = "checks"

// MaxQuestions is the most questions a knowledge check may have: a result
// code holds one digit per question, and stays short enough to read out.
const MaxQuestions = 30

// KnowledgeCheck is a short set of questions with an explanation for every
// answer. Code names the check in the result codes a learner gives a
// trainer before and after a session, so it is unique and should not
// change once codes are in use.
type KnowledgeCheck struct {
	// ID is the file's name without .yaml; pages place the check by it.
	ID        string     `yaml:"-"`
	Title     string     `yaml:"title" schema:"required"`
	Code      string     `yaml:"code" schema:"required"`
	Intro     string     `yaml:"intro"`
	Questions []Question `yaml:"questions" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
	// clean is set when the file decoded without problems: only then are
	// a question's right answers counted, as a "multiple" with a problem
	// would make a question with several look wrong.
	clean bool
}

// Question is one question of a knowledge check. With Multiple, more than
// one option may be right and the reader ticks every one that is; without
// it, exactly one option is right.
type Question struct {
	ID          string     `yaml:"id" schema:"required"`
	Question    string     `yaml:"question" schema:"required"`
	Multiple    bool       `yaml:"multiple"`
	Options     []Answer   `yaml:"options" schema:"required"`
	Explanation string     `yaml:"explanation" schema:"required"`
	Links       []PageLink `yaml:"links" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Answer is one option of a question, whether it is right, and the
// feedback a reader who chooses it sees.
type Answer struct {
	Text     string `yaml:"text" schema:"required"`
	Correct  bool   `yaml:"correct"`
	Feedback string `yaml:"feedback" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// CorrectAnswers lists the texts of the question's right options.
func (q Question) CorrectAnswers() []string {
	var out []string
	for _, o := range q.Options {
		if o.Correct {
			out = append(out, o.Text)
		}
	}
	return out
}

// Check returns the knowledge check with id, or nil.
func (d *Data) Check(id string) *KnowledgeCheck {
	for i := range d.Checks {
		if d.Checks[i].ID == id {
			return &d.Checks[i]
		}
	}
	return nil
}

// CheckIDs lists the knowledge checks' ids, sorted.
func (d *Data) CheckIDs() []string {
	var ids []string
	for _, k := range d.Checks {
		ids = append(ids, k.ID)
	}
	return ids
}

// checkCodePattern is the form of a check's code: two capital letters.
var checkCodePattern = regexp.MustCompile(`^[A-Z]{2}$`)

// knowledgeChecks checks every knowledge check, and that no two share a
// code.
func (c *checker) knowledgeChecks(checks []KnowledgeCheck) {
	codes := map[string]diag.Pos{}
	for _, k := range checks {
		if k.Pos.Has("code") {
			switch first, dup := codes[k.Code]; {
			case !checkCodePattern.MatchString(k.Code):
				c.errs.Add(k.Pos.Of("code"), "code %q should be two capital letters, like %q; result codes name the check by it", k.Code, suggestCode(k))
			case dup:
				c.errs.Add(k.Pos.Of("code"), "code %q is already used by %s; give each check its own code, as result codes name the check by it", k.Code, first.File)
			default:
				codes[k.Code] = k.Pos.Of("code")
			}
		}
		c.knowledgeCheck(k)
	}
}

// suggestCode makes a code from a check's title or id, for a message.
func suggestCode(k KnowledgeCheck) string {
	var letters []rune
	for _, r := range k.Title + k.ID + "XX" {
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		if r >= 'A' && r <= 'Z' {
			letters = append(letters, r)
		}
		if len(letters) == 2 {
			break
		}
	}
	return string(letters)
}

// knowledgeCheck checks one check's questions.
func (c *checker) knowledgeCheck(k KnowledgeCheck) {
	switch {
	case k.Pos.Has("questions") && len(k.Questions) == 0:
		c.errs.Add(k.Pos.Of("questions"), "the check needs at least one question")
	case len(k.Questions) > MaxQuestions:
		c.errs.Add(k.Questions[MaxQuestions].Pos.Of(""), "the check has %d questions; keep it to %d, so that its result code stays short enough to read out", len(k.Questions), MaxQuestions)
	}
	ids := map[string]diag.Pos{}
	for _, q := range k.Questions {
		c.id(ids, q.ID, q.Pos, "question")
		c.question(q, k.clean)
	}
}

// question checks a question's options: at least two, each different, and
// the right number of them marked correct (in a file without problems).
func (c *checker) question(q Question, clean bool) {
	if q.Pos.Has("options") && len(q.Options) < 2 {
		c.errs.Add(q.Pos.Of("options"), "question %q needs at least two options; found %d", q.ID, len(q.Options))
	}
	if q.Pos.Has("links") && len(q.Links) == 0 {
		c.errs.Add(q.Pos.Of("links"), "question %q needs at least one link to the guidance, where a reader who got it wrong can read more", q.ID)
	}
	c.pageLinks(q.Links)
	texts := map[string]int{}
	right := 0
	for _, o := range q.Options {
		if first, dup := texts[o.Text]; dup && o.Pos.Has("text") {
			c.errs.Add(o.Pos.Of("text"), "question %q already has the option %q at line %d; each option must be different", q.ID, o.Text, first)
		} else {
			texts[o.Text] = o.Pos.Of("text").Line
		}
		if o.Correct {
			right++
		}
	}
	if !clean || len(q.Options) < 2 {
		return
	}
	switch {
	case right == 0:
		c.errs.Add(q.Pos.Of("options"), "question %q has no right answer; mark the right option with \"correct: true\"", q.ID)
	case right > 1 && !q.Multiple:
		c.errs.Add(q.Pos.Of("options"), "question %q has %d right answers, but a reader can choose only one; mark one, or add \"multiple: true\" so the reader ticks every right answer", q.ID, right)
	}
}

// String summarises the check for debugging output.
func (k KnowledgeCheck) String() string {
	return fmt.Sprintf("%s (%s): %d questions", k.ID, k.Code, len(k.Questions))
}
