package web_test

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// TestAPIRefusesBytesThatAreNotText sends bytes that are not UTF-8, control
// characters and over-long lists: each is a 400 naming the field, and
// nothing is stored.
func TestAPIRefusesBytesThatAreNotText(t *testing.T) {
	app := webtest.Open(t, nil)
	w := seedOrderWorld(t, app)
	countOrders := func() int {
		var n int
		if err := app.DB.R.Get(&n, `SELECT COUNT(*) FROM orders`); err != nil {
			t.Fatal(err)
		}
		return n
	}
	products := func(n int) string {
		return "[" + strings.TrimSuffix(strings.Repeat(fmt.Sprintf(`{"ProductID":%d},`, w.ref.Hotspot), n), ",") + "]"
	}
	for _, tt := range []struct {
		name, path, body, field, message string
	}{
		{"NotUTF8", "/api/new-orders", w.newOrderBody("\"Description\":\"Dispatch \xff\xfe phone\""), "Description", "Description must be UTF-8 text"},
		{"LoneSurrogate", "/api/new-orders", w.newOrderBody(`"Description":"Dispatch \udc00"`), "Description", "Description must be UTF-8 text"},
		{"NotUTF8InPort", "/api/new-orders", w.newOrderBody("\"WirelessPort\":{\"MDN\":\"3125559999\",\"AuthorizedSigner\":\"Pat \xc3\"}"), "WirelessPort.AuthorizedSigner", "AuthorizedSigner must be UTF-8 text"},
		{"Escape", "/api/new-orders", w.newOrderBody(`"Description":"\u001b[2J\u001b[Hcleared"`), "Description", "Description must not contain an escape character"},
		{"Bidi", "/api/new-orders", w.newOrderBody(`"Description":"Dispatch \u202Eenohp"`), "Description", "Description must not contain a bidirectional text override"},
		{"Newline", "/api/new-orders", w.newOrderBody(`"Description":"Dispatch\r\nSet-Cookie: x"`), "Description", "Description must not contain a line break"},
		{"TenThousandProducts", "/api/new-orders", w.newOrderBody(`"AdditionalProducts":` + products(10000)), "AdditionalProducts",
			fmt.Sprintf("AdditionalProducts may hold at most %d entries; it holds 10000", domain.MaxAdditionalProducts)},
		{"CustomerName", "/api/customers", "{\"Name\":\"Acme \xff\"}", "Name", "Name must be UTF-8 text"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := countOrders()
			res := app.API(domain.RoleRep, http.MethodPost, tt.path, tt.body)
			errs := errorEntries(t, res, http.StatusBadRequest)
			if got := errs[tt.field]; !strings.Contains(got, tt.message) {
				t.Fatalf("errors %v, want %s: %q", errs, tt.field, tt.message)
			}
			if got := countOrders(); got != before {
				t.Fatalf("orders %d, want %d: nothing stored", got, before)
			}
		})
	}
	t.Run("StatusNoteKeepsLines", func(t *testing.T) {
		id := w.createNewOrder(t, domain.RoleRep, w.newOrderBody(""))
		res := app.API(domain.RoleRep, http.MethodPatch, orderPath(id), `{"Status":"HOLD","StatusNote":"called twice\nno answer"}`)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d %s", res.StatusCode, res.Text)
		}
		if o := fxOrder(t, app, id); o.StatusNote != "called twice\nno answer" {
			t.Fatalf("StatusNote %q", o.StatusNote)
		}
		res = app.API(domain.RoleRep, http.MethodPatch, orderPath(id), "{\"TrackingNumber\":\"1Z\xff\"}")
		if errs := errorEntries(t, res, http.StatusBadRequest); !strings.Contains(errs["TrackingNumber"], "UTF-8") {
			t.Fatalf("errors %v", errs)
		}
		if o := fxOrder(t, app, id); o.TrackingNumber != "" {
			t.Fatalf("TrackingNumber stored as %q", o.TrackingNumber)
		}
	})
	t.Run("OrderPageForm", func(t *testing.T) {
		id := w.createNewOrder(t, domain.RoleRep, w.newOrderBody(""))
		o := fxOrder(t, app, id)
		res := app.As(domain.RoleRep).PostForm("/orders/"+strconv.FormatInt(id, 10), map[string][]string{
			"Version": {strconv.Itoa(o.Version)}, "TrackingNumber": {"1Z\u202e999"}})
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Doc().Text(), "bidirectional") {
			t.Fatalf("status %d, want 422 naming the character", res.StatusCode)
		}
	})
}
