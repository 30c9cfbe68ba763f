//go:build browser

package e2e

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"joinedup/generator/internal/pipeline"
)

// Problem is one finding of a check.
type Problem struct {
	Page   string // slash path of the page in the site, e.g. "guidance/ladder.html"
	Mode   Mode   // how the page was opened
	Rule   string // the rule broken: an axe-core rule id, or one of the harness's rules
	Detail string
}

func (p Problem) String() string {
	if p.Mode == "" {
		return fmt.Sprintf("%s: %s: %s", p.Page, p.Rule, p.Detail)
	}
	return fmt.Sprintf("%s (%s): %s: %s", p.Page, p.Mode, p.Rule, p.Detail)
}

// Mode says how a page was opened.
type Mode string

// The two ways the site must work: from a web server, and from a folder on
// disk (a copy on a shared drive).
const (
	HTTP Mode = "http"
	File Mode = "file"
)

// Site is a built copy of the site in a temporary folder.
type Site struct {
	Dir   string   // the output folder
	Pages []string // slash paths of every HTML page, sorted
}

// RepoRoot finds the folder holding go.mod, walking up from the working
// directory (a test runs in its package's folder).
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Bundled is the bundled site (content/ and templates/ of the repository)
// built once for every test of a test binary that only reads it: about
// thirty tests open its pages, and building it for each took CPU the
// browser tests need. Close removes its folder, from TestMain once every
// test has run. A test that changes the files of its site builds its own
// with [Build].
type Bundled struct {
	once sync.Once
	site *Site
	err  error
}

// Build returns the bundled site, building it the first time.
func (s *Bundled) Build(t testing.TB) *Site {
	t.Helper()
	s.once.Do(func() {
		opt, err := bundledOptions()
		if err != nil {
			s.err = err
			return
		}
		dir, err := os.MkdirTemp("", "joinedup-e2e-")
		if err != nil {
			s.err = err
			return
		}
		s.site, s.err = buildInto(opt, filepath.Join(dir, "site"))
		if s.err != nil {
			os.RemoveAll(dir)
		}
	})
	if s.err != nil {
		t.Fatal(s.err)
	}
	return s.site
}

// Close removes the bundled site's folder, if it was built.
func (s *Bundled) Close() {
	if s.site != nil {
		os.RemoveAll(filepath.Dir(s.site.Dir))
	}
}

// Build builds the bundled site into a temporary folder of its own that
// lives as long as the test: for a test that changes the built files.
// Tests that only read it share one build ([Bundled]).
func Build(t testing.TB) *Site {
	t.Helper()
	opt, err := bundledOptions()
	if err != nil {
		t.Fatal(err)
	}
	return BuildOptions(t, opt)
}

// bundledOptions are the build options of the bundled site.
func bundledOptions() (pipeline.Options, error) {
	root, err := RepoRoot()
	if err != nil {
		return pipeline.Options{}, err
	}
	return dirOptions(filepath.Join(root, "content"), filepath.Join(root, "templates")), nil
}

func dirOptions(contentDir, templatesDir string) pipeline.Options {
	return pipeline.Options{
		Content: os.DirFS(contentDir), ContentName: contentDir,
		Templates: os.DirFS(templatesDir), TemplatesName: templatesDir,
	}
}

// BuildFrom builds the site from the given folders into a temporary folder.
func BuildFrom(t testing.TB, contentDir, templatesDir string) *Site {
	t.Helper()
	return BuildOptions(t, dirOptions(contentDir, templatesDir))
}

// BuildOptions builds the site opt describes into a temporary folder: a
// site with the built-in theme (opt.Theme), say, as an organisation's is.
func BuildOptions(t testing.TB, opt pipeline.Options) *Site {
	t.Helper()
	s, err := buildInto(opt, filepath.Join(t.TempDir(), "site"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// buildInto builds the site opt describes into out and lists its pages.
func buildInto(opt pipeline.Options, out string) (*Site, error) {
	if _, err := pipeline.Build(context.Background(), opt, out); err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	return OpenSite(out)
}

// OpenSite lists the pages of a site already written to dir. The HTML files
// below assets/ are not pages a reader opens (the shared storage page is
// opened in a hidden frame), so they are left out.
func OpenSite(dir string) (*Site, error) {
	s := &Site{Dir: dir}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p == "assets" {
			return fs.SkipDir
		}
		if !d.IsDir() && path.Ext(p) == ".html" {
			s.Pages = append(s.Pages, p)
		}
		return nil
	})
	slices.Sort(s.Pages)
	return s, err
}

// Origin is one way of opening the site: its root URL and how that URL maps
// back to files.
type Origin struct {
	Mode Mode
	Base string // the URL of the site's root folder, ending in "/"
	Dir  string // the site's folder on disk
}

// URL is the address of a page or file, given as a slash path in the site.
func (o Origin) URL(page string) string { return o.Base + page }

// Path maps an address back to a slash path in the site, without query or
// fragment. It reports false for an address outside the site.
func (o Origin) Path(u string) (string, bool) {
	if !strings.HasPrefix(u, o.Base) {
		return "", false
	}
	p, err := url.Parse(u)
	if err != nil {
		return "", false
	}
	base, err := url.Parse(o.Base)
	if err != nil {
		return "", false
	}
	rel := strings.TrimPrefix(p.Path, base.Path)
	return rel, true
}

// Disk opens the site from its folder as file:// URLs.
func (s *Site) Disk() Origin {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(s.Dir) + "/"}
	return Origin{Mode: File, Base: u.String(), Dir: s.Dir}
}

// CSP is the policy the test server sends with every response: the strictest
// useful one, so that anything a page loads from elsewhere, and any inline
// script or style, is reported.
const CSP = "default-src 'self'"

// Serve serves the site over HTTP on 127.0.0.1 for as long as the test runs,
// with the [CSP] header on every response.
func (s *Site) Serve(t testing.TB) Origin {
	t.Helper()
	files := http.FileServer(http.Dir(s.Dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", CSP)
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return Origin{Mode: HTTP, Base: srv.URL + "/", Dir: s.Dir}
}
