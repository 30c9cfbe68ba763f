package data

import (
	"os"
	"path/filepath"
)

// readRepoFile reads a file by its path from the repository root (tests run
// in the package folder, three levels below it).
func readRepoFile(p string) ([]byte, error) {
	return os.ReadFile(filepath.Join("..", "..", "..", filepath.FromSlash(p)))
}
