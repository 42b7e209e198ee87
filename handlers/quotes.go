package handlers

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

// canEdit reports whether the signed-in user may change quotes and port numbers.
func canEdit(ctx context.Context) bool {
	u := domain.UserFromContext(ctx)
	return u != nil && u.Role.AtLeast(domain.RoleRep)
}

// quoteVM builds a quote's page: its services with their capacity, the
// designs to add from, and its history.
func (h *Handlers) quoteVM(ctx context.Context, id int64) (views.QuoteVM, error) {
	q, err := h.Store.FindQuoteByID(ctx, id)
	if err != nil {
		return views.QuoteVM{}, err
	}
	vm := views.QuoteVM{ID: q.ID, CustomerID: q.CustomerID, CustomerName: q.CustomerName, Open: q.IsQuote,
		Created: shortTime(q.CreatedAt), CanEdit: q.IsQuote && canEdit(ctx)}
	if q.ConvertedAt != nil {
		vm.Converted = shortTime(*q.ConvertedAt)
	}
	for _, s := range q.OrderServices {
		vm.Services = append(vm.Services, views.QuoteServiceRow{ID: s.ID, Design: s.Design.Name, Control: s.Design.PortingNumberControl,
			Actions: strings.Join(s.Design.PortActions, " and "), Used: s.PortQuantity(), Max: s.Design.MaxPortQuantity, Ranges: len(s.PortNumbers)})
	}
	if vm.CanEdit {
		ds, err := h.Store.FindServiceDesigns(ctx)
		if err != nil {
			return vm, err
		}
		for _, d := range ds {
			label := d.Name + " (no port numbers)"
			if d.PortingNumberControl {
				label = d.Name + " (" + strings.Join(d.PortActions, ", ") + ", up to " + itoa64(d.MaxPortQuantity) + " numbers)"
			}
			vm.Designs = append(vm.Designs, components.Option{Value: itoa64(d.ID), Label: label})
		}
	}
	evs, err := h.Store.FindAuditEvents(ctx, domain.EntityQuote, q.ID)
	if err != nil {
		return vm, err
	}
	names := map[string]map[int64]string{"Customer": {q.CustomerID: q.CustomerName}}
	for _, ev := range evs {
		vm.History = append(vm.History, historyEntry(ev, names))
	}
	return vm, nil
}

// HandleQuoteShow shows a quote: GET /quotes/{id}.
func (h *Handlers) HandleQuoteShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "Quote")
	if err != nil {
		return err
	}
	vm, err := h.quoteVM(r.Context(), id)
	if err != nil {
		return err
	}
	return h.render(w, r, http.StatusOK, views.QuotePage(h.shell(w, r, "Quote "+itoa64(id)), vm), nil)
}

// HandleQuoteStart opens a quote for a customer: POST /customers/{id}/quotes.
func (h *Handlers) HandleQuoteStart(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "Customer")
	if err != nil {
		return err
	}
	if _, err := h.Store.FindCustomerByID(r.Context(), id); err != nil {
		return err
	}
	q, err := h.Store.CreateQuote(r.Context(), id)
	if err != nil {
		return err
	}
	h.flash(w, r, "ok", "Quote "+itoa64(q.ID)+" started. Add its services from the designs below.")
	return redirect(w, r, "/quotes/"+itoa64(q.ID))
}

// HandleQuoteServiceAdd adds a service from a design: POST /quotes/{id}/services.
func (h *Handlers) HandleQuoteServiceAdd(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r, "id", "Quote")
	if err != nil {
		return err
	}
	designID, perr := strconv.ParseInt(strings.TrimSpace(r.FormValue("ServiceDesignID")), 10, 64)
	if perr != nil || designID <= 0 {
		err = domain.FieldErrorf("ServiceDesignID", "Choose a service design")
	} else {
		var s *domain.OrderService
		if s, err = h.Store.AddOrderService(ctx, id, designID); err == nil {
			h.flash(w, r, "ok", "Service "+itoa64(s.ID)+" ("+s.Design.Name+") added.")
			return redirect(w, r, "/quotes/"+itoa64(id))
		}
	}
	if domain.ErrorCode(err) != domain.EINVALID {
		return err
	}
	vm, verr := h.quoteVM(ctx, id)
	if verr != nil {
		return verr
	}
	for _, f := range domain.ErrorFields(err) {
		vm.DesignErr = append(vm.DesignErr, components.Say(f))
	}
	return h.render(w, r, http.StatusUnprocessableEntity, views.QuotePage(h.shell(w, r, "Quote "+itoa64(id)), vm), nil)
}

// HandleQuoteConvertConfirm asks to confirm a conversion, saying what it closes: GET /quotes/{id}/convert.
func (h *Handlers) HandleQuoteConvertConfirm(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "Quote")
	if err != nil {
		return err
	}
	vm, err := h.quoteVM(r.Context(), id)
	if err != nil {
		return err
	}
	if !vm.Open {
		h.flash(w, r, "info", "Quote "+itoa64(id)+" is already an order.")
		return redirect(w, r, "/quotes/"+itoa64(id))
	}
	return h.render(w, r, http.StatusOK, views.QuoteConvertPage(h.shell(w, r, "Convert quote "+itoa64(id)), vm), nil)
}

// HandleQuoteConvert makes a quote an order: POST /quotes/{id}/convert.
func (h *Handlers) HandleQuoteConvert(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "Quote")
	if err != nil {
		return err
	}
	if _, err := h.Store.ConvertQuote(r.Context(), id); err != nil {
		return err
	}
	h.flash(w, r, "ok", "Quote "+itoa64(id)+" is now an order. Its port numbers are fixed.")
	return redirect(w, r, "/quotes/"+itoa64(id))
}

// customerQuotes is the quotes section of a customer's page.
func (h *Handlers) customerQuotes(ctx context.Context, customerID int64) (views.CustomerQuotesVM, error) {
	vm := views.CustomerQuotesVM{CustomerID: customerID, CanStart: canEdit(ctx)}
	qs, err := h.Store.FindQuotesByCustomer(ctx, customerID)
	if err != nil {
		return vm, err
	}
	for _, q := range qs {
		vm.Quotes = append(vm.Quotes, views.CustomerQuoteRow{ID: q.ID, Open: q.IsQuote, Created: shortTime(q.CreatedAt)})
	}
	return vm, nil
}
