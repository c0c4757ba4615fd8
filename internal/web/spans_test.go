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

// bookPanel books a visit through the agenda form and returns its panel.
func (f agendaFixture) bookPanel(t *testing.T, date, at, last string) string {
	t.Helper()
	p := f.owner.Post("/app/appointments", f.form(date, at, last))
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	day := f.owner.Follow(p)
	href := ""
	day.Doc.Find(".agenda-grid .appt").Each(func(_ int, s *goquery.Selection) {
		if strings.Contains(s.Text(), last) {
			href = s.AttrOr("href", "")
		}
	})
	require.NotEmpty(t, href)
	return href
}

func (f agendaFixture) status(t *testing.T, panel string) string {
	t.Helper()
	sal, err := f.env.Srv.Salons.Get(t.Context(), f.salon.ID)
	require.NoError(t, err)
	a, err := f.env.Srv.Agenda.Get(t.Context(), sal, mustUUID(t, strings.TrimPrefix(panel, "/app/appointments/")))
	require.NoError(t, err)
	return a.Status
}

func TestAClosureOverVisitsListsThemThenCancelsThemTellingEachClient(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	moreau := f.bookPanel(t, "2030-09-10", "14:30", "Moreau")
	durand := f.bookPanel(t, "2030-09-10", "10:00", "Durand")
	after := f.bookPanel(t, "2030-09-12", "10:00", "Après")
	sent := len(outboxKinds(t, f))

	closure := url.Values{"from": {"2030-09-10"}, "to": {"2030-09-11"}, "reason": {"Inventaire"}}
	p := f.owner.Post("/app/closures", closure)
	require.Equal(t, 409, p.Status)
	require.Contains(t, p.Text("h1"), "pendant cette fermeture")
	items := p.Doc.Find("#span-visits li")
	require.Equal(t, 2, items.Length(), "the two visits of the 10th, not the one of the 12th")
	require.Contains(t, items.First().Text(), "10:00–10:45")
	require.Contains(t, items.First().Text(), "Inès Durand")
	require.Contains(t, items.Last().Text(), "Inès Moreau")
	require.Equal(t, durand, items.First().Find("a").AttrOr("href", ""), "a link to move each visit")
	require.Equal(t, "Inventaire", p.Doc.Find("#span-confirm input[name=reason]").AttrOr("value", ""), "what was typed is kept")
	closures, err := f.env.Srv.Salons.Closures(t.Context(), f.salon.ID, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	require.Empty(t, closures, "nothing saved before the salon chooses")

	// Meanwhile, another visit is booked on the 11th: the page comes back with it.
	late := f.bookPanel(t, "2030-09-11", "16:00", "Tardif")
	confirm := url.Values{"from": {"2030-09-10"}, "to": {"2030-09-11"}, "reason": {"Inventaire"}, "choice": {"cancel"}}
	p.Doc.Find("#span-confirm input[name=seen]").Each(func(_ int, s *goquery.Selection) { confirm.Add("seen", s.AttrOr("value", "")) })
	again := f.owner.Post("/app/closures", confirm)
	require.Equal(t, 409, again.Status, "a visit the salon has not seen is never cancelled")
	require.Equal(t, 3, again.Doc.Find("#span-visits li").Length())
	require.Equal(t, agenda.StatusBooked, f.status(t, late))

	confirm.Del("seen")
	again.Doc.Find("#span-confirm input[name=seen]").Each(func(_ int, s *goquery.Selection) { confirm.Add("seen", s.AttrOr("value", "")) })
	done := f.owner.Post("/app/closures", confirm)
	require.Equal(t, 303, done.Status)
	require.Contains(t, f.owner.Follow(done).Text(".alert.ok"), "chaque client a reçu un message")
	for _, panel := range []string{moreau, durand, late} {
		require.Equal(t, agenda.StatusCancelled, f.status(t, panel))
	}
	require.Equal(t, agenda.StatusBooked, f.status(t, after))
	closures, err = f.env.Srv.Salons.Closures(t.Context(), f.salon.ID, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	require.Len(t, closures, 1)
	kinds := outboxKinds(t, f)[sent+2:] // Tardif's confirmation first
	require.Equal(t, 3, strings.Count(strings.Join(kinds, " "), "cancellation/sms"), "each client is told: %v", kinds)

	twice := f.owner.Post("/app/closures", confirm)
	require.Equal(t, 303, twice.Status, "the confirmation sent twice")
	closures, err = f.env.Srv.Salons.Closures(t.Context(), f.salon.ID, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	require.Len(t, closures, 1, "recorded once")
	require.Equal(t, kinds, outboxKinds(t, f)[sent+2:], "nobody is told twice")
}

func TestAnAbsenceOverAVisitCanBeSavedToMoveItByHand(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	visit := f.bookPanel(t, "2030-09-10", "14:30", "Moreau")
	page := "/app/staff/" + f.staff
	p := f.owner.Post(page+"/absences", url.Values{"from": {"2030-09-09"}, "to": {"2030-09-13"}, "reason": {"Formation"}})
	require.Equal(t, 409, p.Status)
	require.Contains(t, p.Text("h1"), "l'absence de Nora")
	require.Equal(t, 1, p.Doc.Find("#span-visits li").Length())

	keep := url.Values{"from": {"2030-09-09"}, "to": {"2030-09-13"}, "reason": {"Formation"}, "choice": {"keep"},
		"seen": {strings.TrimPrefix(visit, "/app/appointments/")}}
	done := f.owner.Post(page+"/absences", keep)
	require.Equal(t, 303, done.Status)
	require.Contains(t, f.owner.Follow(done).Text(".alert.ok"), "Pensez à déplacer")
	require.Equal(t, agenda.StatusBooked, f.status(t, visit), "kept, to be moved")
	require.Contains(t, f.owner.Get(page).Text("#absences"), "Formation")

	moved := f.form("2030-09-16", "14:30", "Moreau")
	require.Equal(t, 303, f.owner.Post(visit, moved).Status, "moved out of the absence")
}

func TestAnAbsenceWithoutVisitsIsSavedAtOnce(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	f.bookPanel(t, "2030-09-10", "14:30", "Moreau")
	p := f.owner.Post("/app/staff/"+f.staff+"/absences", url.Values{"from": {"2030-09-11"}, "reason": {"Congé"}})
	require.Equal(t, 303, p.Status)
	sal, err := f.env.Srv.Salons.Get(t.Context(), f.salon.ID)
	require.NoError(t, err)
	_, err = f.env.Srv.Agenda.AddClosure(t.Context(), sal, salon.DateSpanInput{From: time.Date(2030, time.September, 12, 0, 0, 0, 0, time.UTC)}, agenda.SpanChoice{})
	require.NoError(t, err, "a closure over no visit needs no choice")
}
