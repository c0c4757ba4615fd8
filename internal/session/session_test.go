package session

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/secret"
)

type staff struct {
	Meta
	UserID uuid.UUID `json:"u"`
	Admin  bool      `json:"a"`
}

type fixture struct {
	rdb    *redis.Client
	clk    *clock.Fake
	prefix string
	store  *Store[staff, *staff]
}

func setup(t *testing.T) fixture {
	t.Helper()
	url := os.Getenv("TEST_REDIS_URL")
	if url == "" {
		url = "redis://127.0.0.1:6379/0"
	}
	opts, err := redis.ParseURL(url)
	require.NoError(t, err)
	rdb := redis.NewClient(opts)
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	prefix := "test:session:" + hex.EncodeToString(b) + ":"
	t.Cleanup(func() {
		keys, _ := rdb.Keys(context.Background(), prefix+"*").Result()
		if len(keys) > 0 {
			rdb.Del(context.Background(), keys...)
		}
		rdb.Close()
	})
	clk := clock.NewFake()
	st := New[staff](rdb, clk, Options[staff]{
		Prefix: prefix + "sess:", Idle: time.Hour, Max: 24 * time.Hour,
		OwnerPrefix: prefix + "usess:", Owner: func(s *staff) uuid.UUID { return s.UserID },
	})
	return fixture{rdb: rdb, clk: clk, prefix: prefix, store: st}
}

func TestSessionRoundTripsItsPayloadAndID(t *testing.T) {
	f, ctx := setup(t), context.Background()
	user := uuid.New()
	id, err := f.store.Create(ctx, staff{UserID: user, Admin: true})
	require.NoError(t, err)
	got, err := f.store.Get(ctx, id)
	require.NoError(t, err)
	require.Equal(t, user, got.UserID)
	require.True(t, got.Admin)
	require.Equal(t, id, got.ID())

	got.Admin = false
	require.NoError(t, f.store.Update(ctx, got))
	again, err := f.store.Get(ctx, id)
	require.NoError(t, err)
	require.False(t, again.Admin)
}

func TestSessionEndsAfterIdleTimeOnTheInjectedClock(t *testing.T) {
	f, ctx := setup(t), context.Background()
	id, err := f.store.Create(ctx, staff{UserID: uuid.New()})
	require.NoError(t, err)

	f.clk.Advance(50 * time.Minute)
	_, err = f.store.Get(ctx, id)
	require.NoError(t, err, "a request within the idle time renews it")
	f.clk.Advance(50 * time.Minute)
	_, err = f.store.Get(ctx, id)
	require.NoError(t, err)

	f.clk.Advance(61 * time.Minute)
	_, err = f.store.Get(ctx, id)
	require.ErrorIs(t, err, ErrNotFound)
	n, _ := f.rdb.Exists(ctx, f.store.key(id)).Result()
	require.Zero(t, n, "an expired session is deleted")
}

func TestSessionEndsAtMaxAgeHoweverActive(t *testing.T) {
	f, ctx := setup(t), context.Background()
	id, err := f.store.Create(ctx, staff{UserID: uuid.New()})
	require.NoError(t, err)
	for range 24 {
		f.clk.Advance(59 * time.Minute)
		_, err = f.store.Get(ctx, id)
		require.NoError(t, err)
	}
	f.clk.Advance(59 * time.Minute)
	_, err = f.store.Get(ctx, id)
	require.ErrorIs(t, err, ErrNotFound)
}

func TestDeleteOwnerEndsEverySessionOfThatOwnerOnly(t *testing.T) {
	f, ctx := setup(t), context.Background()
	user, other := uuid.New(), uuid.New()
	a, err := f.store.Create(ctx, staff{UserID: user})
	require.NoError(t, err)
	b, err := f.store.Create(ctx, staff{UserID: user})
	require.NoError(t, err)
	c, err := f.store.Create(ctx, staff{UserID: other})
	require.NoError(t, err)

	require.NoError(t, f.store.DeleteOwner(ctx, user))
	for _, id := range []string{a, b} {
		_, err = f.store.Get(ctx, id)
		require.ErrorIs(t, err, ErrNotFound)
	}
	_, err = f.store.Get(ctx, c)
	require.NoError(t, err)
}

// Staff sessions written before the store was shared have no "v": they stay
// signed in (Redis's expiry enforced their idle time), then carry it.
func TestSessionWrittenBeforeSeenAtWasKeptStaysValid(t *testing.T) {
	f, ctx := setup(t), context.Background()
	id, _ := secret.NewToken()
	user := uuid.New()
	created := f.clk.Now().Add(-3 * time.Hour).UTC().Format(time.RFC3339Nano)
	raw := `{"u":"` + user.String() + `","a":true,"c":"` + created + `"}`
	require.NoError(t, f.rdb.Set(ctx, f.store.key(id), raw, time.Hour).Err())

	got, err := f.store.Get(ctx, id)
	require.NoError(t, err)
	require.Equal(t, user, got.UserID)
	require.False(t, got.SeenAt.IsZero(), "the request is noted from now on")
}

// Redis not answering is not "signed out": callers must tell the two apart
// to answer 503 instead of sending users to the login page.
func TestRedisDownIsNotMistakenForNoSession(t *testing.T) {
	f, ctx := setup(t), context.Background()
	id, err := f.store.Create(ctx, staff{UserID: uuid.New()})
	require.NoError(t, err)
	down := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1", MaxRetries: -1, DialTimeout: 100 * time.Millisecond})
	t.Cleanup(func() { down.Close() })
	st := New[staff](down, f.clk, f.store.opt)
	_, err = st.Get(ctx, id)
	require.Error(t, err)
	require.NotErrorIs(t, err, ErrNotFound)
}
