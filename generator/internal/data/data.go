// Package data decodes and checks the site's YAML data files: partner roles,
// principles, barriers and remedies, the partnership ladder, the ladder
// self-assessment, the glossary, the consent decision aid, who to call and
// search's best bets.
//
// Two folders hold one file per item, named by the item's id: branching
// scenarios (data/scenarios/NAME.yaml, see Scenario) and knowledge checks
// (data/checks/NAME.yaml, see KnowledgeCheck). A site may have any number
// of each, or none.
//
// Each file has a typed schema (the structs below). Unknown keys, missing
// required fields, duplicate ids and references to ids that do not exist are
// all reported with their file, line and column.
package data

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"unicode"

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
	BestBets   BestBets
	// Scenarios and Checks are the files of data/scenarios/ and
	// data/checks/, sorted by id.
	Scenarios []Scenario
	Checks    []KnowledgeCheck
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

// Anchor is the id of the term's entry on the glossary page: its
// abbreviation's or its words' letters and digits, of any alphabet, so
// that terms in Welsh or another language keep their own ids.
func (t Term) Anchor() string {
	if t.Abbr != "" {
		return "term-" + slug(t.Abbr, unicode.IsLetter, unicode.IsDigit)
	}
	return "term-" + slug(t.Term, unicode.IsLetter, unicode.IsDigit)
}

// anchorKey is the field a term's Anchor comes from.
func (t Term) anchorKey() string {
	if t.Abbr != "" {
		return "abbr"
	}
	return "term"
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
		"best-bets.yaml":  &d.BestBets,
	}
}

// Files lists the data files the site knows, by name below data/, sorted.
func Files() []string {
	var names []string
	for name := range (&Data{}).files() {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Load decodes the data files. files maps a path such as "data/partners.yaml"
// to its bytes, or to nil for a file that exists but could not be read
// (already reported); display turns that path into the name used in
// messages.
//
// Every problem is reported in one pass: the references between files are
// checked even when some files have problems of their own, over what
// decoded (see strictyaml.Decode), leaving alone the values already
// reported and the files that could not be read or parsed at all.
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
	sort.Strings(paths) // partners.yaml before partners.yml
	st := fileStates{}
	read := map[string]string{} // known name -> the path read for it
	var items []string          // files in the folders of one file per item
	for _, p := range paths {
		if strings.Count(p, "/") > 1 {
			items = append(items, p)
			continue
		}
		base := p[strings.LastIndex(p, "/")+1:]
		name := strings.TrimSuffix(base, ".yml")
		if !strings.HasSuffix(name, ".yaml") {
			name += ".yaml"
		}
		target, ok := targets[name]
		if !ok {
			errs.Add(diag.Pos{File: display(p)}, "unknown data file %q%s; data files are %s", base, diag.Hint(name, known), strings.Join(known, ", "))
			continue
		}
		if first, dup := read[name]; dup {
			errs.Add(diag.Pos{File: display(p)}, "both %s and %s exist, and only %s is read; keep one of them", first, p, first)
			continue
		}
		read[name] = p
		st[name] = fileExists
		if files[p] == nil {
			continue // could not be read as text; already reported
		}
		err := strictyaml.Decode(display(p), 1, files[p], target)
		errs.Append(diag.Pos{File: display(p)}, err)
		switch {
		case err == nil:
			st[name] = fileClean
		case !reflect.ValueOf(target).Elem().IsZero():
			st[name] = fileDecoded
		}
	}
	errs = append(errs, d.loadItems(items, files, display)...)
	c := checker{display: func(name string) string { return display("data/" + name) }, files: st}
	c.check(d)
	errs = append(errs, c.errs...)
	return d, errs.Sort().Err()
}

// fileState is how far a data file got.
type fileState int

const (
	fileAbsent  fileState = iota
	fileExists            // but could not be read or parsed: nothing is known of it
	fileDecoded           // with problems, already reported; the rest decoded
	fileClean             // without problems
)

type fileStates map[string]fileState

// present reports whether the file decoded, at least in part.
func (f fileStates) present(name string) bool { return f[name] >= fileDecoded }

// known reports whether references to ids of the file can be checked: it
// decoded, or it does not exist, so that every reference to it is unknown.
// A file that exists but could not be read tells nothing either way.
func (f fileStates) known(name string) bool { return f[name] != fileExists }

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

type checker struct {
	display func(string) string
	files   fileStates
	errs    diag.List
}

// id checks one id's form and uniqueness within seen. An id whose key pos
// does not have (missing, or of the wrong kind) is already reported.
func (c *checker) id(seen map[string]diag.Pos, id string, pos strictyaml.Positions, what string) {
	if !pos.Has("id") {
		return
	}
	if !idPattern.MatchString(id) {
		c.errs.Add(pos.Of("id"), "%s id %q should use only lowercase letters, digits and single hyphens, like %q", what, id, Slug(id))
		return
	}
	if first, dup := seen[id]; dup {
		c.errs.Add(pos.Of("id"), "%s id %q is already used at line %d; ids must be unique", what, id, first.Line)
		return
	}
	seen[id] = pos.Of("id")
}

func (c *checker) check(d *Data) {
	partners := c.partners(d.Partners)
	principles := map[string]diag.Pos{}
	points := map[string]diag.Pos{}
	for _, p := range d.Principles.Principles {
		c.id(principles, p.ID, p.Pos, "principle")
		for _, pt := range p.Points {
			c.id(points, pt.ID, pt.Pos, "practice point")
		}
	}
	barriers := map[string]diag.Pos{}
	remedies := map[string]diag.Pos{}
	for _, b := range d.Barriers.Barriers {
		c.id(barriers, b.ID, b.Pos, "barrier")
		for _, r := range b.Remedies {
			c.id(remedies, r.ID, r.Pos, "remedy")
		}
	}
	if c.files.present("ladder.yaml") && d.Ladder.Pos.Has("rungs") && len(d.Ladder.Rungs) != RungCount {
		c.errs.Add(d.Ladder.Pos.Of("rungs"), "the ladder needs exactly %d rungs, lowest first; found %d", RungCount, len(d.Ladder.Rungs))
	}
	c.assessment(d.Assessment, remedies, principles)
	d.Glossary.Terms = c.glossary(d.Glossary.Terms)
	// The decision aid's tree is walked only when its file has no problems:
	// a step with a problem would show as a dead end or a loop.
	c.consent(d.Consent, c.files["consent.yaml"] == fileClean)
	c.contacts(d.Contacts, c.files.present("contacts.yaml"))
	c.bestBets(d.BestBets)
	for _, s := range d.Scenarios {
		c.scenario(s, partners)
	}
	c.knowledgeChecks(d.Checks)
}

// partners checks the sectors' and partners' ids, and that each partner's
// sector is one of the sectors. It returns the partners' ids, for the
// references of other files.
func (c *checker) partners(p Partners) map[string]diag.Pos {
	sectors := map[string]diag.Pos{}
	for _, s := range p.Sectors {
		c.id(sectors, s.ID, s.Pos, "sector")
	}
	sectorIDs := keys(sectors)
	partners := map[string]diag.Pos{}
	for _, p := range p.Partners {
		c.id(partners, p.ID, p.Pos, "partner")
		if _, ok := sectors[p.Sector]; !ok && p.Pos.Has("sector") {
			c.errs.Add(p.Pos.Of("sector"), "unknown sector %q%s; add it under \"sectors\" or use one of %s", p.Sector, diag.Hint(p.Sector, sectorIDs), strings.Join(sectorIDs, ", "))
		}
	}
	return partners
}

// assessment checks the dimensions' ids and descriptors, and the remedies
// and principles their suggestions name, unless the file those come from
// could not be read.
func (c *checker) assessment(a Assessment, remedies, principles map[string]diag.Pos) {
	dims := map[string]diag.Pos{}
	remedyIDs, principleIDs := keys(remedies), keys(principles)
	for _, dim := range a.Dimensions {
		c.id(dims, dim.ID, dim.Pos, "dimension")
		if dim.Pos.Has("descriptors") && len(dim.Descriptors) != RungCount {
			c.errs.Add(dim.Pos.Of("descriptors"), "dimension %q needs exactly %d descriptors, one per rung, lowest first; found %d", dim.ID, RungCount, len(dim.Descriptors))
		}
		for _, s := range dim.Suggestions {
			for _, r := range s.Remedies {
				if _, ok := remedies[r]; !ok && r != "" && c.files.known("barriers.yaml") {
					c.errs.Add(s.Pos.Of("remedies"), "unknown remedy %q%s; use a remedy id from barriers.yaml", r, diag.Hint(r, remedyIDs))
				}
			}
			for _, p := range s.Principles {
				if _, ok := principles[p]; !ok && p != "" && c.files.known("principles.yaml") {
					c.errs.Add(s.Pos.Of("principles"), "unknown principle %q%s; use a principle id from principles.yaml", p, diag.Hint(p, principleIDs))
				}
			}
		}
	}
}

// glossary checks that abbreviations and the terms' ids on the glossary
// page are unique, and returns the terms without the ones that repeat
// another's: they are reported here, at the term, so the glossary page
// does not report the repeated id again as its own.
func (c *checker) glossary(terms []Term) []Term {
	abbrs := map[string]diag.Pos{}
	anchors := map[string]Term{}
	kept := make([]Term, 0, len(terms))
	for _, t := range terms {
		if t.Abbr != "" {
			if first, dup := abbrs[t.Abbr]; dup {
				c.errs.Add(t.Pos.Of("abbr"), "abbreviation %q is already defined at line %d", t.Abbr, first.Line)
				continue
			}
			abbrs[t.Abbr] = t.Pos.Of("abbr")
		}
		if t.Pos.Has(t.anchorKey()) {
			if first, dup := anchors[t.Anchor()]; dup {
				c.errs.Add(t.Pos.Of(t.anchorKey()), "%q would have the same id on the glossary page, #%s, as %q at line %d (ids keep only letters and digits); reword one of them", t.Term, t.Anchor(), first.Term, first.Pos.Of(first.anchorKey()).Line)
				continue
			}
			anchors[t.Anchor()] = t
		}
		kept = append(kept, t)
	}
	return kept
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
	return slug(s, func(r rune) bool { return r >= 'a' && r <= 'z' }, func(r rune) bool { return r >= '0' && r <= '9' })
}

// slug lowercases s and joins its runs of letters and digits, as the two
// functions define them, with single hyphens.
func slug(s string, letter, digit func(rune) bool) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case letter(r), digit(r):
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
