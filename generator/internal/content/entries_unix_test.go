//go:build unix

package content

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestSpecialEntries: the build reads only plain files inside the content
// folder. A link out of it is an error; a link to a folder and a pipe are
// skipped with a warning; a link to a file inside is read.
func TestSpecialEntries(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(outside, []byte("secret"), 0o644)
	write := func(name, text string) {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	write("site.yaml", "title: T\norganisation: O\n")
	write("_index.md", "---\ntitle: Home\n---\nHi.\n")
	write("a/_index.md", "---\ntitle: A\n---\nA.\n")
	write("a/real.txt", "real")
	os.Symlink(outside, filepath.Join(dir, "a", "passwd.txt"))
	os.Symlink("..", filepath.Join(dir, "a", "up"))
	os.Symlink("../..", filepath.Join(dir, "a", "out"))
	os.Symlink("real.txt", filepath.Join(dir, "a", "alias.txt"))
	os.Symlink("loop2", filepath.Join(dir, "a", "loop1"))
	os.Symlink("loop1", filepath.Join(dir, "a", "loop2"))
	os.Symlink("../a", filepath.Join(dir, "a", "again"))
	if err := syscall.Mkfifo(filepath.Join(dir, "a", "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	src, err := Load(root.FS(), "content")
	got := map[string]string{}
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			file, msg, _ := strings.Cut(line, ": ")
			got[file] = "error: " + msg
		}
	}
	for _, w := range src.Warnings {
		got[w.Pos.File] = "warning: " + w.Msg
	}
	want := map[string]string{
		"content/a/passwd.txt": "error: is a symbolic link to",
		"content/a/up":         "warning: is a symbolic link to a folder",
		"content/a/out":        "error: is a symbolic link to",
		"content/a/loop1":      "error: is a symbolic link to",
		"content/a/loop2":      "error: is a symbolic link to",
		"content/a/again":      "warning: is a symbolic link to a folder",
		"content/a/pipe.md":    "warning: is not a plain file",
	}
	for file, prefix := range want {
		if !strings.HasPrefix(got[file], prefix) {
			t.Errorf("%s: got %q; want %q...", file, got[file], prefix)
		}
	}
	if len(got) != len(want) {
		t.Errorf("problems: %v; want only those for %v", got, want)
	}
	var static []string
	for _, s := range src.Static {
		static = append(static, s.Path)
	}
	if strings.Join(static, ",") != "a/alias.txt,a/real.txt" {
		t.Errorf("static files = %v; want the link inside and its target", static)
	}
}
