//go:build browser

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// Downloads collects the files one tab downloads. Chromium saves each file
// in the browser's download folder under its download id (not its suggested
// name, so two files with one name cannot overwrite each other); Wait finds
// a file by the name the page gave it.
type Downloads struct {
	dir   string
	frame cdp.FrameID // the tab's main frame: downloads other tabs start are not this tab's

	mu    sync.Mutex
	names map[string]string                        // download id -> suggested file name
	state map[string]browser.DownloadProgressState // download id -> last state reported ("" when just begun)
	seen  map[string]bool                          // download ids already returned by Wait
	ready chan struct{}                            // closed and replaced when a download finishes
}

// Downloads lets the tab save files and reports each download it finishes.
// Call it once per tab after Open; the setting lasts until the tab is closed.
func (tab *Tab) Downloads() (*Downloads, error) {
	c := chromedp.FromContext(tab.ctx)
	if c == nil || c.Target == nil {
		return nil, fmt.Errorf("%s (%s): the tab has no target", tab.Page, tab.Origin.Mode)
	}
	d := &Downloads{
		dir:   tab.browser.downloads,
		frame: cdp.FrameID(c.Target.TargetID), // a tab's target id is its main frame's id
		names: map[string]string{}, state: map[string]browser.DownloadProgressState{}, seen: map[string]bool{},
		ready: make(chan struct{}),
	}
	if err := chromedp.Listen(tab.ctx, d.event); err != nil {
		return nil, err
	}
	enabled := true
	_, err := chromedp.Call(tab.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:         browser.SetDownloadBehaviorBehaviorAllowAndName,
		BrowserContextID: c.BrowserContextID, // the test's own context in a shared browser
		DownloadPath:     d.dir,
		EventsEnabled:    &enabled,
	})
	if err != nil {
		return nil, fmt.Errorf("%s (%s): allowing downloads: %w", tab.Page, tab.Origin.Mode, err)
	}
	return d, nil
}

// event runs on chromedp's event loop, so it only records.
func (d *Downloads) event(ev any) {
	d.mu.Lock()
	defer d.mu.Unlock()
	switch ev := ev.(type) {
	case *browser.EventDownloadWillBegin:
		if ev.FrameID == d.frame {
			d.names[ev.GUID] = ev.SuggestedFilename
			d.state[ev.GUID] = ""
		}
	case *browser.EventDownloadProgress:
		was, ours := d.state[ev.GUID]
		if !ours {
			return
		}
		d.state[ev.GUID] = ev.State
		if ev.State == browser.DownloadProgressStateCompleted && was != ev.State {
			close(d.ready)
			d.ready = make(chan struct{})
		}
	}
}

// Wait waits up to timeout for a finished download the page named name,
// not returned before, and returns its contents.
func (d *Downloads) Wait(ctx context.Context, name string, timeout time.Duration) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	for {
		d.mu.Lock()
		ready := d.ready
		var guid string
		for g, state := range d.state {
			if state == browser.DownloadProgressStateCompleted && d.names[g] == name && !d.seen[g] {
				guid = g
				d.seen[g] = true
				break
			}
		}
		d.mu.Unlock()
		if guid != "" {
			return os.ReadFile(filepath.Join(d.dir, guid))
		}
		select {
		case <-ready:
		case <-ctx.Done():
			return nil, fmt.Errorf("no download named %q finished within %s; %s", name, timeout, d.began())
		}
	}
}

// began describes the downloads the tab has begun, for a failure's message:
// none at all means the page never asked for one.
func (d *Downloads) began() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.names) == 0 {
		return "the page began no download"
	}
	var list []string
	for g, name := range d.names {
		state := d.state[g].String()
		if state == "" {
			state = "begun, no progress yet"
		}
		list = append(list, fmt.Sprintf("%q (%s)", name, state))
	}
	sort.Strings(list)
	return "downloads begun: " + strings.Join(list, ", ")
}
