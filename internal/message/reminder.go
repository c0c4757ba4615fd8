package message

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/riverqueue/river"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// ReminderEvery is how often due reminders are looked for.
const ReminderEvery = time.Minute

// reminderBatch bounds one sweep; the next minute takes the rest.
const reminderBatch = 500

// maxReminderHours is the longest reminder delay a salon may set.
const maxReminderHours = 168

// SendDueReminders puts in the outbox the reminder of every visit, in every
// salon, whose time minus the salon's reminder delay has come; it reads only
// those visits, whatever the number of salons. Each visit is
// marked reminded in the same transaction as its messages, by a statement
// that checks it still is due and not reminded: a reminder fires once, never
// for a cancelled visit, whatever the number of sweeps, instances or retries.
// It returns how many visits were reminded.
func (o *Outbox) SendDueReminders(ctx context.Context) (int, error) {
	now := o.Clock.Now()
	var due []dbq.MessageDueRemindersRow
	err := o.DB.Unscoped(ctx, func(tx store.Tx) error {
		var err error
		due, err = tx.MessageDueReminders(ctx, dbq.MessageDueRemindersParams{Now: now,
			Since: now.Add(-maxReminderHours * time.Hour), RowLimit: reminderBatch})
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("message: due reminders: %w", err)
	}
	sent := 0
	var errs []error
	for _, r := range due {
		claimed := false
		err := o.DB.WithTenant(ctx, r.TenantID, func(tx store.Tx) error {
			if r.Told {
				return tx.MessageReminderSetAside(ctx, dbq.MessageReminderSetAsideParams{TenantID: r.TenantID, ID: r.ID, DueAt: r.DueAt})
			}
			n, err := tx.MessageReminderClaim(ctx, dbq.MessageReminderClaimParams{TenantID: r.TenantID, ID: r.ID, Now: now})
			if err != nil || n == 0 {
				return err
			}
			claimed = true
			return AppointmentTx(ctx, tx, Notice{SalonID: r.TenantID, AppointmentID: r.ID, Kind: KindReminder})
		})
		if err != nil {
			// One visit that cannot be reminded must not hold back the others.
			errs = append(errs, fmt.Errorf("message: reminder of %s: %w", r.ID, err))
			continue
		}
		if claimed {
			sent++
		}
	}
	return sent, errors.Join(errs...)
}

// ReminderArgs is the periodic job that sends due reminders.
type ReminderArgs struct{}

// Kind names the job.
func (ReminderArgs) Kind() string { return "message_reminders" }

// ReminderWorker runs SendDueReminders.
type ReminderWorker struct {
	river.WorkerDefaults[ReminderArgs]
	Outbox *Outbox
}

// Work sends the reminders that are due.
func (w *ReminderWorker) Work(ctx context.Context, _ *river.Job[ReminderArgs]) error {
	_, err := w.Outbox.SendDueReminders(ctx)
	return err
}

// Reminders is a salon's reminder setting.
type Reminders struct {
	Hours int  // before the visit; 0: no reminders
	SMS   bool // an SMS too, besides the email
}

// Reminders returns the salon's reminder setting.
func (o *Outbox) Reminders(ctx context.Context, salonID uuid.UUID) (Reminders, error) {
	var r Reminders
	err := o.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		row, err := tx.MessageReminderSettings(ctx, salonID)
		r = Reminders{Hours: int(row.ReminderHours), SMS: row.ReminderSms}
		return err
	})
	return r, err
}

// SetReminders changes when reminders go (hours as typed, 0 to 168) and
// whether an SMS goes too. The field in errors is reminder_hours.
func (o *Outbox) SetReminders(ctx context.Context, salonID uuid.UUID, hours string, sms bool) error {
	h, err := strconv.Atoi(strings.TrimSpace(hours))
	if err != nil || h < 0 || h > maxReminderHours {
		return apperr.Fields{"reminder_hours": "message.reminder_hours_invalid"}.Err()
	}
	return o.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		n, err := tx.MessageReminderSettingsSave(ctx, dbq.MessageReminderSettingsSaveParams{TenantID: salonID,
			ReminderHours: int32(h), ReminderSms: sms})
		if err == nil && n == 0 {
			return apperr.ErrNotFound
		}
		return err
	})
}
