package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// TestStaffCreatesAClientWritesASheetBooksThemAndSeesItAllOnTheRecord walks
// the client record on a phone, as staff use it between two clients: a new
// client, a technical sheet, a visit booked from the record, and the record
// then showing the visit and the confirmation the client was sent.
func TestStaffCreatesAClientWritesASheetBooksThemAndSeesItAllOnTheRecord(t *testing.T) {
	env := testkit.NewEnv(t)
	s := env.NewSalon("Institut Fiche")
	bg := context.Background()
	svc, err := env.Srv.Catalog.CreateService(bg, s.ID, catalog.ServiceInput{Name: "Couleur", Duration: 60 * time.Minute, PriceCents: 6500})
	require.NoError(t, err)
	_, err = env.Srv.Team.Save(bg, s.ID, uuid.Nil, team.MemberInput{Name: "Nora", Color: 3, Services: []uuid.UUID{svc}})
	require.NoError(t, err)
	// The visit below is booked on Tuesday 10 September 2030, within the salon's hours.
	env.Clock.Set(time.Date(2030, 8, 1, 8, 0, 0, 0, paris(t)))
	open := []availability.Range{availability.Hours(9, 19)}
	require.NoError(t, env.Srv.Salons.SetHours(bg, s.ID, availability.Week{time.Tuesday: open, time.Wednesday: open, time.Thursday: open}))

	phone := testkit.Browser(t, testkit.PhoneWidth, testkit.PhoneHeight)
	testkit.Step(t, phone,
		chromedp.Navigate(env.URL+"/login?lang=fr"),
		chromedp.SendKeys(chromedp.CSS("#email"), s.OwnerEmail),
		chromedp.SendKeys(chromedp.CSS("#password"), testkit.Password),
		chromedp.Click(chromedp.CSS("form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".checklist")),

		chromedp.Navigate(env.URL+"/app/clients/new"),
		chromedp.SendKeys(chromedp.CSS("#first_name"), "Léa"),
		chromedp.SendKeys(chromedp.CSS("#last_name"), "Martin"),
		chromedp.SendKeys(chromedp.CSS("#phone"), "06 12 34 56 78"),
		chromedp.SendKeys(chromedp.CSS("#email"), "lea.fiche@example.com"),
		chromedp.Submit(chromedp.CSS("#first_name")),
		chromedp.WaitVisible(chromedp.CSS("#identity-title")),
	)
	require.Equal(t, "Léa Martin", testkit.Read(t, phone, chromedp.Text(chromedp.CSS("h1"))))
	require.Contains(t, testkit.Read(t, phone, chromedp.Text(chromedp.CSS("dl.facts"))), "06 12 34 56 78", "the phone is shown the French way")

	// A technical sheet from the record.
	testkit.Step(t, phone,
		chromedp.Click(chromedp.CSS(`a[href$="/sheets/new"]`)),
		chromedp.WaitVisible(chromedp.CSS("#products")),
		chromedp.SendKeys(chromedp.CSS("#title"), "Couleur"),
		chromedp.SendKeys(chromedp.CSS("#products"), "Teinte 6.3, oxydant 20 vol."),
		chromedp.SendKeys(chromedp.CSS("#reactions"), "Légère rougeur"),
		chromedp.Submit(chromedp.CSS("#products")),
		chromedp.WaitVisible(chromedp.CSS(".sheet")),
	)
	require.Contains(t, testkit.Read(t, phone, chromedp.Text(chromedp.CSS(".sheet"))), "Teinte 6.3")

	// Book her from the record: the agenda form opens with her chosen.
	testkit.Step(t, phone,
		chromedp.Click(chromedp.CSS(`a[href*="/app/appointments/new?customer="]`)),
		chromedp.WaitVisible(chromedp.CSS("#time")),
	)
	require.Contains(t, testkit.Read(t, phone, chromedp.Text(chromedp.CSS("#customer-results"))), "Léa Martin")
	testkit.Step(t, phone,
		chromedp.SetValue(chromedp.CSS("#date"), "2030-09-10"),
		chromedp.SetValue(chromedp.CSS("#time"), "10:00"),
		chromedp.Click(chromedp.CSS("input[name=services]")),
		chromedp.Click(chromedp.CSS("#panel form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".appt")),
	)

	// Back on the record: the coming visit, and the confirmation she was sent.
	testkit.Step(t, phone,
		chromedp.Navigate(env.URL+"/app/clients"),
		chromedp.Click(chromedp.CSS(`td a[href^="/app/clients/"]`)),
		chromedp.WaitVisible(chromedp.CSS("#identity-title")),
	)
	visits := testkit.Read(t, phone, chromedp.Text(chromedp.CSS("#visits")))
	require.Contains(t, visits, "Couleur")
	require.Contains(t, visits, "10:00")
	env.Mail.Wait(t, "lea.fiche@example.com", 1)
	testkit.Step(t, phone,
		chromedp.Reload(),
		chromedp.WaitVisible(chromedp.CSS("#messages")),
	)
	history := testkit.Read(t, phone, chromedp.Text(chromedp.CSS("#messages")))
	require.True(t, strings.Contains(history, "confirm"), "the confirmation is in the record's message history: %s", history)
	testkit.Screenshot(t, phone, "client-record-phone")
}
