package db

import (
	"context"
	"time"

	"switchboard/domain"
)

// SignInLockedUntil returns when the key's lock ends, or the zero time.
func (db *DB) SignInLockedUntil(ctx context.Context, key string) (time.Time, error) {
	var until []time.Time
	err := sel(ctx, db.R, &until, `SELECT locked_until FROM login_failures WHERE key = ? AND locked_until IS NOT NULL`, key)
	if err != nil || len(until) == 0 || !until[0].After(db.Now()) {
		return time.Time{}, err
	}
	return until[0], nil
}

// RecordSignInFailure counts a failure and locks the key at limit failures
// within the window. It returns the failures counted in the window.
func (db *DB) RecordSignInFailure(ctx context.Context, key string, limit int) (int, error) {
	var n int
	err := db.inTx(ctx, func(tx *Tx) error {
		var rows []struct {
			Failures int       `db:"failures"`
			FirstAt  time.Time `db:"first_at"`
		}
		if err := sel(ctx, tx, &rows, `SELECT failures, first_at FROM login_failures WHERE key = ?`+tx.db.Dialect.ForUpdate(), key); err != nil {
			return err
		}
		first := tx.Now
		n = 1
		if len(rows) == 1 && tx.Now.Sub(rows[0].FirstAt) < domain.SignInWindow {
			n, first = rows[0].Failures+1, rows[0].FirstAt
		}
		var locked *time.Time
		if n >= limit {
			t := tx.Now.Add(domain.SignInLockFor)
			locked = &t
		}
		_, err := exec(ctx, tx, `INSERT INTO login_failures (key, failures, first_at, locked_until) VALUES (?, ?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, first_at = excluded.first_at, locked_until = excluded.locked_until`,
			key, n, first, locked)
		return err
	})
	return n, err
}

// ClearSignInFailures forgets the key's failures.
func (db *DB) ClearSignInFailures(ctx context.Context, key string) error {
	_, err := exec(ctx, db.W, `DELETE FROM login_failures WHERE key = ?`, key)
	return err
}
