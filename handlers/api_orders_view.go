package handlers

import (
	"context"
	"time"

	"switchboard/domain"
)

// The JSON shapes of the orders API. They are their own structs, so what
// the API answers is decided here: PINPassword, SSN and TaxID are in none
// of them and can never be answered.

// apiTime is a time as the API answers it: RFC 3339 in UTC.
func apiTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func apiTimePtr(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := apiTime(*t)
	return &s
}

// apiOrder is Orders_Query's answer: the order's fields and exactly one of
// the kind objects, named after the order's type.
type apiOrder struct {
	Success               bool       `json:"Success"`
	OrderID               int64      `json:"OrderID"`
	PON                   string     `json:"PON"`
	OrderType             string     `json:"OrderType"`
	Status                string     `json:"Status"`
	StatusNote            string     `json:"StatusNote"`
	CustomerID            int64      `json:"CustomerID"`
	CarrierID             int64      `json:"CarrierID"`
	CarrierAccountID      int64      `json:"CarrierAccountID"`
	FlowThrough           bool       `json:"FlowThrough"`
	ProcessID             *int64     `json:"ProcessID"`
	ProcessRouteID        *int64     `json:"ProcessRouteID"`
	RequiresRouteDecision bool       `json:"RequiresRouteDecision"`
	CreatedDate           string     `json:"CreatedDate"`
	CompletionDate        *string    `json:"CompletionDate"`
	TrackingNumber        string     `json:"TrackingNumber"`
	ShippingStatus        string     `json:"ShippingStatus"`
	Routes                []apiRoute `json:"Routes"` // the routes of the order's process: Orders_Update's ProcessRouteID values

	Suspend       *apiLineStatusOrder `json:"Suspend,omitempty"`
	Disconnect    *apiLineStatusOrder `json:"Disconnect,omitempty"`
	Restore       *apiLineStatusOrder `json:"Restore,omitempty"`
	AddLine       *apiAddLineOrder    `json:"AddLine,omitempty"`
	Change        *apiChangeOrder     `json:"Change,omitempty"`
	NewService    *apiNewServiceOrder `json:"NewService,omitempty"`
	PackageChange *apiPackageChange   `json:"PackageChange,omitempty"`
	Port          *apiPortOrder       `json:"Port,omitempty"`
}

// apiOrderOf builds Orders_Query's answer for o.
func (h *Handlers) apiOrderOf(ctx context.Context, o *domain.Order) (*apiOrder, error) {
	a := &apiOrder{
		Success: true, OrderID: o.ID, PON: o.PON, OrderType: o.Type, Status: o.Status, StatusNote: o.StatusNote,
		CustomerID: o.CustomerID, CarrierID: o.CarrierID, CarrierAccountID: o.CarrierAccountID, FlowThrough: o.FlowThrough,
		ProcessID: o.ProcessID, ProcessRouteID: o.ProcessRouteID, RequiresRouteDecision: o.AwaitingRoute(),
		CreatedDate: apiTime(o.CreatedAt), CompletionDate: apiTimePtr(o.CompletionDate), TrackingNumber: o.TrackingNumber,
		ShippingStatus: o.ShippingStatus, Routes: apiRoutesOf(o.Routes),
	}
	items := make([]*domain.OrderItem, 0, len(o.Items))
	for _, it := range o.Items {
		if it != nil {
			items = append(items, it)
		}
	}
	switch o.Type {
	case domain.TypeSuspend, domain.TypeDisconnect, domain.TypeRestore:
		ls := &apiLineStatusOrder{CustomerID: o.CustomerID, Status: o.Status, StatusNote: o.StatusNote}
		if len(items) == 1 {
			id := items[0].LineID
			ls.TN, ls.LineID = items[0].TN, &id
		}
		switch o.Type {
		case domain.TypeSuspend:
			st := o.SuspendType
			ls.SuspendType = &st
			a.Suspend = ls
		case domain.TypeDisconnect:
			a.Disconnect = ls
		default:
			a.Restore = ls
		}
	case domain.TypeAddLine:
		a.AddLine = &apiAddLineOrder{Lines: []apiAddLineLine{}}
		for _, it := range items {
			a.AddLine.Lines = append(a.AddLine.Lines, apiAddLineLine{LineID: it.LineID, TN: it.TN, PackageID: it.PackageID,
				CarrierID: it.CarrierID, CarrierAccountID: it.CarrierAccountID, Products: additionalProducts(it)})
		}
	case domain.TypeChangeFeature:
		a.Change = &apiChangeOrder{Lines: []apiChangeLine{}}
		for _, it := range items {
			if it.Action == domain.ItemDisconnect {
				a.Change.Lines = append(a.Change.Lines, apiChangeLine{Disconnect: &apiLineRef{LineID: it.LineID, TN: it.TN}})
				continue
			}
			a.Change.Lines = append(a.Change.Lines, apiChangeLine{Change: &apiLineChange{LineID: it.LineID, TN: it.TN, Products: productChanges(it)}})
		}
	case domain.TypeNew:
		ns, err := h.newServiceOf(ctx, o, items)
		if err != nil {
			return nil, err
		}
		a.NewService = ns
	case domain.TypePackageChange:
		pc := &apiPackageChange{Prorate: o.Prorate}
		if o.NewPackageID != nil {
			pc.PackageID = *o.NewPackageID
		}
		if len(items) > 0 {
			pc.LineID, pc.TN = items[0].LineID, items[0].TN
			if pc.PackageID == 0 {
				pc.PackageID = items[0].PackageID
			}
		}
		a.PackageChange = pc
	case domain.TypePort:
		p := &apiPortOrder{WirelessPort: apiWirelessPortOf(o.WirelessPort)}
		if len(items) > 0 {
			p.LineID, p.TN = items[0].LineID, items[0].TN
		}
		a.Port = p
	}
	return a, nil
}

// additionalProducts are the products an item adds beside its package's.
func additionalProducts(it *domain.OrderItem) []apiOrderProduct {
	out := []apiOrderProduct{}
	for _, p := range it.Products {
		if p != nil && p.Op == domain.ProductAdd && p.Source != domain.SourcePackage {
			out = append(out, apiOrderProduct{ProductID: p.ProductID, Rate: p.Rate, Quantity: p.Quantity})
		}
	}
	return out
}

// productChanges sorts an item's products into the seed's Add, Change, Remove.
func productChanges(it *domain.OrderItem) apiProductChanges {
	pc := apiProductChanges{Add: []apiOrderProduct{}, Change: []apiProductChange{}, Remove: []apiProductRemove{}}
	for _, p := range it.Products {
		if p == nil {
			continue
		}
		var cpID int64
		if p.CustomerProductID != nil {
			cpID = *p.CustomerProductID
		}
		switch p.Op {
		case domain.ProductAdd:
			pc.Add = append(pc.Add, apiOrderProduct{ProductID: p.ProductID, Rate: p.Rate, Quantity: p.Quantity})
		case domain.ProductChange:
			pc.Change = append(pc.Change, apiProductChange{CustomerProductID: cpID, Rate: p.Rate, Quantity: p.Quantity})
		case domain.ProductRemove:
			pc.Remove = append(pc.Remove, apiProductRemove{CustomerProductID: cpID})
		}
	}
	return pc
}

// newServiceOf builds the NewService object of a NewOrders_Create order.
// The inventory given with it is told apart by type: a Mobile_Device is
// the ESN, a SIM_Card the WirelessICCID.
func (h *Handlers) newServiceOf(ctx context.Context, o *domain.Order, items []*domain.OrderItem) (*apiNewServiceOrder, error) {
	ns := &apiNewServiceOrder{CustomerID: o.CustomerID, SendOrders: o.SendNow, WirelessPort: apiWirelessPortOf(o.WirelessPort),
		AdditionalProducts: []apiServiceProduct{}}
	if o.ShippingAddress != nil {
		a := domain.InputOf(*o.ShippingAddress)
		ns.ShippingAddress = &a
	}
	if len(items) == 0 {
		return ns, nil
	}
	it := items[0]
	ns.LineID, ns.TN, ns.PackageID, ns.LineTypeID, ns.Description = it.LineID, it.TN, it.PackageID, it.LineTypeID, it.Description
	if o.Reconnect {
		ns.ReconnectTN = it.TN
	}
	for _, p := range it.Products {
		if p != nil && p.Op == domain.ProductAdd && p.Source != domain.SourcePackage {
			ns.AdditionalProducts = append(ns.AdditionalProducts, apiServiceProduct{ProductID: p.ProductID, Rate: p.Rate,
				Quantity: p.Quantity, Description: p.Description})
		}
	}
	for _, ident := range it.InventoryIdentifiers {
		typ, err := h.inventoryType(ctx, ident)
		if err != nil {
			return nil, err
		}
		switch typ {
		case domain.InventoryDevice:
			ns.ESN = ident
		case domain.InventorySIM:
			ns.WirelessICCID = ident
		}
	}
	return ns, nil
}

// inventoryType returns the type of the inventory item with identifier
// ident, or "" when there is none.
func (h *Handlers) inventoryType(ctx context.Context, ident string) (string, error) {
	f := domain.InventoryFilter{Identifier: &ident, Page: domain.Page{Limit: domain.MaxPageLimit}}
	for {
		items, next, err := h.Store.FindInventory(ctx, f)
		if err != nil {
			return "", err
		}
		for _, it := range items {
			if it.Identifier == ident {
				return it.Type, nil
			}
		}
		if next == "" {
			return "", nil
		}
		f.After = next
	}
}
