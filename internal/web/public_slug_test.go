package web_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/admin"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// TestPublicPageFollowsTheSalonAtOnce: the salon behind a slug is remembered
// between requests, yet a suspension, a reactivation or a new name shows on
// the very next page, not when the memory expires.
func TestPublicPageFollowsTheSalonAtOnce(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	ctx := context.Background()
	s := env.NewSalon("Institut Mémoire")
	visitor := env.NewClient()
	page := "/b/" + s.Slug
	require.Equal(t, 200, visitor.Get(page).Status)

	actor := admin.Actor{UserID: s.OwnerID, Email: "platform@example.com", IP: "127.0.0.1"}
	require.NoError(t, env.Srv.Admin.Suspend(ctx, actor, s.ID, "impayé"))
	require.Equal(t, 503, visitor.Get(page).Status, "suspended: no more bookings")
	require.NoError(t, env.Srv.Admin.Reactivate(ctx, actor, s.ID))
	require.Equal(t, 200, visitor.Get(page).Status, "open again")

	require.NoError(t, env.Srv.Salons.UpdateSettings(ctx, s.ID, salon.SettingsInput{Country: "FR", Name: "Institut Renommé",
		TimeZone: "Europe/Paris", Currency: "EUR", Locale: "fr", SlotStep: 15 * time.Minute, MinNotice: time.Hour, MaxHorizonDays: 60,
		CancellationWindow: 24 * time.Hour, DefaultRule: payment.Rule{Mode: payment.ModeNone}, CancelRefund: "refund", DepositName: "acompte"}))
	p := visitor.Get(page)
	require.Equal(t, 200, p.Status)
	require.Contains(t, p.Doc.Find("h1").Text(), "Institut Renommé")
}
