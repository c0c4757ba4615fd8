package booking

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/secret"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Visit is a booking as its client sees it from the manage link.
type Visit struct {
	Booking     dbq.Booking
	Appointment agenda.Appointment
	Payments    []dbq.Payment
	Policy      Policy
	Deadline    time.Time // free cancellation until then
	Now         time.Time
}

// Upcoming reports whether the visit is still ahead and active.
func (v Visit) Upcoming() bool {
	return v.Appointment.Start.After(v.Now) && agenda.Blocks(v.Appointment.Status) && v.Booking.Status != "cancelled" && v.Booking.Status != "expired"
}

// InTime reports whether cancelling now is free (within the salon's window).
func (v Visit) InTime() bool { return v.Upcoming() && !v.Now.After(v.Deadline) }

// Paid is what the client paid online and was not refunded.
func (v Visit) Paid() int64 {
	var sum int64
	for _, p := range v.Payments {
		switch {
		case p.Kind == "refund" && p.Status == "succeeded":
			sum -= p.AmountCents
		case p.Kind != "refund" && p.Kind != "card_imprint" && p.Status == "succeeded":
			sum += p.AmountCents
		}
	}
	return sum
}

// Visit finds a booking from its manage link, on the URL's salon only: a
// link of salon A used on salon B's address finds nothing.
func (b *Booking) Visit(ctx context.Context, sal salon.Salon, token string) (Visit, error) {
	var v Visit
	err := b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		var err error
		if v.Booking, err = tx.BookingByToken(ctx, dbq.BookingByTokenParams{TenantID: sal.ID, TokenHash: secret.Hash(token)}); err != nil {
			return err
		}
		if v.Payments, err = tx.PaymentsOfAppointment(ctx, dbq.PaymentsOfAppointmentParams{TenantID: sal.ID, AppointmentID: v.Booking.AppointmentID}); err != nil {
			return err
		}
		v.Policy, err = policyTx(ctx, tx, sal.ID, b.Stripe != nil)
		v.Policy = v.Policy.accepted(v.Booking)
		return err
	})
	if err != nil {
		return Visit{}, fmt.Errorf("booking: visit: %w", err)
	}
	ag := agenda.Agenda{DB: b.DB, Clock: b.Clock}
	if v.Appointment, err = ag.Get(ctx, sal, v.Booking.AppointmentID); err != nil {
		return Visit{}, err
	}
	v.Now = b.Clock.Now()
	v.Deadline = v.Appointment.Start.Add(-v.Policy.Settings.CancellationWindow)
	return v, nil
}

// accepted puts back the cancellation terms the client accepted when
// booking, where the booking kept them: the salon's later changes apply to
// later bookings only.
func (p Policy) accepted(bk dbq.Booking) Policy {
	if bk.CancelWindowHours != nil {
		p.Settings.CancellationWindow = time.Duration(*bk.CancelWindowHours) * time.Hour
	}
	if bk.CancelRefund != nil {
		p.CancelRefund = *bk.CancelRefund
	}
	if bk.NoShowFeeCents != nil {
		p.Settings.NoShowFeeCents = *bk.NoShowFeeCents
	}
	return p
}

// Cancelled says what a cancellation did with the money.
type Cancelled struct {
	Late     bool  // after the free-cancellation deadline: the salon keeps what was paid
	Refunded int64 // given back
	Credited int64 // kept by the salon as credit on the client's account, when its policy says so
}

// CancelByClient cancels from the manage link. In time, what was paid is
// refunded, or kept as credit on the client's account when the salon's policy
// says so; late, it stays with the salon, as the accepted policy said.
func (b *Booking) CancelByClient(ctx context.Context, sal salon.Salon, token string) (Cancelled, error) {
	v, err := b.Visit(ctx, sal, token)
	if err != nil {
		return Cancelled{}, err
	}
	if !v.Upcoming() {
		return Cancelled{}, apperr.New(apperr.Conflict, "manage.not_cancellable")
	}
	out := Cancelled{Late: !v.InTime()}
	settle := settlement{reason: "client cancelled in time"}
	switch {
	case out.Late:
	case v.Policy.CancelRefund == salon.CreditOnCancel:
		out.Credited, settle.credit = v.Paid(), v.Paid()
	default:
		out.Refunded, settle.refund = v.Paid(), true
	}
	if err := b.cancel(ctx, sal, v, settle); err != nil {
		return Cancelled{}, err
	}
	return out, nil
}

// CancelBySalon cancels an online booking from the agenda: the salon
// cancelling gives everything back.
func (b *Booking) CancelBySalon(ctx context.Context, sal salon.Salon, appointmentID uuid.UUID) error {
	var bk dbq.Booking
	err := b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		var err error
		bk, err = tx.BookingOfAppointment(ctx, dbq.BookingOfAppointmentParams{TenantID: sal.ID, AppointmentID: appointmentID})
		return err
	})
	if err != nil {
		return fmt.Errorf("booking: cancel by salon: %w", err)
	}
	ag := agenda.Agenda{DB: b.DB, Clock: b.Clock}
	appt, err := ag.Get(ctx, sal, appointmentID)
	if err != nil {
		return err
	}
	return b.cancel(ctx, sal, Visit{Booking: bk, Appointment: appt}, settlement{refund: true, reason: "salon cancelled"})
}

// settlement is what a cancellation does with the money paid.
type settlement struct {
	credit int64 // put on the client's account
	refund bool  // given back to the card, by a job queued with the cancellation
	reason string
}

// cancel frees the slot and settles the money once, in one transaction: a
// booking already cancelled (a double click, a stale agenda panel after the
// client cancelled) is refused, so nothing is credited or refunded twice, and
// a committed cancellation always has its refund queued.
func (b *Booking) cancel(ctx context.Context, sal salon.Salon, v Visit, settle settlement) error {
	err := b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		if err := tx.AppointmentLockStaff(ctx, v.Appointment.StaffID.String()); err != nil {
			return err
		}
		moved, err := tx.BookingSetStatus(ctx, dbq.BookingSetStatusParams{TenantID: sal.ID, ID: v.Booking.ID, Status: "cancelled",
			FromStatuses: []string{"awaiting_payment", "confirmed"}})
		if err != nil {
			return err
		}
		if moved == 0 {
			return apperr.New(apperr.Conflict, "manage.not_cancellable")
		}
		if _, err := tx.AppointmentSetStatus(ctx, dbq.AppointmentSetStatusParams{TenantID: sal.ID, ID: v.Appointment.ID, Status: agenda.StatusCancelled}); err != nil {
			return err
		}
		if err := cancelPendingPayments(ctx, tx, sal.ID, v.Appointment.ID); err != nil {
			return err
		}
		if settle.credit > 0 {
			apptID := v.Appointment.ID
			if _, err := customer.AddEntryTx(ctx, tx, sal.ID, v.Booking.CustomerID, settle.credit, v.Booking.Currency, "deposit_credit",
				"", nil, &apptID, nil); err != nil {
				return err
			}
		}
		if settle.refund {
			if err := queueRefundTx(ctx, tx, sal.ID, v.Booking, settle.reason); err != nil {
				return err
			}
		}
		return b.notifyTx(ctx, tx, clientNotice{SalonID: sal.ID, BookingID: v.Booking.ID, What: "cancelled"})
	})
	if err != nil {
		return fmt.Errorf("booking: cancel: %w", err)
	}
	return nil
}

// Reschedule moves a booking to another free time of the same service, while
// free cancellation is still possible. The visit keeps its payments.
func (b *Booking) Reschedule(ctx context.Context, sal salon.Salon, token, start string) error {
	v, err := b.Visit(ctx, sal, token)
	if err != nil {
		return err
	}
	if !v.InTime() {
		return apperr.New(apperr.Conflict, "manage.too_late")
	}
	at, err := time.Parse(time.RFC3339, start)
	if err != nil {
		return apperr.ErrNotFound
	}
	off, err := b.offeredOf(ctx, sal, v)
	if err != nil {
		return err
	}
	err = b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		loc := sal.Location()
		day := time.Date(at.In(loc).Year(), at.In(loc).Month(), at.In(loc).Day(), 0, 0, 0, 0, loc)
		slots, err := findTx(ctx, tx, sal, off, uuid.Nil, day, day.AddDate(0, 0, 1), v.Appointment.ID, b.Clock.Now(), b.Stripe != nil)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(slots, func(s availability.Slot) bool { return s.Start.Equal(at) })
		if i < 0 {
			return ErrSlotGone
		}
		staff := slots[i].Staff[0]
		if slices.Contains(slots[i].Staff, v.Appointment.StaffID) {
			staff = v.Appointment.StaffID // keep the same person when they are free
		}
		if err := tx.AppointmentLockStaff(ctx, staff.String()); err != nil {
			return err
		}
		end := at.Add(off.Duration)
		_, err = tx.AppointmentReschedule(ctx, dbq.AppointmentRescheduleParams{TenantID: sal.ID, ID: v.Appointment.ID, StaffID: staff,
			StartsAt: at, EndsAt: end, BusyUntil: end.Add(off.Buffer), Note: v.Appointment.Note})
		if store.IsSlotTaken(err) {
			return ErrSlotGone
		}
		if err != nil {
			return err
		}
		return b.notifyTx(ctx, tx, confirmation(sal.ID, v.Booking.ID))
	})
	if err != nil {
		return fmt.Errorf("booking: reschedule: %w", err)
	}
	return nil
}

// offeredOf is the service of a booked visit, as the engine needs it.
func (b *Booking) offeredOf(ctx context.Context, sal salon.Salon, v Visit) (Offered, error) {
	if len(v.Appointment.Lines) == 0 {
		return Offered{}, apperr.ErrNotFound
	}
	o, err := b.Offer(ctx, sal)
	if err != nil {
		return Offered{}, err
	}
	off, ok := o.Find(v.Appointment.Lines[0].ServiceID)
	if !ok {
		return Offered{}, apperr.New(apperr.Conflict, "manage.service_gone")
	}
	return off, nil
}

// Payments lists an appointment's payments, for the agenda.
func (b *Booking) Payments(ctx context.Context, salonID, appointmentID uuid.UUID) ([]dbq.Payment, string, error) {
	var pays []dbq.Payment
	card := ""
	err := b.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		if pays, err = tx.PaymentsOfAppointment(ctx, dbq.PaymentsOfAppointmentParams{TenantID: salonID, AppointmentID: appointmentID}); err != nil {
			return err
		}
		bk, err := tx.BookingOfAppointment(ctx, dbq.BookingOfAppointmentParams{TenantID: salonID, AppointmentID: appointmentID})
		if store.IsNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		cs, err := tx.CustomerStripeGet(ctx, dbq.CustomerStripeGetParams{TenantID: salonID, CustomerID: bk.CustomerID})
		if err == nil && cs.PaymentMethodID != nil {
			card = cs.CardLabel
		} else if err != nil && !store.IsNotFound(err) {
			return err
		}
		return nil
	})
	return pays, card, err
}

// Online tells whether an appointment was booked online (it has a booking)
// and, if so, the no-show fee its client accepted.
func (b *Booking) Online(ctx context.Context, sal salon.Salon, appointmentID uuid.UUID) (online bool, feeCents int64, err error) {
	err = b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		bk, err := tx.BookingOfAppointment(ctx, dbq.BookingOfAppointmentParams{TenantID: sal.ID, AppointmentID: appointmentID})
		if store.IsNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		pol, err := policyTx(ctx, tx, sal.ID, b.Stripe != nil)
		online, feeCents = true, pol.accepted(bk).Settings.NoShowFeeCents
		return err
	})
	return online, feeCents, err
}
