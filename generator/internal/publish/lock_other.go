//go:build !unix

package publish

import (
	"io"
	"time"
)

// staleAge is how old a staging folder must be before another build may
// remove it. Without folder locks here, age alone must tell.
const staleAge = 6 * time.Hour

type noLock struct{}

func (noLock) Close() error { return nil }

// lockDir does nothing: folder locks are not available here.
func lockDir(string) (io.Closer, error) { return noLock{}, nil }

// unused reports true; staleAge decides.
func unused(string) bool { return true }
