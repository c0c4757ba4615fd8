package web

import (
	"time"

	"github.com/google/uuid"
	"github.com/redis/go-redis/v9"

	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/config"
	sessionstore "github.com/carnet-salon/carnet/internal/session"
)

// A salon's client signed in to its portal. Client sessions live apart from
// staff sessions (their own key space, their own cookie scoped to the
// salon's pages): a client is never a user of the back office.
type clientSession struct {
	sessionstore.Meta
	SalonID    uuid.UUID `json:"s"`
	CustomerID uuid.UUID `json:"cu"`
}

// Client sessions end after an hour without a request, and a day after
// sign-in however active: a phone left on a counter does not stay signed in.
const (
	ClientSessionIdle = time.Hour
	ClientSessionMax  = 24 * time.Hour
)

// clientSessions live under csess:<hash of id>.
func clientSessions(rdb redis.UniversalClient, clk clock.Clock, cfg config.Config) *sessionstore.Store[clientSession, *clientSession] {
	return sessionstore.New[clientSession](rdb, clk, sessionstore.Options[clientSession]{
		Prefix: cfg.RedisPrefix + "csess:", Idle: ClientSessionIdle, Max: ClientSessionMax,
	})
}
