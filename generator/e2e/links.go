//go:build browser

package e2e

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Links checks that every link and asset of the pages it is given resolves
// in one [Origin]: over HTTP the server answers 200, and from disk the
// address is a file (a link to a folder works on a server, which serves its
// index.html, but not from file://). It also collects the ids of each page,
// so that [Links.Fragments] can check every #fragment once all pages are
// seen. It is safe for use by parallel tests.
type Links struct {
	origin Origin
	client *http.Client

	mu     sync.Mutex
	status map[string]string              // site path -> "" when it resolves, else why not
	ids    map[string]map[string]bool     // page -> its ids
	frags  map[string]map[string][]string // target page -> fragment -> pages linking to it
}

// NewLinks makes a link checker for the origin.
func NewLinks(o Origin) *Links {
	return &Links{
		origin: o,
		client: &http.Client{},
		status: map[string]string{},
		ids:    map[string]map[string]bool{},
		frags:  map[string]map[string][]string{},
	}
}

type pageLinks struct {
	IDs   []string `json:"ids"`
	Links []struct {
		Tag  string `json:"tag"`
		Attr string `json:"attr"`
		URL  string `json:"url"`
	} `json:"links"`
}

// linksJS lists every address the page refers to, resolved by the browser,
// and every id (and a[name]) a fragment can point at.
const linksJS = `(() => {
  const links = [];
  const add = (el, attr, url) => links.push({tag: el.tagName.toLowerCase(), attr, url});
  for (const el of document.querySelectorAll("a[href], area[href], link[href]")) add(el, "href", el.href);
  for (const el of document.querySelectorAll("script[src], img[src], iframe[src], source[src], audio[src], video[src], track[src], embed[src], input[src]")) add(el, "src", el.src);
  for (const el of document.querySelectorAll("img[srcset], source[srcset]")) {
    for (const part of el.getAttribute("srcset").split(",")) {
      const u = part.trim().split(/\s+/)[0];
      if (u) add(el, "srcset", new URL(u, document.baseURI).href);
    }
  }
  for (const el of document.querySelectorAll("form[action]")) add(el, "action", el.action);
  for (const el of document.querySelectorAll("object[data]")) add(el, "data", el.data);
  const ids = [...document.querySelectorAll("[id]")].map(e => e.id)
    .concat([...document.querySelectorAll("a[name]")].map(e => e.name));
  return {ids, links};
})()`

// Check checks the links and assets of the page open in tab, and records
// its ids and the fragments it links to.
func (l *Links) Check(tab *Tab) ([]Problem, error) {
	pl, err := Eval[pageLinks](tab, linksJS)
	if err != nil {
		return nil, fmt.Errorf("%s (%s): listing links: %w", tab.Page, tab.Origin.Mode, err)
	}
	var out []Problem
	bad := func(rule, format string, args ...any) {
		out = append(out, Problem{Page: tab.Page, Mode: tab.Origin.Mode, Rule: rule, Detail: fmt.Sprintf(format, args...)})
	}
	ids := map[string]bool{}
	for _, id := range pl.IDs {
		ids[id] = true
	}
	l.mu.Lock()
	l.ids[tab.Page] = ids
	l.mu.Unlock()

	for _, ln := range pl.Links {
		what := fmt.Sprintf("<%s %s=%q>", ln.Tag, ln.Attr, ln.URL)
		u, err := url.Parse(ln.URL)
		if err != nil {
			bad("broken-link", "%s: %v", what, err)
			continue
		}
		switch u.Scheme {
		case "mailto", "tel", "data":
			continue
		case "javascript":
			bad("broken-link", "%s: javascript: links do not work without JavaScript", what)
			continue
		}
		p, ok := l.origin.Path(ln.URL)
		if !ok {
			// A plain link to another site is fine; it is only followed
			// when the reader chooses. Anything the page itself would
			// fetch from elsewhere is not.
			if (ln.Tag == "a" || ln.Tag == "area") && (u.Scheme == "https" || u.Scheme == "http") {
				continue
			}
			bad("offsite-request", "%s points outside the site", what)
			continue
		}
		if why := l.resolve(p); why != "" {
			rule := "broken-link"
			if strings.HasPrefix(why, "is a folder") {
				rule = "folder-link"
			}
			bad(rule, "%s %s", what, why)
			continue
		}
		if u.Fragment != "" && path.Ext(p) == ".html" {
			l.mu.Lock()
			m := l.frags[p]
			if m == nil {
				m = map[string][]string{}
				l.frags[p] = m
			}
			if !slices.Contains(m[u.Fragment], tab.Page) {
				m[u.Fragment] = append(m[u.Fragment], tab.Page)
			}
			l.mu.Unlock()
		}
	}
	return out, nil
}

// resolve says why a site path does not resolve, or "" when it does.
func (l *Links) resolve(p string) string {
	l.mu.Lock()
	why, ok := l.status[p]
	l.mu.Unlock()
	if ok {
		return why
	}
	switch l.origin.Mode {
	case File:
		info, err := os.Stat(filepath.Join(l.origin.Dir, filepath.FromSlash(p)))
		switch {
		case err != nil:
			why = "does not exist"
		case info.IsDir():
			why = "is a folder, which a browser cannot open from file://; link to its index.html"
		}
	default:
		resp, err := l.client.Get(l.origin.URL(p))
		if err != nil {
			why = err.Error()
			break
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			why = "answers " + resp.Status
		}
	}
	l.mu.Lock()
	l.status[p] = why
	l.mu.Unlock()
	return why
}

// Fragments reports every link to a #fragment that names no id on its target
// page. Only target pages this checker has seen are checked, so call it after
// checking every page.
func (l *Links) Fragments() []Problem {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []Problem
	for target, m := range l.frags {
		ids, seen := l.ids[target]
		if !seen {
			continue
		}
		for frag, from := range m {
			if ids[frag] {
				continue
			}
			if dec, err := url.PathUnescape(frag); err == nil && ids[dec] {
				continue
			}
			for _, page := range from {
				out = append(out, Problem{Page: page, Mode: l.origin.Mode, Rule: "missing-anchor",
					Detail: fmt.Sprintf("links to %s#%s, but that page has no id %q", target, frag, frag)})
			}
		}
	}
	slices.SortFunc(out, func(a, b Problem) int { return strings.Compare(a.String(), b.String()) })
	return out
}
