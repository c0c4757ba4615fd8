package i18n

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestEveryKeyUsedInTheCodeExists reads the Go and templ sources for quoted
// strings in a catalogue namespace ("nav.login", "slug.taken"…) and checks
// each is in the catalogue, so a typo shows up here rather than on a page.
func TestEveryKeyUsedInTheCodeExists(t *testing.T) {
	namespaces := map[string]bool{}
	for k := range fr {
		namespaces[strings.SplitN(k, ".", 2)[0]] = true
	}
	quoted := regexp.MustCompile(`"([a-z0-9_]+\.[a-z0-9_.]*[a-z0-9_])"`)
	root := filepath.Join("..", "..")
	var missing []string
	for _, dir := range []string{"internal", "views"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(path, "_test.go") || strings.HasSuffix(path, "_templ.go") ||
				!(strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".templ")) || strings.Contains(path, "/i18n/") {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range quoted.FindAllStringSubmatch(string(src), -1) {
				if ns := strings.SplitN(m[1], ".", 2)[0]; namespaces[ns] && !Has(m[1]) {
					missing = append(missing, path+": "+m[1])
				}
			}
			return nil
		})
		require.NoError(t, err)
	}
	require.Empty(t, missing, "keys used in the code but missing from the catalogue")
}
