package content

import (
	"errors"
	"testing"
	"testing/fstest"

	"joinedup/generator/internal/diag"

	"github.com/google/go-cmp/cmp"
)

// utf16LE encodes ASCII text as UTF-16 little-endian, as Windows Notepad
// saves "Unicode" files.
func utf16LE(s string, bom bool) string {
	var b []byte
	if bom {
		b = append(b, 0xff, 0xfe)
	}
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return string(b)
}

func utf16BE(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		b = append(b, 0, s[i])
	}
	return string(b)
}

func TestCheckText(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"ascii", "---\ntitle: A\n---\nBody\n", ""},
		{"utf-8 letters", "---\ntitle: Café ŵ 日本語\n---\n", ""},
		{"byte order mark", "\xef\xbb\xbf---\ntitle: A\n---\n", ""},
		{"windows line endings, tabs, form feed", "a\r\n\tb\f\r\n", ""},
		{"latin-1 in the body", "---\ntitle: A\n---\n\nNa\xefve r\xe9sum\xe9\n",
			`a.md:5:3: this file is not UTF-8: byte 0xEF here is not a UTF-8 character (the file may be saved as Latin-1 or Windows-1252); save it as UTF-8`},
		{"latin-1 in front matter", "---\ntitle: Caf\xe9\n---\n",
			`a.md:2:11: this file is not UTF-8: byte 0xE9 here is not a UTF-8 character (the file may be saved as Latin-1 or Windows-1252); save it as UTF-8`},
		{"column counts characters", "---\ntitle: Ŵ ŵ \x80\n---\n",
			`a.md:2:12: this file is not UTF-8: byte 0x80 here is not a UTF-8 character (the file may be saved as Latin-1 or Windows-1252); save it as UTF-8`},
		{"column after a byte order mark", "\xef\xbb\xbfab\xff",
			`a.md:1:3: this file is not UTF-8: byte 0xFF here is not a UTF-8 character (the file may be saved as Latin-1 or Windows-1252); save it as UTF-8`},
		{"cut-off character at the end", "ok \xe2\x82",
			`a.md:1:4: this file is not UTF-8: byte 0xE2 here is not a UTF-8 character (the file may be saved as Latin-1 or Windows-1252); save it as UTF-8`},
		{"utf-16 with byte order mark", utf16LE("---\ntitle: A\n---\n", true),
			`a.md:1:1: this file is saved as UTF-16 (little-endian), not UTF-8; save it as UTF-8 (in most editors: Save as, then Encoding: UTF-8)`},
		{"utf-16 without byte order mark", utf16LE("---\ntitle: A\n---\n", false),
			`a.md:1:1: this file is saved as UTF-16 (little-endian), not UTF-8; save it as UTF-8 (in most editors: Save as, then Encoding: UTF-8)`},
		{"utf-16 big-endian", "\xfe\xff" + utf16BE("---\ntitle: A\n---\n"),
			`a.md:1:1: this file is saved as UTF-16 (big-endian), not UTF-8; save it as UTF-8 (in most editors: Save as, then Encoding: UTF-8)`},
		{"utf-16 big-endian without byte order mark", utf16BE("---\ntitle: A\n---\n"),
			`a.md:1:1: this file is saved as UTF-16 (big-endian), not UTF-8; save it as UTF-8 (in most editors: Save as, then Encoding: UTF-8)`},
		{"binary after front matter", "---\ntitle: Bin\n---\nELF\x02\x01\x00\x00",
			`a.md:4:4: this file holds the control character U+0002, which is not text and cannot be shown; delete it`},
		{"nul byte", "---\ntitle: A\n---\nab\x00cd\n",
			`a.md:4:3: this file holds a NUL byte, so it is binary data, not text; a page or data file must be text saved as UTF-8`},
		{"escape character", "text \x1b[31m red",
			`a.md:1:6: this file holds the control character U+001B, which is not text and cannot be shown; delete it`},
		{"C1 control", "a\u0085b",
			`a.md:1:2: this file holds the control character U+0085, which is not text and cannot be shown; delete it`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if err := CheckText("a.md", []byte(tt.src)); err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("CheckText(%q) = %q; want %q", tt.src, got, tt.want)
			}
		})
	}
}

// TestLoadRefusesNonText checks that a page, site.yaml and a data file that
// are not UTF-8 text are reported once each, at the first bad byte, and
// that a bad data file is still known to exist (so nothing calls it
// missing) but is not decoded.
func TestLoadRefusesNonText(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":          {Data: []byte("title: Caf\xe9\norganisation: O\n")},
		"_index.md":          {Data: []byte("---\ntitle: Home\n---\nHi\n")},
		"latin.md":           {Data: []byte("---\ntitle: Latin\n---\n\nNa\xefve\n")},
		"wide.md":            {Data: []byte(utf16LE("---\ntitle: Wide\n---\n", true))},
		"bin.md":             {Data: []byte("---\ntitle: Bin\n---\n\x00\x01\x02")},
		"bom-crlf.md":        {Data: []byte("\xef\xbb\xbf---\r\ntitle: Fine\r\n---\r\nText\r\n")},
		"data/partners.yaml": {Data: []byte("sectors: []\npartners:\n  - name: \x93quoted\x94\n")},
	}
	src, err := Load(fsys, "content")
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("Load error = %v; want a diag.List", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	want := []string{
		"content/bin.md:4:1: this file holds a NUL byte, so it is binary data, not text; a page or data file must be text saved as UTF-8",
		"content/data/partners.yaml:3:11: this file is not UTF-8: byte 0x93 here is not a UTF-8 character (the file may be saved as Latin-1 or Windows-1252); save it as UTF-8",
		"content/latin.md:5:3: this file is not UTF-8: byte 0xEF here is not a UTF-8 character (the file may be saved as Latin-1 or Windows-1252); save it as UTF-8",
		"content/site.yaml:1:11: this file is not UTF-8: byte 0xE9 here is not a UTF-8 character (the file may be saved as Latin-1 or Windows-1252); save it as UTF-8",
		"content/wide.md:1:1: this file is saved as UTF-16 (little-endian), not UTF-8; save it as UTF-8 (in most editors: Save as, then Encoding: UTF-8)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load errors (-want +got):\n%s", diff)
	}
	var pages []string
	for _, p := range src.Pages {
		pages = append(pages, p.Path)
	}
	if diff := cmp.Diff([]string{"_index.md", "bom-crlf.md"}, pages); diff != "" {
		t.Errorf("pages (-want +got):\n%s", diff)
	}
	if b, ok := src.DataFiles["data/partners.yaml"]; !ok || b != nil {
		t.Errorf("DataFiles[data/partners.yaml] = %q, %v; want nil, true", b, ok)
	}
}

// TestLoadRefusesUnlinkableNames checks that names a link cannot hold are
// refused where they are (a folder once, not each file in it), and that
// spaces and letters outside ASCII are kept.
func TestLoadRefusesUnlinkableNames(t *testing.T) {
	page := &fstest.MapFile{Data: []byte("---\ntitle: P\n---\n")}
	fsys := fstest.MapFS{
		"site.yaml":             {Data: []byte("title: T\norganisation: O\n")},
		"_index.md":             page,
		"g/_index.md":           page,
		"g/hash#tag.md":         page,
		"g/q?mark.md":           page,
		"g/pct%20x.md":          page,
		"g/50% off.png":         {Data: []byte("png")},
		"g/a:b.md":              page,
		"g/evil\nname.md":       page,
		"My Folder#1/_index.md": page,
		"My Folder#1/p q.md":    page,
		"g/with space.md":       page,
		"g/café-ünï.md":         page,
		"g/amp&and.md":          page,
	}
	src, err := Load(fsys, "content")
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("Load error = %v; want a diag.List", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	want := []string{
		`content/My Folder#1: the name "My Folder#1" has a '#', which means something else in a link; rename it without one`,
		`content/g/50% off.png: the name "50% off.png" has a '%', which means something else in a link; rename it without one`,
		`content/g/a:b.md: the name "a:b.md" has a ':', which Windows cannot hold in a file name (so the site could not be copied to a shared drive); rename it without one`,
		"content/g/evil\nname.md: the name \"evil\\nname.md\" has a control character (U+000A) in it; rename it",
		`content/g/hash#tag.md: the name "hash#tag.md" has a '#', which means something else in a link; rename it without one`,
		`content/g/pct%20x.md: the name "pct%20x.md" has a '%', which means something else in a link; rename it without one`,
		`content/g/q?mark.md: the name "q?mark.md" has a '?', which means something else in a link; rename it without one`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load errors (-want +got):\n%s", diff)
	}
	var pages []string
	for _, p := range src.Pages {
		pages = append(pages, p.Path)
	}
	if diff := cmp.Diff([]string{"_index.md", "g/_index.md", "g/amp&and.md", "g/café-ünï.md", "g/with space.md"}, pages); diff != "" {
		t.Errorf("pages (-want +got):\n%s", diff)
	}
}
