package markdown

// trainerNotesName is a directive the converter handles itself, like the
// checklist: its content is Markdown for the trainer only. It shows in the
// session plan and the trainer's pack, and present mode hides it, so notes
// such as "ask the group first, then show the answer" never reach the
// room's screen.
//
//	::: trainer-notes
//	Ask the group before you show this slide.
//	:::
const trainerNotesName = "trainer-notes"

// trainerNotes checks a trainer-notes directive: it takes no options and
// needs some content.
func (t *pageTransformer) trainerNotes(st *state, d *Directive) bool {
	at := st.pos(d.Offset)
	for _, o := range d.Options {
		p := at
		p.Col += o.Col - 1
		st.errs.Add(p, "trainer-notes has no option %q; it takes none, only Markdown between its \":::\" lines", o.Key)
	}
	if !d.HasChildren() {
		st.errs.Add(at, "trainer-notes is empty; write the notes for the trainer between its \":::\" lines")
		return false
	}
	d.notes = true
	return true
}

// notesOpen and notesClose wrap trainer notes. The class trainer-only is
// what present mode hides.
var (
	notesOpen  = "<aside class=\"trainer-notes trainer-only\" aria-label=\"Notes for the trainer\">\n<p class=\"trainer-notes__title\">Notes for the trainer</p>\n"
	notesClose = "</aside>\n"
)
