// Package static embeds the portal's CSS, scripts and images and serves
// them under content-hashed names, so browsers may cache them for a year.
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed app.css app.js favicon.svg vendor
var files embed.FS

var (
	hashed   = map[string]string{} // "app.css" -> "app.1a2b3c4d5e.css"
	original = map[string]string{} // the reverse
)

func init() {
	fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := files.ReadFile(p)
		sum := sha256.Sum256(b)
		ext := path.Ext(p)
		h := strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		hashed[p], original[h] = h, p
		return nil
	})
}

// Prefix is where static files are served.
const Prefix = "/static/"

// URL returns the hashed URL of a static file ("app.css" → "/static/app.1a2b3c4d5e.css").
// It panics on an unknown name, so a typo fails the first test that renders it.
func URL(name string) string {
	h, ok := hashed[name]
	if !ok {
		panic("static: no file " + name)
	}
	return Prefix + h
}

// Handler serves hashed names with a year-long cache lifetime; unknown names are 404.
func Handler() http.Handler {
	fsrv := http.FileServer(http.FS(files))
	return http.StripPrefix(Prefix, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := original[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + name
		fsrv.ServeHTTP(w, r2)
	}))
}
