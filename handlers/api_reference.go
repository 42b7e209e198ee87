package handlers

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"slices"
	"strings"

	"switchboard/domain"
)

// The JSON shapes of the reference lists (API.md "Reference data"). They
// are their own structs, so what the API answers is decided here and a
// field added to a domain entity never leaks by accident.
type (
	apiCarrier struct {
		CarrierID int64  `json:"CarrierID"`
		Name      string `json:"Name"`
		Code      string `json:"Code"`
		Wireless  bool   `json:"Wireless"`
	}
	apiCarrierAccount struct {
		CarrierAccountID int64  `json:"CarrierAccountID"`
		CarrierID        int64  `json:"CarrierID"`
		Name             string `json:"Name"`
		Default          bool   `json:"Default"`
	}
	apiProduct struct {
		ProductID     int64        `json:"ProductID"`
		Description   string       `json:"Description"`
		Rate          domain.Money `json:"Rate"`
		Provisionable bool         `json:"Provisionable"`
		CarrierID     *int64       `json:"CarrierID"`
		Shipping      bool         `json:"Shipping"`       // a shipping charge: needs a ShippingAddress
		Role          string       `json:"Role,omitempty"` // in a package: PLAN, INCLUDED, ONE_TIME or OPTIONAL
	}
	apiPackage struct {
		PackageID int64        `json:"PackageID"`
		Name      string       `json:"Name"`
		CarrierID int64        `json:"CarrierID"`
		Products  []apiProduct `json:"Products"`
	}
	apiServiceType struct {
		LineTypeID int64  `json:"LineTypeID"`
		Name       string `json:"Name"`
	}
	apiRoute struct {
		ID          int64  `json:"ID"`
		Description string `json:"Description"`
	}
	apiProcess struct {
		ProcessID int64      `json:"ProcessID"`
		Name      string     `json:"Name"`
		Routes    []apiRoute `json:"Routes"`
	}
	apiLineProduct struct {
		CustomerProductID int64        `json:"CustomerProductID"`
		ProductID         int64        `json:"ProductID"`
		Rate              domain.Money `json:"Rate"`
		Quantity          int          `json:"Quantity"`
	}
	apiLine struct {
		LineID           int64            `json:"LineID"`
		CustomerID       int64            `json:"CustomerID"`
		TN               string           `json:"TN"`
		PackageID        int64            `json:"PackageID"`
		CarrierID        int64            `json:"CarrierID"`
		CarrierAccountID int64            `json:"CarrierAccountID"`
		LineTypeID       *int64           `json:"LineTypeID"`
		Description      string           `json:"Description"`
		Status           string           `json:"Status"`
		Products         []apiLineProduct `json:"Products"`
	}
	apiInventoryItem struct {
		Identifier string `json:"Identifier"`
		Type       string `json:"Type"`
		Status     string `json:"Status"`
		CustomerID *int64 `json:"CustomerID"`
		LineID     *int64 `json:"LineID"`
	}
)

func apiProductOf(p domain.Product) apiProduct {
	return apiProduct{ProductID: p.ID, Description: p.Description, Rate: p.Rate, Provisionable: p.Provisionable, CarrierID: p.CarrierID,
		Shipping: p.Ships, Role: p.Role}
}

func apiLineOf(l *domain.Line) apiLine {
	out := apiLine{LineID: l.ID, CustomerID: l.CustomerID, TN: l.TN, PackageID: l.PackageID, CarrierID: l.CarrierID,
		CarrierAccountID: l.CarrierAccountID, LineTypeID: l.LineTypeID, Description: l.Description, Status: l.Status,
		Products: []apiLineProduct{}}
	for _, p := range l.Products {
		out.Products = append(out.Products, apiLineProduct{CustomerProductID: p.ID, ProductID: p.ProductID, Rate: p.Rate, Quantity: p.Quantity})
	}
	return out
}

// listAnswer writes a page of a list: {"Success":true,"<plural>":[…],"Next":"…"}.
func listAnswer[T any](w http.ResponseWriter, plural string, items []T, next string) error {
	if items == nil {
		items = []T{}
	}
	return ok(w, http.StatusOK, map[string]any{plural: items, "Next": next})
}

// listParams reads Limit and After and refuses any query parameter not in
// allowed (a misspelt filter would otherwise silently match everything).
func listParams(r *http.Request, p *domain.Problems, allowed ...string) domain.Page {
	for name, vals := range r.URL.Query() {
		for _, v := range vals {
			domain.CheckChars(p, name, name, v)
		}
		if name != "Limit" && name != "After" && !slices.Contains(allowed, name) {
			known := append([]string{"Limit", "After"}, allowed...)
			p.Add(name, "Unknown parameter %s; this list takes %s", name, strings.Join(known, ", "))
		}
	}
	return queryPage(r, p)
}

// memCursor is the position a page of an in-memory list ends at. It has the
// same form as the stores' keyset cursors: base64url of {"i":<last id>}.
type memCursor struct {
	ID int64 `json:"i"`
}

// pageByID returns one page of a small list read whole, in id order, and
// the cursor of the next page ("" on the last page).
func pageByID[T any](items []T, id func(T) int64, pg domain.Page) ([]T, string, error) {
	items = slices.Clone(items)
	slices.SortFunc(items, func(a, b T) int { return cmp.Compare(id(a), id(b)) })
	start := 0
	if pg.After != "" {
		var c memCursor
		b, err := base64.RawURLEncoding.DecodeString(pg.After)
		if err != nil || json.Unmarshal(b, &c) != nil || c.ID <= 0 {
			return nil, "", domain.FieldErrorf("After", "After is not a cursor this list gave out")
		}
		start, _ = slices.BinarySearchFunc(items, c.ID, func(it T, target int64) int { return cmp.Compare(id(it), target) })
		if start < len(items) && id(items[start]) == c.ID {
			start++
		}
	}
	end := min(start+pg.Limit, len(items))
	page := items[start:end]
	if end >= len(items) || len(page) == 0 {
		return page, "", nil
	}
	b, _ := json.Marshal(memCursor{ID: id(page[len(page)-1])})
	return page, base64.RawURLEncoding.EncodeToString(b), nil
}

// serveSmallList answers a reference list read whole from the store, paged by id.
func serveSmallList[E any, V any](w http.ResponseWriter, r *http.Request, plural string, find func() ([]E, error), id func(E) int64, view func(E) V) error {
	var p domain.Problems
	pg := listParams(r, &p)
	if err := p.Err(); err != nil {
		return err
	}
	all, err := find()
	if err != nil {
		return err
	}
	page, next, err := pageByID(all, id, pg)
	if err != nil {
		return err
	}
	out := make([]V, len(page))
	for i, e := range page {
		out[i] = view(e)
	}
	return listAnswer(w, plural, out, next)
}

// HandleAPICarriers lists carriers: GET /api/carriers.
func (h *Handlers) HandleAPICarriers(w http.ResponseWriter, r *http.Request) error {
	return serveSmallList(w, r, "Carriers", func() ([]*domain.Carrier, error) { return h.Store.FindCarriers(r.Context()) },
		func(c *domain.Carrier) int64 { return c.ID },
		func(c *domain.Carrier) apiCarrier {
			return apiCarrier{CarrierID: c.ID, Name: c.Name, Code: c.Code, Wireless: c.Wireless}
		})
}

// HandleAPICarrierAccounts lists carrier accounts: GET /api/carrier-accounts.
func (h *Handlers) HandleAPICarrierAccounts(w http.ResponseWriter, r *http.Request) error {
	return serveSmallList(w, r, "CarrierAccounts", func() ([]*domain.CarrierAccount, error) { return h.Store.FindCarrierAccounts(r.Context()) },
		func(a *domain.CarrierAccount) int64 { return a.ID },
		func(a *domain.CarrierAccount) apiCarrierAccount {
			return apiCarrierAccount{CarrierAccountID: a.ID, CarrierID: a.CarrierID, Name: a.Name, Default: a.Default}
		})
}

// HandleAPIPackages lists packages with their products: GET /api/packages.
func (h *Handlers) HandleAPIPackages(w http.ResponseWriter, r *http.Request) error {
	return serveSmallList(w, r, "Packages", func() ([]*domain.Package, error) { return h.Store.FindPackages(r.Context()) },
		func(p *domain.Package) int64 { return p.ID },
		func(p *domain.Package) apiPackage {
			out := apiPackage{PackageID: p.ID, Name: p.Name, CarrierID: p.CarrierID, Products: []apiProduct{}}
			for _, pr := range p.Products {
				out.Products = append(out.Products, apiProductOf(pr))
			}
			return out
		})
}

// HandleAPIProducts lists products: GET /api/products.
func (h *Handlers) HandleAPIProducts(w http.ResponseWriter, r *http.Request) error {
	return serveSmallList(w, r, "Products", func() ([]*domain.Product, error) { return h.Store.FindProducts(r.Context()) },
		func(p *domain.Product) int64 { return p.ID },
		func(p *domain.Product) apiProduct { return apiProductOf(*p) })
}

// HandleAPIServiceTypes lists service types: GET /api/service-types.
func (h *Handlers) HandleAPIServiceTypes(w http.ResponseWriter, r *http.Request) error {
	return serveSmallList(w, r, "ServiceTypes", func() ([]*domain.ServiceType, error) { return h.Store.FindServiceTypes(r.Context()) },
		func(s *domain.ServiceType) int64 { return s.ID },
		func(s *domain.ServiceType) apiServiceType { return apiServiceType{LineTypeID: s.ID, Name: s.Name} })
}

// HandleAPIProcesses lists processes with their routes: GET /api/processes.
func (h *Handlers) HandleAPIProcesses(w http.ResponseWriter, r *http.Request) error {
	return serveSmallList(w, r, "Processes", func() ([]*domain.Process, error) { return h.Store.FindProcesses(r.Context()) },
		func(p *domain.Process) int64 { return p.ID },
		func(p *domain.Process) apiProcess {
			out := apiProcess{ProcessID: p.ID, Name: p.Name, Routes: []apiRoute{}}
			for _, rt := range p.Routes {
				out.Routes = append(out.Routes, apiRoute{ID: rt.ID, Description: rt.Description})
			}
			return out
		})
}

// HandleAPILines lists lines: GET /api/lines?CustomerID=…&TN=…&LineID=…&Status=….
func (h *Handlers) HandleAPILines(w http.ResponseWriter, r *http.Request) error {
	var p domain.Problems
	f := domain.LineFilter{Page: listParams(r, &p, "CustomerID", "TN", "LineID", "Status")}
	f.CustomerID = queryInt(r, "CustomerID", &p)
	f.LineID = queryInt(r, "LineID", &p)
	f.TN = queryString(r, "TN")
	if f.Status = queryString(r, "Status"); f.Status != nil && !domain.OneOf(*f.Status, domain.LineStatuses) {
		p.Add("Status", "Status must be one of %s", strings.Join(domain.LineStatuses, ", "))
	}
	if err := p.Err(); err != nil {
		return err
	}
	ls, next, err := h.Store.FindLines(r.Context(), f)
	if err != nil {
		return err
	}
	out := make([]apiLine, len(ls))
	for i, l := range ls {
		out[i] = apiLineOf(l)
	}
	return listAnswer(w, "Lines", out, next)
}

// HandleAPIInventory lists inventory: GET /api/inventory?Status=…&Type=…&Identifier=….
// Identifier matches from the start of the identifier.
func (h *Handlers) HandleAPIInventory(w http.ResponseWriter, r *http.Request) error {
	var p domain.Problems
	f := domain.InventoryFilter{Page: listParams(r, &p, "Status", "Type", "Identifier")}
	if f.Status = queryString(r, "Status"); f.Status != nil && !domain.OneOf(*f.Status, domain.InventoryStatuses) {
		p.Add("Status", "Status must be one of %s", strings.Join(domain.InventoryStatuses, ", "))
	}
	if f.Type = queryString(r, "Type"); f.Type != nil && !domain.OneOf(*f.Type, domain.InventoryTypes) {
		p.Add("Type", "Type must be one of %s", strings.Join(domain.InventoryTypes, ", "))
	}
	f.Identifier = queryString(r, "Identifier")
	if err := p.Err(); err != nil {
		return err
	}
	items, next, err := h.Store.FindInventory(r.Context(), f)
	if err != nil {
		return err
	}
	out := make([]apiInventoryItem, len(items))
	for i, it := range items {
		out[i] = apiInventoryItem{Identifier: it.Identifier, Type: it.Type, Status: it.Status, CustomerID: it.CustomerID, LineID: it.LineID}
	}
	return listAnswer(w, "Inventory", out, next)
}

// inventoryCreateInput is the body of POST /api/inventory.
type inventoryCreateInput struct {
	Items []struct {
		Identifier string `json:"Identifier"`
		Type       string `json:"Type"`
	} `json:"Items"`
}

// HandleAPIInventoryCreate adds AVAILABLE inventory, all items or none:
// POST /api/inventory {"Items":[{"Identifier":…,"Type":…}]} → 201 {"Count":n}.
// An identifier that exists already is a 409.
func (h *Handlers) HandleAPIInventoryCreate(w http.ResponseWriter, r *http.Request) error {
	var in inventoryCreateInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if in.Items == nil {
		return domain.FieldErrorf("Items", "Items is required")
	}
	items := make([]*domain.InventoryItem, len(in.Items))
	for i, it := range in.Items {
		items[i] = &domain.InventoryItem{Identifier: it.Identifier, Type: it.Type, Status: domain.InventoryAvailable}
	}
	answer := func(made domain.Created) map[string]any { return map[string]any{"Count": made.Count} }
	if err := h.Store.CreateInventory(createContext(r, http.StatusCreated, answer), items); err != nil {
		return err
	}
	return ok(w, http.StatusCreated, answer(domain.Created{Count: len(items)}))
}
