// Package e2e checks the generated site in a real browser: headless Chromium
// driven through chromedp, with axe-core for accessibility and the Nu HTML
// Checker for markup.
//
// Everything except this file needs the build tag "browser", so that
// "go test -short ./..." stays fast and needs no browser, Java or npm
// packages. "make test-browser" installs those and runs
// "go test -tags browser ./...".
//
// The package is a small library, so that any package can add browser tests
// of its own (in a file with the build tag):
//
//	site := e2e.Build(t)                 // build the bundled site once
//	b := e2e.Start(t, 2)                 // one Chromium, at most 2 tabs at once
//	tab, err := b.Open(ctx, site.Serve(t), "index.html", e2e.Options{})
//	defer tab.Close()
//	problems, err := tab.Axe()           // and Links, Keyboard, Problems ...
//
// A check returns its findings as [Problem] values that name the page, the
// way it was opened and the rule, so one test can report every problem of a
// page at once, and a test of the harness can assert that a broken page is
// caught.
package e2e
