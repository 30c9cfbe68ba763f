// Package components renders the data-driven components that pages place
// with directives (see package markdown): tables and lists drawn from the
// data files (partners, principles, barriers, ladder, glossary), the
// interactive tools (partner directory, barrier planner, ladder
// self-assessment, group results, decision aid, your saved data), the
// printable worksheets, and the list of what the site stores in the
// browser. New lists them all.
//
// Each component's markup is a template, templates/components/NAME.html,
// executed with a View. This package knows each component's options and
// its outline: the headings and text it adds to a page, for the contents
// list, anchor checks and search. Templates write the outline's headings
// with View.OutlineHeading, so the two cannot drift apart.
package components

import (
	"fmt"
	"html/template"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
	"joinedup/generator/internal/storage"
)

// spec describes one component: its options, the data it needs, and what it
// adds to a page's outline.
type spec struct {
	options []string
	// needs names the data file the component draws on, for a clear
	// message when that file is missing or empty.
	needs   string
	present func(*data.Data) bool
	outline func(*data.Data, markdown.Options) []markdown.Section
	// check, when set, checks what the rules above cannot: an option's
	// form, or a part of a data file the component needs.
	check func(*data.Data, markdown.Options) (string, *markdown.Option)
	// links, when set, lists the links to pages that the component's
	// data makes, for the build to check with the page's own.
	links func(*data.Data, markdown.Options) []site.Link
}

// Set renders components from one site's data.
type Set struct {
	data      *data.Data
	templates *template.Template
	written   func(string) bool
	specs     map[string]spec
}

// View is what a component template receives.
type View struct {
	Data    *data.Data
	Options map[string]string
	// Level is the heading level the component uses (2 unless level= says).
	Level int
	// Sector is the partners component's sector filter, or nil.
	Sector *data.Sector
	// Keys is the list of browser storage keys, for storage-keys.
	Keys []storage.Key
	// Scenario is the scenario component's scenario, and Check the
	// knowledge-check component's check (by their id= option), or nil.
	Scenario *data.Scenario
	Check    *data.KnowledgeCheck
	page     string
	set      *Set
	// outline is what the component adds to the page's outline: its
	// headings as the contents list, the anchor checks and search see
	// them. The template writes those headings with OutlineHeading, so
	// the two cannot drift apart.
	outline []markdown.Section
}

// Link returns the relative link from the page being rendered to the page
// at source path target (below content/), with an optional #anchor.
func (v View) Link(target string) string {
	anchor := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, anchor = target[:i], target[i:]
	}
	return site.Relative(site.OutputPath(v.page), site.OutputPath(target)) + anchor
}

// Rungs lists the ladder's rung indexes from the top rung down, the order a
// ladder is read in.
func (v View) Rungs() []int {
	out := make([]int, len(v.Data.Ladder.Rungs))
	for i := range out {
		out[i] = len(out) - 1 - i
	}
	return out
}

// Slug makes an id from text, as data.Slug does.
func (v View) Slug(s string) string { return data.Slug(s) }

// Terms lists the glossary alphabetically.
func (v View) Terms() []data.Term { return SortedTerms(v.Data) }

// Heading writes a heading at the component's level.
func (v View) Heading(id, text string) template.HTML {
	return template.HTML(fmt.Sprintf(`<h%d id="%s">%s</h%d>`, v.Level, template.HTMLEscapeString(id), template.HTMLEscapeString(text), v.Level))
}

// OutlineHeading writes the heading with the given id from the component's
// outline, at its level and with its text, with an optional class. It is
// an error for the outline to have no such heading.
func (v View) OutlineHeading(id string, class ...string) (template.HTML, error) {
	for _, s := range v.outline {
		if s.ID != id || s.Level == 0 {
			continue
		}
		attr := ""
		if len(class) > 0 && class[0] != "" {
			attr = ` class="` + template.HTMLEscapeString(class[0]) + `"`
		}
		return template.HTML(fmt.Sprintf(`<h%d id="%s"%s>%s</h%d>`, s.Level, template.HTMLEscapeString(id), attr, textEscaper.Replace(s.Heading.Text), s.Level)), nil
	}
	return "", fmt.Errorf("the component's outline has no heading %q", id)
}

// textEscaper escapes text for an element's content, where an apostrophe
// needs no escaping.
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;")

// RemedyAnchor is the id of a remedy's entry on the barriers page.
func (v View) RemedyAnchor(id string) string { return RemedyAnchor(id) }

// New prepares the components. templates must define one template per
// component, named after it. written reports whether a data file (such as
// "partners.yaml") exists; a file that exists but failed to decode has
// already been reported, so components do not call it missing.
func New(d *data.Data, templates *template.Template, written func(file string) bool) *Set {
	s := &Set{data: d, templates: templates, written: written}
	s.specs = map[string]spec{
		"partners": {
			options: []string{"sector"}, needs: "partners.yaml",
			present: func(d *data.Data) bool { return len(d.Partners.Partners) > 0 },
			outline: partnersOutline,
		},
		"principles": {
			options: []string{"level"}, needs: "principles.yaml",
			present: func(d *data.Data) bool { return len(d.Principles.Principles) > 0 },
			outline: principlesOutline,
		},
		"barriers": {
			options: []string{"level"}, needs: "barriers.yaml",
			present: func(d *data.Data) bool { return len(d.Barriers.Barriers) > 0 },
			outline: barriersOutline,
		},
		"ladder": {
			options: []string{"level"}, needs: "ladder.yaml",
			present: func(d *data.Data) bool { return len(d.Ladder.Rungs) > 0 },
			outline: ladderOutline,
		},
		"glossary": {
			needs:   "glossary.yaml",
			present: func(d *data.Data) bool { return len(d.Glossary.Terms) > 0 },
			outline: glossaryOutline,
		},
		"storage-keys": {
			present: func(*data.Data) bool { return true },
			outline: func(*data.Data, markdown.Options) []markdown.Section { return nil },
		},
		"barrier-planner":   barrierPlannerSpec(),
		"ladder-assessment": ladderAssessmentSpec(),
		"partner-directory": partnerDirectorySpec(),
		"consent-aid":       consentAidSpec(),
		"your-data":         yourDataSpec(),
		"group-results":     groupResultsSpec(),
		"ladder-poster":     ladderPosterSpec(),
		"barrier-cards":     barrierCardsSpec(),
		"partner-cards":     partnerCardsSpec(),
		"meeting-prep":      meetingPrepSpec(),
		"contacts":          contactsSpec(),
		"emergency":         emergencySpec(),
		"share-card":        shareCardSpec(),
	}
	for name, sp := range learningSpecs() {
		s.specs[name] = sp
	}
	return s
}

// Names lists the components, sorted.
func (s *Set) Names() []string {
	names := make([]string, 0, len(s.specs))
	for n := range s.specs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Options lists the options component name takes.
func (s *Set) Options(name string) []string { return s.specs[name].options }

// Check validates a directive's options.
func (s *Set) Check(name string, opts markdown.Options) (string, *markdown.Option) {
	sp := s.specs[name]
	for i, o := range opts {
		if !slices.Contains(sp.options, o.Key) {
			if len(sp.options) == 0 {
				return fmt.Sprintf("component %q takes no options; remove %q", name, o.Key), &opts[i]
			}
			return fmt.Sprintf("component %q has no option %q; its options are %s", name, o.Key, strings.Join(sp.options, ", ")), &opts[i]
		}
		switch o.Key {
		case "level":
			if o.Value != "2" && o.Value != "3" {
				return fmt.Sprintf("level must be 2 or 3 (the heading level of each entry), not %q", o.Value), &opts[i]
			}
		case "sector":
			if s.sector(o.Value) == nil {
				var ids []string
				for _, sec := range s.data.Partners.Sectors {
					ids = append(ids, sec.ID)
				}
				return fmt.Sprintf("unknown sector %q; use one of %s (from data/partners.yaml)", o.Value, strings.Join(ids, ", ")), &opts[i]
			}
		}
	}
	if sp.check != nil {
		if msg, at := sp.check(s.data, opts); msg != "" {
			return msg, at
		}
	}
	if !sp.present(s.data) && (sp.needs == "" || !s.written(sp.needs)) {
		return fmt.Sprintf("component %q needs content/data/%s, which is missing or empty", name, sp.needs), nil
	}
	if s.templates != nil && s.templates.Lookup(name) == nil {
		return fmt.Sprintf("component %q has no template; add templates/components/%s.html", name, name), nil
	}
	return "", nil
}

func (s *Set) sector(id string) *data.Sector {
	for i := range s.data.Partners.Sectors {
		if s.data.Partners.Sectors[i].ID == id {
			return &s.data.Partners.Sectors[i]
		}
	}
	return nil
}

// Links lists the links to pages that the component's data makes, each
// with its place in the data file, for the build to check with the
// page's own links (see markdown.Linker).
func (s *Set) Links(name string, opts markdown.Options) []site.Link {
	if sp := s.specs[name]; sp.links != nil {
		return sp.links(s.data, opts)
	}
	return nil
}

// Outline returns the headings and text the component adds.
func (s *Set) Outline(name string, opts markdown.Options) []markdown.Section {
	return s.specs[name].outline(s.data, opts)
}

// Render executes the component's template. Without templates (they
// failed to parse, and the build reports why) it writes nothing, so that a
// check still finds every other problem.
func (s *Set) Render(w io.Writer, name string, opts markdown.Options, page string) error {
	if s.templates == nil {
		return nil
	}
	v := View{Data: s.data, Options: map[string]string{}, Level: level(opts), Keys: storage.Keys(), page: page, set: s, outline: s.Outline(name, opts)}
	for _, o := range opts {
		v.Options[o.Key] = o.Value
	}
	if id, ok := opts.Get("sector"); ok {
		v.Sector = s.sector(id)
	}
	if id, ok := opts.Get("id"); ok {
		switch name {
		case scenarioName:
			v.Scenario = s.data.Scenario(id)
		case knowledgeCheckName:
			v.Check = s.data.Check(id)
		}
	}
	return s.templates.ExecuteTemplate(w, name, v)
}

func level(opts markdown.Options) int {
	if v, ok := opts.Get("level"); ok {
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	}
	return 2
}

// The components below list their entries as records (see
// markdown.Section): each partner role, glossary term, barrier, remedy,
// principle and rung is a search result of its own, which links to the
// id its template puts on the entry's row, card or heading.

// PartnerAnchor is the id of a partner role's row.
func PartnerAnchor(id string) string { return "partner-" + id }

// PartnerAnchor is the id of a partner role's row, for templates.
func (v View) PartnerAnchor(id string) string { return PartnerAnchor(id) }

// partnerRecord is a partner role as a record.
func partnerRecord(p data.Partner, sectorName string) markdown.Section {
	return markdown.Section{
		Heading: site.Heading{ID: PartnerAnchor(p.ID), Text: p.Name},
		Text:    joinText(p.What, p.When, "Sector: "+sectorName+"."),
		Record:  true, Named: true, Who: true, Abbr: p.Abbr,
	}
}

func partnersOutline(d *data.Data, opts markdown.Options) []markdown.Section {
	sector, _ := opts.Get("sector")
	names := map[string]string{}
	for _, s := range d.Partners.Sectors {
		names[s.ID] = s.Name
	}
	var out []markdown.Section
	for _, p := range d.Partners.Partners {
		if sector == "" || p.Sector == sector {
			out = append(out, partnerRecord(p, names[p.Sector]))
		}
	}
	return out
}

func principlesOutline(d *data.Data, opts markdown.Options) []markdown.Section {
	var out []markdown.Section
	for _, p := range d.Principles.Principles {
		var b strings.Builder
		b.WriteString(p.Summary)
		for _, pt := range p.Points {
			b.WriteString(" " + pt.Text)
		}
		out = append(out, markdown.Section{Heading: site.Heading{Level: level(opts), ID: p.ID, Text: p.Title}, Text: b.String(), Record: true, Named: true})
	}
	return out
}

// barriersOutline lists each barrier (a heading) and each of its remedies
// as records. A remedy's name is its text; its excerpt says which barrier
// it helps with.
func barriersOutline(d *data.Data, opts markdown.Options) []markdown.Section {
	var out []markdown.Section
	for _, br := range d.Barriers.Barriers {
		out = append(out, markdown.Section{Heading: site.Heading{Level: level(opts), ID: br.ID, Text: br.Title}, Text: br.Description, Record: true, Named: true})
		for _, r := range br.Remedies {
			out = append(out, markdown.Section{
				Heading: site.Heading{ID: RemedyAnchor(r.ID), Text: r.Text},
				Text:    "What helps with " + lowerFirst(br.Title) + ": " + r.Text,
				Record:  true,
			})
		}
	}
	return out
}

// RemedyAnchor is the id of a remedy's entry on the barriers page.
func RemedyAnchor(id string) string { return "remedy-" + id }

// RungAnchor is the id of a rung's entry in the ladder.
func RungAnchor(r data.Rung) string { return data.Slug(r.Name) }

func ladderOutline(d *data.Data, opts markdown.Options) []markdown.Section {
	var out []markdown.Section
	for i := len(d.Ladder.Rungs) - 1; i >= 0; i-- {
		r := d.Ladder.Rungs[i]
		out = append(out, markdown.Section{
			Heading: site.Heading{Level: level(opts), ID: RungAnchor(r), Text: fmt.Sprintf("Rung %d: %s", i+1, r.Name)},
			Text:    r.Gloss + " " + r.LooksLike + " " + r.MoveUp,
			Record:  true, Named: true, Also: []string{r.Name},
		})
	}
	return out
}

// glossaryOutline lists each term as a record, with its abbreviation, and
// its synonyms as the page shows them ("Also called: ..."): they are
// related words more than other names ("doctor" for general
// practitioner). A query of its abbreviation names the term; a query of
// its words ("consent") may want the guidance on it as much as the
// definition, so ranking decides.
func glossaryOutline(d *data.Data, _ markdown.Options) []markdown.Section {
	var out []markdown.Section
	for _, t := range SortedTerms(d) {
		text := t.Definition
		if len(t.Synonyms) > 0 {
			text += " Also called: " + strings.Join(t.Synonyms, ", ") + "."
		}
		out = append(out, markdown.Section{
			Heading: site.Heading{ID: t.Anchor(), Text: t.Term},
			Text:    text,
			Record:  true, Abbr: t.Abbr,
		})
	}
	return out
}

// joinText joins the non-empty parts of a record's text with spaces.
func joinText(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " ")
}

// lowerFirst lowercases the first letter of a title to use it inside a
// sentence, unless the word is an abbreviation ("UK GDPR").
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) < 2 || unicode.IsUpper(r[1]) {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// SortedTerms returns the glossary terms in alphabetical order.
func SortedTerms(d *data.Data) []data.Term {
	terms := slices.Clone(d.Glossary.Terms)
	sort.SliceStable(terms, func(i, j int) bool {
		return strings.ToLower(terms[i].Term) < strings.ToLower(terms[j].Term)
	})
	return terms
}
