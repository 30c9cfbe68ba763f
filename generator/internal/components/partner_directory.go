package components

import (
	"fmt"
	"html/template"
	"slices"
	"strings"

	"joinedup/generator/internal/data"
	"joinedup/generator/internal/markdown"
)

// partnerDirectorySpec describes the partner-directory component: every
// partner role as a table grouped by sector (the version without
// JavaScript, and the one that prints), with a filter form and a card view
// that the script turns on.
func partnerDirectorySpec() spec {
	return spec{
		options: []string{"level"},
		needs:   "partners.yaml",
		present: func(d *data.Data) bool { return len(d.Partners.Partners) > 0 },
		outline: partnerDirectoryOutline,
	}
}

// partnerDirectoryOutline lists every role as a record, linked to its row
// in the table. The directory adds no headings of its own to the
// contents: the card headings only show when the reader picks the card
// view.
func partnerDirectoryOutline(d *data.Data, _ markdown.Options) []markdown.Section {
	var out []markdown.Section
	for _, r := range DirectoryRoles(d) {
		out = append(out, partnerRecord(r.Partner, r.SectorName))
	}
	return out
}

// DirectoryRole is one partner role with the name of its sector, as the
// directory lists it.
type DirectoryRole struct {
	data.Partner
	SectorName string
}

// DirectoryRoles lists every partner role grouped by sector, in the order
// the sectors are listed in partners.yaml, and by name within a sector, so
// that a printed table reads like a directory.
func DirectoryRoles(d *data.Data) []DirectoryRole {
	order := map[string]int{}
	names := map[string]string{}
	for i, s := range d.Partners.Sectors {
		order[s.ID] = i
		names[s.ID] = s.Name
	}
	out := make([]DirectoryRole, 0, len(d.Partners.Partners))
	for _, p := range d.Partners.Partners {
		out = append(out, DirectoryRole{Partner: p, SectorName: names[p.Sector]})
	}
	slices.SortStableFunc(out, func(a, b DirectoryRole) int {
		if c := order[a.Sector] - order[b.Sector]; c != 0 {
			return c
		}
		return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	return out
}

// DirectoryRoles lists the roles for the partner-directory template.
func (v View) DirectoryRoles() []DirectoryRole { return DirectoryRoles(v.Data) }

// SubLevel is the heading level one below the component's, for headings
// inside an entry (at most 6).
func (v View) SubLevel() int { return min(v.Level+1, 6) }

// HeadingAt writes a heading at any level (2 to 6), with an optional id and
// class, for headings nested inside a component's entries.
func (v View) HeadingAt(level int, id, class, text string) template.HTML {
	level = max(2, min(level, 6))
	var attrs strings.Builder
	if id != "" {
		fmt.Fprintf(&attrs, ` id="%s"`, template.HTMLEscapeString(id))
	}
	if class != "" {
		fmt.Fprintf(&attrs, ` class="%s"`, template.HTMLEscapeString(class))
	}
	return template.HTML(fmt.Sprintf(`<h%d%s>%s</h%d>`, level, attrs.String(), template.HTMLEscapeString(text), level))
}
