package e2e

import (
	"context"
	"net/url"
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

// TestTheOwnersBookingEmailAndTheFeedFitAPhone books online, then reads the
// email the owner gets and the home page's feed on a 390 px phone: nothing
// sticks out sideways and the button to the visit is on screen.
func TestTheOwnersBookingEmailAndTheFeedFitAPhone(t *testing.T) {
	env := testkit.NewEnv(t)
	s := env.NewSalon("Institut des Nouvelles du Matin")
	bg := context.Background()
	week := availability.Daily(availability.Hours(9, 19))
	require.NoError(t, env.Srv.Salons.SetHours(bg, s.ID, week))
	svc, err := env.Srv.Catalog.CreateService(bg, s.ID, catalog.ServiceInput{Name: "Soin éclat lumière intense", Duration: 60 * time.Minute, PriceCents: 6500, OnlineBookable: true})
	require.NoError(t, err)
	_, err = env.Srv.Team.Save(bg, s.ID, uuid.Nil, team.MemberInput{Name: "Nora", Color: 3, Active: true, Services: []uuid.UUID{svc}})
	require.NoError(t, err)

	sal, err := env.Srv.Salons.Get(bg, s.ID)
	require.NoError(t, err)
	day := env.Clock.Now().In(sal.Location()).AddDate(0, 0, 2)
	start := time.Date(day.Year(), day.Month(), day.Day(), 11, 0, 0, 0, sal.Location()).Format(time.RFC3339)
	c := env.NewClient()
	path := "/b/" + s.Slug + "/s/" + svc.String() + "/book"
	details := c.Get(path + "?start=" + url.QueryEscape(start))
	require.Equal(t, 200, details.Status)
	p := c.Post(path, url.Values{"start": {start}, "first_name": {"Léa-Marie"}, "last_name": {"Martin-Delacroix"},
		"email": {"lea-" + s.Slug + "@example.com"}, "phone": {"06 12 34 56 78"}, "accept_terms": {"1"},
		"policy_hash": {details.Value("input[name=policy_hash]")}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))

	m := env.Mail.WaitSubject(t, s.OwnerEmail, "Nouvelle réservation")
	ctx := testkit.Browser(t, testkit.PhoneWidth, testkit.PhoneHeight)
	testkit.Step(t, ctx, chromedp.Navigate("data:text/html;charset=utf-8,"+url.PathEscape(m.HTML)),
		chromedp.WaitVisible(chromedp.CSS("a[href*='/app/appointments/']")))
	testkit.Screenshot(t, ctx, "owner-booking-email-phone")
	require.True(t, testkit.Read(t, ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth <= window.innerWidth`)),
		"the email does not stick out sideways")
	require.True(t, testkit.Read(t, ctx, chromedp.Evaluate[bool](
		`document.querySelector("a[href*='/app/appointments/']").getBoundingClientRect().right <= window.innerWidth`)),
		"the button to the visit is on screen")

	testkit.Step(t, ctx,
		chromedp.Navigate(env.URL+"/login?lang=fr"),
		chromedp.SendKeys(chromedp.CSS("#email"), s.OwnerEmail),
		chromedp.SendKeys(chromedp.CSS("#password"), testkit.Password),
		chromedp.Click(chromedp.CSS("form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".activity-feed li.event-booked")),
	)
	testkit.Screenshot(t, ctx, "home-feed-phone")
	require.True(t, testkit.Read(t, ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth <= window.innerWidth`)),
		"the feed fits the phone")
	require.Contains(t, testkit.Read(t, ctx, chromedp.Text(chromedp.CSS(".activity-feed li.event-booked"))),
		"Léa-Marie Martin-Delacroix a réservé en ligne Soin éclat lumière intense")
}
