//go:build browser

package e2e_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"joinedup/generator/e2e"
	"joinedup/generator/internal/content"
	"joinedup/generator/internal/data"
)

// The pages this file checks.
const (
	whoToCallPage = "guidance/who-to-call.html"
	shareCardPage = "guidance/can-i-share-card.html"
)

// emergencyPages are the pages that must open with the "call 999" warning:
// the decision aid, the guidance index, and the guidance on consent and on
// disagreements where someone may be at risk.
var emergencyPages = []string{
	"learning/can-i-share.html",
	"guidance/consent-and-information-sharing.html",
	"guidance/when-professionals-disagree.html",
	"guidance/index.html",
}

// TestEmergencyNotice checks the "If someone is in danger now, call 999"
// warning on each page that needs it, with JavaScript on and off, over http
// and file://: it comes before the page's first section, it says "Warning"
// to screen readers, and it links to the who-to-call page.
func TestEmergencyNotice(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	type notice struct {
		Count     int    `json:"count"`
		Text      string `json:"text"`
		Hidden    string `json:"hidden"`
		IconLabel string `json:"iconLabel"`
		Link      string `json:"link"`
		First     bool   `json:"first"`
		Visible   bool   `json:"visible"`
	}
	const noticeJS = `(() => {
  const all = document.querySelectorAll("main .warning-text");
  const w = all[0];
  if (!w) return {count: 0};
  const h2 = document.querySelector("main .prose h2");
  const a = w.querySelector("a");
  return {
    count: all.length,
    text: w.textContent.replace(/\s+/g, " ").trim(),
    hidden: (w.querySelector(".visually-hidden") || {}).textContent || "",
    iconLabel: w.querySelector(".warning-text__icon").getAttribute("aria-hidden") || "",
    link: a ? a.href : "",
    first: !h2 || !!(w.compareDocumentPosition(h2) & Node.DOCUMENT_POSITION_FOLLOWING),
    visible: w.checkVisibility(),
  };
})()`
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		for _, page := range emergencyPages {
			for _, js := range []bool{true, false} {
				t.Run(fmt.Sprintf("%s/%s/js=%v", o.Mode, page, js), func(t *testing.T) {
					t.Parallel()
					tab, err := b.Open(context.Background(), o, page, e2e.Options{NoJS: !js, Width: 375, Height: 800})
					if err != nil {
						t.Fatal(err)
					}
					defer tab.Close()
					n := evalT[notice](t, tab, noticeJS)
					if n.Count < 1 || !n.Visible {
						t.Fatalf("no visible warning text on the page: %+v", n)
					}
					if !strings.Contains(n.Text, "If someone is in danger now, call 999.") {
						t.Errorf("warning says %q; want it to say to call 999", n.Text)
					}
					if !strings.HasPrefix(n.Hidden, "Warning") || n.IconLabel != "true" {
						t.Errorf("warning: visually hidden %q, icon aria-hidden %q; want \"Warning\" for screen readers and the icon hidden", n.Hidden, n.IconLabel)
					}
					if !n.First {
						t.Error("the warning comes after the page's first section; it must sit at the top")
					}
					if got, ok := o.Path(n.Link); !ok || got != whoToCallPage {
						t.Errorf("the warning links to %q; want %s", n.Link, whoToCallPage)
					}
					// The pages are checked in full by TestSite.
					cleanWithin(t, tab, "main .warning-text", "the warning")
				})
			}
		}
	}
}

// TestWhoToCall checks the who-to-call page on screen (every contact, its
// number as a link to dial, the ones still to fill in), and printed: one A4
// page holding the card, a line to write on for each number still to fill
// in, and the page's review date and address.
func TestWhoToCall(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	c := dirLoadData(t).Contacts
	toFill, numbers := 0, 0
	for _, g := range c.Groups {
		for _, ct := range g.Contacts {
			switch {
			case ct.ToFill():
				toFill++
			case ct.Phone != "":
				numbers++
			}
		}
	}
	if toFill == 0 || numbers == 0 {
		t.Fatalf("the bundled contacts have %d to fill in and %d numbers; the test needs some of each", toFill, numbers)
	}
	type screen struct {
		Contacts int      `json:"contacts"`
		Tel      []string `json:"tel"`
		Missing  int      `json:"missing"`
		Card     bool     `json:"card"`
		Button   bool     `json:"button"`
		Review   string   `json:"review"`
		Address  bool     `json:"address"`
	}
	const screenJS = `(() => {
  const b = document.querySelector(".contacts .print-page");
  return {
    contacts: document.querySelectorAll(".contacts__screen .contact").length,
    tel: [...document.querySelectorAll(".contacts__screen a[href^='tel:']")].map(a => a.getAttribute("href")),
    missing: [...document.querySelectorAll(".contact__missing")].filter(e => e.checkVisibility()).length,
    card: document.querySelector(".contact-card").checkVisibility(),
    button: !!b && b.checkVisibility(),
    review: (document.querySelector(".page-review__dates") || {}).textContent || "",
    address: document.querySelector(".page-review__address").checkVisibility(),
  };
})()`
	review := reviewLine(t, "guidance/who-to-call.md")
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		for _, js := range []bool{true, false} {
			t.Run(fmt.Sprintf("screen/%s/js=%v", o.Mode, js), func(t *testing.T) {
				tab, err := b.Open(context.Background(), o, whoToCallPage, e2e.Options{NoJS: !js, Width: 375, Height: 800})
				if err != nil {
					t.Fatal(err)
				}
				defer tab.Close()
				s := evalT[screen](t, tab, screenJS)
				if s.Contacts != c.Count() || len(s.Tel) != numbers || s.Missing != toFill {
					t.Errorf("the page lists %d contacts, %d numbers to dial and %d to fill in; want %d, %d and %d", s.Contacts, len(s.Tel), s.Missing, c.Count(), numbers, toFill)
				}
				for _, tel := range s.Tel {
					if strings.ContainsAny(strings.TrimPrefix(tel, "tel:"), " -()") {
						t.Errorf("dial link %q has characters a phone cannot dial", tel)
					}
				}
				if s.Card || s.Address {
					t.Errorf("on screen the printed card (%v) or the printed address (%v) shows; want neither", s.Card, s.Address)
				}
				if s.Button != js {
					t.Errorf("print button shown = %v with JavaScript %v", s.Button, js)
				}
				if s.Review != review {
					t.Errorf("review line = %q; want %q", s.Review, review)
				}
				clean(t, tab, "who to call")
			})
		}
		t.Run("pdf/"+string(o.Mode), func(t *testing.T) { printsOnOnePage(t, b, o, whoToCallPage) })
	}
	t.Run("print-layout", func(t *testing.T) {
		tab, err := b.Open(context.Background(), site.Serve(t), whoToCallPage, e2e.Options{Media: "print", Width: a4ContentWidthPx, Height: a4ContentHeightPxInt})
		if err != nil {
			t.Fatal(err)
		}
		defer tab.Close()
		type printed struct {
			Card    bool     `json:"card"`
			Rows    int      `json:"rows"`
			Blanks  int      `json:"blanks"`
			Phones  []string `json:"phones"`
			Shown   []string `json:"shown"`
			Address string   `json:"address"`
			Review  bool     `json:"review"`
			Clipped []string `json:"clipped"`
		}
		p := evalT[printed](t, tab, `(() => {
  const card = document.querySelector(".contact-card");
  const main = document.querySelector("main");
  const keep = el => card.contains(el) || el.contains(card) || el.closest(".page-review") || el.contains(document.querySelector(".page-review"));
  const clipped = [...card.querySelectorAll("*")].filter(el => el.checkVisibility() && !el.closest(".visually-hidden") && (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)).map(el => el.className);
  return {
    card: card.checkVisibility(),
    rows: card.querySelectorAll("tbody th[scope=row]").length,
    blanks: [...card.querySelectorAll(".contact-card__blank")].filter(e => e.checkVisibility() && e.getBoundingClientRect().width > 100).length,
    phones: [...card.querySelectorAll(".contact-card__phone")].map(e => e.textContent),
    shown: [...main.querySelectorAll("*")].filter(el => el.checkVisibility() && !keep(el)).map(el => el.tagName + "." + el.className).slice(0, 5),
    address: document.querySelector(".page-review__address").checkVisibility() ? document.querySelector(".page-review__address").textContent : "",
    review: document.querySelector(".page-review__dates").checkVisibility(),
    clipped,
  };
})()`)
		if !p.Card || p.Rows != c.Count() || p.Blanks != toFill || len(p.Phones) != numbers {
			t.Errorf("printed card: shown %v, %d rows, %d lines to write on, %d numbers; want %d rows, %d lines, %d numbers", p.Card, p.Rows, p.Blanks, len(p.Phones), c.Count(), toFill, numbers)
		}
		if len(p.Shown) > 0 {
			t.Errorf("the page prints more than the card and its review date: %v", p.Shown)
		}
		if !p.Review || !strings.HasSuffix(strings.TrimSpace(p.Address), whoToCallPage) {
			t.Errorf("printed review date shown %v, address %q; want both, the address ending %s", p.Review, p.Address, whoToCallPage)
		}
		if len(p.Clipped) > 0 {
			t.Errorf("text is cut off on the printed card: %v", p.Clipped)
		}
		report(t, tab.Problems())
	})
}

// TestShareCard checks the "Can I share?" quick card: readable on screen
// with and without JavaScript, and printed on one side of A4 with its
// review date and address and nothing else from the page.
func TestShareCard(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 2)
	card := dirLoadData(t).Consent.Card
	if card == nil {
		t.Fatal("the bundled consent.yaml has no card")
	}
	for _, o := range []e2e.Origin{site.Serve(t), site.Disk()} {
		for _, js := range []bool{true, false} {
			t.Run(fmt.Sprintf("screen/%s/js=%v", o.Mode, js), func(t *testing.T) {
				tab, err := b.Open(context.Background(), o, shareCardPage, e2e.Options{NoJS: !js, Width: 375, Height: 800})
				if err != nil {
					t.Fatal(err)
				}
				defer tab.Close()
				n := evalT[int](t, tab, `[...document.querySelectorAll(".share-card__section")].filter(e => e.checkVisibility()).length`)
				if n != len(card.Sections) {
					t.Errorf("%d sections shown; want %d", n, len(card.Sections))
				}
				button := evalT[bool](t, tab, `(() => { const b = document.querySelector(".share-card .print-page"); return !!b && b.checkVisibility(); })()`)
				if button != js {
					t.Errorf("print button shown = %v with JavaScript %v", button, js)
				}
				for _, theme := range []string{"light", "dark", "contrast"} {
					evalT[bool](t, tab, `document.documentElement.setAttribute("data-theme", "`+theme+`"); true`)
					cleanIn(t, tab, theme, theme+" theme")
				}
			})
		}
		t.Run("pdf/"+string(o.Mode), func(t *testing.T) { printsOnOnePage(t, b, o, shareCardPage) })
	}
	t.Run("print-layout", func(t *testing.T) {
		tab, err := b.Open(context.Background(), site.Serve(t), shareCardPage, e2e.Options{Media: "print", Width: a4ContentWidthPx, Height: a4ContentHeightPxInt})
		if err != nil {
			t.Fatal(err)
		}
		defer tab.Close()
		type printed struct {
			Sections int      `json:"sections"`
			Shown    []string `json:"shown"`
			Address  bool     `json:"address"`
			Height   float64  `json:"height"`
		}
		p := evalT[printed](t, tab, `(() => {
  const sheet = document.querySelector(".share-card__sheet");
  const review = document.querySelector(".page-review");
  const main = document.querySelector("main");
  const keep = el => sheet.contains(el) || el.contains(sheet) || review.contains(el) || el.contains(review);
  return {
    sections: [...sheet.querySelectorAll(".share-card__section")].filter(e => e.checkVisibility()).length,
    shown: [...main.querySelectorAll("*")].filter(el => el.checkVisibility() && !keep(el)).map(el => el.tagName + "." + el.className).slice(0, 5),
    address: document.querySelector(".page-review__address").checkVisibility(),
    height: review.getBoundingClientRect().bottom - document.body.getBoundingClientRect().top,
  };
})()`)
		if p.Sections != len(card.Sections) || len(p.Shown) > 0 || !p.Address {
			t.Errorf("printed: %d sections (want %d), other parts of the page %v, address shown %v", p.Sections, len(card.Sections), p.Shown, p.Address)
		}
		if p.Height > a4ContentHeightPx {
			t.Errorf("the card and its review date are %.0fpx tall; one A4 page has %.0fpx", p.Height, a4ContentHeightPx)
		}
		report(t, tab.Problems())
	})
}

// TestReviewDates checks that a guidance page shows when it was last
// reviewed and is next due, worked out from its front matter, and that on
// paper it also shows the page's address.
func TestReviewDates(t *testing.T) {
	t.Parallel()
	site := bundled.Build(t)
	b := chromium.Start(t, 1)
	const page = "guidance/principles.html"
	want := reviewLine(t, "guidance/principles.md")
	for _, media := range []string{"", "print"} {
		t.Run("media="+media, func(t *testing.T) {
			tab, err := b.Open(context.Background(), site.Disk(), page, e2e.Options{Media: media})
			if err != nil {
				t.Fatal(err)
			}
			defer tab.Close()
			type shown struct {
				Dates   string `json:"dates"`
				Address string `json:"address"`
			}
			s := evalT[shown](t, tab, `(() => {
  const d = document.querySelector(".page-review__dates"), a = document.querySelector(".page-review__address");
  return {dates: d && d.checkVisibility() ? d.textContent : "", address: a && a.checkVisibility() ? a.textContent : ""};
})()`)
			if s.Dates != want {
				t.Errorf("review line = %q; want %q", s.Dates, want)
			}
			if gotAddress := s.Address != ""; gotAddress != (media == "print") {
				t.Errorf("address shown = %v in media %q; want it on paper only", gotAddress, media)
			}
			if media == "print" && !strings.HasSuffix(strings.TrimSpace(s.Address), page) {
				t.Errorf("printed address %q does not end with %s", s.Address, page)
			}
			report(t, tab.Problems())
		})
	}
}

// reviewLine is the review line a page should show, worked out from its
// front matter with package content.
func reviewLine(t *testing.T, src string) string {
	t.Helper()
	root, err := e2e.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, "content", filepath.FromSlash(src)))
	if err != nil {
		t.Fatal(err)
	}
	p, err := content.ParsePage(src, "content/"+src, b)
	if err != nil {
		t.Fatal(err)
	}
	r, ok := p.Front.Review()
	if !ok {
		t.Fatalf("%s has no review date", src)
	}
	return fmt.Sprintf("Page last reviewed: %s. Next review due: %s.", content.FormatDate(r.Reviewed), content.FormatDate(r.Next))
}

// printsOnOnePage prints the page to an A4 PDF and checks it is one page.
func printsOnOnePage(t *testing.T, b *e2e.Browser, o e2e.Origin, page string) {
	t.Helper()
	tab, err := b.Open(context.Background(), o, page, e2e.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	pdf, err := printPDF(tab)
	if err != nil {
		t.Fatal(err)
	}
	if got := countPDFPages(pdf); got != 1 {
		t.Errorf("prints on %d A4 pages; want 1", got)
	}
	if dir := os.Getenv("WORKSHEET_PDF_DIR"); dir != "" {
		name := strings.TrimSuffix(filepath.Base(page), ".html") + "-" + string(o.Mode) + ".pdf"
		if err := os.WriteFile(filepath.Join(dir, name), pdf, 0o644); err != nil {
			t.Error(err)
		}
	}
	report(t, tab.Problems())
}

// fullContacts is a contacts.yaml as big as the build allows: the most
// groups and contacts, each name, "when" and opening hours as long as
// allowed, and every other contact with a number, an email and hours.
func fullContacts() string {
	text := func(n int) string {
		words := strings.Repeat("Worrying things happen ", n/20+2)
		return strings.TrimSpace(words[:n])
	}
	var b strings.Builder
	b.WriteString("groups:\n")
	n := 0
	for g := range data.ContactCardMaxGroups {
		fmt.Fprintf(&b, "  - id: g%d\n    title: %s\n    contacts:\n", g, text(40))
		per := data.ContactCardMaxContacts / data.ContactCardMaxGroups
		if g < data.ContactCardMaxContacts%data.ContactCardMaxGroups {
			per++
		}
		for range per {
			fmt.Fprintf(&b, "      - id: c%d\n        name: %s\n        when: %s\n", n, text(data.ContactMaxName), text(data.ContactMaxWhen))
			if n%2 == 0 {
				fmt.Fprintf(&b, "        phone: 01632 960 %03d\n        email: safeguarding-team-%d@example.gov.uk\n        hours: %s\n", n, n, text(data.ContactMaxHours))
			}
			n++
		}
	}
	return b.String()
}

// TestWhoToCallFullCard builds the site with the biggest contacts file the
// build accepts and checks that its card still prints on one A4 page, so
// the limits in package data keep their promise.
func TestWhoToCallFullCard(t *testing.T) {
	t.Parallel()
	root, err := e2e.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "contacts.yaml"), []byte(fullContacts()), 0o644); err != nil {
		t.Fatal(err)
	}
	site := e2e.BuildFrom(t, dir, filepath.Join(root, "templates"))
	b := chromium.Start(t, 1)
	printsOnOnePage(t, b, site.Disk(), whoToCallPage)
}

// fullShareCard is the bundled consent.yaml with its card replaced by one
// as big as the build allows, laid out as badly as it can be: the most
// sections, every other one holding the most points and nearly all the
// text the character limit allows, and the rest one short point each. On
// paper the sections sit in two columns, so each row is as tall as its
// longest section: this puts a long one in every row.
func fullShareCard(t *testing.T) string {
	t.Helper()
	root, err := e2e.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, "content", "data", "consent.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	aid, _, ok := strings.Cut(string(b), "\ncard:")
	if !ok {
		t.Fatal("the bundled consent.yaml has no card")
	}
	text := func(n int) string {
		return strings.TrimSpace(strings.Repeat("Share what is needed ", n/20+2)[:n])
	}
	const title, heading, short = 30, 30, 10
	intro, footer := 150, 150
	long := (data.CardMaxSections + 1) / 2
	per := (data.CardMaxChars - title - intro - footer - data.CardMaxSections*heading - (data.CardMaxSections-long)*short) / (long * data.CardMaxPoints)
	var c strings.Builder
	fmt.Fprintf(&c, "%s\ncard:\n  title: %s\n  intro: %s\n  footer: %s\n  sections:\n", aid, text(title), text(intro), text(footer))
	for s := range data.CardMaxSections {
		fmt.Fprintf(&c, "    - heading: %s\n      now: %v\n      points:\n", text(heading), s == 0)
		if s%2 == 1 {
			fmt.Fprintf(&c, "        - %s\n", text(short))
			continue
		}
		for range data.CardMaxPoints {
			fmt.Fprintf(&c, "        - %s\n", text(per))
		}
	}
	return c.String()
}

// TestShareCardFull builds the site with the biggest quick card the build
// accepts and checks that it still prints on one A4 page.
func TestShareCardFull(t *testing.T) {
	t.Parallel()
	root, err := e2e.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "consent.yaml"), []byte(fullShareCard(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	site := e2e.BuildFrom(t, dir, filepath.Join(root, "templates"))
	b := chromium.Start(t, 1)
	printsOnOnePage(t, b, site.Disk(), shareCardPage)
}
