package db

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"switchboard/domain"
)

// idempotencyRow is a row of idempotency_keys. Status is nil while the
// request holding the key runs.
type idempotencyRow struct {
	Method     string    `db:"method"`
	Path       string    `db:"path"`
	BodySHA256 string    `db:"body_sha256"`
	Status     *int      `db:"status"`
	Answer     *string   `db:"answer"`
	CreatedAt  time.Time `db:"created_at"`
}

// Polling while another request holds a key: the first look comes soon,
// later ones back off to at most idempotencyPollMax apart.
const (
	idempotencyPollMin = 5 * time.Millisecond
	idempotencyPollMax = 100 * time.Millisecond
)

// ClaimIdempotencyKey claims req's key: an INSERT that does nothing when
// the key is there already, so of several requests at once (on any
// instance) exactly one inserts and holds it. The others read the row
// until it has an answer (returned to replay), or is gone (the holder
// failed and released it: they try to claim it again), or wait has passed.
// Returns ECONFLICT when the key was used for another request, is still
// held after wait, or was held past domain.IdempotencyLease without an
// answer.
func (db *DB) ClaimIdempotencyKey(ctx context.Context, req domain.IdempotencyRequest, wait time.Duration) (*domain.IdempotencyClaim, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	deadline := time.Now().Add(wait)
	delay := idempotencyPollMin
	for {
		token, err := db.insertIdempotencyKey(ctx, req)
		if err != nil {
			return nil, err
		} else if token != "" {
			return &domain.IdempotencyClaim{Token: token}, nil
		}
		// Held or answered: read it until it has an answer or is released.
		for {
			row, err := db.findIdempotencyKey(ctx, req)
			if domain.ErrorCode(err) == domain.ENOTFOUND {
				break // released: claim it again
			} else if err != nil {
				return nil, err
			}
			if err := sameIdempotentRequest(req, row); err != nil {
				return nil, err
			}
			if row.Status != nil {
				ans := &domain.IdempotentAnswer{Status: *row.Status}
				if row.Answer != nil {
					ans.Body = []byte(*row.Answer)
				}
				return &domain.IdempotencyClaim{Answer: ans}, nil
			}
			if db.Now().Sub(row.CreatedAt) > domain.IdempotencyLease {
				return nil, domain.Errorf(domain.ECONFLICT,
					"A request with Idempotency-Key %q was interrupted at %s before it answered; check whether it created anything before sending it again with a new key",
					req.Key, row.CreatedAt.UTC().Format(time.RFC3339))
			}
			left := time.Until(deadline)
			if left <= 0 {
				return nil, domain.Errorf(domain.ECONFLICT,
					"A request with Idempotency-Key %q is still being processed; send it again in a moment to get its answer", req.Key)
			}
			select {
			case <-ctx.Done():
				return nil, ctx.Err()
			case <-time.After(min(delay, left)):
			}
			delay = min(2*delay, idempotencyPollMax)
		}
	}
}

// insertIdempotencyKey claims the key when nobody holds it (a key older
// than domain.IdempotencyTTL is forgotten first). It returns the claim's
// token, or "" when the key is there already.
func (db *DB) insertIdempotencyKey(ctx context.Context, req domain.IdempotencyRequest) (string, error) {
	now := db.Now()
	if _, err := exec(ctx, db.W, `DELETE FROM idempotency_keys WHERE user_id = ? AND key = ? AND created_at < ?`,
		req.UserID, req.Key, now.Add(-domain.IdempotencyTTL)); err != nil {
		return "", err
	}
	token, err := newClaimToken()
	if err != nil {
		return "", err
	}
	res, err := exec(ctx, db.W, `INSERT INTO idempotency_keys (user_id, key, method, path, body_sha256, claim_token, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, key) DO NOTHING`,
		req.UserID, req.Key, req.Method, req.Path, req.BodyHash, token, now)
	if err != nil {
		return "", db.mapErr(err, "Idempotency-Key could not be recorded")
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return "", err
	}
	return token, nil
}

// findIdempotencyKey reads the key's row. Returns ENOTFOUND if there is none.
func (db *DB) findIdempotencyKey(ctx context.Context, req domain.IdempotencyRequest) (*idempotencyRow, error) {
	var row idempotencyRow
	err := get(ctx, db.R, &row, "Idempotency-Key not found",
		`SELECT method, path, body_sha256, status, answer, created_at FROM idempotency_keys WHERE user_id = ? AND key = ?`,
		req.UserID, req.Key)
	if err != nil {
		return nil, err
	}
	return &row, nil
}

// sameIdempotentRequest refuses a key sent with another request than the
// one it was first used for.
func sameIdempotentRequest(req domain.IdempotencyRequest, row *idempotencyRow) error {
	switch {
	case row.Method != req.Method || row.Path != req.Path:
		return domain.Errorf(domain.ECONFLICT, "Idempotency-Key %q was already used for %s %s; use a new key for each request",
			req.Key, row.Method, row.Path)
	case row.BodySHA256 != req.BodyHash:
		return domain.Errorf(domain.ECONFLICT,
			"Idempotency-Key %q was already used with a different request body; send the same body to get the first answer again, or use a new key for a new request",
			req.Key)
	}
	return nil
}

// CompleteIdempotencyKey records the answer of the request holding the key.
func (db *DB) CompleteIdempotencyKey(ctx context.Context, req domain.IdempotencyRequest, token string, ans domain.IdempotentAnswer) error {
	res, err := exec(ctx, db.W, `UPDATE idempotency_keys SET status = ?, answer = ?, completed_at = ?
		WHERE user_id = ? AND key = ? AND claim_token = ? AND status IS NULL`,
		ans.Status, string(ans.Body), db.Now(), req.UserID, req.Key, token)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return fmt.Errorf("complete idempotency key %q of user %d: the claim is gone", req.Key, req.UserID)
	}
	return nil
}

// ReleaseIdempotencyKey forgets a key held under token that has no answer.
func (db *DB) ReleaseIdempotencyKey(ctx context.Context, req domain.IdempotencyRequest, token string) error {
	_, err := exec(ctx, db.W, `DELETE FROM idempotency_keys WHERE user_id = ? AND key = ? AND claim_token = ? AND status IS NULL`,
		req.UserID, req.Key, token)
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

func newClaimToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}
