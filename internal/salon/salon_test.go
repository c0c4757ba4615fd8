package salon

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSlugRules(t *testing.T) {
	for slug, want := range map[string]string{
		"institut-lea": "",
		"lea2":         "",
		"":             "field.required",
		"ab":           "slug.length",
		"-lea":         "slug.format",
		"lea-":         "slug.format",
		"lea--rose":    "slug.format",
		"léa":          "slug.format",
		"Lea":          "slug.format",
		"admin":        "slug.reserved",
		"www":          "slug.reserved",
		"api":          "slug.reserved",
		"app":          "slug.reserved",
	} {
		require.Equal(t, want, CheckSlug(slug), slug)
	}
	require.Equal(t, "institut-lea", NormalizeSlug("  Institut-Lea "))
}
