package pipeline_test

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"joinedup/generator/internal/corpus"
	"joinedup/generator/internal/pipeline"
)

// benchPages lists the corpus sizes the whole-build benchmarks use; larger
// sizes are for profiling by hand, e.g.
//
//	go test ./generator/internal/pipeline -run '^$' -bench Run/pages -benchtime 1x -cpuprofile cpu.out -args -bench.pages 10000
var benchPages = flag.String("bench.pages", "1000", "corpus sizes for BenchmarkLoad and BenchmarkRun, comma separated")

// corpusOptions opens a fresh corpus of n pages and the real templates.
func corpusOptions(b *testing.B, n int) pipeline.Options {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "content")
	if _, err := corpus.Write(dir, corpus.Options{Pages: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return options(b, dir)
}

func options(b *testing.B, contentDir string) pipeline.Options {
	b.Helper()
	c, err := pipeline.DirFS(contentDir)
	if err != nil {
		b.Fatal(err)
	}
	t, err := pipeline.DirFS("../../../templates")
	if err != nil {
		b.Fatal(err)
	}
	return pipeline.Options{Content: c, ContentName: "content", Templates: t, TemplatesName: "templates"}
}

// sizes are the corpora to build: the bundled site, then each size of
// -bench.pages.
func sizes(b *testing.B) []struct {
	name string
	opt  func(b *testing.B) pipeline.Options
} {
	out := []struct {
		name string
		opt  func(b *testing.B) pipeline.Options
	}{{"site=bundled", func(b *testing.B) pipeline.Options { return options(b, "../../../content") }}}
	for f := range strings.SplitSeq(*benchPages, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			b.Fatalf("-bench.pages: %q is not a page count", f)
		}
		out = append(out, struct {
			name string
			opt  func(b *testing.B) pipeline.Options
		}{fmt.Sprintf("pages=%d", n), func(b *testing.B) pipeline.Options { return corpusOptions(b, n) }})
	}
	return out
}

// BenchmarkCheck times everything but writing: read, decode, convert,
// render and check every page, make the index.
func BenchmarkCheck(b *testing.B) {
	for _, s := range sizes(b) {
		b.Run(s.name, func(b *testing.B) {
			opt := s.opt(b)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := pipeline.Check(context.Background(), opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRun times a whole build, publishing into a new folder each time.
func BenchmarkRun(b *testing.B) {
	for _, s := range sizes(b) {
		b.Run(s.name, func(b *testing.B) {
			opt := s.opt(b)
			out := b.TempDir()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				dir := filepath.Join(out, strconv.Itoa(i))
				i++
				if _, err := pipeline.Build(context.Background(), opt, dir); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
