package markdown

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The directive syntax places a component in a page. It is a container block
// fenced by lines of three colons, with the component's name and options on
// the opening line:
//
//	::: partners sector=health
//	:::
//
//	::: checklist id=before-the-meeting
//	- [ ] Agree who will chair
//	:::
//
// Options are key=value pairs; a value with spaces is written in double
// quotes. The lines between the fences are ordinary Markdown, which some
// components (checklist) use and the data components must leave empty.

// KindDirective is the AST kind of a directive block.
var KindDirective = ast.NewNodeKind("Directive")

// Option is one key=value pair on a directive's opening line.
type Option struct {
	Key, Value string
	// Col is the 1-based column of the key on the opening line.
	Col int
}

// Options are a directive's options in the order written.
type Options []Option

// Get returns the value of key and whether it was given.
func (o Options) Get(key string) (string, bool) {
	for _, opt := range o {
		if opt.Key == key {
			return opt.Value, true
		}
	}
	return "", false
}

// Directive is a component placed in a page.
type Directive struct {
	ast.BaseBlock
	Name    string
	Options Options
	// Offset is the byte offset of the opening line in the source; NameCol
	// is the 1-based column of the name on that line.
	Offset  int
	NameCol int
	// OptionError describes a malformed option list, with its column.
	OptionError    string
	OptionErrorCol int
	// Closed reports whether a closing ::: line was found.
	Closed bool
	// Stray marks a ":::" line that closes nothing: no directive was
	// open. It is reported, never rendered.
	Stray bool

	// render is set by the transformer once the directive is known to be
	// valid; nil renders nothing.
	render func(w util.BufWriter) error
	// container is set for a checklist, whose children are rendered.
	container *checklistInfo
	// notes is set for trainer notes, whose children are rendered.
	notes bool
}

// Kind implements ast.Node.
func (n *Directive) Kind() ast.NodeKind { return KindDirective }

// Dump implements ast.Node.
func (n *Directive) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name, "Options": fmt.Sprint(n.Options)}, nil)
}

var (
	openPattern  = regexp.MustCompile(`^(\s{0,3}):::[ \t]*([A-Za-z][A-Za-z0-9_-]*)?(.*)$`)
	closePattern = regexp.MustCompile(`^\s{0,3}:::[ \t]*$`)
)

type directiveParser struct{}

func (directiveParser) Trigger() []byte { return []byte{':'} }

func (directiveParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	trimmed := strings.TrimRight(string(line), "\r\n")
	m := openPattern.FindStringSubmatchIndex(trimmed)
	if m == nil {
		return nil, parser.NoChildren
	}
	if closePattern.MatchString(trimmed) {
		// An open directive would have taken this line as its end.
		advanceLine(reader, line, seg)
		return &Directive{Offset: seg.Start, Stray: true, Closed: true}, parser.NoChildren
	}
	n := &Directive{Offset: seg.Start}
	if m[4] >= 0 {
		n.Name = trimmed[m[4]:m[5]]
		n.NameCol = m[4] + 1
	} else {
		n.NameCol = m[3] + 4
	}
	n.Options, n.OptionError, n.OptionErrorCol = parseOptions(trimmed[m[6]:m[7]], m[6]+1)
	advanceLine(reader, line, seg)
	return n, parser.HasChildren
}

func (directiveParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	d := node.(*Directive)
	if d.Stray {
		return parser.Close
	}
	line, seg := reader.PeekLine()
	if closePattern.Match(trimEOL(line)) && !insideInnerBlock(d, line, pc) {
		d.Closed = true
		advanceLine(reader, line, seg)
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

// advanceLine moves past the rest of a directive's line, leaving its line
// ending for the parser. The last line of a file may have none: moving one
// byte short of its end would leave its last character (a ":") behind as a
// paragraph.
func advanceLine(reader text.Reader, line []byte, seg text.Segment) {
	if len(line) > 0 && line[len(line)-1] == '\n' {
		reader.Advance(seg.Len() - 1)
		return
	}
	reader.Advance(seg.Len())
}

// insideInnerBlock reports whether line, a ":::" line, belongs to a block
// opened inside directive d that takes any line as its content or has its
// own ":::" end: a fenced code block, an HTML block, or a directive nested
// in d (reported as a mistake, but ended at its own line). The directive's
// own Continue runs before its children's, so without this the ":::" of a
// code example inside a checklist item would end the checklist and turn
// the rest of the page into code. A line indented less than a list item
// between d and that block needs ends the item, and so the block.
func insideInnerBlock(d *Directive, line []byte, pc parser.Context) bool {
	blocks := pc.OpenedBlocks()
	i := 0
	for i < len(blocks) && blocks[i].Node != d {
		i++
	}
	need := 0
	for _, b := range blocks[min(i+1, len(blocks)):] {
		switch n := b.Node.(type) {
		case *ast.ListItem:
			need += n.Offset
		case *ast.Blockquote:
			return false // a ":::" line has no ">", so it ends the quote
		case *ast.FencedCodeBlock, *ast.HTMLBlock, *Directive:
			indent, _ := util.IndentWidth(line, 0)
			return indent >= need
		}
	}
	return false
}

func (directiveParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

func (directiveParser) CanInterruptParagraph() bool { return true }

func (directiveParser) CanAcceptIndentedLine() bool { return false }

func trimEOL(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

// parseOptions reads key=value pairs. col is the column of s's first byte.
// It returns the options, or a message and column for the first malformed
// one.
func parseOptions(s string, col int) (Options, string, int) {
	var opts Options
	i := 0
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return opts, "", 0
		}
		start := i
		for i < len(s) && (isKeyByte(s[i])) {
			i++
		}
		key := s[start:i]
		if key == "" || i >= len(s) || s[i] != '=' {
			return opts, fmt.Sprintf("option %q should be written key=value", firstToken(s[start:])), col + start
		}
		i++
		var value string
		if i < len(s) && s[i] == '"' {
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				return opts, fmt.Sprintf("option %q has no closing quote", key), col + start
			}
			value = s[i+1 : i+1+end]
			i += end + 2
		} else {
			vs := i
			for i < len(s) && s[i] != ' ' && s[i] != '\t' {
				i++
			}
			value = s[vs:i]
		}
		for _, o := range opts {
			if o.Key == key {
				return opts, fmt.Sprintf("option %q is given twice", key), col + start
			}
		}
		opts = append(opts, Option{Key: key, Value: value, Col: col + start})
	}
}

// firstToken returns s up to its first space or tab.
func firstToken(s string) string {
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return s[:i]
	}
	return s
}

func isKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}
