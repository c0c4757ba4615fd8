package cheque

import (
	"time"

	"github.com/carnet-salon/carnet/internal/apperr"
)

// presentationDays is the period for presenting a cheque issued and payable
// in metropolitan France, counted from the date written on it (art. L131-32
// code monétaire et financier); the holder's claim on the bank then lasts
// one more year (art. L131-59): "one year and eight days".
const presentationDays = 8

// LastCashableDay is the last civil date on which a cheque issued on
// issuedOn may still be taken: issuedOn + 8 days, then + 1 year, inclusive.
// A cheque of 5 March 2026 is taken through 13 March 2027 and refused from
// the 14th. A year that ends on a 29 February that the next year lacks ends
// on the 28th (the rule for terms in years, art. 641 code de procédure
// civile): a cheque of 21 February 2024 (+8 days: 29 February) is taken
// through 28 February 2025. The till does not push a term ending on a
// Sunday or holiday to the next working day: the bank may, the cashier
// should not count on it.
func LastCashableDay(issuedOn time.Time) time.Time {
	presented := civilDate(issuedOn).AddDate(0, 0, presentationDays)
	y, m, d := presented.Date()
	if m == time.February && d == 29 {
		d = 28 // time.Date would roll 29 February of a common year into March
	}
	return time.Date(y+1, m, d, 0, 0, 0, 0, time.UTC)
}

// checkIssuedOn refuses a missing date, a date to come and a cheque past
// its last cashable day.
func checkIssuedOn(f apperr.Fields, issuedOn, today time.Time) {
	switch {
	case issuedOn.IsZero():
		f.Add("IssuedOn", "field.required")
	case issuedOn.After(today):
		f.Add("IssuedOn", "cheque.date.future")
	case today.After(LastCashableDay(issuedOn)):
		f.Add("IssuedOn", "cheque.date.too_old")
	}
}

// civilDate keeps the calendar date t shows in its own location, as
// midnight UTC, so dates compare as days whatever zone or hour they carry.
// The zero time stays zero: it means "not given".
func civilDate(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
