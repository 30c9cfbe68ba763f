package data

import (
	"path"
	"slices"
	"strings"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/strictyaml"
)

// itemDirs are the data folders that hold one file per item.
var itemDirs = []string{CheckDir, ScenarioDir}

// ItemDirs lists the data folders that hold one file per item, below
// data/, sorted.
func ItemDirs() []string { return slices.Clone(itemDirs) }

// loadItems decodes the files below data/'s folders (paths, sorted, such
// as "data/scenarios/leaving-hospital.yaml") into d.Scenarios and
// d.Checks. An item's id is its file's name, so the name must be a valid
// id; a file in any other folder, or deeper down, is reported.
func (d *Data) loadItems(paths []string, files map[string][]byte, display func(string) string) diag.List {
	var errs diag.List
	seen := map[string]string{} // folder/id -> the path read for it
	for _, p := range paths {
		rel := strings.TrimPrefix(p, "data/")
		dir, file, _ := strings.Cut(rel, "/")
		at := diag.Pos{File: display(p)}
		if !slices.Contains(itemDirs, dir) {
			errs.Add(at, "unknown data folder %q%s; data files are in data/ itself, or one file per item in data/%s/ or data/%s/", dir, diag.Hint(dir, itemDirs), ScenarioDir, CheckDir)
			continue
		}
		if strings.Contains(file, "/") {
			errs.Add(at, "data/%s/ holds one file per item, with no folders inside it; move this file up to data/%s/", dir, dir)
			continue
		}
		id := strings.TrimSuffix(strings.TrimSuffix(file, ".yml"), ".yaml")
		if !idPattern.MatchString(id) {
			errs.Add(at, "the file's name is the id that pages place it by, so it should use only lowercase letters, digits and single hyphens, like %q", Slug(id)+path.Ext(file))
			continue
		}
		if first, dup := seen[dir+"/"+id]; dup {
			errs.Add(at, "both %s and %s exist, and only %s is read; keep one of them", first, p, first)
			continue
		}
		seen[dir+"/"+id] = p
		if files[p] == nil {
			continue // could not be read as text; already reported
		}
		switch dir {
		case ScenarioDir:
			s := Scenario{ID: id}
			err := strictyaml.Decode(display(p), 1, files[p], &s)
			errs.Append(at, err)
			s.clean = err == nil
			s.Pos = withFile(s.Pos, at)
			d.Scenarios = append(d.Scenarios, s)
		case CheckDir:
			k := KnowledgeCheck{ID: id}
			err := strictyaml.Decode(display(p), 1, files[p], &k)
			errs.Append(at, err)
			k.clean = err == nil
			k.Pos = withFile(k.Pos, at)
			d.Checks = append(d.Checks, k)
		}
	}
	return errs
}

// withFile makes sure an item's positions name its file, even when its
// YAML could not be parsed at all and none were recorded.
func withFile(p strictyaml.Positions, at diag.Pos) strictyaml.Positions {
	if p == nil {
		p = strictyaml.Positions{}
	}
	if _, ok := p[""]; !ok {
		p[""] = at
	}
	return p
}
