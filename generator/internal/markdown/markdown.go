// Package markdown converts a page's Markdown body to HTML with the site's one
// goldmark configuration, and reports what the rest of the build needs to
// know about the page: its headings, its links to other pages (to check once
// every page is known), its checklists, and its text by section for search.
//
// The configuration: CommonMark plus GFM (tables, task lists, strikethrough,
// autolinks), footnotes, definition lists, typographic quotes and dashes,
// heading ids, fenced code highlighted by chroma with CSS classes, and the
// directive syntax for components (see Directive). Raw HTML is never passed
// through: it is shown as text, so a page cannot carry scripts or styles that
// would break the site's Content-Security-Policy; HTML comments are dropped,
// as authors' notes to each other. Heading and checklist item ids follow
// the rule in ids.go, which keeps letters of any alphabet.
//
// Markdown is never executed as a template: components are goldmark AST
// nodes with their own renderers.
package markdown

import (
	"bytes"
	"io"
	"unicode/utf8"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/site"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Components renders the data-driven components a page places with
// directives. The build supplies it; tests supply fakes.
type Components interface {
	// Check validates a directive's name and options. It returns a
	// diag.Error-free message: the converter adds the position. opt is the
	// option at fault, or nil when the fault is the name or the whole
	// directive.
	Check(name string, opts Options) (msg string, opt *Option)
	// Names lists the known component names, for "did you mean" hints.
	Names() []string
	// Outline returns the headings and searchable text the component adds
	// to the page, in order.
	Outline(name string, opts Options) []Section
	// Render writes the component's HTML. page is the source path of the
	// page being rendered, for building relative links.
	Render(w io.Writer, name string, opts Options, page string) error
}

// Linker is implemented by Components whose components link to pages of
// the site from their data, such as a scenario's endings linking to the
// guidance. The links of each component a page places are checked with
// the page's own links; their positions are in the data file that holds
// them.
type Linker interface {
	Links(name string, opts Options) []site.Link
}

// Section is a stretch of a page under one heading, for search and the
// on-page contents. The text before the first heading has Level 0.
//
// A component's outline lists sections too: its headings (Level 2 or 3,
// for the contents list), anchors (Level 0 with an ID, for link checks)
// and text. A section marked Record is one entry of a component, such as
// a partner role, a glossary term or a remedy, that search lists as a
// result of its own: Heading.ID is the anchor on its row or card, and
// Heading.Text its name. A record of Level 0 is not in the contents list,
// and its text is not part of the section around it.
type Section struct {
	site.Heading
	Text string
	// Record marks a component's entry as a search result of its own.
	Record bool
	// Named says a record's Heading.Text is a name that readers search
	// for as it is (a role, a term, a barrier), not a sentence (a
	// remedy): a query of exactly its words names the record.
	Named bool
	// Who says a record names someone to work with (a role, a team, a
	// contact) rather than a topic: in a longer query its name is the
	// other party ("disagreeing with a social worker" is about
	// disagreeing), so search weighs the query's other words first.
	Who bool
	// Abbr is a record's abbreviation ("OT"), which search shows beside
	// its name and weighs like it.
	Abbr string
	// Also lists other names of a record (synonyms), which search weighs
	// like its name.
	Also []string
}

// Result is a converted page.
type Result struct {
	HTML     []byte
	Sections []Section
	// Facts are what the rest of the site needs to know of the page
	// once its HTML is written.
	site.Facts
}

// Input is one page to convert.
type Input struct {
	// Path is the page's slash path below content/, e.g. "guidance/a.md".
	Path string
	// File is its name in messages; BodyLine the line of File on which
	// Body starts.
	File     string
	BodyLine int
	Body     []byte
	// Buf, when not nil, is memory to reuse for Result.HTML: a build
	// converting thousands of pages passes back the previous page's HTML
	// once it is written, instead of allocating afresh for each page.
	Buf []byte
}

// Converter converts pages. It is safe for concurrent use.
type Converter struct {
	md         goldmark.Markdown
	components Components
	abbrs      *abbrSet
}

// Config configures a Converter.
type Config struct {
	Components Components
	// Abbreviations maps an abbreviation to its expansion; the first use
	// on each page is marked up with <abbr>.
	Abbreviations map[string]string
}

// New builds the converter.
func New(cfg Config) *Converter {
	c := &Converter{components: cfg.Components, abbrs: newAbbrSet(cfg.Abbreviations)}
	c.md = goldmark.New(
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			extension.Linkify,
			extension.TaskList,
			extension.Footnote,
			extension.DefinitionList,
			extension.Typographer,
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithBlockParsers(util.Prioritized(directiveParser{}, 50)),
			parser.WithASTTransformers(util.Prioritized(&pageTransformer{c: c}, 1000)),
		),
		goldmark.WithRendererOptions(
			html.WithXHTML(),
			renderer.WithNodeRenderers(util.Prioritized(&nodeRenderer{}, 100), util.Prioritized(newTableRenderer(), 10)),
		),
	)
	return c
}

var stateKey = parser.NewContextKey()

// state is what one conversion collects.
type state struct {
	in     Input
	result Result
	errs   diag.List
}

// Convert converts one page. It returns the result even when there are
// errors, so that a build can report every page's problems at once.
func (c *Converter) Convert(in Input) (*Result, diag.List) {
	st := &state{in: in}
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	pc.Set(stateKey, st)
	doc := c.md.Parser().Parse(text.NewReader(in.Body), parser.WithContext(pc))
	buf := bytes.NewBuffer(in.Buf[:0])
	buf.Grow(len(in.Body) * 2)
	if err := c.md.Renderer().Render(buf, in.Body, doc); err != nil {
		st.errs.Add(diag.Pos{File: in.File}, "cannot render: %v", err)
	}
	st.result.HTML = buf.Bytes()
	return &st.result, st.errs
}

// pos converts a byte offset in the body to a position in the file. It
// counts lines afresh on each call: it is called for a page's few links
// and errors, and counting newlines is cheaper than indexing every line of
// every page up front.
func (st *state) pos(offset int) diag.Pos {
	body := st.in.Body[:max(0, min(offset, len(st.in.Body)))]
	start := bytes.LastIndexByte(body, '\n') + 1
	col := utf8.RuneCount(body[start:]) + 1
	return diag.Pos{File: st.in.File, Line: st.in.BodyLine + bytes.Count(body[:start], []byte{'\n'}), Col: col}
}

// nodePos finds the best position for a node: its own first line, else its
// first descendant's text, else its nearest ancestor's.
func (st *state) nodePos(n ast.Node) diag.Pos {
	for cur := n; cur != nil; cur = cur.Parent() {
		if off, ok := offsetOf(cur); ok {
			return st.pos(off)
		}
	}
	return diag.Pos{File: st.in.File, Line: st.in.BodyLine}
}

func offsetOf(n ast.Node) (int, bool) {
	if d, ok := n.(*Directive); ok {
		return d.Offset, true
	}
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l.Len() > 0 {
			return l.At(0).Start, true
		}
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start, true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off, ok := offsetOf(c); ok {
			return off, true
		}
	}
	return 0, false
}
