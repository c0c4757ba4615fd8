package agenda

import (
	"slices"
	"strings"
	"time"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/ui"
)

// Form is the appointment form's content.
type Form struct {
	F        ui.Form
	Services []catalog.Service
	Staff    []team.Member
	Edit     *agenda.Appointment // nil for a new appointment
	Currency string
	Preset   []customer.Customer // the client chosen before the form opened (from their record)
	Region   string
}

func (f Form) action() string {
	if f.Edit != nil {
		return urls.Appointment(f.Edit.ID)
	}
	return urls.Appointments()
}

// chosen reports whether a service is ticked (values are kept comma-separated).
func (f Form) chosen(id string) bool {
	return slices.Contains(strings.Split(f.F.Get("services"), ","), id)
}

// asks reports whether the form shows a confirmation box: only once the
// agenda refused the time for that reason, or when it is already ticked, so
// a visit outside the hours or in the past is never booked by accident.
func (f Form) asks(box, field, refusal string) bool {
	return f.F.Get(box) != "" || f.F.Err(field) == refusal
}

func (f Form) back() string {
	if d := f.F.Get("date"); d != "" {
		return urls.Agenda() + "?date=" + d
	}
	return urls.Agenda()
}

func minutes(d time.Duration) int { return int(d / time.Minute) }
