package web_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// The public link's pages take no id: the session decides the salon, and
// salon A's staff get A's address and QR code, never B's.
func TestCrossTenantPublicLinkIsTheSessionsSalon(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	a := env.NewSalon("Salon Alpha")
	b := newVictim(t, env)
	staffA := env.Login(a.OwnerEmail)

	require.Equal(t, env.URL+"/b/"+a.Slug, decodeQR(t, staffA.Get("/app/public-link/qr.png")))
	poster := staffA.Get("/app/public-link")
	require.Equal(t, 200, poster.Status)
	require.NotContains(t, poster.Body, "Bêta")
	require.NotContains(t, poster.Body, "/b/"+b.salon.Slug)
	require.NotContains(t, staffA.Get("/app").Body, "/b/"+b.salon.Slug)
}
