package components_test

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"switchboard/domain"
	"switchboard/views/components"
)

// ruleSamples is one failed check of each rule as the domain makes it: the
// field path, the parameters, and the API's message (which holds the code
// names and ids a page must not show).
var ruleSamples = map[string]domain.FieldError{
	domain.RuleRequired:              {Field: "WirelessPort.PINPassword", Message: "PINPassword is required when porting a number"},
	domain.RuleTooLong:               {Field: "ShippingAddress.FirstName", Params: kv("Max", "100"), Message: "FirstName must be at most 100 characters"},
	domain.RuleDigits:                {Field: "Suspend.TN", Params: kv("Count", "10"), Message: "TN must be 10 digits"},
	domain.RuleLetters:               {Field: "ShippingAddress.State", Params: kv("Count", "2"), Message: "State must be 2 letters"},
	domain.RuleOneOf:                 {Field: "Suspend.SuspendType", Message: "SuspendType must be one of ALL, INCOMING, OUTGOING"},
	domain.RuleRange:                 {Field: "AdditionalProducts[0].Quantity", Params: kv("Min", "1", "Max", "9999"), Message: "Quantity must be greater than or equal to 1"},
	domain.RuleWholeNumber:           {Field: "CustomerID[0]", Message: "CustomerID[0] must be a whole number"},
	domain.RuleBadText:               {Field: "Description", Params: kv("What", "a NUL character"), Message: "Description must not contain a NUL character (\\u0000)"},
	domain.RuleNoNumber:              {Field: "ReconnectTN", Message: "ReconnectTN must be the number to reconnect; ten 0s is no number"},
	domain.RuleNotBoth:               {Field: "WirelessPort", Params: kv("Other", "ReconnectTN"), Message: "ReconnectTN and WirelessPort cannot both be given"},
	domain.RuleNotFound:              {Field: "PackageID", Message: "Package 1151 does not exist"},
	domain.RuleTooMany:               {Field: "AdditionalProducts", Params: kv("Max", "50"), Message: "AdditionalProducts may hold at most 50 entries; it holds 51"},
	domain.RuleDate:                  {Field: "CompletionDate", Message: "CompletionDate must be a date (YYYY-MM-DD) or a date and time (RFC 3339)"},
	domain.RuleCustomerGone:          {Field: "CustomerID", Params: kv("Customer", "Hooli"), Message: "Customer 1151 is INACTIVE: services cannot be added to it"},
	domain.RuleCountryCode:           {Field: "ShippingAddress.Country", Params: kv("Country", "XYZ"), Message: "Country XYZ is not an ISO 3166-1 alpha-3 country code"},
	domain.RuleZipUnknown:            {Field: "ShippingAddress.Zip", Params: kv("Zip", "00000"), Message: "Zip must be a valid zip code: no US ZIP code is 00000"},
	domain.RuleZipOtherState:         {Field: "ShippingAddress.Zip", Params: kv("Zip", "60601", "State", "WI", "ZipState", "IL"), Message: "Zip 60601 is in IL, not in WI"},
	domain.RuleLineNotActive:         {Field: "Suspend.TN", Params: kv("TN", "3125550112", "Status", domain.LineSuspended), Message: "Line 1151 is SUSPENDED; only an ACTIVE line can be suspended"},
	domain.RuleLineNotSuspended:      {Field: "Restore.TN", Params: kv("TN", "3125550107", "Status", domain.LineActive), Message: "Line 1151 is ACTIVE; only a SUSPENDED line can be restored"},
	domain.RuleLineDisconnected:      {Field: "Disconnect.LineID", Params: kv("TN", "3125550190"), Message: "Line 1151 is already DISCONNECTED"},
	domain.RuleLineLeaving:           {Field: "Lines[0].Change.LineID", Params: kv("TN", "3125550190"), Message: "Line 1151 is being disconnected by this order"},
	domain.RuleLineOpenOrder:         {Field: "Suspend.LineID", Params: kv("TN", "3125550101", "Type", domain.TypeSuspend, "PON", "82QS3M82XTS2H9FP", "Status", domain.OrderPaymentHold), Message: "Line 1151 already has an open SUSPEND order 1152 (PON 82QS3M82XTS2H9FP, status PAYMENT_HOLD)"},
	domain.RuleLineOtherCustomer:     {Field: "Suspend.CustomerID", Params: kv("TN", "3125550101"), Message: "Line 1151 belongs to customer 1152, not to customer 1153"},
	domain.RuleLineTwice:             {Field: "Change.Lines[1].Change.LineID", Params: kv("TN", "3125550101"), Message: "Line 1151 is already in Lines[0]"},
	domain.RuleLineNotReconnect:      {Field: "LineID", Params: kv("TN", "3125550101", "Status", domain.LineDisconnected), Message: "Line 1151 is DISCONNECTED; only an ACTIVE or SUSPENDED line can be disconnected"},
	domain.RuleLineNotVerizon:        {Field: "LineID", Params: kv("TN", "3125550101", "Carrier", "AT&T Mobility"), Message: "Reconnect ports are only for Verizon Wireless lines; line 1151 (3125550101) is on AT&T Mobility"},
	domain.RuleNoLines:               {Field: "Disconnect.CustomerID", Params: kv("Customer", "Initech"), Message: "Customer 1151 has no lines to disconnect"},
	domain.RuleTNInUse:               {Field: "ReconnectTN", Params: kv("TN", "3125550101"), Message: "TN 3125550101 is already in use on line 1151"},
	domain.RuleTNTwice:               {Field: "AddLine.Lines[1].TN", Params: kv("TN", "3125550198"), Message: "TN 3125550198 is also given for Lines[0]"},
	domain.RuleTNNotCustomers:        {Field: "Line.TN", Params: kv("TN", "3125550101"), Message: "TN 3125550101 is not a line of customer 1151"},
	domain.RulePortOwnNumber:         {Field: "PortMDN", Params: kv("TN", "3125550101"), Message: "PortMDN 3125550101 is the number of line 1151 itself"},
	domain.RuleAltBTNOther:           {Field: "AddLine.Lines[0].AltBTNID", Params: kv("TN", "8475550101"), Message: "Line 1151 belongs to another customer and cannot be an Alt BTN"},
	domain.RuleAltBTNNotActive:       {Field: "AddLine.Lines[0].AltBTNID", Params: kv("TN", "3125550102", "Status", domain.LineSuspended), Message: "Line 1151 is SUSPENDED and cannot be an Alt BTN"},
	domain.RuleAltBTNTied:            {Field: "AddLine.Lines[0].AltBTNID", Params: kv("TN", "3125550102"), Message: "Line 1151 is tied to another BTN"},
	domain.RuleSuspendOutgoing:       {Field: "Suspend.SuspendType", Message: "OUTGOING suspend is not available for wireless lines; use ALL or INCOMING"},
	domain.RuleCarrierMismatch:       {Field: "AddLine.Lines[0].CarrierID", Params: kv("Carrier", "Verizon Wireless"), Message: "CarrierID 1151 does not match package 1152"},
	domain.RuleServiceTypeMismatch:   {Field: "AddLine.Lines[0].LineTypeID", Params: kv("ServiceType", "Wireless"), Message: "Service type Wireline does not fit package Unlimited, whose lines are Wireless"},
	domain.RuleCarrierWithoutPackage: {Field: "AddLine.Lines[0].CarrierID", Message: "CarrierID is required when PackageID is 0"},
	domain.RulePackageOrProducts:     {Field: "AddLine.Lines[0].PackageID", Message: "PackageID is required unless at least one provisionable product is given in Products"},
	domain.RuleAccountMismatch:       {Field: "AddLine.Lines[0].CarrierAccountID", Params: kv("Account", "ATT 1", "Carrier", "Verizon Wireless", "AccountCarrier", "AT&T Mobility"), Message: "Carrier account 1151 belongs to AT&T Mobility, not to Verizon Wireless"},
	domain.RuleNoDefaultAccount:      {Field: "PackageID", Params: kv("Carrier", "Lumen"), Message: "Carrier Lumen has no default carrier account; give CarrierAccountID"},
	domain.RulePackageSame:           {Field: "PackageChange.PackageID", Params: kv("TN", "3125550106", "Package", "VZW Unlimited"), Message: "Line 1151 already has package 1152"},
	domain.RulePackageOtherCarrier:   {Field: "PackageChange.PackageID", Params: kv("Package", "Lumen Business Line", "Carrier", "Lumen", "LineCarrier", "Verizon Wireless"), Message: "Package 1151 (Lumen Business Line) is on Lumen but line 1152 is on Verizon Wireless"},
	domain.RuleProductsNone:          {Field: "Change.Lines[0].Change.Products", Message: "Products must add, change or remove at least one product"},
	domain.RuleProductTwice:          {Field: "Lines[0].Change.Products", Params: kv("Product", "Hotspot"), Message: "Customer product 1151 is already in this order (change); it cannot change twice"},
	domain.RuleProductNotOnLine:      {Field: "Change.Lines[0].Change.Products.Remove[0].CustomerProductID", Params: kv("TN", "3125550104"), Message: "Customer product 1151 is not on line 1152"},
	domain.RuleProductChangeEmpty:    {Field: "Change.Lines[0].Change.Products.Change[0]", Params: kv("Product", "Hotspot", "TN", "3125550103"), Message: "Give a new Rate or Quantity for customer product 1151"},
	domain.RuleProductHeld:           {Field: "Change.Lines[0].Change.Products.Remove[0].CustomerProductID", Params: kv("Product", "Hotspot", "Type", domain.TypeChangeFeature, "PON", "82QS3M82XTS2H9FP", "Status", domain.OrderNew), Message: "Customer product 1151 is held by open CHANGE order 1152 (PON 82QS3M82XTS2H9FP, status NEW)"},
	domain.RuleProductGone:           {Field: "Status", Params: kv("Product", "Hotspot", "TN", "3125550103"), Message: "Order 1151 cannot complete: it removes customer product 1152 (Hotspot) of line 1153"},
	domain.RuleProductOtherCarrier:   {Field: "AdditionalProducts[0].ProductID", Params: kv("Product", "AT&T Hotspot", "Carrier", "AT&T Mobility", "ServiceCarrier", "Verizon Wireless"), Message: "Product 1151 (AT&T Hotspot) is provided by AT&T Mobility"},
	domain.RuleProductsOnType:        {Field: "Lines", Params: kv("Type", domain.TypeSuspend), Message: "Products cannot be changed on a SUSPEND order"},
	domain.RuleInventoryUnknown:      {Field: "ESN", Params: kv("Identifier", "990000000000099"), Message: "ESN 990000000000099 is not in inventory"},
	domain.RuleInventoryWrongType:    {Field: "WirelessICCID", Params: kv("Identifier", "990000000000011", "Type", domain.InventoryDevice, "Want", domain.InventorySIM), Message: "WirelessICCID 990000000000011 is a Mobile_Device, not a SIM_Card"},
	domain.RuleInventoryAssigned:     {Field: "ESN", Params: kv("Identifier", "990000000000023"), Message: "ESN 990000000000023 is ASSIGNED to another customer"},
	domain.RuleInventoryInUse:        {Field: "ESN", Params: kv("Identifier", "990000000000021", "TN", "3125550111"), Message: "ESN 990000000000021 is already in use on line 1151"},
	domain.RuleInventoryUnusable:     {Field: "WirelessICCID", Params: kv("Identifier", "89148000000000000022", "Status", domain.InventoryUnavailable), Message: "WirelessICCID 89148000000000000022 is UNAVAILABLE and cannot be used"},
	domain.RuleWirelessOnly:          {Field: "ESN", Params: kv("Carrier", "Lumen"), Message: "ESN is only for wireless services; package 1151 is on Lumen, a wireline carrier"},
	domain.RuleShippingNeeded:        {Field: "ShippingAddress", Params: kv("Shipped", "Overnight Shipping (in VZW Unlimited)"), Message: "ShippingAddress is required when something is shipped: package 1151 comes with a shipping charge (Overnight Shipping)"},
	domain.RuleProviderNotWireless:   {Field: "WirelessPort.ExternalProvider", Params: kv("Provider", "Lumen"), Message: "Supplied Provider must be a wireless provider: LUMEN (Lumen) is not"},
	domain.RuleProviderUnknown:       {Field: "WirelessPort.ExternalProvider", Params: kv("Provider", "XX"), Message: "ExternalProvider XX is not a known provider code"},
	domain.RuleProviderMismatch:      {Field: "WirelessPort.ExternalProvider", Params: kv("Provider", "AT&T Mobility", "Carrier", "Verizon Wireless"), Message: "ExternalProvider must be the package's provider: the carrier of package 1151"},
	domain.RuleMoveNotAllowed:        {Field: "Status", Params: kv("From", domain.OrderNew, "To", domain.OrderConfirmed, "Allowed", "SENT, COMPLETE, HOLD, PAYMENT_HOLD, LIFELINE_HOLD, CANCELED"), Message: "Cannot move an order from NEW to CONFIRMED; allowed: SENT, COMPLETE, HOLD, PAYMENT_HOLD, LIFELINE_HOLD, CANCELED"},
	domain.RuleAlreadyStatus:         {Field: "Status", Params: kv("Status", domain.OrderHold), Message: "The order is already HOLD"},
	domain.RuleFinalStatus:           {Field: "Status", Params: kv("Status", domain.OrderComplete), Message: "The order is COMPLETE, which is final"},
	domain.RuleFinalFieldsOnly:       {Field: "ProcessID", Params: kv("Status", domain.OrderCanceled), Message: "Order 1151 is CANCELED; only TrackingNumber, ShippingStatus and StatusNote can change"},
	domain.RuleNotFlowThrough:        {Field: "Status", Message: "Order 1151 is not flow-through: a person sends it"},
	domain.RuleSystemMove:            {Field: "Status", Params: kv("From", domain.OrderHold, "To", domain.OrderSent, "Allowed", ""), Message: "The system cannot move order 1151 from HOLD to SENT; it may move it to: none"},
	domain.RuleCancelReason:          {Field: "StatusNote", Message: "Give the reason for canceling: it becomes the order's status note"},
	domain.RuleNoteWithoutMove:       {Field: "StatusNote", Message: "StatusNote can only be set when updating the order status"},
	domain.RuleDateWithoutComplete:   {Field: "CompletionDate", Message: "CompletionDate can only be set when changing an order to COMPLETE"},
	domain.RuleCompleteTooEarly:      {Field: "CompletionDate", Params: kv("Date", "2020-01-01", "Created", "2026-11-30"), Message: "CompletionDate 2020-01-01 is before the order was created (2026-11-30)"},
	domain.RuleCompleteInFuture:      {Field: "CompletionDate", Params: kv("Date", "2027-01-01", "Today", "2026-12-01"), Message: "CompletionDate 2027-01-01 is in the future (it is now 2026-12-01)"},
	domain.RuleRouteFirst:            {Field: "Status", Message: "Choose a process route (ProcessRouteID) before sending order 1151"},
	domain.RuleRouteNoProcess:        {Field: "ProcessRouteID", Message: "Order 1151 has no process; set ProcessID before choosing a route"},
	domain.RuleRouteNotOfProcess:     {Field: "ProcessRouteID", Params: kv("Process", "Two routes"), Message: "Route 1151 is not a route of process 1152 (Two routes)"},
	domain.RuleLinesAfterSent:        {Field: "Lines", Params: kv("Status", domain.OrderSent), Message: "Lines can only be changed before the order is sent; order 1151 is SENT"},
	domain.RuleAwaitsRoute:           {Message: "Order 1151 awaits a supervisor's route decision: only a supervisor can change its process or send it"},
	domain.RuleRouteUndoWindow:       {Field: "Status", Message: "Order 1151's route choice can still be undone: it is sent when that time has passed"},
	domain.RuleUndoNoRoute:           {Message: "Order 1151 has no route chosen: it is waiting for a route decision"},
	domain.RuleUndoSent:              {Message: "Order 1151 has already been sent to the provider, so its route choice can no longer be undone"},
	domain.RuleUndoNotChosen:         {Message: "Order 1151's route was not chosen by a supervisor, so there is no choice to undo"},
	domain.RuleUndoTooLate:           {Params: kv("Ended", "10:15:00 UTC", "Window", "2 minutes"), Message: "The time to undo the route choice of order 1151 ended at 10:15:00 UTC (2 minutes after it was made)"},
	domain.RuleRoleMayNot:            {Params: kv("Role", string(domain.RoleSupport), "Action", "update orders"), Message: "Your role (support) may not update orders"},
	domain.RuleSupervisorOnly:        {Params: kv("Action", "cancel an order"), Message: "Only a supervisor can cancel an order"},
	domain.RuleNothingToChange:       {Message: "Nothing to update: give at least one field to change"},
	domain.RuleNotReplaceable:        {Field: "Status", Message: "Order 1151 is not an open reconnect order; it cannot be replaced"},
	domain.RuleResubmitNotAsked:      {Params: kv("Status", "Waiting on the carrier"), Message: "Reconnect port 1151 is waiting on the carrier; it can be resubmitted only after a correction"},
	domain.RuleAssociatedSame:        {Field: "PortNumber.FirstNumber", Message: "When porting an associated number the FirstNumber must be the same as the AssociatedNumber"},
	domain.RuleRangeDigits:           {Field: "PortNumber.LastNumber", Params: kv("Count", "10"), Message: "LastNumber must have as many digits as FirstNumber (10)"},
	domain.RuleRangeBackwards:        {Field: "PortNumber.LastNumber", Message: "LastNumber must not be lower than FirstNumber"},
	domain.RuleRangeCount:            {Field: "PortNumber.Quantity", Params: kv("Count", "5", "First", "3125550100", "Last", "3125550104"), Message: "Quantity must be 5, the count of numbers from 3125550100 to 3125550104"},
	domain.RuleRangePastEnd:          {Field: "PortNumber.Quantity", Params: kv("Count", "5", "First", "9999999998"), Message: "A range of 5 numbers from 9999999998 runs past 9999999999"},
	domain.RuleRangeBeforeZero:       {Field: "PortNumber.Quantity", Params: kv("Count", "5", "Last", "0000000002"), Message: "A range of 5 numbers cannot end at 0000000002"},
	domain.RuleServiceTotal:          {Field: "PortNumber.Quantity", Params: kv("Max", "10", "Total", "11"), Message: "Quantity for the whole service may not be more than 10, including this operation it will be 11"},
	domain.RuleRangeOverlap:          {Field: "Order.PortNumber", Message: "The number range submitted overlaps with another range on the same service."},
	domain.RuleQuoteOnly:             {Message: "Only quotes may be updated"},
	domain.RuleNoPortControl:         {Message: "OrderServiceID 1151 must contain a PortingNumber control"},
	domain.RulePortActionNotAllowed:  {Params: kv("Action", domain.PortActionCease), Message: "PortAction value is not valid in OrderServiceID 1151"},
	domain.RuleAssociatedOne:         {Message: "When porting an associated number the maximum quantity allowed is 1"},
	domain.RuleNameReserved:          {Field: "Name", Params: kv("Name", domain.SystemName), Message: "The name Switchboard is the history's name for Switchboard itself"},
	domain.RuleNameChars:             {Field: "Name", Message: "Name may hold only letters, digits, '.', '_' and '-'"},
	domain.RulePasswordShort:         {Field: "Password", Params: kv("Min", "12"), Message: "Password must be at least 12 characters"},
	domain.RulePasswordLong:          {Field: "Password", Params: kv("Max", "72"), Message: "Password must be at most 72 bytes"},
	domain.RulePasswordCommon:        {Field: "Password", Message: "This password is one of the most common ones and easily guessed; choose another"},
	domain.RulePasswordHasName:       {Field: "Password", Message: "Password must not be or contain the user name"},
	domain.RuleDesignPortAction:      {Field: "PortActions", Message: "A design with a PortingNumber control must allow Port, Cease or both"},
}

func kv(pairs ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return m
}

// codeWord is a word a rep should never read: a field's code name
// (CamelCase with a capital inside, "PINPassword", "CustomerProductID"),
// an upper-case code with an underscore or a status in capitals
// ("PAYMENT_HOLD", "SIM_Card", "ACTIVE"), or a bare number that is an id
// (the samples' ids are 115x).
var codeWord = regexp.MustCompile(`\b([A-Z][a-z]+[A-Z][A-Za-z]*|[A-Za-z]+_[A-Za-z_]+|ACTIVE|SUSPENDED|DISCONNECTED|INACTIVE|NEW|SENT|COMPLETE|CANCELED|HOLD|CONFIRMED|ASSIGNED|AVAILABLE|UNAVAILABLE|OUTGOING|INCOMING|115[0-9])\b`)

// TestEveryRuleInWords: the pages phrase every rule code in plain words:
// no field code name, no status code, no internal id, nothing left blank.
func TestEveryRuleInWords(t *testing.T) {
	for _, rule := range domain.Rules {
		t.Run(rule, func(t *testing.T) {
			f, ok := ruleSamples[rule]
			if !ok {
				t.Fatalf("no sample of rule %q: add one to ruleSamples", rule)
			}
			f.Rule = rule
			got, ok := components.RuleWords(f)
			if !ok {
				t.Fatalf("the pages have no words for rule %q (API message %q)", rule, f.Message)
			}
			t.Log(got)
			if got == f.Message {
				t.Errorf("the page repeats the API's message %q", got)
			}
			if m := codeWord.FindAllString(got, -1); len(m) > 0 {
				t.Errorf("%q shows codes or ids %q", got, m)
			}
			if !strings.HasSuffix(got, ".") || strings.Contains(got, "  ") || strings.Contains(got, " .") ||
				strings.Contains(got, "()") || strings.Contains(got, "this field") || strings.Contains(got, " ,") {
				t.Errorf("%q is not a finished sentence", got)
			}
			if first := []rune(got)[0]; got != strings.TrimSpace(got) || unicode.IsLower(first) {
				t.Errorf("%q does not start a sentence", got)
			}
		})
	}
	for rule := range ruleSamples {
		if !contains(domain.Rules, rule) {
			t.Errorf("sample of %q, which domain.Rules does not list", rule)
		}
	}
}

// TestRequiredFieldsByLabel: a missing value is asked for by the label its
// form shows.
func TestRequiredFieldsByLabel(t *testing.T) {
	for _, tc := range []struct{ field, want string }{
		{"WirelessPort.PINPassword", "Enter the port's PIN or password."},
		{"ShippingAddress.FirstName", "Enter the first name."},
		{"WirelessPort.Address.Zip", "Enter the ZIP code."},
		{"WirelessPort.AccountNumber", "Enter the account number at the old provider."},
		{"WirelessPort.MDN", "Enter the mobile number to port."},
		{"PackageID", "Choose a package."},
		{"Change.Lines[0].Change.Products.Remove[0].CustomerProductID", "Choose a product."},
		{"Inventory.Type", "Choose the kind of device."},
		{"Name", "Enter the name."},
	} {
		f := domain.FieldError{Field: tc.field, Rule: domain.RuleRequired, Message: "x is required"}
		if got := components.Say(f); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.field, got, tc.want)
		}
	}
}

// TestSayKeepsMessagesWithoutRule: a check without a rule keeps its
// message, and an error's own rule is phrased like a field's.
func TestSayKeepsMessagesWithoutRule(t *testing.T) {
	if got := components.Say(domain.FieldError{Field: "X", Message: "As it was."}); got != "As it was." {
		t.Errorf("Say without a rule: %q", got)
	}
	err := domain.ErrorRule(domain.EFORBIDDEN, domain.RuleSupervisorOnly, map[string]string{"Action": "cancel an order"}, "Only a supervisor can cancel an order")
	if got := components.SayError(err); got != "Only a supervisor can cancel an order." {
		t.Errorf("SayError: %q", got)
	}
	one := domain.FieldErrorRule("Status", domain.RuleAlreadyStatus, map[string]string{"Status": domain.OrderHold}, "The order is already HOLD")
	if got := components.SayError(one); got != "The order is already on hold." {
		t.Errorf("SayError of one field error: %q", got)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
