package views

import "strconv"

// IDAdminJobs is the background jobs page's list.
const IDAdminJobs = "admin-jobs"

// AdminJobsVM is the background jobs page: one group of jobs at a time.
type AdminJobsVM struct {
	Group  string // the group shown
	Groups []JobGroupTab
	Jobs   []JobRow
	More   bool // more jobs than shown
}

// JobGroupTab is a link to one group.
type JobGroupTab struct {
	Group, Label, URL string
	Current           bool
}

// JobRow is one background job.
type JobRow struct {
	ID          int64
	What        string // the job in words
	OrderID     int64
	Attempts    string // "2 of 10"
	LastError   string
	ErrorAt     string
	Next        string // when it runs next
	Started     string
	Created     string
	CanRetry    bool
	RetryAction string
	Instead     string // why a failed job is not offered again, and what to do instead
}

func orderURL(id int64) string { return "/orders/" + strconv.FormatInt(id, 10) }
