package devserver

import (
	"bytes"
	"html"
	"html/template"
)

// inject adds the live-reload script to an HTML page, before </head> where
// there is one (so it starts before the page's own scripts run), else at
// the end. The build ID tells the script which build it was served from.
func inject(page []byte, build string) []byte {
	tag := `<script src="` + Reserved + `livereload.js" data-build="` + html.EscapeString(build) + `"></script>`
	at := bytes.Index(bytes.ToLower(page), []byte("</head>"))
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag)+1)
	out = append(out, page[:at]...)
	out = append(out, tag...)
	out = append(out, '\n')
	return append(out, page[at:]...)
}

// noBuildPage stands in for every page until the site first builds.
var noBuildPage = template.Must(template.New("nobuild").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The site did not build</title>
<link rel="stylesheet" href="{{.Style}}">
<script src="{{.Script}}" data-build=""></script>
</head>
<body class="joinedup-dev-nobuild">
<main>
<h1>The site did not build</h1>
{{if .Problems}}<p>Fix these problems and save; this page reloads when the site builds.</p>
<pre>{{.Text}}</pre>{{else}}<p>Building…</p>{{end}}
</main>
</body>
</html>
`))
