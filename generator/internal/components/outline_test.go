package components

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
			var b strings.Builder
			if err := set.Render(&b, name, nil, "guidance/page.md"); err != nil {
				t.Fatal(err)
			}
			html := b.String()
			for _, s := range set.Outline(name, nil) {
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
