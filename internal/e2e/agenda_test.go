package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// TestSalonSetsUpAndBooksMovesAndIsRefusedAnOverlap walks the back office as
// a salon owner: a service, a staff member, an appointment booked by clicking
// the day view, moved, and a second one refused because it overlaps.
func TestSalonSetsUpAndBooksMovesAndIsRefusedAnOverlap(t *testing.T) {
	env := testkit.NewEnv(t)
	s := env.NewSalon("Institut Agenda")
	// The visits are booked on Tuesday 10 September 2030, within the salon's hours.
	env.Clock.Set(time.Date(2030, 8, 1, 8, 0, 0, 0, paris(t)))
	require.NoError(t, env.Srv.Salons.SetHours(t.Context(), s.ID, availability.Week{time.Tuesday: {availability.Hours(9, 19)}}))
	ctx := testkit.Browser(t, testkit.DesktopWidth, testkit.DesktopHeight)
	const day = "/app/agenda?date=2030-09-10"

	testkit.Step(t, ctx,
		chromedp.Navigate(env.URL+"/login?lang=fr"),
		chromedp.SendKeys(chromedp.CSS("#email"), s.OwnerEmail),
		chromedp.SendKeys(chromedp.CSS("#password"), testkit.Password),
		chromedp.Click(chromedp.CSS("form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".checklist")),

		chromedp.Navigate(env.URL+"/app/services/new"),
		chromedp.SendKeys(chromedp.CSS("#name"), "Soin visage"),
		chromedp.SetValue(chromedp.CSS("#duration"), "60"),
		chromedp.SetValue(chromedp.CSS("#price"), "65"),
		chromedp.Submit(chromedp.CSS("#name")),
		chromedp.WaitVisible(chromedp.CSS(".alert.ok")),

		chromedp.Navigate(env.URL+"/app/staff/new"),
		chromedp.SendKeys(chromedp.CSS("#name"), "Nora"),
		chromedp.Click(chromedp.CSS("input[name=color][value='4']")),
		chromedp.Click(chromedp.CSS("input[name=services]")),
		chromedp.Submit(chromedp.CSS("#name")),
		chromedp.WaitVisible(chromedp.CSS(".alert.ok")),

		// Click 10:00 in Nora's column: the form opens in the side panel.
		chromedp.Navigate(env.URL+day),
		chromedp.WaitVisible(chromedp.CSS(".agenda-grid")),
		chromedp.Click(chromedp.CSS(`.cell[href*="time=10:00"]`)),
		chromedp.WaitVisible(chromedp.CSS("#panel #customer_last_name")),
	)
	require.Equal(t, "10:00", testkit.Read(t, ctx, chromedp.Value(chromedp.CSS("#panel #time"))))
	testkit.Step(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#panel #customer_first_name"), "Léa"),
		chromedp.SendKeys(chromedp.CSS("#panel #customer_last_name"), "Martin"),
		chromedp.Click(chromedp.CSS("#panel input[name=services]")),
		chromedp.Click(chromedp.CSS("#panel button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".appt")),
	)
	require.Contains(t, testkit.Read(t, ctx, chromedp.Text(chromedp.CSS(".appt"))), "10:00–11:00")
	testkit.Screenshot(t, ctx, "agenda-booked")

	// Move it to 11:30 from its panel.
	testkit.Step(t, ctx,
		chromedp.Click(chromedp.CSS(".appt")),
		chromedp.WaitVisible(chromedp.CSS("#appointment-panel")),
		chromedp.Click(chromedp.CSS("#appointment-panel details > summary")),
		chromedp.SetValue(chromedp.CSS("#appointment-panel #time"), "11:30"),
		chromedp.Click(chromedp.CSS("#appointment-panel form.stack button[type=submit]")),
		chromedp.WaitNotPresent(chromedp.CSS("#appointment-panel")), // the agenda reloads after a save
		chromedp.WaitVisible(chromedp.CSS(".appt")),
	)
	require.Contains(t, testkit.Read(t, ctx, chromedp.Text(chromedp.CSS(".appt"))), "11:30–12:30")

	// A second visit typed in at 12:00 overlaps: refused in the panel, form kept.
	testkit.Step(t, ctx,
		chromedp.Click(chromedp.CSS(`.cell[href*="time=14:00"]`)),
		chromedp.WaitVisible(chromedp.CSS("#panel #customer_last_name")),
		chromedp.SetValue(chromedp.CSS("#panel #time"), "12:00"),
		chromedp.SendKeys(chromedp.CSS("#panel #customer_last_name"), "Durand"),
		chromedp.Click(chromedp.CSS("#panel input[name=services]")),
		chromedp.Click(chromedp.CSS("#panel button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#panel #time-msg")),
	)
	msg := testkit.Read(t, ctx, chromedp.Text(chromedp.CSS("#panel #time-msg")))
	require.True(t, strings.Contains(msg, "déjà pris"), msg)
	require.Equal(t, "Durand", testkit.Read(t, ctx, chromedp.Value(chromedp.CSS("#panel #customer_last_name"))))
	testkit.Screenshot(t, ctx, "agenda-refused")
	require.Equal(t, 1, len(testkit.Read(t, ctx, chromedp.Nodes(chromedp.CSS(".appt")))), "still one appointment")
}
