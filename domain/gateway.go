package domain

import (
	"context"
	"fmt"
)

// Gateway is the way to the providers (carriers): it transmits orders and
// tells where each stands. carrier.Client implements it over the gateway
// protocol (README "Provider gateway protocol"); carrier.Sim is the
// simulated provider behind it.
type Gateway interface {
	// SendOrder transmits o and returns the provider's first answer.
	// Sending the same PON again (a resend after a timeout or a crash) is
	// the same order at the provider, never a second one; a higher
	// Supplement replaces its port request (the rep corrected it).
	// Returns an error that says what went wrong (timeout, the provider's
	// status code, an answer that is not the protocol's) when the provider
	// gave no usable answer: whether it received the order is then unknown,
	// and sending it again is safe.
	SendOrder(ctx context.Context, o *GatewayOrder) (*GatewayStatus, error)

	// OrderStatus asks where the order with PON pon stands. Returns
	// ENOTFOUND when the provider does not know the PON (it never received
	// it, or lost it): send it again. Other errors as SendOrder.
	OrderStatus(ctx context.Context, pon string) (*GatewayStatus, error)
}

// GatewayOrder is what the provider is told about an order.
type GatewayOrder struct {
	PON              string
	Kind             string // the order type: NEW, SUSPEND, DISCONNECT, …
	Reconnect        bool   // a NEW order reconnecting a number (reconnect port)
	CarrierID        int64
	CarrierName      string
	CarrierAccountID int64
	Supplement       int // 0 for the first version; each correction sent is one more
	Lines            []GatewayLine
	Port             *GatewayPort // a wireless port request, or nil
}

// GatewayLine is one line the order touches.
type GatewayLine struct {
	TN          string
	Action      string // ADD, SUSPEND, RESTORE, DISCONNECT, CHANGE, PACKAGE_CHANGE
	PackageID   int64
	SuspendType string
	Identifiers []string // ESN, ICCID
	Products    []GatewayProduct
}

// GatewayProduct is a product added to, changed on or removed from a line.
type GatewayProduct struct {
	Op        string // ADD, CHANGE, REMOVE
	ProductID int64
	Quantity  int
}

// GatewayPort is a wireless port request: the number and the losing
// account's details. PINPassword goes to the provider and nowhere else.
type GatewayPort struct {
	MDN              string
	AccountNumber    string
	AuthorizedSigner string
	PINPassword      Secret
	ExternalProvider string
	Address          Address
}

// What a provider says about an order (GatewayStatus.Status).
const (
	GatewayReceived    = "RECEIVED"    // received, not worked yet
	GatewayConfirmed   = "CONFIRMED"   // accepted
	GatewayProvisioned = "PROVISIONED" // set up, not complete yet
	GatewayComplete    = "COMPLETE"    // done (a port: the number is activated)
	GatewayError       = "ERROR"       // refused; Message says why
)

// GatewayStatuses lists every answer a provider may give about an order.
var GatewayStatuses = []string{GatewayReceived, GatewayConfirmed, GatewayProvisioned, GatewayComplete, GatewayError}

// A losing carrier's answer to a wireless port request (PortAnswer.Response).
const (
	PortDelay              = "D" // delay: not worked yet
	PortConfirmation       = "C" // accepted; completes when the number is activated
	PortResolutionRequired = "R" // refused for Reason; correct and send a supplement
)

// GatewayStatus is a provider's answer about one order.
type GatewayStatus struct {
	PON     string
	Status  string      // one of GatewayStatuses
	Message string      // the provider's words, "" when it said nothing
	Port    *PortAnswer // the port request's answer; nil when the order has none
}

// PortAnswer is where a wireless port request stands at the losing carrier.
type PortAnswer struct {
	Response  string // "", D, C or R ("" before the losing carrier answered)
	Reason    string // why, with R
	Activated bool   // the number is active at the new provider
}

// Validate checks an answer read off the wire; pon is the order asked about.
func (s *GatewayStatus) Validate(pon string) error {
	switch {
	case s.PON != pon:
		return fmt.Errorf("answer is about PON %q, not %q", s.PON, pon)
	case !OneOf(s.Status, GatewayStatuses):
		return fmt.Errorf("unknown order status %q", s.Status)
	case s.Port != nil && !OneOf(s.Port.Response, []string{"", PortDelay, PortConfirmation, PortResolutionRequired}):
		return fmt.Errorf("unknown port response %q", s.Port.Response)
	case s.Port != nil && s.Port.Response == PortResolutionRequired && s.Port.Reason == "":
		return fmt.Errorf("port response R without a reason")
	}
	return nil
}

// Summary says the answer in a rep's words, for the order page.
func (s *GatewayStatus) Summary() string {
	var out string
	switch s.Status {
	case GatewayReceived:
		out = "Received, not worked yet"
	case GatewayConfirmed:
		out = "Confirmed"
	case GatewayProvisioned:
		out = "Provisioned"
	case GatewayComplete:
		out = "Complete"
	case GatewayError:
		out = "Refused"
	}
	if p := s.Port; p != nil {
		switch {
		case p.Activated:
			out += "; number activated"
		case p.Response == PortDelay:
			out += "; port delayed (not worked yet)"
		case p.Response == PortConfirmation:
			out += "; port confirmed"
		case p.Response == PortResolutionRequired:
			out += "; port needs resolution: " + p.Reason
		}
	}
	if s.Message != "" && (s.Port == nil || s.Message != s.Port.Reason) {
		out += ": " + s.Message
	}
	return out
}

// GatewayOrderFor is what the provider is told about order o, as version
// supplement of its request.
func GatewayOrderFor(o *Order, supplement int) *GatewayOrder {
	g := &GatewayOrder{
		PON: o.PON, Kind: o.Type, Reconnect: o.Reconnect, CarrierID: o.CarrierID, CarrierName: o.CarrierName,
		CarrierAccountID: o.CarrierAccountID, Supplement: supplement, Lines: []GatewayLine{},
	}
	for _, it := range o.Items {
		l := GatewayLine{TN: it.TN, Action: it.Action, PackageID: it.PackageID, Identifiers: it.InventoryIdentifiers}
		if o.Type == TypeSuspend {
			l.SuspendType = o.SuspendType
		}
		if it.Action == ItemPackageChange && o.NewPackageID != nil {
			l.PackageID = *o.NewPackageID
		}
		for _, p := range it.Products {
			l.Products = append(l.Products, GatewayProduct{Op: p.Op, ProductID: p.ProductID, Quantity: p.Quantity})
		}
		g.Lines = append(g.Lines, l)
	}
	if p := o.WirelessPort; p != nil {
		g.Port = &GatewayPort{MDN: p.MDN, AccountNumber: p.AccountNumber, AuthorizedSigner: p.AuthorizedSigner,
			PINPassword: p.PINPassword, ExternalProvider: p.ExternalProvider, Address: p.Address}
	}
	return g
}
