package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"joinedup/generator/internal/corpus"
)

// TestInterruptedCommands runs the real program on a site of a few
// thousand pages and stops it with SIGINT or SIGTERM at many moments of
// build, check and serve. Each time it must stop cleanly: no panic, a
// non-zero exit (unless it had already finished), the output exactly as it
// was or else the complete new site, and no staging or temporary folder
// left behind, beside the output or in the temporary folder.
//
// It runs real processes, so the race detector has nothing to see in it:
// make test-long runs it, without -short.
func TestInterruptedCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 2,000-page site many times; make test-long runs it")
	}
	work := t.TempDir()
	bin := filepath.Join(work, "joinedup")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	content := filepath.Join(work, "content")
	if _, err := corpus.Write(content, corpus.Options{Pages: 2000, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	linkAhead(t, content)
	templates, _ := filepath.Abs(filepath.Join("..", "templates"))
	site := filepath.Join(work, "site")
	if err := os.Mkdir(site, 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(work, "tmp") // the temporary folder serve uses
	os.Mkdir(tmp, 0o755)
	cmd := func(args ...string) *exec.Cmd {
		c := exec.Command(bin, append(args, "-content", content, "-templates", templates)...)
		c.Dir = site
		c.Env = append(os.Environ(), "TMPDIR="+tmp)
		return c
	}
	// How long each command takes, timed once the files are in the page
	// cache (the first build reads them from disk): the moments to stop
	// it at are spread over that, so that most runs are really stopped on
	// a quiet machine too.
	took := map[string]time.Duration{}
	for _, command := range []string{"build", "build", "check"} {
		start := time.Now()
		if out, err := cmd(command).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", command, err, out)
		}
		took[command] = time.Since(start)
	}
	full := took["build"]
	old := treeSum(t, filepath.Join(site, "public"))
	// Edit a page so that a build that finishes gives a different site.
	page := filepath.Join(content, "section-00", "page-0000.md")
	b, _ := os.ReadFile(page)
	os.WriteFile(page, append(b, "\nAn edit.\n"...), 0o644)

	sigs := []syscall.Signal{syscall.SIGINT, syscall.SIGTERM}
	var newSum string
	stopped := 0
	const points = 6
	for i := range points {
		for _, command := range []string{"build", "check"} {
			at := time.Duration(i+1) * took[command] / (points - 1) // from early on to just past the end
			sig := sigs[i%2]
			c := cmd(command)
			var stderr bytes.Buffer
			c.Stderr = &stderr
			began := time.Now()
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(at)
			c.Process.Signal(sig)
			err := c.Wait()
			code := c.ProcessState.ExitCode()
			if code == 0 {
				// It finished first: the machine is faster now than when
				// it was timed, so the later points move earlier.
				took[command] = min(took[command], time.Since(began))
			}
			where := command + " stopped by " + sig.String() + " after " + at.Round(time.Millisecond).String()
			if strings.Contains(stderr.String(), "panic") || strings.Contains(stderr.String(), "goroutine ") {
				t.Errorf("%s: it panicked:\n%s", where, stderr.String())
			}
			if err != nil && code <= 0 {
				t.Errorf("%s: %v", where, err)
			}
			now := treeSum(t, filepath.Join(site, "public"))
			switch {
			case now == old:
			case code == 0 && command == "build":
				// It had finished: the new site must be whole, and the
				// same each time.
				if newSum == "" {
					newSum = now
				} else if now != newSum {
					t.Errorf("%s: exit 0 but the output is neither the old nor the new site", where)
				}
				old = now
			default:
				t.Errorf("%s: exit %d and the output changed", where, code)
			}
			if code != 0 {
				stopped++
				if code != 128+int(sig) {
					t.Errorf("%s: exit %d; want %d, as shells expect of a command a signal stopped", where, code, 128+int(sig))
				}
			}
			checkNoLeftovers(t, where, site, tmp)
		}
	}
	if stopped < points/2+1 {
		t.Errorf("only %d of %d runs were stopped before they finished; the test is not interrupting them", stopped, 2*points)
	}
	// serve: interrupted while it builds the site for the first time.
	for i := range 2 {
		at := time.Duration(i+1) * full / 3
		c := cmd("serve", "-port", "0")
		var stderr bytes.Buffer
		c.Stderr = &stderr
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(at)
		c.Process.Signal(sigs[i%2])
		done := make(chan error, 1)
		go func() { done <- c.Wait() }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			c.Process.Kill()
			t.Fatalf("serve did not stop within 30 s of %s", sigs[i%2])
		}
		where := "serve stopped by " + sigs[i%2].String() + " after " + at.Round(time.Millisecond).String()
		if strings.Contains(stderr.String(), "panic") {
			t.Errorf("%s: it panicked:\n%s", where, stderr.String())
		}
		if strings.Contains(stderr.String(), "context canceled") {
			t.Errorf("%s: it reported its own stopping as a problem:\n%s", where, stderr.String())
		}
		checkNoLeftovers(t, where, site, tmp)
	}
	// A build killed outright leaves its staging folder; the next build
	// removes it.
	c := cmd("build")
	c.Start()
	time.Sleep(full / 2)
	c.Process.Kill()
	c.Wait()
	if out, err := cmd("build").CombinedOutput(); err != nil {
		t.Fatalf("build after a killed build: %v\n%s", err, out)
	}
	checkNoLeftovers(t, "build after a killed build", site, tmp)
}

// checkNoLeftovers fails when anything but public/ is beside the output,
// or anything at all is in the temporary folder.
func checkNoLeftovers(t *testing.T, where, site, tmp string) {
	t.Helper()
	for _, dir := range []string{site, tmp} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if dir == site && e.Name() == "public" {
				continue
			}
			t.Errorf("%s: %s left in %s", where, e.Name(), dir)
		}
	}
}

// treeSum is a checksum of every file below dir, with its path.
func treeSum(t *testing.T, dir string) string {
	t.Helper()
	var names []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		h.Write([]byte(n + "\x00"))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// linkAhead gives every corpus page a heading and a link to the heading of
// the next page in its folder, as real guidance links to sections of other
// pages: an interrupted build then holds links to pages it never
// converted, which once made it panic.
func linkAhead(t *testing.T, content string) {
	t.Helper()
	pages, _ := filepath.Glob(filepath.Join(content, "*", "page-*.md"))
	sort.Strings(pages)
	for i, p := range pages {
		next := pages[(i+1)%len(pages)]
		rel, _ := filepath.Rel(filepath.Dir(p), next)
		f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(f, "\n## Read on\n\nSee [what comes next](%s#read-on).\n", filepath.ToSlash(rel))
		f.Close()
	}
}
