package pipeline

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"joinedup/generator/internal/content"
	"joinedup/generator/internal/data"
	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/publish"
	"joinedup/generator/internal/render"
	"joinedup/generator/internal/site"
)

// Live is a site kept built between edits, for the dev server. The last
// good build's model, and what each stage keeps of every page (see kept),
// stay in memory and its files in a folder, so that an edit redoes only
// the work it touches:
//
//   - a page's body: that page is converted and rendered again, and its
//     search documents, its part of the print pages and its copy in any
//     trainer's pack are made again;
//   - a page's front matter, or a page added, removed or renamed: the
//     model is made again, and every page whose navigation shows
//     something that changed (a title in a section menu, breadcrumbs,
//     previous and next, a section's list) is rendered again: render's
//     NavKey tells which;
//   - a data file: the pages that place components are converted again;
//   - a static file: it is copied or removed;
//   - a template, site.yaml, the glossary (its abbreviations are marked
//     on every page) or a folder added or removed: a full build.
//
// The links and anchors of every page are checked again each time (the
// pages' Facts are kept, so that costs little), and a rebuild with a
// problem writes nothing: the last good site stays. Pages are written in
// place, each file replaced whole, and then the search index, print pages,
// packs, search page and sitemap follow. After every rebuild the folder
// holds exactly what a full build of the same content would write.
type Live struct {
	opt    Options
	parent string
	builds int

	// The last good build: its folder, sources, model and kept state.
	dir     string
	content *content.Source
	src     *sources
	kept    *kept
	// pending are the paths changed since the last good build, so that a
	// rebuild after a failed one takes in both.
	pending map[string]bool
}

// Change is what a Live build or rebuild did.
type Change struct {
	Result
	// Full is true when the site was built afresh into a new folder,
	// Dir; false when the files that changed were written into Dir.
	Full bool
	Dir  string
	// Rendered is the number of pages converted and rendered.
	Rendered int
}

// NewLive prepares a Live build of opt, whose full builds go into new
// folders in parent. opt must name its sources as folders (ContentDir and
// TemplatesDir), which it reads again on every build.
func NewLive(opt Options, parent string) *Live {
	return &Live{opt: opt, parent: parent, pending: map[string]bool{}}
}

// Dir is the folder of the last good build, "" before the first.
func (l *Live) Dir() string { return l.dir }

// Build builds the whole site into a new folder, keeping what later edits
// need. published, when not nil, is called once the new folder is
// complete.
func (l *Live) Build(ctx context.Context, published func(Change)) (Change, error) {
	start := time.Now()
	l.builds++
	dir := filepath.Join(l.parent, fmt.Sprintf("build-%d", l.builds))
	k := newKept()
	var src *sources
	res, err := build(ctx, l.opt, dir, func(s *sources) []stage {
		src = s
		return keptStages(s, k)
	})
	if err != nil {
		return Change{Result: res}, err
	}
	l.dir, l.content, l.src, l.kept = dir, src.content, src, k
	clear(l.pending)
	c := Change{Result: res, Full: true, Dir: dir, Rendered: res.Pages}
	c.Duration = time.Since(start)
	if published != nil {
		published(c)
	}
	return c, nil
}

// keptStages are a Live build's stages: those of any build, keeping what
// later rebuilds need (see kept), and recording the files of the stages
// that rewrite all of their output.
func keptStages(src *sources, k *kept) []stage {
	if src.templates == nil {
		return nil
	}
	r := render.New(src.templates, src.assets, src.site)
	return []stage{
		&pagesStage{r: r, site: src.site},
		recordFiles("guide", newGuideStage(r, src.site, k), k),
		recordFiles("index", newIndexStage(src.site, src.data, k), k),
		recordFiles("packs", newPacksStage(r, src.site, k), k),
		&extrasStage{r: r, src: src, full: true},
	}
}

// Update takes in the changes to the files at paths, as the watcher
// reports them (below the content or templates folder), redoing only what
// they touch (see Live). published, when not nil, is called once the
// changed pages are written (or, after a full build, once its folder is
// complete): the search index, print pages, packs, search page and
// sitemap follow before Update returns. On a problem nothing is written
// and the paths are taken in again by the next Update.
func (l *Live) Update(ctx context.Context, paths []string, published func(Change)) (Change, error) {
	for _, p := range paths {
		l.pending[p] = true
	}
	if l.src == nil {
		return l.Build(ctx, published)
	}
	rel, full := l.contentPaths()
	if full {
		return l.Build(ctx, published)
	}
	opt, closeSources, err := l.opt.open()
	if err != nil {
		return Change{}, err
	}
	defer closeSources()
	next, full, err := l.content.Update(opt.Content, rel)
	if full {
		return l.Build(ctx, published)
	}
	if err != nil {
		return Change{}, limit(err)
	}
	r, err := l.prepare(ctx, opt, next, rel)
	if err != nil || r == nil {
		if err == nil { // the glossary changed
			return l.Build(ctx, published)
		}
		return Change{}, err
	}
	return l.apply(r, published)
}

// limit caps a problem list at maxPerFile a file.
func limit(err error) error {
	if list, ok := err.(diag.List); ok {
		return list.Sort().Limit(maxPerFile)
	}
	return err
}

// contentPaths turns the pending paths into slash paths below the content
// folder. Any path outside it (a template) needs a full build.
func (l *Live) contentPaths() (rel []string, full bool) {
	root, err := filepath.Abs(l.opt.ContentDir)
	if err != nil {
		return nil, true
	}
	for p := range l.pending {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, true
		}
		r, err := filepath.Rel(root, abs)
		if err != nil || r == "." || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return nil, true
		}
		rel = append(rel, filepath.ToSlash(r))
	}
	slices.Sort(rel)
	return rel, false
}

// rebuild is an incremental rebuild on its way: the new sources and model,
// the pages to convert, and what converting them made, not yet written.
type rebuild struct {
	start   time.Time
	opt     Options
	next    *content.Source
	src     *sources
	only    []int
	stages  []stage
	mem     *publish.Memory
	parts   map[int][]any
	statics []string // static files changed or added
	removed []string // source paths of pages the site no longer has
}

// prepare makes the new model, decides which pages to convert, converts
// them and checks the whole site. It returns nil, and no error, when the
// edit needs a full build after all.
func (l *Live) prepare(ctx context.Context, opt Options, next *content.Source, rel []string) (*rebuild, error) {
	r := &rebuild{start: time.Now(), opt: opt, next: next, parts: map[int][]any{}}
	dataChanged := false
	for _, p := range rel {
		if strings.HasPrefix(p, content.DataDir+"/") {
			if strings.HasPrefix(path.Base(p), "glossary.") {
				return nil, nil
			}
			dataChanged = true
		}
	}
	src, errs := l.model(opt, next, dataChanged)
	if src == nil {
		return nil, errs.Sort().Limit(maxPerFile)
	}
	r.src = src
	r.only = l.toConvert(src, dataChanged)
	r.statics, r.removed = l.fileChanges(next, rel)
	rr := render.New(src.templates, src.assets, src.site)
	src.templates.ResetCache()
	guide := newGuideStage(rr, src.site, l.kept)
	guide.splice = true
	guide.old = func(url string) (*os.File, error) { return os.Open(filepath.Join(l.dir, filepath.FromSlash(url))) }
	r.mem = &publish.Memory{}
	r.stages = []stage{
		&pagesStage{r: rr, site: src.site},
		recordFiles("guide", guide, l.kept),
		recordFiles("index", newIndexStage(src.site, src.data, l.kept), l.kept),
		recordFiles("packs", newPacksStage(rr, src.site, l.kept), l.kept),
		&extrasStage{r: rr, src: src},
	}
	for _, st := range r.stages {
		errs.Append(diag.Pos{}, st.Start(r.mem))
	}
	errs = append(errs, convert(ctx, src, r.stages, r.only, src.body, func(i int, parts []any) { r.parts[i] = parts })...)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	errs.Append(diag.Pos{}, src.site.CheckPages())
	if len(errs) > 0 {
		return nil, errs.Sort().Limit(maxPerFile)
	}
	return r, nil
}

// model makes the sources of a rebuild: the new content's model, with the
// last build's templates and assets, and its data unless a data file
// changed. Pages keep their Facts from the last build; those converted
// again get new ones.
func (l *Live) model(opt Options, next *content.Source, dataChanged bool) (*sources, diag.List) {
	var errs diag.List
	warnings, errs := overdue(opt, next, next.Warnings, errs)
	src := &sources{opt: opt, content: next, warnings: warnings,
		data: l.src.data, templates: l.src.templates, assets: l.src.assets, converter: l.src.converter}
	if dataChanged {
		d, err := data.Load(next.DataFiles, func(p string) string { return path.Join(opt.ContentName, p) })
		errs.Append(diag.Pos{File: opt.ContentName}, err)
		src.data = d
		src.converter = newConverter(d, src.templates.Components, next.DataFiles)
	}
	s, err := site.New(next, opt.Drafts)
	errs.Append(diag.Pos{File: opt.ContentName}, err)
	if len(errs) > 0 || s == nil || s.Root == nil {
		return nil, errs
	}
	for _, p := range s.Pages {
		if old := l.src.site.Page(p.Src.Path); old != nil && old.Src == p.Src {
			p.Facts = old.Facts
		}
	}
	src.site = s
	return src, nil
}

// toConvert lists, in reading order, the pages a rebuild converts: those
// read again (their file changed), those that place components when a
// data file changed, those whose navigation changed (when the site's shape
// may have: see navScope), and those whose part of the print pages moved to
// another print page.
func (l *Live) toConvert(src *sources, dataChanged bool) []int {
	var changed []string
	reread := map[string]bool{}
	for _, p := range src.site.Pages {
		old := l.src.site.Page(p.Src.Path)
		if old == nil || old.Src != p.Src {
			reread[p.Src.Path] = true
		}
		if old == nil || (old.Src != p.Src && p.Src.FrontSum != old.Src.FrontSum) {
			changed = append(changed, p.Src.Path)
		}
	}
	for _, p := range l.src.site.Pages {
		if src.site.Page(p.Src.Path) == nil {
			changed = append(changed, p.Src.Path)
		}
	}
	var keys, oldKeys map[string]uint64
	if len(changed) > 0 {
		scope := navScope(changed, l.src.site, src.site)
		keys, oldKeys = navKeys(src, scope), navKeys(l.src, scope)
	}
	partOf := map[string]string{}
	for _, part := range src.site.GuideParts() {
		for _, p := range part.Pages {
			partOf[p.Src.Path] = part.URL
		}
	}
	var only []int
	for i, p := range src.site.Pages {
		path := p.Src.Path
		_, inGuide := partOf[path]
		sp, kept := l.kept.guide[path]
		key, inScope := keys[path]
		switch {
		case reread[path],
			dataChanged && p.Facts != nil && len(p.Facts.Components) > 0,
			inScope && key != oldKeys[path],
			inGuide && (!kept || sp.URL != partOf[path]):
			only = append(only, i)
		}
	}
	return only
}

// navScope lists the pages whose navigation may show something of the
// pages at the changed source paths (added, removed, or with new front
// matter), in the old site or the new: the pages of the same section (its
// menu, previous and next), its own page and its parent's (their lists of
// pages), every page below a changed section page (breadcrumbs), every
// page when a top-level section or the home page changed (the top
// navigation), and the session plans that name a changed page as a
// material (their agendas). NavKey then says which of these really
// changed.
func navScope(changed []string, sites ...*site.Site) map[string]bool {
	scope := map[string]bool{}
	for _, s := range sites {
		for _, path := range changed {
			p := s.Page(path)
			if p == nil || p.Section == nil {
				continue
			}
			if p.IsSection() && (p.Section.Parent == nil || p.Section.Parent == s.Root) {
				for _, q := range s.Pages {
					scope[q.Src.Path] = true
				}
				return scope
			}
			addSection(scope, p.Section, p.IsSection())
			if parent := p.Section.Parent; parent != nil {
				addSection(scope, parent, false)
			}
			for _, q := range s.Pages {
				if q.HasPack() && slices.Contains(s.PackMaterials(q), p) {
					scope[q.Src.Path] = true
				}
			}
		}
	}
	return scope
}

// addSection adds a section's own page and pages to scope, and, with deep,
// everything below it.
func addSection(scope map[string]bool, sec *site.Section, deep bool) {
	scope[sec.Index.Src.Path] = true
	for _, p := range sec.Pages {
		scope[p.Src.Path] = true
	}
	for _, sub := range sec.Subs {
		scope[sub.Index.Src.Path] = true
		if deep {
			addSection(scope, sub, true)
		}
	}
}

// navKeys works out the NavKeys of the pages in scope.
func navKeys(src *sources, scope map[string]bool) map[string]uint64 {
	r := render.New(src.templates, src.assets, src.site)
	keys := make(map[string]uint64, len(scope))
	for path := range scope {
		if p := src.site.Page(path); p != nil {
			keys[path] = r.NavKey(p)
		}
	}
	return keys
}

// fileChanges lists the static files among the changed paths that the
// new content has, and the pages the site no longer has.
func (l *Live) fileChanges(next *content.Source, rel []string) (statics, removed []string) {
	static := map[string]bool{}
	for _, st := range next.Static {
		// A changed path is below the content folder; the static
		// folder's files are taken in by a full build.
		if !st.InStatic {
			static[st.Path] = true
		}
	}
	for _, p := range rel {
		if static[p] {
			statics = append(statics, p)
		}
	}
	pages := map[string]bool{}
	for _, p := range next.Pages {
		pages[p.Path] = true
	}
	for _, p := range l.content.Pages {
		if !pages[p.Path] {
			removed = append(removed, p.Path)
		}
	}
	return statics, removed
}

// apply writes a checked rebuild into the folder: first the pages, then,
// once published has been told, the rest.
func (l *Live) apply(r *rebuild, published func(Change)) (Change, error) {
	out := publish.NewInPlace(l.dir)
	var errs diag.List
	for name, b := range r.mem.Take() {
		errs.Append(diag.Pos{}, out.Write(name, b))
	}
	for _, p := range r.statics {
		b, err := fs.ReadFile(r.opt.Content, p)
		if err == nil {
			err = out.Write(p, b)
		}
		errs.Append(diag.Pos{File: path.Join(r.opt.ContentName, p)}, err)
	}
	for _, name := range l.goneFiles(r.src.site) {
		errs.Append(diag.Pos{}, out.Remove(name))
	}
	// From here the new build is the good one.
	l.kept.forget(r.removed)
	for _, i := range r.only {
		for k, st := range r.stages {
			st.Add(i, r.parts[i][k])
		}
	}
	l.content, l.src = r.next, r.src
	clear(l.pending)
	c := Change{Result: Result{Pages: len(r.src.site.Pages), Warnings: r.src.warnings.Sort(), BasePath: r.src.site.BasePath()},
		Dir: l.dir, Rendered: len(r.only)}
	c.Duration = time.Since(r.start)
	if published != nil {
		published(c)
	}
	errs = append(errs, finish(r.stages, out)...)
	c.Files = out.Files()
	c.Duration = time.Since(r.start)
	return c, errs.Sort().Err()
}

// goneFiles lists the files of the last build that the new model no
// longer makes: pages, packs and static files. The stages that rewrite all
// their output remove their own (see recordFiles).
func (l *Live) goneFiles(s *site.Site) []string {
	now := map[string]bool{}
	for _, p := range s.Pages {
		now[p.URL] = true
		if p.HasPack() {
			now[site.PackURL(p)] = true
		}
	}
	for _, st := range s.Static {
		now[st.Path] = true
	}
	var gone []string
	for _, p := range l.src.site.Pages {
		if !now[p.URL] {
			gone = append(gone, p.URL)
		}
	}
	for _, st := range l.src.site.Static {
		if !now[st.Path] {
			gone = append(gone, st.Path)
		}
	}
	return gone
}
