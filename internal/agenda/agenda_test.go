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
	"github.com/carnet-salon/carnet/internal/testkit"
)

// bundle is a salon ready to book: two services and two staff members.
type bundle struct {
	env           *testkit.Areas
	salon         salon.Salon
	owner         uuid.UUID
	facial, brows uuid.UUID // 60 min + 15 min buffer; 20 min
	alice, bob    uuid.UUID
}

func setup(t *testing.T) bundle {
	t.Helper()
	env := testkit.NewAreas(t)
	ctx := context.Background()
	s := env.NewSalon("Agenda")
	sal, err := env.Srv.Salons.Get(ctx, s.ID)
	require.NoError(t, err)
	b := bundle{env: env, salon: sal, owner: s.OwnerID}
	// The visits below are booked in June 2030, within the salon's hours.
	env.Clock.Set(time.Date(2030, 5, 2, 8, 0, 0, 0, sal.Location()))
	open := []availability.Range{availability.Hours(9, 19)}
	require.NoError(t, env.Srv.Salons.SetHours(ctx, s.ID, availability.Week{time.Monday: open, time.Tuesday: open, time.Wednesday: open, time.Thursday: open, time.Friday: open, time.Saturday: {availability.Hours(9, 17)}}))
	facial := env.NewService(s.ID, testkit.ServiceOptions{Name: "Soin visage", Duration: 60 * time.Minute, Buffer: 15 * time.Minute, PriceCents: 6500})
	brows := env.NewService(s.ID, testkit.ServiceOptions{Name: "Sourcils", Duration: 20 * time.Minute, PriceCents: 1800})
	b.facial, b.brows = facial, brows
	alice, err := env.Srv.Team.Save(ctx, s.ID, uuid.Nil, team.MemberInput{Name: "Alice", Color: 1, Services: []uuid.UUID{facial, brows}})
	require.NoError(t, err)
	bob, err := env.Srv.Team.Save(ctx, s.ID, uuid.Nil, team.MemberInput{Name: "Bob", Color: 2, Services: []uuid.UUID{brows}})
	require.NoError(t, err)
	b.alice, b.bob = alice, bob
	return b
}

func (b bundle) book(staff uuid.UUID, date, at string, services ...uuid.UUID) (uuid.UUID, error) {
	return b.env.Srv.Agenda.Create(context.Background(), b.salon, b.owner, agenda.Input{StaffID: staff, Start: b.at(date, at),
		ServiceIDs: services, Customer: customer.QuickInput{FirstName: "Léa", LastName: "Martin", Phone: "06 12 34 56 78"}})
}

func TestAVisitOccupiesItsServicesBackToBackPlusTheLastBuffer(t *testing.T) {
	t.Parallel()
	b := setup(t)
	id, err := b.book(b.alice, "2030-06-03", "10:00", b.brows, b.facial)
	require.NoError(t, err)
	a, err := b.env.Srv.Agenda.Get(context.Background(), b.salon, id)
	require.NoError(t, err)
	require.Equal(t, "10:00", a.Start.Format("15:04"))
	require.Equal(t, "11:20", a.End.Format("15:04"), "20 + 60 minutes")
	require.Equal(t, "11:35", a.BusyUntil.Format("15:04"), "the facial's 15-minute clean-up")
	require.Equal(t, "Sourcils + Soin visage", a.Services)
	require.Equal(t, int64(8300), a.PriceCents())
	require.Equal(t, "+33612345678", a.Customer.Phone, "phone stored in E.164")
	require.Equal(t, "Europe/Paris", a.Start.Location().String())
	_, offset := a.Start.Zone()
	require.Equal(t, 2*3600, offset, "10:00 in June is 08:00 UTC")
}

func TestOverlapsAreRefusedButTheBufferEdgeIsFree(t *testing.T) {
	t.Parallel()
	b := setup(t)
	_, err := b.book(b.alice, "2030-06-03", "10:00", b.facial) // busy 10:00–11:15
	require.NoError(t, err)

	_, err = b.book(b.alice, "2030-06-03", "11:00", b.brows)
	require.Equal(t, "agenda.slot_taken", apperr.FieldsOf(err)[agenda.FieldTime], "inside the clean-up buffer")
	_, err = b.book(b.alice, "2030-06-03", "09:45", b.brows)
	require.Equal(t, "agenda.slot_taken", apperr.FieldsOf(err)[agenda.FieldTime], "ends inside the visit")
	_, err = b.book(b.alice, "2030-06-03", "11:15", b.brows)
	require.NoError(t, err, "starts exactly when the staff member is free again")
	_, err = b.book(b.bob, "2030-06-03", "10:00", b.brows)
	require.NoError(t, err, "another staff member is free")
}

func TestCancellingFreesTheSlotAndReopeningATakenSlotIsRefused(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	first, err := b.book(b.alice, "2030-06-03", "14:00", b.brows)
	require.NoError(t, err)
	require.NoError(t, b.env.Srv.Agenda.SetStatus(ctx, b.salon.ID, first, agenda.StatusCancelled))
	_, err = b.book(b.alice, "2030-06-03", "14:00", b.brows)
	require.NoError(t, err, "a cancelled visit no longer holds its slot")
	err = b.env.Srv.Agenda.SetStatus(ctx, b.salon.ID, first, agenda.StatusBooked)
	require.Equal(t, "agenda.slot_taken", apperr.FieldsOf(err)[agenda.FieldTime])
	a, err := b.env.Srv.Agenda.Get(ctx, b.salon, first)
	require.NoError(t, err)
	require.Equal(t, agenda.StatusCancelled, a.Status)
}

func TestMovingAnAppointmentToAnotherTimeAndStaffMember(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	id, err := b.book(b.alice, "2030-06-03", "09:00", b.brows)
	require.NoError(t, err)
	blocker, err := b.book(b.bob, "2030-06-04", "16:00", b.brows)
	require.NoError(t, err)

	move := agenda.Input{StaffID: b.bob, Start: b.at("2030-06-04", "16:10"), ServiceIDs: []uuid.UUID{b.brows}, Note: "déplacé"}
	err = b.env.Srv.Agenda.Update(ctx, b.salon, id, move)
	require.Equal(t, "agenda.slot_taken", apperr.FieldsOf(err)[agenda.FieldTime])

	move.Start = b.at("2030-06-04", "16:20")
	require.NoError(t, b.env.Srv.Agenda.Update(ctx, b.salon, id, move))
	a, err := b.env.Srv.Agenda.Get(ctx, b.salon, id)
	require.NoError(t, err)
	require.Equal(t, "Bob", a.StaffName)
	require.Equal(t, "2030-06-04 16:20", a.Start.Format("2006-01-02 15:04"))
	require.Equal(t, "déplacé", a.Note)
	require.NotEqual(t, blocker, id)

	_, err = b.book(b.alice, "2030-06-03", "09:00", b.brows)
	require.NoError(t, err, "Alice's old slot is free again")
}

func TestStaffMustPerformTheServicesAndFormsAreChecked(t *testing.T) {
	t.Parallel()
	b := setup(t)
	_, err := b.book(b.bob, "2030-06-03", "10:00", b.facial)
	require.Equal(t, "agenda.staff_cannot", apperr.FieldsOf(err)[agenda.FieldServices])

	f := mustFields(t, b, agenda.Input{Start: b.at("2030-06-03", "10:00"), ServiceIDs: []uuid.UUID{uuid.Nil}})
	require.Equal(t, apperr.Fields{agenda.FieldStaff: "field.choose", agenda.FieldServices: "agenda.services_required"}, f)
	require.Equal(t, "customer.name_required", mustFields(t, b, agenda.Input{StaffID: b.alice, Start: b.at("2030-06-03", "10:00"),
		ServiceIDs: []uuid.UUID{b.brows}})[agenda.FieldCustomerName])
}

// at is a time of the salon's day, as the agenda form is filled in.
func (b bundle) at(date, hhmm string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", date+" "+hhmm, b.salon.Location())
	require.NoError(b.env.T, err)
	return t
}

func mustFields(t *testing.T, b bundle, in agenda.Input) apperr.Fields {
	t.Helper()
	_, err := b.env.Srv.Agenda.Create(context.Background(), b.salon, b.owner, in)
	require.Error(t, err)
	return apperr.FieldsOf(err)
}

func TestDayViewShowsOneColumnPerStaffWithHoursAbsencesAndClosures(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	days := availability.Week{}
	days[time.Wednesday] = []availability.Range{availability.Hours(9, 12), availability.Hours(13, 19)}
	require.NoError(t, b.env.Srv.Salons.SetHours(ctx, b.salon.ID, days))
	_, err := b.env.Srv.Agenda.AddAbsence(ctx, b.salon, b.bob, salon.DateSpanInput{From: time.Date(2030, time.June, 5, 0, 0, 0, 0, time.UTC), Reason: "Formation"}, agenda.SpanChoice{})
	require.NoError(t, err)
	_, err = b.book(b.alice, "2030-06-05", "10:00", b.facial)
	require.NoError(t, err)

	wed := time.Date(2030, 6, 5, 0, 0, 0, 0, b.salon.Location())
	v, err := b.env.Srv.Agenda.Day(ctx, b.salon, wed)
	require.NoError(t, err)
	require.Len(t, v.Columns, 2)
	require.Equal(t, "Alice", v.Columns[0].Staff.Name)
	require.Len(t, v.Columns[0].Appointments, 1)
	require.Len(t, v.Columns[0].Open, 2, "Alice follows the salon's hours")
	require.Equal(t, "Formation", v.Columns[1].Away)

	// The closure falls on Alice's visit: shown first, then kept to be moved.
	closure := salon.DateSpanInput{From: time.Date(2030, time.June, 5, 0, 0, 0, 0, time.UTC), Reason: "Travaux"}
	shown, err := b.env.Srv.Agenda.AddClosure(ctx, b.salon, closure, agenda.SpanChoice{})
	require.ErrorIs(t, err, agenda.ErrVisitsInSpan)
	require.Len(t, shown, 1)
	_, err = b.env.Srv.Agenda.AddClosure(ctx, b.salon, closure, agenda.SpanChoice{Seen: []uuid.UUID{shown[0].ID}})
	require.NoError(t, err)
	v, err = b.env.Srv.Agenda.Day(ctx, b.salon, wed)
	require.NoError(t, err)
	require.Equal(t, "Travaux", v.Columns[0].Away)

	week, err := b.env.Srv.Agenda.Week(ctx, b.salon, b.alice, wed)
	require.NoError(t, err)
	require.Len(t, week.Columns, 7)
	require.Equal(t, time.Monday, week.Columns[0].Day.Weekday())
	require.Len(t, week.Columns[2].Appointments, 1)
}
