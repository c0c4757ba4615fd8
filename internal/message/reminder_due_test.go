package message_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/message"
)

func TestAVisitConfirmedInsideTheDelayThenMovedLaterIsRemindedOnceAtItsNewTime(t *testing.T) {
	t.Parallel()
	s := newAreaShop(t)
	// Booked for this afternoon on the wall clock: a confirmation's time is
	// the database's, so only the present can show it came inside the delay.
	start := s.env.Clock.Now().In(s.sal.Location()).Add(5 * time.Hour).Truncate(15 * time.Minute)
	email := "set-aside-" + s.salon.Slug + "@example.com"
	appt, _ := s.visit(start, email, "")
	s.sweep()
	require.Zero(t, s.reminders(appt, message.Email), "the confirmation just gave the time")

	// Moved far ahead (in this test's own year): its confirmation no longer
	// gives the time a day before, so the reminder goes then, once.
	later := time.Date(2047, time.May, 6, 15, 0, 0, 0, s.sal.Location())
	s.env.Clock.Set(later.AddDate(0, 0, -7)) // the salon moves it a week ahead
	require.NoError(t, s.env.Srv.Agenda.Update(context.Background(), s.sal, appt, agenda.Input{StaffID: s.staff,
		Start: later, ServiceIDs: []uuid.UUID{s.service}, OutsideHours: true}))
	s.sweep()
	require.Zero(t, s.reminders(appt, message.Email), "not yet: it is far away")
	s.env.Clock.Set(later.Add(-23 * time.Hour))
	s.sweep()
	s.sweep()
	require.Equal(t, 1, s.reminders(appt, message.Email))
	s.env.Mail.WaitSubject(t, email, "Rappel")
}

func TestANewReminderDelayAppliesToVisitsAlreadyBooked(t *testing.T) {
	t.Parallel()
	s := newAreaShop(t)
	start := time.Date(2048, time.September, 20, 10, 0, 0, 0, s.sal.Location())
	appt, _ := s.visit(start, "delay-"+s.salon.Slug+"@example.com", "")
	require.NoError(t, s.env.Srv.Messages.SetReminders(context.Background(), s.salon.ID, "48", false))

	s.env.Clock.Set(start.Add(-49 * time.Hour))
	s.sweep()
	require.Zero(t, s.reminders(appt, message.Email), "49 hours before: too early")
	s.env.Clock.Set(start.Add(-47 * time.Hour))
	s.sweep()
	require.Equal(t, 1, s.reminders(appt, message.Email), "two days before, as the salon now asks")
}
