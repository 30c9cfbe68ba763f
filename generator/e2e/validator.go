//go:build browser

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// Validate checks every HTML file under dir with the Nu HTML Checker
// (vnu.jar from the pinned vnu-jar npm package; it needs Java). Every error
// is a Problem with the rule "html"; warnings are not reported. One Java
// process checks the whole folder, which is much faster than one per page.
func Validate(ctx context.Context, dir string) ([]Problem, error) {
	root, err := RepoRoot()
	if err != nil {
		return nil, err
	}
	jar := filepath.Join(root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	if _, err := os.Stat(jar); err != nil {
		return nil, fmt.Errorf("the Nu HTML Checker is not installed (%v); run \"npm ci\" at the top of the repository", err)
	}
	java, err := exec.LookPath("java")
	if err != nil {
		return nil, fmt.Errorf("java is not installed (%v); run \"make browser-deps\" or \"apt-get install default-jre-headless\"", err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, java, "-Xss1m", "-jar", jar, "--format", "json", "--stdout", "--skip-non-html", abs)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// vnu exits 1 when it finds errors; the JSON says what they are.
	runErr := cmd.Run()
	var report struct {
		Messages []struct {
			Type      string `json:"type"`
			URL       string `json:"url"`
			LastLine  int    `json:"lastLine"`
			FirstCol  int    `json:"firstColumn"`
			LastCol   int    `json:"lastColumn"`
			Message   string `json:"message"`
			Extract   string `json:"extract"`
			SubType   string `json:"subType"`
			FirstLine int    `json:"firstLine"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		return nil, fmt.Errorf("the Nu HTML Checker failed (%v): %v\n%s", runErr, err, stderr.String())
	}
	var out []Problem
	for _, m := range report.Messages {
		if m.Type != "error" && m.Type != "non-document-error" {
			continue
		}
		page := m.URL
		if u, err := url.Parse(m.URL); err == nil {
			if rel, err := filepath.Rel(abs, u.Path); err == nil {
				page = filepath.ToSlash(rel)
			}
		}
		line := m.FirstLine
		if line == 0 {
			line = m.LastLine
		}
		col := m.FirstCol
		if col == 0 {
			col = m.LastCol
		}
		out = append(out, Problem{Page: page, Rule: "html",
			Detail: fmt.Sprintf("%d:%d: %s (%s)", line, col, m.Message, strings.TrimSpace(m.Extract))})
	}
	slices.SortFunc(out, func(a, b Problem) int { return strings.Compare(a.String(), b.String()) })
	return out, nil
}
