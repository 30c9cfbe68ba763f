package publish

import (
	"fmt"
	"io"
	"strings"
	"sync"
)

// Output is where a build puts its files. Every command runs the same
// stages into one: build and serve into a Staging folder that is swapped in
// as the site, check into Discard, which keeps nothing. So check does all
// the work build does, templates included, and cannot pass a site that
// build would refuse.
type Output interface {
	// Write puts one file, given by its slash path below the site's root.
	// data must not be changed afterwards. Writing one path twice is an
	// error: two sources for one output file would otherwise mean one is
	// silently lost.
	Write(rel string, data []byte) error
	// Create opens one file for streaming, for output too large to hold in
	// memory. The caller closes it.
	Create(rel string) (io.WriteCloser, error)
	// Files is the number of files put so far.
	Files() int
}

// Preparer is an Output that can make ready, in one go, the folders of the
// files that will follow (see Staging.Prepare). It is only a speed-up:
// callers check for it and carry on without.
type Preparer interface {
	Prepare(rels []string) error
}

// Discard is the Output of check: it checks and counts what is written,
// and keeps nothing. The zero value is ready to use.
type Discard struct {
	ledger ledger
}

// Write checks rel and counts it.
func (d *Discard) Write(rel string, _ []byte) error { return d.ledger.add(rel) }

// Create checks rel, counts it and returns a writer that keeps nothing.
func (d *Discard) Create(rel string) (io.WriteCloser, error) {
	if err := d.ledger.add(rel); err != nil {
		return nil, err
	}
	return nopCloser{io.Discard}, nil
}

// Files is the number of files written.
func (d *Discard) Files() int { return d.ledger.count() }

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// ledger is the list of paths an Output has been given: it refuses a path
// outside the output folder and a path given twice, for every kind of
// Output alike.
type ledger struct {
	mu    sync.Mutex
	names map[string]struct{}
}

func (l *ledger) add(rel string) error {
	if err := checkRel(rel); err != nil {
		return err
	}
	if rel == Marker {
		return fmt.Errorf("publish: %s is the name of the file that marks the output as a build's own; rename the file", rel)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, dup := l.names[rel]; dup {
		return fmt.Errorf("publish: %s is written twice; two sources lead to one output file", rel)
	}
	if l.names == nil {
		l.names = map[string]struct{}{}
	}
	l.names[rel] = struct{}{}
	return nil
}

func (l *ledger) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.names)
}

func checkRel(rel string) error {
	if rel == "" || strings.HasPrefix(rel, "/") || strings.Contains("/"+rel+"/", "/../") || strings.Contains("/"+rel+"/", "/./") {
		return fmt.Errorf("publish: refusing to write %q outside the output folder", rel)
	}
	return nil
}
