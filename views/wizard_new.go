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
// kept sealed beside the draft and never drawn. The draft does not keep
// this form but NewOrders_Create's input (domain.NewServiceDraft), so a
// field here may be renamed while drafts are open.
type NewServiceForm struct {
	CustomerID      string        `json:"CustomerID"`
	PackageID       string        `json:"PackageID"`
	LineTypeID      string        `json:"LineTypeID"`
	ProcessID       string        `json:"ProcessID"`
	Description     string        `json:"Description"`
	ESN             string        `json:"ESN"`
	WirelessICCID   string        `json:"WirelessICCID"`
	NumberMode      string        `json:"NumberMode"`
	ReconnectTN     string        `json:"ReconnectTN"`
	Port            PortForm      `json:"WirelessPort"`
	Ship            bool          `json:"Ship"`
	ShippingAddress AddressForm   `json:"ShippingAddress"`
	Products        []ProductForm `json:"AdditionalProducts"`
	SendOrders      bool          `json:"SendOrders"`
	ShippingFilled  bool          `json:"ShippingFilled"` // the shipping address was filled from the customer's once
}

// PortForm is the port-in request as typed (PINPassword aside).
type PortForm struct {
	MDN              string      `json:"MDN"`
	AccountNumber    string      `json:"AccountNumber"`
	AuthorizedSigner string      `json:"AuthorizedSigner"`
	Remark           string      `json:"Remark"`
	ExternalProvider string      `json:"ExternalProvider"`
	Address          AddressForm `json:"Address"`
}

// AddressForm is an address as typed.
type AddressForm struct {
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

// Blank reports whether nothing was typed.
func (a AddressForm) Blank() bool { return a == AddressForm{} }

// ProductForm is one additional product as typed; blanks take the product's defaults.
type ProductForm struct {
	ProductID   string `json:"ProductID"`
	Rate        string `json:"Rate"`
	Quantity    string `json:"Quantity"`
	Description string `json:"Description"`
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

	Customer        CustomerPickVM
	Packages        []CarrierPackages
	ServiceTypes    []components.Option
	ServiceTypeHelp string // why these service types are offered
	ServiceTypeSet  string // the package's own service type, when it sets it
	Processes       []ProcessChoice
	Device          InventoryPickVM
	SIM             InventoryPickVM
	Providers       []components.Option // ExternalProvider: the wireless carriers
	Products        []ProductChoice

	Review   []ReviewSection
	Charges  ReviewMoney
	Problems int // how many problems the review found
}

// ProductRows are the additional product rows to draw: those entered and
// one blank row to add another.
func (vm NewServiceVM) ProductRows() []ProductForm {
	return append(append([]ProductForm(nil), vm.Form.Products...), ProductForm{})
}

// ServiceTypeOfPackage says the package sets the service type.
func ServiceTypeOfPackage(pkg string) string {
	return "Set by the package: every " + pkg + " line is of this type. Choose another package for another type."
}

// ServiceTypesOfCarrier says which service types a package of the carrier offers.
func ServiceTypesOfCarrier(carrier string, wireless bool) string {
	if wireless {
		return "Only the service types of wireless lines fit a " + carrier + " package."
	}
	return "Only the service types of wireline lines fit a " + carrier + " package."
}
