//go:build browser

package e2e_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"joinedup/generator/e2e"
)

// representative are the pages checked without JavaScript and in print: one
// of each kind the templates make.
var representative = []string{
	"index.html",                              // home
	"guidance/index.html",                     // section index
	"guidance/partnership-ladder.html",        // guidance page with a component
	"guidance/barriers-and-remedies.html",     // guidance page with a table
	"learning/self-assessment.html",           // interactive part
	"training/knowing-each-others-roles.html", // session plan
	"about/glossary.html",                     // generated glossary
	"search/index.html",                       // search page
	"print.html",                              // the whole guide
	"404.html",                                // not found
}

// notFound is the one page not checked from file://. Only a web server shows
// it, for a missing address at any depth, so its links are absolute from the
// site's base path (see render.NotFound); no browser opens it from disk.
const notFound = "404.html"

// TestSite checks the bundled site in headless Chromium and with the Nu HTML
// Checker: every page over HTTP, and from disk.
func TestSite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	server, disk := site.Serve(t), site.Disk()
	for _, p := range representative {
		if !contains(site.Pages, p) {
			t.Errorf("representative page %s is not in the built site; update the list", p)
		}
	}
	t.Logf("%d pages, checked over %s and from %s", len(site.Pages), server.Base, disk.Base)

	t.Run("html", func(t *testing.T) {
		t.Parallel()
		ps, err := e2e.Validate(ctx, site.Dir)
		if err != nil {
			t.Fatal(err)
		}
		report(t, ps)
	})

	for _, o := range []e2e.Origin{server, disk} {
		t.Run(string(o.Mode), func(t *testing.T) {
			t.Parallel()
			links := e2e.NewLinks(o)
			t.Run("pages", func(t *testing.T) {
				for _, p := range site.Pages {
					if o.Mode == e2e.File && p == notFound {
						continue
					}
					// Axe-core and the keyboard walk see the same page
					// from either origin. The representative pages get
					// every check from both. Every other page gets
					// axe-core over HTTP, and the keyboard walk where it
					// has a tool (CheckContent says why); from disk it is
					// checked for what can differ there (links, assets,
					// errors).
					check := b.CheckPage
					switch {
					case contains(representative, p):
					case o.Mode == e2e.File:
						check = b.LoadPage
					default:
						check = b.CheckContent
					}
					t.Run(p, func(t *testing.T) {
						t.Parallel()
						ps, err := check(ctx, o, p, links)
						report(t, ps)
						if err != nil {
							t.Fatal(err)
						}
					})
				}
			})
			t.Run("fragments", func(t *testing.T) { report(t, links.Fragments()) })
		})
	}

	// Every page at 320px: sideways scrolling depends on each page's content
	// (tables, long words, code), so no page is left out.
	t.Run("narrow", func(t *testing.T) {
		t.Parallel()
		for _, p := range site.Pages {
			t.Run(p, func(t *testing.T) {
				t.Parallel()
				runCheck(ctx, t, b, server, p, e2e.Options{Width: e2e.NarrowWidth, Height: 640}, (*e2e.Tab).Reflow)
			})
		}
	})

	for _, o := range []e2e.Origin{server, disk} {
		t.Run("no-js/"+string(o.Mode), func(t *testing.T) {
			t.Parallel()
			for _, p := range representative {
				if o.Mode == e2e.File && p == notFound {
					continue
				}
				t.Run(p, func(t *testing.T) {
					t.Parallel()
					runCheck(ctx, t, b, o, p, e2e.Options{NoJS: true}, (*e2e.Tab).Readable)
				})
			}
		})
	}

	t.Run("print", func(t *testing.T) {
		t.Parallel()
		for _, p := range representative {
			t.Run(p, func(t *testing.T) {
				t.Parallel()
				runCheck(ctx, t, b, server, p, e2e.Options{Media: "print"}, (*e2e.Tab).Print)
			})
		}
	})

	t.Run("screenshots", func(t *testing.T) {
		t.Parallel()
		root, err := e2e.RepoRoot()
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(root, "testout", "screenshots")
		sizes := []struct {
			name          string
			width, height int64
		}{{"desktop", 1280, 900}, {"phone", 375, 812}}
		for _, p := range []string{"index.html", "guidance/partnership-ladder.html"} {
			for _, size := range sizes {
				for _, dark := range []bool{false, true} {
					scheme := "light"
					if dark {
						scheme = "dark"
					}
					name := strings.TrimSuffix(strings.ReplaceAll(p, "/", "-"), ".html") + "-" + size.name + "-" + scheme + ".png"
					t.Run(name, func(t *testing.T) {
						t.Parallel()
						tab, err := b.Open(ctx, server, p, e2e.Options{Width: size.width, Height: size.height, Dark: dark})
						if err != nil {
							t.Fatal(err)
						}
						defer tab.Close()
						if err := tab.Screenshot(filepath.Join(dir, name)); err != nil {
							t.Fatal(err)
						}
						report(t, tab.Problems())
					})
				}
			}
		}
	})
}

// runCheck opens the page with opt, runs check, and reports its problems and
// whatever else the browser reported while the page loaded.
func runCheck(ctx context.Context, t *testing.T, b *e2e.Browser, o e2e.Origin, page string, opt e2e.Options, check func(*e2e.Tab) ([]e2e.Problem, error)) {
	t.Helper()
	tab, err := b.Open(ctx, o, page, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	ps, err := check(tab)
	if err != nil {
		t.Fatal(err)
	}
	report(t, append(ps, tab.Problems()...))
}

func report(t *testing.T, ps []e2e.Problem) {
	t.Helper()
	e2e.Sort(ps)
	for _, p := range ps {
		t.Error(p)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
