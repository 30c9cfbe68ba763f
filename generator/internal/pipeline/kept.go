package pipeline

import (
	"sync"

	"joinedup/generator/internal/search"
)

// kept is what a Live build keeps of its last good build, besides the
// model, so that an edit redoes only the work it touches. Some stages must
// see every page to make their output (the search index, the print pages,
// the packs); each keeps here what it took from each page, by source path,
// so that an edit converts again only the pages it changed.
type kept struct {
	// docs are each page's search documents (the index stage).
	docs map[string][]search.Doc
	// packs are the converted HTML of the pages some pack holds (the
	// packs stage).
	packs map[string][]byte
	// guide says where each guide page's part is in the print pages as
	// written; guideNew holds the parts made since then (the guide
	// stage).
	guide    map[string]guideSpan
	guideNew map[string][]byte
	// files are the files each stage that rewrites all of its output
	// wrote last, by stage, so that a file it no longer writes is
	// removed. The stages finish side by side, so it has a lock.
	filesMu sync.Mutex
	files   map[string]map[string]bool
}

// stageFiles returns the files the stage name wrote last.
func (k *kept) stageFiles(name string) map[string]bool {
	k.filesMu.Lock()
	defer k.filesMu.Unlock()
	return k.files[name]
}

// setStageFiles records the files the stage name wrote.
func (k *kept) setStageFiles(name string, files map[string]bool) {
	k.filesMu.Lock()
	defer k.filesMu.Unlock()
	k.files[name] = files
}

func newKept() *kept {
	return &kept{
		docs: map[string][]search.Doc{}, packs: map[string][]byte{},
		guide: map[string]guideSpan{}, guideNew: map[string][]byte{},
		files: map[string]map[string]bool{},
	}
}

// guideSpan is where a page's part is: bytes [Off, Off+Len) of the print
// page URL.
type guideSpan struct {
	URL      string
	Off, Len int64
}

// forget drops what is kept of the pages at the given source paths, which
// the site no longer has.
func (k *kept) forget(paths []string) {
	for _, p := range paths {
		delete(k.docs, p)
		delete(k.packs, p)
		delete(k.guide, p)
		delete(k.guideNew, p)
	}
}
