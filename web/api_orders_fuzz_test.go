package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// FuzzAPIOrdersCreate posts random bodies through the router to the
// creating and updating order endpoints: whatever the body, the answer is
// never a 5xx, and it is always the JSON answer.
func FuzzAPIOrdersCreate(f *testing.F) {
	app := webtest.Open(f, nil)
	w := seedOrderWorld(f, app)
	id := w.createNewOrder(f, domain.RoleRep, w.newOrderBody(""))
	L := w.line
	for _, seed := range []string{
		"", "{}", "null", "[]", `{"Suspend":{}}`, `{"Suspend":null}`, `{"Suspend":[]}`,
		w.newOrderBody(""),
		w.newOrderBody(fmt.Sprintf(`"ESN":%q,"AdditionalProducts":{"Product":{"ProductID":%d,"Rate":"-1.5","Quantity":2}}`, w.device, w.ref.Hotspot)),
		w.newOrderBody(`"WirelessPort":{"MDN":"7735550100","AccountNumber":"1","AuthorizedSigner":"A","PINPassword":"1","Address":{"FirstName":"A","LastName":"B","Address1":"C","City":"D","State":"IL","Zip":"60601"}}`),
		`{"Suspend":{"TN":"3125550101","SuspendType":"ALL","FlowThrough":false}}`,
		fmt.Sprintf(`{"Disconnect":{"CustomerID":%d}}`, w.acme.ID),
		fmt.Sprintf(`{"Restore":{"LineID":%d}}`, L["3125550102"]),
		fmt.Sprintf(`{"AddLine":{"CustomerID":%d,"Lines":{"Line":[{"PackageID":%d,"Products":[{"ProductID":%d}]}]}}}`, w.acme.ID, w.ref.VZWPackage, w.ref.Hotspot),
		fmt.Sprintf(`{"Change":{"Lines":{"Change":[{"LineID":%d,"Products":{"Remove":{"Product":[{"CustomerProductID":1}]}}}],"Disconnect":{"TN":"3125550105"}}}}`, L["3125550104"]),
		fmt.Sprintf(`{"PackageChange":{"TN":"3125550106","PackageID":%d}}`, w.vzwBasic),
		`{"Status":"HOLD","StatusNote":"x","TrackingNumber":"1Z","ShippingStatus":"SHIPPED","ProcessID":0}`,
		`{"Lines":[{"Change":{"TN":"3125550107","Products":{"Add":[{"ProductID":1,"Quantity":-1}]}}}]}`,
		`{"AddLine":{"Lines":[{"Products":[{"Rate":1e309}]}]}}`, `{"Suspend":{"LineID":1e19}}`, "{\"a\":\"\xff\"}",
	} {
		f.Add(seed)
	}
	endpoints := []struct{ method, path string }{
		{http.MethodPost, "/api/orders"}, {http.MethodPost, "/api/new-orders"}, {http.MethodPatch, orderPath(id)},
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, ep := range endpoints {
			req := httptest.NewRequest(ep.method, ep.path, strings.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+app.Tokens[domain.RoleSupervisor])
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			app.Server.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("%s %s with %q: status %d: %s", ep.method, ep.path, body, rec.Code, rec.Body.String())
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Fatalf("%s %s with %q: Content-Type %q", ep.method, ep.path, body, ct)
			}
		}
	})
}
