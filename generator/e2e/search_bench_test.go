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

// typicalQueries are what a reader of the generated corpus types: one word
// (twice), two words, a phrase, a word with a typo, three words.
var typicalQueries = []string{"safeguarding", "consent", "safeguarding referral", "hospital discharge plan", "escalaton", "care plan review"}

// suggestStats is what the header's suggestions cost for a query.
type suggestStats struct {
	First float64  `json:"first"` // ms for the first run, loading the shards
	Warm  float64  `json:"warm"`  // ms for the same query once loaded, the median of five runs
	Files []string `json:"files"`
	Hits  int      `json:"hits"`
}

// resultsStats is what the results page, search/index.html?q=..., loads:
// the page, the index files and the theme's assets.
type resultsStats struct {
	Files []string `json:"files"`
	Shown int      `json:"shown"`
	Ms    float64  `json:"ms"`
}

// BenchmarkSearch builds corpora of 100, 1,000 and 10,000 pages and, in
// Chromium over HTTP, measures for typical queries:
//   - the header's suggestions: the compressed bytes of index loaded (gzip
//     of each search file the page loaded), the time of the first query
//     (loading its shards) and of the same query once loaded (the
//     keystroke cost);
//   - the results page: the compressed bytes of the page itself and the
//     index files it loads to show its first results, and, apart, of the
//     theme's assets (the same on every page, so usually cached);
//
// and the index's size per page and the build's time.
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
			indexBytes, indexFiles := folderSize(b, filepath.Join(out, "search"), ".js")
			site, err := e2e.OpenSite(out)
			if err != nil {
				b.Fatal(err)
			}
			origin := site.Serve(b)
			var m searchMetrics
			for b.Loop() {
				m = searchMetrics{}
				for _, q := range typicalQueries {
					m.add(b, out, origin, q, measureQuery(b, browser, origin, q), measureResults(b, browser, origin, q))
				}
			}
			m.report(b, len(typicalQueries))
			b.ReportMetric(float64(indexBytes)/float64(n), "index-B/page")
			b.ReportMetric(float64(indexFiles), "index-files")
			b.ReportMetric(float64(buildTime.Milliseconds()), "build-ms")
		})
	}
}

// searchMetrics sums the queries' costs.
type searchMetrics struct {
	suggestKB, suggestWorst, first, warm, warmWorst float64
	resultsKB, resultsWorst, pageKB, assetsKB       float64
}

func (m *searchMetrics) add(b *testing.B, dir string, o e2e.Origin, q string, s suggestStats, r resultsStats) {
	if s.Hits == 0 || r.Shown == 0 {
		b.Errorf("%q found nothing (suggestions %d, results page %d)", q, s.Hits, r.Shown)
	}
	kb := float64(gzipSize(b, dir, o, s.Files)) / 1024
	m.suggestKB += kb
	m.suggestWorst = max(m.suggestWorst, kb)
	m.first += s.First
	m.warm += s.Warm
	m.warmWorst = max(m.warmWorst, s.Warm)
	var page, index, assets []string
	for _, f := range r.Files {
		switch {
		case strings.Contains(f, "/assets/"):
			assets = append(assets, f)
		case strings.HasSuffix(f, "/search/index.html"), strings.HasSuffix(f, "/search/"):
			page = append(page, f)
		default:
			index = append(index, f)
		}
	}
	pageKB := float64(gzipSize(b, dir, o, page)) / 1024
	resultsKB := pageKB + float64(gzipSize(b, dir, o, index))/1024
	m.resultsKB += resultsKB
	m.resultsWorst = max(m.resultsWorst, resultsKB)
	m.pageKB = pageKB
	m.assetsKB = float64(gzipSize(b, dir, o, assets)) / 1024
}

func (m *searchMetrics) report(b *testing.B, n int) {
	q := float64(n)
	b.ReportMetric(m.suggestKB/q, "KB-gzip/query")
	b.ReportMetric(m.suggestWorst, "KB-gzip-worst")
	b.ReportMetric(m.resultsKB/q, "results-KB-gzip/query")
	b.ReportMetric(m.resultsWorst, "results-KB-gzip-worst")
	b.ReportMetric(m.pageKB, "results-page-KB-gzip")
	b.ReportMetric(m.assetsKB, "assets-KB-gzip")
	b.ReportMetric(m.first/q, "ms-first/query")
	b.ReportMetric(m.warm/q, "ms-warm/query")
	b.ReportMetric(m.warmWorst, "ms-warm-worst")
}

// measureQuery runs a query as the header's box does, on a fresh search
// page with no words: once, loading its shards, then five times more,
// whose median is a keystroke's cost (the median, as on a busy machine
// one run in five can wait for the processor).
func measureQuery(b *testing.B, browser *e2e.Browser, o e2e.Origin, q string) suggestStats {
	b.Helper()
	tab, err := browser.Open(context.Background(), o, "search/index.html", e2e.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer tab.Close()
	js := fmt.Sprintf(`(async function () {
		var q = %s, t0 = performance.now();
		var r = await joinedupSearch.run(q, 8, {typing: true});
		var t1 = performance.now(), warm = [];
		for (var i = 0; i < 5; i++) {
			var t = performance.now();
			await joinedupSearch.run(q, 8, {typing: true});
			warm.push(performance.now() - t);
		}
		warm.sort(function (a, b) { return a - b; });
		return {first: t1 - t0, warm: warm[2], hits: r.results.length,
			files: performance.getEntriesByType("resource").map(function (e) { return e.name; }).filter(function (n) { return n.indexOf("/search/") >= 0; })};
	})()`, mustJSON(q))
	st, err := e2e.Eval[suggestStats](tab, js)
	if err != nil {
		b.Fatal(err)
	}
	return st
}

// measureResults opens the results page for a query and lists what it
// loaded once its first results show.
func measureResults(b *testing.B, browser *e2e.Browser, o e2e.Origin, q string) resultsStats {
	b.Helper()
	start := time.Now()
	tab, err := browser.Open(context.Background(), o, "search/index.html?q="+url.QueryEscape(q), e2e.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer tab.Close()
	for {
		done, err := e2e.Eval[bool](tab, `!!document.getElementById("results-heading")`)
		if err != nil {
			b.Fatal(err)
		}
		if done {
			break
		}
		if time.Since(start) > 30*time.Second {
			b.Fatalf("the results page for %q showed nothing within 30s", q)
		}
		time.Sleep(10 * time.Millisecond)
	}
	st, err := e2e.Eval[resultsStats](tab, `({shown: document.querySelectorAll(".result-list .result").length,
		files: [location.href.split("?")[0]].concat(performance.getEntriesByType("resource").map(function (e) { return e.name; }))})`)
	if err != nil {
		b.Fatal(err)
	}
	st.Ms = float64(time.Since(start).Milliseconds())
	return st
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// folderSize is the total size and number of the files in dir whose names
// end in ext.
func folderSize(b *testing.B, dir, ext string) (int, int) {
	size, files := 0, 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ext) {
			info, _ := d.Info()
			size += int(info.Size())
			files++
		}
		return err
	})
	return size, files
}

// gzipSize is the compressed size of the files a query loaded, each once,
// as a web server with gzip would send them.
func gzipSize(b *testing.B, dir string, o e2e.Origin, urls []string) int {
	b.Helper()
	sort.Strings(urls)
	total, seen := 0, map[string]bool{}
	for _, u := range urls {
		p, ok := o.Path(u)
		if !ok || seen[p] {
			continue
		}
		seen[p] = true
		if pu, err := url.PathUnescape(p); err == nil {
			p = pu
		}
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html" // Go's file server serves a folder's index.html at the folder
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
