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
	start := time.Date(2047, time.May, 6, 15, 0, 0, 0, s.sal.Location())
	s.env.Clock.Set(start.Add(-5 * time.Hour)) // the salon books it the same morning
	email := "set-aside-" + s.salon.Slug + "@example.com"
	appt, _ := s.visit(start, email, "")
	s.sweep()
	require.Zero(t, s.reminders(appt, message.Email), "the confirmation just gave the time")

	// Moved three days later: its confirmation no longer gives the time a
	// day before, so the reminder goes then, once.
	later := start.AddDate(0, 0, 3)
	require.NoError(t, s.env.Srv.Agenda.Update(context.Background(), s.sal, appt, agenda.Input{StaffID: s.staff,
		Start: later, ServiceIDs: []uuid.UUID{s.service}, OutsideHours: true}))
	s.sweep()
	require.Zero(t, s.reminders(appt, message.Email), "not yet: three days away")
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
