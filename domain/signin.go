package domain

import (
	"context"
	"time"
)

// Sign-in throttling: failures are counted per user name and per client
// address within a window; each failure past the first few is answered more
// slowly, and past the limit the key is refused until the lock ends.
const (
	SignInWindow      = 15 * time.Minute
	SignInLockFor     = 15 * time.Minute
	SignInUserLimit   = 5  // failures per user name before it is locked
	SignInClientLimit = 20 // failures per client address before it is locked
	SignInFreeTries   = 2  // failures answered without delay
)

// SignInDelay is how long to wait before answering the nth failure in a row.
func SignInDelay(failures int) time.Duration {
	if failures <= SignInFreeTries {
		return 0
	}
	d := time.Duration(failures-SignInFreeTries) * 500 * time.Millisecond
	return min(d, 3*time.Second)
}

// SignInStore counts failed sign-ins.
type SignInStore interface {
	// SignInLockedUntil returns when the key's lock ends, or the zero time.
	SignInLockedUntil(ctx context.Context, key string) (time.Time, error)
	// RecordSignInFailure counts a failure; limit failures in SignInWindow lock the key.
	// It returns the failures in the window.
	RecordSignInFailure(ctx context.Context, key string, limit int) (int, error)
	// ClearSignInFailures forgets the key's failures after a good sign-in.
	ClearSignInFailures(ctx context.Context, key string) error
}
