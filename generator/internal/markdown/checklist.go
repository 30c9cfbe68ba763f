package markdown

import (
	"fmt"
	"strings"

	"joinedup/generator/internal/site"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// checklistName is the one directive the converter handles itself: it wraps
// a Markdown task list and turns each item into a labelled checkbox whose
// ticks a script can remember.
const checklistName = "checklist"

// kindCheckbox and kindLabel are the inline nodes a checklist item becomes.
var (
	kindCheckbox = ast.NewNodeKind("ChecklistCheckbox")
	kindLabel    = ast.NewNodeKind("ChecklistLabel")
)

type checkboxNode struct {
	ast.BaseInline
	id      string
	checked bool
}

func (n *checkboxNode) Kind() ast.NodeKind { return kindCheckbox }
func (n *checkboxNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"id": n.id}, nil)
}

type labelNode struct {
	ast.BaseInline
	forID string
}

func (n *labelNode) Kind() ast.NodeKind { return kindLabel }
func (n *labelNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"for": n.forID}, nil)
}

// checklist checks a checklist directive and turns its task items into
// labelled checkboxes with stable ids: the checklist's id (from the author)
// and each item's id (from its words, so reordering items keeps ticks).
func (t *pageTransformer) checklist(st *state, d *Directive, src []byte) {
	at := st.pos(d.Offset)
	id, ok := d.Options.Get("id")
	for _, o := range d.Options {
		if o.Key != "id" && o.Key != "title" {
			p := at
			p.Col += o.Col - 1
			st.errs.Add(p, "checklist has no option %q; it takes id= and an optional title=", o.Key)
		}
	}
	switch {
	case !ok || id == "":
		st.errs.Add(at, "checklist needs an id that stays the same when you edit it, e.g. \"::: checklist id=before-the-meeting\"; ticks are saved under it")
		return
	case !idPattern.MatchString(id):
		st.errs.Add(at, "checklist id %q should use only lowercase letters, digits and single hyphens", id)
		return
	}
	list, _ := d.FirstChild().(*ast.List)
	if list == nil || list.NextSibling() != nil {
		st.errs.Add(at, "checklist %q should hold exactly one task list, with items written \"- [ ] what to do\"", id)
		return
	}
	cl := site.Checklist{ID: id, Pos: at}
	used := map[string]int{}
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		block := item.FirstChild()
		var box *east.TaskCheckBox
		if block != nil {
			box, _ = block.FirstChild().(*east.TaskCheckBox)
		}
		if box == nil {
			st.errs.Add(st.nodePos(item), "checklist %q: every item should start with \"[ ]\" (or \"[x]\" to show it ticked)", id)
			return
		}
		words := strings.Fields(plainText(block, src))
		itemID := slugWords(words, 6)
		used[itemID]++
		if n := used[itemID]; n > 1 {
			itemID = fmt.Sprintf("%s-%d", itemID, n)
		}
		cl.Items = append(cl.Items, itemID)
		inputID := "cl-" + id + "-" + itemID
		label := &labelNode{forID: inputID}
		for c := box.NextSibling(); c != nil; {
			next := c.NextSibling()
			block.RemoveChild(block, c)
			label.AppendChild(label, c)
			c = next
		}
		cb := &checkboxNode{id: inputID, checked: box.IsChecked}
		block.ReplaceChild(block, box, cb)
		block.AppendChild(block, label)
		item.(*ast.ListItem).SetAttributeString("class", []byte("checklist__item"))
		item.(*ast.ListItem).SetAttributeString("data-item", []byte(itemID))
	}
	list.SetAttributeString("class", []byte("checklist__items"))
	st.result.Checklists = append(st.result.Checklists, cl)
	title, _ := d.Options.Get("title")
	d.container = &checklistInfo{id: id, title: title, count: len(cl.Items)}
}

type checklistInfo struct {
	id, title string
	count     int
}

// slugWords makes an id from the first n words, by the id rule of
// headings (see textID): letters of any alphabet are kept, so items written
// in Welsh or Japanese get ids of their own words, not their places.
func slugWords(words []string, n int) string {
	if len(words) > n {
		words = words[:n]
	}
	var b strings.Builder
	for _, w := range words {
		for _, r := range w {
			if c := slugRune(r); c != 0 && c != '-' {
				b.WriteRune(c)
			}
		}
		b.WriteByte('-')
	}
	s := strings.Trim(b.String(), "-")
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	if s == "" {
		return textID(strings.Join(words, " "), "item")
	}
	return s
}
