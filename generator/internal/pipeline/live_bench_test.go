package pipeline_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"testing"

	"joinedup/generator/internal/corpus"
	"joinedup/generator/internal/pipeline"
)

// BenchmarkLiveHeap builds corpora of -bench.pages pages (1,000 unless
// told) as the dev server does and reports the heap it keeps between
// rebuilds (each page's search documents, packs, links...), measured after
// a collection. -bench.heapprofile writes a heap profile at that moment,
// which shows what the heap is made of, e.g.
//
//	go test ./generator/internal/pipeline -run '^$' -bench LiveHeap -benchtime 1x -args -bench.pages 10000 -bench.heapprofile mem.out
//	go tool pprof -sample_index=inuse_space -top mem.out
var heapProfile = flag.String("bench.heapprofile", "", "file for BenchmarkLiveHeap's heap profile of what a live build keeps")

func BenchmarkLiveHeap(b *testing.B) {
	for f := range strings.SplitSeq(*benchPages, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			b.Fatalf("-bench.pages: %q is not a page count", f)
		}
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			content := filepath.Join(dir, "content")
			if _, err := corpus.Write(content, corpus.Options{Pages: n, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			opt := pipeline.Options{
				ContentDir: content, ContentName: "content",
				TemplatesDir: "../../../templates", TemplatesName: "templates",
			}
			var l *pipeline.Live
			for b.Loop() {
				l = pipeline.NewLive(opt, filepath.Join(dir, "live"))
				if _, err := l.Build(context.Background(), nil); err != nil {
					b.Fatal(err)
				}
			}
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "live-heap-MiB")
			if *heapProfile != "" {
				f, err := os.Create(*heapProfile)
				if err != nil {
					b.Fatal(err)
				}
				defer f.Close()
				if err := pprof.WriteHeapProfile(f); err != nil {
					b.Fatal(err)
				}
			}
			runtime.KeepAlive(l)
		})
	}
}
