package money

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/i18n"
)

func TestFormatFollowsTheLanguage(t *testing.T) {
	require.Equal(t, "45,50\u00a0€", New(4550, "EUR").Format(i18n.FR))
	require.Equal(t, "€45.50", New(4550, "EUR").Format(i18n.EN))
	require.Equal(t, "1\u202f200,00\u00a0€", New(120000, "EUR").Format(i18n.FR))
	require.Equal(t, "€1,200.00", New(120000, "EUR").Format(i18n.EN))
	require.Equal(t, "-0,05\u00a0€", New(-5, "EUR").Format(i18n.FR))
	require.Equal(t, "45,50", New(4550, "EUR").Plain(i18n.FR))
}

func TestParseCentsReadsWhatPeopleType(t *testing.T) {
	for in, want := range map[string]int64{
		"45": 4500, "45,5": 4550, "45.50": 4550, "1 200,00": 120000, "€45": 4500, "45 €": 4500, ",5": 50, "0": 0, "-3,20": -320,
	} {
		got, err := ParseCents(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "abc", "4,555", "1.2.3", "45,", "€", "45,-5", "45.+5", "+45", "1e3"} {
		_, err := ParseCents(in)
		require.ErrorIs(t, err, ErrAmount, in)
	}
}

func TestBoundsRefuseAbsurdAmountsAndNameTheLimit(t *testing.T) {
	c, problem := Price.Parse("45,50")
	require.Empty(t, problem)
	require.EqualValues(t, 4550, c)
	_, problem = Price.Parse("10 000")
	require.Empty(t, problem, "the limit itself is allowed")
	_, problem = Price.Parse("999 999 999")
	require.Equal(t, "amount.max_price", problem)
	_, problem = Entry.Parse("99 999 999 999")
	require.Equal(t, "amount.max_entry", problem)
	_, problem = Fee.Parse("2 000,01")
	require.Equal(t, "amount.max_fee", problem)
	_, problem = Price.Parse("-5")
	require.Equal(t, "amount.invalid", problem)
	for _, b := range []Bound{Price, Fee, Entry} {
		require.True(t, i18n.Has(b.TooLarge), b.TooLarge)
	}
}

func TestParsePercentTakesTheFrenchComma(t *testing.T) {
	for in, want := range map[string]int64{"12,5": 1250, "12.5": 1250, "12,5 %": 1250, "30%": 3000, "0": 0, "100": 10000, "0,25": 25} {
		got, err := ParsePercent(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "%", "-5", "abc", "12,555", "1e2"} {
		_, err := ParsePercent(in)
		require.ErrorIs(t, err, ErrPercent, in)
	}
}
