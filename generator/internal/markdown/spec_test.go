package markdown

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The CommonMark spec's examples and goldmark's extension tests, run
// through the site's converter (testdata/spec/README.md says where they
// come from), so that conformance cannot slip unnoticed. The converter
// differs from plain CommonMark on purpose in a few ways. Some are
// normalised away on both sides before comparing (see normalise); the
// examples they cannot be normalised away from are listed, each with its
// reason, in intended. Every other example must match, and every listed one
// must still differ, so that the list stays true.

// specReason says why the converter's output differs from the spec's on
// purpose.
const (
	rawHTML = "raw HTML is shown as text (and comments dropped), never passed through"
	linkMD  = "links to .md files are rewritten to the page's .html address"
	linkify = "bare addresses become links (Linkify), which keeps the spaces before a hard line break"
)

// intended lists, by suite and example number, the examples whose output
// differs on purpose.
var intended = map[string]map[int]string{
	"commonmark": merge(
		numbers(rawHTML, 21, 31, spanOf(148, 191), 201, 308, 309, 344, 475, 476, 477, 491, 494, 524, 536,
			spanOf(613, 617), 623, spanOf(625, 631), 642, 643),
		numbers(linkMD, 484),
		numbers(linkify, 226, 608, 611, 612, 635),
	),
	"table": numbers(linkMD, 14),
}

// TestSpecExamples runs every CommonMark example and goldmark extension
// test through the converter.
func TestSpecExamples(t *testing.T) {
	c := New(Config{})
	suites := map[string][]specExample{"commonmark": commonMarkExamples(t)}
	files, _ := filepath.Glob(filepath.Join("testdata", "spec", "*.txt"))
	for _, f := range files {
		suites[strings.TrimSuffix(filepath.Base(f), ".txt")] = goldmarkCases(t, f)
	}
	names := make([]string, 0, len(suites))
	for name := range suites {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		passed := 0
		for _, ex := range suites[name] {
			res, _ := c.Convert(Input{Path: "page.md", File: "page.md", BodyLine: 1, Body: []byte(ex.markdown)})
			got, want := normalise(string(res.HTML)), normalise(ex.html)
			reason, listed := intended[name][ex.number]
			switch {
			case got == want && listed:
				t.Errorf("%s example %d now matches the spec; remove it from the intended differences (%s)", name, ex.number, reason)
			case got != want && !listed:
				t.Errorf("%s example %d (%s) differs from the spec:\nmarkdown: %q\nwant: %q\ngot:  %q", name, ex.number, ex.section, ex.markdown, want, got)
			case got == want:
				passed++
			}
		}
		t.Logf("%s: %d of %d examples match, %d differ on purpose", name, passed, len(suites[name]), len(intended[name]))
	}
}

type specExample struct {
	number         int
	section        string
	markdown, html string
}

func commonMarkExamples(t *testing.T) []specExample {
	b, err := os.ReadFile(filepath.Join("testdata", "spec", "commonmark.json"))
	if err != nil {
		t.Fatal(err)
	}
	var raw []struct {
		Markdown, HTML, Section string
		Example                 int
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	out := make([]specExample, len(raw))
	for i, r := range raw {
		out[i] = specExample{number: r.Example, section: r.Section, markdown: r.Markdown, html: r.HTML}
	}
	return out
}

// goldmarkCases reads a goldmark test file: cases of a number line, an
// optional OPTIONS line, then the Markdown and the HTML, each after a
// "//- - -" line, ended by a "//= = =" line. As in goldmark's own reader,
// an OPTIONS line stays in force for the cases after it.
func goldmarkCases(t *testing.T, file string) []specExample {
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const part, end = "//- - - - - - - - -//", "//= = = = = = = = = = = = = = = = = = = = = = = =//"
	var out []specExample
	escapes := false
	// Lines end at "\n" with any "\r" before it dropped, as goldmark's
	// reader (bufio.ScanLines) reads them.
	text := strings.ReplaceAll(string(b), "\r\n", "\n")
	for _, c := range strings.Split(text, end+"\n") {
		head, rest, ok := strings.Cut(c, part+"\n")
		if !ok {
			continue
		}
		md, html, _ := strings.Cut(rest, part+"\n")
		lines := strings.Split(strings.TrimSpace(head), "\n")
		num, _, _ := strings.Cut(lines[0], ":")
		n, err := strconv.Atoi(strings.TrimSpace(num))
		if err != nil {
			t.Fatalf("%s: bad case header %q", file, lines[0])
		}
		if len(lines) > 1 && strings.Contains(lines[1], `"enableEscape": true`) {
			escapes = true
		}
		md = strings.TrimSuffix(md, "\n")
		if escapes {
			md = strings.NewReplacer(`\t`, "\t", `\n`, "\n", `\\`, `\`).Replace(md)
		}
		out = append(out, specExample{number: n, section: lines[0], markdown: md, html: html})
	}
	if len(out) == 0 {
		t.Fatalf("%s: no cases", file)
	}
	return out
}

// The converter's intended differences that normalise removes, from its
// output and the spec's alike.
var (
	// Headings get ids.
	headingID = regexp.MustCompile(`(<h[1-6]) id="[^"]*"`)
	// Code is highlighted, in a focusable labelled region; the language
	// is in the label, not in a class.
	codeOpen  = regexp.MustCompile(`<div class="code-block" tabindex="0" role="region" aria-label="Code example(?: \(([^"]*)\))?"><pre class="chroma"><code>`)
	codeClose = regexp.MustCompile(`</code></pre></div>`)
	span      = regexp.MustCompile(`</?span[^>]*>`)
	preBlock  = regexp.MustCompile(`(?s)<pre><code[^>]*>.*?</code></pre>`)
	// Tables scroll in a focusable wrapper, and body cells carry their
	// column's heading for the rows stacked on a phone.
	tableWrap = regexp.MustCompile(`(?s)<div class="table-wrap[^"]*"[^>]*>\s*(<table>.*?</table>)\s*</div>`)
	cellLabel = regexp.MustCompile(` data-label="[^"]*"`)
	// Task list boxes are text for screen readers, not disabled inputs.
	taskOurs   = regexp.MustCompile(`<span class="task( task--done)?"><span class="visually-hidden">(To do|Done): </span></span>`)
	taskInput  = regexp.MustCompile(`<input (checked="" )?disabled="" type="checkbox"\s*/?> ?`)
	selfClose  = regexp.MustCompile(`\s*/>`)
	betweenTag = regexp.MustCompile(`>\s+<`)
	// Quotes, dashes and ellipses are typographic.
	typography = strings.NewReplacer(
		"&ldquo;", "&quot;", "&rdquo;", "&quot;", "&lsquo;", "'", "&rsquo;", "'",
		"&ndash;", "--", "&mdash;", "---", "&hellip;", "...", "&laquo;", "&lt;&lt;", "&raquo;", "&gt;&gt;",
		"&#34;", "&quot;", "&#39;", "'",
	)
)

func normalise(s string) string {
	s = headingID.ReplaceAllString(s, "$1")
	s = codeOpen.ReplaceAllStringFunc(s, func(m string) string {
		lang := codeOpen.FindStringSubmatch(m)[1]
		if lang == "" {
			return "<pre><code>"
		}
		return `<pre><code class="language-` + lang + `">`
	})
	s = codeClose.ReplaceAllString(s, "</code></pre>")
	s = preBlock.ReplaceAllStringFunc(s, func(m string) string { return span.ReplaceAllString(m, "") })
	s = tableWrap.ReplaceAllString(s, "$1")
	s = cellLabel.ReplaceAllString(s, "")
	s = taskOurs.ReplaceAllStringFunc(s, func(m string) string {
		if strings.Contains(m, "task--done") {
			return "[x]"
		}
		return "[ ]"
	})
	s = taskInput.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m, "<input checked") {
			return "[x]"
		}
		return "[ ]"
	})
	s = selfClose.ReplaceAllString(s, ">")
	s = typography.Replace(s)
	s = betweenTag.ReplaceAllString(s, "><")
	return strings.TrimSpace(s)
}

func numbers(reason string, ns ...any) map[int]string {
	m := map[int]string{}
	for _, n := range ns {
		switch n := n.(type) {
		case int:
			m[n] = reason
		case []int:
			for _, i := range n {
				m[i] = reason
			}
		default:
			panic(fmt.Sprintf("numbers: %T", n))
		}
	}
	return m
}

func spanOf(from, to int) []int {
	var out []int
	for i := from; i <= to; i++ {
		out = append(out, i)
	}
	return out
}

func merge(ms ...map[int]string) map[int]string {
	out := map[int]string{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}
