// Package render turns the site model into output files: every page through
// the templates in templates/, plus the search page, the whole-guide print
// page, the 404 page, the sitemap and the assets.
//
// Templates are html/template files parsed once per build. There is one
// layout rule and no lookup cascade: base.html is the layout; it calls the
// block "main", which each page kind's file (home.html, section.html,
// page.html, search.html, print.html, pack.html, 404.html) defines. Files in
// templates/partials/ are shared by every kind; files in
// templates/components/ are the markup of the data components, named after
// them. Everything else under templates/assets/ is copied to public/assets/,
// except the browser scripts' Node tests (*.test.js).
package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/markdown"
)

// kinds are the page kinds; each has a template file of the same name.
func kinds() []string {
	return []string{"home", "section", "page", "search", "print", "pack", "404"}
}

// Templates is a parsed template folder.
type Templates struct {
	kinds      map[string]*template.Template
	Components *template.Template
	// Assets are the files below templates/assets/, by path below it.
	Assets map[string][]byte
	dir    string
	// cache holds what partialCached rendered in this build.
	cache partialCache
}

// ParseTemplates reads and parses every template in fsys. dir is the
// folder's display name for messages.
func ParseTemplates(fsys fs.FS, dir string) (*Templates, error) {
	t := &Templates{kinds: map[string]*template.Template{}, Assets: map[string][]byte{}, dir: dir}
	var errs diag.List
	read := func(name string) string {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs.Add(diag.Pos{File: path.Join(dir, name)}, "cannot read template: %v", err)
			return ""
		}
		return string(b)
	}
	base := template.New("base").Funcs(funcMap())
	if _, err := base.New("base.html").Parse(read("base.html")); err != nil {
		errs.Append(diag.Pos{File: path.Join(dir, "base.html")}, TemplateError(dir, err))
	}
	partials, _ := fs.Glob(fsys, "partials/*.html")
	sort.Strings(partials)
	for _, p := range partials {
		if _, err := base.New(p).Parse(read(p)); err != nil {
			errs.Append(diag.Pos{File: path.Join(dir, p)}, TemplateError(dir, err))
		}
	}
	t.Components = template.New("components").Funcs(funcMap())
	comps, _ := fs.Glob(fsys, "components/*.html")
	sort.Strings(comps)
	for _, c := range comps {
		name := strings.TrimSuffix(path.Base(c), ".html")
		// The file is parsed under its path (for messages) and then
		// given the component's name.
		tt, err := t.Components.New(c).Parse(read(c))
		if err != nil {
			errs.Append(diag.Pos{File: path.Join(dir, c)}, TemplateError(dir, err))
			continue
		}
		if _, err := t.Components.AddParseTree(name, tt.Tree); err != nil {
			errs.Append(diag.Pos{File: path.Join(dir, c)}, TemplateError(dir, err))
		}
	}
	if len(errs) > 0 {
		return nil, errs.Sort().Err()
	}
	for _, k := range kinds() {
		clone, err := base.Clone()
		if err != nil {
			errs.Add(diag.Pos{File: path.Join(dir, "base.html")}, "%v", err)
			continue
		}
		file := k + ".html"
		if _, err := clone.New(file).Parse(read(file)); err != nil {
			errs.Append(diag.Pos{File: path.Join(dir, file)}, TemplateError(dir, err))
			continue
		}
		if clone.Lookup("main") == nil {
			errs.Add(diag.Pos{File: path.Join(dir, file)}, "template must define the block \"main\": {{define \"main\"}}...{{end}}")
			continue
		}
		clone.Funcs(template.FuncMap{"partialCached": t.cache.bind(k, clone)})
		t.kinds[k] = clone
	}
	err := fs.WalkDir(fsys, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		// Dot files and the browser scripts' Node tests (*.test.js, run by
		// make test-js) are not part of the site.
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") || strings.HasSuffix(d.Name(), ".test.js") {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		t.Assets[strings.TrimPrefix(p, "assets/")] = b
		return nil
	})
	if err != nil {
		errs.Add(diag.Pos{File: path.Join(dir, "assets")}, "cannot read assets: %v", err)
	}
	return t, errs.Sort().Err()
}

// templateErrorPattern matches html/template's "template: NAME:LINE:COL: MSG"
// (the column is not always given).
var templateErrorPattern = regexp.MustCompile(`template: ([^:]+):(\d+)(?::(\d+))?: `)

// TemplateError turns a template parse or execution error into a positioned
// error against the template file.
func TemplateError(dir string, err error) error {
	msg := err.Error()
	// A partial run by partialCached fails inside the call that runs it:
	// the last position is the innermost, where the mistake is.
	all := templateErrorPattern.FindAllStringSubmatchIndex(msg, -1)
	if all == nil {
		return err
	}
	at := all[len(all)-1]
	name := msg[at[2]:at[3]]
	line, _ := strconv.Atoi(msg[at[4]:at[5]])
	col := 0
	if at[6] >= 0 {
		col, _ = strconv.Atoi(msg[at[6]:at[7]])
	}
	return diag.Errorf(diag.Pos{File: path.Join(dir, name), Line: line, Col: col}, "%s", strings.TrimSpace(msg[at[1]:]))
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

// everyPageScripts are the deferred scripts every page loads, when the
// template folder has them: search, and present mode.
var everyPageScripts = []string{"search.js", "present.js"}

// EveryPageScripts lists the deferred scripts every page loads.
func (t *Templates) EveryPageScripts() []string {
	var out []string
	for _, s := range everyPageScripts {
		if _, ok := t.Assets[s]; ok {
			out = append(out, s)
		}
	}
	return out
}

// toolNeeds lists, for a tool, the shared scripts below assets/tools/ that
// must run before its own: plain scripts cannot import one another, so the
// page loads them, in this order. The ladder's result codes are used by the
// self-assessment, which makes them, and by group results, which reads
// them, and by no other page.
var toolNeeds = map[string][]string{
	"ladder-assessment": {"ladder-code"},
	"group-results":     {"ladder-code"},
}

// ToolScripts lists the scripts of the interactive tools a converted page
// holds: assets/tools/NAME.js for each component NAME it places (and
// "checklist" for its checklists), each after the shared scripts it needs
// (toolNeeds), when the template folder has that file. No script is listed
// twice. A page without tools loads none of them.
func (t *Templates) ToolScripts(res *markdown.Result) []string {
	names := res.Components
	if len(res.Checklists) > 0 {
		names = append([]string{"checklist"}, names...)
	}
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		for _, s := range append(slices.Clone(toolNeeds[n]), n) {
			s = "tools/" + s + ".js"
			if _, ok := t.Assets[s]; ok && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}
