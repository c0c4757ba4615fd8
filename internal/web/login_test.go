package web_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestLoginLogoutAndLoginAgain(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Institut Rose")
	c := env.NewClient()

	p := c.Post("/login", url.Values{"email": {s.OwnerEmail}, "password": {testkit.Password}})
	require.Equal(t, 303, p.Status)
	require.Equal(t, "/app", p.Location())
	first := c.Cookie("carnet_session")
	require.NotEmpty(t, first)
	require.Contains(t, c.Follow(p).Text("h1"), "Institut Rose")

	p = c.Post("/logout", nil)
	require.Equal(t, 303, p.Status)
	require.Equal(t, "/login", p.Location())
	require.Equal(t, 303, c.Get("/app").Status, "logged out: /app sends to the login page")

	p = c.Post("/login", url.Values{"email": {s.OwnerEmail}, "password": {testkit.Password}})
	require.Equal(t, 303, p.Status)
	require.NotEqual(t, first, c.Cookie("carnet_session"), "a new session id at each login")
}

func TestLoginDoesNotRevealWhetherAnEmailExists(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Discret")

	wrongPassword := env.NewClient().Post("/login", url.Values{"email": {s.OwnerEmail}, "password": {"not-the-password"}})
	unknownEmail := env.NewClient().Post("/login", url.Values{"email": {"nobody@example.com"}, "password": {"not-the-password"}})
	require.Equal(t, 401, wrongPassword.Status)
	require.Equal(t, wrongPassword.Status, unknownEmail.Status)
	require.Equal(t, wrongPassword.Text(".alert"), unknownEmail.Text(".alert"))
	require.Contains(t, wrongPassword.Text(".alert"), "E-mail ou mot de passe incorrect")
	require.Equal(t, s.OwnerEmail, wrongPassword.Value("#email"), "the email comes back as typed")
}

func TestLoginReturnsToThePageAskedFor(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Retour")
	c := env.NewClient()

	p := c.Get("/app/team")
	require.Equal(t, 303, p.Status)
	require.Equal(t, "/login?next=%2Fapp%2Fteam", p.Location())
	form := c.Follow(p)
	require.Equal(t, "/app/team", form.Value("input[name=next]"))

	p = c.Post("/login", url.Values{"email": {s.OwnerEmail}, "password": {testkit.Password}, "next": {"/app/team"}})
	require.Equal(t, "/app/team", p.Location())
	require.Equal(t, 303, c.Post("/logout", nil).Status)
	p = c.Post("/login", url.Values{"email": {s.OwnerEmail}, "password": {testkit.Password}, "next": {"//evil.example/"}})
	require.Equal(t, "/app", p.Location(), "never back to another site")
}

func TestEleventhFailedLoginForAnEmailWithinFifteenMinutesIsRefused(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Verrou")
	bad := url.Values{"email": {s.OwnerEmail}, "password": {"wrong-password-123"}}

	for i := 1; i <= 10; i++ {
		// Each attempt from a new address: the limit follows the email, not the IP.
		p := env.NewClient().Post("/login", bad)
		require.Equal(t, 401, p.Status, "attempt %d", i)
	}
	p := env.NewClient().Post("/login", bad)
	require.Equal(t, 429, p.Status)
	require.Contains(t, p.Text("h1"), "Trop de tentatives")
	require.NotEmpty(t, p.Header.Get("Retry-After"))

	good := url.Values{"email": {s.OwnerEmail}, "password": {testkit.Password}}
	require.Equal(t, 429, env.NewClient().Post("/login", good).Status, "even the right password waits")

	env.Clock.Advance(15*60*1e9 + 1e9)
	require.Equal(t, 303, env.NewClient().Post("/login", good).Status, "after 15 minutes the owner gets in")
}

func TestPostWithoutValidCSRFTokenIsRefusedAndChangesNothing(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	owner := env.NewSalon("Jeton")
	c := env.NewClient()
	c.CSRF()

	form := signupForm("csrf-"+owner.Slug, "csrf-"+owner.OwnerEmail)
	p := c.PostRaw("/signup", form)
	require.Equal(t, 403, p.Status)
	require.Contains(t, p.Text("h1"), "Le formulaire a expiré")

	form.Set("_csrf", "forged-token-forged-token-forged-token")
	require.Equal(t, 403, c.PostRaw("/signup", form).Status)
	taken, err := env.Srv.Salons.SlugTaken(t.Context(), "csrf-"+owner.Slug)
	require.NoError(t, err)
	require.False(t, taken)

	// A logged-in member is protected the same way, htmx header or form field.
	staff := env.Login(owner.OwnerEmail)
	p = staff.PostRaw("/app/team/invitations", url.Values{"email": {"x@example.com"}, "role": {"staff"}})
	require.Equal(t, 403, p.Status)
	invs, err := env.Srv.Accounts.Invitations(t.Context(), owner.ID)
	require.NoError(t, err)
	require.Empty(t, invs)
}

func TestLoginNeverSendsToAnotherSite(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Redirections")
	for _, next := range []string{"//evil.example/", "/\t/evil.example", "/\\evil.example", "https://evil.example/", "/\n/evil", "javascript:alert(1)"} {
		p := env.NewClient().Post("/login", url.Values{"email": {s.OwnerEmail}, "password": {testkit.Password}, "next": {next}})
		require.Equal(t, 303, p.Status)
		require.Equal(t, "/app", p.Location(), "next=%q", next)
	}
	p := env.NewClient().Post("/login", url.Values{"email": {s.OwnerEmail}, "password": {testkit.Password}, "next": {"/app/team?tab=1"}})
	require.Equal(t, "/app/team?tab=1", p.Location())

	page := env.NewClient().Get("//evil.example/x")
	page.Doc.Find(".lang-switch a").Each(func(_ int, a *goquery.Selection) {
		require.True(t, strings.HasPrefix(a.AttrOr("href", ""), "?lang="), "language links stay on this site")
	})
}

func TestAConfirmationIsShownOnce(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Flash")
	c := env.Login(s.OwnerEmail)
	p := c.Post("/app/team/invitations", url.Values{"email": {"once-" + s.Slug + "@example.com"}, "role": {"staff"}})
	require.Contains(t, c.Follow(p).Text(".alert.ok"), "Invitation envoyée")
	require.Empty(t, c.Get("/app/team").Text(".alert.ok"))
	require.Empty(t, c.Get("/app").Text(".alert.ok"))
}

// However active, a session ends thirty days after sign-in, by the salon's
// clock like every other deadline (a stolen cookie in constant use must not
// live forever).
func TestASessionEndsThirtyDaysAfterSignIn(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Session Longue")
	staff := env.Login(s.OwnerEmail)
	for range 29 * 2 { // used twice a day: never idle for long
		env.Clock.Advance(12*time.Hour - time.Minute)
		require.Equal(t, 200, staff.Get("/app").Status, "still signed in after 29 days of use")
	}
	env.Clock.Advance(2*24*time.Hour + time.Hour)
	p := staff.Get("/app")
	require.Equal(t, 303, p.Status)
	require.Contains(t, p.Location(), "/login")
}

// A session left alone longer than its idle time (12 h by default) ends, by
// the salon's clock like the thirty days: a back office left open on the
// counter overnight asks for the password in the morning.
func TestASessionEndsAfterItsIdleTime(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Session Oubliée")
	staff := env.Login(s.OwnerEmail)
	env.Clock.Advance(11 * time.Hour)
	require.Equal(t, 200, staff.Get("/app").Status, "still signed in after 11 hours")
	env.Clock.Advance(12*time.Hour + time.Minute)
	p := staff.Get("/app")
	require.Equal(t, 303, p.Status)
	require.Contains(t, p.Location(), "/login")
}

// TestAnEmptySignInSaysWhatIsMissingNotThatItIsWrong: sent empty, the sign-in
// form names each empty field « obligatoire » (422), not « incorrect ».
func TestAnEmptySignInSaysWhatIsMissingNotThatItIsWrong(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	p := env.NewClient().Post("/login", url.Values{"email": {""}, "password": {""}})
	require.Equal(t, 422, p.Status)
	require.Equal(t, "Ce champ est obligatoire.", p.FieldError("email"))
	require.Equal(t, "Ce champ est obligatoire.", p.FieldError("password"))
	require.NotContains(t, p.Text("main"), "incorrect")

	p = env.NewClient().Post("/login", url.Values{"email": {"lea@example.com"}, "password": {""}})
	require.Equal(t, 422, p.Status)
	require.Empty(t, p.FieldError("email"))
	require.Equal(t, "Ce champ est obligatoire.", p.FieldError("password"))
	require.Equal(t, "lea@example.com", p.Value("#email"), "the email comes back as typed")
}
