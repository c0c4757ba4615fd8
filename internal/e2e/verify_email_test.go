package e2e

import (
	"encoding/base64"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// On a phone, the verification and welcome emails fit the screen: nothing
// scrolls sideways, every link is on screen and the button is big enough
// to tap. The
// link confirms the address from the phone's browser, without a session.
func TestSignupEmailsReadOnAPhoneAndTheLinkConfirmsTheAddress(t *testing.T) {
	env := testkit.NewEnv(t)
	email := "phone-" + strings.ToLower(t.Name()[4:12]) + "@example.com"
	p := env.NewClient().Post("/signup", url.Values{"salon_name": {"Institut au nom un peu long pour un petit écran"},
		"slug": {"phone-verif"}, "owner_name": {"Léa Dupont"}, "email": {email}, "password": {"un-mot-de-passe-solide"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	verify := env.Mail.WaitSubject(t, email, "Confirmez votre adresse")
	welcome := env.Mail.WaitSubject(t, email, "Bienvenue sur Carnet")

	ctx := testkit.Browser(t, testkit.PhoneWidth, testkit.PhoneHeight)
	// The welcome comes last: the checks after the loop read its page.
	for _, e := range []struct {
		name string
		m    testkit.Mail
	}{{"verify", verify}, {"welcome", welcome}} {
		name, m := e.name, e.m
		testkit.Step(t, ctx,
			chromedp.Navigate("data:text/html;charset=utf-8;base64,"+base64.StdEncoding.EncodeToString([]byte(m.HTML))),
			chromedp.WaitVisible(chromedp.CSS("a")),
		)
		testkit.Screenshot(t, ctx, "email-"+name+"-phone")
		wide := testkit.Read(t, ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > innerWidth`))
		require.False(t, wide, "%s email scrolls sideways at 390 px", name)
		bad := testkit.Read(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('a')].filter(a => {
		  const r = a.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth || r.height < 1; }).map(a => a.textContent)`))
		require.Empty(t, bad, "%s email: links off screen", name)
		if name == "verify" {
			h := testkit.Read(t, ctx, chromedp.Evaluate[float64](`[...document.querySelectorAll('a')].find(a => a.textContent.includes('Confirmer')).getBoundingClientRect().height`))
			require.GreaterOrEqual(t, h, 40.0, "the button is a thumb's size")
		}
	}
	steps := testkit.Read(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('ol li a').length`))
	require.Equal(t, 3, steps, "the welcome's three steps are links")

	testkit.Step(t, ctx,
		chromedp.Navigate(verify.Link(t, "/verify/")),
		chromedp.WaitVisible(chromedp.CSS("#verify-form button")),
		chromedp.Click(chromedp.CSS("#verify-form button")),
		chromedp.WaitVisible(chromedp.CSS("#email")), // the login page: this browser has no session
	)
	sal, err := env.Srv.Salons.BySlug(t.Context(), "phone-verif")
	require.NoError(t, err)
	ok, err := env.Srv.Accounts.SalonVerified(t.Context(), sal.ID)
	require.NoError(t, err)
	require.True(t, ok)
}
