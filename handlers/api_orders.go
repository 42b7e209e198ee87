package handlers

import (
	"net/http"
	"strings"

	"switchboard/domain"
)

// The orders JSON API (API.md "Orders (seed 001)"). Each handler decodes
// its input strictly, leaves every rule to the domain through the order
// store, and answers the seed's output fields; the answer shapes are in
// api_orders_view.go.

// HandleAPINewOrdersCreate performs NewOrders_Create:
// POST /api/new-orders → 201 {"Success":true,"Orders":[int],"Lines":[int]}.
func (h *Handlers) HandleAPINewOrdersCreate(w http.ResponseWriter, r *http.Request) error {
	var in domain.NewOrdersInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	plan, err := h.Store.CreateNewOrders(createContext(r, http.StatusCreated, newOrdersAnswer), &in)
	if err != nil {
		return err
	}
	return ok(w, http.StatusCreated, newOrdersAnswer(plan.Created()))
}

func newOrdersAnswer(c domain.Created) map[string]any {
	return map[string]any{"Orders": nonNil(c.OrderIDs), "Lines": nonNil(c.LineIDs)}
}

// HandleAPIOrdersCreate performs Orders_Create with exactly one of Suspend,
// Disconnect, Restore, AddLine, Change, PackageChange:
// POST /api/orders → 201 {"Success":true,"OrderIDs":[int]}.
func (h *Handlers) HandleAPIOrdersCreate(w http.ResponseWriter, r *http.Request) error {
	var in domain.OrdersCreateInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	plan, err := h.Store.CreateOrders(createContext(r, http.StatusCreated, ordersAnswer), &in)
	if err != nil {
		return err
	}
	return ok(w, http.StatusCreated, ordersAnswer(plan.Created()))
}

func ordersAnswer(c domain.Created) map[string]any {
	return map[string]any{"OrderIDs": nonNil(c.OrderIDs)}
}

// HandleAPIOrder performs Orders_Query: GET /api/orders/{OrderID} → 200
// with the order's fields and one object named after its kind, and an ETag
// header for Orders_Update's If-Match.
func (h *Handlers) HandleAPIOrder(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r, "OrderID", "Order")
	if err != nil {
		return err
	}
	o, err := h.Store.FindOrderByID(ctx, id)
	if err != nil {
		return err
	}
	ans, err := h.apiOrderOf(ctx, o)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", o.ETag())
	w.Header().Set("Cache-Control", "no-store")
	return writeJSON(w, http.StatusOK, ans)
}

// HandleAPIOrders performs Orders_Search: GET /api/orders?… with every
// filter of the seed as a query parameter (a list by repeating the name),
// Limit and After → 200 {"Success":true,"Orders":[…],"Next":"…"}, newest
// first. An unknown parameter is a 400.
func (h *Handlers) HandleAPIOrders(w http.ResponseWriter, r *http.Request) error {
	f, err := domain.ParseOrderFilter(r.URL.Query())
	if err != nil {
		return err
	}
	orders, next, err := h.Store.FindOrders(r.Context(), f)
	if err != nil {
		return err
	}
	out := make([]apiOrderResult, len(orders))
	for i, o := range orders {
		out[i] = apiOrderResultOf(o, f.ShowServiceDetails)
	}
	return listAnswer(w, "Orders", out, next)
}

// HandleAPIOrderUpdate performs Orders_Update: PATCH /api/orders/{OrderID}
// → 200 {"Success":true} with the order's new ETag. With If-Match the
// update applies only to the version the caller read (a stale one is a 412
// and changes nothing); without it, to the order as it is now.
func (h *Handlers) HandleAPIOrderUpdate(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r, "OrderID", "Order")
	if err != nil {
		return err
	}
	var in domain.OrderUpdateInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	ifVersion, err := h.ifMatchVersion(r, id)
	if err != nil {
		return err
	}
	o, err := h.Store.UpdateOrder(ctx, id, &in, ifVersion)
	if domain.ErrorCode(err) == domain.ESTALE {
		return h.staleOrder(r, id)
	} else if err != nil {
		return err
	}
	w.Header().Set("ETag", o.ETag())
	return ok(w, http.StatusOK, map[string]any{})
}

// ifMatchVersion reads If-Match for order id: nil when absent or "*" (the
// order as it is now), else the version the caller read. A list of tags is
// matched against the stored version; a tag that is not one of this
// order's (weak, malformed, another order's) matches no version: 412.
func (h *Handlers) ifMatchVersion(r *http.Request, id int64) (*int, error) {
	values := r.Header.Values("If-Match")
	if len(values) == 0 {
		return nil, nil
	}
	var tags []string
	for _, v := range values {
		for _, t := range strings.Split(v, ",") {
			if t = strings.TrimSpace(t); t != "" {
				tags = append(tags, t)
			}
		}
	}
	var versions []int
	for _, t := range tags {
		if t == "*" {
			return nil, nil
		}
		if v, ok := domain.ParseETag(t, id); ok {
			versions = append(versions, v)
		}
	}
	switch len(versions) {
	case 0:
		return nil, h.staleOrder(r, id)
	case 1:
		return &versions[0], nil
	}
	// Several tags: the update applies if the stored version is one of them.
	o, err := h.Store.FindOrderByID(r.Context(), id)
	if err != nil {
		return nil, err
	}
	for _, v := range versions {
		if v == o.Version {
			return &v, nil
		}
	}
	return nil, h.staleOrder(r, id)
}

// staleOrder is the 412 for an If-Match that is not the order's current
// ETag (or ENOTFOUND when there is no such order).
func (h *Handlers) staleOrder(r *http.Request, id int64) error {
	o, err := h.Store.FindOrderByID(r.Context(), id)
	if err != nil {
		return err
	}
	return domain.Errorf(domain.ESTALE,
		"Order %d was changed since you read it (If-Match %s; it is now %s): nothing was changed. Read it again (GET /api/orders/%d) and send your update with its new ETag.",
		id, strings.Join(r.Header.Values("If-Match"), ", "), o.ETag(), id)
}

// HandleAPIOrderHistory answers an order's audit trail, oldest first:
// GET /api/orders/{OrderID}/history →
// {"Success":true,"History":[{"At","User","Action","Changes":{field:[before,after]}}]}.
func (h *Handlers) HandleAPIOrderHistory(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r, "OrderID", "Order")
	if err != nil {
		return err
	}
	if _, err := h.Store.FindOrderByID(ctx, id); err != nil {
		return err
	}
	events, err := h.Store.FindAuditEvents(ctx, domain.EntityOrder, id)
	if err != nil {
		return err
	}
	out := make([]apiHistoryEvent, len(events))
	for i, ev := range events {
		ch := ev.Changes
		if ch == nil {
			ch = map[string]domain.Change{}
		}
		out[i] = apiHistoryEvent{At: apiTime(ev.At), User: ev.UserName, Action: ev.Action, Changes: ch}
	}
	return ok(w, http.StatusOK, map[string]any{"History": out})
}

// nonNil answers an empty list as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
