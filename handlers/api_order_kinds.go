package handlers

import "switchboard/domain"

// The kind objects of Orders_Query's answer, one per order type.

// apiLineStatusOrder is the seed's Suspend, Disconnect and Restore output.
// TN and LineID are the line's when the order involves only one (a whole
// account's disconnect involves several: "" and null). SuspendType is only
// in Suspend.
type apiLineStatusOrder struct {
	CustomerID  int64   `json:"CustomerID"`
	Status      string  `json:"Status"`
	StatusNote  string  `json:"StatusNote"`
	TN          string  `json:"TN"`
	LineID      *int64  `json:"LineID"`
	SuspendType *string `json:"SuspendType,omitempty"`
}

// apiAddLineOrder is the seed's AddLine output.
type apiAddLineOrder struct {
	Lines []apiAddLineLine `json:"Lines"`
}

type apiAddLineLine struct {
	LineID           int64             `json:"LineID"`
	TN               string            `json:"TN"`
	PackageID        int64             `json:"PackageID"`
	CarrierID        int64             `json:"CarrierID"`
	CarrierAccountID int64             `json:"CarrierAccountID"`
	Products         []apiOrderProduct `json:"Products"`
}

// apiOrderProduct is a product added to a line.
type apiOrderProduct struct {
	ProductID int64        `json:"ProductID"`
	Rate      domain.Money `json:"Rate"`
	Quantity  int          `json:"Quantity"`
}

// apiChangeOrder is the seed's Change output: each entry of Lines holds a
// Change or a Disconnect.
type apiChangeOrder struct {
	Lines []apiChangeLine `json:"Lines"`
}

type apiChangeLine struct {
	Change     *apiLineChange `json:"Change,omitempty"`
	Disconnect *apiLineRef    `json:"Disconnect,omitempty"`
}

type apiLineChange struct {
	LineID   int64             `json:"LineID"`
	TN       string            `json:"TN"`
	Products apiProductChanges `json:"Products"`
}

type apiProductChanges struct {
	Add    []apiOrderProduct  `json:"Add"`
	Change []apiProductChange `json:"Change"`
	Remove []apiProductRemove `json:"Remove"`
}

type apiProductChange struct {
	CustomerProductID int64        `json:"CustomerProductID"`
	Rate              domain.Money `json:"Rate"`
	Quantity          int          `json:"Quantity"`
}

type apiProductRemove struct {
	CustomerProductID int64 `json:"CustomerProductID"`
}

type apiLineRef struct {
	LineID int64  `json:"LineID"`
	TN     string `json:"TN"`
}

// apiNewServiceOrder is a NewOrders_Create order (the seed names no output
// for it): what was asked for, under the input's names. LineID is the new
// service; ESN and WirelessICCID the inventory given with it; ReconnectTN
// the TN of a reconnect order ("" otherwise); AdditionalProducts the
// products asked for beside the package's. WirelessPort has no PINPassword.
type apiNewServiceOrder struct {
	CustomerID         int64                `json:"CustomerID"`
	LineID             int64                `json:"LineID"`
	TN                 string               `json:"TN"`
	PackageID          int64                `json:"PackageID"`
	LineTypeID         *int64               `json:"LineTypeID"`
	Description        string               `json:"Description"`
	ESN                string               `json:"ESN"`
	WirelessICCID      string               `json:"WirelessICCID"`
	ReconnectTN        string               `json:"ReconnectTN"`
	SendOrders         bool                 `json:"SendOrders"`
	WirelessPort       *apiWirelessPort     `json:"WirelessPort"`
	ShippingAddress    *domain.AddressInput `json:"ShippingAddress"`
	AdditionalProducts []apiServiceProduct  `json:"AdditionalProducts"`
}

// apiServiceProduct is an additional product of a new service.
type apiServiceProduct struct {
	ProductID   int64        `json:"ProductID"`
	Rate        domain.Money `json:"Rate"`
	Quantity    int          `json:"Quantity"`
	Description string       `json:"Description"`
}

// apiWirelessPort is a port-in request as answered: never the PINPassword.
type apiWirelessPort struct {
	MDN              string              `json:"MDN"`
	AccountNumber    string              `json:"AccountNumber"`
	AuthorizedSigner string              `json:"AuthorizedSigner"`
	Remark           string              `json:"Remark"`
	Address          domain.AddressInput `json:"Address"`
	ExternalProvider string              `json:"ExternalProvider"`
}

// apiPackageChange is a Package Change order (the seed names no output for
// it): the line, the package it moves to, and Prorate, under the input's names.
type apiPackageChange struct {
	LineID    int64  `json:"LineID"`
	TN        string `json:"TN"`
	PackageID int64  `json:"PackageID"`
	Prorate   bool   `json:"Prorate"`
}

// apiPortOrder is a PORT order: the line and its port-in request.
type apiPortOrder struct {
	LineID       int64            `json:"LineID"`
	TN           string           `json:"TN"`
	WirelessPort *apiWirelessPort `json:"WirelessPort"`
}

func apiWirelessPortOf(wp *domain.WirelessPort) *apiWirelessPort {
	if wp == nil {
		return nil
	}
	return &apiWirelessPort{MDN: wp.MDN, AccountNumber: wp.AccountNumber, AuthorizedSigner: wp.AuthorizedSigner,
		Remark: wp.Remark, Address: domain.InputOf(wp.Address), ExternalProvider: wp.ExternalProvider}
}

func apiRoutesOf(rs []domain.Route) []apiRoute {
	out := make([]apiRoute, len(rs))
	for i, rt := range rs {
		out[i] = apiRoute{ID: rt.ID, Description: rt.Description}
	}
	return out
}
