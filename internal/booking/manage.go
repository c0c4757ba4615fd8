package booking

import (
	"context"
	"errors"
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
	"github.com/carnet-salon/carnet/internal/till"
)

// Visit is a booking as its client sees it from the manage link.
type Visit struct {
	Booking     dbq.Booking
	Appointment agenda.Appointment
	Payments    []dbq.Payment
	Policy      Policy
	Deadline    time.Time // free cancellation until then
	Now         time.Time
	// Owed is what the salon owes the client on top of the refund, recorded
	// on their account: the arrhes again, when the salon cancelled.
	Owed int64
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
		if v.Owed, err = owedOf(ctx, tx, sal.ID, v.Booking.AppointmentID); err != nil {
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
	if bk.DepositName != nil {
		p.DepositName = *bk.DepositName
	}
	return p
}

// owedOf is what the salon recorded as owed to the client on top of the
// refund of a visit it cancelled (the arrhes again).
func owedOf(ctx context.Context, tx store.Tx, salonID, appointmentID uuid.UUID) (int64, error) {
	rows, err := tx.LedgerOfAppointment(ctx, dbq.LedgerOfAppointmentParams{TenantID: salonID, AppointmentID: &appointmentID})
	var sum int64
	for _, r := range rows {
		if r.Reason == customer.ReasonArrhesDouble {
			sum += r.AmountCents
		}
	}
	return sum, err
}

// Cancelled says what a cancellation did with the money.
type Cancelled struct {
	Late     bool  // after the free-cancellation deadline: the salon keeps what was paid
	Refunded int64 // given back
	Credited int64 // kept by the salon as credit on the client's account, when its policy says so
	Owed     int64 // owed by the salon on top of the refund (arrhes: double), recorded as credit
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
	settle := settlement{reason: "client cancelled in time", byClient: true}
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
// cancelling gives everything back, and with arrhes owes the client the same
// amount again (Code de la consommation, art. L214-1), recorded as credit on
// the client's account for the salon to settle.
func (b *Booking) CancelBySalon(ctx context.Context, sal salon.Salon, appointmentID uuid.UUID) (Cancelled, error) {
	var v Visit
	err := b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		var err error
		if v.Booking, err = tx.BookingOfAppointment(ctx, dbq.BookingOfAppointmentParams{TenantID: sal.ID, AppointmentID: appointmentID}); err != nil {
			return err
		}
		if v.Payments, err = tx.PaymentsOfAppointment(ctx, dbq.PaymentsOfAppointmentParams{TenantID: sal.ID, AppointmentID: appointmentID}); err != nil {
			return err
		}
		v.Policy, err = policyTx(ctx, tx, sal.ID, b.Stripe != nil)
		v.Policy = v.Policy.accepted(v.Booking)
		return err
	})
	if err != nil {
		return Cancelled{}, fmt.Errorf("booking: cancel by salon: %w", err)
	}
	ag := agenda.Agenda{DB: b.DB, Clock: b.Clock}
	if v.Appointment, err = ag.Get(ctx, sal, appointmentID); err != nil {
		return Cancelled{}, err
	}
	out := Cancelled{Refunded: v.Paid(), Owed: owedDouble(v, b.Clock.Now())}
	if err := b.cancel(ctx, sal, v, settlement{refund: true, owed: out.Owed, reason: "salon cancelled"}); err != nil {
		return Cancelled{}, err
	}
	return out, nil
}

// settlement is what a cancellation does with the money paid.
type settlement struct {
	credit int64 // put on the client's account
	owed   int64 // owed by the salon on top (arrhes: double), put on the client's account
	refund bool  // given back to the card, by a job queued with the cancellation
	reason string
	// byClient: the client cancelled, from their manage link or portal.
	byClient bool
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
		if err := refuseIfAtTillTx(ctx, tx, sal.ID, v.Appointment.ID, settle.byClient); err != nil {
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
			reason := "deposit_credit"
			if v.Policy.Arrhes() {
				reason = customer.ReasonArrhesCredit // the word the client accepted, on their account too
			}
			if _, err := customer.AddEntryTx(ctx, tx, sal.ID, v.Booking.CustomerID, settle.credit, v.Booking.Currency, reason,
				"", nil, &apptID, nil); err != nil {
				return err
			}
		}
		if settle.owed > 0 {
			apptID := v.Appointment.ID
			if _, err := customer.AddEntryTx(ctx, tx, sal.ID, v.Booking.CustomerID, settle.owed, v.Booking.Currency, customer.ReasonArrhesDouble,
				"", nil, &apptID, nil); err != nil {
				return err
			}
		}
		if settle.refund {
			if err := queueRefundTx(ctx, tx, sal.ID, v.Booking, settle.reason); err != nil {
				return err
			}
		}
		return b.notifyTx(ctx, tx, clientNotice{SalonID: sal.ID, BookingID: v.Booking.ID, What: "cancelled", ByClient: settle.byClient})
	})
	if err != nil {
		return fmt.Errorf("booking: cancel: %w", err)
	}
	return nil
}

// refuseIfAtTillTx refuses to cancel a visit whose deposit the till took
// on a ticket: refunding it here would give it back twice (once more by the
// ticket's credit note). The salon is told to go through the till; the
// client, to ask the salon.
func refuseIfAtTillTx(ctx context.Context, tx store.Tx, salonID, appointmentID uuid.UUID, byClient bool) error {
	taken, err := till.DepositTakenTx(ctx, tx, salonID, appointmentID)
	if err != nil || !taken {
		return err
	}
	if byClient {
		return apperr.New(apperr.Conflict, "tillstripe.booking.deposit_at_till_client")
	}
	return apperr.New(apperr.Conflict, "tillstripe.booking.deposit_at_till")
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
	if !at.After(b.Clock.Now()) {
		return ErrSlotPast
	}
	off, err := b.offeredOf(ctx, sal, v)
	if err != nil {
		return err
	}
	err = b.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		if err := salon.TakesBookingsTx(ctx, tx, sal.ID); err != nil {
			return err
		}
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
		return b.notifyTx(ctx, tx, clientNotice{SalonID: sal.ID, BookingID: v.Booking.ID, What: "moved", Previous: v.Appointment.Start})
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

// Money is what the agenda shows of an online booking's payments.
type Money struct {
	Payments    []dbq.Payment
	Card        string // the card the client saved ("Visa •••• 4242")
	DepositName string // what the advance was called when the client booked: acompte | arrhes
	Owed        int64  // owed to the client on top of a refund (arrhes cancelled by the salon)
}

// Payments lists an appointment's payments, for the agenda.
func (b *Booking) Payments(ctx context.Context, salonID, appointmentID uuid.UUID) (Money, error) {
	var m Money
	err := b.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		if m.Payments, err = tx.PaymentsOfAppointment(ctx, dbq.PaymentsOfAppointmentParams{TenantID: salonID, AppointmentID: appointmentID}); err != nil {
			return err
		}
		if m.Owed, err = owedOf(ctx, tx, salonID, appointmentID); err != nil {
			return err
		}
		bk, err := tx.BookingOfAppointment(ctx, dbq.BookingOfAppointmentParams{TenantID: salonID, AppointmentID: appointmentID})
		if store.IsNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		pol, err := policyTx(ctx, tx, salonID, b.Stripe != nil)
		if err != nil {
			return err
		}
		m.DepositName = pol.accepted(bk).DepositName
		cs, err := tx.CustomerStripeGet(ctx, dbq.CustomerStripeGetParams{TenantID: salonID, CustomerID: bk.CustomerID})
		if err == nil && cs.PaymentMethodID != nil {
			m.Card = cs.CardLabel
		} else if err != nil && !store.IsNotFound(err) {
			return err
		}
		return nil
	})
	return m, err
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

// CancelAllBySalon cancels visits the salon can no longer keep (they fall in
// an absence or a closure), each as the agenda's cancel button does: an
// online booking is refunded in full, and every client is told. One visit
// that cannot be cancelled does not hold back the others.
func (b *Booking) CancelAllBySalon(ctx context.Context, sal salon.Salon, ids []uuid.UUID) error {
	ag := agenda.Agenda{DB: b.DB, Clock: b.Clock}
	var errs []error
	for _, id := range ids {
		online, _, err := b.Online(ctx, sal, id)
		if err == nil && online {
			_, err = b.CancelBySalon(ctx, sal, id)
		} else if err == nil {
			err = ag.SetStatus(ctx, sal.ID, id, agenda.StatusCancelled)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("booking: cancel %s for the salon: %w", id, err))
		}
	}
	return errors.Join(errs...)
}
