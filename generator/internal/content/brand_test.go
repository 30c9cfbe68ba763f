package content

import (
	"errors"
	"strings"
	"testing"

	"joinedup/generator/internal/diag"
)

// TestConfigBrand: the brand block's colour is checked for contrast, and
// every problem is reported at its line and column in site.yaml.
func TestConfigBrand(t *testing.T) {
	const head = "title: T\norganisation: O\nbrand:\n"
	tests := []struct {
		name  string
		brand string
		want  []string // each error: its start, then words it must contain
	}{
		{"passing colour", "  colour: \"#1f4e5a\"\n", nil},
		{"passing short colour", "  colour: '#036'\n", nil},
		{"passing, with logo", "  name: Anytown Council\n  colour: \"#6b2c91\"\n  logo: images/logo.svg\n  logo_alt: Anytown Council\n", nil},
		{"too light", "  colour: \"#4a90d9\"\n", []string{
			`site.yaml:4:11: brand colour "#4a90d9" has too little contrast for WCAG 2.2 AA: in the light colours, white text on the header 3.34:1 (needs 4.5:1); links on the page 3.34:1 (needs 4.5:1); links on the menu bar 2.98:1 (needs 4.5:1); the focus outline on the header 2.48:1 (needs 3:1). The nearest colour that has enough is "#276fba"`,
		}},
		{"fails on the menu bar only", "  name: N\n  colour: \"#d4351c\"\n", []string{
			`site.yaml:5:11: brand colour "#d4351c" has too little contrast for WCAG 2.2 AA: in the light colours, links on the menu bar 4.34:1 (needs 4.5:1). The nearest colour that has enough is "#cf341b"`,
		}},
		{"yellow fails in the dark scheme too", "  colour: \"#ffdd00\"\n", []string{
			`site.yaml:4:11: brand colour "#ffdd00" has too little contrast`, "in the dark colours, white text on the header (#b39b00) 2.76:1 (needs 4.5:1)",
		}},
		{"not a colour", "  colour: teal\n", []string{
			`site.yaml:4:11: brand colour "teal" is not a colour; write it as # and six hexadecimal digits, such as "#1f4e5a"`,
		}},
		{"unquoted, so a comment", "  colour: #1f4e5a\n", []string{
			`site.yaml:4:10: brand colour is empty; in YAML a # starts a comment, so put the colour in quotes: colour: "#1f4e5a"`,
		}},
		{"American spelling", "  color: \"#1f4e5a\"\n", []string{
			`site.yaml:4:3: unknown field "color" in "brand" (did you mean "colour"?)`,
		}},
		{"logo without alt", "  logo: logo.svg\n", []string{
			`site.yaml:4:9: brand logo "logo.svg" needs logo_alt`,
		}},
		{"logo of the wrong kind", "  logo: logo.jpg\n  logo_alt: Our logo\n", []string{
			`site.yaml:4:9: brand logo "logo.jpg" is not an SVG or PNG file`,
		}},
		{"logo outside the folder", "  logo: ../logo.svg\n  logo_alt: Our logo\n", []string{
			`site.yaml:4:9: brand logo "../logo.svg": give the logo's path below the content folder`,
		}},
		{"Windows path", "  logo: images\\logo.svg\n  logo_alt: Our logo\n", []string{
			`site.yaml:4:9: brand logo "images\\logo.svg": give the logo's path below the content folder, with / between folders`,
		}},
		{"alt without logo", "  logo_alt: Our logo\n", []string{
			`site.yaml:4:13: brand logo_alt is set but there is no logo`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseConfig("site.yaml", []byte(head+tt.brand))
			if tt.want == nil {
				if err != nil {
					t.Fatalf("ParseConfig = %v; want no problem", err)
				}
				return
			}
			var list diag.List
			if !errors.As(err, &list) || len(list) != 1 {
				t.Fatalf("ParseConfig = %v; want one positioned problem", err)
			}
			got := list[0].Error()
			if !strings.HasPrefix(got, tt.want[0]) {
				t.Errorf("ParseConfig =\n%s\nwant it to start\n%s", got, tt.want[0])
			}
			for _, w := range tt.want[1:] {
				if !strings.Contains(got, w) {
					t.Errorf("ParseConfig =\n%s\nwant it to contain %q", got, w)
				}
			}
		})
	}
}
