// Command generator builds the joinedup training site: Markdown pages and
// YAML data in content/, laid out by the templates in templates/, become a
// static site in public/ that works from any web server and from disk.
//
// Usage:
//
//	go run ./generator build [-content DIR] [-templates DIR] [-out DIR]
//	go run ./generator check [-content DIR] [-templates DIR]
//	go run ./generator serve [-content DIR] [-templates DIR] [-port N]
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
	"syscall"
	"time"

	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/pipeline"
	"joinedup/generator/internal/publish"
)

func main() {
	// Ctrl-C, and SIGTERM from a closing terminal or a process manager,
	// stop every command cleanly: the output is left as it was and the
	// temporary folders are removed.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `Usage: go run ./generator COMMAND [flags]

Commands:
  build   build the site into the output folder (public/ by default)
  check   check the content and templates without writing anything
  serve   serve the site on this machine, rebuilding and reloading on every save

Run "go run ./generator COMMAND -h" for the flags of a command.
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
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	contentDir, templatesDir := sourceFlags(fs)
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
			fmt.Fprintf(stderr, "Usage: go run ./generator build [flags]\n\nBuilds the site. Nothing in the output folder changes unless every page builds.\n\nFlags:\n")
		} else {
			fmt.Fprintf(stderr, "Usage: go run ./generator check [flags]\n\nChecks every page, data file, link and template, and writes nothing.\n\nFlags:\n")
		}
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	opt, ok := sourceOptions(*contentDir, *templatesDir, stderr)
	if !ok {
		return 2
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
	return 0
}

// sourceFlags defines the -content and -templates flags every command
// shares.
func sourceFlags(fs *flag.FlagSet) (contentDir, templatesDir *string) {
	contentDir = fs.String("content", "content", "`folder` of Markdown pages, site.yaml and data/*.yaml")
	templatesDir = fs.String("templates", "templates", "`folder` of HTML templates and assets")
	return contentDir, templatesDir
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

// sourceOptions opens the content and templates folders for build, check
// and serve, saying which flag to set when one is missing.
func sourceOptions(contentDir, templatesDir string, stderr io.Writer) (pipeline.Options, bool) {
	if _, err := pipeline.DirFS(contentDir); err != nil {
		fmt.Fprintf(stderr, "%v (set -content to the folder of your pages)\n", err)
		return pipeline.Options{}, false
	}
	if _, err := pipeline.DirFS(templatesDir); err != nil {
		fmt.Fprintf(stderr, "%v (set -templates to the folder of your templates)\n", err)
		return pipeline.Options{}, false
	}
	return pipeline.Options{
		ContentDir: contentDir, ContentName: contentDir,
		TemplatesDir: templatesDir, TemplatesName: templatesDir,
	}, true
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
