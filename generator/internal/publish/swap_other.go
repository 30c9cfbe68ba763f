//go:build !linux

package publish

import "errors"

// exchange is not available outside Linux; swap falls back to two renames.
func exchange(string, string) error { return errors.ErrUnsupported }
