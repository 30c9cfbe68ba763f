//go:build !linux

package publish

func swap(staged, out string) (string, error) { return twoRenames(staged, out) }
