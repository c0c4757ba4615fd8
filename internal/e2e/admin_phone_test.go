package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// On a phone the operator reads the business page and a salon's figures
// without scrolling sideways, and a support session's banner keeps its way
// out on screen: one tap ends it and comes back to the salon's admin page.
func TestOnAPhoneTheOperatorReadsTheBusinessAndEndsAViewAsTheOwner(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Un Nom Assez Long Pour Tenir Sur Deux Lignes")
	email := env.NewAdmin()
	ctx := testkit.Browser(t, testkit.PhoneWidth, testkit.PhoneHeight)
	testkit.Step(t, ctx,
		chromedp.Navigate(env.URL+"/login?lang=fr"),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), testkit.Password),
		chromedp.Click(chromedp.CSS("form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#code")),
		chromedp.SendKeys(chromedp.CSS("#code"), env.RecoveryCode(email)),
		chromedp.Click(chromedp.CSS("form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#salon-results")),
		chromedp.Navigate(env.URL+"/admin/business"),
		chromedp.WaitVisible(chromedp.CSS("#monthly-fees svg")),
	)
	testkit.Screenshot(t, ctx, "admin-business-phone")
	require.Zero(t, pageOverflow(t, ctx), "the business page at 390 px")
	require.Empty(t, unreachable(t, ctx, ".app-nav a"), "the admin's menu")

	testkit.Step(t, ctx,
		chromedp.Navigate(env.URL+"/admin/salons/"+s.ID.String()),
		chromedp.WaitVisible(chromedp.CSS("#salon-figures")),
	)
	require.Zero(t, pageOverflow(t, ctx), "the salon's figures at 390 px")
	testkit.Step(t, ctx,
		chromedp.Click(chromedp.CSS(`form[action$="/view-as"] button`)),
		chromedp.WaitVisible(chromedp.CSS("#view-as")),
	)
	testkit.Screenshot(t, ctx, "admin-view-as-phone")
	require.Zero(t, pageOverflow(t, ctx), "the home of a salon not yet set up, « personne ne peut encore y réserver » included")
	right := testkit.Read(t, ctx, chromedp.Evaluate[int](`Math.ceil(document.querySelector('#view-as').getBoundingClientRect().right)`))
	require.LessOrEqual(t, right, testkit.PhoneWidth, "the banner fits the phone")
	require.Empty(t, unreachable(t, ctx, "#view-as button"), "the way out of the support session")
	testkit.Step(t, ctx,
		chromedp.Click(chromedp.CSS("#view-as button")),
		chromedp.WaitVisible(chromedp.CSS("#salon-figures")),
	)
	require.Zero(t, count(t, ctx, "#view-as"))
}
