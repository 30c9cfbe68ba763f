package devserver

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/pipeline"
)

// writeTree writes files (slash paths) below dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const secret = "SECRET-OUTSIDE-THE-SITE"

// servedSite publishes a small hand-made build, with symbolic links both
// inside the tree and out of it, next to a secret file that must never be
// served.
func servedSite(t *testing.T) *Server {
	t.Helper()
	parent := t.TempDir()
	site := filepath.Join(parent, "site")
	writeTree(t, parent, map[string]string{
		"secret.txt":         secret,
		"outside/secret.txt": secret,
		"site/index.html":    "<!DOCTYPE html><html><head><title>Home</title></head><body>home</body></html>",
		"site/a/index.html":  "<html><head></head><body>section a</body></html>",
		"site/a/page.html":   "<html><HEAD></HEAD><body>page</body></html>",
		"site/404.html":      "<html><head></head><body>not found page</body></html>",
		"site/assets/s.css":  "body{}",
		"site/assets/s.js":   "void 0;",
		"site/sitemap.xml":   "<urlset/>",
		"site/img.svg":       "<svg/>",
		"site/data.bin":      "\x00\x01",
	})
	for link, target := range map[string]string{
		"out":         "../outside",
		"outfile.txt": "../secret.txt",
		"abs.txt":     filepath.Join(parent, "secret.txt"),
		"inlink.html": "a/page.html",
	} {
		if err := os.Symlink(target, filepath.Join(site, link)); err != nil {
			t.Fatal(err)
		}
	}
	s := New()
	if err := s.Publish(site, nil); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

func get(s http.Handler, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodGet, target, nil)
	r.Host = "localhost:1313"
	s.ServeHTTP(rec, r)
	return rec
}

// TestPaths checks which requests are served, refused (400) or not found
// (404); nothing outside the build folder is ever served.
func TestPaths(t *testing.T) {
	s := servedSite(t)
	tests := []struct {
		target   string
		code     int
		contains string
	}{
		{"/", 200, "home"},
		{"/index.html", 200, "home"},
		{"/a/", 200, "section a"},
		{"/a/page.html", 200, "page"},
		{"/a/page.html?x=1", 200, "page"},
		{"/inlink.html", 200, "page"}, // a link inside the tree is fine
		{"/a/./page.html", 200, "page"},
		{"/missing.html", 404, "not found page"},
		{"/a/missing/", 404, "not found page"},
		// Traversal, plain and encoded.
		{"/../secret.txt", 400, ""},
		{"/a/../../secret.txt", 400, ""},
		{"/a/../index.html", 400, ""},
		{"/%2e%2e/secret.txt", 400, ""},
		{"/%2E%2E/%2E%2E/secret.txt", 400, ""},
		{"/a%2f..%2f..%2fsecret.txt", 400, ""},
		{"/a%2F..%2F..%2Fsecret.txt", 400, ""},
		{"/..%5csecret.txt", 400, ""},
		{"/..%5Csecret.txt", 400, ""},
		{`/a\..\..\secret.txt`, 400, ""},
		{"/%00", 400, ""},
		{"/index.html%00.txt", 400, ""},
		{"/%252e%252e/secret.txt", 404, ""}, // double-encoded: a strange name, not a step up
		{"//secret.txt", 404, ""},
		{"/..;/secret.txt", 404, ""},
		// Symbolic links out of the tree.
		{"/out/secret.txt", 404, ""},
		{"/outfile.txt", 404, ""},
		{"/abs.txt", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			rec := get(s, tt.target)
			body := rec.Body.String()
			if rec.Code != tt.code {
				t.Errorf("GET %s = %d; want %d (body %.80q)", tt.target, rec.Code, tt.code, body)
			}
			if strings.Contains(body, secret) {
				t.Errorf("GET %s served the file outside the site", tt.target)
			}
			if !strings.Contains(body, tt.contains) {
				t.Errorf("GET %s = %.120q; want it to contain %q", tt.target, body, tt.contains)
			}
		})
	}
}

func TestFolderRedirect(t *testing.T) {
	s := servedSite(t)
	tests := []struct{ target, location string }{
		{"/a", "/a/"},
		{"/a?q=1", "/a/?q=1"},
		{"//a", "/a/"},
		{"/./a", "/a/"},
	}
	for _, tt := range tests {
		rec := get(s, tt.target)
		if rec.Code != http.StatusFound || rec.Header().Get("Location") != tt.location {
			t.Errorf("GET %s = %d Location %q; want 302 %q", tt.target, rec.Code, rec.Header().Get("Location"), tt.location)
		}
	}
}

// TestHeaders checks content types and the headers every response has.
func TestHeaders(t *testing.T) {
	s := servedSite(t)
	tests := []struct{ target, ctype string }{
		{"/", "text/html; charset=utf-8"},
		{"/missing.html", "text/html; charset=utf-8"},
		{"/assets/s.css", "text/css; charset=utf-8"},
		{"/assets/s.js", "text/javascript; charset=utf-8"},
		{"/sitemap.xml", "application/xml; charset=utf-8"},
		{"/img.svg", "image/svg+xml"},
		{"/data.bin", "application/octet-stream"},
		{"/_joinedup/livereload.js", "text/javascript; charset=utf-8"},
		{"/_joinedup/livereload.css", "text/css; charset=utf-8"},
		{"/../x", "text/plain; charset=utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			h := get(s, tt.target).Header()
			want := map[string]string{
				"Content-Type":            tt.ctype,
				"Cache-Control":           "no-store",
				"Content-Security-Policy": ContentSecurityPolicy,
				"X-Content-Type-Options":  "nosniff",
			}
			for k, v := range want {
				if got := h.Get(k); got != v {
					t.Errorf("GET %s: %s = %q; want %q", tt.target, k, got, v)
				}
			}
		})
	}
}

func TestMethods(t *testing.T) {
	s := servedSite(t)
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, "PROPFIND"} {
		rec := httptest.NewRecorder()
		r := httptest.NewRequest(m, "/", nil)
		r.Host = "localhost"
		s.ServeHTTP(rec, r)
		if rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s / = %d; want 405", m, rec.Code)
		}
	}
	rec := httptest.NewRecorder()
	head := httptest.NewRequest(http.MethodHead, "/", nil)
	head.Host = "localhost"
	s.ServeHTTP(rec, head)
	if rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("Content-Length") == "" {
		t.Errorf("HEAD / = %d, %d bytes, Content-Length %q; want 200, no body, a length", rec.Code, rec.Body.Len(), rec.Header().Get("Content-Length"))
	}
}

func TestInject(t *testing.T) {
	tag := `<script src="/_joinedup/livereload.js" data-build="b&lt;1"></script>` + "\n"
	tests := []struct{ in, want string }{
		{"<html><head><title>x</title></head><body></body></html>", "<html><head><title>x</title>" + tag + "</head><body></body></html>"},
		{"<HTML><HEAD></HEAD></HTML>", "<HTML><HEAD>" + tag + "</HEAD></HTML>"},
		{"<p>fragment</p>", "<p>fragment</p>" + tag},
	}
	for _, tt := range tests {
		if got := string(inject([]byte(tt.in), "b<1")); got != tt.want {
			t.Errorf("inject(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestExplain(t *testing.T) {
	src := "---\ntitle: x\nbogus: 1\n---\n\tbody [link](x.md)\n"
	read := func(file string) ([]byte, error) {
		if file == "content/a.md" {
			return []byte(src), nil
		}
		return nil, os.ErrNotExist
	}
	list := diag.List{
		{Pos: diag.Pos{File: "content/a.md", Line: 3, Col: 1}, Msg: "unknown field"},
		{Pos: diag.Pos{File: "content/a.md", Line: 5, Col: 8}, Msg: "bad link"},
		{Pos: diag.Pos{File: "content/gone.md", Line: 1}, Msg: "no source"},
		{Pos: diag.Pos{File: "content/a.md", Line: 99}, Msg: "past the end"},
	}
	got := Explain(list, read)
	want := []Problem{
		{File: "content/a.md", Line: 3, Col: 1, Pos: "content/a.md:3:1", Msg: "unknown field", Source: []SourceLine{
			{1, "---", false}, {2, "title: x", false}, {3, "bogus: 1", true}, {4, "---", false}, {5, "\tbody [link](x.md)", false}}},
		{File: "content/a.md", Line: 5, Col: 8, Pos: "content/a.md:5:8", Msg: "bad link", Source: []SourceLine{
			{3, "bogus: 1", false}, {4, "---", false}, {5, "\tbody [link](x.md)", true}}},
		{File: "content/gone.md", Line: 1, Pos: "content/gone.md:1", Msg: "no source"},
		{File: "content/a.md", Line: 99, Pos: "content/a.md:99", Msg: "past the end"},
	}
	gb, _ := json.Marshal(got)
	wb, _ := json.Marshal(want)
	if string(gb) != string(wb) {
		t.Errorf("Explain = %s\nwant %s", gb, wb)
	}
	text := FormatText(got[:2])
	wantText := "content/a.md:3:1: unknown field\n    3 | bogus: 1\n      | ^\n" +
		"content/a.md:5:8: bad link\n    5 | \tbody [link](x.md)\n      | \t      ^\n"
	if text != wantText {
		t.Errorf("FormatText = %q; want %q", text, wantText)
	}
	if got := Explain(errors.New("disk full"), read); len(got) != 1 || got[0].Msg != "disk full" || got[0].Pos != "" {
		t.Errorf("Explain(plain error) = %+v; want one problem without a position", got)
	}
}

// event is one parsed server-sent event.
type event struct {
	name string
	st   state
}

// events connects to the server's event stream and returns its events.
func events(t testing.TB, ctx context.Context, url string) <-chan event {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url+Reserved+"events", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type = %q; want text/event-stream", ct)
	}
	out := make(chan event, 64)
	go func() {
		defer resp.Body.Close()
		defer close(out)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<24)
		var ev event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev.st); err != nil {
					t.Errorf("event data %q: %v", line, err)
				}
			case line == "" && ev.name != "":
				out <- ev
				ev = event{}
			}
		}
	}()
	return out
}

func next(t testing.TB, evs <-chan event) state {
	t.Helper()
	select {
	case ev, ok := <-evs:
		if !ok {
			t.Fatal("event stream ended")
		}
		if ev.name != "state" {
			t.Fatalf("event %q; want state", ev.name)
		}
		return ev.st
	case <-time.After(20 * time.Second):
		t.Fatal("no event within 20s")
	}
	return state{}
}

// TestRebuilds drives a Builder through a good build, an edit, a broken
// edit and its fix, checking what is served and what the event stream
// says at each step.
func TestRebuilds(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	dir := t.TempDir()
	writeCorpus(t, dir, 25)
	srv := New()
	b, err := NewBuilder(options(t, dir), srv, "")
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	defer srv.Close()
	defer b.Close()

	fetch := func(path string) (int, string) {
		t.Helper()
		resp, err := http.Get(hs.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}

	// Before any build: the no-build page, with the script.
	if code, body := fetch("/"); code != http.StatusServiceUnavailable || !strings.Contains(body, "livereload.js") {
		t.Errorf("GET / before a build = %d %.200q; want 503 with the live-reload script", code, body)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	evs := events(t, ctx, hs.URL)
	if st := next(t, evs); st.Build != "" || len(st.Problems) != 0 {
		t.Fatalf("first state = %+v; want no build, no problems", st)
	}

	if o := b.Build(ctx); o.Problems != nil {
		t.Fatalf("first build: %s", FormatText(o.Problems))
	}
	first := next(t, evs)
	if first.Build == "" || len(first.Problems) != 0 {
		t.Fatalf("state after a good build = %+v; want a build, no problems", first)
	}
	const pagePath = "/s0/u0/p0.html"
	code, body := fetch(pagePath)
	if code != 200 || !strings.Contains(body, "First version.") {
		t.Fatalf("GET %s = %d; want 200 with the first version", pagePath, code)
	}
	scripts := regexp.MustCompile(`<script src="/_joinedup/livereload.js" data-build="([^"]+)"></script>`).FindAllStringSubmatch(body, -1)
	if len(scripts) != 1 || scripts[0][1] != first.Build {
		t.Errorf("live-reload scripts in the page = %q; want one, for build %s", scripts, first.Build)
	}
	// The header carries the same policy as the page's meta tag.
	meta := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`).FindStringSubmatch(body)
	if meta == nil || strings.ReplaceAll(meta[1], "&#39;", "'") != ContentSecurityPolicy {
		t.Errorf("page CSP meta = %q; want %q (keep ContentSecurityPolicy in step with templates/base.html)", meta, ContentSecurityPolicy)
	}
	// Nothing written to disk has the script: only served responses do.
	assertNoScript(t, srv.Current())
	firstDir := srv.Current()

	// An edit: a new build, the old folder removed.
	writeTree(t, dir, map[string]string{"s0/u0/p0.md": page("Page 0.0", "Second version.")})
	if o := b.Build(ctx); o.Problems != nil {
		t.Fatalf("second build: %s", FormatText(o.Problems))
	}
	second := next(t, evs)
	if second.Build == first.Build || second.Build == "" {
		t.Errorf("state after an edit = %+v; want a new build (was %s)", second, first.Build)
	}
	if _, err := os.Stat(firstDir); !os.IsNotExist(err) {
		t.Errorf("the first build's folder %s is still there after the swap (err %v)", firstDir, err)
	}
	if _, body := fetch(pagePath); !strings.Contains(body, "Second version.") {
		t.Errorf("GET %s after an edit lacks the second version", pagePath)
	}

	// A broken edit: bad front matter and a link to a missing anchor.
	writeTree(t, dir, map[string]string{"s0/u0/p0.md": "---\ntitle: Page\nbogus: 1\n---\nThird version, [broken](p1.md#nowhere).\n"})
	o := b.Build(ctx)
	if o.Problems == nil {
		t.Fatal("broken build succeeded")
	}
	broken := next(t, evs)
	if broken.Build != second.Build {
		t.Errorf("state after a broken edit names build %s; want the last good one, %s", broken.Build, second.Build)
	}
	wantPos := []string{dir + "/s0/u0/p0.md:3:1", dir + "/s0/u0/p0.md:5:"}
	if len(broken.Problems) != 2 || broken.Problems[0].Pos != wantPos[0] || !strings.HasPrefix(broken.Problems[1].Pos, wantPos[1]) {
		t.Fatalf("problems = %+v; want two, at %q", broken.Problems, wantPos)
	}
	if !strings.Contains(broken.Problems[1].Msg, "nowhere") {
		t.Errorf("problem %q; want the missing anchor named", broken.Problems[1].Msg)
	}
	if p := broken.Problems[0]; len(p.Source) == 0 || !hasHere(p.Source, "bogus: 1") {
		t.Errorf("problem source = %+v; want the line bogus: 1 marked", p.Source)
	}
	// The same problems the build command reports.
	_, err = pipeline.Check(ctx, options(t, dir))
	if got, want := problemPositions(broken.Problems), err.Error(); got != want {
		t.Errorf("serve reports\n%s\nbuild reports\n%s", got, want)
	}
	if code, body := fetch(pagePath); code != 200 || !strings.Contains(body, "Second version.") {
		t.Errorf("GET %s after a broken edit = %d; want 200 with the last good (second) version", pagePath, code)
	}

	// The fix: problems clear, a new build.
	writeTree(t, dir, map[string]string{"s0/u0/p0.md": page("Page 0.0", "Fixed version.")})
	if o := b.Build(ctx); o.Problems != nil {
		t.Fatalf("fixed build: %s", FormatText(o.Problems))
	}
	fixed := next(t, evs)
	if fixed.Build == second.Build || len(fixed.Problems) != 0 {
		t.Errorf("state after the fix = %+v; want a new build and no problems", fixed)
	}
	if _, body := fetch(pagePath); !strings.Contains(body, "Fixed version.") {
		t.Errorf("GET %s after the fix lacks the fixed version", pagePath)
	}

	// Closing ends the stream.
	srv.Close()
	select {
	case _, ok := <-evs:
		if ok {
			t.Error("an event after Close; want the stream to end")
		}
	case <-time.After(10 * time.Second):
		t.Error("the event stream did not end on Close")
	}
}

func hasHere(lines []SourceLine, text string) bool {
	for _, l := range lines {
		if l.Here && l.Text == text {
			return true
		}
	}
	return false
}

func problemPositions(ps []Problem) string {
	var lines []string
	for _, p := range ps {
		lines = append(lines, p.Pos+": "+p.Msg)
	}
	return strings.Join(lines, "\n")
}

func assertNoScript(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), "livereload") || strings.Contains(string(b), Reserved) {
			t.Errorf("%s on disk mentions the live-reload script; only served responses may", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSwapUnderLoad publishes build after build while requests run, and
// checks that every request gets a whole page of one build and that every
// replaced folder is cleaned up once no request reads it.
func TestSwapUnderLoad(t *testing.T) {
	s := New()
	base := t.TempDir()
	var mu sync.Mutex
	cleaned := map[string]bool{}
	publish := func(n int) string {
		dir := filepath.Join(base, fmt.Sprint(n))
		body := fmt.Sprintf("<html><head></head><body>build %d %s end</body></html>", n, strings.Repeat("x", 64<<10))
		writeTree(t, dir, map[string]string{"index.html": body, "a/page.html": body})
		if err := s.Publish(dir, func() { mu.Lock(); cleaned[dir] = true; mu.Unlock() }); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	publish(0)
	hs := httptest.NewServer(s)
	defer hs.Close()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	pageRE := regexp.MustCompile(`^<html><head><script[^>]+></script>\n</head><body>build \d+ x+ end</body></html>$`)
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				for _, p := range []string{"/", "/a/page.html"} {
					resp, err := http.Get(hs.URL + p)
					if err != nil {
						t.Error(err)
						return
					}
					body, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 || !pageRE.Match(body) {
						t.Errorf("GET %s during swaps = %d, %d bytes; want 200 and one whole build's page", p, resp.StatusCode, len(body))
						return
					}
				}
			}
		})
	}
	var dirs []string
	for n := 1; n <= 30; n++ {
		dirs = append(dirs, publish(n))
		time.Sleep(2 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	mu.Lock()
	for _, d := range dirs[:len(dirs)-1] {
		if !cleaned[d] {
			t.Errorf("folder %s was replaced but never cleaned up", d)
		}
	}
	if last := dirs[len(dirs)-1]; cleaned[last] {
		t.Errorf("the folder in service %s was cleaned up", last)
	}
	mu.Unlock()
	s.Close()
	mu.Lock()
	defer mu.Unlock()
	if !cleaned[dirs[len(dirs)-1]] {
		t.Error("Close did not clean up the folder in service")
	}
}

// TestRetireWaitsForReaders checks that a replaced build stays on disk
// while a request is still reading it.
func TestRetireWaitsForReaders(t *testing.T) {
	s := New()
	cleaned := 0
	a, b := t.TempDir(), t.TempDir()
	if err := s.Publish(a, func() { cleaned++ }); err != nil {
		t.Fatal(err)
	}
	g := s.acquire()
	if err := s.Publish(b, nil); err != nil {
		t.Fatal(err)
	}
	if cleaned != 0 {
		t.Fatal("build cleaned up while a request was reading it")
	}
	s.release(g)
	if cleaned != 1 {
		t.Errorf("cleanups after the last reader = %d; want 1", cleaned)
	}
	s.Close()
}

// TestShutdown checks that stopping the server and builder leaves no
// build folder and no goroutine behind, even with a browser connected.
func TestShutdown(t *testing.T) {
	before := runtime.NumGoroutine()
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dir := t.TempDir()
	writeCorpus(t, dir, 5)
	srv := New()
	b, err := NewBuilder(options(t, dir), srv, "")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for range 3 {
		if o := b.Build(ctx); o.Problems != nil {
			t.Fatal(FormatText(o.Problems))
		}
	}
	hs := httptest.NewUnstartedServer(srv)
	hs.Config.RegisterOnShutdown(srv.Close)
	hs.Start()
	ectx, cancel := context.WithCancel(ctx)
	defer cancel()
	evs := events(t, ectx, hs.URL)
	next(t, evs)

	sctx, scancel := context.WithTimeout(ctx, 10*time.Second)
	defer scancel()
	if err := hs.Config.Shutdown(sctx); err != nil {
		t.Errorf("Shutdown = %v; want nil (event streams must end)", err)
	}
	hs.Close()
	srv.Close()
	if err := b.Close(); err != nil {
		t.Errorf("Builder.Close = %v", err)
	}
	entries, _ := os.ReadDir(tmp)
	if len(entries) != 0 {
		t.Errorf("left in the temporary folder: %v", entries)
	}
	http.DefaultClient.CloseIdleConnections()
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("goroutines = %d; want %d\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestWatchAndRebuild runs what serve runs (watcher, builder, server) and
// checks that a save is served after the reload event, and that a folder
// created while serving is built and watched.
func TestWatchAndRebuild(t *testing.T) {
	site := live(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	evs := events(t, ctx, site.url)
	build := next(t, evs).Build
	// waitBuild waits for a state naming a build other than the last.
	waitBuild := func(what string) {
		t.Helper()
		for {
			st := next(t, evs)
			if len(st.Problems) > 0 {
				t.Fatalf("%s: problems %+v", what, st.Problems)
			}
			if st.Build != build {
				build = st.Build
				return
			}
		}
	}
	body := func(path string) string {
		t.Helper()
		resp, err := http.Get(site.url + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return fmt.Sprintf("%d %s", resp.StatusCode, b)
	}

	site.write(t, "s0/u0/p0.md", page("Page 0.0", "Edited while serving."))
	waitBuild("edit")
	if got := body("/s0/u0/p0.html"); !strings.Contains(got, "Edited while serving.") {
		t.Errorf("GET after the reload event = %.100q; want the edit", got)
	}

	if err := os.MkdirAll(filepath.Join(site.dir, "s1", "fresh"), 0o755); err != nil {
		t.Fatal(err)
	}
	site.write(t, "s1/fresh/_index.md", "---\ntitle: Fresh\n---\nA fresh folder.\n")
	site.write(t, "s1/fresh/page.md", page("Fresh page", "Made in a new folder."))
	waitBuild("new folder")
	if got := body("/s1/fresh/page.html"); !strings.HasPrefix(got, "200 ") || !strings.Contains(got, "Made in a new folder.") {
		t.Errorf("GET the new folder's page = %.100q; want it served", got)
	}
	site.write(t, "s1/fresh/page.md", page("Fresh page", "Edited in the new folder."))
	waitBuild("edit in the new folder")
	if got := body("/s1/fresh/page.html"); !strings.Contains(got, "Edited in the new folder.") {
		t.Errorf("GET after editing in the new folder = %.100q; want the edit (is the folder watched?)", got)
	}
}

// TestHostHeader: the server answers to its address and to localhost, and
// refuses other names, which DNS rebinding would use to read it from
// another site's page.
func TestHostHeader(t *testing.T) {
	s := New()
	defer s.Close()
	tests := []struct {
		host string
		want int
	}{
		{"127.0.0.1:1313", http.StatusServiceUnavailable},
		{"localhost:1313", http.StatusServiceUnavailable},
		{"LOCALHOST.", http.StatusServiceUnavailable},
		{"[::1]:1313", http.StatusServiceUnavailable},
		{"app.localhost:1313", http.StatusServiceUnavailable},
		{"192.168.1.20:1313", http.StatusServiceUnavailable},
		{"attacker.example:1313", http.StatusMisdirectedRequest},
		{"localhost.attacker.example", http.StatusMisdirectedRequest},
		{"", http.StatusMisdirectedRequest},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = tt.host
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != tt.want {
			t.Errorf("Host %q: status %d; want %d", tt.host, w.Code, tt.want)
		}
	}
	// The refusal names the address to use, with the port the server
	// listens on, whatever port (or none) the Host header gave.
	r := httptest.NewRequest("GET", "/", nil)
	r.Host = "attacker.example"
	r = r.WithContext(context.WithValue(r.Context(), http.LocalAddrContextKey, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 4321}))
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if !strings.Contains(w.Body.String(), "http://localhost:4321/") {
		t.Errorf("refusal %q does not name http://localhost:4321/", w.Body.String())
	}
}

// TestCaretPad: the caret counts characters, as the messages' columns do,
// not bytes, so it lines up under accented and other non-ASCII text, and
// gives the characters a terminal shows two cells wide two spaces.
func TestCaretPad(t *testing.T) {
	tests := []struct {
		line string
		col  int
		want string
	}{
		{"abc", 3, "  "},
		{"\tab", 3, "\t "},
		{"café crème [x](y)", 12, strings.Repeat(" ", 11)},
		{"日本語 x", 5, "       "},
		{"😀 [x]", 3, "   "},
		{"한글 x", 4, "     "},
		{"ab", 9, "  "},
	}
	for _, tt := range tests {
		if got := caretPad(tt.line, tt.col); got != tt.want {
			t.Errorf("caretPad(%q, %d) = %q; want %q", tt.line, tt.col, got, tt.want)
		}
	}
}

// TestBasePath: a site whose base_url has a path is served there as well
// as at the root, so that its 404 page, which links from that path, has
// its styles and links in the dev server too.
func TestBasePath(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"index.html":   "<html><head></head><body>home</body></html>",
		"assets/s.css": "body{}",
		"sub/own.html": "<html><head></head><body>a page of its own</body></html>",
	})
	s := New()
	defer s.Close()
	if err := s.PublishAt(dir, "/sub/site/", nil); err != nil {
		t.Fatal(err)
	}
	for target, want := range map[string]string{
		"/assets/s.css":          "body{}",
		"/sub/site/assets/s.css": "body{}",
		"/sub/site/":             "home",
		"/sub/own.html":          "a page of its own",
	} {
		rec := get(s, target)
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), want) {
			t.Errorf("GET %s = %d %q; want 200 with %q", target, rec.Code, rec.Body.String(), want)
		}
	}
}
