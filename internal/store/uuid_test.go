package store_test

import (
	"context"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// Ids travel as 16 bytes rather than text (store.registerUUID); every
// shape sqlc generates must still come back as it went in.
func TestIdsRoundTripInEveryShape(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	ctx := context.Background()
	a, b := uuid.New(), uuid.New()
	var (
		same     uuid.UUID
		text     string
		null     = &a
		some     *uuid.UUID
		list     []uuid.UUID
		fromText uuid.UUID
	)
	err := env.Srv.DB.AppPool().QueryRow(ctx,
		`SELECT $1::uuid, $1::uuid::text, NULL::uuid, $2::uuid, ARRAY[$1, $2]::uuid[], $3::text::uuid`,
		a, &b, b.String()).Scan(&same, &text, &null, &some, &list, &fromText)
	require.NoError(t, err)
	require.Equal(t, a, same)
	require.Equal(t, a.String(), text, "Postgres received the id itself, not its bytes as text")
	require.Nil(t, null, "a NULL id reads as nil")
	require.NotNil(t, some)
	require.Equal(t, b, *some)
	require.Equal(t, []uuid.UUID{a, b}, list)
	require.Equal(t, b, fromText)

	var none *uuid.UUID
	var isNull bool
	require.NoError(t, env.Srv.DB.AppPool().QueryRow(ctx, `SELECT $1::uuid IS NULL`, none).Scan(&isNull))
	require.True(t, isNull, "a nil id is sent as NULL")

	into := a
	require.NoError(t, env.Srv.DB.AppPool().QueryRow(ctx, `SELECT NULL::uuid`).Scan(&into))
	require.Equal(t, a, into, "a NULL leaves the id as it was, as uuid.UUID's own Scan does")
}
