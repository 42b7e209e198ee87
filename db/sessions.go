package db

import (
	"context"
	"time"

	"switchboard/domain"
)

// CreateSession stores s, begun at s.CreatedAt (the web layer's clock keeps
// session time), and forgets the user's sessions that had run out by then.
// Returns ENOTFOUND if there is no such user.
func (db *DB) CreateSession(ctx context.Context, s *domain.Session) error {
	return db.inTx(ctx, func(tx *Tx) error {
		at := s.CreatedAt.UTC()
		s.CreatedAt, s.SeenAt = at, at
		if _, err := exec(ctx, tx, `DELETE FROM sessions WHERE user_id = ? AND (created_at < ? OR seen_at < ?)`,
			s.UserID, at.Add(-domain.SessionAbsolute), at.Add(-domain.SessionIdle)); err != nil {
			return err
		}
		_, err := exec(ctx, tx, `INSERT INTO sessions (id, user_id, created_at, seen_at) VALUES (?, ?, ?, ?)`, s.ID, s.UserID, s.CreatedAt, s.SeenAt)
		if db.Dialect.IsForeignKeyViolation(err) {
			return domain.Errorf(domain.ENOTFOUND, "User not found.")
		}
		return err
	})
}

// FindSession returns the session with hash id and its user, in one read by
// primary key. Returns ENOTFOUND when there is no such session.
func (db *DB) FindSession(ctx context.Context, id string) (*domain.Session, *domain.User, error) {
	var row struct {
		domain.Session
		Name         string    `db:"name"`
		Role         string    `db:"role"`
		PasswordHash string    `db:"password_hash"`
		Disabled     bool      `db:"disabled"`
		UserCreated  time.Time `db:"user_created_at"`
	}
	err := get(ctx, db.R, &row, "Session not found.", `SELECT s.id, s.user_id, s.created_at, s.seen_at,
		u.name, u.role, u.password_hash, u.disabled, u.created_at AS user_created_at
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`, id)
	if err != nil {
		return nil, nil, err
	}
	s := row.Session
	return &s, &domain.User{ID: s.UserID, Name: row.Name, Role: domain.Role(row.Role), PasswordHash: row.PasswordHash,
		Disabled: row.Disabled, CreatedAt: row.UserCreated}, nil
}

// TouchSession records a request on the session at time at.
func (db *DB) TouchSession(ctx context.Context, id string, at time.Time) error {
	_, err := exec(ctx, db.W, `UPDATE sessions SET seen_at = ? WHERE id = ?`, at.UTC(), id)
	return err
}

// DeleteSession ends one session; an unknown id is no error.
func (db *DB) DeleteSession(ctx context.Context, id string) error {
	_, err := exec(ctx, db.W, `DELETE FROM sessions WHERE id = ?`, id)
	return err
}

// DeleteUserSessions ends every session of the user, with an audit record,
// and returns how many there were. Returns ENOTFOUND if there is no such user.
func (db *DB) DeleteUserSessions(ctx context.Context, userID int64) (int, error) {
	var n int
	err := db.inTx(ctx, func(tx *Tx) error {
		var u domain.User
		if err := get(ctx, tx, &u, "User not found.", `SELECT `+userCols+` FROM users WHERE id = ?`, userID); err != nil {
			return err
		}
		var err error
		if n, err = deleteUserSessions(ctx, tx, userID); err != nil {
			return err
		}
		return insertAudit(ctx, tx, domain.EntityUser, userID, "end sessions", map[string]domain.Change{"Sessions": {n, 0}})
	})
	return n, err
}

// deleteUserSessions ends every session of the user in tx.
func deleteUserSessions(ctx context.Context, tx *Tx, userID int64) (int, error) {
	res, err := exec(ctx, tx, `DELETE FROM sessions WHERE user_id = ?`, userID)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}
