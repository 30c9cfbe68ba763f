package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"joinedup/generator/internal/components"
	"joinedup/generator/internal/data"
)

// TestReadmeNamesEverything keeps README's tables true to the code: every
// package, every component with each of its options, and every data file.
func TestReadmeNamesEverything(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	row := func(name string) (string, bool) {
		m := regexp.MustCompile("(?m)^\\| `" + regexp.QuoteMeta(name) + "` \\|.*$").FindString(readme)
		return m, m != ""
	}
	dirs, err := os.ReadDir(filepath.Join("internal"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if _, ok := row(d.Name()); d.IsDir() && !ok {
			t.Errorf("README's package table has no row for generator/internal/%s", d.Name())
		}
	}
	set := components.New(&data.Data{}, nil, nil)
	for _, name := range append(set.Names(), "checklist") {
		r, ok := row(name)
		if !ok {
			t.Errorf("README's component table has no row for %q", name)
			continue
		}
		for _, opt := range set.Options(name) {
			if !strings.Contains(r, "`"+opt+"=") {
				t.Errorf("README's row for component %q does not name its option %q", name, opt)
			}
		}
	}
	for _, f := range data.Files() {
		if _, ok := row(f); !ok {
			t.Errorf("README's data table has no row for %s", f)
		}
	}
	for _, dir := range data.ItemDirs() {
		if _, ok := row(dir + "/NAME.yaml"); !ok {
			t.Errorf("README's data table has no row for %s/NAME.yaml", dir)
		}
	}
}
