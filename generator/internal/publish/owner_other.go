//go:build !unix

package publish

import "io/fs"

// keepOwner does nothing outside Unix, where folders take their owner
// from their parent.
func keepOwner(string, fs.FileInfo) {}
