package components

import (
	"errors"
	"strings"

	"switchboard/domain"
)

// Say is a field error the way a page puts it: its rule (domain.FieldError
// Rule and Params) in plain words, naming the field by its label on the
// page; a check without a rule keeps its own message.
func Say(f domain.FieldError) string {
	if s, ok := RuleWords(f); ok {
		return s
	}
	return f.Message
}

// SayError is an error's message as a page shows it: the rule of an error
// without fields in words, the one field error's when there is one, else
// the error's message.
func SayError(err error) string {
	var e *domain.Error
	if !errors.As(err, &e) {
		return domain.ErrorMessage(err)
	}
	if e.Rule != "" {
		return Say(domain.FieldError{Message: e.Message, Rule: e.Rule, Params: e.Params})
	}
	if len(e.Fields) == 1 {
		return Say(e.Fields[0])
	}
	return e.Message
}

// RuleWords phrases a rule; ok is false for a check without a rule (or a
// rule this file does not know, which its test forbids).
func RuleWords(f domain.FieldError) (string, bool) {
	p := func(name string) string { return f.Params[name] }
	tn := func() string { return lineWords(p("TN")) }
	label := fieldLabel(f.Field)
	the := label.the()
	status := func(name string) string { return lowerFirst(domain.StatusLabel(p(name))) }
	var s string
	switch f.Rule {
	case domain.RuleRequired:
		s = label.ask()
	case domain.RuleTooLong:
		unit := p("Unit")
		if unit == "" {
			unit = "characters"
		}
		s = "Keep " + the + " to " + p("Max") + " " + unit + " or fewer."
	case domain.RuleDigits:
		if p("Count") == "" {
			s = "Enter " + the + " in digits only, with no spaces or punctuation."
		} else {
			s = "Enter " + the + " as " + p("Count") + " digits."
		}
	case domain.RuleLetters:
		what := " letters."
		if p("Digits") != "" {
			what = " letters and digits."
		}
		s = "Enter " + the + " as " + p("Count") + what
	case domain.RuleOneOf:
		s = "Choose " + label.noun + " from the list."
	case domain.RuleRange:
		if p("Max") == "" {
			s = upperFirst(the) + " must be " + p("Min") + " or more."
		} else {
			s = upperFirst(the) + " must be from " + p("Min") + " to " + p("Max") + "."
		}
	case domain.RuleWholeNumber:
		s = upperFirst(the) + " must be a whole number."
	case domain.RuleBadText:
		s = upperFirst(the) + " holds " + p("What") + ", which text may not hold; type it again."
	case domain.RuleNoNumber:
		s = "Enter " + the + ": ten 0s is no number."
	case domain.RuleNotBoth:
		s = "Give " + the + " or " + fieldLabel(p("Other")).the() + ", not both."
	case domain.RuleNotFound:
		s = upperFirst(the) + " chosen is not there any more; choose another."
	case domain.RuleTooMany:
		s = "Give at most " + p("Max") + " entries for " + the + "."
	case domain.RuleDate:
		s = "Enter " + the + " as a date."
	case domain.RuleCustomerGone:
		s = p("Customer") + " is inactive: no service can be added for this customer."
	case domain.RuleCountryCode:
		s = p("Country") + " is not a country code; use three letters such as USA, CAN or MEX."
	case domain.RuleZipUnknown:
		s = "No US ZIP code is " + p("Zip") + "; check the ZIP code."
	case domain.RuleZipOtherState:
		s = "ZIP code " + p("Zip") + " is in " + p("ZipState") + ", not in " + p("State") + ": check the ZIP code and the state."

	case domain.RuleLineNotActive:
		s = "Only an active line can be suspended; " + tn() + " is " + status("Status") + "."
	case domain.RuleLineNotSuspended:
		s = "Only a suspended line can be restored; " + tn() + " is " + status("Status") + "."
	case domain.RuleLineDisconnected:
		s = tn() + " is disconnected: nothing on it can change."
	case domain.RuleLineLeaving:
		s = "This order disconnects " + tn() + ", so its products cannot change."
	case domain.RuleLineOpenOrder:
		s = upperFirst(tn()) + " already has an open " + orderWords(p("Type"), p("PON"), p("Status")) + "; complete or cancel that order first."
	case domain.RuleLineOtherCustomer:
		s = upperFirst(tn()) + " belongs to another customer."
	case domain.RuleLineTwice:
		s = upperFirst(tn()) + " is chosen twice; choose each line once."
	case domain.RuleLineNotReconnect:
		s = "Only an active or suspended line can be disconnected for a reconnect port; " + tn() + " is " + status("Status") + "."
	case domain.RuleLineNotVerizon:
		s = "Reconnect ports are only for Verizon Wireless lines; " + tn() + " is on " + p("Carrier") + "."
	case domain.RuleNoLines:
		s = p("Customer") + " has no line left to disconnect."
	case domain.RuleTNInUse:
		s = upperFirst(tn()) + " is already in use on another line."
	case domain.RuleTNTwice:
		s = upperFirst(tn()) + " is given for two new lines; give each number once."
	case domain.RuleTNNotCustomers:
		s = upperFirst(tn()) + " is not a line of this customer."
	case domain.RulePortOwnNumber:
		s = upperFirst(tn()) + " is this line's own number; enter the number to port in from the losing provider."
	case domain.RuleAltBTNOther:
		s = upperFirst(tn()) + " belongs to another customer and cannot be the Alt BTN."
	case domain.RuleAltBTNNotActive:
		s = upperFirst(tn()) + " is " + status("Status") + "; an Alt BTN must be an active line."
	case domain.RuleAltBTNTied:
		s = upperFirst(tn()) + " is tied to another BTN; choose a line that is its own BTN."
	case domain.RuleSuspendOutgoing:
		s = "A wireless line cannot have only its outgoing calls suspended; choose all calls or incoming calls."
	case domain.RuleCarrierMismatch:
		s = "Not the package's carrier (" + p("Carrier") + "): choose that one, or leave the carrier blank."
	case domain.RuleServiceTypeMismatch:
		if p("ServiceType") != "" {
			s = "The package's lines are " + p("ServiceType") + ": choose that service type."
		} else {
			s = "This service type does not suit the carrier: choose a wireless type for a wireless carrier, a wireline type otherwise."
		}
	case domain.RuleCarrierWithoutPackage:
		s = "Choose a carrier: a line without a package needs one."
	case domain.RulePackageOrProducts:
		s = "Choose a package, or leave it blank only with a carrier and at least one provisionable product."
	case domain.RuleAccountMismatch:
		if p("Account") == "" {
			s = upperFirst(tn()) + " is on another carrier account than this order's: an order goes to one provider."
		} else {
			s = "The carrier account " + p("Account") + " is " + p("AccountCarrier") + "'s, not " + p("Carrier") + "'s; choose one of " + p("Carrier") + "'s accounts."
		}
	case domain.RuleNoDefaultAccount:
		s = p("Carrier") + " has no default carrier account; choose one."
	case domain.RulePackageSame:
		s = upperFirst(tn()) + " already has the package " + p("Package") + "; choose another."
	case domain.RulePackageOtherCarrier:
		s = p("Package") + " is on " + p("Carrier") + " but the line is on " + p("LineCarrier") + "; moving to another provider takes a disconnect and a new service."

	case domain.RuleProductsNone:
		s = "Add, change or remove at least one product."
	case domain.RuleProductTwice:
		s = upperFirst(productWords(p("Product"))) + " is changed twice in this order; change it once."
	case domain.RuleProductNotOnLine:
		s = "That product is not on " + tn() + "; choose one of the line's products."
	case domain.RuleProductChangeEmpty:
		s = "Give a new rate or quantity for " + productWords(p("Product")) + " on " + tn() + "."
	case domain.RuleProductHeld:
		s = upperFirst(productWords(p("Product"))) + " is held by an open " + orderWords(p("Type"), p("PON"), p("Status")) + "; complete or cancel that order first."
	case domain.RuleProductGone:
		s = "This order cannot complete: " + productWords(p("Product")) + " is no longer on " + tn() + " (another order removed it); cancel this order and make a new one."
	case domain.RuleProductOtherCarrier:
		s = p("Product") + " is provided by " + p("Carrier") + ", not by this service's carrier, " + p("ServiceCarrier") + "."
	case domain.RuleProductsOnType:
		s = "Products cannot change on " + article(lowerFirst(domain.OrderTypeLabel(p("Type")))) + " order."

	case domain.RuleInventoryUnknown:
		s = "No device or SIM " + p("Identifier") + " is in inventory; check the number."
	case domain.RuleInventoryWrongType:
		s = p("Identifier") + " is " + article(inventoryWords(p("Type"))) + ", not " + article(inventoryWords(p("Want"))) + "."
	case domain.RuleInventoryAssigned:
		s = p("Identifier") + " is assigned to another customer."
	case domain.RuleInventoryInUse:
		s = p("Identifier") + " is already in use on " + tn() + "."
	case domain.RuleInventoryUnusable:
		s = p("Identifier") + " is " + status("Status") + " and cannot be used."
	case domain.RuleWirelessOnly:
		s = "Only a wireless service takes this; the package is on " + p("Carrier") + ", a wireline carrier."
	case domain.RuleShippingNeeded:
		s = "Enter a shipping address: " + p("Shipped") + " is sent to the customer."
	case domain.RuleProviderNotWireless:
		s = p("Provider") + " is not a wireless provider; a number is ported to a wireless one."
	case domain.RuleProviderUnknown:
		s = p("Provider") + " is not a provider we know; check the provider."
	case domain.RuleProviderMismatch:
		s = "The number is ported to the package's provider, " + p("Carrier") + ", not to " + p("Provider") + "."

	case domain.RuleMoveNotAllowed:
		s = "An order that is " + status("From") + " cannot move to " + status("To") + "; it can move to " + statusList(p("Allowed")) + "."
	case domain.RuleAlreadyStatus:
		s = "The order is already " + status("Status") + "."
	case domain.RuleFinalStatus:
		s = "The order is " + status("Status") + ", which is final: its status cannot change."
	case domain.RuleFinalFieldsOnly:
		s = "The order is " + status("Status") + ": only its tracking number, shipping status and note can change."
	case domain.RuleNotFlowThrough:
		s = "This order is not sent automatically: a person sends it."
	case domain.RuleSystemMove:
		s = "Switchboard cannot move this order from " + status("From") + " to " + status("To") + " by itself."
	case domain.RuleCancelReason:
		s = "Give the reason for canceling: it becomes the order's status note."
	case domain.RuleNoteWithoutMove:
		s = "A note goes with a status change: choose the new status too."
	case domain.RuleDateWithoutComplete:
		s = "A completion date goes only with completing the order."
	case domain.RuleCompleteTooEarly:
		s = "The completion date " + p("Date") + " is before the order was made (" + p("Created") + "); give the day it completed."
	case domain.RuleCompleteInFuture:
		s = "The completion date " + p("Date") + " is in the future (today is " + p("Today") + "); give the day it completed."
	case domain.RuleRouteFirst:
		s = "Choose a route before sending this order."
	case domain.RuleRouteNoProcess:
		s = "This order has no process; choose a process before a route."
	case domain.RuleRouteNotOfProcess:
		s = "That route is not a route of process “" + p("Process") + "”; choose one of its routes."
	case domain.RuleLinesAfterSent:
		s = "Lines can change only before the order is sent; this one is " + status("Status") + "."
	case domain.RuleAwaitsRoute:
		s = "This order awaits a supervisor's route decision: only a supervisor can change its process or send it."
	case domain.RuleRouteUndoWindow:
		s = "The route choice can still be undone: the order is sent when that time has passed."
	case domain.RuleUndoNoRoute:
		s = "No route is chosen for this order yet: it waits for a route decision."
	case domain.RuleUndoSent:
		s = "This order has already gone to the provider, so its route choice can no longer be undone."
	case domain.RuleUndoNotChosen:
		s = "No supervisor chose this order's route, so there is no choice to undo."
	case domain.RuleUndoTooLate:
		s = "The time to undo the route choice ended at " + p("Ended") + " (" + p("Window") + " after it was made); the order is on its way to the provider."
	case domain.RuleRoleMayNot:
		who := "Your role (" + domain.Role(p("Role")).Title() + ")"
		if p("Role") == "system" {
			who = "Switchboard itself"
		}
		s = who + " may not " + p("Action") + "."
	case domain.RuleSupervisorOnly:
		s = "Only a supervisor can " + p("Action") + "."
	case domain.RuleNothingToChange:
		s = "Nothing was changed: change at least one field, then save."
	case domain.RuleNotReplaceable:
		s = "This order is not an open reconnect order, so it cannot be replaced."
	case domain.RuleResubmitNotAsked:
		s = "This reconnect port is " + lowerFirst(p("Status")) + "; it can be resubmitted only after the losing carrier asks for a correction."

	case domain.RuleAssociatedSame:
		s = upperFirst(the) + " must be the associated number when one is given."
	case domain.RuleRangeDigits:
		s = "The last number must have as many digits as the first (" + p("Count") + ")."
	case domain.RuleRangeBackwards:
		s = "The last number must not be lower than the first."
	case domain.RuleRangeCount:
		s = "From " + p("First") + " to " + p("Last") + " is " + p("Count") + " numbers: enter " + p("Count") + " as the quantity, or leave it blank."
	case domain.RuleRangePastEnd:
		s = p("Count") + " numbers from " + p("First") + " run past the highest number with that many digits."
	case domain.RuleRangeBeforeZero:
		s = p("Count") + " numbers cannot end at " + p("Last") + ": they would start below zero."
	case domain.RuleServiceTotal:
		s = "This service may hold at most " + p("Max") + " numbers; with this range it would hold " + p("Total") + "."
	case domain.RuleRangeOverlap:
		s = "This range overlaps another range on the same service."
	case domain.RuleQuoteOnly:
		s = "This quote became an order: its numbers can no longer change."
	case domain.RuleNoPortControl:
		s = "This service's design takes no port numbers."
	case domain.RulePortActionNotAllowed:
		s = "This service's design does not allow " + lowerFirst(p("Action")) + "; choose the other action."
	case domain.RuleAssociatedOne:
		s = "An associated number is one number: leave the quantity at 1."

	case domain.RuleNameReserved:
		s = "“" + p("Name") + "” is the history's name for Switchboard itself; choose another name."
	case domain.RuleNameChars:
		s = "A user name may hold only letters, digits, '.', '_' and '-'."
	case domain.RulePasswordShort:
		s = "Choose a password of at least " + p("Min") + " characters."
	case domain.RulePasswordLong:
		s = "Choose a shorter password (at most " + p("Max") + " bytes)."
	case domain.RulePasswordCommon:
		s = "This password is one of the most common ones and easily guessed; choose another."
	case domain.RulePasswordHasName:
		s = "The password must not be or hold the user name."
	case domain.RuleDesignPortAction:
		s = "A design with port numbers must allow port, cease or both."
	default:
		return "", false
	}
	return s, true
}

// FormatTN shows a ten-digit number as (312) 555-0101, and an 11-digit one
// starting with 1 as 1 (312) 555-0101. Anything else is shown as stored.
func FormatTN(tn string) string {
	if len(tn) == 11 && tn[0] == '1' && domain.AllDigits(tn) {
		return "1 " + FormatTN(tn[1:])
	}
	if len(tn) != 10 || !domain.AllDigits(tn) {
		return tn
	}
	return "(" + tn[:3] + ") " + tn[3:6] + "-" + tn[6:]
}

// lineWords names a line by its number, or "the line" without one.
func lineWords(tn string) string {
	if tn == "" {
		return "the line"
	}
	return FormatTN(tn)
}

// productWords names a product, or "this product" without a name.
func productWords(name string) string {
	if name == "" {
		return "this product"
	}
	return name
}

// orderWords is another order as a rep tells it apart: "suspend order
// (PON …, new)".
func orderWords(typ, pon, status string) string {
	return lowerFirst(domain.OrderTypeLabel(typ)) + " order (PON " + pon + ", " + lowerFirst(domain.StatusLabel(status)) + ")"
}

// statusList is a ", " list of status codes in words: "sent, complete or canceled".
func statusList(codes string) string {
	var ws []string
	for _, c := range strings.Split(codes, ", ") {
		if c != "" {
			ws = append(ws, lowerFirst(domain.StatusLabel(c)))
		}
	}
	switch len(ws) {
	case 0:
		return "no other status"
	case 1:
		return ws[0]
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " or " + ws[len(ws)-1]
}

func inventoryWords(code string) string { return lowerFirst(domain.InventoryTypeLabel(code)) }

// article puts "a" or "an" before a noun.
func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiouAEIOU", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// lowerFirst lowers the first letter of a phrase unless it starts an
// abbreviation ("SIM card" stays).
func lowerFirst(s string) string {
	if len(s) < 2 || s[1] >= 'A' && s[1] <= 'Z' {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
