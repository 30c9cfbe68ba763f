// Package data decodes and checks the site's YAML data files: partner roles,
// principles, barriers and remedies, the partnership ladder, the ladder
// self-assessment, the glossary, the consent decision aid and who to call.
//
// Each file has a typed schema (the structs below). Unknown keys, missing
// required fields, duplicate ids and references to ids that do not exist are
// all reported with their file, line and column.
package data

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/strictyaml"
)

// Data is every data file of a site. A missing file leaves its part empty;
// the components that need it say so when they are used.
type Data struct {
	Partners   Partners
	Principles Principles
	Barriers   Barriers
	Ladder     Ladder
	Assessment Assessment
	Glossary   Glossary
	Consent    Consent
	Contacts   Contacts
}

// Partners is data/partners.yaml.
type Partners struct {
	Sectors  []Sector  `yaml:"sectors" schema:"required"`
	Partners []Partner `yaml:"partners" schema:"required"`
}

// Sector groups partners for filtering.
type Sector struct {
	ID   string `yaml:"id" schema:"required"`
	Name string `yaml:"name" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Partner is a role the reader may work with.
type Partner struct {
	ID     string `yaml:"id" schema:"required"`
	Name   string `yaml:"name" schema:"required"`
	Abbr   string `yaml:"abbr"`
	Sector string `yaml:"sector" schema:"required"`
	What   string `yaml:"what" schema:"required"`
	When   string `yaml:"when" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Principles is data/principles.yaml.
type Principles struct {
	Principles []Principle `yaml:"principles" schema:"required"`
}

// Principle is one principle of effective partnership working.
type Principle struct {
	ID      string  `yaml:"id" schema:"required"`
	Title   string  `yaml:"title" schema:"required"`
	Summary string  `yaml:"summary" schema:"required"`
	Points  []Point `yaml:"points" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Point is a practice point; in a checklist it is one item to tick.
type Point struct {
	ID   string `yaml:"id" schema:"required"`
	Text string `yaml:"text" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Barriers is data/barriers.yaml.
type Barriers struct {
	Barriers []Barrier `yaml:"barriers" schema:"required"`
}

// Barrier is something that gets in the way of working together.
type Barrier struct {
	ID          string   `yaml:"id" schema:"required"`
	Title       string   `yaml:"title" schema:"required"`
	Description string   `yaml:"description" schema:"required"`
	Remedies    []Remedy `yaml:"remedies" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Remedy is one way to overcome a barrier.
type Remedy struct {
	ID   string `yaml:"id" schema:"required"`
	Text string `yaml:"text" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// RungCount is the number of rungs on the partnership ladder.
const RungCount = 9

// Ladder is data/ladder.yaml.
type Ladder struct {
	Origin string `yaml:"origin" schema:"required"`
	Note   string `yaml:"note"`
	Rungs  []Rung `yaml:"rungs" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Rung is one step of the ladder, lowest first.
type Rung struct {
	Name      string `yaml:"name" schema:"required"`
	Gloss     string `yaml:"gloss" schema:"required"`
	LooksLike string `yaml:"looks_like" schema:"required"`
	MoveUp    string `yaml:"move_up" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Assessment is data/assessment.yaml: the ladder self-assessment.
type Assessment struct {
	Intro      string      `yaml:"intro"`
	Dimensions []Dimension `yaml:"dimensions" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Dimension is one question of the self-assessment, with one descriptor per
// rung, lowest rung first.
type Dimension struct {
	ID          string       `yaml:"id" schema:"required"`
	Title       string       `yaml:"title" schema:"required"`
	Question    string       `yaml:"question" schema:"required"`
	Descriptors []string     `yaml:"descriptors" schema:"required"`
	Suggestions []Suggestion `yaml:"suggestions"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Suggestion is a next step for a dimension, linked to remedies and
// principles by id.
type Suggestion struct {
	Text       string   `yaml:"text" schema:"required"`
	Remedies   []string `yaml:"remedies"`
	Principles []string `yaml:"principles"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Glossary is data/glossary.yaml.
type Glossary struct {
	Terms []Term `yaml:"terms" schema:"required"`
}

// Term is a glossary entry. Terms with an abbreviation get <abbr> mark-up on
// first use on each page; synonyms feed search.
type Term struct {
	Term       string   `yaml:"term" schema:"required"`
	Abbr       string   `yaml:"abbr"`
	Definition string   `yaml:"definition" schema:"required"`
	Synonyms   []string `yaml:"synonyms"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Anchor is the id of the term's entry on the glossary page.
func (t Term) Anchor() string {
	if t.Abbr != "" {
		return "term-" + Slug(t.Abbr)
	}
	return "term-" + Slug(t.Term)
}

// files maps each known data file to where it decodes.
func (d *Data) files() map[string]any {
	return map[string]any{
		"partners.yaml":   &d.Partners,
		"principles.yaml": &d.Principles,
		"barriers.yaml":   &d.Barriers,
		"ladder.yaml":     &d.Ladder,
		"assessment.yaml": &d.Assessment,
		"glossary.yaml":   &d.Glossary,
		"consent.yaml":    &d.Consent,
		"contacts.yaml":   &d.Contacts,
	}
}

// Load decodes the data files. files maps a path such as "data/partners.yaml"
// to its bytes; display turns that path into the name used in messages.
func Load(files map[string][]byte, display func(string) string) (*Data, error) {
	d := &Data{}
	targets := d.files()
	known := make([]string, 0, len(targets))
	for name := range targets {
		known = append(known, name)
	}
	sort.Strings(known)
	var errs diag.List
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	decoded := map[string]bool{}
	for _, p := range paths {
		name := p[strings.LastIndex(p, "/")+1:]
		name = strings.TrimSuffix(name, ".yml")
		if !strings.HasSuffix(name, ".yaml") {
			name += ".yaml"
		}
		target, ok := targets[name]
		if !ok {
			errs.Add(diag.Pos{File: display(p)}, "unknown data file %q%s; data files are %s", name, diag.Hint(name, known), strings.Join(known, ", "))
			continue
		}
		if err := strictyaml.Decode(display(p), 1, files[p], target); err != nil {
			errs.Append(diag.Pos{File: display(p)}, err)
			continue
		}
		decoded[name] = true
	}
	if len(errs) == 0 {
		c := checker{display: func(name string) string { return display("data/" + name) }}
		c.check(d, decoded)
		errs = append(errs, c.errs...)
	}
	return d, errs.Sort().Err()
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

type checker struct {
	display func(string) string
	errs    diag.List
}

// ids checks one id's form and uniqueness within seen.
func (c *checker) id(seen map[string]diag.Pos, id string, pos diag.Pos, what string) {
	if !idPattern.MatchString(id) {
		c.errs.Add(pos, "%s id %q should use only lowercase letters, digits and single hyphens, like %q", what, id, Slug(id))
		return
	}
	if first, dup := seen[id]; dup {
		c.errs.Add(pos, "%s id %q is already used at line %d; ids must be unique", what, id, first.Line)
		return
	}
	seen[id] = pos
}

func (c *checker) check(d *Data, present map[string]bool) {
	sectors := map[string]diag.Pos{}
	for _, s := range d.Partners.Sectors {
		c.id(sectors, s.ID, s.Pos.Of("id"), "sector")
	}
	sectorIDs := keys(sectors)
	partners := map[string]diag.Pos{}
	for _, p := range d.Partners.Partners {
		c.id(partners, p.ID, p.Pos.Of("id"), "partner")
		if _, ok := sectors[p.Sector]; !ok {
			c.errs.Add(p.Pos.Of("sector"), "unknown sector %q%s; add it under \"sectors\" or use one of %s", p.Sector, diag.Hint(p.Sector, sectorIDs), strings.Join(sectorIDs, ", "))
		}
	}
	principles := map[string]diag.Pos{}
	points := map[string]diag.Pos{}
	for _, p := range d.Principles.Principles {
		c.id(principles, p.ID, p.Pos.Of("id"), "principle")
		for _, pt := range p.Points {
			c.id(points, pt.ID, pt.Pos.Of("id"), "practice point")
		}
	}
	barriers := map[string]diag.Pos{}
	remedies := map[string]diag.Pos{}
	for _, b := range d.Barriers.Barriers {
		c.id(barriers, b.ID, b.Pos.Of("id"), "barrier")
		for _, r := range b.Remedies {
			c.id(remedies, r.ID, r.Pos.Of("id"), "remedy")
		}
	}
	if present["ladder.yaml"] && len(d.Ladder.Rungs) != RungCount {
		c.errs.Add(d.Ladder.Pos.Of("rungs"), "the ladder needs exactly %d rungs, lowest first; found %d", RungCount, len(d.Ladder.Rungs))
	}
	dims := map[string]diag.Pos{}
	remedyIDs, principleIDs := keys(remedies), keys(principles)
	for _, dim := range d.Assessment.Dimensions {
		c.id(dims, dim.ID, dim.Pos.Of("id"), "dimension")
		if len(dim.Descriptors) != RungCount {
			c.errs.Add(dim.Pos.Of("descriptors"), "dimension %q needs exactly %d descriptors, one per rung, lowest first; found %d", dim.ID, RungCount, len(dim.Descriptors))
		}
		for _, s := range dim.Suggestions {
			for _, r := range s.Remedies {
				if _, ok := remedies[r]; !ok {
					c.errs.Add(s.Pos.Of("remedies"), "unknown remedy %q%s; use a remedy id from barriers.yaml", r, diag.Hint(r, remedyIDs))
				}
			}
			for _, p := range s.Principles {
				if _, ok := principles[p]; !ok {
					c.errs.Add(s.Pos.Of("principles"), "unknown principle %q%s; use a principle id from principles.yaml", p, diag.Hint(p, principleIDs))
				}
			}
		}
	}
	abbrs := map[string]diag.Pos{}
	for _, t := range d.Glossary.Terms {
		if t.Abbr == "" {
			continue
		}
		if first, dup := abbrs[t.Abbr]; dup {
			c.errs.Add(t.Pos.Of("abbr"), "abbreviation %q is already defined at line %d", t.Abbr, first.Line)
			continue
		}
		abbrs[t.Abbr] = t.Pos.Of("abbr")
	}
	c.consent(d.Consent, present["consent.yaml"])
	c.contacts(d.Contacts, present["contacts.yaml"])
}

func keys(m map[string]diag.Pos) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Slug turns text into an id: lowercase letters and digits joined by single
// hyphens.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	return b.String()
}

// RungName returns the name of rung n (1-based), or "" when out of range.
func (l Ladder) RungName(n int) string {
	if n < 1 || n > len(l.Rungs) {
		return ""
	}
	return l.Rungs[n-1].Name
}

// String summarises the data for debugging output.
func (d *Data) String() string {
	return fmt.Sprintf("%d partners, %d principles, %d barriers, %d rungs, %d dimensions, %d terms",
		len(d.Partners.Partners), len(d.Principles.Principles), len(d.Barriers.Barriers),
		len(d.Ladder.Rungs), len(d.Assessment.Dimensions), len(d.Glossary.Terms))
}
