package handlers

import (
	"cmp"

	"switchboard/domain"
)

// apiOrderResult is one Orders_Search result, with the seed's output names.
// Services is there only when ShowServiceDetails is set; Routes lists the
// routes to choose from for an order awaiting a route decision ([] otherwise).
type apiOrderResult struct {
	CustomerID       int64         `json:"CustomerID"`
	Status           string        `json:"Status"`
	OrderID          int64         `json:"OrderID"`
	PON              string        `json:"PON"`
	OrderType        string        `json:"Order_Type"`
	CreatedDate      string        `json:"Created_Date"`
	TrackingNumber   string        `json:"Tracking_Number"`
	Carrier          string        `json:"Carrier"`
	CarrierID        int64         `json:"Carrier_ID"`
	CarrierAccount   string        `json:"Carrier_Account"`
	CarrierAccountID int64         `json:"Carrier_Account_ID"`
	Services         *[]apiService `json:"Services,omitempty"`
	Routes           []apiRoute    `json:"Routes"`
}

// apiService is a ServiceItem of Orders_Search: one line the order touches,
// what it does to it, and its products.
type apiService struct {
	LineID           int64                   `json:"LineID"`
	TN               string                  `json:"TN"`
	Action           string                  `json:"Action"`
	PackageID        int64                   `json:"PackageID"`
	CarrierID        int64                   `json:"CarrierID"`
	CarrierAccountID int64                   `json:"CarrierAccountID"`
	Description      string                  `json:"Description"`
	Identifiers      []string                `json:"Identifiers"`
	Products         []apiServiceItemProduct `json:"Products"`
}

// apiServiceItemProduct is a product an order adds to, changes on or removes from a line.
type apiServiceItemProduct struct {
	Action            string       `json:"Action"`
	ProductID         int64        `json:"ProductID"`
	CustomerProductID *int64       `json:"CustomerProductID"`
	Rate              domain.Money `json:"Rate"`
	Quantity          int          `json:"Quantity"`
	Description       string       `json:"Description"`
}

func apiOrderResultOf(o *domain.Order, services bool) apiOrderResult {
	res := apiOrderResult{CustomerID: o.CustomerID, Status: o.Status, OrderID: o.ID, PON: o.PON, OrderType: o.Type,
		CreatedDate: apiTime(o.CreatedAt), TrackingNumber: o.TrackingNumber, Carrier: o.CarrierName, CarrierID: o.CarrierID,
		CarrierAccount: o.CarrierAccountName, CarrierAccountID: o.CarrierAccountID, Routes: []apiRoute{}}
	if o.AwaitingRoute() {
		res.Routes = apiRoutesOf(o.Routes)
	}
	if services {
		list := []apiService{}
		for _, it := range o.Items {
			if it == nil {
				continue
			}
			s := apiService{LineID: it.LineID, TN: it.TN, Action: it.Action, PackageID: it.PackageID,
				CarrierID: cmp.Or(it.CarrierID, o.CarrierID), CarrierAccountID: cmp.Or(it.CarrierAccountID, o.CarrierAccountID), Description: it.Description, Identifiers: nonNil(it.InventoryIdentifiers),
				Products: []apiServiceItemProduct{}}
			for _, p := range it.Products {
				if p != nil {
					s.Products = append(s.Products, apiServiceItemProduct{Action: p.Op, ProductID: p.ProductID,
						CustomerProductID: p.CustomerProductID, Rate: p.Rate, Quantity: p.Quantity, Description: p.Description})
				}
			}
			list = append(list, s)
		}
		res.Services = &list
	}
	return res
}

// apiHistoryEvent is one entry of an order's history.
type apiHistoryEvent struct {
	At      string                   `json:"At"`
	User    string                   `json:"User"`
	Action  string                   `json:"Action"`
	Changes map[string]domain.Change `json:"Changes"`
}
