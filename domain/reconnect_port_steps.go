package domain

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// What the next step of a port does (PortStep.Kind).
const (
	StepNone       = "none"       // the port is done: nothing more to do
	StepWait       = "wait"       // its orders are still being worked: check again later
	StepReconnect  = "reconnect"  // the disconnects are complete: move the inventory, open the reconnect order
	StepComplete   = "complete"   // the reconnect order is complete: the number is activated
	StepFail       = "fail"       // a step cannot go on: Errored, done
	StepResolution = "resolution" // the losing carrier answered R: wait for the rep's resubmission
)

// PortStep is the next step of a port; Message is what a rep reads on
// the board (Errored's ErrorMessage).
type PortStep struct {
	Kind    string
	Message string
}

// PortOrder is where one of a port's orders stands: its status and, for a
// reconnect order, the losing carrier's answer to the port request (""
// before it answered; D, C or R with Reason).
type PortOrder struct {
	ID           int64  `db:"order_id"`
	Kind         string `db:"kind"` // PortOrderDisconnect or PortOrderReconnect
	PON          string `db:"pon"`
	Status       string `db:"status"`
	StatusNote   string `db:"status_note"`
	PortResponse string `db:"port_response"`
	PortReason   string `db:"port_reason"`
	// PortActivated: the number is active at the new provider.
	PortActivated bool `db:"port_activated"`
}

// Kinds of a port's orders.
const (
	PortOrderDisconnect = "disconnect"
	PortOrderReconnect  = "reconnect"
)

// NextPortStep is the port's state machine: given where its disconnect
// orders and its current reconnect order (the last of reconnects) stand
// at now, it says what to do next.
//
//	disconnecting: a CANCELED disconnect order fails the port; all COMPLETE → reconnect; else wait.
//	porting:       the reconnect order CANCELED fails it; an R answer → resolution;
//	               COMPLETE (the number is activated) → complete; else wait.
//	resolution:    waits for a resubmission; after PortAbandonAfter in it the
//	               port is given up (fail); a reconnect order completed anyway completes it.
//	completed, errored: none.
func NextPortStep(p *ReconnectPort, disconnects, reconnects []PortOrder, now time.Time) PortStep {
	switch p.Stage {
	case StageDisconnecting:
		if len(disconnects) == 0 {
			return PortStep{Kind: StepFail, Message: fmt.Sprintf("Reconnect port %d has no disconnect order; start a new reconnect port.", p.ID)}
		}
		done := 0
		for _, o := range disconnects {
			switch o.Status {
			case OrderCanceled:
				return PortStep{Kind: StepFail, Message: fmt.Sprintf(
					"Disconnect order %d (PON %s) was canceled, so line %s was not disconnected and %s was not ported. Start a new reconnect port if it should still go ahead.",
					o.ID, o.PON, p.TN, p.PortMDN)}
			case OrderComplete:
				done++
			}
		}
		if done == len(disconnects) {
			return PortStep{Kind: StepReconnect}
		}
		return PortStep{Kind: StepWait}
	case StagePorting, StageResolution:
		if len(reconnects) == 0 {
			return PortStep{Kind: StepFail, Message: fmt.Sprintf("Reconnect port %d has no reconnect order; start a new reconnect port.", p.ID)}
		}
		o := reconnects[len(reconnects)-1]
		switch {
		case o.Status == OrderComplete:
			return PortStep{Kind: StepComplete}
		case o.Status == OrderCanceled:
			return PortStep{Kind: StepFail, Message: fmt.Sprintf(
				"Reconnect order %d (PON %s) was canceled, so %s was not ported. Start a new reconnect port if it should still go ahead.",
				o.ID, o.PON, p.PortMDN)}
		case p.Stage == StageResolution && now.Sub(p.StageDate) >= PortAbandonAfter:
			return PortStep{Kind: StepFail, Message: fmt.Sprintf(
				"Given up: no resubmission within 30 days of the losing carrier's answer (%s). Start a new reconnect port to try again.", p.resolutionReason())}
		case p.Stage == StageResolution:
			return PortStep{Kind: StepWait}
		case o.PortResponse == PortResolutionRequired:
			reason := strings.TrimSpace(o.PortReason)
			if reason == "" {
				reason = "no reason given"
			}
			return PortStep{Kind: StepResolution, Message: ResolutionMessage(reason)}
		}
		return PortStep{Kind: StepWait}
	}
	return PortStep{Kind: StepNone}
}

// resolutionPrefix starts every resolution-required message.
const resolutionPrefix = "The losing carrier needs a correction: "

// ResolutionMessage is a port's ErrorMessage after an R answer for reason.
func ResolutionMessage(reason string) string {
	return resolutionPrefix + reason + ". Correct the account number, PIN or password, authorized signer or address and resubmit."
}

// resolutionReason is the losing carrier's reason out of a resolution message.
func (p *ReconnectPort) resolutionReason() string {
	r := strings.TrimPrefix(p.ErrorMessage, resolutionPrefix)
	if i := strings.Index(r, ". Correct the"); i >= 0 {
		r = r[:i]
	}
	if r == "" {
		return "no reason given"
	}
	return r
}

// ApplyPortStep moves p to the stage step leads to at now. It returns the
// audit changes, or nil when the step changes no stage (wait, none,
// reconnect: the store opens the orders and calls StartPorting).
func ApplyPortStep(p *ReconnectPort, step PortStep, now time.Time) map[string]Change {
	switch step.Kind {
	case StepComplete:
		return p.moveTo(StageCompleted, "", now)
	case StepFail:
		return p.moveTo(StageErrored, step.Message, now)
	case StepResolution:
		return p.moveTo(StageResolution, step.Message, now)
	}
	return nil
}

// StartPorting records that the reconnect order newOrderID (on line
// newLineID) carries the port request now.
func StartPorting(p *ReconnectPort, newOrderID, newLineID int64, now time.Time) map[string]Change {
	ch := p.moveTo(StagePorting, "", now)
	ch["ReconnectOrderIDs"] = Change{nil, newOrderID}
	old := idValue(p.NewLineID)
	p.NewLineID = ptr(newLineID)
	if old != any(newLineID) {
		ch["NewLineID"] = Change{old, newLineID}
	}
	p.ReconnectOrderIDs = append(p.ReconnectOrderIDs, newOrderID)
	return ch
}

func (p *ReconnectPort) moveTo(stage, msg string, now time.Time) map[string]Change {
	ch := map[string]Change{}
	if p.Stage != stage {
		ch["Stage"] = Change{p.Stage, stage}
		p.Stage, p.StageDate = stage, now
	}
	if p.ErrorMessage != msg {
		ch["ErrorMessage"] = Change{p.ErrorMessage, msg}
		p.ErrorMessage = msg
	}
	return ch
}

// PlanReconnectOrders plans the reconnect order of p once its disconnects
// are complete: a new PENDING service with the number PortMDN on the old
// line's package, carrier and account; a NEW order marked reconnect
// (ReconnectTN = PortMDN) carrying the WirelessPort request; the inventory
// moved onto the new service. When the inventory cannot be reassigned or
// the number is taken meanwhile, it returns "" plan and the message a rep
// acts on (the port fails); store errors are returned as they are.
func PlanReconnectOrders(ctx context.Context, lk PortLookup, p *ReconnectPort) (*OrderPlan, string, error) {
	pl := newPlanner(ctx, lk)
	old := pl.line("LineID", p.LineID)
	var pkg *Package
	var addr *Address
	if old != nil {
		pkg = pl.pkg("LineID", old.PackageID)
	}
	addr = pl.address(lk, "AddressID", p.AddressID)
	it, err := find(pl, "inventory", p.InventoryIdentifier, pl.lk.FindInventoryByIdentifier)
	pl.found(err, "Inventory.Identifier", "Inventory %s is no longer in inventory", p.InventoryIdentifier)
	if pl.err != nil {
		return nil, "", pl.err
	}
	if !pl.p.Empty() {
		return nil, fmt.Sprintf("The new service cannot be set up: %s.", strings.TrimSuffix(pl.p.fields[0].Message, ".")), nil
	}
	if msg, _, _ := inventoryUnusable(it, p.CustomerID, p.LineID); msg != "" {
		return nil, fmt.Sprintf("The inventory cannot be reassigned to the new service: %s. Start a new reconnect port with a usable device or SIM.", msg), nil
	}
	pl.tnFree("PortMDN", "PortMDN", p.PortMDN)
	if pl.err != nil {
		return nil, "", pl.err
	}
	if !pl.p.Empty() {
		return nil, fmt.Sprintf("%s was taken meanwhile: %s.", p.PortMDN, pl.p.fields[0].Message), nil
	}

	desc := fmt.Sprintf("Reconnect port %d", p.ID)
	line := &Line{CustomerID: p.CustomerID, TN: p.PortMDN, PackageID: old.PackageID, CarrierID: old.CarrierID,
		CarrierAccountID: old.CarrierAccountID, LineTypeID: old.LineTypeID, Description: desc, Status: LinePending}
	item := &OrderItem{TN: p.PortMDN, Action: ItemAdd, PackageID: old.PackageID, CarrierID: old.CarrierID,
		CarrierAccountID: old.CarrierAccountID, Description: desc, LineTypeID: old.LineTypeID,
		InventoryIdentifiers: []string{it.Identifier}, NewLine: line, Products: packageProducts(pkg, nil, newLineRoles...)}
	o := newOrder(TypeNew, p.CustomerID, old.CarrierID, old.CarrierAccountID)
	o.Items = []*OrderItem{item}
	o.Reconnect = true
	a := *addr
	a.ID = 0
	o.WirelessPort = &WirelessPort{MDN: p.PortMDN, AccountNumber: p.AccountNumber, AuthorizedSigner: p.AuthorizedSigner,
		PINPassword: p.PINPassword, Remark: p.Remark, Address: a}
	return &OrderPlan{Orders: []*Order{o}, Lines: []*Line{line},
		Assignments: []InventoryAssignment{{Identifier: it.Identifier, CustomerID: p.CustomerID, Line: line}}}, "", nil
}

// PlanResubmit checks a resubmission of p after an R answer and returns
// the port with the corrections applied (the store then cancels the
// refused reconnect order and opens the next with PlanReconnectOrders).
// Returns ECONFLICT unless p is in resolution required, EFORBIDDEN for a
// user below rep, EINVALID with a field error per failed check.
func PlanResubmit(ctx context.Context, lk PortLookup, p *ReconnectPort, in *ResubmitInput, role Role) (*ReconnectPort, map[string]Change, error) {
	if !role.AtLeast(RoleRep) {
		return nil, nil, ErrorRule(EFORBIDDEN, RuleRoleMayNot, kv("Role", string(role), "Action", "resubmit reconnect ports"), "Your role (%s) may not resubmit reconnect ports", roleName(role))
	}
	if in == nil {
		return nil, nil, invalid("Request body is required")
	}
	if p.Stage != StageResolution {
		return nil, nil, ErrorRule(ECONFLICT, RuleResubmitNotAsked, kv("Status", StageTitle(p.Stage)), "Reconnect port %d is %s; it can be resubmitted only after the losing carrier asked for a correction (resolution required)",
			p.ID, strings.ToLower(StageTitle(p.Stage)))
	}
	pl := newPlanner(ctx, lk)
	acct, signer, pin := pl.portAccount("", in.AccountNumber, in.AuthorizedSigner, in.PINPassword, false)
	if in.AddressID != 0 {
		pl.address(lk, "AddressID", in.AddressID)
	}
	if err := pl.result(); err != nil {
		return nil, nil, err
	}
	n := *p
	ch := map[string]Change{}
	if acct != "" && acct != p.AccountNumber {
		ch["AccountNumber"] = Change{p.AccountNumber, acct}
		n.AccountNumber = acct
	}
	if signer != "" && signer != p.AuthorizedSigner {
		ch["AuthorizedSigner"] = Change{p.AuthorizedSigner, signer}
		n.AuthorizedSigner = signer
	}
	if !pin.IsZero() && pin.Clear() != p.PINPassword.Clear() {
		ch["PINPassword"] = Change{"(hidden)", "(changed)"}
		n.PINPassword = pin
	}
	if in.AddressID != 0 && in.AddressID != p.AddressID {
		ch["AddressID"] = Change{p.AddressID, in.AddressID}
		n.AddressID = in.AddressID
	}
	return &n, ch, nil
}

// PlanReplaceReconnectOrder plans the cancellation of a reconnect order
// the losing carrier refused, when the rep resubmits the port: the new
// reconnect order replaces it, so its new service never comes to be and
// its inventory is free for the next (CancelEffects).
func PlanReplaceReconnectOrder(o *Order, note string, now time.Time) (*OrderUpdatePlan, error) {
	if !o.Reconnect || !CanMove(o.Status, OrderCanceled) {
		return nil, FieldErrorRule("Status", RuleNotReplaceable, nil, "Order %d is not an open reconnect order; it cannot be replaced", o.ID)
	}
	n := cloneOrder(o)
	n.Status, n.StatusNote = OrderCanceled, note
	return &OrderUpdatePlan{Order: n, Effects: CancelEffects(n), Changes: orderChanges(o, n)}, nil
}
