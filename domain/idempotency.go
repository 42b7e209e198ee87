package domain

import (
	"context"
	"strings"
	"time"
)

// Idempotency keys (API.md "Conventions"): a creating request sent with an
// Idempotency-Key header is performed once. The same key with the same
// request answers the first answer again and creates nothing; the same key
// with another request is a conflict. Keys belong to the user who sent them
// and are kept for IdempotencyTTL.
const (
	// IdempotencyTTL is how long a key and its answer are kept.
	IdempotencyTTL = 24 * time.Hour
	// MaxIdempotencyKey bounds a key's length.
	MaxIdempotencyKey = 255
)

// IdempotencyRequest is one creating request sent with an Idempotency-Key.
type IdempotencyRequest struct {
	UserID   int64
	Key      string
	Method   string
	Path     string
	BodyHash string // hex sha256 of the request body
}

// Validate checks the key: 1 to 255 visible ASCII characters.
func (r *IdempotencyRequest) Validate() error {
	if r.Key == "" || strings.TrimSpace(r.Key) != r.Key {
		return FieldErrorf("Idempotency-Key", "Idempotency-Key must not be empty or start or end with spaces")
	}
	if len(r.Key) > MaxIdempotencyKey {
		return FieldErrorf("Idempotency-Key", "Idempotency-Key must be at most %d characters", MaxIdempotencyKey)
	}
	for i := 0; i < len(r.Key); i++ {
		if c := r.Key[i]; c < 0x20 || c > 0x7e {
			return FieldErrorf("Idempotency-Key", "Idempotency-Key must be visible ASCII characters (a UUID is a good key)")
		}
	}
	return nil
}

// IdempotentAnswer is the answer recorded for a key: its HTTP status and body.
type IdempotentAnswer struct {
	Status int
	Body   []byte
}

// IdempotencyStore keeps idempotency keys and their answers, shared by
// every instance. A key is taken and answered by the creating store
// method it is given to (CreateRecord.Key), in the transaction of what it
// creates; this store only reads and forgets them.
type IdempotencyStore interface {
	// FindIdempotentAnswer returns the answer recorded for req's key.
	// Returns ENOTFOUND if the key is unused (or expired) and ECONFLICT if
	// it was used for another method, path or body.
	FindIdempotentAnswer(ctx context.Context, req IdempotencyRequest) (*IdempotentAnswer, error)

	// DeleteExpiredIdempotencyKeys forgets keys made before before; it
	// returns how many.
	DeleteExpiredIdempotencyKeys(ctx context.Context, before time.Time) (int64, error)
}
