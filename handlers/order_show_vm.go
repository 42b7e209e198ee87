package handlers

import (
	"context"
	"math"
	"net/url"
	"slices"
	"strings"
	"time"

	"switchboard/domain"
	"switchboard/views"
)

// orderShowVM builds the order page. typed is the update form as the user
// filled it in, kept over the stored values after a failed save.
func (h *Handlers) orderShowVM(ctx context.Context, id int64, typed *views.OrderUpdateForm) (views.OrderShowVM, error) {
	st := h.Store
	o, err := st.FindOrderByID(ctx, id)
	if err != nil {
		return views.OrderShowVM{}, err
	}
	events, err := h.Store.FindAuditEvents(ctx, domain.EntityOrder, o.ID)
	if err != nil {
		return views.OrderShowVM{}, err
	}
	names, err := h.Store.FindReferenceNames(ctx, orderReferenceIDs(o, events))
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
		Tracking: o.TrackingNumber, Shipping: o.ShippingStatus, Waiting: o.AwaitingRoute(), Version: o.Version,
		BillingOption: o.BillingOption, Reconnect: o.Reconnect, SuspendType: o.SuspendType,
		InventoryItemStatus: o.InventoryItemStatus, IgnoreRelatedProducts: o.IgnoreRelatedProducts,
		ShippingAddress: o.ShippingAddress,
	}
	now := h.Store.Clock()
	vm.Next = views.NextWords(domain.WhatNext(o, now), o.CarrierName, now)
	_, vm.RouteHeld = domain.RouteHeld(o, now)
	if u := domain.UserFromContext(ctx); u != nil {
		vm.MayRoute = u.Role.AtLeast(domain.RoleSupervisor)
	}
	if vm.Provider, err = h.providerVM(ctx, o); err != nil {
		return views.OrderShowVM{}, err
	}
	if vm.Carrier == "" {
		vm.Carrier = names.Carriers[o.CarrierID]
	}
	if vm.Account == "" {
		vm.Account = names.Accounts[o.CarrierAccountID]
	}
	if o.CompletionDate != nil {
		vm.Completion = o.CompletionDate.UTC().Format("Jan 2, 2006")
	}
	if o.NewPackageID != nil {
		vm.NewPackage = names.Packages[*o.NewPackageID]
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
			Package: names.Packages[it.PackageID], Carrier: names.Carriers[it.CarrierID], Account: names.Accounts[it.CarrierAccountID],
			Inventory: it.InventoryIdentifiers,
		}
		if lv.TN == "" {
			lv.TN = "New line, no number yet"
		}
		if it.LineTypeID != nil {
			lv.ServiceType = names.ServiceTypes[*it.LineTypeID]
		}
		if it.AltBTNID != nil {
			lv.AltBTNID = *it.AltBTNID
			lv.AltBTN = "a line of this customer"
			if l, err := h.Store.FindLineByID(ctx, *it.AltBTNID); err == nil && l.TN != "" {
				lv.AltBTN = views.FormatTN(l.TN)
			}
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
	valueNames := map[string]map[int64]string{
		"CarrierID": names.Carriers, "CarrierAccountID": names.Accounts, "NewPackageID": names.Packages, "PackageID": names.Packages,
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

// orderReferenceIDs are the carriers, accounts, packages and service
// types the order page names: the order's, its lines', and those its
// history changed.
func orderReferenceIDs(o *domain.Order, events []*domain.AuditEvent) domain.ReferenceIDs {
	ids := domain.ReferenceIDs{Carriers: []int64{o.CarrierID}, Accounts: []int64{o.CarrierAccountID}}
	if o.NewPackageID != nil {
		ids.Packages = append(ids.Packages, *o.NewPackageID)
	}
	for _, it := range o.Items {
		if it == nil {
			continue
		}
		ids.Carriers, ids.Accounts, ids.Packages = append(ids.Carriers, it.CarrierID), append(ids.Accounts, it.CarrierAccountID), append(ids.Packages, it.PackageID)
		if it.LineTypeID != nil {
			ids.ServiceTypes = append(ids.ServiceTypes, *it.LineTypeID)
		}
	}
	for _, ev := range events {
		for field, list := range map[string]*[]int64{"CarrierID": &ids.Carriers, "CarrierAccountID": &ids.Accounts, "NewPackageID": &ids.Packages, "PackageID": &ids.Packages} {
			for _, v := range ev.Changes[field] {
				if n, ok := v.(float64); ok && n == math.Trunc(n) && n > 0 {
					*list = append(*list, int64(n))
				}
			}
		}
	}
	return ids
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
