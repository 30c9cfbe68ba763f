//go:build !unix

package publish

// isMount reports false: outside Unix the output folder is always renamed.
func isMount(string) bool { return false }
