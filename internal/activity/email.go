package activity

import (
	"strings"
	"time"

	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/mail"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/urls"
)

// email tells one owner or manager what happened, in their language, with
// the way to the visit and to the switch that stops these emails.
func email(lang i18n.Lang, to dbq.ActivityRecipientsRow, v dbq.ActivityVisitRow, e Event, baseURL string) mail.Message {
	base := strings.TrimRight(baseURL, "/")
	client := name(v.FirstName, v.LastName)
	when := When(lang, v.StartsAt.In(zone(v.TimeZone)))
	line := i18n.Tr(lang, Sentence(e.Kind, e.ByClient), client, v.Services, when, v.StaffName)
	lines := []string{line}
	if e.AmountCents > 0 {
		lines = append(lines, i18n.Tr(lang, "events.email.amount", money.New(e.AmountCents, e.Currency).Format(lang)))
	}
	return mail.Compose(lang, to.Email, mail.Content{
		Subject:    i18n.Tr(lang, "events.subject."+e.Kind, client, when),
		Greeting:   i18n.Tr(lang, "email.greeting", to.Name),
		Lines:      lines,
		Action:     i18n.Tr(lang, "events.email.action"),
		Link:       base + urls.Appointment(e.AppointmentID),
		Footer:     i18n.Tr(lang, "events.email.footer", v.SalonName),
		FooterLink: base + urls.Notifications(),
	})
}

// Sentence is the catalogue key of what an event says, with the client, the
// services, the visit's time and the staff member as arguments.
func Sentence(kind string, byClient bool) string {
	if kind == Cancelled && byClient {
		return "events.line.cancelled_by_client"
	}
	return "events.line." + kind
}

var (
	frDays   = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	frMonths = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
)

// When is a visit's date and time as the salon says it: « mardi 8 décembre à 15:00 ».
func When(lang i18n.Lang, t time.Time) string {
	if lang == i18n.EN {
		return t.Format("Monday 2 January") + " at " + t.Format("15:04")
	}
	return frDays[t.Weekday()] + " " + t.Format("2") + " " + frMonths[t.Month()-1] + " à " + t.Format("15:04")
}

func zone(name string) *time.Location { return clock.Zone(name) }
