package web_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestAdminIsInvisibleToEveryoneElse(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Curieux")
	for _, c := range []*testkit.Client{env.NewClient(), env.Login(s.OwnerEmail)} {
		for _, path := range []string{"/admin", "/admin/audit", "/admin/business", "/admin/salons/" + s.ID.String(), "/admin/nothing"} {
			require.Equal(t, 404, c.Get(path).Status, path)
		}
		require.Equal(t, 404, c.Post("/admin/salons/"+s.ID.String()+"/suspend", url.Values{"reason": {"x"}}).Status)
		require.Equal(t, 404, c.Post("/admin/salons/"+s.ID.String()+"/view-as", nil).Status)
		require.Equal(t, 404, c.Post("/admin/view-as/end", nil).Status)
	}
	sal, err := env.Srv.Salons.Get(t.Context(), s.ID)
	require.NoError(t, err)
	require.False(t, sal.Suspended())
}

func TestAdminListsAndSearchesSalons(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Salon Recherché")
	admin := env.Login(env.NewAdmin())

	p := admin.Get("/admin?q=" + url.QueryEscape(s.Slug))
	require.Equal(t, 200, p.Status)
	rows := p.Doc.Find("#salon-results tbody tr")
	require.Equal(t, 1, rows.Length())
	require.Contains(t, rows.Text(), "Salon Recherché")
	require.Contains(t, rows.Text(), s.OwnerEmail)
	require.Contains(t, rows.Text(), "Actif")

	admin.Header.Set("HX-Request", "true")
	frag := admin.Get("/admin?q=" + url.QueryEscape(s.OwnerEmail))
	require.NotContains(t, frag.Body, "<html")
	require.Equal(t, 1, frag.Doc.Find("#salon-results tbody tr").Length(), "search by owner email")
}

func TestSuspendedSalonsOwnerCannotLogInUntilReactivatedAndBothAreAudited(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Salon Fautif")
	adminEmail := env.NewAdmin()
	admin := env.Login(adminEmail)
	ownerSession := env.Login(s.OwnerEmail)
	salonPath := "/admin/salons/" + s.ID.String()

	p := admin.Post(salonPath+"/suspend", url.Values{"reason": {""}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("reason"), "obligatoire")

	p = admin.Post(salonPath+"/suspend", url.Values{"reason": {"Impayés depuis trois mois"}})
	require.Equal(t, 303, p.Status)
	detail := admin.Follow(p)
	require.Contains(t, detail.Text("h1"), "Suspendu")

	refused := env.NewClient().Post("/login", url.Values{"email": {s.OwnerEmail}, "password": {testkit.Password}})
	require.Equal(t, 403, refused.Status)
	require.Contains(t, refused.Text(".alert"), "Salon Fautif")
	require.Contains(t, refused.Text(".alert"), "Impayés depuis trois mois")

	running := ownerSession.Get("/app")
	require.Equal(t, 403, running.Status, "an open session is stopped too")
	require.Contains(t, running.Text(".alert"), "Impayés depuis trois mois")

	p = admin.Post(salonPath+"/reactivate", nil)
	require.Equal(t, 303, p.Status)
	require.Equal(t, 303, env.NewClient().Post("/login", url.Values{"email": {s.OwnerEmail}, "password": {testkit.Password}}).Status)
	require.Equal(t, 200, ownerSession.Get("/app").Status)

	audit := admin.Get("/admin/audit").Text(".audit")
	require.Contains(t, audit, "Suspension du salon")
	require.Contains(t, audit, "Réactivation du salon")
	require.Contains(t, audit, adminEmail)
	require.Contains(t, audit, "Impayés depuis trois mois")
	onSalon := admin.Get(salonPath).Text(".audit")
	require.Contains(t, onSalon, "Suspension du salon")
	require.Contains(t, onSalon, admin.IP, "the admin's address is recorded")
}
