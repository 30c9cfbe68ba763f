package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// seedsDir is where the source documents the bundled content was written
// from are kept, beside the repository. JOINEDUP_SEEDS overrides it.
func seedsDir() string {
	if d := os.Getenv("JOINEDUP_SEEDS"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "seeds")
}

var wordPattern = regexp.MustCompile(`[a-z0-9']+`)

func words(s string) []string {
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'").Replace(strings.ToLower(s))
	return wordPattern.FindAllString(s, -1)
}

// TestContentIsOwnWords checks that no run of 10 or more words from a source
// document appears in content/: facts carry over, sentences do not.
func TestContentIsOwnWords(t *testing.T) {
	seeds, _ := filepath.Glob(filepath.Join(seedsDir(), "*.txt"))
	if len(seeds) == 0 {
		t.Skipf("source documents not found in %s (set JOINEDUP_SEEDS to their folder to run this check)", seedsDir())
	}
	const n = 10
	runs := map[string]string{}
	for _, f := range seeds {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		w := words(string(b))
		for i := 0; i+n <= len(w); i++ {
			runs[strings.Join(w[i:i+n], " ")] = filepath.Base(f)
		}
	}
	checked := 0
	err := filepath.WalkDir(filepath.Join("..", "content"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || (!strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".yaml")) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		checked++
		w := words(string(b))
		for i := 0; i+n <= len(w); i++ {
			if src, ok := runs[strings.Join(w[i:i+n], " ")]; ok {
				t.Errorf("%s copies 10 words from %s: %q", p, src, strings.Join(w[i:i+n], " "))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Errorf("only %d content files checked", checked)
	}
}

// TestBundledTopics checks that every topic the default site promises has
// its page, with its audience set.
func TestBundledTopics(t *testing.T) {
	pages := []string{
		"_index.md",
		"guidance/what-is-partnership-working.md",
		"guidance/why-it-matters.md",
		"guidance/partners-and-roles.md",
		"guidance/consent-and-information-sharing.md",
		"guidance/recording-advice.md",
		"guidance/principles.md",
		"guidance/features-of-effective-partnerships.md",
		"guidance/barriers-and-remedies.md",
		"guidance/partnership-ladder.md",
		"guidance/network-meetings.md",
		"guidance/when-professionals-disagree.md",
		"guidance/practical-tips.md",
		"guidance/law-and-guidance.md",
		"guidance/who-to-call.md",
		"guidance/can-i-share-card.md",
		"case-studies/adult-social-care.md",
		"case-studies/children-and-families.md",
		"about/faqs.md",
		"about/glossary.md",
		"about/sources.md",
		"about/privacy.md",
		"learning/self-assessment.md",
		"training/knowing-each-others-roles.md",
		"training/climbing-the-ladder.md",
	}
	for _, p := range pages {
		b, err := os.ReadFile(filepath.Join("..", "content", filepath.FromSlash(p)))
		if err != nil {
			t.Errorf("missing page: %v", err)
			continue
		}
		if !regexp.MustCompile(`(?m)^audience: \[`).Match(b) {
			t.Errorf("%s has no audience list", p)
		}
	}
}

// TestGuidanceSaysWhereItApplies checks that every guidance page says it
// describes England and links to the page on law and guidance, which says
// how Wales, Scotland and Northern Ireland differ.
func TestGuidanceSaysWhereItApplies(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("..", "content", "guidance", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 10 {
		t.Fatalf("found %d guidance pages; want the bundled ones", len(pages))
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if !strings.Contains(s, "England") {
			t.Errorf("%s does not say that it describes England", p)
		}
		if filepath.Base(p) != "law-and-guidance.md" && !strings.Contains(s, "](law-and-guidance.md") {
			t.Errorf("%s does not link to law-and-guidance.md", p)
		}
	}
}
