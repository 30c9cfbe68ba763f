//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"joinedup"
	"joinedup/generator/e2e"
	"joinedup/generator/internal/pipeline"
	"joinedup/generator/internal/scaffold"
)

// brandColour is the brand colour of the branded site: a purple, far from
// the theme's own teal, so that a rule the brand does not reach shows.
const brandColour = "#6b2c91"

// brandLogo is the branded site's logo: a white badge with the
// organisation's name in purple.
const brandLogo = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 48" width="160" height="48"><rect width="160" height="48" rx="6" fill="#ffffff"/><text x="80" y="31" font-family="sans-serif" font-size="18" text-anchor="middle" fill="#6b2c91">Anytown</text></svg>`

// brandedSite is the default site as an organisation makes it: written by
// joinedup new, given a brand colour, logo and name, a static folder, and
// built with the built-in theme alone.
func brandedSite(t *testing.T) *e2e.Site {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "oursite")
	if _, err := scaffold.NewSite(dir, joinedup.Site(), time.Now()); err != nil {
		t.Fatal(err)
	}
	content := filepath.Join(dir, "content")
	yaml, err := os.ReadFile(filepath.Join(content, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	yaml = fmt.Appendf(yaml, "brand:\n  name: Anytown Safeguarding Partnership\n  colour: %q\n  logo: images/anytown.svg\n  logo_alt: Anytown\n", brandColour)
	static := filepath.Join(dir, "static")
	for name, text := range map[string]string{
		"content/site.yaml":               string(yaml),
		"content/images/anytown.svg":      brandLogo,
		"static/.well-known/security.txt": "Contact: mailto:security@anytown.example\n",
		"static/files/referral-form.txt":  "A form.\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return e2e.BuildOptions(t, pipeline.Options{
		ContentDir: content, ContentName: "content",
		StaticDir: static, StaticName: "static",
		Theme: joinedup.Theme(),
	})
}

// brandPages are the branded site's pages checked in every scheme: the
// header and links on each kind of page, and an interactive tool.
var brandPages = []string{
	"index.html",
	"guidance/partnership-ladder.html",
	"learning/self-assessment.html",
	"training/knowing-each-others-roles.html",
	"search/index.html",
}

// TestBrandedSite checks a site with a brand colour and logo in headless
// Chromium, over http and from disk: every check of the bundled site on
// each page (axe, links, keyboard), then axe again in each colour scheme
// (light, dark, high contrast, and a device that prefers dark), with the
// logo shown, its text given, and the brand colour on the header.
func TestBrandedSite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	site := brandedSite(t)
	b := chromium.Start(t, 2)
	for _, f := range []string{".well-known/security.txt", "files/referral-form.txt", "images/anytown.svg"} {
		if _, err := os.Stat(filepath.Join(site.Dir, filepath.FromSlash(f))); err != nil {
			t.Errorf("the branded site has no %s: %v", f, err)
		}
	}
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode), func(t *testing.T) {
			t.Parallel()
			links := e2e.NewLinks(o)
			for _, p := range brandPages {
				t.Run(p, func(t *testing.T) {
					t.Parallel()
					ps, err := b.CheckPage(ctx, o, p, links)
					report(t, ps)
					if err != nil {
						t.Fatal(err)
					}
					// Colours do not depend on where the page came from:
					// from disk, every scheme is checked on one page.
					if o.Mode == e2e.HTTP || p == brandPages[0] {
						brandSchemes(ctx, t, b, o, p)
					}
				})
			}
		})
	}
}

// brandSchemes opens page in each colour scheme and checks it with axe,
// and that the header shows the logo, its text and the brand's colours.
func brandSchemes(ctx context.Context, t *testing.T, b *e2e.Browser, o e2e.Origin, page string) {
	for _, scheme := range []struct {
		name   string
		dark   bool   // the device prefers dark
		theme  string // the reader's choice, "" for none
		header string // the header's background
	}{
		{"light", false, "", "rgb(107, 44, 145)"},
		{"chosen light on a dark device", true, "light", "rgb(107, 44, 145)"},
		{"dark device", true, "", ""},
		{"chosen dark", false, "dark", ""},
		{"high contrast", false, "contrast", "rgb(0, 0, 0)"},
	} {
		tab, err := b.Open(ctx, o, page, e2e.Options{Dark: scheme.dark})
		if err != nil {
			t.Fatal(err)
		}
		if scheme.theme != "" {
			evalT[bool](t, tab, fmt.Sprintf(`document.documentElement.setAttribute("data-theme", %q), true`, scheme.theme))
		}
		ps, err := tab.Axe()
		if err != nil {
			tab.Close()
			t.Fatal(err)
		}
		for _, p := range ps {
			t.Errorf("%s: %s", scheme.name, p)
		}
		logo := evalT[string](t, tab, `(function () { var i = document.querySelector(".header__logo"); return i ? (i.complete && i.naturalWidth > 0 ? "shown" : "broken") + ":" + i.alt : "none"; })()`)
		if logo != "shown:Anytown" {
			t.Errorf("%s: the header's logo is %q; want shown:Anytown", scheme.name, logo)
		}
		if org := evalT[string](t, tab, `document.querySelector(".header__org").textContent`); org != "Anytown Safeguarding Partnership" {
			t.Errorf("%s: the header names %q", scheme.name, org)
		}
		bg := evalT[string](t, tab, `getComputedStyle(document.querySelector(".header")).backgroundColor`)
		switch {
		case scheme.header != "" && bg != scheme.header:
			t.Errorf("%s: the header's colour is %s; want %s", scheme.name, bg, scheme.header)
		case scheme.header == "" && (bg == "rgb(107, 44, 145)" || !strings.HasPrefix(bg, "rgb(")):
			t.Errorf("%s: the header's colour is %s; want the brand colour darkened", scheme.name, bg)
		}
		report(t, tab.Problems())
		tab.Close()
	}
}

// draftPage is a draft page added to the default site for the preview.
const draftPage = `---
title: Escalating a disagreement
description: What to do when partners cannot agree, before it reaches a senior manager.
reviewed: 2026-11-01
audience: [staff]
draft: true
---

This page is still being written. Start with [the partnership ladder](partnership-ladder.md).
`

// TestDraftPreview checks a draft page as serve -drafts builds it, over
// http and from disk: the page passes every check of the bundled site,
// and its draft notice is shown and passes axe in each colour scheme.
func TestDraftPreview(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "oursite")
	if _, err := scaffold.NewSite(dir, joinedup.Site(), time.Now()); err != nil {
		t.Fatal(err)
	}
	content := filepath.Join(dir, "content")
	if err := os.WriteFile(filepath.Join(content, "guidance", "escalating.md"), []byte(draftPage), 0o644); err != nil {
		t.Fatal(err)
	}
	site := e2e.BuildOptions(t, pipeline.Options{
		ContentDir: content, ContentName: "content",
		Theme: joinedup.Theme(), Drafts: true,
	})
	const page = "guidance/escalating.html"
	b := chromium.Start(t, 2)
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		t.Run(string(o.Mode), func(t *testing.T) {
			t.Parallel()
			ps, err := b.CheckPage(ctx, o, page, e2e.NewLinks(o))
			report(t, ps)
			if err != nil {
				t.Fatal(err)
			}
			for _, scheme := range []struct {
				name  string
				dark  bool
				theme string
			}{{"light", false, ""}, {"dark device", true, ""}, {"chosen dark", false, "dark"}, {"high contrast", false, "contrast"}} {
				tab, err := b.Open(ctx, o, page, e2e.Options{Dark: scheme.dark})
				if err != nil {
					t.Fatal(err)
				}
				if scheme.theme != "" {
					evalT[bool](t, tab, fmt.Sprintf(`document.documentElement.setAttribute("data-theme", %q), true`, scheme.theme))
				}
				notice := evalT[string](t, tab, `(function () { var n = document.querySelector(".draft-notice"); if (!n) return "none"; var r = n.getBoundingClientRect(); return r.height > 0 && getComputedStyle(n).visibility === "visible" ? n.textContent : "hidden"; })()`)
				if !strings.HasPrefix(notice, "Draft.") {
					t.Errorf("%s: the draft notice is %q; want it shown, starting \"Draft.\"", scheme.name, notice)
				}
				ps, err := tab.Axe()
				if err != nil {
					tab.Close()
					t.Fatal(err)
				}
				for _, p := range ps {
					t.Errorf("%s: %s", scheme.name, p)
				}
				report(t, tab.Problems())
				tab.Close()
			}
		})
	}
}
