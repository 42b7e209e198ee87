package jobs

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/rivertype"

	"switchboard/domain"
)

// Admin lists and retries jobs through River (JobList, JobRetry).
type Admin struct {
	client *river.Client[*sql.Tx]
}

var _ domain.JobAdmin = (*Admin)(nil)

// NewAdmin is an Admin on its own insert-only River client.
func NewAdmin(driver riverdriver.Driver[*sql.Tx]) (*Admin, error) {
	c, err := river.NewClient(driver, &river.Config{})
	if err != nil {
		return nil, err
	}
	return &Admin{client: c}, nil
}

// Admin is the client's Admin.
func (c *Client) Admin() *Admin { return &Admin{client: c.River} }

// groupStates are River's states in each group of domain.JobGroups.
var groupStates = map[string][]rivertype.JobState{
	domain.JobWaiting:  {rivertype.JobStateAvailable, rivertype.JobStateScheduled, rivertype.JobStatePending},
	domain.JobRunning:  {rivertype.JobStateRunning},
	domain.JobRetrying: {rivertype.JobStateRetryable},
	domain.JobFailed:   {rivertype.JobStateDiscarded, rivertype.JobStateCancelled},
}

// FindJobs lists the jobs of group, newest first.
func (a *Admin) FindJobs(ctx context.Context, group string, limit int) ([]*domain.BackgroundJob, bool, error) {
	states, ok := groupStates[group]
	if !ok {
		return nil, false, domain.FieldErrorf("State", "State must be one of waiting, running, retrying, failed")
	}
	res, err := a.client.JobList(ctx, river.NewJobListParams().States(states...).
		OrderBy(river.JobListOrderByID, river.SortOrderDesc).First(limit+1))
	if err != nil {
		return nil, false, err
	}
	rows := res.Jobs
	more := len(rows) > limit
	if more {
		rows = rows[:limit]
	}
	out := make([]*domain.BackgroundJob, len(rows))
	for i, j := range rows {
		out[i] = toBackgroundJob(j, group)
	}
	return out, more, nil
}

func toBackgroundJob(j *rivertype.JobRow, group string) *domain.BackgroundJob {
	b := &domain.BackgroundJob{ID: j.ID, Kind: j.Kind, Group: group, Attempt: j.Attempt, MaxAttempts: j.MaxAttempts,
		ScheduledAt: j.ScheduledAt, AttemptedAt: j.AttemptedAt, CreatedAt: j.CreatedAt}
	var args struct {
		OrderID int64 `json:"order_id"`
	}
	if json.Unmarshal(j.EncodedArgs, &args) == nil {
		b.OrderID = args.OrderID
	}
	if n := len(j.Errors); n > 0 {
		at := j.Errors[n-1].At
		b.LastError, b.ErrorAt = j.Errors[n-1].Error, &at
	}
	return b
}

// RetryJob makes failed job id run again at once.
func (a *Admin) RetryJob(ctx context.Context, id int64) error {
	j, err := a.client.JobGet(ctx, id)
	if errors.Is(err, river.ErrNotFound) {
		return domain.Errorf(domain.ENOTFOUND, "There is no background job %d.", id)
	} else if err != nil {
		return err
	}
	if !domain.OneOf(string(j.State), []string{string(rivertype.JobStateDiscarded), string(rivertype.JobStateCancelled)}) {
		return domain.Errorf(domain.EINVALID, "Background job %d has not failed: only a failed job can be retried.", id)
	}
	_, err = a.client.JobRetry(ctx, id)
	return err
}
