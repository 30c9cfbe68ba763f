// Package render turns the site model into the site's HTML through the
// templates in templates/: every page, the search page, the whole-guide
// print page, the trainer's packs and the 404 page; and the sitemap.
//
// Templates are html/template files parsed once per build. There is one
// layout rule and no lookup cascade: base.html is the layout; it calls the
// block "main", which each page kind's file (home.html, section.html,
// page.html, search.html, print.html, pack.html, 404.html) defines. Files in
// templates/partials/ are shared by every kind; files in
// templates/components/ are the markup of the data components, named after
// them. templates/assets/ is package assets' business.
package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"joinedup/generator/internal/diag"
)

// kinds are the page kinds; each has a template file of the same name.
func kinds() []string {
	return []string{"home", "section", "page", "search", "print", "pack", "404"}
}

// Templates is a parsed template folder.
type Templates struct {
	kinds      map[string]*template.Template
	Components *template.Template
	// name is how messages name a template file (see ParseTemplates).
	name func(string) string
	// cache holds what partialCached rendered in this build.
	cache partialCache
}

// ParseTemplates reads and parses every template in fsys. name gives each
// file's name in messages, from its slash path in fsys: the folder's
// name and the path ("templates/page.html"), or "builtin:page.html" for a
// file of the built-in theme (see package theme). Every template is parsed whatever
// the others' problems, so that all of them are reported at once. It
// returns the templates even with problems, for their components, which
// are left out (nil) when any of them has one.
func ParseTemplates(fsys fs.FS, name func(string) string) (*Templates, error) {
	t := &Templates{kinds: map[string]*template.Template{}, name: name}
	var errs diag.List
	read := func(file string) string {
		b, err := fs.ReadFile(fsys, file)
		if err != nil {
			errs.Add(diag.Pos{File: name(file)}, "cannot read template: %v", err)
			return ""
		}
		return string(b)
	}
	base, baseOK := parseBase(fsys, name, read, &errs)
	t.Components = parseComponents(fsys, name, read, &errs)
	for _, k := range kinds() {
		file := k + ".html"
		if !baseOK {
			// Without a layout the kind cannot be put together, but its
			// own syntax can still be checked.
			if _, err := template.New(file).Funcs(funcMap()).Parse(read(file)); err != nil {
				errs.Append(diag.Pos{File: name(file)}, TemplateError(name, err))
			}
			continue
		}
		clone, err := base.Clone()
		if err != nil {
			errs.Add(diag.Pos{File: name("base.html")}, "%v", err)
			continue
		}
		if _, err := clone.New(file).Parse(read(file)); err != nil {
			errs.Append(diag.Pos{File: name(file)}, TemplateError(name, err))
			continue
		}
		if clone.Lookup("main") == nil {
			errs.Add(diag.Pos{File: name(file)}, "template must define the block \"main\": {{define \"main\"}}...{{end}}")
			continue
		}
		clone.Funcs(template.FuncMap{"partialCached": t.cache.bind(k, clone)})
		t.kinds[k] = clone
	}
	return t, errs.Sort().Err()
}

// parseBase parses the layout and the partials every kind shares. It
// reports whether they parsed.
func parseBase(fsys fs.FS, name func(string) string, read func(string) string, errs *diag.List) (*template.Template, bool) {
	n := len(*errs)
	base := template.New("base").Funcs(funcMap())
	if _, err := base.New("base.html").Parse(read("base.html")); err != nil {
		errs.Append(diag.Pos{File: name("base.html")}, TemplateError(name, err))
	}
	partials, _ := fs.Glob(fsys, "partials/*.html")
	sort.Strings(partials)
	for _, p := range partials {
		if _, err := base.New(p).Parse(read(p)); err != nil {
			errs.Append(diag.Pos{File: name(p)}, TemplateError(name, err))
		}
	}
	return base, len(*errs) == n
}

// parseComponents parses each component's template under the component's
// name. When any has a problem it returns nil: the components are then
// checked without their templates, so that the one broken file is not
// also reported as missing.
func parseComponents(fsys fs.FS, name func(string) string, read func(string) string, errs *diag.List) *template.Template {
	n := len(*errs)
	comps := template.New("components").Funcs(funcMap())
	files, _ := fs.Glob(fsys, "components/*.html")
	sort.Strings(files)
	for _, c := range files {
		comp := strings.TrimSuffix(path.Base(c), ".html")
		// The file is parsed under its path (for messages) and then
		// given the component's name.
		tt, err := comps.New(c).Parse(read(c))
		if err != nil {
			errs.Append(diag.Pos{File: name(c)}, TemplateError(name, err))
			continue
		}
		if _, err := comps.AddParseTree(comp, tt.Tree); err != nil {
			errs.Append(diag.Pos{File: name(c)}, TemplateError(name, err))
		}
	}
	if len(*errs) > n {
		return nil
	}
	return comps
}

// templateErrorPattern matches text/template's "template: NAME:LINE:COL: MSG"
// and html/template's escaping errors, "html/template:NAME:LINE:COL: MSG"
// (the column is not always given).
var templateErrorPattern = regexp.MustCompile(`template: ?([^:\s]+):(\d+)(?::(\d+))?: `)

// TemplateError turns a template parse or execution error into a positioned
// error against the template file; name gives the file's name in messages
// from its path (see ParseTemplates).
func TemplateError(name func(string) string, err error) error {
	msg := err.Error()
	// A partial run by partialCached fails inside the call that runs it:
	// the last position is the innermost, where the mistake is.
	all := templateErrorPattern.FindAllStringSubmatchIndex(msg, -1)
	if all == nil {
		return err
	}
	at := all[len(all)-1]
	file := msg[at[2]:at[3]]
	line, _ := strconv.Atoi(msg[at[4]:at[5]])
	col := 0
	if at[6] >= 0 {
		col, _ = strconv.Atoi(msg[at[6]:at[7]])
	}
	return diag.Errorf(diag.Pos{File: name(file), Line: line, Col: col}, "%s", strings.TrimSpace(msg[at[1]:]))
}

// funcMap is the few helpers templates need. partialCached is bound to
// each page kind's templates once they are parsed (see partialCache); the
// one here only lets the templates parse.
func funcMap() template.FuncMap {
	return template.FuncMap{
		"add":  func(a, b int) int { return a + b },
		"join": strings.Join,
		"partialCached": func(string, any, ...any) (template.HTML, error) {
			return "", errors.New("partialCached is only available in page templates")
		},
	}
}

// partialCache renders a partial once per page kind and set of variants
// and reuses the result, as Hugo's partialCached does:
//
//	{{partialCached "partials/header.html" . .Folder .Section}}
//
// The variants must name everything the partial's output depends on; the
// header, for example, differs only by the page's folder (its links are
// relative) and by which top-level section is current. Most of the cost
// of executing a template is the escaping call on each action, and the
// header and footer hold most of a page's actions: rendering them once
// per folder instead of once per page keeps the work per page small on a
// large site. The cache lives as long as the parsed templates, one build.
type partialCache struct {
	mu   sync.Mutex
	done map[string]template.HTML
}

// ResetCache forgets what partialCached rendered: the dev server calls it
// before a rebuild that reuses the templates, since what a header shows
// (the sections' titles) may have changed.
func (t *Templates) ResetCache() {
	t.cache.mu.Lock()
	t.cache.done = nil
	t.cache.mu.Unlock()
}

// bind returns the partialCached function for one page kind's templates.
func (c *partialCache) bind(kind string, t *template.Template) func(string, any, ...any) (template.HTML, error) {
	return func(name string, data any, variants ...any) (template.HTML, error) {
		key := cacheKey(kind, name, variants)
		c.mu.Lock()
		out, ok := c.done[key]
		c.mu.Unlock()
		if ok {
			return out, nil
		}
		var b bytes.Buffer
		if err := t.ExecuteTemplate(&b, name, data); err != nil {
			return "", err
		}
		out = template.HTML(b.String())
		c.mu.Lock()
		if c.done == nil {
			c.done = map[string]template.HTML{}
		}
		c.done[key] = out
		c.mu.Unlock()
		return out, nil
	}
}

// cacheKey joins the kind, the partial's name and the variants. Strings,
// the usual variants, are quoted so that no two lists give the same key.
func cacheKey(kind, name string, variants []any) string {
	var b strings.Builder
	b.WriteString(strconv.Quote(kind))
	b.WriteString(strconv.Quote(name))
	for _, v := range variants {
		if s, ok := v.(string); ok {
			b.WriteString(strconv.Quote(s))
			continue
		}
		fmt.Fprintf(&b, "%T:%#v;", v, v)
	}
	return b.String()
}

// InFolder names files below the folder dir in messages: the name
// function of a templates folder used alone.
func InFolder(dir string) func(string) string {
	return func(rel string) string { return path.Join(dir, rel) }
}

// ComponentsOrNil returns the components' templates, or nil when t is nil
// (the templates did not parse far enough to have them).
func (t *Templates) ComponentsOrNil() *template.Template {
	if t == nil {
		return nil
	}
	return t.Components
}
