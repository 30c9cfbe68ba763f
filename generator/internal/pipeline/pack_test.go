package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"joinedup/generator/internal/diag"

	"github.com/google/go-cmp/cmp"
)

// sessionPage is a session plan for the small site that uses both of its
// guide pages, one of them twice.
const sessionPage = `---
title: Session
session:
  duration: 60
  agenda:
    - title: Start
      minutes: 10
    - title: Consent
      minutes: 20
      materials: [consent.md]
    - title: Roles
      minutes: 30
      materials: [roles.md, consent.md]
---
## Notes

Read [the exceptions](consent.md#exceptions) and see [notes](#notes).
`

// TestPack builds the small site with a session plan and checks its
// trainer's pack: the plan, the session's notes, each material once, the
// agenda linking to the copies, ids made unique and links still leading
// to their pages.
func TestPack(t *testing.T) {
	contentFS := siteFS(t, "small")
	contentFS["guide/session.md"] = &fstest.MapFile{Data: []byte(sessionPage)}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := buildInto(t, contentFS, testTemplates(), out); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "guide", "session-pack.html"))
	if err != nil {
		t.Fatal(err)
	}
	pack := string(b)
	for _, want := range []string{
		`<h1>Trainer&#39;s pack: Session</h1>`,
		// The contents: the plan, the notes, then each material once.
		"<a href=\"#session-plan\">Session plan</a>\n<a href=\"#pack-guide-session\">Facilitator notes</a>\n<a href=\"#pack-guide-consent\">Consent</a>\n<a href=\"#pack-guide-roles\">Roles</a>\n",
		// Running times, with materials leading to their copies.
		"0:00 Start\n0:10 Consent <a href=\"#pack-guide-consent\">Consent</a>\n0:30 Roles <a href=\"#pack-guide-roles\">Roles</a> <a href=\"#pack-guide-consent\">Consent</a>\n",
		`<h2 class="guide-page__title" id="pack-guide-session">Facilitator notes</h2>`,
		`<h2 id="pack-guide-session--notes">Notes</h2>`,
		`<a href="#pack-guide-session--notes">notes</a>`,
		`<a href="consent.html#exceptions">the exceptions</a>`,
		`<h2 id="pack-guide-consent--exceptions">Exceptions</h2>`,
		`<img src="../img/ladder.png" alt="a ladder" />`,
		`<h2 class="guide-page__title" id="pack-guide-roles">Roles</h2>`,
	} {
		if !strings.Contains(pack, want) {
			t.Errorf("pack does not contain %q:\n%s", want, pack)
		}
	}
	if n := strings.Count(pack, `class="guide-page__title"`); n != 3 {
		t.Errorf("pack has %d parts; want 3 (notes, consent, roles)", n)
	}
	if sitemap, _ := os.ReadFile(filepath.Join(out, "sitemap.xml")); strings.Contains(string(sitemap), "pack") {
		t.Errorf("the sitemap lists the pack, a copy of other pages:\n%s", sitemap)
	}
}

// TestSessionErrors checks the positioned errors for a broken session plan.
func TestSessionErrors(t *testing.T) {
	tests := []struct {
		name string
		edit map[string]string
		want []string
	}{
		{
			name: "agenda longer than the session",
			edit: map[string]string{"guide/session.md": strings.Replace(sessionPage, "duration: 60", "duration: 45", 1)},
			want: []string{`content/guide/session.md:6:5: the agenda adds up to 60 minutes but the session lasts 45; shorten items or raise the duration`},
		},
		{
			name: "missing material",
			edit: map[string]string{"guide/session.md": strings.Replace(sessionPage, "[consent.md]", "[consnet.md]", 1)},
			want: []string{`content/guide/session.md:10:18: material "consnet.md" of agenda item "Consent" does not exist; give a relative link to a page's .md file`},
		},
		{
			name: "page in the pack's place",
			edit: map[string]string{
				"guide/session.md":      sessionPage,
				"guide/session-pack.md": "---\ntitle: Pack\n---\nText\n",
			},
			want: []string{`content/guide/session-pack.md: this page would be written to guide/session-pack.html, the trainer's pack of the session plan guide/session.md; rename the file`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			contentFS := siteFS(t, "small")
			for name, text := range tt.edit {
				contentFS[name] = &fstest.MapFile{Data: []byte(text)}
			}
			_, err := buildInto(t, contentFS, testTemplates(), "")
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("build error = %v; want a diag.List", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}
