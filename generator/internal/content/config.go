package content

import (
	"strings"

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
	return c, errs.Err()
}
