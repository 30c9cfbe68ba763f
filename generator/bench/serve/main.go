// Command serve is the dev server benchmark behind "make bench": how long
// an author waits, after saving, to see the edit in the browser.
//
// For each corpus size it times a full build of the corpus with the real
// generator, then starts its dev server and times:
//
//   - the cold start: from starting serve until it serves the home page,
//     against a full build (the median of three of each, in turn), in
//     wall time and in CPU time;
//   - body edits: a page's Markdown gets a new sentence, and the page is
//     fetched every 2 ms until the sentence is in it;
//   - title edits: a page gets a new title, and its section's page (which
//     lists its pages by title) is fetched until the title is in it;
//   - the whole rebuild: until serve reports it finished (the search
//     index, print pages and the rest written too).
//
// Edits are made one at a time, each after the last rebuild finished, as
// an author saves. It prints the medians and the server's peak memory.
//
// Usage:
//
//	serve -generator BIN [-templates DIR] [-sizes 1000,10000] [-edits 10] [-work DIR]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"joinedup/generator/internal/corpus"
)

func main() {
	gen := flag.String("generator", "", "the generator binary")
	templates := flag.String("templates", "templates", "the generator's templates folder")
	sizes := flag.String("sizes", "1000,10000", "corpus sizes in pages, comma separated")
	edits := flag.Int("edits", 10, "edits of each kind per size")
	work := flag.String("work", "", "folder for corpora and output (a new temporary folder when empty; removed afterwards)")
	flag.Parse()
	if *gen == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: serve -generator BIN [-templates DIR] [-sizes N,...] [-edits N] [-work DIR]")
		os.Exit(2)
	}
	if err := run(*gen, *templates, *sizes, *edits, *work); err != nil {
		fmt.Fprintln(os.Stderr, "serve:", err)
		os.Exit(1)
	}
}

func run(gen, templates, sizes string, edits int, work string) error {
	var err error
	if gen, err = filepath.Abs(gen); err != nil {
		return err
	}
	if templates, err = filepath.Abs(templates); err != nil {
		return err
	}
	if work == "" {
		if work, err = os.MkdirTemp("", "joinedup-serve-bench-"); err != nil {
			return err
		}
		defer os.RemoveAll(work)
	}
	fmt.Println("| pages | full build | serve cold start | body edit shown | title edit shown | whole rebuild | serve peak RSS |")
	fmt.Println("|---:|---:|---:|---:|---:|---:|---:|")
	for f := range strings.SplitSeq(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return fmt.Errorf("-sizes: %q is not a page count", f)
		}
		if err := size(gen, templates, work, n, edits); err != nil {
			return fmt.Errorf("%d pages: %w", n, err)
		}
	}
	return nil
}

// coldRuns is how many full builds and cold starts are timed per size.
const coldRuns = 3

// size measures one corpus size and prints its row.
func size(gen, templates, work string, n, edits int) error {
	content := filepath.Join(work, fmt.Sprintf("corpus-%d", n))
	if _, err := corpus.Write(content, corpus.Options{Pages: n, Seed: 1}); err != nil {
		return err
	}
	// The full build and serve's cold start, in turn, three times each:
	// one run of either can be slowed by other work on the machine.
	var full, fullCPU, cold, coldCPU []time.Duration
	var s *server
	for r := range coldRuns {
		out := filepath.Join(work, fmt.Sprintf("out-%d-%d", n, r))
		start := time.Now()
		build := exec.Command(gen, "build", "-content", content, "-templates", templates, "-out", out)
		if b, err := build.CombinedOutput(); err != nil {
			return fmt.Errorf("build: %v\n%s", err, b)
		}
		full, fullCPU = append(full, time.Since(start)), append(fullCPU, processCPU(build.ProcessState))
		os.RemoveAll(out)
		if s != nil {
			s.stop()
		}
		var err error
		if s, err = startServe(gen, content, templates); err != nil {
			return err
		}
		cold, coldCPU = append(cold, s.cold), append(coldCPU, s.coldCPU)
	}
	defer s.stop()
	var body, title, whole []time.Duration
	for i := range edits {
		page := filepath.Join(content, corpusPage(n, i))
		token := fmt.Sprintf("Edited for the benchmark, number %d.", i)
		shown, done, err := s.edit(page, func(b []byte) []byte { return append(b, "\n\n"+token+"\n"...) }, pageURL(n, i), token)
		if err != nil {
			return err
		}
		body, whole = append(body, shown), append(whole, done)
	}
	for i := range edits {
		page := filepath.Join(content, corpusPage(n, edits+i))
		newTitle := fmt.Sprintf("Retitled for the benchmark %d", i)
		retitle := func(b []byte) []byte {
			return regexp.MustCompile(`(?m)^title: .*$`).ReplaceAll(b, []byte("title: "+strconv.Quote(newTitle)))
		}
		shown, done, err := s.edit(page, retitle, sectionURL(n, edits+i), newTitle)
		if err != nil {
			return err
		}
		title, whole = append(title, shown), append(whole, done)
	}
	fmt.Printf("| %d | %s, CPU %s | %s (%.2fx), CPU %s (%.2fx) | %s | %s | %s | %d MiB |\n", n,
		ms(median(full)), ms(median(fullCPU)), ms(median(cold)), float64(median(cold))/float64(median(full)),
		ms(median(coldCPU)), float64(median(coldCPU))/float64(median(fullCPU)),
		spread(body), spread(title), spread(whole), s.peakRSS()>>20)
	return nil
}

// corpusPage is the source path of the corpus's page i.
func corpusPage(n, i int) string {
	width := max(4, len(strconv.Itoa(n-1)))
	sec := i * corpus.DefaultSections / n
	return fmt.Sprintf("section-%02d/page-%0*d.md", sec, width, i)
}

func pageURL(n, i int) string { return strings.TrimSuffix(corpusPage(n, i), ".md") + ".html" }

func sectionURL(n, i int) string {
	return filepath.ToSlash(filepath.Dir(corpusPage(n, i))) + "/index.html"
}

// server is a running dev server.
type server struct {
	cmd  *exec.Cmd
	base string
	cold time.Duration
	// coldCPU is the CPU time (user and system) serve had used when it
	// first served the home page: unlike the wall time, it does not
	// grow when other work shares the machine.
	coldCPU time.Duration
	lines   chan string // what it prints
}

func startServe(gen, content, templates string) (*server, error) {
	cmd := exec.Command(gen, "serve", "-content", content, "-templates", templates, "-port", "0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, lines: make(chan string, 100)}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			s.lines <- sc.Text()
		}
		close(s.lines)
	}()
	addr := regexp.MustCompile(`serving on (http://[^ ]+/)`)
	for line := range s.lines {
		if m := addr.FindStringSubmatch(line); m != nil {
			s.base = m[1]
			break
		}
	}
	if s.base == "" {
		return nil, fmt.Errorf("serve stopped before it served")
	}
	if err := s.waitFor("index.html", "<html", time.Minute); err != nil {
		return nil, err
	}
	s.cold = time.Since(start)
	s.coldCPU = s.cpu()
	return s, nil
}

// edit changes a file and returns how long until url shows want, and until
// serve reported the rebuild finished.
func (s *server) edit(file string, change func([]byte) []byte, url, want string) (shown, done time.Duration, err error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return 0, 0, err
	}
	start := time.Now()
	if err := os.WriteFile(file, change(b), 0o644); err != nil {
		return 0, 0, err
	}
	if err := s.waitFor(url, want, time.Minute); err != nil {
		return 0, 0, err
	}
	shown = time.Since(start)
	for line := range s.lines {
		if strings.Contains(line, "rebuilt") || strings.Contains(line, " built ") {
			return shown, time.Since(start), nil
		}
	}
	return 0, 0, fmt.Errorf("serve stopped")
}

// waitFor fetches url every 2 ms until its body contains want.
func (s *server) waitFor(url, want string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		resp, err := http.Get(s.base + url)
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 && strings.Contains(string(b), want) {
				return nil
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	return fmt.Errorf("%s did not show %q within %s", url, want, limit)
}

// cpu is the CPU time (user and system) the server has used so far, from
// /proc (0 where there is none).
func (s *server) cpu() time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	// The fields after the command name, which is in parentheses and may
	// hold spaces: utime and stime are the 12th and 13th, in clock ticks
	// (100 a second on Linux).
	_, rest, ok := strings.Cut(string(b), ") ")
	f := strings.Fields(rest)
	if !ok || len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+st) * 10 * time.Millisecond
}

// processCPU is the CPU time (user and system) of a finished process.
func processCPU(p *os.ProcessState) time.Duration {
	return p.UserTime() + p.SystemTime()
}

// peakRSS is the server's peak resident memory so far, in bytes.
func (s *server) peakRSS() int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	m := regexp.MustCompile(`VmHWM:\s+(\d+) kB`).FindSubmatch(b)
	if m == nil {
		return 0
	}
	kb, _ := strconv.ParseInt(string(m[1]), 10, 64)
	return kb << 10
}

func (s *server) stop() {
	s.cmd.Process.Signal(syscall.SIGINT)
	go func() {
		for range s.lines {
		}
	}()
	s.cmd.Wait()
}

func ms(d time.Duration) string { return fmt.Sprintf("%d ms", d.Milliseconds()) }

// spread is the median, with the range.
func spread(ds []time.Duration) string {
	return fmt.Sprintf("%s (%s–%s)", ms(median(ds)), ms(slices.Min(ds)), ms(slices.Max(ds)))
}

// median is the middle of ds (the mean of the middle two when even).
func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 0 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return s[len(s)/2]
}
