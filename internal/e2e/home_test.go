package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// TestTheHomePageOfASetUpSalonFitsAPhoneAndADesk opens the home page of a
// salon clients can book, on a phone and on a desk: the day at a glance and
// the public link fit the screen, the QR code shows, the link copies.
func TestTheHomePageOfASetUpSalonFitsAPhoneAndADesk(t *testing.T) {
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Accueil")
	bg := context.Background()
	require.NoError(t, env.Srv.Salons.SetHours(bg, s.ID, availability.Daily(availability.Hours(9, 19))))
	svc, err := env.Srv.Catalog.CreateService(bg, s.ID, catalog.ServiceInput{Name: "Soin éclat", Duration: 60 * time.Minute, PriceCents: 6500, OnlineBookable: true})
	require.NoError(t, err)
	_, err = env.Srv.Team.Save(bg, s.ID, uuid.Nil, team.MemberInput{Name: "Nora", Color: 3, Active: true, Services: []uuid.UUID{svc}})
	require.NoError(t, err)
	_, err = env.Srv.Customers.Create(bg, s.ID, customer.RecordInput{FirstName: "Léa", LastName: "Martin", Region: "FR", Force: true})
	require.NoError(t, err)

	for _, size := range []struct {
		name string
		w, h int64
	}{{"phone", testkit.PhoneWidth, testkit.PhoneHeight}, {"desk", testkit.DesktopWidth, testkit.DesktopHeight}} {
		t.Run(size.name, func(t *testing.T) {
			ctx := testkit.Browser(t, size.w, size.h)
			testkit.Step(t, ctx,
				chromedp.Navigate(env.URL+"/login?lang=fr"),
				chromedp.SendKeys(chromedp.CSS("#email"), s.OwnerEmail),
				chromedp.SendKeys(chromedp.CSS("#password"), testkit.Password),
				chromedp.Click(chromedp.CSS("form button[type=submit]")),
				chromedp.WaitVisible(chromedp.CSS("#today")),
				chromedp.WaitVisible(chromedp.CSS("#public-link [data-copy]")),
			)
			testkit.Screenshot(t, ctx, "home-"+size.name)
			require.True(t, testkit.Read(t, ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth <= window.innerWidth`)),
				"nothing sticks out sideways")
			require.Greater(t, testkit.Read(t, ctx, chromedp.Evaluate[int](`document.querySelector("#public-link img.qr").naturalWidth`)), 0,
				"the QR code loads")
			testkit.Step(t, ctx, chromedp.Click(chromedp.CSS("#public-link [data-copy]")))
			require.Equal(t, "Lien copié", testkit.Read(t, ctx, chromedp.Text(chromedp.CSS("#public-link [data-copy]"))))

			testkit.Step(t, ctx,
				chromedp.Click(chromedp.CSS(`#public-link a[href="/app/public-link"]`)),
				chromedp.WaitVisible(chromedp.CSS(".poster img")),
			)
			testkit.Screenshot(t, ctx, "poster-"+size.name)
			require.True(t, testkit.Read(t, ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth <= window.innerWidth`)))
		})
	}
}
