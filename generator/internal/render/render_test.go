package render

import (
	"errors"
	"html/template"
	"testing"

	"joinedup/generator/internal/diag"
)

func TestRebase(t *testing.T) {
	body := `<h2 id="intro">Intro</h2><a href="#intro">here</a> <a href="b.html#x">b</a> <a href="../index.html">home</a> ` +
		`<img src="img/p.png" alt=""> <a href="https://example.org/">ext</a> <label for="cl-a">A</label><input id="cl-a">`
	got := string(rebase(nil, []byte(body), "guidance/a.html", "print.html", "g--"))
	want := `<h2 id="g--intro">Intro</h2><a href="#g--intro">here</a> <a href="guidance/b.html#x">b</a> <a href="index.html">home</a> ` +
		`<img src="guidance/img/p.png" alt=""> <a href="https://example.org/">ext</a> <label for="g--cl-a">A</label><input id="g--cl-a">`
	if got != want {
		t.Errorf("rebase =\n%s\nwant\n%s", got, want)
	}
}

func TestClock(t *testing.T) {
	for min, want := range map[int]string{0: "0:00", 5: "0:05", 90: "1:30", 210: "3:30"} {
		if got := clock(min); got != want {
			t.Errorf("clock(%d) = %q; want %q", min, got, want)
		}
	}
}

func TestTemplateError(t *testing.T) {
	broken := "a\n{{.X}" // an unclosed action, on purpose
	_, err := template.New("page.html").Parse(broken)
	var e *diag.Error
	if !errors.As(TemplateError(InFolder("templates"), err), &e) {
		t.Fatalf("TemplateError(%v) is not positioned", err)
	}
	if e.Pos != (diag.Pos{File: "templates/page.html", Line: 2}) {
		t.Errorf("position = %v; want templates/page.html:2", e.Pos)
	}
}

func TestPartialCached(t *testing.T) {
	tmpl := template.Must(template.New("p").Parse(`<b>{{.}}</b>`))
	var c partialCache
	call := c.bind("page", tmpl)
	tests := []struct {
		data     string
		variants []any
		want     template.HTML
	}{
		{"one", []any{"a/b", "x"}, "<b>one</b>"},
		// Same variants: the first rendering is reused, whatever the data.
		{"two", []any{"a/b", "x"}, "<b>one</b>"},
		// Strings that would join alike stay apart.
		{"three", []any{"a", "b/x"}, "<b>three</b>"},
		{"four", []any{"a/bx"}, "<b>four</b>"},
		{"five", []any{1}, "<b>five</b>"},
		{"six", []any{"1"}, "<b>six</b>"},
	}
	for _, tt := range tests {
		got, err := call("p", tt.data, tt.variants...)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("partialCached(%q, %v) = %q; want %q", tt.data, tt.variants, got, tt.want)
		}
	}
	// Another page kind has its own entries.
	other := c.bind("section", tmpl)
	if got, _ := other("p", "seven", "a/b", "x"); got != "<b>seven</b>" {
		t.Errorf("another kind got %q; want its own rendering", got)
	}
}
