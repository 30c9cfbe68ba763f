package brand

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// RGB is a colour of the sRGB space the web uses.
type RGB struct{ R, G, B uint8 }

// Parse reads a CSS hex colour, "#1f4e5a" or its short form "#1f5".
func Parse(s string) (RGB, error) {
	hex, ok := strings.CutPrefix(strings.TrimSpace(s), "#")
	if ok && len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	if !ok || len(hex) != 6 {
		return RGB{}, fmt.Errorf("%q is not a colour; write it as # and six hexadecimal digits, such as \"#1f4e5a\"", s)
	}
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		return RGB{}, fmt.Errorf("%q is not a colour; write it as # and six hexadecimal digits (0 to 9, a to f), such as \"#1f4e5a\"", s)
	}
	return RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

// String is the colour as CSS writes it, "#1f4e5a".
func (c RGB) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Luminance is the colour's relative luminance as WCAG 2.x defines it:
// each channel made linear, then weighted by how bright the eye sees it.
func (c RGB) Luminance() float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is the WCAG 2.x contrast ratio of two colours, from 1 (the
// same) to 21 (black on white); the order does not matter.
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// hsl is a colour as hue (0 to 360), saturation and lightness (0 to 1):
// the brand's colours are made by moving the lightness alone, so that
// they keep the brand's hue.
type hsl struct{ h, s, l float64 }

func (c RGB) hsl() hsl {
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	hi, lo := max(r, g, b), min(r, g, b)
	out := hsl{l: (hi + lo) / 2}
	d := hi - lo
	if d == 0 {
		return out
	}
	out.s = d / (1 - math.Abs(2*out.l-1))
	switch hi {
	case r:
		out.h = 60 * math.Mod((g-b)/d, 6)
	case g:
		out.h = 60 * ((b-r)/d + 2)
	default:
		out.h = 60 * ((r-g)/d + 4)
	}
	if out.h < 0 {
		out.h += 360
	}
	return out
}

func (c hsl) rgb() RGB {
	l := math.Min(1, math.Max(0, c.l))
	ch := (1 - math.Abs(2*l-1)) * c.s
	x := ch * (1 - math.Abs(math.Mod(c.h/60, 2)-1))
	m := l - ch/2
	var r, g, b float64
	switch {
	case c.h < 60:
		r, g = ch, x
	case c.h < 120:
		r, g = x, ch
	case c.h < 180:
		g, b = ch, x
	case c.h < 240:
		g, b = x, ch
	case c.h < 300:
		r, b = x, ch
	default:
		r, b = ch, x
	}
	to := func(v float64) uint8 { return uint8(math.Round(math.Min(1, math.Max(0, v+m)) * 255)) }
	return RGB{to(r), to(g), to(b)}
}

// withLightness is c with its HSL lightness set to l.
func (c RGB) withLightness(l float64) RGB {
	h := c.hsl()
	h.l = l
	return h.rgb()
}
