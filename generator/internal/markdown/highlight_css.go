package markdown

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"
)

// CodeTheme names a chroma style and the background the site paints code
// blocks on in one colour scheme.
type CodeTheme struct {
	Style      string
	Background string // #rrggbb
	// Selector scopes the rules, e.g. `:root[data-theme="dark"]`.
	Selector string
}

// HighlightCSS writes the syntax-highlighting rules for each theme. Colours
// are taken from the chroma style and then darkened or lightened until they
// reach a 4.5:1 contrast ratio with the code background, so highlighted code
// meets WCAG 2.2 AA whatever the style's designer chose.
func HighlightCSS(themes []CodeTheme) string {
	var b strings.Builder
	b.WriteString("/* Syntax highlighting, generated from chroma styles with colours adjusted to 4.5:1 contrast. */\n")
	for _, th := range themes {
		style := styles.Get(th.Style)
		bg := parseHex(th.Background)
		types := make([]chroma.TokenType, 0, len(chroma.StandardTypes))
		for t := range chroma.StandardTypes {
			types = append(types, t)
		}
		sort.Slice(types, func(i, j int) bool { return types[i] < types[j] })
		for _, t := range types {
			class := chroma.StandardTypes[t]
			if class == "" || t == chroma.Background {
				continue
			}
			e := style.Get(t)
			// Every class gets a colour in every theme, so that no colour
			// from another theme's rules shows through.
			decls := []string{"color:inherit"}
			if e.Colour.IsSet() {
				c := readable([3]float64{float64(e.Colour.Red()), float64(e.Colour.Green()), float64(e.Colour.Blue())}, bg)
				decls[0] = "color:" + hex(c)
			}
			if e.Bold == chroma.Yes {
				decls = append(decls, "font-weight:bold")
			}
			if e.Italic == chroma.Yes {
				decls = append(decls, "font-style:italic")
			}
			fmt.Fprintf(&b, "%s .chroma .%s{%s}\n", th.Selector, class, strings.Join(decls, ";"))
		}
	}
	return b.String()
}

func parseHex(s string) [3]float64 {
	var r, g, bl int
	fmt.Sscanf(strings.TrimPrefix(s, "#"), "%02x%02x%02x", &r, &g, &bl)
	return [3]float64{float64(r), float64(g), float64(bl)}
}

func hex(c [3]float64) string {
	return fmt.Sprintf("#%02x%02x%02x", int(math.Round(c[0])), int(math.Round(c[1])), int(math.Round(c[2])))
}

// luminance is the WCAG relative luminance of an sRGB colour.
func luminance(c [3]float64) float64 {
	var l [3]float64
	for i, v := range c {
		v /= 255
		if v <= 0.03928 {
			l[i] = v / 12.92
		} else {
			l[i] = math.Pow((v+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

// Contrast is the WCAG contrast ratio of two colours.
func Contrast(a, b [3]float64) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// readable moves c towards black (on a light background) or white (on a dark
// one) in small steps until it has 4.6:1 contrast with bg; the margin over
// 4.5 absorbs rounding to whole colour values.
func readable(c, bg [3]float64) [3]float64 {
	target := [3]float64{0, 0, 0}
	if luminance(bg) < 0.2 {
		target = [3]float64{255, 255, 255}
	}
	for i := 0; i < 100 && Contrast(c, bg) < 4.6; i++ {
		for k := range c {
			c[k] += (target[k] - c[k]) * 0.05
		}
	}
	return c
}
