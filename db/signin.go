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
		// Make sure the row exists before locking it: FOR UPDATE locks no
		// row that is not there yet, and two first failures at once on
		// PostgreSQL would otherwise both count from zero.
		if _, err := exec(ctx, tx, `INSERT INTO login_failures (key, failures, first_at) VALUES (?, 0, ?) ON CONFLICT (key) DO NOTHING`,
			key, tx.Now); err != nil {
			return err
		}
		var row struct {
			Failures int       `db:"failures"`
			FirstAt  time.Time `db:"first_at"`
		}
		if err := get(ctx, tx, &row, "", `SELECT failures, first_at FROM login_failures WHERE key = ?`+tx.db.Dialect.ForUpdate(), key); err != nil {
			return err
		}
		first := tx.Now
		n = 1
		if row.Failures > 0 && tx.Now.Sub(row.FirstAt) < domain.SignInWindow {
			n, first = row.Failures+1, row.FirstAt
		}
		var locked *time.Time
		if n >= limit {
			t := tx.Now.Add(domain.SignInLockFor)
			locked = &t
		}
		_, err := exec(ctx, tx, `UPDATE login_failures SET failures = ?, first_at = ?, locked_until = ? WHERE key = ?`,
			n, first, locked, key)
		return err
	})
	return n, err
}

// ClearSignInFailures forgets the key's failures.
func (db *DB) ClearSignInFailures(ctx context.Context, key string) error {
	_, err := exec(ctx, db.W, `DELETE FROM login_failures WHERE key = ?`, key)
	return err
}
