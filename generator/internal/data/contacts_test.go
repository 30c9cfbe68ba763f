package data

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"joinedup/generator/internal/diag"

	"github.com/google/go-cmp/cmp"
)

// contactsYAML is a small valid file: a national number and a local
// contact still to fill in.
const contactsYAML = `groups:
  - id: now
    title: In danger now
    contacts:
      - id: emergency
        name: Emergency services
        phone: "999"
        hours: 24 hours
        when: Someone is in danger now.
  - id: local
    title: Local
    intro: Fill these in.
    contacts:
      - id: adults
        name: Adult safeguarding
        when: You are worried about an adult.
      - id: regulator
        name: Regulator
        phone: 03000 616161
        email: enquiries@example.org.uk
        when: A concern about a service.
`

func TestContactsValid(t *testing.T) {
	d, err := Load(map[string][]byte{"data/contacts.yaml": []byte(contactsYAML)}, display)
	if err != nil {
		t.Fatal(err)
	}
	c := d.Contacts
	if got := c.Count(); got != 3 {
		t.Errorf("Count() = %d; want 3", got)
	}
	type row struct {
		ID, Tel string
		ToFill  bool
	}
	var got []row
	for _, g := range c.Groups {
		for _, ct := range g.Contacts {
			got = append(got, row{ct.ID, ct.Tel(), ct.ToFill()})
		}
	}
	want := []row{{"emergency", "999", false}, {"adults", "", true}, {"regulator", "03000616161", false}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("contacts (-want +got):\n%s", diff)
	}
}

func TestContactsErrors(t *testing.T) {
	tests := []struct {
		name      string
		old, repl string
		want      []string
	}{
		{"unknown field", "        hours: 24 hours\n", "        ours: 24 hours\n", []string{
			`content/data/contacts.yaml:8:9: unknown field "ours" in "groups[1].contacts[1]" (did you mean "hours"?)`,
		}},
		{"missing when", "        when: You are worried about an adult.\n", "", []string{
			`content/data/contacts.yaml:14:9: missing required field "when" in "groups[2].contacts[1]"`,
		}},
		{"phone with brackets", `phone: "999"`, `phone: (01632) 960001`, []string{
			`content/data/contacts.yaml:7:16: phone number "(01632) 960001" of contact "emergency" should have digits and spaces only, like 01632 960 001, 0300 123 4567 or 999`,
		}},
		{"phone too short", `phone: "999"`, `phone: "0163"`, []string{
			`content/data/contacts.yaml:7:16: phone number "0163" of contact "emergency" has 4 digits; UK numbers starting 01 have 10 or 11, like 01632 960 001, 0300 123 4567 or 999`,
		}},
		{"phone digits for 02", `phone: "999"`, `phone: 020 7946 000`, []string{
			`content/data/contacts.yaml:7:16: phone number "020 7946 000" of contact "emergency" has 10 digits; UK numbers starting 02 have 11, like 01632 960 001, 0300 123 4567 or 999`,
		}},
		{"phone with +44 and 0", `phone: "999"`, `phone: +44 01632 960001`, []string{
			`content/data/contacts.yaml:7:16: phone number "+44 01632 960001" of contact "emergency" has a 0 after +44; leave the 0 out (+44 1632 960 001) or write 01632 960 001`,
		}},
		{"phone abroad", `phone: "999"`, `phone: +33 1 23 45 67 89`, []string{
			`content/data/contacts.yaml:7:16: phone number "+33 1 23 45 67 89" of contact "emergency" is not a UK number; write a UK number, starting 0 or +44`,
		}},
		{"premium rate", `phone: "999"`, `phone: 0906 123 4567`, []string{
			`content/data/contacts.yaml:7:16: phone number "0906 123 4567" of contact "emergency" is a premium-rate number (09), which costs callers a lot; give a standard number`,
		}},
		{"no such range", `phone: "999"`, `phone: 0412 345 678`, []string{
			`content/data/contacts.yaml:7:16: phone number "0412 345 678" of contact "emergency" starts 04, which no UK number does; check it, like 01632 960 001, 0300 123 4567 or 999`,
		}},
		{"no leading zero", `phone: "999"`, `phone: 1632 960001`, []string{
			`content/data/contacts.yaml:7:16: phone number "1632 960001" of contact "emergency" should start with 0 (or be a short number such as 999, 101 or 111), like 01632 960 001, 0300 123 4567 or 999`,
		}},
		{"email without @", "email: enquiries@example.org.uk", "email: enquiries.example.org.uk", []string{
			`content/data/contacts.yaml:20:16: email address "enquiries.example.org.uk" of contact "regulator" needs exactly one @, like safeguarding@example.gov.uk`,
		}},
		{"email with mailto", "email: enquiries@example.org.uk", "email: mailto:enquiries@example.org.uk", []string{
			`content/data/contacts.yaml:20:16: email address "mailto:enquiries@example.org.uk" of contact "regulator" should be the address alone, without "mailto:"`,
		}},
		{"email with a space", "email: enquiries@example.org.uk", "email: enquiries@example .org.uk", []string{
			`content/data/contacts.yaml:20:16: email address "enquiries@example .org.uk" of contact "regulator" has a space in it; write it like safeguarding@example.gov.uk`,
		}},
		{"email without a domain dot", "email: enquiries@example.org.uk", "email: enquiries@localhost", []string{
			`content/data/contacts.yaml:20:16: email address "enquiries@localhost" of contact "regulator" is not an email address; write it like safeguarding@example.gov.uk`,
		}},
		{"duplicate contact id", "id: regulator", "id: adults", []string{
			`content/data/contacts.yaml:17:13: contact id "adults" is already used at line 14; ids must be unique`,
		}},
		{"bad id", "id: adults", "id: Adults Team", []string{
			`content/data/contacts.yaml:14:13: contact id "Adults Team" should use only lowercase letters, digits and single hyphens, like "adults-team"`,
		}},
		{"duplicate group id", "id: local", "id: now", []string{
			`content/data/contacts.yaml:10:9: group id "now" is already used at line 2; ids must be unique`,
		}},
		{"empty group", "    contacts:\n      - id: emergency\n        name: Emergency services\n        phone: \"999\"\n        hours: 24 hours\n        when: Someone is in danger now.\n", "    contacts: []\n", []string{
			`content/data/contacts.yaml:4:15: group "now" has no contacts; add one or remove the group`,
		}},
		{"when too long", "when: Someone is in danger now.", "when: " + strings.Repeat("a", 76), []string{
			`content/data/contacts.yaml:9:15: when of contact "emergency" is 76 characters; keep it to 75 so the printed card fits on one page`,
		}},
		{"group title too long", "title: In danger now", "title: " + strings.Repeat("b", 51), []string{
			`content/data/contacts.yaml:3:12: title of group "now" is 51 characters; keep it to 50 so the printed card fits on one page`,
		}},
		{"phone as a list", `phone: "999"`, `phone: [999]`, []string{
			`content/data/contacts.yaml:7:16: "groups[1].contacts[1].phone" should be text, not a list`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(contactsYAML, tt.old, tt.repl, 1)
			if src == contactsYAML {
				t.Fatalf("the edit %q did not apply", tt.old)
			}
			assertErrors(t, src, tt.want)
		})
	}
}

// TestContactsCardLimits checks that a file too big for the printed card
// is refused where it overflows.
func TestContactsCardLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("groups:\n")
	for g := range ContactCardMaxGroups + 1 {
		fmt.Fprintf(&b, "  - id: g%d\n    title: G\n    contacts:\n", g)
		for c := range 3 + g%2 {
			fmt.Fprintf(&b, "      - id: c%d-%d\n        name: N\n        when: W\n", g, c)
		}
	}
	// 6 groups of 3 or 4 contacts: 21 contacts, the 17th the third of
	// the fifth group.
	assertErrors(t, b.String(), []string{
		`content/data/contacts.yaml:65:13: contact "c4-2" is number 17, but the printed card has room for 16 contacts; remove some or merge them`,
		`content/data/contacts.yaml:68:9: there are 6 groups, but the printed card has room for 5; merge some groups`,
	})
	assertErrors(t, "groups: []\n", []string{
		`content/data/contacts.yaml:1:9: the contacts need at least one group, with at least one contact`,
	})
}

func assertErrors(t *testing.T, src string, want []string) {
	t.Helper()
	_, err := Load(map[string][]byte{"data/contacts.yaml": []byte(src)}, display)
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("Load error = %v; want a diag.List", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestCheckPhone(t *testing.T) {
	for _, ok := range []string{
		"999", "112", "111", "101", "105", "116 123", "18000",
		"01632 960 001", "01632 96000", "020 7946 0000", "0300 456 0300", "03000 616161",
		"07700 900 123", "0800 1111", "0800 123 456", "0800 123 4567", "+44 1632 960 001", "+442079460000",
	} {
		if msg := checkPhone(ok); msg != "" {
			t.Errorf("checkPhone(%q) = %q; want it accepted", ok, msg)
		}
	}
	for _, bad := range []string{
		"9", "99", "+44", "+4", "1234", "0", "01", "020 7946 00000", "07700 90012", "0800 11", "0906 123 4567",
		"0412 345 678", "0612 345 678", "+1 212 555 0100", "01632-960-001", "01632 960 001 ext 4", "++44 1632 960001", "0203+456",
	} {
		if msg := checkPhone(bad); msg == "" {
			t.Errorf("checkPhone(%q) accepted it; want an error", bad)
		}
	}
}

func TestBundledContacts(t *testing.T) {
	b, err := readRepoFile("content/data/contacts.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Load(map[string][]byte{"data/contacts.yaml": b}, display)
	if err != nil {
		t.Fatalf("bundled contacts.yaml:\n%v", err)
	}
	// The national numbers come filled in.
	phones := map[string]bool{}
	for _, g := range d.Contacts.Groups {
		for _, c := range g.Contacts {
			phones[c.Tel()] = true
		}
	}
	for _, n := range []string{"999", "111", "101"} {
		if !phones[n] {
			t.Errorf("the bundled contacts have no %s", n)
		}
	}
}
