package web_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
)

type storeTx = store.Tx

func mustUUID(t *testing.T, s string) uuid.UUID {
	t.Helper()
	id, err := uuid.Parse(s)
	require.NoError(t, err)
	return id
}

func mustDate(t *testing.T, loc *time.Location, s string) time.Time {
	t.Helper()
	d, err := time.ParseInLocation(time.DateOnly, s, loc)
	require.NoError(t, err)
	return d
}
