package views

import (
	"strings"

	"switchboard/domain"
	"switchboard/views/components"
)

// FieldMessage says a field error of the order rules the way the wizards
// put it: the wizards' own words for what they ask, else the pages' words
// for the rule (components.Say). field is the form's name for the field
// (Orders_Create's kind prefix dropped).
func FieldMessage(field string, f domain.FieldError) string {
	switch f.Rule {
	case domain.RuleRequired:
		switch field {
		case "CustomerID":
			return "Choose a customer."
		case "PackageID":
			return "Choose a package."
		case "SuspendType":
			return "Choose a suspend type."
		case "LineID", "LineIDs":
			return "Choose a line."
		}
	}
	return components.Say(f)
}

// KindAction is the order item a kind of Orders_Create puts on each line
// it chooses ("" for AddLine, which chooses none).
func KindAction(kind string) string {
	switch kind {
	case KindSuspend:
		return domain.ItemSuspend
	case KindRestore:
		return domain.ItemRestore
	case KindDisconnect:
		return domain.ItemDisconnect
	case KindChange:
		return domain.ItemChange
	case KindPackageChange:
		return domain.ItemPackageChange
	}
	return ""
}

// LineRefusal says why a line of status cannot take the kind's order, from
// the rule's code (domain.Line.Refusal); "" when it can.
func LineRefusal(kind, refusal, status string) string {
	switch refusal {
	case domain.RefuseNotActive:
		return "Only an active line can be suspended; this one is " + strings.ToLower(domain.StatusLabel(status)) + "."
	case domain.RefuseNotSuspended:
		return "Only a suspended line can be restored; this one is " + strings.ToLower(domain.StatusLabel(status)) + "."
	case domain.RefuseDisconnected:
		if kind == KindDisconnect {
			return "Already disconnected."
		}
		return "Disconnected: nothing on it can change."
	}
	return ""
}
