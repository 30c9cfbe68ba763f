// Command joinedup builds a training site: Markdown pages and YAML data
// in content/, laid out by the theme built into the program (or by a
// templates/ folder beside content/ that replaces its files one by one),
// become a static site in public/ that works from any web server and from
// disk.
//
// Usage:
//
//	joinedup new FOLDER [-blank]
//	joinedup build [-content DIR] [-templates DIR] [-static DIR] [-out DIR]
//	joinedup check [-content DIR] [-templates DIR] [-static DIR]
//	joinedup serve [-content DIR] [-templates DIR] [-static DIR] [-drafts] [-port N]
//	joinedup theme FOLDER [FILE...]
//	joinedup version
//
// In the repository, go run ./generator does the same, and make builds
// bin/joinedup.
//
// Exit status: 0 on success, 1 when the content has problems (each printed
// as path:line:col: message), 2 when the command line is wrong.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/ospath"
	"joinedup/generator/internal/pipeline"
	"joinedup/generator/internal/publish"
)

func main() {
	// Ctrl-C, and SIGTERM from a closing terminal or a process manager,
	// stop every command cleanly: the output is left as it was and the
	// temporary folders are removed.
	// A command that a signal stopped exits as shells expect of one: 128
	// plus the signal's number (130 for Ctrl-C, 143 for SIGTERM), so a
	// script can tell "stopped" from "failed".
	ctx, cancel := context.WithCancel(context.Background())
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	got := make(chan os.Signal, 1)
	go func() {
		sig := <-signals
		got <- sig
		cancel()
	}()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	signal.Stop(signals)
	cancel()
	select {
	case sig := <-got:
		if n, ok := sig.(syscall.Signal); ok && code != 0 {
			code = 128 + int(n)
		}
	default:
	}
	os.Exit(code)
}

const usage = `Usage: joinedup COMMAND [flags]

Commands:
  new       make a new site in a new folder: joinedup new oursite
  build     build the site into the output folder (public/ by default)
  check     check the content and templates without writing anything
  serve     serve the site on this machine, rebuilding and reloading on every save
  theme     write the built-in theme's files out, to change them
  version   say which version of joinedup this is

Run them in the folder that holds your site's content folder.
Run "joinedup COMMAND -h" for the flags of a command.
`

// run is the whole program, apart from the process exit, so tests can call it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "build", "check":
	case "serve":
		return serve(ctx, args, stdout, stderr)
	case "new":
		return newSite(args, stdout, stderr)
	case "theme":
		return writeTheme(args, stdout, stderr)
	case "version", "-version", "--version":
		return printVersion(stdout)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	src := addSourceFlags(fs)
	outDir := "public"
	if cmd == "build" {
		fs.StringVar(&outDir, "out", "public", "output `folder`; replaced whole, and only when the build succeeds. It must be new, empty or made by an earlier build")
	}
	strict := false
	if cmd == "check" {
		fs.BoolVar(&strict, "strict", false, "treat pages past their review date as problems (exit 1), for an organisation's CI")
	}
	fs.Usage = func() {
		if cmd == "build" {
			fmt.Fprintf(stderr, "Usage: joinedup build [flags]\n\nBuilds the site. Nothing in the output folder changes unless every page builds.\n\nFlags:\n")
		} else {
			fmt.Fprintf(stderr, "Usage: joinedup check [flags]\n\nChecks every page, data file, link and template, and writes nothing.\n\nFlags:\n")
		}
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	opt, ok := sourceOptions(src, stderr)
	if !ok {
		return 2
	}
	if cmd == "build" {
		var err error
		if outDir, err = ospath.Native().FromArg(outDir); err != nil {
			fmt.Fprintf(stderr, "-out %v\n", err)
			return 2
		}
	}
	opt.Strict = strict
	var res pipeline.Result
	var err error
	if cmd == "build" {
		res, err = pipeline.Build(ctx, opt, outDir)
	} else {
		res, err = pipeline.Check(ctx, opt)
	}
	return report(cmd, outDir, res, err, stdout, stderr)
}

// report prints the outcome of a build or check and returns the exit
// status.
func report(cmd, outDir string, res pipeline.Result, err error, stdout, stderr io.Writer) int {
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	var (
		list    diag.List
		refusal *publish.Refusal
		left    *publish.Leftover
	)
	switch {
	case err == nil:
	case errors.As(err, &left):
		fmt.Fprintf(stderr, "warning: %v\n", err)
	case errors.As(err, &list):
		fmt.Fprintln(stderr, list.Error())
		fmt.Fprintf(stderr, "%d %s; nothing was written\n", len(list), plural(len(list), "problem", "problems"))
		return 1
	case errors.As(err, &refusal):
		fmt.Fprintf(stderr, "-out %v\nNothing was written.\n", refusal)
		return 2
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "stopped before the %s finished; nothing was written\n", cmd)
		return 1
	default:
		fmt.Fprintf(stderr, "error: %v\n", err)
		return 1
	}
	if cmd == "check" {
		fmt.Fprintf(stdout, "checked %d pages: no problems (%s)\n", res.Pages, res.Duration.Round(time.Millisecond))
		return 0
	}
	fmt.Fprintf(stdout, "built %d pages, %d files in %s to %s\n", res.Pages, res.Files, res.Duration.Round(time.Millisecond), outDir)
	if abs, err := filepath.Abs(filepath.Join(outDir, "index.html")); err == nil {
		fmt.Fprintf(stdout, "open it from disk: %s\n", ospath.Native().FileURL(abs))
	}
	return 0
}

// parseFlags parses a command's flags. It reports false, with the exit
// status, when the command should stop: 0 after -h, 2 for a bad flag or a
// stray argument (commands take flags only).
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "%s takes no arguments, only flags; got %q\n", fs.Name(), fs.Args())
		fs.Usage()
		return 2, false
	}
	return 0, true
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
