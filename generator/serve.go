package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"joinedup/generator/internal/content"
	"joinedup/generator/internal/devserver"
	"joinedup/generator/internal/pipeline"
	"joinedup/generator/internal/watch"
)

// serve is the serve command: build, serve on loopback, rebuild on every
// save, until ctx ends (Ctrl-C).
func serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, code, ok := serveFlags(args, stderr)
	if !ok {
		return code
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(cfg.host.String(), strconv.Itoa(cfg.port)))
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			fmt.Fprintf(stderr, "port %d on %s is already in use (is another serve running?); choose another with -port\n", cfg.port, cfg.host)
		} else {
			fmt.Fprintf(stderr, "cannot listen on %s port %d: %v\n", cfg.host, cfg.port, err)
		}
		return 1
	}
	return runServer(ctx, cfg, ln, stdout, stderr)
}

// serveConfig is what serve's flags say.
type serveConfig struct {
	opt  pipeline.Options
	host netip.Addr
	port int
}

// serveFlags parses serve's flags. It reports false, with the exit status,
// when serve should stop.
func serveFlags(args []string, stderr io.Writer) (serveConfig, int, bool) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	src := addSourceFlags(fs)
	drafts := fs.Bool("drafts", false, "show draft pages too, each marked as a draft (build always leaves them out)")
	port := fs.Int("port", 1313, "port to serve on (0 picks a free one)")
	bind := fs.String("bind", "127.0.0.1", "`address` to serve on; anything but loopback lets other machines read your drafts")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: joinedup serve [flags]\n\nBuilds the site, serves it on this machine, and rebuilds and reloads the browser on every save.\nA failed build is shown in the browser and here; the last good site stays up.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return serveConfig{}, code, false
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "-port %d: not a port number\n", *port)
		return serveConfig{}, 2, false
	}
	name := *bind
	if strings.EqualFold(name, "localhost") {
		name = "127.0.0.1"
	}
	host, err := netip.ParseAddr(name)
	if err != nil {
		fmt.Fprintf(stderr, "-bind %q: not an IP address or localhost (for example 127.0.0.1)\n", *bind)
		return serveConfig{}, 2, false
	}
	if !host.IsLoopback() {
		fmt.Fprintf(stderr, "warning: serving on %s, not loopback: other machines on the network can read the site and its drafts\n", host)
	}
	opt, ok := sourceOptions(src, stderr)
	if !ok {
		return serveConfig{}, 2, false
	}
	opt.Drafts = *drafts
	return serveConfig{opt: opt, host: host, port: *port}, 0, true
}

// runServer builds, serves on ln and rebuilds on every save until ctx
// ends or the server fails.
func runServer(ctx context.Context, cfg serveConfig, ln net.Listener, stdout, stderr io.Writer) int {
	srv := devserver.New()
	b, err := devserver.NewBuilder(cfg.opt, srv, devserver.BuildParent())
	if err != nil {
		ln.Close()
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer b.Close()
	w, err := watch.New(sourceDirs(cfg.opt), watch.Options{
		Ignore:  func(name string) bool { return content.Ignored(name) || watch.EditorTemp(name) },
		OnError: func(err error) { fmt.Fprintf(stderr, "watch: %v\n", err) },
	})
	if err != nil {
		ln.Close()
		fmt.Fprintln(stderr, err)
		return 1
	}
	// main stops on Ctrl-C; a dev server is also stopped by SIGTERM (a
	// terminal closing, a process manager), and must tidy up then too.
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM)
	defer stop()

	first := b.Build(ctx)
	if ctx.Err() != nil {
		// Stopped during the first build: nothing was served. Run
		// returns at once on the ended context, closing the watcher.
		ln.Close()
		_ = w.Run(ctx, func([]string) {})
		fmt.Fprintln(stdout, "stopped")
		return 0
	}
	reportRebuild(stdout, stderr, first)
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	hs.RegisterOnShutdown(srv.Close)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintf(stdout, "serving on http://%s/ (Ctrl-C to stop)\n", ln.Addr())

	var wg sync.WaitGroup
	wg.Go(func() {
		w.Run(ctx, func(paths []string) {
			o := b.Update(ctx, paths)
			if ctx.Err() == nil { // else stopping: the build was cut short
				reportRebuild(stdout, stderr, o)
			}
		})
	})

	code := 0
	select {
	case <-ctx.Done():
	case err := <-served:
		fmt.Fprintf(stderr, "server stopped: %v\n", err)
		code = 1
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		hs.Close()
	}
	srv.Close()
	stop()
	wg.Wait()
	if code == 0 {
		fmt.Fprintln(stdout, "stopped")
	}
	return code
}

// reportRebuild prints the outcome of one of serve's builds.
func reportRebuild(stdout, stderr io.Writer, o devserver.Outcome) {
	stamp := time.Now().Format("15:04:05")
	for _, w := range o.Change.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	if o.Problems != nil {
		fmt.Fprint(stderr, devserver.FormatText(o.Problems))
		fmt.Fprintf(stderr, "%s %d %s; still serving the last good build\n", stamp, len(o.Problems), plural(len(o.Problems), "problem", "problems"))
		return
	}
	c := o.Change
	if c.Full {
		fmt.Fprintf(stdout, "%s built %d pages in %s\n", stamp, c.Pages, c.Duration.Round(time.Millisecond))
		return
	}
	fmt.Fprintf(stdout, "%s rebuilt %d of %d pages in %s\n", stamp, c.Rendered, c.Pages, c.Duration.Round(time.Millisecond))
}
