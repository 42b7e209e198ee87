package handlers

import (
	"net/http"

	"switchboard/domain"
)

type (
	apiServiceDesign struct {
		ServiceDesignID      int64    `json:"ServiceDesignID"`
		Name                 string   `json:"Name"`
		PortingNumberControl bool     `json:"PortingNumberControl"`
		PortActions          []string `json:"PortActions"`
		MaxPortQuantity      int64    `json:"MaxPortQuantity"`
	}
	apiOrderService struct {
		OrderServiceID  int64           `json:"OrderServiceID"`
		ServiceDesignID int64           `json:"ServiceDesignID"`
		PortNumbers     []apiPortNumber `json:"PortNumbers"`
	}
)

// HandleAPIServiceDesigns lists service designs: GET /api/service-designs.
func (h *Handlers) HandleAPIServiceDesigns(w http.ResponseWriter, r *http.Request) error {
	return serveSmallList(w, r, "ServiceDesigns", func() ([]*domain.ServiceDesign, error) { return h.Store.FindServiceDesigns(r.Context()) },
		func(d *domain.ServiceDesign) int64 { return d.ID },
		func(d *domain.ServiceDesign) apiServiceDesign {
			return apiServiceDesign{ServiceDesignID: d.ID, Name: d.Name, PortingNumberControl: d.PortingNumberControl,
				PortActions: append([]string{}, d.PortActions...), MaxPortQuantity: d.MaxPortQuantity}
		})
}

// HandleAPIQuoteCreate opens a quote: POST /api/quotes {"CustomerID":…} → 201 {"QuoteID":…}.
func (h *Handlers) HandleAPIQuoteCreate(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		CustomerID *int64 `json:"CustomerID"`
	}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if in.CustomerID == nil || *in.CustomerID <= 0 {
		return domain.FieldErrorf("CustomerID", "CustomerID is required")
	}
	answer := func(made domain.Created) map[string]any { return map[string]any{"QuoteID": made.QuoteID} }
	q, err := h.Store.CreateQuote(createContext(r, http.StatusCreated, answer), *in.CustomerID)
	if err != nil {
		return err
	}
	return ok(w, http.StatusCreated, answer(domain.Created{QuoteID: q.ID}))
}

// HandleAPIQuote answers a quote with its order services: GET /api/quotes/{QuoteID}.
func (h *Handlers) HandleAPIQuote(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "QuoteID", "Quote")
	if err != nil {
		return err
	}
	q, err := h.Store.FindQuoteByID(r.Context(), id)
	if err != nil {
		return err
	}
	svcs := make([]apiOrderService, len(q.OrderServices))
	for i, s := range q.OrderServices {
		svcs[i] = apiOrderService{OrderServiceID: s.ID, ServiceDesignID: s.ServiceDesignID, PortNumbers: []apiPortNumber{}}
		for _, pn := range s.PortNumbers {
			svcs[i].PortNumbers = append(svcs[i].PortNumbers, apiPortNumberOf(pn))
		}
	}
	return ok(w, http.StatusOK, map[string]any{"QuoteID": q.ID, "CustomerID": q.CustomerID, "IsQuote": q.IsQuote, "OrderServices": svcs})
}

// HandleAPIQuoteServiceAdd adds a service: POST /api/quotes/{QuoteID}/services {"ServiceDesignID":…} → 201 {"OrderServiceID":…}.
func (h *Handlers) HandleAPIQuoteServiceAdd(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "QuoteID", "Quote")
	if err != nil {
		return err
	}
	var in struct {
		ServiceDesignID *int64 `json:"ServiceDesignID"`
	}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if in.ServiceDesignID == nil || *in.ServiceDesignID <= 0 {
		return domain.FieldErrorf("ServiceDesignID", "ServiceDesignID is required")
	}
	answer := func(made domain.Created) map[string]any { return map[string]any{"OrderServiceID": made.OrderServiceID} }
	s, err := h.Store.AddOrderService(createContext(r, http.StatusCreated, answer), id, *in.ServiceDesignID)
	if err != nil {
		return err
	}
	return ok(w, http.StatusCreated, answer(domain.Created{OrderServiceID: s.ID}))
}

// HandleAPIQuoteConvert makes a quote an order: POST /api/quotes/{QuoteID}/convert → 200.
func (h *Handlers) HandleAPIQuoteConvert(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "QuoteID", "Quote")
	if err != nil {
		return err
	}
	answer := func(made domain.Created) map[string]any {
		return map[string]any{"QuoteID": made.QuoteID, "IsQuote": false}
	}
	if _, err := h.Store.ConvertQuote(createContext(r, http.StatusOK, answer), id); err != nil {
		return err
	}
	return ok(w, http.StatusOK, answer(domain.Created{QuoteID: id}))
}
