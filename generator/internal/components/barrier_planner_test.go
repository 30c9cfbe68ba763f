package components

import (
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
)

// plannerData is a small data set with two barriers, one with a remedy
// whose text needs escaping.
func plannerData() *data.Data {
	d := &data.Data{}
	d.Barriers.Barriers = []data.Barrier{
		{ID: "culture", Title: "Different cultures", Description: "Habits differ.", Remedies: []data.Remedy{
			{ID: "culture-shadow", Text: "Shadow a colleague."},
		}},
		{ID: "time", Title: "No time", Description: "Diaries are full.", Remedies: []data.Remedy{
			{ID: "time-protect", Text: "Protect time for <joint> work & review."},
			{ID: "time-share", Text: "Share the load."},
		}},
	}
	return d
}

func TestBarrierPlannerOutline(t *testing.T) {
	tests := []struct {
		name  string
		opts  markdown.Options
		level int
	}{
		{"default level", nil, 2},
		{"level 3", markdown.Options{{Key: "level", Value: "3"}}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := barrierPlannerOutline(plannerData(), tt.opts)
			var heads []site.Heading
			for _, s := range got {
				heads = append(heads, s.Heading)
			}
			want := []site.Heading{
				{Level: tt.level, ID: "plan-barriers", Text: "Step 1: choose barriers and remedies"},
				{Level: tt.level, ID: "plan-actions", Text: "Step 2: your action plan"},
			}
			if diff := cmp.Diff(want, heads); diff != "" {
				t.Errorf("barrierPlannerOutline headings (-want +got):\n%s", diff)
			}
			// The barriers' titles say what can be planned for; their
			// words and remedies are the barriers page's records.
			if got[0].Text != "Different cultures. No time." {
				t.Errorf("barrierPlannerOutline text = %q; want the barriers' titles", got[0].Text)
			}
		})
	}
}

// renderPlanner renders the component's template from the repository with
// d, at the given heading level.
func renderPlanner(t *testing.T, d *data.Data, level int) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "templates", "components", "barrier-planner.html"))
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := template.New("barrier-planner").Parse(string(src))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	opts := markdown.Options{{Key: "level", Value: strconv.Itoa(level)}}
	if err := New(d, tmpl, nil).Render(&b, "barrier-planner", opts, "learning/action-plan.md"); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestBarrierPlannerTemplate(t *testing.T) {
	out := renderPlanner(t, plannerData(), 3)
	wants := []string{
		`data-module="barrier-planner"`,
		`<h3 id="plan-barriers">Step 1: choose barriers and remedies</h3>`,
		`<h3 id="plan-actions">Step 2: your action plan</h3>`,
		`id="plan-barrier-culture" name="barrier" value="culture"`,
		`id="plan-barrier-time" name="barrier" value="time"`,
		`id="plan-remedies-time"`,
		`id="plan-remedy-culture-shadow" name="remedy" value="culture-shadow" data-barrier="culture"`,
		`id="plan-remedy-time-protect" name="remedy" value="time-protect" data-barrier="time"`,
		`id="plan-remedy-time-share" name="remedy" value="time-share" data-barrier="time"`,
		`Protect time for &lt;joint&gt; work &amp; review.`,
		`<th scope="col">Barrier</th><th scope="col">Remedy</th><th scope="col">Action</th><th scope="col">Who</th><th scope="col">By when</th><th scope="col">How we will know</th>`,
	}
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Errorf("barrier-planner output lacks %s", w)
		}
	}
	if n := strings.Count(out, `class="barrier-planner__blank"`); n != 5 {
		t.Errorf("barrier-planner output has %d blank plan rows; want 5", n)
	}
}

// TestBarrierPlannerBundled renders the bundled barriers and checks that
// every barrier and remedy id has its checkbox, and that no id is used
// twice on the page.
func TestBarrierPlannerBundled(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "content", "data", "barriers.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := data.Load(map[string][]byte{"data/barriers.yaml": b}, func(p string) string { return "content/" + p })
	if err != nil {
		t.Fatal(err)
	}
	out := renderPlanner(t, d, 2)
	for _, br := range d.Barriers.Barriers {
		if !strings.Contains(out, `value="`+br.ID+`"`) {
			t.Errorf("barrier %q has no checkbox", br.ID)
		}
		for _, r := range br.Remedies {
			if !strings.Contains(out, `id="plan-remedy-`+r.ID+`" name="remedy" value="`+r.ID+`" data-barrier="`+br.ID+`"`) {
				t.Errorf("remedy %q of barrier %q has no checkbox", r.ID, br.ID)
			}
		}
	}
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(out, -1) {
		if seen[m[1]] {
			t.Errorf("id %q is used twice", m[1])
		}
		seen[m[1]] = true
	}
}
