// Package devserver serves the latest good build of a site while an author
// edits it, reloads their browser when a rebuild succeeds and shows the
// problems when one fails.
//
// A full build is a complete folder (see Builder). Server.Publish swaps to
// a new folder in one step, so a request sees either the old site or the
// new one, never a mix; a folder is removed once no request is reading it.
// A rebuild after an edit changes the files it must in the folder in
// service, each replaced whole, and Server.Refresh then reloads the
// browsers.
// Server.Fail keeps the last good folder in service and tells every
// connected browser what is wrong.
//
// Browsers learn of changes through Server-Sent Events. Every HTML response
// (and nothing that build writes to disk) gets one extra element before
// </head>:
//
//	<script src="/_joinedup/livereload.js" data-build="ID"></script>
//
// an external, same-origin script, so the site's strict Content-Security-
// Policy (script-src 'self', no inline scripts) holds in the dev server as
// it does in production. The script listens on /_joinedup/events: a state
// with a different build ID reloads the page; a state with problems shows
// them, with their source lines, over the page.
//
// Safety: only GET and HEAD; paths with ".." segments, backslashes, NUL or
// encoded slashes are refused with 400; files are opened through os.Root,
// so no symbolic link leads out of the build folder; every response has
// Cache-Control: no-store, nosniff and the production CSP as a header.
package devserver

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"joinedup/generator/internal/site"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ContentSecurityPolicy is the policy every page carries in its
// Content-Security-Policy meta tag (templates/base.html), sent as a header
// too, as a production host would.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"

// Reserved is the path prefix of the dev server's own files; a site must
// not have a top-level folder of this name.
const Reserved = "/" + site.DevDir + "/"

//go:embed assets
var assets embed.FS

// Server is an http.Handler serving the current good build. Create it with
// New; the zero value is not usable.
type Server struct {
	// startID makes build IDs unique across restarts, so a browser left
	// open reloads when it reconnects to a new process.
	startID string
	done    chan struct{} // closed by Close
	close   sync.Once

	mu       sync.Mutex
	builds   int
	cur      *generation
	problems []Problem
	seq      int           // bumped on every Publish and Fail
	state    []byte        // the state as JSON, for event streams
	changed  chan struct{} // closed and replaced when seq changes
}

// generation is one complete build folder in service.
type generation struct {
	id  string
	dir string
	// basePath is the path the site's 404 page links from (base_url's);
	// files are served there as well as at the root.
	basePath string
	root     *os.Root
	refs     int  // requests reading it
	retired  bool // replaced by a newer build
	cleanup  func()
	// keepRoot is set when a newer generation reads through the same
	// root (see Refresh), which must then stay open.
	keepRoot bool
}

// New makes a server with no build yet: pages answer with the problems
// page until the first Publish.
func New() *Server {
	s := &Server{
		startID: strconv.FormatInt(time.Now().UnixNano(), 36),
		done:    make(chan struct{}),
		changed: make(chan struct{}),
	}
	s.update()
	return s
}

// Publish puts the complete build in dir into service and tells connected
// browsers to reload. cleanup, if not nil, is called once the build has
// been replaced (or the server closed) and no request is reading it.
func (s *Server) Publish(dir string, cleanup func()) error {
	return s.PublishAt(dir, "", cleanup)
}

// PublishAt is Publish for a site that also links from basePath ("/sub/",
// from its base_url): its 404 page does, so that it works at any depth on
// a real host. The files are served under basePath as well as at the root.
func (s *Server) PublishAt(dir, basePath string, cleanup func()) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.builds++
	g := &generation{id: s.startID + "-" + strconv.Itoa(s.builds), dir: dir, root: root, cleanup: cleanup}
	if basePath != "/" {
		g.basePath = basePath
	}
	old := s.cur
	s.cur = g
	s.problems = nil
	s.update()
	s.mu.Unlock()
	s.retire(old)
	return nil
}

// Refresh tells connected browsers to reload: the build in service has
// been changed in place (see Builder), its folder staying the same.
func (s *Server) Refresh() {
	s.mu.Lock()
	old := s.cur
	if old == nil {
		s.mu.Unlock()
		return
	}
	s.builds++
	g := &generation{id: s.startID + "-" + strconv.Itoa(s.builds), dir: old.dir, root: old.root, basePath: old.basePath, cleanup: old.cleanup}
	// The folder and its root pass to the new generation.
	old.cleanup, old.keepRoot = nil, true
	s.cur = g
	s.problems = nil
	s.update()
	s.mu.Unlock()
	s.retire(old)
}

// Fail keeps the current build in service and shows problems in every
// connected browser until the next Publish.
func (s *Server) Fail(problems []Problem) {
	if problems == nil {
		problems = []Problem{}
	}
	s.mu.Lock()
	s.problems = problems
	s.update()
	s.mu.Unlock()
}

// Close ends every event stream (an http.Server's Shutdown waits for
// them otherwise) and retires the current build. Call it from
// http.Server.RegisterOnShutdown or after the server has stopped.
func (s *Server) Close() {
	s.close.Do(func() {
		close(s.done)
		s.mu.Lock()
		old := s.cur
		s.cur = nil
		s.mu.Unlock()
		s.retire(old)
	})
}

// Current is the folder of the build in service, "" before the first.
func (s *Server) Current() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur == nil {
		return ""
	}
	return s.cur.dir
}

// state is what an event stream sends: the build in service and, when the
// latest build failed, its problems.
type state struct {
	Build    string    `json:"build"`
	Problems []Problem `json:"problems"`
}

// update records a change of state; the caller holds s.mu.
func (s *Server) update() {
	st := state{Problems: s.problems}
	if s.cur != nil {
		st.Build = s.cur.id
	}
	b, err := json.Marshal(st)
	if err != nil {
		panic(err) // plain structs of strings and ints always marshal
	}
	s.seq++
	s.state = b
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) acquire() *generation {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur != nil {
		s.cur.refs++
	}
	return s.cur
}

func (s *Server) release(g *generation) {
	if g == nil {
		return
	}
	s.mu.Lock()
	g.refs--
	last := g.retired && g.refs == 0
	s.mu.Unlock()
	if last {
		g.finish()
	}
}

func (s *Server) retire(g *generation) {
	if g == nil {
		return
	}
	s.mu.Lock()
	g.retired = true
	last := g.refs == 0
	s.mu.Unlock()
	if last {
		g.finish()
	}
}

func (g *generation) finish() {
	if !g.keepRoot {
		g.root.Close()
	}
	if g.cleanup != nil {
		g.cleanup()
	}
}

// ServeHTTP serves the dev server's own files under Reserved and the
// current build everywhere else.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if !s.allowedHost(r.Host) {
		// DNS rebinding: a page on another site can point its own host
		// name at 127.0.0.1 and read the dev server, drafts and problems
		// included, unless the server refuses names it does not know.
		http.Error(w, "this dev server answers only to localhost; open http://localhost"+localPort(r)+"/", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "only GET and HEAD", http.StatusMethodNotAllowed)
		return
	}
	name, ok := cleanPath(r)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	if rest, ok := strings.CutPrefix("/"+name, Reserved); ok {
		s.serveOwn(w, r, rest)
		return
	}
	g := s.acquire()
	defer s.release(g)
	if g == nil {
		s.serveNoBuild(w, r)
		return
	}
	s.serveSite(w, r, g, name)
}

// allowedHost reports whether the Host header may name this server: an
// IP address (the one it listens on, typed into the address bar) or
// localhost (or a name below .localhost, which browsers keep on this
// machine). Any other name could be an attacker's, pointed at this
// machine's address after the attacker's page loaded.
func (s *Server) allowedHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if net.ParseIP(host) != nil {
		return true
	}
	return host == "localhost" || strings.HasSuffix(host, ".localhost")
}

// portOf returns ":PORT" from a Host header, or "".
// localPort is ":PORT" of the address the request came in on (the Host
// header may name another port, or none).
func localPort(r *http.Request) string {
	if a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		if p := portOf(a.String()); p != "" {
			return p
		}
	}
	return portOf(r.Host)
}

func portOf(host string) string {
	if _, p, err := net.SplitHostPort(host); err == nil {
		return ":" + p
	}
	return ""
}

// cleanPath returns the request path as a slash path relative to the
// site's root ("." for the root), or false when it tries to leave the
// site or is otherwise malformed.
func cleanPath(r *http.Request) (string, bool) {
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	// An encoded slash or backslash would make one segment look like two
	// to some layers and not others.
	raw := strings.ToLower(r.URL.EscapedPath())
	if strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") {
		return "", false
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == ".." {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean(p), "/")
	if name == "" {
		name = "."
	}
	return name, true
}

// serveSite serves one file of a build: a folder's index.html for a
// folder, the site's 404.html when nothing matches.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request, g *generation, name string) {
	info, err := g.root.Stat(name)
	if err != nil && g.basePath != "" {
		if rest, ok := strings.CutPrefix("/"+name+"/", g.basePath); ok {
			name = path.Clean("./" + rest)
			info, err = g.root.Stat(name)
		}
	}
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			// Relative links in the folder's index.html need the slash.
			// Built from the cleaned name: "//host" must not become a
			// redirect to another site.
			target := "/" + name + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusFound)
			return
		}
		name = path.Join(name, "index.html")
		info, err = g.root.Stat(name)
	}
	if err != nil || !info.Mode().IsRegular() {
		s.serveNotFound(w, r, g)
		return
	}
	f, err := g.root.Open(name)
	if err != nil {
		s.serveNotFound(w, r, g)
		return
	}
	defer f.Close()
	ctype := contentType(name)
	w.Header().Set("Content-Type", ctype)
	if isHTML(ctype) {
		b, err := io.ReadAll(f)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		writeHTML(w, r, http.StatusOK, inject(b, g.id))
		return
	}
	http.ServeContent(w, r, name, info.ModTime(), f)
}

func (s *Server) serveNotFound(w http.ResponseWriter, r *http.Request, g *generation) {
	b, err := fs.ReadFile(g.root.FS(), "404.html")
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	writeHTML(w, r, http.StatusNotFound, inject(b, g.id))
}

// serveNoBuild answers every page before the first good build: the
// problems as plain text in the page, and the live-reload script, which
// shows them properly and reloads when the site builds.
func (s *Server) serveNoBuild(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	problems := s.problems
	s.mu.Unlock()
	var b bytes.Buffer
	err := noBuildPage.Execute(&b, struct {
		Problems []Problem
		Text     string
		Script   string
		Style    string
	}{problems, FormatText(problems), Reserved + "livereload.js", Reserved + "livereload.css"})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	writeHTML(w, r, http.StatusServiceUnavailable, b.Bytes())
}

func writeHTML(w http.ResponseWriter, r *http.Request, code int, b []byte) {
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

// serveOwn serves the live-reload script, its style sheet and the event
// stream.
func (s *Server) serveOwn(w http.ResponseWriter, r *http.Request, name string) {
	switch name {
	case "events":
		s.serveEvents(w, r)
	case "livereload.js", "livereload.css":
		b, err := assets.ReadFile("assets/" + name)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", contentType(name))
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
	default:
		http.Error(w, "404 page not found", http.StatusNotFound)
	}
}

// serveEvents streams the server's state: once on connecting, then on
// every change, with a comment every 15s so a vanished browser is noticed.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	// Reconnect quickly after the server restarts.
	if _, err := io.WriteString(w, "retry: 500\n\n"); err != nil {
		return
	}
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	sent := 0
	for {
		s.mu.Lock()
		seq, st, changed := s.seq, s.state, s.changed
		s.mu.Unlock()
		if seq != sent {
			if _, err := fmt.Fprintf(w, "event: state\ndata: %s\n\n", st); err != nil {
				return
			}
			if err := rc.Flush(); err != nil {
				return
			}
			sent = seq
		}
		select {
		case <-changed:
		case <-ping.C:
			if _, err := io.WriteString(w, ": ping\n\n"); err != nil {
				return
			}
			if err := rc.Flush(); err != nil {
				return
			}
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
	}
}

// contentType names the type of a file by its extension; types the site
// uses are fixed here so they do not depend on the machine's MIME tables.
func contentType(name string) string {
	switch ext := strings.ToLower(path.Ext(name)); ext {
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".txt", ".md":
		return "text/plain; charset=utf-8"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".webp":
		return "image/webp"
	case ".ico":
		return "image/x-icon"
	case ".pdf":
		return "application/pdf"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	default:
		if t := mime.TypeByExtension(ext); t != "" {
			return t
		}
		return "application/octet-stream"
	}
}

func isHTML(ctype string) bool { return strings.HasPrefix(ctype, "text/html") }
