package handlers

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

// postedUpdateForm is the update form as the user filled it in.
func postedUpdateForm(f url.Values) views.OrderUpdateForm {
	return views.OrderUpdateForm{
		Status:         strings.TrimSpace(f.Get("Status")),
		StatusNote:     f.Get("StatusNote"),
		TrackingNumber: f.Get("TrackingNumber"),
		ShippingStatus: f.Get("ShippingStatus"),
		FlowThrough:    f.Get("FlowThroughFlag") == "true",
		ProcessID:      f.Get("ProcessID"),
		RouteID:        f.Get("ProcessRouteID"),
		Read:           postedRead(f),
	}
}

// postedRead is what the form says the fields held when it was drawn.
func postedRead(f url.Values) map[string]string {
	read := map[string]string{}
	for _, name := range views.ReadFields {
		if f.Has("Read." + name) {
			read[name] = f.Get("Read." + name)
		}
	}
	return read
}

// updateInput turns the form into Orders_Update's input, giving only what
// differs from the order, so an untouched field is never "changed" (a
// final order refuses FlowThroughFlag even when it is the same).
func updateInput(o *domain.Order, f url.Values) (*domain.OrderUpdateInput, error) {
	in := &domain.OrderUpdateInput{HoldRoute: true} // a route chosen here can be undone for a while
	var p domain.Problems
	if s := strings.TrimSpace(f.Get("Status")); s != "" && s != o.Status {
		in.Status = s
		if domain.IsConfirmedMove(s) {
			p.Add("Status", "%s has its own button, which says what it does before it is done.", finalMoveName(s))
		}
	}
	if n := strings.TrimSpace(f.Get("StatusNote")); n != "" {
		in.StatusNote = &n
	}
	if f.Has("TrackingNumber") {
		if t := strings.TrimSpace(f.Get("TrackingNumber")); t != o.TrackingNumber {
			in.TrackingNumber = &t
		}
	}
	if s := f.Get("ShippingStatus"); s != "" && s != o.ShippingStatus {
		in.ShippingStatus = s
	}
	if v := f.Get("FlowThroughFlag"); v != "" {
		if b, err := strconv.ParseBool(v); err != nil {
			p.Add("FlowThroughFlag", "Flow-through must be on or off")
		} else if b != o.FlowThrough {
			in.FlowThroughFlag = &b
		}
	}
	if v := f.Get("ProcessID"); f.Has("ProcessID") {
		n, ok := formID(v)
		if !ok {
			p.Add("ProcessID", "Choose a process from the list")
		} else if n != derefID(o.ProcessID) {
			in.ProcessID = &n
		}
	}
	if v := f.Get("ProcessRouteID"); f.Has("ProcessRouteID") {
		n, ok := formID(v)
		if !ok {
			p.Add("ProcessRouteID", "Choose a route from the list")
		} else if n != derefID(o.ProcessRouteID) {
			in.ProcessRouteID = &n
		}
	}
	return in, p.Err()
}

// formID reads an id from a select: "" and "0" are 0 (none).
func formID(v string) (int64, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, true
	}
	n, err := strconv.ParseInt(v, 10, 64)
	return n, err == nil && n >= 0
}

func derefID(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// updateMessage is the flash after a successful update.
func updateMessage(o *domain.Order, in *domain.OrderUpdateInput) string {
	var parts []string
	if in.Status != "" {
		parts = append(parts, "moved from "+domain.StatusLabel(o.Status)+" to "+domain.StatusLabel(in.Status))
	}
	if in.ProcessRouteID != nil {
		parts = append(parts, "route chosen")
	}
	if in.TrackingNumber != nil || in.ShippingStatus != "" {
		parts = append(parts, "shipping updated")
	}
	if in.FlowThroughFlag != nil {
		parts = append(parts, "flow-through "+onOff(*in.FlowThroughFlag))
	}
	if in.ProcessID != nil {
		parts = append(parts, "process changed")
	}
	msg := "Order " + itoa64(o.ID) + " saved"
	if len(parts) > 0 {
		msg += ": " + strings.Join(parts, ", ")
	}
	return msg + "."
}

// finalMoveName names a final move as its button does.
func finalMoveName(status string) string {
	if status == domain.OrderCanceled {
		return "Cancel order"
	}
	return "Complete order"
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// updateForm is the update form for o and a user of role: the moves the
// lifecycle and the role allow, and the other fields as stored, or as typed.
func updateForm(o *domain.Order, role domain.Role, procs []*domain.Process, proc *domain.Process, routes []domain.Route, typed *views.OrderUpdateForm) *views.OrderUpdateForm {
	f := &views.OrderUpdateForm{
		OrderID: o.ID, Version: o.Version, Final: domain.IsFinalStatus(o.Status), Current: o.Status,
		TrackingNumber: o.TrackingNumber, ShippingStatus: o.ShippingStatus, FlowThrough: o.FlowThrough,
		ProcessID: strconv.FormatInt(derefID(o.ProcessID), 10), RouteID: strconv.FormatInt(derefID(o.ProcessRouteID), 10),
		CanRoute: role.AtLeast(domain.RoleSupervisor), NeedsRoute: o.AwaitingRoute(),
	}
	f.Read = map[string]string{
		"TrackingNumber": f.TrackingNumber, "ShippingStatus": f.ShippingStatus,
		"FlowThroughFlag": strconv.FormatBool(f.FlowThrough), "ProcessID": f.ProcessID, "ProcessRouteID": f.RouteID,
	}
	for _, m := range domain.AllowedMoves(o.Status) {
		switch {
		case domain.CheckMove(o.Status, m, role) != nil:
		case m == domain.OrderComplete:
			f.CanComplete = true
		case m == domain.OrderCanceled:
			f.CanCancel = true
		default:
			f.Moves = append(f.Moves, components.Option{Value: m, Label: "Move to " + domain.StatusLabel(m)})
		}
	}
	if o.ShippingStatus == domain.ShippingNotRequired || o.ShippingStatus == "" {
		f.Shipping = append(f.Shipping, components.Option{Value: o.ShippingStatus, Label: "Not required"})
	}
	f.Shipping = append(f.Shipping,
		components.Option{Value: domain.ShippingNotShipped, Label: "Not shipped"},
		components.Option{Value: domain.ShippingShipped, Label: "Shipped"})
	f.Processes = []components.Option{{Value: "0", Label: "No process"}}
	for _, p := range procs {
		f.Processes = append(f.Processes, components.Option{Value: itoa64(p.ID), Label: p.Name})
	}
	if f.CanRoute {
		label := "No route chosen"
		if proc == nil {
			label = "No process, so no route"
		}
		f.RouteOptions = []components.Option{{Value: "0", Label: label}}
		for _, rt := range routes {
			f.RouteOptions = append(f.RouteOptions, components.Option{Value: itoa64(rt.ID), Label: rt.Description})
		}
	}
	if typed != nil {
		// After a conflict, a field the person left as it was read takes
		// the value stored now; one they changed keeps what they typed.
		kept := func(name, v string) bool {
			was, ok := typed.Read[name]
			return typed.Conflict == "" || !ok || was != v
		}
		f.Errors, f.Conflict, f.Notice = typed.Errors, typed.Conflict, typed.Notice
		f.StatusNote, f.CompletionDate = typed.StatusNote, typed.CompletionDate
		if kept("TrackingNumber", typed.TrackingNumber) {
			f.TrackingNumber = typed.TrackingNumber
		}
		if typed.Status != "" && typed.Status != o.Status {
			if slices.ContainsFunc(f.Moves, func(m components.Option) bool { return m.Value == typed.Status }) {
				f.Status = typed.Status
			} else if !f.Errors.Has("Status") {
				if f.Errors == nil {
					f.Errors = components.Errors{}
				}
				f.Errors["Status"] = append(f.Errors["Status"], fmt.Sprintf("You chose %s, which is not open from %s now.",
					domain.StatusLabel(typed.Status), domain.StatusLabel(o.Status)))
			}
		}
		if typed.ShippingStatus != "" && kept("ShippingStatus", typed.ShippingStatus) {
			f.ShippingStatus = typed.ShippingStatus
		}
		if !f.Final {
			if kept("FlowThroughFlag", strconv.FormatBool(typed.FlowThrough)) {
				f.FlowThrough = typed.FlowThrough
			}
			if kept("ProcessID", typed.ProcessID) {
				f.ProcessID = typed.ProcessID
			}
			if f.CanRoute && kept("ProcessRouteID", typed.RouteID) {
				f.RouteID = typed.RouteID
			}
		}
	}
	return f
}
