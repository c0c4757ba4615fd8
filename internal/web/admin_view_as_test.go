package web_test

import (
	"net/url"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestViewAsTheOwnerIsReadOnlyAuditedAndBannered(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Salon Support")
	adminEmail := env.NewAdmin()
	admin := env.Login(adminEmail)
	salonPath := "/admin/salons/" + s.ID.String()
	require.Equal(t, 303, admin.Post(salonPath+"/suspend", url.Values{"reason": {"Impayés"}}).Status)

	p := admin.Post(salonPath+"/view-as", nil)
	require.Equal(t, 303, p.Status)
	home := admin.Follow(p)
	require.Equal(t, 200, home.Status, "the normal pages, even of a suspended salon")
	require.Contains(t, home.Text("#view-as"), "« Salon Support » en tant que propriétaire, en lecture seule")
	require.Contains(t, home.Text("h1"), "Salon Support")
	for _, path := range []string{"/app/clients", "/app/agenda", "/app/settings", "/app/team"} {
		page := admin.Get(path)
		require.Equal(t, 200, page.Status, path)
		require.Equal(t, 1, page.Doc.Find("#view-as form[action='/admin/view-as/end'] button").Length(), "the banner and its way out on %s", path)
	}

	refused := admin.Post("/app/clients", url.Values{"first_name": {"Léa"}, "last_name": {"Intruse"}})
	require.Equal(t, 403, refused.Status)
	require.Contains(t, refused.Text("h1"), "Lecture seule")
	require.Equal(t, 403, admin.Post("/app/settings", url.Values{"salon_name": {"Renommé"}}).Status)
	require.Equal(t, 403, admin.Post("/app/salons/new", url.Values{"salon_name": {"Nouveau"}, "slug": {"nouveau-" + s.Slug}}).Status)
	require.Equal(t, 403, admin.Get("/app/stripe/refresh").Status, "a link that changes something is refused too")
	n := -1
	require.NoError(t, env.Srv.DB.WithTenant(t.Context(), s.ID, func(tx store.Tx) error {
		return tx.Raw().QueryRow(t.Context(), `SELECT count(*) FROM customers WHERE tenant_id = $1`, s.ID).Scan(&n)
	}))
	require.Zero(t, n, "nothing was created")
	sal, err := env.Srv.Salons.Get(t.Context(), s.ID)
	require.NoError(t, err)
	require.Equal(t, "Salon Support", sal.Name)

	p = admin.Post("/admin/view-as/end", nil)
	require.Equal(t, 303, p.Status)
	require.Equal(t, salonPath, p.Location())
	back := admin.Follow(p)
	require.Zero(t, back.Doc.Find("#view-as").Length())
	require.Equal(t, "/admin", admin.Get("/app").Location(), "out of the salon")

	audit := admin.Get("/admin/audit?" + url.Values{"salon": {s.Slug}}.Encode()).Text(".audit")
	require.Contains(t, audit, "Vue en tant que propriétaire")
	require.Contains(t, audit, "Fin de la vue en tant que propriétaire")
	require.Contains(t, audit, s.OwnerEmail, "whose view it was")
	require.Contains(t, audit, adminEmail)
}

func TestViewAsIsForAdminsAndSalonsThatExist(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	a, b := env.NewSalon("Salon A"), env.NewSalon("Salon B")
	owner := env.Login(a.OwnerEmail)
	require.Equal(t, 404, owner.Post("/admin/salons/"+b.ID.String()+"/view-as", nil).Status, "another salon's owner")
	require.Equal(t, 404, owner.Post("/admin/salons/"+a.ID.String()+"/view-as", nil).Status, "even their own")
	require.Equal(t, 404, owner.Post("/admin/view-as/end", nil).Status)
	require.Contains(t, owner.Get("/app").Text("h1"), "Salon A", "the owner's session is untouched")

	admin := env.Login(env.NewAdmin())
	require.Equal(t, 404, admin.Post("/admin/salons/"+uuid.NewString()+"/view-as", nil).Status, "no such salon")
	require.Equal(t, 404, admin.Post("/admin/salons/not-an-id/view-as", nil).Status)
}
