package domain

import (
	"context"
	"time"
)

// Session lifetimes: a browser session ends after SessionIdle without a
// request, and SessionAbsolute after sign-in whatever happens.
const (
	SessionIdle     = 2 * time.Hour
	SessionAbsolute = 12 * time.Hour
)

// Session is one signed-in browser. ID is the SHA-256 of the random id the
// cookie carries, never the id itself.
type Session struct {
	ID        string    `db:"id"`
	UserID    int64     `db:"user_id"`
	CreatedAt time.Time `db:"created_at"`
	SeenAt    time.Time `db:"seen_at"`
}

// Live reports whether the session may still serve a request at now.
func (s *Session) Live(now time.Time) bool {
	return now.Sub(s.CreatedAt) <= SessionAbsolute && now.Sub(s.SeenAt) <= SessionIdle
}

// SessionStore keeps browser sessions, so that any instance can tell a live
// session from an ended one.
type SessionStore interface {
	// CreateSession stores s, begun at s.CreatedAt (= s.SeenAt), and
	// forgets the user's sessions that had run out by then.
	CreateSession(ctx context.Context, s *Session) error
	// FindSession returns the session with hash id and its user. Returns
	// ENOTFOUND when there is no such session (ended, or never begun).
	FindSession(ctx context.Context, id string) (*Session, *User, error)
	// TouchSession records a request on the session at time at.
	TouchSession(ctx context.Context, id string, at time.Time) error
	// DeleteSession ends one session; an unknown id is no error.
	DeleteSession(ctx context.Context, id string) error
	// DeleteUserSessions ends every session of the user, with an audit
	// record, and returns how many there were. Returns ENOTFOUND if there
	// is no such user.
	DeleteUserSessions(ctx context.Context, userID int64) (int, error)
}
