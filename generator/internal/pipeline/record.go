package pipeline

import (
	"io"
	"sync"

	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/publish"
	"joinedup/generator/internal/site"
)

// recordFiles wraps a stage of a Live build that rewrites all of its
// output each time (the search index, the print pages, the packs), to
// record the files it writes. When it finishes, the files it wrote last
// time and not this time are removed (the index may have fewer shards, the
// guide fewer print pages), so that the folder holds what a full build
// would.
func recordFiles(name string, st stage, k *kept) stage {
	return &recordingStage{stage: st, name: name, kept: k, wrote: map[string]bool{}}
}

type recordingStage struct {
	stage
	name  string
	kept  *kept
	mu    sync.Mutex
	wrote map[string]bool
}

func (r *recordingStage) Start(out publish.Output) error {
	return r.stage.Start(&recorder{Output: out, r: r})
}

func (r *recordingStage) Page(w, i int, p *site.Page, res *markdown.Result) (any, error) {
	return r.stage.Page(w, i, p, res)
}

// Finish finishes the stage, then removes what it no longer writes, when
// the output can remove files; it keeps, either way, every file that may
// still be there.
func (r *recordingStage) Finish(out publish.Output) error {
	err := r.stage.Finish(&recorder{Output: out, r: r})
	before := r.kept.stageFiles(r.name)
	rm, canRemove := out.(interface{ Remove(string) error })
	if err != nil || !canRemove {
		for f := range before {
			r.wrote[f] = true
		}
	} else {
		for f := range before {
			if !r.wrote[f] {
				if rerr := rm.Remove(f); rerr != nil {
					err = rerr
					r.wrote[f] = true
				}
			}
		}
	}
	r.kept.setStageFiles(r.name, r.wrote)
	return err
}

// keep notes that a stage still has the file rel, which it left as it
// was instead of writing it again, so that it is not taken for a file the
// stage no longer makes.
func keep(out publish.Output, rel string) {
	if r, ok := out.(*recorder); ok {
		r.note(rel)
	}
}

// recorder notes every file written through it.
type recorder struct {
	publish.Output
	r *recordingStage
}

func (o *recorder) note(rel string) {
	o.r.mu.Lock()
	o.r.wrote[rel] = true
	o.r.mu.Unlock()
}

func (o *recorder) Write(rel string, data []byte) error {
	o.note(rel)
	return o.Output.Write(rel, data)
}

func (o *recorder) Create(rel string) (io.WriteCloser, error) {
	o.note(rel)
	return o.Output.Create(rel)
}
