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

// SignInKey is one counter a sign-in attempt is counted on ("user:NAME",
// "client:ADDRESS") and the attempts in SignInWindow that lock it.
type SignInKey struct {
	Key   string
	Limit int
}

// SignInTurn is what taking a sign-in attempt found.
type SignInTurn struct {
	// Counts are the attempts counted on each key in the window, this one
	// included, in the order the keys were given.
	Counts []int
	// LockedUntil is when the lock ends, when a key was locked: then the
	// attempt was refused and nothing was counted.
	LockedUntil time.Time
}

// AtLimit reports whether this attempt reached a key's limit (and so locked it).
func (t SignInTurn) AtLimit(keys []SignInKey) bool {
	for i, k := range keys {
		if i < len(t.Counts) && t.Counts[i] >= k.Limit {
			return true
		}
	}
	return false
}

// SignInStore counts sign-in attempts. An attempt is counted before its
// password is checked, in one atomic step with the test of the limit, so
// guesses sent at once are counted as if sent one by one, on any instance.
type SignInStore interface {
	// TakeSignInAttempt counts an attempt on every key at once, unless one
	// of them is locked: then nothing is counted and LockedUntil says until
	// when. A key that reaches its limit is locked for SignInLockFor.
	TakeSignInAttempt(ctx context.Context, keys ...SignInKey) (SignInTurn, error)
	// ClearSignInFailures forgets the key's attempts after a good sign-in.
	ClearSignInFailures(ctx context.Context, key string) error
	// TakeBackSignInAttempt uncounts one attempt on key (a good sign-in),
	// unlocking it when it falls below limit.
	TakeBackSignInAttempt(ctx context.Context, key SignInKey) error
}
