package agenda

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/mail"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Agenda runs appointments.
type Agenda struct {
	DB    *store.DB
	Clock clock.Clock
	// Calendar is the calendar file of a visit booked online, for a message
	// about a change made here (its SEQUENCE raised, so the client's phone
	// replaces the event), or nil for a visit booked another way. The booking
	// area owns it; when unset, messages carry no file.
	Calendar func(ctx context.Context, tx store.Tx, salonID, appointmentID uuid.UUID, cancelled bool) ([]mail.Attachment, error)
}

// ErrNotStarted refuses arrived, done or no-show for a visit still to come.
var ErrNotStarted = apperr.New(apperr.Conflict, "agenda.not_started")

// ErrSlotTaken is what a user sees when someone else got the time first.
var ErrSlotTaken = apperr.Fields{FieldTime: "agenda.slot_taken"}.Err()

// Input is an appointment as the agenda books or moves it. Errors name its
// fields with the Field* constants below, never a form's.
type Input struct {
	StaffID    uuid.UUID
	Start      time.Time // in the salon's zone
	ServiceIDs []uuid.UUID
	Note       string
	Customer   customer.QuickInput
	Quiet      bool // the salon tells the client itself: no confirmation is sent
	// What the person booking confirmed after a first refusal (see rules.go):
	// a visit outside the working hours, a past visit typed in after the fact.
	OutsideHours bool
	Past         bool
}

// The field names of Input in field errors. Start has two: a day that is not
// possible (closed, past) and a time of that day that is not (outside the
// hours, taken) are told apart, beside the date and beside the time.
const (
	FieldStaff         = "staff"
	FieldDay           = "day"
	FieldTime          = "time"
	FieldServices      = "services"
	FieldNote          = "note"
	FieldCustomerName  = "customer." + customer.QuickFieldName
	FieldCustomerPhone = "customer." + customer.QuickFieldPhone
)

type parsed struct {
	staff    uuid.UUID
	start    time.Time
	services []uuid.UUID
	note     string
}

// Check returns what is wrong with the input on its own, before any record
// is read: the form shows it beside what it could not parse.
func (in Input) Check() apperr.Fields {
	f := apperr.Fields{}
	if in.StaffID == uuid.Nil {
		f.Add(FieldStaff, "field.choose")
	}
	if len(in.services()) == 0 {
		f.Add(FieldServices, "agenda.services_required")
	}
	if len([]rune(strings.TrimSpace(in.Note))) > 2000 {
		f.Add(FieldNote, "text.long")
	}
	return f
}

// services drops repeats and the nil id (an empty choice).
func (in Input) services() []uuid.UUID {
	var out []uuid.UUID
	for _, id := range in.ServiceIDs {
		if id != uuid.Nil && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func (in Input) parse() (parsed, error) {
	p := parsed{staff: in.StaffID, start: in.Start, services: in.services(), note: strings.TrimSpace(in.Note)}
	return p, in.Check().Err()
}

// Create books an appointment from the agenda. It is refused, with the form's
// time field marked, when the staff member is already busy then.
func (a *Agenda) Create(ctx context.Context, sal salon.Salon, actor uuid.UUID, in Input) (uuid.UUID, error) {
	p, err := in.parse()
	if err != nil {
		return uuid.Nil, err
	}
	in.Customer.Region = sal.Country
	var id uuid.UUID
	err = a.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		lines, err := a.prepare(ctx, tx, sal.ID, p)
		if err != nil {
			return err
		}
		end, busy := span(p.start, lines)
		if err := a.checkTime(ctx, tx, sal, p.staff, p.start, busy, lines, in); err != nil {
			return err
		}
		c, err := customer.ResolveTx(ctx, tx, sal.ID, in.Customer)
		if err != nil {
			return customerProblem(err)
		}
		if err := discount(ctx, tx, sal.ID, c.ID, lines); err != nil {
			return err
		}
		row, err := tx.AppointmentCreate(ctx, dbq.AppointmentCreateParams{TenantID: sal.ID, StaffID: p.staff, CustomerID: c.ID,
			StartsAt: p.start, EndsAt: end, BusyUntil: busy, Status: StatusBooked, Source: "staff", Note: p.note, CreatedBy: &actor})
		if err != nil {
			return slotProblem(err)
		}
		id = row.ID
		if err := addLines(ctx, tx, sal.ID, id, lines); err != nil {
			return err
		}
		if in.Quiet {
			return nil
		}
		return a.notifyTx(ctx, tx, sal.ID, id, p.start, message.KindConfirmation)
	})
	if err != nil {
		return uuid.Nil, fmt.Errorf("agenda: create: %w", err)
	}
	return id, nil
}

// Update moves an appointment (time, staff member) and changes its services
// and note. The client stays the same.
func (a *Agenda) Update(ctx context.Context, sal salon.Salon, id uuid.UUID, in Input) error {
	p, err := in.parse()
	if err != nil {
		return err
	}
	err = a.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		current, err := tx.AppointmentGet(ctx, dbq.AppointmentGetParams{TenantID: sal.ID, ID: id})
		if err != nil {
			return err
		}
		// Both agendas change: lock them in a fixed order so two moves in
		// opposite directions queue instead of deadlocking.
		if err := lockStaff(ctx, tx, current.StaffID, p.staff); err != nil {
			return err
		}
		lines, err := a.prepare(ctx, tx, sal.ID, p)
		if err != nil {
			return err
		}
		if err := discount(ctx, tx, sal.ID, current.CustomerID, lines); err != nil {
			return err
		}
		end, busy := span(p.start, lines)
		moved := current.StaffID != p.staff || !current.StartsAt.Equal(p.start) || busy.After(current.BusyUntil)
		if moved && happened(current.Status) && p.start.After(a.Clock.Now()) {
			return apperr.Fields{FieldDay: "agenda.started_stays_past"}.Err()
		}
		if moved {
			if err := a.checkTime(ctx, tx, sal, p.staff, p.start, busy, lines, in); err != nil {
				return err
			}
		}
		if _, err := tx.AppointmentReschedule(ctx, dbq.AppointmentRescheduleParams{TenantID: sal.ID, ID: id, StaffID: p.staff,
			StartsAt: p.start, EndsAt: end, BusyUntil: busy, Note: p.note}); err != nil {
			return slotProblem(err)
		}
		if err := tx.AppointmentServicesClear(ctx, dbq.AppointmentServicesClearParams{TenantID: sal.ID, AppointmentID: id}); err != nil {
			return err
		}
		if err := addLines(ctx, tx, sal.ID, id, lines); err != nil {
			return err
		}
		if in.Quiet || current.StartsAt.Equal(p.start) || (current.Status != StatusBooked && current.Status != StatusConfirmed) {
			return nil
		}
		return a.notifyTx(ctx, tx, sal.ID, id, p.start, message.KindMoved) // the new time
	})
	if err != nil {
		return fmt.Errorf("agenda: update: %w", err)
	}
	return nil
}

// SetStatus changes an appointment's status. Reopening a cancelled visit is
// refused if its time has been taken meanwhile; arrived, done and no-show
// are refused before the visit has started.
func (a *Agenda) SetStatus(ctx context.Context, salonID, id uuid.UUID, status string) error {
	if !slices.Contains(StaffStatuses, status) {
		return apperr.Fields{"status": "field.choose"}.Err()
	}
	err := a.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		current, err := tx.AppointmentGet(ctx, dbq.AppointmentGetParams{TenantID: salonID, ID: id})
		if err != nil {
			return err
		}
		if !CanSetNow(status, current.StartsAt, a.Clock.Now()) {
			return ErrNotStarted
		}
		if err := lockStaff(ctx, tx, current.StaffID); err != nil {
			return err
		}
		if _, err = tx.AppointmentSetStatus(ctx, dbq.AppointmentSetStatusParams{TenantID: salonID, ID: id, Status: status}); err != nil {
			return slotProblem(err)
		}
		if status != StatusCancelled || current.Status == StatusCancelled {
			return nil
		}
		return a.notifyTx(ctx, tx, salonID, id, current.StartsAt, message.KindCancellation)
	})
	if err != nil {
		return fmt.Errorf("agenda: set status: %w", err)
	}
	return nil
}

// checkTime holds a visit to the salon's time (rules.go). Only a visit the
// form creates or moves is checked: editing a note keeps a past visit as it is.
func (a *Agenda) checkTime(ctx context.Context, tx store.Tx, sal salon.Salon, staffID uuid.UUID, start, busy time.Time, lines []Line, in Input) error {
	r, err := loadTimeRules(ctx, tx, sal, staffID, start, a.Clock.Now())
	if err != nil {
		return err
	}
	return r.check(staffID, start, busy, lines, in).Err()
}

// prepare checks the staff member and services, locks the staff member's
// agenda for this transaction, and returns the visit's lines.
func (a *Agenda) prepare(ctx context.Context, tx store.Tx, salonID uuid.UUID, p parsed) ([]Line, error) {
	staff, err := tx.StaffGet(ctx, dbq.StaffGetParams{TenantID: salonID, ID: p.staff})
	if store.IsNotFound(err) || (err == nil && !staff.Active) {
		return nil, apperr.Fields{FieldStaff: "field.choose"}.Err()
	}
	if err != nil {
		return nil, err
	}
	lines := make([]Line, 0, len(p.services))
	for _, sid := range p.services {
		s, err := tx.ServiceGet(ctx, dbq.ServiceGetParams{TenantID: salonID, ID: sid})
		if store.IsNotFound(err) || (err == nil && s.ArchivedAt != nil) {
			return nil, apperr.Fields{FieldServices: "field.choose"}.Err()
		}
		if err != nil {
			return nil, err
		}
		lines = append(lines, Line{ServiceID: s.ID, Name: s.Name, Duration: time.Duration(s.DurationMinutes) * time.Minute,
			Buffer: time.Duration(s.BufferMinutes) * time.Minute, PriceCents: s.PriceCents})
	}
	if err := checkStaffDoes(ctx, tx, salonID, p.staff, p.services); err != nil {
		return nil, err
	}
	return lines, lockStaff(ctx, tx, p.staff)
}

// checkStaffDoes refuses a service the staff member does not perform, once
// the salon has said who does what (an empty list means "not set up yet").
func checkStaffDoes(ctx context.Context, tx store.Tx, salonID, staffID uuid.UUID, services []uuid.UUID) error {
	links, err := tx.StaffServicesList(ctx, salonID)
	if err != nil {
		return err
	}
	does := map[uuid.UUID]bool{}
	for _, l := range links {
		if l.StaffID == staffID {
			does[l.ServiceID] = true
		}
	}
	if len(does) == 0 {
		return nil
	}
	for _, s := range services {
		if !does[s] {
			return apperr.Fields{FieldServices: "agenda.staff_cannot"}.Err()
		}
	}
	return nil
}

// lockStaff serialises writes to staff members' agendas until commit, taking
// the locks in a fixed order. Taking one again in the same transaction is free.
func lockStaff(ctx context.Context, tx store.Tx, staffIDs ...uuid.UUID) error {
	keys := make([]string, len(staffIDs))
	for i, id := range staffIDs {
		keys[i] = id.String()
	}
	slices.Sort(keys)
	for _, k := range slices.Compact(keys) {
		if err := tx.AppointmentLockStaff(ctx, k); err != nil {
			return err
		}
	}
	return nil
}

// span: services back to back, each followed by its clean-up; the client
// leaves when the last service ends, the staff member is free after its buffer.
func span(start time.Time, lines []Line) (end, busy time.Time) {
	t := start
	for i, l := range lines {
		t = t.Add(l.Duration)
		if i == len(lines)-1 {
			return t, t.Add(l.Buffer)
		}
		t = t.Add(l.Buffer)
	}
	return t, t
}

func addLines(ctx context.Context, tx store.Tx, salonID, id uuid.UUID, lines []Line) error {
	for i, l := range lines {
		if err := tx.AppointmentServiceAdd(ctx, dbq.AppointmentServiceAddParams{TenantID: salonID, AppointmentID: id,
			ServiceID: l.ServiceID, Position: int16(i), Name: l.Name, DurationMinutes: int32(l.Duration / time.Minute),
			BufferMinutes: int32(l.Buffer / time.Minute), PriceCents: l.PriceCents, DiscountBp: l.DiscountBP}); err != nil {
			return err
		}
	}
	return nil
}

// discount gives the lines the client's price: their category's discount,
// the same rule the public page applies.
func discount(ctx context.Context, tx store.Tx, salonID, customerID uuid.UUID, lines []Line) error {
	bp, err := customer.DiscountTx(ctx, tx, salonID, customerID)
	if err != nil {
		return err
	}
	for i := range lines {
		lines[i].PriceCents, lines[i].DiscountBP = customer.Discounted(lines[i].PriceCents, bp), bp
	}
	return nil
}

func slotProblem(err error) error {
	if store.IsSlotTaken(err) {
		return fmt.Errorf("%w (%w)", ErrSlotTaken, err)
	}
	return err
}

// notifyTx tells the client about a visit still to come, in the same
// transaction as the change, so a failed save sends nothing and a saved one
// cannot lose its message. Visits typed in after the fact are not announced.
func (a *Agenda) notifyTx(ctx context.Context, tx store.Tx, salonID, id uuid.UUID, start time.Time, kind string) error {
	if !start.After(a.Clock.Now()) {
		return nil
	}
	n := message.Notice{SalonID: salonID, AppointmentID: id, Kind: kind}
	if a.Calendar != nil && (kind == message.KindMoved || kind == message.KindCancellation) {
		att, err := a.Calendar(ctx, tx, salonID, id, kind == message.KindCancellation)
		if err != nil {
			return err
		}
		n.Attachments = att
	}
	return message.AppointmentTx(ctx, tx, n)
}

// customerProblem names the client's fields as Input's: Customer.name.
func customerProblem(err error) error {
	e, ok := apperr.As(err)
	if !ok || len(e.Fields) == 0 {
		return err
	}
	f := apperr.Fields{}
	for k, v := range e.Fields {
		f.Add("customer."+k, v)
	}
	return f.Err()
}
