package web_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

func resetPath(t *testing.T, link string) string {
	t.Helper()
	u, err := url.Parse(link)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(u.Path, "/password/reset/"))
	return u.Path
}

func TestPasswordResetLinkWorksOnceAndEndsOtherSessions(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Oubli")
	other := env.Login(s.OwnerEmail) // a session somewhere else, e.g. the salon's tablet
	c := env.NewClient()

	p := c.Post("/password/forgot", url.Values{"email": {s.OwnerEmail}})
	require.Equal(t, 200, p.Status)
	require.Contains(t, p.Text(".alert"), "Si un compte existe")

	mail := env.Mail.Wait(t, s.OwnerEmail, 1)
	require.Equal(t, "Votre nouveau mot de passe Carnet", mail.Subject)
	require.Contains(t, mail.HTML, "Choisir un nouveau mot de passe")
	path := resetPath(t, mail.Link(t, "/password/reset/"))

	require.Equal(t, 200, c.Get(path).Status)
	weak := c.Post(path, url.Values{"password": {"court"}})
	require.Equal(t, 422, weak.Status)
	require.Contains(t, weak.FieldError("password"), "10 caractères")

	p = c.Post(path, url.Values{"password": {"un-tout-nouveau-secret"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Equal(t, "/login?reset=1", p.Location())
	require.Contains(t, c.Follow(p).Text(".alert"), "Mot de passe modifié")

	again := c.Post(path, url.Values{"password": {"encore-un-autre-secret"}})
	require.Equal(t, 404, again.Status)
	require.Contains(t, again.Text(".alert"), "déjà servi ou a expiré")
	require.Equal(t, 404, c.Get(path).Status)

	require.Equal(t, 303, other.Get("/app").Status, "the other session was ended")
	login := env.NewClient().Post("/login", url.Values{"email": {s.OwnerEmail}, "password": {"un-tout-nouveau-secret"}})
	require.Equal(t, 303, login.Status)
	old := env.NewClient().Post("/login", url.Values{"email": {s.OwnerEmail}, "password": {testkit.Password}})
	require.Equal(t, 401, old.Status)
}

func TestPasswordResetLinkExpiresAfterAnHour(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Expire")
	c := env.NewClient()
	c.Post("/password/forgot", url.Values{"email": {s.OwnerEmail}})
	path := resetPath(t, env.Mail.Wait(t, s.OwnerEmail, 1).Link(t, "/password/reset/"))

	env.Clock.Advance(61 * time.Minute)
	require.Equal(t, 404, c.Get(path).Status)
	p := c.Post(path, url.Values{"password": {"un-tout-nouveau-secret"}})
	require.Equal(t, 404, p.Status)
	require.Equal(t, 303, env.NewClient().Post("/login", url.Values{"email": {s.OwnerEmail}, "password": {testkit.Password}}).Status,
		"the password did not change")
}

func TestPasswordResetForUnknownEmailLooksTheSame(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	p := env.NewClient().Post("/password/forgot", url.Values{"email": {"ghost@example.com"}})
	require.Equal(t, 200, p.Status)
	require.Contains(t, p.Text(".alert"), "Si un compte existe")
}
