package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// ids returns the numeric field key of every item.
func ids(items []map[string]any, key string) []int64 {
	out := make([]int64, len(items))
	for i, it := range items {
		out[i] = int64(it[key].(float64))
	}
	return out
}

// assertEachOnce fails unless got holds exactly want's ids, each once.
func assertEachOnce(t *testing.T, what string, got, want []int64) {
	t.Helper()
	seen := map[int64]int{}
	for _, id := range got {
		seen[id]++
		if seen[id] > 1 {
			t.Errorf("%s: id %d listed twice", what, id)
		}
	}
	for _, id := range want {
		if seen[id] != 1 {
			t.Errorf("%s: id %d listed %d times, want once", what, id, seen[id])
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d items, want %d", what, len(got), len(want))
	}
}

// hasKeys fails unless m has exactly keys.
func hasKeys(t *testing.T, what string, m map[string]any, keys ...string) {
	t.Helper()
	var got []string
	for k := range m {
		got = append(got, k)
	}
	slices.Sort(got)
	slices.Sort(keys)
	if !slices.Equal(got, keys) {
		t.Errorf("%s: fields %v, want %v", what, got, keys)
	}
}

func TestAPIReferenceLists(t *testing.T) {
	app := webtest.Open(t, nil)
	ref := seedCustRef(t, app)
	for _, tc := range []struct {
		path, plural, id string
		want             []int64
		fields           []string
	}{
		{"/api/carriers", "Carriers", "CarrierID", []int64{ref.VZW, ref.ATT, ref.Wireline}, []string{"CarrierID", "Name", "Code", "Wireless"}},
		{"/api/carrier-accounts", "CarrierAccounts", "CarrierAccountID", []int64{ref.VZWAccount, ref.ATTAccount}, []string{"CarrierAccountID", "CarrierID", "Name", "Default"}},
		{"/api/packages", "Packages", "PackageID", []int64{ref.VZWPackage, ref.ATTPackage}, []string{"PackageID", "Name", "CarrierID", "Products"}},
		{"/api/products", "Products", "ProductID", []int64{ref.Unlimited, ref.Hotspot}, []string{"ProductID", "Description", "Rate", "Provisionable", "CarrierID", "Shipping"}},
		{"/api/service-types", "ServiceTypes", "LineTypeID", []int64{ref.Voice}, []string{"LineTypeID", "Name"}},
		{"/api/processes", "Processes", "ProcessID", []int64{ref.OneRoute, ref.TwoRoutes}, []string{"ProcessID", "Name", "Routes"}},
	} {
		t.Run(tc.plural, func(t *testing.T) {
			// One page holds everything, in id order, with Next "".
			m := apiJSON(t, app.API(domain.RoleSupport, http.MethodGet, tc.path, ""), http.StatusOK)
			hasKeys(t, tc.path, m, "Success", tc.plural, "Next")
			if m["Success"] != true || m["Next"] != "" {
				t.Errorf("Success %v Next %q", m["Success"], m["Next"])
			}
			var all []map[string]any
			for _, it := range m[tc.plural].([]any) {
				all = append(all, it.(map[string]any))
			}
			assertEachOnce(t, tc.path, ids(all, tc.id), tc.want)
			if !slices.IsSorted(ids(all, tc.id)) {
				t.Errorf("%s: not in id order", tc.path)
			}
			for _, it := range all {
				hasKeys(t, tc.path, it, tc.fields...)
			}
			// Limit=1 walks every row exactly once.
			assertEachOnce(t, tc.path+" by 1", ids(walkList(t, app, domain.RoleSupport, tc.path, tc.plural, 1), tc.id), tc.want)
			// Bad paging input.
			for _, q := range []string{"Limit=abc", "Limit=501", "Limit=-1", "Limit=0", "Limit=1.5"} {
				if f := apiErrorFields(t, app.API(domain.RoleSupport, http.MethodGet, tc.path+"?"+q, ""), http.StatusBadRequest); !slices.Contains(f, "Limit") {
					t.Errorf("%s?%s: error fields %v, want Limit", tc.path, q, f)
				}
			}
			if f := apiErrorFields(t, app.API(domain.RoleSupport, http.MethodGet, tc.path+"?After=garbage", ""), http.StatusBadRequest); !slices.Contains(f, "After") {
				t.Errorf("bad After: fields %v", f)
			}
			if f := apiErrorFields(t, app.API(domain.RoleSupport, http.MethodGet, tc.path+"?Limt=5", ""), http.StatusBadRequest); !slices.Contains(f, "Limt") {
				t.Errorf("unknown parameter: fields %v", f)
			}
			// Auth.
			if res := app.API("", http.MethodGet, tc.path, ""); res.StatusCode != http.StatusUnauthorized {
				t.Errorf("no token: %d, want 401", res.StatusCode)
			}
			if res := app.Anonymous().Do(http.MethodGet, tc.path, nil, "Authorization", "Bearer sbt_wrong"); res.StatusCode != http.StatusUnauthorized {
				t.Errorf("bad token: %d, want 401", res.StatusCode)
			}
		})
	}

	t.Run("ProcessRoutes", func(t *testing.T) {
		m := apiJSON(t, app.API(domain.RoleSupport, http.MethodGet, "/api/processes", ""), http.StatusOK)
		for _, p := range m["Processes"].([]any) {
			pm := p.(map[string]any)
			routes := pm["Routes"].([]any)
			want := 1
			if int64(pm["ProcessID"].(float64)) == ref.TwoRoutes {
				want = 2
			}
			if len(routes) != want {
				t.Errorf("process %v: %d routes, want %d", pm["Name"], len(routes), want)
			}
			for _, r := range routes {
				hasKeys(t, "route", r.(map[string]any), "ID", "Description")
			}
		}
	})

	t.Run("PackageProducts", func(t *testing.T) {
		m := apiJSON(t, app.API(domain.RoleSupport, http.MethodGet, "/api/packages", ""), http.StatusOK)
		for _, p := range m["Packages"].([]any) {
			pm := p.(map[string]any)
			if int64(pm["PackageID"].(float64)) != ref.ATTPackage {
				continue
			}
			prods := pm["Products"].([]any)
			if len(prods) != 2 {
				t.Fatalf("%d products, want 2", len(prods))
			}
			if rate := prods[1].(map[string]any)["Rate"]; rate != 10.0125 {
				t.Errorf("Rate %v, want 10.0125", rate)
			}
		}
	})
}

func TestAPICustomers(t *testing.T) {
	app := webtest.Open(t, nil)
	ref := seedCustRef(t, app)
	var all []int64
	for i := range 37 {
		c := fxCustomer(t, app, ref, fmt.Sprintf("Customer %02d", i%20), "Chicago", "123456789")
		all = append(all, c.ID)
	}
	acme := fxCustomer(t, app, ref, "Acme Freight", "Chicago", "531046789")
	all = append(all, acme.ID)
	l1 := fxLine(t, app, ref, acme.ID, "3125550101", "Dispatch", domain.LineActive)
	l2 := fxLine(t, app, ref, acme.ID, "3125550102", "Driver", domain.LineSuspended)

	t.Run("ListPagesEveryCustomerOnce", func(t *testing.T) {
		items := walkList(t, app, domain.RoleSupport, "/api/customers", "Customers", 7)
		assertEachOnce(t, "customers", ids(items, "CustomerID"), all)
		for _, it := range items {
			hasKeys(t, "customer", it, "CustomerID", "Name", "Status", "BillProfileID", "ServiceAddress")
			hasKeys(t, "address", it["ServiceAddress"].(map[string]any), "ID", "FirstName", "LastName", "Address1", "Address2", "City", "State", "Zip", "Zip4", "Country")
		}
		res := app.API(domain.RoleSupport, http.MethodGet, "/api/customers?Limit=500", "")
		for _, secret := range []string{"SSN", "TaxID", "123456789", "531046789", "987654321"} {
			if strings.Contains(res.Text, secret) {
				t.Errorf("the list answers %q", secret)
			}
		}
		m := apiJSON(t, app.API(domain.RoleSupport, http.MethodGet, "/api/customers", ""), http.StatusOK)
		if n := len(m["Customers"].([]any)); n != 38 {
			t.Errorf("default page holds %d, want all 38 (Limit 50)", n)
		}
	})

	t.Run("Search", func(t *testing.T) {
		for _, s := range []string{"acme", "Freight", strconv.FormatInt(acme.ID, 10), "312555", "(312)%20555-0102"} {
			m := apiJSON(t, app.API(domain.RoleSupport, http.MethodGet, "/api/customers?Search="+s, ""), http.StatusOK)
			cs := m["Customers"].([]any)
			if len(cs) != 1 || cs[0].(map[string]any)["Name"] != "Acme Freight" {
				t.Errorf("Search=%s: %d customers, want Acme Freight", s, len(cs))
			}
		}
		items := walkList(t, app, domain.RoleSupport, "/api/customers?Search=customer", "Customers", 5)
		if len(items) != 37 {
			t.Errorf("Search=customer walked %d, want 37", len(items))
		}
	})

	t.Run("OneWithLines", func(t *testing.T) {
		m := apiJSON(t, app.API(domain.RoleSupport, http.MethodGet, "/api/customers/"+strconv.FormatInt(acme.ID, 10), ""), http.StatusOK)
		hasKeys(t, "customer", m, "Success", "CustomerID", "Name", "Status", "BillProfileID", "ServiceAddress", "Lines")
		if m["Name"] != "Acme Freight" || m["Status"] != "ACTIVE" || int64(m["BillProfileID"].(float64)) != ref.Business {
			t.Errorf("customer %v", m)
		}
		addr := m["ServiceAddress"].(map[string]any)
		if addr["City"] != "Chicago" || addr["Zip"] != "60601" || addr["Zip4"] != "1234" || addr["Country"] != "USA" {
			t.Errorf("address %v", addr)
		}
		var lines []map[string]any
		for _, l := range m["Lines"].([]any) {
			lines = append(lines, l.(map[string]any))
		}
		assertEachOnce(t, "lines", ids(lines, "LineID"), []int64{l1, l2})
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		for _, p := range []string{"/api/customers/999999", "/api/customers/abc"} {
			apiErrorFields(t, app.API(domain.RoleSupport, http.MethodGet, p, ""), http.StatusNotFound)
		}
	})

	validBody := func(name string) string {
		b, _ := json.Marshal(map[string]any{
			"Name": name, "Status": "ACTIVE", "BillProfileID": ref.Consumer, "SSN": "111-22-3333", "TaxID": "444556666",
			"ServiceAddress": map[string]any{"FirstName": "Ana", "LastName": "Ruiz", "Address1": "9 Elm St", "City": "Austin", "State": "tx", "Zip": "73301"},
		})
		return string(b)
	}

	t.Run("CreateOK", func(t *testing.T) {
		res := app.API(domain.RoleRep, http.MethodPost, "/api/customers", validBody("Ruiz Bakery"))
		m := apiJSON(t, res, http.StatusCreated)
		hasKeys(t, "answer", m, "Success", "CustomerID")
		id := int64(m["CustomerID"].(float64))
		got := apiJSON(t, app.API(domain.RoleSupport, http.MethodGet, "/api/customers/"+strconv.FormatInt(id, 10), ""), http.StatusOK)
		if got["Name"] != "Ruiz Bakery" || int64(got["BillProfileID"].(float64)) != ref.Consumer {
			t.Errorf("stored %v", got)
		}
		addr := got["ServiceAddress"].(map[string]any)
		if addr["State"] != "TX" || addr["Country"] != "USA" || addr["ID"].(float64) <= 0 {
			t.Errorf("address %v: want State upper-cased, Country USA by default and an ID", addr)
		}
		if len(got["Lines"].([]any)) != 0 {
			t.Error("a new customer has lines")
		}
		c, err := app.DB.FindCustomerByID(t.Context(), id)
		if err != nil || c.SSN.Clear() != "111223333" || c.TaxID.Clear() != "444556666" {
			t.Errorf("SSN/TaxID not kept: %v", err)
		}
		// Encrypted at rest.
		if n := fxCount(t, app, "customers", "ssn_enc LIKE ? OR tax_id_enc LIKE ?", "%111223333%", "%444556666%"); n != 0 {
			t.Error("SSN or TaxID stored in clear")
		}
	})

	t.Run("CreateHostileNameIsPlainJSONString", func(t *testing.T) {
		for _, name := range []string{hostileScript, hostileImg} {
			m := apiJSON(t, app.API(domain.RoleRep, http.MethodPost, "/api/customers", validBody(name)), http.StatusCreated)
			id := strconv.FormatInt(int64(m["CustomerID"].(float64)), 10)
			res := app.API(domain.RoleSupport, http.MethodGet, "/api/customers/"+id, "")
			if got := apiJSON(t, res, http.StatusOK)["Name"]; got != name {
				t.Errorf("Name %q, want %q", got, name)
			}
			if strings.Contains(res.Text, "<script>") || strings.Contains(res.Text, "<img") {
				t.Error("raw markup in the JSON answer")
			}
			assertNoInjectedMarkup(t, "customer page", app.As(domain.RoleSupport).Get("/customers/"+id))
		}
	})

	t.Run("ErrFields", func(t *testing.T) {
		before := fxCount(t, app, "customers", "")
		body := `{"Name":"","Status":"OPEN","BillProfileID":0,"SSN":"12","TaxID":"abc",
			"ServiceAddress":{"ID":5,"FirstName":"","LastName":"Ruiz","Address1":"9 Elm","City":"Austin","State":"Texas","Zip":"7330","Zip4":"12","Country":"US"}}`
		fields := apiErrorFields(t, app.API(domain.RoleRep, http.MethodPost, "/api/customers", body), http.StatusBadRequest)
		for _, want := range []string{"Name", "Status", "BillProfileID", "SSN", "TaxID", "ServiceAddress.ID", "ServiceAddress.FirstName",
			"ServiceAddress.State", "ServiceAddress.Zip", "ServiceAddress.Zip4", "ServiceAddress.Country"} {
			if !slices.Contains(fields, want) {
				t.Errorf("no error for %s in %v", want, fields)
			}
		}
		if got := fxCount(t, app, "customers", ""); got != before {
			t.Error("bad input created a customer")
		}
	})

	t.Run("ErrMissingAddress", func(t *testing.T) {
		fields := apiErrorFields(t, app.API(domain.RoleRep, http.MethodPost, "/api/customers", `{"Name":"X","BillProfileID":1}`), http.StatusBadRequest)
		if !slices.Equal(fields, []string{"ServiceAddress"}) {
			t.Errorf("fields %v, want [ServiceAddress]", fields)
		}
	})

	t.Run("ErrUnknownBillProfile", func(t *testing.T) {
		body := strings.Replace(validBody("Nobody"), fmt.Sprintf(`"BillProfileID":%d`, ref.Consumer), `"BillProfileID":999`, 1)
		if f := apiErrorFields(t, app.API(domain.RoleRep, http.MethodPost, "/api/customers", body), http.StatusBadRequest); !slices.Equal(f, []string{"BillProfileID"}) {
			t.Errorf("fields %v", f)
		}
	})

	t.Run("ErrUnknownFields", func(t *testing.T) {
		body := strings.Replace(validBody("X"), `"Name"`, `"Nickname":"x","name2":1,"Name"`, 1)
		body = strings.Replace(body, `"City"`, `"Planet":"Earth","City"`, 1)
		fields := apiErrorFields(t, app.API(domain.RoleRep, http.MethodPost, "/api/customers", body), http.StatusBadRequest)
		for _, want := range []string{"Nickname", "name2", "ServiceAddress.Planet"} {
			if !slices.Contains(fields, want) {
				t.Errorf("no error for unknown field %s in %v", want, fields)
			}
		}
	})

	t.Run("ErrWrongTypes", func(t *testing.T) {
		body := `{"Name":5,"BillProfileID":"one","SSN":123,"ServiceAddress":[]}`
		fields := apiErrorFields(t, app.API(domain.RoleRep, http.MethodPost, "/api/customers", body), http.StatusBadRequest)
		for _, want := range []string{"Name", "BillProfileID", "SSN", "ServiceAddress"} {
			if !slices.Contains(fields, want) {
				t.Errorf("no error for %s in %v", want, fields)
			}
		}
	})

	t.Run("ErrMalformed", func(t *testing.T) {
		for _, body := range []string{`{"Name":`, `not json`, `{"Name":"a"} {"Name":"b"}`, `[]`} {
			apiErrorFields(t, app.API(domain.RoleRep, http.MethodPost, "/api/customers", body), http.StatusBadRequest)
		}
		res := app.API(domain.RoleRep, http.MethodPost, "/api/customers", "")
		apiErrorFields(t, res, http.StatusBadRequest)
		res = app.Anonymous().Do(http.MethodPost, "/api/customers", strings.NewReader(validBody("X")),
			"Authorization", "Bearer "+app.Tokens[domain.RoleRep], "Content-Type", "text/plain")
		apiErrorFields(t, res, http.StatusBadRequest)
	})

	t.Run("ErrRole", func(t *testing.T) {
		before := fxCount(t, app, "customers", "")
		apiErrorFields(t, app.API(domain.RoleSupport, http.MethodPost, "/api/customers", validBody("Support Made")), http.StatusForbidden)
		apiErrorFields(t, app.API("", http.MethodPost, "/api/customers", validBody("Nobody Made")), http.StatusUnauthorized)
		if got := fxCount(t, app, "customers", ""); got != before {
			t.Error("a refused request created a customer")
		}
	})
}

func TestAPILines(t *testing.T) {
	app := webtest.Open(t, nil)
	ref := seedCustRef(t, app)
	a := fxCustomer(t, app, ref, "A", "Chicago", "")
	b := fxCustomer(t, app, ref, "B", "Chicago", "")
	var aLines, all []int64
	for i := range 12 {
		id := fxLine(t, app, ref, a.ID, fmt.Sprintf("31255501%02d", i), fmt.Sprintf("line %d", i), domain.LineActive)
		aLines, all = append(aLines, id), append(all, id)
	}
	suspended := fxLine(t, app, ref, b.ID, "2175550100", hostileImg, domain.LineSuspended)
	all = append(all, suspended)

	t.Run("Walk", func(t *testing.T) {
		items := walkList(t, app, domain.RoleSupport, "/api/lines", "Lines", 5)
		assertEachOnce(t, "lines", ids(items, "LineID"), all)
		for _, it := range items {
			hasKeys(t, "line", it, "LineID", "CustomerID", "TN", "PackageID", "CarrierID", "CarrierAccountID", "LineTypeID", "Description", "Status", "Products")
			ps := it["Products"].([]any)
			if len(ps) != 1 {
				t.Fatalf("%d products", len(ps))
			}
			p := ps[0].(map[string]any)
			hasKeys(t, "product", p, "CustomerProductID", "ProductID", "Rate", "Quantity")
			if p["Rate"] != 45.0 || p["Quantity"] != 2.0 || int64(p["ProductID"].(float64)) != ref.Unlimited {
				t.Errorf("product %v", p)
			}
		}
	})

	t.Run("Filters", func(t *testing.T) {
		assertEachOnce(t, "by customer", ids(walkList(t, app, domain.RoleSupport, "/api/lines?CustomerID="+strconv.FormatInt(a.ID, 10), "Lines", 5), "LineID"), aLines)
		for q, want := range map[string][]int64{
			"TN=2175550100":                              {suspended},
			"TN=(217)%20555-0100":                        {suspended},
			"Status=SUSPENDED":                           {suspended},
			"LineID=" + strconv.FormatInt(aLines[3], 10): {aLines[3]},
			"CustomerID=" + strconv.FormatInt(b.ID, 10) + "&Status=ACTIVE": {},
		} {
			items := walkList(t, app, domain.RoleSupport, "/api/lines?"+q, "Lines", 50)
			assertEachOnce(t, q, ids(items, "LineID"), want)
		}
		m := apiJSON(t, app.API(domain.RoleSupport, http.MethodGet, "/api/lines?LineID="+strconv.FormatInt(suspended, 10), ""), http.StatusOK)
		if got := m["Lines"].([]any)[0].(map[string]any)["Description"]; got != hostileImg {
			t.Errorf("Description %q, want the text as it was stored", got)
		}
	})

	t.Run("ErrBadFilters", func(t *testing.T) {
		for q, want := range map[string]string{
			"Status=LIVE":  "Status",
			"CustomerID=x": "CustomerID",
			"LineID=-3":    "LineID",
			"Limit=0x10":   "Limit",
			"Limit=100000": "Limit",
			"Customer=4":   "Customer",
			"After=AAAA":   "After",
		} {
			if f := apiErrorFields(t, app.API(domain.RoleSupport, http.MethodGet, "/api/lines?"+q, ""), http.StatusBadRequest); !slices.Contains(f, want) {
				t.Errorf("%s: fields %v, want %s", q, f, want)
			}
		}
	})
}

func TestAPIInventory(t *testing.T) {
	app := webtest.Open(t, nil)
	ref := seedCustRef(t, app)
	c := fxCustomer(t, app, ref, "A", "Chicago", "")
	line := fxLine(t, app, ref, c.ID, "3125550101", "", domain.LineActive)
	for i := range 9 {
		fxInventory(t, app, fmt.Sprintf("8914800000000000%04d", i), domain.InventorySIM, 0, 0)
	}
	fxInventory(t, app, "990000000000001", domain.InventoryDevice, c.ID, line)

	t.Run("Walk", func(t *testing.T) {
		items := walkList(t, app, domain.RoleSupport, "/api/inventory", "Inventory", 4)
		if len(items) != 10 {
			t.Fatalf("%d items, want 10", len(items))
		}
		seen := map[string]bool{}
		for _, it := range items {
			hasKeys(t, "item", it, "Identifier", "Type", "Status", "CustomerID", "LineID")
			if seen[it["Identifier"].(string)] {
				t.Errorf("%s listed twice", it["Identifier"])
			}
			seen[it["Identifier"].(string)] = true
		}
	})

	t.Run("Filters", func(t *testing.T) {
		m := apiJSON(t, app.API(domain.RoleSupport, http.MethodGet, "/api/inventory?Status=ASSIGNED&Type=Mobile_Device", ""), http.StatusOK)
		items := m["Inventory"].([]any)
		if len(items) != 1 {
			t.Fatalf("%d items, want 1", len(items))
		}
		it := items[0].(map[string]any)
		if it["Identifier"] != "990000000000001" || int64(it["CustomerID"].(float64)) != c.ID || int64(it["LineID"].(float64)) != line {
			t.Errorf("item %v", it)
		}
		if n := len(walkList(t, app, domain.RoleSupport, "/api/inventory?Identifier=891480000000000000", "Inventory", 50)); n != 9 {
			t.Errorf("Identifier prefix: %d items, want 9", n)
		}
		if n := len(walkList(t, app, domain.RoleSupport, "/api/inventory?Identifier=89148000000000000003", "Inventory", 50)); n != 1 {
			t.Errorf("whole Identifier: %d items, want 1", n)
		}
		for q, want := range map[string]string{"Status=GONE": "Status", "Type=Phone": "Type", "Limit=0.5": "Limit"} {
			if f := apiErrorFields(t, app.API(domain.RoleSupport, http.MethodGet, "/api/inventory?"+q, ""), http.StatusBadRequest); !slices.Contains(f, want) {
				t.Errorf("%s: fields %v", q, f)
			}
		}
	})

	t.Run("CreateOK", func(t *testing.T) {
		body := `{"Items":[{"Identifier":"89148000000000009001","Type":"SIM_Card"},{"Identifier":"990000000009002","Type":"Mobile_Device"}]}`
		m := apiJSON(t, app.API(domain.RoleAdmin, http.MethodPost, "/api/inventory", body), http.StatusCreated)
		hasKeys(t, "answer", m, "Success", "Count")
		if m["Count"] != 2.0 {
			t.Errorf("Count %v, want 2", m["Count"])
		}
		got := apiJSON(t, app.API(domain.RoleSupport, http.MethodGet, "/api/inventory?Identifier=990000000009002", ""), http.StatusOK)["Inventory"].([]any)
		if len(got) != 1 || got[0].(map[string]any)["Status"] != "AVAILABLE" || got[0].(map[string]any)["CustomerID"] != nil {
			t.Errorf("created item %v: want AVAILABLE and unassigned", got)
		}
	})

	t.Run("ErrDuplicate", func(t *testing.T) {
		before := fxCount(t, app, "inventory", "")
		body := `{"Items":[{"Identifier":"89148000000000009999","Type":"SIM_Card"},{"Identifier":"89148000000000000001","Type":"SIM_Card"}]}`
		apiErrorFields(t, app.API(domain.RoleAdmin, http.MethodPost, "/api/inventory", body), http.StatusConflict)
		if got := fxCount(t, app, "inventory", ""); got != before {
			t.Error("a refused batch added items")
		}
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		for body, want := range map[string][]string{
			`{"Items":[{"Identifier":"","Type":"Phone"}]}`:                    {"Items[0].Identifier", "Items[0].Type"},
			`{"Items":[{"Identifier":"X1","Type":"SIM_Card","Color":"red"}]}`: {"Items[0].Color"},
			`{"Items":[]}`: {"Items"},
			`{}`:           {"Items"},
			`{"Items":[{"Identifier":"X2","Type":"SIM_Card"},{"Identifier":"X2","Type":"SIM_Card"}]}`: {"Items[1].Identifier"},
			`{"Items":[{"Identifier":"X3","Type":"SIM_Card"}],"Force":true}`:                          {"Force"},
		} {
			f := apiErrorFields(t, app.API(domain.RoleAdmin, http.MethodPost, "/api/inventory", body), http.StatusBadRequest)
			for _, w := range want {
				if !slices.Contains(f, w) {
					t.Errorf("%s: fields %v, want %s", body, f, w)
				}
			}
		}
		apiErrorFields(t, app.API(domain.RoleAdmin, http.MethodPost, "/api/inventory", `{"Items":[`), http.StatusBadRequest)
	})

	t.Run("ErrRole", func(t *testing.T) {
		body := `{"Items":[{"Identifier":"REP-1","Type":"General"}]}`
		for _, role := range []domain.Role{domain.RoleSupport, domain.RoleRep, domain.RoleSupervisor} {
			apiErrorFields(t, app.API(role, http.MethodPost, "/api/inventory", body), http.StatusForbidden)
		}
		apiErrorFields(t, app.API("", http.MethodPost, "/api/inventory", body), http.StatusUnauthorized)
		if fxCount(t, app, "inventory", "identifier = ?", "REP-1") != 0 {
			t.Error("a refused request added inventory")
		}
	})
}
