// Command floor is the benchmark's floor: the least work any Markdown site
// generator must do with the libraries the real generator uses. It reads
// every .md file under a folder, splits off the YAML front matter, decodes
// it, converts the body with goldmark (CommonMark and GFM) highlighting
// fenced code with chroma, and writes one HTML file per page, on all cores.
//
// It has no navigation, no templates, no link checks, no search index and no
// atomic publish: whatever the real generator spends beyond the floor's time
// is the price of those features (and of any waste), which is what the
// ratio generator/floor in BENCHMARKS.md measures.
//
// Usage:
//
//	floor -content DIR -out DIR
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
	"go.yaml.in/yaml/v3"
)

func main() {
	content := flag.String("content", "", "folder of Markdown pages with YAML front matter")
	out := flag.String("out", "", "folder to write the HTML into (created)")
	flag.Parse()
	if *content == "" || *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: floor -content DIR -out DIR")
		os.Exit(2)
	}
	start := time.Now()
	n, err := build(*content, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d pages in %s\n", n, time.Since(start).Round(time.Millisecond))
}

// frontMatter is the fields the corpus's pages carry.
type frontMatter struct {
	Title       string   `yaml:"title"`
	Description string   `yaml:"description"`
	Weight      int      `yaml:"weight"`
	Tags        []string `yaml:"tags"`
}

// build converts every page under src into dst and returns the page count.
func build(src, dst string) (int, error) {
	var pages []string
	dirs := map[string]bool{}
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, err := filepath.Rel(src, p)
			if err != nil {
				return err
			}
			pages = append(pages, rel)
			dirs[filepath.Dir(rel)] = true
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	for d := range dirs {
		if err := os.MkdirAll(filepath.Join(dst, d), 0o755); err != nil {
			return 0, err
		}
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(codeRenderer{}, 100))),
	)
	var (
		next int
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= len(pages) {
					return
				}
				if err := page(md, &buf, src, dst, pages[i]); err != nil {
					mu.Lock()
					errs = append(errs, fmt.Errorf("%s: %w", pages[i], err))
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return len(pages), errors.Join(errs...)
}

// page converts one file, reusing buf between pages.
func page(md goldmark.Markdown, buf *bytes.Buffer, src, dst, rel string) error {
	b, err := os.ReadFile(filepath.Join(src, rel))
	if err != nil {
		return err
	}
	front, body, err := split(b)
	if err != nil {
		return err
	}
	var fm frontMatter
	if err := yaml.Unmarshal(front, &fm); err != nil {
		return err
	}
	buf.Reset()
	fmt.Fprintf(buf, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title><meta name=\"description\" content=\"%s\"></head><body><main>\n<h1>%s</h1>\n",
		html.EscapeString(fm.Title), html.EscapeString(fm.Description), html.EscapeString(fm.Title))
	if err := md.Convert(body, buf); err != nil {
		return err
	}
	buf.WriteString("</main></body></html>\n")
	return os.WriteFile(filepath.Join(dst, strings.TrimSuffix(rel, ".md")+".html"), buf.Bytes(), 0o644)
}

// split separates front matter between two "---" lines from the body.
func split(b []byte) (front, body []byte, err error) {
	rest, ok := bytes.CutPrefix(b, []byte("---\n"))
	if !ok {
		return nil, nil, errors.New("no front matter")
	}
	if f, body, ok := bytes.Cut(rest, []byte("\n---\n")); ok {
		return f, body, nil
	}
	return nil, nil, errors.New("front matter not closed")
}

// codeRenderer highlights fenced code with chroma, writing CSS classes as
// any generator with a strict Content-Security-Policy must.
type codeRenderer struct{}

var formatter = chromahtml.New(chromahtml.WithClasses(true))

func (codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, func(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		n := node.(*ast.FencedCodeBlock)
		var code strings.Builder
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			code.Write(seg.Value(source))
		}
		lexer := lexers.Get(string(n.Language(source)))
		if lexer == nil {
			lexer = lexers.Fallback
		}
		it, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
		if err != nil {
			return ast.WalkStop, err
		}
		return ast.WalkSkipChildren, formatter.Format(w, styles.Fallback, it)
	})
}
