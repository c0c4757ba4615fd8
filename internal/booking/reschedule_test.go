package booking_test

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// calendarFile is what a phone's calendar reads in an .ics, parsed by a
// real iCalendar parser.
type calendarFile struct {
	method, uid, sequence, status, organizer string
	start                                    time.Time
}

func parseICS(t *testing.T, m testkit.Mail) calendarFile {
	t.Helper()
	data, ok := m.Attachments["rendez-vous.ics"]
	require.True(t, ok, "mail %q has no calendar file", m.Subject)
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	require.NoError(t, err)
	var f calendarFile
	for _, p := range cal.CalendarProperties {
		if p.IANAToken == string(ics.PropertyMethod) {
			f.method = p.Value
		}
	}
	events := cal.Events()
	require.Len(t, events, 1)
	e := events[0]
	f.uid = e.Id()
	prop := func(p ics.ComponentProperty) string {
		if v := e.GetProperty(p); v != nil {
			return v.Value
		}
		return ""
	}
	f.sequence, f.status, f.organizer = prop(ics.ComponentPropertySequence), prop(ics.ComponentPropertyStatus), prop(ics.ComponentPropertyOrganizer)
	f.start, err = e.GetStartAt()
	require.NoError(t, err)
	return f
}

func TestRescheduleShowsTheCurrentVisitAsksToConfirmAndTheCalendarFollows(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	email := "moved-" + s.salon.Slug + "@example.com"
	manage := confirmedDeposit(t, s, email)
	first := parseICS(t, s.env.Mail.WaitSubject(t, email, "confirmé"))
	require.Equal(t, "PUBLISH", first.method)
	require.Equal(t, "0", first.sequence)
	require.True(t, strings.HasPrefix(strings.ToLower(first.organizer), "mailto:no-reply@"), "the salon organises: %q", first.organizer)
	require.True(t, first.start.Equal(s.at("11:00")))

	c := s.web.NewClient()
	page := c.Get(manage + "/reschedule?date=" + s.day().Format(time.DateOnly))
	require.Equal(t, 200, page.Status)
	require.Contains(t, page.Text(".current-visit"), "11:00", "the client sees the visit they are moving")
	require.Zero(t, page.Doc.Find("#times form").Length(), "picking a time moves nothing yet")
	link, ok := page.Doc.Find("#times .slots a").FilterFunction(func(_ int, a *goquery.Selection) bool {
		return strings.TrimSpace(a.Text()) == "16:30"
	}).Attr("href")
	require.True(t, ok, "16:30 is offered")

	confirm := c.Get(link)
	require.Equal(t, 200, confirm.Status)
	require.Contains(t, confirm.Text(".old-time"), "11:00")
	require.Contains(t, confirm.Text(".new-time"), "16:30")
	_, appt := s.statusOf(s.bookingByEmail(email))
	require.Equal(t, "booked", appt)
	require.Contains(t, c.Get(manage).Text(".facts"), "11:00", "still at 11:00 until the client confirms")

	p := c.Post(manage+"/reschedule", url.Values{"start": {confirm.Value("input[name=start]")}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	after := c.Follow(p)
	require.Contains(t, after.Text(".status-banner"), "déplacé")
	require.Contains(t, after.Text(".facts"), "16:30")

	moved := s.env.Mail.WaitSubject(t, email, "déplacé")
	require.Contains(t, moved.Text, "a été déplacé")
	require.Contains(t, moved.Text, "Ancien horaire")
	require.NotContains(t, moved.Subject, "confirmé")
	second := parseICS(t, moved)
	require.Equal(t, first.uid, second.uid, "the same event, updated")
	require.Equal(t, "1", second.sequence)
	require.True(t, second.start.Equal(s.at("16:30")))
	require.NotEmpty(t, second.organizer)

	owner := s.web.Login(s.salon.OwnerEmail)
	bk := s.bookingByEmail(email)
	require.Equal(t, 303, owner.Post("/app/appointments/"+bk.AppointmentID.String()+"/status", url.Values{"status": {"cancelled"}}).Status)
	cancelled := parseICS(t, s.env.Mail.WaitSubject(t, email, "annulé"))
	require.Equal(t, "CANCEL", cancelled.method)
	require.Equal(t, first.uid, cancelled.uid)
	require.Equal(t, "2", cancelled.sequence)
	require.Equal(t, "CANCELLED", cancelled.status)
	require.True(t, strings.HasPrefix(strings.ToLower(cancelled.organizer), "mailto:"), "RFC 5546: a CANCEL names its organiser")
}

func TestAVisitBookedOnlineMovedFromTheAgendaUpdatesTheClientsCalendar(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"})
	email := "agenda-move-" + s.salon.Slug + "@example.com"
	require.Equal(t, 303, s.book(s.at("11:00"), email, nil).Status)
	first := parseICS(t, s.env.Mail.WaitSubject(t, email, "confirmé"))

	bk := s.bookingByEmail(email)
	owner := s.web.Login(s.salon.OwnerEmail)
	p := owner.Post("/app/appointments/"+bk.AppointmentID.String(), url.Values{"date": {s.day().Format(time.DateOnly)},
		"time": {"15:00"}, "staff_id": {s.staff.String()}, "services": {s.service.String()}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))

	moved := s.env.Mail.WaitSubject(t, email, "déplacé")
	second := parseICS(t, moved)
	require.Equal(t, first.uid, second.uid)
	require.Equal(t, "1", second.sequence, "the phone replaces the event it holds")
	require.True(t, second.start.Equal(s.at("15:00")))
	require.Equal(t, "PUBLISH", second.method)
}
