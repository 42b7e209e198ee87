package db

import (
	"context"
	"slices"
	"strings"
	"time"

	"switchboard/domain"
)

// TakeSignInAttempt counts an attempt on every key in one transaction,
// unless one of them is locked: then it counts nothing and returns when the
// lock ends. The rows are locked in the order of their keys, so two attempts
// on the same keys never wait on each other in a circle.
func (db *DB) TakeSignInAttempt(ctx context.Context, keys ...domain.SignInKey) (domain.SignInTurn, error) {
	var turn domain.SignInTurn
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(keys[a].Key, keys[b].Key) })
	err := db.inTxRetry(ctx, func(tx *Tx) error {
		turn = domain.SignInTurn{Counts: make([]int, len(keys))}
		type counter struct {
			Failures    int        `db:"failures"`
			FirstAt     time.Time  `db:"first_at"`
			LockedUntil *time.Time `db:"locked_until"`
		}
		rows := make([]counter, len(keys))
		for _, i := range order {
			// Make sure the row exists before locking it: FOR UPDATE locks no
			// row that is not there yet, and two first attempts at once on
			// PostgreSQL would otherwise both count from zero.
			if _, err := exec(ctx, tx, `INSERT INTO login_failures (key, failures, first_at) VALUES (?, 0, ?) ON CONFLICT (key) DO NOTHING`,
				keys[i].Key, tx.Now); err != nil {
				return err
			}
			if err := get(ctx, tx, &rows[i], "", `SELECT failures, first_at, locked_until FROM login_failures WHERE key = ?`+tx.db.Dialect.ForUpdate(), keys[i].Key); err != nil {
				return err
			}
			if l := rows[i].LockedUntil; l != nil && l.After(tx.Now) && l.After(turn.LockedUntil) {
				turn.LockedUntil = *l
			}
		}
		if !turn.LockedUntil.IsZero() {
			turn.Counts = nil
			return nil
		}
		for _, i := range order {
			row, k := rows[i], keys[i]
			n, first := 1, tx.Now
			if row.Failures > 0 && tx.Now.Sub(row.FirstAt) < domain.SignInWindow {
				n, first = row.Failures+1, row.FirstAt
			}
			var locked *time.Time
			if n >= k.Limit {
				t := tx.Now.Add(domain.SignInLockFor)
				locked = &t
			}
			if _, err := exec(ctx, tx, `UPDATE login_failures SET failures = ?, first_at = ?, locked_until = ? WHERE key = ?`,
				n, first, locked, k.Key); err != nil {
				return err
			}
			turn.Counts[i] = n
		}
		return nil
	})
	return turn, err
}

// TakeBackSignInAttempt uncounts one attempt on the key, unlocking it when it
// falls below its limit.
func (db *DB) TakeBackSignInAttempt(ctx context.Context, key domain.SignInKey) error {
	return db.inTxRetry(ctx, func(tx *Tx) error {
		_, err := exec(ctx, tx, `UPDATE login_failures
			SET failures = failures - 1, locked_until = CASE WHEN failures - 1 < ? THEN NULL ELSE locked_until END
			WHERE key = ? AND failures > 0`, key.Limit, key.Key)
		return err
	})
}

// ClearSignInFailures forgets the key's attempts.
func (db *DB) ClearSignInFailures(ctx context.Context, key string) error {
	_, err := exec(ctx, db.W, `DELETE FROM login_failures WHERE key = ?`, key)
	return err
}
