package data

import (
	"regexp"

	"joinedup/generator/internal/strictyaml"
)

// PageLink is a link from a data file to a page of the site, written as
// the page's source path below content/ with an optional #anchor. Package
// data checks its form; the build checks that the page and the anchor
// exist, as it does for links written in Markdown (see Links).
type PageLink struct {
	Text string `yaml:"text" schema:"required"`
	Page string `yaml:"page" schema:"required"`

	Pos strictyaml.Positions `yaml:"-"`
}

// pageLinkPattern is the form of a link's page: a source path of a
// Markdown page below content/, with an optional anchor. Anchors keep
// letters of any alphabet, as headings' ids do.
var pageLinkPattern = regexp.MustCompile(`^[a-z0-9_-]+(/[a-z0-9_-]+)*\.md(#[\p{Ll}\p{Lo}0-9]+(-[\p{Ll}\p{Lo}0-9]+)*)?$`)

// pageLinks checks the form of each link's page.
func (c *checker) pageLinks(links []PageLink) {
	for _, l := range links {
		if l.Pos.Has("page") && !pageLinkPattern.MatchString(l.Page) {
			c.errs.Add(l.Pos.Of("page"), "link page %q should be the path of a page below content/, with an optional #anchor, like \"guidance/consent-and-information-sharing.md#asking-the-person\"", l.Page)
		}
	}
}
