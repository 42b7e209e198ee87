package handlers

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

// HandleOrderShow shows one order, with the update form for reps.
func (h *Handlers) HandleOrderShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "Order")
	if err != nil {
		return err
	}
	vm, err := h.orderShowVM(r.Context(), id, nil)
	if err != nil {
		return err
	}
	return h.renderOrderShow(w, r, http.StatusOK, vm)
}

// HandleOrderUpdate performs Orders_Update from the order page's form. The
// form carries the version it was read at: when someone saved the order
// since, nothing changes and the page comes back with the order as it is
// now, what was typed kept, and a conflict message (409). Bad input comes
// back beside the fields (422). Success redirects to the order (303).
func (h *Handlers) HandleOrderUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "Order")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return domain.Errorf(domain.EINVALID, "The form could not be read.")
	}
	ctx := r.Context()
	st := h.Store
	o, err := st.FindOrderByID(ctx, id)
	if err != nil {
		return err
	}
	form := postedUpdateForm(r.PostForm)
	version, verr := strconv.Atoi(r.PostForm.Get("Version"))
	in, perr := updateInput(o, r.PostForm)

	var status int
	switch {
	case verr != nil:
		status, form.Conflict = http.StatusConflict, "This form does not say which version of the order it was read at. The order as it is now is shown; check your entries and save again."
	case perr != nil:
		status, form.Errors = http.StatusUnprocessableEntity, components.ErrorsOf(perr)
	case in.Empty():
		status, form.Notice = http.StatusUnprocessableEntity, "Nothing to save: no field differs from the order."
	default:
		_, err = st.UpdateOrder(ctx, id, in, &version)
		switch domain.ErrorCode(err) {
		case "":
			h.flash(w, r, "ok", updateMessage(o, in))
			return redirect(w, r, "/orders/"+itoa64(id))
		case domain.ESTALE:
			status = http.StatusConflict
			form.Conflict = "Someone else saved this order while you were editing it, so your changes were not saved. " +
				"The order is shown as it is now, with what you typed kept: check it and save again."
		case domain.EINVALID:
			status, form.Errors = http.StatusUnprocessableEntity, components.ErrorsOf(err)
		case domain.EFORBIDDEN:
			status, form.Errors = http.StatusForbidden, components.Errors{"": {domain.ErrorMessage(err)}}
		default:
			return err
		}
	}
	vm, err := h.orderShowVM(ctx, id, &form)
	if err != nil {
		return err
	}
	return h.renderOrderShow(w, r, status, vm)
}

func (h *Handlers) renderOrderShow(w http.ResponseWriter, r *http.Request, status int, vm views.OrderShowVM) error {
	title := "Order " + itoa64(vm.ID)
	return h.render(w, r, status, views.OrderShowPage(h.shell(w, r, title), vm), views.OrderShowBody(vm))
}

// postedUpdateForm is the update form as the user filled it in.
func postedUpdateForm(f url.Values) views.OrderUpdateForm {
	return views.OrderUpdateForm{
		Status:         strings.TrimSpace(f.Get("Status")),
		StatusNote:     f.Get("StatusNote"),
		CompletionDate: strings.TrimSpace(f.Get("CompletionDate")),
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
	in := &domain.OrderUpdateInput{}
	var p domain.Problems
	if s := strings.TrimSpace(f.Get("Status")); s != "" && s != o.Status {
		in.Status = s
	}
	if n := strings.TrimSpace(f.Get("StatusNote")); n != "" {
		in.StatusNote = &n
	}
	in.CompletionDate = strings.TrimSpace(f.Get("CompletionDate"))
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
		parts = append(parts, "moved from "+o.Status+" to "+in.Status)
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

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// orderShowVM builds the order page. typed is the update form as the user
// filled it in, kept over the stored values after a failed save.
func (h *Handlers) orderShowVM(ctx context.Context, id int64, typed *views.OrderUpdateForm) (views.OrderShowVM, error) {
	st := h.Store
	o, err := st.FindOrderByID(ctx, id)
	if err != nil {
		return views.OrderShowVM{}, err
	}
	names, err := h.referenceNames(ctx)
	if err != nil {
		return views.OrderShowVM{}, err
	}
	procs, err := h.Store.FindProcesses(ctx)
	if err != nil {
		return views.OrderShowVM{}, err
	}
	vm := views.OrderShowVM{
		ID: o.ID, PON: o.PON, Type: o.Type, Status: o.Status, StatusNote: o.StatusNote, CustomerID: o.CustomerID,
		Carrier: o.CarrierName, Account: o.CarrierAccountName, FlowThrough: o.FlowThrough, SendNow: o.SendNow,
		Created: shortTime(o.CreatedAt), CreatedISO: o.CreatedAt.UTC().Format(time.RFC3339),
		Tracking: o.TrackingNumber, Shipping: o.ShippingStatus, Waiting: o.RequiresRouteDecision, Version: o.Version,
		BillingOption: o.BillingOption, Reconnect: o.Reconnect, SuspendType: o.SuspendType,
		InventoryItemStatus: o.InventoryItemStatus, IgnoreRelatedProducts: o.IgnoreRelatedProducts,
		ShippingAddress: o.ShippingAddress,
	}
	if vm.Provider, err = h.providerVM(ctx, o); err != nil {
		return views.OrderShowVM{}, err
	}
	if vm.Carrier == "" {
		vm.Carrier = names.carriers[o.CarrierID]
	}
	if vm.Account == "" {
		vm.Account = names.accounts[o.CarrierAccountID]
	}
	if o.CompletionDate != nil {
		vm.Completion = o.CompletionDate.UTC().Format("Jan 2, 2006")
	}
	if o.NewPackageID != nil {
		vm.NewPackage = names.packages[*o.NewPackageID]
	}
	var proc *domain.Process
	if o.ProcessID != nil {
		for _, p := range procs {
			if p.ID == *o.ProcessID {
				proc = p
			}
		}
		vm.Process = "Process " + itoa64(*o.ProcessID)
		if proc != nil {
			vm.Process = proc.Name
		}
	}
	routes := o.Routes
	if len(routes) == 0 && proc != nil {
		routes = proc.Routes
	}
	for _, rt := range routes {
		vm.Routes = append(vm.Routes, rt.Description)
		if o.ProcessRouteID != nil && rt.ID == *o.ProcessRouteID {
			vm.Route = rt.Description
		}
	}
	if o.ProcessRouteID != nil && vm.Route == "" {
		vm.Route = "Route " + itoa64(*o.ProcessRouteID)
	}
	if c, err := h.Store.FindCustomerByID(ctx, o.CustomerID); err == nil {
		vm.CustomerName = c.Name
	} else if domain.ErrorCode(err) == domain.ENOTFOUND {
		vm.CustomerName = "Customer " + itoa64(o.CustomerID)
	} else {
		return vm, err
	}
	if p := o.WirelessPort; p != nil {
		vm.Port = &views.PortView{
			MDN: p.MDN, AccountNumber: p.AccountNumber, AuthorizedSigner: p.AuthorizedSigner, PINOnFile: !p.PINPassword.IsZero(),
			Remark: p.Remark, Address: p.Address, ExternalProvider: p.ExternalProvider,
		}
	}
	for _, it := range o.Items {
		if it == nil {
			continue
		}
		lv := views.OrderLineView{
			LineID: it.LineID, TN: views.FormatTN(it.TN), Action: it.Action, Description: it.Description,
			Package: names.packages[it.PackageID], Carrier: names.carriers[it.CarrierID], Account: names.accounts[it.CarrierAccountID],
			Inventory: it.InventoryIdentifiers,
		}
		if lv.TN == "" {
			lv.TN = "New line, no number yet"
		}
		if it.LineTypeID != nil {
			lv.ServiceType = names.serviceTypes[*it.LineTypeID]
		}
		if it.AltBTNID != nil {
			lv.AltBTNID = *it.AltBTNID
		}
		lv.PBX = strings.TrimSpace(it.PBXMake + " " + it.PBXModel)
		for _, p := range it.Products {
			pv := views.OrderProductView{Op: p.Op, ProductID: p.ProductID, Description: p.Description, Rate: p.Rate.Dollars(), Quantity: p.Quantity, Source: p.Source}
			if p.CustomerProductID != nil {
				pv.CustomerProductID = *p.CustomerProductID
			}
			lv.Products = append(lv.Products, pv)
		}
		vm.Lines = append(vm.Lines, lv)
	}

	if err := h.relatedOrders(ctx, st, o, &vm); err != nil {
		return vm, err
	}
	events, err := h.Store.FindAuditEvents(ctx, domain.EntityOrder, o.ID)
	if err != nil {
		return vm, err
	}
	valueNames := map[string]map[int64]string{
		"CarrierID": names.carriers, "CarrierAccountID": names.accounts, "NewPackageID": names.packages,
		"ProcessID": {}, "ProcessRouteID": {}, "CustomerID": {o.CustomerID: vm.CustomerName},
	}
	for _, p := range procs {
		valueNames["ProcessID"][p.ID] = p.Name
		for _, rt := range p.Routes {
			valueNames["ProcessRouteID"][rt.ID] = rt.Description
		}
	}
	for _, ev := range events {
		vm.History = append(vm.History, historyEntry(ev, valueNames))
	}

	if u := domain.UserFromContext(ctx); u != nil && u.Role.AtLeast(domain.RoleRep) {
		vm.Update = updateForm(o, u.Role, procs, proc, routes, typed)
	}
	return vm, nil
}

// updateForm is the update form for o and a user of role: the moves the
// lifecycle and the role allow, and the other fields as stored, or as typed.
func updateForm(o *domain.Order, role domain.Role, procs []*domain.Process, proc *domain.Process, routes []domain.Route, typed *views.OrderUpdateForm) *views.OrderUpdateForm {
	f := &views.OrderUpdateForm{
		OrderID: o.ID, Version: o.Version, Final: domain.IsFinalStatus(o.Status), Current: o.Status,
		TrackingNumber: o.TrackingNumber, ShippingStatus: o.ShippingStatus, FlowThrough: o.FlowThrough,
		ProcessID: strconv.FormatInt(derefID(o.ProcessID), 10), RouteID: strconv.FormatInt(derefID(o.ProcessRouteID), 10),
		CanRoute: role.AtLeast(domain.RoleSupervisor), NeedsRoute: o.RequiresRouteDecision,
	}
	f.Read = map[string]string{
		"TrackingNumber": f.TrackingNumber, "ShippingStatus": f.ShippingStatus,
		"FlowThroughFlag": strconv.FormatBool(f.FlowThrough), "ProcessID": f.ProcessID, "ProcessRouteID": f.RouteID,
	}
	for _, m := range domain.AllowedMoves(o.Status) {
		if domain.CheckMove(o.Status, m, role) == nil {
			f.Moves = append(f.Moves, components.Option{Value: m, Label: "Move to " + m})
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
				f.Errors["Status"] = append(f.Errors["Status"], fmt.Sprintf("You chose %s, which is not open from %s now.", typed.Status, o.Status))
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

// relatedOrders fills the orders of the same customer and of the same lines.
func (h *Handlers) relatedOrders(ctx context.Context, st domain.OrderStore, o *domain.Order, vm *views.OrderShowVM) error {
	others := func(f domain.OrderFilter) ([]views.OrderRow, bool, error) {
		f.Limit = relatedOrdersShown + 1
		os, next, err := st.FindOrders(ctx, f)
		if err != nil {
			return nil, false, err
		}
		var out []views.OrderRow
		for _, x := range os {
			if x.ID != o.ID && len(out) < relatedOrdersShown {
				out = append(out, orderRow(x))
			}
		}
		return out, next != "" || len(os) > relatedOrdersShown, nil
	}
	rows, _, err := others(domain.OrderFilter{CustomerID: []int64{o.CustomerID}})
	if err != nil {
		return err
	}
	vm.SameCustomer = rows
	vm.SameCustomerURL = "/orders?" + url.Values{"Customer": {itoa64(o.CustomerID)}}.Encode()
	var tns []string
	for _, tn := range o.TNs() {
		if domain.ValidTN(tn) && !slices.Contains(tns, tn) && len(tns) < domain.MaxFilterValues {
			tns = append(tns, tn)
		}
	}
	if len(tns) > 0 {
		rows, _, err := others(domain.OrderFilter{TN: tns})
		if err != nil {
			return err
		}
		vm.SameLines = rows
		vm.SameLinesURL = "/orders?" + url.Values{"TN": {strings.Join(tns, ", ")}}.Encode()
	}
	return nil
}

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
