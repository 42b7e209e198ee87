package domain

import "strconv"

// Rules a page phrases in its own words (FieldError.Rule, Error.Rule).
// Params carry the values a page needs, as data people read: names,
// numbers as shown (a TN, a PON), statuses and types as codes the page puts
// in words (labels.go), never an internal id. The field's own name comes
// from FieldError.Field. The API keeps Message, word for word.
const (
	// Generic checks on one field.
	RuleRequired      = "required"        // nothing given or chosen
	RuleTooLong       = "too_long"        // Max: characters
	RuleDigits        = "digits"          // Count: the digits it must have
	RuleLetters       = "letters"         // Count: the letters it must have
	RuleOneOf         = "one_of"          // not one of the choices offered
	RuleRange         = "range"           // Min, Max: a whole number between
	RuleWholeNumber   = "whole_number"    // not a whole number
	RuleBadText       = "bad_text"        // What: a character no text may hold
	RuleNoNumber      = "no_number"       // ten 0s where a real number is needed
	RuleNotBoth       = "not_both"        // Other: the field path it clashes with
	RuleNotFound      = "not_found"       // the chosen thing does not exist
	RuleTooMany       = "too_many"        // Max: entries of a list
	RuleDate          = "date"            // not a date
	RuleCustomerGone  = "customer_gone"   // Customer: INACTIVE, takes no service
	RuleCountryCode   = "country_code"    // Country: not a known country code
	RuleZipUnknown    = "zip_unknown"     // Zip: no US ZIP code
	RuleZipOtherState = "zip_other_state" // Zip, State, ZipState

	// Lines and their numbers.
	RuleLineNotActive         = "line_not_active"       // TN, Status
	RuleLineNotSuspended      = "line_not_suspended"    // TN, Status
	RuleLineDisconnected      = "line_disconnected"     // TN
	RuleLineLeaving           = "line_leaving"          // TN: this order disconnects it
	RuleLineOpenOrder         = "line_open_order"       // TN, Type, PON, Status
	RuleLineOtherCustomer     = "line_other_customer"   // TN
	RuleLineTwice             = "line_twice"            // TN
	RuleLineNotReconnect      = "line_not_reconnect"    // TN, Status: not ACTIVE or SUSPENDED
	RuleLineNotVerizon        = "line_not_verizon"      // TN, Carrier
	RuleNoLines               = "no_lines"              // Customer: nothing to disconnect
	RuleTNInUse               = "tn_in_use"             // TN
	RuleTNTwice               = "tn_twice"              // TN
	RuleTNNotCustomers        = "tn_not_customers"      // TN: not a line of the customer
	RulePortOwnNumber         = "port_own_number"       // TN: the number ported in is the line's own
	RuleAltBTNOther           = "alt_btn_other"         // TN: another customer's line
	RuleAltBTNNotActive       = "alt_btn_not_active"    // TN, Status
	RuleAltBTNTied            = "alt_btn_tied"          // TN: tied to another BTN
	RuleSuspendOutgoing       = "suspend_outgoing"      // OUTGOING on a wireless line
	RuleCarrierMismatch       = "carrier_mismatch"      // Carrier: the package's
	RuleServiceTypeMismatch   = "service_type_mismatch" // ServiceType: the package's own, when it names one
	RuleCarrierWithoutPackage = "carrier_without_package"
	RulePackageOrProducts     = "package_or_products"   // no package and no provisionable product
	RuleAccountMismatch       = "account_mismatch"      // Account, Carrier, AccountCarrier
	RuleNoDefaultAccount      = "no_default_account"    // Carrier
	RulePackageSame           = "package_same"          // TN, Package
	RulePackageOtherCarrier   = "package_other_carrier" // Package, Carrier, LineCarrier

	// Products on a line.
	RuleProductsNone        = "products_none"         // nothing added, changed or removed
	RuleProductTwice        = "product_twice"         // Product
	RuleProductNotOnLine    = "product_not_on_line"   // Product, TN
	RuleProductChangeEmpty  = "product_change_empty"  // Product, TN: no new rate or quantity
	RuleProductHeld         = "product_held"          // Product, Type, PON, Status
	RuleProductGone         = "product_gone"          // Product, TN: another order removed it
	RuleProductOtherCarrier = "product_other_carrier" // Product, Carrier, ServiceCarrier
	RuleProductsOnType      = "products_on_type"      // Type: its products cannot change

	// Devices, SIMs and ports.
	RuleInventoryUnknown    = "inventory_unknown"     // Identifier
	RuleInventoryWrongType  = "inventory_wrong_type"  // Identifier, Type, Want
	RuleInventoryAssigned   = "inventory_assigned"    // Identifier
	RuleInventoryInUse      = "inventory_in_use"      // Identifier, TN
	RuleInventoryUnusable   = "inventory_unusable"    // Identifier, Status
	RuleWirelessOnly        = "wireless_only"         // Carrier: wireline
	RuleShippingNeeded      = "shipping_needed"       // Shipped: what is shipped
	RuleProviderNotWireless = "provider_not_wireless" // Provider
	RuleProviderUnknown     = "provider_unknown"      // Provider
	RuleProviderMismatch    = "provider_mismatch"     // Provider, Carrier

	// An order's status, route and completion.
	RuleMoveNotAllowed      = "move_not_allowed"      // From, To, Allowed (codes, ", ")
	RuleAlreadyStatus       = "already_status"        // Status
	RuleFinalStatus         = "final_status"          // Status
	RuleFinalFieldsOnly     = "final_fields_only"     // Status
	RuleNotFlowThrough      = "not_flow_through"      // a person sends it
	RuleSystemMove          = "system_move"           // From, To, Allowed
	RuleCancelReason        = "cancel_reason"         // no reason given
	RuleNoteWithoutMove     = "note_without_move"     // a status note needs a status change
	RuleDateWithoutComplete = "date_without_complete" // a completion date needs COMPLETE
	RuleCompleteTooEarly    = "complete_too_early"    // Date, Created (YYYY-MM-DD)
	RuleCompleteInFuture    = "complete_in_future"    // Date, Today
	RuleRouteFirst          = "route_first"           // a route is chosen before sending
	RuleRouteNoProcess      = "route_no_process"      // no process to choose a route of
	RuleRouteNotOfProcess   = "route_not_of_process"  // Process
	RuleLinesAfterSent      = "lines_after_sent"      // Status
	RuleAwaitsRoute         = "awaits_route"          // a supervisor decides
	RuleRouteUndoWindow     = "route_undo_window"     // the route choice can still be undone
	RuleUndoNoRoute         = "undo_no_route"         // no route chosen to undo
	RuleUndoSent            = "undo_sent"             // sent: the choice stays
	RuleUndoNotChosen       = "undo_not_chosen"       // no supervisor chose it
	RuleUndoTooLate         = "undo_too_late"         // Ended (a time), Window (in words)
	RuleRoleMayNot          = "role_may_not"          // Role, Action
	RuleSupervisorOnly      = "supervisor_only"       // Action
	RuleNothingToChange     = "nothing_to_change"     // an update that changes nothing
	RuleNotReplaceable      = "not_replaceable"       // not an open reconnect order
	RuleResubmitNotAsked    = "resubmit_not_asked"    // Status

	// Port numbers (seed 002's messages).
	RuleAssociatedSame       = "associated_same"         // the first or last number must be the associated one
	RuleRangeDigits          = "range_digits"            // Count: digits of the first number
	RuleRangeBackwards       = "range_backwards"         // the last number is below the first
	RuleRangeCount           = "range_count"             // Count, First, Last
	RuleRangePastEnd         = "range_past_end"          // Count, First
	RuleRangeBeforeZero      = "range_before_zero"       // Count, Last
	RuleServiceTotal         = "service_total"           // Max, Total
	RuleRangeOverlap         = "range_overlap"           // another range on the service
	RuleQuoteOnly            = "quote_only"              // the quote became an order
	RuleNoPortControl        = "no_port_control"         // the service's design takes no port numbers
	RulePortActionNotAllowed = "port_action_not_allowed" // Action: the design does not allow it
	RuleAssociatedOne        = "associated_one"          // an associated number is one number

	// Users, passwords and service designs.
	RuleNameReserved     = "name_reserved"      // Name: Switchboard's own
	RuleNameChars        = "name_chars"         // letters, digits, '.', '_', '-'
	RulePasswordShort    = "password_short"     // Min
	RulePasswordLong     = "password_long"      // Max (bytes)
	RulePasswordCommon   = "password_common"    // easily guessed
	RulePasswordHasName  = "password_has_name"  // holds the user name
	RuleDesignPortAction = "design_port_action" // a PortingNumber design allows none
)

// Rules lists every rule code, for the pages' tests.
var Rules = []string{
	RuleRequired, RuleTooLong, RuleDigits, RuleLetters, RuleOneOf, RuleRange, RuleWholeNumber, RuleBadText,
	RuleNoNumber, RuleNotBoth, RuleNotFound, RuleTooMany, RuleDate, RuleCustomerGone, RuleCountryCode,
	RuleZipUnknown, RuleZipOtherState,
	RuleLineNotActive, RuleLineNotSuspended, RuleLineDisconnected, RuleLineLeaving, RuleLineOpenOrder,
	RuleLineOtherCustomer, RuleLineTwice, RuleLineNotReconnect, RuleLineNotVerizon, RuleNoLines, RuleTNInUse,
	RuleTNTwice, RuleTNNotCustomers, RulePortOwnNumber, RuleAltBTNOther, RuleAltBTNNotActive, RuleAltBTNTied,
	RuleSuspendOutgoing, RuleCarrierMismatch, RuleServiceTypeMismatch, RuleCarrierWithoutPackage, RulePackageOrProducts, RuleAccountMismatch,
	RuleNoDefaultAccount, RulePackageSame, RulePackageOtherCarrier,
	RuleProductsNone, RuleProductTwice, RuleProductNotOnLine, RuleProductChangeEmpty, RuleProductHeld,
	RuleProductGone, RuleProductOtherCarrier, RuleProductsOnType,
	RuleInventoryUnknown, RuleInventoryWrongType, RuleInventoryAssigned, RuleInventoryInUse, RuleInventoryUnusable,
	RuleWirelessOnly, RuleShippingNeeded, RuleProviderNotWireless, RuleProviderUnknown, RuleProviderMismatch,
	RuleMoveNotAllowed, RuleAlreadyStatus, RuleFinalStatus, RuleFinalFieldsOnly, RuleNotFlowThrough, RuleSystemMove,
	RuleCancelReason, RuleNoteWithoutMove, RuleDateWithoutComplete, RuleCompleteTooEarly, RuleCompleteInFuture,
	RuleRouteFirst, RuleRouteNoProcess, RuleRouteNotOfProcess, RuleLinesAfterSent, RuleAwaitsRoute, RuleRouteUndoWindow, RuleUndoNoRoute, RuleUndoSent, RuleUndoNotChosen, RuleUndoTooLate, RuleRoleMayNot,
	RuleSupervisorOnly, RuleNothingToChange, RuleNotReplaceable, RuleResubmitNotAsked,
	RuleAssociatedSame, RuleRangeDigits, RuleRangeBackwards, RuleRangeCount, RuleRangePastEnd, RuleRangeBeforeZero,
	RuleServiceTotal, RuleRangeOverlap, RuleQuoteOnly, RuleNoPortControl, RulePortActionNotAllowed, RuleAssociatedOne,
	RuleNameReserved, RuleNameChars, RulePasswordShort, RulePasswordLong, RulePasswordCommon, RulePasswordHasName,
	RuleDesignPortAction,
}

// kv builds a rule's Params from name, value pairs.
func kv(pairs ...string) map[string]string {
	m := make(map[string]string, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return m
}

// itoa is a number as a rule's parameter.
func itoa[T ~int | ~int64](n T) string { return strconv.FormatInt(int64(n), 10) }
