package pipeline

import (
	"io/fs"
	"path"

	"joinedup/generator/internal/brand"
	"joinedup/generator/internal/content"
	"joinedup/generator/internal/diag"
	"joinedup/generator/internal/markdown"
	"joinedup/generator/internal/publish"
	"joinedup/generator/internal/render"
	"joinedup/generator/internal/site"
)

// extrasStage writes the files that are not made from one page: the
// search page, the 404 page, the sitemap, the theme's assets, the
// content's own files (images and the like) and the static folder's
// files, copied as they are.
//
// It reads no page's text: only the site's structure (titles, addresses
// and order of the pages, for the search page's list and the sitemap),
// the site settings, the theme's assets and the static files. It does all
// its work in Finish.
type extrasStage struct {
	r   *render.Renderer
	src *sources
	// full is false in a Live rebuild, which writes the assets and the
	// static files only when they change.
	full bool
}

func (st *extrasStage) Start(publish.Output) error { return nil }

func (st *extrasStage) Page(int, int, *site.Page, *markdown.Result) (any, error) { return nil, nil }

func (st *extrasStage) Add(int, any) {}

// Finish writes every extra file.
func (st *extrasStage) Finish(out publish.Output) error {
	var errs diag.List
	fail := func(err error) { errs.Append(diag.Pos{}, err) }
	pages := []struct {
		name string
		make func() ([]byte, error)
	}{
		{site.SearchPage, st.r.Search},
		{site.NotFoundPage, st.r.NotFound},
		{site.Sitemap, func() ([]byte, error) { return render.Sitemap(st.src.site), nil }},
	}
	for _, e := range pages {
		b, err := e.make()
		if err == nil {
			err = out.Write(e.name, b)
		}
		fail(err)
	}
	if !st.full {
		return errs.Err()
	}
	for name, b := range st.src.assets.Files(brandRules(st.src.site.Config.Brand)) {
		fail(out.Write(path.Join(site.AssetsDir, name), b))
	}
	for _, f := range st.src.site.Static {
		from := st.src.opt.Content
		if f.InStatic {
			from = st.src.opt.Static
		}
		b, err := fs.ReadFile(from, f.Path)
		if err != nil {
			fail(diag.Errorf(diag.Pos{File: f.File}, "cannot read: %v", err))
			continue
		}
		fail(out.Write(f.Path, b))
	}
	return errs.Err()
}

// brandRules are the stylesheet rules of the site's brand colour, nil
// without one. The colour was checked when site.yaml was read.
func brandRules(b content.Brand) []byte {
	if b.Colour == "" {
		return nil
	}
	c, err := brand.Parse(b.Colour)
	if err != nil {
		return nil
	}
	return brand.CSS(c)
}
