// Package content reads a site's sources: Markdown pages with YAML front
// matter, the site settings file, and any other files to copy as they are.
//
// The content contract:
//
//   - content/site.yaml holds the site settings (see Config).
//   - Every other *.md file is a page. Its front matter (see FrontMatter) sits
//     between two lines of "---" at the very top of the file.
//   - A folder is a section; its _index.md is the section's own page.
//   - content/data/*.yaml are data files, read by package data.
//   - Any other file (an image, a PDF) is copied to the output unchanged.
//   - Names starting with "." and editors' backup files ("name~", "#name#")
//     are ignored. Names a link cannot hold safely ("#", "?", "%", and
//     what Windows refuses) are reported (see CheckName).
//   - Pages, site.yaml and data files are UTF-8 text (see CheckText).
//
// Loading never stops at the first problem: it returns everything it could
// read along with every problem it found.
package content

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"io/fs"
	"math"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/strictyaml"
)

// Audiences are the readers a page can be tagged for.
var Audiences = []string{"staff", "trainer", "learner"}

// FrontMatter is the typed metadata of a page. Unknown keys are errors.
type FrontMatter struct {
	Title       string   `yaml:"title" schema:"required"`
	Description string   `yaml:"description"`
	Weight      int      `yaml:"weight"`
	Tags        []string `yaml:"tags"`
	Draft       bool     `yaml:"draft"`
	Audience    []string `yaml:"audience"`
	Keywords    []string `yaml:"keywords"`
	// Session makes the page a trainer's session plan.
	Session *Session `yaml:"session"`
	// Reviewed and NextReview say when the page was last reviewed and
	// when it is next due (see Review); required in ReviewFolder.
	Reviewed   Date `yaml:"reviewed"`
	NextReview Date `yaml:"next_review"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Session is a trainer's session plan, written in a page's front matter.
type Session struct {
	Duration  int          `yaml:"duration" schema:"required"`
	GroupSize string       `yaml:"group_size"`
	Outcomes  []string     `yaml:"outcomes"`
	Prepare   []string     `yaml:"prepare"`
	Agenda    []AgendaItem `yaml:"agenda" schema:"required"`
	Prompts   []string     `yaml:"prompts"`
	// Check is a relative link to the page of the knowledge check that
	// learners do at the start and again at the end of the session.
	Check string `yaml:"check"`

	Pos strictyaml.Positions `yaml:"-"`
}

// AgendaItem is one timed part of a session.
type AgendaItem struct {
	Title     string   `yaml:"title" schema:"required"`
	Minutes   int      `yaml:"minutes" schema:"required"`
	Activity  string   `yaml:"activity"`
	Materials []string `yaml:"materials"`

	Pos strictyaml.Positions `yaml:"-"`
}

// Page is one Markdown source file.
type Page struct {
	// Path is the slash-separated path below the content folder,
	// e.g. "guidance/consent.md".
	Path string
	// File is the path shown in messages, e.g. "content/guidance/consent.md".
	File  string
	Front FrontMatter
	// Body is the Markdown after the front matter, as ParsePage returns
	// it. Load and Update let it go once the front matter is read, so
	// that a large site's Markdown is not all in memory at once: the
	// build reads each page's body again (ReadBody) when it converts it.
	Body []byte
	// BodyLine is the line of File on which Body starts.
	BodyLine int
	// Size is the length of Body, which outlives it.
	Size int
	// FrontSum is a checksum of the front matter as written: the dev
	// server compares it to see whether an edit changed more than the
	// body.
	FrontSum uint64
}

// IsSection reports whether the page is a section's _index.md.
func (p *Page) IsSection() bool { return path.Base(p.Path) == "_index.md" }

// Dir is the folder (section) the page belongs to, "" for the top level.
// A section page belongs to its own folder.
func (p *Page) Dir() string {
	d := path.Dir(p.Path)
	if d == "." {
		return ""
	}
	return d
}

// Static is a file copied to the output unchanged.
type Static struct {
	Path string // below its folder, and so in the output
	File string // for messages
	// InStatic reports a file of the static folder (see LoadStatic),
	// not of the content folder.
	InStatic bool
}

// Source is everything read from a content folder.
type Source struct {
	// Name is the content folder's name in messages.
	Name   string
	Config Config
	Pages  []*Page  // sorted by Path; drafts included, flagged in FrontMatter
	Static []Static // sorted by Path
	// DataFiles are the YAML files under data/, by path below the content
	// folder, for package data to decode. A file that could not be read
	// as text maps to nil: it exists, so nothing reports it missing, and
	// its problem is already reported.
	DataFiles map[string][]byte
	// Warnings are files that were skipped (see checkEntry).
	Warnings diag.List
	// Unread lists the pages that could not be read, split from their
	// front matter or named as they are (and so are not in Pages); their
	// problems are reported, and links to them are not reported again as
	// missing.
	Unread []string
}

// Load reads the content tree rooted at fsys. name is the folder's display
// name, used as the prefix of file names in messages.
func Load(fsys fs.FS, name string) (*Source, error) {
	src := &Source{Name: name, DataFiles: map[string][]byte{}}
	var errs diag.List
	display := func(p string) string { return path.Join(name, p) }

	sawConfig := false
	var pagePaths []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs.Add(diag.Pos{File: display(p)}, "cannot read: %v", err)
			return nil
		}
		if p != "." && Ignored(d.Name()) {
			if meantForTheWeb(d.Name()) {
				src.Warnings.Add(diag.Pos{File: display(p)}, "not published: names starting with \".\" are skipped in the content folder; to publish %s as it is, move it into the static folder beside the content folder (static/%s)", d.Name(), p)
			}
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if msg := CheckName(d.Name()); msg != "" && p != "." {
			errs.Add(diag.Pos{File: display(p)}, "%s", msg)
			if d.IsDir() {
				return fs.SkipDir
			}
			if path.Ext(p) == ".md" {
				// Links to it would otherwise say it does not exist.
				src.Unread = append(src.Unread, p)
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if p == ConfigFile {
			sawConfig = true
		}
		if src.addFile(fsys, p, d, &errs) {
			pagePaths = append(pagePaths, p)
		}
		return nil
	})
	if err != nil {
		errs.Add(diag.Pos{File: name}, "cannot read the content folder: %v", err)
	}
	errs = append(errs, src.addPages(fsys, pagePaths)...)
	if !sawConfig {
		errs.Add(diag.Pos{File: display(ConfigFile)}, "missing site settings file; create it with at least \"title:\" and \"organisation:\" (the site's name and the organisation that runs it)")
	}
	if !hasHome(src.Pages) {
		errs.Add(diag.Pos{File: display("_index.md")}, "missing home page; create it with front matter and a title")
	}
	sort.Slice(src.Pages, func(i, j int) bool { return src.Pages[i].Path < src.Pages[j].Path })
	sort.Slice(src.Static, func(i, j int) bool { return src.Static[i].Path < src.Static[j].Path })
	return src, errs.Sort().Err()
}

// addPages reads and parses the pages at paths and adds them, noting the
// ones that cannot be read in Unread.
func (src *Source) addPages(fsys fs.FS, paths []string) diag.List {
	pages, errs := readPages(fsys, paths, func(p string) string { return path.Join(src.Name, p) })
	for _, p := range pages {
		p.Body = nil
	}
	src.Pages = append(src.Pages, pages...)
	if len(pages) < len(paths) {
		read := map[string]bool{}
		for _, p := range pages {
			read[p.Path] = true
		}
		for _, p := range paths {
			if !read[p] {
				src.Unread = append(src.Unread, p)
			}
		}
	}
	return errs
}

// addFile takes in the file at p, which the walk found as d: the site
// settings, a data file or a static file. It reports whether p is a page,
// which the caller reads with the other pages, on all cores.
func (src *Source) addFile(fsys fs.FS, p string, d fs.DirEntry, errs *diag.List) (page bool) {
	display := func(p string) string { return path.Join(src.Name, p) }
	if problem, warning := checkEntry(fsys, p, d, "content folder"); warning {
		src.Warnings.Add(diag.Pos{File: display(p)}, "%s", problem)
		return false
	} else if problem != "" {
		errs.Add(diag.Pos{File: display(p)}, "%s", problem)
		return false
	}
	switch {
	case p == ConfigFile:
		if b, ok := readText(fsys, p, display(p), errs); ok {
			cfg, err := ParseConfig(display(p), b)
			errs.Append(diag.Pos{File: display(p)}, err)
			src.Config = cfg
		}
	case strings.HasPrefix(p, DataDir+"/"):
		if ext := path.Ext(p); ext != ".yaml" && ext != ".yml" {
			errs.Add(diag.Pos{File: display(p)}, "only YAML files (.yaml) belong in %s/; move this file elsewhere", DataDir)
			return false
		}
		b, _ := readText(fsys, p, display(p), errs)
		src.DataFiles[p] = b // nil when unreadable
	case path.Ext(p) == ".md":
		return true
	default:
		src.Static = append(src.Static, Static{Path: p, File: display(p)})
	}
	return false
}

// readText reads the text file p, named file in messages, and reports it
// when it cannot be read or is not UTF-8 text.
func readText(fsys fs.FS, p, file string, errs *diag.List) ([]byte, bool) {
	b, err := fs.ReadFile(fsys, p)
	if err != nil {
		errs.Add(diag.Pos{File: file}, "cannot read: %v", err)
		return nil, false
	}
	if bad := CheckText(file, b); bad != nil {
		*errs = append(*errs, bad)
		return nil, false
	}
	return b, true
}

// readPages reads and parses the pages at paths on all cores: on a large
// site, reading the files and decoding their front matter one after another
// is a tenth of the build, all of it before any page can be converted. The
// pages come back in the order of paths, without the unreadable ones.
// ReadPage reads and parses the page at p, named file in messages.
func ReadPage(fsys fs.FS, p, file string) (*Page, error) {
	b, err := fs.ReadFile(fsys, p)
	if err != nil {
		var l diag.List
		l.Add(diag.Pos{File: file}, "cannot read: %v", err)
		return nil, l
	}
	return ParsePage(p, file, b)
}

// ReadBody reads again the body of the page at p, named file in messages:
// the Markdown after its front matter, and the line of the file it starts
// on.
func ReadBody(fsys fs.FS, p, file string) ([]byte, int, error) {
	b, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, 0, diag.Errorf(diag.Pos{File: file}, "cannot read: %v", err)
	}
	if bad := CheckText(file, b); bad != nil {
		return nil, 0, bad
	}
	_, body, line, err := SplitFrontMatter(b)
	if err != nil {
		return nil, 0, diag.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "%v", err)
	}
	return body, line, nil
}

func readPages(fsys fs.FS, paths []string, display func(string) string) ([]*Page, diag.List) {
	pages := make([]*Page, len(paths))
	errs := make([]error, len(paths))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(paths))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(paths) {
					return
				}
				pages[i], errs[i] = ReadPage(fsys, paths[i], display(paths[i]))
			}
		}()
	}
	wg.Wait()
	var out []*Page
	var all diag.List
	for i, p := range pages {
		all.Append(diag.Pos{File: display(paths[i])}, errs[i])
		if p != nil {
			out = append(out, p)
		}
	}
	return out, all
}

func hasHome(pages []*Page) bool {
	for _, p := range pages {
		if p.Path == "_index.md" {
			return true
		}
	}
	return false
}

// ConfigFile and DataDir are the reserved names in a content folder.
const (
	ConfigFile = "site.yaml"
	DataDir    = "data"
)

// meantForTheWeb reports hidden names that are only ever made to be
// published (a web server's settings, security.txt's folder, GitHub
// Pages' switch): one in the content folder is a mistake worth a warning,
// where .git or .DS_Store is not.
func meantForTheWeb(name string) bool {
	switch name {
	case ".well-known", ".htaccess", ".nojekyll":
		return true
	}
	return false
}

// Ignored reports whether a file or folder name is skipped: hidden files and
// the backup and swap files editors leave beside the files they save.
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") || leftover(name)
}

// leftover reports the backup and swap files editors leave beside the
// files they save.
func leftover(name string) bool {
	return strings.HasSuffix(name, "~") ||
		(strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")) ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") ||
		strings.HasSuffix(name, ".tmp")
}

// ParsePage splits a page's front matter from its body and decodes it.
// When the file is not UTF-8 text (see CheckText), or the front matter
// cannot be split from the body, it returns nil; when
// it splits but has problems it returns the page with them, so that later
// stages can still report their own.
func ParsePage(relPath, file string, src []byte) (*Page, error) {
	if bad := CheckText(file, src); bad != nil {
		return nil, diag.List{bad}
	}
	page := &Page{Path: relPath, File: file}
	fm, body, bodyLine, err := SplitFrontMatter(src)
	if err != nil {
		var errs diag.List
		errs.Add(diag.Pos{File: file, Line: 1, Col: 1}, "%v", err)
		return nil, errs
	}
	page.Body, page.BodyLine, page.Size = body, bodyLine, len(body)
	h := fnv.New64a()
	h.Write(fm)
	page.FrontSum = h.Sum64()
	var errs diag.List
	errs.Append(diag.Pos{File: file, Line: 1}, strictyaml.Decode(file, 2, fm, &page.Front))
	if len(errs) == 0 {
		checkFrontMatter(page, &errs)
	}
	return page, errs.Err()
}

func checkFrontMatter(p *Page, errs *diag.List) {
	f := &p.Front
	if strings.TrimSpace(f.Title) == "" {
		errs.Add(f.Pos.Of("title"), "title is empty; give the page a title")
	}
	for _, a := range f.Audience {
		if !slices.Contains(Audiences, a) {
			errs.Add(f.Pos.Of("audience"), "unknown audience %q; use one or more of %s%s", a, strings.Join(Audiences, ", "), diag.Hint(a, Audiences))
		}
	}
	checkReview(p, errs)
	if s := f.Session; s != nil {
		checkAgenda(s, errs)
	}
}

// checkAgenda checks that a session's agenda has items, each of a positive
// number of minutes, and fits the session. The total stops growing once it
// passes the duration, so minutes too large to add up are caught too.
func checkAgenda(s *Session, errs *diag.List) {
	if s.Duration <= 0 {
		errs.Add(s.Pos.Of("duration"), "session duration must be a positive number of minutes")
	}
	if len(s.Agenda) == 0 {
		errs.Add(s.Pos.Of("agenda"), "the agenda is empty; list its parts, each with a title and minutes")
		return
	}
	total, over := 0, false
	for _, item := range s.Agenda {
		switch {
		case item.Minutes <= 0:
			errs.Add(item.Pos.Of("minutes"), "agenda item %q needs a positive number of minutes", item.Title)
		case over || item.Minutes > s.Duration-total:
			over = true
		default:
			total += item.Minutes
		}
	}
	if over && s.Duration > 0 {
		errs.Add(s.Pos.Of("agenda"), "the agenda adds up to %s minutes but the session lasts %d; shorten items or raise the duration", agendaTotal(s.Agenda), s.Duration)
	}
}

// agendaTotal adds up the agenda's minutes in words: the number, or
// "more than N" when it is too large to add up.
func agendaTotal(agenda []AgendaItem) string {
	total := 0
	for _, item := range agenda {
		if item.Minutes <= 0 {
			continue
		}
		if item.Minutes > math.MaxInt-total {
			return fmt.Sprintf("more than %d", math.MaxInt)
		}
		total += item.Minutes
	}
	return fmt.Sprint(total)
}

// splitError explains one of the ways front matter can be malformed, with
// the fix.
type splitError string

func (e splitError) Error() string { return string(e) }

const (
	errNoFrontMatter splitError = "missing front matter: start the file with a line \"---\", then \"title: ...\", then another \"---\""
	errUnclosed      splitError = "front matter is not closed: add a line \"---\" after the last front matter field"
)

// SplitFrontMatter separates the YAML front matter from the Markdown body.
// The front matter must start on the first line with "---" and end with a
// line "---". bodyLine is the 1-based line on which the body starts, so that
// positions in the body can be reported against the whole file. A UTF-8 byte
// order mark and Windows line endings are accepted.
func SplitFrontMatter(src []byte) (front, body []byte, bodyLine int, err error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	first, rest, _ := cutLine(src)
	if strings.TrimRight(string(first), " \t") != "---" {
		return nil, nil, 0, errNoFrontMatter
	}
	line := 2
	start := len(src) - len(rest)
	for {
		l, next, more := cutLine(rest)
		if strings.TrimRight(string(l), " \t") == "---" {
			end := len(src) - len(rest)
			bodyStart := len(src) - len(next)
			return src[start:end], src[bodyStart:], line + 1, nil
		}
		if !more {
			return nil, nil, 0, errUnclosed
		}
		rest = next
		line++
	}
}

// cutLine returns the first line of b without its line ending, the rest, and
// whether a line ending was found.
func cutLine(b []byte) (line, rest []byte, found bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return b, nil, false
	}
	return bytes.TrimSuffix(b[:i], []byte("\r")), b[i+1:], true
}
