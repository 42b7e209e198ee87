package views

import (
	"switchboard/domain"
	"switchboard/views/components"
)

// Element ids of the reconnect port form.
const (
	IDPortLines     = "port-lines"     // the lines found by TN: what the line search swaps
	IDPortInventory = "port-inventory" // the devices and SIMs to pick from
)

// PortFormFields are the form's fields, in the order the page shows them;
// each has a message slot the checks as you type fill out of band.
var PortFormFields = []string{"LineID", "Line.TN", "Inventory", "Inventory.Type", "Inventory.Identifier", "PortMDN",
	"AccountNumber", "AuthorizedSigner", "PINPassword", "Remark", "SSN", "TaxID", "AddressID", ""}

// MessageSlotID is the element id of field's message slot.
func MessageSlotID(field string) string {
	if field == "" {
		return "m-form"
	}
	return "m-" + field
}

// PortFormVM is the form that starts a reconnect port. Secrets are never
// filled back in: the rep types them again after an error.
type PortFormVM struct {
	LineSearch      string
	LineID          string
	Lines           []PortLineChoice
	LinesSearched   bool
	InventoryType   string
	Identifier      string
	InventorySearch string
	Inventory       []string // identifiers to pick from
	PortMDN         string
	AccountNumber   string
	Signer          string
	Remark          string
	AddressID       string
	Errors          components.Errors
	OK              string // what the checks found when nothing is wrong
}

// PortLineChoice is one line found by TN.
type PortLineChoice struct {
	ID       int64
	TN       string
	Customer string
	Carrier  string
	Status   string
	Reason   string // why it cannot be chosen, "" when it can
	Selected bool
}

// InventoryTypes are the kinds of inventory a port's new service takes.
func (vm PortFormVM) InventoryTypes() []components.Option {
	var out []components.Option
	for _, t := range []struct{ v, l string }{{domain.InventorySIM, "SIM card"}, {domain.InventoryDevice, "Mobile device"}} {
		out = append(out, components.Option{Value: t.v, Label: t.l, Selected: vm.InventoryType == t.v})
	}
	return out
}

// ResubmitVM is the form that corrects a port after the losing carrier's R answer.
type ResubmitVM struct {
	Port          PortCard
	AccountNumber string
	Signer        string
	AddressID     string
	Errors        components.Errors
}
