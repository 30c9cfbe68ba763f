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

// Punctuate ends the text so far with mark, unless it is empty or already
// ends with a mark of its own, and starts the next word after a space.
func (t *spaceText) Punctuate(mark byte) {
	if n := len(t.b); n > 0 && !isASCIIPunct(t.b[n-1]) {
		t.b = append(t.b, mark)
	}
	t.pending = true
}

func isASCIIPunct(c byte) bool {
	switch c {
	case '.', ',', ';', ':', '!', '?':
		return true
	}
	return false
}

// String returns the text collected so far.
func (t *spaceText) String() string { return string(t.b) }

// Reset empties the text, keeping its memory.
func (t *spaceText) Reset() { t.b, t.pending = t.b[:0], false }

// appendSpaced adds s word by word: each run of non-space bytes is copied
// at once. ASCII, nearly all of a page, takes the short path.
func appendSpaced[S string | []byte](t *spaceText, s S) {
	b, pending := t.b, t.pending
	for i := 0; i < len(s); {
		j := i
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if isASCIISpace[c] {
					break
				}
				j++
				continue
			}
			r, size := utf8.DecodeRune([]byte(s[j:min(j+utf8.UTFMax, len(s))]))
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		if j > i {
			if pending && len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, s[i:j]...)
			pending = false
		}
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if !isASCIISpace[c] {
					break
				}
				pending = true
				j++
				continue
			}
			r, size := utf8.DecodeRune([]byte(s[j:min(j+utf8.UTFMax, len(s))]))
			if !unicode.IsSpace(r) {
				break
			}
			pending = true
			j += size
		}
		i = j
	}
	t.b, t.pending = b, pending
}

// isASCIISpace marks the ASCII bytes strings.Fields treats as space.
var isASCIISpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}
