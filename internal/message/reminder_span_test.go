package message_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/team"
)

// TestNoReminderForAVisitDuringAnAbsenceOrAClosure: the salon saved an
// absence and a closure over visits it has still to move, or its staff
// member left; their clients are not reminded to come for nothing, while a
// visit outside them is.
func TestNoReminderForAVisitDuringAnAbsenceOrAClosure(t *testing.T) {
	t.Parallel()
	s := newAreaShop(t)
	ctx := context.Background()
	paris := s.sal.Location()
	absent := time.Date(2045, time.February, 14, 10, 0, 0, 0, paris)
	closed := time.Date(2045, time.February, 21, 10, 0, 0, 0, paris)
	normal := time.Date(2045, time.February, 28, 10, 0, 0, 0, paris)
	id := "span-" + s.salon.Slug
	absentVisit, _ := s.visit(absent, "absent-"+id+"@example.com", "")
	closedVisit, _ := s.visit(closed, "closed-"+id+"@example.com", "")
	normalVisit, _ := s.visit(normal, "normal-"+id+"@example.com", "")

	_, err := s.env.Srv.Agenda.AddAbsence(ctx, s.sal, s.staff, salon.DateSpanInput{From: time.Date(2045, time.February, 14, 0, 0, 0, 0, time.UTC), Reason: "Malade"},
		agenda.SpanChoice{Seen: []uuid.UUID{absentVisit}})
	require.NoError(t, err)
	_, err = s.env.Srv.Agenda.AddClosure(ctx, s.sal, salon.DateSpanInput{From: time.Date(2045, time.February, 20, 0, 0, 0, 0, time.UTC), To: time.Date(2045, time.February, 22, 0, 0, 0, 0, time.UTC), Reason: "Dégât des eaux"},
		agenda.SpanChoice{Seen: []uuid.UUID{closedVisit}})
	require.NoError(t, err)

	for _, c := range []struct {
		at   time.Time
		appt uuid.UUID
		want int
	}{{absent, absentVisit, 0}, {closed, closedVisit, 0}, {normal, normalVisit, 1}} {
		s.env.Clock.Set(c.at.Add(-23 * time.Hour))
		s.sweep()
		require.Equal(t, c.want, s.reminders(c.appt, message.Email), c.at.String())
	}

	// The staff member leaves the salon before her next visit: nobody would see the client.
	left := time.Date(2045, time.March, 7, 10, 0, 0, 0, paris)
	leftVisit, _ := s.visit(left, "left-"+id+"@example.com", "")
	_, err = s.env.Srv.Team.Save(ctx, s.salon.ID, s.staff, team.MemberInput{Name: "Nora", Color: 2, Active: false,
		Services: []uuid.UUID{s.service}})
	require.NoError(t, err)
	s.env.Clock.Set(left.Add(-23 * time.Hour))
	s.sweep()
	require.Zero(t, s.reminders(leftVisit, message.Email))
}
