package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"joinedup/generator/internal/components"
	"joinedup/generator/internal/data"

	"go.yaml.in/yaml/v3"
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
}

// TestPublishingFiles keeps the ready-made CI files in README's
// publishing guides working: each builds with the Linux program
// where the guide says to put it and publishes public/, dot files
// included.
func TestPublishingFiles(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	const run = "bin/joinedup-linux-amd64 build"
	var gh struct {
		Jobs map[string]struct {
			Steps []struct {
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	var gl struct {
		Pages struct {
			Script    []string `yaml:"script"`
			Artifacts struct {
				Paths []string `yaml:"paths"`
			} `yaml:"artifacts"`
		} `yaml:"pages"`
	}
	for _, f := range []struct {
		heading string
		into    any
	}{{"### On GitHub Pages", &gh}, {"### On GitLab Pages", &gl}} {
		block, ok := yamlBlockAfter(readme, f.heading)
		if !ok {
			t.Errorf("README: no yaml block under %q", f.heading)
			continue
		}
		if err := yaml.Unmarshal([]byte(block), f.into); err != nil {
			t.Errorf("README, %s: %v", f.heading, err)
		}
	}
	built, uploaded := false, false
	for _, step := range gh.Jobs["build"].Steps {
		built = built || strings.Contains(step.Run, run)
		if strings.HasPrefix(step.Uses, "actions/upload-pages-artifact@") {
			uploaded = step.With["path"] == "public" && step.With["include-hidden-files"] == "true"
		}
	}
	if !built || !uploaded {
		t.Errorf("README, GitHub Pages workflow: builds with %q: %v; uploads public/ with its dot files: %v", run, built, uploaded)
	}
	if !slices.Contains(gl.Pages.Script, run) || !slices.Equal(gl.Pages.Artifacts.Paths, []string{"public"}) {
		t.Errorf("README, GitLab Pages file: the pages job should run %q and publish public/; it runs %q and publishes %q", run, gl.Pages.Script, gl.Pages.Artifacts.Paths)
	}
}

// yamlBlockAfter returns the first fenced yaml block of markdown's section
// under heading (up to the next "##" or "###" heading; a "#" line inside
// the block is a YAML comment).
func yamlBlockAfter(markdown, heading string) (string, bool) {
	_, section, ok := strings.Cut(markdown, "\n"+heading+"\n")
	if !ok {
		return "", false
	}
	for _, next := range []string{"\n## ", "\n### "} {
		if i := strings.Index(section, next); i >= 0 {
			section = section[:i]
		}
	}
	_, block, ok := strings.Cut(section, "```yaml\n")
	if !ok {
		return "", false
	}
	block, _, ok = strings.Cut(block, "\n```")
	return block + "\n", ok
}
