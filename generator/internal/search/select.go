package search

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// better orders postings best first: higher score, then earlier document.
// Documents are unique within a term's postings, so the order is total.
func better(x, y posting) bool {
	if x.value != y.value {
		return x.value > y.value
	}
	return x.doc < y.doc
}

// selectBest moves the k best postings to the front of ps, in no particular
// order (quickselect): which postings a term keeps is all that matters, as
// they are then sorted by document. It costs a pass or two over ps where
// sorting it would cost log n.
func selectBest(ps []posting, k int) {
	lo, hi := 0, len(ps)-1
	for lo < hi {
		// Median of three as the pivot, moved to hi.
		mid := lo + (hi-lo)/2
		if better(ps[mid], ps[lo]) {
			ps[mid], ps[lo] = ps[lo], ps[mid]
		}
		if better(ps[hi], ps[lo]) {
			ps[hi], ps[lo] = ps[lo], ps[hi]
		}
		if better(ps[mid], ps[hi]) {
			ps[mid], ps[hi] = ps[hi], ps[mid]
		}
		pivot := ps[hi]
		i := lo
		for j := lo; j < hi; j++ {
			if better(ps[j], pivot) {
				ps[i], ps[j] = ps[j], ps[i]
				i++
			}
		}
		ps[i], ps[hi] = ps[hi], ps[i]
		switch {
		case i == k-1 || i == k:
			return
		case i < k:
			lo = i + 1
		default:
			hi = i - 1
		}
	}
}

// parallel calls work on consecutive ranges covering 0..n-1, one range per
// core at a time. Ranges are small enough for the cores to share uneven
// work.
func parallel(n int, work func(lo, hi int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 || n < 64 {
		work(0, n)
		return
	}
	chunk := max(16, n/(workers*8))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= n {
					return
				}
				work(lo, min(lo+chunk, n))
			}
		}()
	}
	wg.Wait()
}
