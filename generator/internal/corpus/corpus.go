// Package corpus writes synthetic content folders for the build benchmarks:
// any number of realistic guidance pages about partnership working, so that
// the generator can be timed on sites far larger than the bundled one.
//
// A corpus of N pages in K sections (20 unless set) is laid out as
//
//	site.yaml                      site settings
//	_index.md                      home page, linking to every section
//	section-NN/_index.md           each section's own page
//	section-NN/page-NNNN.md        the pages, numbered across the corpus
//
// Every page has YAML front matter (title, description, weight, tags) and a
// body of 600 to 900 words: headings (## and ###), prose, bullet and
// numbered lists, one table, one task list, in about one page in five a
// fenced code block (yaml or go), and two or three relative links to the
// .md files of other pages, so that link checking has real work to do.
//
// Output depends only on the Options: each page draws from its own random
// stream, seeded from the seed and the page's number, so the same options
// give byte-identical files and a page does not change when N grows past it
// (its links aside, which pick among all N pages).
package corpus

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// DefaultSections is the number of sections when Options.Sections is 0.
const DefaultSections = 20

// Options says what corpus to make.
type Options struct {
	// Pages is the number of pages, not counting the home and section
	// pages.
	Pages int
	// Sections is the number of sections the pages are spread over
	// evenly, DefaultSections when 0; never more than Pages.
	Sections int
	// Seed selects the corpus: the same seed gives the same files.
	Seed uint64
}

// File is one file of a corpus.
type File struct {
	// Path is slash separated, relative to the content folder.
	Path string
	Data []byte
}

// Stats describes a written corpus.
type Stats struct {
	Files, Pages, Sections int
	// Words is the number of words in the page bodies (front matter and
	// the home and section pages excluded).
	Words int
}

// layout is the shape derived from Options.
type layout struct {
	pages, sections, width int
	seed                   uint64
}

func newLayout(opt Options) (layout, error) {
	if opt.Pages < 1 {
		return layout{}, fmt.Errorf("corpus: need at least one page, got %d", opt.Pages)
	}
	if opt.Sections < 0 {
		return layout{}, fmt.Errorf("corpus: negative number of sections %d", opt.Sections)
	}
	secs := opt.Sections
	if secs == 0 {
		secs = DefaultSections
	}
	secs = min(secs, opt.Pages)
	return layout{
		pages:    opt.Pages,
		sections: secs,
		width:    max(4, len(strconv.Itoa(opt.Pages-1))),
		seed:     opt.Seed,
	}, nil
}

// sectionOf spreads pages over sections in contiguous, even runs.
func (l layout) sectionOf(i int) int { return i * l.sections / l.pages }

func sectionName(s int) string { return fmt.Sprintf("section-%02d", s) }

func (l layout) pageName(i int) string { return fmt.Sprintf("page-%0*d", l.width, i) }

// PagePath is the path of page i (0-based) below the content folder.
func (l layout) pagePath(i int) string {
	return sectionName(l.sectionOf(i)) + "/" + l.pageName(i) + ".md"
}

// rng returns the random stream for one item (kind, index) of the corpus.
func (l layout) rng(kind string, i int) *rand.Rand {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%d", kind, i)
	return rand.New(rand.NewPCG(l.seed, h.Sum64()))
}

// Each calls fn with every file of the corpus, in a fixed order: site.yaml,
// the home page, each section page, then the pages by number. It stops at
// the first error fn returns.
func Each(opt Options, fn func(File) error) error {
	l, err := newLayout(opt)
	if err != nil {
		return err
	}
	_, err = l.each(fn)
	return err
}

func (l layout) each(fn func(File) error) (Stats, error) {
	st := Stats{Pages: l.pages, Sections: l.sections}
	emit := func(p string, b []byte) error {
		st.Files++
		return fn(File{Path: p, Data: b})
	}
	if err := emit("site.yaml", []byte(siteConfig)); err != nil {
		return st, err
	}
	if err := emit("_index.md", l.home()); err != nil {
		return st, err
	}
	for s := range l.sections {
		if err := emit(sectionName(s)+"/_index.md", l.sectionIndex(s)); err != nil {
			return st, err
		}
	}
	weight := make([]int, l.sections)
	for i := range l.pages {
		s := l.sectionOf(i)
		weight[s]++
		b, words := l.page(i, weight[s])
		st.Words += words
		if err := emit(l.pagePath(i), b); err != nil {
			return st, err
		}
	}
	return st, nil
}

// Write writes the corpus into dir, creating it and the section folders.
// Files already in dir with the same names are overwritten; others are left.
func Write(dir string, opt Options) (Stats, error) {
	l, err := newLayout(opt)
	if err != nil {
		return Stats{}, err
	}
	made := map[string]bool{}
	return l.each(func(f File) error {
		full := filepath.Join(dir, filepath.FromSlash(f.Path))
		d := filepath.Dir(full)
		if !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		return os.WriteFile(full, f.Data, 0o644)
	})
}

// siteConfig is the corpus's site.yaml: the settings the generator
// requires, and no print_guide, so the whole-guide print page brings
// together every section as it would for a site that does not set one.
const siteConfig = `# Generated benchmark corpus.
title: Benchmark guidance
tagline: Synthetic guidance pages on partnership working, for timing builds
organisation: The benchmark team
language: en-GB
base_url: https://bench.example.org/
`

// home is the home page: a short introduction and a link to every section.
func (l layout) home() []byte {
	r := l.rng("home", 0)
	f := filler{r: r}
	var b strings.Builder
	b.WriteString("---\ntitle: \"Benchmark guidance\"\n")
	fmt.Fprintf(&b, "description: %s\n---\n\n", strconv.Quote(f.fill(pick(r, sentences))))
	b.WriteString(f.paragraph(3, nil))
	b.WriteString("\n\n## Sections\n\n")
	for s := range l.sections {
		fmt.Fprintf(&b, "- [%s](%s/_index.md)\n", sectionTitle(s), sectionName(s))
	}
	return []byte(b.String())
}

func sectionTitle(s int) string {
	base := sectionTitles[s%len(sectionTitles)]
	if s < len(sectionTitles) {
		return base
	}
	return fmt.Sprintf("%s %d", base, s/len(sectionTitles)+1)
}

func (l layout) sectionIndex(s int) []byte {
	r := l.rng("section", s)
	f := filler{r: r}
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\n", strconv.Quote(sectionTitle(s)))
	fmt.Fprintf(&b, "description: %s\n", strconv.Quote(f.fill(pick(r, sentences))))
	fmt.Fprintf(&b, "weight: %d\n---\n\n", s+1)
	b.WriteString(f.paragraph(3, nil))
	b.WriteString("\n\n")
	b.WriteString(f.paragraph(2, nil))
	b.WriteString("\n")
	return []byte(b.String())
}

// link is a Markdown link to another page of the corpus.
type link struct{ text, url string }

func (l layout) links(r *rand.Rand, i int) []link {
	if l.pages <= 1 {
		return nil
	}
	k := min(2+r.IntN(2), l.pages-1)
	from := l.sectionOf(i)
	seen := map[int]bool{i: true}
	var out []link
	for len(out) < k {
		j := r.IntN(l.pages)
		if seen[j] {
			continue
		}
		seen[j] = true
		text := strings.ReplaceAll(pick(r, linkTexts), "{topic}", pick(r, linkTopics))
		url := "../" + l.pagePath(j)
		if l.sectionOf(j) == from {
			url = l.pageName(j) + ".md"
		}
		out = append(out, link{text, url})
	}
	return out
}

// page returns page i's file and the number of words in its body.
func (l layout) page(i, weight int) ([]byte, int) {
	r := l.rng("page", i)
	f := filler{r: r}
	title := capitalise(f.fill(pick(r, titleTopics)) + pick(r, titleSuffixes))
	description := f.fill(pick(r, sentences))
	pageTags := sample(r, tags, 2+r.IntN(2))
	target := 600 + r.IntN(301)
	hasCode := r.Float64() < 0.2
	links := l.links(r, i)

	nHead := 3 + r.IntN(4)
	levels := []int{2}
	n2 := 1
	for range nHead - 1 {
		lv := []int{2, 2, 3}[r.IntN(3)]
		levels = append(levels, lv)
		if lv == 2 {
			n2++
		}
	}
	h2 := sample(r, headingsH2, n2)
	h3 := sample(r, headingsH3, nHead-n2)
	var headings []string
	for _, lv := range levels {
		if lv == 2 {
			headings = append(headings, "## "+h2[0])
			h2 = h2[1:]
		} else {
			headings = append(headings, "### "+h3[0])
			h3 = h3[1:]
		}
	}

	blocks := []string{"table", "tasks", "steps", "bullets"}
	if r.Float64() < 0.5 {
		blocks = append(blocks, "bullets")
	}
	if hasCode {
		blocks = append(blocks, "code")
	}
	r.Shuffle(len(blocks), func(a, b int) { blocks[a], blocks[b] = blocks[b], blocks[a] })
	perHeading := make([][]string, len(headings))
	for k, b := range blocks {
		perHeading[k%len(headings)] = append(perHeading[k%len(headings)], b)
	}
	// Links go into the prose of random sections, or the introduction.
	slots := make([][]link, len(headings)+1)
	for _, ln := range links {
		k := r.IntN(len(headings) + 1)
		slots[k] = append(slots[k], ln)
	}

	words := 0
	add := func(s string) string {
		words += len(strings.Fields(s))
		return s
	}
	intro := add(f.paragraph(2+r.IntN(3), slots[0]))
	sections := make([][]string, len(headings))
	for k, h := range headings {
		parts := []string{add(h), add(f.paragraph(2+r.IntN(3), slots[k+1]))}
		for _, b := range perHeading[k] {
			lead := f.fill(pick(r, leadIns[b]))
			var block string
			switch b {
			case "table":
				block = f.table()
			case "tasks":
				block = f.tasks(3 + r.IntN(3))
			case "steps":
				block = f.steps(3 + r.IntN(4))
			case "bullets":
				block = f.bullets(3 + r.IntN(4))
			default:
				block = f.code()
			}
			parts = append(parts, add(lead+"\n\n"+block))
		}
		sections[k] = parts
	}
	// Top up with prose until the word target is reached.
	for words < target {
		k := r.IntN(len(sections))
		at := 1 + r.IntN(len(sections[k]))
		p := add(f.paragraph(2+r.IntN(3), nil))
		sections[k] = append(sections[k][:at], append([]string{p}, sections[k][at:]...)...)
	}

	var b strings.Builder
	b.Grow(8 << 10)
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", strconv.Quote(title))
	fmt.Fprintf(&b, "description: %s\n", strconv.Quote(description))
	fmt.Fprintf(&b, "weight: %d\n", weight)
	quoted := make([]string, len(pageTags))
	for k, t := range pageTags {
		quoted[k] = strconv.Quote(t)
	}
	fmt.Fprintf(&b, "tags: [%s]\n", strings.Join(quoted, ", "))
	b.WriteString("---\n\n")
	b.WriteString(intro)
	for _, parts := range sections {
		b.WriteString("\n\n")
		b.WriteString(strings.Join(parts, "\n\n"))
	}
	b.WriteString("\n")
	return []byte(b.String()), words
}
