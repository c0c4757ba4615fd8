package payment_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestSyncAccountUpdatesOnlyTheSalonWhoseAccountItIs(t *testing.T) {
	t.Parallel()
	env := testkit.NewAreas(t, testkit.AreasOptions{Stripe: true})
	a, b := env.NewSalon("Institut A"), env.NewSalon("Institut B")
	p := env.Srv.Payments
	_, err := p.StartOnboarding(t.Context(), a.ID, "Europe/Paris", a.OwnerEmail)
	require.NoError(t, err)
	_, err = p.StartOnboarding(t.Context(), b.ID, "Europe/Brussels", b.OwnerEmail)
	require.NoError(t, err)
	stA, err := p.Status(t.Context(), a.ID)
	require.NoError(t, err)
	stB, err := p.Status(t.Context(), b.ID)
	require.NoError(t, err)
	require.NotEqual(t, stA.AccountID, stB.AccountID)
	for _, c := range env.Stripe.Calls("/v1/accounts") {
		if c.Form.Get("metadata[salon_id]") == b.ID.String() {
			require.Equal(t, "BE", c.Form.Get("country"), "a salon in Brussels")
		}
	}

	ready := payment.AccountState{ChargesEnabled: true, PayoutsEnabled: true, DetailsSubmitted: true}
	require.NoError(t, p.SyncAccount(t.Context(), stA.AccountID, ready))
	stA, err = p.Status(t.Context(), a.ID)
	require.NoError(t, err)
	require.Equal(t, payment.Connect{Available: true, AccountID: stA.AccountID, ChargesEnabled: true, PayoutsEnabled: true,
		DetailsSubmitted: true}, stA)
	require.True(t, stA.CanCharge())
	after, err := p.Status(t.Context(), b.ID)
	require.NoError(t, err)
	require.Equal(t, stB, after, "the other salon is untouched")

	require.NoError(t, p.SyncAccount(t.Context(), "acct_nobody_knows", ready), "an unknown account is ignored")
	after, err = p.Status(t.Context(), b.ID)
	require.NoError(t, err)
	require.False(t, after.CanCharge())

	// Charges disabled later (Stripe wants more documents): the salon stops taking payments.
	require.NoError(t, p.SyncAccount(t.Context(), stA.AccountID, payment.AccountState{DetailsSubmitted: true}))
	stA, err = p.Status(t.Context(), a.ID)
	require.NoError(t, err)
	require.False(t, stA.CanCharge())
}

func TestWithoutStripeNothingCanBeChargedOrStarted(t *testing.T) {
	t.Parallel()
	env := testkit.NewAreas(t)
	s := env.NewSalon("Institut Sans Stripe")
	st, err := env.Srv.Payments.Status(t.Context(), s.ID)
	require.NoError(t, err)
	require.Equal(t, payment.Connect{}, st)
	_, err = env.Srv.Payments.StartOnboarding(t.Context(), s.ID, "Europe/Paris", s.OwnerEmail)
	require.True(t, apperr.Is(err, apperr.Conflict), "%v", err)
	require.NoError(t, env.Srv.Payments.Refresh(t.Context(), s.ID))
	require.False(t, payment.Connect{AccountID: "acct_1", ChargesEnabled: true}.CanCharge(),
		"an account marked ready is useless on an installation without Stripe")
}

func TestCountryFollowsTheSalonsTimeZone(t *testing.T) {
	for zone, want := range map[string]string{"Europe/Paris": "FR", "Indian/Reunion": "FR", "Europe/Brussels": "BE",
		"Europe/Zurich": "CH", "America/Montreal": "CA", "UTC": "FR", "": "FR"} {
		require.Equal(t, want, payment.Country(zone), zone)
	}
}
