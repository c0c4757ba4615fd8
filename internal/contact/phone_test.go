package contact

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAPhoneIsAWholeNumberOfTheSalonsCountry(t *testing.T) {
	for raw, want := range map[string]string{"06 12 34 56 78": "+33612345678", "+32 2 123 45 67": "+3221234567", "0612345678": "+33612345678", "": ""} {
		got, ok := NormalizePhone(raw, "FR")
		require.True(t, ok, raw)
		require.Equal(t, want, got, raw)
	}
	for _, raw := range []string{"12345", "06 12 34 56 78 90 12", "06 ab 34 56 78", "00 00 00 00 00", "appelez-nous"} {
		_, ok := NormalizePhone(raw, "FR")
		require.False(t, ok, raw)
	}
	require.Equal(t, "02 123 45 67", FormatPhone("+3221234567", "BE"))
}
