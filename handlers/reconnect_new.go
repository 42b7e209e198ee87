package handlers

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"switchboard/domain"
	"switchboard/views"
	"switchboard/views/components"
)

// How many lines and inventory items the reconnect port form lists.
const portPickLimit = 10

// HandleReconnectPortNew shows the form that starts a reconnect port.
func (h *Handlers) HandleReconnectPortNew(w http.ResponseWriter, r *http.Request) error {
	vm := portFormOf(r)
	if err := h.fillPortPicks(r.Context(), &vm); err != nil {
		return err
	}
	return h.write(w, r, http.StatusOK, views.ReconnectPortNewPage(h.shell(w, r, "Start a reconnect port"), vm))
}

// HandleReconnectPortLines answers the line search by TN (htmx).
func (h *Handlers) HandleReconnectPortLines(w http.ResponseWriter, r *http.Request) error {
	vm := portFormOf(r)
	if err := h.fillPortPicks(r.Context(), &vm); err != nil {
		return err
	}
	return h.write(w, r, http.StatusOK, views.PortLineChoices(vm))
}

// HandleReconnectPortInventory answers the inventory search (htmx).
func (h *Handlers) HandleReconnectPortInventory(w http.ResponseWriter, r *http.Request) error {
	vm := portFormOf(r)
	if err := h.fillPortPicks(r.Context(), &vm); err != nil {
		return err
	}
	return h.write(w, r, http.StatusOK, views.PortInventoryChoices(vm))
}

// HandleReconnectPortCheck checks the form as the rep types (htmx): each
// field's messages, out of band. Fields still empty are not reported
// (their "required" waits for the submit).
func (h *Handlers) HandleReconnectPortCheck(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return domain.Errorf(domain.EINVALID, "The form could not be read")
	}
	vm := portFormOf(r)
	in, problems := portInputOf(r)
	errs := components.Errors{}
	if problems.Empty() {
		errs = components.ErrorsOf(h.Store.CheckReconnectPort(r.Context(), in))
	} else {
		errs = components.ErrorsOf(problems.Err())
	}
	vm.Errors = components.Errors{}
	for f, msgs := range errs {
		if f == "" || portFieldFilled(r, f) {
			vm.Errors[f] = msgs
		}
	}
	if len(errs) == 0 {
		vm.OK = "Everything checks out."
	}
	return h.write(w, r, http.StatusOK, views.PortFormChecks(vm))
}

// HandleReconnectPortCreate performs ReconnectPort_Create from the form and
// goes to the board; errors show beside their fields (422).
func (h *Handlers) HandleReconnectPortCreate(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return domain.Errorf(domain.EINVALID, "The form could not be read")
	}
	ctx := r.Context()
	vm := portFormOf(r)
	if r.PostForm.Get("action") == "find" {
		if err := h.fillPortPicks(ctx, &vm); err != nil {
			return err
		}
		return h.write(w, r, http.StatusOK, views.ReconnectPortNewPage(h.shell(w, r, "Start a reconnect port"), vm))
	}
	in, problems := portInputOf(r)
	err := problems.Err()
	var p *domain.ReconnectPort
	if err == nil {
		p, err = h.Store.CreateReconnectPort(ctx, in)
	}
	switch domain.ErrorCode(err) {
	case "":
		h.flash(w, r, "ok", fmt.Sprintf("Reconnect port %d started: line %s is being disconnected, then %s is ported in.",
			p.ID, views.FormatTN(p.TN), views.FormatTN(p.PortMDN)))
		return redirect(w, r, "/reconnect-ports")
	case domain.EINVALID, domain.ECONFLICT:
		vm.Errors = components.ErrorsOf(err)
		if err := h.fillPortPicks(ctx, &vm); err != nil {
			return err
		}
		return h.write(w, r, http.StatusUnprocessableEntity, views.ReconnectPortNewPage(h.shell(w, r, "Start a reconnect port"), vm))
	}
	return err
}

// portFormOf reads what the rep typed, secrets left out.
func portFormOf(r *http.Request) views.PortFormVM {
	v := func(k string) string { return strings.TrimSpace(r.FormValue(k)) }
	vm := views.PortFormVM{LineSearch: v("LineSearch"), LineID: v("LineID"), InventoryType: v("Inventory.Type"),
		Identifier: v("Inventory.Identifier"), InventorySearch: v("InventorySearch"), PortMDN: v("PortMDN"),
		AccountNumber: v("AccountNumber"), Signer: v("AuthorizedSigner"), Remark: v("Remark"), AddressID: v("AddressID")}
	if vm.InventoryType == "" {
		vm.InventoryType = domain.InventorySIM
	}
	return vm
}

// portFieldFilled reports whether the input behind field has a value.
func portFieldFilled(r *http.Request, field string) bool {
	switch field {
	case "Inventory":
		return strings.TrimSpace(r.FormValue("Inventory.Identifier")) != ""
	case "Line.TN":
		return strings.TrimSpace(r.FormValue("LineSearch")) != ""
	}
	return strings.TrimSpace(r.FormValue(field)) != ""
}

// portInputOf is the form as ReconnectPort_Create's input.
func portInputOf(r *http.Request) (*domain.ReconnectPortInput, *domain.Problems) {
	p := &domain.Problems{}
	in := &domain.ReconnectPortInput{
		Inventory:     &domain.ReconnectInventoryInput{Identifier: r.FormValue("Inventory.Identifier"), Type: r.FormValue("Inventory.Type")},
		PortMDN:       r.FormValue("PortMDN"),
		AccountNumber: r.FormValue("AccountNumber"), AuthorizedSigner: r.FormValue("AuthorizedSigner"),
		PINPassword: domain.NewSecret(r.FormValue("PINPassword")), Remark: r.FormValue("Remark"),
		SSN: domain.NewSecret(r.FormValue("SSN")), TaxID: domain.NewSecret(r.FormValue("TaxID")),
	}
	if in.Inventory.Identifier == "" && in.Inventory.Type == "" {
		in.Inventory = nil
	}
	in.LineID = portFormID(r, "LineID", "Choose the line to disconnect", p)
	in.AddressID = portFormID(r, "AddressID", "", p)
	return in, p
}

// portFormID reads an optional positive id; missing is 0, or a problem when
// missing says so.
func portFormID(r *http.Request, field, missing string, p *domain.Problems) int64 {
	s := strings.TrimSpace(r.FormValue(field))
	if s == "" {
		if missing != "" {
			p.Add(field, "%s", missing)
		}
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		p.AddRule(field, domain.RuleOneOf, nil, "%s must be a positive whole number", field)
		return 0
	}
	return n
}

// fillPortPicks finds the lines whose TN starts with the search, and the
// inventory the new service may take: the chosen line's own items and
// AVAILABLE ones of the chosen kind.
func (h *Handlers) fillPortPicks(ctx context.Context, vm *views.PortFormVM) error {
	if digits := domain.NormalizeTN(vm.LineSearch); digits != "" && domain.AllDigits(digits) {
		vm.LinesSearched = true
		lines, _, err := h.Store.FindLines(ctx, domain.LineFilter{TNPrefix: &digits, Page: domain.Page{Limit: portPickLimit}})
		if err != nil {
			return err
		}
		carriers := map[int64]*domain.Carrier{}
		for _, l := range lines {
			c := carriers[l.CarrierID]
			if c == nil {
				if c, err = h.Store.FindCarrierByID(ctx, l.CarrierID); err != nil {
					return err
				}
				carriers[l.CarrierID] = c
			}
			cust, err := h.Store.FindCustomerByID(ctx, l.CustomerID)
			if err != nil {
				return err
			}
			choice := views.PortLineChoice{ID: l.ID, TN: views.FormatTN(l.TN), Customer: cust.Name, Carrier: c.Name,
				Status: l.Status, Selected: strconv.FormatInt(l.ID, 10) == vm.LineID}
			if refusals := l.ReconnectRefusals(c); len(refusals) > 0 {
				choice.Reason = components.Say(refusals[0])
			}
			vm.Lines = append(vm.Lines, choice)
		}
	}
	typ := vm.InventoryType
	if lineID, err := strconv.ParseInt(vm.LineID, 10, 64); err == nil && lineID > 0 {
		if l, err := h.Store.FindLineByID(ctx, lineID); err == nil {
			own, _, err := h.Store.FindInventory(ctx, domain.InventoryFilter{CustomerID: &l.CustomerID, Type: &typ, Page: domain.Page{Limit: portPickLimit}})
			if err != nil {
				return err
			}
			for _, it := range own {
				if it.LineID != nil && *it.LineID == l.ID && strings.HasPrefix(it.Identifier, vm.InventorySearch) {
					vm.Inventory = append(vm.Inventory, it.Identifier)
				}
			}
		}
	}
	avail := domain.InventoryAvailable
	f := domain.InventoryFilter{Status: &avail, Type: &typ, Page: domain.Page{Limit: portPickLimit}}
	if vm.InventorySearch != "" {
		f.Identifier = &vm.InventorySearch
	}
	items, _, err := h.Store.FindInventory(ctx, f)
	if err != nil {
		return err
	}
	for _, it := range items {
		vm.Inventory = append(vm.Inventory, it.Identifier)
	}
	return nil
}

// HandleReconnectPortResubmitForm shows the correction form of a port in
// resolution required.
func (h *Handlers) HandleReconnectPortResubmitForm(w http.ResponseWriter, r *http.Request) error {
	p, err := h.portOf(r)
	if err != nil {
		return err
	}
	vm := views.ResubmitVM{Port: views.NewPortCard(p, time.Now(), true), AccountNumber: p.AccountNumber,
		Signer: p.AuthorizedSigner, AddressID: strconv.FormatInt(p.AddressID, 10)}
	return h.write(w, r, http.StatusOK, views.ReconnectPortResubmitPage(h.shell(w, r, "Correct and resubmit"), vm))
}

// HandleReconnectPortResubmit resubmits the corrected port and goes to the board.
func (h *Handlers) HandleReconnectPortResubmit(w http.ResponseWriter, r *http.Request) error {
	p, err := h.portOf(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return domain.Errorf(domain.EINVALID, "The form could not be read")
	}
	var problems domain.Problems
	in := &domain.ResubmitInput{AccountNumber: r.PostForm.Get("AccountNumber"), AuthorizedSigner: r.PostForm.Get("AuthorizedSigner"),
		PINPassword: domain.NewSecret(r.PostForm.Get("PINPassword")), AddressID: portFormID(r, "AddressID", "", &problems)}
	err = problems.Err()
	if err == nil {
		_, err = h.Store.ResubmitReconnectPort(r.Context(), p.ID, in)
	}
	switch domain.ErrorCode(err) {
	case "":
		h.flash(w, r, "ok", fmt.Sprintf("Reconnect port %d resubmitted: %s is being ported again.", p.ID, views.FormatTN(p.PortMDN)))
		return redirect(w, r, "/reconnect-ports")
	case domain.EINVALID, domain.ECONFLICT:
		vm := views.ResubmitVM{Port: views.NewPortCard(p, time.Now(), true), AccountNumber: in.AccountNumber,
			Signer: in.AuthorizedSigner, AddressID: r.PostForm.Get("AddressID"), Errors: components.ErrorsOf(err)}
		return h.write(w, r, http.StatusUnprocessableEntity, views.ReconnectPortResubmitPage(h.shell(w, r, "Correct and resubmit"), vm))
	}
	return err
}

func (h *Handlers) portOf(r *http.Request) (*domain.ReconnectPort, error) {
	id, err := pathID(r, "id", "Reconnect port")
	if err != nil {
		return nil, err
	}
	return h.Store.FindReconnectPortByID(r.Context(), id)
}
