package components

import (
	"fmt"
	"html/template"
	"path"
	"regexp"
	"strings"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
)

// Three components help a worker act when something is wrong:
//
//   - contacts: who to call, from data/contacts.yaml. On screen it is a
//     list grouped by heading, with each number a tel: link; on paper it is
//     a one-page card, where a number still to fill in prints as a line to
//     write on.
//   - emergency: the "If someone is in danger now, call 999" warning (the
//     GOV.UK warning text pattern), linking to the page that places
//     contacts. card= names that page as a relative link to its .md file.
//   - share-card: the one-page "Can I share?" quick card from the card: part
//     of data/consent.yaml, printed like the worksheets.

// ContactAnchor is the id of a contact's entry on the who-to-call page.
func ContactAnchor(id string) string { return "contact-" + id }

// contactGroupAnchor is the id of a group's heading.
func contactGroupAnchor(id string) string { return "contacts-" + id }

// contactsSpec describes the contacts component.
func contactsSpec() spec {
	return spec{
		options: []string{"level"},
		needs:   "contacts.yaml",
		present: func(d *data.Data) bool { return len(d.Contacts.Groups) > 0 },
		outline: contactsOutline,
	}
}

// contactsOutline gives each group's heading to the contents list, with its
// contacts' words for search, and each contact as an anchor.
func contactsOutline(d *data.Data, opts markdown.Options) []markdown.Section {
	var out []markdown.Section
	for _, g := range d.Contacts.Groups {
		var b strings.Builder
		b.WriteString(g.Intro)
		for _, c := range g.Contacts {
			fmt.Fprintf(&b, " %s %s %s %s %s %s", c.Name, c.When, c.Phone, c.Email, c.Hours, c.Note)
		}
		out = append(out, markdown.Section{Heading: site.Heading{Level: level(opts), ID: contactGroupAnchor(g.ID), Text: g.Title}, Text: strings.TrimSpace(b.String())})
		for _, c := range g.Contacts {
			out = append(out, markdown.Section{Heading: site.Heading{ID: ContactAnchor(c.ID)}})
		}
	}
	return out
}

// EmergencyTitle is the warning's words before its link.
const EmergencyTitle = "If someone is in danger now, call 999."

// emergencySpec describes the emergency component: no data, one option.
func emergencySpec() spec {
	return spec{
		options: []string{"card"},
		present: func(*data.Data) bool { return true },
		check:   func(_ *data.Data, opts markdown.Options) (string, *markdown.Option) { return checkEmergency(opts) },
		outline: func(*data.Data, markdown.Options) []markdown.Section {
			return []markdown.Section{{Text: EmergencyTitle}}
		},
	}
}

// cardLink is the form of emergency's card option: a relative link to a
// page's .md file, with an optional anchor.
var cardLink = regexp.MustCompile(`^(\.\./)*[a-z0-9_-]+(/[a-z0-9_-]+)*\.md(#[a-z0-9]+(-[a-z0-9]+)*)?$`)

// checkEmergency checks the options of an emergency directive. It returns
// a message and the option at fault, or "" when they are sound.
func checkEmergency(opts markdown.Options) (string, *markdown.Option) {
	for i, o := range opts {
		if o.Key == "card" && !cardLink.MatchString(o.Value) {
			return fmt.Sprintf("card=%q should be a relative link to the who-to-call page's .md file, like card=who-to-call.md or card=../guidance/who-to-call.md", o.Value), &opts[i]
		}
	}
	if _, ok := opts.Get("card"); !ok {
		return "emergency needs card=, a relative link to the page that lists who to call, like \"::: emergency card=who-to-call.md\"", nil
	}
	return "", nil
}

// EmergencyLink is the link from the page being rendered to the page its
// card option names.
func (v View) EmergencyLink() string {
	target := v.Options["card"]
	anchor := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, anchor = target[:i], target[i:]
	}
	return v.Link(path.Join(path.Dir(v.page), target) + anchor)
}

// ShareCardID is the id of the quick card's heading.
const ShareCardID = "share-card"

// shareCardSpec describes the share-card component.
func shareCardSpec() spec {
	return spec{
		needs:   "consent.yaml",
		present: func(d *data.Data) bool { return d.Consent.Card != nil },
		outline: shareCardOutline,
		check: func(d *data.Data, _ markdown.Options) (string, *markdown.Option) {
			if d.Consent.Card == nil && len(d.Consent.Steps) > 0 {
				return "component \"share-card\" needs a card: part in content/data/consent.yaml (title and sections), which it has not", nil
			}
			return "", nil
		},
	}
}

// shareCardOutline gives the card's heading and words.
func shareCardOutline(d *data.Data, _ markdown.Options) []markdown.Section {
	c := d.Consent.Card
	if c == nil {
		return nil
	}
	var b strings.Builder
	b.WriteString(c.Intro)
	for _, s := range c.Sections {
		b.WriteString(" " + s.Heading)
		for _, p := range s.Points {
			b.WriteString(" " + p)
		}
	}
	b.WriteString(" " + c.Footer)
	return []markdown.Section{{Heading: site.Heading{Level: 2, ID: ShareCardID, Text: c.Title}, Text: strings.TrimSpace(b.String())}}
}

// TelLink is the tel: link of a contact's number. Numbers are checked when
// contacts.yaml loads (digits, spaces and a leading +), so the link is safe
// to mark as a URL; html/template would otherwise refuse the tel: scheme.
func (View) TelLink(c data.Contact) template.URL {
	return template.URL("tel:" + c.Tel())
}
