// Package static embeds the CSS, JavaScript and images served under /static/.
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
)

//go:embed css js img
var FS embed.FS

// HTMX is the vendored htmx file (npm htmx.org, version in the name).
const HTMX = "js/htmx-2.0.11.min.js"

var versions = func() map[string]string {
	v := map[string]string{}
	_ = fs.WalkDir(FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := FS.ReadFile(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		v[path] = hex.EncodeToString(sum[:5])
		return nil
	})
	return v
}()

// Path returns the URL of an embedded file with a content hash, so browsers
// may cache it forever and still see a new version after a deploy.
func Path(name string) string {
	return "/static/" + name + "?v=" + versions[name]
}
