package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// The tokeniser. The browser's, tokenSpans in templates/assets/search.js,
// follows the same rule, and both are tested against the same vectors
// (testdata/tokens.json), so a word is found however it is typed:
//
//   - A token is a run of letters (Unicode L) and decimal digits (Nd),
//     each lowercased on its own (simple case mapping).
//   - Apostrophes (' ’ ‘ ʼ) join: "person's" is "persons".
//   - Combining marks (Unicode M) join and are dropped, and the accented
//     Latin letters in foldTable become plain ones, so "café", "CAFÉ" and
//     "cafe" with a combining accent are all "cafe".
//   - A dot between single letters joins them: "U.K." is "uk", "e.g." is
//     "eg". A comma between a digit and exactly three digits joins them:
//     "10,000" is "10000".
//   - Anything else (spaces, hyphens, other punctuation, symbols, emoji)
//     ends a token: "self-harm" is "self" and "harm".

// Tokens splits text into its tokens.
func Tokens(text string) []string {
	var out []string
	scan(text, nil, func(tok []byte) { out = append(out, string(tok)) })
	return out
}

// scan calls emit with each token of text in turn, built in buf, which it
// returns for reuse; emit must copy what it keeps. ASCII, nearly all of a
// page, takes a short path.
func scan(text string, buf []byte, emit func(tok []byte)) []byte {
	buf = buf[:0]
	// seg counts the letters and digits since the token began or since a
	// dot joined it; letter says whether the last of them was a letter.
	seg, letter := 0, false
	flush := func() {
		if len(buf) > 0 {
			emit(buf)
			buf = buf[:0]
		}
		seg, letter = 0, false
	}
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		switch {
		case r >= 'a' && r <= 'z':
			buf, seg, letter = append(buf, byte(r)), seg+1, true
		case r >= 'A' && r <= 'Z':
			buf, seg, letter = append(buf, byte(r+'a'-'A')), seg+1, true
		case r >= '0' && r <= '9':
			buf, seg, letter = append(buf, byte(r)), seg+1, false
		case r == '\'':
		case r == '.' && seg == 1 && letter && singleLetterNext(text[i:]):
			seg = 0
		case r == ',' && len(buf) > 0 && isDigit(buf[len(buf)-1]) && threeDigitsNext(text[i:]):
		case r < utf8.RuneSelf:
			flush()
		default:
			r = unicode.ToLower(r)
			switch {
			case isApostrophe(r), unicode.Is(unicode.M, r):
			case unicode.IsLetter(r):
				buf, seg, letter = appendFolded(buf, r), seg+1, true
			case unicode.IsDigit(r):
				buf, seg, letter = utf8.AppendRune(buf, r), seg+1, false
			default:
				flush()
			}
		}
	}
	flush()
	return buf
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isApostrophe(r rune) bool { return r == '\u2019' || r == '\u2018' || r == '\u02bc' }

// singleLetterNext reports whether rest starts with one letter (with any
// combining marks) that is not followed by another letter or digit: the
// "K" of "U.K.".
func singleLetterNext(rest string) bool {
	r, size := utf8.DecodeRuneInString(rest)
	if !unicode.IsLetter(r) {
		return false
	}
	rest = rest[size:]
	for {
		r, size = utf8.DecodeRuneInString(rest)
		if size == 0 {
			return true
		}
		if !unicode.Is(unicode.M, r) {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}
		rest = rest[size:]
	}
}

// threeDigitsNext reports whether rest starts with exactly three ASCII
// digits: the "000" of "10,000".
func threeDigitsNext(rest string) bool {
	return len(rest) >= 3 && isDigit(rest[0]) && isDigit(rest[1]) && isDigit(rest[2]) && (len(rest) == 3 || !isDigit(rest[3]))
}

// appendFolded appends a lowercase letter, plain if it is an accented
// Latin letter.
func appendFolded(buf []byte, r rune) []byte {
	if r < 0x250 {
		if f, ok := foldTable[r]; ok {
			return append(buf, f...)
		}
	}
	return utf8.AppendRune(buf, r)
}

// foldTable maps the accented Latin letters of western and central European
// languages, Welsh among them, to plain letters. search.js has the same
// table; the shared test vectors hold every entry.
var foldTable = func() map[rune]string {
	m := map[rune]string{}
	for _, g := range strings.Fields(foldGroups) {
		plain, letters, _ := strings.Cut(g, "=")
		for _, r := range letters {
			m[r] = plain
		}
	}
	return m
}()

// foldGroups lists plain=accented groups.
const foldGroups = `a=àáâãäåāăą ae=æ c=çćĉċč d=ďđð e=èéêëēĕėęě g=ĝğġģ h=ĥħ i=ìíîïĩīĭįı j=ĵ k=ķ
l=ĺļľŀł n=ñńņňŉ o=òóôõöøōŏő oe=œ r=ŕŗř s=śŝşš ss=ß t=ţťŧ th=þ u=ùúûüũūŭůűų w=ŵ y=ýÿŷ z=źżž`

// Stem reduces a token to its Snowball English (Porter2) stem. Stop words
// are stemmed too, so the result is the same as the browser's stemmer
// (wink-porter2-stemmer) gives for every word.
//
// Only words of the letters a to z are stemmed: the stemmer is for English
// words, and the two stemmers treat numbers ("2014") and other alphabets
// differently, so those are kept as they are.
func Stem(word string) string {
	for i := 0; i < len(word); i++ {
		if word[i] < 'a' || word[i] > 'z' {
			return word
		}
	}
	return english.Stem(word, true)
}

// stopWordText lists the words left out of the index: they match nearly
// every section and only add weight. The browser drops the same words from
// queries (the list is written into the index), so the words a question
// is made of ("who do I", "what does ... do", "can I", "when should")
// leave its content words to do the matching.
const stopWordText = `a about am among an and are as at be been being between but by can could did do does doing dont for from
had has have he her his how i if im in into is it its ive may me might my no not of on or our shall she should so
than that the their them then there these they this to us was we were what when where which who whom whose why will
with would you your`

// StopWords returns the set of words left out of the index.
func StopWords() map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(stopWordText) {
		set[w] = true
	}
	return set
}
