//go:build browser

package e2e_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"joinedup/generator/e2e"
	"joinedup/generator/internal/data"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Helpers shared by the browser tests of learning by doing: scenarios,
// knowledge checks, check results and the learning record.

// learnData loads every data file of the bundled site, the folders of
// scenarios and checks included, so the tests work out what each page
// should show rather than repeat it.
func learnData(t *testing.T) *data.Data {
	t.Helper()
	root, err := e2e.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "content")
	files := map[string][]byte{}
	err = filepath.WalkDir(filepath.Join(dir, "data"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	d, err := data.Load(files, func(p string) string { return "content/" + p })
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// keys presses keys one at a time, as a keyboard user would.
func keys(t *testing.T, tab *e2e.Tab, ks ...string) {
	t.Helper()
	for _, k := range ks {
		if err := chromedp.Do(tab.Context(), chromedp.KeyEvent(k)); err != nil {
			t.Fatal(err)
		}
	}
}

// tabUntil presses Tab until the focused element matches the JavaScript
// condition on el (the focused element), failing after limit presses.
func tabUntil(t *testing.T, tab *e2e.Tab, cond string, limit int) {
	t.Helper()
	for range limit {
		keys(t, tab, kb.Tab)
		if evalT[bool](t, tab, `(function (el) { return !!el && (`+cond+`); })(document.activeElement)`) {
			return
		}
	}
	t.Fatalf("%d presses of Tab never reached an element where %s; focus is on %s", limit, cond,
		evalT[string](t, tab, `document.activeElement ? document.activeElement.tagName + " " + document.activeElement.className + " " + document.activeElement.textContent.slice(0, 60) : "nothing"`))
}

// focusedText is the text of the focused element.
func focusedText(t *testing.T, tab *e2e.Tab) string {
	t.Helper()
	return evalT[string](t, tab, `document.activeElement ? document.activeElement.textContent.trim() : ""`)
}

// themes checks the page's current state with axe-core in every colour
// scheme, then goes back to the scheme the system asks for.
func themes(t *testing.T, tab *e2e.Tab, state string) {
	t.Helper()
	for _, theme := range []string{"dark", "contrast", "light"} {
		evalT[bool](t, tab, fmt.Sprintf(`document.documentElement.setAttribute("data-theme", %q), true`, theme))
		cleanIn(t, tab, theme, state+", "+theme+" scheme")
	}
	evalT[bool](t, tab, `document.documentElement.removeAttribute("data-theme"), true`)
}

// visibleIn lists the values of attr of the elements matching selector
// that are laid out and visible.
func visibleIn(t *testing.T, tab *e2e.Tab, selector, attr string) []string {
	t.Helper()
	return evalT[[]string](t, tab, fmt.Sprintf(`Array.from(document.querySelectorAll(%q)).filter(function (e) { return e.checkVisibility(); }).map(function (e) { return e.getAttribute(%q); })`, selector, attr))
}

// clearStorage empties the page's storage, for a test that starts fresh.
func clearStorage(t *testing.T, tab *e2e.Tab) {
	t.Helper()
	evalT[bool](t, tab, `localStorage.clear(), true`)
}

// pageFor is the output path of the page that places component name with
// id (the bundled pages are named after what they place).
func pageFor(dir, id string) string { return "learning/" + dir + "/" + id + ".html" }
