//go:build browser

package e2e

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// Downloads collects the files a tab downloads. Chromium saves each file in
// the folder under its download id (not its suggested name, so two files
// with one name cannot overwrite each other); Wait finds a file by the name
// the page gave it.
type Downloads struct {
	dir string

	mu    sync.Mutex
	names map[string]string // download id -> suggested file name
	done  map[string]bool   // download id -> finished
	seen  map[string]bool   // download ids already returned by Wait
	ready chan struct{}     // closed and replaced when a download finishes
}

// Downloads lets the tab save files into dir (the test's temporary folder,
// say) and reports each finished download. Call it once per tab after Open;
// the setting lasts until the tab is closed.
func (tab *Tab) Downloads(dir string) (*Downloads, error) {
	d := &Downloads{dir: dir, names: map[string]string{}, done: map[string]bool{}, seen: map[string]bool{}, ready: make(chan struct{})}
	if err := chromedp.Listen(tab.ctx, d.event); err != nil {
		return nil, err
	}
	enabled := true
	_, err := chromedp.Call(tab.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:      browser.SetDownloadBehaviorBehaviorAllowAndName,
		DownloadPath:  dir,
		EventsEnabled: &enabled,
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
		d.names[ev.GUID] = ev.SuggestedFilename
	case *browser.EventDownloadProgress:
		if ev.State == browser.DownloadProgressStateCompleted && !d.done[ev.GUID] {
			d.done[ev.GUID] = true
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
		for g := range d.done {
			if d.names[g] == name && !d.seen[g] {
				guid = g
				d.seen[g] = true
				break
			}
		}
		d.mu.Unlock()
		if guid != "" {
			return readWhenPresent(ctx, filepath.Join(d.dir, guid), name, timeout)
		}
		select {
		case <-ready:
		case <-ctx.Done():
			return nil, fmt.Errorf("no download named %q finished within %s", name, timeout)
		}
	}
}

// readWhenPresent reads a finished download. Chromium can report a download
// complete a moment before it renames the partial file to its final name
// (seen on a loaded 2-core machine), so a missing file is retried until the
// timeout rather than failing at once.
func readWhenPresent(ctx context.Context, path, name string, timeout time.Duration) ([]byte, error) {
	for {
		b, err := os.ReadFile(path)
		if !errors.Is(err, fs.ErrNotExist) {
			return b, err
		}
		select {
		case <-time.After(20 * time.Millisecond):
		case <-ctx.Done():
			return nil, fmt.Errorf("download %q was reported finished but %s did not appear within %s", name, path, timeout)
		}
	}
}
