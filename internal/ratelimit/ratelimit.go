// Package ratelimit counts attempts in Redis over a sliding window, so every
// instance of the server shares the same limits.
package ratelimit

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/carnet-salon/carnet/internal/clock"
)

// Rule is a named limit: at most Limit attempts per Window.
type Rule struct {
	Name   string
	Limit  int
	Window time.Duration
}

// Decision is the limiter's answer.
type Decision struct {
	Allowed    bool
	RetryAfter time.Duration
}

// Limiter applies rules.
type Limiter struct {
	rdb    redis.UniversalClient
	prefix string
	clock  clock.Clock
}

// New returns a limiter whose keys start with prefix.
func New(rdb redis.UniversalClient, prefix string, c clock.Clock) *Limiter {
	return &Limiter{rdb: rdb, prefix: prefix, clock: c}
}

// The window is a sorted set of attempt times: drop those older than the
// window, then compare the count with the limit, and record this attempt
// only when asked (and allowed). One script, so concurrent calls cannot
// both slip under the limit.
var script = redis.NewScript(`
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local n = redis.call('ZCARD', KEYS[1])
if n >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2]) + window - now}
end
if ARGV[5] == '1' then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
end
return {1, 0}
`)

// Allow counts an attempt and says whether it is within the limit.
func (l *Limiter) Allow(ctx context.Context, r Rule, key string) (Decision, error) {
	return l.run(ctx, r, key, true)
}

// Check says whether another attempt would be within the limit, without counting one.
func (l *Limiter) Check(ctx context.Context, r Rule, key string) (Decision, error) {
	return l.run(ctx, r, key, false)
}

// Record counts an attempt without checking (a failed login, say).
func (l *Limiter) Record(ctx context.Context, r Rule, key string) error {
	now := l.clock.Now().UnixMilli()
	k := l.key(r, key)
	pipe := l.rdb.TxPipeline()
	pipe.ZAdd(ctx, k, redis.Z{Score: float64(now), Member: member(now)})
	pipe.PExpire(ctx, k, r.Window)
	if _, err := pipe.Exec(ctx); err != nil {
		return fmt.Errorf("ratelimit: record %s: %w", r.Name, err)
	}
	return nil
}

// Reset forgets the attempts counted for key (a successful login clears its failures).
func (l *Limiter) Reset(ctx context.Context, r Rule, key string) error {
	if err := l.rdb.Del(ctx, l.key(r, key)).Err(); err != nil {
		return fmt.Errorf("ratelimit: reset %s: %w", r.Name, err)
	}
	return nil
}

func (l *Limiter) run(ctx context.Context, r Rule, key string, count bool) (Decision, error) {
	now := l.clock.Now().UnixMilli()
	flag := "0"
	if count {
		flag = "1"
	}
	res, err := script.Run(ctx, l.rdb, []string{l.key(r, key)}, now, r.Window.Milliseconds(), r.Limit, member(now), flag).Int64Slice()
	if err != nil {
		return Decision{}, fmt.Errorf("ratelimit: %s: %w", r.Name, err)
	}
	return Decision{Allowed: res[0] == 1, RetryAfter: time.Duration(res[1]) * time.Millisecond}, nil
}

// key hashes the subject: emails and IPs are not kept in Redis in clear.
func (l *Limiter) key(r Rule, subject string) string {
	sum := sha256.Sum256([]byte(subject))
	return l.prefix + "rl:" + r.Name + ":" + hex.EncodeToString(sum[:12])
}

func member(now int64) string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return strconv.FormatInt(now, 10) + "-" + hex.EncodeToString(b)
}
