package site

import (
	"path"
	"strings"
	"testing"
)

// oldRelative is the first form of Relative, kept as the reference.
func oldRelative(from, to string) string {
	fromDir := path.Dir(from)
	if fromDir == "." {
		return to
	}
	fromParts := strings.Split(fromDir, "/")
	toParts := strings.Split(to, "/")
	i := 0
	for i < len(fromParts) && i < len(toParts)-1 && fromParts[i] == toParts[i] {
		i++
	}
	return strings.Repeat("../", len(fromParts)-i) + strings.Join(toParts[i:], "/")
}

func TestRelativeMatchesSplit(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"index.html", "guidance/a.html", "guidance/a.html"},
		{"guidance/a.html", "guidance/b.html", "b.html"},
		{"guidance/a.html", "index.html", "../index.html"},
		{"guidance/x/a.html", "guidance/y/b.html", "../y/b.html"},
		{"guidance/x/a.html", "guidance/x/index.html", "index.html"},
		{"a/b/c/d.html", "a/b.html", "../../b.html"},
		{"a/b.html", "a/b/c.html", "b/c.html"},
		{"guidance/a.html", "guidance", "../guidance"},
		{"search/index.html", "assets/site.css", "../assets/site.css"},
		{"/x.html", "y.html", ""},
		{"a//b.html", "a//c.html", ""},
		{"", "a.html", "a.html"},
	}
	for _, tc := range tests {
		want := oldRelative(tc.from, tc.to)
		if tc.want != "" && want != tc.want {
			t.Fatalf("reference Relative(%q, %q) = %q; the test expects %q", tc.from, tc.to, want, tc.want)
		}
		if got := Relative(tc.from, tc.to); got != want {
			t.Errorf("Relative(%q, %q) = %q; want %q", tc.from, tc.to, got, want)
		}
	}
}

func FuzzRelative(f *testing.F) {
	f.Add("guidance/x/a.html", "guidance/y/b.html")
	f.Add("/a", "/b/c")
	f.Fuzz(func(t *testing.T, from, to string) {
		if got, want := Relative(from, to), oldRelative(from, to); got != want {
			t.Errorf("Relative(%q, %q) = %q; want %q", from, to, got, want)
		}
	})
}

func TestRelative(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"index.html", "guidance/a.html", "guidance/a.html"},
		{"guidance/a.html", "guidance/b.html", "b.html"},
		{"guidance/a.html", "index.html", "../index.html"},
		{"guidance/a.html", "training/index.html", "../training/index.html"},
		{"a/b/c.html", "a/d.html", "../d.html"},
		{"a/b/c.html", "a/b/index.html", "index.html"},
		{"search/index.html", "assets/site.css", "../assets/site.css"},
	}
	for _, tt := range tests {
		if got := Relative(tt.from, tt.to); got != tt.want {
			t.Errorf("Relative(%q, %q) = %q; want %q", tt.from, tt.to, got, tt.want)
		}
	}
}
