package store

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
)

// Advisory lock keys, in one place so that no two uses share one.
const (
	// migrateLockKey serialises bootstrap across instances starting at once.
	migrateLockKey int64 = 7_424_159_001
	// DemoLock serialises seeding the demo salon across instances started
	// together with --demo.
	DemoLock int64 = 7_424_159_002
)

// lockPoll is how long an instance waits before asking again for a lock
// another instance holds.
const lockPoll = 100 * time.Millisecond

// sessionLock takes the session-level advisory lock key on conn and returns
// the function that releases it.
//
// It asks with pg_try_advisory_lock until the lock is free rather than
// waiting inside pg_advisory_lock: a statement waiting there keeps its
// snapshot open, and CREATE INDEX CONCURRENTLY, run by the holder on
// another connection, waits for every older snapshot of the database to go.
// The holder would wait for the waiters, which wait for the holder — a loop
// Postgres cannot see, so nothing breaks it. Between two asks a waiting
// instance holds no snapshot. (goose's own session locker polls for the same
// reason; this lock also covers roles and River's tables, which goose's
// does not.)
func sessionLock(ctx context.Context, conn *pgx.Conn, key int64, log *slog.Logger) (unlock func(), err error) {
	for waited := false; ; waited = true {
		var got bool
		if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1)", key).Scan(&got); err != nil {
			return nil, fmt.Errorf("store: take lock %d: %w", key, err)
		}
		if got {
			break
		}
		if !waited {
			log.Info("waiting for another instance to finish", "lock", key)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("store: wait for lock %d: %w", key, ctx.Err())
		case <-time.After(lockPoll):
		}
	}
	return func() {
		// A connection that could not say so would keep the lock for as
		// long as it lives: close it, which releases every lock it holds.
		if _, err := conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", key); err != nil {
			_ = conn.Close(context.WithoutCancel(ctx))
		}
	}, nil
}

// Exclusive runs fn while this instance alone holds the advisory lock key:
// instances started together do fn one after the other, so the second finds
// done what the first did.
func (db *DB) Exclusive(ctx context.Context, key int64, log *slog.Logger, fn func() error) error {
	conn, err := db.platform.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("store: connect for lock %d: %w", key, err)
	}
	defer conn.Release()
	unlock, err := sessionLock(ctx, conn.Conn(), key, log)
	if err != nil {
		return err
	}
	defer unlock()
	return fn()
}
