package till

import (
	"context"
	"time"

	"github.com/carnet-salon/carnet/internal/farewell"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/views/ui"
)

// FarewellView is the screen after a sale is paid.
type FarewellView struct {
	P        farewell.Page
	Currency string
	Location *time.Location
	F        ui.Form // the next visit, refused
}

// thanks is « Merci Madame Dupont ! » with the client's title when their
// record has one (seed 000), their first name otherwise, and a plain
// thank-you for a walk-in.
func thanks(ctx context.Context, v FarewellView) string {
	c := v.P.Client
	switch {
	case c == nil:
		return i18n.T(ctx, "farewell.thanks")
	case (c.Gender == "female" || c.Gender == "male") && c.LastName != "":
		return i18n.T(ctx, "farewell.thanks_name", i18n.T(ctx, "farewell.civility."+c.Gender)+" "+c.LastName)
	case c.FirstName != "":
		return i18n.T(ctx, "farewell.thanks_name", c.FirstName)
	}
	return i18n.T(ctx, "farewell.thanks")
}

// balance says what the client has on their account, "" when nothing.
func balance(ctx context.Context, v FarewellView) string {
	if v.P.Client == nil {
		return ""
	}
	switch b := v.P.Client.BalanceCents; {
	case b > 0:
		return i18n.T(ctx, "farewell.balance.credit", amount(ctx, b, v.Currency))
	case b < 0:
		return i18n.T(ctx, "farewell.balance.owed", amount(ctx, -b, v.Currency))
	}
	return ""
}

// why says where the interval of the proposal comes from.
func why(ctx context.Context, p *farewell.Proposal) string {
	switch {
	case p.Interval.Visits == 0:
		return i18n.T(ctx, "farewell.interval.default", farewell.DefaultInterval/7)
	case p.Interval.OfService:
		return i18n.T(ctx, "farewell.interval.service", p.Interval.Days, p.Services, p.Interval.Visits)
	}
	return i18n.T(ctx, "farewell.interval.visits", p.Interval.Days, p.Interval.Visits)
}

// when is « mardi 5 janv. à 10:00 », with who when it is not the sale's
// staff member.
func when(ctx context.Context, t time.Time, staff string) string {
	lang := i18n.LangFrom(ctx)
	s := i18n.T(ctx, "farewell.at", ui.Weekday(lang, t)+" "+ui.DayMonth(lang, t), t.Format("15:04"))
	if staff != "" {
		s = i18n.T(ctx, "farewell.with", s, staff)
	}
	return s
}

// proposalStaff is who the proposal is with: the sale's staff member, or
// whoever the free-time engine found.
func proposalStaff(p *farewell.Proposal) string {
	if p.StaffName != "" {
		return p.StaffName
	}
	return p.Slot.StaffName
}

func rfc3339(t time.Time) string { return t.Format(time.RFC3339) }

// refusal is the agenda's message for a refused time, except the one that
// points at the agenda form's "outside the hours" box, which is not here.
func refusal(key string) string {
	if key == "agenda.outside_hours" {
		return "farewell.outside_hours"
	}
	return key
}
