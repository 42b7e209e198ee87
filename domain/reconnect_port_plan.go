package domain

import (
	"context"
	"fmt"
	"strings"
)

// CarrierVerizonWireless is the code of the one carrier reconnect ports
// are for (the seed: "currently only supported for Verizon Wireless").
const CarrierVerizonWireless = "VZW"

// Limits on a port's free text.
const (
	MaxPortAccountNumber = 40
	MaxPortSigner        = 100
	MaxPortPIN           = 40
)

// PortPlan is what ReconnectPort_Create writes once every rule passed: the
// port (stage disconnecting) and the disconnect order of its line.
type PortPlan struct {
	Port        *ReconnectPort
	Disconnects *OrderPlan
}

// PlanReconnectPort checks ReconnectPort_Create's input against every rule
// of the seed and returns the port and its disconnect order. When any rule
// fails nothing is planned: the error is one EINVALID with a field error
// per failed rule (the seed's field paths). Store errors other than
// ENOTFOUND are returned as they are.
//
// Rules and defaults where the seed is silent:
//   - LineID, or Line with CustomerID and TN, never both; the line ACTIVE
//     or SUSPENDED, on the carrier with code VZW, its customer not
//     INACTIVE, with no open order it clashes with;
//   - Inventory: Identifier and Type (Mobile_Device or SIM_Card) required;
//     the item AVAILABLE, or ASSIGNED to the customer on no line or on the
//     line being disconnected;
//   - PortMDN: 10 digits, not ten 0s, not the line's own TN, on no live line;
//   - AccountNumber, AuthorizedSigner and PINPassword required; Remark optional;
//   - SSN and TaxID: 9 digits when given; SSN defaults to the customer's;
//   - AddressID an address that exists; defaults to the customer's
//     service address;
//   - AVAILABLE inventory is assigned to the customer at once (on no line),
//     so nothing else takes it before the new service does;
//   - the disconnect keeps the chosen inventory on the customer's account
//     (InventoryItemStatus ASSIGNED) when it is on the line, so it is there
//     for the new service; otherwise the line's inventory becomes AVAILABLE.
func PlanReconnectPort(ctx context.Context, lk PortLookup, in *ReconnectPortInput) (*PortPlan, error) {
	if in == nil {
		return nil, invalid("Request body is required")
	}
	pl := newPlanner(ctx, lk)
	line := pl.portLine(in)
	var cust *Customer
	if line != nil {
		cust = pl.customer("LineID", line.CustomerID)
	}
	inv := pl.portInventory(in.Inventory, line)
	mdn := pl.portMDN("PortMDN", in.PortMDN, line)
	acct, signer, pin := pl.portAccount("", in.AccountNumber, in.AuthorizedSigner, in.PINPassword, true)
	remark := strings.TrimSpace(in.Remark)
	pl.checkText("Remark", "Remark", remark, MaxDescription)
	ssn := pl.nineDigits("SSN", in.SSN)
	taxID := pl.nineDigits("TaxID", in.TaxID)
	addressID := in.AddressID
	if addressID != 0 {
		pl.address(lk, "AddressID", addressID)
	} else if cust != nil {
		addressID = cust.ServiceAddressID
	}
	if ssn.IsZero() && cust != nil {
		ssn = cust.SSN
	}
	if err := pl.result(); err != nil {
		return nil, err
	}

	d := lineOrder(TypeDisconnect, ItemDisconnect, line.CustomerID, line)
	d.InventoryItemStatus = InventoryAvailable
	if inv.LineID != nil && *inv.LineID == line.ID {
		d.InventoryItemStatus = InventoryAssigned
	}
	port := &ReconnectPort{
		CustomerID: line.CustomerID, LineID: line.ID, TN: line.TN,
		InventoryIdentifier: inv.Identifier, InventoryType: inv.Type, PortMDN: mdn,
		AccountNumber: acct, AuthorizedSigner: signer, PINPassword: pin, Remark: remark,
		SSN: ssn, TaxID: taxID, AddressID: addressID, Stage: StageDisconnecting,
	}
	if cust != nil {
		port.CustomerName = cust.Name
	}
	plan := &OrderPlan{Orders: []*Order{d}}
	if inv.Status == InventoryAvailable {
		// Kept for the new service: on the customer's account, on no line yet.
		plan.Assignments = []InventoryAssignment{{Identifier: inv.Identifier, CustomerID: line.CustomerID}}
	}
	return &PortPlan{Port: port, Disconnects: plan}, nil
}

// portLine finds the service by LineID or Line{CustomerID, TN}.
func (pl *planner) portLine(in *ReconnectPortInput) *Line {
	var line *Line
	field := "LineID"
	switch {
	case in.LineID != 0 && in.Line != nil:
		pl.p.AddRule("LineID", RuleNotBoth, kv("Other", "Line"), "Give LineID or Line, not both")
		return nil
	case in.LineID != 0:
		line = pl.line(field, in.LineID)
	case in.Line != nil:
		tn := NormalizeTN(strings.TrimSpace(in.Line.TN))
		pl.p.CheckRule(in.Line.CustomerID != 0, "Line.CustomerID", RuleRequired, nil, "Line.CustomerID is required")
		switch {
		case tn == "":
			pl.p.AddRule("Line.TN", RuleRequired, nil, "Line.TN is required")
		case !ValidTN(tn):
			pl.p.AddRule("Line.TN", RuleDigits, kv("Count", "10"), "TN must be 10 digits")
		}
		if !pl.p.Empty() {
			return nil
		}
		field = "Line.TN"
		if pl.customer("Line.CustomerID", in.Line.CustomerID) == nil {
			return nil
		}
		if line = pl.lineByTN(field, tn); line != nil && line.CustomerID != in.Line.CustomerID {
			pl.p.AddRule(field, RuleTNNotCustomers, kv("TN", tn), "TN %s is not a line of customer %d", tn, in.Line.CustomerID)
			return nil
		}
	default:
		pl.p.AddRule("LineID", RuleRequired, nil, "Give LineID, or Line with CustomerID and TN")
		return nil
	}
	if line == nil {
		return nil
	}
	if c := pl.carrier(field, line.CarrierID); c != nil {
		for _, f := range line.ReconnectRefusals(c) {
			pl.p.AddRule(field, f.Rule, f.Params, "%s", f.Message)
		}
	} else if f := line.reconnectStatusRefusal(); f != nil {
		pl.p.AddRule(field, f.Rule, f.Params, "%s", f.Message)
	}
	if c := pl.customer(field, line.CustomerID); c != nil && c.Status == CustomerInactive {
		pl.p.AddRule(field, RuleCustomerGone, kv("Customer", c.Name), "Customer %d is INACTIVE: services cannot be added to it", c.ID)
	}
	pl.checkOpenOrders(field, line, ItemDisconnect)
	return line
}

// portInventory checks the device or SIM the new service will use.
func (pl *planner) portInventory(in *ReconnectInventoryInput, line *Line) *InventoryItem {
	if in == nil {
		pl.p.AddRule("Inventory", RuleRequired, nil, "Inventory is required: the device or SIM for the new service")
		return nil
	}
	ident, typ := strings.TrimSpace(in.Identifier), strings.TrimSpace(in.Type)
	switch {
	case ident == "":
		pl.p.AddRule("Inventory.Identifier", RuleRequired, nil, "Inventory.Identifier is required")
	case len(ident) > 40:
		pl.p.AddRule("Inventory.Identifier", RuleTooLong, kv("Max", "40"), "Inventory.Identifier must be at most 40 characters")
	default:
		CheckChars(&pl.p, "Inventory.Identifier", "Inventory.Identifier", ident)
	}
	switch {
	case typ == "":
		pl.p.AddRule("Inventory.Type", RuleRequired, nil, "Inventory.Type is required: Mobile_Device or SIM_Card")
	case typ != InventoryDevice && typ != InventorySIM:
		pl.p.AddRule("Inventory.Type", RuleOneOf, nil, "Inventory.Type must be Mobile_Device or SIM_Card")
	}
	if pl.p.Has("Inventory.Identifier") || pl.p.Has("Inventory.Type") {
		return nil
	}
	it, err := find(pl, "inventory", ident, pl.lk.FindInventoryByIdentifier)
	if !pl.foundRule(err, "Inventory.Identifier", RuleInventoryUnknown, kv("Identifier", ident), "Inventory %s is not in inventory", ident) {
		return nil
	}
	if it.Type != typ {
		pl.p.AddRule("Inventory.Type", RuleInventoryWrongType, kv("Identifier", ident, "Type", it.Type, "Want", typ), "Inventory %s is a %s, not a %s", ident, it.Type, typ)
		return nil
	}
	if line == nil {
		return it
	}
	if msg, rule, params := inventoryUnusable(it, line.CustomerID, line.ID); msg != "" {
		if params["TN"] != "" {
			params["TN"] = pl.lineNumber(*it.LineID)
		}
		pl.p.AddRule("Inventory.Identifier", rule, params, "%s", msg)
		return nil
	}
	return it
}

// inventoryUnusable says why it cannot go on a new service of customerID,
// "" when it can: it must be AVAILABLE, or ASSIGNED to the customer on no
// line or on line oldLine (0: none). rule and params name the refusal (a
// line in use is named by its id in params' TN, for the caller to read).
func inventoryUnusable(it *InventoryItem, customerID, oldLine int64) (msg, rule string, params map[string]string) {
	switch {
	case it.Status == InventoryAvailable:
		return "", "", nil
	case it.Status == InventoryAssigned && (it.CustomerID == nil || *it.CustomerID != customerID):
		return fmt.Sprintf("Inventory %s is ASSIGNED to another customer", it.Identifier), RuleInventoryAssigned, kv("Identifier", it.Identifier)
	case it.Status == InventoryAssigned && it.LineID != nil && *it.LineID != oldLine:
		return fmt.Sprintf("Inventory %s is in use on line %d", it.Identifier, *it.LineID), RuleInventoryInUse, kv("Identifier", it.Identifier, "TN", itoa(*it.LineID))
	case it.Status == InventoryAssigned:
		return "", "", nil
	}
	return fmt.Sprintf("Inventory %s is %s and cannot be used", it.Identifier, it.Status), RuleInventoryUnusable, kv("Identifier", it.Identifier, "Status", it.Status)
}

// portMDN checks the number to port in.
func (pl *planner) portMDN(field, s string, line *Line) string {
	mdn := NormalizeTN(strings.TrimSpace(s))
	switch {
	case mdn == "":
		pl.p.AddRule(field, RuleRequired, nil, "PortMDN is required: the number to port in")
	case !ValidTN(mdn):
		pl.p.AddRule(field, RuleDigits, kv("Count", "10"), "PortMDN must be 10 digits")
	case mdn == noTN:
		pl.p.AddRule(field, RuleNoNumber, nil, "PortMDN must be the number being ported; ten 0s is no number")
	case line != nil && mdn == line.TN:
		pl.p.AddRule(field, RulePortOwnNumber, kv("TN", mdn), "PortMDN %s is the number of line %d itself; give the number to port in from the losing provider", mdn, line.ID)
	default:
		pl.tnFree(field, "PortMDN", mdn)
	}
	return mdn
}

// portAccount checks the losing account's details. With required false an
// empty value is allowed (a resubmission keeps the port's).
func (pl *planner) portAccount(prefix, acct, signer string, pin Secret, required bool) (string, string, Secret) {
	acct, signer = strings.TrimSpace(acct), strings.TrimSpace(signer)
	pin = NewSecret(strings.TrimSpace(pin.Clear()))
	for _, f := range []struct {
		name, v string
		max     int
	}{{"AccountNumber", acct, MaxPortAccountNumber}, {"AuthorizedSigner", signer, MaxPortSigner}, {"PINPassword", pin.Clear(), MaxPortPIN}} {
		field := at(prefix, f.name)
		pl.p.CheckRule(!required || f.v != "", field, RuleRequired, nil, "%s is required", f.name)
		pl.checkText(field, f.name, f.v, f.max)
	}
	return acct, signer, pin
}

// nineDigits checks an optional SSN or TaxID (dashes allowed).
func (pl *planner) nineDigits(field string, s Secret) Secret {
	v := strings.ReplaceAll(strings.TrimSpace(s.Clear()), "-", "")
	if v == "" {
		return Secret{}
	}
	pl.p.CheckRule(len(v) == 9 && AllDigits(v), field, RuleDigits, kv("Count", "9"), "%s must be 9 digits", field)
	return NewSecret(v)
}

// address checks that an AddressID exists.
func (pl *planner) address(lk PortLookup, field string, id int64) *Address {
	a, err := find(pl, "address", id, lk.FindAddressByID)
	if !pl.found(err, field, "Address %d does not exist", id) {
		return nil
	}
	return a
}

// ReconnectRefusals says why line, on carrier c, cannot be disconnected for
// a reconnect port: not a Verizon Wireless line, or neither active nor
// suspended. None when it can.
func (l *Line) ReconnectRefusals(c *Carrier) []FieldError {
	var out []FieldError
	if c.Code != CarrierVerizonWireless {
		out = append(out, FieldError{Rule: RuleLineNotVerizon, Params: kv("TN", l.TN, "Carrier", c.Name),
			Message: fmt.Sprintf("Reconnect ports are only for Verizon Wireless lines; line %d (%s) is on %s", l.ID, l.TN, c.Name)})
	}
	if f := l.reconnectStatusRefusal(); f != nil {
		out = append(out, *f)
	}
	return out
}

func (l *Line) reconnectStatusRefusal() *FieldError {
	if l.Status == LineActive || l.Status == LineSuspended {
		return nil
	}
	return &FieldError{Rule: RuleLineNotReconnect, Params: kv("TN", l.TN, "Status", l.Status),
		Message: fmt.Sprintf("Line %d is %s; only an ACTIVE or SUSPENDED line can be disconnected for a reconnect port", l.ID, l.Status)}
}
