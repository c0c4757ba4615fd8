package web

import (
	"time"

	"github.com/google/uuid"
	"github.com/redis/go-redis/v9"

	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/config"
	sessionstore "github.com/carnet-salon/carnet/internal/session"
)

// Session is a logged-in staff member or platform admin.
type Session struct {
	sessionstore.Meta
	UserID     uuid.UUID `json:"u"`
	SalonID    uuid.UUID `json:"s"` // the salon being worked in; Nil for a platform admin outside any salon
	IsAdmin    bool      `json:"a"`
	SalonCount int       `json:"n"` // salons the user may switch between, for the menu
	// SecondFactor: a platform admin proved their second factor in this
	// session; /admin needs it.
	SecondFactor bool `json:"f"`
	// PendingTOTP is the second-factor secret this session is setting up,
	// sealed: shown to this session only, stored once confirmed.
	PendingTOTP []byte `json:"pt,omitempty"`
	// ViewAs is the owner a platform admin is looking through, read-only, in
	// a support session of SalonID ("view as the owner"); Nil otherwise.
	ViewAs uuid.UUID `json:"va,omitempty"`
}

// viewingAs reports whether the session is an admin's support session.
func (s *Session) viewingAs() bool { return s != nil && s.ViewAs != uuid.Nil }

// MaxSessionAge ends a staff session however active it is.
const MaxSessionAge = 30 * 24 * time.Hour

// staffSessions live under sess:<hash of id>; usess:<user> lists a user's
// sessions so a password reset can end them all.
func staffSessions(rdb redis.UniversalClient, clk clock.Clock, cfg config.Config) *sessionstore.Store[Session, *Session] {
	return sessionstore.New[Session](rdb, clk, sessionstore.Options[Session]{
		Prefix: cfg.RedisPrefix + "sess:", Idle: cfg.SessionIdle, Max: MaxSessionAge,
		OwnerPrefix: cfg.RedisPrefix + "usess:", Owner: func(s *Session) uuid.UUID { return s.UserID },
	})
}
