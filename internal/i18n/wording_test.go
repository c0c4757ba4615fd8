package i18n

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestFrenchReadsAsASalonOwnerWritesIt keeps the interface in plain French:
// "client", "absent", not "client·e"; day abbreviations in lower case.
func TestFrenchReadsAsASalonOwnerWritesIt(t *testing.T) {
	inclusive := regexp.MustCompile(`\p{L}·\p{L}`)
	for k, v := range fr {
		require.False(t, inclusive.MatchString(v), "%s: %q", k, v)
	}
	require.Equal(t, "Client", Tr(FR, "agenda.customer"))
	require.Equal(t, "Absent", Tr(FR, "status.no_show"))
	for d := range 7 {
		short := Tr(FR, "hours.short."+string(rune('0'+d)))
		require.Regexp(t, `^\p{Ll}+\.$`, short, "no capitalised abbreviation in dates")
	}
	require.Equal(t, "Taux d'absence", Tr(FR, "report.no_shows"), "a column title in plain words")
}
