package message_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/store"
)

// Reminder tests live far in the future, each in its own year: a sweep runs
// across salons with its own test's clock, and a visit of another test is
// then either long past or too far ahead to be due.

// visit books a phone appointment at a time of the salon's zone for a new
// client with this email and phone, and returns it with the client's id.
func (s shop) visit(at time.Time, email, phone string) (appt, client uuid.UUID) {
	s.t.Helper()
	ctx := context.Background()
	if at.After(s.env.Clock.Now().AddDate(0, 0, 30)) {
		s.env.Clock.Set(at.AddDate(0, 0, -7)) // the salon books it a week ahead
	}
	// Within the next hours, the visit may fall outside the salon's hours:
	// the salon books it so on purpose.
	id, err := s.env.Srv.Agenda.Create(ctx, s.sal, s.salon.OwnerID, agenda.Input{StaffID: s.staff, Start: at,
		ServiceIDs: []uuid.UUID{s.service}, OutsideHours: true,
		Customer: customer.QuickInput{FirstName: "Léa", LastName: "Rappel", Phone: phone}})
	require.NoError(s.t, err)
	a, err := s.env.Srv.Agenda.Get(ctx, s.sal, id)
	require.NoError(s.t, err)
	s.exec(`UPDATE customers SET email = $1 WHERE tenant_id = $2 AND id = $3`, email, s.salon.ID, a.Customer.ID)
	return id, a.Customer.ID
}

func (s shop) sweep() {
	s.t.Helper()
	_, err := s.env.Srv.Messages.SendDueReminders(context.Background())
	require.NoError(s.t, err)
}

// reminders counts a visit's reminders in the outbox, by channel.
func (s shop) reminders(appt uuid.UUID, channel string) int {
	s.t.Helper()
	n := 0
	ctx := context.Background()
	require.NoError(s.t, s.env.Srv.DB.WithTenant(ctx, s.salon.ID, func(tx store.Tx) error {
		return tx.Raw().QueryRow(ctx, `SELECT count(*) FROM messages WHERE tenant_id = $1 AND appointment_id = $2
			AND kind = 'reminder' AND channel = $3`, s.salon.ID, appt, channel).Scan(&n)
	}))
	return n
}

func TestARemindersFiresOnceAtTheRightTimeInTheSalonsZone(t *testing.T) {
	t.Parallel()
	s := newAreaShop(t)
	paris := s.sal.Location()
	start := time.Date(2041, time.January, 15, 10, 0, 0, 0, paris) // 09:00 UTC
	email := "reminder-" + s.salon.Slug + "@example.com"
	typed, phone := newPhone()
	appt, client := s.visit(start, email, typed)
	cancelledAppt, _ := s.visit(start.Add(5*time.Hour), "cancelled-"+email, "")
	require.NoError(t, s.env.Srv.Agenda.SetStatus(context.Background(), s.salon.ID, cancelledAppt, agenda.StatusCancelled))

	s.env.Clock.Set(start.Add(-25 * time.Hour))
	s.sweep()
	require.Zero(t, s.reminders(appt, message.Email), "25 hours before: too early")

	s.env.Clock.Set(start.Add(-23*time.Hour - 59*time.Minute))
	s.sweep()
	require.Equal(t, 1, s.reminders(appt, message.Email))
	require.Equal(t, 1, s.reminders(appt, message.SMS), "the salon sends reminders by SMS too (the default)")
	mail := s.env.Mail.WaitSubject(t, email, "Rappel")
	require.Equal(t, "Rappel : rendez-vous chez Institut Message, mardi 15 janvier à 10:00", mail.Subject, "the salon's time, not UTC")
	require.Contains(t, mail.Text, "Bonjour Léa,")
	require.Contains(t, mail.Text, "« Soin éclat » avec Nora, mardi 15 janvier à 10:00")
	require.NotContains(t, mail.Text, "{lien}", "a visit booked by phone has no manage link: the line is left out")
	require.NotContains(t, mail.Text, "Annuler ou déplacer")
	// The client had an SMS confirmation when the salon booked the visit.
	eventually(t, func() bool { return delivered(phone) == 2 }, "no reminder SMS")
	texts := []string{smsTo(phone)[0].Text, smsTo(phone)[1].Text}
	require.Contains(t, strings.Join(texts, "\n"), "rappel de votre rendez-vous mardi 15 janvier à 10:00")
	require.Contains(t, strings.Join(texts, "\n"), "rendez-vous confirmé le mardi 15 janvier à 10:00")
	s.waitStatus(client, message.KindReminder, message.Email, message.StatusSent)

	s.sweep()
	s.env.Clock.Advance(10 * time.Minute)
	s.sweep()
	require.Equal(t, 1, s.reminders(appt, message.Email), "a second and third sweep send nothing more")
	require.Equal(t, 1, s.reminders(appt, message.SMS))
	require.Zero(t, s.reminders(cancelledAppt, message.Email), "a cancelled visit is never reminded")
	require.Zero(t, s.reminders(cancelledAppt, message.SMS))
	require.Len(t, s.env.Mail.To(email), 1)
}

func TestAVisitMovedLaterIsRemindedAtItsNewTime(t *testing.T) {
	t.Parallel()
	s := newAreaShop(t)
	paris := s.sal.Location()
	start := time.Date(2042, time.March, 12, 11, 0, 0, 0, paris)
	email := "moved-" + s.salon.Slug + "@example.com"
	appt, client := s.visit(start, email, "")

	s.env.Clock.Set(start.Add(-23 * time.Hour))
	s.sweep()
	require.Equal(t, 1, s.reminders(appt, message.Email))
	sms := of(s.history(client), message.KindReminder, message.SMS)
	require.Len(t, sms, 1)
	require.Equal(t, message.StatusSkipped, sms[0].Status, "no phone: the SMS is kept as skipped, not sent")
	require.Equal(t, message.SkipNoAddress, sms[0].SkipReason)

	// The salon moves the visit two days later: the reminder sent gave the
	// old time, so the visit is reminded again, a day before its new time.
	later := start.AddDate(0, 0, 2)
	require.NoError(t, s.env.Srv.Agenda.Update(context.Background(), s.sal, appt, agenda.Input{StaffID: s.staff,
		Start: time.Date(later.Year(), later.Month(), later.Day(), 11, 0, 0, 0, s.sal.Location()), ServiceIDs: []uuid.UUID{s.service}}))
	s.sweep()
	require.Equal(t, 1, s.reminders(appt, message.Email), "not yet: the new time is two days away")

	s.env.Clock.Set(later.Add(-23 * time.Hour))
	s.sweep()
	require.Equal(t, 2, s.reminders(appt, message.Email))
	second := s.env.Mail.WaitSubject(t, email, "vendredi 14 mars à 11:00")
	require.Contains(t, second.Text, "vendredi 14 mars à 11:00")
	s.sweep()
	require.Equal(t, 2, s.reminders(appt, message.Email))
}

func TestNoReminderWhenTheSalonTurnedThemOff(t *testing.T) {
	t.Parallel()
	s := newAreaShop(t)
	start := time.Date(2043, time.June, 3, 9, 30, 0, 0, s.sal.Location())
	appt, _ := s.visit(start, "off-"+s.salon.Slug+"@example.com", "")
	require.NoError(t, s.env.Srv.Messages.SetReminders(context.Background(), s.salon.ID, "0", true))
	s.env.Clock.Set(start.Add(-time.Hour))
	s.sweep()
	require.Zero(t, s.reminders(appt, message.Email))

	require.NoError(t, s.env.Srv.Messages.SetReminders(context.Background(), s.salon.ID, "2", false))
	s.sweep()
	require.Equal(t, 1, s.reminders(appt, message.Email), "2 hours before, and it is 1 hour before")
	require.Zero(t, s.reminders(appt, message.SMS), "no SMS asked for: none at all, not even skipped")
	got, err := s.env.Srv.Messages.Reminders(context.Background(), s.salon.ID)
	require.NoError(t, err)
	require.Equal(t, message.Reminders{Hours: 2, SMS: false}, got)
}

func TestAVisitBookedBySalonInsideTheReminderDelayGetsItsConfirmationOnly(t *testing.T) {
	t.Parallel()
	s := newAreaShop(t)
	// Salon time: within the next hours, on a quarter hour.
	start := s.env.Clock.Now().In(s.sal.Location()).Add(5 * time.Hour).Truncate(15 * time.Minute)
	email := "same-day-" + s.salon.Slug + "@example.com"
	typed, _ := newPhone()
	appt, _ := s.visit(start, email, typed)
	s.sweep()
	s.env.Clock.Advance(time.Hour)
	s.sweep()
	require.Zero(t, s.reminders(appt, message.SMS), "the confirmation just gave the time: no reminder SMS a minute later")
	require.Zero(t, s.reminders(appt, message.Email))
}
