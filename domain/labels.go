package domain

import "strings"

// The words people read for the codes the seeds and the API use. Every
// page, filter, history entry and message takes its words from here.

var statusWords = map[string]string{
	OrderNew:             "New",
	OrderSent:            "Sent",
	OrderError:           "Error",
	OrderConfirmed:       "Confirmed",
	OrderComplete:        "Complete",
	OrderCanceled:        "Canceled",
	OrderHold:            "On hold",
	OrderFlowError:       "Flow error",
	OrderPaymentHold:     "Payment hold",
	OrderLifelineHold:    "Lifeline hold",
	OrderJeopardy:        "In jeopardy",
	OrderProvisioned:     "Provisioned",
	LineActive:           "Active",
	LineSuspended:        "Suspended",
	LineDisconnected:     "Disconnected",
	LinePending:          "Pending",
	CustomerInactive:     "Inactive",
	InventoryAvailable:   "Available",
	InventoryUnavailable: "Unavailable",
	InventoryAssigned:    "Assigned",
	"disabled":           "Disabled",
}

// StatusLabel is a status (of an order, line, customer or inventory item)
// in words: "Payment hold" for PAYMENT_HOLD. An unknown code reads as
// itself, its underscores as spaces.
func StatusLabel(code string) string {
	if w, ok := statusWords[code]; ok {
		return w
	}
	return humanCode(code)
}

var typeWords = map[string]string{
	TypeNew:           "New service",
	TypeSuspend:       "Suspend",
	TypeDisconnect:    "Disconnect",
	TypeRestore:       "Restore",
	TypeAddLine:       "Add line",
	TypeChangeFeature: "Change",
	TypePackageChange: "Package change",
	TypePort:          "Port",
}

// OrderTypeLabel is an order type in words: "Package change".
func OrderTypeLabel(code string) string {
	if w, ok := typeWords[code]; ok {
		return w
	}
	return humanCode(code)
}

var billingWords = map[string]string{
	BillDifference: "Charge the difference this cycle",
	BillNextCycle:  "Start charging next cycle",
	BillProrate:    "Prorate from the completion date",
}

// BillingLabel is a billing option in words.
func BillingLabel(code string) string {
	if w, ok := billingWords[code]; ok {
		return w
	}
	return humanCode(code)
}

var suspendWords = map[string]string{
	SuspendAll:      "All calls",
	SuspendIncoming: "Incoming calls",
	SuspendOutgoing: "Outgoing calls",
}

// SuspendTypeLabel is a suspend type in words.
func SuspendTypeLabel(code string) string {
	if w, ok := suspendWords[code]; ok {
		return w
	}
	return humanCode(code)
}

var inventoryTypeWords = map[string]string{
	InventoryGeneral: "General",
	InventoryTN:      "Telephone number",
	InventoryIP:      "IP address",
	InventoryDevice:  "Mobile device",
	InventorySIM:     "SIM card",
}

// InventoryTypeLabel is an inventory type in words: "SIM card".
func InventoryTypeLabel(code string) string {
	if w, ok := inventoryTypeWords[code]; ok {
		return w
	}
	return humanCode(code)
}

var shippingWords = map[string]string{
	"":                  "Not required",
	ShippingNotRequired: "Not required",
	ShippingNotShipped:  "Not shipped yet",
	ShippingShipped:     "Shipped",
}

// ShippingLabel is a shipping status in words.
func ShippingLabel(code string) string {
	if w, ok := shippingWords[code]; ok {
		return w
	}
	return humanCode(code)
}

var itemWords = map[string]string{
	ItemAdd:           "New line",
	ItemSuspend:       "Suspend",
	ItemRestore:       "Restore",
	ItemDisconnect:    "Disconnect",
	ItemChange:        "Change products",
	ItemPackageChange: "Change package",
}

// ItemActionLabel is what an order does to a line, in words.
func ItemActionLabel(code string) string {
	if w, ok := itemWords[code]; ok {
		return w
	}
	return humanCode(code)
}

var productOpWords = map[string]string{ProductAdd: "Add", ProductChange: "Change", ProductRemove: "Remove"}

// ProductOpLabel is what an order does to a product, in words.
func ProductOpLabel(code string) string {
	if w, ok := productOpWords[code]; ok {
		return w
	}
	return humanCode(code)
}

var sourceWords = map[string]string{
	SourceRequested: "Asked for",
	SourcePackage:   "Comes with the package",
	SourceRelated:   "Added with a related product",
}

// ProductSourceLabel says why an order touches a product, in words.
func ProductSourceLabel(code string) string {
	if w, ok := sourceWords[code]; ok {
		return w
	}
	return humanCode(code)
}

// StatusLabels is "New, Sent or Canceled" for a list of status codes.
func StatusLabels(codes []string) string {
	ws := make([]string, len(codes))
	for i, c := range codes {
		ws[i] = StatusLabel(c)
	}
	return orList(ws)
}

func orList(ws []string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " or " + ws[len(ws)-1]
}

// humanCode reads an unknown code: "SOME_CODE" as "Some code".
func humanCode(code string) string {
	if code == "" {
		return ""
	}
	s := strings.ToLower(strings.ReplaceAll(code, "_", " "))
	return strings.ToUpper(s[:1]) + s[1:]
}
