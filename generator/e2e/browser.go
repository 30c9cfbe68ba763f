//go:build browser

package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Browser is one headless Chromium shared by a test's pages, with a fixed
// pool of tabs: parallel subtests share the machine's cores instead of
// fighting over them, and a page reuses a tab instead of paying for a new one.
type Browser struct {
	ctx  context.Context
	idle chan context.Context   // the tabs not in use, each a chromedp context
	axe  func() (string, error) // axe-core's source, read once

	// downloads is the one folder every tab saves files into. Chromium's
	// download folder is a setting of the whole browser context, so tabs
	// with folders of their own would redirect each other's downloads.
	downloads string
}

// Chromium is one headless Chromium shared by the tests of a test binary.
// Each test gets a browser context of its own in it ([Chromium.Start]):
// its own storage, cookies and download folder, as a browser of its own
// would give, without starting a browser for every test and keeping a
// dozen idle ones running beside the busy ones. Close stops it, from
// TestMain once every test has run.
type Chromium struct {
	once sync.Once
	ctx  context.Context        // the browser's first tab, in its default context
	stop func()                 // closes the browser and removes its profile
	err  error                  // why it did not start
	axe  func() (string, error) // axe-core's source, read once
}

// Start gives the test a new browser context in the shared Chromium, with
// the given number of tabs, starting Chromium the first time. The context
// is closed when the test ends.
func (c *Chromium) Start(t testing.TB, tabs int) *Browser {
	t.Helper()
	c.once.Do(func() {
		c.ctx, c.stop, c.err = launch()
		c.axe = sync.OnceValues(loadAxe)
	})
	if c.err != nil {
		t.Fatal(c.err)
	}
	ctx, cancel := chromedp.NewContext(c.ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(func() {
		if err := chromedp.Cancel(ctx); err != nil {
			cancel()
		}
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("cannot open a browser context: %v", err)
	}
	return newBrowser(t, ctx, tabs, c.axe)
}

// Close stops the shared Chromium, if it was started.
func (c *Chromium) Close() {
	if c.stop != nil {
		c.stop()
	}
}

// Start starts a headless Chromium of the test's own (Debian's chromium,
// found on PATH) with the given number of tabs, and stops it when the test
// ends. Tests that need no browser of their own share one ([Chromium]).
func Start(t testing.TB, tabs int) *Browser {
	t.Helper()
	ctx, stop, err := launch()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return newBrowser(t, ctx, tabs, sync.OnceValues(loadAxe))
}

// newBrowser opens the pool of tabs in the browser context ctx belongs to.
func newBrowser(t testing.TB, ctx context.Context, tabs int, axe func() (string, error)) *Browser {
	t.Helper()
	b := &Browser{ctx: ctx, idle: make(chan context.Context, max(tabs, 1)), axe: axe, downloads: t.TempDir()}
	for range cap(b.idle) {
		tctx, err := b.newTab()
		if err != nil {
			t.Fatalf("cannot open a tab: %v", err)
		}
		b.idle <- tctx
	}
	return b
}

// launch starts headless Chromium and returns its first tab's context and
// a function that closes it and removes its profile folder.
func launch() (context.Context, func(), error) {
	exe, err := chromiumProgram()
	if err != nil {
		return nil, nil, err
	}
	// The profile folder is removed once the browser has closed: removed
	// earlier, while Chromium's helper processes still write to it, the
	// removal fails on a busy machine.
	profile, err := os.MkdirTemp("", "joinedup-chromium-")
	if err != nil {
		return nil, nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
		// Chrome's shared memory in /dev/shm when it has room, which is much
		// cheaper than the files in the temporary folder that chromedp's
		// default (made for small container /dev/shm) asks for.
		chromedp.Flag("disable-dev-shm-usage", !roomyShm()),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	stop := func() {
		// Cancel closes the browser and waits for it to exit.
		if err := chromedp.Cancel(ctx); err != nil {
			cancel()
		}
		cancelAlloc()
		removeProfile(profile)
	}
	if err := chromedp.Do(ctx); err != nil {
		stop()
		return nil, nil, fmt.Errorf("cannot start chromium: %w", err)
	}
	return ctx, stop, nil
}

// chromiumProgram finds the Chromium to test in. Debian's
// chromium-headless-shell comes first: it is Chromium's engine (the same
// Blink and V8, from the same source and version as Debian's chromium)
// without the desktop browser around it, the program Chromium's team keeps
// for automated testing. The browser tests take less than half the time in
// it that they take in the full browser on a two-core machine, because
// each page costs the machine less. The full browser is the fallback.
func chromiumProgram() (string, error) {
	for _, name := range []string{"chromium-headless-shell", "chromium"} {
		if exe, err := exec.LookPath(name); err == nil {
			return exe, nil
		}
	}
	return "", fmt.Errorf("neither chromium-headless-shell nor chromium is installed; run \"make browser-deps\" or \"apt-get install chromium-headless-shell\"")
}

// removeProfile removes a browser's profile folder, trying again for a
// while if a process of the closing browser is still writing to it.
func removeProfile(dir string) {
	for i := 0; i < 20; i++ {
		if os.RemoveAll(dir) == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// roomyShm reports whether /dev/shm has at least 1 GiB free.
func roomyShm() bool {
	var st syscall.Statfs_t
	if err := syscall.Statfs("/dev/shm", &st); err != nil {
		return false
	}
	return st.Bavail*uint64(st.Bsize) >= 1<<30
}

func (b *Browser) newTab() (context.Context, error) {
	tctx, _ := chromedp.NewContext(b.ctx) // ends with the browser
	return tctx, chromedp.Do(tctx)
}

// Options says how to open a page.
type Options struct {
	Width, Height int64  // the viewport; 0 means 1280 by 900
	NoJS          bool   // turn JavaScript off
	Dark          bool   // prefer the dark colour scheme
	Media         string // emulated CSS media type, e.g. "print"; "" means screen
	// BlockStorage makes localStorage throw, as a browser's private mode
	// or a blocked-storage setting can, before any page script runs.
	BlockStorage bool
}

// blockStorage replaces window.localStorage with a getter that throws a
// SecurityError, which is what Chromium does when storage is blocked.
const blockStorage = `Object.defineProperty(window, "localStorage", {configurable: true, get: function () { throw new DOMException("The user denied permission to access the database.", "SecurityError"); }});`

// Tab is one page open in its own tab. It records, from before the page
// starts loading, every console error, uncaught exception, Content Security
// Policy violation, failed request and request that leaves the site.
type Tab struct {
	Page   string // the slash path of the page in the site
	Origin Origin

	browser *Browser
	ctx     context.Context // ends when the tab is closed, stopping its listener
	done    func()

	// script is the id of a script added to every document for this
	// tab's options, removed before the tab goes back to the pool.
	script page.ScriptIdentifier
	noJS   bool // opened with JavaScript off

	mu       sync.Mutex
	requests map[network.RequestID]string
	problems []Problem
}

// Open opens a page of the site in a tab of the pool, waiting for a free
// one, and returns once the page has loaded. Close the tab when done.
func (b *Browser) Open(ctx context.Context, o Origin, page string, opt Options) (*Tab, error) {
	var tctx context.Context
	select {
	case tctx = <-b.idle:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	lctx, stop := context.WithCancel(tctx)
	tab := &Tab{Page: page, Origin: o, browser: b, ctx: lctx, requests: map[network.RequestID]string{}, noJS: opt.NoJS}
	var once sync.Once
	tab.done = func() {
		once.Do(func() {
			stop()
			tab.removeScript(tctx)
			b.release(tctx)
		})
	}
	if err := chromedp.Listen(lctx, tab.event); err != nil {
		tab.done()
		return nil, fmt.Errorf("%s (%s): %w", page, o.Mode, err)
	}
	if err := tab.load(opt); err != nil {
		tab.done()
		return nil, fmt.Errorf("%s (%s): %w", page, o.Mode, err)
	}
	return tab, nil
}

// release puts a tab back in the pool, blank, so that nothing of its last
// page reaches the next; a tab that does not respond is replaced.
func (b *Browser) release(tctx context.Context) {
	if err := chromedp.Do(tctx, chromedp.Navigate("about:blank")); err != nil {
		chromedp.Cancel(tctx)
		if tctx, err = b.newTab(); err != nil {
			// The browser is gone; the next Open reports it.
			tctx = b.ctx
		}
	}
	b.idle <- tctx
}

// Close gives the tab back to the browser's pool.
func (tab *Tab) Close() { tab.done() }

func (tab *Tab) load(opt Options) error {
	w, h := opt.Width, opt.Height
	if w == 0 {
		w, h = 1280, 900
	}
	var features []*emulation.MediaFeature
	if opt.Dark {
		features = append(features, &emulation.MediaFeature{Name: "prefers-color-scheme", Value: "dark"})
	} else {
		features = append(features, &emulation.MediaFeature{Name: "prefers-color-scheme", Value: "light"})
	}
	return chromedp.Do(tab.ctx,
		chromedp.EmulateViewport(w, h),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			if _, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Media: opt.Media, Features: features,
			}); err != nil {
				return err
			}
			if _, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: opt.NoJS}); err != nil {
				return err
			}
			if opt.BlockStorage {
				res, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: blockStorage})
				if err != nil {
					return err
				}
				tab.script = res.Identifier
				return nil
			}
			return nil
		}),
		chromedp.Navigate(tab.Origin.URL(tab.Page)),
	)
}

// scripts turns the page's JavaScript on or off.
func (tab *Tab) scripts(on bool) error {
	return chromedp.Do(tab.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
		return err
	}))
}

// removeScript removes the tab's added script, if any, so the next page
// opened in the pooled tab starts clean.
func (tab *Tab) removeScript(tctx context.Context) {
	if tab.script == "" {
		return
	}
	_ = chromedp.Do(tctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.RemoveScriptToEvaluateOnNewDocument, page.RemoveScriptToEvaluateOnNewDocumentParams{Identifier: tab.script})
		return err
	}))
}

// Context is the tab's chromedp context, for checks the harness does not
// have: chromedp.Run(tab.Context(), ...).
func (tab *Tab) Context() context.Context { return tab.ctx }

// Eval evaluates a JavaScript expression in the page and decodes its value
// (a promise is awaited).
func Eval[T any](tab *Tab, js string) (T, error) {
	return chromedp.Run(tab.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
}

// Problems returns the problems the browser reported so far: console errors,
// exceptions, CSP violations, failed requests and requests leaving the site.
func (tab *Tab) Problems() []Problem {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]Problem(nil), tab.problems...)
}

func (tab *Tab) add(rule, format string, args ...any) {
	tab.problems = append(tab.problems, Problem{Page: tab.Page, Mode: tab.Origin.Mode, Rule: rule, Detail: fmt.Sprintf(format, args...)})
}

// event runs on chromedp's event loop, so it only records.
func (tab *Tab) event(ev any) {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		tab.requests[ev.RequestID] = u
		if _, ok := tab.Origin.Path(u); !ok && !strings.HasPrefix(u, "data:") {
			tab.add("offsite-request", "%s request to %s leaves the site", ev.Type, u)
		}
	case *network.EventLoadingFailed:
		u := tab.requests[ev.RequestID]
		switch {
		case ev.BlockedReason == network.BlockedReasonCsp:
			tab.add("csp", "%s %s blocked by the Content Security Policy", ev.Type, u)
		case ev.BlockedReason != "":
			tab.add("failed-request", "%s %s blocked: %s", ev.Type, u, ev.BlockedReason)
		default:
			tab.add("failed-request", "%s %s failed: %s", ev.Type, u, ev.ErrorText)
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			tab.add("failed-request", "%s %s: HTTP %d", ev.Type, ev.Response.URL, ev.Response.Status)
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			tab.add("console-error", "console.%s(%s)", ev.Type, consoleArgs(ev.Args))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg = d.Exception.Description
		}
		tab.add("js-exception", "%s at %s:%d:%d", msg, d.URL, d.LineNumber+1, d.ColumnNumber+1)
	case *cdplog.EventEntryAdded:
		e := ev.Entry
		if e.Level != cdplog.EntryLevelError {
			return
		}
		switch e.Source {
		case cdplog.EntrySourceNetwork:
			// Also reported by the network events above.
		case cdplog.EntrySourceSecurity, cdplog.EntrySourceViolation:
			if strings.Contains(e.Text, "Content Security Policy") {
				tab.add("csp", "%s", e.Text)
			} else {
				tab.add("console-error", "%s", e.Text)
			}
		default:
			tab.add("console-error", "%s: %s", e.Source, e.Text)
		}
	case *page.EventJavascriptDialogOpening:
		tab.add("dialog", "the page opened a %s dialog: %q", ev.Type, ev.Message)
	}
}

func consoleArgs(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case a.Value != nil:
			parts = append(parts, string(a.Value))
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, ", ")
}
