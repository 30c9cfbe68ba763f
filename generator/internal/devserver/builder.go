package devserver

import (
	"context"
	"fmt"
	"os"

	"joinedup/generator/internal/pipeline"
	"joinedup/generator/internal/publish"
)

// Builder builds a site and rebuilds it on every edit, and hands the
// result to a Server: a good build is served, a failed one shown. It keeps
// the site as a pipeline.Live, so an edit redoes only what it touches and
// writes the files it changed into the folder being served; a full build
// goes into a new folder, swapped in whole. All its folders live in one
// private temporary folder, removed by Close.
//
// Every rebuild checks what a full build checks, links and anchors
// included: the dev server can never accept a site that build would
// refuse, and after each rebuild the folder holds what build would write.
type Builder struct {
	opt     pipeline.Options
	srv     *Server
	tmp     string
	release func() error
	live    *pipeline.Live
}

// NewBuilder prepares to build opt for srv, in a new folder below parent
// (the system's temporary folder when "").
func NewBuilder(opt pipeline.Options, srv *Server, parent string) (*Builder, error) {
	tmp, release, err := publish.TempDir(parent, "joinedup-serve-")
	if err != nil {
		return nil, fmt.Errorf("cannot make a folder for the dev server's builds: %w", err)
	}
	return &Builder{opt: opt, srv: srv, tmp: tmp, release: release, live: pipeline.NewLive(opt, tmp)}, nil
}

// Outcome is what one build or rebuild did.
type Outcome struct {
	Change   pipeline.Change
	Problems []Problem // nil when the build succeeded
}

// Build builds the whole site afresh. It is not safe for concurrent use:
// the caller serialises builds (the watcher runs them one at a time).
func (b *Builder) Build(ctx context.Context) Outcome {
	return b.outcome(b.live.Build(ctx, b.publish))
}

// Update rebuilds after the files at paths changed, redoing only what they
// touch.
func (b *Builder) Update(ctx context.Context, paths []string) Outcome {
	return b.outcome(b.live.Update(ctx, paths, b.publish))
}

// publish puts a build in service: a new folder, or the one in service
// with files changed.
func (b *Builder) publish(c pipeline.Change) {
	if !c.Full {
		b.srv.Refresh()
		return
	}
	dir := c.Dir
	if err := b.srv.PublishAt(dir, c.BasePath, func() { os.RemoveAll(dir) }); err != nil {
		os.RemoveAll(dir)
		b.srv.Fail(Explain(err, b.readSource))
	}
}

func (b *Builder) outcome(c pipeline.Change, err error) Outcome {
	if err != nil {
		problems := Explain(err, b.readSource)
		b.srv.Fail(problems)
		return Outcome{Change: c, Problems: problems}
	}
	return Outcome{Change: c}
}

// readSource reads a file named in a diagnostic (see
// pipeline.Options.ReadSource).
func (b *Builder) readSource(file string) ([]byte, error) {
	return b.opt.ReadSource(file)
}

// BuildParent is where serve keeps its builds: $TMPDIR when it is set,
// else /dev/shm where there is one (a RAM disk on Linux: creating a
// thousand files there takes a fraction of the time it takes on disk, see
// BENCHMARKS.md), else the system's temporary folder.
func BuildParent() string {
	if os.Getenv("TMPDIR") != "" {
		return ""
	}
	if info, err := os.Stat("/dev/shm"); err == nil && info.IsDir() {
		if f, err := os.CreateTemp("/dev/shm", ".joinedup-probe-"); err == nil {
			f.Close()
			os.Remove(f.Name())
			return "/dev/shm"
		}
	}
	return ""
}

// Close removes every build folder. Call it after the server has stopped
// serving (after Server.Close and http.Server.Shutdown). A dev server that
// was killed leaves its folder, and the next one removes it.
func (b *Builder) Close() error {
	return b.release()
}
