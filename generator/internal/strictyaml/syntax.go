package strictyaml

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"joinedup/generator/internal/diag"

	"go.yaml.in/yaml/v3"
)

// yaml.v3 reports a syntax error as text, with a line that is sometimes
// the line of the mistake, sometimes the line before it (it counts some
// lines from 0), and sometimes missing; the column it knows is lost. So
// the position is found again here: the mistake is on the first line at
// which the document, cut off after that line, fails with the same
// message. The column and the advice then come from that line and the
// kind of mistake.

// maxRescan bounds the bytes parsed again to find a syntax error's line,
// so that a mistake near the end of a very large file costs little.
const maxRescan = 4 << 20

var linePrefix = regexp.MustCompile(`^line \d+: `)

// syntaxError reports err, yaml.v3's message for src, at its line and
// column, with advice on the fix.
func (d *decoder) syntaxError(err error) {
	msg := linePrefix.ReplaceAllString(strings.TrimPrefix(err.Error(), "yaml: "), "")
	if !utf8.Valid(d.src) {
		i := invalidUTF8(d.src)
		d.errs.Add(d.offsetPos(i), "YAML syntax error: this is not UTF-8 text; save the file as UTF-8")
		return
	}
	lines := splitLines(d.src)
	n := failingLine(lines, msg)
	col, advice := explain(msg, strings.TrimRight(lines[n-1], "\r\n"))
	d.errs.Add(diag.Pos{File: d.file, Line: n + d.lineOffset, Col: col}, "YAML syntax error: %s", advice)
}

// splitLines splits src after each line feed; it returns at least one
// line.
func splitLines(src []byte) []string {
	lines := strings.SplitAfter(string(src), "\n")
	if len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// failingLine returns the 1-based number of the first line after which the
// document fails to parse with message msg; the last line when none does.
func failingLine(lines []string, msg string) int {
	size, scanned := 0, 0
	for i, l := range lines {
		size += len(l)
		scanned += size
		if scanned > maxRescan {
			break
		}
		var doc yaml.Node
		err := yaml.Unmarshal([]byte(strings.Join(lines[:i+1], "")), &doc)
		if err != nil && linePrefix.ReplaceAllString(strings.TrimPrefix(err.Error(), "yaml: "), "") == msg {
			return i + 1
		}
	}
	return len(lines)
}

// explain returns the column of the mistake msg describes on line, and
// what to say about it.
func explain(msg, line string) (int, string) {
	first := firstNonSpace(line)
	if tab := indentTab(line); tab > 0 && (strings.Contains(msg, "tab") || strings.Contains(msg, "cannot start any token")) {
		return tab, "a tab in the indentation; YAML allows only spaces there, so indent with spaces"
	}
	switch {
	case strings.HasPrefix(msg, "mapping values are not allowed"):
		colons := mappingColons(line)
		if len(colons) >= 2 {
			return colons[1], fmt.Sprintf(`a second ": " on one line; put text that holds ": " in quotes: %s`, quoteValue(line))
		}
		return first, "this line is indented more than the lines above it allow; check its indentation"
	case strings.HasPrefix(msg, "did not find expected ',' or") || strings.HasPrefix(msg, "did not find expected node content"):
		if c := unclosed(line, '[', ']'); c > 0 && !strings.HasSuffix(msg, "'}'") {
			return c, `the list that starts here with "[" is not closed; end it with "]"`
		}
		if c := unclosed(line, '{', '}'); c > 0 {
			return c, `the mapping that starts here with "{" is not closed; end it with "}"`
		}
	case strings.Contains(msg, "end of stream") || strings.Contains(msg, "quoted scalar"):
		if c, q := openQuote(line); c > 0 {
			return c, fmt.Sprintf("the quoted text that starts here is not closed; end it with %c", q)
		}
	case strings.Contains(msg, "cannot start any token"):
		if c, r := reservedStart(line); c > 0 {
			return c, fmt.Sprintf("text cannot start with %q in YAML; put it in quotes", string(r))
		}
	case strings.HasPrefix(msg, "unknown anchor"):
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "unknown anchor '"), "' referenced")
		if i := strings.Index(line, "*"+name); i >= 0 {
			return utf8.RuneCountInString(line[:i]) + 1, fmt.Sprintf("*%s repeats an anchor &%s, but there is none above it; define it first or write the value out", name, name)
		}
	}
	return first, msg + " (check the indentation, and put text that holds a colon in quotes)"
}

// quoteValue rewrites "key: text: more" as `key: "text: more"`, the fix
// for a value that holds ": ".
func quoteValue(line string) string {
	key, value, _ := strings.Cut(strings.TrimSpace(line), ": ")
	value = strings.TrimSpace(value)
	return fmt.Sprintf("%s: %q", key, value)
}

// firstNonSpace is the column of the first character of line that is not
// a space or tab, or 1.
func firstNonSpace(line string) int {
	i := strings.IndexFunc(line, func(r rune) bool { return r != ' ' && r != '\t' })
	if i < 0 {
		return 1
	}
	return utf8.RuneCountInString(line[:i]) + 1
}

// indentTab is the column of the first tab in line's indentation, or 0.
func indentTab(line string) int {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\t':
			return i + 1
		case ' ':
		default:
			return 0
		}
	}
	return 0
}

// scanLine calls f with the byte offset of each character of line that is
// outside quotes and before a comment.
func scanLine(line string, f func(i int) bool) {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			if i == 0 || strings.IndexByte(" \t[{,:-", line[i-1]) >= 0 {
				quote = c
			}
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return
		default:
			if !f(i) {
				return
			}
		}
	}
}

// mappingColons lists the columns of the ":" that end keys on line.
func mappingColons(line string) []int {
	var cols []int
	scanLine(line, func(i int) bool {
		if line[i] == ':' && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t') {
			cols = append(cols, utf8.RuneCountInString(line[:i])+1)
		}
		return true
	})
	return cols
}

// unclosed is the column of the last open bracket on line that is not
// closed on it, or 0.
func unclosed(line string, open, close byte) int {
	var stack []int
	scanLine(line, func(i int) bool {
		switch line[i] {
		case open:
			stack = append(stack, i)
		case close:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
		return true
	})
	if len(stack) == 0 {
		return 0
	}
	return utf8.RuneCountInString(line[:stack[len(stack)-1]]) + 1
}

// openQuote finds a quote on line that starts a value and is not closed
// on the line: its column and the quote character.
func openQuote(line string) (int, rune) {
	var quote byte
	start := 0
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case (c == '"' || c == '\'') && (i == 0 || strings.IndexByte(" \t[{,:-", line[i-1]) >= 0):
			quote, start = c, i
		}
	}
	if quote == 0 {
		return 0, 0
	}
	return utf8.RuneCountInString(line[:start]) + 1, rune(quote)
}

// reservedStart finds a value on line that starts with a character YAML
// reserves ("@" or "`"): its column and the character.
func reservedStart(line string) (int, rune) {
	col, r := 0, rune(0)
	scanLine(line, func(i int) bool {
		c := line[i]
		if (c == '@' || c == '`') && (i == 0 || strings.IndexByte(" \t[{,", line[i-1]) >= 0) {
			col, r = utf8.RuneCountInString(line[:i])+1, rune(c)
			return false
		}
		return true
	})
	return col, r
}

// invalidUTF8 is the offset of the first byte of src that is not UTF-8.
func invalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(src)
}

// offsetPos is the position of byte offset i of the source.
func (d *decoder) offsetPos(i int) diag.Pos {
	before := d.src[:i]
	start := bytes.LastIndexByte(before, '\n') + 1
	return diag.Pos{File: d.file, Line: bytes.Count(before, []byte{'\n'}) + 1 + d.lineOffset, Col: utf8.RuneCount(before[start:]) + 1}
}
