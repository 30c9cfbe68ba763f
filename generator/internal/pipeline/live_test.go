package pipeline

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"joinedup/generator/internal/corpus"
)

var (
	liveSeeds = flag.Int("live.seeds", 2, "seeds for TestLiveMatchesFullBuild")
	liveSteps = flag.Int("live.steps", 12, "edits per seed for TestLiveMatchesFullBuild")
)

// TestLiveMatchesFullBuild applies random sequences of edits (bodies,
// titles, weights, descriptions, pages added, removed and renamed, data
// files, static files, a section's title, broken edits and their fixes) to
// a generated site, rebuilding it incrementally after each, and compares
// every file the dev server would serve with a fresh full build of the
// same content: byte for byte. A broken edit must fail as the full build
// fails, and leave the site as it was.
//
// With -short (make test-unit runs it so, under the race detector) it
// makes one short sequence; make test-long runs the full ones.
func TestLiveMatchesFullBuild(t *testing.T) {
	seeds, steps := *liveSeeds, *liveSteps
	if testing.Short() {
		seeds, steps = 1, 4
	}
	for seed := range seeds {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			pages := 200
			if seed%2 == 1 {
				pages = 135 // the guide is near its split into print pages by section
			}
			liveRun(t, uint64(seed), pages, steps)
		})
	}
}

// liveSite writes a corpus with the extras the corpus lacks: data files,
// a page placing a data component, a checklist and a session plan.
func liveSite(t *testing.T, dir string, pages int, seed uint64) {
	t.Helper()
	if _, err := corpus.Write(dir, corpus.Options{Pages: pages, Sections: 6, Seed: seed}); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"data/partners.yaml":    "sectors:\n  - id: health\n    name: Health\npartners:\n  - id: gp\n    name: General practitioner\n    abbr: GP\n    sector: health\n    what: A family doctor.\n    when: For health questions.\n",
		"data/glossary.yaml":    "terms:\n  - term: General practitioner\n    abbr: GP\n    definition: A family doctor.\n",
		"section-00/roles.md":   "---\ntitle: Roles\nweight: 100\n---\nWho does what.\n\n::: partners\n:::\n\n::: checklist id=live-check title=\"Before you start\"\n- [ ] Read the roles\n- [ ] Ask the GP\n:::\n",
		"section-01/session.md": "---\ntitle: A session\nweight: 100\nsession:\n  duration: 60\n  agenda:\n    - title: Roles\n      minutes: 30\n      materials: [../section-00/roles.md]\n---\nNotes for the trainer.\n",
		"section-02/ladder.png": "not really a picture",
	}
	for name, text := range files {
		write(t, filepath.Join(dir, filepath.FromSlash(name)), text)
	}
}

func write(t *testing.T, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func liveRun(t *testing.T, seed uint64, pages, steps int) {
	dir := t.TempDir()
	contentDir := filepath.Join(dir, "content")
	liveSite(t, contentDir, pages, seed)
	opt := Options{
		ContentDir: contentDir, ContentName: "content",
		TemplatesDir: repoPath("templates"), TemplatesName: "templates",
	}
	l := NewLive(opt, filepath.Join(dir, "live"))
	if _, err := l.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(seed, 99))
	e := &editor{t: t, r: r, dir: contentDir}
	good := readTree(t, l.Dir())
	for step := range steps {
		kind, changed := e.edit()
		what := fmt.Sprintf("step %d (%s: %s)", step, kind, strings.Join(changed, ", "))
		c, err := l.Update(context.Background(), e.abs(changed), nil)
		fullDir := filepath.Join(dir, fmt.Sprintf("full-%d", step))
		_, fullErr := Build(context.Background(), opt, fullDir)
		if (err == nil) != (fullErr == nil) {
			t.Fatalf("%s: live rebuild error %v; full build error %v", what, err, fullErr)
		}
		if err != nil {
			if err.Error() != fullErr.Error() {
				t.Fatalf("%s: live rebuild reports\n%v\nfull build reports\n%v", what, err, fullErr)
			}
			compareTrees(t, what+", after the broken edit", good, readTree(t, l.Dir()))
			changed = e.undo()
			if _, err := l.Update(context.Background(), e.abs(changed), nil); err != nil {
				t.Fatalf("%s: the fix failed: %v", what, err)
			}
			what += ", then its fix"
			fullDir += "-fixed"
			if _, err := Build(context.Background(), opt, fullDir); err != nil {
				t.Fatal(err)
			}
		} else {
			t.Logf("%s: %d pages rendered, full=%v", what, c.Rendered, c.Full)
		}
		good = readTree(t, fullDir)
		compareTrees(t, what, good, readTree(t, l.Dir()))
		os.RemoveAll(fullDir)
		if t.Failed() {
			return
		}
	}
}

// compareTrees fails when two output trees differ in any file.
func compareTrees(t *testing.T, what string, want, got map[string]string) {
	t.Helper()
	var diffs []string
	for name, w := range want {
		g, ok := got[name]
		switch {
		case !ok:
			diffs = append(diffs, "missing "+name)
		case g != w:
			diffs = append(diffs, "differs "+name+firstDifference(w, g))
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			diffs = append(diffs, "extra "+name)
		}
	}
	if len(diffs) > 0 {
		sort.Strings(diffs)
		if len(diffs) > 10 {
			diffs = append(diffs[:10], fmt.Sprintf("... and %d more", len(diffs)-10))
		}
		t.Errorf("%s: the live site differs from a full build:\n%s", what, strings.Join(diffs, "\n"))
	}
}

func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-60)
	return fmt.Sprintf("\n  full: %q\n  live: %q", a[from:min(len(a), i+60)], b[from:min(len(b), i+60)])
}

// editor makes random edits to a content folder, and undoes the last.
type editor struct {
	t    *testing.T
	r    *rand.Rand
	dir  string
	n    int
	last map[string][]byte // the files the last edit changed, as they were (nil: absent)
}

func (e *editor) abs(rel []string) []string {
	var out []string
	for _, p := range rel {
		out = append(out, filepath.Join(e.dir, filepath.FromSlash(p)))
	}
	return out
}

func (e *editor) pages() []string {
	var out []string
	filepath.WalkDir(e.dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && filepath.Base(p) != "_index.md" && filepath.Dir(p) != e.dir {
			rel, _ := filepath.Rel(e.dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func (e *editor) read(rel string) []byte {
	b, err := os.ReadFile(filepath.Join(e.dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil
	}
	return b
}

// set changes a file (nil removes it), remembering how it was.
func (e *editor) set(rel string, b []byte) {
	if _, seen := e.last[rel]; !seen {
		e.last[rel] = e.read(rel)
	}
	p := filepath.Join(e.dir, filepath.FromSlash(rel))
	if b == nil {
		os.Remove(p)
		return
	}
	write(e.t, p, string(b))
}

// undo puts back the files the last edit changed, and returns them.
func (e *editor) undo() []string {
	var changed []string
	for rel, b := range e.last {
		p := filepath.Join(e.dir, filepath.FromSlash(rel))
		if b == nil {
			os.Remove(p)
		} else {
			write(e.t, p, string(b))
		}
		changed = append(changed, rel)
	}
	sort.Strings(changed)
	return changed
}

var frontLine = regexp.MustCompile(`(?m)^(title|weight|description): .*$`)

// edit makes one random edit and returns its kind and the files it
// changed.
func (e *editor) edit() (string, []string) {
	e.last = map[string][]byte{}
	e.n++
	pages := e.pages()
	page := pages[e.r.IntN(len(pages))]
	other := pages[e.r.IntN(len(pages))]
	link := relLink(page, other)
	kinds := []string{"body", "body", "title", "weight", "description", "new page", "remove page", "rename page",
		"data file", "static file", "broken front matter", "broken link", "section title", "big page"}
	kind := kinds[e.r.IntN(len(kinds))]
	b := e.read(page)
	switch kind {
	case "body":
		e.set(page, append(b, fmt.Sprintf("\nAn edit, number %d. See [another page](%s).\n\n## Added heading %d\n\nMore text.\n", e.n, link, e.n)...))
	case "title", "weight", "description":
		e.set(page, frontLine.ReplaceAllFunc(b, func(line []byte) []byte {
			if !bytes.HasPrefix(line, []byte(kind+":")) {
				return line
			}
			if kind == "weight" {
				return fmt.Appendf(nil, "weight: %d", e.r.IntN(40))
			}
			return fmt.Appendf(nil, "%s: Changed %s %d", kind, kind, e.n)
		}))
	case "new page":
		name := fmt.Sprintf("%s/new-%d.md", folderOf(page), e.n)
		e.set(name, fmt.Appendf(nil, "---\ntitle: New page %d\nweight: %d\n---\nA new page. See [another](%s).\n\n## Its heading\n\nText.\n", e.n, e.r.IntN(40), relLink(name, other)))
	case "remove page":
		e.set(page, nil)
	case "rename page":
		e.set(page, nil)
		e.set(fmt.Sprintf("%s/renamed-%d.md", folderOf(page), e.n), b)
	case "data file":
		e.set("data/partners.yaml", bytes.Replace(e.read("data/partners.yaml"), []byte("A family doctor."), fmt.Appendf(nil, "A family doctor (%d).", e.n), 1))
		if e.r.IntN(2) == 0 {
			p := "data/partners.yaml"
			e.set(p, bytes.Replace(e.read(p), []byte("name: General practitioner"), fmt.Appendf(nil, "name: General practitioner %d", e.n), 1))
		}
	case "static file":
		if e.read("section-02/extra.txt") == nil {
			e.set("section-02/extra.txt", fmt.Appendf(nil, "extra %d", e.n))
		} else {
			e.set("section-02/extra.txt", nil)
		}
	case "broken front matter":
		e.set(page, bytes.Replace(b, []byte("title:"), []byte("titel:"), 1))
	case "broken link":
		e.set(page, append(b, "\nSee [nowhere](nowhere.md).\n"...))
	case "section title":
		sec := folderOf(page) + "/_index.md"
		e.set(sec, frontLine.ReplaceAllFunc(e.read(sec), func(line []byte) []byte {
			if bytes.HasPrefix(line, []byte("title:")) {
				return fmt.Appendf(nil, "title: Section renamed %d", e.n)
			}
			return line
		}))
	case "big page":
		if bytes.Contains(b, []byte("Filler")) {
			e.set(page, b[:bytes.Index(b, []byte("\nFiller"))])
		} else {
			e.set(page, append(b, "\nFiller "+strings.Repeat("lorem ipsum dolor ", 70000)+"\n"...))
		}
	}
	var changed []string
	for rel := range e.last {
		changed = append(changed, rel)
	}
	slices.Sort(changed)
	return kind, changed
}

// folderOf is the folder of a slash path.
func folderOf(p string) string { return p[:strings.LastIndexByte(p, '/')] }

// relLink is the link from page from to page to, both below the content
// folder.
func relLink(from, to string) string {
	rel, _ := filepath.Rel(filepath.Dir(filepath.FromSlash(from)), filepath.FromSlash(to))
	return filepath.ToSlash(rel)
}
