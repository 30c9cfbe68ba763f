//go:build browser

package devserver

import (
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserReload edits a page while headless Chromium shows it: a good
// edit reloads the page, a broken one shows the problems over the last good
// page (which stays), and the fix reloads again.
func TestBrowserReload(t *testing.T) {
	exe, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("chromium is not installed (%v)", err)
	}
	dir := live(t)
	url := dir.url + "/s0/u0/p0.html"

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelTimeout()

	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	// wait evaluates js until it is true; a reload in between (which
	// ends any one evaluation) just means trying again.
	wait := func(what, js string) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for {
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
			if err == nil && ok {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("waiting for %s: still false after 30s (last error %v)", what, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	// A mark on the window survives DOM changes but not a reload.
	const marked = `window.joinedupTestMark === true`
	mark := func() {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.joinedupTestMark = true`)); err != nil {
			t.Fatal(err)
		}
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	// The script connects before we edit, or the edit could be missed.
	wait("the event stream", `document.documentElement.getAttribute("data-livereload") === "open"`)
	if got := text("main"); !strings.Contains(got, "First version.") {
		t.Fatalf("page = %q; want the first version", got)
	}
	mark()

	// A good edit reloads the page.
	dir.write(t, "s0/u0/p0.md", page("Page 0.0", "Second version."))
	wait("a reload with the second version", `!(`+marked+`) && document.querySelector("main") && document.querySelector("main").textContent.includes("Second version.")`)
	wait("the event stream", `document.documentElement.getAttribute("data-livereload") === "open"`)
	mark()

	// A broken edit shows the problems over the last good page.
	dir.write(t, "s0/u0/p0.md", "---\ntitle: Page\nbogus: 1\n---\nThird version.\n")
	wait("the problems overlay", `document.querySelector(".joinedup-dev-overlay") !== null`)
	overlay := text(".joinedup-dev-overlay")
	for _, want := range []string{"The site did not build: 1 problem", "p0.md:3:1", `unknown field "bogus"`, "bogus: 1"} {
		if !strings.Contains(overlay, want) {
			t.Errorf("overlay = %q; want it to contain %q", overlay, want)
		}
	}
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](marked)); err != nil || !ok {
		t.Errorf("the page reloaded on a broken build (mark %v, %v); want it kept", ok, err)
	}
	if got := text("main"); !strings.Contains(got, "Second version.") {
		t.Errorf("page under the overlay = %q; want the last good (second) version", got)
	}

	// The fix reloads the page and clears the problems.
	dir.write(t, "s0/u0/p0.md", page("Page 0.0", "Fixed version."))
	wait("a reload with the fixed version", `!(`+marked+`) && document.querySelector("main") && document.querySelector("main").textContent.includes("Fixed version.")`)
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".joinedup-dev-overlay").length`)); err != nil || n != 0 {
		t.Errorf("overlays after the fix = %d (%v); want 0", n, err)
	}
}
