package markdown

import (
	"fmt"
	"hash/fnv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// The id rule for headings, and for checklist items, whose ids keep a
// reader's ticks. An id is the text in lower case: letters and digits of
// any alphabet are kept, so that "Café au lait" is #café-au-lait and a
// Welsh, Greek or Japanese heading keeps its own words; spaces, hyphens and
// underscores become hyphens; other characters (punctuation, symbols) are
// dropped. For ASCII text this is goldmark's own rule, so ids of English
// headings are what they always were.
//
// Text with no letters or digits at all ("???", an emoji) gets "heading-"
// (or "item-") and a short hash of its text: an id that stays the same when
// other headings are added, and that a heading written "Heading" cannot
// take. Numbering such headings in order, as goldmark does, moved their ids
// whenever one was added, and gave "## Heading" the id of another.

// slugRune reports what r becomes in an id: itself (lowered), a hyphen, or
// nothing (0).
func slugRune(r rune) rune {
	switch {
	case r < 0x80:
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		case r == ' ', r == '\t', r == '\n', r == '\r', r == '\f', r == '\v', r == '-', r == '_':
			return '-'
		}
		return 0
	case unicode.IsLetter(r), unicode.IsDigit(r), unicode.Is(unicode.Mn, r), unicode.Is(unicode.Mc, r):
		return unicode.ToLower(r)
	case unicode.IsSpace(r):
		return '-'
	}
	return 0
}

// textID applies the id rule to text; fallback prefixes the hash of text
// with no letters or digits.
func textID(text, fallback string) string {
	text = strings.TrimSpace(text)
	var b strings.Builder
	letters := false
	for _, r := range text {
		switch c := slugRune(r); c {
		case 0:
		case '-':
			b.WriteByte('-')
		default:
			b.WriteRune(c)
			letters = true
		}
	}
	if !letters {
		h := fnv.New32a()
		h.Write([]byte(text))
		return fmt.Sprintf("%s-%08x", fallback, h.Sum32())
	}
	return b.String()
}

// headingIDs gives a page's headings their ids, implementing goldmark's
// parser.IDs: a repeated id gets "-1", "-2" and so on, as in goldmark.
type headingIDs struct {
	used map[string]bool
	last map[string]int
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, last: map[string]int{}}
}

// Generate returns a new id for a heading with the given text.
func (s *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	fallback := "heading"
	if kind != ast.KindHeading {
		fallback = "id"
	}
	id := textID(string(value), fallback)
	if !s.used[id] {
		s.used[id] = true
		return []byte(id)
	}
	for i := s.last[id] + 1; ; i++ {
		next := fmt.Sprintf("%s-%d", id, i)
		if !s.used[next] {
			s.used[next] = true
			s.last[id] = i
			return []byte(next)
		}
	}
}

// Put records an id given explicitly.
func (s *headingIDs) Put(value []byte) { s.used[string(value)] = true }
