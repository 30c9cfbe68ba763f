package publish

import (
	"bytes"
	"io"
	"sync"
)

// Memory is an Output that keeps the files it is given in memory: for a
// rebuild whose files must all be checked before any is written over a
// site being served (see package pipeline's Live).
type Memory struct {
	ledger ledger
	mu     sync.Mutex
	files  map[string][]byte
}

// Write keeps a file.
func (m *Memory) Write(rel string, data []byte) error {
	if err := m.ledger.add(rel); err != nil {
		return err
	}
	m.put(rel, data)
	return nil
}

func (m *Memory) put(rel string, data []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[rel] = data
}

// Create returns a writer whose bytes are kept when it is closed.
func (m *Memory) Create(rel string) (io.WriteCloser, error) {
	if err := m.ledger.add(rel); err != nil {
		return nil, err
	}
	return &memoryFile{m: m, rel: rel}, nil
}

// Files is the number of files kept.
func (m *Memory) Files() int { return m.ledger.count() }

// Take returns the files kept, by slash path, and forgets them.
func (m *Memory) Take() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	files := m.files
	m.files = nil
	return files
}

type memoryFile struct {
	bytes.Buffer
	m   *Memory
	rel string
}

func (f *memoryFile) Close() error {
	f.m.put(f.rel, f.Bytes())
	return nil
}
