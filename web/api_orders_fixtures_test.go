package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// orderWorld is what the orders API tests stand on: the customer tests'
// reference data, a second Verizon package, two customers, a line per
// operation (each test uses its own, so one test's order does not clash
// with another's) and AVAILABLE inventory.
type orderWorld struct {
	app      *webtest.App
	ref      custRef
	acme     *domain.Customer
	globex   *domain.Customer
	vzwBasic int64            // a second Verizon package (Hotspot only)
	line     map[string]int64 // lines by TN
	sim      string           // AVAILABLE SIM_Card
	device   string           // AVAILABLE Mobile_Device
}

// Lines of the world: ACTIVE unless named SUSPENDED.
var worldTNs = []struct{ tn, status string }{
	{"3125550101", domain.LineActive}, {"3125550102", domain.LineSuspended}, {"3125550103", domain.LineActive},
	{"3125550104", domain.LineActive}, {"3125550105", domain.LineActive}, {"3125550106", domain.LineActive},
	{"3125550107", domain.LineActive}, {"3125550108", domain.LineActive}, {"3125550109", domain.LineActive},
	{"3125550110", domain.LineActive}, {"3125550111", domain.LineActive}, {"3125550112", domain.LineSuspended},
}

func seedOrderWorld(tb testing.TB, app *webtest.App) *orderWorld {
	tb.Helper()
	w := &orderWorld{app: app, ref: seedCustRef(tb, app), line: map[string]int64{}}
	w.acme = fxCustomer(tb, app, w.ref, "Acme Freight", "Chicago", "531046789")
	w.globex = fxCustomer(tb, app, w.ref, "Globex Logistics", "Evanston", "123456789")
	w.vzwBasic = fxInsert(tb, app, `INSERT INTO packages (name, carrier_id) VALUES (?, ?)`, "VZW Basic", w.ref.VZW)
	if _, err := app.DB.W.Exec(app.DB.W.Rebind(`INSERT INTO package_products (package_id, product_id) VALUES (?, ?)`), w.vzwBasic, w.ref.Hotspot); err != nil {
		tb.Fatal(err)
	}
	for _, l := range worldTNs {
		w.line[l.tn] = fxLine(tb, app, w.ref, w.acme.ID, l.tn, "Line "+l.tn, l.status)
	}
	w.sim, w.device = "89148000000000000011", "990000000000011"
	fxInventory(tb, app, w.sim, domain.InventorySIM, 0, 0)
	fxInventory(tb, app, w.device, domain.InventoryDevice, 0, 0)
	return w
}

// customerProduct returns the id of the first product on line.
func (w *orderWorld) customerProduct(tb testing.TB, line int64) int64 {
	tb.Helper()
	l, err := w.app.DB.FindLineByID(context.Background(), line)
	if err != nil || len(l.Products) == 0 {
		tb.Fatalf("line %d products: %v", line, err)
	}
	return l.Products[0].ID
}

// newOrderBody is a NewOrders_Create body for a Verizon service of acme.
func (w *orderWorld) newOrderBody(extra string) string {
	b := fmt.Sprintf(`{"CustomerID":%d,"PackageID":%d`, w.acme.ID, w.ref.VZWPackage)
	if extra != "" {
		b += "," + extra
	}
	return b + "}"
}

// createNewOrder performs NewOrders_Create and returns the order id.
func (w *orderWorld) createNewOrder(tb testing.TB, role domain.Role, body string) int64 {
	tb.Helper()
	m := apiJSON(tb, w.app.API(role, http.MethodPost, "/api/new-orders", body), http.StatusCreated)
	got := numbers(tb, m, "Orders")
	if len(got) != 1 {
		tb.Fatalf("Orders=%v, want one order", got)
	}
	return got[0]
}

// createOrders performs Orders_Create and returns the order ids.
func (w *orderWorld) createOrders(t *testing.T, body string) []int64 {
	t.Helper()
	m := apiJSON(t, w.app.API(domain.RoleRep, http.MethodPost, "/api/orders", body), http.StatusCreated)
	hasKeys(t, "Orders_Create answer", m, "Success", "OrderIDs")
	return numbers(t, m, "OrderIDs")
}

// query performs Orders_Query.
func (w *orderWorld) query(tb testing.TB, id int64) (map[string]any, string) {
	tb.Helper()
	res := w.app.API(domain.RoleSupport, http.MethodGet, orderPath(id), "")
	m := apiJSON(tb, res, http.StatusOK)
	return m, res.Header.Get("ETag")
}

func orderPath(id int64) string { return "/api/orders/" + strconv.FormatInt(id, 10) }

// numbers returns the list of numbers m[key].
func numbers(tb testing.TB, m map[string]any, key string) []int64 {
	tb.Helper()
	list, ok := m[key].([]any)
	if !ok {
		tb.Fatalf("%s is not a list: %v", key, m[key])
	}
	out := make([]int64, len(list))
	for i, v := range list {
		f, ok := v.(float64)
		if !ok {
			tb.Fatalf("%s[%d] is not a number: %v", key, i, v)
		}
		out[i] = int64(f)
	}
	return out
}

// num reads a JSON number as an int64.
func num(tb testing.TB, v any) int64 {
	tb.Helper()
	f, ok := v.(float64)
	if !ok {
		tb.Fatalf("%v (%T) is not a number", v, v)
	}
	return int64(f)
}

// obj reads a JSON object.
func obj(tb testing.TB, v any) map[string]any {
	tb.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		tb.Fatalf("%v (%T) is not an object", v, v)
	}
	return m
}

// list reads a JSON array.
func list(tb testing.TB, v any) []any {
	tb.Helper()
	l, ok := v.([]any)
	if !ok {
		tb.Fatalf("%v (%T) is not a list", v, v)
	}
	return l
}

// rawAPI sends an API request without the test's helpers, so it can run
// on any goroutine; it returns the status, body and headers.
func rawAPI(app *webtest.App, role domain.Role, method, path, body string, headers ...string) (int, string, http.Header, error) {
	req, err := http.NewRequest(method, app.HTTP.URL+path, strings.NewReader(body))
	if err != nil {
		return 0, "", nil, err
	}
	req.Header.Set("Authorization", "Bearer "+app.Tokens[role])
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, "", nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header, err
}

// errorEntries returns the Field → Message of a JSON error answer with status want.
func errorEntries(tb testing.TB, res *webtest.Response, want int) map[string]string {
	tb.Helper()
	m := apiJSON(tb, res, want)
	out := map[string]string{}
	for _, e := range list(tb, m["Errors"]) {
		em := obj(tb, e)
		out[em["Field"].(string)] = em["Message"].(string)
	}
	return out
}

// mustJSON encodes v.
func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
