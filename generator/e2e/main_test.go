//go:build browser

package e2e_test

import (
	"os"
	"testing"

	"joinedup/generator/e2e"
)

// bundled is the bundled site, built once for the tests that only read it;
// chromium is the one Chromium the tests share, each in a browser context
// of its own.
var (
	bundled  e2e.Bundled
	chromium e2e.Chromium
)

func TestMain(m *testing.M) {
	code := m.Run()
	chromium.Close()
	bundled.Close()
	os.Exit(code)
}
