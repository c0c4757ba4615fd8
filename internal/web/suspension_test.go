package web_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

const platformContact = "aide@carnet.test"

func withContact(vars map[string]string) { vars["PLATFORM_CONTACT"] = platformContact }

// joined invites email into the salon and accepts with a new account.
func joined(t *testing.T, env *testkit.Env, owner *testkit.Client, email, name string) {
	t.Helper()
	require.Equal(t, 303, owner.Post("/app/team/invitations", url.Values{"email": {email}, "role": {"staff"}}).Status)
	link, err := url.Parse(env.Mail.Wait(t, email, 1).Link(t, "/invite/"))
	require.NoError(t, err)
	require.Equal(t, 303, env.NewClient().Post(link.Path, url.Values{"name": {name}, "password": {"le-secret-de-" + name}}).Status)
}

func TestSuspendingASalonEmailsItsTeamTheReasonAndThePlatformsContact(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{Config: withContact})
	s := env.NewSalon("Salon Lumière")
	owner := env.Login(s.OwnerEmail)
	nina := "nina-" + s.Slug + "@example.com"
	joined(t, env, owner, nina, "Nina")
	admin := env.Login(env.NewAdmin())

	p := admin.Post("/admin/salons/"+s.ID.String()+"/suspend", url.Values{"reason": {"Impayés depuis trois mois"}})
	require.Equal(t, 303, p.Status)

	for _, to := range []string{s.OwnerEmail, nina} {
		m := env.Mail.WaitSubject(t, to, "suspendu")
		require.Equal(t, "Votre salon « Salon Lumière » est suspendu sur Carnet", m.Subject)
		require.Contains(t, m.To, to)
		require.Contains(t, m.From, "no-reply@carnet.test")
		for _, part := range []string{m.Text, m.HTML} {
			require.Contains(t, part, "Impayés depuis trois mois", "the reason, in both parts")
			require.Contains(t, part, platformContact, "whom to write to, in both parts")
			require.Contains(t, part, "annuler", "what their clients can still do")
		}
		require.Contains(t, m.HTML, `href="mailto:`+platformContact+`"`)
	}
	require.Contains(t, env.Mail.WaitSubject(t, nina, "suspendu").Text, "Bonjour Nina,")

	staffPage := owner.Get("/app")
	require.Equal(t, 403, staffPage.Status)
	href, _ := staffPage.Doc.Find("a.platform-contact").Attr("href")
	require.Equal(t, "mailto:"+platformContact, href, "the sign-in page says whom to write to")
}

func TestAnInvitationToASuspendedSalonSaysSoRatherThanExpired(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Salon En Pause")
	owner := env.Login(s.OwnerEmail)
	invitee := "paul-" + s.Slug + "@example.com"
	require.Equal(t, 303, owner.Post("/app/team/invitations", url.Values{"email": {invitee}, "role": {"staff"}}).Status)
	link, err := url.Parse(env.Mail.Wait(t, invitee, 1).Link(t, "/invite/"))
	require.NoError(t, err)
	admin := env.Login(env.NewAdmin())
	require.Equal(t, 303, admin.Post("/admin/salons/"+s.ID.String()+"/suspend", url.Values{"reason": {"Contrôle"}}).Status)

	c := env.NewClient()
	page := c.Get(link.Path)
	require.Equal(t, 403, page.Status)
	require.Contains(t, page.Text(".alert"), "« Salon En Pause » est suspendu")
	require.NotContains(t, page.Body, "expiré")
	require.NotContains(t, page.Body, "Contrôle", "the platform's reason is for the salon's team")
	p := c.Post(link.Path, url.Values{"name": {"Paul"}, "password": {"le-secret-de-paul"}})
	require.Equal(t, 403, p.Status, "nobody joins a suspended salon")
	require.Contains(t, p.Text(".alert"), "suspendu")

	require.Equal(t, 303, admin.Post("/admin/salons/"+s.ID.String()+"/reactivate", nil).Status)
	require.Equal(t, 200, c.Get(link.Path).Status, "the same link works once the salon is back")
}
