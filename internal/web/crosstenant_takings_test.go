package web_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// The takings page takes no id: what must not cross is salon B's receipts
// and registers in salon A's figures.
func TestTheTakingsShowNoOtherSalonsSales(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	b := newVictim(t, env) // B sold a "Soin Bêta" at its "Caisse Bêta" today
	a := env.NewSalon("Salon Alpha")
	owner := env.Login(a.OwnerEmail)
	// B's register named in the filter is not one of A's: A sees its own day.
	for _, path := range []string{"/app/till/takings", "/app/till/takings?register=" + b.till.register} {
		p := owner.Get(path)
		require.Equal(t, 200, p.Status)
		require.NotContains(t, p.Body, "Bêta", "B's register and lines stay B's")
		require.Contains(t, p.Text("#takings-total"), "0,00")
		require.Contains(t, p.Text("#takings-methods"), "Aucune vente")
	}
}
