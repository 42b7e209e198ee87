package views

import (
	"switchboard/domain"
	"switchboard/views/components"
)

// The change-service wizard's steps (/orders/create). AddLine has no
// lines step: it adds new lines instead of choosing existing ones.
const (
	StepKind    = "kind"
	StepLines   = "lines"
	StepDetails = "details"
)

// The kinds of Orders_Create, by the seed's names.
const (
	KindSuspend       = "Suspend"
	KindDisconnect    = "Disconnect"
	KindRestore       = "Restore"
	KindAddLine       = "AddLine"
	KindChange        = "Change"
	KindPackageChange = "PackageChange"
)

// OrderKinds lists the kinds in the order the wizard offers them.
var OrderKinds = []string{KindSuspend, KindRestore, KindDisconnect, KindChange, KindPackageChange, KindAddLine}

// KindTitle is how a kind reads on the page.
func KindTitle(kind string) string {
	switch kind {
	case KindSuspend:
		return "Suspend a line"
	case KindRestore:
		return "Restore a suspended line"
	case KindDisconnect:
		return "Disconnect a line or the whole account"
	case KindChange:
		return "Change products, or disconnect lines"
	case KindPackageChange:
		return "Change a line's package"
	case KindAddLine:
		return "Add lines to the account"
	}
	return kind
}

// KindHelp says what a kind does.
func KindHelp(kind string) string {
	switch kind {
	case KindSuspend:
		return "Stop calls on an active line: all calls, or only incoming or outgoing ones."
	case KindRestore:
		return "Bring a suspended line back into service."
	case KindDisconnect:
		return "End service on one line, or on every line of the customer, and say what becomes of the device or SIM."
	case KindChange:
		return "Add, re-rate or remove products on one or more lines; a line can be disconnected in the same order."
	case KindPackageChange:
		return "Move a line to another package of its carrier; the package's products follow."
	case KindAddLine:
		return "Open new services on the customer's account, each with its package and products."
	}
	return ""
}

// ChangeServiceForm is everything entered in the change-service wizard, as
// typed. The draft does not keep this form but Orders_Create's input
// (domain.ChangeServiceDraft), so a field here may be renamed while drafts
// are open.
type ChangeServiceForm struct {
	Kind       string `json:"Kind"`
	CustomerID string `json:"CustomerID"`

	LineID       string   `json:"LineID"`       // Suspend, Restore, Disconnect, PackageChange
	WholeAccount bool     `json:"WholeAccount"` // Disconnect: every line of the account
	LineIDs      []string `json:"LineIDs"`      // Change: the lines chosen

	SuspendType           string `json:"SuspendType"`
	InventoryItemStatus   string `json:"InventoryItemStatus"`
	FlowThrough           bool   `json:"FlowThrough"`
	ProcessID             string `json:"ProcessID"`
	BillingOption         string `json:"BillingOption"`
	IgnoreRelatedProducts bool   `json:"IgnoreRelatedProducts"`
	PackageID             string `json:"PackageID"` // PackageChange
	Prorate               bool   `json:"Prorate"`
	OneTimeCharges        bool   `json:"OneTimeCharges"` // PackageChange: add the new package's one-time charges

	NewLines []NewLineForm    `json:"Lines"`   // AddLine
	Changes  []LineChangeForm `json:"Changes"` // Change: one per line in LineIDs, in that order
}

// NewLineForm is one of AddLine's new lines, as typed.
type NewLineForm struct {
	TN               string            `json:"TN"`
	PackageID        string            `json:"PackageID"`
	CarrierID        string            `json:"CarrierID"`
	CarrierAccountID string            `json:"CarrierAccountID"`
	AltBTNID         string            `json:"AltBTNID"`
	LineTypeID       string            `json:"LineTypeID"`
	Description      string            `json:"Description"`
	PBXMake          string            `json:"PBXMake"`
	PBXModel         string            `json:"PBXModel"`
	Products         []LineProductForm `json:"Products"`
}

// Blank reports whether nothing was typed for the line.
func (l NewLineForm) Blank() bool {
	return l.TN == "" && l.PackageID == "" && l.CarrierID == "" && l.CarrierAccountID == "" && l.AltBTNID == "" &&
		l.LineTypeID == "" && l.Description == "" && l.PBXMake == "" && l.PBXModel == "" && len(l.Products) == 0
}

// NewLineChoices are the choices of one new line, which depend on its
// carrier (the package's, or the one chosen).
type NewLineChoices struct {
	Carrier  string              // the line's carrier, "" until a package or carrier is chosen
	Accounts []components.Option // the carrier's accounts (every account while no carrier is known)
	Products []ProductChoice     // the carrier's products and those of no carrier

	ServiceTypes    []components.Option // the service types that suit the package or carrier
	ServiceTypeSet  string              // the package's own service type, when it sets it
	ServiceTypeHelp string
}

// LineProductForm is a product added to a line, as typed.
type LineProductForm struct {
	ProductID string `json:"ProductID"`
	Rate      string `json:"Rate"`
	Quantity  string `json:"Quantity"`
}

// Blank reports whether nothing was typed.
func (p LineProductForm) Blank() bool { return p == LineProductForm{} }

// LineChangeForm is what Change does to one line.
type LineChangeForm struct {
	LineID     string              `json:"LineID"`
	Disconnect bool                `json:"Disconnect"`
	Add        []LineProductForm   `json:"Add"`
	Products   []ProductChangeForm `json:"Products"` // the line's products: keep, change or remove
}

// ProductChangeForm is what happens to one product on a line.
type ProductChangeForm struct {
	CustomerProductID string `json:"CustomerProductID"`
	Action            string `json:"Action"` // "", "change" or "remove"
	Rate              string `json:"Rate"`
	Quantity          string `json:"Quantity"`
}

// LineChoice is one of the customer's lines on the lines step.
type LineChoice struct {
	ID          int64
	TN          string
	Status      string
	SuspendType string
	Carrier     string
	Wireless    bool
	Package     string
	Description string
	Products    []ProductRow
	OpenOrders  []string // "SUSPEND order 12 (SENT)"
	Selected    bool
	Reason      string // why the kind cannot apply to it; "" when it can
}

// PackageOption is a package a line can move to.
type PackageOption struct {
	ID       int64
	Name     string
	Products string
	Current  bool
	Selected bool
}

// ChangeServiceVM is one step of the change-service wizard.
type ChangeServiceVM struct {
	Wizard WizardVM
	Form   ChangeServiceForm

	CustomerName string
	Customer     CustomerPickVM
	Lines        []LineChoice
	Chosen       []LineChoice // the lines chosen, for the details step
	Processes    []ProcessChoice
	Outgoing     bool // OUTGOING suspend is offered: no chosen line is wireless
	Packages     []PackageOption
	AllPackages  []components.Option // AddLine's package choices
	Carriers     []components.Option // AddLine's carrier choices
	AltBTNs      []components.Option // AddLine: the customer's lines that are their own BTN
	NewLines     []NewLineChoices    // AddLine: the choices of each of NewLineRows
	Products     []ProductChoice
	LineProducts map[string][]ProductChoice // Change: products each chosen line can take, by line id

	Stuck *StuckVM // the lines step when no line of the customer can take the order

	Review []ReviewSection
	Plan   []PlannedOrder
	Money  ReviewMoney // every line's product changes and amounts, and the total
}

// PlannedOrder is one order the review says will be created.
type PlannedOrder struct {
	Title string // "Suspend · Verizon Wireless · VZW Enterprise"
	Lines []string
	Notes []string
}

// NewLineRows are AddLine's lines to draw: at least one.
func (vm ChangeServiceVM) NewLineRows() []NewLineForm {
	if len(vm.Form.NewLines) == 0 {
		return []NewLineForm{{}}
	}
	return vm.Form.NewLines
}

// NewLineChoice is the choices of the i-th new line.
func (vm ChangeServiceVM) NewLineChoice(i int) NewLineChoices {
	if i < len(vm.NewLines) {
		return vm.NewLines[i]
	}
	return NewLineChoices{Products: vm.Products}
}

// ChangeProducts are the products the line can take (Change).
func (vm ChangeServiceVM) ChangeProducts(lineID string) []ProductChoice {
	if ps, ok := vm.LineProducts[lineID]; ok {
		return ps
	}
	return vm.Products
}

// WithBlank is a product list and one blank row to add another.
func WithBlank(ps []LineProductForm) []LineProductForm {
	return append(append([]LineProductForm(nil), ps...), LineProductForm{})
}

// StuckVM is a step the wizard cannot go on from: why, and the ways out.
type StuckVM struct {
	Why         string
	Customers   string // which customers the customer step lists: "customers with a suspended line"
	CustomerURL string // choose another customer
	KindURL     string // choose something else to do
}

// CustomersWith names the customers the customer step lists for kind:
// those with a line that can take its order (domain.LineStatusesFor); ""
// when it lists every one.
func CustomersWith(kind string) string {
	switch KindAction(kind) {
	case "":
		return ""
	case domain.ItemSuspend:
		return "customers with an active line"
	case domain.ItemRestore:
		return "customers with a suspended line"
	}
	return "customers with a line that is not disconnected"
}

// CustomersListed says which customers the customer step lists for kind,
// and why; "" when it lists every one.
func CustomersListed(kind string) string {
	switch KindAction(kind) {
	case "":
		return ""
	case domain.ItemSuspend:
		return "Only customers with an active line are listed: only an active line can be suspended."
	case domain.ItemRestore:
		return "Only customers with a suspended line are listed: only a suspended line can be restored."
	}
	return "Only customers with a line that is not disconnected are listed: a disconnected line takes no more orders."
}

// CustomerWithout marks a chosen customer the kind's order cannot apply to.
func CustomerWithout(kind string) string {
	switch KindAction(kind) {
	case domain.ItemSuspend:
		return "No active line"
	case domain.ItemRestore:
		return "No suspended line"
	}
	return "Every line disconnected"
}

// NoLineCan says why no line of customer can take the kind's order, from
// the rule's code for its lines (domain.Line.Refusal): "" when there are none.
func NoLineCan(customer, refusal string) string {
	switch refusal {
	case domain.RefuseNotSuspended:
		return "No line of " + customer + " is suspended: only a suspended line can be restored."
	case domain.RefuseNotActive:
		return "No line of " + customer + " is active: only an active line can be suspended."
	case domain.RefuseDisconnected:
		return "Every line of " + customer + " is disconnected: a disconnected line takes no more orders."
	}
	return customer + " has no lines yet: there is no line this order could apply to."
}
