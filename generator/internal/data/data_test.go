package data

import (
	"errors"
	"strings"
	"testing"

	"joinedup/generator/internal/diag"

	"github.com/google/go-cmp/cmp"
)

func display(p string) string { return "content/" + p }

func TestLoadValid(t *testing.T) {
	files := map[string][]byte{
		"data/partners.yaml": []byte("sectors:\n  - id: health\n    name: Health\npartners:\n  - id: gp\n    name: GP\n    abbr: GP\n    sector: health\n    what: Doctor.\n    when: Always.\n"),
		"data/glossary.yaml": []byte("terms:\n  - term: General practitioner\n    abbr: GP\n    definition: A family doctor.\n"),
	}
	d, err := Load(files, display)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.String(); got != "1 partners, 0 principles, 0 barriers, 0 rungs, 0 dimensions, 1 terms" {
		t.Errorf("Load = %s", got)
	}
	if got, want := d.Glossary.Terms[0].Anchor(), "term-gp"; got != want {
		t.Errorf("Anchor() = %q; want %q", got, want)
	}
}

func TestLoadErrors(t *testing.T) {
	rungs := strings.Repeat("  - name: R\n    gloss: g\n    looks_like: l\n    move_up: m\n", 8)
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"unknown sector with hint", map[string]string{
			"data/partners.yaml": "sectors:\n  - id: health\n    name: Health\npartners:\n  - id: gp\n    name: GP\n    sector: helth\n    what: w\n    when: w\n",
		}, []string{`content/data/partners.yaml:7:13: unknown sector "helth" (did you mean "health"?); add it under "sectors" or use one of health`}},
		{"duplicate and malformed ids", map[string]string{
			"data/principles.yaml": "principles:\n  - id: courtesy\n    title: C\n    summary: s\n    points:\n      - id: Reply_Fast\n        text: t\n  - id: courtesy\n    title: D\n    summary: s\n    points: []\n",
		}, []string{
			`content/data/principles.yaml:6:13: practice point id "Reply_Fast" should use only lowercase letters, digits and single hyphens, like "reply-fast"`,
			`content/data/principles.yaml:8:9: principle id "courtesy" is already used at line 2; ids must be unique`,
		}},
		{"ladder needs nine rungs", map[string]string{
			"data/ladder.yaml": "origin: o\nrungs:\n" + rungs,
		}, []string{`content/data/ladder.yaml:3:3: the ladder needs exactly 9 rungs, lowest first; found 8`}},
		{"unknown remedy and principle", map[string]string{
			"data/barriers.yaml":   "barriers:\n  - id: culture\n    title: T\n    description: d\n    remedies:\n      - id: shadowing\n        text: t\n",
			"data/assessment.yaml": "dimensions:\n  - id: purpose\n    title: P\n    question: q\n    descriptors: [1, 2, 3, 4, 5, 6, 7, 8, 9]\n    suggestions:\n      - text: t\n        remedies: [shadowng]\n        principles: [courtesy]\n",
		}, []string{
			`content/data/assessment.yaml:8:19: unknown remedy "shadowng" (did you mean "shadowing"?); use a remedy id from barriers.yaml`,
			`content/data/assessment.yaml:9:21: unknown principle "courtesy"; use a principle id from principles.yaml`,
		}},
		{"unknown file", map[string]string{"data/partner.yaml": "x: 1\n"}, []string{
			`content/data/partner.yaml: unknown data file "partner.yaml" (did you mean "partners.yaml"?); data files are assessment.yaml, barriers.yaml, consent.yaml, contacts.yaml, glossary.yaml, ladder.yaml, partners.yaml, principles.yaml`,
		}},
		{"missing required", map[string]string{"data/glossary.yaml": "terms:\n  - term: GP\n"}, []string{
			`content/data/glossary.yaml:2:5: missing required field "definition" in "terms[1]"`,
		}},
		{".yml beside .yaml", map[string]string{
			"data/partners.yaml": "sectors: []\npartners: []\n",
			"data/partners.yml":  "sectors: []\npartners: []\n",
		}, []string{`content/data/partners.yml: both data/partners.yaml and data/partners.yml exist, and only data/partners.yaml is read; keep one of them`}},
		{"unknown .yml file keeps its name", map[string]string{"data/notes.yml": "x: 1\n"}, []string{
			`content/data/notes.yml: unknown data file "notes.yml"; data files are assessment.yaml, barriers.yaml, consent.yaml, contacts.yaml, glossary.yaml, ladder.yaml, partners.yaml, principles.yaml`,
		}},
		{"schema errors and a broken reference in one pass", map[string]string{
			"data/partners.yaml": "sectors:\n  - id: health\n    name: Health\npartners:\n  - id: gp\n    name: GP\n    sector: [health]\n    what: w\n    when: w\n    colour: red\n  - id: advocate\n    name: Advocate\n    sector: legal-and-advocasy\n    what: w\n    when: w\n",
			"data/glossary.yaml": "terms:\n  - term: GP\n",
		}, []string{
			`content/data/glossary.yaml:2:5: missing required field "definition" in "terms[1]"`,
			`content/data/partners.yaml:7:13: "partners[1].sector" should be text, not a list`,
			`content/data/partners.yaml:10:5: unknown field "colour" in "partners[1]" (known fields: abbr, id, name, sector, what, when)`,
			`content/data/partners.yaml:13:13: unknown sector "legal-and-advocasy"; add it under "sectors" or use one of health`,
		}},
		{"references into a file that could not be parsed are not checked", map[string]string{
			"data/barriers.yaml":   "barriers: [\n",
			"data/assessment.yaml": "dimensions:\n  - id: purpose\n    title: P\n    question: q\n    descriptors: [1, 2, 3, 4, 5, 6, 7, 8, 9]\n    suggestions:\n      - text: t\n        remedies: [shadowing]\n",
		}, []string{
			`content/data/barriers.yaml:1:11: YAML syntax error: the list that starts here with "[" is not closed; end it with "]"`,
		}},
		{"two terms with one id", map[string]string{
			"data/glossary.yaml": "terms:\n  - term: Qa term\n    definition: d\n  - term: Qa-term\n    definition: d\n  - term: Other\n    abbr: QA TERM\n    definition: d\n",
		}, []string{
			`content/data/glossary.yaml:4:11: "Qa-term" would have the same id on the glossary page, #term-qa-term, as "Qa term" at line 2 (ids keep only letters and digits); reword one of them`,
			`content/data/glossary.yaml:7:11: "Other" would have the same id on the glossary page, #term-qa-term, as "Qa term" at line 2 (ids keep only letters and digits); reword one of them`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{}
			for k, v := range tt.files {
				files[k] = []byte(v)
			}
			_, err := Load(files, display)
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

// TestLoadSkipsUnreadable checks that a data file content could not read
// (nil bytes) is neither decoded nor reported again, and that references
// into it are not called unknown.
func TestLoadSkipsUnreadable(t *testing.T) {
	files := map[string][]byte{
		"data/barriers.yaml":   nil,
		"data/assessment.yaml": []byte("dimensions:\n  - id: purpose\n    title: P\n    question: q\n    descriptors: [1, 2, 3, 4, 5, 6, 7, 8, 9]\n    suggestions:\n      - text: t\n        remedies: [shadowing]\n"),
	}
	if _, err := Load(files, display); err != nil {
		t.Errorf("Load = %v; want no problems", err)
	}
}

// TestGlossaryAnchors checks that terms keep the letters of any alphabet
// in their ids, and that a term repeating another's id is left out, so
// the glossary page does not show (and report) the id twice.
func TestGlossaryAnchors(t *testing.T) {
	files := map[string][]byte{"data/glossary.yaml": []byte("terms:\n  - term: Gofal cymdeithasol\n    definition: d\n  - term: Café & crème\n    definition: d\n  - term: 日本語\n    definition: d\n  - term: Qa term\n    definition: d\n  - term: Qa-term\n    definition: d\n")}
	d, _ := Load(files, display)
	var got []string
	for _, term := range d.Glossary.Terms {
		got = append(got, term.Anchor())
	}
	want := []string{"term-gofal-cymdeithasol", "term-café-crème", "term-日本語", "term-qa-term"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("glossary anchors (-want +got):\n%s", diff)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Full partnership": "full-partnership",
		"Co-existence":     "co-existence",
		"  UK GDPR!! ":     "uk-gdpr",
		"Reply_Fast":       "reply-fast",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestBundledData(t *testing.T) {
	// The bundled site's data must always load: the schema check of issue 3.
	files := map[string][]byte{}
	for _, name := range []string{"partners", "principles", "barriers", "ladder", "assessment", "glossary"} {
		b, err := readRepoFile("content/data/" + name + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		files["data/"+name+".yaml"] = b
	}
	d, err := Load(files, display)
	if err != nil {
		t.Fatalf("bundled data:\n%v", err)
	}
	if len(d.Ladder.Rungs) != RungCount || len(d.Assessment.Dimensions) < 6 || len(d.Partners.Partners) < 20 {
		t.Errorf("bundled data too small: %s", d)
	}
}
