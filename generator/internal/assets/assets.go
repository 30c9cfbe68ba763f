// Package assets makes the files of public/assets/ from the theme's
// templates/assets/ folder, and says which scripts a page loads.
//
// The theme keeps its stylesheets and scripts small and separate; the site
// gets few files:
//
//   - site.css: the theme's site.css, then each tool's rules
//     (parts/NAME.css) in name order, then the code-highlighting colours
//     for each colour scheme, then the site's own colours (its brand).
//     Every page loads this one stylesheet.
//   - site.js: the list of browser storage keys the scripts may use (from
//     package storage, the same list the privacy page shows), then the
//     theme's site.js.
//   - search.js: the vendored Porter2 stemmer (vendor/, a CommonJS file)
//     wrapped to define a global, then the theme's search.js.
//   - every other file as it is, but vendor/ and parts/, which are bundled
//     above, and the scripts' unit tests (*.test.js), which are not
//     published.
package assets

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/site"
	"joinedup/generator/internal/storage"
)

// Dir is the folder of the theme's assets in a templates folder.
const Dir = "assets"

// Set is the theme's asset files, by slash path below templates/assets/.
type Set struct {
	files map[string][]byte
}

// Load reads every asset below assets/ in fsys; name gives a file's name
// in messages from its slash path (see render.ParseTemplates).
func Load(fsys fs.FS, name func(string) string) (*Set, error) {
	s := &Set{files: map[string][]byte{}}
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") || strings.HasSuffix(d.Name(), ".test.js") {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		s.files[strings.TrimPrefix(p, Dir+"/")] = b
		return nil
	})
	if err != nil {
		return s, diag.Errorf(diag.Pos{File: name(Dir)}, "cannot read assets: %v", err)
	}
	return s, nil
}

// Has reports whether the theme has the asset name.
func (s *Set) Has(name string) bool {
	_, ok := s.files[name]
	return ok
}

// everyPageScripts are the deferred scripts every page loads, when the
// theme has them: search, and present mode.
var everyPageScripts = []string{"search.js", "present.js"}

// EveryPageScripts lists the deferred scripts every page loads.
func (s *Set) EveryPageScripts() []string {
	var out []string
	for _, name := range everyPageScripts {
		if s.Has(name) {
			out = append(out, name)
		}
	}
	return out
}

// toolNeeds lists, for a tool, the shared scripts below tools/ that must
// run before its own: plain scripts cannot import one another, so the page
// loads them, in this order. The ladder's result codes are used by the
// self-assessment, which makes them, and by group results, which reads
// them, and by no other page. The action plan's file is written and read
// by the planner and read by the privacy page's import.
var toolNeeds = map[string][]string{
	"ladder-assessment": {"ladder-code"},
	"group-results":     {"ladder-code"},
	"barrier-planner":   {"plan-file"},
	"your-data":         {"plan-file"},
}

// ToolScripts lists the scripts of the interactive tools a converted page
// holds: tools/NAME.js for each component NAME it places (and "checklist"
// for its checklists), each after the shared scripts it needs (toolNeeds),
// when the theme has that file. No script is listed twice. A page without
// tools loads none of them.
func (s *Set) ToolScripts(f site.Facts) []string {
	names := f.Components
	if len(f.Checklists) > 0 {
		names = append([]string{"checklist"}, names...)
	}
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		for _, tool := range append(slices.Clone(toolNeeds[n]), n) {
			if name := "tools/" + tool + ".js"; s.Has(name) && !seen[name] {
				seen[name] = true
				out = append(out, name)
			}
		}
	}
	return out
}

// CodeThemes are the code-highlighting colours for each colour scheme. The
// backgrounds match --code-bg in site.css.
func CodeThemes() []markdown.CodeTheme {
	return []markdown.CodeTheme{
		{Style: "github", Background: "#f3f2f1", Selector: ":root"},
		{Style: "github-dark", Background: "#1b1d1f", Selector: `:root[data-theme="dark"]`},
	}
}

// Files returns the files of public/assets/, by slash path below it (see
// the package doc). siteRules, the site's own rules (its brand colours,
// from package brand), end site.css, so that they win; nil for none.
func (s *Set) Files(siteRules []byte) map[string][]byte {
	out := make(map[string][]byte, len(s.files))
	var parts []string
	for name, b := range s.files {
		switch {
		case strings.HasPrefix(name, "vendor/"):
		case strings.HasPrefix(name, "parts/") && strings.HasSuffix(name, ".css"):
			parts = append(parts, name)
		default:
			out[name] = b
		}
	}
	sort.Strings(parts)
	if js, ok := out["search.js"]; ok {
		out["search.js"] = s.searchJS(js)
	}
	if css, ok := out["site.css"]; ok {
		out["site.css"] = append(s.siteCSS(css, parts), siteRules...)
	}
	if js, ok := out["site.js"]; ok {
		out["site.js"] = siteJS(js)
	}
	return out
}

// searchJS puts the stemmer in front of the search script. The stemmer is
// a CommonJS file; it is wrapped so that it defines a global in a plain
// script.
func (s *Set) searchJS(js []byte) []byte {
	var b bytes.Buffer
	b.WriteString("(function () {\nvar module = { exports: {} };\n")
	b.Write(s.files["vendor/wink-porter2-stemmer.js"])
	b.WriteString("\nwindow.joinedupStem = module.exports;\n})();\n")
	b.Write(js)
	return b.Bytes()
}

// siteCSS appends each tool's rules and the highlighting colours to the
// one stylesheet every page loads.
func (s *Set) siteCSS(css []byte, parts []string) []byte {
	themes := CodeThemes()
	light := markdown.HighlightCSS(themes[:1])
	dark := markdown.HighlightCSS(themes[1:])
	var b bytes.Buffer
	b.Write(css)
	for _, p := range parts {
		fmt.Fprintf(&b, "\n/* %s */\n", p)
		b.Write(s.files[p])
	}
	b.WriteString("\n")
	b.WriteString(light)
	b.WriteString(dark)
	// Without a stored choice, the dark scheme follows the system.
	b.WriteString("@media (prefers-color-scheme: dark){\n")
	b.Write(bytes.ReplaceAll([]byte(dark), []byte(`:root[data-theme="dark"]`), []byte(`:root:not([data-theme])`)))
	b.WriteString("}\n")
	return b.Bytes()
}

// siteJS puts the storage keys the scripts may use, and the stored data's
// schema version, in front of the core script, which refuses any other key.
func siteJS(js []byte) []byte {
	var keys []string
	for _, k := range storage.Keys() {
		keys = append(keys, k.Full())
	}
	list, _ := json.Marshal(keys)
	var b bytes.Buffer
	fmt.Fprintf(&b, "/* Generated: the storage keys the scripts may use (see the privacy page) and the stored data's schema version. */\nwindow.joinedupStorageKeys = %s;\nwindow.joinedupStorageVersion = %d;\n", list, storage.Version)
	b.Write(js)
	return b.Bytes()
}
