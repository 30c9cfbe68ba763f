package content

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"joinedup/generator/internal/diag"
)

// Pages, site.yaml and data files must be text saved as UTF-8: the site's
// pages say charset=utf-8, so any other encoding would be published as
// mojibake, and binary content would put NUL bytes and worse into the HTML.
// CheckText finds the first thing that is not, so the author is told where
// it is instead of seeing it on the site. A UTF-8 byte order mark at the
// start, tabs, form feeds and Windows line endings are all fine.

// utf8BOM is the byte order mark some Windows editors put at the start of
// a UTF-8 file.
var utf8BOM = []byte("\xef\xbb\xbf")

// CheckText reports, as file:line:col, the first byte of src that is not
// UTF-8 text: a file saved as UTF-16, a byte that is not UTF-8 (a file
// saved as Latin-1 or Windows-1252), a NUL byte (binary content) or another
// control character. It returns nil for good text.
func CheckText(file string, src []byte) *diag.Error {
	if enc := utf16Kind(src); enc != "" {
		return diag.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "this file is saved as %s, not UTF-8; save it as UTF-8 (in most editors: Save as, then Encoding: UTF-8)", enc)
	}
	text := bytes.TrimPrefix(src, utf8BOM)
	for i := 0; i < len(text); {
		if c := text[i]; c >= 0x20 && c < 0x7f || c == '\n' || c == '\r' || c == '\t' {
			i++ // the common case: printable ASCII
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		var msg string
		switch {
		case r == utf8.RuneError && size <= 1:
			msg = fmt.Sprintf("this file is not UTF-8: byte 0x%02X here is not a UTF-8 character (the file may be saved as Latin-1 or Windows-1252); save it as UTF-8", text[i])
		case r == 0:
			msg = "this file holds a NUL byte, so it is binary data, not text; a page or data file must be text saved as UTF-8"
		case isControl(r):
			msg = fmt.Sprintf("this file holds the control character U+%04X, which is not text and cannot be shown; delete it", r)
		default:
			i += size
			continue
		}
		return diag.Errorf(textPos(file, text, i), "%s", msg)
	}
	return nil
}

// isControl reports whether r is a control character that HTML does not
// allow in a page: every C0 control but tab, line feed, form feed and
// carriage return, DEL, and the C1 controls.
func isControl(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\f' || r == '\r':
		return false
	case r < 0x20, r == 0x7f:
		return true
	}
	return r >= 0x80 && r <= 0x9f
}

// textPos is the line and column of byte offset i of text, counting
// columns in characters as every other message does.
func textPos(file string, text []byte, i int) diag.Pos {
	before := text[:i]
	start := bytes.LastIndexByte(before, '\n') + 1
	return diag.Pos{File: file, Line: bytes.Count(before, []byte{'\n'}) + 1, Col: utf8.RuneCount(before[start:]) + 1}
}

// utf16Kind names the UTF-16 encoding src is saved in, or returns "". A
// byte order mark says so; without one, text that is mostly ASCII has a
// zero byte in every other place, which UTF-8 text never has.
func utf16Kind(src []byte) string {
	switch {
	case bytes.HasPrefix(src, []byte{0xff, 0xfe}):
		return "UTF-16 (little-endian)"
	case bytes.HasPrefix(src, []byte{0xfe, 0xff}):
		return "UTF-16 (big-endian)"
	}
	pairs := min(len(src)/2, 64)
	if pairs < 2 {
		return ""
	}
	var evenZero, oddZero int
	for i := range pairs {
		if src[2*i] == 0 && src[2*i+1] != 0 {
			evenZero++
		}
		if src[2*i+1] == 0 && src[2*i] != 0 {
			oddZero++
		}
	}
	switch {
	case oddZero*4 >= pairs*3:
		return "UTF-16 (little-endian)"
	case evenZero*4 >= pairs*3:
		return "UTF-16 (big-endian)"
	}
	return ""
}

// CheckName explains why a file or folder name cannot be published, or
// returns "". Every link the site writes is percent-encoded, so spaces and
// letters of any alphabet are fine. But "#", "?" and "%" already mean
// something in a link: an author linking to "hash#tag.md" by hand writes a
// link to the anchor #tag.md, and the checker could not tell. A name Windows
// cannot hold ('<', '>', ':', '"', '\', '|', '*') breaks the copy of the
// site on a shared drive, and a control character (a line break) breaks
// sitemap.xml. Such names are refused, with the fix, rather than published
// as links that do not work.
func CheckName(name string) string {
	for _, r := range name {
		switch {
		case r == '#' || r == '?' || r == '%':
			return fmt.Sprintf("the name %q has a %q, which means something else in a link; rename it without one", name, r)
		case strings.ContainsRune(`<>:"\|*`, r):
			return fmt.Sprintf("the name %q has a %q, which Windows cannot hold in a file name (so the site could not be copied to a shared drive); rename it without one", name, r)
		case unicode.IsControl(r):
			return fmt.Sprintf("the name %q has a control character (U+%04X) in it; rename it", name, r)
		}
	}
	return ""
}
