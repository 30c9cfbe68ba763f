package pipeline

import (
	"context"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"joinedup/generator/internal/corpus"
	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/publish"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden output trees in testdata/sites/")

// siteFS reads testdata/sites/NAME.txtar as a content folder.
func siteFS(t *testing.T, name string) fstest.MapFS {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("testdata", "sites", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

func testTemplates() fs.FS { return os.DirFS(filepath.Join("testdata", "templates")) }

// buildInto builds into out, or checks when out is "".
func buildInto(t *testing.T, contentFS, templatesFS fs.FS, out string) (Result, error) {
	t.Helper()
	opt := Options{
		Content: contentFS, ContentName: "content",
		Templates: templatesFS, TemplatesName: "templates",
	}
	if out == "" {
		return Check(context.Background(), opt)
	}
	return Build(context.Background(), opt, out)
}

// readTree returns every file below dir by slash path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		tree[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func treeArchive(tree map[string]string, skip func(string) bool) []byte {
	names := make([]string, 0, len(tree))
	for n := range tree {
		if !skip(n) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	a := &txtar.Archive{Comment: []byte("Golden output; regenerate with go test ./generator/internal/pipeline -update\n")}
	for _, n := range names {
		a.Files = append(a.Files, txtar.File{Name: n, Data: []byte(tree[n])})
	}
	return txtar.Format(a)
}

// TestGoldenSites builds each testdata/sites/*.txtar with the test templates
// and compares the whole output tree with NAME.golden.
func TestGoldenSites(t *testing.T) {
	archives, _ := filepath.Glob(filepath.Join("testdata", "sites", "*.txtar"))
	for _, a := range archives {
		name := strings.TrimSuffix(filepath.Base(a), ".txtar")
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if _, err := buildInto(t, siteFS(t, name), testTemplates(), out); err != nil {
				t.Fatal(err)
			}
			// The generated stylesheet's highlighting rules are tested in
			// package markdown; they would only add noise here.
			got := treeArchive(readTree(t, out), func(n string) bool { return n == "assets/site.css" })
			golden := filepath.Join("testdata", "sites", name+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("output of %s differs from %s (-want +got):\n%s", name, golden, diff)
			}
		})
	}
}

// TestBadInputLeavesOutputUntouched breaks one input at a time and checks
// the exact positioned errors and that the previous output is left exactly
// as it was, with no staging folder behind.
func TestBadInputLeavesOutputUntouched(t *testing.T) {
	brokenTemplates := func(file, text string) fs.FS {
		m := fstest.MapFS{}
		err := fs.WalkDir(testTemplates(), ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(testTemplates(), p)
			m[p] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		m[file] = &fstest.MapFile{Data: []byte(text)}
		return m
	}
	tests := []struct {
		name      string
		edit      map[string]string // content files to replace
		templates fs.FS
		want      []string
	}{
		{
			name: "front matter typo",
			edit: map[string]string{"guide/roles.md": "---\ntitel: Roles\n---\nText\n"},
			want: []string{`content/guide/roles.md:2:1: unknown field "titel" (did you mean "title"?)`},
		},
		{
			name: "YAML syntax error in data",
			edit: map[string]string{"data/partners.yaml": "sectors:\n  - id: health\n    name: Health: care\n"},
			want: []string{`content/data/partners.yaml:3:17: YAML syntax error: a second ": " on one line; put text that holds ": " in quotes: name: "Health: care"`},
		},
		{
			name: "best bets: a missing page, a missing anchor, a phrase of left-out words, all at once",
			edit: map[string]string{"data/best-bets.yaml": "bets:\n  - page: guide/who.md\n    phrases: [in danger]\n  - page: guide/consent.md#exception\n    phrases: [consent]\n  - page: guide/consent.md\n    phrases: [what about it]\n"},
			want: []string{
				`content/data/best-bets.yaml:2:11: best bet page "guide/who.md" does not exist; give the path of a page below content/, like "guidance/who-to-call.md"`,
				"content/data/best-bets.yaml:4:11: best bet anchor #exception is not a heading or entry on guide/consent.md; its anchors include #exceptions",
				`content/data/best-bets.yaml:7:14: the phrase "what about it" has only words that search leaves out (such as "the", "about", "can"), so it would never match; add a word that says what it is about`,
			},
		},
		{
			name: "broken link",
			edit: map[string]string{"guide/roles.md": "---\ntitle: Roles\n---\nSee [consent](consnet.md).\n"},
			want: []string{`content/guide/roles.md:4:5: links to "content/guide/consnet.md", which does not exist (did you mean "content/guide/consent.md"?)`},
		},
		{
			name: "missing anchor",
			edit: map[string]string{"guide/roles.md": "---\ntitle: Roles\n---\n\nBack to [exceptions](consent.md#exception).\n"},
			want: []string{`content/guide/roles.md:5:9: links to #exception, which is not a heading on content/guide/consent.md (did you mean #exceptions?)`},
		},
		{
			name: "unknown component",
			edit: map[string]string{"guide/roles.md": "---\ntitle: Roles\n---\n::: partner\n:::\n"},
			want: []string{`content/guide/roles.md:4:5: unknown component "partner" (did you mean "partners"?); known components are barrier-cards, barrier-planner, barriers, check-results, checklist, consent-aid, contacts, emergency, glossary, group-results, knowledge-check, ladder, ladder-assessment, ladder-poster, learning-record, meeting-prep, partner-cards, partner-directory, partners, principles, scenario, share-card, storage-keys, trainer-notes, your-data`},
		},
		{
			name:      "template parse error",
			templates: brokenTemplates("page.html", "{{define \"main\"}}\n<h1>{{.Title}</h1>\n{{end}}\n"),
			want:      []string{`templates/page.html:2: bad character U+007D '}'`},
		},
		{
			name:      "template execution error",
			templates: brokenTemplates("page.html", "{{define \"main\"}}\n<h1>{{.Titel}}</h1>\n{{end}}\n"),
			want:      []string{`templates/page.html:2:6: executing "main" at <.Titel>: can't evaluate field Titel in type render.View`},
		},
		{
			name:      "layout parse error, with a component on a page",
			edit:      map[string]string{"guide/roles.md": "---\ntitle: Roles\n---\n::: partners\n:::\n"},
			templates: brokenTemplates("base.html", "<html>\n{{if .Title}}\n</html>\n"),
			want:      []string{`templates/base.html:4: unexpected EOF`},
		},
		{
			name:      "execution error in a cached partial",
			templates: brokenTemplates("partials/topnav.html", "<nav>\n<p>{{.Site.Organization}}</p>\n</nav>\n"),
			want:      []string{`templates/partials/topnav.html:2:10: executing "partials/topnav.html" at <.Site.Organization>: can't evaluate field Organization in type render.SiteView`},
		},
		{
			name:      "template execution error on the 404 page only",
			templates: brokenTemplates("404.html", "{{define \"main\"}}\n<a href=\"{{.Home}}\">Home</a>\n{{end}}\n"),
			want:      []string{`templates/404.html:2:11: executing "main" at <.Home>: can't evaluate field Home in type render.View`},
		},
		{
			name:      "missing partial",
			templates: brokenTemplates("page.html", "{{define \"main\"}}\n{{template \"partials/nothere.html\" .}}\n{{end}}\n"),
			want:      []string{`templates/page.html:2:11: no such template "partials/nothere.html"`},
		},
		{
			name:      "print template without the guide",
			templates: brokenTemplates("print.html", "{{define \"main\"}}<p>No guide here</p>{{end}}\n"),
			want:      []string{`templates/print.html: the print template must show {{.GuideHTML}} where the guide's pages go`},
		},
		{
			name: "session material that does not exist",
			edit: map[string]string{"guide/session.md": "---\ntitle: Session\nsession:\n  duration: 30\n  agenda:\n    - title: Roles\n      minutes: 20\n      materials: [rols.md]\n---\nNotes.\n"},
			want: []string{`content/guide/session.md:8:18: material "rols.md" of agenda item "Roles" does not exist; give a relative link to a page's .md file`},
		},
		{
			name: "session material whose page is broken is not called missing too",
			edit: map[string]string{
				"guide/session.md": "---\ntitle: Session\nsession:\n  duration: 30\n  agenda:\n    - title: Roles\n      minutes: 20\n      materials: [roles.md]\n---\nNotes.\n",
				"guide/roles.md":   "title: Roles\n---\nNo opening line.\n",
			},
			want: []string{`content/guide/roles.md:1:1: missing front matter: start the file with a line "---", then "title: ...", then another "---"`},
		},
		{
			name: "session check that does not exist",
			edit: map[string]string{"guide/session.md": "---\ntitle: Session\nsession:\n  duration: 30\n  check: quiz.md\n  agenda:\n    - title: Roles\n      minutes: 20\n---\nNotes.\n"},
			want: []string{`content/guide/session.md:5:10: check "quiz.md" does not exist; give a relative link to the .md file of the page that places the knowledge check`},
		},
		{
			name: "session check on a page with no knowledge check",
			edit: map[string]string{"guide/session.md": "---\ntitle: Session\nsession:\n  duration: 30\n  check: roles.md\n  agenda:\n    - title: Roles\n      minutes: 20\n---\nNotes.\n"},
			want: []string{`content/guide/session.md:5:10: check "roles.md" places no knowledge check; name the page that has "::: knowledge-check id=..." on it`},
		},
		{
			name: "a scenario's ending links to a heading that is not there",
			edit: map[string]string{
				"guide/practice.md":        "---\ntitle: Practice\n---\n::: scenario id=ward\n:::\n",
				"data/scenarios/ward.yaml": "title: Ward\nsummary: s\nsteps:\n  - id: start\n    title: Start\n    text: t\n    choices:\n      - text: Go\n        next: end\n  - id: end\n    title: End\n    text: t\n    ending:\n      result: good\n      debrief: d\n      links:\n        - text: Consent\n          page: guide/consent.md#exeptions\n",
			},
			want: []string{`content/data/scenarios/ward.yaml:18:17: links to #exeptions, which is not a heading on content/guide/consent.md (did you mean #exceptions?)`},
		},
		{
			name: "a knowledge check links to a page that is not there",
			edit: map[string]string{
				"guide/quiz.md":          "---\ntitle: Quiz\n---\n::: knowledge-check id=roles\n:::\n",
				"data/checks/roles.yaml": "title: Roles\ncode: RO\nquestions:\n  - id: gp\n    question: Who?\n    options:\n      - text: GP\n        correct: true\n        feedback: Yes.\n      - text: Nobody\n        feedback: No.\n    explanation: e\n    links:\n      - text: Roles\n        page: guide/role.md\n",
			},
			want: []string{`content/data/checks/roles.yaml:15:15: links to "content/guide/role.md", which does not exist (did you mean "content/guide/roles.md"?)`},
		},
		{
			name: "page over a trainer's pack",
			edit: map[string]string{
				"guide/session.md":      "---\ntitle: Session\nsession:\n  duration: 30\n  agenda:\n    - title: Roles\n      minutes: 20\n      materials: [roles.md]\n---\nNotes.\n",
				"guide/session-pack.md": "---\ntitle: Not a pack\n---\nText.\n",
			},
			want: []string{`content/guide/session-pack.md: this page would be written to guide/session-pack.html, the trainer's pack of the session plan guide/session.md; rename the file`},
		},
		{
			name: "a page that cannot be read is not also missing",
			edit: map[string]string{"guide/consent.md": "---\ntitle: Consent\n\nNo closing line.\n"},
			want: []string{`content/guide/consent.md:1:1: front matter is not closed: add a line "---" after the last front matter field`},
		},
		{
			name: "several problems at once",
			edit: map[string]string{
				"guide/roles.md":   "---\ntitle: Roles\n---\n[x](nowhere.md)\n",
				"guide/consent.md": "---\ntitle: Consent\nweigth: 1\n---\n## Exceptions\n",
			},
			want: []string{
				`content/guide/consent.md:3:1: unknown field "weigth" (did you mean "weight"?)`,
				`content/guide/roles.md:4:1: links to "content/guide/nowhere.md", which does not exist`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "public")
			if _, err := buildInto(t, siteFS(t, "small"), testTemplates(), out); err != nil {
				t.Fatal(err)
			}
			before := readTree(t, out)
			contentFS := siteFS(t, "small")
			for name, text := range tt.edit {
				contentFS[name] = &fstest.MapFile{Data: []byte(text)}
			}
			templatesFS := tt.templates
			if templatesFS == nil {
				templatesFS = testTemplates()
			}
			_, err := buildInto(t, contentFS, templatesFS, out)
			if diff := cmp.Diff(tt.want, messages(t, err)); diff != "" {
				t.Errorf("build's errors (-want +got):\n%s", diff)
			}
			// check runs every stage build runs, so it reports exactly
			// what build reports.
			_, err = buildInto(t, contentFS, templatesFS, "")
			if diff := cmp.Diff(tt.want, messages(t, err)); diff != "" {
				t.Errorf("check's errors (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(before, readTree(t, out)); diff != "" {
				t.Errorf("output changed after a failed build (-before +after):\n%s", diff)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("folder beside the output holds %d entries after a failed build; want only public/", len(entries))
			}
		})
	}
}

func TestSuccessfulBuildRemovesStaleFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(filepath.Join(out, "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "old", "stale.html"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, publish.Marker), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := buildInto(t, siteFS(t, "small"), testTemplates(), out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "old", "stale.html")); !os.IsNotExist(err) {
		t.Errorf("stale file survived a successful build (stat error %v)", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("%d entries beside the output; want only public/", len(entries))
	}
}

func TestDeterministic(t *testing.T) {
	a := filepath.Join(t.TempDir(), "a")
	b := filepath.Join(t.TempDir(), "b")
	for _, out := range []string{a, b} {
		if _, err := buildInto(t, os.DirFS(repoPath("content")), os.DirFS(repoPath("templates")), out); err != nil {
			t.Fatal(err)
		}
	}
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) == 0 {
		t.Fatal("empty build")
	}
	for name := range ta {
		if ta[name] != tb[name] {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
	if len(ta) != len(tb) {
		t.Errorf("builds wrote %d and %d files", len(ta), len(tb))
	}
}

func repoPath(p string) string { return filepath.Join("..", "..", "..", p) }

var refPattern = regexp.MustCompile(`\b(?:href|src)="([^"]*)"`)

// TestLinksResolveAsFiles checks every href and src in the output of the
// bundled site and of the small site: each relative one must name a file
// that exists (a folder would not open its index.html from disk), and each
// #anchor must be an id on the target page.
func TestLinksResolveAsFiles(t *testing.T) {
	split := filepath.Join(t.TempDir(), "content")
	if _, err := corpus.Write(split, corpus.Options{Pages: 200, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	sites := map[string][2]fs.FS{
		"bundled": {os.DirFS(repoPath("content")), os.DirFS(repoPath("templates"))},
		"small":   {siteFS(t, "small"), testTemplates()},
		// Long enough for the guide to print a section at a time.
		"split guide": {os.DirFS(split), os.DirFS(repoPath("templates"))},
	}
	for name, s := range sites {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if _, err := buildInto(t, s[0], s[1], out); err != nil {
				t.Fatal(err)
			}
			tree := readTree(t, out)
			checked := 0
			for file, text := range tree {
				if !strings.HasSuffix(file, ".html") || file == "404.html" {
					continue
				}
				for _, m := range refPattern.FindAllStringSubmatch(text, -1) {
					ref := strings.ReplaceAll(m[1], "&amp;", "&")
					if strings.Contains(ref, ":") {
						continue // external (https:, mailto:)
					}
					target, anchor, _ := strings.Cut(ref, "#")
					targetFile := file
					if target != "" {
						targetFile = path.Join(path.Dir(file), target)
					}
					body, ok := tree[targetFile]
					if !ok {
						t.Errorf("%s links to %q: %s is not a file of the site", file, ref, targetFile)
						continue
					}
					if anchor != "" && !strings.Contains(body, `id="`+anchor+`"`) {
						t.Errorf("%s links to %q: no id %q in %s", file, ref, anchor, targetFile)
					}
					checked++
				}
			}
			if checked < 20 {
				t.Errorf("only %d references checked; the test is not seeing the site", checked)
			}
			if _, ok := tree["print/section-00.html"]; name == "split guide" && !ok {
				t.Error("the long guide was not printed a section at a time")
			}
		})
	}
}

// TestCheckWritesNothing: check goes through every file build writes
// (it counts the same files) but puts none of them anywhere.
func TestCheckWritesNothing(t *testing.T) {
	opt := Options{
		Content: siteFS(t, "small"), ContentName: "content",
		Templates: os.DirFS(filepath.Join(must(os.Getwd()), "testdata", "templates")), TemplatesName: "templates",
	}
	dir := t.TempDir()
	t.Chdir(dir)
	res, err := Check(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	built, err := Build(context.Background(), opt, filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages != 4 || res.Files != built.Files {
		t.Errorf("check = %+v; want 4 pages and the %d files build writes", res, built.Files)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("check left %d entries in the working folder; want none", len(entries))
	}
}

// The print page holds the sections print_guide names, in the site's
// order (the order of its navigation), whatever order print_guide lists
// them in.
func TestPrintGuide(t *testing.T) {
	page := func(title string, weight int) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\nweight: " + string(rune('0'+weight)) + "\n---\nText of " + title + ".\n")}
	}
	tests := []struct {
		printGuide string
		want       []string
	}{
		{"", []string{"guide-first-index", "guide-first-a", "guide-first-b", "guide-second-index", "guide-second-c", "guide-third-index"}},
		{"print_guide: [third, first]\n", []string{"guide-first-index", "guide-first-a", "guide-first-b", "guide-third-index"}},
		{"print_guide: [second]\n", []string{"guide-second-index", "guide-second-c"}},
	}
	for _, tt := range tests {
		t.Run(tt.printGuide, func(t *testing.T) {
			fsys := fstest.MapFS{
				"site.yaml":        {Data: []byte("title: Test\norganisation: Test org\n" + tt.printGuide)},
				"_index.md":        {Data: []byte("---\ntitle: Home\n---\nHome.\n")},
				"third/_index.md":  page("Third", 3),
				"first/_index.md":  page("First", 1),
				"first/b.md":       page("B", 2),
				"first/a.md":       page("A", 1),
				"second/_index.md": page("Second", 2),
				"second/c.md":      page("C", 1),
			}
			out := filepath.Join(t.TempDir(), "public")
			if _, err := buildInto(t, fsys, testTemplates(), out); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(filepath.Join(out, "print.html"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range regexp.MustCompile(`<article class="guide-page" aria-labelledby="([^"]+)"`).FindAllStringSubmatch(string(b), -1) {
				got = append(got, m[1])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("print page's articles (-want +got):\n%s", diff)
			}
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// messages returns the messages of a build's diag.List error.
func messages(t *testing.T, err error) []string {
	t.Helper()
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("error = %v; want a diag.List", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	return got
}

// TestOverdueReviews: a guidance page past its review date is a warning,
// and with Strict a problem, at the field that set the date.
func TestOverdueReviews(t *testing.T) {
	fsys := siteFS(t, "small")
	fsys["guide/consent.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Consent\nreviewed: 2024-01-10\n---\n## Exceptions\n\nText.\n")}
	opt := Options{Content: fsys, ContentName: "content", Templates: testTemplates(), TemplatesName: "templates",
		Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}
	want := `content/guide/consent.md:3:11: the page was due for review on 10 January 2025`
	res, err := Check(context.Background(), opt)
	if err != nil {
		t.Fatalf("check = %v; want only a warning", err)
	}
	if len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0].Error(), want) {
		t.Errorf("warnings = %v; want %q...", res.Warnings, want)
	}
	opt.Strict = true
	_, err = Check(context.Background(), opt)
	if msgs := messages(t, err); len(msgs) != 1 || !strings.HasPrefix(msgs[0], want) {
		t.Errorf("strict check = %v; want %q...", msgs, want)
	}
	opt.Strict, opt.Today = false, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	if res, err := Check(context.Background(), opt); err != nil || len(res.Warnings) != 0 {
		t.Errorf("before the due date: check = %v, warnings %v; want neither", err, res.Warnings)
	}
}
