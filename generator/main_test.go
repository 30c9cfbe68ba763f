package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunExitCodes(t *testing.T) {
	broken := t.TempDir()
	os.WriteFile(filepath.Join(broken, "site.yaml"), []byte("title: T\norganisation: O\n"), 0o644)
	os.WriteFile(filepath.Join(broken, "_index.md"), []byte("---\ntitel: Home\n---\n"), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	tests := []struct {
		name       string
		args       []string
		code       int
		wantStdout string
		wantStderr string
	}{
		{"no command", nil, 2, "", "Usage:"},
		{"unknown command", []string{"bild"}, 2, "", `unknown command "bild"`},
		{"help", []string{"-h"}, 0, "Commands:", ""},
		{"bad flag", []string{"build", "-colour"}, 2, "", "flag provided but not defined: -colour"},
		{"stray argument", []string{"check", "extra"}, 2, "", "takes no arguments"},
		{"missing content folder", []string{"check", "-content", filepath.Join(broken, "nope")}, 2, "", "folder not found"},
		{"content errors", []string{"check", "-content", broken, "-templates", "../templates"}, 1, "", `_index.md:2:1: unknown field "titel" (did you mean "title"?)`},
		{"check bundled site", []string{"check", "-content", "../content", "-templates", "../templates"}, 0, "no problems", ""},
		{"build bundled site", []string{"build", "-content", "../content", "-templates", "../templates", "-out", out}, 0, "built ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("run(%q) = %d; want %d\nstderr: %s", tt.args, code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.wantStdout) {
				t.Errorf("run(%q) stdout = %q; want it to contain %q", tt.args, stdout.String(), tt.wantStdout)
			}
			if !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("run(%q) stderr = %q; want it to contain %q", tt.args, stderr.String(), tt.wantStderr)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("build wrote no index.html: %v", err)
	}
}
