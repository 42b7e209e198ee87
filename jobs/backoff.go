package jobs

import (
	"math/rand/v2"
	"time"

	"github.com/riverqueue/river/rivertype"
)

// Backoff is the retry policy of every job: after a failed attempt n the
// job waits Base × 2^(n-1), at most Max (and up to a tenth more, so orders
// that failed together do not all come back at once): a provider that
// keeps failing is asked less and less often.
type Backoff struct {
	Base, Max time.Duration
}

// DefaultBackoff waits 5s, 10s, 20s … up to 5 minutes.
var DefaultBackoff = Backoff{Base: 5 * time.Second, Max: 5 * time.Minute}

// Wait is how long to wait after failed attempt n (1 for the first).
func (b Backoff) Wait(n int) time.Duration {
	d := b.Base
	for i := 1; i < n && d < b.Max; i++ {
		d *= 2
	}
	return min(d, b.Max)
}

// NextRetry is River's ClientRetryPolicy: when a job that just failed
// runs again.
func (b Backoff) NextRetry(job *rivertype.JobRow) time.Time {
	d := b.Wait(job.Attempt)
	return time.Now().Add(d + time.Duration(rand.Int64N(int64(d/10)+1)))
}
