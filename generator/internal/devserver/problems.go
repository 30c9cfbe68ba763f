package devserver

import (
	"bytes"
	"errors"
	"strconv"
	"strings"

	"joinedup/generator/internal/diag"
)

// Problem is one build error as the browser and the terminal show it: its
// position, message and the source lines around it.
type Problem struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
	// Pos is File:Line:Col as editors expect it.
	Pos    string       `json:"pos,omitempty"`
	Msg    string       `json:"msg"`
	Source []SourceLine `json:"source,omitempty"`
}

// SourceLine is one numbered line of a source file; Here marks the line
// the problem is on.
type SourceLine struct {
	N    int    `json:"n"`
	Text string `json:"text"`
	Here bool   `json:"here,omitempty"`
}

// contextLines is how many lines before and after a problem's line are
// shown.
const contextLines = 2

// maxWithSource caps how many problems get their source read, so a build
// with thousands of problems is still reported at once.
const maxWithSource = 100

// Explain turns a failed build's error into problems: one per positioned
// error of a diag.List (each with its source lines, read through read),
// or a single unpositioned one for any other error.
func Explain(err error, read func(file string) ([]byte, error)) []Problem {
	var list diag.List
	if !errors.As(err, &list) {
		return []Problem{{Msg: err.Error()}}
	}
	out := make([]Problem, 0, len(list))
	files := map[string][][]byte{}
	for i, e := range list {
		p := Problem{File: e.Pos.File, Line: e.Pos.Line, Col: e.Pos.Col, Msg: e.Msg}
		if e.Pos.File != "" {
			p.Pos = e.Pos.String()
		}
		if i < maxWithSource && e.Pos.File != "" && e.Pos.Line > 0 {
			lines, ok := files[e.Pos.File]
			if !ok {
				if src, err := read(e.Pos.File); err == nil {
					lines = bytes.Split(src, []byte("\n"))
				}
				files[e.Pos.File] = lines
			}
			p.Source = around(lines, e.Pos.Line)
		}
		out = append(out, p)
	}
	return out
}

// around returns the lines near line (1-based), or nil when the file is
// shorter than that.
func around(lines [][]byte, line int) []SourceLine {
	if line > len(lines) {
		return nil
	}
	var out []SourceLine
	for n := max(line-contextLines, 1); n <= min(line+contextLines, len(lines)); n++ {
		text := strings.TrimRight(string(lines[n-1]), "\r")
		if n == len(lines) && text == "" {
			break // the empty "line" after a final newline
		}
		out = append(out, SourceLine{N: n, Text: text, Here: n == line})
	}
	return out
}

// FormatText prints problems for a terminal: each as path:line:col:
// message, then its line with a caret under the column.
func FormatText(problems []Problem) string {
	var b strings.Builder
	for _, p := range problems {
		if p.Pos != "" {
			b.WriteString(p.Pos)
			b.WriteString(": ")
		}
		b.WriteString(p.Msg)
		b.WriteByte('\n')
		for _, l := range p.Source {
			if !l.Here {
				continue
			}
			num := strconv.Itoa(l.N)
			b.WriteString("    " + num + " | " + l.Text + "\n")
			if p.Col > 0 {
				b.WriteString("    " + strings.Repeat(" ", len(num)) + " | " + caretPad(l.Text, p.Col) + "^\n")
			}
		}
	}
	return b.String()
}

// caretPad is the text to print before a caret at the 1-based column col
// of line, counted in characters as every message counts them: a space
// for each character before it, two for a character a terminal shows two
// cells wide (Chinese, Japanese, Korean, most emoji), and a tab where the
// line has a tab, so the caret lines up however the terminal shows tabs.
func caretPad(line string, col int) string {
	var b strings.Builder
	n := 0
	for _, r := range line {
		if n++; n >= col {
			break
		}
		switch {
		case r == '\t':
			b.WriteByte('\t')
		case wide(r):
			b.WriteString("  ")
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// wide reports the characters terminals show two cells wide: Unicode's
// East Asian Wide and Fullwidth blocks and the emoji pictographs, by
// their ranges (close enough for placing a caret).
func wide(r rune) bool {
	for _, rg := range [...][2]rune{
		{0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
		{0xA000, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE30, 0xFE4F}, {0xFF00, 0xFF60},
		{0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
	} {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}
