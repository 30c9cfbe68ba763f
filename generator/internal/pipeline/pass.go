package pipeline

import (
	"context"
	"runtime"
	"sync"

	"joinedup/generator/internal/content"
	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/publish"
	"joinedup/generator/internal/site"
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
	errs = append(errs, convert(ctx, src, stages, nil, src.body, func(i int, parts []any) {
		for k, st := range stages {
			st.Add(i, parts[k])
		}
	})...)
	if ctx.Err() != nil {
		return errs
	}
	errs.Append(diag.Pos{}, src.site.CheckPages())
	return append(errs, finish(stages, out)...)
}

// bodyFunc gives a page's Markdown and the line of its file it starts on.
type bodyFunc func(p *site.Page) ([]byte, int, error)

// body reads a page's body again: loading kept its front matter only.
func (src *sources) body(p *site.Page) ([]byte, int, error) {
	return content.ReadBody(src.opt.Content, p.Src.Path, p.Src.File)
}

// convert converts the pages at the indexes only (every page when nil), in
// reading order, on all cores, hands each to every stage's Page, and hands
// what the stages made of it to consume, in page order. It returns the
// pages' problems. It sets each page's Facts.
func convert(ctx context.Context, src *sources, stages []stage, only []int, body bodyFunc, consume func(i int, parts []any)) diag.List {
	pages := src.site.Pages
	n := len(pages)
	if only != nil {
		n = len(only)
	}
	index := func(k int) int {
		if only != nil {
			return only[k]
		}
		return k
	}
	lists := make([]diag.List, n)
	bufs := make([][]byte, workers())
	ordered(ctx, n, len(bufs), func(w, k int) []any {
		i := index(k)
		p := pages[i]
		text, line, err := body(p)
		if err != nil {
			lists[k].Append(diag.Pos{File: p.Src.File}, err)
			return nil
		}
		res, convErrs := src.converter.Convert(markdown.Input{
			Path: p.Src.Path, File: p.Src.File, BodyLine: line, Body: text,
			Buf: bufs[w],
		})
		facts := res.Facts
		p.Facts = &facts
		lists[k] = convErrs
		parts := make([]any, len(stages))
		for s, st := range stages {
			part, err := st.Page(w, i, p, res)
			lists[k].Append(diag.Pos{File: p.Src.File}, err)
			parts[s] = part
		}
		bufs[w] = res.HTML[:0]
		return parts
	}, func(k int, parts []any) {
		if parts != nil {
			consume(index(k), parts)
		}
	})
	var errs diag.List
	for _, l := range lists {
		errs = append(errs, l...)
	}
	return errs
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
