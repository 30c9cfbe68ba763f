//go:build browser

package e2e

import (
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// WaitFor polls a JavaScript expression until it is true, for up to
// timeout; the error says which condition never held.
func (tab *Tab) WaitFor(js string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		ok, err := Eval[bool](tab, js)
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s (%s): still false after %v: %s", tab.Page, tab.Origin.Mode, timeout, js)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// Do runs chromedp actions in the tab.
func (tab *Tab) Do(actions ...chromedp.Action[chromedp.Void]) error {
	return chromedp.Do(tab.ctx, actions...)
}

// Reload reloads the page and waits until it has loaded and every
// data-module on it has started (or failed).
func (tab *Tab) Reload() error {
	if err := chromedp.Do(tab.ctx, chromedp.Reload()); err != nil {
		return err
	}
	return tab.WaitFor(`document.readyState === "complete"`, 10*time.Second)
}

// TabTo presses Tab from the top of the page until the element matching
// selector has focus, as a keyboard user would reach it; it fails if Tab
// never gets there within limit presses.
func (tab *Tab) TabTo(selector string, limit int) error {
	if _, err := Eval[bool](tab, `(document.activeElement && document.activeElement.blur(), window.scrollTo(0,0), true)`); err != nil {
		return err
	}
	for i := 0; i < limit; i++ {
		if err := chromedp.Do(tab.ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			return err
		}
		ok, err := Eval[bool](tab, fmt.Sprintf(`document.activeElement === document.querySelector(%q)`, selector))
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
	}
	return fmt.Errorf("%s (%s): %d presses of Tab never reached %s", tab.Page, tab.Origin.Mode, limit, selector)
}
