package journal_test

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
)

// The tests of this file are not parallel: the sweep spans every salon of
// the database. Each works on days no other test dates entries in.

// TestARegisterIsReadOnlyOnceItsZIsDue: a register that sold on a Tuesday
// (the salon open 09:00–19:00) is due at 20:00; a sweep at 19:30 reads no
// register at all, the one at 20:05 reads it and closes its day at 20:00;
// once the month and the year are closed, nothing is pending. In 2004, a
// year no other test has a register in, so "no register" is exact.
func TestARegisterIsReadOnlyOnceItsZIsDue(t *testing.T) {
	b, loc := salonOpen(t, "Institut Matinal", time.Tuesday, 9, 19)
	day := weekdayOf(time.Date(2004, time.March, 1, 0, 0, 0, 0, loc), time.Tuesday)
	at := clockOn(day)
	register := uuid.New()
	rng := rand.New(rand.NewPCG(11, 12))
	b.doc(t, rng, register, at(10, 0))
	b.doc(t, rng, register, at(15, 30))
	requireDue(t, b, register, at(20, 0), "an hour after the salon closes")

	read, made := b.sweep(t, at(19, 30))
	require.Equal(t, [2]int{0, 0}, [2]int{read, made}, "before its Z, the sweep reads no register")

	read, made = b.sweep(t, at(20, 5))
	require.Equal(t, [2]int{1, 1}, [2]int{read, made})
	closed := b.closures(t)
	require.Len(t, closed, 1)
	require.True(t, at(20, 0).Equal(closed[0].To), "closed at %s", closed[0].To.In(loc))
	_, monthEnd := journal.Bounds(journal.Month, day, loc)
	requireDue(t, b, register, monthEnd, "the month, once it is over")

	newYear := time.Date(2005, time.January, 1, 0, 30, 0, 0, loc)
	read, made = b.sweep(t, newYear)
	require.Equal(t, [2]int{1, 2}, [2]int{read, made}, "March, then 2004")
	requireDue(t, b, register, time.Time{}, "nothing left to close")
}

// TestClosingTheDayByHandMovesTheNextClosure: the Z made by hand at 15:00
// takes the register out of the evening's sweep (its next closure is the
// month's); a ticket sold after it makes the rest of the day due at
// midnight, when the sweep closes it.
func TestClosingTheDayByHandMovesTheNextClosure(t *testing.T) {
	b, loc := salonOpen(t, "Institut Manuel", time.Tuesday, 9, 19)
	day := weekdayOf(time.Date(time.Now().Year()+3, time.May, 1, 0, 0, 0, 0, loc), time.Tuesday)
	at := clockOn(day)
	register := uuid.New()
	rng := rand.New(rand.NewPCG(13, 14))
	b.doc(t, rng, register, at(10, 0))
	requireDue(t, b, register, at(20, 0), "the day's Z")

	b.env.Clock.Set(at(15, 0))
	_, err := b.j.CloseToday(context.Background(), b.salon, register, loc)
	require.NoError(t, err)
	_, monthEnd := journal.Bounds(journal.Month, day, loc)
	requireDue(t, b, register, monthEnd, "the day is closed: the month is next")

	b.doc(t, rng, register, at(16, 0))
	requireDue(t, b, register, at(24, 0), "the rest of the day waits for midnight")
	b.sweep(t, at(24, 30))
	closed := b.closures(t)
	require.Len(t, closed, 2)
	require.True(t, closed[0].From.Equal(closed[1].To) && at(24, 0).Equal(closed[0].To), "%s – %s", closed[0].From, closed[0].To)
	require.Equal(t, int64(1), closed[0].Documents)
	requireDue(t, b, register, monthEnd, "")
}

// TestABackfilledRegisterGetsItsExactDueTimeFromOneSweep: the migration
// makes every existing register due at once; the first sweep reads it,
// closes nothing (the day is not over) and stores its Z.
func TestABackfilledRegisterGetsItsExactDueTimeFromOneSweep(t *testing.T) {
	b, loc := salonOpen(t, "Institut Ancien", time.Wednesday, 10, 18)
	day := weekdayOf(time.Date(time.Now().Year()+3, time.June, 1, 0, 0, 0, 0, loc), time.Wednesday)
	at := clockOn(day)
	register := uuid.New()
	b.doc(t, rand.New(rand.NewPCG(15, 16)), register, at(11, 0))
	require.NoError(t, b.env.Srv.DB.WithTenant(context.Background(), b.salon, func(tx store.Tx) error {
		_, err := tx.Raw().Exec(context.Background(), "UPDATE journal_heads SET close_due_at = now() WHERE register_id = $1", register)
		return err
	}))

	b.sweep(t, at(12, 0))
	require.Empty(t, b.closures(t))
	requireDue(t, b, register, at(19, 0), "an hour after the salon closes")
}

// TestOnADayTheSalonIsClosedTheZWaitsForMidnight: a closure of the salon
// (a holiday) on a Tuesday it usually opens 09:00–19:00 makes that day one
// without hours: what the register sold that day is closed at midnight, not
// at 20:00. The next Tuesday closes at 20:00 again.
func TestOnADayTheSalonIsClosedTheZWaitsForMidnight(t *testing.T) {
	b, loc := salonOpen(t, "Institut Férié", time.Tuesday, 9, 19)
	ctx := context.Background()
	day := weekdayOf(time.Date(time.Now().Year()+3, time.September, 1, 0, 0, 0, 0, loc), time.Tuesday)
	sal, err := b.env.Srv.Salons.Get(ctx, b.salon)
	require.NoError(t, err)
	_, err = b.env.Srv.Agenda.AddClosure(ctx, sal, salon.DateSpanInput{From: time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC),
		Reason: "Férié"}, agenda.SpanChoice{})
	require.NoError(t, err)
	at := clockOn(day)
	register := uuid.New()
	rng := rand.New(rand.NewPCG(17, 18))
	b.doc(t, rng, register, at(11, 0))
	requireDue(t, b, register, at(24, 0), "the salon is closed that day")

	b.sweep(t, at(20, 5))
	require.Empty(t, b.closures(t), "no Z at the usual time")
	b.sweep(t, at(24, 30))
	closed := b.closures(t)
	require.Len(t, closed, 1)
	require.True(t, at(0, 0).Equal(closed[0].From) && at(24, 0).Equal(closed[0].To), "%s – %s", closed[0].From, closed[0].To)

	next := clockOn(day.AddDate(0, 0, 7))
	b.doc(t, rng, register, next(10, 0))
	requireDue(t, b, register, next(20, 0), "an ordinary Tuesday")
}

// TestNewHoursMoveTheDaysZ: the salon, open until 19:00, changes its hours
// to close at 17:00 after the day's first ticket: its Z comes at 18:00.
func TestNewHoursMoveTheDaysZ(t *testing.T) {
	b, loc := salonOpen(t, "Institut Pressé", time.Thursday, 9, 19)
	day := weekdayOf(time.Date(time.Now().Year()+3, time.October, 1, 0, 0, 0, 0, loc), time.Thursday)
	at := clockOn(day)
	register := uuid.New()
	b.doc(t, rand.New(rand.NewPCG(19, 20)), register, at(10, 0))
	requireDue(t, b, register, at(20, 0), "")

	b.env.Clock.Set(at(12, 0))
	var week availability.Week
	week[time.Thursday] = []availability.Range{{From: 9 * 60, To: 17 * 60}}
	require.NoError(t, b.env.Srv.Salons.SetHours(context.Background(), b.salon, week))
	b.sweep(t, at(18, 5))
	closed := b.closures(t)
	require.Len(t, closed, 1)
	require.True(t, at(18, 0).Equal(closed[0].To), "closed at %s", closed[0].To.In(loc))
}

// TestTheZIsDueInTheSalonsTimeZoneAcrossDST: a salon in New York, open on
// Sundays 10:00–17:00, sells on the Sunday the clocks go forward: its Z is
// due at 18:00 there, 22:00 UTC (not 23:00, as on the Sunday before). What
// it sold on the Saturday, a day without hours, is due at local midnight.
func TestTheZIsDueInTheSalonsTimeZoneAcrossDST(t *testing.T) {
	b, _ := salonOpen(t, "Institut Manhattan", time.Sunday, 10, 17)
	require.NoError(t, b.env.Srv.DB.WithTenant(context.Background(), b.salon, func(tx store.Tx) error {
		_, err := tx.Raw().Exec(context.Background(), "UPDATE tenants SET time_zone = 'America/New_York' WHERE id = $1", b.salon)
		return err
	}))
	loc, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	// The second Sunday of March.
	sunday := weekdayOf(time.Date(time.Now().Year()+3, time.March, 8, 0, 0, 0, 0, loc), time.Sunday)
	rng := rand.New(rand.NewPCG(21, 22))
	saturday, register := uuid.New(), uuid.New()
	b.doc(t, rng, saturday, clockOn(sunday.AddDate(0, 0, -1))(15, 0))
	b.doc(t, rng, register, clockOn(sunday)(11, 0))
	requireDue(t, b, register, time.Date(sunday.Year(), sunday.Month(), sunday.Day(), 22, 0, 0, 0, time.UTC), "18:00 EDT")
	requireDue(t, b, saturday, time.Date(sunday.Year(), sunday.Month(), sunday.Day(), 5, 0, 0, 0, time.UTC), "midnight EST")
}

// salonOpen is a new salon (Paris) open on one weekday from one hour to
// another, with the bundle set on it.
func salonOpen(t *testing.T, name string, weekday time.Weekday, opens, closes int) (*bundle, *time.Location) {
	t.Helper()
	b := setup(t)
	b.salon = b.env.NewSalon(name).ID
	var week availability.Week
	week[weekday] = []availability.Range{{From: opens * 60, To: closes * 60}}
	require.NoError(t, b.env.Srv.Salons.SetHours(context.Background(), b.salon, week))
	sal, err := b.env.Srv.Salons.Get(context.Background(), b.salon)
	require.NoError(t, err)
	return b, sal.Location()
}

// weekdayOf is the first given weekday on or after a day.
func weekdayOf(day time.Time, w time.Weekday) time.Time {
	for day.Weekday() != w {
		day = day.AddDate(0, 0, 1)
	}
	return day
}

// clockOn gives the times of a day in its zone (24:00 is the next midnight).
func clockOn(day time.Time) func(h, m int) time.Time {
	return func(h, m int) time.Time {
		return time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, day.Location())
	}
}

// sweep runs the closure sweep at a time.
func (b *bundle) sweep(t *testing.T, at time.Time) (read, made int) {
	t.Helper()
	b.env.Clock.Set(at)
	read, made, err := journal.CloseDueCounting(context.Background(), b.j)
	require.NoError(t, err)
	return read, made
}

// closures are the salon's closures, newest first.
func (b *bundle) closures(t *testing.T) []journal.ClosureRow {
	t.Helper()
	var rows []journal.ClosureRow
	require.NoError(t, b.env.Srv.DB.WithTenant(context.Background(), b.salon, func(tx store.Tx) error {
		var err error
		rows, err = b.j.Closures(context.Background(), tx, b.salon, 50)
		return err
	}))
	return rows
}

// requireDue checks when the register's next closure is due (zero: none).
func requireDue(t *testing.T, b *bundle, register uuid.UUID, want time.Time, why string) {
	t.Helper()
	var due *time.Time
	require.NoError(t, b.env.Srv.DB.WithTenant(context.Background(), b.salon, func(tx store.Tx) error {
		return tx.Raw().QueryRow(context.Background(), "SELECT close_due_at FROM journal_heads WHERE register_id = $1", register).Scan(&due)
	}))
	if want.IsZero() {
		require.Nil(t, due, why)
		return
	}
	require.NotNil(t, due, why)
	require.True(t, want.Equal(*due), "%s: due %s, want %s", why, due.UTC(), want.UTC())
}
