package ratelimit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/clock"
)

func newLimiter(t *testing.T) (*Limiter, *clock.Fake) {
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
	prefix := "test:ratelimit:" + hex.EncodeToString(b) + ":"
	t.Cleanup(func() {
		keys, _ := rdb.Keys(context.Background(), prefix+"*").Result()
		if len(keys) > 0 {
			rdb.Del(context.Background(), keys...)
		}
		rdb.Close()
	})
	clk := clock.NewFake()
	return New(rdb, prefix, clk), clk
}

func TestSlidingWindowAllowsExactlyTheLimit(t *testing.T) {
	l, clk := newLimiter(t)
	ctx := context.Background()
	rule := Rule{Name: "t", Limit: 3, Window: time.Minute}
	for i := 0; i < 3; i++ {
		d, err := l.Allow(ctx, rule, "k")
		require.NoError(t, err)
		require.True(t, d.Allowed, "attempt %d", i+1)
		clk.Advance(10 * time.Second)
	}
	d, err := l.Allow(ctx, rule, "k")
	require.NoError(t, err)
	require.False(t, d.Allowed)
	require.InDelta(t, 30*time.Second, d.RetryAfter, float64(time.Second), "the first attempt leaves the window in 30 s")

	other, err := l.Allow(ctx, rule, "other-key")
	require.NoError(t, err)
	require.True(t, other.Allowed, "keys are counted apart")

	clk.Advance(31 * time.Second)
	d, err = l.Allow(ctx, rule, "k")
	require.NoError(t, err)
	require.True(t, d.Allowed, "the oldest attempt slid out of the window")
}

func TestCheckDoesNotCountAndRecordDoes(t *testing.T) {
	l, _ := newLimiter(t)
	ctx := context.Background()
	rule := Rule{Name: "fail", Limit: 2, Window: time.Minute}
	for i := 0; i < 5; i++ {
		d, err := l.Check(ctx, rule, "k")
		require.NoError(t, err)
		require.True(t, d.Allowed)
	}
	require.NoError(t, l.Record(ctx, rule, "k"))
	require.NoError(t, l.Record(ctx, rule, "k"))
	d, err := l.Check(ctx, rule, "k")
	require.NoError(t, err)
	require.False(t, d.Allowed)
	require.NoError(t, l.Reset(ctx, rule, "k"))
	d, _ = l.Check(ctx, rule, "k")
	require.True(t, d.Allowed)
}

func TestConcurrentAttemptsCannotSlipPastTheLimit(t *testing.T) {
	l, _ := newLimiter(t)
	rule := Rule{Name: "race", Limit: 10, Window: time.Minute}
	var wg sync.WaitGroup
	var mu sync.Mutex
	allowed := 0
	start := make(chan struct{})
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			d, err := l.Allow(context.Background(), rule, "k")
			if err == nil && d.Allowed {
				mu.Lock()
				allowed++
				mu.Unlock()
			}
		}()
	}
	close(start)
	wg.Wait()
	require.Equal(t, 10, allowed)
}
