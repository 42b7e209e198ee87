// Package carrier is the provider gateway: an HTTP client for a gateway
// that speaks the protocol in the README ("Provider gateway protocol"),
// and the simulated provider that speaks it too, inside the binary by
// default and over HTTP with `switchboard carrier-sim`.
package carrier

import "switchboard/domain"

// The protocol's paths.
const (
	pathOrders = "/orders"
	pathStats  = "/stats"
)

// wireOrder is POST /orders's body: domain.GatewayOrder with the port's
// PINPassword in clear (it goes to the provider and nowhere else).
type wireOrder struct {
	PON              string
	Kind             string
	Reconnect        bool
	CarrierID        int64
	CarrierName      string
	CarrierAccountID int64
	Supplement       int
	Lines            []domain.GatewayLine
	Port             *wirePort
}

// wirePort is a port request on the wire.
type wirePort struct {
	MDN              string
	AccountNumber    string
	AuthorizedSigner string
	PINPassword      string
	ExternalProvider string
	Address          wireAddress
}

// wireAddress is the port's service address on the wire.
type wireAddress struct {
	FirstName, LastName, Address1, Address2, City, State, Zip, Zip4, Country string
}

// wireError is the body of an answer that is not 200.
type wireError struct {
	Error string
}

// Stats is GET /stats's answer: how many orders the simulated provider
// received (distinct PONs) and how many sends repeated a PON it had.
type Stats struct {
	Received   int
	Duplicates int
}

func toWire(o *domain.GatewayOrder) wireOrder {
	w := wireOrder{
		PON: o.PON, Kind: o.Kind, Reconnect: o.Reconnect, CarrierID: o.CarrierID, CarrierName: o.CarrierName,
		CarrierAccountID: o.CarrierAccountID, Supplement: o.Supplement, Lines: o.Lines,
	}
	if w.Lines == nil {
		w.Lines = []domain.GatewayLine{}
	}
	if p := o.Port; p != nil {
		a := p.Address
		w.Port = &wirePort{
			MDN: p.MDN, AccountNumber: p.AccountNumber, AuthorizedSigner: p.AuthorizedSigner,
			PINPassword: p.PINPassword.Clear(), ExternalProvider: p.ExternalProvider,
			Address: wireAddress{a.FirstName, a.LastName, a.Address1, a.Address2, a.City, a.State, a.Zip, a.Zip4, a.Country},
		}
	}
	return w
}
