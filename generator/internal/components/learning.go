package components

import (
	"fmt"
	"strings"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
)

// The components of learning by doing: scenarios and knowledge checks,
// placed by id, the trainer's before-and-after results, and the learner's
// record of what they have done.
const (
	scenarioName       = "scenario"
	knowledgeCheckName = site.KnowledgeCheck
	checkResultsName   = "check-results"
	learningRecordName = "learning-record"
)

// learningSpecs describes the learning components.
func learningSpecs() map[string]spec {
	return map[string]spec{
		scenarioName:       scenarioSpec(),
		knowledgeCheckName: knowledgeCheckSpec(),
		checkResultsName:   checkResultsSpec(),
		learningRecordName: learningRecordSpec(),
	}
}

// itemID checks the id= option of a component that places one item of a
// data folder (what names it, such as "scenario"): it must be given, and
// name a file of the folder.
func itemID(opts markdown.Options, name, what, dir string, ids []string) (string, *markdown.Option) {
	for i, o := range opts {
		if o.Key != "id" {
			continue
		}
		if len(ids) == 0 {
			return fmt.Sprintf("unknown %s %q: there is no content/data/%s/%s.yaml, and no %s yet; add the file", what, o.Value, dir, o.Value, dir), &opts[i]
		}
		for _, id := range ids {
			if id == o.Value {
				return "", nil
			}
		}
		return fmt.Sprintf("unknown %s %q%s; there is no content/data/%s/%s.yaml. Use one of %s", what, o.Value, diag.Hint(o.Value, ids), dir, o.Value, strings.Join(ids, ", ")), &opts[i]
	}
	return fmt.Sprintf("component %q needs id=, the name of its file in content/data/%s/ without .yaml", name, dir), nil
}

// dataLinks turns links written in a data file into links the build
// checks, each at its place in the file.
func dataLinks(links []data.PageLink) []site.Link {
	var out []site.Link
	for _, l := range links {
		page, anchor, _ := strings.Cut(l.Page, "#")
		out = append(out, site.Link{Target: page, Anchor: anchor, Page: true, Pos: l.Pos.Of("page")})
	}
	return out
}

// Paragraphs splits text written in a data file into its paragraphs, at
// blank lines; the lines of a paragraph are joined with spaces.
func (v View) Paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}
