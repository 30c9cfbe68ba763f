// Package ospath converts paths at the program's edges. Inside, every
// path is a slash path below a folder, as io/fs wants; only where a path
// comes in from the command line, or goes out in a message or a link to
// open, is it the operating system's: "C:\Sites\our site\content" on
// Windows, "/home/sam/our site/content" elsewhere, or a file:// address
// that either may be pasted as.
//
// The conversions take the path style as a value, so that the Windows
// rules (drive letters, backslashes, shared folders named
// \\server\share) are tested on every system, not only on Windows.
package ospath

import (
	"fmt"
	"net/url"
	"path"
	"runtime"
	"strings"
)

// Style is a system's way of writing paths.
type Style bool

// The two styles: Unix (Linux and macOS) and Windows.
const (
	Unix    Style = false
	Windows Style = true
)

// Native is the style of the system the program runs on.
func Native() Style { return Style(runtime.GOOS == "windows") }

// Slash is an OS path written with slashes and cleaned, for messages:
// "C:\Sites\content\" gives "C:/Sites/content", ".\content" gives
// "content", and a shared folder keeps its two leading slashes,
// "//server/share/content".
func (s Style) Slash(p string) string {
	if s == Windows {
		p = strings.ReplaceAll(p, `\`, "/")
	}
	if p == "" {
		return ""
	}
	if s == Windows && strings.HasPrefix(p, "//") {
		return "/" + path.Clean(p[1:])
	}
	return path.Clean(p)
}

// FromSlash is a slash path written in the style's separators.
func (s Style) FromSlash(p string) string {
	if s == Windows {
		return strings.ReplaceAll(p, "/", `\`)
	}
	return p
}

// FromArg reads a folder given on the command line: a file:// address
// (pasted from a browser's address bar) becomes the path it names; any
// other argument is a path already and comes back as it is.
func (s Style) FromArg(arg string) (string, error) {
	if len(arg) < len("file:") || !strings.EqualFold(arg[:len("file:")], "file:") {
		return arg, nil
	}
	u, err := url.Parse(arg)
	if err != nil {
		return "", fmt.Errorf("%q is not a file:// address the program can read: %v", arg, err)
	}
	host := u.Host
	if strings.EqualFold(host, "localhost") {
		host = ""
	}
	p := u.Path
	if p == "" {
		p = u.Opaque // file:C:/x, written without slashes
	}
	if s == Unix {
		if host != "" {
			return "", fmt.Errorf("%q names a folder on the computer %q; copy the folder to this computer, or give its path as this computer mounts it", arg, host)
		}
		return p, nil
	}
	if host != "" { // a shared folder, \\server\share\...
		return `\\` + host + s.FromSlash(p), nil
	}
	// "/C:/Sites" is the drive path C:\Sites.
	if len(p) >= 3 && p[0] == '/' && isDriveLetter(p[1]) && p[2] == ':' {
		p = p[1:]
	}
	return s.FromSlash(p), nil
}

func isDriveLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// FileURL is the file:// address of the absolute path abs, for a person
// to open in a browser: "C:\Sites\our site\index.html" gives
// "file:///C:/Sites/our%20site/index.html", and a shared folder
// \\server\share\site gives "file://server/share/site".
func (s Style) FileURL(abs string) string {
	u := url.URL{Scheme: "file"}
	p := abs
	if s == Windows {
		p = strings.ReplaceAll(p, `\`, "/")
		switch {
		case strings.HasPrefix(p, "//"):
			host, rest, _ := strings.Cut(p[2:], "/")
			u.Host, p = host, "/"+rest
		case !strings.HasPrefix(p, "/"):
			p = "/" + p // a drive: /C:/Sites
		}
	}
	u.Path = p
	return u.String()
}

func (s Style) String() string {
	if s == Windows {
		return "Windows"
	}
	return "Unix"
}
