package agenda

import (
	"slices"
	"strings"
	"time"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/team"
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
		return "/app/appointments/" + f.Edit.ID.String()
	}
	return "/app/appointments"
}

// chosen reports whether a service is ticked (values are kept comma-separated).
func (f Form) chosen(id string) bool {
	return slices.Contains(strings.Split(f.F.Get("services"), ","), id)
}

func (f Form) back() string {
	if d := f.F.Get("date"); d != "" {
		return "/app/agenda?date=" + d
	}
	return "/app/agenda"
}

func minutes(d time.Duration) int { return int(d / time.Minute) }
