package ospath

import "testing"

func TestSlash(t *testing.T) {
	tests := []struct {
		style   Style
		in, out string
	}{
		{Windows, `C:\Sites\our site\content\`, "C:/Sites/our site/content"},
		{Windows, `c:\sites\content`, "c:/sites/content"},
		{Windows, `.\content`, "content"},
		{Windows, `..\common\content`, "../common/content"},
		{Windows, `\\fileserver\training\site\content`, "//fileserver/training/site/content"},
		{Windows, `D:content`, "D:content"},
		{Windows, `C:/mixed\slashes/content`, "C:/mixed/slashes/content"},
		{Unix, "./content", "content"},
		{Unix, "/home/sam/our site/content/", "/home/sam/our site/content"},
		{Unix, `odd\name`, `odd\name`}, // a backslash is a letter of a Unix name
		{Unix, "", ""},
	}
	for _, tt := range tests {
		if got := tt.style.Slash(tt.in); got != tt.out {
			t.Errorf("%v.Slash(%q) = %q; want %q", tt.style, tt.in, got, tt.out)
		}
	}
}

func TestFromArg(t *testing.T) {
	tests := []struct {
		style   Style
		in, out string
		wantErr bool
	}{
		{Windows, "file:///C:/Sites/our%20site", `C:\Sites\our site`, false},
		{Windows, "file:///c:/sites/content/", `c:\sites\content\`, false},
		{Windows, "FILE:///D:/x", `D:\x`, false},
		{Windows, "file://localhost/C:/Sites", `C:\Sites`, false},
		{Windows, "file://fileserver/training/site", `\\fileserver\training\site`, false},
		{Windows, "file:C:/Sites", `C:\Sites`, false},
		{Windows, `C:\Sites\content`, `C:\Sites\content`, false},
		{Windows, "content", "content", false},
		{Unix, "file:///home/sam/our%20site", "/home/sam/our site", false},
		{Unix, "file://localhost/srv/site", "/srv/site", false},
		{Unix, "file://fileserver/training", "", true},
		{Unix, "file:///bad%zz", "", true},
		{Unix, "files/content", "files/content", false},
		{Unix, "file", "file", false},
	}
	for _, tt := range tests {
		got, err := tt.style.FromArg(tt.in)
		if (err != nil) != tt.wantErr || got != tt.out {
			t.Errorf("%v.FromArg(%q) = %q, %v; want %q (error %v)", tt.style, tt.in, got, err, tt.out, tt.wantErr)
		}
	}
}

func TestFileURL(t *testing.T) {
	tests := []struct {
		style   Style
		in, out string
	}{
		{Windows, `C:\Sites\our site\public\index.html`, "file:///C:/Sites/our%20site/public/index.html"},
		{Windows, `\\fileserver\training\site\index.html`, "file://fileserver/training/site/index.html"},
		{Windows, `C:\Sites\#1 site\index.html`, "file:///C:/Sites/%231%20site/index.html"},
		{Unix, "/home/sam/our site/public/index.html", "file:///home/sam/our%20site/public/index.html"},
		{Unix, "/srv/a?b/index.html", "file:///srv/a%3Fb/index.html"},
	}
	for _, tt := range tests {
		if got := tt.style.FileURL(tt.in); got != tt.out {
			t.Errorf("%v.FileURL(%q) = %q; want %q", tt.style, tt.in, got, tt.out)
		}
	}
	// A folder pasted back as an argument is the same folder.
	for _, tt := range tests {
		back, err := tt.style.FromArg(tt.style.FileURL(tt.in))
		if err != nil && tt.style == Windows {
			t.Errorf("%v: FromArg(FileURL(%q)) failed: %v", tt.style, tt.in, err)
			continue
		}
		if err == nil && back != tt.in {
			t.Errorf("%v: FromArg(FileURL(%q)) = %q; want it back", tt.style, tt.in, back)
		}
	}
}

func TestFromSlash(t *testing.T) {
	if got := Windows.FromSlash("guidance/consent.md"); got != `guidance\consent.md` {
		t.Errorf("Windows.FromSlash = %q", got)
	}
	if got := Unix.FromSlash("guidance/consent.md"); got != "guidance/consent.md" {
		t.Errorf("Unix.FromSlash = %q", got)
	}
}
