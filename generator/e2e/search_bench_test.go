//go:build browser

package e2e_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"joinedup/generator/e2e"
	"joinedup/generator/internal/corpus"
	"joinedup/generator/internal/pipeline"
)

// typicalQueries are what a reader of the generated corpus types: one word,
// two words, a phrase, and a word with a typo.
var typicalQueries = []string{"consent", "safeguarding referral", "hospital discharge plan", "escalaton", "care plan review"}

type queryStats struct {
	First float64  `json:"first"` // ms for the first run, loading the shards
	Warm  float64  `json:"warm"`  // ms for the same query once loaded
	Files []string `json:"files"`
	Hits  int      `json:"hits"`
}

// BenchmarkSearch builds corpora of 100, 1,000 and 10,000 pages and, in
// Chromium over HTTP, measures for typical queries: the compressed bytes of
// index loaded (gzip of each search file the page loaded), the time of the
// first query (loading its shards) and of the same query once loaded (the
// keystroke cost), and the index's build time and size per page.
func BenchmarkSearch(b *testing.B) {
	root, err := e2e.RepoRoot()
	if err != nil {
		b.Fatal(err)
	}
	browser := e2e.Start(b, 1)
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			src, out := filepath.Join(dir, "content"), filepath.Join(dir, "site")
			if _, err := corpus.Write(src, corpus.Options{Pages: n, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			if _, err := pipeline.Build(context.Background(), pipeline.Options{
				Content: os.DirFS(src), ContentName: src,
				Templates: os.DirFS(filepath.Join(root, "templates")), TemplatesName: "templates",
			}, out); err != nil {
				b.Fatal(err)
			}
			buildTime := time.Since(start)
			indexBytes, indexFiles := 0, 0
			filepath.WalkDir(filepath.Join(out, "search"), func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() && strings.HasSuffix(p, ".js") {
					info, _ := d.Info()
					indexBytes += int(info.Size())
					indexFiles++
				}
				return err
			})
			site, err := e2e.OpenSite(out)
			if err != nil {
				b.Fatal(err)
			}
			origin := site.Serve(b)
			var worstKB, sumKB, worstWarm, sumWarm, sumFirst float64
			for b.Loop() {
				worstKB, sumKB, worstWarm, sumWarm, sumFirst = 0, 0, 0, 0, 0
				for _, q := range typicalQueries {
					st := measureQuery(b, browser, origin, q)
					kb := float64(gzipSize(b, out, origin, st.Files)) / 1024
					sumKB += kb
					worstKB = max(worstKB, kb)
					sumWarm += st.Warm
					worstWarm = max(worstWarm, st.Warm)
					sumFirst += st.First
					if st.Hits == 0 {
						b.Errorf("%q found nothing at %d pages", q, n)
					}
				}
			}
			q := float64(len(typicalQueries))
			b.ReportMetric(sumKB/q, "KB-gzip/query")
			b.ReportMetric(worstKB, "KB-gzip-worst")
			b.ReportMetric(sumFirst/q, "ms-first/query")
			b.ReportMetric(sumWarm/q, "ms-warm/query")
			b.ReportMetric(worstWarm, "ms-warm-worst")
			b.ReportMetric(float64(indexBytes)/float64(n), "index-B/page")
			b.ReportMetric(float64(indexFiles), "index-files")
			b.ReportMetric(float64(buildTime.Milliseconds()), "build-ms")
		})
	}
}

func measureQuery(b *testing.B, browser *e2e.Browser, o e2e.Origin, q string) queryStats {
	b.Helper()
	tab, err := browser.Open(context.Background(), o, "search/index.html", e2e.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer tab.Close()
	js := fmt.Sprintf(`(async function () {
		var q = %s, t0 = performance.now();
		var r = await joinedupSearch.run(q, 10);
		var t1 = performance.now();
		await joinedupSearch.run(q, 10);
		var t2 = performance.now();
		return {first: t1 - t0, warm: t2 - t1, hits: r.results.length,
			files: performance.getEntriesByType("resource").map(function (e) { return e.name; }).filter(function (n) { return n.indexOf("/search/") >= 0; })};
	})()`, mustJSON(q))
	st, err := e2e.Eval[queryStats](tab, js)
	if err != nil {
		b.Fatal(err)
	}
	return st
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// gzipSize is the compressed size of the files a query loaded, as a web
// server with gzip would send them.
func gzipSize(b *testing.B, dir string, o e2e.Origin, urls []string) int {
	b.Helper()
	sort.Strings(urls)
	total := 0
	for _, u := range urls {
		p, ok := o.Path(u)
		if !ok {
			continue
		}
		if pu, err := url.PathUnescape(p); err == nil {
			p = pu
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		w := gzip.NewWriter(&buf)
		w.Write(data)
		w.Close()
		total += buf.Len()
	}
	return total
}
