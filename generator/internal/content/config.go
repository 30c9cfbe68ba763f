package content

import (
	"io/fs"
	"path"
	"strings"

	"joinedup/generator/internal/brand"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/strictyaml"
)

// Config is the site settings file, content/site.yaml.
type Config struct {
	Title        string `yaml:"title" schema:"required"`
	Tagline      string `yaml:"tagline"`
	Organisation string `yaml:"organisation" schema:"required"`
	// Language is the BCP 47 tag of the content; en-GB when unset.
	Language string `yaml:"language"`
	// BaseURL is where the site is published, used only for the absolute
	// addresses a sitemap needs. Every link inside the site is relative.
	BaseURL     string       `yaml:"base_url"`
	Contact     Contact      `yaml:"contact"`
	Licence     Licence      `yaml:"licence"`
	FooterLinks []FooterLink `yaml:"footer_links"`
	// PrintGuide lists the sections, in order, that "print the whole guide"
	// brings together; every section when empty.
	PrintGuide []string `yaml:"print_guide"`
	// Brand is the organisation's own look: see Brand.
	Brand Brand `yaml:"brand"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Brand is the organisation's own look for the site's header: its name, a
// colour and a logo. Each is optional.
type Brand struct {
	// Name is the organisation's name as the header shows it.
	Name string `yaml:"name"`
	// Colour is the header's colour, "#1f4e5a"; the links are made from
	// it too, and the build checks that all of them can be read (see
	// package brand).
	Colour string `yaml:"colour"`
	// Logo is an SVG or PNG file in the content folder, by its path below
	// it, shown in the header; LogoAlt is what it says, for people who
	// cannot see it, and is required with a logo.
	Logo    string `yaml:"logo"`
	LogoAlt string `yaml:"logo_alt"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Contact says who to ask about the site's content.
type Contact struct {
	Name  string `yaml:"name"`
	Email string `yaml:"email"`
	URL   string `yaml:"url"`
}

// Licence is the licence the content is published under.
type Licence struct {
	Name string `yaml:"name"`
	URL  string `yaml:"url"`
}

// FooterLink is a link in every page's footer: a page of the site, written as
// a path to its .md file below content/, or an https address.
type FooterLink struct {
	Title string `yaml:"title" schema:"required"`
	URL   string `yaml:"url" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// ParseConfig decodes and checks the site settings.
func ParseConfig(file string, src []byte) (Config, error) {
	var c Config
	var errs diag.List
	// With problems, c still holds every setting that has none.
	errs.Append(diag.Pos{File: file}, strictyaml.Decode(file, 1, src, &c))
	if c.Language == "" {
		c.Language = "en-GB"
	}
	if c.BaseURL != "" && !strings.HasPrefix(c.BaseURL, "https://") && !strings.HasPrefix(c.BaseURL, "http://") {
		errs.Add(c.Pos.Of("base_url"), "base_url must start with https:// (or http://)")
	}
	if c.BaseURL != "" && !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	checkBrand(c.Brand, &errs)
	return c, errs.Err()
}

// checkBrand checks the brand block: a colour that everything made from
// it can be read on, and a logo that is an image with its text. Whether
// the logo's file exists is the site model's check.
func checkBrand(b Brand, errs *diag.List) {
	if _, set := b.Pos["colour"]; set && strings.TrimSpace(b.Colour) == "" {
		errs.Add(b.Pos.Of("colour"), "brand colour is empty; in YAML a # starts a comment, so put the colour in quotes: colour: \"#1f4e5a\"")
	} else if b.Colour != "" {
		checkColour(b, errs)
	}
	if b.Logo != "" {
		ext := strings.ToLower(path.Ext(b.Logo))
		switch {
		case strings.Contains(b.Logo, "\\") || path.IsAbs(b.Logo) || !fs.ValidPath(b.Logo):
			errs.Add(b.Pos.Of("logo"), "brand logo %q: give the logo's path below the content folder, with / between folders, such as images/logo.svg", b.Logo)
		case ext != ".svg" && ext != ".png":
			errs.Add(b.Pos.Of("logo"), "brand logo %q is not an SVG or PNG file; save the logo as .svg (best: sharp at any size) or .png", b.Logo)
		}
		if strings.TrimSpace(b.LogoAlt) == "" {
			errs.Add(b.Pos.Of("logo"), "brand logo %q needs logo_alt: the text that stands for it when it cannot be seen, usually the organisation's name as the logo writes it", b.Logo)
		}
	} else if b.LogoAlt != "" {
		errs.Add(b.Pos.Of("logo_alt"), "brand logo_alt is set but there is no logo; add logo: with the logo's path below the content folder, or remove logo_alt")
	}
}

// checkColour reports a brand colour that is not a colour, or that makes
// text or the focus outline too hard to see, with the nearest colour that
// does not.
func checkColour(b Brand, errs *diag.List) {
	c, err := brand.Parse(b.Colour)
	if err != nil {
		errs.Add(b.Pos.Of("colour"), "brand colour %v", err)
		return
	}
	if fails := brand.Check(c); len(fails) > 0 {
		errs.Add(b.Pos.Of("colour"), "brand colour %q has too little contrast for WCAG 2.2 AA: %s. The nearest colour that has enough is \"%s\"", b.Colour, brand.Explain(fails), brand.Nearest(c))
	}
}
