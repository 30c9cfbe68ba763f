package markdown_test

import (
	"bytes"
	"strings"
	"testing"

	"joinedup/generator/internal/corpus"
	"joinedup/generator/internal/markdown"
)

// corpusBodies returns the bodies of a benchmark corpus's pages, with and
// without fenced code.
func corpusBodies(b *testing.B, pages int) (plain, code [][]byte) {
	b.Helper()
	err := corpus.Each(corpus.Options{Pages: pages, Seed: 1}, func(f corpus.File) error {
		if !strings.Contains(f.Path, "/page-") {
			return nil
		}
		_, body, _ := bytes.Cut(f.Data[4:], []byte("\n---\n"))
		if bytes.Contains(body, []byte("\n```")) {
			code = append(code, body)
		} else {
			plain = append(plain, body)
		}
		return nil
	})
	if err != nil || len(plain) == 0 || len(code) == 0 {
		b.Fatalf("corpus: %v (%d plain, %d with code)", err, len(plain), len(code))
	}
	return plain, code
}

// BenchmarkConvert times converting one page body to HTML with the site's
// goldmark configuration: parse, transform (ids, links, abbreviations),
// render, and chroma for the pages with code.
func BenchmarkConvert(b *testing.B) {
	conv := markdown.New(markdown.Config{
		Abbreviations: map[string]string{"GP": "General practitioner", "NHS": "National Health Service"},
	})
	plain, code := corpusBodies(b, 60)
	for _, bc := range []struct {
		name   string
		bodies [][]byte
	}{{"prose", plain}, {"with-code", code}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			var n int64
			i := 0
			for b.Loop() {
				body := bc.bodies[i%len(bc.bodies)]
				i++
				n += int64(len(body))
				if _, errs := conv.Convert(markdown.Input{Path: "section-00/page-0001.md", File: "content/section-00/page-0001.md", BodyLine: 7, Body: body}); len(errs) > 0 {
					b.Fatal(errs)
				}
			}
			b.SetBytes(n / int64(max(i, 1)))
		})
	}
}
