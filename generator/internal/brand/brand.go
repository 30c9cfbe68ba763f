// Package brand puts an organisation's own colour on its site. The
// colour, from the brand block of site.yaml, becomes the header's
// background, and the links and their hover colour are made from it, in
// each colour scheme the theme has:
//
//   - light: the header is the colour itself, and so are the links;
//   - dark: the header is the colour darkened, the links a light tint of
//     it, light enough to read on the dark page;
//   - high contrast: the theme's own black, white and yellow, whatever the
//     brand: a reader who chose it needs the strongest contrast.
//
// Every colour is checked against what it stands beside, as WCAG 2.2 AA
// asks: 4.5:1 for the header's white text and for links on each page
// background, 3:1 for the focus outline against the header. A colour that
// fails is an error; Nearest finds the closest colour, of the same hue,
// that passes.
//
// The colours reach the pages through the one stylesheet (see CSS),
// never through a style attribute, which the pages' strict Content
// Security Policy forbids.
package brand

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Scheme is one of the theme's colour schemes: the colours of
// templates/assets/site.css that a brand colour must stand out from.
type Scheme struct {
	Name string
	// Selectors are the CSS selectors whose custom properties set the
	// scheme; the dark scheme has two, for a reader's choice and for a
	// device that prefers dark.
	Selectors []string
	// Bg is the page's background and BgMuted the grey of the menu bar;
	// links sit on both.
	Bg, BgMuted RGB
	// HeaderText is the text on the header; Focus the focus outline.
	HeaderText, Focus RGB
	// Fixed is the scheme's own palette when it does not take the brand
	// colour (high contrast).
	Fixed *Palette
}

// Schemes are the theme's colour schemes. A test keeps them equal to
// the custom properties of templates/assets/site.css.
func Schemes() []Scheme {
	white := RGB{0xff, 0xff, 0xff}
	return []Scheme{
		{Name: "light", Selectors: []string{":root"}, Bg: white, BgMuted: RGB{0xf3, 0xf2, 0xf1}, HeaderText: white, Focus: RGB{0xff, 0xdd, 0x00}},
		{Name: "dark", Selectors: []string{`:root[data-theme="dark"]`, `:root:not([data-theme])`}, Bg: RGB{0x12, 0x13, 0x14}, BgMuted: RGB{0x1f, 0x21, 0x23}, HeaderText: white, Focus: RGB{0xff, 0xdd, 0x00}},
		{Name: "high contrast", Selectors: []string{`:root[data-theme="contrast"]`}, Bg: RGB{}, BgMuted: RGB{}, HeaderText: white, Focus: RGB{0x00, 0xff, 0xff},
			Fixed: &Palette{Header: RGB{}, Link: RGB{0xff, 0xff, 0x00}, LinkHover: white}},
	}
}

// Palette is the colours one scheme takes from the brand colour.
type Palette struct {
	Header, Link, LinkHover RGB
	// Accent is the stripe under the header, a lighter shade.
	Accent RGB
}

// Derive makes the palette of scheme s from the brand colour c.
func Derive(c RGB, s Scheme) Palette {
	if s.Fixed != nil {
		return *s.Fixed
	}
	h := c.hsl()
	if s.Bg.Luminance() > 0.5 { // a light page
		return Palette{Header: c, Link: c, LinkHover: c.withLightness(h.l * 0.75), Accent: c.withLightness(math.Min(0.9, h.l+0.12))}
	}
	p := Palette{Header: c.withLightness(h.l * 0.7), Accent: c.withLightness(math.Min(0.9, h.l+0.12))}
	// The lightest step needed for links to read on the dark page, from
	// a pale tint up; white always reads.
	for l := 0.70; ; l += 0.01 {
		p.Link = c.withLightness(math.Min(1, l))
		if l >= 1 || (Contrast(p.Link, s.Bg) >= TextRatio && Contrast(p.Link, s.BgMuted) >= TextRatio) {
			break
		}
	}
	p.LinkHover = p.Link.withLightness(math.Min(1, p.Link.hsl().l+0.1))
	return p
}

// The ratios WCAG 2.2 AA asks for: text (1.4.3), and parts of the page a
// reader must see, such as a focus outline (1.4.11).
const (
	TextRatio  = 4.5
	FocusRatio = 3
)

// Failure is one pair of colours without enough contrast.
type Failure struct {
	Scheme string
	What   string  // what stands on what, in words
	Ratio  float64 // the pair's contrast ratio
	Need   float64 // the ratio needed
}

func (f Failure) String() string {
	return fmt.Sprintf("%s %s:1 (needs %s:1)", f.What, ratio(f.Ratio), ratio(f.Need))
}

// ratio writes a contrast ratio with at most two decimals, cut rather
// than rounded, so that 4.496 never reads as the 4.5 it falls short of.
func ratio(r float64) string {
	return strconv.FormatFloat(math.Floor(r*100)/100, 'f', -1, 64)
}

// Explain says what fails, scheme by scheme, in one sentence.
func Explain(fails []Failure) string {
	var parts []string
	for i, f := range fails {
		if i == 0 || fails[i-1].Scheme != f.Scheme {
			parts = append(parts, "in the "+f.Scheme+" colours, "+f.String())
			continue
		}
		parts = append(parts, f.String())
	}
	return strings.Join(parts, "; ")
}

// Check returns every pair of colours, in every scheme, that the brand
// colour c makes too alike.
func Check(c RGB) []Failure {
	var out []Failure
	for _, s := range Schemes() {
		p := Derive(c, s)
		named := func(what string, col RGB) string {
			if col == c {
				return what
			}
			return what + " (" + col.String() + ")"
		}
		header := named("the header", p.Header)
		for _, pair := range []struct {
			what string
			a, b RGB
			need float64
		}{
			{"white text on " + header, s.HeaderText, p.Header, TextRatio},
			{named("links", p.Link) + " on the page", p.Link, s.Bg, TextRatio},
			{named("links", p.Link) + " on the menu bar", p.Link, s.BgMuted, TextRatio},
			{named("links under the pointer", p.LinkHover) + " on the page", p.LinkHover, s.Bg, TextRatio},
			{named("links under the pointer", p.LinkHover) + " on the menu bar", p.LinkHover, s.BgMuted, TextRatio},
			{"the focus outline on " + header, s.Focus, p.Header, FocusRatio},
		} {
			if r := Contrast(pair.a, pair.b); r < pair.need {
				out = append(out, Failure{Scheme: s.Name, What: pair.what, Ratio: r, Need: pair.need})
			}
		}
	}
	return out
}

// Nearest returns the colour closest to c, of the same hue and
// saturation, that Check passes: c made darker or lighter in steps of
// one per cent of lightness, whichever passes in fewer steps (darker
// when both do). Black and white are the last steps, so there is always
// one.
func Nearest(c RGB) RGB {
	l := c.hsl().l
	for step := 0.0; step <= 1; step += 0.01 {
		for _, try := range []float64{l - step, l + step} {
			if try < 0 || try > 1 {
				continue
			}
			if next := c.withLightness(try); len(Check(next)) == 0 {
				return next
			}
		}
	}
	return RGB{}
}

// CSS is the stylesheet rules that put the brand colour c on the site:
// the theme's custom properties, set again for each scheme that takes
// the brand. They go after the theme's rules, whose selectors they
// repeat, so that they win.
func CSS(c RGB) []byte {
	var b bytes.Buffer
	b.WriteString("\n/* The organisation's brand colour, from site.yaml, and the colours made from it. */\n")
	for _, s := range Schemes() {
		if s.Fixed != nil {
			continue
		}
		p := Derive(c, s)
		decl := fmt.Sprintf("--brand: %s; --brand-accent: %s; --link: %s; --link-hover: %s;", p.Header, p.Accent, p.Link, p.LinkHover)
		for _, sel := range s.Selectors {
			if sel == `:root:not([data-theme])` {
				// A device that prefers dark, with no choice made.
				fmt.Fprintf(&b, "@media (prefers-color-scheme: dark) {\n  %s { %s }\n}\n", sel, decl)
				continue
			}
			fmt.Fprintf(&b, "%s { %s }\n", sel, decl)
		}
	}
	return b.Bytes()
}
