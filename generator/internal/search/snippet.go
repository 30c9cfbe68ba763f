package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// snippetRunes bounds the text kept for each document's excerpt.
const snippetRunes = 200

// snippet keeps the start of a section's text for its excerpt: its first
// snippetRunes runes with white space collapsed, cut back to a word. Only
// the start is read: sections can be long.
func snippet(text string) string {
	if limit := snippetRunes * 6; len(text) > limit {
		text = text[:limit]
	}
	cut, more, ok := collapsedPrefix(text, snippetRunes)
	if !ok {
		return snippetRunesOf(strings.Join(strings.Fields(text), " "))
	}
	if !more {
		return cut
	}
	if i := strings.LastIndexByte(cut, ' '); i > snippetRunes/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// collapsedPrefix returns the first n runes of s with each run of white
// space (as strings.Fields sees it) made one space and none leading, and
// whether more words follow. It reads no further than it must. ok is false
// when it meets a byte that is not UTF-8.
func collapsedPrefix(s string, n int) (prefix string, more, ok bool) {
	b := make([]byte, 0, min(len(s), n*2))
	runes, pending := 0, false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return "", false, false
			}
		}
		if unicode.IsSpace(r) {
			pending = len(b) > 0
			i += size
			continue
		}
		if runes == n {
			return string(b), true, true
		}
		if pending {
			b = append(b, ' ')
			runes++
			pending = false
			if runes == n {
				return string(b), true, true
			}
		}
		b = append(b, s[i:i+size]...)
		runes++
		i += size
	}
	return string(b), false, true
}

// snippetRunesOf cuts text that is not valid UTF-8, whose bad bytes become
// U+FFFD in a cut excerpt.
func snippetRunesOf(text string) string {
	r := []rune(text)
	if len(r) <= snippetRunes {
		return text
	}
	cut := string(r[:snippetRunes])
	if i := strings.LastIndexByte(cut, ' '); i > snippetRunes/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
