package markdown

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/site"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// pageTransformer runs once per page after parsing. It checks directives,
// rewrites links, marks abbreviations, builds checklists and collects the
// page's headings and text.
type pageTransformer struct{ c *Converter }

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func (t *pageTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := pc.Get(stateKey).(*state)
	src := reader.Source()
	var (
		texts      []*ast.Text
		checklists []*Directive
		nested     []*Directive
		section    = &Section{}
		sectionBuf spaceText
	)
	flush := func() {
		section.Text = sectionBuf.String()
		if section.Level > 0 || section.Text != "" {
			st.result.Sections = append(st.result.Sections, *section)
		}
		sectionBuf.Reset()
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *Directive:
			if outer := enclosingDirective(n); outer != nil {
				t.nested(st, n, outer)
				nested = append(nested, n)
				return ast.WalkSkipChildren, nil
			}
			if t.directive(st, n) {
				checklists = append(checklists, n)
				return ast.WalkContinue, nil
			}
			for _, s := range t.outline(n) {
				if s.Level == 2 || s.Level == 3 {
					flush()
					section = &Section{Heading: s.Heading}
				}
				if s.ID != "" {
					st.result.Headings = append(st.result.Headings, s.Heading)
				}
				sectionBuf.WriteString(" " + s.Text)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			h := site.Heading{Level: n.Level, ID: string(asBytes(id)), Text: plainText(n, src)}
			st.result.Headings = append(st.result.Headings, h)
			if n.Level == 2 || n.Level == 3 {
				flush()
				section = &Section{Heading: h}
			} else {
				sectionBuf.WriteString(" " + h.Text)
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			t.autoLink(st, n, src)
		case *ast.Link:
			t.link(st, n, n.Destination, func(d []byte) { n.Destination = d }, false)
		case *ast.Image:
			t.link(st, n, n.Destination, func(d []byte) { n.Destination = d }, true)
			if plainText(n, src) == "" {
				st.errs.Add(t.linkPos(st, n, src), "image %q has no alt text; describe the image between the square brackets: ![what it shows](%s)", string(n.Destination), string(n.Destination))
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			mergeFollowingText(n)
			texts = append(texts, n)
			sectionBuf.Write(n.Segment.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				sectionBuf.WriteByte(' ')
			}
		case *ast.String:
			sectionBuf.WriteString(stringText(n))
		case *ast.Paragraph, *ast.TextBlock, *ast.ListItem, *east.TableCell:
			sectionBuf.WriteByte(' ')
		}
		return ast.WalkContinue, nil
	})
	flush()
	t.finish(st, nested, checklists, texts, src)
}

// finish does what needs the whole page walked: a nested directive is
// reported and left out, so that the directive around it is checked as
// if it were not there; checklists become checkboxes; abbreviations are
// marked. holders are the directives that hold Markdown.
func (t *pageTransformer) finish(st *state, nested, holders []*Directive, texts []*ast.Text, src []byte) {
	for _, d := range nested {
		d.Parent().RemoveChild(d.Parent(), d)
	}
	for _, d := range holders {
		if d.Name == checklistName {
			t.checklist(st, d, src)
		}
	}
	t.c.abbrs.mark(texts, src)
}

// directive checks a directive and prepares it for rendering. It reports
// whether the directive holds Markdown (a checklist, or trainer notes),
// whose children are walked and rendered.
func (t *pageTransformer) directive(st *state, d *Directive) bool {
	at := st.pos(d.Offset)
	if d.Stray {
		st.errs.Add(at, "this \":::\" line ends a component, but none is open here; delete it, or add the opening line (\"::: name\") above what it should hold")
		return false
	}
	nameAt := at
	nameAt.Col += d.NameCol - 1
	if !d.Closed && d.Name != "" {
		st.errs.Add(at, "directive %q is not closed; add a line with just \":::\" after it", d.Name)
	}
	if d.OptionError != "" {
		optAt := at
		optAt.Col += d.OptionErrorCol - 1
		st.errs.Add(optAt, "%s", d.OptionError)
		return false
	}
	if d.Name == "" {
		st.errs.Add(nameAt, "directive has no component name; write \"::: name\", one of %s", strings.Join(t.names(), ", "))
		return false
	}
	if d.Name == checklistName {
		return true
	}
	if d.Name == trainerNotesName {
		return t.trainerNotes(st, d)
	}
	if t.c.components == nil || !slices.Contains(t.c.components.Names(), d.Name) {
		hint := ""
		if s := diag.Suggest(d.Name, t.names()); s != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", s)
		}
		st.errs.Add(nameAt, "unknown component %q%s; known components are %s", d.Name, hint, strings.Join(t.names(), ", "))
		return false
	}
	if msg, opt := t.c.components.Check(d.Name, d.Options); msg != "" {
		p := nameAt
		if opt != nil {
			p = at
			p.Col += opt.Col - 1
		}
		st.errs.Add(p, "%s", msg)
		return false
	}
	if d.HasChildren() {
		st.errs.Add(st.nodePos(d.FirstChild()), "component %q takes no content between its \":::\" lines; remove it or move it outside the directive", d.Name)
	}
	name, opts, page := d.Name, d.Options, st.in.Path
	if !slices.Contains(st.result.Components, name) {
		st.result.Components = append(st.result.Components, name)
	}
	comps := t.c.components
	d.render = func(w util.BufWriter) error { return comps.Render(w, name, opts, page) }
	return false
}

// enclosingDirective returns the directive d is inside, or nil.
func enclosingDirective(d *Directive) *Directive {
	for p := d.Parent(); p != nil; p = p.Parent() {
		if outer, ok := p.(*Directive); ok {
			return outer
		}
	}
	return nil
}

// nested reports directive d, placed inside directive outer.
func (t *pageTransformer) nested(st *state, d, outer *Directive) {
	at := st.pos(d.Offset)
	if d.Stray {
		return // the end of the outer directive, reported with it if misplaced
	}
	what := fmt.Sprintf("directive %q", outer.Name)
	if id, ok := outer.Options.Get("id"); ok && outer.Name == checklistName {
		what = fmt.Sprintf("checklist %q", id)
	}
	st.errs.Add(at, "components cannot be placed inside one another: %q is inside the %s, which starts at line %d; end that one with a \":::\" line first", d.Name, what, st.pos(outer.Offset).Line)
}

func (t *pageTransformer) outline(d *Directive) []Section {
	if d.render == nil {
		return nil
	}
	return t.c.components.Outline(d.Name, d.Options)
}

func (t *pageTransformer) names() []string {
	names := []string{checklistName, trainerNotesName}
	if t.c.components != nil {
		names = append(names, t.c.components.Names()...)
	}
	sort.Strings(names)
	return names
}

// allowedSchemes are the URL schemes an external link may use.
var allowedSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true}

// autoLink checks the scheme of an autolink (<https://...>, or a bare
// address) as link does any other link's: goldmark renders one with an
// unsafe scheme as a link to nowhere.
func (t *pageTransformer) autoLink(st *state, n *ast.AutoLink, src []byte) {
	if n.AutoLinkType != ast.AutoLinkURL {
		return // an email address
	}
	addr := string(n.URL(src))
	u, err := url.Parse(addr)
	scheme := ""
	if err == nil {
		scheme = strings.ToLower(u.Scheme)
	} else if i := strings.IndexByte(addr, ':'); i > 0 {
		scheme = strings.ToLower(addr[:i])
	}
	if allowedSchemes[scheme] {
		return
	}
	// The label is a slice of the source, so its offset is where it starts.
	label := n.Label(src)
	off := cap(src) - cap(label)
	if off > 0 && off <= len(src) && src[off-1] == '<' {
		off--
	}
	st.errs.Add(st.pos(off), "link %q uses the %q scheme; only http, https, mailto and tel links are allowed", addr, scheme)
}

// unescapeLink resolves a link destination's backslash escapes and
// character references, as goldmark does when it renders one: goldmark
// keeps the destination as written, so without this [a](foo\_bar.md)
// would be checked as a link to "foo\_bar.md".
func unescapeLink(dest []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(dest)))
}

// link checks and rewrites one link or image destination.
func (t *pageTransformer) link(st *state, n ast.Node, dest []byte, set func([]byte), image bool) {
	src := st.in.Body
	raw := string(unescapeLink(dest))
	if raw == "" {
		st.errs.Add(t.linkPos(st, n, src), "link has no destination; write [text](page.md)")
		return
	}
	u, err := url.Parse(raw)
	if err != nil {
		st.errs.Add(t.linkPos(st, n, src), "link %q is not a valid address: %v", raw, err)
		return
	}
	if u.Scheme != "" {
		if !allowedSchemes[strings.ToLower(u.Scheme)] {
			st.errs.Add(t.linkPos(st, n, src), "link %q uses the %q scheme; only http, https, mailto and tel links are allowed", raw, u.Scheme)
		}
		return
	}
	if u.Host != "" || strings.HasPrefix(raw, "//") {
		st.errs.Add(t.linkPos(st, n, src), "link %q has no scheme; write https://%s", raw, strings.TrimPrefix(raw, "//"))
		return
	}
	if u.Path == "" {
		// A link to an anchor on the same page.
		st.result.Links = append(st.result.Links, site.Link{Anchor: u.Fragment, Page: true, Pos: t.linkPos(st, n, src)})
		return
	}
	if strings.HasPrefix(u.Path, "/") {
		st.errs.Add(t.linkPos(st, n, src), "link %q starts with \"/\"; link relatively to the .md file (for example ../guidance/consent.md) so the site works from disk and at any address", raw)
		return
	}
	if u.RawQuery != "" {
		st.errs.Add(t.linkPos(st, n, src), "link %q has a query (?%s); links to pages of the site cannot carry one", raw, u.RawQuery)
		return
	}
	target := path.Join(path.Dir(st.in.Path), u.Path)
	if target == ".." || strings.HasPrefix(target, "../") {
		st.errs.Add(t.linkPos(st, n, src), "link %q points outside the content folder", raw)
		return
	}
	isPage := path.Ext(target) == ".md"
	if !isPage && (strings.HasSuffix(u.Path, "/") || path.Ext(target) == "" || path.Ext(target) == ".html") {
		st.errs.Add(t.linkPos(st, n, src), "link %q should name the page's .md file (for a section, its _index.md), for example %s", raw, suggestMD(u.Path))
		return
	}
	if image && isPage {
		st.errs.Add(t.linkPos(st, n, src), "image %q is a Markdown page; images must be image files", raw)
		return
	}
	st.result.Links = append(st.result.Links, site.Link{Target: target, Anchor: u.Fragment, Page: isPage, Pos: t.linkPos(st, n, src)})
	set([]byte(site.Href(site.Relative(site.OutputPath(st.in.Path), site.OutputPath(target)), u.Fragment)))
}

func suggestMD(p string) string {
	p = strings.TrimSuffix(p, "/")
	if strings.HasSuffix(p, ".html") {
		return strings.TrimSuffix(p, ".html") + ".md"
	}
	if path.Ext(p) == "" {
		return p + "/_index.md or " + p + ".md"
	}
	return p
}

// linkPos finds the position of a link's opening bracket: just before its
// text, or, for a link with no text, before "](destination" in its block.
func (t *pageTransformer) linkPos(st *state, n ast.Node, src []byte) diag.Pos {
	off, ok := offsetOf(n)
	if !ok {
		block := n.Parent()
		for block != nil && block.Type() != ast.TypeBlock {
			block = block.Parent()
		}
		var dest []byte
		switch n := n.(type) {
		case *ast.Link:
			dest = n.Destination
		case *ast.Image:
			dest = n.Destination
		}
		if block == nil || block.Lines().Len() == 0 {
			return st.nodePos(n.Parent())
		}
		lines := block.Lines()
		start, stop := lines.At(0).Start, lines.At(lines.Len()-1).Stop
		i := bytes.Index(src[start:stop], append([]byte("]("), dest...))
		if i < 0 {
			return st.pos(start)
		}
		off = start + i + 1
	}
	// Step back from the text (or the "]") to the "[" (or "![").
	for i := off - 1; i >= 0 && i >= off-4; i-- {
		if src[i] == '[' {
			off = i
			if i > 0 && src[i-1] == '!' {
				off = i - 1
			}
			break
		}
	}
	return st.pos(off)
}

func asBytes(v any) []byte {
	switch v := v.(type) {
	case []byte:
		return v
	case string:
		return []byte(v)
	}
	return nil
}

// plainText returns the text of a node's inline descendants.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(stringText(c))
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// mergeFollowingText joins n with the Text nodes that directly follow it in
// the source. The inline parser splits text wherever an extension might
// start (a space, a quote), and phrases such as "UK GDPR" must be whole to be
// found. Rendering is unchanged.
func mergeFollowingText(n *ast.Text) {
	if n.IsRaw() {
		return
	}
	for !n.SoftLineBreak() && !n.HardLineBreak() {
		next, ok := n.NextSibling().(*ast.Text)
		if !ok || next.IsRaw() || next.Segment.Start != n.Segment.Stop || next.Segment.Padding != 0 {
			return
		}
		n.Segment = n.Segment.WithStop(next.Segment.Stop)
		n.SetSoftLineBreak(next.SoftLineBreak())
		n.SetHardLineBreak(next.HardLineBreak())
		n.Parent().RemoveChild(n.Parent(), next)
	}
}

// stringText returns the text of a String node. The typographer stores curly
// quotes and dashes as HTML entities; search and headings want characters.
func stringText(n *ast.String) string {
	if n.IsCode() {
		return html.UnescapeString(string(n.Value))
	}
	return string(n.Value)
}
