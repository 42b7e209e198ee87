package views

import (
	"fmt"
	"strconv"

	"github.com/a-h/templ"

	"switchboard/domain"
)

// Element ids of the port-number editor.
const (
	IDPortNumberEditor = "pn-editor"       // rows, capacity, add form and paste box: what every change swaps
	IDPasteResult      = "pn-paste-result" // the paste's compacted preview
	IDPasteForm        = "pn-paste-form"   // the paste box's form
	IDAddPortNumber    = "pn-add"          // the add form
	pnNewKey           = "new"             // the add form's key in field ids
)

// PortNumberFields are the editor's fields, in the order shown.
var PortNumberFields = []string{"FirstNumber", "LastNumber", "Quantity", "PortAction", "AssociatedNumber"}

// PortNumbersVM is the range editor of one order service.
type PortNumbersVM struct {
	ServiceID    int64
	QuoteID      int64
	CustomerID   int64
	CustomerName string
	DesignName   string
	Actions      []string // the PortActions the design allows
	Max, Used    int64
	Control      bool // the design has a PortingNumber control
	Open         bool // on a quote (not converted)
	CanEdit      bool // open, and the user may edit
	Rows         []PortNumberRow
	EditID       int64 // the row shown as a form, 0 for none
	Edit         PortNumberForm
	Add          PortNumberForm
	Paste        PasteVM
	Notice       string // what the last change did
}

// PortNumberRow is one stored range.
type PortNumberRow struct {
	ID         int64
	First      string
	Last       string
	Quantity   int64
	Action     string
	Associated string
}

// PortNumberForm is the add form or an edit row: what was typed and the
// messages beside each field (keyed by PortNumberFields, "" for the range).
type PortNumberForm struct {
	ID     int64 // 0 for the add form
	Values map[string]string
	Errors map[string][]string
}

// PasteVM is the paste box and its preview.
type PasteVM struct {
	Text     string
	Action   string
	Shown    bool // a preview was asked for
	Ranges   []PasteRangeRow
	Problems []domain.PasteProblem
	Count    int64
	General  []string // problems of the whole paste (the service refuses any)
}

// PasteRangeRow is one compacted range of a paste and what is wrong with it.
type PasteRangeRow struct {
	First, Last string
	Quantity    int64
	Lines       string
	Problems    []string
}

// OK reports whether the paste may be saved as it is.
func (p PasteVM) OK() bool {
	if len(p.Ranges) == 0 || len(p.Problems) > 0 || len(p.General) > 0 {
		return false
	}
	for _, r := range p.Ranges {
		if len(r.Problems) > 0 {
			return false
		}
	}
	return true
}

// Left is how many more numbers the service takes.
func (vm PortNumbersVM) Left() int64 { return max(vm.Max-vm.Used, 0) }

// PortNumbersURL is the editor of service id.
func PortNumbersURL(id int64) string {
	return "/order-services/" + strconv.FormatInt(id, 10) + "/port-numbers"
}

func (vm PortNumbersVM) url(suffix string) string { return PortNumbersURL(vm.ServiceID) + suffix }

func (vm PortNumbersVM) safeURL(suffix string) templ.SafeURL { return templ.URL(vm.url(suffix)) }

// key is the form's part of its field ids: "new" or the range's id.
func (f PortNumberForm) key() string {
	if f.ID == 0 {
		return pnNewKey
	}
	return strconv.FormatInt(f.ID, 10)
}

// checkQuery names the range an edit row checks against the others.
func (f PortNumberForm) checkQuery() string {
	if f.ID == 0 {
		return ""
	}
	return "?PortNumberID=" + strconv.FormatInt(f.ID, 10)
}

// FieldID is the id of a form's input for field.
func (f PortNumberForm) FieldID(field string) string { return "pn-" + f.key() + "-" + field }

// MsgID is the id of the messages beside field ("" is the range's own).
func (f PortNumberForm) MsgID(field string) string {
	if field == "" {
		field = "range"
	}
	return "pn-" + f.key() + "-" + field + "-msg"
}

// QuoteURL is quote id's page.
func QuoteURL(id int64) templ.SafeURL { return templ.URL("/quotes/" + strconv.FormatInt(id, 10)) }

func fieldLabel(f string) string {
	switch f {
	case "FirstNumber":
		return "First number"
	case "LastNumber":
		return "Last number"
	case "PortAction":
		return "Action"
	case "AssociatedNumber":
		return "Associated number"
	}
	return f
}

func fieldHelp(f string) string {
	switch f {
	case "FirstNumber":
		return "Digits only, up to 17"
	case "LastNumber":
		return "Leave empty for one number, or give a quantity"
	case "Quantity":
		return "Worked out from the numbers when left empty"
	case "AssociatedNumber":
		return "Optional: ports that one number alone"
	}
	return ""
}

func capacityText(used, max int64) string {
	return fmt.Sprintf("%d of %d numbers used", used, max)
}

func i64(n int64) string { return strconv.FormatInt(n, 10) }
