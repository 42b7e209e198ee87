package db

import (
	"context"
	"time"

	"switchboard/domain"
)

// idempotencyRow is a row of idempotency_keys. A key is written with its
// answer in the transaction of what its request created (create_record.go),
// so a committed row always has one; a row without (Status nil) was left
// by an earlier version whose request was cut off.
type idempotencyRow struct {
	Method     string    `db:"method"`
	Path       string    `db:"path"`
	BodySHA256 string    `db:"body_sha256"`
	Status     *int      `db:"status"`
	Answer     *string   `db:"answer"`
	CreatedAt  time.Time `db:"created_at"`
}

// FindIdempotentAnswer returns the answer recorded for req's key. Returns
// ENOTFOUND if the key is unused or older than domain.IdempotencyTTL, and
// ECONFLICT if it was used for another method, path or body.
func (db *DB) FindIdempotentAnswer(ctx context.Context, req domain.IdempotencyRequest) (*domain.IdempotentAnswer, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	return db.findIdempotentAnswer(ctx, db.R, req)
}

func (db *DB) findIdempotentAnswer(ctx context.Context, q queryer, req domain.IdempotencyRequest) (*domain.IdempotentAnswer, error) {
	var row idempotencyRow
	err := get(ctx, q, &row, "Idempotency-Key not used yet",
		`SELECT method, path, body_sha256, status, answer, created_at FROM idempotency_keys WHERE user_id = ? AND key = ? AND created_at >= ?`,
		req.UserID, req.Key, db.Now().Add(-domain.IdempotencyTTL))
	if err != nil {
		return nil, err
	}
	switch {
	case row.Method != req.Method || row.Path != req.Path:
		return nil, domain.Errorf(domain.ECONFLICT, "Idempotency-Key %q was already used for %s %s; use a new key for each request",
			req.Key, row.Method, row.Path)
	case row.BodySHA256 != req.BodyHash:
		return nil, domain.Errorf(domain.ECONFLICT,
			"Idempotency-Key %q was already used with a different request body; send the same body to get the first answer again, or use a new key for a new request",
			req.Key)
	case row.Status == nil:
		return nil, domain.Errorf(domain.ECONFLICT,
			"A request with Idempotency-Key %q was interrupted at %s before it answered; check whether it created anything before sending it again with a new key",
			req.Key, row.CreatedAt.UTC().Format(time.RFC3339))
	}
	ans := &domain.IdempotentAnswer{Status: *row.Status}
	if row.Answer != nil {
		ans.Body = []byte(*row.Answer)
	}
	return ans, nil
}

// takeIdempotencyKey takes req's key in tx: an INSERT that does nothing
// when the key is there already. On PostgreSQL an INSERT of a key another
// open transaction inserted waits for that one to end; on SQLite writes
// take turns. So a request with a key in use waits here for the first to
// commit, then finds the key answered: *domain.AlreadyCreated with the
// answer (or ECONFLICT for another request). A key older than
// domain.IdempotencyTTL is forgotten first.
func (db *DB) takeIdempotencyKey(ctx context.Context, tx *Tx, req domain.IdempotencyRequest) error {
	if _, err := exec(ctx, tx, `DELETE FROM idempotency_keys WHERE user_id = ? AND key = ? AND created_at < ?`,
		req.UserID, req.Key, tx.Now.Add(-domain.IdempotencyTTL)); err != nil {
		return err
	}
	res, err := exec(ctx, tx, `INSERT INTO idempotency_keys (user_id, key, method, path, body_sha256, claim_token, created_at)
		VALUES (?, ?, ?, ?, ?, '', ?) ON CONFLICT (user_id, key) DO NOTHING`,
		req.UserID, req.Key, req.Method, req.Path, req.BodyHash, tx.Now)
	if err != nil {
		return db.mapErr(err, "Idempotency-Key could not be recorded")
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 1 {
		return nil
	}
	ans, err := db.findIdempotentAnswer(ctx, tx, req)
	if err != nil {
		return err
	}
	return &domain.AlreadyCreated{Answer: ans}
}

// answerIdempotencyKey records the answer of the key taken in tx.
func answerIdempotencyKey(ctx context.Context, tx *Tx, req domain.IdempotencyRequest, ans domain.IdempotentAnswer) error {
	_, err := exec(ctx, tx, `UPDATE idempotency_keys SET status = ?, answer = ?, completed_at = ? WHERE user_id = ? AND key = ?`,
		ans.Status, string(ans.Body), tx.Now, req.UserID, req.Key)
	return err
}

// DeleteExpiredIdempotencyKeys forgets keys made before before.
func (db *DB) DeleteExpiredIdempotencyKeys(ctx context.Context, before time.Time) (int64, error) {
	res, err := exec(ctx, db.W, `DELETE FROM idempotency_keys WHERE created_at < ?`, before)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
