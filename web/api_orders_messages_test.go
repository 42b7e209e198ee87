package web_test

import (
	"fmt"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
	"switchboard/web/webtest"
)

// Messages say what is wrong: a rate too large says so, a whole number
// written 3.0 is that number, a fraction is named, and an Alt BTN must be
// an active service.
func TestAPIOrdersMessages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedSeedWorld(t, webtest.Open(t, d))
		r, L := w.ref, w.line
		product := func(extra string) string {
			return w.newOrderBody(fmt.Sprintf(`"AdditionalProducts":[{"ProductID":%d%s}]`, r.Hotspot, extra))
		}
		const p = "/api/new-orders"
		w.checkRefusals(t, domain.RoleRep, []refusal{
			{name: "RateTooLarge", method: "POST", path: p, body: product(`,"Rate":99999999999999`), status: 400,
				fields: []string{"AdditionalProducts[0].Rate"}, msg: "Rate is too large: an amount is at most 999999999999.9999"},
			{name: "RateTooLargeExponent", method: "POST", path: p, body: product(`,"Rate":1e15`), status: 400,
				fields: []string{"AdditionalProducts[0].Rate"}, msg: "Rate is too large"},
			{name: "RateTooPrecise", method: "POST", path: p, body: product(`,"Rate":1.23456`), status: 400,
				fields: []string{"AdditionalProducts[0].Rate"}, msg: "at most 4 decimal places"},
			{name: "QuantityFraction", method: "POST", path: p, body: product(`,"Quantity":1.5`), status: 400,
				fields: []string{"AdditionalProducts[0].Quantity"}, msg: "Quantity must be a whole number: 1.5 has a fractional part"},
			{name: "QuantityHuge", method: "POST", path: p, body: product(`,"Quantity":1e30`), status: 400,
				fields: []string{"AdditionalProducts[0].Quantity"}, msg: "Quantity is too large"},
			{name: "AltBTNSuspended", method: "POST", path: "/api/orders", status: 400, fields: []string{"AddLine.Lines[0].AltBTNID"},
				body: fmt.Sprintf(`{"AddLine":{"CustomerID":%d,"Lines":[{"PackageID":%d,"AltBTNID":%d}]}}`, w.acme.ID, r.VZWPackage, L["3125550102"]),
				msg:  "an Alt BTN must be an active service"},
		})

		// 3.0 for an integer field is the whole number 3.
		q, _ := w.query(t, w.createNewOrder(t, domain.RoleRep, product(`,"Quantity":3.0`)))
		if ap := obj(t, list(t, obj(t, q["NewService"])["AdditionalProducts"])[0]); ap["Quantity"] != float64(3) {
			t.Errorf("Quantity 3.0: %v, want 3", ap["Quantity"])
		}
		w.createOrders(t, fmt.Sprintf(`{"Suspend":{"LineID":%d.0,"CustomerID":%d,"SuspendType":"ALL"}}`, L["3125550104"], w.acme.ID))
	})
}
