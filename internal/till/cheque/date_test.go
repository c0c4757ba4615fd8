package cheque_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/till/cheque"
)

// A cheque is taken through its issue date + 8 days + 1 year, that day
// included, and refused the day after.
func TestLastCashableDayIsOneYearAndEightDaysInclusive(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ issued, last time.Time }{
		{day(2026, time.March, 5), day(2027, time.March, 13)},
		{day(2026, time.December, 7), day(2027, time.December, 15)},
		{day(2026, time.December, 24), day(2028, time.January, 1)}, // the 8 days cross the new year
		// 29 February: +8 days lands on it, and the next year has none.
		{day(2024, time.February, 21), day(2025, time.February, 28)},
		{day(2024, time.February, 29), day(2025, time.March, 8)},
		{day(2027, time.February, 20), day(2028, time.February, 28)},
		{day(2027, time.February, 21), day(2028, time.March, 1)},
		{day(2023, time.February, 21), day(2024, time.March, 1)},
	} {
		require.Equal(t, c.last, cheque.LastCashableDay(c.issued), "issued %s", c.issued.Format(time.DateOnly))
	}
}

func TestTheChequeDateIsRefusedWhenTooOldOrToCome(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		issued, on time.Time
		want       string // "" when the cheque is taken
	}{
		{day(2026, time.December, 7), day(2026, time.December, 7), ""},
		{day(2026, time.December, 8), day(2026, time.December, 7), "cheque.date.future"},
		{day(2027, time.December, 7), day(2026, time.December, 7), "cheque.date.future"},
		{day(2026, time.March, 5), day(2027, time.March, 13), ""},
		{day(2026, time.March, 5), day(2027, time.March, 14), "cheque.date.too_old"},
		{day(2025, time.December, 7), day(2026, time.December, 7), ""}, // a year old: 8 days left
		{day(2024, time.February, 21), day(2025, time.February, 28), ""},
		{day(2024, time.February, 21), day(2025, time.March, 1), "cheque.date.too_old"},
		{day(2024, time.February, 29), day(2025, time.March, 8), ""},
		{day(2024, time.February, 29), day(2025, time.March, 9), "cheque.date.too_old"},
		{day(2027, time.February, 20), day(2028, time.February, 28), ""},
		{day(2027, time.February, 20), day(2028, time.February, 29), "cheque.date.too_old"},
		{day(2016, time.June, 1), day(2026, time.December, 7), "cheque.date.too_old"},
	} {
		d := valid()
		d.IssuedOn = c.issued
		d.HolderIDIssuedOn = day(2010, time.January, 1)
		want := apperr.Fields{}
		if c.want != "" {
			want["IssuedOn"] = c.want
		}
		require.Equal(t, want, problems(t, d, c.on), "issued %s, taken %s", c.issued.Format(time.DateOnly), c.on.Format(time.DateOnly))
	}
}

// Today is the salon's civil date: shortly after midnight in Paris it is
// still yesterday in UTC, and a cheque dated the Paris day is not "to come".
func TestTodayIsTheSalonsCalendarDay(t *testing.T) {
	t.Parallel()
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	d := valid()
	d.IssuedOn = day(2026, time.December, 7)
	require.NoError(t, d.Check(time.Date(2026, time.December, 7, 0, 30, 0, 0, paris)))
	require.Equal(t, apperr.Fields{"IssuedOn": "cheque.date.future"},
		problems(t, d, time.Date(2026, time.December, 6, 23, 59, 0, 0, paris)))
}
