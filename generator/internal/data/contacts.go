package data

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/strictyaml"
)

// Contacts is data/contacts.yaml: who to call, in groups. An organisation
// fills in its own local numbers (the children's front door, adult
// safeguarding, the out-of-hours duty team, its on-call manager and so on);
// the national numbers come filled in. A contact with neither a phone
// number nor an email address is one still to fill in: the page says so,
// and the printed card leaves a line to write it on.
type Contacts struct {
	Groups []ContactGroup `yaml:"groups" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// ContactGroup is a titled group of contacts, such as "Safeguarding".
type ContactGroup struct {
	ID       string    `yaml:"id" schema:"required"`
	Title    string    `yaml:"title" schema:"required"`
	Intro    string    `yaml:"intro"`
	Contacts []Contact `yaml:"contacts" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Contact is one service or person to call.
type Contact struct {
	ID   string `yaml:"id" schema:"required"`
	Name string `yaml:"name" schema:"required"`
	// When says when to call them, in a sentence or two.
	When string `yaml:"when" schema:"required"`
	// Phone is a UK number, written with digits and spaces ("01632 960
	// 001", "999", "+44 1632 960 001").
	Phone string `yaml:"phone"`
	// Email is shown on the page, not on the printed card.
	Email string `yaml:"email"`
	// Hours says when the line is open, such as "24 hours, every day".
	Hours string `yaml:"hours"`
	// Note is anything else worth knowing, shown on the page only.
	Note string `yaml:"note"`

	Pos strictyaml.Positions `yaml:"-"`
}

// ToFill reports whether the contact is still to be filled in locally.
func (c Contact) ToFill() bool { return c.Phone == "" && c.Email == "" }

// Tel is the contact's number for a tel: link: its digits, with a leading
// + kept. It is "" when the contact has no number.
func (c Contact) Tel() string {
	return strings.ReplaceAll(c.Phone, " ", "")
}

// Count is the number of contacts in every group.
func (c Contacts) Count() int {
	n := 0
	for _, g := range c.Groups {
		n += len(g.Contacts)
	}
	return n
}

// The printed card is one side of A4, so the file is held to what fits on
// it: a number of contacts and groups, and short enough text. The browser
// tests print the bundled card and count its pages.
const (
	ContactCardMaxContacts = 16
	ContactCardMaxGroups   = 5
	ContactMaxTitle        = 50
	ContactMaxName         = 50
	ContactMaxWhen         = 75
	ContactMaxHours        = 30
)

// contacts checks the groups and contacts: ids, phone numbers, email
// addresses and what fits on the printed card.
func (c *checker) contacts(k Contacts, present bool) {
	if !present {
		return
	}
	if len(k.Groups) == 0 {
		c.errs.Add(k.Pos.Of("groups"), "the contacts need at least one group, with at least one contact")
		return
	}
	if len(k.Groups) > ContactCardMaxGroups {
		c.errs.Add(k.Groups[ContactCardMaxGroups].Pos.Of("id"), "there are %d groups, but the printed card has room for %d; merge some groups", len(k.Groups), ContactCardMaxGroups)
	}
	groups := map[string]diag.Pos{}
	contacts := map[string]diag.Pos{}
	n := 0
	for _, g := range k.Groups {
		c.id(groups, g.ID, g.Pos, "group")
		if n := utf8.RuneCountInString(g.Title); n > ContactMaxTitle {
			c.errs.Add(g.Pos.Of("title"), "title of group %q is %d characters; keep it to %d so the printed card fits on one page", g.ID, n, ContactMaxTitle)
		}
		if len(g.Contacts) == 0 {
			c.errs.Add(g.Pos.Of("contacts"), "group %q has no contacts; add one or remove the group", g.ID)
		}
		for _, ct := range g.Contacts {
			n++
			if n == ContactCardMaxContacts+1 {
				c.errs.Add(ct.Pos.Of("id"), "contact %q is number %d, but the printed card has room for %d contacts; remove some or merge them", ct.ID, n, ContactCardMaxContacts)
			}
			c.id(contacts, ct.ID, ct.Pos, "contact")
			c.contact(ct)
		}
	}
}

// contact checks one contact's fields.
func (c *checker) contact(ct Contact) {
	for _, f := range []struct {
		key, text string
		max       int
	}{{"name", ct.Name, ContactMaxName}, {"when", ct.When, ContactMaxWhen}, {"hours", ct.Hours, ContactMaxHours}} {
		if n := utf8.RuneCountInString(f.text); n > f.max {
			c.errs.Add(ct.Pos.Of(f.key), "%s of contact %q is %d characters; keep it to %d so the printed card fits on one page", f.key, ct.ID, n, f.max)
		}
	}
	if ct.Phone != "" {
		if msg := checkPhone(ct.Phone); msg != "" {
			c.errs.Add(ct.Pos.Of("phone"), "phone number %q of contact %q %s", ct.Phone, ct.ID, msg)
		}
	}
	if ct.Email != "" {
		if msg := checkEmail(ct.Email); msg != "" {
			c.errs.Add(ct.Pos.Of("email"), "email address %q of contact %q %s", ct.Email, ct.ID, msg)
		}
	}
}

var (
	phoneChars = regexp.MustCompile(`^\+?[0-9 ]+$`)
	// shortNumbers are the UK's short dialling codes: 999 and 112 for
	// emergencies, three-digit 1xx services (101, 105, 111), the 116
	// helplines (116 123) and the text relay prefixes (18000, 18001).
	shortNumbers = regexp.MustCompile(`^(999|1[0-9]{2}|116[0-9]{3}|1800[01])$`)
)

// checkPhone says what is wrong with a UK phone number as written, or ""
// when it is a number a UK phone can dial: a short code, a national number
// starting 0, or the same written +44 without the 0.
func checkPhone(s string) string {
	const example = "like 01632 960 001, 0300 123 4567 or 999"
	if !phoneChars.MatchString(s) || strings.Contains(s[1:], "+") {
		return "should have digits and spaces only, " + example
	}
	d := strings.ReplaceAll(s, " ", "")
	if len(d) < 3 {
		return "is too short to be a phone number, " + example
	}
	if strings.HasPrefix(d, "+") {
		rest, ok := strings.CutPrefix(d, "+44")
		switch {
		case !ok:
			return "is not a UK number; write a UK number, starting 0 or +44"
		case strings.HasPrefix(rest, "0"):
			return "has a 0 after +44; leave the 0 out (+44 1632 960 001) or write 01632 960 001"
		}
		d = "0" + rest
		if len(d) < 3 {
			return "is too short to be a phone number, " + example
		}
	} else if shortNumbers.MatchString(d) {
		return ""
	}
	if d[0] != '0' {
		return "should start with 0 (or be a short number such as 999, 101 or 111), " + example
	}
	n := len(d)
	switch d[1] {
	case '1':
		if n == 10 || n == 11 {
			return ""
		}
	case '2', '3', '5', '7':
		if n == 11 {
			return ""
		}
	case '8':
		if n == 10 || n == 11 || d == "08001111" {
			return ""
		}
	case '9':
		return "is a premium-rate number (09), which costs callers a lot; give a standard number"
	default:
		return fmt.Sprintf("starts 0%c, which no UK number does; check it, %s", d[1], example)
	}
	return fmt.Sprintf("has %d digits; UK numbers starting 0%c have %s, %s", n, d[1], digitsFor(d[1]), example)
}

// digitsFor says how many digits UK numbers with this second digit have.
func digitsFor(second byte) string {
	switch second {
	case '1', '8':
		return "10 or 11"
	}
	return "11"
}

var emailPattern = regexp.MustCompile(`^[A-Za-z0-9.!#$%&'*+/=?^_{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$`)

// checkEmail says what is wrong with an email address, or "" when it looks
// like one: a name, an @ and a domain with at least one dot.
func checkEmail(s string) string {
	const example = "like safeguarding@example.gov.uk"
	switch {
	case strings.HasPrefix(strings.ToLower(s), "mailto:"):
		return "should be the address alone, without \"mailto:\""
	case strings.ContainsAny(s, " \t"):
		return "has a space in it; write it " + example
	case strings.Count(s, "@") != 1:
		return "needs exactly one @, " + example
	case !emailPattern.MatchString(s):
		return "is not an email address; write it " + example
	}
	return ""
}
