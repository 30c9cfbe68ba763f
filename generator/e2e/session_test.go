//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"joinedup/generator/e2e"
	"joinedup/generator/internal/content"
	"joinedup/generator/internal/site"

	"github.com/google/go-cmp/cmp"
)

// session is a session plan of the bundled content, read from its front
// matter, with what its pages should show worked out here independently.
type session struct {
	page, pack string   // output paths
	times      []string // "0:00 to 0:10", one per agenda item
	minutes    []string
	materials  []string // titles of the pages the agenda uses, once each, in order
}

// sessions reads every session plan of the bundled content.
func sessions(t *testing.T) []session {
	t.Helper()
	root, err := e2e.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	src, err := content.Load(os.DirFS(filepath.Join(root, "content")), "content")
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	for _, p := range src.Pages {
		titles[p.Path] = p.Front.Title
	}
	var out []session
	for _, p := range src.Pages {
		s := p.Front.Session
		if s == nil || p.Front.Draft {
			continue
		}
		url := site.OutputPath(p.Path)
		ss := session{page: url, pack: strings.TrimSuffix(url, ".html") + "-pack.html"}
		at := 0
		seen := map[string]bool{}
		for _, item := range s.Agenda {
			ss.times = append(ss.times, fmt.Sprintf("%d:%02d to %d:%02d", at/60, at%60, (at+item.Minutes)/60, (at+item.Minutes)%60))
			ss.minutes = append(ss.minutes, fmt.Sprint(item.Minutes))
			at += item.Minutes
			for _, m := range item.Materials {
				target := path.Join(path.Dir(p.Path), m)
				if !seen[target] {
					seen[target] = true
					ss.materials = append(ss.materials, titles[target])
				}
			}
		}
		out = append(out, ss)
	}
	if len(out) < 2 {
		t.Fatalf("found %d session plans in the bundled content; want the two it has", len(out))
	}
	return out
}

// TestSessionPlan checks each session page's agenda against its front
// matter: the running times, and the link to the trainer's pack.
func TestSessionPlan(t *testing.T) {
	t.Parallel()
	all := sessions(t)
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	type agenda struct {
		Times   []string `json:"times"`
		Minutes []string `json:"minutes"`
		Pack    string   `json:"pack"`
	}
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		for _, s := range all {
			t.Run(string(o.Mode)+"/"+s.page, func(t *testing.T) {
				t.Parallel()
				tab, err := b.Open(context.Background(), o, s.page, e2e.Options{})
				if err != nil {
					t.Fatal(err)
				}
				defer tab.Close()
				got, err := e2e.Eval[agenda](tab, `(() => {
  const rows = [...document.querySelectorAll("table.agenda tbody tr")];
  const pack = document.querySelector(".session__pack a");
  return {
    times: rows.map(r => r.cells[0].textContent.trim()),
    minutes: rows.map(r => r.cells[2].textContent.trim()),
    pack: pack ? pack.href : "",
  };
})()`)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(s.times, got.Times); diff != "" {
					t.Errorf("running times (-from the front matter +shown):\n%s", diff)
				}
				if diff := cmp.Diff(s.minutes, got.Minutes); diff != "" {
					t.Errorf("minutes (-from the front matter +shown):\n%s", diff)
				}
				if want := o.URL(s.pack); got.Pack != want {
					t.Errorf("trainer's pack link = %q; want %q", got.Pack, want)
				}
				report(t, tab.Problems())
			})
		}
	}
	// The 90-minute plan, by hand: a check on the check above.
	for _, s := range all {
		if s.page == "training/knowing-each-others-roles.html" {
			want := []string{"0:00 to 0:10", "0:10 to 0:15", "0:15 to 0:35", "0:35 to 0:50", "0:50 to 1:05", "1:05 to 1:15", "1:15 to 1:20", "1:20 to 1:30"}
			if diff := cmp.Diff(want, s.times); diff != "" {
				t.Errorf("the 90-minute plan's times (-want +got):\n%s", diff)
			}
		}
	}
}

// TestTrainersPack checks each session's pack: it exists, holds the plan
// and every material under its own heading, each material starts a new
// printed page, the agenda links to the copies, it reads without
// JavaScript, and it prints without running off the page. (TestSite runs
// axe and the keyboard walk on it, as on every page.)
func TestTrainersPack(t *testing.T) {
	t.Parallel()
	all := sessions(t)
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	type pack struct {
		Parts       []string `json:"parts"`
		Breaks      []string `json:"breaks"`
		Plan        bool     `json:"plan"`
		Times       int      `json:"times"`
		AgendaLinks []string `json:"agendaLinks"`
		Overflow    int      `json:"overflow"`
	}
	const packJS = `(() => {
  const parts = [...document.querySelectorAll("article.guide-page")];
  const de = document.documentElement;
  return {
    parts: parts.map(a => a.querySelector(".guide-page__title").textContent.trim()),
    breaks: parts.map(a => getComputedStyle(a).breakBefore),
    plan: !!document.querySelector("#session-plan") && document.querySelector("#session-plan").checkVisibility(),
    times: document.querySelectorAll("table.agenda tbody tr").length,
    agendaLinks: [...document.querySelectorAll("table.agenda a")].map(a => a.getAttribute("href")).filter(h => !h.startsWith("#") || !document.getElementById(h.slice(1))),
    overflow: Math.max(de.scrollWidth, document.body.scrollWidth) - de.clientWidth,
  };
})()`
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		for _, s := range all {
			if !contains(site.Pages, s.pack) {
				t.Fatalf("%s has no trainer's pack %s", s.page, s.pack)
			}
			wantParts := append([]string{"Facilitator notes"}, s.materials...)
			// Printed on A4 at 96 dots per inch, less margins, is about 700px wide.
			for _, opt := range []e2e.Options{{}, {NoJS: true}, {Media: "print", Width: 700, Height: 1000}} {
				name := fmt.Sprintf("%s/%s/js=%v/media=%s", o.Mode, s.pack, !opt.NoJS, opt.Media)
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					tab, err := b.Open(context.Background(), o, s.pack, opt)
					if err != nil {
						t.Fatal(err)
					}
					defer tab.Close()
					got, err := e2e.Eval[pack](tab, packJS)
					if err != nil {
						t.Fatal(err)
					}
					if diff := cmp.Diff(wantParts, got.Parts); diff != "" {
						t.Errorf("parts of the pack (-want +got):\n%s", diff)
					}
					if !got.Plan || got.Times != len(s.times) {
						t.Errorf("session plan shown=%v with %d agenda rows; want shown with %d", got.Plan, got.Times, len(s.times))
					}
					if len(got.AgendaLinks) > 0 {
						t.Errorf("agenda links that do not lead to a part of the pack: %q", got.AgendaLinks)
					}
					var ps []e2e.Problem
					switch {
					case opt.Media == "print":
						for i, br := range got.Breaks {
							if br != "page" {
								t.Errorf("part %q prints with break-before %q; want each part on a new page", got.Parts[i], br)
							}
						}
						if got.Overflow > 0 {
							t.Errorf("printed, the pack is %dpx wider than the page", got.Overflow)
						}
						ps, err = tab.Print()
					case opt.NoJS:
						ps, err = tab.Readable()
					}
					// With JavaScript, axe: TestSite checks every page.
					if err != nil {
						t.Fatal(err)
					}
					report(t, append(ps, tab.Problems()...))
				})
			}
		}
	}
}
