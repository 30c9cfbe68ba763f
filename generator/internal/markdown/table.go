package markdown

import (
	"fmt"
	"html"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// tableRenderer wraps each Markdown table in a focusable, labelled
// scrolling region (<div class="table-wrap" tabindex="0" role="region">).
// A wide table then scrolls inside its box instead of widening the page,
// and keyboard users can reach and scroll it (WCAG 2.1.1; axe's
// scrollable-region-focusable). On a phone the stylesheet stacks the rows
// instead (the wrapper's table-wrap--stack class), so each body cell
// carries its column's heading in data-label for the stylesheet to show
// beside it: a cut-off column is easy to miss, however clear the cue that
// it scrolls. The table itself is goldmark's, so its semantics stay.
type tableRenderer struct {
	inner renderer.NodeRenderer
	table renderer.NodeRendererFunc
}

// funcs collects a node renderer's functions so one can be reused.
type funcs map[ast.NodeKind]renderer.NodeRendererFunc

func (f funcs) Register(k ast.NodeKind, fn renderer.NodeRendererFunc) { f[k] = fn }

func newTableRenderer() *tableRenderer {
	return &tableRenderer{inner: extension.NewTableHTMLRenderer()}
}

// SetOption passes the HTML renderer's options to goldmark's table
// renderer, as if it were registered itself.
func (r *tableRenderer) SetOption(name renderer.OptionName, value any) {
	if s, ok := r.inner.(renderer.SetOptioner); ok {
		s.SetOption(name, value)
	}
}

func (r *tableRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	f := funcs{}
	r.inner.RegisterFuncs(f)
	r.table = f[east.KindTable]
	reg.Register(east.KindTable, r.render)
}

func (r *tableRenderer) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		labelCells(n, src)
		fmt.Fprintf(w, "<div class=\"table-wrap table-wrap--stack\" tabindex=\"0\" role=\"region\" aria-label=\"%s\">\n", html.EscapeString(tableLabel(n, src)))
	}
	status, err := r.table(w, src, n, entering)
	if !entering {
		_, _ = w.WriteString("</div>\n")
	}
	return status, err
}

// tableLabel names a table's region after the heading it sits under,
// numbered when one heading has several tables, so that each region's name
// says what it holds and differs from the others on the page (two regions
// with one name are ambiguous landmarks).
func tableLabel(n ast.Node, src []byte) string {
	count := 1
	for s := n.PreviousSibling(); s != nil; s = s.PreviousSibling() {
		switch s := s.(type) {
		case *east.Table:
			count++
		case *ast.Heading:
			if count == 1 {
				return "Table: " + plainText(s, src)
			}
			return fmt.Sprintf("Table %d: %s", count, plainText(s, src))
		}
	}
	return fmt.Sprintf("Table %d", count)
}

// labelCells sets data-label on each body cell of table n to the text of
// its column's heading, for the stacked rows a phone shows. A column with
// an empty heading gets none.
func labelCells(n ast.Node, src []byte) {
	var labels []string
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		if row.Kind() == east.KindTableHeader {
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				labels = append(labels, plainText(c, src))
			}
			continue
		}
		i := 0
		for c := row.FirstChild(); c != nil; c, i = c.NextSibling(), i+1 {
			if i < len(labels) && labels[i] != "" {
				c.SetAttributeString("data-label", []byte(labels[i]))
			}
		}
	}
}
