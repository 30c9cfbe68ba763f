package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"joinedup/generator/internal/publish"
)

// runIn runs the program in dir, as a person would from that folder.
func runIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// tree reads every file below dir by slash path, but the output folder's
// marker.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == publish.Marker {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestNewSiteIsTheRepositorysSite: joinedup new writes the repository's
// own content/, and building the new site with the built-in theme alone,
// from its own folder, gives the repository's own output, byte for byte.
func TestNewSiteIsTheRepositorysSite(t *testing.T) {
	repo, _ := filepath.Abs("..")
	work := t.TempDir()
	if code, _, stderr := runIn(t, work, "new", "oursite"); code != 0 {
		t.Fatalf("new oursite = %d\n%s", code, stderr)
	}
	if code, _, stderr := runIn(t, filepath.Join(work, "oursite"), "build"); code != 0 {
		t.Fatalf("build in oursite = %d\n%s", code, stderr)
	}
	want := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runIn(t, repo, "build", "-out", want); code != 0 {
		t.Fatalf("build in the repository = %d\n%s", code, stderr)
	}
	got, wantTree := tree(t, filepath.Join(work, "oursite", "public")), tree(t, want)
	if len(wantTree) < 50 {
		t.Fatalf("the repository's site has only %d files", len(wantTree))
	}
	for name, b := range wantTree {
		if g, ok := got[name]; !ok {
			t.Errorf("the new site has no %s", name)
		} else if !bytes.Equal(g, b) {
			t.Errorf("the new site's %s differs from the repository's", name)
		}
	}
	for name := range got {
		if _, ok := wantTree[name]; !ok {
			t.Errorf("the new site has %s, which the repository's does not", name)
		}
	}
	// The content is the repository's, file for file.
	newContent, repoContent := tree(t, filepath.Join(work, "oursite", "content")), tree(t, filepath.Join(repo, "content"))
	if len(newContent) != len(repoContent) {
		t.Errorf("the new site's content has %d files; the repository's %d", len(newContent), len(repoContent))
	}
	for name, b := range repoContent {
		if !bytes.Equal(newContent[name], b) {
			t.Errorf("the new site's content/%s differs from the repository's", name)
		}
	}
}

// TestNewCommand: the blank site checks clean; new never writes into a
// folder that holds files; the command line's mistakes are exit 2.
func TestNewCommand(t *testing.T) {
	work := t.TempDir()
	code, stdout, stderr := runIn(t, work, "new", "-blank", "small")
	if code != 0 || !strings.Contains(stdout, "made a minimal site in small") {
		t.Fatalf("new -blank small = %d\n%s%s", code, stdout, stderr)
	}
	if code, stdout, stderr := runIn(t, filepath.Join(work, "small"), "check"); code != 0 || !strings.Contains(stdout, "checked 3 pages: no problems") {
		t.Errorf("check of the blank site = %d\n%s%s", code, stdout, stderr)
	}
	for _, f := range []string{"content/site.yaml", "content/_index.md", "content/guidance/_index.md", "content/guidance/first-page.md", ".gitignore"} {
		if _, err := os.Stat(filepath.Join(work, "small", filepath.FromSlash(f))); err != nil {
			t.Errorf("the blank site lacks %s", f)
		}
	}
	// The guidance pages were reviewed the day the site was made.
	today := "reviewed: " + time.Now().Format(time.DateOnly)
	for _, f := range []string{"_index.md", "first-page.md"} {
		b, _ := os.ReadFile(filepath.Join(work, "small", "content", "guidance", f))
		if !bytes.Contains(b, []byte(today)) {
			t.Errorf("the blank site's guidance/%s does not say %q:\n%s", f, today, b)
		}
	}
	before := tree(t, filepath.Join(work, "small"))
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"new", "small"}, 2, "small already holds files"},
		{[]string{"new", "small", "-blank"}, 2, "small already holds files"},
		{[]string{"new"}, 2, "new needs the name of a new folder"},
		{[]string{"new", "a", "b"}, 2, "new needs the name of a new folder"},
		{[]string{"new", "-colour", "x"}, 2, "flag provided but not defined: -colour"},
	}
	for _, tt := range tests {
		code, _, stderr := runIn(t, work, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("run(%q) = %d, %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
	if after := tree(t, filepath.Join(work, "small")); len(after) != len(before) {
		t.Errorf("a refused new changed the folder: %d files, then %d", len(before), len(after))
	}
	// An empty folder that is there already is fine.
	os.Mkdir(filepath.Join(work, "empty"), 0o755)
	if code, _, stderr := runIn(t, work, "new", "-blank", "empty"); code != 0 {
		t.Errorf("new into an empty folder = %d\n%s", code, stderr)
	}
}

// TestThemeCommand: theme writes the built-in files to change, never over
// one that is there; a templates folder beside content then replaces the
// built-in file it holds, and messages name it.
func TestThemeCommand(t *testing.T) {
	work := t.TempDir()
	if code, _, stderr := runIn(t, work, "new", "-blank", "site"); code != 0 {
		t.Fatal(stderr)
	}
	site := filepath.Join(work, "site")
	code, stdout, stderr := runIn(t, site, "theme", "templates", "page.html")
	if code != 0 || !strings.Contains(stdout, "wrote 1 file of the built-in theme") {
		t.Fatalf("theme templates page.html = %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := runIn(t, site, "theme", "templates", "page.html"); code != 2 || !strings.Contains(stderr, "templates already has page.html; nothing was written") {
		t.Errorf("theme over an existing file = %d, %q", code, stderr)
	}
	if code, _, stderr := runIn(t, site, "theme", "templates", "partials/heder.html"); code != 2 || !strings.Contains(stderr, `(did you mean "partials/header.html"?)`) {
		t.Errorf("theme with a misspelt file = %d, %q", code, stderr)
	}
	page := filepath.Join(site, "templates", "page.html")
	os.WriteFile(page, []byte("{{define \"main\"}}\n<h1>{{.Titel}}</h1>\n{{end}}\n"), 0o644)
	code, _, stderr = runIn(t, site, "check")
	if code != 1 || !strings.Contains(stderr, "templates/page.html:2:6: executing \"main\" at <.Titel>") {
		t.Errorf("check with a broken templates/page.html = %d\n%s", code, stderr)
	}
	os.Remove(page)
	if code, _, stderr := runIn(t, site, "check"); code != 0 {
		t.Errorf("check with page.html removed again = %d\n%s", code, stderr)
	}
	all := filepath.Join(work, "all")
	code, stdout, _ = runIn(t, work, "theme", all)
	if code != 0 || strings.Contains(stdout, ".test.js") {
		t.Errorf("theme all = %d, and lists the scripts' tests:\n%s", code, stdout)
	}
	if _, err := os.Stat(filepath.Join(all, "partials", "header.html")); err != nil {
		t.Errorf("theme wrote no partials/header.html: %v", err)
	}
}

// TestVersion: an unstamped program says it is a development build; one
// built as make dist builds it says its version and commit.
func TestVersion(t *testing.T) {
	pkg, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := runIn(t, t.TempDir(), "version")
	if code != 0 || !strings.HasPrefix(stdout, "joinedup development build (") {
		t.Errorf("version = %d, %q; want a development build", code, stdout)
	}
	for _, tt := range []struct{ version, commit, revision, want string }{
		{"v1.2.0", "abc1234", "", "joinedup v1.2.0 (commit abc1234, "},
		{"v1.2.0", "", "", "joinedup v1.2.0 ("},
		{"", "", "0123456789ab+changes", "joinedup development build (commit 0123456789ab+changes, "},
	} {
		if got := versionLine(tt.version, tt.commit, tt.revision); !strings.HasPrefix(got, tt.want) {
			t.Errorf("versionLine(%q, %q, %q) = %q; want it to start %q", tt.version, tt.commit, tt.revision, got, tt.want)
		}
	}
	if testing.Short() {
		t.Skip("builds the program")
	}
	bin := filepath.Join(t.TempDir(), "joinedup")
	build := exec.Command("go", "build", "-o", bin, "-ldflags", "-X main.version=v9.8.7 -X main.commit=f00dfee", ".")
	build.Dir = pkg
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil || !strings.HasPrefix(string(out), "joinedup v9.8.7 (commit f00dfee, ") {
		t.Errorf("stamped version = %q, %v", out, err)
	}
}
