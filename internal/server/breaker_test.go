package server

import (
	"context"
	"io"
	"log/slog"
	"net"
	"os"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// An error reply (a mistyped command, a script error) proves Redis is up:
// the breaker stays closed.
func TestRedisBreakerIgnoresErrorReplies(t *testing.T) {
	url := os.Getenv("TEST_REDIS_URL")
	if url == "" {
		url = "redis://127.0.0.1:6379/0"
	}
	rdb, files, err := newRedis(url, 100*time.Millisecond, quiet())
	require.NoError(t, err)
	defer rdb.Close()
	defer files.Close()
	ctx := context.Background()
	require.Error(t, rdb.Do(ctx, "NO-SUCH-COMMAND").Err())
	require.ErrorIs(t, rdb.Get(ctx, "carnet-test:no-such-key").Err(), redis.Nil)
	require.NoError(t, rdb.Ping(ctx).Err(), "still asked")
}

// After Redis failed to answer, it is not asked again until the cooldown
// is over.
func TestRedisBreakerStopsAskingAfterAFailure(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close() // nothing listens there any more
	rdb, files, err := newRedis("redis://"+addr+"/0", 100*time.Millisecond, quiet())
	require.NoError(t, err)
	defer rdb.Close()
	defer files.Close()
	ctx := context.Background()
	err = rdb.Ping(ctx).Err()
	require.Error(t, err)
	require.NotErrorIs(t, err, ErrRedisDown, "the first call tries")
	start := time.Now()
	require.ErrorIs(t, rdb.Get(ctx, "k").Err(), ErrRedisDown)
	_, err = rdb.TxPipelined(ctx, func(p redis.Pipeliner) error { p.Incr(ctx, "k"); return nil })
	require.ErrorIs(t, err, ErrRedisDown)
	require.Less(t, time.Since(start), 10*time.Millisecond)
}

// A caller that gave up, or a pool busy with other requests, says nothing
// about Redis: the next request still asks it.
func TestRedisBreakerIgnoresTheCallersDeadlineAndABusyPool(t *testing.T) {
	url := os.Getenv("TEST_REDIS_URL")
	if url == "" {
		url = "redis://127.0.0.1:6379/0"
	}
	rdb, files, err := newRedis(url, 100*time.Millisecond, quiet())
	require.NoError(t, err)
	defer rdb.Close()
	defer files.Close()
	late, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	require.Error(t, rdb.Ping(late).Err())
	require.NoError(t, rdb.Ping(context.Background()).Err(), "a request out of time does not shut Redis out for everyone")

	one, oneFiles, err := newRedis(url+"?pool_size=1", 100*time.Millisecond, quiet())
	require.NoError(t, err)
	defer one.Close()
	defer oneFiles.Close()
	blocker := one.Conn()
	require.NoError(t, blocker.Ping(context.Background()).Err()) // holds the only connection
	err = one.Ping(context.Background()).Err()
	require.ErrorIs(t, err, redis.ErrPoolTimeout)
	blocker.Close()
	require.NoError(t, one.Ping(context.Background()).Err(), "a busy pool is not a Redis outage")
}
