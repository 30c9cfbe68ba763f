package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is an io.Writer safe for the serve command's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serveSite writes a two-page site and returns its content folder.
func serveSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"site.yaml":     "title: Serve test\norganisation: Test org\n",
		"_index.md":     "---\ntitle: Home\n---\nHello from the home page.\n",
		"a/_index.md":   "---\ntitle: Section A\n---\nSection A.\n",
		"a/page.md":     "---\ntitle: A page\n---\nA page.\n",
		"b/_index.md":   "---\ntitle: Section B\n---\nSection B.\n",
		"b/another.md":  "---\ntitle: Another\n---\n[Back](../a/page.md).\n",
		"b/c/_index.md": "---\ntitle: Deep\n---\nDeep.\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var servingRE = regexp.MustCompile(`serving on http://([^/]+)/`)

// startServe runs the serve command until the returned stop is called,
// and returns the address it serves on.
func startServe(t *testing.T, args ...string) (addr string, stop func() (int, string, string)) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr lockedBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, append([]string{"serve"}, args...), &stdout, &stderr) }()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if m := servingRE.FindStringSubmatch(stdout.String()); m != nil {
			addr = m[1]
			break
		}
		select {
		case code := <-done:
			cancel()
			t.Fatalf("serve exited with %d before serving\nstdout: %s\nstderr: %s", code, stdout.String(), stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve did not start within 30s\nstdout: %s\nstderr: %s", stdout.String(), stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	stopped := false
	stop = func() (int, string, string) {
		stopped = true
		cancel()
		select {
		case code := <-done:
			return code, stdout.String(), stderr.String()
		case <-time.After(20 * time.Second):
			t.Fatal("serve did not stop within 20s of its context ending")
			return 0, "", ""
		}
	}
	t.Cleanup(func() {
		if !stopped {
			stop()
		}
	})
	return addr, stop
}

// TestServeLoopbackAndCleanStop checks that serve binds the loopback
// address by default, serves the site, and on stopping removes its build
// folders.
func TestServeLoopbackAndCleanStop(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	content := serveSite(t)
	addr, stop := startServe(t, "-content", content, "-templates", "../templates", "-port", "0")
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	if host != "127.0.0.1" {
		t.Errorf("serve listens on %s; want 127.0.0.1 (loopback only by default)", host)
	}
	resp, err := http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Hello from the home page.") {
		t.Errorf("GET / = %d; want 200 with the home page", resp.StatusCode)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 1 {
		t.Errorf("temporary folder while serving holds %v; want one folder of builds", entries)
	}
	code, stdout, stderr := stop()
	if code != 0 {
		t.Errorf("serve exit status = %d; want 0\nstderr: %s", code, stderr)
	}
	if !strings.Contains(stdout, "stopped") {
		t.Errorf("serve output %q; want it to say it stopped", stdout)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("left in the temporary folder after stopping: %v", entries)
	}
	if _, err := http.Get("http://" + addr + "/"); err == nil {
		t.Error("the server still answers after stopping")
	}
}

// TestServeBindLocalhost: -bind takes the name localhost as well as an
// address.
func TestServeBindLocalhost(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	addr, stop := startServe(t, "-content", serveSite(t), "-templates", "../templates", "-port", "0", "-bind", "localhost")
	if host, _, _ := net.SplitHostPort(addr); host != "127.0.0.1" {
		t.Errorf("serve -bind localhost listens on %s; want 127.0.0.1", host)
	}
	if code, _, stderr := stop(); code != 0 {
		t.Errorf("serve exit status = %d; want 0\nstderr: %s", code, stderr)
	}
}

// TestServeCommandLine checks the command line's errors.
func TestServeCommandLine(t *testing.T) {
	content := serveSite(t)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	busyPort := strconv.Itoa(busy.Addr().(*net.TCPAddr).Port)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"port taken", []string{"-port", busyPort}, 1, "port " + busyPort + " on 127.0.0.1 is already in use"},
		{"bad port", []string{"-port", "70000"}, 2, "not a port number"},
		{"bad address", []string{"-bind", "localhost:80"}, 2, "not an IP address"},
		{"arguments", []string{"extra"}, 2, "takes no arguments"},
		{"missing content", []string{"-content", filepath.Join(content, "nope")}, 2, "folder not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append([]string{"serve", "-content", content, "-templates", "../templates"}, tt.args...)
			code := run(context.Background(), args, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("run(%q) = %d, stderr %q; want %d and %q", args, code, stderr.String(), tt.code, tt.want)
			}
		})
	}
}
