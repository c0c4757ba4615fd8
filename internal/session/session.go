package session

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/redis/go-redis/v9"

	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/secret"
)

// ErrNotFound: no such session, or it has expired. Any other error from Get
// means Redis could not answer, which callers must not mistake for "signed
// out" (the back office answers 503 rather than sending users to log in).
var ErrNotFound = errors.New("session: not found")

// Meta is what the store keeps beside every payload; payload types embed it.
// Its JSON names are those staff sessions always used ("c" for the creation
// time), so sessions stored before the store was shared stay valid.
type Meta struct {
	id        string
	CreatedAt time.Time `json:"c"`
	// SeenAt is the last request; zero in sessions written before it was
	// kept, whose idle time Redis's own expiry already enforced.
	SeenAt time.Time `json:"v,omitempty"`
}

// ID is the session's id, as set by Create or Get.
func (m *Meta) ID() string { return m.id }

// Stamps gives the store the embedded Meta of a payload.
func (m *Meta) Stamps() *Meta { return m }

// Payload is a pointer to a struct that embeds Meta.
type Payload[T any] interface {
	*T
	Stamps() *Meta
}

// Options shape one kind of session.
type Options[T any] struct {
	// Prefix namespaces the keys: <Prefix><hash of id>.
	Prefix string
	// Idle ends a session after this long without a request; Max ends it
	// this long after sign-in however active, so a stolen cookie in constant
	// use does not live forever.
	Idle, Max time.Duration
	// OwnerPrefix and Owner, when set, index sessions by their owner under
	// <OwnerPrefix><owner id>, so DeleteOwner can end them all.
	OwnerPrefix string
	Owner       func(*T) uuid.UUID
}

// Store keeps sessions of one payload type. Expiry is judged on the injected
// clock (so it can be tested); Redis's own expiry only clears what nobody
// comes back for.
type Store[T any, P Payload[T]] struct {
	rdb   redis.UniversalClient
	clock clock.Clock
	opt   Options[T]
}

// New returns a store of sessions of type T.
func New[T any, P Payload[T]](rdb redis.UniversalClient, clk clock.Clock, opt Options[T]) *Store[T, P] {
	return &Store[T, P]{rdb: rdb, clock: clk, opt: opt}
}

func (s *Store[T, P]) key(id string) string {
	return s.opt.Prefix + hex.EncodeToString(secret.Hash(id))
}

func (s *Store[T, P]) ownerKey(v *T) string {
	return s.opt.OwnerPrefix + s.opt.Owner(v).String()
}

func (s *Store[T, P]) indexed() bool { return s.opt.Owner != nil }

// Create stores a new session under a new random id (never a reused one: a
// fresh id at each sign-in defeats session fixation) and returns the id.
func (s *Store[T, P]) Create(ctx context.Context, v T) (string, error) {
	id, _ := secret.NewToken()
	now := s.clock.Now().UTC()
	m := P(&v).Stamps()
	m.id, m.CreatedAt, m.SeenAt = id, now, now
	if err := s.save(ctx, &v); err != nil {
		return "", err
	}
	if !s.indexed() {
		return id, nil
	}
	pipe := s.rdb.TxPipeline()
	pipe.SAdd(ctx, s.ownerKey(&v), s.key(id))
	pipe.Expire(ctx, s.ownerKey(&v), s.opt.Max)
	if _, err := pipe.Exec(ctx); err != nil {
		return "", fmt.Errorf("session: index: %w", err)
	}
	return id, nil
}

// Get loads a session and notes the request, which renews its idle time.
func (s *Store[T, P]) Get(ctx context.Context, id string) (T, error) {
	var v T
	raw, err := s.rdb.Get(ctx, s.key(id)).Bytes()
	if errors.Is(err, redis.Nil) {
		return v, ErrNotFound
	}
	if err != nil {
		return v, fmt.Errorf("session: load: %w", err)
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return v, ErrNotFound
	}
	m, now := P(&v).Stamps(), s.clock.Now().UTC()
	idle := !m.SeenAt.IsZero() && now.Sub(m.SeenAt) > s.opt.Idle
	if idle || now.Sub(m.CreatedAt) > s.opt.Max {
		_ = s.Delete(ctx, id)
		return v, ErrNotFound
	}
	m.id, m.SeenAt = id, now
	raw, err = json.Marshal(&v)
	if err != nil {
		return v, fmt.Errorf("session: encode: %w", err)
	}
	// One round trip, like the read: every request of a signed-in user
	// passes here, and Redis has a tight budget.
	pipe := s.rdb.Pipeline()
	pipe.Set(ctx, s.key(id), raw, s.opt.Idle)
	if s.indexed() {
		// The owner's index lives as long as their newest session can.
		pipe.Expire(ctx, s.ownerKey(&v), s.opt.Max)
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return v, fmt.Errorf("session: renew: %w", err)
	}
	return v, nil
}

// Update saves a changed session under its id.
func (s *Store[T, P]) Update(ctx context.Context, v T) error {
	return s.save(ctx, &v)
}

func (s *Store[T, P]) save(ctx context.Context, v *T) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("session: encode: %w", err)
	}
	if err := s.rdb.Set(ctx, s.key(P(v).Stamps().id), raw, s.opt.Idle).Err(); err != nil {
		return fmt.Errorf("session: save: %w", err)
	}
	return nil
}

// Delete ends one session.
func (s *Store[T, P]) Delete(ctx context.Context, id string) error {
	if err := s.rdb.Del(ctx, s.key(id)).Err(); err != nil {
		return fmt.Errorf("session: delete: %w", err)
	}
	return nil
}

// DeleteOwner ends every session of an owner (a user after a password
// reset). It needs Options.Owner.
func (s *Store[T, P]) DeleteOwner(ctx context.Context, owner uuid.UUID) error {
	key := s.opt.OwnerPrefix + owner.String()
	keys, err := s.rdb.SMembers(ctx, key).Result()
	if err != nil {
		return fmt.Errorf("session: list owner's sessions: %w", err)
	}
	// One DEL per key, in one round trip: a Redis Cluster refuses a DEL
	// of keys that live in different slots.
	pipe := s.rdb.Pipeline()
	for _, k := range append(keys, key) {
		pipe.Del(ctx, k)
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return fmt.Errorf("session: delete owner's sessions: %w", err)
	}
	return nil
}
