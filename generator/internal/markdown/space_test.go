package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// spaceText must give exactly what joining strings.Fields gives, which is
// what section text for search was before.
func TestSpaceText(t *testing.T) {
	tests := []struct {
		name   string
		pieces []string
	}{
		{"empty", nil},
		{"only space", []string{" ", "\t\n", "\r\v\f"}},
		{"words", []string{" Key", " points", "The text  runs\non."}},
		{"split word", []string{"part", "nership", " ", "working "}},
		{"non-breaking and next-line space", []string{"a\u00a0b\u0085c", "\u2003d"}},
		{"non-ASCII words", []string{"Café “quoted” – dash"}},
		{"invalid UTF-8", []string{"a\xff b", "\xe2\x80", " c\xe2"}},
		{"space across pieces", []string{"end ", " ", "\nstart"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got spaceText
			for i, p := range tc.pieces {
				if i%2 == 0 {
					got.WriteString(p)
				} else {
					got.Write([]byte(p))
				}
			}
			want := strings.Join(strings.Fields(strings.Join(tc.pieces, "")), " ")
			if got.String() != want {
				t.Errorf("got %q; want %q", got.String(), want)
			}
			got.Reset()
			got.WriteByte(' ')
			got.WriteString("again")
			if got.String() != "again" {
				t.Errorf("after Reset: got %q; want %q", got.String(), "again")
			}
		})
	}
}

func FuzzSpaceText(f *testing.F) {
	f.Add("a b", " c\u00a0")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) {
			// A rune split across two writes is read as two bad bytes;
			// the transformer writes whole runes (goldmark splits text
			// only at ASCII characters).
			t.Skip()
		}
		var got spaceText
		got.WriteString(a)
		got.Write([]byte(b))
		if want := strings.Join(strings.Fields(a+b), " "); got.String() != want {
			t.Errorf("got %q; want %q", got.String(), want)
		}
	})
}
