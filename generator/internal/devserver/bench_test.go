package devserver

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"joinedup/generator/internal/watch"
)

// BenchmarkSaveToReload measures what an author waits for: from saving a
// page to the reload event reaching a connected browser, through the same
// pieces serve wires together (the watcher with its default debounce, a
// whole rebuild, the swap and the event stream). ns/op is that latency;
// build-ms/op is the build alone. The builds go to a RAM disk (/dev/shm,
// what serve uses when $TMPDIR is unset) or to the disk (the temporary
// folder), to show what the choice is worth.
func BenchmarkSaveToReload(b *testing.B) {
	for _, pages := range []int{100, 1000} {
		for _, folder := range []string{"ram", "disk"} {
			b.Run(fmt.Sprintf("pages=%d/out=%s", pages, folder), func(b *testing.B) {
				benchSaveToReload(b, pages, folder)
			})
		}
	}
}

func benchSaveToReload(b *testing.B, pages int, folder string) {
	parent := b.TempDir()
	if folder == "ram" {
		if _, err := os.Stat("/dev/shm"); err != nil {
			b.Skip("no /dev/shm here")
		}
		parent = "/dev/shm"
	}
	dir := b.TempDir()
	writeCorpus(b, dir, pages)
	srv := New()
	defer srv.Close()
	bl, err := NewBuilder(options(b, dir), srv, parent)
	if err != nil {
		b.Fatal(err)
	}
	defer bl.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if o := bl.Build(ctx); o.Problems != nil {
		b.Fatal(FormatText(o.Problems))
	}
	w, err := watch.New([]string{dir, templatesDir}, watch.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var built time.Duration
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.Run(ctx, func(paths []string) { built += bl.Update(ctx, paths).Change.Duration })
	}()
	hs := httptest.NewServer(srv)
	defer hs.Close()
	evs := events(b, ctx, hs.URL)
	last := next(b, evs).Build
	target := filepath.Join(dir, "s3", "u0", "p4.md")
	i := 0
	for b.Loop() {
		i++
		if err := os.WriteFile(target, []byte(page("Page 3.4", fmt.Sprintf("Version %d.", i))), 0o644); err != nil {
			b.Fatal(err)
		}
		for {
			st := next(b, evs)
			if len(st.Problems) > 0 {
				b.Fatalf("rebuild failed: %+v", st.Problems)
			}
			if st.Build != last {
				last = st.Build
				break
			}
		}
	}
	b.StopTimer()
	cancel()
	<-done
	b.ReportMetric(float64(built.Milliseconds())/float64(i), "build-ms/op")
}
