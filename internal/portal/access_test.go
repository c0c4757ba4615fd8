package portal_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
)

func TestOpeningAccessSendsTheClientALinkThatSignsThemIn(t *testing.T) {
	t.Parallel()
	s := newShop(t, stripeEnv(t), "Institut Accueil", "none")
	email := "new-" + s.salon.Slug + "@example.com"
	id := s.client("Camille", email, "none")

	// Not open yet: asking for a link sends nothing.
	require.Equal(t, 303, s.askLink(s.env.NewClient(), email).Status)
	require.Zero(t, s.outbox("portal_login", email))

	owner := s.env.Login(s.salon.OwnerEmail)
	p := owner.Post("/app/clients/"+id.String()+"/portal", url.Values{"access": {"open"}})
	require.Equal(t, 303, p.Status)
	require.Equal(t, "/app/clients/"+id.String(), p.Location())
	require.Contains(t, owner.Follow(p).Text(".alert.ok"), "Espace client ouvert")
	rec, err := s.env.Srv.Customers.Get(context.Background(), s.salon.ID, id)
	require.NoError(t, err)
	require.Equal(t, "open", rec.PortalAccess)

	require.Equal(t, 1, s.outbox("portal_access", email), "the message is in the client's history")
	mail := s.env.Mail.WaitSubject(t, email, "Votre espace client chez Institut Accueil")
	require.Contains(t, mail.Text, "Camille")
	u, err := url.Parse(mail.Link(t, "/account/login/"))
	require.NoError(t, err)

	c := s.env.NewClient()
	in := s.useLink(c, u.Path)
	require.Equal(t, 303, in.Status)
	require.Contains(t, c.Follow(in).Text(".portal-head h1"), "Bonjour Camille")

	// Opening what is open sends nothing more.
	require.Equal(t, 303, owner.Post("/app/clients/"+id.String()+"/portal", url.Values{"access": {"open"}}).Status)
	require.Equal(t, 1, s.outbox("portal_access", email))

	// Only open or blocked.
	require.Equal(t, 422, owner.Post("/app/clients/"+id.String()+"/portal", url.Values{"access": {"none"}}).Status)
}

func TestOnlyOwnersAndManagersOpenOrBlockAccess(t *testing.T) {
	t.Parallel()
	s := newShop(t, stripeEnv(t), "Institut Hiérarchie", "none")
	email := "guarded-" + s.salon.Slug + "@example.com"
	id := s.client("Paula", email, "open")
	owner := s.env.Login(s.salon.OwnerEmail)
	staff := "nina-" + s.salon.Slug + "@example.com"
	owner.Post("/app/team/invitations", url.Values{"email": {staff}, "role": {"staff"}})
	invite, err := url.Parse(s.env.Mail.Wait(t, staff, 1).Link(t, "/invite/"))
	require.NoError(t, err)
	nina := s.env.NewClient()
	require.Equal(t, 303, nina.Post(invite.Path, url.Values{"name": {"Nina"}, "password": {"le-secret-de-nina"}}).Status)

	p := nina.Post("/app/clients/"+id.String()+"/portal", url.Values{"access": {"blocked"}})
	require.Equal(t, 403, p.Status)
	require.Contains(t, p.Body, "Seuls les propriétaires et responsables")
	rec, err := s.env.Srv.Customers.Get(context.Background(), s.salon.ID, id)
	require.NoError(t, err)
	require.Equal(t, "open", rec.PortalAccess)
}

func TestALinkNeverSentStaysNowhereStaffCanReadIt(t *testing.T) {
	t.Parallel()
	s := newShop(t, stripeEnv(t), "Institut Secret", "none")
	email := "optout-" + s.salon.Slug + "@example.com"
	id := s.client("Nina", email, "none")
	ctx := context.Background()
	require.NoError(t, s.env.Srv.DB.WithTenant(ctx, s.salon.ID, func(tx store.Tx) error {
		_, err := tx.Raw().Exec(ctx, `UPDATE customers SET email_transactional = false WHERE tenant_id = $1 AND id = $2`, s.salon.ID, id)
		return err
	}))
	owner := s.env.Login(s.salon.OwnerEmail)
	require.Equal(t, 303, owner.Post("/app/clients/"+id.String()+"/portal", url.Values{"access": {"open"}}).Status)
	require.Equal(t, 1, s.outbox("portal_access", email), "kept in the history, as skipped")

	export := owner.Get("/app/clients/" + id.String() + "/export")
	require.Equal(t, 200, export.Status)
	require.Contains(t, export.Body, "portal_access")
	require.NotContains(t, export.Body, "/account/login/", "the export cannot be used to sign in as the client")
}
