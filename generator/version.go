package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// version and commit are stamped into a release by make dist, with
// go build -ldflags "-X main.version=... -X main.commit=...". They are
// set once, by the linker, and never changed.
var (
	version string
	commit  string
)

// printVersion is the version command.
func printVersion(stdout io.Writer) int {
	fmt.Fprintln(stdout, versionLine(version, commit, vcsRevision()))
	return 0
}

// versionLine says which version this is: the stamped version and commit,
// or, for a program built without them, "development build" and the
// commit Go recorded, when it did.
func versionLine(version, commit, revision string) string {
	platform := runtime.GOOS + "/" + runtime.GOARCH
	switch {
	case version != "" && commit != "":
		return fmt.Sprintf("joinedup %s (commit %s, %s)", version, commit, platform)
	case version != "":
		return fmt.Sprintf("joinedup %s (%s)", version, platform)
	case revision != "":
		return fmt.Sprintf("joinedup development build (commit %s, %s)", revision, platform)
	}
	return fmt.Sprintf("joinedup development build (%s)", platform)
}

// vcsRevision is the commit go build recorded, shortened, with
// "+changes" when the working tree had changes; "" when none was
// recorded (go run, go test, or a build outside a repository).
func vcsRevision() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" && modified == "true" {
		rev += "+changes"
	}
	return rev
}
