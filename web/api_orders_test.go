package web_test

import (
	"fmt"
	"net/http"
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

// The fields every Orders_Query answer has, beside the kind's object.
var queryFields = []string{"Success", "OrderID", "PON", "OrderType", "Status", "StatusNote", "CustomerID", "CarrierID",
	"CarrierAccountID", "FlowThrough", "ProcessID", "ProcessRouteID", "RequiresRouteDecision", "CreatedDate",
	"CompletionDate", "TrackingNumber", "ShippingStatus", "Routes"}

// The fields of each Orders_Search result (Services only with ShowServiceDetails).
var searchFields = []string{"CustomerID", "Status", "OrderID", "PON", "Order_Type", "Created_Date", "Tracking_Number",
	"Carrier", "Carrier_ID", "Carrier_Account", "Carrier_Account_ID", "Routes"}

func TestAPINewOrdersCreate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedOrderWorld(t, webtest.Open(t, d))
		app := w.app

		t.Run("OK", func(t *testing.T) {
			body := w.newOrderBody(fmt.Sprintf(`"ESN":%q,"WirelessICCID":%q,"Description":%q,"LineTypeID":%d,"ProcessID":%d,
				"ShippingAddress":{"FirstName":"Pat","LastName":"Lee","Address1":"1 Dock Rd","City":"Chicago","State":"il","Zip":"60601"},
				"AdditionalProducts":{"Product":[{"ProductID":%d,"Quantity":2,"Rate":-5.25}]}`,
				w.device, w.sim, hostileScript, w.ref.Voice, w.ref.OneRoute, w.ref.Hotspot))
			m := apiJSON(t, app.API(domain.RoleRep, http.MethodPost, "/api/new-orders", body), http.StatusCreated)
			hasKeys(t, "NewOrders_Create answer", m, "Success", "Orders", "Lines")
			if m["Success"] != true {
				t.Fatalf("Success=%v", m["Success"])
			}
			orders, lines := numbers(t, m, "Orders"), numbers(t, m, "Lines")
			if len(orders) != 1 || len(lines) != 1 {
				t.Fatalf("Orders=%v Lines=%v, want one of each", orders, lines)
			}

			q, etag := w.query(t, orders[0])
			hasKeys(t, "Orders_Query", q, append(slices.Clone(queryFields), "NewService")...)
			if etag == "" {
				t.Error("Orders_Query answered no ETag")
			}
			for k, want := range map[string]any{"OrderType": "NEW", "Status": "NEW", "CustomerID": float64(w.acme.ID),
				"CarrierID": float64(w.ref.VZW), "CarrierAccountID": float64(w.ref.VZWAccount), "FlowThrough": true,
				"ProcessID": float64(w.ref.OneRoute), "RequiresRouteDecision": false, "ShippingStatus": "NOT_SHIPPED",
				"CompletionDate": nil, "TrackingNumber": "", "StatusNote": ""} {
				if q[k] != want {
					t.Errorf("%s=%v, want %v", k, q[k], want)
				}
			}
			if _, err := time.Parse(time.RFC3339, q["CreatedDate"].(string)); err != nil {
				t.Errorf("CreatedDate %q is not RFC 3339", q["CreatedDate"])
			}
			if pon := q["PON"].(string); !domain.ValidPON(pon) {
				t.Errorf("PON %q", pon)
			}
			ns := obj(t, q["NewService"])
			hasKeys(t, "NewService", ns, "CustomerID", "LineID", "TN", "PackageID", "LineTypeID", "Description", "ESN",
				"WirelessICCID", "ReconnectTN", "SendOrders", "WirelessPort", "ShippingAddress", "AdditionalProducts")
			for k, want := range map[string]any{"LineID": float64(lines[0]), "PackageID": float64(w.ref.VZWPackage),
				"LineTypeID": float64(w.ref.Voice), "Description": hostileScript, "ESN": w.device, "WirelessICCID": w.sim,
				"ReconnectTN": "", "WirelessPort": nil} {
				if ns[k] != want {
					t.Errorf("NewService.%s=%v, want %v", k, ns[k], want)
				}
			}
			ap := list(t, ns["AdditionalProducts"])
			if len(ap) != 1 {
				t.Fatalf("AdditionalProducts=%v, want the one asked for", ap)
			}
			p := obj(t, ap[0])
			hasKeys(t, "AdditionalProducts[0]", p, "ProductID", "Rate", "Quantity", "Description")
			if num(t, p["ProductID"]) != w.ref.Hotspot || p["Quantity"] != float64(2) || p["Rate"] != -5.25 {
				t.Errorf("AdditionalProducts[0]=%v", p)
			}
			if sa := obj(t, ns["ShippingAddress"]); sa["State"] != "IL" || sa["Country"] != "USA" {
				t.Errorf("ShippingAddress=%v, want State IL and Country USA", sa)
			}
			// The answer is JSON: the hostile description is a plain string, not markup.
			res := app.API(domain.RoleSupport, http.MethodGet, orderPath(orders[0]), "")
			if strings.Contains(res.Text, "<script>") {
				t.Errorf("answer holds raw markup: %s", res.Text)
			}
		})

		t.Run("WirelessPortNeverAnswersPIN", func(t *testing.T) {
			body := fmt.Sprintf(`{"CustomerID":%d,"PackageID":%d,"WirelessPort":{"MDN":"(773) 555-0199","AccountNumber":"4471",
				"AuthorizedSigner":"Pat Lee","PINPassword":"8642","Remark":%q,
				"Address":{"FirstName":"Pat","LastName":"Lee","Address1":"9 Elm St","City":"Evanston","State":"IL","Zip":"60201","Zip4":"1234"}}}`,
				w.globex.ID, w.ref.VZWPackage, hostileImg)
			id := w.createNewOrder(t, domain.RoleRep, body)
			res := app.API(domain.RoleSupport, http.MethodGet, orderPath(id), "")
			q := apiJSON(t, res, http.StatusOK)
			ns := obj(t, q["NewService"])
			wp := obj(t, ns["WirelessPort"])
			hasKeys(t, "WirelessPort", wp, "MDN", "AccountNumber", "AuthorizedSigner", "Remark", "Address", "ExternalProvider")
			if wp["Remark"] != hostileImg || wp["MDN"] != "7735550199" || ns["TN"] != "7735550199" {
				t.Errorf("WirelessPort=%v TN=%v", wp, ns["TN"])
			}
			for _, secret := range []string{"PINPassword", "8642", "531046789", "123456789", "SSN", "TaxID"} {
				if strings.Contains(res.Text, secret) {
					t.Errorf("Orders_Query answers %q", secret)
				}
			}
		})

		t.Run("ErrRules", func(t *testing.T) {
			before := len(walkList(t, app, domain.RoleSupport, "/api/orders", "Orders", 500))
			cases := []struct {
				name, body string
				fields     []string
			}{
				{"PackageRequired", fmt.Sprintf(`{"CustomerID":%d}`, w.acme.ID), []string{"PackageID"}},
				{"CustomerRequired", fmt.Sprintf(`{"PackageID":%d}`, w.ref.VZWPackage), []string{"CustomerID"}},
				{"UnknownCustomer", fmt.Sprintf(`{"CustomerID":999999,"PackageID":%d}`, w.ref.VZWPackage), []string{"CustomerID"}},
				{"ZipAndState", w.newOrderBody(`"ShippingAddress":{"ID":4,"FirstName":"P","LastName":"L","Address1":"1 A St","City":"C","State":"ILL","Zip":"606","Zip4":"12"}`),
					[]string{"ShippingAddress.ID", "ShippingAddress.State", "ShippingAddress.Zip", "ShippingAddress.Zip4"}},
				{"Quantity", w.newOrderBody(fmt.Sprintf(`"AdditionalProducts":[{"ProductID":%d,"Quantity":0}]`, w.ref.Hotspot)),
					[]string{"AdditionalProducts[0].Quantity"}},
				{"PortFields", w.newOrderBody(`"WirelessPort":{"MDN":"12"}`),
					[]string{"WirelessPort.MDN", "WirelessPort.AccountNumber", "WirelessPort.AuthorizedSigner", "WirelessPort.PINPassword", "WirelessPort.Address"}},
			}
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					got := errorEntries(t, app.API(domain.RoleRep, http.MethodPost, "/api/new-orders", tc.body), http.StatusBadRequest)
					for _, f := range tc.fields {
						if _, ok := got[f]; !ok {
							t.Errorf("no error for %s in %v", f, got)
						}
					}
				})
			}
			if after := len(walkList(t, app, domain.RoleSupport, "/api/orders", "Orders", 500)); after != before {
				t.Errorf("refused requests created %d orders", after-before)
			}
		})
	})
}

func TestAPIOrdersCreate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedOrderWorld(t, webtest.Open(t, d))
		app := w.app
		L := w.line

		t.Run("Suspend", func(t *testing.T) {
			ids := w.createOrders(t, fmt.Sprintf(`{"Suspend":{"CustomerID":%d,"LineID":%d,"SuspendType":"INCOMING","FlowThrough":false}}`, w.acme.ID, L["3125550101"]))
			if len(ids) != 1 {
				t.Fatalf("OrderIDs=%v", ids)
			}
			q, _ := w.query(t, ids[0])
			hasKeys(t, "Orders_Query", q, append(slices.Clone(queryFields), "Suspend")...)
			if q["OrderType"] != "SUSPEND" || q["FlowThrough"] != false {
				t.Errorf("OrderType=%v FlowThrough=%v", q["OrderType"], q["FlowThrough"])
			}
			s := obj(t, q["Suspend"])
			hasKeys(t, "Suspend", s, "CustomerID", "Status", "StatusNote", "TN", "LineID", "SuspendType")
			for k, want := range map[string]any{"CustomerID": float64(w.acme.ID), "Status": "NEW", "StatusNote": "",
				"TN": "3125550101", "LineID": float64(L["3125550101"]), "SuspendType": "INCOMING"} {
				if s[k] != want {
					t.Errorf("Suspend.%s=%v, want %v", k, s[k], want)
				}
			}
		})

		t.Run("Restore", func(t *testing.T) {
			ids := w.createOrders(t, `{"Restore":{"TN":"312-555-0102"}}`)
			q, _ := w.query(t, ids[0])
			hasKeys(t, "Orders_Query", q, append(slices.Clone(queryFields), "Restore")...)
			r := obj(t, q["Restore"])
			hasKeys(t, "Restore", r, "CustomerID", "Status", "StatusNote", "TN", "LineID")
			if r["TN"] != "3125550102" || num(t, r["LineID"]) != L["3125550102"] || num(t, r["CustomerID"]) != w.acme.ID {
				t.Errorf("Restore=%v", r)
			}
		})

		t.Run("Disconnect", func(t *testing.T) {
			ids := w.createOrders(t, fmt.Sprintf(`{"Disconnect":{"CustomerID":%d,"LineID":%d,"InventoryItemStatus":"UNAVAILABLE","Status":"NEW"}}`, w.acme.ID, L["3125550103"]))
			q, _ := w.query(t, ids[0])
			hasKeys(t, "Orders_Query", q, append(slices.Clone(queryFields), "Disconnect")...)
			dc := obj(t, q["Disconnect"])
			hasKeys(t, "Disconnect", dc, "CustomerID", "Status", "StatusNote", "TN", "LineID")
			if dc["TN"] != "3125550103" || num(t, dc["LineID"]) != L["3125550103"] {
				t.Errorf("Disconnect=%v", dc)
			}
		})

		t.Run("AddLine", func(t *testing.T) {
			body := fmt.Sprintf(`{"AddLine":{"CustomerID":%d,"BillingOption":"NEXT_CYCLE","Lines":{"Line":[
				{"TN":"0000000000","PackageID":%d,"Description":%q,"PBXMake":%q,"Products":{"Product":{"ProductID":%d,"Rate":"12.5"}}},
				{"TN":"3125550199","PackageID":%d}]}}}`,
				w.acme.ID, w.ref.VZWPackage, hostileImg, hostileScript, w.ref.Hotspot, w.vzwBasic)
			ids := w.createOrders(t, body)
			if len(ids) != 1 {
				t.Fatalf("OrderIDs=%v, want one order (one carrier account)", ids)
			}
			q, _ := w.query(t, ids[0])
			hasKeys(t, "Orders_Query", q, append(slices.Clone(queryFields), "AddLine")...)
			lines := list(t, obj(t, q["AddLine"])["Lines"])
			if len(lines) != 2 {
				t.Fatalf("AddLine.Lines=%v, want 2", lines)
			}
			first := obj(t, lines[0])
			hasKeys(t, "AddLine.Lines[0]", first, "LineID", "TN", "PackageID", "CarrierID", "CarrierAccountID", "Products")
			if first["TN"] != "" || num(t, first["LineID"]) == 0 || num(t, first["CarrierID"]) != w.ref.VZW ||
				num(t, first["CarrierAccountID"]) != w.ref.VZWAccount || num(t, first["PackageID"]) != w.ref.VZWPackage {
				t.Errorf("AddLine.Lines[0]=%v", first)
			}
			prods := list(t, first["Products"])
			if len(prods) != 1 {
				t.Fatalf("AddLine.Lines[0].Products=%v, want the one asked for", prods)
			}
			p := obj(t, prods[0])
			hasKeys(t, "AddLine.Lines[0].Products[0]", p, "ProductID", "Rate", "Quantity")
			if num(t, p["ProductID"]) != w.ref.Hotspot || p["Rate"] != 12.5 || p["Quantity"] != float64(1) {
				t.Errorf("product %v: want Hotspot at 12.50, quantity 1 by default", p)
			}
			if second := obj(t, lines[1]); second["TN"] != "3125550199" {
				t.Errorf("AddLine.Lines[1].TN=%v", second["TN"])
			}
		})

		t.Run("Change", func(t *testing.T) {
			cp := w.customerProduct(t, L["3125550104"])
			body := fmt.Sprintf(`{"Change":{"IgnoreRelatedProducts":true,"Lines":[
				{"Change":{"LineID":%d,"Products":{"Add":[{"ProductID":%d,"Quantity":3}],"Change":[{"CustomerProductID":%d,"Quantity":5,"Rate":-1}]}}},
				{"Disconnect":{"TN":"3125550105"}}]}}`, L["3125550104"], w.ref.Hotspot, cp)
			ids := w.createOrders(t, body)
			q, _ := w.query(t, ids[0])
			hasKeys(t, "Orders_Query", q, append(slices.Clone(queryFields), "Change")...)
			if q["OrderType"] != "CHANGE_FEATURE" {
				t.Errorf("OrderType=%v", q["OrderType"])
			}
			lines := list(t, obj(t, q["Change"])["Lines"])
			if len(lines) != 2 {
				t.Fatalf("Change.Lines=%v, want a Change and a Disconnect", lines)
			}
			ch := obj(t, obj(t, lines[0])["Change"])
			hasKeys(t, "Change.Lines[0]", obj(t, lines[0]), "Change")
			hasKeys(t, "Change.Lines[0].Change", ch, "LineID", "TN", "Products")
			prods := obj(t, ch["Products"])
			hasKeys(t, "Change.Lines[0].Change.Products", prods, "Add", "Change", "Remove")
			add := list(t, prods["Add"])
			if len(add) != 1 || num(t, obj(t, add[0])["ProductID"]) != w.ref.Hotspot || obj(t, add[0])["Quantity"] != float64(3) {
				t.Errorf("Add=%v", add)
			}
			chg := list(t, prods["Change"])
			if len(chg) != 1 {
				t.Fatalf("Change=%v", chg)
			}
			hasKeys(t, "Products.Change[0]", obj(t, chg[0]), "CustomerProductID", "Rate", "Quantity")
			if c := obj(t, chg[0]); num(t, c["CustomerProductID"]) != cp || c["Quantity"] != float64(5) || c["Rate"] != float64(-1) {
				t.Errorf("Products.Change[0]=%v", c)
			}
			dc := obj(t, obj(t, lines[1])["Disconnect"])
			hasKeys(t, "Change.Lines[1].Disconnect", dc, "LineID", "TN")
			if dc["TN"] != "3125550105" || num(t, dc["LineID"]) != L["3125550105"] {
				t.Errorf("Disconnect=%v", dc)
			}
		})

		t.Run("PackageChange", func(t *testing.T) {
			ids := w.createOrders(t, fmt.Sprintf(`{"PackageChange":{"LineID":%d,"PackageID":%d,"Prorate":true}}`, L["3125550106"], w.vzwBasic))
			q, _ := w.query(t, ids[0])
			hasKeys(t, "Orders_Query", q, append(slices.Clone(queryFields), "PackageChange")...)
			pc := obj(t, q["PackageChange"])
			hasKeys(t, "PackageChange", pc, "LineID", "TN", "PackageID", "Prorate")
			if num(t, pc["LineID"]) != L["3125550106"] || pc["TN"] != "3125550106" || num(t, pc["PackageID"]) != w.vzwBasic || pc["Prorate"] != true {
				t.Errorf("PackageChange=%v", pc)
			}
		})

		t.Run("ErrRules", func(t *testing.T) {
			before := len(walkList(t, app, domain.RoleSupport, "/api/orders", "Orders", 500))
			cases := []struct {
				name, body string
				fields     []string
			}{
				{"SuspendEachRuleItsOwnEntry", fmt.Sprintf(`{"Suspend":{"CustomerID":%d,"LineID":%d,"TN":"3125550107","SuspendType":"SOME","StatusNote":"x","Status":"SENT"}}`, w.acme.ID, L["3125550107"]),
					[]string{"Suspend.LineID", "Suspend.SuspendType", "Suspend.StatusNote", "Suspend.Status"}},
				{"SuspendType", fmt.Sprintf(`{"Suspend":{"CustomerID":%d,"LineID":%d}}`, w.acme.ID, L["3125550107"]), []string{"Suspend.SuspendType"}},
				{"OutgoingNotForWireless", fmt.Sprintf(`{"Suspend":{"CustomerID":%d,"LineID":%d,"SuspendType":"OUTGOING"}}`, w.acme.ID, L["3125550107"]), []string{"Suspend.SuspendType"}},
				{"DisconnectStatusNote", fmt.Sprintf(`{"Disconnect":{"CustomerID":%d,"LineID":%d,"StatusNote":"now"}}`, w.acme.ID, L["3125550107"]), []string{"Disconnect.StatusNote"}},
				{"DisconnectInventoryStatus", fmt.Sprintf(`{"Disconnect":{"CustomerID":%d,"LineID":%d,"InventoryItemStatus":"GONE"}}`, w.acme.ID, L["3125550107"]), []string{"Disconnect.InventoryItemStatus"}},
				{"RestoreActiveLine", fmt.Sprintf(`{"Restore":{"CustomerID":%d,"LineID":%d}}`, w.acme.ID, L["3125550107"]), []string{"Restore.LineID"}},
				{"AddLinePackage", fmt.Sprintf(`{"AddLine":{"CustomerID":%d,"Lines":[{"TN":"31255"}]}}`, w.acme.ID), []string{"AddLine.Lines[0].TN", "AddLine.Lines[0].PackageID"}},
				{"AddLineBilling", fmt.Sprintf(`{"AddLine":{"CustomerID":%d,"BillingOption":"LATER","Lines":[{"PackageID":%d}]}}`, w.acme.ID, w.ref.VZWPackage), []string{"AddLine.BillingOption"}},
				{"ChangeProduct", fmt.Sprintf(`{"Change":{"Lines":[{"Change":{"LineID":%d,"Products":{"Add":[{"ProductID":999999}]}}}]}}`, L["3125550107"]),
					[]string{"Change.Lines[0].Change.Products.Add[0].ProductID"}},
				{"PackageChangePackage", fmt.Sprintf(`{"PackageChange":{"LineID":%d}}`, L["3125550107"]), []string{"PackageChange.PackageID"}},
				{"TwoKinds", fmt.Sprintf(`{"Restore":{"LineID":%d},"PackageChange":{"LineID":%d}}`, L["3125550102"], L["3125550107"]), []string{"PackageChange"}},
				{"NoKind", `{}`, []string{""}},
			}
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					got := errorEntries(t, app.API(domain.RoleRep, http.MethodPost, "/api/orders", tc.body), http.StatusBadRequest)
					for _, f := range tc.fields {
						if _, ok := got[f]; !ok {
							t.Errorf("no error for %q in %v", f, got)
						}
					}
				})
			}
			if after := len(walkList(t, app, domain.RoleSupport, "/api/orders", "Orders", 500)); after != before {
				t.Errorf("refused requests created %d orders", after-before)
			}
		})
	})
}

// TestAPIOrdersBadInput sends what a careless or hostile client might:
// every answer is a 400 with the JSON error body, never a 500.
func TestAPIOrdersBadInput(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedOrderWorld(t, webtest.Open(t, d))
		app := w.app
		id := w.createNewOrder(t, domain.RoleRep, w.newOrderBody(""))
		bodies := map[string]string{
			"Empty": "", "Null": "null", "Array": "[]", "String": `"x"`, "Number": "12", "Truncated": `{"Suspend":{`,
			"NotJSON": "Suspend=1", "TwoObjects": `{} {}`, "TrailingGarbage": `{}x`,
			"UnknownField": `{"Suspend":{"LineId":1},"Extra":true}`, "WrongTypes": `{"Suspend":{"LineID":"one","FlowThrough":"yes"}}`,
			"HugeInt": `{"Suspend":{"LineID":99999999999999999999999}}`, "HugeFloat": `{"Suspend":{"LineID":1e400}}`,
			"Fraction": `{"Suspend":{"LineID":1.5}}`, "NegativeHuge": `{"AddLine":{"CustomerID":-9223372036854775809}}`,
			"HugeRate": `{"AddLine":{"Lines":[{"Products":[{"ProductID":1,"Rate":1e300}]}]}}`, "BadRate": `{"AddLine":{"Lines":[{"Products":[{"Rate":"ten"}]}]}}`,
			"HugeQuantity": `{"Change":{"Lines":[{"Change":{"LineID":1,"Products":{"Add":[{"ProductID":1,"Quantity":1e10}]}}}]}}`,
			"NullEntry":    `{"Change":{"Lines":[null]}}`, "ListOfStrings": `{"AddLine":{"Lines":{"Line":"x"}}}`,
			"DeepNesting": strings.Repeat("[", 20000) + strings.Repeat("]", 20000),
			"InvalidUTF8": "{\"Suspend\":{\"TN\":\"\xff\xfe\"}}", "NulByte": "{\"Suspend\":{\"TN\":\"\x00\"}}",
			"Huge": `{"Suspend":{"TN":"` + strings.Repeat("9", 2<<20) + `"}}`,
		}
		endpoints := []struct{ method, path string }{
			{http.MethodPost, "/api/orders"}, {http.MethodPost, "/api/new-orders"}, {http.MethodPatch, orderPath(id)},
		}
		for _, ep := range endpoints {
			for name, body := range bodies {
				res := app.Anonymous().Do(ep.method, ep.path, strings.NewReader(body),
					"Authorization", "Bearer "+app.Tokens[domain.RoleAdmin], "Content-Type", "application/json")
				if res.StatusCode != http.StatusBadRequest {
					t.Errorf("%s %s %s: status %d, want 400: %.200s", ep.method, ep.path, name, res.StatusCode, res.Text)
					continue
				}
				apiErrorFields(t, res, http.StatusBadRequest)
			}
			for _, ct := range []string{"text/plain", "application/x-www-form-urlencoded", "application/xml", "garbage;;="} {
				res := app.Anonymous().Do(ep.method, ep.path, strings.NewReader(`{}`),
					"Authorization", "Bearer "+app.Tokens[domain.RoleAdmin], "Content-Type", ct)
				apiErrorFields(t, res, http.StatusBadRequest)
			}
		}
		for _, path := range []string{"/api/orders/abc", "/api/orders/0", "/api/orders/-4", "/api/orders/99999999999999999999", "/api/orders/999999",
			"/api/orders/999999/history"} {
			apiErrorFields(t, app.API(domain.RoleSupport, http.MethodGet, path, ""), http.StatusNotFound)
		}
		apiErrorFields(t, app.API(domain.RoleRep, http.MethodPatch, "/api/orders/999999", `{"TrackingNumber":"x"}`), http.StatusNotFound)
	})
}

func TestAPIOrdersRoles(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedOrderWorld(t, webtest.Open(t, d))
		app := w.app
		id := w.createNewOrder(t, domain.RoleRep, w.newOrderBody(""))
		suspend := fmt.Sprintf(`{"Suspend":{"CustomerID":%d,"LineID":%d,"SuspendType":"ALL"}}`, w.acme.ID, w.line["3125550108"])
		endpoints := []struct {
			method, path, body string
			min                domain.Role
			ok                 int
		}{
			{http.MethodPost, "/api/new-orders", w.newOrderBody(""), domain.RoleRep, http.StatusCreated},
			{http.MethodPost, "/api/orders", suspend, domain.RoleRep, http.StatusCreated},
			{http.MethodGet, "/api/orders", "", domain.RoleSupport, http.StatusOK},
			{http.MethodGet, orderPath(id), "", domain.RoleSupport, http.StatusOK},
			{http.MethodPatch, orderPath(id), `{"TrackingNumber":"1Z999"}`, domain.RoleRep, http.StatusOK},
			{http.MethodGet, orderPath(id) + "/history", "", domain.RoleSupport, http.StatusOK},
		}
		for _, ep := range endpoints {
			// No token, then a bad one: 401, nothing done.
			apiErrorFields(t, app.API("", ep.method, ep.path, ep.body), http.StatusUnauthorized)
			apiErrorFields(t, app.Anonymous().Do(ep.method, ep.path, strings.NewReader(ep.body), "Authorization", "Bearer sbt_nope"), http.StatusUnauthorized)
			for _, role := range domain.Roles {
				if role.AtLeast(ep.min) {
					continue
				}
				apiErrorFields(t, app.API(role, ep.method, ep.path, ep.body), http.StatusForbidden)
			}
		}
		// Nothing refused was created or changed.
		if got := len(walkList(t, app, domain.RoleSupport, "/api/orders", "Orders", 50)); got != 1 {
			t.Fatalf("%d orders after refused requests, want the 1 made by the rep", got)
		}
		// The least role allowed gets through.
		for _, ep := range endpoints {
			apiJSON(t, app.API(ep.min, ep.method, ep.path, ep.body), ep.ok)
		}

		t.Run("RouteDecisionIsASupervisors", func(t *testing.T) {
			id := w.createNewOrder(t, domain.RoleRep, w.newOrderBody(fmt.Sprintf(`"ProcessID":%d`, w.ref.TwoRoutes)))
			q, _ := w.query(t, id)
			if q["RequiresRouteDecision"] != true || q["ProcessRouteID"] != nil {
				t.Fatalf("RequiresRouteDecision=%v ProcessRouteID=%v, want a decision pending", q["RequiresRouteDecision"], q["ProcessRouteID"])
			}
			routes := list(t, q["Routes"])
			if len(routes) != 2 {
				t.Fatalf("Routes=%v, want the process's two", routes)
			}
			route := obj(t, routes[1])
			hasKeys(t, "Routes[1]", route, "ID", "Description")
			body := fmt.Sprintf(`{"ProcessRouteID":%d}`, num(t, route["ID"]))
			apiErrorFields(t, app.API(domain.RoleRep, http.MethodPatch, orderPath(id), body), http.StatusForbidden)
			if q, _ := w.query(t, id); q["RequiresRouteDecision"] != true {
				t.Fatal("a refused route decision changed the order")
			}
			m := apiJSON(t, app.API(domain.RoleSupervisor, http.MethodPatch, orderPath(id), body), http.StatusOK)
			hasKeys(t, "Orders_Update answer", m, "Success")
			q, _ = w.query(t, id)
			if q["RequiresRouteDecision"] != false || num(t, q["ProcessRouteID"]) != num(t, route["ID"]) {
				t.Fatalf("after the decision: RequiresRouteDecision=%v ProcessRouteID=%v", q["RequiresRouteDecision"], q["ProcessRouteID"])
			}
			// Another process's route is refused, with the seed's field.
			got := errorEntries(t, app.API(domain.RoleSupervisor, http.MethodPatch, orderPath(id), `{"ProcessRouteID":999999}`), http.StatusBadRequest)
			if _, ok := got["ProcessRouteID"]; !ok {
				t.Errorf("no ProcessRouteID error in %v", got)
			}
		})

		t.Run("CancelIsASupervisors", func(t *testing.T) {
			id := w.createNewOrder(t, domain.RoleRep, w.newOrderBody(""))
			apiErrorFields(t, app.API(domain.RoleRep, http.MethodPatch, orderPath(id), `{"Status":"CANCELED"}`), http.StatusForbidden)
			apiJSON(t, app.API(domain.RoleSupervisor, http.MethodPatch, orderPath(id), `{"Status":"CANCELED"}`), http.StatusOK)
		})
	})
}

func TestAPIOrderUpdate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedOrderWorld(t, webtest.Open(t, d))
		app := w.app

		t.Run("ETagAndIfMatch", func(t *testing.T) {
			id := w.createNewOrder(t, domain.RoleRep, w.newOrderBody(""))
			_, etag := w.query(t, id)
			if etag == "" {
				t.Fatal("no ETag")
			}
			res := app.API(domain.RoleRep, http.MethodPatch, orderPath(id), `{"TrackingNumber":"1Z0001"}`, "If-Match", etag)
			m := apiJSON(t, res, http.StatusOK)
			hasKeys(t, "Orders_Update answer", m, "Success")
			fresh := res.Header.Get("ETag")
			if fresh == "" || fresh == etag {
				t.Fatalf("ETag after the update %q, want a new one (was %q)", fresh, etag)
			}
			if _, now := w.query(t, id); now != fresh {
				t.Fatalf("Orders_Query ETag %q, want the update's %q", now, fresh)
			}

			// The old ETag is stale: 412, a clear message, nothing changed.
			res = app.API(domain.RoleRep, http.MethodPatch, orderPath(id), `{"TrackingNumber":"1Z0002"}`, "If-Match", etag)
			got := errorEntries(t, res, http.StatusPreconditionFailed)
			if msg := got[""]; !strings.Contains(msg, "changed since you read it") || !strings.Contains(msg, fresh) {
				t.Errorf("412 message %q: want it to say the order changed and name the current ETag", msg)
			}
			if q, now := w.query(t, id); q["TrackingNumber"] != "1Z0001" || now != fresh {
				t.Fatalf("a stale update changed the order: TrackingNumber=%v ETag=%s", q["TrackingNumber"], now)
			}
			for _, bad := range []string{`W/` + fresh, `"nonsense"`, `"999-1"`, "garbage"} {
				apiErrorFields(t, app.API(domain.RoleRep, http.MethodPatch, orderPath(id), `{"TrackingNumber":"x"}`, "If-Match", bad), http.StatusPreconditionFailed)
			}

			// The fresh ETag (alone, or in a list) is accepted.
			res = app.API(domain.RoleRep, http.MethodPatch, orderPath(id), `{"TrackingNumber":"1Z0003"}`, "If-Match", etag+", "+fresh)
			apiJSON(t, res, http.StatusOK)
			res = app.API(domain.RoleRep, http.MethodPatch, orderPath(id), `{"TrackingNumber":"1Z0004"}`, "If-Match", res.Header.Get("ETag"))
			apiJSON(t, res, http.StatusOK)
			// "*" and no If-Match apply to the order as it is now.
			apiJSON(t, app.API(domain.RoleRep, http.MethodPatch, orderPath(id), `{"TrackingNumber":"1Z0005"}`, "If-Match", "*"), http.StatusOK)
			apiJSON(t, app.API(domain.RoleRep, http.MethodPatch, orderPath(id), `{"TrackingNumber":"1Z0006"}`), http.StatusOK)
			if q, _ := w.query(t, id); q["TrackingNumber"] != "1Z0006" {
				t.Fatalf("TrackingNumber=%v, want 1Z0006", q["TrackingNumber"])
			}
		})

		t.Run("StatusAndCompletion", func(t *testing.T) {
			id := w.createNewOrder(t, domain.RoleRep, w.newOrderBody(""))
			today := time.Now().UTC().Format("2006-01-02")
			apiJSON(t, app.API(domain.RoleRep, http.MethodPatch, orderPath(id), `{"Status":"COMPLETE","CompletionDate":"`+today+`","ShippingStatus":"SHIPPED"}`), http.StatusOK)
			q, _ := w.query(t, id)
			if q["Status"] != "COMPLETE" || q["CompletionDate"] != today+"T00:00:00Z" || q["ShippingStatus"] != "SHIPPED" {
				t.Fatalf("Status=%v CompletionDate=%v ShippingStatus=%v", q["Status"], q["CompletionDate"], q["ShippingStatus"])
			}
		})

		t.Run("ErrRules", func(t *testing.T) {
			id := w.createNewOrder(t, domain.RoleRep, w.newOrderBody(""))
			_, etag := w.query(t, id)
			cases := []struct {
				name, body string
				fields     []string
			}{
				{"CompletionDateOnlyToComplete", `{"CompletionDate":"2026-01-01"}`, []string{"CompletionDate"}},
				{"StatusNoteOnlyWithStatus", `{"StatusNote":"why"}`, []string{"StatusNote"}},
				{"ShippingStatus", `{"ShippingStatus":"LOST"}`, []string{"ShippingStatus"}},
				{"IllegalMove", `{"Status":"PROVISIONED"}`, []string{"Status"}},
				{"UnknownProcess", `{"ProcessID":999999}`, []string{"ProcessID"}},
				{"TrackingTooLong", `{"TrackingNumber":"` + strings.Repeat("Z", 61) + `"}`, []string{"TrackingNumber"}},
				{"EachRuleItsOwnEntry", `{"ShippingStatus":"LOST","CompletionDate":"2026-01-01","TrackingNumber":"` + strings.Repeat("Z", 61) + `"}`,
					[]string{"ShippingStatus", "CompletionDate", "TrackingNumber"}},
				{"LineProduct", fmt.Sprintf(`{"Lines":[{"Change":{"LineID":%d,"Products":{"Add":[{"ProductID":999999}]}}}]}`, w.line["3125550109"]),
					[]string{"Lines[0].Change.Products.Add[0].ProductID"}},
			}
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					got := errorEntries(t, app.API(domain.RoleRep, http.MethodPatch, orderPath(id), tc.body), http.StatusBadRequest)
					for _, f := range tc.fields {
						if _, ok := got[f]; !ok {
							t.Errorf("no error for %q in %v", f, got)
						}
					}
				})
			}
			if _, now := w.query(t, id); now != etag {
				t.Errorf("refused updates changed the order: ETag %s, was %s", now, etag)
			}
		})
	})
}

func TestAPIOrderHistory(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedOrderWorld(t, webtest.Open(t, d))
		app := w.app
		id := w.createNewOrder(t, domain.RoleRep, w.newOrderBody(""))
		apiJSON(t, app.API(domain.RoleRep, http.MethodPatch, orderPath(id), mustJSON(map[string]any{"TrackingNumber": hostileImg})), http.StatusOK)
		apiJSON(t, app.API(domain.RoleSupervisor, http.MethodPatch, orderPath(id), mustJSON(map[string]any{"Status": "HOLD", "StatusNote": hostileScript})), http.StatusOK)

		m := apiJSON(t, app.API(domain.RoleSupport, http.MethodGet, orderPath(id)+"/history", ""), http.StatusOK)
		hasKeys(t, "history answer", m, "Success", "History")
		hist := list(t, m["History"])
		if len(hist) != 3 {
			t.Fatalf("History has %d events, want create and two updates: %v", len(hist), hist)
		}
		var last time.Time
		for i, e := range hist {
			ev := obj(t, e)
			hasKeys(t, fmt.Sprintf("History[%d]", i), ev, "At", "User", "Action", "Changes")
			at, err := time.Parse(time.RFC3339, ev["At"].(string))
			if err != nil {
				t.Fatalf("History[%d].At %q is not RFC 3339", i, ev["At"])
			}
			if at.Before(last) {
				t.Errorf("History[%d] at %v is before the one above it: want oldest first", i, at)
			}
			last = at
			if ev["Action"] == "" {
				t.Errorf("History[%d] has no Action", i)
			}
		}
		first, second, third := obj(t, hist[0]), obj(t, hist[1]), obj(t, hist[2])
		if first["User"] != "test-rep" || second["User"] != "test-rep" || third["User"] != "test-supervisor" {
			t.Errorf("Users %v, %v, %v", first["User"], second["User"], third["User"])
		}
		wantChange := func(ev map[string]any, field string, before, after any) {
			t.Helper()
			ch := obj(t, ev["Changes"])
			pair := list(t, ch[field])
			if len(pair) != 2 || pair[0] != before || pair[1] != after {
				t.Errorf("Changes.%s=%v, want [%v, %v]", field, ch[field], before, after)
			}
		}
		wantChange(second, "TrackingNumber", "", hostileImg)
		wantChange(third, "Status", "NEW", "HOLD")
		wantChange(third, "StatusNote", "", hostileScript)

		// The hostile strings come back as plain JSON strings everywhere.
		q, _ := w.query(t, id)
		if q["StatusNote"] != hostileScript || q["TrackingNumber"] != hostileImg {
			t.Errorf("StatusNote=%v TrackingNumber=%v", q["StatusNote"], q["TrackingNumber"])
		}
		res := app.API(domain.RoleSupport, http.MethodGet, "/api/orders?OrderID="+strconv.FormatInt(id, 10), "")
		s := apiJSON(t, res, http.StatusOK)
		if got := obj(t, list(t, s["Orders"])[0])["Tracking_Number"]; got != hostileImg {
			t.Errorf("Tracking_Number=%v", got)
		}
		for _, path := range []string{orderPath(id), orderPath(id) + "/history", "/api/orders?OrderID=" + strconv.FormatInt(id, 10)} {
			res := app.API(domain.RoleSupport, http.MethodGet, path, "")
			if strings.Contains(res.Text, "<script>") || strings.Contains(res.Text, "<img") {
				t.Errorf("%s answers raw markup: %s", path, res.Text)
			}
		}
	})
}

func TestAPIOrderSearch(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedOrderWorld(t, webtest.Open(t, d))
		app := w.app
		var all, acme []int64
		for i := range 23 {
			cust := w.acme
			if i%3 == 0 {
				cust = w.globex
			}
			body := fmt.Sprintf(`{"CustomerID":%d,"PackageID":%d}`, cust.ID, w.ref.VZWPackage)
			if i%5 == 0 {
				body = fmt.Sprintf(`{"CustomerID":%d,"PackageID":%d,"ProcessID":%d}`, cust.ID, w.ref.VZWPackage, w.ref.TwoRoutes)
			}
			id := w.createNewOrder(t, domain.RoleRep, body)
			all = append(all, id)
			if cust == w.acme {
				acme = append(acme, id)
			}
		}
		susp := w.createOrders(t, `{"Suspend":{"TN":"3125550110","SuspendType":"ALL"}}`)
		all = append(all, susp...)
		acme = append(acme, susp...)

		t.Run("PagingWalksEveryOrderOnceNewestFirst", func(t *testing.T) {
			items := walkList(t, app, domain.RoleSupport, "/api/orders", "Orders", 4)
			got := ids(items, "OrderID")
			assertEachOnce(t, "orders", got, all)
			for i := 1; i < len(got); i++ {
				if got[i] >= got[i-1] {
					t.Errorf("order %d listed after %d: want newest first", got[i], got[i-1])
				}
			}
			for i, it := range items {
				hasKeys(t, fmt.Sprintf("Orders[%d]", i), it, searchFields...)
				if _, err := time.Parse(time.RFC3339, it["Created_Date"].(string)); err != nil {
					t.Errorf("Created_Date %q", it["Created_Date"])
				}
			}
			first := items[len(items)-1]
			if first["Carrier"] != "Verizon Wireless" || num(t, first["Carrier_ID"]) != w.ref.VZW ||
				first["Carrier_Account"] != "VZW Enterprise 0042" || num(t, first["Carrier_Account_ID"]) != w.ref.VZWAccount ||
				first["Order_Type"] != "NEW" || first["Status"] != "NEW" || first["Tracking_Number"] != "" {
				t.Errorf("oldest order %v", first)
			}
			m := apiJSON(t, app.API(domain.RoleSupport, http.MethodGet, "/api/orders", ""), http.StatusOK)
			hasKeys(t, "Orders_Search answer", m, "Success", "Orders", "Next")
			if m["Next"] != "" {
				t.Errorf("Next=%v on a last page, want \"\"", m["Next"])
			}
		})

		t.Run("Filters", func(t *testing.T) {
			q := fmt.Sprintf("/api/orders?CustomerID=%d", w.acme.ID)
			assertEachOnce(t, "CustomerID", ids(walkList(t, app, domain.RoleSupport, q, "Orders", 5), "OrderID"), acme)
			q = fmt.Sprintf("/api/orders?CustomerID=%d&CustomerID=%d", w.acme.ID, w.globex.ID)
			assertEachOnce(t, "two CustomerIDs", ids(walkList(t, app, domain.RoleSupport, q, "Orders", 5), "OrderID"), all)
			assertEachOnce(t, "OrderType", ids(walkList(t, app, domain.RoleSupport, "/api/orders?OrderType=SUSPEND", "Orders", 5), "OrderID"), susp)
			assertEachOnce(t, "TN", ids(walkList(t, app, domain.RoleSupport, "/api/orders?TN=312-555-0110", "Orders", 5), "OrderID"), susp)
			assertEachOnce(t, "OrderID", ids(walkList(t, app, domain.RoleSupport, fmt.Sprintf("/api/orders?OrderID=%d&OrderID=%d", all[0], all[1]), "Orders", 5), "OrderID"), all[:2])
			sq, _ := w.query(t, susp[0])
			assertEachOnce(t, "PON", ids(walkList(t, app, domain.RoleSupport, "/api/orders?PON="+sq["PON"].(string), "Orders", 5), "OrderID"), susp)
			items := walkList(t, app, domain.RoleSupport, "/api/orders?Status=NEW&Status=SENT&CarrierID="+strconv.FormatInt(w.ref.VZW, 10), "Orders", 50)
			assertEachOnce(t, "Status", ids(items, "OrderID"), all)
			if got := walkList(t, app, domain.RoleSupport, "/api/orders?Status=COMPLETE", "Orders", 5); len(got) != 0 {
				t.Errorf("Status=COMPLETE found %d", len(got))
			}
			bp := walkList(t, app, domain.RoleSupport, "/api/orders?BillProfileID="+strconv.FormatInt(w.ref.Business, 10), "Orders", 50)
			assertEachOnce(t, "BillProfileID", ids(bp, "OrderID"), all)
		})

		t.Run("RoutesForOrdersAwaitingADecision", func(t *testing.T) {
			items := walkList(t, app, domain.RoleSupport, "/api/orders?RequiresRouteDecision=true", "Orders", 50)
			if len(items) != 5 {
				t.Fatalf("%d orders await a route decision, want 5", len(items))
			}
			for _, it := range items {
				routes := list(t, it["Routes"])
				if len(routes) != 2 {
					t.Fatalf("Routes=%v, want two", routes)
				}
				r := obj(t, routes[0])
				hasKeys(t, "Route", r, "ID", "Description")
				if r["Description"] != "Manual review" {
					t.Errorf("Route %v", r)
				}
			}
			for _, it := range walkList(t, app, domain.RoleSupport, "/api/orders?RequiresRouteDecision=false", "Orders", 50) {
				if len(list(t, it["Routes"])) != 0 {
					t.Errorf("order %v has Routes but awaits no decision", it["OrderID"])
				}
			}
		})

		t.Run("ShowServiceDetails", func(t *testing.T) {
			items := walkList(t, app, domain.RoleSupport, "/api/orders?ShowServiceDetails=true&OrderType=SUSPEND", "Orders", 5)
			if len(items) != 1 {
				t.Fatalf("%d orders", len(items))
			}
			hasKeys(t, "result with services", items[0], append(slices.Clone(searchFields), "Services")...)
			svcs := list(t, items[0]["Services"])
			if len(svcs) != 1 {
				t.Fatalf("Services=%v", svcs)
			}
			s := obj(t, svcs[0])
			if s["TN"] != "3125550110" || num(t, s["LineID"]) != w.line["3125550110"] || s["Action"] != "SUSPEND" {
				t.Errorf("Services[0]=%v", s)
			}
			items = walkList(t, app, domain.RoleSupport, "/api/orders?ShowServiceDetails=false&OrderType=SUSPEND", "Orders", 5)
			if _, ok := items[0]["Services"]; ok {
				t.Error("Services answered without ShowServiceDetails")
			}
		})

		t.Run("ErrParameters", func(t *testing.T) {
			for q, field := range map[string]string{
				"Frobnicate=1": "Frobnicate", "status=NEW": "status", "Status=BOGUS": "Status[0]", "CustomerID=x": "CustomerID[0]",
				"CustomerID=99999999999999999999": "CustomerID[0]", "Limit=501": "Limit", "Limit=x": "Limit",
				"RequiresRouteDecision=maybe": "RequiresRouteDecision", "After=not-a-cursor": "After", "PON=short": "PON[0]",
				"TN=12": "TN[0]", "OrderType=SUSPENDED": "OrderType[0]",
			} {
				res := app.API(domain.RoleSupport, http.MethodGet, "/api/orders?"+q, "")
				if res.StatusCode != http.StatusBadRequest {
					t.Errorf("?%s: status %d, want 400", q, res.StatusCode)
					continue
				}
				got := errorEntries(t, res, http.StatusBadRequest)
				if _, ok := got[field]; !ok {
					t.Errorf("?%s: no error for %q in %v", q, field, got)
				}
			}
		})
	})
}
