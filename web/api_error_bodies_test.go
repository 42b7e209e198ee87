package web_test

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

var randomPON = regexp.MustCompile(`PON [A-Z0-9]{16}\b`)

var updateGolden = flag.Bool("update", false, "rewrite web/testdata/api_error_bodies.golden from what the API answers")

// TestAPIErrorBodiesUnchanged: the JSON API answers a sample of refused
// requests with exactly the bodies it always has (the seeds' messages,
// word for word), whatever words the pages use for the same rules.
func TestAPIErrorBodiesUnchanged(t *testing.T) {
	app := webtest.Open(t, webtest.OpenDB(t))
	w := seedSeedWorld(t, app)
	r, L := w.ref, w.line
	s := fmt.Sprintf
	id := w.createNewOrder(t, domain.RoleRep, w.newOrderBody(s(`"ProcessID":%d`, r.TwoRoutes)))
	open := w.createOrders(t, `{"Suspend":{"TN":"3125550101","SuspendType":"ALL"}}`)[0]
	cp := w.customerProduct(t, L["3125550103"])
	port := `"WirelessPort":{"MDN":"3125559999","Address":{"LastName":"Lee","Address1":"1 Main","City":"Chicago","State":"IL","Zip":"60601"}}`
	cases := []struct {
		role               domain.Role
		method, path, body string
	}{
		{domain.RoleRep, "POST", "/api/new-orders", w.newOrderBody(port)},
		{domain.RoleRep, "POST", "/api/new-orders", w.newOrderBody(s(`"ShippingAddress":{"Zip":"6060"},"ESN":%q`, w.device))},
		{domain.RoleRep, "POST", "/api/new-orders", s(`{"CustomerID":%d}`, w.inactive.ID)},
		{domain.RoleRep, "POST", "/api/orders", s(`{"Change":{"Lines":[{"Change":{"LineID":%d,"Products":{"Change":[{"CustomerProductID":%d}]}}}]}}`, L["3125550103"], cp)},
		{domain.RoleRep, "POST", "/api/orders", s(`{"Change":{"Lines":[{"Change":{"LineID":%d,"Products":{"Remove":[{"CustomerProductID":%d}]}}}]}}`, L["3125550104"], cp)},
		{domain.RoleRep, "POST", "/api/orders", `{"Suspend":{"TN":"3125550112","SuspendType":"ALL"}}`},
		{domain.RoleRep, "POST", "/api/orders", `{"Suspend":{"TN":"3125550101","SuspendType":"ALL"}}`},
		{domain.RoleRep, "POST", "/api/orders", `{"Restore":{"TN":"3125550107"}}`},
		{domain.RoleRep, "POST", "/api/orders", `{"Disconnect":{"TN":"3125550190"}}`},
		{domain.RoleRep, "POST", "/api/orders", s(`{"PackageChange":{"LineID":%d,"PackageID":%d}}`, L["3125550106"], r.VZWPackage)},
		{domain.RoleRep, "POST", "/api/orders", s(`{"AddLine":{"CustomerID":%d,"Lines":[{"Products":[{"ProductID":%d}]}]}}`, w.acme.ID, r.Hotspot)},
		{domain.RoleRep, "PATCH", orderPath(id), `{"Status":"CONFIRMED"}`},
		{domain.RoleRep, "PATCH", orderPath(id), `{"Status":"SENT"}`},
		{domain.RoleRep, "PATCH", orderPath(id), `{"StatusNote":"why"}`},
		{domain.RoleRep, "PATCH", orderPath(id), `{"Status":"COMPLETE","CompletionDate":"yesterday"}`},
		{domain.RoleRep, "PATCH", orderPath(open), `{"Status":"CANCELED"}`},
		{domain.RoleRep, "POST", "/api/customers", `{"Status":"ACTIVE","SSN":"12"}`},
		{domain.RoleSupport, "GET", "/api/orders?Status=BOGUS&TN=12", ""},
	}
	var got strings.Builder
	for _, tc := range cases {
		res := app.API(tc.role, tc.method, tc.path, tc.body)
		if res.StatusCode < 400 {
			t.Errorf("%s %s %s: status %d, want a refusal", tc.method, tc.path, tc.body, res.StatusCode)
		}
		// A PON is random: the rest of the message is the same every time.
		body := randomPON.ReplaceAllString(strings.TrimSpace(res.Text), "PON ################")
		fmt.Fprintf(&got, "%s %s %s\n%d %s\n\n", tc.method, pageShape(tc.path), tc.body, res.StatusCode, body)
	}
	const golden = "testdata/api_error_bodies.golden"
	if *updateGolden {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test ./web/ -run TestAPIErrorBodiesUnchanged -update writes it)", err)
	}
	if got.String() != string(want) {
		gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("line %d of the API's error bodies changed:\n got: %s\nwant: %s", i+1, g, w)
			}
		}
	}
}
