package components

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/render"
)

// TestOutlinesMatchRenderedHTML renders every component with the bundled
// data and templates and checks that each id its outline reports (to the
// contents list, the anchor checks and search) is on the rendered page,
// and that each heading it reports is there with its level and text.
func TestOutlinesMatchRenderedHTML(t *testing.T) {
	d := bundledData(t)
	tmpl, err := render.ParseTemplates(os.DirFS(filepath.Join("..", "..", "..", "templates")), render.InFolder("templates"))
	if err != nil {
		t.Fatal(err)
	}
	set := New(d, tmpl.Components, func(string) bool { return true })
	checked := 0
	for _, name := range set.Names() {
		if name == "checklist" {
			continue // the converter's own; it has no template here
		}
		t.Run(name, func(t *testing.T) {
			opts := placeOptions(t, d, name)
			var b strings.Builder
			if err := set.Render(&b, name, opts, "guidance/page.md"); err != nil {
				t.Fatal(err)
			}
			html := b.String()
			for _, s := range set.Outline(name, opts) {
				if s.ID == "" {
					continue
				}
				checked++
				if !strings.Contains(html, ` id="`+s.ID+`"`) {
					t.Errorf("outline id %q is not on the rendered page", s.ID)
					continue
				}
				if s.Level == 0 {
					continue
				}
				h := "h" + string(rune('0'+s.Level))
				i := strings.Index(html, "<"+h+` id="`+s.ID+`"`)
				if i < 0 {
					t.Errorf("outline heading %q is not an <%s> on the rendered page", s.ID, h)
					continue
				}
				end := strings.Index(html[i:], "</"+h+">")
				if got := html[i:][:end]; !strings.HasSuffix(got, ">"+textEscaper.Replace(s.Heading.Text)) {
					t.Errorf("rendered heading %q is %q; want the outline's text %q", s.ID, got, s.Heading.Text)
				}
			}
		})
	}
	if checked < 50 {
		t.Errorf("only %d outline ids checked; the test is not seeing the components", checked)
	}
}

// TestRecords checks, for every component that lists records, that each
// record of the bundled data has an anchor, a name and text, and that no
// anchor repeats.
func TestRecords(t *testing.T) {
	set := New(bundledData(t), nil, func(string) bool { return true })
	want := map[string]int{"partners": 20, "partner-directory": 20, "glossary": 30, "barriers": 40, "principles": 4, "ladder": 9, "consent-aid": 4, "contacts": 8}
	for name, least := range want {
		t.Run(name, func(t *testing.T) {
			seen := map[string]bool{}
			n := 0
			for _, s := range set.Outline(name, nil) {
				if !s.Record {
					continue
				}
				n++
				if s.ID == "" || strings.TrimSpace(s.Heading.Text) == "" || strings.TrimSpace(s.Text) == "" {
					t.Errorf("record %+v lacks an anchor, a name or text", s)
				}
				if seen[s.ID] {
					t.Errorf("record anchor %q repeats", s.ID)
				}
				seen[s.ID] = true
			}
			if n < least {
				t.Errorf("%d records; want at least %d", n, least)
			}
		})
	}
}

// placeOptions are the options that place component name with the
// bundled data: the first scenario or check for those placed by id.
func placeOptions(t *testing.T, d *data.Data, name string) markdown.Options {
	t.Helper()
	var ids []string
	switch name {
	case scenarioName:
		ids = d.ScenarioIDs()
	case knowledgeCheckName:
		ids = d.CheckIDs()
	default:
		return nil
	}
	if len(ids) == 0 {
		t.Fatalf("the bundled site has nothing for %s to place", name)
	}
	return markdown.Options{{Key: "id", Value: ids[0]}}
}
