package assets

import (
	"slices"
	"sort"
	"testing"
	"testing/fstest"

	"joinedup/generator/internal/site"
)

// themeFS is a templates folder with the given files below assets/.
func themeFS(files ...string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[Dir+"/"+f] = &fstest.MapFile{Data: []byte("/* " + f + " */")}
	}
	return fsys
}

// The browser scripts' Node tests sit beside them but are not published.
func TestLoadSkipsScriptTests(t *testing.T) {
	s, err := Load(themeFS("site.js", "site.test.js", "tools/checklist.js", "tools/checklist.test.js", ".hidden.js", "latest.js"), inTemplates)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for name := range s.files {
		got = append(got, name)
	}
	sort.Strings(got)
	if want := []string{"latest.js", "site.js", "tools/checklist.js"}; !slices.Equal(got, want) {
		t.Errorf("assets = %v; want %v", got, want)
	}
	for name := range s.Files(nil) {
		if slices.Contains([]string{"site.test.js", "tools/checklist.test.js"}, name) {
			t.Errorf("Files() publishes %s", name)
		}
	}
}

func TestToolScripts(t *testing.T) {
	s, err := Load(themeFS("tools/checklist.js", "tools/ladder-code.js", "tools/ladder-assessment.js", "tools/group-results.js", "tools/consent-aid.js"), inTemplates)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		facts site.Facts
		want  []string
	}{
		{"no tools", site.Facts{}, nil},
		{"a component without a script", site.Facts{Components: []string{"glossary"}}, nil},
		{"checklists first", site.Facts{Checklists: make([]site.Checklist, 2), Components: []string{"consent-aid"}},
			[]string{"tools/checklist.js", "tools/consent-aid.js"}},
		{"a shared script before its tool", site.Facts{Components: []string{"ladder-assessment"}},
			[]string{"tools/ladder-code.js", "tools/ladder-assessment.js"}},
		{"a shared script once", site.Facts{Components: []string{"group-results", "glossary", "ladder-assessment"}},
			[]string{"tools/ladder-code.js", "tools/group-results.js", "tools/ladder-assessment.js"}},
	}
	for _, tt := range tests {
		if got := s.ToolScripts(tt.facts); !slices.Equal(got, tt.want) {
			t.Errorf("%s: ToolScripts = %v; want %v", tt.name, got, tt.want)
		}
	}
}

// inTemplates names a file below the templates folder in messages.
func inTemplates(p string) string { return "templates/" + p }
