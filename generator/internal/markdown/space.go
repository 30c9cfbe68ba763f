package markdown

import (
	"unicode"
	"unicode/utf8"
)

// spaceText collects a section's text with every run of white space made
// one space and none at either end, as strings.Join(strings.Fields(s), " ")
// would give, but as the text is written: no list of words, no second copy
// of the page's text. White space is what strings.Fields splits on
// (unicode.IsSpace); other bytes, even invalid UTF-8, are kept as they are.
// Each write must hold whole runes, as the transformer's do: goldmark
// splits text only at ASCII characters.
type spaceText struct {
	b       []byte
	pending bool // white space seen since the last word
}

// WriteString adds s.
func (t *spaceText) WriteString(s string) { appendSpaced(t, s) }

// Write adds p.
func (t *spaceText) Write(p []byte) { appendSpaced(t, p) }

// WriteByte adds one ASCII byte. It never fails.
func (t *spaceText) WriteByte(c byte) error {
	appendSpaced(t, []byte{c})
	return nil
}

// String returns the text collected so far.
func (t *spaceText) String() string { return string(t.b) }

// Reset empties the text, keeping its memory.
func (t *spaceText) Reset() { t.b, t.pending = t.b[:0], false }

func appendSpaced[S string | []byte](t *spaceText, s S) {
	for i := 0; i < len(s); {
		c := s[i]
		size := 1
		space := false
		if c < utf8.RuneSelf {
			space = asciiSpace(c)
		} else {
			var r rune
			r, size = utf8.DecodeRune([]byte(s[i:min(i+utf8.UTFMax, len(s))]))
			space = unicode.IsSpace(r)
		}
		if space {
			t.pending = len(t.b) > 0
		} else {
			if t.pending {
				t.b = append(t.b, ' ')
				t.pending = false
			}
			t.b = append(t.b, s[i:i+size]...)
		}
		i += size
	}
}

// asciiSpace reports the ASCII bytes strings.Fields treats as space.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}
