//go:build browser

package e2e_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"joinedup/generator/e2e"
)

// TestBrokenPage shows that the checks catch real mistakes: the home page
// with an image without alt text, an input without a label and an inline
// script, added to the built site as broken.html, fails each check with a
// message naming the page and the rule, over HTTP and from file://.
func TestBrokenPage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	site := e2e.Build(t)
	home, err := os.ReadFile(filepath.Join(site.Dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	const mainTag = `<main id="main-content" class="main" tabindex="-1">`
	if !strings.Contains(string(home), mainTag) {
		t.Fatalf("index.html has no %s to add the defects after", mainTag)
	}
	defects := mainTag + `
<img src="assets/icon.svg">
<input type="text" name="unlabelled">
<script>document.title = "inline script";</script>`
	broken := strings.Replace(string(home), mainTag, defects, 1)
	if err := os.WriteFile(filepath.Join(site.Dir, "broken.html"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}

	b := chromium.Start(t, 2)
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode), func(t *testing.T) {
			got, err := b.CheckPage(ctx, o, "broken.html", e2e.NewLinks(o))
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("found, as expected:\n%s", list(got))
			for _, want := range []struct {
				rule, detail string
			}{
				{"image-alt", "img"},
				{"label", "input"},
				{"csp", "script"},
			} {
				if !hasProblem(got, "broken.html", want.rule, want.detail) {
					t.Errorf("CheckPage(broken.html) found no %s problem mentioning %q; got:\n%s", want.rule, want.detail, list(got))
				}
			}
		})
	}

	t.Run("html", func(t *testing.T) {
		got, err := e2e.Validate(ctx, site.Dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("found, as expected:\n%s", list(got))
		if !hasProblem(got, "broken.html", "html", "alt") {
			t.Errorf("Validate found no error for the image without alt in broken.html; got:\n%s", list(got))
		}
		for _, p := range got {
			if p.Page != "broken.html" {
				t.Errorf("Validate reported a page that is not broken: %s", p)
			}
		}
	})
}

// hasProblem reports whether ps has a problem of the rule on the page whose
// message (as a test would print it) names both and mentions detail.
func hasProblem(ps []e2e.Problem, page, rule, detail string) bool {
	for _, p := range ps {
		s := p.String()
		if p.Page == page && p.Rule == rule && strings.HasPrefix(s, page) && strings.Contains(s, ": "+rule+": ") && strings.Contains(p.Detail, detail) {
			return true
		}
	}
	return false
}

func list(ps []e2e.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("\t" + p.String() + "\n")
	}
	return b.String()
}
