package domain

import (
	"strings"
	"time"
)

// Orders_Update's checks of what completing an order needs: the customer
// products it changes still on their lines, and a CompletionDate between
// the order's creation and now.

// checkProductsThere refuses, as a conflict, completing an order that
// changes or removes a customer product no longer on its line (another
// order removed it): completing it would silently change nothing.
func (pl *planner) checkProductsThere(o *Order) {
	for _, it := range o.Items {
		if it == nil || it.LineID == 0 || it.Action == ItemAdd {
			continue
		}
		var line *Line
		for _, op := range it.Products {
			if op == nil || op.Op == ProductAdd || op.CustomerProductID == nil {
				continue
			}
			if line == nil {
				if line = pl.line("Status", it.LineID); line == nil {
					return
				}
			}
			if !line.hasCustomerProduct(*op.CustomerProductID) {
				pl.p.ConflictRule("Status", RuleProductGone, kv("Product", op.Description, "TN", line.TN), "Order %d cannot complete: it %s customer product %d (%s) of line %d, which is no longer on the line (another order removed it); cancel this order and make a new one",
					o.ID, map[string]string{ProductChange: "changes", ProductRemove: "removes"}[op.Op], *op.CustomerProductID, op.Description, it.LineID)
			}
		}
	}
}

// parseDate reads an RFC 3339 time or a YYYY-MM-DD date (midnight in loc);
// dateOnly reports the second.
func parseDate(s string, loc *time.Location) (t time.Time, dateOnly, ok bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, false, true
	}
	if t, err := time.ParseInLocation("2006-01-02", s, loc); err == nil {
		return t, true, true
	}
	return time.Time{}, false, false
}

// checkCompletionDate refuses a completion before the order was created or
// after now. A date alone is compared by day: the day the order was created
// and today are both allowed.
func checkCompletionDate(p *Problems, d time.Time, dateOnly bool, created, now time.Time) bool {
	day := func(t time.Time) time.Time {
		t = t.In(now.Location())
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, now.Location())
	}
	early, late := d.Before(created), d.After(now)
	if dateOnly {
		early, late = d.Before(day(created)), d.After(day(now))
	}
	switch {
	case !created.IsZero() && early:
		p.AddRule("CompletionDate", RuleCompleteTooEarly, kv("Date", d.Format(time.DateOnly), "Created", created.In(now.Location()).Format(time.DateOnly)), "CompletionDate %s is before the order was created (%s); an order cannot complete before it exists",
			whenOf(d, dateOnly), whenOf(created.In(now.Location()), dateOnly))
	case late:
		p.AddRule("CompletionDate", RuleCompleteInFuture, kv("Date", d.Format(time.DateOnly), "Today", now.Format(time.DateOnly)), "CompletionDate %s is in the future (it is now %s); give the day the order completed", whenOf(d, dateOnly), whenOf(now, dateOnly))
	default:
		return true
	}
	return false
}

// whenOf formats t as a date, or as RFC 3339 when a time was given.
func whenOf(t time.Time, dateOnly bool) string {
	if dateOnly {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}
