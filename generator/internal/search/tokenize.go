package search

import (
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// Tokens splits text into lowercase words: runs of letters and digits, with
// apostrophes dropped ("person's" is "persons"). The browser's tokeniser in
// search.js follows the same rule.
func Tokens(text string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range text {
		switch {
		case r == '\'' || r == '\u2019' || r == '\u2018':
			// Apostrophes join: "person's" -> "persons".
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(foldAccent(r)))
		default:
			flush()
		}
	}
	flush()
	return out
}

// foldAccent maps common accented Latin letters to their base letter, so
// "café" and "cafe" match.
func foldAccent(r rune) rune {
	switch r {
	case 'á', 'à', 'â', 'ä', 'ã', 'å':
		return 'a'
	case 'é', 'è', 'ê', 'ë':
		return 'e'
	case 'í', 'ì', 'î', 'ï':
		return 'i'
	case 'ó', 'ò', 'ô', 'ö', 'õ':
		return 'o'
	case 'ú', 'ù', 'û', 'ü':
		return 'u'
	case 'ç':
		return 'c'
	case 'ñ':
		return 'n'
	}
	return r
}

// Stem reduces a lowercase word to its Snowball English (Porter2) stem. Stop
// words are stemmed too, so the result is the same as the browser's stemmer
// (wink-porter2-stemmer) gives for every word.
//
// Words with digits ("2014") are kept as they are: the stemmer is for
// English words, and the browser's stemmer mangles numbers.
func Stem(word string) string {
	if strings.ContainsAny(word, "0123456789") {
		return word
	}
	return english.Stem(word, true)
}

// stopWordText lists the words left out of the index: they match nearly
// every section and only add weight. The browser drops the same words from
// queries (the list is written into the index).
const stopWordText = `a an and are as at be but by for from has have he her his i if in into is it its
me my no not of on or our she so than that the their them then there these they this to us was we were what when
where which who will with would you your`

// StopWords returns the set of words left out of the index.
func StopWords() map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(stopWordText) {
		set[w] = true
	}
	return set
}
