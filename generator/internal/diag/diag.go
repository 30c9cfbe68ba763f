// Package diag reports problems in a site's sources as positioned diagnostics.
//
// Every stage of a build returns all of its problems at once rather than
// stopping at the first, so that an author can fix a whole batch in one pass.
// The model is go/scanner.ErrorList: a sortable list of errors, each printed
// as "path:line:col: message".
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a source file. Line and Col are 1-based; a zero Line
// means "the file as a whole" and a zero Col means "the line as a whole".
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position the way compilers and editors expect.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// Error is one problem at one position.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Errorf makes a positioned error.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// List collects positioned errors. The zero value is ready to use. A List is
// not safe for concurrent use; concurrent stages collect their own lists and
// merge them.
type List []*Error

// Add appends an error at pos.
func (l *List) Add(pos Pos, format string, args ...any) {
	*l = append(*l, Errorf(pos, format, args...))
}

// Append adds err to the list: a *Error or List keeps its positions, any other
// error is filed under fallback.
func (l *List) Append(fallback Pos, err error) {
	if err == nil {
		return
	}
	var list List
	if errors.As(err, &list) {
		*l = append(*l, list...)
		return
	}
	var e *Error
	if errors.As(err, &e) {
		*l = append(*l, e)
		return
	}
	*l = append(*l, &Error{Pos: fallback, Msg: err.Error()})
}

// Sort orders errors by file, line, column and message and drops exact
// duplicates, so that output is stable whatever order stages ran in.
func (l List) Sort() List {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Msg < b.Msg
	})
	out := l[:0]
	for i, e := range l {
		if i > 0 && e.Pos == l[i-1].Pos && e.Msg == l[i-1].Msg {
			continue
		}
		out = append(out, e)
	}
	return out
}

// Limit keeps at most perFile errors for each file of a sorted list, and
// says how many more there were: a file with a mistake repeated through it
// should give a report a person can read, not thousands of lines.
func (l List) Limit(perFile int) List {
	out := make(List, 0, len(l))
	for i := 0; i < len(l); {
		j := i
		for j < len(l) && l[j].Pos.File == l[i].Pos.File {
			j++
		}
		if n := j - i; n > perFile {
			out = append(out, l[i:i+perFile]...)
			more := n - perFile
			out = append(out, &Error{Pos: l[i+perFile-1].Pos, Msg: fmt.Sprintf("and %d more %s in this file", more, plural(more, "problem", "problems"))})
		} else {
			out = append(out, l[i:j]...)
		}
		i = j
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Err returns the list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error prints every error on its own line.
func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Suggest returns the candidate closest to word by edit distance, or "" when
// none is close enough to be a likely typo. It powers "did you mean" hints.
func Suggest(word string, candidates []string) string {
	limit := min(max(len(word)/2, 1), 3)
	best, bestDist := "", limit+1
	for _, c := range candidates {
		if d := distance(strings.ToLower(word), strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// Hint formats a "did you mean" suffix for a message, or "" when there is no
// close candidate.
func Hint(word string, candidates []string) string {
	if s := Suggest(word, candidates); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// distance is the Levenshtein edit distance between a and b.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
