package markdown

import (
	"bytes"
	"sort"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// kindAbbr is an abbreviation marked up on its first use on a page.
var kindAbbr = ast.NewNodeKind("Abbr")

type abbrNode struct {
	ast.BaseInline
	title string
}

func (n *abbrNode) Kind() ast.NodeKind { return kindAbbr }
func (n *abbrNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"title": n.title}, nil)
}

// abbrSet finds glossary abbreviations in text. Longer abbreviations are
// tried first so that "UK GDPR" wins over "GDPR".
type abbrSet struct {
	keys   [][]byte
	titles map[string]string
}

func newAbbrSet(m map[string]string) *abbrSet {
	s := &abbrSet{titles: m}
	for k := range m {
		if k != "" {
			s.keys = append(s.keys, []byte(k))
		}
	}
	sort.Slice(s.keys, func(i, j int) bool {
		if len(s.keys[i]) != len(s.keys[j]) {
			return len(s.keys[i]) > len(s.keys[j])
		}
		return bytes.Compare(s.keys[i], s.keys[j]) < 0
	})
	return s
}

// mark wraps the first use of each abbreviation in texts (in document order)
// in an abbrNode. Text inside headings, code and links is left alone: a
// heading is repeated in the contents, and a link already has a name.
func (s *abbrSet) mark(texts []*ast.Text, src []byte) {
	if len(s.keys) == 0 {
		return
	}
	done := make(map[string]bool, len(s.keys))
	for _, t := range texts {
		if skipAbbr(t) {
			continue
		}
		for t != nil {
			start, key := s.find(src, t.Segment, done)
			if key == nil {
				break
			}
			done[string(key)] = true
			t = s.split(t, start, len(key), src)
		}
	}
}

func skipAbbr(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.(type) {
		case *ast.Heading, *ast.Link, *ast.CodeSpan, *ast.AutoLink, *abbrNode:
			return true
		}
	}
	return false
}

// find returns the earliest unused abbreviation in the segment, as an offset
// into src, or nil.
func (s *abbrSet) find(src []byte, seg text.Segment, done map[string]bool) (int, []byte) {
	text := src[seg.Start:seg.Stop]
	bestAt, best := -1, []byte(nil)
	for _, k := range s.keys {
		if done[string(k)] {
			continue
		}
		from := 0
		for {
			i := bytes.Index(text[from:], k)
			if i < 0 {
				break
			}
			i += from
			if boundary(text, i-1) && boundary(text, i+len(k)) {
				if bestAt < 0 || i < bestAt {
					bestAt, best = i, k
				}
				break
			}
			from = i + 1
		}
	}
	if best == nil {
		return 0, nil
	}
	return seg.Start + bestAt, best
}

// boundary reports whether text[i] is outside the text or not a letter or
// digit, so that "GP" is found in "the GP." but not in "GPS".
func boundary(text []byte, i int) bool {
	if i < 0 || i >= len(text) {
		return true
	}
	c := text[i]
	return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80)
}

// split turns t into: text before, the abbreviation, text after. It returns
// the node holding the text after, to search further, or nil when the
// abbreviation ends the node.
func (s *abbrSet) split(t *ast.Text, start, n int, src []byte) *ast.Text {
	parent := t.Parent()
	seg := t.Segment
	abbr := &abbrNode{title: s.titles[string(src[start:start+n])]}
	abbr.AppendChild(abbr, ast.NewTextSegment(text.NewSegment(start, start+n)))
	// The line break that ended t now ends whatever comes last.
	last := ast.NewTextSegment(text.NewSegment(start+n, seg.Stop))
	last.SetSoftLineBreak(t.SoftLineBreak())
	last.SetHardLineBreak(t.HardLineBreak())
	t.SetSoftLineBreak(false)
	t.SetHardLineBreak(false)
	t.Segment = seg.WithStop(start)
	parent.InsertAfter(parent, t, abbr)
	parent.InsertAfter(parent, abbr, last)
	if last.Segment.Len() == 0 {
		return nil
	}
	return last
}
