package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

func paris(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	return loc
}

// TestAVisitOutsideTheHoursOrInThePastAsksBeforeItIsBooked types visits the
// salon's time does not allow into the agenda form, on a phone and on a
// desktop: the refusal sits beside the field, and only then does the form
// offer the box that books it anyway.
func TestAVisitOutsideTheHoursOrInThePastAsksBeforeItIsBooked(t *testing.T) {
	for _, size := range []struct {
		name string
		w, h int64
	}{{"phone", testkit.PhoneWidth, testkit.PhoneHeight}, {"desktop", testkit.DesktopWidth, testkit.DesktopHeight}} {
		t.Run(size.name, func(t *testing.T) {
			env := testkit.NewEnv(t)
			s := env.NewSalon("Institut Horaires")
			svc, err := env.Srv.Catalog.CreateService(t.Context(), s.ID, catalog.ServiceInput{Name: "Soin visage", Duration: 60 * time.Minute, PriceCents: 6500})
			require.NoError(t, err)
			_, err = env.Srv.Team.Save(t.Context(), s.ID, uuid.Nil, team.MemberInput{Name: "Nora", Color: 3, Services: []uuid.UUID{svc}})
			require.NoError(t, err)
			// Today is Thursday 1 August 2030; the salon opens on Tuesdays, 09:00–19:00.
			env.Clock.Set(time.Date(2030, 8, 1, 8, 0, 0, 0, paris(t)))
			require.NoError(t, env.Srv.Salons.SetHours(t.Context(), s.ID, availability.Week{time.Tuesday: {availability.Hours(9, 19)}}))

			ctx := testkit.Browser(t, size.w, size.h)
			testkit.Step(t, ctx,
				chromedp.Navigate(env.URL+"/login?lang=fr"),
				chromedp.SendKeys(chromedp.CSS("#email"), s.OwnerEmail),
				chromedp.SendKeys(chromedp.CSS("#password"), testkit.Password),
				chromedp.Click(chromedp.CSS("form button[type=submit]")),
				chromedp.WaitVisible(chromedp.CSS(".checklist")),

				// 18:30 for an hour runs past closing time.
				chromedp.Navigate(env.URL+"/app/appointments/new?date=2030-09-10&time=18:30"),
				chromedp.WaitVisible(chromedp.CSS("#panel #customer_last_name")),
				chromedp.SendKeys(chromedp.CSS("#panel #customer_last_name"), "Tardive"),
				chromedp.Click(chromedp.CSS("#panel input[name=services]")),
				chromedp.Click(chromedp.CSS("#panel form.stack button[type=submit]")),
				chromedp.WaitVisible(chromedp.CSS("#panel #time-msg")),
			)
			msg := testkit.Read(t, ctx, chromedp.Text(chromedp.CSS("#panel #time-msg")))
			require.True(t, strings.Contains(msg, "en dehors des horaires"), msg)
			require.Equal(t, "Tardive", testkit.Read(t, ctx, chromedp.Value(chromedp.CSS("#panel #customer_last_name"))), "the form comes back filled")
			label := testkit.Read(t, ctx, chromedp.Text(chromedp.CSS("#panel label[for=outside_hours]")))
			require.Contains(t, label, "En dehors des horaires")
			require.Empty(t, testkit.Read(t, ctx, chromedp.Nodes(chromedp.CSS("#panel #outside_hours:checked"), chromedp.AtLeast(0))), "not ticked for the user")
			testkit.Screenshot(t, ctx, "agenda-outside-hours-"+size.name)

			testkit.Step(t, ctx,
				chromedp.Click(chromedp.CSS("#panel #outside_hours")),
				chromedp.Click(chromedp.CSS("#panel form.stack button[type=submit]")),
				chromedp.WaitVisible(chromedp.CSS(".appt")),
			)
			require.Contains(t, testkit.Read(t, ctx, chromedp.Text(chromedp.CSS(".appt"))), "18:30–19:30")

			// A visit typed in after the fact: last Tuesday, 10:00.
			testkit.Step(t, ctx,
				chromedp.Navigate(env.URL+"/app/appointments/new?date=2030-07-30&time=10:00"),
				chromedp.WaitVisible(chromedp.CSS("#panel #customer_last_name")),
				chromedp.SendKeys(chromedp.CSS("#panel #customer_last_name"), "Passée"),
				chromedp.Click(chromedp.CSS("#panel input[name=services]")),
				chromedp.Click(chromedp.CSS("#panel form.stack button[type=submit]")),
				chromedp.WaitVisible(chromedp.CSS("#panel #date-msg")),
			)
			msg = testkit.Read(t, ctx, chromedp.Text(chromedp.CSS("#panel #date-msg")))
			require.True(t, strings.Contains(msg, "déjà passée"), msg)
			require.Empty(t, testkit.Read(t, ctx, chromedp.Nodes(chromedp.CSS("#panel #outside_hours"), chromedp.AtLeast(0))),
				"within the hours: only the past is asked")
			testkit.Screenshot(t, ctx, "agenda-past-"+size.name)
			testkit.Step(t, ctx,
				chromedp.Click(chromedp.CSS("#panel #past")),
				chromedp.Click(chromedp.CSS("#panel form.stack button[type=submit]")),
				chromedp.WaitVisible(chromedp.CSS(".appt")),
			)
			require.Contains(t, testkit.Read(t, ctx, chromedp.Text(chromedp.CSS(".appt"))), "10:00–11:00")
			require.Equal(t, fmt.Sprint(1), fmt.Sprint(len(testkit.Read(t, ctx, chromedp.Nodes(chromedp.CSS(".appt"))))))
		})
	}
}

// TestAClosureOverVisitsShowsThemBeforeSaving adds a closure from the
// settings page over a booked visit, on a phone and on a desktop: the visit
// is listed first, then cancelled with its client told.
func TestAClosureOverVisitsShowsThemBeforeSaving(t *testing.T) {
	for _, size := range []struct {
		name string
		w, h int64
	}{{"phone", testkit.PhoneWidth, testkit.PhoneHeight}, {"desktop", testkit.DesktopWidth, testkit.DesktopHeight}} {
		t.Run(size.name, func(t *testing.T) {
			env := testkit.NewEnv(t)
			s := env.NewSalon("Institut Fermeture")
			svc, err := env.Srv.Catalog.CreateService(t.Context(), s.ID, catalog.ServiceInput{Name: "Soin visage", Duration: 60 * time.Minute, PriceCents: 6500})
			require.NoError(t, err)
			nora, err := env.Srv.Team.Save(t.Context(), s.ID, uuid.Nil, team.MemberInput{Name: "Nora", Color: 3, Services: []uuid.UUID{svc}})
			require.NoError(t, err)
			env.Clock.Set(time.Date(2030, 8, 1, 8, 0, 0, 0, paris(t)))
			require.NoError(t, env.Srv.Salons.SetHours(t.Context(), s.ID, availability.Week{time.Tuesday: {availability.Hours(9, 19)}}))
			sal, err := env.Srv.Salons.Get(t.Context(), s.ID)
			require.NoError(t, err)
			visit, err := env.Srv.Agenda.Create(t.Context(), sal, s.OwnerID, agenda.Input{StaffID: nora,
				Start: time.Date(2030, 9, 10, 14, 30, 0, 0, sal.Location()), ServiceIDs: []uuid.UUID{svc}, Customer: customer.QuickInput{FirstName: "Léa", LastName: "Martin", Phone: "06 12 34 56 78"}})
			require.NoError(t, err)

			ctx := testkit.Browser(t, size.w, size.h)
			testkit.Step(t, ctx,
				chromedp.Navigate(env.URL+"/login?lang=fr"),
				chromedp.SendKeys(chromedp.CSS("#email"), s.OwnerEmail),
				chromedp.SendKeys(chromedp.CSS("#password"), testkit.Password),
				chromedp.Click(chromedp.CSS("form button[type=submit]")),
				chromedp.WaitVisible(chromedp.CSS(".checklist")),
				chromedp.Navigate(env.URL+"/app/settings#closures"),
				chromedp.WaitVisible(chromedp.CSS("#closures #from")),
				chromedp.SetValue(chromedp.CSS("#closures #from"), "2030-09-10"),
				chromedp.SendKeys(chromedp.CSS("#closures #reason"), "Inventaire"),
				chromedp.Submit(chromedp.CSS("#closures #reason")),
				chromedp.WaitVisible(chromedp.CSS("#span-visits")),
			)
			listed := testkit.Read(t, ctx, chromedp.Text(chromedp.CSS("#span-visits")))
			require.Contains(t, listed, "Léa Martin")
			require.Contains(t, listed, "14:30–15:30")
			testkit.Screenshot(t, ctx, "closure-visits-"+size.name)
			testkit.Step(t, ctx,
				chromedp.Click(chromedp.CSS(`#span-confirm button[value=cancel]`)),
				chromedp.WaitVisible(chromedp.CSS(".alert.ok")),
			)
			require.Contains(t, testkit.Read(t, ctx, chromedp.Text(chromedp.CSS("#closures"))), "Inventaire")
			a, err := env.Srv.Agenda.Get(t.Context(), sal, visit)
			require.NoError(t, err)
			require.Equal(t, agenda.StatusCancelled, a.Status)
		})
	}
}
