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
	rdb, files, err := newRedis(redisSettings{url: url, budget: 100 * time.Millisecond}, quiet())
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
	rdb, files, err := newRedis(redisSettings{url: "redis://" + addr + "/0", budget: 100 * time.Millisecond}, quiet())
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
	rdb, files, err := newRedis(redisSettings{url: url, budget: 100 * time.Millisecond}, quiet())
	require.NoError(t, err)
	defer rdb.Close()
	defer files.Close()
	late, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	require.Error(t, rdb.Ping(late).Err())
	require.NoError(t, rdb.Ping(context.Background()).Err(), "a request out of time does not shut Redis out for everyone")

	one, oneFiles, err := newRedis(redisSettings{url: url + "?pool_size=1", budget: 100 * time.Millisecond}, quiet())
	require.NoError(t, err)
	defer one.Close()
	defer oneFiles.Close()
	blocker := one.(*redis.Client).Conn()
	require.NoError(t, blocker.Ping(context.Background()).Err()) // holds the only connection
	err = one.Ping(context.Background()).Err()
	require.ErrorIs(t, err, redis.ErrPoolTimeout)
	blocker.Close()
	require.NoError(t, one.Ping(context.Background()).Err(), "a busy pool is not a Redis outage")
}

// REDIS_ADDRS and REDIS_SENTINEL_MASTER choose the client: one Redis, a
// Cluster, or a master found through Sentinels — for both clients.
func TestRedisTopologyFollowsTheSettings(t *testing.T) {
	base := redisSettings{url: "redis://:pw@redis-1:6379/0", budget: 100 * time.Millisecond}
	single, singleFiles, err := newRedis(base, quiet())
	require.NoError(t, err)
	defer single.Close()
	defer singleFiles.Close()
	require.Equal(t, "redis-1:6379", single.(*redis.Client).Options().Addr)

	cluster := base
	cluster.addrs, cluster.cluster, cluster.poolSize = []string{"redis-2:6379"}, true, 7
	c, cFiles, err := newRedis(cluster, quiet())
	require.NoError(t, err)
	defer c.Close()
	defer cFiles.Close()
	opts := c.(*redis.ClusterClient).Options()
	require.Equal(t, []string{"redis-1:6379", "redis-2:6379"}, opts.Addrs)
	require.Equal(t, 7, opts.PoolSize, "REDIS_POOL_SIZE")
	require.Equal(t, "pw", opts.Password)
	require.IsType(t, &redis.ClusterClient{}, cFiles, "import files go to the same Cluster")

	sentinel := base
	sentinel.addrs, sentinel.master = []string{"sentinel-2:26379"}, "carnet"
	f, fFiles, err := newRedis(sentinel, quiet())
	require.NoError(t, err)
	defer f.Close()
	defer fFiles.Close()
	require.Equal(t, "FailoverClient", f.(*redis.Client).Options().Addr, "the master is asked of the Sentinels")
}
