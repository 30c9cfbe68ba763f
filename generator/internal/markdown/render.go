package markdown

import (
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// nodeRenderer renders our own nodes and overrides goldmark's rendering of
// raw HTML (escaped, never passed through), fenced code (highlighted) and
// task list boxes (accessible text, not a disabled unlabelled input).
type nodeRenderer struct{}

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindDirective, renderDirective)
	reg.Register(kindCheckbox, renderCheckbox)
	reg.Register(kindLabel, renderLabel)
	reg.Register(kindAbbr, renderAbbr)
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
	reg.Register(ast.KindFencedCodeBlock, renderFencedCode)
	reg.Register(ast.KindCodeBlock, renderFencedCode)
	reg.Register(east.KindTaskCheckBox, renderTaskBox)
}

// renderDirective writes a data component through the function the
// transformer attached, or wraps a checklist's items.
func renderDirective(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Directive)
	if n.notes {
		if entering {
			w.WriteString(notesOpen)
		} else {
			w.WriteString(notesClose)
		}
		return ast.WalkContinue, nil
	}
	if info := n.container; info != nil {
		if entering {
			fmt.Fprintf(w, `<div class="checklist" id="checklist-%s" data-module="checklist" data-checklist-id="%s" data-count="%d">`+"\n", info.id, info.id, info.count)
			if info.title != "" {
				fmt.Fprintf(w, "<p class=\"checklist__title\">%s</p>\n", html.EscapeString(info.title))
			}
			// The progress line and the Untick all button are in the
			// markup, shown from the first paint when scripts run (js-only),
			// so the page does not move when the script starts.
			fmt.Fprintf(w, "<p class=\"checklist__progress js-only\" data-checklist-progress>0 of %d done</p>\n", info.count)
		} else {
			w.WriteString("<div class=\"button-group checklist__actions js-only\"><button type=\"button\" class=\"button button--secondary checklist__reset\" data-checklist-reset>Untick all</button></div>\n</div>\n")
		}
		return ast.WalkContinue, nil
	}
	if !entering || n.render == nil {
		return ast.WalkSkipChildren, nil
	}
	return ast.WalkSkipChildren, n.render(w)
}

func renderCheckbox(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*checkboxNode)
		checked := ""
		if n.checked {
			checked = ` checked="checked"`
		}
		fmt.Fprintf(w, `<input class="checklist__input" type="checkbox" id="%s" name="%s"%s />`, n.id, n.id, checked)
	}
	return ast.WalkContinue, nil
}

func renderLabel(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		fmt.Fprintf(w, `<label class="checklist__label" for="%s">`, node.(*labelNode).forID)
	} else {
		w.WriteString("</label>")
	}
	return ast.WalkContinue, nil
}

func renderAbbr(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		fmt.Fprintf(w, `<abbr title="%s">`, html.EscapeString(node.(*abbrNode).title))
	} else {
		w.WriteString("</abbr>")
	}
	return ast.WalkContinue, nil
}

// renderTaskBox shows a task list item's state as text a screen reader
// announces; outside a checklist there is nothing to tick.
func renderTaskBox(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		if node.(*east.TaskCheckBox).IsChecked {
			w.WriteString(`<span class="task task--done"><span class="visually-hidden">Done: </span></span>`)
		} else {
			w.WriteString(`<span class="task"><span class="visually-hidden">To do: </span></span>`)
		}
	}
	return ast.WalkContinue, nil
}

// renderRawHTML shows inline raw HTML as text, except an HTML comment,
// which is dropped: authors leave notes to each other in comments, and
// those must not be published.
func renderRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*ast.RawHTML)
		var b strings.Builder
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b.Write(seg.Value(source))
		}
		if !strings.HasPrefix(b.String(), "<!--") {
			w.WriteString(escapeText(b.String()))
		}
	}
	return ast.WalkSkipChildren, nil
}

// htmlComment matches an HTML comment, or one left open at the end.
var htmlComment = regexp.MustCompile(`(?s)<!--.*?(-->|$)`)

// renderHTMLBlock shows an HTML block as text in a paragraph. A comment
// block (one that starts with "<!--") is dropped, with only any text after
// the comment's end shown.
func renderHTMLBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*ast.HTMLBlock)
		var b strings.Builder
		for i := 0; i < n.Lines().Len(); i++ {
			line := n.Lines().At(i)
			b.Write(line.Value(source))
		}
		if n.HasClosure() {
			b.Write(n.ClosureLine.Value(source))
		}
		text := b.String()
		if n.HTMLBlockType == ast.HTMLBlockType2 {
			text = htmlComment.ReplaceAllString(text, "")
		}
		text = strings.TrimRight(text, "\n")
		if strings.TrimSpace(text) == "" {
			return ast.WalkSkipChildren, nil
		}
		w.WriteString("<p>")
		w.WriteString(escapeText(text))
		w.WriteString("</p>\n")
	}
	return ast.WalkSkipChildren, nil
}

// escapeText escapes s for HTML and replaces NUL with U+FFFD, as
// CommonMark requires of all text: html.EscapeString lets NUL through.
func escapeText(s string) string {
	return html.EscapeString(strings.ReplaceAll(s, "\x00", "\uFFFD"))
}

// codeFormatter writes chroma tokens as spans with CSS classes (see
// HighlightCSS), so that a strict Content-Security-Policy holds and themes
// can recolour code.
var codeFormatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true))

// renderFencedCode writes a code block in a focusable, labelled region so
// that keyboard users can scroll long lines.
func renderFencedCode(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	var lang string
	if f, ok := node.(*ast.FencedCodeBlock); ok && f.Language(source) != nil {
		// The info string's escapes and character references are
		// resolved, as in any other text: "f&ouml;&ouml;" is "föö".
		lang = strings.ReplaceAll(string(unescapeLink(f.Language(source))), "\x00", "\uFFFD")
	}
	var b strings.Builder
	lines := node.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(source))
	}
	code := strings.NewReplacer("\x00", "\uFFFD").Replace(b.String())
	label := "Code example"
	if lang != "" {
		label += " (" + lang + ")"
	}
	fmt.Fprintf(w, `<div class="code-block" tabindex="0" role="region" aria-label="%s"><pre class="chroma"><code>`, html.EscapeString(label))
	var lexer chroma.Lexer
	if lang != "" {
		lexer = lexers.Get(lang)
	}
	if lexer == nil {
		w.WriteString(html.EscapeString(code))
	} else {
		it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
		if err != nil {
			w.WriteString(html.EscapeString(code))
		} else if err := codeFormatter.Format(w, styles.Fallback, it); err != nil {
			return ast.WalkStop, err
		}
	}
	w.WriteString("</code></pre></div>\n")
	return ast.WalkSkipChildren, nil
}
