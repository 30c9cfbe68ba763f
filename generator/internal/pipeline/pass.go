package pipeline

import (
	"context"
	"runtime"
	"sync"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/publish"
)

// runPass runs the stages: Start each, then one pass over every page in
// reading order, then the model's checks, then Finish each. It returns
// every problem found.
//
// Each page is converted once, on one of GOMAXPROCS workers, and handed to
// every stage's Page in turn. Conversion is the last reader of a page's
// Markdown, so the pass lets the body go once it is converted; the
// converted HTML is the stages' to read until the last stage's Page
// returns, and then the worker reuses its memory for its next page. What
// outlives the pass of a page is its Facts (headings, links, checklists),
// which the checks and the other pages' navigation need.
func runPass(ctx context.Context, src *sources, stages []stage, out publish.Output) diag.List {
	var errs diag.List
	for _, st := range stages {
		errs.Append(diag.Pos{}, st.Start(out))
	}
	pages := src.site.Pages
	lists := make([]diag.List, len(pages))
	bufs := make([][]byte, workers())
	ordered(ctx, len(pages), len(bufs), func(w, i int) []any {
		p := pages[i]
		res, convErrs := src.converter.Convert(markdown.Input{
			Path: p.Src.Path, File: p.Src.File, BodyLine: p.Src.BodyLine, Body: p.Src.Body,
			Buf: bufs[w],
		})
		p.Src.Body = nil
		facts := res.Facts
		p.Facts = &facts
		lists[i] = convErrs
		parts := make([]any, len(stages))
		for k, st := range stages {
			part, err := st.Page(w, i, p, res)
			lists[i].Append(diag.Pos{File: p.Src.File}, err)
			parts[k] = part
		}
		bufs[w] = res.HTML[:0]
		return parts
	}, func(i int, parts []any) {
		for k, st := range stages {
			st.Add(i, parts[k])
		}
	})
	for _, l := range lists {
		errs = append(errs, l...)
	}
	if ctx.Err() != nil {
		return errs
	}
	errs.Append(diag.Pos{}, src.site.CheckPages())
	return append(errs, finish(stages, out)...)
}

// workers is the number of pages converted side by side: one per core.
func workers() int { return runtime.GOMAXPROCS(0) }

// finish runs every stage's Finish side by side.
func finish(stages []stage, out publish.Output) diag.List {
	lists := make([]diag.List, len(stages))
	var wg sync.WaitGroup
	for k, st := range stages {
		wg.Go(func() { lists[k].Append(diag.Pos{}, st.Finish(out)) })
	}
	wg.Wait()
	var errs diag.List
	for _, l := range lists {
		errs = append(errs, l...)
	}
	return errs
}

// ordered runs work for 0..n-1 on the given number of workers and hands
// each result to consume in index order, on one goroutine, as soon as it
// and all before it are done. Results are held only until their turn.
func ordered[T any](ctx context.Context, n, workers int, work func(worker, i int) T, consume func(i int, v T)) {
	workers = max(1, min(workers, n))
	type item struct {
		i int
		v T
	}
	results := make(chan item, 2*workers)
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				results <- item{i, work(w, i)}
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := map[int]T{}
	want := 0
	for it := range results {
		pending[it.i] = it.v
		for {
			v, ok := pending[want]
			if !ok {
				break
			}
			delete(pending, want)
			consume(want, v)
			want++
		}
	}
}
