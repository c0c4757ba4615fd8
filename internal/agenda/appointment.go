package agenda

import (
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/customer"
)

// Statuses of an appointment.
const (
	StatusPending   = "pending" // an online booking being paid: the slot is held
	StatusBooked    = "booked"
	StatusConfirmed = "confirmed"
	StatusArrived   = "arrived"
	StatusDone      = "done"
	StatusNoShow    = "no_show"
	StatusCancelled = "cancelled"
)

// StaffStatuses are the statuses staff can set from the agenda.
var StaffStatuses = []string{StatusBooked, StatusConfirmed, StatusArrived, StatusDone, StatusNoShow, StatusCancelled}

// Blocks reports whether an appointment in this status occupies its slot.
func Blocks(status string) bool {
	switch status {
	case StatusNoShow, StatusCancelled:
		return false
	}
	return true
}

// happened reports whether a status says the visit took place (or the client
// did not come to it): only possible once the visit has started.
func happened(status string) bool {
	switch status {
	case StatusArrived, StatusDone, StatusNoShow:
		return true
	}
	return false
}

// CanSetNow reports whether staff may set this status on a visit starting at
// start, at now: arrived, done and no-show wait for the start.
func CanSetNow(status string, start, now time.Time) bool {
	return !happened(status) || !start.After(now)
}

// Line is one service of a visit, as booked.
type Line struct {
	ServiceID  uuid.UUID
	Name       string
	Duration   time.Duration
	Buffer     time.Duration
	PriceCents int64 // what the client pays, the category discount taken off
	DiscountBP int32 // the client's category discount the price got, in basis points
}

// Appointment is a visit in the agenda.
type Appointment struct {
	ID         uuid.UUID
	StaffID    uuid.UUID
	StaffName  string
	StaffColor int
	Customer   customer.Customer
	Start      time.Time // in the salon's zone
	End        time.Time // the client's end
	BusyUntil  time.Time // the staff member's end, clean-up included
	Status     string
	Source     string
	Note       string
	Services   string // "Soin visage + Épilation sourcils"
	Lines      []Line
	Balance    int64 // the client's account: negative when they owe the salon money
	total      int64 // the lines' sum, when the lines were not read (the grid)
}

// PriceCents is the visit's total as booked.
func (a Appointment) PriceCents() int64 {
	if len(a.Lines) == 0 {
		return a.total
	}
	var sum int64
	for _, l := range a.Lines {
		sum += l.PriceCents
	}
	return sum
}
