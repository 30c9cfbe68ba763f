package components

import (
	"strings"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
)

// knowledgeCheckSpec describes the knowledge-check component: the
// questions of data/checks/ID.yaml as a form. Without JavaScript each
// question is a fieldset, with its answer and explanation in a <details>
// below it; the script marks each answer as it is given, keeps the score
// and, at the end, gives the result code for a trainer.
func knowledgeCheckSpec() spec {
	return spec{
		options: []string{"id", "level"},
		needs:   data.CheckDir + "/",
		present: func(d *data.Data) bool { return len(d.Checks) > 0 },
		outline: knowledgeCheckOutline,
		check: func(d *data.Data, opts markdown.Options) (string, *markdown.Option) {
			return itemID(opts, knowledgeCheckName, "knowledge check", data.CheckDir, d.CheckIDs())
		},
		links: func(d *data.Data, opts markdown.Options) []site.Link {
			id, _ := opts.Get("id")
			k := d.Check(id)
			if k == nil {
				return nil
			}
			var out []site.Link
			for _, q := range k.Questions {
				out = append(out, dataLinks(q.Links)...)
			}
			return out
		},
	}
}

// CheckAnchor is the id of a knowledge check's heading.
func CheckAnchor(check string) string { return "check-" + check }

// QuestionAnchor is the id of a question's fieldset: the check's id and
// the question's, so that two checks can share a page.
func QuestionAnchor(check, question string) string { return check + "-" + question }

// Question is the id of a question's fieldset in the check being
// rendered.
func (v View) Question(question string) string { return QuestionAnchor(v.Check.ID, question) }

// knowledgeCheckOutline gives the check's heading to the contents list,
// each question as an anchor, and the questions, answers and explanations
// to search.
func knowledgeCheckOutline(d *data.Data, opts markdown.Options) []markdown.Section {
	id, _ := opts.Get("id")
	k := d.Check(id)
	if k == nil {
		return nil
	}
	var text strings.Builder
	text.WriteString(k.Intro)
	for _, q := range k.Questions {
		text.WriteString(" " + q.Question)
		for _, o := range q.Options {
			text.WriteString(" " + o.Text)
		}
		text.WriteString(" " + q.Explanation)
	}
	out := []markdown.Section{{Heading: site.Heading{Level: level(opts), ID: CheckAnchor(k.ID), Text: k.Title}, Text: text.String()}}
	for _, q := range k.Questions {
		out = append(out, markdown.Section{Heading: site.Heading{ID: QuestionAnchor(k.ID, q.ID)}})
	}
	return out
}
