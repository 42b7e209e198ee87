package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
	"switchboard/web/webtest"
)

// The seed (001) checked rule by rule through the JSON API, as an
// integrator would: each Required, Optional, Prohibited and conditional
// input, each default and side effect, and the odd inputs a client sends
// (numbers as strings, floats for integers, nulls, empty lists, wrapped
// lists, lower-case enum values, TNs with punctuation).

// seedWorld adds to orderWorld what the seed's conditional rules need: a
// wireline carrier with a package, account and line; a second, non-default
// Verizon account; a product group; a customer whose whole account can be
// disconnected; inventory in each state.
type seedWorld struct {
	*orderWorld
	initech       *domain.Customer
	inactive      *domain.Customer
	wirePkg       int64 // Lumen package
	wireAcct      int64 // Lumen default account
	wireLine      int64 // a Lumen line of globex
	vzwSecond     int64 // a second, non-default Verizon account
	hotspotCap    int64 // in a product group with Hotspot
	globexLine    int64 // a Verizon line of globex
	goneLine      int64 // a DISCONNECTED line of acme
	initechLines  []int64
	deviceOnLine  string // ASSIGNED to acme's 3125550111
	unavailable   string // an UNAVAILABLE SIM
	globexDevice  string // ASSIGNED to globex, on no line
	spareDevice   string
	spareSIM      string
	initechDevice string // on initech's first line
}

func seedSeedWorld(tb testing.TB, app *webtest.App) *seedWorld {
	tb.Helper()
	w := &seedWorld{orderWorld: seedOrderWorld(tb, app)}
	r := w.ref
	w.initech = fxCustomer(tb, app, r, "Initech", "Skokie", "111223333")
	w.inactive = fxCustomer(tb, app, r, "Hooli", "Joliet", "222334444")
	if _, err := app.DB.W.Exec(app.DB.W.Rebind(`UPDATE customers SET status = ? WHERE id = ?`), domain.CustomerInactive, w.inactive.ID); err != nil {
		tb.Fatal(err)
	}
	w.wirePkg = fxInsert(tb, app, `INSERT INTO packages (name, carrier_id) VALUES (?, ?)`, "Lumen Business Line", r.Wireline)
	w.wireAcct = fxInsert(tb, app, `INSERT INTO carrier_accounts (carrier_id, name, is_default) VALUES (?, ?, ?)`, r.Wireline, "Lumen 9", true)
	w.vzwSecond = fxInsert(tb, app, `INSERT INTO carrier_accounts (carrier_id, name, is_default) VALUES (?, ?, ?)`, r.VZW, "VZW Field Ops", false)
	w.hotspotCap = fxInsert(tb, app, `INSERT INTO products (description, rate, provisionable, carrier_id) VALUES (?, ?, ?, ?)`, "Hotspot Cap", domain.Money(20000), false, nil)
	g := fxInsert(tb, app, `INSERT INTO product_groups (name) VALUES (?)`, "Hotspot bundle")
	for _, p := range []int64{r.Hotspot, w.hotspotCap} {
		if _, err := app.DB.W.Exec(app.DB.W.Rebind(`INSERT INTO product_group_items (group_id, product_id) VALUES (?, ?)`), g, p); err != nil {
			tb.Fatal(err)
		}
	}
	w.wireLine = fxInsert(tb, app, `INSERT INTO lines (customer_id, tn, package_id, carrier_id, carrier_account_id, description, status, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)`, w.globex.ID, "8475550100", w.wirePkg, r.Wireline, w.wireAcct, "Front desk", domain.LineActive)
	w.globexLine = fxLine(tb, app, r, w.globex.ID, "8475550101", "Globex cell", domain.LineActive)
	w.goneLine = fxLine(tb, app, r, w.acme.ID, "3125550190", "Old cell", domain.LineDisconnected)
	w.initechLines = []int64{
		fxLine(tb, app, r, w.initech.ID, "2245550101", "Initech 1", domain.LineActive),
		fxLine(tb, app, r, w.initech.ID, "2245550102", "Initech 2", domain.LineSuspended),
		fxLine(tb, app, r, w.initech.ID, "2245550103", "Initech gone", domain.LineDisconnected),
	}
	w.deviceOnLine, w.unavailable, w.globexDevice = "990000000000021", "89148000000000000022", "990000000000023"
	w.spareDevice, w.spareSIM, w.initechDevice = "990000000000024", "89148000000000000025", "990000000000026"
	fxInventory(tb, app, w.deviceOnLine, domain.InventoryDevice, w.acme.ID, w.line["3125550111"])
	fxInventory(tb, app, w.unavailable, domain.InventorySIM, 0, 0)
	if _, err := app.DB.W.Exec(app.DB.W.Rebind(`UPDATE inventory SET status = ? WHERE identifier = ?`), domain.InventoryUnavailable, w.unavailable); err != nil {
		tb.Fatal(err)
	}
	fxInventory(tb, app, w.globexDevice, domain.InventoryDevice, w.globex.ID, 0)
	fxInventory(tb, app, w.spareDevice, domain.InventoryDevice, 0, 0)
	fxInventory(tb, app, w.spareSIM, domain.InventorySIM, 0, 0)
	fxInventory(tb, app, w.initechDevice, domain.InventoryDevice, w.initech.ID, w.initechLines[0])
	return w
}

// inventory answers the inventory item identifier through the API.
func (w *seedWorld) inventory(tb testing.TB, ident string) map[string]any {
	tb.Helper()
	m := apiJSON(tb, w.app.API(domain.RoleSupport, http.MethodGet, "/api/inventory?Identifier="+url.QueryEscape(ident), ""), http.StatusOK)
	items := list(tb, m["Inventory"])
	if len(items) != 1 {
		tb.Fatalf("inventory %s: %v", ident, items)
	}
	return obj(tb, items[0])
}

// apiLine answers line id through the API.
func (w *seedWorld) apiLine(tb testing.TB, id int64) map[string]any {
	tb.Helper()
	m := apiJSON(tb, w.app.API(domain.RoleSupport, http.MethodGet, "/api/lines?LineID="+strconv.FormatInt(id, 10), ""), http.StatusOK)
	items := list(tb, m["Lines"])
	if len(items) != 1 {
		tb.Fatalf("line %d: %v", id, items)
	}
	return obj(tb, items[0])
}

// counts is what a refused request must leave as it was.
func (w *seedWorld) counts(tb testing.TB) [5]int {
	tb.Helper()
	return [5]int{fxCount(tb, w.app, "orders", ""), fxCount(tb, w.app, "lines", ""), fxCount(tb, w.app, "audit_events", ""),
		fxCount(tb, w.app, "inventory", "status = ?", domain.InventoryAvailable), fxCount(tb, w.app, "order_items", "")}
}

// refusal is one request that a rule of the seed refuses.
type refusal struct {
	name, method, path, body string
	status                   int
	fields                   []string // each must have its own entry
	msg                      string   // when set, the first field's message must hold it
}

// checkRefusals sends each request and checks its status and field
// entries, and that none of them wrote anything.
func (w *seedWorld) checkRefusals(t *testing.T, role domain.Role, cases []refusal) {
	t.Helper()
	before := w.counts(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := w.app.API(role, tc.method, tc.path, tc.body)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", res.StatusCode, tc.status, res.Text)
			}
			fields := apiErrorFields(t, res, tc.status)
			got := errorEntries(t, res, tc.status)
			seen := map[string]int{}
			for _, f := range fields {
				seen[f]++
			}
			for _, f := range tc.fields {
				if seen[f] == 0 {
					t.Errorf("no error for %q in %v", f, got)
				}
			}
			if tc.msg != "" && len(tc.fields) > 0 && !strings.Contains(got[tc.fields[0]], tc.msg) {
				t.Errorf("%s: message %q, want it to say %q", tc.fields[0], got[tc.fields[0]], tc.msg)
			}
		})
	}
	if after := w.counts(t); after != before {
		t.Errorf("refused requests wrote: orders, lines, audit events, AVAILABLE inventory, items %v → %v", before, after)
	}
}

// shipAddr is a ShippingAddress for an order that sends a device or SIM.
const shipAddr = `{"FirstName":"Pat","LastName":"Lee","Address1":"9 Elm St","City":"Evanston","State":"IL","Zip":"60201"}`

func post(path, body string, status int, fields ...string) refusal {
	return refusal{method: http.MethodPost, path: path, body: body, status: status, fields: fields}
}

func TestAPISeedNewOrdersCreate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedSeedWorld(t, webtest.Open(t, d))
		app, r := w.app, w.ref
		addr := `{"FirstName":"Pat","LastName":"Lee","Address1":"9 Elm St","City":"Evanston","State":"IL","Zip":"60201"}`
		port := func(extra string) string {
			return fmt.Sprintf(`"WirelessPort":{"MDN":"7735550142","AccountNumber":"4471","AuthorizedSigner":"Pat Lee","PINPassword":"8642","Address":%s%s}`, addr, extra)
		}
		nb := w.newOrderBody
		wire := func(extra string) string {
			return fmt.Sprintf(`{"CustomerID":%d,"PackageID":%d,%s}`, w.acme.ID, w.wirePkg, extra)
		}

		t.Run("Refused", func(t *testing.T) {
			const p = "/api/new-orders"
			cases := []refusal{
				post(p, fmt.Sprintf(`{"PackageID":%d}`, r.VZWPackage), 400, "CustomerID"),
				post(p, fmt.Sprintf(`{"CustomerID":%d}`, w.acme.ID), 400, "PackageID"),
				post(p, `{}`, 400, "CustomerID", "PackageID"),
				post(p, fmt.Sprintf(`{"CustomerID":-1,"PackageID":%d}`, r.VZWPackage), 400, "CustomerID"),
				post(p, fmt.Sprintf(`{"CustomerID":%d,"PackageID":%d}`, w.inactive.ID, r.VZWPackage), 400, "CustomerID"),
				post(p, fmt.Sprintf(`{"CustomerID":9223372036854775807,"PackageID":%d}`, r.VZWPackage), 400, "CustomerID"),
				{method: "POST", path: p, body: fmt.Sprintf(`{"CustomerID":"%d","PackageID":%d}`, w.acme.ID, r.VZWPackage), status: 400,
					fields: []string{"CustomerID"}, msg: "without quotes"},
				post(p, fmt.Sprintf(`{"CustomerID":%d.5,"PackageID":%d}`, w.acme.ID, r.VZWPackage), 400, "CustomerID"),
				post(p, fmt.Sprintf(`{"CustomerID":%d,"PackageID":999999}`, w.acme.ID), 400, "PackageID"),
				post(p, fmt.Sprintf(`{"CustomerID":%d,"PackageID":-7}`, w.acme.ID), 400, "PackageID"),
				post(p, nb(`"ESN":"000"`), 400, "ESN"),
				post(p, nb(fmt.Sprintf(`"ESN":%q`, w.spareSIM)), 400, "ESN"),
				post(p, nb(fmt.Sprintf(`"WirelessICCID":%q`, w.spareDevice)), 400, "WirelessICCID"),
				post(p, nb(fmt.Sprintf(`"ESN":%q`, w.globexDevice)), 400, "ESN"),
				post(p, nb(fmt.Sprintf(`"ESN":%q`, w.deviceOnLine)), 409, "ESN"),
				post(p, nb(fmt.Sprintf(`"WirelessICCID":%q`, w.unavailable)), 400, "WirelessICCID"),
				post(p, wire(fmt.Sprintf(`"ESN":%q,"WirelessICCID":%q`, w.spareDevice, w.spareSIM)), 400, "ESN", "WirelessICCID"),
				post(p, wire(port("")), 400, "WirelessPort"),
				post(p, nb(`"WirelessPort":{"Address":{}}`), 400, "WirelessPort.MDN", "WirelessPort.AccountNumber", "WirelessPort.AuthorizedSigner",
					"WirelessPort.PINPassword", "WirelessPort.Address.FirstName", "WirelessPort.Address.LastName", "WirelessPort.Address.Address1",
					"WirelessPort.Address.City", "WirelessPort.Address.State", "WirelessPort.Address.Zip"),
				post(p, nb(`"WirelessPort":{"MDN":"773555014","AccountNumber":"1","AuthorizedSigner":"P","PINPassword":"1",
					"Address":{"ID":3,"FirstName":"P","LastName":"L","Address1":"1 A","City":"C","State":"I1","Zip":"6020A","Zip4":"123","Country":"US"}}`),
					400, "WirelessPort.MDN", "WirelessPort.Address.ID", "WirelessPort.Address.State", "WirelessPort.Address.Zip",
					"WirelessPort.Address.Zip4", "WirelessPort.Address.Country"),
				post(p, nb(port(`,"ExternalProvider":"LUMN"`)), 400, "WirelessPort.ExternalProvider"),
				post(p, nb(port(`,"ExternalProvider":"NOPE"`)), 400, "WirelessPort.ExternalProvider"),
				{method: "POST", path: p, body: nb(port(`,"ExternalProvider":"ATT"`)), status: 400, fields: []string{"WirelessPort.ExternalProvider"},
					msg: "ExternalProvider must be the package's provider"},
				{method: "POST", path: p, body: nb(fmt.Sprintf(`"ESN":%q,"ShippingAddress":null`, w.spareDevice)), status: 400, fields: []string{"ShippingAddress"},
					msg: "ShippingAddress is required when something is shipped: ESN " + w.spareDevice + " is taken from inventory"},
				post(p, nb(fmt.Sprintf(`"WirelessICCID":%q`, w.spareSIM)), 400, "ShippingAddress"),
				post(p, nb(`"ShippingAddress":{"FirstName":"P","LastName":"L","Address1":"1 A","City":"C","State":"IL","Zip":"99999"}`), 400, "ShippingAddress.Zip"),
				post(p, nb(`"ShippingAddress":{"FirstName":"P","LastName":"L","Address1":"1 A","City":"C","State":"IL","Zip":"00001"}`), 400, "ShippingAddress.Zip"),
				{method: "POST", path: p, body: nb(`"ShippingAddress":{"FirstName":"P","LastName":"L","Address1":"1 A","City":"C","State":"IL","Zip":"78701"}`), status: 400,
					fields: []string{"ShippingAddress.Zip"}, msg: "Zip 78701 is in TX, not in IL"},
				{method: "POST", path: p, body: nb(`"ShippingAddress":{"FirstName":"P","LastName":"L","Address1":"1 A","City":"C","State":"IL","Zip":"60201","Country":"XYZ"}`), status: 400,
					fields: []string{"ShippingAddress.Country"}, msg: "ISO 3166-1 alpha-3"},
				post(p, nb(`"WirelessPort":{"MDN":"7735550142","AccountNumber":"1","AuthorizedSigner":"P","PINPassword":"1","Address":{"FirstName":"P","LastName":"L","Address1":"1 A","City":"C","State":"IL","Zip":"99999"}}`), 400, "WirelessPort.Address.Zip"),
				post(p, nb(`"WirelessPort":{"MDN":"3125550101","AccountNumber":"1","AuthorizedSigner":"P","PINPassword":"1","Address":`+addr+`}`), 409, "WirelessPort.MDN"),
				post(p, nb(`"ShippingAddress":{}`), 400, "ShippingAddress.FirstName", "ShippingAddress.LastName", "ShippingAddress.Address1",
					"ShippingAddress.City", "ShippingAddress.State", "ShippingAddress.Zip"),
				post(p, nb(`"ShippingAddress":{"FirstName":"P","LastName":"L","Address1":"1 A","City":"C","State":"IL","Zip":"00000"}`), 400, "ShippingAddress.Zip"),
				post(p, nb(`"AdditionalProducts":[{"Quantity":2}]`), 400, "AdditionalProducts[0].ProductID"),
				post(p, nb(fmt.Sprintf(`"AdditionalProducts":{"Product":{"ProductID":%d,"Quantity":0}}`, r.Hotspot)), 400, "AdditionalProducts[0].Quantity"),
				post(p, nb(fmt.Sprintf(`"AdditionalProducts":{"Product":[{"ProductID":%d},{"ProductID":%d,"Quantity":-3}]}`, r.Hotspot, r.Hotspot)), 400, "AdditionalProducts[1].Quantity"),
				post(p, nb(fmt.Sprintf(`"AdditionalProducts":[{"ProductID":%d,"Quantity":1.5}]`, r.Hotspot)), 400, "AdditionalProducts[0].Quantity"),
				post(p, nb(fmt.Sprintf(`"AdditionalProducts":[{"ProductID":%d,"Rate":"ten"}]`, r.Hotspot)), 400, "AdditionalProducts[0].Rate"),
				post(p, nb(`"AdditionalProducts":[{"ProductID":999999}]`), 400, "AdditionalProducts[0].ProductID"),
				post(p, wire(fmt.Sprintf(`"AdditionalProducts":[{"ProductID":%d}]`, r.Unlimited)), 400, "AdditionalProducts[0].ProductID"),
				post(p, nb(`"AdditionalProducts":[null]`), 400, "AdditionalProducts[0]"),
				post(p, nb(`"LineTypeID":999999`), 400, "LineTypeID"),
				post(p, nb(`"ProcessID":999999`), 400, "ProcessID"),
				post(p, nb(`"ProcessID":-2`), 400, "ProcessID"),
				post(p, nb(`"ReconnectTN":"31255501"`), 400, "ReconnectTN"),
				post(p, nb(`"ReconnectTN":"312-555-0101"`), 409, "ReconnectTN"),
				post(p, nb(`"ReconnectTN":"0000000000"`), 400, "ReconnectTN"),
				post(p, nb(`"WirelessPort":{"MDN":"000-000-0000","AccountNumber":"1","AuthorizedSigner":"P","PINPassword":"1","Address":`+addr+`}`), 400, "WirelessPort.MDN"),
				post(p, nb(`"ReconnectTN":"3125550177",`+port("")), 400, "WirelessPort"),
				post(p, nb(`"Description":"`+strings.Repeat("d", 256)+`"`), 400, "Description"),
				post(p, nb(`"SendOrders":"true"`), 400, "SendOrders"),
				post(p, nb(`"Esn":"x"`), 400, "Esn"),
				post(p, fmt.Sprintf(`{"CustomerID":%d,"CustomerID":%d,"PackageID":%d}`, w.acme.ID, w.globex.ID, r.VZWPackage), 400, "CustomerID"),
				post(p, nb(fmt.Sprintf(`"AdditionalProducts":[{"ProductID":%d,"Quantity":1,"Quantity":2}]`, r.Hotspot)), 400, "AdditionalProducts[0].Quantity"),
				post(p, nb(`"AdditionalProducts":"x"`), 400, "AdditionalProducts"),
				post(p, nb(`"Description":"a\u0000b"`), 400, "Description"),
				post(p, nb(`"ESN":"99\u0000"`), 400, "ESN"),
				post(p, nb(fmt.Sprintf(`"AdditionalProducts":[{"ProductID":%d,"Description":"\u0000"}]`, r.Hotspot)), 400, "AdditionalProducts[0].Description"),
				post(p, nb(`"WirelessPort":{"MDN":"7735550142","AccountNumber":"4\u0000","AuthorizedSigner":"P","PINPassword":"\u0000","Address":`+addr+`}`), 400,
					"WirelessPort.AccountNumber", "WirelessPort.PINPassword"),
			}
			for i := range cases {
				cases[i].name = fmt.Sprintf("%02d_%s", i, strings.Join(cases[i].fields, "+"))
			}
			w.checkRefusals(t, domain.RoleRep, cases)
		})

		t.Run("DefaultsAndInventory", func(t *testing.T) {
			body := nb(fmt.Sprintf(`"ESN":" %s ","WirelessICCID":%q,"ShippingAddress":`+addr+`,"WirelessPort":null,"Description":null,
				"AdditionalProducts":{"Product":[{"ProductID":%d},{"ProductID":%d,"Rate":-2.5,"Quantity":3,"Description":"Own words"}]}`,
				w.spareDevice, w.spareSIM, r.Hotspot, r.Hotspot))
			m := apiJSON(t, app.API(domain.RoleRep, http.MethodPost, "/api/new-orders", body), http.StatusCreated)
			orders, lines := numbers(t, m, "Orders"), numbers(t, m, "Lines")
			if len(orders) != 1 || len(lines) != 1 {
				t.Fatalf("Orders=%v Lines=%v", orders, lines)
			}
			q, _ := w.query(t, orders[0])
			if q["FlowThrough"] != true || q["ShippingStatus"] != "NOT_SHIPPED" || q["Status"] != "NEW" || q["OrderType"] != "NEW" {
				t.Errorf("FlowThrough=%v ShippingStatus=%v Status=%v OrderType=%v", q["FlowThrough"], q["ShippingStatus"], q["Status"], q["OrderType"])
			}
			if num(t, q["CarrierAccountID"]) != r.VZWAccount {
				t.Errorf("CarrierAccountID=%v, want the carrier's default account", q["CarrierAccountID"])
			}
			ns := obj(t, q["NewService"])
			if ns["SendOrders"] != false || ns["ReconnectTN"] != "" || ns["TN"] != "" {
				t.Errorf("SendOrders=%v ReconnectTN=%v TN=%v", ns["SendOrders"], ns["ReconnectTN"], ns["TN"])
			}
			ap := list(t, ns["AdditionalProducts"])
			if len(ap) != 2 {
				t.Fatalf("AdditionalProducts=%v", ap)
			}
			if p := obj(t, ap[0]); p["Rate"] != 10.0125 || p["Quantity"] != float64(1) || p["Description"] != "Hotspot 15GB" {
				t.Errorf("product without Rate, Quantity, Description: %v, want the product's rate and description, quantity 1", p)
			}
			if p := obj(t, ap[1]); p["Rate"] != -2.5 || p["Quantity"] != float64(3) || p["Description"] != "Own words" {
				t.Errorf("product with its own Rate, Quantity, Description: %v", p)
			}
			for _, ident := range []string{w.spareDevice, w.spareSIM} {
				it := w.inventory(t, ident)
				if it["Status"] != domain.InventoryAssigned || num(t, it["CustomerID"]) != w.acme.ID || num(t, it["LineID"]) != lines[0] {
					t.Errorf("inventory %s after the order: %v, want ASSIGNED to the customer and the new line", ident, it)
				}
			}
			if l := w.apiLine(t, lines[0]); l["Status"] != domain.LinePending || num(t, l["CustomerID"]) != w.acme.ID {
				t.Errorf("new line %v, want PENDING of acme", l)
			}
			found := walkList(t, app, domain.RoleSupport, "/api/orders?Identifier="+w.spareSIM, "Orders", 10)
			if got := ids(found, "OrderID"); len(got) != 1 || got[0] != orders[0] {
				t.Errorf("Orders_Search Identifier=%s found %v, want %d", w.spareSIM, got, orders[0])
			}
		})

		t.Run("InventoryOfTheCustomerOnNoLine", func(t *testing.T) {
			id := w.createNewOrder(t, domain.RoleRep, fmt.Sprintf(`{"CustomerID":%d,"PackageID":%d,"ESN":%q}`, w.globex.ID, r.VZWPackage, w.globexDevice))
			if it := w.inventory(t, w.globexDevice); it["LineID"] == nil {
				t.Errorf("inventory %v, want it on the new line of order %d", it, id)
			}
		})

		t.Run("WirelessWithoutDeviceIsNotFlowThrough", func(t *testing.T) {
			q, _ := w.query(t, w.createNewOrder(t, domain.RoleRep, nb("")))
			if q["FlowThrough"] != false {
				t.Errorf("FlowThrough=%v for a wireless service with neither ESN nor ICCID", q["FlowThrough"])
			}
		})

		t.Run("ReconnectTN", func(t *testing.T) {
			id := w.createNewOrder(t, domain.RoleRep, nb(`"ReconnectTN":" (312) 555.0177 ","SendOrders":true`))
			q, _ := w.query(t, id)
			ns := obj(t, q["NewService"])
			if ns["ReconnectTN"] != "3125550177" || ns["TN"] != "3125550177" || ns["SendOrders"] != true {
				t.Errorf("ReconnectTN=%v TN=%v SendOrders=%v, want a reconnect order on 3125550177", ns["ReconnectTN"], ns["TN"], ns["SendOrders"])
			}
			found := walkList(t, app, domain.RoleSupport, "/api/orders?TN=+1+312+555+0177", "Orders", 10)
			if got := ids(found, "OrderID"); len(got) != 1 || got[0] != id {
				t.Errorf("Orders_Search TN found %v, want %d", got, id)
			}
		})

		t.Run("PortDefaultsCountryAndTakesWirelessProvider", func(t *testing.T) {
			id := w.createNewOrder(t, domain.RoleRep, fmt.Sprintf(`{"CustomerID":%d,"PackageID":%d,%s}`, w.globex.ID, r.VZWPackage, port(`,"ExternalProvider":"vzw"`)))
			q, _ := w.query(t, id)
			wp := obj(t, obj(t, q["NewService"])["WirelessPort"])
			if a := obj(t, wp["Address"]); a["Country"] != "USA" {
				t.Errorf("WirelessPort.Address.Country=%v, want USA by default", a["Country"])
			}
			if wp["ExternalProvider"] != "VZW" {
				t.Errorf("ExternalProvider=%v", wp["ExternalProvider"])
			}
		})

		t.Run("Wireline", func(t *testing.T) {
			q, _ := w.query(t, w.createNewOrder(t, domain.RoleRep, wire(`"AdditionalProducts":[]`)))
			if q["FlowThrough"] != true || num(t, q["CarrierAccountID"]) != w.wireAcct {
				t.Errorf("FlowThrough=%v CarrierAccountID=%v", q["FlowThrough"], q["CarrierAccountID"])
			}
		})
	})
}

func TestAPISeedOrdersCreateRefused(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedSeedWorld(t, webtest.Open(t, d))
		r, L := w.ref, w.line
		const p = "/api/orders"
		active, suspended := L["3125550107"], L["3125550112"]
		cp := w.customerProduct(t, active)
		s := func(f string, a ...any) string { return fmt.Sprintf(f, a...) }
		cases := []refusal{
			// The kinds.
			post(p, `{}`, 400, ""),
			post(p, `{"Suspend":null}`, 400, ""),
			post(p, s(`{"suspend":{"LineID":%d}}`, active), 400, "suspend"),
			post(p, s(`{"Suspend":{"LineID":%d},"Restore":{"LineID":%d}}`, active, suspended), 400, "Restore"),
			post(p, `{"Suspend":[]}`, 400, "Suspend"),
			// Suspend.
			post(p, s(`{"Suspend":{"LineID":%d,"SuspendType":"ALL"}}`, active), 400, "Suspend.CustomerID"),
			post(p, s(`{"Suspend":{"CustomerID":%d,"SuspendType":"ALL"}}`, w.acme.ID), 400, "Suspend.LineID"),
			post(p, s(`{"Suspend":{"CustomerID":%d,"LineID":%d,"TN":"3125550107","SuspendType":"ALL"}}`, w.acme.ID, active), 400, "Suspend.LineID"),
			{method: "POST", path: p, body: s(`{"Suspend":{"TN":"3125550107","SuspendType":"all"}}`), status: 400, fields: []string{"Suspend.SuspendType"}, msg: "ALL, INCOMING, OUTGOING"},
			post(p, `{"Suspend":{"TN":"3125550107"}}`, 400, "Suspend.SuspendType"),
			post(p, `{"Suspend":{"TN":"3125550107","SuspendType":"OUTGOING"}}`, 400, "Suspend.SuspendType"),
			post(p, `{"Suspend":{"TN":"3125550107","SuspendType":"ALL","Status":"new"}}`, 400, "Suspend.Status"),
			post(p, `{"Suspend":{"TN":"3125550107","SuspendType":"ALL","Status":"SENT","StatusNote":"now"}}`, 400, "Suspend.Status", "Suspend.StatusNote"),
			post(p, `{"Suspend":{"TN":"3125550112","SuspendType":"ALL"}}`, 400, "Suspend.TN"),
			post(p, s(`{"Suspend":{"CustomerID":%d,"TN":"3125550107","SuspendType":"ALL"}}`, w.globex.ID), 400, "Suspend.CustomerID"),
			post(p, `{"Suspend":{"TN":"312555010","SuspendType":"ALL"}}`, 400, "Suspend.TN"),
			post(p, `{"Suspend":{"TN":"3125550107x","SuspendType":"ALL"}}`, 400, "Suspend.TN"),
			post(p, `{"Suspend":{"TN":"2025550000","SuspendType":"ALL"}}`, 400, "Suspend.TN"),
			post(p, `{"Suspend":{"TN":3125550107,"SuspendType":"ALL"}}`, 400, "Suspend.TN"),
			post(p, s(`{"Suspend":{"CustomerID":%d,"LineID":-3,"SuspendType":"ALL"}}`, w.acme.ID), 400, "Suspend.LineID"),
			post(p, s(`{"Suspend":{"CustomerID":%d,"LineID":"%d","SuspendType":"ALL"}}`, w.acme.ID, active), 400, "Suspend.LineID"),
			post(p, `{"Suspend":{"TN":"3125550107","SuspendType":"ALL","ProcessID":999999}}`, 400, "Suspend.ProcessID"),
			{method: "POST", path: p, body: `{"Suspend":{"TN":"3125550107","SuspendType":"ALL","FlowThrough":"false"}}`, status: 400,
				fields: []string{"Suspend.FlowThrough"}, msg: "without quotes"},
			post(p, s(`{"Suspend":{"CustomerID":%d,"LineID":%d,"SuspendType":"ALL"}}`, w.acme.ID, w.goneLine), 400, "Suspend.LineID"),
			// Restore.
			post(p, `{"Restore":{"TN":"3125550107"}}`, 400, "Restore.TN"),
			post(p, s(`{"Restore":{"LineID":%d}}`, suspended), 400, "Restore.CustomerID"),
			post(p, s(`{"Restore":{"CustomerID":%d,"LineID":%d,"TN":"3125550112"}}`, w.acme.ID, suspended), 400, "Restore.LineID"),
			post(p, `{"Restore":{"TN":"3125550112","Status":"COMPLETE","StatusNote":"x"}}`, 400, "Restore.Status", "Restore.StatusNote"),
			post(p, s(`{"Restore":{"CustomerID":%d}}`, w.acme.ID), 400, "Restore.LineID"),
			// Disconnect.
			post(p, `{"Disconnect":{}}`, 400, "Disconnect.CustomerID"),
			post(p, `{"Disconnect":{"CustomerID":999999}}`, 400, "Disconnect.CustomerID"),
			{method: "POST", path: p, body: `{"Disconnect":{"TN":"3125550107","InventoryItemStatus":"available"}}`, status: 400,
				fields: []string{"Disconnect.InventoryItemStatus"}, msg: "AVAILABLE, UNAVAILABLE, ASSIGNED"},
			post(p, `{"Disconnect":{"TN":"3125550107","Status":"SENT","StatusNote":"x"}}`, 400, "Disconnect.Status", "Disconnect.StatusNote"),
			post(p, `{"Disconnect":{"TN":"3125550190"}}`, 400, "Disconnect.TN"),
			post(p, s(`{"Disconnect":{"CustomerID":%d,"TN":"3125550107"}}`, w.globex.ID), 400, "Disconnect.CustomerID"),
			// AddLine.
			post(p, s(`{"AddLine":{"Lines":[{"PackageID":%d}]}}`, r.VZWPackage), 400, "AddLine.CustomerID"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":[]}}`, w.acme.ID), 400, "AddLine.Lines"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":[{"PackageID":%d}]}}`, w.inactive.ID, r.VZWPackage), 400, "AddLine.CustomerID"),
			post(p, s(`{"AddLine":{"CustomerID":%d}}`, w.acme.ID), 400, "AddLine.Lines"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":{"Line":[]}}}`, w.acme.ID), 400, "AddLine.Lines"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":[{"Products":[{"ProductID":%d}]}]}}`, w.acme.ID, r.Hotspot), 400,
				"AddLine.Lines[0].PackageID", "AddLine.Lines[0].CarrierID"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":[{"CarrierID":%d,"Products":[{"ProductID":%d}]}]}}`, w.acme.ID, r.VZW, r.Hotspot), 400, "AddLine.Lines[0].PackageID"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":[{"PackageID":%d,"CarrierID":%d}]}}`, w.acme.ID, r.VZWPackage, r.ATT), 400, "AddLine.Lines[0].CarrierID"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":[{"PackageID":%d,"CarrierAccountID":%d}]}}`, w.acme.ID, r.VZWPackage, r.ATTAccount), 400, "AddLine.Lines[0].CarrierAccountID"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":[{"PackageID":%d,"CarrierAccountID":999999}]}}`, w.acme.ID, r.VZWPackage), 400, "AddLine.Lines[0].CarrierAccountID"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":[{"PackageID":%d,"TN":"3125550101"}]}}`, w.acme.ID, r.VZWPackage), 409, "AddLine.Lines[0].TN"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":[{"PackageID":%d,"TN":"3125550198"},{"PackageID":%d,"TN":"312 555 0198"}]}}`, w.acme.ID, r.VZWPackage, r.VZWPackage), 400, "AddLine.Lines[1].TN"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":[{"PackageID":%d,"TN":"00000"}]}}`, w.acme.ID, r.VZWPackage), 400, "AddLine.Lines[0].TN"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":[{"PackageID":%d,"Products":{"Product":{"ProductID":%d,"Quantity":0}}}]}}`, w.acme.ID, r.VZWPackage, r.Hotspot), 400, "AddLine.Lines[0].Products[0].Quantity"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":[{"PackageID":%d,"AltBTNID":%d}]}}`, w.acme.ID, r.VZWPackage, w.globexLine), 400, "AddLine.Lines[0].AltBTNID"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":[{"PackageID":%d,"AltBTNID":%d}]}}`, w.acme.ID, r.VZWPackage, w.goneLine), 400, "AddLine.Lines[0].AltBTNID"),
			{method: "POST", path: p, body: s(`{"AddLine":{"CustomerID":%d,"BillingOption":"prorate","Lines":[{"PackageID":%d}]}}`, w.acme.ID, r.VZWPackage),
				status: 400, fields: []string{"AddLine.BillingOption"}, msg: "DIFFERENCE, NEXT_CYCLE, PRORATE"},
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":[{"PackageID":%d,"LineTypeID":999999}]}}`, w.acme.ID, r.VZWPackage), 400, "AddLine.Lines[0].LineTypeID"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":{"Line":{"TN":"0000000000"}}}}`, w.acme.ID), 400, "AddLine.Lines[0].PackageID"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":[{"PackageID":%d,"PBXModel":"\u0000"}]}}`, w.acme.ID, r.VZWPackage), 400, "AddLine.Lines[0].PBXModel"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":[{"PackageID":%d,"PBXMake":"%s"}]}}`, w.acme.ID, r.VZWPackage, strings.Repeat("m", 61)), 400, "AddLine.Lines[0].PBXMake"),
			post(p, s(`{"AddLine":{"CustomerID":%d,"Lines":[{"PackageID":%d,"Products":[{"ProductID":%d,"Rate":0.00001}]}]}}`, w.acme.ID, r.VZWPackage, r.Hotspot), 400, "AddLine.Lines[0].Products[0].Rate"),
			// Change.
			post(p, `{"Change":{"Lines":[]}}`, 400, "Change.Lines"),
			post(p, `{"Change":{"Lines":[{}]}}`, 400, "Change.Lines[0]"),
			post(p, s(`{"Change":{"Lines":[{"Change":{"LineID":%d,"Products":{"Remove":[{"CustomerProductID":%d}]}},"Disconnect":{"LineID":%d}}]}}`, active, cp, active), 400, "Change.Lines[0]"),
			post(p, s(`{"Change":{"Lines":[{"Change":{"LineID":%d}}]}}`, active), 400, "Change.Lines[0].Change.Products"),
			post(p, s(`{"Change":{"Lines":[{"Change":{"LineID":%d,"TN":"3125550107","Products":{"Remove":{"CustomerProductID":%d}}}}]}}`, active, cp), 400, "Change.Lines[0].Change.LineID"),
			post(p, s(`{"Change":{"Lines":[{"Change":{"LineID":%d,"Products":{"Change":[{"CustomerProductID":999999,"Quantity":2}]}}}]}}`, active), 400, "Change.Lines[0].Change.Products.Change[0].CustomerProductID"),
			post(p, s(`{"Change":{"Lines":[{"Change":{"LineID":%d,"Products":{"Change":[{"CustomerProductID":%d,"Quantity":0}]}}}]}}`, active, cp), 400, "Change.Lines[0].Change.Products.Change[0].Quantity"),
			post(p, s(`{"Change":{"Lines":[{"Change":{"LineID":%d,"Products":{"Change":[{"CustomerProductID":%d}]}}}]}}`, active, cp), 400, "Change.Lines[0].Change.Products.Change[0]"),
			post(p, s(`{"Change":{"Lines":[{"Change":{"LineID":%d,"Products":{"Remove":[{"CustomerProductID":0}]}}}]}}`, active), 400, "Change.Lines[0].Change.Products.Remove[0].CustomerProductID"),
			post(p, s(`{"Change":{"Lines":[{"Change":{"LineID":%d,"Products":{"Remove":[{"CustomerProductID":%d}],"Change":[{"CustomerProductID":%d,"Rate":1}]}}}]}}`, active, cp, cp), 400, "Change.Lines[0].Change.Products.Remove[0].CustomerProductID"),
			post(p, s(`{"Change":{"Lines":[{"Change":{"LineID":%d,"Products":{"Add":[{"ProductID":%d}]}}},{"Disconnect":{"TN":"3125550107"}}]}}`, active, r.Hotspot), 400, "Change.Lines[1].Disconnect.TN"),
			post(p, s(`{"Change":{"Lines":[{"Disconnect":{"LineID":%d}},{"Disconnect":{"LineID":%d}}]}}`, active, w.globexLine), 400, "Change.Lines[1].Disconnect.LineID"),
			post(p, s(`{"Change":{"Lines":[{"Disconnect":{"LineID":%d}}]}}`, w.goneLine), 400, "Change.Lines[0].Disconnect.LineID"),
			post(p, s(`{"Change":{"BillingOption":"Now","Lines":[{"Disconnect":{"LineID":%d}}]}}`, active), 400, "Change.BillingOption"),
			post(p, s(`{"Change":{"IgnoreRelatedProducts":"true","Lines":[{"Disconnect":{"LineID":%d}}]}}`, active), 400, "Change.IgnoreRelatedProducts"),
			post(p, `{"Change":{"Lines":[{"Disconnect":{}}]}}`, 400, "Change.Lines[0].Disconnect.LineID"),
			// PackageChange.
			post(p, s(`{"PackageChange":{"LineID":%d,"PackageID":%d}}`, active, r.ATTPackage), 400, "PackageChange.PackageID"),
			post(p, s(`{"PackageChange":{"LineID":%d,"PackageID":%d}}`, active, r.VZWPackage), 400, "PackageChange.PackageID"),
			post(p, s(`{"PackageChange":{"PackageID":%d}}`, w.vzwBasic), 400, "PackageChange.LineID"),
			post(p, s(`{"PackageChange":{"LineID":%d,"PackageID":%d}}`, w.goneLine, w.vzwBasic), 400, "PackageChange.LineID"),
			post(p, s(`{"PackageChange":{"TN":"3125550107","PackageID":%d,"Prorate":"yes"}}`, w.vzwBasic), 400, "PackageChange.Prorate"),
		}
		for i := range cases {
			cases[i].name = fmt.Sprintf("%02d_%s", i, strings.Join(cases[i].fields, "+"))
		}
		w.checkRefusals(t, domain.RoleRep, cases)
	})
}

func TestAPISeedOrdersCreate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedSeedWorld(t, webtest.Open(t, d))
		app, r, L := w.app, w.ref, w.line
		complete := func(t *testing.T, id int64) {
			t.Helper()
			apiJSON(t, app.API(domain.RoleRep, http.MethodPatch, orderPath(id), `{"Status":"COMPLETE"}`), http.StatusOK)
		}

		t.Run("SuspendByTNDefaults", func(t *testing.T) {
			ids := w.createOrders(t, `{"Suspend":{"TN":" +1 (312) 555-0107 ","SuspendType":"INCOMING","Status":"NEW","FlowThrough":null,"ProcessID":0}}`)
			q, _ := w.query(t, ids[0])
			s := obj(t, q["Suspend"])
			if q["FlowThrough"] != true || num(t, s["CustomerID"]) != w.acme.ID || s["TN"] != "3125550107" || s["SuspendType"] != "INCOMING" {
				t.Errorf("FlowThrough=%v Suspend=%v: want flow-through by default and the line's customer", q["FlowThrough"], s)
			}
			// A second suspend of the same line clashes with the open one.
			apiErrorFields(t, app.API(domain.RoleRep, http.MethodPost, "/api/orders", `{"Suspend":{"TN":"3125550107","SuspendType":"ALL"}}`), http.StatusConflict)
			complete(t, ids[0])
			if l := w.apiLine(t, L["3125550107"]); l["Status"] != domain.LineSuspended {
				t.Errorf("line after the suspend completed: %v", l["Status"])
			}
		})

		t.Run("OutgoingForWireline", func(t *testing.T) {
			ids := w.createOrders(t, `{"Suspend":{"TN":"847-555-0100","SuspendType":"OUTGOING"}}`)
			q, _ := w.query(t, ids[0])
			if obj(t, q["Suspend"])["SuspendType"] != "OUTGOING" || num(t, q["CarrierID"]) != r.Wireline {
				t.Errorf("Suspend=%v CarrierID=%v", q["Suspend"], q["CarrierID"])
			}
		})

		t.Run("RestoreByLineIDWithCustomer", func(t *testing.T) {
			ids := w.createOrders(t, fmt.Sprintf(`{"Restore":{"CustomerID":%d,"LineID":%d,"FlowThrough":false}}`, w.acme.ID, L["3125550112"]))
			q, _ := w.query(t, ids[0])
			if q["FlowThrough"] != false || q["OrderType"] != "RESTORE" {
				t.Errorf("FlowThrough=%v OrderType=%v", q["FlowThrough"], q["OrderType"])
			}
			complete(t, ids[0])
			if l := w.apiLine(t, L["3125550112"]); l["Status"] != domain.LineActive {
				t.Errorf("line after the restore completed: %v", l["Status"])
			}
		})

		t.Run("DisconnectSetsInventoryStatusOnCompletion", func(t *testing.T) {
			ids := w.createOrders(t, fmt.Sprintf(`{"Disconnect":{"CustomerID":%d,"LineID":%d,"InventoryItemStatus":"UNAVAILABLE"}}`, w.acme.ID, L["3125550111"]))
			if it := w.inventory(t, w.deviceOnLine); it["Status"] != domain.InventoryAssigned {
				t.Errorf("inventory changed before completion: %v", it)
			}
			complete(t, ids[0])
			if it := w.inventory(t, w.deviceOnLine); it["Status"] != domain.InventoryUnavailable {
				t.Errorf("inventory after the disconnect completed: %v, want UNAVAILABLE", it)
			}
			if l := w.apiLine(t, L["3125550111"]); l["Status"] != domain.LineDisconnected {
				t.Errorf("line after the disconnect completed: %v", l["Status"])
			}
		})

		t.Run("DisconnectWholeAccount", func(t *testing.T) {
			ids := w.createOrders(t, fmt.Sprintf(`{"Disconnect":{"CustomerID":%d}}`, w.initech.ID))
			if len(ids) != 1 {
				t.Fatalf("OrderIDs=%v, want one (one carrier account)", ids)
			}
			m := walkList(t, app, domain.RoleSupport, fmt.Sprintf("/api/orders?OrderID=%d&ShowServiceDetails=true", ids[0]), "Orders", 5)
			svcs := list(t, m[0]["Services"])
			if len(svcs) != 2 {
				t.Fatalf("Services=%v, want the two lines not yet disconnected", svcs)
			}
			q, _ := w.query(t, ids[0])
			if dc := obj(t, q["Disconnect"]); dc["TN"] != "" || dc["LineID"] != nil {
				t.Errorf("Disconnect=%v: TN and LineID only when the order involves one service", dc)
			}
			complete(t, ids[0])
			for _, id := range w.initechLines {
				if l := w.apiLine(t, id); l["Status"] != domain.LineDisconnected {
					t.Errorf("line %d after the whole-account disconnect: %v", id, l["Status"])
				}
			}
			if it := w.inventory(t, w.initechDevice); it["Status"] != domain.InventoryAvailable {
				t.Errorf("inventory after the disconnect: %v, want AVAILABLE by default", it)
			}
			// Nothing is left to disconnect.
			apiErrorFields(t, app.API(domain.RoleRep, http.MethodPost, "/api/orders", fmt.Sprintf(`{"Disconnect":{"CustomerID":%d}}`, w.initech.ID)), http.StatusBadRequest)
		})

		t.Run("AddLineDefaultsAndSplit", func(t *testing.T) {
			body := fmt.Sprintf(`{"AddLine":{"CustomerID":%d,"Lines":[
				{"LineID":424242,"TN":"","CarrierID":%d,"Products":[{"ProductID":%d}]},
				{"TN":"312 555 0166","PackageID":%d,"CarrierID":%d,"CarrierAccountID":%d,"AltBTNID":%d,"Products":{"Product":[{"ProductID":%d,"Rate":-3.5,"Quantity":2}]}}]}}`,
				w.acme.ID, r.VZW, r.Unlimited, r.VZWPackage, r.VZW, w.vzwSecond, L["3125550109"], r.Hotspot)
			ids := w.createOrders(t, body)
			if len(ids) != 2 {
				t.Fatalf("OrderIDs=%v, want one order per carrier account", ids)
			}
			byAcct := map[int64]map[string]any{}
			for _, id := range ids {
				q, _ := w.query(t, id)
				byAcct[num(t, q["CarrierAccountID"])] = q
			}
			def, second := byAcct[r.VZWAccount], byAcct[w.vzwSecond]
			if def == nil || second == nil {
				t.Fatalf("orders on accounts %v, want the default account and %d", byAcct, w.vzwSecond)
			}
			l0 := obj(t, list(t, obj(t, def["AddLine"])["Lines"])[0])
			if l0["TN"] != "" || num(t, l0["PackageID"]) != 0 || num(t, l0["CarrierID"]) != r.VZW || num(t, l0["LineID"]) == 424242 {
				t.Errorf("line without a package: %v", l0)
			}
			if p := obj(t, list(t, l0["Products"])[0]); p["Rate"] != float64(45) || p["Quantity"] != float64(1) {
				t.Errorf("product %v, want the product's rate and quantity 1", p)
			}
			l1 := obj(t, list(t, obj(t, second["AddLine"])["Lines"])[0])
			if l1["TN"] != "3125550166" || num(t, l1["CarrierAccountID"]) != w.vzwSecond {
				t.Errorf("second line %v", l1)
			}
			if p := obj(t, list(t, l1["Products"])[0]); p["Rate"] != -3.5 || p["Quantity"] != float64(2) {
				t.Errorf("credit product %v", p)
			}
		})

		t.Run("ChangeRelatedProducts", func(t *testing.T) {
			add := func(line int64, ignore string) []any {
				ids := w.createOrders(t, fmt.Sprintf(`{"Change":{%s"Lines":{"Line":{"Change":{"LineID":%d,"Products":{"Add":{"ProductID":%d}}}}}}}`, ignore, line, r.Hotspot))
				q, _ := w.query(t, ids[0])
				if q["BillingOption"] != nil && q["BillingOption"] != "PRORATE" {
					t.Errorf("BillingOption=%v", q["BillingOption"])
				}
				ch := obj(t, obj(t, list(t, obj(t, q["Change"])["Lines"])[0])["Change"])
				return list(t, obj(t, ch["Products"])["Add"])
			}
			if got := add(L["3125550108"], ""); len(got) != 2 {
				t.Errorf("Add without IgnoreRelatedProducts: %v, want Hotspot and its group's Hotspot Cap", got)
			}
			if got := add(L["3125550110"], `"IgnoreRelatedProducts":true,`); len(got) != 1 {
				t.Errorf("Add with IgnoreRelatedProducts: %v, want Hotspot alone", got)
			}
		})

		t.Run("ChangeEntriesForm", func(t *testing.T) {
			cp := w.customerProduct(t, L["3125550104"])
			body := fmt.Sprintf(`{"Change":{"BillingOption":"DIFFERENCE","Lines":{"Change":[{"TN":"312.555.0104","Products":{"Change":{"CustomerProductID":%d,"Rate":"-0.5"}}}],"Disconnect":{"LineID":%d}}}}`,
				cp, L["3125550105"])
			ids := w.createOrders(t, body)
			q, _ := w.query(t, ids[0])
			lines := list(t, obj(t, q["Change"])["Lines"])
			if len(lines) != 2 {
				t.Fatalf("Change.Lines=%v", lines)
			}
			c := obj(t, list(t, obj(t, obj(t, obj(t, lines[0])["Change"])["Products"])["Change"])[0])
			if c["Rate"] != -0.5 || c["Quantity"] != float64(2) {
				t.Errorf("changed product %v, want the new rate and the quantity as it was", c)
			}
		})

		t.Run("PackageChangeByTN", func(t *testing.T) {
			ids := w.createOrders(t, fmt.Sprintf(`{"PackageChange":{"TN":"3125550106","PackageID":%d}}`, w.vzwBasic))
			q, _ := w.query(t, ids[0])
			if pc := obj(t, q["PackageChange"]); pc["Prorate"] != false || num(t, pc["PackageID"]) != w.vzwBasic {
				t.Errorf("PackageChange=%v", pc)
			}
		})
	})
}

func TestAPISeedOrdersUpdate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedSeedWorld(t, webtest.Open(t, d))
		app, r, L := w.app, w.ref, w.line
		patch := func(t *testing.T, role domain.Role, id int64, body string) {
			t.Helper()
			apiJSON(t, app.API(role, http.MethodPatch, orderPath(id), body), http.StatusOK)
		}
		newOrder := func(t *testing.T, extra string) int64 {
			return w.createNewOrder(t, domain.RoleRep, w.newOrderBody(extra))
		}

		t.Run("Refused", func(t *testing.T) {
			id := newOrder(t, fmt.Sprintf(`"ProcessID":%d`, r.TwoRoutes))
			susp := w.createOrders(t, `{"Suspend":{"TN":"3125550101","SuspendType":"ALL"}}`)[0]
			cp := w.customerProduct(t, L["3125550103"])
			change := w.createOrders(t, fmt.Sprintf(`{"Change":{"Lines":[{"Change":{"LineID":%d,"Products":{"Remove":[{"CustomerProductID":%d}]}}}]}}`, L["3125550103"], cp))[0]
			w.createOrders(t, fmt.Sprintf(`{"PackageChange":{"LineID":%d,"PackageID":%d}}`, L["3125550106"], w.vzwBasic))
			w.createOrders(t, fmt.Sprintf(`{"Disconnect":{"TN":"3125550105"}}`))
			cpOf := func(tn string) int64 { return w.customerProduct(t, L[tn]) }
			pa := orderPath(id)
			patchRefusal := func(path, body string, status int, fields ...string) refusal {
				return refusal{method: http.MethodPatch, path: path, body: body, status: status, fields: fields}
			}
			oneRoute := walkList(t, app, domain.RoleSupport, "/api/processes", "Processes", 50)
			var foreignRoute int64
			for _, pr := range oneRoute {
				if num(t, pr["ProcessID"]) == r.OneRoute {
					foreignRoute = num(t, obj(t, list(t, pr["Routes"])[0])["ID"])
				}
			}
			cases := []refusal{
				patchRefusal(pa, `{}`, 400, ""),
				patchRefusal(pa, `{"Status":null,"StatusNote":null,"FlowThroughFlag":null,"CompletionDate":null,"TrackingNumber":null,"ShippingStatus":null,"ProcessID":null,"ProcessRouteID":null,"Lines":null}`, 400, ""),
				{method: http.MethodPatch, path: pa, body: `{"Status":"complete"}`, status: 400, fields: []string{"Status"}, msg: "COMPLETE"},
				patchRefusal(pa, `{"Status":"BOGUS"}`, 400, "Status"),
				patchRefusal(pa, `{"StatusNote":"why"}`, 400, "StatusNote"),
				patchRefusal(pa, `{"CompletionDate":"2026-01-01"}`, 400, "CompletionDate"),
				patchRefusal(pa, `{"Status":"HOLD","CompletionDate":"2026-01-01"}`, 400, "CompletionDate"),
				patchRefusal(pa, `{"Status":"COMPLETE","CompletionDate":"yesterday"}`, 400, "CompletionDate"),
				patchRefusal(pa, `{"Status":"COMPLETE","CompletionDate":20260101}`, 400, "CompletionDate"),
				{method: http.MethodPatch, path: pa, body: `{"ShippingStatus":"NOT_REQUIRED"}`, status: 400, fields: []string{"ShippingStatus"}, msg: "NOT_SHIPPED or SHIPPED"},
				patchRefusal(pa, `{"ShippingStatus":"shipped"}`, 400, "ShippingStatus"),
				patchRefusal(pa, `{"ProcessID":999999}`, 400, "ProcessID"),
				patchRefusal(pa, `{"ProcessID":-1}`, 400, "ProcessID"),
				patchRefusal(pa, `{"ProcessID":"0"}`, 400, "ProcessID"),
				patchRefusal(pa, `{"FlowThroughFlag":"no"}`, 400, "FlowThroughFlag"),
				patchRefusal(pa, `{"FlowThrough":false}`, 400, "FlowThrough"),
				patchRefusal(pa, fmt.Sprintf(`{"OrderID":%d,"TrackingNumber":"x"}`, id+1), 400, "OrderID"),
				patchRefusal(pa, fmt.Sprintf(`{"OrderID":%d}`, id), 400, ""),
				patchRefusal(pa, `{"Status":"COMPLETE","CompletionDate":"2020-01-01"}`, 400, "CompletionDate"),
				patchRefusal(pa, `{"Status":"COMPLETE","CompletionDate":"`+time.Now().UTC().AddDate(0, 0, 2).Format("2006-01-02")+`"}`, 400, "CompletionDate"),
				patchRefusal(pa, `{"Status":"COMPLETE","CompletionDate":"`+time.Now().UTC().Add(2*time.Hour).Format(time.RFC3339)+`"}`, 400, "CompletionDate"),
				patchRefusal(pa, `{"Status":"SENT"}`, 400, "Status"),
				patchRefusal(pa, `{"TrackingNumber":"`+strings.Repeat("Z", 61)+`"}`, 400, "TrackingNumber"),
				patchRefusal(pa, fmt.Sprintf(`{"Lines":[{"Disconnect":{"LineID":%d}}]}`, L["3125550109"]), 400, "Lines[0].Disconnect"),
				patchRefusal(pa, fmt.Sprintf(`{"Lines":[{"Change":{"LineID":%d,"Products":{"Add":[{"ProductID":%d,"Quantity":0}]}}}]}`, L["3125550109"], r.Hotspot), 400, "Lines[0].Change.Products.Add[0].Quantity"),
				patchRefusal(pa, fmt.Sprintf(`{"Lines":[{"Change":{"LineID":%d,"Products":{"Add":[{"ProductID":%d}]}}}]}`, w.globexLine, r.Hotspot), 400, "Lines[0].Change.LineID"),
				patchRefusal(orderPath(susp), fmt.Sprintf(`{"Lines":[{"Change":{"LineID":%d,"Products":{"Add":[{"ProductID":%d}]}}}]}`, L["3125550101"], r.Hotspot), 400, "Lines"),
				patchRefusal(orderPath(change), fmt.Sprintf(`{"Lines":[{"Change":{"LineID":%d,"Products":{"Remove":[{"CustomerProductID":%d}]}}}]}`, L["3125550103"], cp), 400, "Lines[0].Change.Products"),
				patchRefusal(orderPath(change), fmt.Sprintf(`{"Lines":[{"Change":{"LineID":%d,"Products":{"Change":[{"CustomerProductID":%d,"Rate":1}]}}},{"Change":{"TN":"3125550104","Products":{"Remove":[{"CustomerProductID":%d}]}}}]}`,
					L["3125550104"], cpOf("3125550104"), cpOf("3125550104")), 400, "Lines[1].Change.Products"),
				patchRefusal(orderPath(change), fmt.Sprintf(`{"Lines":[{"Change":{"LineID":%d,"Products":{"Add":[{"ProductID":%d}]}}}]}`, L["3125550106"], r.Hotspot), 409, "Lines[0].Change.LineID"),
				patchRefusal(orderPath(change), fmt.Sprintf(`{"Lines":[{"Change":{"TN":"3125550105","Products":{"Add":[{"ProductID":%d}]}}}]}`, r.Hotspot), 409, "Lines[0].Change.TN"),
				patchRefusal(pa, `{"TrackingNumber":"1Z\u0000"}`, 400, "TrackingNumber"),
				patchRefusal(pa, `{"Status":"HOLD","StatusNote":"\u0000"}`, 400, "StatusNote"),
				patchRefusal(orderPath(0), `{"TrackingNumber":"x"}`, 404),
				patchRefusal(orderPath(-1), `{"TrackingNumber":"x"}`, 404),
				patchRefusal("/api/orders/9223372036854775807", `{"TrackingNumber":"x"}`, 404),
				patchRefusal("/api/orders/1.5", `{"TrackingNumber":"x"}`, 404),
			}
			if foreignRoute != 0 {
				cases = append(cases, refusal{method: http.MethodPatch, path: pa, body: fmt.Sprintf(`{"ProcessRouteID":%d}`, foreignRoute), status: 400, fields: []string{"ProcessRouteID"}})
			} else {
				t.Error("no route of the one-route process")
			}
			for i := range cases {
				cases[i].name = fmt.Sprintf("%02d_%s", i, strings.Join(cases[i].fields, "+"))
			}
			w.checkRefusals(t, domain.RoleSupervisor, cases)
			w.checkRefusals(t, domain.RoleRep, []refusal{{name: "RouteIsASupervisors", method: http.MethodPatch, path: pa, body: `{"ProcessRouteID":0}`, status: 403}})
			w.checkRefusals(t, domain.RoleSupport, []refusal{{name: "SupportMayNotUpdate", method: http.MethodPatch, path: pa, body: `{"TrackingNumber":"x"}`, status: 403}})
		})

		t.Run("CompletionDateDefaultsToToday", func(t *testing.T) {
			id := newOrder(t, "")
			before := time.Now().UTC()
			patch(t, domain.RoleRep, id, `{"Status":"COMPLETE","StatusNote":"done by hand"}`)
			q, _ := w.query(t, id)
			cd, _ := q["CompletionDate"].(string)
			if !strings.HasPrefix(cd, before.Format("2006-01-02")) && !strings.HasPrefix(cd, time.Now().UTC().Format("2006-01-02")) {
				t.Errorf("CompletionDate=%v, want today", q["CompletionDate"])
			}
			if q["StatusNote"] != "done by hand" {
				t.Errorf("StatusNote=%v", q["StatusNote"])
			}
			// A final order takes only TrackingNumber, ShippingStatus and StatusNote.
			patch(t, domain.RoleRep, id, `{"TrackingNumber":"1Z9","ShippingStatus":"SHIPPED"}`)
			apiErrorFields(t, app.API(domain.RoleRep, http.MethodPatch, orderPath(id), `{"FlowThroughFlag":false}`), http.StatusBadRequest)
			apiErrorFields(t, app.API(domain.RoleRep, http.MethodPatch, orderPath(id), `{"Status":"NEW"}`), http.StatusBadRequest)
		})

		t.Run("CompletionDateGiven", func(t *testing.T) {
			id := newOrder(t, "")
			when := time.Now().UTC().Truncate(time.Second).Add(time.Second)
			time.Sleep(time.Until(when)) // after the order was created, not in the future
			patch(t, domain.RoleRep, id, `{"Status":"COMPLETE","CompletionDate":"`+when.Format(time.RFC3339)+`"}`)
			if q, _ := w.query(t, id); q["CompletionDate"] != when.Format(time.RFC3339) {
				t.Errorf("CompletionDate=%v, want %s", q["CompletionDate"], when.Format(time.RFC3339))
			}
		})

		t.Run("OrderIDOfThePath", func(t *testing.T) {
			id := newOrder(t, "")
			patch(t, domain.RoleRep, id, fmt.Sprintf(`{"OrderID":%d,"TrackingNumber":"1Z1"}`, id))
			if q, _ := w.query(t, id); q["TrackingNumber"] != "1Z1" {
				t.Errorf("TrackingNumber=%v", q["TrackingNumber"])
			}
		})

		t.Run("NothingChangesNoHistory", func(t *testing.T) {
			id := newOrder(t, "")
			patch(t, domain.RoleRep, id, `{"TrackingNumber":"1Z2"}`)
			_, etag := w.query(t, id)
			history := fxCount(t, app, "audit_events", "entity = ? AND entity_id = ?", domain.EntityOrder, id)
			for _, body := range []string{`{"TrackingNumber":"1Z2"}`, `{"Status":"NEW"}`, `{"FlowThroughFlag":false,"TrackingNumber":" 1Z2 "}`} {
				res := app.API(domain.RoleRep, http.MethodPatch, orderPath(id), body)
				apiJSON(t, res, http.StatusOK)
				if got := res.Header.Get("ETag"); got != etag {
					t.Errorf("%s: ETag %s, want %s kept", body, got, etag)
				}
			}
			if _, got := w.query(t, id); got != etag {
				t.Errorf("ETag after updates that change nothing: %s, want %s", got, etag)
			}
			if got := fxCount(t, app, "audit_events", "entity = ? AND entity_id = ?", domain.EntityOrder, id); got != history {
				t.Errorf("history entries %d, want %d: an update that changes nothing writes none", got, history)
			}
		})

		t.Run("StatusNoteClearedByAMoveWithoutOne", func(t *testing.T) {
			id := newOrder(t, "")
			patch(t, domain.RoleRep, id, `{"Status":"HOLD","StatusNote":"waiting on customer"}`)
			patch(t, domain.RoleRep, id, `{"Status":"NEW"}`)
			if q, _ := w.query(t, id); q["StatusNote"] != "" || q["Status"] != "NEW" {
				t.Errorf("Status=%v StatusNote=%v", q["Status"], q["StatusNote"])
			}
		})

		t.Run("FlowThroughTrackingShipping", func(t *testing.T) {
			id := newOrder(t, fmt.Sprintf(`"ESN":%q,"ShippingAddress":%s`, w.spareDevice, shipAddr))
			patch(t, domain.RoleRep, id, `{"FlowThroughFlag":false,"TrackingNumber":" 1Z999AA1 ","ShippingStatus":"SHIPPED"}`)
			q, _ := w.query(t, id)
			if q["FlowThrough"] != false || q["TrackingNumber"] != "1Z999AA1" || q["ShippingStatus"] != "SHIPPED" {
				t.Errorf("FlowThrough=%v TrackingNumber=%q ShippingStatus=%v", q["FlowThrough"], q["TrackingNumber"], q["ShippingStatus"])
			}
			found := walkList(t, app, domain.RoleSupport, fmt.Sprintf("/api/orders?OrderID=%d", id), "Orders", 5)
			if found[0]["Tracking_Number"] != "1Z999AA1" {
				t.Errorf("Tracking_Number=%v", found[0]["Tracking_Number"])
			}
			patch(t, domain.RoleRep, id, `{"FlowThroughFlag":true,"TrackingNumber":"","ShippingStatus":"NOT_SHIPPED"}`)
			if q, _ := w.query(t, id); q["FlowThrough"] != true || q["TrackingNumber"] != "" || q["ShippingStatus"] != "NOT_SHIPPED" {
				t.Errorf("FlowThrough=%v TrackingNumber=%q ShippingStatus=%v", q["FlowThrough"], q["TrackingNumber"], q["ShippingStatus"])
			}
		})

		t.Run("ProcessAndRoute", func(t *testing.T) {
			id := newOrder(t, "")
			patch(t, domain.RoleRep, id, fmt.Sprintf(`{"ProcessID":%d}`, r.TwoRoutes))
			q, _ := w.query(t, id)
			if num(t, q["ProcessID"]) != r.TwoRoutes || q["RequiresRouteDecision"] != true || q["ProcessRouteID"] != nil {
				t.Fatalf("ProcessID=%v RequiresRouteDecision=%v ProcessRouteID=%v", q["ProcessID"], q["RequiresRouteDecision"], q["ProcessRouteID"])
			}
			route := num(t, obj(t, list(t, q["Routes"])[0])["ID"])
			// Not sent before a route is chosen.
			apiErrorFields(t, app.API(domain.RoleSupervisor, http.MethodPatch, orderPath(id), `{"Status":"SENT"}`), http.StatusBadRequest)
			patch(t, domain.RoleSupervisor, id, fmt.Sprintf(`{"ProcessRouteID":%d}`, route))
			if q, _ := w.query(t, id); num(t, q["ProcessRouteID"]) != route || q["RequiresRouteDecision"] != false {
				t.Errorf("ProcessRouteID=%v RequiresRouteDecision=%v", q["ProcessRouteID"], q["RequiresRouteDecision"])
			}
			patch(t, domain.RoleRep, id, `{"ProcessID":0}`)
			if q, _ := w.query(t, id); q["ProcessID"] != nil || q["ProcessRouteID"] != nil || q["RequiresRouteDecision"] != false {
				t.Errorf("after ProcessID 0: ProcessID=%v ProcessRouteID=%v RequiresRouteDecision=%v", q["ProcessID"], q["ProcessRouteID"], q["RequiresRouteDecision"])
			}
			patch(t, domain.RoleRep, id, fmt.Sprintf(`{"ProcessID":%d}`, r.OneRoute))
			if q, _ := w.query(t, id); num(t, q["ProcessID"]) != r.OneRoute || q["ProcessRouteID"] == nil || q["RequiresRouteDecision"] != false {
				t.Errorf("one-route process: ProcessRouteID=%v RequiresRouteDecision=%v", q["ProcessRouteID"], q["RequiresRouteDecision"])
			}
		})

		t.Run("Lines", func(t *testing.T) {
			// Line 3125550103's product is held by the open change of Refused.
			cp := w.customerProduct(t, L["3125550108"])
			ids := w.createOrders(t, fmt.Sprintf(`{"Change":{"Lines":[{"Change":{"LineID":%d,"Products":{"Remove":[{"CustomerProductID":%d}]}}}]}}`, L["3125550108"], cp))
			patch(t, domain.RoleRep, ids[0], fmt.Sprintf(`{"Lines":{"Line":{"Change":{"TN":"3125550102","Products":{"Add":[{"ProductID":%d,"Rate":-1,"Quantity":2}]}}}}}`, w.hotspotCap))
			q, _ := w.query(t, ids[0])
			lines := list(t, obj(t, q["Change"])["Lines"])
			if len(lines) != 2 {
				t.Fatalf("Change.Lines after the update: %v", lines)
			}
			// Once sent, the lines cannot change.
			patch(t, domain.RoleRep, ids[0], `{"Status":"SENT"}`)
			apiErrorFields(t, app.API(domain.RoleRep, http.MethodPatch, orderPath(ids[0]),
				fmt.Sprintf(`{"Lines":[{"Change":{"LineID":%d,"Products":{"Add":[{"ProductID":%d}]}}}]}`, L["3125550109"], r.Hotspot)), http.StatusBadRequest)
		})
	})
}

func TestAPISeedOrdersSearch(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedSeedWorld(t, webtest.Open(t, d))
		app := w.app
		acme := w.createNewOrder(t, domain.RoleRep, w.newOrderBody(fmt.Sprintf(`"ESN":%q,"ShippingAddress":%s`, w.spareDevice, shipAddr)))
		wire := w.createOrders(t, `{"Suspend":{"TN":"8475550100","SuspendType":"OUTGOING"}}`)[0]
		search := func(q string) []int64 {
			t.Helper()
			return ids(walkList(t, app, domain.RoleSupport, "/api/orders?"+q, "Orders", 3), "OrderID")
		}
		for q, want := range map[string][]int64{
			"Identifier=" + w.spareDevice:                            {acme},
			"Identifier=nothing-here":                                nil,
			"CarrierID=" + strconv.FormatInt(w.ref.Wireline, 10):     {wire},
			"CarrierID=" + strconv.FormatInt(w.ref.ATT, 10):          nil,
			"TN=(847)%20555-0100":                                    {wire},
			"OrderType=SUSPEND&OrderType=NEW":                        {wire, acme},
			"OrderType=NEW&CustomerID=" + itoa(w.globex.ID):          nil,
			"CustomerID=" + itoa(w.globex.ID):                        {wire},
			"BillProfileID=" + itoa(w.ref.Consumer):                  nil,
			"Status=NEW&RequiresRouteDecision=false":                 {wire, acme},
			"RequiresRouteDecision=true":                             nil,
			"OrderID=" + itoa(acme) + "&OrderID=" + itoa(acme):       {acme},
			"OrderID=" + itoa(acme) + "&Status=COMPLETE":             nil,
			"ShowServiceDetails=false&CustomerID=" + itoa(w.acme.ID): {acme},
		} {
			got := search(q)
			if len(got) != len(want) {
				t.Errorf("?%s found %v, want %v", q, got, want)
				continue
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("?%s found %v, want %v (newest first)", q, got, want)
					break
				}
			}
		}
		for q, field := range map[string]string{
			"CustomerID=-1": "CustomerID[0]", "OrderID=0": "OrderID[0]", "CarrierID=1.5": "CarrierID[0]", "BillProfileID=x": "BillProfileID[0]",
			"Status=new": "Status[0]", "OrderType=Suspend": "OrderType[0]", "ShowServiceDetails=maybe": "ShowServiceDetails",
			"Limit=-1": "Limit", "Limit=0": "Limit", "Limit=501": "Limit", "TN=312555010": "TN[0]", "Customer_ID=4": "Customer_ID",
			"Identifier=a%00": "Identifier[0]", "Identifier=%ff%fe": "Identifier[0]", "PON=%00": "PON[0]", "After=%00": "After",
		} {
			res := app.API(domain.RoleSupport, http.MethodGet, "/api/orders?"+q, "")
			if res.StatusCode != http.StatusBadRequest {
				t.Errorf("?%s: status %d, want 400: %.200s", q, res.StatusCode, res.Text)
				continue
			}
			if got := errorEntries(t, res, http.StatusBadRequest); got[field] == "" {
				t.Errorf("?%s: no error for %q in %v", q, field, got)
			}
		}
		// Limit 0 and Limit -1 are refused alike, in the same words.
		zero := errorEntries(t, app.API(domain.RoleSupport, http.MethodGet, "/api/orders?Limit=0", ""), http.StatusBadRequest)["Limit"]
		if minus := errorEntries(t, app.API(domain.RoleSupport, http.MethodGet, "/api/orders?Limit=-1", ""), http.StatusBadRequest)["Limit"]; zero != minus || zero == "" {
			t.Errorf("Limit=0: %q, Limit=-1: %q; want the same refusal", zero, minus)
		}
		res := app.API(domain.RoleSupport, http.MethodGet, "/api/orders?Status=new", "")
		if got := errorEntries(t, res, http.StatusBadRequest); !strings.Contains(got["Status[0]"], "NEW") {
			t.Errorf("Status=new: %v, want the allowed values", got)
		}
		// Each result has the seed's fields, Services only when asked.
		items := walkList(t, app, domain.RoleSupport, "/api/orders?ShowServiceDetails=true&OrderID="+itoa(wire), "Orders", 5)
		hasKeys(t, "result", items[0], append(slices.Clone(searchFields), "Services")...)
		if items[0]["Carrier"] != "Lumen Wireline" || items[0]["Carrier_Account"] != "Lumen 9" || num(t, items[0]["Carrier_Account_ID"]) != w.wireAcct {
			t.Errorf("result %v", items[0])
		}
	})
}

// TestSeedTextWithNULOnPages: the order page's form reaches the same rules
// as the API; text no database column holds is a form error, not a 500.
func TestSeedTextWithNULOnPages(t *testing.T) {
	app := webtest.Open(t, nil)
	fx := seedOrderFx(t, app)
	o := fxNewService(t, app, fx, fx.acme.ID, 0, "")
	for _, form := range []url.Values{
		{"TrackingNumber": {"1Z\x00"}},
		{"Status": {"HOLD"}, "StatusNote": {"on hold\x00"}},
		{"TrackingNumber": {"1Z\xff"}},
	} {
		form.Set("Version", strconv.Itoa(o.Version))
		res := app.As(domain.RoleRep).PostForm(orderPage(o.ID), form)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%v: status %d, want 422", form, res.StatusCode)
		}
	}
	if got := fxOrder(t, app, o.ID); got.Version != o.Version {
		t.Errorf("refused forms changed the order: version %d, was %d", got.Version, o.Version)
	}
}
