package components

import "strings"

// fieldWords is how the pages name a field in a sentence: noun with its
// article ("the first name", "a package"), and whether it is chosen (a
// list, a picker) rather than typed.
type fieldWords struct {
	noun   string
	choose bool
}

// ask is the request for a missing value: "Enter the first name.",
// "Choose a package."
func (w fieldWords) ask() string {
	if w.choose {
		return "Choose " + w.noun + "."
	}
	return "Enter " + w.noun + "."
}

// the is the noun with "the": "the package".
func (w fieldWords) the() string {
	if rest, ok := strings.CutPrefix(w.noun, "a "); ok {
		return "the " + rest
	}
	if rest, ok := strings.CutPrefix(w.noun, "an "); ok {
		return "the " + rest
	}
	return w.noun
}

// fieldNames are the fields' words by the last part of their path
// ("WirelessPort.PINPassword" → "PINPassword"), as the forms label them.
var fieldNames = map[string]fieldWords{
	"FirstName":           {"the first name", false},
	"LastName":            {"the last name", false},
	"Address1":            {"the first address line", false},
	"Address2":            {"the second address line", false},
	"City":                {"the city", false},
	"State":               {"the state", false},
	"Zip":                 {"the ZIP code", false},
	"Zip4":                {"the ZIP+4", false},
	"Country":             {"the country", false},
	"MDN":                 {"the mobile number to port", false},
	"AccountNumber":       {"the account number at the old provider", false},
	"AuthorizedSigner":    {"the authorized signer", false},
	"PINPassword":         {"the port's PIN or password", false},
	"Remark":              {"the remark for the port request", false},
	"Address":             {"the address of the number's account", false},
	"ExternalProvider":    {"the provider", true},
	"ShippingAddress":     {"a shipping address", false},
	"WirelessPort":        {"the port details", false},
	"CustomerID":          {"a customer", true},
	"PackageID":           {"a package", true},
	"LineID":              {"a line", true},
	"LineIDs":             {"a line", true},
	"Line":                {"a line", true},
	"Lines":               {"at least one line", true},
	"TN":                  {"the phone number", false},
	"ReconnectTN":         {"the number to reconnect", false},
	"ESN":                 {"the device", false},
	"WirelessESN":         {"the device", false},
	"WirelessICCID":       {"the SIM", false},
	"Description":         {"the description", false},
	"PBXMake":             {"the PBX make", false},
	"PBXModel":            {"the PBX model", false},
	"Rate":                {"the rate", false},
	"Quantity":            {"the quantity", false},
	"ProductID":           {"a product", true},
	"CustomerProductID":   {"a product", true},
	"Products":            {"a product change", false},
	"SuspendType":         {"a suspend type", true},
	"CarrierID":           {"a carrier", true},
	"CarrierAccountID":    {"a carrier account", true},
	"AltBTNID":            {"the Alt BTN line", true},
	"LineTypeID":          {"a service type", true},
	"BillingOption":       {"a billing option", true},
	"ProcessID":           {"a process", true},
	"ProcessRouteID":      {"a route", true},
	"TrackingNumber":      {"the tracking number", false},
	"ShippingStatus":      {"a shipping status", true},
	"StatusNote":          {"the note", false},
	"CompletionDate":      {"the completion date", false},
	"Status":              {"a status", true},
	"OrderType":           {"an order type", true},
	"InventoryItemStatus": {"what becomes of the device or SIM", true},
	"Name":                {"the name", false},
	"Password":            {"a password", false},
	"Role":                {"a role", true},
	"PON":                 {"the PON", false},
	"OrderID":             {"the order number", false},
	"Identifier":          {"the device or SIM", false},
	"Inventory":           {"a device or SIM", true},
	"Type":                {"the kind of device", true},
	"PortMDN":             {"the number to port in", false},
	"MaxPortQuantity":     {"the most port numbers per service", false},
	"PortActions":         {"the port actions", true},
	"PortAction":          {"port or cease", true},
	"FirstNumber":         {"the first number", false},
	"LastNumber":          {"the last number", false},
	"AssociatedNumber":    {"the associated number", false},
	"PortNumber":          {"the number range", false},
	"SSN":                 {"the SSN", false},
	"TaxID":               {"the tax ID", false},
	"Limit":               {"the page size", false},
	"Sort":                {"a sort order", true},
	"BillProfileID":       {"a bill profile", true},
	"AddressID":           {"an address", true},
	"AdditionalProducts":  {"the added products", false},
}

// fieldLabel finds a field's words from its path; a field the pages do
// not name reads "this field".
func fieldLabel(path string) fieldWords {
	name := path[strings.LastIndexByte(path, '.')+1:]
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i]
	}
	if w, ok := fieldNames[name]; ok {
		return w
	}
	return fieldWords{"this field", false}
}
