package diag

import (
	"errors"
	"fmt"
	"testing"
)

func TestPosString(t *testing.T) {
	tests := []struct {
		pos  Pos
		want string
	}{
		{Pos{File: "a.md"}, "a.md"},
		{Pos{File: "a.md", Line: 3}, "a.md:3"},
		{Pos{File: "a.md", Line: 3, Col: 7}, "a.md:3:7"},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %q; want %q", tt.pos, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	fields := []string{"title", "description", "weight", "tags", "draft", "audience", "keywords"}
	tests := []struct {
		word string
		want string
	}{
		{"titel", "title"},
		{"Title", "title"},
		{"descripton", "description"},
		{"audiance", "audience"},
		{"tag", "tags"},
		{"colour", ""},
		{"x", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.word, fields); got != tt.want {
			t.Errorf("Suggest(%q) = %q; want %q", tt.word, got, tt.want)
		}
	}
	if got, want := Hint("titel", fields), ` (did you mean "title"?)`; got != want {
		t.Errorf("Hint(titel) = %q; want %q", got, want)
	}
}

func TestListSortAndAppend(t *testing.T) {
	var l List
	l.Add(Pos{File: "b.md", Line: 1, Col: 1}, "second file")
	l.Add(Pos{File: "a.md", Line: 9, Col: 1}, "later line")
	l.Add(Pos{File: "a.md", Line: 2, Col: 5}, "earlier line")
	l.Add(Pos{File: "a.md", Line: 2, Col: 5}, "earlier line") // duplicate
	var other List
	other.Add(Pos{File: "a.md", Line: 2, Col: 1}, "from another stage")
	l.Append(Pos{}, other)
	l.Append(Pos{File: "c.md"}, errors.New("plain error"))
	l.Append(Pos{}, fmt.Errorf("wrapped: %w", Errorf(Pos{File: "a.md", Line: 1}, "positioned")))
	got := l.Sort().Error()
	want := "a.md:1: positioned\n" +
		"a.md:2:1: from another stage\n" +
		"a.md:2:5: earlier line\n" +
		"a.md:9:1: later line\n" +
		"b.md:1:1: second file\n" +
		"c.md: plain error"
	if got != want {
		t.Errorf("sorted list =\n%s\nwant\n%s", got, want)
	}
	if (List{}).Err() != nil {
		t.Error("empty List.Err() != nil")
	}
}

func TestLimit(t *testing.T) {
	var l List
	for i := range 30 {
		l.Add(Pos{File: "a.md", Line: i + 1}, "bad %d", i)
	}
	l.Add(Pos{File: "b.md", Line: 1}, "bad")
	got := l.Sort().Limit(25)
	if len(got) != 27 {
		t.Fatalf("Limit(25) kept %d errors; want 25 of a.md, a summary and b.md's", len(got))
	}
	if s := got[25].Error(); s != "a.md:25: and 5 more problems in this file" {
		t.Errorf("summary = %q", s)
	}
	if got[26].Pos.File != "b.md" {
		t.Errorf("last error = %v; want b.md's", got[26])
	}
	if n := len(l.Sort().Limit(100)); n != 31 {
		t.Errorf("Limit(100) kept %d of 31", n)
	}
}
