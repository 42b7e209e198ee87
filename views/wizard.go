package views

import (
	"strconv"

	"switchboard/domain"
	"switchboard/views/components"
)

// Element ids of the order wizards, shared by the views and the handlers.
const (
	IDWizard             = "wizard"           // the step shown: what a step's form swaps
	IDWizardCustomers    = "wizard-customers" // the customer choices search-as-you-type swaps
	IDWizardDevices      = "wizard-devices"   // the AVAILABLE devices the device filter swaps
	IDWizardSIMs         = "wizard-sims"      // the AVAILABLE SIMs the SIM filter swaps
	IDWizardStepTitle    = "wizard-step-title"
	IDWizardNumberFields = "wizard-number-fields" // the fields of the kind of number chosen
)

// The form buttons' actions: what a step's POST asks for.
const (
	ActionNext    = "next"
	ActionBack    = "back"
	ActionRefresh = "refresh" // save and show the step again (search, add a row)
	ActionPick    = "pick:"   // pick:FIELD:VALUE fills a field from a list
	ActionRemove  = "remove:" // remove:LIST:INDEX drops a row
	ActionSubmit  = "submit"
	ActionAddLine = "add-line" // AddLine: one more new line
)

// WizardVM is what every wizard step shows around its form.
type WizardVM struct {
	Title     string // "New service"
	Subtitle  string // "for Acme Logistics"
	Base      string // "/orders/new/{draft}"
	Step      string // the step's key
	Action    string // where the step's form posts
	StepTitle string
	Steps     []WizardStepLink
	Errors    components.Errors // by field path ("WirelessPort.Address.Zip")
	Notice    string            // a message above the form
	Stuck     bool              // the step cannot go on: no Next, only the ways out it shows
}

// WizardStepLink is one step of the step indicator.
type WizardStepLink struct {
	Key     string
	Title   string
	URL     string
	Current bool
	Done    bool
	Open    bool // reachable: a link
}

// StepURL is the address of one of the wizard's steps.
func (w WizardVM) StepURL(step string) string { return w.Base + "/" + step }

// Err returns the messages of a field.
func (w WizardVM) Err(field string) []string { return w.Errors[field] }

// StepNumber is "Step 3 of 7".
func (w WizardVM) StepNumber() string {
	for i, s := range w.Steps {
		if s.Current {
			return "Step " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(w.Steps))
		}
	}
	return ""
}

// First reports whether the step shown is the first.
func (w WizardVM) First() bool { return len(w.Steps) > 0 && w.Steps[0].Current }

// CustomerChoice is one customer offered by the customer step.
type CustomerChoice struct {
	ID       int64
	Name     string
	Status   string
	Where    string // city, state
	Selected bool
	Inactive bool
	Without  string // the chosen customer has no line the order can apply to: "No suspended line"
}

// CustomerPickVM is the customer step's search and choices.
type CustomerPickVM struct {
	Base      string // the step's address, for the search
	Search    string
	Choices   []CustomerChoice
	Selected  string // the chosen CustomerID as entered
	Err       []string
	Truncated bool
	Listed    string // which customers are listed, when not every one is
}

// InventoryChoice is one AVAILABLE device or SIM offered.
type InventoryChoice struct {
	Identifier string
	Type       string
	Model      string // "" when not recorded
	Carrier    string // the carrier it is stocked for; "" for any
}

// InventoryPickVM is a searchable list of AVAILABLE items of one type.
type InventoryPickVM struct {
	Field     string // the input it fills: ESN or WirelessICCID
	Label     string
	Search    string
	SearchKey string // the search box's name
	ListID    string
	Base      string
	Value     string
	Choices   []InventoryChoice
	Err       []string
	Help      string
	Carrier   string // the package's carrier the list is narrowed to; "" for all
}

// ReviewRow is one line of a review: a label and what was entered.
type ReviewRow struct {
	Label string
	Value string
	Mono  bool
}

// ReviewSection is a group of review rows with a link to change them.
type ReviewSection struct {
	Title   string
	EditURL string
	Rows    []ReviewRow
	Errors  []string
}

// ReviewProduct is a product the order puts on a line, with what it costs.
type ReviewProduct struct {
	Op          string // Add, Change, Remove
	Description string
	Rate        string
	Quantity    int
	Amount      string // Rate × Quantity, "(once)" for a one-time charge
	Source      string // from the package, asked for, or related
	Warning     string // why it is there twice, "" when it is not
}

// ReviewLine is one line's product changes with its amounts before and
// after, every month and once.
type ReviewLine struct {
	Title    string // "Line 312-555-0101", "The new line"
	Products []ReviewProduct
	Amounts  ReviewAmounts
}

// ReviewAmounts are monthly and one-time amounts before → after.
type ReviewAmounts struct {
	MonthlyBefore, MonthlyAfter    string
	OneTimeBefore, OneTimeAfter    string
	MonthlyChanged, OneTimeChanged bool
}

// ReviewMoney is a review's lines and, when there are several, the total.
type ReviewMoney struct {
	Lines []ReviewLine
	Total *ReviewAmounts
}

// ResultVM is the page a submitted draft shows: what it created.
type ResultVM struct {
	Title string
	// Interrupt: an earlier version's submission of the draft stopped
	// without finishing (domain.DraftSubmitting).
	Interrupt  bool
	Orders     []ResultLink
	Lines      []ResultLink
	CustomerID int64
	AgainURL   string
}

// ResultLink links to an order or line created.
type ResultLink struct {
	Label string
	URL   string
	Next  string // for an order: what happens next to it, in words (NextWords)
	// WaitsForRoute: the order waits for a supervisor's route decision;
	// RouteLink: the viewer may choose it on /routes.
	WaitsForRoute, RouteLink bool
}

// plural is "1 order" or "3 orders".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// createdText says what a submitted draft created.
func createdText(vm ResultVM) string {
	s := "Created " + plural(len(vm.Orders), "order")
	if len(vm.Lines) > 0 {
		s += " and " + plural(len(vm.Lines), "new line")
	}
	return s + "."
}

// InventoryModel names what an item is: its model, or its type when no
// model is recorded.
func InventoryModel(c InventoryChoice) string {
	if c.Model != "" {
		return c.Model
	}
	if c.Type == domain.InventorySIM {
		return "SIM card (model not recorded)"
	}
	return "Device (model not recorded)"
}

// InventoryCarrier names the carrier an item is stocked for.
func InventoryCarrier(c InventoryChoice) string {
	switch {
	case c.Carrier != "":
		return "For " + c.Carrier
	case c.Type == domain.InventoryDevice:
		return "Unlocked: any carrier"
	}
	return "No carrier recorded"
}

// inventoryListTitle heads the list of items in stock to choose from.
func inventoryListTitle(vm InventoryPickVM) string {
	what := "devices"
	if vm.Field == "WirelessICCID" {
		what = "SIM cards"
	}
	if vm.Carrier == "" {
		return "Choose from the " + what + " in stock"
	}
	if what == "devices" {
		return "Choose from the devices in stock for " + vm.Carrier + " or unlocked"
	}
	return "Choose from the SIM cards in stock for " + vm.Carrier
}
