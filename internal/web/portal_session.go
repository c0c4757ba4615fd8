package web

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

// A salon's client signed in to its portal. Client sessions live apart from
// staff sessions (their own key space, their own cookie scoped to the
// salon's pages): a client is never a user of the back office.
type clientSession struct {
	id         string
	SalonID    uuid.UUID `json:"s"`
	CustomerID uuid.UUID `json:"c"`
	CreatedAt  time.Time `json:"t"`
	SeenAt     time.Time `json:"v"`
}

// Client sessions end after an hour without a request, and a day after
// sign-in however active: a phone left on a counter does not stay signed in.
const (
	ClientSessionIdle = time.Hour
	ClientSessionMax  = 24 * time.Hour
)

// clientSessions keeps client sessions in Redis under csess:<hash of id>.
// Expiry is judged on the injected clock (so it can be tested), Redis's own
// expiry only clears what nobody comes back for.
type clientSessions struct {
	rdb    redis.UniversalClient
	prefix string
	clock  clock.Clock
}

var errNoClientSession = errors.New("web: no client session")

func (s *Server) clientSessions() *clientSessions {
	return &clientSessions{rdb: s.Redis, prefix: s.cfg.RedisPrefix, clock: s.Clock}
}

func (s *clientSessions) key(id string) string {
	return s.prefix + "csess:" + hex.EncodeToString(secret.Hash(id))
}

// Create stores a new session under a new random id (a fresh id at each
// sign-in: nobody can plant one beforehand).
func (s *clientSessions) Create(ctx context.Context, salonID, customerID uuid.UUID) (string, error) {
	id, _ := secret.NewToken()
	now := s.clock.Now()
	return id, s.save(ctx, id, clientSession{SalonID: salonID, CustomerID: customerID, CreatedAt: now, SeenAt: now})
}

// Get loads a session and notes the request, which renews its idle time.
func (s *clientSessions) Get(ctx context.Context, id string) (clientSession, error) {
	raw, err := s.rdb.Get(ctx, s.key(id)).Bytes()
	if errors.Is(err, redis.Nil) {
		return clientSession{}, errNoClientSession
	}
	if err != nil {
		return clientSession{}, fmt.Errorf("web: load client session: %w", err)
	}
	var cs clientSession
	if err := json.Unmarshal(raw, &cs); err != nil {
		return clientSession{}, errNoClientSession
	}
	now := s.clock.Now()
	if now.Sub(cs.SeenAt) > ClientSessionIdle || now.Sub(cs.CreatedAt) > ClientSessionMax {
		_ = s.Delete(ctx, id)
		return clientSession{}, errNoClientSession
	}
	cs.id, cs.SeenAt = id, now
	if err := s.save(ctx, id, cs); err != nil {
		return clientSession{}, err
	}
	return cs, nil
}

func (s *clientSessions) save(ctx context.Context, id string, cs clientSession) error {
	raw, err := json.Marshal(cs)
	if err != nil {
		return fmt.Errorf("web: encode client session: %w", err)
	}
	if err := s.rdb.Set(ctx, s.key(id), raw, ClientSessionIdle).Err(); err != nil {
		return fmt.Errorf("web: save client session: %w", err)
	}
	return nil
}

// Delete ends a session.
func (s *clientSessions) Delete(ctx context.Context, id string) error {
	if err := s.rdb.Del(ctx, s.key(id)).Err(); err != nil {
		return fmt.Errorf("web: delete client session: %w", err)
	}
	return nil
}
