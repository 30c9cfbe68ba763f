package site

import "joinedup/generator/internal/diag"

// Facts are what converting a page's Markdown tells the rest of the site
// about it: what other pages may link to (its headings and checklists),
// what it links to, and which components it places. They are small and
// outlive the page's HTML, which is written and let go as soon as it is
// made; the checks in check.go run on them once every page is converted.
type Facts struct {
	// Headings lists every heading with an id, including those that
	// components add, in document order.
	Headings   []Heading
	Links      []Link
	Checklists []Checklist
	// Components names each component the page places, once, in order of
	// first use; a page loads the script of each interactive one.
	Components []string
}

// Heading is a heading on a page.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Link is a link from a page to a page or file of the site.
type Link struct {
	// Target is the slash path below content/ of the linked file, or ""
	// for a link to an anchor on the same page.
	Target string
	// Anchor is the fragment without '#', or "".
	Anchor string
	// Page reports whether the target is a Markdown page (else a static
	// file such as an image).
	Page bool
	Pos  diag.Pos
}

// Checklist is a checklist a page places. Its ticks are saved in the
// reader's browser under its ID, so the ID is unique in the site.
type Checklist struct {
	ID    string
	Items []string
	Pos   diag.Pos
}
