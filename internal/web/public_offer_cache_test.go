package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// The public offer is kept in memory between visits (booking.offerCache);
// a change made anywhere, here by another instance writing as the
// application role, shows on the very next page and times fragment.
func TestPublicPagesShowAChangeMadeByAnotherInstanceAtOnce(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	ctx := context.Background()
	sal := env.NewSalon("Institut Mémoire Vive")
	require.NoError(t, env.Srv.Salons.SetHours(ctx, sal.ID, availability.Daily(availability.Hours(9, 19))))
	svc, err := env.Srv.Catalog.CreateService(ctx, sal.ID, catalog.ServiceInput{Name: "Soin éclat", Duration: 60 * time.Minute,
		PriceCents: 5000, OnlineBookable: true, Rule: &payment.Rule{Mode: payment.ModeNone}})
	require.NoError(t, err)
	nora, err := env.Srv.Team.Save(ctx, sal.ID, uuid.Nil, team.MemberInput{Name: "Nora", Color: 2, Services: []uuid.UUID{svc}})
	require.NoError(t, err)

	visitor := env.NewClient()
	page := "/b/" + sal.Slug
	day := env.Clock.Now().AddDate(0, 0, 3).In(time.UTC).Format(time.DateOnly)
	slots := page + "/s/" + svc.String() + "/slots?date=" + day
	require.Contains(t, visitor.Get(page).Doc.Text(), "Soin éclat")
	require.Contains(t, visitor.Get(slots).Doc.Text(), "10:00")

	elsewhere := func(sql string, args ...any) {
		t.Helper()
		tx, err := env.Srv.DB.AppPool().Begin(ctx)
		require.NoError(t, err)
		defer tx.Rollback(ctx) //nolint:errcheck
		_, err = tx.Exec(ctx, "SELECT set_config('app.tenant_id', $1, true)", sal.ID.String())
		require.NoError(t, err)
		_, err = tx.Exec(ctx, sql, args...)
		require.NoError(t, err)
		require.NoError(t, tx.Commit(ctx))
	}

	elsewhere("UPDATE services SET name = 'Soin éclat du teint', price_cents = 6200 WHERE id = $1", svc)
	text := visitor.Get(page).Doc.Text()
	require.Contains(t, text, "Soin éclat du teint", "the new name, not the one kept in memory")
	require.Contains(t, text, "62")

	// Nora now works afternoons only: the morning times go at once.
	elsewhere("DELETE FROM staff_hours WHERE staff_id = $1", nora)
	for wd := range 7 {
		elsewhere("INSERT INTO staff_hours (tenant_id, staff_id, weekday, starts, ends) VALUES ($1, $2, $3, '14:00', '18:00')", sal.ID, nora, wd)
	}
	times := visitor.Get(slots).Doc.Text()
	require.NotContains(t, times, "10:00")
	require.Contains(t, times, "14:00")

	// Restoring the salon from a dump brings an old version back (README,
	// « Restoring one salon »): the next change must still be a version no
	// instance has seen, or one might keep serving what it read under it.
	owner, err := pgx.Connect(ctx, testkit.DatabaseURL())
	require.NoError(t, err)
	defer owner.Close(ctx)
	version := func() (v int64) {
		require.NoError(t, owner.QueryRow(ctx, "SELECT version FROM offer_versions WHERE tenant_id = $1", sal.ID).Scan(&v))
		return v
	}
	latest := version()
	_, err = owner.Exec(ctx, "UPDATE offer_versions SET version = 1 WHERE tenant_id = $1", sal.ID)
	require.NoError(t, err)
	elsewhere("UPDATE services SET description = 'Restauré' WHERE id = $1", svc)
	require.Greater(t, version(), latest, "versions are never issued twice")

	elsewhere("UPDATE services SET online_bookable = false WHERE id = $1", svc)
	require.False(t, strings.Contains(visitor.Get(page).Doc.Text(), "Soin éclat du teint"), "a service taken off line leaves the page")
}
