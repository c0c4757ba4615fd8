package web_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

type agendaFixture struct {
	env     *testkit.Env
	owner   *testkit.Client
	salon   testkit.Salon
	service string
	staff   string
}

func newAgendaFixture(t *testing.T) agendaFixture {
	t.Helper()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	ctx := context.Background()
	s := env.NewSalon("Agenda Web")
	svc, err := env.Srv.Catalog.CreateService(ctx, s.ID, catalog.ServiceInput{Name: "Manucure", Duration: 45 * time.Minute, Buffer: 15 * time.Minute, PriceCents: 4200})
	require.NoError(t, err)
	staff, err := env.Srv.Team.Save(ctx, s.ID, uuid.Nil, team.MemberInput{Name: "Nora", Color: 4})
	require.NoError(t, err)
	// The visits below are booked in September 2030, within the salon's hours.
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	env.Clock.Set(time.Date(2030, 8, 1, 8, 0, 0, 0, paris))
	open := []availability.Range{availability.Hours(9, 19)}
	require.NoError(t, env.Srv.Salons.SetHours(ctx, s.ID, availability.Week{time.Monday: open, time.Tuesday: open, time.Wednesday: open, time.Thursday: open, time.Friday: open, time.Saturday: {availability.Hours(9, 17)}}))
	return agendaFixture{env: env, owner: env.Login(s.OwnerEmail), salon: s, service: svc.String(), staff: staff.String()}
}

func (f agendaFixture) form(date, at, last string) url.Values {
	return url.Values{"staff_id": {f.staff}, "date": {date}, "time": {at}, "services": {f.service},
		"customer_first_name": {"Inès"}, "customer_last_name": {last}, "customer_phone": {"06 11 22 33 44"}, "note": {"Allergie au latex"}}
}

func TestBookingFromTheAgendaShowsTheVisitInTheDayView(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	p := f.owner.Post("/app/appointments", f.form("2030-09-10", "14:30", "Moreau"))
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Equal(t, "/app/agenda?date=2030-09-10", p.Location())

	day := f.owner.Follow(p)
	require.Contains(t, day.Text(".alert.ok"), "Rendez-vous enregistré")
	block := day.Doc.Find(".agenda-grid .appt")
	require.Equal(t, 1, block.Length())
	require.Contains(t, block.Text(), "14:30–15:15")
	require.Contains(t, block.Text(), "Inès Moreau")
	require.Contains(t, block.Text(), "Manucure")
	require.Contains(t, day.Text(".agenda-grid .col-head"), "Nora")

	show := f.owner.Get(block.AttrOr("href", ""))
	require.Equal(t, 200, show.Status)
	require.Contains(t, show.Text("#appointment-panel"), "Allergie au latex")
	require.Contains(t, show.Text("#appointment-panel"), "06 11 22 33 44")
	require.Contains(t, show.Text("#appointment-panel"), "42,00")
}

func TestAnOverlappingBookingIsRefusedWithTheFormKept(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	require.Equal(t, 303, f.owner.Post("/app/appointments", f.form("2030-09-10", "10:00", "Premier")).Status)

	p := f.owner.Post("/app/appointments", f.form("2030-09-10", "10:30", "Second"))
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("time"), "déjà pris")
	require.Equal(t, "10:30", p.Value("#time"))
	require.Equal(t, "Second", p.Value("#customer_last_name"))
	require.Equal(t, "06 11 22 33 44", p.Value("#customer_phone"))
	require.Equal(t, "Allergie au latex", p.Text("#note"))
	require.Equal(t, 1, p.Doc.Find("input[name=services][checked]").Length(), "the chosen service stays ticked")

	f.owner.Header.Set("HX-Request", "true")
	frag := f.owner.Post("/app/appointments", f.form("2030-09-10", "10:50", "Troisième"))
	require.Equal(t, 422, frag.Status)
	require.NotContains(t, frag.Body, "<html", "htmx gets the panel alone")
	require.Contains(t, frag.FieldError("time"), "déjà pris")
}

func TestMovingAndCancellingFromTheAppointmentPanel(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	f.owner.Post("/app/appointments", f.form("2030-09-10", "09:00", "Un"))
	f.owner.Post("/app/appointments", f.form("2030-09-10", "11:00", "Deux"))
	day := f.owner.Get("/app/agenda?date=2030-09-10")
	first := day.Doc.Find(".appt").First().AttrOr("href", "")
	require.NotEmpty(t, first)

	move := f.form("2030-09-10", "11:30", "")
	p := f.owner.Post(first, move)
	require.Equal(t, 422, p.Status, "11:30 is inside the other visit and its buffer")
	require.Contains(t, p.FieldError("time"), "déjà pris")

	move.Set("time", "12:00")
	p = f.owner.Post(first, move)
	require.Equal(t, 303, p.Status)
	day = f.owner.Follow(p)
	require.Contains(t, day.Text(".appt"), "12:00–12:45")

	p = f.owner.Post(first+"/status", url.Values{"status": {"cancelled"}})
	require.Equal(t, 303, p.Status)
	require.Equal(t, 1, f.owner.Follow(p).Doc.Find(".appt.status-cancelled").Length())
	require.Equal(t, 303, f.owner.Post("/app/appointments", f.form("2030-09-10", "12:00", "Trois")).Status, "the cancelled slot is free")
}

func TestAgendaPanelsAndSearchAnswerHtmxWithFragments(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	f.owner.Post("/app/appointments", f.form("2030-09-10", "09:00", "Durand"))
	f.owner.Header.Set("HX-Request", "true")

	form := f.owner.Get("/app/appointments/new?date=2030-09-10&time=15:15&staff=" + f.staff)
	require.NotContains(t, form.Body, "<html")
	require.Equal(t, "15:15", form.Value("#time"))
	require.Equal(t, f.staff, form.Doc.Find("#staff_id option[selected]").AttrOr("value", ""))

	found := f.owner.Get("/app/customers/quick?q=dur")
	require.Contains(t, found.Text("label"), "Inès Durand")
	require.Contains(t, found.Text("label"), "06 11 22 33 44")
	byPhone := f.owner.Get("/app/customers/quick?q=0611")
	require.Contains(t, byPhone.Text("label"), "Inès Durand")
	require.NotContains(t, f.owner.Get("/app/customers/quick?q=zzz").Text("label"), "Durand")
}

func TestAWeekViewOfAnUnknownStaffMemberIsNotFound(t *testing.T) {
	t.Parallel()
	f := newAgendaFixture(t)
	require.Equal(t, 200, f.owner.Get("/app/agenda/week?staff="+f.staff+"&date=2030-09-10").Status)
	require.Equal(t, 404, f.owner.Get("/app/agenda/week?staff="+uuid.NewString()).Status)
}
