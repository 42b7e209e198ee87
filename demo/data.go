package demo

import (
	"slices"

	"switchboard/domain"
)

// The demo data set's fixed parts: reference data, customers and the word
// lists the loader draws from. Everything here is made up; tax ids and SSNs
// are generated in the 9xx range, which is never issued.

// demoBillProfiles are the bill profiles, by name.
var demoBillProfiles = []string{"Standard Monthly", "Enterprise Net 30", "Government", "Lifeline", "Paperless Monthly"}

// demoServiceTypes are the service types (LineTypeID): their names and
// whether they are for lines of wireless carriers.
var demoServiceTypes = []struct {
	Name     string
	Wireless bool
}{
	{"Wireless Voice", true}, {"Wireless Data", true}, {"Machine-to-Machine", true},
	{"POTS", false}, {"SIP Trunk", false}, {"PRI", false}, {"Dedicated Internet", false},
}

// demoProcesses are the provisioning processes and their routes (a
// description and what taking it means): one with a single route, one
// that needs a route decision, one plain.
var demoProcesses = []struct {
	Name   string
	Routes [][2]string
}{
	{"Standard activation", [][2]string{{"Flow-through to carrier", "The order goes to its carrier as soon as it is ready."}}},
	{"Port-in review", [][2]string{
		{"Auto-approve", "Approve the port as entered: the number, losing provider and account look right and need no further check."},
		{"Manual port review", "Approve after checking the port details by hand with the customer: number, losing provider, account and authorized signer."},
		{"Escalate to carrier", "The details may not match what the losing provider holds: the carrier's port team is asked to work the port."},
	}},
	{"Account maintenance", [][2]string{{"Direct to carrier", "The order goes to its carrier as soon as it is ready."}}},
}

type demoProduct struct {
	Key           string // how packages and groups refer to it
	Description   string
	Rate          string // dollars, up to 4 decimals; negative is a credit
	Provisionable bool
}

type demoPackage struct {
	Key         string
	Name        string
	ServiceType string   // a demoServiceTypes name
	Base        []string // product keys on every line of the package: its plan first, then what it includes
	Options     []string // product keys some lines carry (a group's others come with the first)
}

// demoOneTime are the one-time charges for a new service: a package's
// option with one of these keys is a ONE_TIME product of it (every new
// line gets it; a package change only when asked). The package's other
// options are OPTIONAL: added only when asked for.
var demoOneTime = map[string]bool{"activation": true, "install": true}

// demoShipping are the shipping charges (Product.Ships).
var demoShipping = map[string]bool{"shipping": true}

// role is what product key is to the package: the first Base product its
// PLAN, the other Base products INCLUDED, the Options ONE_TIME or OPTIONAL.
func (dp demoPackage) role(key string) string {
	switch {
	case len(dp.Base) > 0 && dp.Base[0] == key:
		return domain.RolePlan
	case slices.Contains(dp.Base, key):
		return domain.RoleIncluded
	case demoOneTime[key]:
		return domain.RoleOneTime
	}
	return domain.RoleOptional
}

type demoGroup struct {
	Name     string
	Products []string
}

type demoCarrier struct {
	Name     string
	Code     string
	Wireless bool
	Accounts []string // the first is the Default account
	Products []demoProduct
	Groups   []demoGroup
	Packages []demoPackage
}

// Wireless package kinds the loader picks between.
const (
	demoPkgUnlimited = "unlimited"
	demoPkgEssential = "essentials"
	demoPkgData      = "data"
	demoPkgPOTS      = "pots"
	demoPkgSIP       = "sip"
)

// demoCarriers are the providers with their accounts, products, product
// groups and packages. Package keys are shared across carriers so the
// loader can ask any wireless carrier for its "unlimited" package.
var demoCarriers = []demoCarrier{
	{
		Name: "Verizon Wireless", Code: "VZW", Wireless: true,
		Accounts: []string{"VZW Enterprise 442017359-00001", "VZW Government (NASPO) 442017359-00002"},
		Products: []demoProduct{
			{"plan_unlimited", "VZW Business Unlimited Plus", "45.00", true},
			{"plan_start", "VZW Business Unlimited Start", "30.00", true},
			{"plan_data", "VZW Data Device Plan 15GB", "20.00", true},
			{"voicemail", "VZW Visual Voicemail", "2.99", true},
			{"hotspot", "VZW Mobile Hotspot 30GB", "10.00", true},
			{"tethering", "VZW Tethering Charge", "5.00", false},
			{"international", "VZW TravelPass International", "10.00", true},
			{"protection", "VZW Total Mobile Protection", "17.00", false},
			{"activation", "VZW Activation Fee", "35.00", false},
			{"shipping", "VZW Overnight Shipping", "14.99", false},
			{"credit", "VZW Loyalty Credit", "-10.00", false},
		},
		Groups: []demoGroup{{"Hotspot", []string{"hotspot", "tethering"}}},
		Packages: []demoPackage{
			{demoPkgUnlimited, "VZW Business Unlimited Smartphone", "Wireless Voice",
				[]string{"plan_unlimited", "voicemail"}, []string{"hotspot", "tethering", "international", "protection", "activation", "shipping", "credit"}},
			{demoPkgEssential, "VZW Business Essentials Smartphone", "Wireless Voice",
				[]string{"plan_start", "voicemail"}, []string{"protection", "activation", "shipping"}},
			{demoPkgData, "VZW Tablet & Hotspot Data", "Wireless Data",
				[]string{"plan_data"}, []string{"hotspot", "tethering", "activation", "shipping"}},
		},
	},
	{
		Name: "AT&T Mobility", Code: "ATT", Wireless: true,
		Accounts: []string{"AT&T Business FAN 29384710", "AT&T FirstNet FAN 29384777"},
		Products: []demoProduct{
			{"plan_unlimited", "AT&T Business Unlimited Performance", "40.00", true},
			{"plan_start", "AT&T Business Unlimited Starter", "30.00", true},
			{"plan_data", "AT&T DataConnect 10GB", "25.00", true},
			{"voicemail", "AT&T Visual Voicemail", "2.50", true},
			{"hotspot", "AT&T Mobile Hotspot 40GB", "15.00", true},
			{"tethering", "AT&T Tethering Charge", "5.00", false},
			{"international", "AT&T International Day Pass", "12.00", true},
			{"protection", "AT&T Protect Advantage", "15.00", false},
			{"activation", "AT&T Activation Fee", "35.00", false},
			{"shipping", "AT&T Ground Shipping", "9.99", false},
		},
		Groups: []demoGroup{{"Hotspot", []string{"hotspot", "tethering"}}},
		Packages: []demoPackage{
			{demoPkgUnlimited, "AT&T Business Unlimited Performance", "Wireless Voice",
				[]string{"plan_unlimited", "voicemail"}, []string{"hotspot", "tethering", "international", "protection", "activation", "shipping"}},
			{demoPkgEssential, "AT&T Business Unlimited Starter", "Wireless Voice",
				[]string{"plan_start", "voicemail"}, []string{"protection", "activation", "shipping"}},
			{demoPkgData, "AT&T DataConnect Tablet", "Wireless Data",
				[]string{"plan_data"}, []string{"hotspot", "tethering", "activation", "shipping"}},
		},
	},
	{
		Name: "T-Mobile", Code: "TMO", Wireless: true,
		Accounts: []string{"T-Mobile for Business BAN 961203344"},
		Products: []demoProduct{
			{"plan_unlimited", "T-Mobile Business Unlimited Advanced", "50.00", true},
			{"plan_start", "T-Mobile Business Essentials", "35.00", true},
			{"plan_data", "T-Mobile Tablet Data 10GB", "20.00", true},
			{"voicemail", "T-Mobile Voicemail to Text", "4.00", true},
			{"hotspot", "T-Mobile Hotspot 50GB", "10.00", true},
			{"tethering", "T-Mobile Tethering Charge", "5.00", false},
			{"protection", "T-Mobile Protection<360>", "18.00", false},
			{"activation", "T-Mobile Activation Fee", "35.00", false},
			{"shipping", "T-Mobile Shipping", "9.99", false},
		},
		Groups: []demoGroup{{"Hotspot", []string{"hotspot", "tethering"}}},
		Packages: []demoPackage{
			{demoPkgUnlimited, "T-Mobile Business Unlimited Advanced", "Wireless Voice",
				[]string{"plan_unlimited", "voicemail"}, []string{"hotspot", "tethering", "protection", "activation", "shipping"}},
			{demoPkgEssential, "T-Mobile Business Essentials", "Wireless Voice",
				[]string{"plan_start", "voicemail"}, []string{"protection", "activation", "shipping"}},
			{demoPkgData, "T-Mobile Tablet Data", "Wireless Data",
				[]string{"plan_data"}, []string{"hotspot", "tethering", "activation", "shipping"}},
		},
	},
	{
		Name: "Lumen", Code: "LUMN", Wireless: false,
		Accounts: []string{"Lumen Enterprise 5-KX4R9T2", "Lumen Wholesale 5-KX4R9T7"},
		Products: []demoProduct{
			{"pots_line", "Lumen Business Line (POTS)", "42.50", true},
			{"caller_id", "Lumen Caller ID with Name", "7.95", true},
			{"hunting", "Lumen Hunting", "4.50", true},
			{"sip_session", "Lumen SIP Trunk Session", "18.00", true},
			{"did_block", "Lumen DID Block (20 numbers)", "5.00", true},
			{"e911", "Lumen E911 Service Fee", "1.25", false},
			{"long_distance", "Lumen Long Distance per Minute", "0.0350", false},
			{"install", "Lumen Installation Fee", "99.00", false},
			{"service_credit", "Lumen Service Level Credit", "-25.00", false},
		},
		Groups: []demoGroup{{"SIP Trunk", []string{"sip_session", "did_block"}}},
		Packages: []demoPackage{
			{demoPkgPOTS, "Lumen Business Voice", "POTS",
				[]string{"pots_line", "e911"}, []string{"caller_id", "hunting", "long_distance", "install"}},
			{demoPkgSIP, "Lumen SIP Trunking", "SIP Trunk",
				[]string{"sip_session", "did_block", "e911"}, []string{"long_distance", "install", "service_credit"}},
		},
	},
}

// demoCustomer is one customer of the demo: who, where, how billed and how
// many lines on which carrier. A person has an SSN, a business a TaxID.
type demoCustomer struct {
	Name     string
	Person   bool
	City     string // a demoCities key
	Profile  string // a demoBillProfiles name
	Status   string
	Carrier  string // code of the carrier most of its wireless lines are on
	Wireless int    // wireless lines
	Wireline int    // Lumen lines
}

// demoReservedCustomers is how many customers, from the first, are
// reserved: their lines are all on ACTIVE customers and no demo order,
// quote or reconnect port may touch them, so the portal always has ACTIVE
// Verizon Wireless lines with no open order to start new work on.
const demoReservedCustomers = 30

// demoCustomers in load order (the first demoReservedCustomers are reserved).
var demoCustomers = []demoCustomer{
	// Reserved: every customer ACTIVE, most lines on Verizon Wireless.
	{"Northwind Freight Lines", false, "Dallas", "Enterprise Net 30", domain.CustomerActive, "VZW", 24, 3},
	{"Summit Ridge Construction", false, "Denver", "Enterprise Net 30", domain.CustomerActive, "VZW", 12, 0},
	{"Bluebird Home Health", false, "Columbus", "Standard Monthly", domain.CustomerActive, "VZW", 10, 1},
	{"Harborview Property Management", false, "Seattle", "Standard Monthly", domain.CustomerActive, "ATT", 6, 2},
	{"Ironclad Security Services", false, "Phoenix", "Enterprise Net 30", domain.CustomerActive, "VZW", 10, 0},
	{"Meridian Staffing Partners", false, "Atlanta", "Paperless Monthly", domain.CustomerActive, "ATT", 5, 0},
	{"Cascade Dental Group", false, "Portland", "Standard Monthly", domain.CustomerActive, "VZW", 4, 2},
	{"Keystone Auto Group", false, "Pittsburgh", "Enterprise Net 30", domain.CustomerActive, "VZW", 8, 3},
	{"Coastal Courier Express", false, "Miami", "Standard Monthly", domain.CustomerActive, "TMO", 7, 0},
	{"Hilltop Transit Authority", false, "Charlotte", "Government", domain.CustomerActive, "VZW", 14, 2},
	{"Maria Gonzalez", true, "San Antonio", "Standard Monthly", domain.CustomerActive, "VZW", 3, 0},
	{"Redwood Family Medicine", false, "Sacramento", "Standard Monthly", domain.CustomerActive, "VZW", 4, 1},
	{"Liberty Towing & Recovery", false, "Newark", "Standard Monthly", domain.CustomerActive, "ATT", 5, 0},
	{"Oakridge Law Partners LLP", false, "Chicago", "Enterprise Net 30", domain.CustomerActive, "ATT", 5, 2},
	{"Evergreen Landscaping Co.", false, "Raleigh", "Standard Monthly", domain.CustomerActive, "VZW", 6, 0},
	{"James O'Brien", true, "Boston", "Paperless Monthly", domain.CustomerActive, "VZW", 2, 0},
	{"Pinnacle Engineering Inc.", false, "Houston", "Enterprise Net 30", domain.CustomerActive, "ATT", 8, 1},
	{"Riverbend Medical Supply", false, "Louisville", "Standard Monthly", domain.CustomerActive, "VZW", 5, 1},
	{"Marion County Public Works", false, "Indianapolis", "Government", domain.CustomerActive, "VZW", 10, 2},
	{"Priya Natarajan", true, "San Jose", "Paperless Monthly", domain.CustomerActive, "ATT", 2, 0},
	{"Tidewater Marine Services", false, "New Orleans", "Standard Monthly", domain.CustomerActive, "VZW", 4, 0},
	{"Copperline Electrical Contractors", false, "Kansas City", "Standard Monthly", domain.CustomerActive, "VZW", 6, 0},
	{"Westgate Insurance Agency", false, "Omaha", "Paperless Monthly", domain.CustomerActive, "ATT", 3, 1},
	{"Blue Ridge Hospice Care", false, "Richmond", "Standard Monthly", domain.CustomerActive, "VZW", 5, 1},
	{"Robert Chen", true, "Los Angeles", "Standard Monthly", domain.CustomerActive, "TMO", 2, 0},
	{"Lakeshore Title & Escrow", false, "Milwaukee", "Standard Monthly", domain.CustomerActive, "VZW", 3, 1},
	{"First Light Solar", false, "Albuquerque", "Standard Monthly", domain.CustomerActive, "VZW", 5, 0},
	{"Golden Gate Imports", false, "San Diego", "Standard Monthly", domain.CustomerActive, "ATT", 4, 0},
	{"Aisha Mohammed", true, "Minneapolis", "Lifeline", domain.CustomerActive, "VZW", 1, 0},
	{"Granite State Plumbing", false, "Manchester", "Standard Monthly", domain.CustomerActive, "VZW", 3, 0},

	// Free for demo orders, quotes and reconnect ports.
	{"Quarry Hill Brewing Company", false, "Grand Rapids", "Standard Monthly", domain.CustomerActive, "VZW", 9, 1},
	{"Valley Fresh Produce", false, "Tucson", "Standard Monthly", domain.CustomerActive, "VZW", 12, 0},
	{"Stonebridge Financial Advisors", false, "Nashville", "Paperless Monthly", domain.CustomerActive, "ATT", 6, 2},
	{"Anchor Point Fisheries", false, "Anchorage", "Standard Monthly", domain.CustomerActive, "VZW", 8, 0},
	{"Brightpath Learning Academy", false, "Orlando", "Standard Monthly", domain.CustomerActive, "VZW", 10, 1},
	{"Daniel Kowalski", true, "Cleveland", "Standard Monthly", domain.CustomerActive, "VZW", 3, 0},
	{"Driftwood Realty Group", false, "Tampa", "Paperless Monthly", domain.CustomerActive, "ATT", 9, 0},
	{"Elm Street Pediatrics", false, "Baltimore", "Standard Monthly", domain.CustomerActive, "VZW", 6, 2},
	{"Fairview Senior Living", false, "Des Moines", "Enterprise Net 30", domain.CustomerActive, "VZW", 14, 2},
	{"Emily Nguyen", true, "Houston", "Paperless Monthly", domain.CustomerActive, "ATT", 4, 0},
	{"Foxhollow Veterinary Clinic", false, "Burlington", "Standard Monthly", domain.CustomerActive, "VZW", 4, 1},
	{"Lakeside School District", false, "Spokane", "Government", domain.CustomerActive, "VZW", 18, 2},
	{"Magnolia Event Rentals", false, "Birmingham", "Standard Monthly", domain.CustomerActive, "ATT", 7, 0},
	{"Michael Johnson", true, "Memphis", "Standard Monthly", domain.CustomerActive, "ATT", 2, 0},
	{"Midtown Physical Therapy", false, "Salt Lake City", "Standard Monthly", domain.CustomerActive, "VZW", 5, 1},
	{"Sofía Ramírez", true, "Las Vegas", "Lifeline", domain.CustomerActive, "TMO", 2, 0},
	{"Sagebrush Ranch Outfitters", false, "Boise", "Standard Monthly", domain.CustomerActive, "VZW", 5, 0},
	{"Highland Roofing & Siding", false, "Oklahoma City", "Standard Monthly", domain.CustomerActive, "ATT", 8, 0},
	{"José Hernández", true, "Phoenix", "Lifeline", domain.CustomerActive, "VZW", 1, 0},
	{"Silver Lining Catering", false, "Providence", "Standard Monthly", domain.CustomerActive, "VZW", 6, 0},
	{"Grace Kim", true, "Honolulu", "Paperless Monthly", domain.CustomerActive, "ATT", 3, 0},
	{"Pioneer Valley Farms", false, "Little Rock", "Standard Monthly", domain.CustomerActive, "VZW", 7, 0},
	{"Union Street Bakery", false, "Portland ME", "Standard Monthly", domain.CustomerActive, "TMO", 4, 1},
	{"Kevin Murphy", true, "Philadelphia", "Standard Monthly", domain.CustomerActive, "VZW", 4, 0},
	{"Atlas Moving & Storage", false, "St. Louis", "Enterprise Net 30", domain.CustomerActive, "VZW", 16, 2},
	{"Nathaniel Brooks", true, "Jacksonville", "Standard Monthly", domain.CustomerActive, "VZW", 3, 0},
	{"Crescent City Plumbing Supply", false, "New Orleans", "Standard Monthly", domain.CustomerPending, "ATT", 6, 1},
	{"Linda Okafor", true, "Washington", "Paperless Monthly", domain.CustomerPending, "VZW", 2, 0},
	{"Yellowstone Outfitters", false, "Billings", "Standard Monthly", domain.CustomerInactive, "VZW", 4, 0},
	{"Fatima Hassan", true, "Detroit", "Lifeline", domain.CustomerInactive, "ATT", 1, 0},
}

type demoCity struct {
	City, State, Zip string
	NPAs             []string // area codes
}

// demoCities are real US cities with a real zip code and area codes.
var demoCities = map[string]demoCity{
	"Albuquerque":    {"Albuquerque", "NM", "87102", []string{"505"}},
	"Anchorage":      {"Anchorage", "AK", "99501", []string{"907"}},
	"Atlanta":        {"Atlanta", "GA", "30303", []string{"404", "678"}},
	"Baltimore":      {"Baltimore", "MD", "21202", []string{"410", "443"}},
	"Billings":       {"Billings", "MT", "59101", []string{"406"}},
	"Birmingham":     {"Birmingham", "AL", "35203", []string{"205"}},
	"Boise":          {"Boise", "ID", "83702", []string{"208"}},
	"Boston":         {"Boston", "MA", "02108", []string{"617", "857"}},
	"Burlington":     {"Burlington", "VT", "05401", []string{"802"}},
	"Charlotte":      {"Charlotte", "NC", "28202", []string{"704", "980"}},
	"Chicago":        {"Chicago", "IL", "60601", []string{"312", "773"}},
	"Cleveland":      {"Cleveland", "OH", "44114", []string{"216"}},
	"Columbus":       {"Columbus", "OH", "43215", []string{"614"}},
	"Dallas":         {"Dallas", "TX", "75201", []string{"214", "469", "972"}},
	"Denver":         {"Denver", "CO", "80202", []string{"303", "720"}},
	"Des Moines":     {"Des Moines", "IA", "50309", []string{"515"}},
	"Detroit":        {"Detroit", "MI", "48226", []string{"313"}},
	"Grand Rapids":   {"Grand Rapids", "MI", "49503", []string{"616"}},
	"Honolulu":       {"Honolulu", "HI", "96813", []string{"808"}},
	"Houston":        {"Houston", "TX", "77002", []string{"713", "832"}},
	"Indianapolis":   {"Indianapolis", "IN", "46204", []string{"317"}},
	"Jacksonville":   {"Jacksonville", "FL", "32202", []string{"904"}},
	"Kansas City":    {"Kansas City", "MO", "64105", []string{"816"}},
	"Las Vegas":      {"Las Vegas", "NV", "89101", []string{"702"}},
	"Little Rock":    {"Little Rock", "AR", "72201", []string{"501"}},
	"Los Angeles":    {"Los Angeles", "CA", "90012", []string{"213", "323"}},
	"Louisville":     {"Louisville", "KY", "40202", []string{"502"}},
	"Manchester":     {"Manchester", "NH", "03101", []string{"603"}},
	"Memphis":        {"Memphis", "TN", "38103", []string{"901"}},
	"Miami":          {"Miami", "FL", "33130", []string{"305", "786"}},
	"Milwaukee":      {"Milwaukee", "WI", "53202", []string{"414"}},
	"Minneapolis":    {"Minneapolis", "MN", "55401", []string{"612"}},
	"Nashville":      {"Nashville", "TN", "37203", []string{"615"}},
	"New Orleans":    {"New Orleans", "LA", "70112", []string{"504"}},
	"Newark":         {"Newark", "NJ", "07102", []string{"973"}},
	"Oklahoma City":  {"Oklahoma City", "OK", "73102", []string{"405"}},
	"Omaha":          {"Omaha", "NE", "68102", []string{"402"}},
	"Orlando":        {"Orlando", "FL", "32801", []string{"407"}},
	"Philadelphia":   {"Philadelphia", "PA", "19103", []string{"215", "267"}},
	"Phoenix":        {"Phoenix", "AZ", "85004", []string{"602", "480"}},
	"Pittsburgh":     {"Pittsburgh", "PA", "15222", []string{"412"}},
	"Portland":       {"Portland", "OR", "97204", []string{"503", "971"}},
	"Portland ME":    {"Portland", "ME", "04101", []string{"207"}},
	"Providence":     {"Providence", "RI", "02903", []string{"401"}},
	"Raleigh":        {"Raleigh", "NC", "27601", []string{"919"}},
	"Richmond":       {"Richmond", "VA", "23219", []string{"804"}},
	"Sacramento":     {"Sacramento", "CA", "95814", []string{"916"}},
	"Salt Lake City": {"Salt Lake City", "UT", "84111", []string{"801"}},
	"San Antonio":    {"San Antonio", "TX", "78205", []string{"210"}},
	"San Diego":      {"San Diego", "CA", "92101", []string{"619", "858"}},
	"San Jose":       {"San Jose", "CA", "95113", []string{"408", "669"}},
	"Seattle":        {"Seattle", "WA", "98101", []string{"206"}},
	"Spokane":        {"Spokane", "WA", "99201", []string{"509"}},
	"St. Louis":      {"St. Louis", "MO", "63101", []string{"314"}},
	"Tampa":          {"Tampa", "FL", "33602", []string{"813"}},
	"Tucson":         {"Tucson", "AZ", "85701", []string{"520"}},
	"Washington":     {"Washington", "DC", "20001", []string{"202"}},
}

var demoStreets = []string{
	"Main St", "Market St", "Commerce Dr", "Industrial Pkwy", "Oak Ave", "Maple Ave", "Elm St",
	"Washington Blvd", "Lakeview Dr", "Park Ave", "Broadway", "1st Ave", "Riverside Dr", "Center St",
	"Highland Ave", "Technology Way", "Corporate Blvd", "Pine St", "Cedar Ln", "Jefferson St",
	"Lincoln Ave", "Airport Rd", "Harbor Blvd", "Franklin St", "Union Ave", "Mill Rd",
}

var demoSuites = []string{"Suite 100", "Suite 200", "Suite 310", "Suite 1450", "Floor 3", "Unit 4B", "Bldg C", "Dock 2"}

var demoFirstNames = []string{
	"Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan", "Sophia", "Mason", "Isabella", "Lucas",
	"Mia", "Logan", "Charlotte", "Elijah", "Amelia", "Aiden", "Harper", "Carlos", "Evelyn", "Jamal",
	"Abigail", "Raj", "Chloe", "Wei", "Grace", "Diego", "Hannah", "Tyrone", "Nora", "Sean",
}

var demoLastNames = []string{
	"Smith", "Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Lee",
	"Walker", "Hall", "Allen", "Young", "Patel", "Nguyen", "Kim", "Ortiz", "Murphy", "Rivera",
	"Cooper", "Reed", "Bailey", "Bell", "Gomez", "Kelly", "Howard", "Ward", "Cox", "Flores",
}

// Line descriptions: a business's phones by who carries them, its data
// devices by what they do; a household's by whose they are.
var (
	demoRoles = []string{
		"CEO", "CFO", "COO", "Controller", "Sales manager", "Dispatch", "Site supervisor", "Estimator",
		"Office manager", "Reception", "On-call", "Project manager", "HR director", "IT help desk",
		"Warehouse lead", "Account executive", "Operations manager", "Safety officer",
	}
	demoNumberedRoles = []string{"Field tech", "Driver", "Crew lead", "Service van", "Technician", "Route rep"}
	demoPhones        = []string{"iPhone", "iPhone 15", "iPhone 14", "Galaxy S24", "Pixel 8", "Galaxy XCover6 Pro", "iPhone SE"}
	demoDataDevices   = []string{
		"Fleet truck %d hotspot", "Conference room iPad", "Jetpack — job site %d", "Telematics gateway %d",
		"Inspection tablet %d", "POS backup modem", "Security camera LTE %d", "Mobile office hotspot",
	}
	demoHousehold = []string{"Personal iPhone", "Spouse's phone", "Kid's phone", "Family iPad", "Work phone", "Mom's Galaxy"}
	demoPOTS      = []string{"Main line", "Fax line", "Alarm line", "Elevator emergency line", "Fire alarm panel", "Front desk"}
	demoPBXs      = [][2]string{{"Avaya", "IP Office 500 V2"}, {"Cisco", "CUCM 14"}, {"Mitel", "MiVoice Business 3300"}, {"3CX", "Phone System v20"}, {"Panasonic", "KX-NS700"}}
)

// demoDeviceModels are the handsets in stock, each with the type
// allocation code (the first 8 digits of an IMEI) its IMEIs start with.
var demoDeviceModels = []struct{ TAC, Model string }{
	{"35391110", "Apple iPhone 15 128 GB"}, {"35407115", "Apple iPhone 14 128 GB"}, {"35328015", "Samsung Galaxy S24 128 GB"},
	{"35925406", "Google Pixel 8 128 GB"}, {"35850311", "Samsung Galaxy XCover6 Pro"}, {"35676211", "Apple iPhone SE (3rd gen) 64 GB"},
	{"35209900", "Sonim XP10 rugged phone"}, {"35467912", "Inseego MiFi X PRO 5G hotspot"},
}

// demoSIMs are each wireless carrier's SIM: the ICCID prefix of its SIMs
// (89 telecom, 1 US, then the issuer) and what the card is.
var demoSIMs = map[string]struct{ Prefix, Model string }{
	"VZW": {"891480", "Verizon 4G LTE/5G SIM (3-in-1)"},
	"ATT": {"891410", "AT&T 5G nano SIM"},
	"TMO": {"891426", "T-Mobile 5G SIM (triple cut)"},
}

// demoInventory says how much unassigned inventory there is.
var demoInventory = struct {
	AvailableSIMs, AvailableDevices, UnavailableSIMs, UnavailableDevices int
}{260, 240, 8, 12}
