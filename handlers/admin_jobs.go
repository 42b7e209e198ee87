package handlers

import (
	"fmt"
	"net/http"
	"net/url"
	"time"

	"switchboard/domain"
	bg "switchboard/jobs"
	"switchboard/views"
	"switchboard/views/components"
)

// adminJobsShown is how many jobs the background jobs page lists.
const adminJobsShown = 100

// jobGroupLabels names the groups of background jobs.
var jobGroupLabels = map[string]string{
	domain.JobWaiting: "Waiting", domain.JobRunning: "Running", domain.JobRetrying: "Retrying", domain.JobFailed: "Failed",
}

// jobKindLabels says what each kind of job does.
var jobKindLabels = map[string]string{
	bg.KindSendOrder: "Send an order to its provider",
	"follow_order":   "Follow an order at its provider",
	"sweep_expired":  "Delete expired drafts and idempotency keys",
}

// HandleAdminJobs lists the background jobs of one state (?State=waiting,
// running, retrying or failed; failed when not given).
func (h *Handlers) HandleAdminJobs(w http.ResponseWriter, r *http.Request) error {
	group := r.URL.Query().Get("State")
	if group == "" {
		group = domain.JobFailed
	}
	jobs, more, err := h.Jobs.FindJobs(r.Context(), group, adminJobsShown)
	if err != nil {
		return err
	}
	vm := views.AdminJobsVM{Group: group, More: more}
	for _, g := range domain.JobGroups {
		vm.Groups = append(vm.Groups, views.JobGroupTab{Group: g, Label: jobGroupLabels[g], Current: g == group,
			URL: "/admin/jobs?" + url.Values{"State": {g}}.Encode()})
	}
	now := time.Now()
	for _, j := range jobs {
		row := views.JobRow{ID: j.ID, What: jobKindLabels[j.Kind], OrderID: j.OrderID, LastError: j.LastError,
			Attempts: fmt.Sprintf("%d of %d", j.Attempt, j.MaxAttempts), Created: shortTime(j.CreatedAt),
			CanRetry: j.Group == domain.JobFailed, RetryAction: fmt.Sprintf("/admin/jobs/%d/retry", j.ID)}
		if row.What == "" {
			row.What = j.Kind
		}
		if j.ErrorAt != nil {
			row.ErrorAt = optTime(j.ErrorAt)
		}
		if row.CanRetry && j.Kind == bg.KindSendOrder && j.OrderID != 0 {
			if o, err := h.Store.FindOrderByID(r.Context(), j.OrderID); err == nil && !domain.SendWouldAct(o) {
				row.CanRetry = false
				row.Instead = "Nothing to run again: the order's status is now " + domain.StatusLabel(o.Status) + "; a rep corrects it and sends it again from the order page."
			} else if err != nil && domain.ErrorCode(err) != domain.ENOTFOUND {
				return err
			}
		}
		switch {
		case j.Group == domain.JobFailed:
			row.Next = "not again unless run again"
		case j.Group == domain.JobRunning:
			row.Next = "running now"
		case j.ScheduledAt.After(now):
			row.Next = optTime(&j.ScheduledAt)
		default:
			row.Next = "now"
		}
		vm.Jobs = append(vm.Jobs, row)
	}
	return h.render(w, r, http.StatusOK, views.AdminJobsPage(h.shell(w, r, "Background jobs"), vm), views.AdminJobsBody(vm))
}

// HandleJobRetry runs a failed background job again at once.
func (h *Handlers) HandleJobRetry(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "Job")
	if err != nil {
		return err
	}
	if err := h.Jobs.RetryJob(r.Context(), id); err != nil {
		if c := domain.ErrorCode(err); c != domain.ENOTFOUND && c != domain.EINVALID {
			return err
		}
		h.flash(w, r, "error", components.SayError(err))
		return redirect(w, r, "/admin/jobs?State=failed")
	}
	h.Log.InfoContext(r.Context(), "background job retried", "job_id", id, "by", actorName(r.Context()))
	h.flash(w, r, "ok", fmt.Sprintf("Job %d runs again now.", id))
	return redirect(w, r, "/admin/jobs?State=waiting")
}
