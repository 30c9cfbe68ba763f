//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"joinedup/generator/e2e"
	"joinedup/generator/internal/components"
	"joinedup/generator/internal/data"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// dirLoadData loads the bundled site's data files, so the tests can work
// out what each page should show rather than repeat it.
func dirLoadData(t *testing.T) *data.Data {
	t.Helper()
	root, err := e2e.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	paths, err := filepath.Glob(filepath.Join(root, "content", "data", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files["data/"+filepath.Base(p)] = b
	}
	d, err := data.Load(files, func(p string) string { return "content/" + p })
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// dirWaitFor waits for a JavaScript condition, failing after five seconds
// with what the page shows instead (detail).
func dirWaitFor(t *testing.T, tab *e2e.Tab, cond, detail string) {
	t.Helper()
	if err := tab.WaitFor(cond, 5*time.Second); err != nil {
		got, _ := e2e.Eval[string](tab, detail)
		t.Fatalf("%v; the page shows %q", err, got)
	}
}

// dirCleanNoJS is clean for a page opened without JavaScript; it first
// makes sure the page's scripts did not run (the harness's axe check turns
// scripts on only for itself).
func dirCleanNoJS(t *testing.T, tab *e2e.Tab, state string) {
	t.Helper()
	if ran := evalT[bool](t, tab, `document.documentElement.classList.contains("js")`); ran {
		t.Fatalf("%s: the page's scripts ran; want them off", state)
	}
	clean(t, tab, state)
}

// dirKeys presses keys one at a time, as a keyboard user would.
func dirKeys(t *testing.T, tab *e2e.Tab, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if err := chromedp.Do(tab.Context(), chromedp.KeyEvent(k)); err != nil {
			t.Fatal(err)
		}
	}
}

// dirWords splits text into lowercase words of letters and digits, the
// rule the directory's script uses.
func dirWords(s string) []string {
	s = strings.NewReplacer("'", "", "\u2018", "", "\u2019", "").Replace(strings.ToLower(s))
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// dirExpected lists the ids of the roles a filter should show: in the
// sector (or any when ""), with every filter word starting a word of the
// role's name, sector, what or when; a word of one or two letters that
// some role has as a word of its own (an abbreviation such as OT) must be
// a whole word.
func dirExpected(roles []components.DirectoryRole, words, sector string) []string {
	roleWords := func(r components.DirectoryRole) []string {
		return dirWords(strings.Join([]string{r.Name, r.SectorName, r.What, r.When}, " "))
	}
	whole := map[string]bool{}
	for _, w := range dirWords(words) {
		for _, r := range roles {
			if len(w) <= 2 && slices.Contains(roleWords(r), w) {
				whole[w] = true
			}
		}
	}
	var out []string
	for _, r := range roles {
		if sector != "" && r.Sector != sector {
			continue
		}
		have := roleWords(r)
		ok := true
		for _, w := range dirWords(words) {
			if !slices.ContainsFunc(have, func(h string) bool { return h == w || !whole[w] && strings.HasPrefix(h, w) }) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, r.ID)
		}
	}
	return out
}

const dirPage = "guidance/partners-and-roles.html"

// dirShown lists the data-role of the visible entries of one view.
func dirShown(t *testing.T, tab *e2e.Tab, view string) []string {
	t.Helper()
	ids, err := e2e.Eval[[]string](tab, `Array.from(document.querySelectorAll(".directory__`+view+` .directory__role")).filter(function(e){return e.checkVisibility()}).map(function(e){return e.getAttribute("data-role")})`)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestPartnerDirectory(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 1)
	d := dirLoadData(t)
	roles := components.DirectoryRoles(d)
	all := dirExpected(roles, "", "")
	if len(all) != len(d.Partners.Partners) || len(all) < 20 {
		t.Fatalf("the directory has %d roles; want all %d partners", len(all), len(d.Partners.Partners))
	}
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode)+"/no-js", func(t *testing.T) {
			tab, err := b.Open(context.Background(), o, dirPage, e2e.Options{NoJS: true, Width: 375, Height: 800})
			if err != nil {
				t.Fatal(err)
			}
			defer tab.Close()
			if got := dirShown(t, tab, "table"); !slices.Equal(got, all) {
				t.Errorf("table rows without JavaScript = %v; want every role grouped by sector %v", got, all)
			}
			visible, err := e2e.Eval[[]bool](tab, `[".directory__filters", ".directory__cards"].map(function(s){return document.querySelector(s).checkVisibility()})`)
			if err != nil {
				t.Fatal(err)
			}
			if visible[0] || visible[1] {
				t.Errorf("without JavaScript the filter form and cards are visible (%v); want only the table", visible)
			}
			dirCleanNoJS(t, tab, "no-js table")
		})
		t.Run(string(o.Mode)+"/link to a role on a phone", func(t *testing.T) {
			// A search result links to a role's table row, which a phone
			// hides behind the cards: the role's card is shown instead,
			// when the page opens at the link and when a link on the page
			// is followed.
			started := `!!document.querySelector(".directory[data-module-started]")`
			rowAt := func(i int) string { return fmt.Sprintf(`document.querySelectorAll("tr.directory__role")[%d]`, i) }
			tab, err := b.Open(context.Background(), o, dirPage, e2e.Options{Width: 375, Height: 800})
			if err != nil {
				t.Fatal(err)
			}
			opened, openedRole := evalT[string](t, tab, rowAt(5)+`.id`), evalT[string](t, tab, rowAt(5)+`.dataset.role`)
			followed, followedRole := evalT[string](t, tab, rowAt(9)+`.id`), evalT[string](t, tab, rowAt(9)+`.dataset.role`)
			tab.Close()
			shown := func(role string) string {
				return `(function(){var c=document.querySelector(".directory__cards [data-role='` + role + `']");` +
					`var r=c.getBoundingClientRect();return c.classList.contains("directory__role--target") && c.contains(document.activeElement) && r.top >= 0 && r.top < innerHeight})()`
			}
			where := `location.hash+": focus on "+document.activeElement.textContent+" at "+Math.round(document.activeElement.getBoundingClientRect().top)+" of "+innerHeight`
			tab, err = b.Open(context.Background(), o, dirPage+"#"+opened, e2e.Options{Width: 375, Height: 800})
			if err != nil {
				t.Fatal(err)
			}
			defer tab.Close()
			dirWaitFor(t, tab, started+" && "+shown(openedRole), where)
			evalT[bool](t, tab, `location.hash = `+strconv.Quote(followed)+`, true`)
			dirWaitFor(t, tab, shown(followedRole), where)
			if n := evalT[int](t, tab, `document.querySelectorAll(".directory__role--target").length`); n != 1 {
				t.Errorf("%d cards marked as the linked role; want 1", n)
			}
			clean(t, tab, "card of a linked role")
		})
		t.Run(string(o.Mode)+"/filter", func(t *testing.T) {
			tab, err := b.Open(context.Background(), o, dirPage, e2e.Options{Width: 375, Height: 800})
			if err != nil {
				t.Fatal(err)
			}
			defer tab.Close()
			dirWaitFor(t, tab, `!!document.querySelector(".directory[data-module-started]")`, `document.documentElement.className`)
			status := `document.querySelector(".directory__count").textContent`
			if got, want := evalT[string](t, tab, status), fmt.Sprintf("All %d roles", len(all)); got != want {
				t.Errorf("count at start = %q; want %q", got, want)
			}
			clean(t, tab, "start")
			tests := []struct {
				words, sector string
				min           int // a floor, so the case tests something
			}{
				{"nurse", "", 2},
				{"NURSE home", "", 1},
				{"", "health", 3},
				{"therap", "health", 2},
				{"ot", "", 1},
				{"zzzz", "", 0},
				{"nurse", "police", 0},
			}
			for i, tt := range tests {
				want := dirExpected(roles, tt.words, tt.sector)
				if len(want) < tt.min {
					t.Fatalf("filter %q in %q: expected %d roles, fewer than %d; the data changed", tt.words, tt.sector, len(want), tt.min)
				}
				// Clear, then type the words and pick the sector.
				if err := chromedp.Do(tab.Context(), chromedp.Click(chromedp.CSS(".directory__clear"))); err != nil {
					t.Fatal(err)
				}
				if tt.words != "" {
					if err := chromedp.Do(tab.Context(), chromedp.SendKeys(chromedp.CSS("#directory-words"), tt.words)); err != nil {
						t.Fatal(err)
					}
				}
				if tt.sector != "" {
					if err := chromedp.Do(tab.Context(), chromedp.SetValue(chromedp.CSS("#directory-sector"), tt.sector)); err != nil {
						t.Fatal(err)
					}
					if _, err := e2e.Eval[bool](tab, `document.getElementById("directory-sector").dispatchEvent(new Event("change"))`); err != nil {
						t.Fatal(err)
					}
				}
				wantStatus := fmt.Sprintf("%d of %d roles", len(want), len(all))
				if len(want) == 0 {
					wantStatus += ": no matches"
				}
				dirWaitFor(t, tab, status+` === `+dirJS(wantStatus), status)
				// On a phone the roles show as cards.
				if got := dirShown(t, tab, "cards"); !slices.Equal(got, want) {
					t.Errorf("filter %q in %q: rows = %v; want %v", tt.words, tt.sector, got, want)
				}
				empty := evalT[bool](t, tab, `document.querySelector(".directory__empty").checkVisibility()`)
				if empty != (len(want) == 0) {
					t.Errorf("filter %q in %q: no-matches message shown = %v; want %v", tt.words, tt.sector, empty, len(want) == 0)
				}
				// Filtering only hides cards, each checked at the start: axe
				// runs again on the first filter and on "no matches", the
				// states with words of their own.
				if i == 0 || len(want) == 0 {
					clean(t, tab, fmt.Sprintf("filter %q in %q", tt.words, tt.sector))
				}
			}
		})
		t.Run(string(o.Mode)+"/keyboard", func(t *testing.T) {
			// On a large screen, where the table is the view to start with.
			tab, err := b.Open(context.Background(), o, dirPage, e2e.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer tab.Close()
			dirWaitFor(t, tab, `!!document.querySelector(".directory[data-module-started]")`, `document.documentElement.className`)
			// Start in the filter box, then use only the keyboard.
			if err := chromedp.Do(tab.Context(), chromedp.Focus(chromedp.CSS("#directory-words"))); err != nil {
				t.Fatal(err)
			}
			dirKeys(t, tab, "n", "u", "r", "s", "e")
			want := dirExpected(roles, "nurse", "")
			status := `document.querySelector(".directory__count").textContent`
			dirWaitFor(t, tab, status+` === `+dirJS(fmt.Sprintf("%d of %d roles", len(want), len(all))), status)
			// Tab to the sector list and choose the first sector with the
			// arrow key.
			dirKeys(t, tab, kb.Tab)
			if id := evalT[string](t, tab, `document.activeElement.id`); id != "directory-sector" {
				t.Fatalf("Tab focused #%s; want the sector list", id)
			}
			dirKeys(t, tab, kb.ArrowDown)
			first := d.Partners.Sectors[0].ID
			want = dirExpected(roles, "nurse", first)
			dirWaitFor(t, tab, status+` === `+dirJS(fmt.Sprintf("%d of %d roles", len(want), len(all))), status)
			// Tab to the view radios and switch to cards with the arrow key.
			dirKeys(t, tab, kb.Tab)
			if id := evalT[string](t, tab, `document.activeElement.id`); id != "directory-view-table" {
				t.Fatalf("Tab focused #%s; want the table view radio", id)
			}
			dirKeys(t, tab, kb.ArrowRight)
			dirWaitFor(t, tab, `document.querySelector(".directory__cards").checkVisibility() && !document.querySelector(".directory__table").checkVisibility()`, `document.querySelector(".directory__cards").hidden + ""`)
			if got := dirShown(t, tab, "cards"); !slices.Equal(got, want) {
				t.Errorf("cards = %v; want %v", got, want)
			}
			headings := evalT[int](t, tab, `Array.from(document.querySelectorAll(".directory__cards article h3")).filter(function(e){return e.checkVisibility()}).length`)
			if headings != len(want) {
				t.Errorf("visible card headings (h3) = %d; want one per card, %d", headings, len(want))
			}
			dirWaitFor(t, tab, status+`.indexOf("shown as cards") >= 0`, status)
			clean(t, tab, "cards view")
			// Clear filters: every role again, still as cards.
			dirKeys(t, tab, kb.Tab, kb.Enter)
			dirWaitFor(t, tab, status+` === `+dirJS(fmt.Sprintf("All %d roles", len(all))), status)
			if got := dirShown(t, tab, "cards"); !slices.Equal(got, all) {
				t.Errorf("after Clear filters, cards = %v; want all roles", got)
			}
			if id := evalT[string](t, tab, `document.activeElement.id`); id != "directory-words" {
				t.Errorf("after Clear filters focus is on #%s; want the filter box", id)
			}
			clean(t, tab, "cleared")
		})
	}
}

// dirJS quotes s as a JavaScript string literal.
func dirJS(s string) string {
	return "\"" + strings.NewReplacer("\\", "\\\\", "\"", "\\\"").Replace(s) + "\""
}
