// Command run is the build benchmark behind "make bench". It writes a
// corpus of each size into a work folder, then builds it with the real
// generator and with the floor, alternately, several times each, and prints
// the medians of wall time, CPU time (user + system) and peak memory (the
// maximum resident set size of the finished process), and the ratios
// generator/floor.
//
// Both programs are given as built binaries, so no compile time is
// measured. Runs alternate (generator first on even rounds, floor first on
// odd ones) so that drift in the machine's load falls on both alike; one
// untimed round per size warms the file cache first. Each run writes into
// an output folder of its own that does not exist yet, so the generator's
// publish step never has an old site to remove, and no output is deleted
// until every run is done (deleting thousands of files slows the file
// creation that follows on some file systems; see size).
//
// Usage:
//
//	run -generator BIN -floor BIN [-templates DIR] [-sizes 1000,10000] [-runs 5,3] [-work DIR]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"joinedup/generator/internal/corpus"
)

func main() {
	gen := flag.String("generator", "", "the generator binary")
	floor := flag.String("floor", "", "the floor binary")
	templates := flag.String("templates", "templates", "the generator's templates folder")
	sizes := flag.String("sizes", "1000,10000", "corpus sizes in pages, comma separated")
	runs := flag.String("runs", "5,3", "timed runs of each program per size, comma separated (the last repeats)")
	work := flag.String("work", "", "folder for corpora and output (a new temporary folder when empty; removed afterwards)")
	seed := flag.Uint64("seed", 1, "corpus seed")
	flag.Parse()
	if *gen == "" || *floor == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: run -generator BIN -floor BIN [-templates DIR] [-sizes N,...] [-runs N,...] [-work DIR]")
		os.Exit(2)
	}
	cfg, err := parseConfig(*gen, *floor, *templates, *sizes, *runs, *work, *seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "run:", err)
		os.Exit(2)
	}
	if err := cfg.run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "run:", err)
		os.Exit(1)
	}
}

type config struct {
	gen, floor, templates string
	sizes, runs           []int
	work                  string
	seed                  uint64
}

func parseConfig(gen, floor, templates, sizes, runs, work string, seed uint64) (config, error) {
	c := config{templates: templates, work: work, seed: seed}
	var err error
	for _, p := range []*string{&gen, &floor, &c.templates} {
		if *p, err = filepath.Abs(*p); err != nil {
			return c, err
		}
	}
	c.gen, c.floor = gen, floor
	if c.sizes, err = ints(sizes); err != nil {
		return c, fmt.Errorf("-sizes: %w", err)
	}
	if c.runs, err = ints(runs); err != nil {
		return c, fmt.Errorf("-runs: %w", err)
	}
	return c, nil
}

func ints(s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a positive number", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// sample is one measured run.
type sample struct {
	wall, cpu, sys time.Duration
	rss            int64 // bytes
}

// result is every run of both programs at one size.
type result struct {
	pages      int
	gen, floor []sample
}

func (c config) run(w io.Writer) error {
	dir := c.work
	if dir == "" {
		d, err := os.MkdirTemp("", "joinedup-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	started := time.Now()
	fmt.Fprintf(w, "machine: %s, %d cores, %s %s/%s\n", cpuModel(), runtime.NumCPU(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(w, "load average at start: %s\n", loadAvg())
	var results []result
	for i, n := range c.sizes {
		runs := c.runs[min(i, len(c.runs)-1)]
		r, err := c.size(w, dir, n, runs)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	fmt.Fprintf(w, "load average at end: %s\n\n", loadAvg())
	// The runs' outputs are removed only now (see size), the corpora kept.
	outs, _ := filepath.Glob(filepath.Join(dir, "out-*"))
	for _, o := range outs {
		if err := os.RemoveAll(o); err != nil {
			return err
		}
	}
	table(w, results)
	fmt.Fprintf(w, "\nbenchmark took %s\n", time.Since(started).Round(time.Second))
	return nil
}

// size measures one corpus size.
func (c config) size(w io.Writer, dir string, pages, runs int) (result, error) {
	src := filepath.Join(dir, fmt.Sprintf("corpus-%d", pages))
	os.RemoveAll(src)
	t := time.Now()
	st, err := corpus.Write(src, corpus.Options{Pages: pages, Seed: c.seed})
	if err != nil {
		return result{}, err
	}
	fmt.Fprintf(w, "%d pages: corpus of %d files, %d words, written in %s; %d runs each\n", pages, st.Files, st.Words, time.Since(t).Round(time.Millisecond), runs)
	// Every run writes into a folder of its own, and none is removed until
	// the benchmark ends. On ext4 without a journal, as on the
	// machine BENCHMARKS.md was measured on, creating files within about
	// half a minute of deleting thousands makes the kernel scan past each
	// recently freed inode: removing one run's output before the next added
	// seconds of system time, at random, to whichever program ran next.
	genCmd := func(out string) *exec.Cmd {
		return exec.Command(c.gen, "build", "-content", src, "-templates", c.templates, "-out", out)
	}
	floorCmd := func(out string) *exec.Cmd { return exec.Command(c.floor, "-content", src, "-out", out) }
	res := result{pages: pages}
	// Round 0 warms the caches and is not counted.
	for round := range runs + 1 {
		order := []string{"generator", "floor"}
		if round%2 == 1 {
			order = []string{"floor", "generator"}
		}
		for _, prog := range order {
			out := filepath.Join(dir, fmt.Sprintf("out-%d-%d-%s", pages, round, prog))
			if err := os.RemoveAll(out); err != nil {
				return res, err
			}
			cmd := genCmd(out)
			if prog == "floor" {
				cmd = floorCmd(out)
			}
			s, err := measure(cmd)
			if err != nil {
				return res, fmt.Errorf("%s at %d pages: %w", prog, pages, err)
			}
			if round == 0 {
				continue
			}
			fmt.Fprintf(w, "  run %d %-9s wall %7s  cpu %7s  sys %7s  peak %s\n", round, prog, ms(s.wall), ms(s.cpu), ms(s.sys), mib(s.rss))
			if prog == "floor" {
				res.floor = append(res.floor, s)
			} else {
				res.gen = append(res.gen, s)
			}
		}
	}
	return res, nil
}

// measure runs cmd to completion and reads its resource use.
func measure(cmd *exec.Cmd) (sample, error) {
	var stderr bytes.Buffer
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%v\n%s", err, stderr.Bytes())
	}
	ps := cmd.ProcessState
	s := sample{wall: wall, cpu: ps.UserTime() + ps.SystemTime(), sys: ps.SystemTime()}
	s.rss = peakRSS(ps)
	return s, nil
}

func median[T int64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// medians of one program's runs.
func medians(ss []sample) (wall, cpu time.Duration, rss int64) {
	var ws, cs []time.Duration
	var rs []int64
	for _, s := range ss {
		ws, cs, rs = append(ws, s.wall), append(cs, s.cpu), append(rs, s.rss)
	}
	return median(ws), median(cs), median(rs)
}

// medianSys is the median system CPU time of one program's runs: mostly
// creating files, whose cost on this machine's ext4 grows with the number
// of files deleted in the last minute (see BENCHMARKS.md).
func medianSys(ss []sample) time.Duration {
	var xs []time.Duration
	for _, s := range ss {
		xs = append(xs, s.sys)
	}
	return median(xs)
}

// targets are the goals from the project's performance issue.
const (
	maxRatioSmall = 1.3 // generator/floor wall at the smallest size
	maxRatioLarge = 1.5 // at the largest
	maxRSSLarge   = 400 << 20
	maxGrowth     = 11.0 // wall(largest)/wall(smallest) for 10x the pages
)

func table(w io.Writer, results []result) {
	fmt.Fprintln(w, "| pages | program | wall (median) | CPU user+sys (median) | of which sys (median) | peak RSS (median) | wall ratio gen/floor | CPU ratio gen/floor |")
	fmt.Fprintln(w, "|---:|---|---:|---:|---:|---:|---:|---:|")
	for _, r := range results {
		gw, gc, gr := medians(r.gen)
		fw, fc, fr := medians(r.floor)
		fmt.Fprintf(w, "| %d | generator | %s | %s | %s | %s | %.2f | %.2f |\n", r.pages, ms(gw), ms(gc), ms(medianSys(r.gen)), mib(gr), ratio(gw, fw), ratio(gc, fc))
		fmt.Fprintf(w, "| %d | floor | %s | %s | %s | %s | | |\n", r.pages, ms(fw), ms(fc), ms(medianSys(r.floor)), mib(fr))
	}
	if len(results) < 2 {
		return
	}
	small, large := results[0], results[len(results)-1]
	sw, _, _ := medians(small.gen)
	lw, _, lr := medians(large.gen)
	sf, _, _ := medians(small.floor)
	lf, _, _ := medians(large.floor)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| target | measured | goal | met |")
	fmt.Fprintln(w, "|---|---:|---:|---|")
	check := func(name string, got, goal float64, unit string) {
		fmt.Fprintf(w, "| %s | %.2f%s | <= %.2f%s | %s |\n", name, got, unit, goal, unit, yesNo(got <= goal))
	}
	check(fmt.Sprintf("wall ratio gen/floor at %d pages", small.pages), ratio(sw, sf), maxRatioSmall, "")
	check(fmt.Sprintf("wall ratio gen/floor at %d pages", large.pages), ratio(lw, lf), maxRatioLarge, "")
	check(fmt.Sprintf("generator peak RSS at %d pages", large.pages), float64(lr)/(1<<20), maxRSSLarge/(1<<20), " MiB")
	growth := float64(large.pages) / float64(small.pages)
	check(fmt.Sprintf("generator wall %d pages / %d pages", large.pages, small.pages), ratio(lw, sw), maxGrowth*growth/10, "x")
}

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func yesNo(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}

func ms(d time.Duration) string { return fmt.Sprintf("%d ms", d.Milliseconds()) }

func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

// cpuModel names the processor, for the record of where figures came from.
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}

// loadAvg is the 1, 5 and 15 minute load averages: other work on the
// machine shows up in wall times, so the table records it.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
