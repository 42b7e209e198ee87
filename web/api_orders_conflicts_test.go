package web_test

import (
	"fmt"
	"net/http"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
	"switchboard/web/webtest"
)

// No billing change is lost: an order that touches a customer product
// another open order already changes or removes is a conflict (409) when it
// is created, and completing an order whose products are gone is a clear
// error, never a silent success.
func TestAPIOrdersNoLostChange(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedSeedWorld(t, webtest.Open(t, d))
		app, L := w.app, w.line
		line := L["3125550109"]
		cp := w.customerProduct(t, line)
		changeBody := func(products string) string {
			return fmt.Sprintf(`{"Change":{"Lines":[{"Change":{"LineID":%d,"Products":%s}}]}}`, line, products)
		}
		rate := changeBody(fmt.Sprintf(`{"Change":[{"CustomerProductID":%d,"Rate":12.5}]}`, cp))
		remove := changeBody(fmt.Sprintf(`{"Remove":[{"CustomerProductID":%d}]}`, cp))
		first := w.createOrders(t, rate)[0]
		other := w.createOrders(t, fmt.Sprintf(`{"Change":{"Lines":[{"Change":{"LineID":%d,"Products":{"Add":[{"ProductID":%d}]}}}]}}`, L["3125550110"], w.ref.Hotspot))[0]

		held := fmt.Sprintf("Customer product %d is held by open CHANGE_FEATURE order %d", cp, first)
		w.checkRefusals(t, domain.RoleRep, []refusal{
			{name: "RemoveWhatAnOpenOrderChanges", method: http.MethodPost, path: "/api/orders", body: remove, status: http.StatusConflict,
				fields: []string{"Change.Lines[0].Change.Products.Remove[0].CustomerProductID"}, msg: held},
			{name: "ChangeItAgain", method: http.MethodPost, path: "/api/orders", body: rate, status: http.StatusConflict,
				fields: []string{"Change.Lines[0].Change.Products.Change[0].CustomerProductID"}, msg: held},
			{name: "ThroughAnotherOrdersUpdate", method: http.MethodPatch, path: orderPath(other),
				body:   fmt.Sprintf(`{"Lines":[{"Change":{"LineID":%d,"Products":{"Remove":[{"CustomerProductID":%d}]}}}]}`, line, cp),
				status: http.StatusConflict, fields: []string{"Lines[0].Change.Products.Remove[0].CustomerProductID"}, msg: held},
			{name: "InvalidInputStays400", method: http.MethodPost, path: "/api/orders",
				body:   changeBody(fmt.Sprintf(`{"Change":[{"CustomerProductID":%d,"Quantity":0}]}`, cp)),
				status: http.StatusBadRequest, fields: []string{"Change.Lines[0].Change.Products.Change[0].Quantity"}},
		})

		// Once the first order completes, the product is free again.
		apiJSON(t, app.API(domain.RoleRep, http.MethodPatch, orderPath(first), `{"Status":"COMPLETE"}`), http.StatusOK)
		w.createOrders(t, remove)
	})
}

func TestAPIOrdersCompleteWithProductGone(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedSeedWorld(t, webtest.Open(t, d))
		app, L := w.app, w.line
		line := L["3125550109"]
		cp := w.customerProduct(t, line)
		for _, products := range []string{
			fmt.Sprintf(`{"Change":[{"CustomerProductID":%d,"Quantity":2}]}`, cp),
			fmt.Sprintf(`{"Remove":[{"CustomerProductID":%d}]}`, cp),
		} {
			id := w.createOrders(t, fmt.Sprintf(`{"Change":{"Lines":[{"Change":{"LineID":%d,"Products":%s}}]}}`, line, products))[0]
			// The product leaves the line behind the rules' back (as data
			// written before this rule held could have it).
			tx := app.DB.W.MustBegin()
			tx.MustExec(app.DB.W.Rebind(`UPDATE customer_products SET line_id = ? WHERE id = ?`), L["3125550108"], cp)
			if err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
			_, etag := w.query(t, id)
			w.checkRefusals(t, domain.RoleRep, []refusal{{name: "Complete", method: http.MethodPatch, path: orderPath(id), body: `{"Status":"COMPLETE"}`,
				status: http.StatusConflict, fields: []string{"Status"}, msg: fmt.Sprintf("Order %d cannot complete", id)}})
			if q, got := w.query(t, id); q["Status"] != domain.OrderNew || got != etag {
				t.Errorf("after the refused completion: Status=%v ETag %s (was %s)", q["Status"], got, etag)
			}
			tx = app.DB.W.MustBegin()
			tx.MustExec(app.DB.W.Rebind(`UPDATE customer_products SET line_id = ? WHERE id = ?`), line, cp)
			if err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
			apiJSON(t, app.API(domain.RoleSupervisor, http.MethodPatch, orderPath(id), `{"Status":"CANCELED"}`), http.StatusOK)
		}
	})
}
