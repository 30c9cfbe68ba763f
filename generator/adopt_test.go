package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOnlyTheBinary is a new user's first minutes: with nothing but the
// program, in an empty folder far from the repository, joinedup new
// oursite, cd oursite, joinedup serve; the browser gets the full site.
func TestOnlyTheBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	home := t.TempDir()
	bin := filepath.Join(home, "joinedup")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := func(dir string, args ...string) *exec.Cmd {
		c := exec.Command(bin, args...)
		c.Dir = dir
		c.Env = append(os.Environ(), "TMPDIR="+t.TempDir())
		return c
	}
	if out, err := cmd(home, "new", "oursite").CombinedOutput(); err != nil {
		t.Fatalf("joinedup new oursite: %v\n%s", err, out)
	}
	site := filepath.Join(home, "oursite")
	serve := cmd(site, "serve", "-port", "0")
	stdout, err := serve.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	serve.Stderr = io.Discard
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	defer serve.Process.Kill()
	addr := make(chan string, 1)
	go func() {
		lines := bufio.NewScanner(stdout)
		for lines.Scan() {
			if m := servingRE.FindStringSubmatch(lines.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a + "/"
	case <-time.After(60 * time.Second):
		t.Fatal("joinedup serve did not start within 60s")
	}
	for page, want := range map[string]string{
		"":                                  "Joined-up working",
		"guidance/partnership-ladder.html":  "partnership ladder",
		"learning/self-assessment.html":     "data-module",
		"assets/site.css":                   "--brand:",
		"training/climbing-the-ladder.html": "session",
		"search/index.html":                 "Search",
		"about/privacy.html":                "joinedup.theme",
		"guidance/consent-and-information-sharing.html": "consent",
	} {
		resp, err := http.Get(base + page)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(strings.ToLower(string(b)), strings.ToLower(want)) {
			t.Errorf("GET /%s = %d; want 200 with %q", page, resp.StatusCode, want)
		}
	}
	serve.Process.Signal(syscall.SIGINT)
	if err := serve.Wait(); err != nil {
		t.Errorf("joinedup serve after Ctrl-C: %v", err)
	}
}

// TestServeDrafts: serve -drafts shows a draft page, marked as a draft;
// serve without it, and build, leave it out, and build has no -drafts.
func TestServeDrafts(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	content := serveSite(t)
	os.WriteFile(filepath.Join(content, "a", "later.md"), []byte("---\ntitle: Later\ndraft: true\n---\nNot yet.\n"), 0o644)
	for _, drafts := range []bool{false, true} {
		args := []string{"-content", content, "-port", "0"}
		if drafts {
			args = append(args, "-drafts")
		}
		addr, stop := startServe(t, args...)
		resp, err := http.Get("http://" + addr + "/a/later.html")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		switch {
		case drafts && (resp.StatusCode != 200 || !strings.Contains(string(b), `<p class="draft-notice"><strong>Draft.</strong>`)):
			t.Errorf("serve -drafts: GET /a/later.html = %d; want the page, marked as a draft", resp.StatusCode)
		case !drafts && resp.StatusCode != 404:
			t.Errorf("serve: GET /a/later.html = %d; want 404", resp.StatusCode)
		}
		if code, _, stderr := stop(); code != 0 {
			t.Errorf("serve stopped with %d\n%s", code, stderr)
		}
	}
	if code, _, stderr := runIn(t, t.TempDir(), "build", "-content", content, "-drafts"); code != 2 || !strings.Contains(stderr, "flag provided but not defined: -drafts") {
		t.Errorf("build -drafts = %d, %q; want a bad flag", code, stderr)
	}
}
