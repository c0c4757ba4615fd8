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

// Line is one service of a visit, as booked.
type Line struct {
	ServiceID  uuid.UUID
	Name       string
	Duration   time.Duration
	Buffer     time.Duration
	PriceCents int64
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
}

// PriceCents is the visit's total as booked.
func (a Appointment) PriceCents() int64 {
	var sum int64
	for _, l := range a.Lines {
		sum += l.PriceCents
	}
	return sum
}
