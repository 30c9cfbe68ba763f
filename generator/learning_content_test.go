package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"joinedup/generator/internal/data"
)

// bundledLearning loads every data file of the bundled site, the folders
// of scenarios and knowledge checks included.
func bundledLearning(t *testing.T) *data.Data {
	t.Helper()
	root := filepath.Join("..", "content")
	files := map[string][]byte{}
	err := filepath.WalkDir(filepath.Join(root, "data"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	d, err := data.Load(files, func(p string) string { return "content/" + p })
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestBundledLearning checks what the issue asks of the bundled scenarios
// and knowledge checks: at least three scenarios and four checks of five
// questions or more; every ending's debrief links to the guidance and to
// the page on law and guidance; every question links to the guidance; and
// the pages that place them say which law they follow.
func TestBundledLearning(t *testing.T) {
	d := bundledLearning(t)
	if len(d.Scenarios) < 3 || len(d.Checks) < 4 {
		t.Fatalf("the bundled site has %d scenarios and %d checks; want at least 3 and 4", len(d.Scenarios), len(d.Checks))
	}
	for _, s := range d.Scenarios {
		endings := 0
		for _, st := range s.Steps {
			if st.Ending == nil {
				continue
			}
			endings++
			guidance, law := false, false
			for _, l := range st.Ending.Links {
				guidance = guidance || strings.HasPrefix(l.Page, "guidance/") && !strings.HasPrefix(l.Page, "guidance/law-and-guidance.md")
				law = law || strings.HasPrefix(l.Page, "guidance/law-and-guidance.md")
			}
			if !guidance || !law {
				t.Errorf("scenario %s, ending %s: the debrief links to the guidance (%v) and the law page (%v); want both", s.ID, st.ID, guidance, law)
			}
		}
		if endings < 3 {
			t.Errorf("scenario %s has %d endings; want at least 3", s.ID, endings)
		}
		checkPagePlaces(t, "scenarios", s.ID, "::: scenario id="+s.ID)
	}
	for _, k := range d.Checks {
		if len(k.Questions) < 5 {
			t.Errorf("check %s has %d questions; want at least 5", k.ID, len(k.Questions))
		}
		multiple := false
		for _, q := range k.Questions {
			multiple = multiple || q.Multiple
			guidance := false
			for _, l := range q.Links {
				guidance = guidance || strings.HasPrefix(l.Page, "guidance/")
			}
			if !guidance {
				t.Errorf("check %s, question %s does not link to the guidance", k.ID, q.ID)
			}
		}
		if !multiple {
			t.Errorf("check %s has no question with several right answers", k.ID)
		}
		checkPagePlaces(t, "checks", k.ID, "::: knowledge-check id="+k.ID)
	}
}

// checkPagePlaces checks that learning/DIR/ID.md places the item and says
// that it follows the law in England.
func checkPagePlaces(t *testing.T, dir, id, directive string) {
	t.Helper()
	p := filepath.Join("..", "content", "learning", dir, id+".md")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Errorf("no page for %s/%s: %v", dir, id, err)
		return
	}
	if !strings.Contains(string(b), directive+"\n") {
		t.Errorf("%s does not place %q", p, directive)
	}
	if !strings.Contains(string(b), "the law in England") {
		t.Errorf("%s does not say that it follows the law in England", p)
	}
}

// TestLearningIsLinked checks that the learning and training indexes and
// every session plan lead to the new material.
func TestLearningIsLinked(t *testing.T) {
	for page, links := range map[string][]string{
		"learning/_index.md":        {"](scenarios/_index.md)", "](checks/_index.md)", "](record.md)"},
		"training/_index.md":        {"](../learning/checks/_index.md)", "](../learning/scenarios/_index.md)"},
		"training/group-results.md": {"::: check-results"},
	} {
		b, err := os.ReadFile(filepath.Join("..", "content", filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range links {
			if !strings.Contains(string(b), l) {
				t.Errorf("content/%s has no %q", page, l)
			}
		}
	}
	plans, err := filepath.Glob(filepath.Join("..", "content", "training", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	sessions := 0
	for _, p := range plans {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "\nsession:\n") {
			continue
		}
		sessions++
		if !strings.Contains(string(b), "\n  check: ../learning/checks/") {
			t.Errorf("%s names no knowledge check to run before and after", p)
		}
		if !strings.Contains(string(b), "](../learning/scenarios/") {
			t.Errorf("%s links no practice scenario for learners to try afterwards", p)
		}
	}
	if sessions < 2 {
		t.Errorf("found %d session plans; want the bundled ones", sessions)
	}
}
