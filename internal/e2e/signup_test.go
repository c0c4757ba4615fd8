package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestOwnerSignsUpLandsOnAppLogsOutAndLogsBackIn(t *testing.T) {
	env := testkit.NewEnv(t)
	ctx := testkit.Browser(t, testkit.PhoneWidth, testkit.PhoneHeight)
	email := "lea-" + strings.ToLower(t.Name()[4:10]) + "@example.com"

	testkit.Step(t, ctx,
		chromedp.Navigate(env.URL+"/signup?lang=fr"),
		chromedp.WaitVisible(chromedp.CSS("#salon_name")),
		chromedp.SendKeys(chromedp.CSS("#salon_name"), "Institut Léa"),
		chromedp.SendKeys(chromedp.CSS("#slug"), "admin"),
	)
	// The slug is checked as the owner types (htmx, no page load).
	require.True(t, testkit.Read(t, ctx, chromedp.Poll[bool](`document.querySelector('#slug-msg').textContent.includes('réservée')`)))
	testkit.Screenshot(t, ctx, "signup-phone")
	testkit.Step(t, ctx,
		chromedp.Clear(chromedp.CSS("#slug")),
		chromedp.SendKeys(chromedp.CSS("#slug"), "institut-lea-e2e"),
		chromedp.SendKeys(chromedp.CSS("#owner_name"), "Léa Dupont"),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), "un-mot-de-passe-solide"),
		chromedp.Click(chromedp.CSS("form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".checklist")),
	)
	require.Equal(t, env.URL+"/app", testkit.Read(t, ctx, chromedp.Location()))
	require.Contains(t, testkit.Read(t, ctx, chromedp.Text(chromedp.CSS("h1"))), "Institut Léa")
	testkit.Screenshot(t, ctx, "app-home-phone")

	testkit.Step(t, ctx,
		chromedp.Click(chromedp.CSS("details.menu > summary")),
		chromedp.Click(chromedp.CSS(".menu-panel button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("form[action='/login']")),
	)
	require.Equal(t, env.URL+"/login", testkit.Read(t, ctx, chromedp.Location()))

	testkit.Step(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), "un-mot-de-passe-solide"),
		chromedp.Click(chromedp.CSS("form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".checklist")),
	)
	require.Contains(t, testkit.Read(t, ctx, chromedp.Text(chromedp.CSS("h1"))), "Institut Léa")
}
