package content_test

import (
	"testing"

	"joinedup/generator/internal/content"
	"joinedup/generator/internal/corpus"
)

// corpusPage returns page n of a small benchmark corpus.
func corpusPage(b *testing.B, n int) []byte {
	b.Helper()
	var out []byte
	i := 0
	err := corpus.Each(corpus.Options{Pages: n + 1, Seed: 1}, func(f corpus.File) error {
		if len(f.Path) > len("section-00/page-") && f.Path[len("section-00/"):][:5] == "page-" {
			if i == n {
				out = f.Data
			}
			i++
		}
		return nil
	})
	if err != nil || out == nil {
		b.Fatalf("corpus page %d: %v", n, err)
	}
	return out
}

// BenchmarkSplitFrontMatter times finding the front matter of one page,
// which every page of every build goes through.
func BenchmarkSplitFrontMatter(b *testing.B) {
	src := corpusPage(b, 7)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, _, _, err := content.SplitFrontMatter(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParsePage times splitting and strictly decoding one page's front
// matter (title, description, weight, tags), positions included.
func BenchmarkParsePage(b *testing.B) {
	src := corpusPage(b, 7)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := content.ParsePage("section-00/page-0007.md", "content/section-00/page-0007.md", src); err != nil {
			b.Fatal(err)
		}
	}
}
