//go:build browser

package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"joinedup/generator/e2e"
	"joinedup/generator/internal/search"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// result is one link in the results list: the test contract of the search
// page is the links inside [data-search-results], in rank order.
type result struct {
	Text string `json:"text"`
	Href string `json:"href"`
	Mark int    `json:"mark"`
}

// searchPage opens search/index.html?q=query and waits for its results.
func searchPage(t *testing.T, b *e2e.Browser, o e2e.Origin, query string) ([]result, string, *e2e.Tab) {
	t.Helper()
	tab, err := b.Open(context.Background(), o, "search/index.html?q="+urlQuery(query), e2e.Options{})
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		done, err := e2e.Eval[bool](tab, `(function(){var h=document.getElementById("results-heading");return !!h && h.textContent.indexOf("Searching")<0})()`)
		if err != nil {
			t.Fatal(err)
		}
		if done {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("search for %q showed no results heading within 10s (%s)", query, o.Mode)
		}
		time.Sleep(20 * time.Millisecond)
	}
	rs, err := e2e.Eval[[]result](tab, `Array.from(document.querySelectorAll("[data-search-results] a")).map(function(a){
		var li=a.closest("li"); return {text:a.textContent, href:a.getAttribute("href"), mark: li ? li.querySelectorAll("mark").length : 0}})`)
	if err != nil {
		t.Fatal(err)
	}
	status, err := e2e.Eval[string](tab, `document.getElementById("search-status").textContent`)
	if err != nil {
		t.Fatal(err)
	}
	return rs, status, tab
}

func urlQuery(q string) string {
	return strings.ReplaceAll(strings.ReplaceAll(q, "%", "%25"), " ", "%20")
}

func page(href string) string {
	href, _, _ = strings.Cut(href, "#")
	for _, prefix := range []string{"guidance/", "case-studies/", "about/", "learning/", "training/"} {
		if i := strings.Index(href, "/"+prefix); i >= 0 {
			return href[i+1:]
		}
	}
	return href[strings.LastIndex(href, "/")+1:]
}

// TestSearch checks search in a real browser, over HTTP and from file://.
func TestSearch(t *testing.T) {
	site := e2e.Build(t)
	b := e2e.Start(t, 2)
	origins := []e2e.Origin{site.Serve(t), site.Disk()}
	// Each case says whether its words must show highlighted: a word found
	// through a synonym may not appear in the stored excerpt.
	tests := []struct {
		name, query string
		highlight   bool
		check       func(t *testing.T, rs []result)
	}{
		{"stemming", "safeguard", true, func(t *testing.T, rs []result) {
			if len(rs) == 0 || !strings.Contains(strings.ToLower(rs[0].Text), "safeguarding") {
				t.Errorf("first result %v; want a section about safeguarding", first(rs))
			}
		}},
		{"typo", "safegaurding", true, func(t *testing.T, rs []result) {
			if len(rs) == 0 || !strings.Contains(strings.ToLower(rs[0].Text), "safeguarding") {
				t.Errorf("first result %v; want safeguarding despite the typo", first(rs))
			}
		}},
		{"typo that changes the stem", "escalaton", true, func(t *testing.T, rs []result) {
			if len(rs) == 0 || page(rs[0].Href) != "guidance/when-professionals-disagree.html" {
				t.Errorf("first result %v; want the page on escalation", first(rs))
			}
		}},
		{"prefix", "partnersh", true, func(t *testing.T, rs []result) {
			if len(rs) < 3 || !strings.Contains(strings.ToLower(rs[0].Text), "partnership") {
				t.Errorf("results %v; want pages about partnership for the prefix", rs)
			}
		}},
		{"abbreviation", "SALT", false, func(t *testing.T, rs []result) {
			if len(rs) == 0 || page(rs[0].Href) != "guidance/partners-and-roles.html" {
				t.Errorf("first result %v; want the partners page (speech and language therapist)", first(rs))
			}
		}},
		{"multi-word all words first", "information sharing agreement", true, func(t *testing.T, rs []result) {
			if len(rs) == 0 || !strings.Contains(strings.ToLower(rs[0].Text), "information sharing agreement") {
				t.Errorf("first result %v; want a section with all three words", first(rs))
			}
		}},
		{"numbers", "Care Act 2014", false, func(t *testing.T, rs []result) {
			// The law page has a section on the Act; the page on why
			// partnership matters describes its duties too.
			if len(rs) == 0 || (page(rs[0].Href) != "guidance/law-and-guidance.html" && page(rs[0].Href) != "guidance/why-it-matters.html") {
				t.Errorf("first result %v; want a page on the Care Act 2014", first(rs))
			}
		}},
		{"no results", "zzzzqqq", false, func(t *testing.T, rs []result) {
			if len(rs) != 0 {
				t.Errorf("results %v; want none", rs)
			}
		}},
	}
	for _, o := range origins {
		t.Run(string(o.Mode), func(t *testing.T) {
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					rs, status, tab := searchPage(t, b, o, tt.query)
					defer tab.Close()
					tt.check(t, rs)
					if len(rs) > 0 {
						if tt.highlight && rs[0].Mark == 0 {
							t.Errorf("first result of %q has no highlighted words in its excerpt", tt.query)
						}
						if !strings.Contains(status, fmt.Sprintf("%d result", len(rs))) {
							t.Errorf("live region says %q; want the count %d", status, len(rs))
						}
					}
					for _, p := range tab.Problems() {
						t.Error(p)
					}
				})
			}
			t.Run("axe on results", func(t *testing.T) {
				_, _, tab := searchPage(t, b, o, "consent")
				defer tab.Close()
				ps, err := tab.Axe()
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range ps {
					t.Error(p)
				}
			})
		})
	}
}

func first(rs []result) any {
	if len(rs) == 0 {
		return "(none)"
	}
	return rs[0]
}

// TestSearchKeyboard uses the header box with the keyboard only: "/" to
// focus it, type, arrow down to a result, Enter to go there.
func TestSearchKeyboard(t *testing.T) {
	site := e2e.Build(t)
	b := e2e.Start(t, 1)
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode), func(t *testing.T) {
			tab, err := b.Open(context.Background(), o, "guidance/practical-tips.html", e2e.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer tab.Close()
			ctx := tab.Context()
			if err := chromedp.Do(ctx, chromedp.KeyEvent("/")); err != nil {
				t.Fatal(err)
			}
			focused, _ := e2e.Eval[string](tab, `document.activeElement && document.activeElement.id`)
			if focused != "search-input" {
				t.Fatalf("after /, focus is on %q; want the search box", focused)
			}
			// The DevTools protocol delivers the "/" as a character even
			// though the page cancelled its keydown, as a real keyboard
			// would not; empty the box before typing.
			if _, err := e2e.Eval[bool](tab, `(document.getElementById("search-input").value = "", true)`); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent("consent")); err != nil {
				t.Fatal(err)
			}
			// Wait for the suggestions for the whole word, not a stale
			// earlier prefix.
			if err := chromedp.Do(ctx, chromedp.WaitVisible(`#search-suggestions[data-query="consent"] [role=option]`)); err != nil {
				t.Fatal(err)
			}
			expanded, _ := e2e.Eval[string](tab, `document.getElementById("search-input").getAttribute("aria-expanded")`)
			if expanded != "true" {
				t.Errorf("aria-expanded = %q with suggestions shown", expanded)
			}
			ps, err := tab.Axe()
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				t.Errorf("with suggestions open: %v", p)
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown)); err != nil {
				t.Fatal(err)
			}
			active, _ := e2e.Eval[string](tab, `document.getElementById("search-input").getAttribute("aria-activedescendant")`)
			if active != "search-option-0" {
				t.Fatalf("after arrow down, aria-activedescendant = %q; want search-option-0", active)
			}
			target, _ := e2e.Eval[string](tab, `document.getElementById("search-option-0").getAttribute("data-href")`)
			time.Sleep(600 * time.Millisecond) // let the count be announced
			status, _ := e2e.Eval[string](tab, `document.querySelector(".search-form [role=status]").textContent`)
			if !strings.Contains(status, "result") {
				t.Errorf("live region says %q; want the number of results", status)
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(5 * time.Second)
			for {
				loc, _ := e2e.Eval[string](tab, `location.href`)
				if loc == target {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("Enter went to %q; want %q", loc, target)
				}
				time.Sleep(50 * time.Millisecond)
			}
		})
	}
}

// TestStemmerAgrees checks that the browser's stemmer gives the same stem as
// the Go indexer for every word of the bundled content.
func TestStemmerAgrees(t *testing.T) {
	root, err := e2e.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	err = filepath.WalkDir(filepath.Join(root, "content"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		for _, w := range search.Tokens(string(b)) {
			seen[w] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	sort.Strings(words)
	site := e2e.Build(t)
	b := e2e.Start(t, 1)
	tab, err := b.Open(context.Background(), site.Disk(), "index.html", e2e.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	list, _ := json.Marshal(words)
	got, err := e2e.Eval[[]string](tab, `(`+string(list)+`).map(function(w){return window.joinedupSearch.stem(w)})`)
	if err != nil {
		t.Fatal(err)
	}
	bad := 0
	for i, w := range words {
		if want := search.Stem(w); got[i] != want {
			bad++
			if bad <= 20 {
				t.Errorf("stem(%q): browser %q, Go %q", w, got[i], want)
			}
		}
	}
	t.Logf("%d words compared, %d differ", len(words), bad)
	if len(words) < 1000 {
		t.Errorf("only %d words compared", len(words))
	}
}

// careQueries are questions a care worker would type, each with the page
// that answers it.
var careQueries = []struct{ query, page string }{
	{"when can I share information without consent", "guidance/consent-and-information-sharing.html"},
	{"lasting power of attorney", "guidance/consent-and-information-sharing.html"},
	{"LPA", "guidance/consent-and-information-sharing.html"},
	{"names in emails", "guidance/consent-and-information-sharing.html"},
	{"UK GDPR", "guidance/consent-and-information-sharing.html"},
	{"who is the speech therapist", "guidance/partners-and-roles.html"},
	{"occupational therapist", "guidance/partners-and-roles.html"},
	{"dietitian", "guidance/partners-and-roles.html"},
	{"district nurse role", "guidance/partners-and-roles.html"},
	{"advice from a GP in writing", "guidance/recording-advice.html"},
	{"record change to care plan", "guidance/recording-advice.html"},
	{"professional courtesy", "guidance/principles.html"},
	{"set expectations", "guidance/principles.html"},
	{"silo mentality", "guidance/barriers-and-remedies.html"},
	{"lack of trust between agencies", "guidance/barriers-and-remedies.html"},
	{"health and social care divide", "guidance/barriers-and-remedies.html"},
	{"partnership ladder rungs", "guidance/partnership-ladder.html"},
	{"Arnstein", "guidance/partnership-ladder.html"},
	{"who chairs a network meeting", "guidance/network-meetings.html"},
	{"lead professional", "guidance/network-meetings.html"},
	{"disagree with another professional", "guidance/when-professionals-disagree.html"},
	{"escalation formal complaint", "guidance/when-professionals-disagree.html"},
	{"shadow a colleague", "guidance/practical-tips.html"},
	{"Care Act 2014 duty", "guidance/why-it-matters.html"},
	{"benefits of partnership working", "guidance/why-it-matters.html"},
	{"self-assessment ladder", "learning/self-assessment.html"},
	{"session plan knowing roles", "training/knowing-each-others-roles.html"},
	{"what does SENCo mean", "about/glossary.html"},
}

// TestCareQueries runs questions a care worker would type and reports how
// many find the page that answers them in the top three results.
func TestCareQueries(t *testing.T) {
	site := e2e.Build(t)
	b := e2e.Start(t, 2)
	o := site.Disk()
	found := 0
	for _, q := range careQueries {
		rs, _, tab := searchPage(t, b, o, q.query)
		tab.Close()
		hit := false
		for i := 0; i < len(rs) && i < 3; i++ {
			if page(rs[i].Href) == q.page {
				hit = true
			}
		}
		if hit {
			found++
		} else {
			var top []string
			for i := 0; i < len(rs) && i < 3; i++ {
				top = append(top, page(rs[i].Href))
			}
			t.Logf("miss: %q -> %v; want %s", q.query, top, q.page)
		}
	}
	share := float64(found) / float64(len(careQueries))
	t.Logf("care-worker queries: %d of %d (%.0f%%) find their page in the top 3", found, len(careQueries), share*100)
	if share < 0.85 {
		t.Errorf("only %.0f%% of care-worker queries find their page in the top 3; want at least 85%%", share*100)
	}
}
