package site

import (
	"net/url"
	"path"
	"strings"
)

// The URL rule lives here, and only here: where each source file is
// written, how one output file links to another, where a trainer's pack
// goes, how a session plan names its materials and which links lead off
// the site. The markdown converter, the components and the renderer all
// call these functions instead of keeping rules of their own.

// Reserved output paths the generator writes itself.
const (
	SearchPage   = "search/index.html"
	PrintPage    = "print.html"
	NotFoundPage = "404.html"
	Sitemap      = "sitemap.xml"
	AssetsDir    = "assets"
)

// OutputPath applies the URL rule to a source path below content/.
func OutputPath(source string) string {
	if !strings.HasSuffix(source, ".md") {
		return source
	}
	if path.Base(source) == "_index.md" {
		return path.Join(path.Dir(source), "index.html")
	}
	return strings.TrimSuffix(source, ".md") + ".html"
}

// OutputMarker is the file a build leaves in its output folder to show
// that a build made it (publish.Marker; a test keeps the two equal). A
// file of the static folder may not take its place.
const OutputMarker = ".joinedup-site"

// searchDir holds the search page and the search index's files.
const searchDir = "search"

// DevDir is where the dev server serves its own files (its live-reload
// script and problem page); the site may not put anything there, or serve
// would hide it.
const DevDir = "_joinedup"

// reserved reports whether out is a path the generator writes itself, or
// a folder it fills (the search index and the assets). Case does not
// count: on Windows and macOS "Assets/x.png" is in assets/.
func reserved(out string) bool {
	out = strings.ToLower(out)
	return out == PrintPage || out == printDir || strings.HasPrefix(out, printDir+"/") ||
		out == NotFoundPage || out == Sitemap || out == OutputMarker ||
		out == AssetsDir || strings.HasPrefix(out, AssetsDir+"/") ||
		out == searchDir || strings.HasPrefix(out, searchDir+"/") ||
		out == DevDir || strings.HasPrefix(out, DevDir+"/")
}

// Relative returns the relative URL from the page at output path from to
// the file at output path to, both slash paths from the site's root.
// Every page's navigation calls it for each link, so it walks the two
// paths in place instead of splitting them: the only allocation is the
// result.
func Relative(from, to string) string {
	fromDir := path.Dir(from)
	if fromDir == "." {
		return to
	}
	// Skip the folders the two paths share, from the left. The last
	// part of to is its file name and is never shared.
	f, t := fromDir, to
	up := -1 // until known: the folders of f left to climb out of
	for {
		ti := strings.IndexByte(t, '/')
		if ti < 0 {
			break
		}
		fi := strings.IndexByte(f, '/')
		seg := f
		if fi >= 0 {
			seg = f[:fi]
		}
		if seg != t[:ti] {
			break
		}
		t = t[ti+1:]
		if fi < 0 {
			up = 0 // every folder of from is shared
			break
		}
		f = f[fi+1:]
	}
	if up < 0 {
		up = strings.Count(f, "/") + 1
	}
	return strings.Repeat("../", up) + t
}

// Href is a link for an href attribute or a sitemap: the slash path p (an
// output path, or one Relative made) and the anchor, or "", each
// percent-encoded, so that a file or heading named with spaces or letters
// outside ASCII is reached on any web server and from disk. "&" is encoded
// too, so that no renderer that resolves character references (as goldmark
// does) can change the path. File names that no encoding makes safe to
// link to, with "#", "?" or "%" in them, are refused when the content is
// read (see content.CheckName).
func Href(p, anchor string) string {
	u := url.URL{Path: p, Fragment: anchor}
	return strings.ReplaceAll(u.String(), "&", "%26")
}

// Root is the relative path from the file at output path url to the site's
// root: "" at the root, "../" one folder down, and so on. Every asset and
// link a template writes starts from it.
func Root(url string) string { return strings.Repeat("../", strings.Count(url, "/")) }

// BasePath is the path part of base_url, with a slash at each end ("/"
// or "/guides/partnership/"), or "" when base_url is not set. The 404
// page, which a web server shows at any depth, links from it.
func (s *Site) BasePath() string {
	u, err := url.Parse(s.Config.BaseURL)
	if s.Config.BaseURL == "" || err != nil || u.Host == "" {
		return ""
	}
	if p := strings.Trim(u.Path, "/"); p != "" {
		return "/" + p + "/"
	}
	return "/"
}

// externalSchemes are the schemes of links that leave the site.
var externalSchemes = map[string]bool{"http": true, "https": true, "mailto": true}

// Scheme returns the lower-case URL scheme of link ("https", "mailto"), or
// "" when link has none and so names a file of the site.
func Scheme(link string) string {
	if u, err := url.Parse(link); err == nil {
		return strings.ToLower(u.Scheme)
	}
	// An address Go cannot parse ("javascript://alert(1)") still has a
	// scheme if it starts like one, and is judged by it, not taken for a
	// page's path.
	scheme, _, ok := strings.Cut(link, ":")
	if !ok || scheme == "" || !isLetter(scheme[0]) {
		return ""
	}
	for i := 1; i < len(scheme); i++ {
		if c := scheme[i]; !isLetter(c) && (c < '0' || c > '9') && c != '+' && c != '-' && c != '.' {
			return ""
		}
	}
	return strings.ToLower(scheme)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// External reports whether a link written in site.yaml leads off the site:
// an http, https or mailto address. Any other link names a page.
func External(link string) bool { return externalSchemes[Scheme(link)] }

// packSuffix turns a session page's output name into its pack's.
const packSuffix = "-pack.html"

// A trainer's pack is one printable page per session plan: the plan, the
// session page's own notes, then every page the agenda names as a
// material. It is written beside the session page as NAME-pack.html, so
// its links to other pages stay as short as the session page's own.

// HasPack reports whether p gets a trainer's pack: whether it is a session
// plan.
func (p *Page) HasPack() bool { return p.Src.Front.Session != nil }

// PackURL is the output path of the trainer's pack of the session page p.
func PackURL(p *Page) string { return strings.TrimSuffix(p.URL, ".html") + packSuffix }

// MaterialPath is the source path below content/ of material m, as the
// agenda of session page p names it: relative to p's folder.
func MaterialPath(p *Page, m string) string { return path.Join(path.Dir(p.Src.Path), m) }

// Material returns the page material m of session page p names, or nil.
func (s *Site) Material(p *Page, m string) *Page {
	if !strings.HasSuffix(m, ".md") {
		return nil
	}
	return s.byPath[MaterialPath(p, m)]
}

// PackMaterials lists the pages the agenda of session page p names as
// materials, once each, in order of first use.
func (s *Site) PackMaterials(p *Page) []*Page {
	var out []*Page
	seen := map[*Page]bool{p: true}
	for _, item := range p.Src.Front.Session.Agenda {
		for _, m := range item.Materials {
			if target := s.Material(p, m); target != nil && !seen[target] {
				seen[target] = true
				out = append(out, target)
			}
		}
	}
	return out
}

// printDir holds the print pages of a guide too long for one (see
// GuideParts).
const printDir = "print"

// A guide longer than this, in pages or in bytes of Markdown, is too long
// to print as one page: a browser struggles to lay it out, and a reader
// cannot print a thousand sheets. It is printed a section at a time.
const (
	guidePartPages = 150
	guidePartBytes = 1 << 20
)

// GuidePart is one print page of the whole guide.
type GuidePart struct {
	// URL is the part's output path: print.html, or print/SECTION.html
	// when the guide is split.
	URL string
	// Section is the top-level section the part prints, nil for the
	// whole guide on one page.
	Section *Section
	Pages   []*Page
}

// GuideParts splits the guide's pages (see GuidePages) into its print
// pages: one, print.html, for a guide a reader can print; else one per
// top-level section, print/SECTION.html, and print.html lists them.
func (s *Site) GuideParts() []GuidePart {
	pages := s.GuidePages()
	size := 0
	for _, p := range pages {
		size += p.Src.Size
	}
	if len(pages) <= guidePartPages && size <= guidePartBytes {
		return []GuidePart{{URL: PrintPage, Pages: pages}}
	}
	var parts []GuidePart
	for _, p := range pages {
		top := s.TopSection(p)
		if len(parts) == 0 || parts[len(parts)-1].Section != top {
			parts = append(parts, GuidePart{URL: printDir + "/" + top.Dir + ".html", Section: top})
		}
		parts[len(parts)-1].Pages = append(parts[len(parts)-1].Pages, p)
	}
	return parts
}

// GuidePages lists the pages of the whole-guide print page: the pages of
// the top-level sections print_guide names (every section when it names
// none), in the site's reading order, the order of its navigation.
func (s *Site) GuidePages() []*Page {
	want := map[string]bool{}
	for _, dir := range s.Config.PrintGuide {
		want[dir] = true
	}
	var out []*Page
	for _, p := range s.Pages {
		top := s.TopSection(p)
		if top != nil && (len(want) == 0 || want[top.Dir]) {
			out = append(out, p)
		}
	}
	return out
}
