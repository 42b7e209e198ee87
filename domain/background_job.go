package domain

import (
	"context"
	"time"
)

// How the admin page groups background jobs.
const (
	JobWaiting  = "waiting"  // due now or later
	JobRunning  = "running"  // being worked
	JobRetrying = "retrying" // failed, tried again after a backoff
	JobFailed   = "failed"   // gave up (out of attempts, or cancelled)
)

// JobGroups lists the groups in the admin page's order.
var JobGroups = []string{JobWaiting, JobRunning, JobRetrying, JobFailed}

// BackgroundJob is one background job as the admin page shows it.
type BackgroundJob struct {
	ID          int64
	Kind        string
	Group       string // one of JobGroups
	OrderID     int64  // the order it works on, 0 for none
	Attempt     int
	MaxAttempts int
	LastError   string // the last failed attempt's error
	ErrorAt     *time.Time
	ScheduledAt time.Time // when it runs next (waiting, retrying)
	AttemptedAt *time.Time
	CreatedAt   time.Time
}

// JobAdmin lists and retries background jobs.
type JobAdmin interface {
	// FindJobs lists the jobs in group, newest first, at most limit, and
	// reports whether there are more. Returns EINVALID for an unknown group.
	FindJobs(ctx context.Context, group string, limit int) ([]*BackgroundJob, bool, error)
	// RetryJob makes failed job id run again at once. Returns ENOTFOUND if
	// there is no such job, EINVALID if it is not failed.
	RetryJob(ctx context.Context, id int64) error
}
