package web_test

import (
	"net/url"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// fixtureLink is the onboarding URL stripe-mock answers for every account link.
func fixtureLink(t *testing.T, env *testkit.Env) string {
	t.Helper()
	link, err := env.Srv.Stripe.OnboardingLink(t.Context(), "acct_fixture", "https://r.example", "https://ret.example")
	require.NoError(t, err)
	return link
}

// accountsOpenedFor returns the accounts Carnet asked Stripe to open for a
// salon, whatever else the recorder holds.
func accountsOpenedFor(env *testkit.Env, salonID uuid.UUID) []testkit.StripeCall {
	var out []testkit.StripeCall
	for _, c := range env.Stripe.Calls("/v1/accounts") {
		if c.Form.Get("metadata[salon_id]") == salonID.String() {
			out = append(out, c)
		}
	}
	return out
}

// linksFor returns the account links Carnet asked for an account.
func linksFor(env *testkit.Env, account string) []testkit.StripeCall {
	var out []testkit.StripeCall
	for _, c := range env.Stripe.Calls("/v1/account_links") {
		if c.Form.Get("account") == account {
			out = append(out, c)
		}
	}
	return out
}

func TestConnectingStripeOpensOneExpressAccountAndSendsTheOwnerToItsOnboarding(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{Stripe: true, NoWorkers: true})
	s := env.NewSalon("Institut Connecté")
	owner := env.Login(s.OwnerEmail)

	page := owner.Get("/app/stripe")
	require.Equal(t, 200, page.Status)
	require.Contains(t, page.Text("#stripe-state"), "Non connecté")
	require.Contains(t, page.Text("#stripe-connect button"), "Connecter mon compte Stripe")
	require.Contains(t, page.Text("#stripe-what"), "directement sur le compte Stripe du salon")
	require.Contains(t, page.Text("#stripe-fee"), "aucun frais", "the platform takes nothing by default")

	p := owner.Post("/app/stripe/connect", nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Equal(t, fixtureLink(t, env), p.Location(), "the owner goes to the link Stripe made")

	accounts := accountsOpenedFor(env, s.ID)
	require.Len(t, accounts, 1)
	acct := accounts[0]
	require.Equal(t, "POST", acct.Method)
	require.Equal(t, "express", acct.Form.Get("type"))
	require.Equal(t, "FR", acct.Form.Get("country"), "a salon in Europe/Paris")
	require.Equal(t, s.OwnerEmail, acct.Form.Get("email"))
	require.Equal(t, "true", acct.Form.Get("capabilities[card_payments][requested]"))
	require.Equal(t, "account-"+s.ID.String(), acct.IdempotencyKey, "two clicks at once get one account")
	require.Empty(t, acct.Account, "the account is opened by the platform, not on a connected account")

	st, err := env.Srv.Payments.Status(t.Context(), s.ID)
	require.NoError(t, err)
	require.NotEmpty(t, st.AccountID)
	require.False(t, st.CanCharge())

	links := linksFor(env, st.AccountID)
	require.Len(t, links, 1)
	require.Equal(t, "account_onboarding", links[0].Form.Get("type"))
	require.Equal(t, env.URL+"/app/stripe/return", links[0].Form.Get("return_url"))
	require.Equal(t, env.URL+"/app/stripe/refresh", links[0].Form.Get("refresh_url"))

	// A second click (and htmx's) resumes with the same account.
	owner.Header.Set("HX-Request", "true")
	p = owner.Post("/app/stripe/connect", nil)
	require.Equal(t, 200, p.Status)
	require.Equal(t, fixtureLink(t, env), p.Header.Get("HX-Redirect"))
	owner.Header.Del("HX-Request")
	require.Len(t, accountsOpenedFor(env, s.ID), 1, "no second account")
	require.Len(t, linksFor(env, st.AccountID), 2)

	page = owner.Get("/app/stripe")
	require.Contains(t, page.Text("#stripe-state"), "Configuration à terminer")
	require.Contains(t, page.Text("#stripe-connect button"), "Reprendre la configuration")
	require.Contains(t, page.Text("#stripe-status"), st.AccountID)

	// Stripe's expired link sends the owner to refresh: a new link, same account.
	p = owner.Get("/app/stripe/refresh")
	require.Equal(t, 303, p.Status)
	require.Equal(t, fixtureLink(t, env), p.Location())
	require.Len(t, accountsOpenedFor(env, s.ID), 1)
}

func TestReturningFromStripeReadsTheAccountAtOnce(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{Stripe: true, NoWorkers: true})
	s := env.NewSalon("Institut Retour")
	owner := env.Login(s.OwnerEmail)
	require.Equal(t, 303, owner.Post("/app/stripe/connect", nil).Status)
	st, err := env.Srv.Payments.Status(t.Context(), s.ID)
	require.NoError(t, err)

	// Say a webhook marked the account ready…
	require.NoError(t, env.Srv.Payments.SyncAccount(t.Context(), st.AccountID,
		payment.AccountState{ChargesEnabled: true, PayoutsEnabled: true, DetailsSubmitted: true}))
	page := owner.Get("/app/stripe")
	require.Contains(t, page.Text("#stripe-state"), "Prêt")
	require.Equal(t, 0, page.Doc.Find("#stripe-connect").Length(), "nothing left to set up")
	home := owner.Get("/app")
	require.Equal(t, 1, home.Doc.Find("#step-stripe.done").Length())

	// …the return from onboarding reads the account from Stripe, whose
	// answer (stripe-mock's fixture) is "charges not enabled": that wins.
	p := owner.Get("/app/stripe/return")
	require.Equal(t, 303, p.Status)
	require.Equal(t, "/app/stripe", p.Location())
	reads := env.Stripe.Calls("/v1/accounts/" + st.AccountID)
	require.Len(t, reads, 1)
	require.Equal(t, "GET", reads[0].Method)
	page = owner.Follow(p)
	require.Contains(t, page.Text(".alert.ok"), "Stripe a bien reçu vos informations")
	require.Contains(t, page.Text("#stripe-state"), "Configuration à terminer")
	require.Equal(t, "Pas encore", page.Text("#stripe-charges"))
	home = owner.Get("/app")
	require.Equal(t, 0, home.Doc.Find("#step-stripe.done").Length())
	require.Equal(t, "/app/stripe", home.Doc.Find("#step-stripe a").AttrOr("href", ""))
}

func TestStaffSeeTheStripePageButCannotConnect(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{Stripe: true})
	s := env.NewSalon("Institut Équipe")
	owner := env.Login(s.OwnerEmail)
	email := "zoe-" + s.Slug + "@example.com"
	owner.Post("/app/team/invitations", url.Values{"email": {email}, "role": {"staff"}})
	link, err := url.Parse(env.Mail.Wait(t, email, 1).Link(t, "/invite/"))
	require.NoError(t, err)
	zoe := env.NewClient()
	require.Equal(t, 303, zoe.Post(link.Path, url.Values{"name": {"Zoé"}, "password": {"le-secret-de-zoe"}}).Status)

	page := zoe.Get("/app/stripe")
	require.Equal(t, 200, page.Status)
	require.Contains(t, page.Text(".alert.warn"), "seuls les propriétaires et responsables")
	require.Equal(t, 0, page.Doc.Find("#stripe-connect").Length())
	require.Equal(t, 403, zoe.Post("/app/stripe/connect", nil).Status)
	require.Equal(t, 403, zoe.Get("/app/stripe/refresh").Status)
	require.Empty(t, accountsOpenedFor(env, s.ID))
	st, err := env.Srv.Payments.Status(t.Context(), s.ID)
	require.NoError(t, err)
	require.Empty(t, st.AccountID)
}

func TestWithoutAStripeKeyOnlinePaymentIsUnavailable(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Hors Ligne")
	owner := env.Login(s.OwnerEmail)

	page := owner.Get("/app/stripe")
	require.Equal(t, 200, page.Status)
	require.Contains(t, page.Text("#stripe-unavailable"), "n'est pas disponible sur cette installation")
	require.Equal(t, 0, page.Doc.Find("#stripe-connect").Length())
	require.Equal(t, 0, page.Doc.Find("form[action='/app/stripe/connect']").Length())

	p := owner.Post("/app/stripe/connect", nil)
	require.Equal(t, 409, p.Status)
	require.Contains(t, p.Text(".alert, main"), "n'est pas disponible")
	require.Equal(t, 303, owner.Get("/app/stripe/return").Status, "nothing to read, back to the page")
	st, err := env.Srv.Payments.Status(t.Context(), s.ID)
	require.NoError(t, err)
	require.False(t, st.Available)
	require.Empty(t, st.AccountID)
}

func TestTheStripePageCanBeReadInEnglish(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{Stripe: true, NoWorkers: true})
	s := env.NewSalon("Salon English")
	page := env.Login(s.OwnerEmail).Get("/app/stripe?lang=en")
	require.Equal(t, 200, page.Status)
	require.Contains(t, page.Text("h1"), "Online payments")
	require.Contains(t, page.Text("#stripe-connect button"), "Connect my Stripe account")
}
