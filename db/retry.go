package db

import "context"

// maxTxAttempts bounds how often inTxRetry runs a transaction.
const maxTxAttempts = 4

// inTxRetry is inTx for transactions that lock rows as they go (the order
// writes): when the engine aborts one to break a deadlock with another
// (PostgreSQL), it runs fn again from the start, in a new transaction, so
// the rules are checked again on what the other one wrote. fn must not
// keep state from an aborted attempt.
func (db *DB) inTxRetry(ctx context.Context, fn func(tx *Tx) error) error {
	var err error
	for range maxTxAttempts {
		if err = db.inTx(ctx, fn); err == nil || !db.Dialect.IsRetryable(err) || ctx.Err() != nil {
			return err
		}
	}
	return err
}
