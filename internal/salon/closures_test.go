package salon

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestDateSpanInputHoldsTypedDatesToTheSameRules(t *testing.T) {
	t.Parallel()
	today := date(2030, time.June, 10)
	one := DateSpanInput{From: date(2030, time.June, 12), Reason: "  Formation  ", Today: today}
	require.NoError(t, one.Check())
	require.NoError(t, one.CheckClosure())
	from, to, reason := one.Span()
	require.Equal(t, date(2030, time.June, 12), from)
	require.Equal(t, from, to, "no end date: the first day alone")
	require.Equal(t, "Formation", reason)

	require.Equal(t, apperr.Fields{"From": "date.invalid"}, apperr.FieldsOf(DateSpanInput{Today: today}.Check()))
	backwards := DateSpanInput{From: date(2030, time.June, 12), To: date(2030, time.June, 11), Reason: strings.Repeat("é", 501)}
	require.Equal(t, apperr.Fields{"To": "date.before_start", "Reason": "reason.long"}, apperr.FieldsOf(backwards.Check()))
	long := DateSpanInput{From: date(2030, time.June, 12), To: date(2031, time.June, 14)}
	require.Equal(t, apperr.Fields{"To": "date.too_long"}, apperr.FieldsOf(long.Check()))
	require.NoError(t, DateSpanInput{From: date(2031, time.June, 12), To: date(2032, time.June, 12)}.Check(), "a whole year, leap day included")

	past := DateSpanInput{From: date(2030, time.June, 9), To: date(2030, time.June, 11), Today: today}
	require.NoError(t, past.Check(), "an absence may be recorded after the fact")
	require.Equal(t, apperr.Fields{"From": "closure.past"}, apperr.FieldsOf(past.CheckClosure()))
	past.From = today
	require.NoError(t, past.CheckClosure(), "a closure may start today")
}
