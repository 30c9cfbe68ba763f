package publish

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// InPlace is an Output that writes into a folder being served, the dev
// server's copy of the site, instead of into a new one: a rebuild that
// changes a few files writes those and no others. Each file is written
// under a temporary name and then renamed over the old one, so a reader
// gets the old file or the new one, never half of one.
type InPlace struct {
	dir    string
	ledger ledger
}

// NewInPlace writes into dir, which exists.
func NewInPlace(dir string) *InPlace { return &InPlace{dir: dir} }

// Write writes one file.
func (o *InPlace) Write(rel string, data []byte) error {
	w, err := o.Create(rel)
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		w.(*inPlaceFile).abort()
		return err
	}
	return w.Close()
}

// Create opens a file for streaming; it replaces the old one on Close.
func (o *InPlace) Create(rel string) (io.WriteCloser, error) {
	if err := o.ledger.add(rel); err != nil {
		return nil, err
	}
	name := filepath.Join(o.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".joinedup-new-")
	if err != nil {
		return nil, err
	}
	return &inPlaceFile{File: f, name: name}, nil
}

// Files is the number of files written.
func (o *InPlace) Files() int { return o.ledger.count() }

// Remove removes a file the site no longer has, and its folder if that is
// left empty.
func (o *InPlace) Remove(rel string) error {
	if err := checkRel(rel); err != nil {
		return err
	}
	name := filepath.Join(o.dir, filepath.FromSlash(rel))
	if err := os.Remove(name); err != nil && !os.IsNotExist(err) {
		return err
	}
	for dir := filepath.Dir(name); dir != o.dir && len(dir) > len(o.dir); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil {
			break // not empty
		}
	}
	return nil
}

type inPlaceFile struct {
	*os.File
	name string
}

func (f *inPlaceFile) abort() {
	f.File.Close()
	os.Remove(f.File.Name())
}

// Close finishes the file and renames it over the old one.
func (f *inPlaceFile) Close() error {
	if err := f.File.Chmod(0o644); err != nil {
		f.abort()
		return err
	}
	if err := f.File.Close(); err != nil {
		os.Remove(f.File.Name())
		return err
	}
	if err := os.Rename(f.File.Name(), f.name); err != nil {
		os.Remove(f.File.Name())
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}
