package web_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestInvitedStaffJoinsWithRoleAndLogsIn(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Équipe Soleil")
	owner := env.Login(s.OwnerEmail)
	invitee := "nina-" + s.Slug + "@example.com"

	p := owner.Post("/app/team/invitations", url.Values{"email": {invitee}, "role": {"staff"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	team := owner.Follow(p)
	require.Contains(t, team.Text(".alert.ok"), "Invitation envoyée")
	require.Contains(t, team.Text(".timeline"), invitee)

	mail := env.Mail.Wait(t, invitee, 1)
	require.Contains(t, mail.Subject, "Équipe Soleil")
	require.Contains(t, mail.Text, "Collaborateur")
	link, err := url.Parse(mail.Link(t, "/invite/"))
	require.NoError(t, err)

	nina := env.NewClient()
	form := nina.Get(link.Path)
	require.Equal(t, 200, form.Status)
	require.Contains(t, form.Text("h1"), "Équipe Soleil")

	bad := nina.Post(link.Path, url.Values{"name": {"Nina"}, "password": {"court"}})
	require.Equal(t, 422, bad.Status)
	require.Equal(t, "Nina", bad.Value("#name"))
	require.Contains(t, bad.FieldError("password"), "10 caractères", "the area's message lands beside the password")

	p = nina.Post(link.Path, url.Values{"name": {"Nina"}, "password": {"le-secret-de-nina"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	home := nina.Follow(p)
	require.Contains(t, home.Text(".alert.ok"), "rejoint")
	require.Contains(t, home.Text("h1"), "Équipe Soleil")

	require.Equal(t, 404, env.NewClient().Get(link.Path).Status, "an invitation works once")

	teamPage := nina.Get("/app/team")
	require.Contains(t, teamPage.Text("table"), "Nina")
	require.Equal(t, 0, teamPage.Doc.Find("#invite-title").Length(), "staff do not manage the team")
	p = nina.Post("/app/team/invitations", url.Values{"email": {"x-" + invitee}, "role": {"staff"}})
	require.Equal(t, 403, p.Status)
}

func TestInvitationToAnExistingAccountAddsASalonToSwitchTo(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	first := env.NewSalon("Premier")
	second := env.NewSalon("Second")
	owner2 := env.Login(second.OwnerEmail)
	owner2.Post("/app/team/invitations", url.Values{"email": {first.OwnerEmail}, "role": {"manager"}})
	link, _ := url.Parse(env.Mail.Wait(t, first.OwnerEmail, 1).Link(t, "/invite/"))

	c := env.NewClient()
	page := c.Get(link.Path)
	require.Contains(t, page.Text("form"), "déjà un compte")
	require.Equal(t, 422, c.Post(link.Path, url.Values{"password": {"not-my-password"}}).Status)
	p := c.Post(link.Path, url.Values{"password": {testkit.Password}})
	require.Equal(t, 303, p.Status)
	require.Contains(t, c.Follow(p).Text("h1"), "Second")

	salons := c.Get("/app/salons")
	require.Contains(t, salons.Text(".timeline"), "Premier")
	p = c.Post("/app/salons", url.Values{"salon_id": {first.ID.String()}})
	require.Equal(t, 303, p.Status)
	require.Contains(t, c.Follow(p).Text("h1"), "Premier")
}

func TestInvitationRulesForRolesRevocationAndExpiry(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Règles")
	owner := env.Login(s.OwnerEmail)

	p := owner.Post("/app/team/invitations", url.Values{"email": {s.OwnerEmail}, "role": {"staff"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("email"), "fait déjà partie")

	p = owner.Post("/app/team/invitations", url.Values{"email": {"pas-une-adresse"}, "role": {"manager"}})
	require.Equal(t, 422, p.Status)
	require.Equal(t, "pas-une-adresse", p.Value("#email"))
	require.NotEmpty(t, p.FieldError("email"))
	require.Equal(t, "manager", p.Doc.Find("#role option[selected]").AttrOr("value", ""), "the role chosen comes back")

	revoked := "revoked-" + s.Slug + "@example.com"
	owner.Post("/app/team/invitations", url.Values{"email": {revoked}, "role": {"staff"}})
	invs, err := env.Srv.Accounts.Invitations(t.Context(), s.ID)
	require.NoError(t, err)
	require.Len(t, invs, 1)
	link, _ := url.Parse(env.Mail.Wait(t, revoked, 1).Link(t, "/invite/"))
	p = owner.Post("/app/team/invitations/"+invs[0].ID.String()+"/revoke", nil)
	require.Equal(t, 303, p.Status)
	require.Equal(t, 404, env.NewClient().Get(link.Path).Status, "a revoked invitation no longer works")

	late := "late-" + s.Slug + "@example.com"
	owner.Post("/app/team/invitations", url.Values{"email": {late}, "role": {"manager"}})
	lateLink, _ := url.Parse(env.Mail.Wait(t, late, 1).Link(t, "/invite/"))
	env.Clock.Advance(8 * 24 * time.Hour)
	require.Equal(t, 404, env.NewClient().Get(lateLink.Path).Status, "invitations expire after 7 days")
}

func TestTheLastOwnerCannotBeRemovedAndManagersCannotRemoveOwners(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Propriété")
	owner := env.Login(s.OwnerEmail)
	manager := "manager-" + s.Slug + "@example.com"
	owner.Post("/app/team/invitations", url.Values{"email": {manager}, "role": {"manager"}})
	link, _ := url.Parse(env.Mail.Wait(t, manager, 1).Link(t, "/invite/"))
	m := env.NewClient()
	require.Equal(t, 303, m.Post(link.Path, url.Values{"name": {"Manon"}, "password": {"le-secret-de-manon"}}).Status)

	p := m.Post("/app/team/members/"+s.OwnerID.String()+"/remove", nil)
	require.Equal(t, 403, p.Status)
	p = m.Post("/app/team/invitations", url.Values{"email": {"boss@example.com"}, "role": {"owner"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("role"), "propriétaire")
	p = owner.Post("/app/team/members/"+s.OwnerID.String()+"/remove", nil)
	require.Equal(t, 409, p.Status)
	require.Contains(t, p.Text("h1"), "vous retirer vous-même")
}
