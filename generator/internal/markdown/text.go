package markdown

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// pageText collects a page's text by section, for search, as the
// transformer walks the page:
//
//   - every block starts a new run of words, so nothing is glued to the
//     text before it (a definition list's term to the paragraph above);
//   - a table's cells are separated by "; " and its rows end with ". ",
//     so an excerpt of a table reads as its rows, not one run of words;
//   - a footnote's text goes with the section that refers to it, not the
//     one the footnote list happens to follow (the list is at the end of
//     the page, under its last heading);
//   - a component's records (see Section.Record) are sections of their
//     own, and their text is not also in the section around them.
type pageText struct {
	sections []Section
	current  Section
	text     spaceText
	// records are the records met in the current section, listed after
	// it.
	records []Section
	// refs lists, for each section in sections and then the current one,
	// the footnotes it refers to, by index.
	refs    [][]int
	curRefs []int
	// notes holds each footnote's text by index; note is the one being
	// read, if any.
	notes  map[int]string
	note   *east.Footnote
	noteAt spaceText
}

// buf is where text goes now: the footnote being read, or the section.
func (p *pageText) buf() *spaceText {
	if p.note != nil {
		return &p.noteAt
	}
	return &p.text
}

// flush ends the current section, keeping it if it has a heading or text.
func (p *pageText) flush() {
	p.current.Text = p.text.String()
	if p.current.Level > 0 || p.current.Text != "" || p.current.Record {
		p.sections = append(p.sections, p.current)
		p.refs = append(p.refs, p.curRefs)
	}
	for _, r := range p.records {
		p.sections = append(p.sections, r)
		p.refs = append(p.refs, nil)
	}
	p.records = p.records[:0]
	p.text.Reset()
	p.current, p.curRefs = Section{}, nil
}

// heading starts a new section under an h2 or h3 (or a record that is one).
func (p *pageText) heading(s Section) {
	p.flush()
	p.current = s
	p.current.Text = ""
	p.text.WriteString(s.Text)
}

// record adds a record that is not a heading: a section of its own, listed
// after the one around it, which it does not end.
func (p *pageText) record(s Section) { p.records = append(p.records, s) }

// outline adds what a component adds to the page.
func (p *pageText) outline(secs []Section) {
	for _, s := range secs {
		switch {
		case s.Level == 2 || s.Level == 3:
			p.heading(s)
		case s.Record:
			p.record(s)
		default:
			p.text.WriteString(" " + s.Text)
		}
	}
}

// enter notes the start of node n: a block starts a new run of words, a
// footnote's text goes aside, a reference to one is remembered.
func (p *pageText) enter(n ast.Node) {
	switch n := n.(type) {
	case *east.FootnoteList:
		p.flush() // what follows is footnotes, not the last section
	case *east.Footnote:
		p.note = n
		p.noteAt.Reset()
	case *east.FootnoteLink:
		p.curRefs = append(p.curRefs, n.Index)
	}
	if n.Type() == ast.TypeBlock {
		p.buf().WriteByte(' ')
	}
}

// leave notes the end of node n: a footnote's text is kept, a table cell
// and row are punctuated.
func (p *pageText) leave(n ast.Node) {
	switch n := n.(type) {
	case *east.Footnote:
		if p.notes == nil {
			p.notes = map[int]string{}
		}
		p.notes[n.Index] = p.noteAt.String()
		p.note = nil
	case *east.TableCell:
		if n.NextSibling() != nil {
			p.buf().Punctuate(';')
		} else {
			p.buf().Punctuate('.')
		}
	}
}

// finish ends the last section and returns them all, each with the text of
// the footnotes it refers to.
func (p *pageText) finish() []Section {
	p.flush()
	for i, refs := range p.refs {
		for _, r := range refs {
			if note := p.notes[r]; note != "" {
				p.sections[i].Text += " " + note
			}
		}
	}
	return p.sections
}
