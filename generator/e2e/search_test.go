//go:build browser

package e2e_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
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
// page is the best bets (.search-bet__link) and then the results
// (.result-list .result__link), in rank order. Href is the address as the
// browser resolved it.
type result struct {
	Text string `json:"text"`
	Href string `json:"href"`
	Mark int    `json:"mark"`
	Bet  bool   `json:"bet"`
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
		done, err := e2e.Eval[bool](tab, `(function(){var h=document.getElementById("results-heading");return !!h && document.querySelectorAll(".result-list .result").length > 0 || !!h && h.textContent.indexOf("No results")===0})()`)
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
	rs, err := e2e.Eval[[]result](tab, `Array.from(document.querySelectorAll("[data-search-results] .search-bet__link, [data-search-results] .result-list .result__link")).map(function(a){
		var li=a.closest("li"); return {text:a.textContent, href:a.href, mark: li ? li.querySelectorAll("mark").length : 0, bet: a.classList.contains("search-bet__link")}})`)
	if err != nil {
		t.Fatal(err)
	}
	status, err := e2e.Eval[string](tab, `document.getElementById("search-status").textContent`)
	if err != nil {
		t.Fatal(err)
	}
	return rs, status, tab
}

// results leaves out the best bets.
func results(rs []result) []result {
	var out []result
	for _, r := range rs {
		if !r.Bet {
			out = append(out, r)
		}
	}
	return out
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
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
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
			if len(rs) == 0 || !strings.Contains(rs[0].Text, "Escalat") {
				t.Errorf("first result %v; want escalation, the page or its glossary term", first(rs))
			}
		}},
		{"prefix", "partnersh", true, func(t *testing.T, rs []result) {
			if len(rs) < 3 || !strings.Contains(strings.ToLower(rs[0].Text), "partnership") {
				t.Errorf("results %v; want pages about partnership for the prefix", rs)
			}
		}},
		{"abbreviation", "SALT", false, func(t *testing.T, rs []result) {
			if len(rs) == 0 || !strings.HasSuffix(rs[0].Href, "guidance/partners-and-roles.html#partner-salt") {
				t.Errorf("first result %v; want the speech and language therapist's entry on the partners page", first(rs))
			}
		}},
		{"multi-word all words first", "information sharing agreement", true, func(t *testing.T, rs []result) {
			if len(rs) == 0 || !strings.Contains(strings.ToLower(rs[0].Text), "information sharing agreement") {
				t.Errorf("first result %v; want a section with all three words", first(rs))
			}
		}},
		{"numbers", "Care Act 2014", false, func(t *testing.T, rs []result) {
			// The law page has a section on the Act; the page on why
			// partnership matters describes its duties too; the glossary
			// defines it.
			if len(rs) == 0 || (page(rs[0].Href) != "guidance/law-and-guidance.html" && page(rs[0].Href) != "guidance/why-it-matters.html" && !strings.Contains(rs[0].Text, "Care Act 2014")) {
				t.Errorf("first result %v; want the Care Act 2014", first(rs))
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
			t.Parallel()
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					all, status, tab := searchPage(t, b, o, tt.query)
					defer tab.Close()
					rs := results(all)
					tt.check(t, rs)
					if len(rs) > 0 && tt.highlight && rs[0].Mark == 0 {
						t.Errorf("first result of %q has no highlighted words in its excerpt", tt.query)
					}
					checkCountOnce(t, tab, status)
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

// checkCountOnce checks that the count is said once: the heading shows it,
// and the live region that announces it is not seen.
func checkCountOnce(t *testing.T, tab *e2e.Tab, status string) {
	t.Helper()
	heading, err := e2e.Eval[string](tab, `document.getElementById("results-heading").textContent`)
	if err != nil {
		t.Fatal(err)
	}
	if status != heading {
		t.Errorf("live region says %q; want the heading's %q", status, heading)
	}
	if !regexp.MustCompile(`^(\d+ results?|No results) for `).MatchString(heading) {
		t.Errorf("heading %q does not give the count", heading)
	}
	seen, err := e2e.Eval[bool](tab, `(function(){var r=document.getElementById("search-status").getBoundingClientRect();return r.width>1&&r.height>1})()`)
	if err != nil {
		t.Fatal(err)
	}
	if seen {
		t.Error("the live region is visible, so the count shows twice")
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
	t.Parallel()
	site := bundled.Build(t)
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode), func(t *testing.T) {
			t.Parallel()
			b := chromium.Start(t, 2) // a browser per origin: its downloads and storage are its own
			tab, err := b.Open(context.Background(), o, "guidance/practical-tips.html", e2e.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer tab.Close()
			// From file:// the modules start once the shared storage page
			// has answered, after the page's load: "/" pressed sooner
			// reaches no module.
			must(t, tab.WaitFor(`document.querySelectorAll("[data-module]:not([data-module-started])").length === 0`, 10*time.Second))
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
	t.Parallel()
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
	site := bundled.Build(t)
	b := chromium.Start(t, 1)
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

// careQuery is a question a care worker would type, with the entries that
// should come first: the record or section that answers it (any one of
// them, where two answer it equally), as a path in the site with its
// anchor.
type careQuery struct {
	query string
	want  []string
}

// careQueries are written from what staff ask: questions, typos, verb
// forms, abbreviations, role names and urgent phrases.
var careQueries = []careQuery{
	// Role names and abbreviations: the role's own entry.
	{"OT", []string{"guidance/partners-and-roles.html#partner-occupational-therapist"}},
	{"GP", []string{"guidance/partners-and-roles.html#partner-gp"}},
	{"SALT", []string{"guidance/partners-and-roles.html#partner-salt"}},
	{"SENCo", []string{"guidance/partners-and-roles.html#partner-senco"}},
	{"health visitor", []string{"guidance/partners-and-roles.html#partner-health-visitor"}},
	{"district nurse", []string{"guidance/partners-and-roles.html#partner-district-nurse"}},
	{"occupational therapist", []string{"guidance/partners-and-roles.html#partner-occupational-therapist"}},
	{"dietitian", []string{"guidance/partners-and-roles.html#partner-dietitian"}},
	{"physio", []string{"guidance/partners-and-roles.html#partner-physiotherapist"}},
	{"speech therapist", []string{"guidance/partners-and-roles.html#partner-salt", "about/glossary.html#term-salt"}},
	{"family doctor", []string{"guidance/partners-and-roles.html#partner-gp"}},
	{"social worker", []string{"guidance/partners-and-roles.html#partner-social-worker"}},
	{"what does an occupational therapist do", []string{"guidance/partners-and-roles.html#partner-occupational-therapist", "about/faqs.html#what-does-a-family-doctor-or-occupational-therapist-actually-do"}},
	{"who is the speech therapist", []string{"guidance/partners-and-roles.html#partner-salt"}},
	{"district nurse role", []string{"guidance/partners-and-roles.html#partner-district-nurse"}},
	{"lead professional", []string{"guidance/partners-and-roles.html#partner-lead-professional", "guidance/partners-and-roles.html#the-lead-professional", "about/faqs.html#what-is-a-lead-professional"}},
	{"educational psychologist", []string{"guidance/partners-and-roles.html#partner-educational-psychologist"}},
	{"housing officer", []string{"guidance/partners-and-roles.html#partner-housing-officer"}},
	{"data protection lead", []string{"guidance/partners-and-roles.html#partner-data-protection-lead", "about/glossary.html#term-data-protection-lead"}},
	{"advocate", []string{"guidance/partners-and-roles.html#partner-advocate", "about/glossary.html#term-advocate"}},
	// Glossary abbreviations: the term.
	{"MDT", []string{"about/glossary.html#term-mdt"}},
	{"LPA", []string{"about/glossary.html#term-lpa"}},
	{"DPA", []string{"about/glossary.html#term-dpa", "guidance/law-and-guidance.html#uk-gdpr-and-the-data-protection-act-2018"}},
	{"UK GDPR", []string{"about/glossary.html#term-uk-gdpr", "guidance/law-and-guidance.html#uk-gdpr-and-the-data-protection-act-2018", "guidance/consent-and-information-sharing.html#confidentiality-and-data-protection-law"}},
	{"EHCP", []string{"about/glossary.html#term-ehcp"}},
	{"CQC", []string{"about/glossary.html#term-cqc", "guidance/who-to-call.html#contact-cqc"}},
	{"what does MDT mean", []string{"about/glossary.html#term-mdt"}},
	{"what does SENCo mean", []string{"about/glossary.html#term-senco", "guidance/partners-and-roles.html#partner-senco"}},
	// Consent and sharing information.
	{"can I share information with a GP without consent", []string{"guidance/consent-and-information-sharing.html#when-you-can-share-without-consent", "guidance/consent-and-information-sharing.html#sharing-for-the-persons-own-care", "about/faqs.html#when-can-i-share-information-without-the-persons-agreement", "learning/can-i-share.html"}},
	{"when can I share information without consent", []string{"guidance/consent-and-information-sharing.html#when-you-can-share-without-consent", "about/faqs.html#when-can-i-share-information-without-the-persons-agreement"}},
	{"sharing information without consent", []string{"guidance/consent-and-information-sharing.html#when-you-can-share-without-consent", "about/faqs.html#when-can-i-share-information-without-the-persons-agreement"}},
	{"do I need consent to share information", []string{"about/faqs.html#do-i-need-the-persons-consent-before-i-share-information-about-them", "guidance/consent-and-information-sharing.html#before-you-share-four-questions", "guidance/consent-and-information-sharing.html"}},
	{"can I put a name in an email", []string{"about/faqs.html#can-i-put-a-persons-name-in-an-email-to-a-partner", "guidance/consent-and-information-sharing.html#sharing-securely-including-by-email"}},
	{"names in emails", []string{"about/faqs.html#can-i-put-a-persons-name-in-an-email-to-a-partner", "guidance/consent-and-information-sharing.html#sharing-securely-including-by-email"}},
	{"lasting power of attorney", []string{"about/glossary.html#term-lpa", "guidance/consent-and-information-sharing.html#attorneys-and-deputies"}},
	{"person lacks capacity", []string{"guidance/consent-and-information-sharing.html#when-the-person-cannot-decide", "guidance/consent-and-information-sharing.html#when-the-person-cannot-decide-1", "about/glossary.html#term-capacity"}},
	{"best interests decision", []string{"guidance/consent-and-information-sharing.html#best-interests", "about/glossary.html#term-best-interests"}},
	{"mental capacity", []string{"about/glossary.html#term-capacity", "guidance/law-and-guidance.html#mental-capacity", "guidance/law-and-guidance.html#mental-capacity-act-2005"}},
	{"information sharing agreement", []string{"guidance/consent-and-information-sharing.html#information-sharing-agreements", "about/glossary.html#term-isa"}},
	{"does GDPR stop me sharing", []string{"about/faqs.html#does-data-protection-law-stop-me-sharing-information", "guidance/consent-and-information-sharing.html#confidentiality-and-data-protection-law"}},
	{"record my decision to share", []string{"guidance/consent-and-information-sharing.html#record-every-sharing-decision"}},
	// Recording advice.
	{"a nurse gave me advice over the phone", []string{"about/faqs.html#a-nurse-gave-me-advice-over-the-phone-what-should-i-do", "guidance/recording-advice.html#record-all-advice-and-instructions"}},
	{"recording what the nurse said", []string{"about/faqs.html#a-nurse-gave-me-advice-over-the-phone-what-should-i-do", "guidance/recording-advice.html#record-all-advice-and-instructions", "guidance/recording-advice.html"}},
	{"advice from a GP in writing", []string{"guidance/recording-advice.html#ask-for-it-in-writing"}},
	{"record change to care plan", []string{"guidance/recording-advice.html#record-any-change-to-the-care-plan"}},
	// Disagreements.
	{"disagreeing with a social worker", []string{"guidance/when-professionals-disagree.html", "guidance/when-professionals-disagree.html#raising-a-disagreement-well", "about/faqs.html#what-should-i-do-if-i-disagree-with-another-professionals-decision"}},
	{"disagree with another professional", []string{"about/faqs.html#what-should-i-do-if-i-disagree-with-another-professionals-decision", "guidance/when-professionals-disagree.html", "guidance/when-professionals-disagree.html#raising-a-disagreement-well"}},
	{"escalate a concern", []string{"guidance/when-professionals-disagree.html#escalating-a-disagreement", "about/glossary.html#term-escalation"}},
	{"complain about another agency", []string{"guidance/when-professionals-disagree.html#making-a-formal-complaint"}},
	{"partner unhappy with our care", []string{"guidance/when-professionals-disagree.html#when-a-partner-disagrees-with-our-care", "about/faqs.html#what-if-a-partner-is-unhappy-with-the-care-we-provide"}},
	// Meetings.
	{"netwrok meetings", []string{"guidance/network-meetings.html"}},
	{"who chairs a network meeting", []string{"guidance/network-meetings.html#who-chairs-the-meeting"}},
	{"chairing a meeting", []string{"guidance/network-meetings.html#who-chairs-the-meeting"}},
	{"who can call a network meeting", []string{"guidance/network-meetings.html#who-can-call-a-network-meeting", "about/faqs.html#who-can-ask-for-a-network-meeting"}},
	// Barriers, principles, the ladder, tips.
	{"silo mentality", []string{"guidance/barriers-and-remedies.html#silo", "about/glossary.html#term-silo"}},
	{"lack of trust between agencies", []string{"guidance/barriers-and-remedies.html#trust"}},
	{"health and social care divide", []string{"guidance/barriers-and-remedies.html#health-social-care-divide", "guidance/barriers-and-remedies.html#the-health-and-social-care-divide"}},
	{"professional courtesy", []string{"guidance/principles.html#professional-courtesy"}},
	{"set expectations", []string{"guidance/principles.html#set-expectations"}},
	{"partnership ladder rungs", []string{"guidance/partnership-ladder.html#the-nine-rungs", "guidance/partnership-ladder.html"}},
	{"Arnstein", []string{"guidance/partnership-ladder.html#where-the-ladder-comes-from"}},
	{"shadow a colleague", []string{"guidance/practical-tips.html#shadow-a-colleague", "guidance/barriers-and-remedies.html#remedy-culture-shadowing"}},
	{"safegaurding", []string{"about/glossary.html#term-safeguarding", "guidance/consent-and-information-sharing.html#to-protect-someone-from-harm", "guidance/who-to-call.html#contacts-safeguarding"}},
	{"Care Act 2014 duty", []string{"guidance/why-it-matters.html#the-legal-duty-to-work-together", "guidance/law-and-guidance.html#care-act-2014"}},
	{"benefits of partnership working", []string{"guidance/why-it-matters.html", "guidance/why-it-matters.html#benefits-for-the-person"}},
	{"self assessment ladder", []string{"learning/self-assessment.html"}},
	{"session plan knowing roles", []string{"training/knowing-each-others-roles.html"}},
	{"print role cards", []string{"training/worksheets/partner-cards.html", "training/worksheets/partner-cards.html#role-cards"}},
	// Who to call: urgent words bring the card first (a best bet), and
	// each contact is an entry of its own.
	{"who do I call when I'm worried about a child", []string{"guidance/who-to-call.html"}},
	{"worried about a child", []string{"guidance/who-to-call.html"}},
	{"someone is in danger", []string{"guidance/who-to-call.html"}},
	{"abuse", []string{"guidance/who-to-call.html"}},
	{"suicide", []string{"guidance/who-to-call.html"}},
	{"self-harm", []string{"guidance/who-to-call.html"}},
	{"emergency", []string{"guidance/who-to-call.html"}},
	{"MASH", []string{"guidance/who-to-call.html#contact-children-front-door", "guidance/partners-and-roles.html#partner-mash"}},
	{"LADO", []string{"guidance/who-to-call.html#contact-lado", "guidance/partners-and-roles.html#partner-lado"}},
	{"AMHP", []string{"guidance/partners-and-roles.html#partner-amhp"}},
	{"IMCA", []string{"guidance/partners-and-roles.html#partner-imca"}},
	{"data protection officer", []string{"guidance/who-to-call.html#contact-data-protection-officer", "about/glossary.html#term-dpo"}},
	{"Caldicott guardian", []string{"guidance/who-to-call.html#contact-caldicott-guardian", "about/glossary.html#term-caldicott-guardian"}},
}

// rankOf is the 1-based place of the first result (best bets first) that
// is one of want, or 0.
func rankOf(o e2e.Origin, rs []result, want []string) int {
	for i, r := range rs {
		href := strings.TrimPrefix(r.Href, o.Base)
		for _, w := range want {
			if href == w {
				return i + 1
			}
		}
	}
	return 0
}

// TestCareQueries runs the care-worker queries on the results page, over
// HTTP and from file://, and reports how often the entry that answers each
// comes first (success at 1), in the first three (success at 3), and the
// mean reciprocal rank.
func TestCareQueries(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	if len(careQueries) < 60 {
		t.Fatalf("only %d care-worker queries; the measure needs at least 60", len(careQueries))
	}
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode), func(t *testing.T) {
			t.Parallel()
			b := chromium.Start(t, 2) // a browser per origin: its downloads and storage are its own
			var at1, at3 int
			var rr float64
			for _, q := range careQueries {
				rs, _, tab := searchPage(t, b, o, q.query)
				tab.Close()
				rank := rankOf(o, rs, q.want)
				if rank == 1 {
					at1++
				}
				if rank >= 1 && rank <= 3 {
					at3++
				}
				if rank > 0 {
					rr += 1 / float64(rank)
				}
				if rank != 1 {
					var top []string
					for i := 0; i < len(rs) && i < 3; i++ {
						top = append(top, strings.TrimPrefix(rs[i].Href, o.Base))
					}
					t.Logf("%q: rank %d; first %v; want %v", q.query, rank, top, q.want)
				}
			}
			n := float64(len(careQueries))
			s1, s3, mrr := float64(at1)/n, float64(at3)/n, rr/n
			t.Logf("%s: %d care-worker queries: success at 1 %.1f%% (%d), at 3 %.1f%% (%d), MRR %.3f", o.Mode, len(careQueries), s1*100, at1, s3*100, at3, mrr)
			if s3 < 0.95 || mrr < 0.9 {
				t.Errorf("success at 3 %.1f%% and MRR %.3f; want at least 95%% and 0.9", s3*100, mrr)
			}
		})
	}
}
