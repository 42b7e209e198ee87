package views

import "switchboard/views/components"

// The new-service wizard's steps, in order.
const (
	StepCustomer = "customer"
	StepPackage  = "package"
	StepService  = "service"
	StepDevice   = "device"
	StepNumber   = "number"
	StepShipping = "shipping"
	StepReview   = "review"
)

// How a new service gets its number.
const (
	NumberNew       = "new"
	NumberReconnect = "reconnect"
	NumberPort      = "port"
)

// NewServiceForm is everything entered in the new-service wizard, as typed
// (so a wrong value comes back to be corrected). The PIN is not here: it is
// kept sealed beside the draft and never drawn.
type NewServiceForm struct {
	CustomerID      string
	PackageID       string
	LineTypeID      string
	ProcessID       string
	Description     string
	ESN             string
	WirelessICCID   string
	NumberMode      string
	ReconnectTN     string
	Port            PortForm
	Ship            bool
	ShippingAddress AddressForm
	Products        []ProductForm
	SendOrders      bool
	ShippingFilled  bool // the shipping address was filled from the customer's once
}

// PortForm is the port-in request as typed (PINPassword aside).
type PortForm struct {
	MDN              string
	AccountNumber    string
	AuthorizedSigner string
	Remark           string
	ExternalProvider string
	Address          AddressForm
}

// AddressForm is an address as typed.
type AddressForm struct {
	FirstName, LastName, Address1, Address2, City, State, Zip, Zip4, Country string
}

// Blank reports whether nothing was typed.
func (a AddressForm) Blank() bool { return a == AddressForm{} }

// ProductForm is one additional product as typed; blanks take the product's defaults.
type ProductForm struct {
	ProductID   string
	Rate        string
	Quantity    string
	Description string
}

// Blank reports whether nothing was typed.
func (p ProductForm) Blank() bool { return p == ProductForm{} }

// PackageChoice is a package offered, with what comes with it.
type PackageChoice struct {
	ID       int64
	Name     string
	Products []string // "VZW Business Unlimited Plus $45.00"
	Selected bool
}

// CarrierPackages are one carrier's packages.
type CarrierPackages struct {
	Carrier  string
	Wireless bool
	Packages []PackageChoice
}

// ProcessChoice is a process offered, with its routes.
type ProcessChoice struct {
	ID       int64
	Name     string
	Routes   []string
	Selected bool
}

// ProductChoice is an additional product offered, with its defaults.
type ProductChoice struct {
	ID          int64
	Description string
	Rate        string
}

// NewServiceVM is one step of the new-service wizard.
type NewServiceVM struct {
	Wizard WizardVM
	Form   NewServiceForm

	// What the earlier steps chose, for the headings.
	CustomerName string
	PackageName  string
	CarrierName  string
	Wireless     bool
	PINSaved     bool

	Customer     CustomerPickVM
	Packages     []CarrierPackages
	ServiceTypes []components.Option
	Processes    []ProcessChoice
	Device       InventoryPickVM
	SIM          InventoryPickVM
	Providers    []components.Option // ExternalProvider: the wireless carriers
	Products     []ProductChoice

	Review   []ReviewSection
	Charges  []ReviewProduct
	Problems int // how many problems the review found
}

// ProductRows are the additional product rows to draw: those entered and
// one blank row to add another.
func (vm NewServiceVM) ProductRows() []ProductForm {
	return append(append([]ProductForm(nil), vm.Form.Products...), ProductForm{})
}
