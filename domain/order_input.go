package domain

// The API's order inputs, with the seed's field names. A string left empty
// and an ID left 0 count as not given (an HTML form sends "" for an empty
// field); pointers are used where the zero value means something else:
// FlowThrough (default true), Rate (0 is a rate), Quantity (0 is refused,
// absent is 1), and Orders_Update's ProcessID and ProcessRouteID (0 clears),
// FlowThroughFlag, StatusNote and TrackingNumber.
//
// Lists the seed shows nested ("AdditionalProducts → Product (repeats)",
// "Lines → Line", "Products → Product") are read by DecodeStrict from a JSON
// array, from the wrapped form {"Product":[…]}, or from one object.

// NewOrdersInput is NewOrders_Create's input: a new service for a customer.
type NewOrdersInput struct {
	CustomerID         int64                 `json:"CustomerID"`
	PackageID          int64                 `json:"PackageID"`
	ESN                string                `json:"ESN"`
	WirelessESN        string                `json:"WirelessESN"` // the seed's note's name for ESN
	WirelessICCID      string                `json:"WirelessICCID"`
	WirelessPort       *WirelessPortInput    `json:"WirelessPort"`
	ShippingAddress    *AddressInput         `json:"ShippingAddress"`
	AdditionalProducts AdditionalProductList `json:"AdditionalProducts"`
	LineTypeID         int64                 `json:"LineTypeID"`
	ProcessID          int64                 `json:"ProcessID"`
	Description        string                `json:"Description"`
	ReconnectTN        string                `json:"ReconnectTN"`
	SendOrders         bool                  `json:"SendOrders"`

	// ServiceTypeMustFit refuses a LineTypeID that does not suit the
	// package or its carrier (Package.Takes): set by the wizards, which
	// offer only the types that do. The JSON API takes any service type
	// Settings > Service Types lists, as seed 001 says.
	ServiceTypeMustFit bool `json:"-"`
}

// WirelessPortInput asks to port a mobile number in from another provider.
type WirelessPortInput struct {
	MDN              string        `json:"MDN"`
	AccountNumber    string        `json:"AccountNumber"`
	AuthorizedSigner string        `json:"AuthorizedSigner"`
	PINPassword      Secret        `json:"PINPassword"`
	Remark           string        `json:"Remark"`
	Address          *AddressInput `json:"Address"`
	ExternalProvider string        `json:"ExternalProvider"`
}

// AddressInput is an address given with an order. ID is prohibited.
type AddressInput struct {
	ID        int64  `json:"ID"`
	FirstName string `json:"FirstName"`
	LastName  string `json:"LastName"`
	Address1  string `json:"Address1"`
	Address2  string `json:"Address2"`
	City      string `json:"City"`
	State     string `json:"State"`
	Zip       string `json:"Zip"`
	Zip4      string `json:"Zip4"`
	Country   string `json:"Country"`
}

// InputOf is the address in the seed's JSON shape, with its ID, as the API answers it.
func InputOf(a Address) AddressInput {
	return AddressInput{ID: a.ID, FirstName: a.FirstName, LastName: a.LastName, Address1: a.Address1, Address2: a.Address2,
		City: a.City, State: a.State, Zip: a.Zip, Zip4: a.Zip4, Country: a.Country}
}

// Address returns the input as a normalized Address (Country defaults to USA).
func (a *AddressInput) Address() Address {
	addr := Address{FirstName: a.FirstName, LastName: a.LastName, Address1: a.Address1, Address2: a.Address2,
		City: a.City, State: a.State, Zip: a.Zip, Zip4: a.Zip4, Country: a.Country}
	addr.Normalize()
	return addr
}

// ProductInput is one of NewOrders_Create's AdditionalProducts.
type ProductInput struct {
	ProductID   int64  `json:"ProductID"`
	Rate        *Money `json:"Rate"`
	Quantity    *int   `json:"Quantity"`
	Description string `json:"Description"`
}

// LineProductInput is a product added to a line (AddLine's Products,
// Change's Products.Add).
type LineProductInput struct {
	ProductID int64  `json:"ProductID"`
	Rate      *Money `json:"Rate"`
	Quantity  *int   `json:"Quantity"`
}

// ProductChangeInput changes a product on a line (Products.Change).
type ProductChangeInput struct {
	CustomerProductID int64  `json:"CustomerProductID"`
	Rate              *Money `json:"Rate"`
	Quantity          *int   `json:"Quantity"`
}

// ProductRemoveInput removes a product from a line (Products.Remove).
type ProductRemoveInput struct {
	CustomerProductID int64 `json:"CustomerProductID"`
}

// ProductChangesInput is a line's product changes.
type ProductChangesInput struct {
	Add    LineProductList   `json:"Add"`
	Change ProductChangeList `json:"Change"`
	Remove ProductRemoveList `json:"Remove"`
}

// Empty reports whether no product change is given.
func (pc *ProductChangesInput) Empty() bool {
	return len(pc.Add) == 0 && len(pc.Change) == 0 && len(pc.Remove) == 0
}

// OrdersCreateInput is Orders_Create's input: exactly one kind is given.
type OrdersCreateInput struct {
	Suspend       *SuspendInput       `json:"Suspend"`
	Disconnect    *DisconnectInput    `json:"Disconnect"`
	Restore       *RestoreInput       `json:"Restore"`
	AddLine       *AddLineInput       `json:"AddLine"`
	Change        *ChangeInput        `json:"Change"`
	PackageChange *PackageChangeInput `json:"PackageChange"`

	// ServiceTypeMustFit refuses a LineTypeID that does not suit the
	// package or its carrier (Package.Takes): set by the wizards, which
	// offer only the types that do. The JSON API takes any service type
	// Settings > Service Types lists, as seed 001 says.
	ServiceTypeMustFit bool `json:"-"`
}

// Kinds lists the kinds given, by their field names.
func (in *OrdersCreateInput) Kinds() []string {
	var kinds []string
	for _, k := range []struct {
		name  string
		given bool
	}{
		{"Suspend", in.Suspend != nil}, {"Disconnect", in.Disconnect != nil}, {"Restore", in.Restore != nil},
		{"AddLine", in.AddLine != nil}, {"Change", in.Change != nil}, {"PackageChange", in.PackageChange != nil},
	} {
		if k.given {
			kinds = append(kinds, k.name)
		}
	}
	return kinds
}

// SuspendInput suspends one line.
type SuspendInput struct {
	CustomerID  int64  `json:"CustomerID"`
	FlowThrough *bool  `json:"FlowThrough"`
	Status      string `json:"Status"`
	StatusNote  string `json:"StatusNote"`
	TN          string `json:"TN"`
	LineID      int64  `json:"LineID"`
	SuspendType string `json:"SuspendType"`
	ProcessID   int64  `json:"ProcessID"`
}

// DisconnectInput disconnects one line, or with neither TN nor LineID every
// line of the customer's account.
type DisconnectInput struct {
	CustomerID          int64  `json:"CustomerID"`
	FlowThrough         *bool  `json:"FlowThrough"`
	Status              string `json:"Status"`
	StatusNote          string `json:"StatusNote"`
	TN                  string `json:"TN"`
	LineID              int64  `json:"LineID"`
	InventoryItemStatus string `json:"InventoryItemStatus"`
	ProcessID           int64  `json:"ProcessID"`
}

// RestoreInput restores one suspended line.
type RestoreInput struct {
	CustomerID  int64  `json:"CustomerID"`
	FlowThrough *bool  `json:"FlowThrough"`
	Status      string `json:"Status"`
	StatusNote  string `json:"StatusNote"`
	TN          string `json:"TN"`
	LineID      int64  `json:"LineID"`
	ProcessID   int64  `json:"ProcessID"`
}

// AddLineInput adds services to a customer's account. CustomerID is not in
// the seed, which names no customer for AddLine; a new service must belong
// to one, so it is required here.
type AddLineInput struct {
	CustomerID    int64       `json:"CustomerID"`
	BillingOption string      `json:"BillingOption"`
	Lines         AddLineList `json:"Lines"`
	ProcessID     int64       `json:"ProcessID"`
}

// AddLineLine is one new service of AddLine.
type AddLineLine struct {
	LineID           int64           `json:"LineID"` // ignored, as the seed says
	TN               string          `json:"TN"`
	PackageID        int64           `json:"PackageID"`
	CarrierID        int64           `json:"CarrierID"`
	CarrierAccountID int64           `json:"CarrierAccountID"`
	AltBTNID         int64           `json:"AltBTNID"`
	Description      string          `json:"Description"`
	PBXMake          string          `json:"PBXMake"`
	PBXModel         string          `json:"PBXModel"`
	Products         LineProductList `json:"Products"`
	LineTypeID       int64           `json:"LineTypeID"`
}

// ChangeInput changes products on lines or disconnects lines.
type ChangeInput struct {
	BillingOption         string         `json:"BillingOption"`
	IgnoreRelatedProducts bool           `json:"IgnoreRelatedProducts"`
	Lines                 ChangeLineList `json:"Lines"`
	ProcessID             int64          `json:"ProcessID"`
}

// ChangeLine is one entry of Change's Lines: a Change or a Disconnect.
type ChangeLine struct {
	Change     *LineChange `json:"Change"`
	Disconnect *LineRef    `json:"Disconnect"`
}

// LineChange names a line and the changes to its products.
type LineChange struct {
	LineID   int64               `json:"LineID"`
	TN       string              `json:"TN"`
	Products ProductChangesInput `json:"Products"`
}

// LineRef names a line by LineID or TN.
type LineRef struct {
	LineID int64  `json:"LineID"`
	TN     string `json:"TN"`
}

// PackageChangeInput moves a line to another package of its carrier.
type PackageChangeInput struct {
	LineID    int64  `json:"LineID"`
	TN        string `json:"TN"`
	PackageID int64  `json:"PackageID"`
	Prorate   bool   `json:"Prorate"`
	// OneTimeCharges (not in the seed) asks for the new package's one-time
	// charges (activation, installation) too; by default a package change
	// moves only the plan and included options.
	OneTimeCharges bool `json:"OneTimeCharges"`
}

// OrderUpdateInput is Orders_Update's input; what is not given is unchanged.
type OrderUpdateInput struct {
	OrderID         *int64         `json:"OrderID"` // the seed's required input: must be the order in the path
	Status          string         `json:"Status"`
	StatusNote      *string        `json:"StatusNote" text:"multiline"`
	FlowThroughFlag *bool          `json:"FlowThroughFlag"`
	CompletionDate  string         `json:"CompletionDate"` // RFC 3339 or YYYY-MM-DD
	TrackingNumber  *string        `json:"TrackingNumber"` // "" clears it
	ShippingStatus  string         `json:"ShippingStatus"`
	ProcessID       *int64         `json:"ProcessID"`      // 0 clears the process
	ProcessRouteID  *int64         `json:"ProcessRouteID"` // 0 clears the route
	Lines           UpdateLineList `json:"Lines"`

	// HoldRoute holds a route chosen for an order waiting for that
	// decision for RouteUndoWindow, so it can be undone: a choice made on
	// a page. The JSON API's choice is not held: the order goes on at once.
	HoldRoute bool `json:"-"`
}

// UpdateLine is one entry of Orders_Update's Lines.
type UpdateLine struct {
	Change *LineChange `json:"Change"`
}

// Empty reports whether the update gives no field to change (OrderID only
// names the order).
func (in *OrderUpdateInput) Empty() bool {
	return in.Status == "" && in.StatusNote == nil && in.FlowThroughFlag == nil && in.CompletionDate == "" &&
		in.TrackingNumber == nil && in.ShippingStatus == "" && in.ProcessID == nil && in.ProcessRouteID == nil &&
		len(in.Lines) == 0
}

// The seed's nested lists. listShape tells DecodeStrict which wrapped forms
// each accepts.
type (
	AdditionalProductList []*ProductInput
	LineProductList       []*LineProductInput
	ProductChangeList     []*ProductChangeInput
	ProductRemoveList     []*ProductRemoveInput
	AddLineList           []*AddLineLine
	ChangeLineList        []*ChangeLine
	UpdateLineList        []*UpdateLine
)

// listShape describes the JSON forms of a list beside a plain array: an
// object whose one key is wrap holds the list ({"Product":[…]} or
// {"Product":{…}}); an object whose keys are all entry kinds holds entries
// of those kinds ({"Change":[a],"Disconnect":b} is
// [{"Change":a},{"Disconnect":b}]); any other object is a one-entry list.
type listShape struct {
	wrap    string
	entries []string
	max     int // the most entries the list may hold (see caps.go)
}

type seedList interface{ listShape() listShape }

func (AdditionalProductList) listShape() listShape {
	return listShape{wrap: "Product", max: MaxAdditionalProducts}
}
func (LineProductList) listShape() listShape { return listShape{wrap: "Product", max: MaxLineProducts} }
func (ProductChangeList) listShape() listShape {
	return listShape{wrap: "Product", max: MaxLineProducts}
}
func (ProductRemoveList) listShape() listShape {
	return listShape{wrap: "Product", max: MaxLineProducts}
}
func (AddLineList) listShape() listShape { return listShape{wrap: "Line", max: MaxRequestLines} }
func (ChangeLineList) listShape() listShape {
	return listShape{wrap: "Line", entries: []string{"Change", "Disconnect"}, max: MaxRequestLines}
}
func (UpdateLineList) listShape() listShape {
	return listShape{wrap: "Line", entries: []string{"Change"}, max: MaxRequestLines}
}
