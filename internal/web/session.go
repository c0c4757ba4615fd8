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

	"github.com/carnet-salon/carnet/internal/secret"
)

// Session is a logged-in staff member or platform admin.
type Session struct {
	id         string
	UserID     uuid.UUID `json:"u"`
	SalonID    uuid.UUID `json:"s"` // the salon being worked in; Nil for a platform admin outside any salon
	IsAdmin    bool      `json:"a"`
	SalonCount int       `json:"n"` // salons the user may switch between, for the menu
	CreatedAt  time.Time `json:"c"`
}

// Sessions keeps sessions in Redis: sess:<hash of id> holds the session and
// expires after the idle time (renewed on each request); usess:<user> lists a
// user's sessions so a password reset can end them all.
type Sessions struct {
	rdb    redis.UniversalClient
	prefix string
	idle   time.Duration
}

var errNoSession = errors.New("web: no session")

func (s *Sessions) key(id string) string {
	return s.prefix + "sess:" + hex.EncodeToString(secret.Hash(id))
}

func (s *Sessions) userKey(userID uuid.UUID) string { return s.prefix + "usess:" + userID.String() }

// Create stores a new session under a new random id (never a reused one: a
// fresh id at login defeats session fixation).
func (s *Sessions) Create(ctx context.Context, sess Session) (string, error) {
	id, _ := secret.NewToken()
	sess.CreatedAt = time.Now().UTC()
	if err := s.save(ctx, id, sess); err != nil {
		return "", err
	}
	pipe := s.rdb.TxPipeline()
	pipe.SAdd(ctx, s.userKey(sess.UserID), s.key(id))
	pipe.Expire(ctx, s.userKey(sess.UserID), MaxSessionAge)
	if _, err := pipe.Exec(ctx); err != nil {
		return "", fmt.Errorf("web: index session: %w", err)
	}
	return id, nil
}

// MaxSessionAge ends a session however active it is, so a stolen cookie in
// constant use does not live forever.
const MaxSessionAge = 30 * 24 * time.Hour

// Get loads a session and renews its idle expiry.
func (s *Sessions) Get(ctx context.Context, id string) (Session, error) {
	raw, err := s.rdb.GetEx(ctx, s.key(id), s.idle).Bytes()
	if errors.Is(err, redis.Nil) {
		return Session{}, errNoSession
	}
	if err != nil {
		return Session{}, fmt.Errorf("web: load session: %w", err)
	}
	var sess Session
	if err := json.Unmarshal(raw, &sess); err != nil {
		return Session{}, errNoSession
	}
	if time.Since(sess.CreatedAt) > MaxSessionAge {
		_ = s.Delete(ctx, id)
		return Session{}, errNoSession
	}
	sess.id = id
	// The user's index of sessions lives as long as their newest session can.
	s.rdb.Expire(ctx, s.userKey(sess.UserID), MaxSessionAge)
	return sess, nil
}

// Update saves a changed session under the same id.
func (s *Sessions) Update(ctx context.Context, sess Session) error {
	return s.save(ctx, sess.id, sess)
}

func (s *Sessions) save(ctx context.Context, id string, sess Session) error {
	raw, err := json.Marshal(sess)
	if err != nil {
		return fmt.Errorf("web: encode session: %w", err)
	}
	if err := s.rdb.Set(ctx, s.key(id), raw, s.idle).Err(); err != nil {
		return fmt.Errorf("web: save session: %w", err)
	}
	return nil
}

// Delete ends one session.
func (s *Sessions) Delete(ctx context.Context, id string) error {
	if err := s.rdb.Del(ctx, s.key(id)).Err(); err != nil {
		return fmt.Errorf("web: delete session: %w", err)
	}
	return nil
}

// DeleteUser ends every session of a user (after a password reset).
func (s *Sessions) DeleteUser(ctx context.Context, userID uuid.UUID) error {
	keys, err := s.rdb.SMembers(ctx, s.userKey(userID)).Result()
	if err != nil {
		return fmt.Errorf("web: list user sessions: %w", err)
	}
	keys = append(keys, s.userKey(userID))
	if err := s.rdb.Del(ctx, keys...).Err(); err != nil {
		return fmt.Errorf("web: delete user sessions: %w", err)
	}
	return nil
}
