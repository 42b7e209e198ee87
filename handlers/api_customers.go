package handlers

import (
	"net/http"
	"strings"

	"switchboard/domain"
)

// apiCustomer is a customer as the API answers it. SSN and TaxID are input
// only: they are not in this struct, so they can never be answered.
type apiCustomer struct {
	CustomerID     int64               `json:"CustomerID"`
	Name           string              `json:"Name"`
	Status         string              `json:"Status"`
	BillProfileID  int64               `json:"BillProfileID"`
	ServiceAddress domain.AddressInput `json:"ServiceAddress"`
}

func apiCustomerOf(c *domain.Customer) apiCustomer {
	a := c.ServiceAddress
	return apiCustomer{CustomerID: c.ID, Name: c.Name, Status: c.Status, BillProfileID: c.BillProfileID,
		ServiceAddress: domain.InputOf(a)}
}

// HandleAPICustomers lists customers by name: GET /api/customers?Search=…
// (a part of the name, a customer id, or the first digits of a TN).
func (h *Handlers) HandleAPICustomers(w http.ResponseWriter, r *http.Request) error {
	var p domain.Problems
	f := domain.CustomerFilter{Page: listParams(r, &p, "Search")}
	if s := queryString(r, "Search"); s != nil {
		f.Search = *s
		p.Check(len(f.Search) <= 100, "Search", "Search must be at most 100 characters")
	}
	if err := p.Err(); err != nil {
		return err
	}
	cs, next, err := h.Store.FindCustomers(r.Context(), f)
	if err != nil {
		return err
	}
	out := make([]apiCustomer, len(cs))
	for i, c := range cs {
		out[i] = apiCustomerOf(c)
	}
	return listAnswer(w, "Customers", out, next)
}

// customerAnswer is GET /api/customers/{CustomerID}: the customer and every line on it.
type customerAnswer struct {
	Success bool `json:"Success"`
	apiCustomer
	Lines []apiLine `json:"Lines"`
}

// HandleAPICustomer answers one customer with its lines: GET /api/customers/{CustomerID}.
func (h *Handlers) HandleAPICustomer(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r, "CustomerID", "Customer")
	if err != nil {
		return err
	}
	c, err := h.Store.FindCustomerByID(ctx, id)
	if err != nil {
		return err
	}
	ans := customerAnswer{Success: true, apiCustomer: apiCustomerOf(c), Lines: []apiLine{}}
	f := domain.LineFilter{CustomerID: &id, Page: domain.Page{Limit: domain.MaxPageLimit}}
	for {
		ls, next, err := h.Store.FindLines(ctx, f)
		if err != nil {
			return err
		}
		for _, l := range ls {
			ans.Lines = append(ans.Lines, apiLineOf(l))
		}
		if next == "" {
			break
		}
		f.After = next
	}
	return writeJSON(w, http.StatusOK, ans)
}

// customerCreateInput is the body of POST /api/customers.
type customerCreateInput struct {
	Name           string        `json:"Name"`
	Status         string        `json:"Status"`
	BillProfileID  int64         `json:"BillProfileID"`
	ServiceAddress *addressInput `json:"ServiceAddress"`
	SSN            domain.Secret `json:"SSN"`
	TaxID          domain.Secret `json:"TaxID"`
}

// addressInput is the seed's Address on input: ID is prohibited.
type addressInput struct {
	ID        *int64 `json:"ID"`
	FirstName string `json:"FirstName"`
	LastName  string `json:"LastName"`
	Address1  string `json:"Address1"`
	Address2  string `json:"Address2"`
	City      string `json:"City"`
	State     string `json:"State"`
	Zip       string `json:"Zip"`
	Zip4      string `json:"Zip4"`
	Country   string `json:"Country"`
}

// HandleAPICustomerCreate adds a customer and its service address:
// POST /api/customers → 201 {"Success":true,"CustomerID":…}. Every failed
// check is its own error, named by its field path ("ServiceAddress.Zip").
func (h *Handlers) HandleAPICustomerCreate(w http.ResponseWriter, r *http.Request) error {
	var in customerCreateInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	var p domain.Problems
	c := &domain.Customer{Name: in.Name, Status: in.Status, BillProfileID: in.BillProfileID, SSN: in.SSN, TaxID: in.TaxID}
	if a := in.ServiceAddress; a == nil {
		p.Add("ServiceAddress", "ServiceAddress is required")
	} else {
		p.Check(a.ID == nil, "ServiceAddress.ID", "ID is prohibited: a new address is created from these fields")
		c.ServiceAddress = domain.Address{FirstName: a.FirstName, LastName: a.LastName, Address1: a.Address1, Address2: a.Address2,
			City: a.City, State: a.State, Zip: a.Zip, Zip4: a.Zip4, Country: a.Country}
	}
	if err := p.Merge(c.Validate()); err != nil {
		return err
	}
	if in.ServiceAddress == nil {
		// One error for the missing address, not one per missing field of it.
		var q domain.Problems
		for _, f := range domain.ErrorFields(p.Err()) {
			if !strings.HasPrefix(f.Field, "ServiceAddress.") {
				q.Add(f.Field, "%s", f.Message)
			}
		}
		p = q
	}
	if err := p.Err(); err != nil {
		return err
	}
	answer := func(made domain.Created) map[string]any { return map[string]any{"CustomerID": made.CustomerID} }
	if err := h.Store.CreateCustomer(createContext(r, http.StatusCreated, answer), c); err != nil {
		return err
	}
	return ok(w, http.StatusCreated, answer(domain.Created{CustomerID: c.ID}))
}
