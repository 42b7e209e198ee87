package handlers

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"switchboard/domain"
	"switchboard/views"
)

// The order page's history: audit events in words.

// historyEntry is an audit event as the timeline shows it; ids of the
// fields in names are shown by name.
func historyEntry(ev *domain.AuditEvent, names map[string]map[int64]string) views.HistoryEntry {
	e := views.HistoryEntry{At: shortTime(ev.At), AtISO: ev.At.UTC().Format(time.RFC3339), User: ev.UserName, Action: actionLabel(ev.Action)}
	fields := make([]string, 0, len(ev.Changes))
	for f := range ev.Changes {
		fields = append(fields, f)
	}
	slices.SortStableFunc(fields, func(a, b string) int {
		if ra, rb := fieldRank(a), fieldRank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
	for _, f := range fields {
		c := ev.Changes[f]
		e.Changes = append(e.Changes, views.ChangeView{Field: fieldLabel(f), Before: changeValue(f, c[0], names[f]),
			After: changeValue(f, c[1], names[f]), Set: c[0] == nil})
	}
	return e
}

// historyOrder puts the fields people look for first.
var historyOrder = []string{"Status", "StatusNote", "ProcessRouteID", "RequiresRouteDecision", "CompletionDate", "TrackingNumber", "ShippingStatus", "FlowThrough", "ProcessID"}

func fieldRank(f string) int {
	if i := slices.Index(historyOrder, f); i >= 0 {
		return i
	}
	return len(historyOrder)
}

func fieldLabel(f string) string {
	switch f {
	case "StatusNote":
		return "Status note"
	case "ProcessRouteID":
		return "Route"
	case "RequiresRouteDecision":
		return "Waiting for a route"
	case "CompletionDate":
		return "Completion date"
	case "TrackingNumber":
		return "Tracking number"
	case "ShippingStatus":
		return "Shipping"
	case "FlowThrough", "FlowThroughFlag":
		return "Flow-through"
	case "ProcessID":
		return "Process"
	case "CarrierID":
		return "Carrier"
	case "CarrierAccountID":
		return "Carrier account"
	case "CustomerID":
		return "Customer"
	case "OrderType":
		return "Type"
	case "NewPackageID":
		return "New package"
	}
	return f
}

func actionLabel(a string) string {
	switch strings.ToLower(a) {
	case "create", "created":
		return "created the order"
	case "update", "updated":
		return "updated the order"
	case domain.ActionSystemMove:
		return "moved the order"
	}
	return a
}

// changeValue shows one side of a change: nothing as "none", booleans as
// yes and no, whole numbers without a decimal point, dates as dates.
func changeValue(field string, v any, names map[int64]string) string {
	if n, ok := v.(float64); ok && names[int64(n)] != "" {
		return names[int64(n)]
	}
	switch x := v.(type) {
	case nil:
		return "none"
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return strconv.FormatInt(int64(x), 10)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		if x == "" {
			return "none"
		}
		switch field {
		case "CompletionDate":
			if t, err := time.Parse(time.RFC3339, x); err == nil {
				return t.Format("Jan 2, 2006")
			}
		case "ShippingStatus":
			return views.ShippingLabel(x)
		case "OrderType":
			return views.TypeLabel(x)
		}
		return x
	}
	return fmt.Sprint(v)
}
