package agenda_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/team"
)

// The setup's salon opens Monday to Friday 09:00–19:00 and Saturday
// 09:00–17:00; "now" is Thursday 2 May 2030, 08:00.
func (b bundle) input(staff uuid.UUID, date, at string, services ...uuid.UUID) agenda.Input {
	return agenda.Input{StaffID: staff, Start: b.at(date, at), ServiceIDs: services,
		Customer: customer.QuickInput{FirstName: "Léa", LastName: "Martin", Phone: "06 12 34 56 78"}}
}

func (b bundle) try(in agenda.Input) apperr.Fields {
	_, err := b.env.Srv.Agenda.Create(context.Background(), b.salon, b.owner, in)
	if err == nil {
		return nil
	}
	require.True(b.env.T, apperr.Is(err, apperr.Invalid), "a refusal the form can show: %v", err)
	return apperr.FieldsOf(err)
}

func TestAVisitOutsideTheHoursIsRefusedUnlessTheFormSaysSo(t *testing.T) {
	t.Parallel()
	b := setup(t)
	outside := map[string]agenda.Input{
		"ends after closing (18:30 + 75 min)": b.input(b.alice, "2030-06-03", "18:30", b.facial),
		"before opening":                      b.input(b.alice, "2030-06-03", "08:30", b.brows),
		"on Sunday, the salon's day off":      b.input(b.alice, "2030-06-02", "10:00", b.brows),
		"Saturday after 17:00":                b.input(b.alice, "2030-06-08", "16:50", b.brows),
	}
	for name, in := range outside {
		require.Equal(t, apperr.Fields{agenda.FieldTime: "agenda.outside_hours"}, b.try(in), name)
		in.OutsideHours = true
		require.Nil(t, b.try(in), name+", confirmed")
	}
	require.Nil(t, b.try(b.input(b.alice, "2030-06-05", "17:45", b.facial)), "ends with its clean-up at 19:00 sharp")
	require.Nil(t, b.try(b.input(b.alice, "2030-06-15", "16:40", b.brows)), "Saturday, ends at 17:00")
}

func TestAVisitFollowsTheStaffMembersOwnHours(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	_, err := b.env.Srv.Team.Save(ctx, b.salon.ID, b.bob, team.MemberInput{Name: "Bob", Color: 2, Active: true,
		Services: []uuid.UUID{b.brows}, Days: availability.Week{time.Tuesday: {availability.Hours(14, 19)}}})
	require.NoError(t, err)
	require.Equal(t, apperr.Fields{agenda.FieldTime: "agenda.outside_hours"}, b.try(b.input(b.bob, "2030-06-03", "15:00", b.brows)),
		"Bob does not work on Mondays, though the salon is open")
	require.Equal(t, apperr.Fields{agenda.FieldTime: "agenda.outside_hours"}, b.try(b.input(b.bob, "2030-06-04", "10:00", b.brows)),
		"Bob starts at 14:00 on Tuesdays")
	require.Nil(t, b.try(b.input(b.bob, "2030-06-04", "14:00", b.brows)))

	v, err := b.env.Srv.Agenda.Day(ctx, b.salon, time.Date(2030, 6, 3, 0, 0, 0, 0, b.salon.Location()))
	require.NoError(t, err)
	require.Equal(t, "Bob", v.Columns[1].Staff.Name)
	require.Empty(t, v.Columns[1].Open, "the grid shows Bob's Monday closed too, as the public page does")
}

func TestClosuresAndAbsencesRefuseAVisitEvenOutsideTheHours(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	_, err := b.env.Srv.Agenda.AddClosure(ctx, b.salon, salon.DateSpanInput{From: time.Date(2030, time.June, 10, 0, 0, 0, 0, time.UTC), To: time.Date(2030, time.June, 11, 0, 0, 0, 0, time.UTC), Reason: "Travaux"}, agenda.SpanChoice{})
	require.NoError(t, err)
	_, err = b.env.Srv.Agenda.AddAbsence(ctx, b.salon, b.bob, salon.DateSpanInput{From: time.Date(2030, time.June, 12, 0, 0, 0, 0, time.UTC), Reason: "Formation"}, agenda.SpanChoice{})
	require.NoError(t, err)

	closed := b.input(b.alice, "2030-06-11", "10:00", b.brows)
	closed.OutsideHours = true
	require.Equal(t, apperr.Fields{agenda.FieldDay: "agenda.salon_closed"}, b.try(closed))
	absent := b.input(b.bob, "2030-06-12", "10:00", b.brows)
	absent.OutsideHours = true
	require.Equal(t, apperr.Fields{agenda.FieldStaff: "agenda.staff_absent"}, b.try(absent))
	require.Nil(t, b.try(b.input(b.alice, "2030-06-12", "10:00", b.brows)), "Alice is there")
	night := b.input(b.alice, "2030-06-09", "23:50", b.facial)
	night.OutsideHours = true
	require.Equal(t, apperr.Fields{agenda.FieldDay: "agenda.salon_closed"}, b.try(night), "a night visit running into the closed day")

	id, err := b.book(b.alice, "2030-06-13", "10:00", b.brows)
	require.NoError(t, err)
	move := b.input(b.alice, "2030-06-10", "10:00", b.brows)
	require.Equal(t, "agenda.salon_closed", apperr.FieldsOf(b.env.Srv.Agenda.Update(ctx, b.salon, id, move))[agenda.FieldDay])
	a, err := b.env.Srv.Agenda.Get(ctx, b.salon, id)
	require.NoError(t, err)
	require.Equal(t, "2030-06-13", a.Start.Format(time.DateOnly), "the visit stays where it was")
}

func TestAPastVisitIsRecordedOnlyWhenTheFormSaysItWasDone(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	past := b.input(b.alice, "2030-05-01", "10:00", b.brows)
	require.Equal(t, apperr.Fields{agenda.FieldDay: "agenda.past"}, b.try(past))
	past.Past = true
	id, err := b.env.Srv.Agenda.Create(ctx, b.salon, b.owner, past)
	require.NoError(t, err)

	b.env.Clock.Set(time.Date(2030, 5, 2, 10, 5, 0, 0, b.salon.Location()))
	require.Equal(t, apperr.Fields{agenda.FieldDay: "agenda.past"}, b.try(b.input(b.alice, "2030-05-02", "10:00", b.brows)), "five minutes ago")
	require.Nil(t, b.try(b.input(b.alice, "2030-05-02", "10:15", b.brows)), "later today")

	both := b.input(b.alice, "2030-04-28", "10:00", b.brows) // a Sunday
	require.Equal(t, apperr.Fields{agenda.FieldDay: "agenda.past", agenda.FieldTime: "agenda.outside_hours"}, b.try(both), "both boxes are asked at once")

	edit := past
	edit.Past, edit.Note = false, "Peau sensible"
	require.NoError(t, b.env.Srv.Agenda.Update(ctx, b.salon, id, edit), "a note on a past visit needs no confirmation")
	edit.Start = b.at("2030-05-01", "11:00")
	require.Equal(t, "agenda.past", apperr.FieldsOf(b.env.Srv.Agenda.Update(ctx, b.salon, id, edit))[agenda.FieldDay], "moving it does")
}

func TestDatesFarFromTodayAreRefused(t *testing.T) {
	t.Parallel()
	b := setup(t)
	// Today is 2 May 2030 and the booking horizon 90 days (31 July 2030).
	for date, want := range map[string]string{
		"2029-05-01": "agenda.date_too_old",
		"1930-05-02": "agenda.date_too_old",
		"2031-08-01": "agenda.date_too_far",
		"2062-05-02": "agenda.date_too_far",
	} {
		in := b.input(b.alice, date, "10:00", b.brows)
		in.Past, in.OutsideHours = true, true
		require.Equal(t, apperr.Fields{agenda.FieldDay: want}, b.try(in), date)
	}
	in := b.input(b.alice, "2029-05-02", "10:00", b.brows)
	in.Past, in.OutsideHours = true, true
	require.Nil(t, b.try(in), "a year back to the day")
	require.Nil(t, b.try(b.input(b.alice, "2031-07-31", "10:00", b.brows)), "the horizon plus a year")
}

func TestArrivedDoneAndNoShowWaitForTheVisitToStart(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	id, err := b.book(b.alice, "2030-05-02", "14:00", b.brows)
	require.NoError(t, err)
	for _, st := range []string{agenda.StatusArrived, agenda.StatusDone, agenda.StatusNoShow} {
		err := b.env.Srv.Agenda.SetStatus(ctx, b.salon.ID, id, st)
		require.ErrorIs(t, err, agenda.ErrNotStarted, st)
	}
	a, err := b.env.Srv.Agenda.Get(ctx, b.salon, id)
	require.NoError(t, err)
	require.Equal(t, agenda.StatusBooked, a.Status)
	require.NoError(t, b.env.Srv.Agenda.SetStatus(ctx, b.salon.ID, id, agenda.StatusConfirmed), "confirming a visit to come is fine")

	b.env.Clock.Set(time.Date(2030, 5, 2, 14, 0, 0, 0, b.salon.Location()))
	require.NoError(t, b.env.Srv.Agenda.SetStatus(ctx, b.salon.ID, id, agenda.StatusArrived))
	require.NoError(t, b.env.Srv.Agenda.SetStatus(ctx, b.salon.ID, id, agenda.StatusDone))

	later := b.input(b.alice, "2030-05-03", "14:00", b.brows)
	require.Equal(t, "agenda.started_stays_past", apperr.FieldsOf(b.env.Srv.Agenda.Update(ctx, b.salon, id, later))[agenda.FieldDay],
		"a done visit cannot be moved into the future")
}
