package web_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/salon"
)

// The agenda fixture's "now" is Thursday 1 August 2030, 08:00 in Paris; the
// salon opens Monday to Friday 09:00–19:00 and Saturday 09:00–17:00.

func TestTheAgendaFormRefusesATimeOutsideTheHoursAndOffersTheBoxOnlyThen(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	blank := f.owner.Get("/app/appointments/new?date=2030-09-10&time=18:30")
	require.Equal(t, 0, blank.Doc.Find("#outside_hours, #past").Length(), "no box to tick before a refusal")

	form := f.form("2030-09-10", "18:30", "Tardive") // 45 min + 15 min clean-up: past 19:00
	p := f.owner.Post("/app/appointments", form)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("time"), "en dehors des horaires")
	require.Equal(t, "Tardive", p.Value("#customer_last_name"), "the form comes back filled")
	require.Equal(t, 1, p.Doc.Find("#outside_hours").Length())
	require.Equal(t, 0, p.Doc.Find("#outside_hours[checked]").Length(), "the salon ticks it, not Carnet")
	require.Equal(t, 0, p.Doc.Find("#past").Length())

	form.Set("outside_hours", "1")
	p = f.owner.Post("/app/appointments", form)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Contains(t, f.owner.Follow(p).Text(".appt"), "18:30–19:15")

	closed := f.form("2030-09-15", "10:00", "Dimanche")
	closed.Set("outside_hours", "1")
	sal, err := f.env.Srv.Salons.Get(t.Context(), f.salon.ID)
	require.NoError(t, err)
	_, err = f.env.Srv.Agenda.AddClosure(t.Context(), sal, salon.DateSpanInput{From: time.Date(2030, time.September, 15, 0, 0, 0, 0, time.UTC), Reason: "Salon du bien-être"}, agenda.SpanChoice{})
	require.NoError(t, err)
	p = f.owner.Post("/app/appointments", closed)
	require.Equal(t, 422, p.Status, "a closure is not overridden by the box")
	require.Contains(t, p.FieldError("date"), "fermé ce jour-là")

	far := f.form("2032-09-10", "10:00", "Lointaine")
	p = f.owner.Post("/app/appointments", far)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("date"), "trop lointaine")
}

func TestArrivedDoneAndNoShowAreOfferedOnlyOnceTheVisitHasStarted(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	p := f.owner.Post("/app/appointments", f.form("2030-09-10", "14:30", "Futur"))
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	href := f.owner.Follow(p).Doc.Find(".agenda-grid .appt").AttrOr("href", "")
	require.NotEmpty(t, href)

	offered := func(panel string) []string {
		var out []string
		f.owner.Get(panel).Doc.Find(".status-actions input[name=status]").Each(func(_ int, s *goquery.Selection) {
			out = append(out, s.AttrOr("value", ""))
		})
		return out
	}
	require.Equal(t, []string{"confirmed", "cancelled"}, offered(href), "a visit to come: confirm or cancel")

	for _, st := range []string{"arrived", "done", "no_show"} {
		refused := f.owner.Post(href+"/status", url.Values{"status": {st}})
		require.Equal(t, 409, refused.Status, st)
		require.Contains(t, refused.Text("main"), "pas encore commencé")
	}
	list := f.owner.Get("/app/clients")
	row := list.Doc.Find("tbody tr").FilterFunction(func(_ int, s *goquery.Selection) bool { return strings.Contains(s.Text(), "Futur") })
	require.Equal(t, 1, row.Length())
	require.NotContains(t, row.Text(), "2030", "no last visit: it has not happened")
	report := f.owner.Get("/app/clients/report?from=2030-09-01&to=2030-09-30")
	require.Equal(t, 0, report.Doc.Find("table.report").Length(), "nothing happened in September yet")

	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	f.env.Clock.Set(time.Date(2030, 9, 10, 14, 40, 0, 0, paris))
	owner := f.env.Login(f.salon.OwnerEmail)
	var after []string
	owner.Get(href).Doc.Find(".status-actions input[name=status]").Each(func(_ int, s *goquery.Selection) {
		after = append(after, s.AttrOr("value", ""))
	})
	require.Equal(t, []string{"confirmed", "arrived", "done", "no_show", "cancelled"}, after, "once started, everything")
	require.Equal(t, 303, owner.Post(href+"/status", url.Values{"status": {"done"}}).Status)
	row = owner.Get("/app/clients").Doc.Find("tbody tr").FilterFunction(func(_ int, s *goquery.Selection) bool { return strings.Contains(s.Text(), "Futur") })
	require.Contains(t, row.Text(), "10 septembre 2030")
	report = owner.Get("/app/clients/report?from=2030-09-01&to=2030-09-30")
	require.Equal(t, "1", strings.TrimSpace(report.Doc.Find("table.report tbody td[data-label=Visites]").First().Text()))
}
