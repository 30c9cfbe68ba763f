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
// them. Everything else under templates/assets/ is copied to public/assets/.
package render

import (
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

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
		t.kinds[k] = clone
	}
	err := fs.WalkDir(fsys, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
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
var templateErrorPattern = regexp.MustCompile(`template: ([^:]+):(\d+)(?::(\d+))?: (.*)`)

// TemplateError turns a template parse or execution error into a positioned
// error against the template file.
func TemplateError(dir string, err error) error {
	msg := err.Error()
	m := templateErrorPattern.FindStringSubmatch(msg)
	if m == nil {
		return err
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	return diag.Errorf(diag.Pos{File: path.Join(dir, m[1]), Line: line, Col: col}, "%s", strings.TrimSpace(m[4]))
}

// funcMap is the few helpers templates need. They take no hidden state.
func funcMap() template.FuncMap {
	return template.FuncMap{
		"add":  func(a, b int) int { return a + b },
		"join": strings.Join,
	}
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

// ToolScripts lists the scripts of the interactive tools a converted page
// holds: assets/tools/NAME.js for each component NAME it places (and
// "checklist" for its checklists), when the template folder has that file.
// A page without tools loads none of them.
func (t *Templates) ToolScripts(res *markdown.Result) []string {
	names := res.Components
	if len(res.Checklists) > 0 {
		names = append([]string{"checklist"}, names...)
	}
	var out []string
	for _, n := range names {
		s := "tools/" + n + ".js"
		if _, ok := t.Assets[s]; ok {
			out = append(out, s)
		}
	}
	return out
}
