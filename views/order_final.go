package views

import "switchboard/views/components"

// The confirmation step of a final move on an order: completing it or
// canceling it, each on its own page that says what it will do.

// Final moves, as the confirmation page names them.
const (
	FinalComplete = "complete"
	FinalCancel   = "cancel"
)

// OrderFinalVM is the confirmation page of a final move.
type OrderFinalVM struct {
	Move      string // FinalComplete or FinalCancel
	OrderID   int64
	Version   int
	Type      string // the order's type code
	Status    string // its status now
	Customer  string
	Effects   []string // what the move does, one sentence each
	Note      string   // the status note (the reason, for a cancel), as typed
	Date      string   // the completion date, as typed
	Errors    components.Errors
	Conflict  string
	ActionURL string
}

// FinalMoveURL is the confirmation page of a final move on an order.
func FinalMoveURL(id int64, move string) string { return "/orders/" + id64(id) + "/" + move }

// Title is the page's question.
func (vm OrderFinalVM) Title() string {
	if vm.Move == FinalCancel {
		return "Cancel order " + id64(vm.OrderID) + "?"
	}
	return "Complete order " + id64(vm.OrderID) + "?"
}
