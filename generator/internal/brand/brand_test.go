package brand

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want RGB
		ok   bool
	}{
		{"#1f4e5a", RGB{0x1f, 0x4e, 0x5a}, true},
		{"#1F4E5A", RGB{0x1f, 0x4e, 0x5a}, true},
		{" #fff ", RGB{0xff, 0xff, 0xff}, true},
		{"#0a3", RGB{0x00, 0xaa, 0x33}, true},
		{"1f4e5a", RGB{}, false},
		{"#1f4e5", RGB{}, false},
		{"#1f4e5g", RGB{}, false},
		{"teal", RGB{}, false},
		{"", RGB{}, false},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %v (ok %v)", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

// TestContrast checks the WCAG formula against ratios published with the
// standard and by GOV.UK (whose colours the theme starts from).
func TestContrast(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#767676", "#ffffff", 4.54},  // the lightest grey that passes on white
		{"#777777", "#ffffff", 4.48},  // and the darkest that fails
		{"#1d70b8", "#ffffff", 5.17},  // GOV.UK's link blue
		{"#0b0c0c", "#ffdd00", 14.54}, // the theme's focus: black on yellow
	}
	for _, tt := range tests {
		a, _ := Parse(tt.a)
		b, _ := Parse(tt.b)
		if got := Contrast(a, b); math.Abs(got-tt.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.3f; want %.2f", tt.a, tt.b, got, tt.want)
		}
		if Contrast(a, b) != Contrast(b, a) {
			t.Errorf("Contrast(%s, %s) depends on the order", tt.a, tt.b)
		}
	}
}

// TestCheck: colours that pass in every scheme, and colours that fail,
// with what fails.
func TestCheck(t *testing.T) {
	tests := []struct {
		colour string
		fails  []string // "scheme: what" of each failure, in order
	}{
		{"#1f4e5a", nil}, // the theme's own
		{"#0b0c0c", nil},
		{"#00703c", nil},
		{"#6b2c91", nil},
		{"#276fba", nil},
		{"#d4351c", []string{"light: links on the menu bar"}}, // passes on white, not on the grey
		{"#4a90d9", []string{"light: white text on the header", "light: links on the page", "light: links on the menu bar", "light: the focus outline on the header"}},
		{"#ffdd00", []string{
			"light: white text on the header", "light: links on the page", "light: links on the menu bar",
			"light: links under the pointer (#bfa600) on the page", "light: links under the pointer (#bfa600) on the menu bar",
			"light: the focus outline on the header",
			"dark: white text on the header (#b39b00)", "dark: the focus outline on the header (#b39b00)",
		}},
		{"#ffffff", []string{
			"light: white text on the header", "light: links on the page", "light: links on the menu bar",
			"light: links under the pointer (#bfbfbf) on the page", "light: links under the pointer (#bfbfbf) on the menu bar",
			"light: the focus outline on the header",
			"dark: white text on the header (#b3b3b3)", "dark: the focus outline on the header (#b3b3b3)",
		}},
	}
	for _, tt := range tests {
		c, err := Parse(tt.colour)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range Check(c) {
			got = append(got, f.Scheme+": "+f.What)
			if f.Ratio >= f.Need {
				t.Errorf("Check(%s): %s fails at %.2f, which meets %.1f", tt.colour, f.What, f.Ratio, f.Need)
			}
		}
		if strings.Join(got, "\n") != strings.Join(tt.fails, "\n") {
			t.Errorf("Check(%s) fails:\n%s\nwant:\n%s", tt.colour, strings.Join(got, "\n"), strings.Join(tt.fails, "\n"))
		}
	}
}

// TestNearest: the colour suggested passes, keeps the hue, and is the
// colour itself when that passes.
func TestNearest(t *testing.T) {
	for _, in := range []string{"#4a90d9", "#ffdd00", "#d4351c", "#ffffff", "#00ff00", "#8ec8ff", "#1f4e5a", "#000000"} {
		c, _ := Parse(in)
		got := Nearest(c)
		if fails := Check(got); len(fails) > 0 {
			t.Errorf("Nearest(%s) = %s, which fails: %s", in, got, Explain(fails))
		}
		if len(Check(c)) == 0 && got != c {
			t.Errorf("Nearest(%s) = %s; want the colour itself, which passes", in, got)
		}
		if h, g := c.hsl(), got.hsl(); h.s > 0.2 && got != (RGB{}) && math.Abs(h.h-g.h) > 3 {
			t.Errorf("Nearest(%s) = %s changes the hue from %.0f to %.0f", in, got, h.h, g.h)
		}
	}
	// One step lighter than the suggestion must fail, or it was not the
	// nearest on that side.
	c, _ := Parse("#4a90d9")
	got := Nearest(c)
	if lighter := got.withLightness(got.hsl().l + 0.01); len(Check(lighter)) == 0 {
		t.Errorf("Nearest(#4a90d9) = %s, but %s is nearer and passes", got, lighter)
	}
}

// TestDeriveDarkLinks: in the dark scheme, links made from any brand
// colour that passes in the light scheme can be read.
func TestDeriveDarkLinks(t *testing.T) {
	dark := Schemes()[1]
	for _, in := range []string{"#0000ff", "#1f4e5a", "#6b2c91", "#00703c", "#0b0c0c", "#8b0000"} {
		c, _ := Parse(in)
		p := Derive(c, dark)
		for _, bg := range []RGB{dark.Bg, dark.BgMuted} {
			if r := Contrast(p.Link, bg); r < TextRatio {
				t.Errorf("dark links from %s: %s on %s is %.2f:1", in, p.Link, bg, r)
			}
		}
	}
}

// TestSchemesMatchStylesheet keeps the colours the check uses equal to
// the theme's custom properties in templates/assets/site.css.
func TestSchemesMatchStylesheet(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "templates", "assets", "site.css"))
	if err != nil {
		t.Fatal(err)
	}
	css := string(b)
	block := func(selector string) string {
		i := strings.Index(css, selector+" {")
		if i < 0 {
			t.Fatalf("site.css has no rule %q", selector)
		}
		end := strings.Index(css[i:], "}")
		return css[i : i+end]
	}
	prop := func(block, name string) RGB {
		m := regexp.MustCompile(`--` + name + `:\s*(#[0-9a-fA-F]{6});`).FindStringSubmatch(block)
		if m == nil {
			t.Fatalf("no --%s in %q", name, block[:40])
		}
		c, _ := Parse(m[1])
		return c
	}
	light := block(":root")
	for _, s := range Schemes() {
		sel := s.Selectors[0]
		bl := block(sel)
		value := func(name string) RGB {
			if strings.Contains(bl, "--"+name+":") {
				return prop(bl, name)
			}
			return prop(light, name) // a scheme inherits what it does not set
		}
		for _, c := range []struct {
			name string
			got  RGB
		}{{"bg", s.Bg}, {"bg-muted", s.BgMuted}, {"brand-text", s.HeaderText}, {"focus", s.Focus}} {
			if want := value(c.name); c.got != want {
				t.Errorf("%s scheme: --%s is %s in site.css, %s in package brand", s.Name, c.name, want, c.got)
			}
		}
		if s.Fixed != nil {
			if want := value("brand"); s.Fixed.Header != want {
				t.Errorf("%s scheme: --brand is %s in site.css, %s in package brand", s.Name, want, s.Fixed.Header)
			}
			if want := value("link"); s.Fixed.Link != want {
				t.Errorf("%s scheme: --link is %s in site.css, %s in package brand", s.Name, want, s.Fixed.Link)
			}
		}
	}
}

// TestCSS: the rules set the colours for the light and dark schemes (a
// choice and a device's preference) and leave high contrast alone.
func TestCSS(t *testing.T) {
	c, _ := Parse("#6b2c91")
	css := string(CSS(c))
	for _, want := range []string{
		":root { --brand: #6b2c91; ",
		"--link: #6b2c91;",
		`:root[data-theme="dark"] { --brand: `,
		"@media (prefers-color-scheme: dark) {\n  :root:not([data-theme]) { --brand: ",
	} {
		if !strings.Contains(css, want) {
			t.Errorf("CSS(#6b2c91) has no %q:\n%s", want, css)
		}
	}
	if strings.Contains(css, "contrast") {
		t.Errorf("CSS(#6b2c91) changes the high-contrast scheme:\n%s", css)
	}
	dark := Derive(c, Schemes()[1])
	if !strings.Contains(css, "--link: "+dark.Link.String()+";") {
		t.Errorf("CSS(#6b2c91) lacks the dark links %s:\n%s", dark.Link, css)
	}
}

func TestRatio(t *testing.T) {
	for in, want := range map[float64]string{4.4999: "4.49", 4.5: "4.5", 3: "3", 21: "21", 2.987: "2.98"} {
		if got := ratio(in); got != want {
			t.Errorf("ratio(%v) = %q; want %q", in, got, want)
		}
	}
}
