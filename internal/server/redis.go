package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/carnet-salon/carnet/internal/config"
)

// Redis holds sessions and rate limits, both on the path of a request: an
// answer takes well under a millisecond, so a budget of a tenth of a second
// (REDIS_TIMEOUT) means Redis is gone. go-redis's defaults (dial 5 s, read
// 3 s, retries) made every request wait seconds during an outage.
const redisCooldown = 2 * time.Second

// ErrRedisDown is returned without calling Redis while the breaker is open.
var ErrRedisDown = errors.New("redis: unavailable, not retried for a moment")

// redisSettings say where Redis is and how to talk to it: REDIS_URL gives
// the scheme (rediss: TLS), password, database and a first address;
// REDIS_ADDRS more addresses. With REDIS_SENTINEL_MASTER every address is a
// Sentinel; with several addresses and no master (or REDIS_CLUSTER) they
// are a Cluster's seed nodes; otherwise it is one Redis.
type redisSettings struct {
	url      string
	addrs    []string
	master   string
	cluster  bool
	poolSize int // 0: go-redis's default
	budget   time.Duration
}

func redisFrom(cfg config.Config) redisSettings {
	return redisSettings{url: cfg.RedisURL, addrs: cfg.RedisAddrs, master: cfg.RedisSentinelMaster, cluster: cfg.ClusterRedis(),
		poolSize: cfg.RedisPoolSize, budget: cfg.RedisTimeout}
}

// newRedis returns two clients of the same Redis: the one every request
// uses, with the tight budget and the breaker, and one for values of
// megabytes (an import file between its two steps), which take longer than
// the budget — a slow one must not make the breaker shut Redis out for
// everyone.
func newRedis(rs redisSettings, log *slog.Logger) (fast, files redis.UniversalClient, err error) {
	one, err := redis.ParseURL(rs.url)
	if err != nil {
		return nil, nil, fmt.Errorf("server: redis url: %w", err)
	}
	opts := &redis.UniversalOptions{Addrs: append([]string{one.Addr}, rs.addrs...), MasterName: rs.master, IsClusterMode: rs.cluster,
		DB: one.DB, Username: one.Username, Password: one.Password, TLSConfig: one.TLSConfig, Protocol: one.Protocol,
		PoolSize: one.PoolSize}
	if rs.master != "" {
		// The URL's password is the master's; Sentinels usually share it.
		opts.SentinelUsername, opts.SentinelPassword = one.Username, one.Password
	}
	if opts.TLSConfig != nil && (len(opts.Addrs) > 1 || rs.master != "") {
		// Each node's certificate is checked against its own name, not
		// the first address's.
		opts.TLSConfig = opts.TLSConfig.Clone()
		opts.TLSConfig.ServerName = ""
	}
	if rs.poolSize > 0 {
		opts.PoolSize = rs.poolSize
	}
	bulk := *opts
	bulk.DialTimeout, bulk.ReadTimeout, bulk.WriteTimeout, bulk.PoolSize = time.Second, 3*time.Second, 3*time.Second, 4

	opts.DialTimeout, opts.ReadTimeout, opts.WriteTimeout, opts.PoolTimeout = rs.budget, rs.budget, rs.budget, rs.budget
	// No retry: it would double the wait. Pooled connections are checked
	// before use, so one closed by a Redis restart is not what fails.
	opts.MaxRetries = -1
	opts.DialerRetries, opts.DialerRetryTimeout = 1, time.Millisecond
	fast = redis.NewUniversalClient(opts)
	fast.AddHook(&breaker{cooldown: redisCooldown, log: log})
	return fast, redis.NewUniversalClient(&bulk), nil
}

// breaker stops calling Redis for a cooldown after it failed to answer, so
// during an outage a request pays nothing instead of a timeout each time:
// public pages go on (their rate limits fail open) and the back office
// refuses at once. After the cooldown one call probes; its success closes
// the breaker, so Redis coming back is noticed without a restart.
type breaker struct {
	cooldown  time.Duration
	log       *slog.Logger
	openUntil atomic.Int64 // unix nanoseconds; 0 while Redis answers
	probing   atomic.Bool
}

func (b *breaker) DialHook(next redis.DialHook) redis.DialHook { return next }

func (b *breaker) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		probe, ok := b.enter(ctx)
		if !ok {
			cmd.SetErr(ErrRedisDown)
			return ErrRedisDown
		}
		if probe {
			ctx = context.WithValue(ctx, probing{}, true)
		}
		err := next(ctx, cmd)
		b.leave(ctx, probe, err)
		return err
	}
}

func (b *breaker) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		probe, ok := b.enter(ctx)
		if !ok {
			for _, cmd := range cmds {
				cmd.SetErr(ErrRedisDown)
			}
			return ErrRedisDown
		}
		if probe {
			ctx = context.WithValue(ctx, probing{}, true)
		}
		err := next(ctx, cmds)
		b.leave(ctx, probe, err)
		return err
	}
}

// probing marks the probe's context: the commands go-redis sends to set up
// a new connection (HELLO) run inside it, through the hooks, and must pass.
type probing struct{}

// enter says whether to call Redis, and whether this call is the probe.
func (b *breaker) enter(ctx context.Context) (probe, ok bool) {
	until := b.openUntil.Load()
	if until == 0 || ctx.Value(probing{}) != nil {
		return false, true
	}
	if time.Now().UnixNano() < until || !b.probing.CompareAndSwap(false, true) {
		return false, false
	}
	return true, true
}

func (b *breaker) leave(ctx context.Context, probe bool, err error) {
	if probe {
		defer b.probing.Store(false)
	}
	if ctx.Err() != nil || errors.Is(err, redis.ErrPoolTimeout) || errors.Is(err, redis.ErrPoolExhausted) {
		// The caller ran out of time, or our own pool is busy: that says
		// nothing about Redis, so the breaker neither opens nor closes.
		return
	}
	if unreachable(err) {
		if b.openUntil.Swap(time.Now().Add(b.cooldown).UnixNano()) == 0 {
			b.log.Warn("redis unavailable: calls stop for a moment", "cooldown", b.cooldown.String(), "err", err)
		}
		return
	}
	if probe {
		b.openUntil.Store(0)
		b.log.Info("redis answers again")
	}
}

// unreachable: Redis did not answer (timeout, refused, reset). A reply,
// even an error reply or "no such key", proves it is up; a caller that gave
// up proves nothing.
func unreachable(err error) bool {
	var reply redis.Error
	return err != nil && !errors.Is(err, redis.Nil) && !errors.As(err, &reply) && !errors.Is(err, context.Canceled)
}
