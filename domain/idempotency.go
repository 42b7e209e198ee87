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
	// IdempotencyLease is how long a request may hold a key without
	// answering before it counts as interrupted (its instance stopped).
	IdempotencyLease = 2 * time.Minute
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

// IdempotencyClaim is the outcome of claiming a key: either the caller now
// holds the key (Token set; it must Complete or Release it) or the key was
// already answered (Answer set; replay it).
type IdempotencyClaim struct {
	Token  string
	Answer *IdempotentAnswer
}

// IdempotencyStore keeps idempotency keys and their answers, shared by
// every instance.
type IdempotencyStore interface {
	// ClaimIdempotencyKey claims req's key for one request, atomically: of
	// several requests with one key exactly one holds it at a time. When
	// another request holds the key it waits up to wait for that request to
	// answer, then returns its answer (or claims the key if that request
	// released it). Returns ECONFLICT if the key was used for another
	// method, path or body, if it is still held after wait, or if its holder
	// was interrupted (IdempotencyLease passed without an answer: whether it
	// created anything is unknown, so it is not run again).
	ClaimIdempotencyKey(ctx context.Context, req IdempotencyRequest, wait time.Duration) (*IdempotencyClaim, error)

	// CompleteIdempotencyKey records the answer of the request holding the
	// key under token; later requests with the key get it.
	CompleteIdempotencyKey(ctx context.Context, req IdempotencyRequest, token string, ans IdempotentAnswer) error

	// ReleaseIdempotencyKey gives up a key held under token without an
	// answer (the request failed and created nothing), so it can be used again.
	ReleaseIdempotencyKey(ctx context.Context, req IdempotencyRequest, token string) error

	// DeleteExpiredIdempotencyKeys forgets keys made before before; it
	// returns how many.
	DeleteExpiredIdempotencyKeys(ctx context.Context, before time.Time) (int64, error)
}
