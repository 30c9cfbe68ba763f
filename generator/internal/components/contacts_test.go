package components

import (
	"bytes"
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
)

func TestCheckEmergency(t *testing.T) {
	for _, tc := range []struct {
		opts markdown.Options
		want string
	}{
		{markdown.Options{{Key: "card", Value: "who-to-call.md"}}, ""},
		{markdown.Options{{Key: "card", Value: "../guidance/who-to-call.md"}}, ""},
		{markdown.Options{{Key: "card", Value: "who-to-call.md#safeguarding"}}, ""},
		{markdown.Options{{Key: "card", Value: "who-to-call.html"}}, `card="who-to-call.html" should be a relative link to the who-to-call page's .md file, like card=who-to-call.md or card=../guidance/who-to-call.md`},
		{markdown.Options{{Key: "card", Value: "/guidance/who-to-call.md"}}, `card="/guidance/who-to-call.md" should be a relative link to the who-to-call page's .md file, like card=who-to-call.md or card=../guidance/who-to-call.md`},
		{markdown.Options{{Key: "card", Value: "https://example.org/call.md"}}, `card="https://example.org/call.md" should be a relative link to the who-to-call page's .md file, like card=who-to-call.md or card=../guidance/who-to-call.md`},
		{nil, `emergency needs card=, a relative link to the page that lists who to call, like "::: emergency card=who-to-call.md"`},
	} {
		got, _ := checkEmergency(tc.opts)
		if got != tc.want {
			t.Errorf("checkEmergency(%v) = %q; want %q", tc.opts, got, tc.want)
		}
	}
}

// bundledSet loads the bundled data and the component templates named.
func bundledSet(t *testing.T, names ...string) *Set {
	t.Helper()
	root := filepath.Join("..", "..", "..")
	files := map[string][]byte{}
	for _, f := range []string{"contacts.yaml", "consent.yaml"} {
		b, err := os.ReadFile(filepath.Join(root, "content", "data", f))
		if err != nil {
			t.Fatal(err)
		}
		files["data/"+f] = b
	}
	d, err := data.Load(files, func(p string) string { return p })
	if err != nil {
		t.Fatal(err)
	}
	tmpl := template.New("components")
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(root, "templates", "components", n+".html"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tmpl.New(n).Parse(string(b)); err != nil {
			t.Fatal(err)
		}
	}
	return New(d, tmpl, func(string) bool { return true })
}

func renderComponent(t *testing.T, s *Set, name string, opts markdown.Options, page string) string {
	t.Helper()
	if msg, _ := s.Check(name, opts); msg != "" {
		t.Fatalf("Check(%s) = %q", name, msg)
	}
	var b bytes.Buffer
	if err := s.Render(&b, name, opts, page); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestEmergencyRender(t *testing.T) {
	s := bundledSet(t, "emergency")
	for _, tc := range []struct{ page, card, want string }{
		{"guidance/consent.md", "who-to-call.md", `href="who-to-call.html"`},
		{"learning/can-i-share.md", "../guidance/who-to-call.md", `href="../guidance/who-to-call.html"`},
		{"guidance/consent.md", "who-to-call.md#safeguarding", `href="who-to-call.html#safeguarding"`},
	} {
		out := renderComponent(t, s, "emergency", markdown.Options{{Key: "card", Value: tc.card}}, tc.page)
		if !strings.Contains(out, tc.want) || !strings.Contains(out, "call 999") || !strings.Contains(out, `<span class="visually-hidden">Warning: </span>`) {
			t.Errorf("emergency on %s with card=%s:\n%s\nwant a warning with %s", tc.page, tc.card, out, tc.want)
		}
	}
}

func TestContactsRender(t *testing.T) {
	s := bundledSet(t, "contacts")
	out := renderComponent(t, s, "contacts", nil, "guidance/who-to-call.md")
	c := s.data.Contacts
	toFill, numbers := 0, 0
	for _, g := range c.Groups {
		for _, ct := range g.Contacts {
			if ct.ToFill() {
				toFill++
				continue
			}
			if ct.Phone != "" {
				numbers++
				if want := `href="tel:` + ct.Tel() + `"`; !strings.Contains(out, want) {
					t.Errorf("contact %s: no link %s", ct.ID, want)
				}
			}
		}
	}
	if toFill == 0 || numbers == 0 {
		t.Fatalf("the bundled contacts have %d to fill in and %d numbers; want some of each", toFill, numbers)
	}
	count := func(pattern string) int { return len(regexp.MustCompile(pattern).FindAllStringIndex(out, -1)) }
	if got := count(`Not filled in yet\.`); got != toFill {
		t.Errorf("the page says \"Not filled in yet\" %d times; want %d", got, toFill)
	}
	if got := count(`class="contact-card__blank"`); got != toFill {
		t.Errorf("the card has %d lines to write on; want %d", got, toFill)
	}
	if got := count(`<li class="contact[ "]`); got != c.Count() {
		t.Errorf("the page lists %d contacts; want %d", got, c.Count())
	}
	if strings.Contains(out, "ZgotmplZ") {
		t.Error("a link was refused by html/template (ZgotmplZ)")
	}
}

func TestShareCardNeedsCard(t *testing.T) {
	s := bundledSet(t, "share-card")
	if s.data.Consent.Card == nil {
		t.Fatal("the bundled consent.yaml has no card")
	}
	out := renderComponent(t, s, "share-card", nil, "guidance/can-i-share-card.md")
	for _, sec := range s.data.Consent.Card.Sections {
		if !strings.Contains(out, template.HTMLEscapeString(sec.Heading)) {
			t.Errorf("the card does not show the section %q", sec.Heading)
		}
	}
	s.data.Consent.Card = nil
	if msg, _ := s.Check("share-card", nil); !strings.Contains(msg, "needs a card: part") {
		t.Errorf("Check(share-card) without a card = %q; want it to ask for the card", msg)
	}
}
