// Package views holds the templ pages and the parts of them htmx swaps.
package views

import "switchboard/views/layout"

// Element ids that htmx targets, shared by the views and the handlers.
const (
	IDFlash        = layout.FlashID
	IDCustomerRows = "customer-rows"
	IDUserRows     = "user-rows"
	IDTokenList    = "token-list"
)
