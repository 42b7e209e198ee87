package web_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
	"switchboard/web/webtest"
)

// Orders_Search finds what an integrator looks for: by Identifier the order
// that released a device as well as the one that assigned it, with the
// disconnected line's package in Services; RequiresRouteDecision agrees
// with Orders_Query for canceled and completed orders.
func TestAPIOrdersSearchFinds(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedSeedWorld(t, webtest.Open(t, d))
		app, r := w.app, w.ref
		complete := func(t *testing.T, id int64) {
			t.Helper()
			apiJSON(t, app.API(domain.RoleRep, http.MethodPatch, orderPath(id), `{"Status":"COMPLETE"}`), http.StatusOK)
		}
		search := func(t *testing.T, q string) []map[string]any {
			t.Helper()
			return walkList(t, app, domain.RoleSupport, "/api/orders?"+q, "Orders", 50)
		}

		t.Run("IdentifierFindsTheDisconnect", func(t *testing.T) {
			dev := w.spareDevice
			m := apiJSON(t, app.API(domain.RoleRep, http.MethodPost, "/api/new-orders",
				w.newOrderBody(fmt.Sprintf(`"ESN":%q,"ShippingAddress":%s`, dev, shipAddr))), http.StatusCreated)
			assigned, line := numbers(t, m, "Orders")[0], numbers(t, m, "Lines")[0]
			complete(t, assigned)
			disc := w.createOrders(t, fmt.Sprintf(`{"Disconnect":{"CustomerID":%d,"LineID":%d,"InventoryItemStatus":"ASSIGNED"}}`, w.acme.ID, line))[0]
			for _, when := range []string{"open", "completed"} {
				found := search(t, "ShowServiceDetails=true&Identifier="+dev)
				if got, want := ids(found, "OrderID"), []int64{disc, assigned}; !slices.Equal(got, want) {
					t.Fatalf("%s disconnect: Identifier=%s found %v, want the disconnect and the order that assigned it %v", when, dev, got, want)
				}
				s := obj(t, list(t, found[0]["Services"])[0])
				if num(t, s["PackageID"]) != r.VZWPackage || s["Action"] != domain.ItemDisconnect || !slices.Contains(list(t, s["Identifiers"]), any(dev)) {
					t.Errorf("%s disconnect's service: %v, want the line's package %d and the device", when, s, r.VZWPackage)
				}
				if when == "open" {
					complete(t, disc)
				}
			}
		})

		t.Run("RouteDecisionOfFinishedOrders", func(t *testing.T) {
			body := w.newOrderBody(fmt.Sprintf(`"ProcessID":%d`, r.TwoRoutes))
			canceled, completed, waiting := w.createNewOrder(t, domain.RoleRep, body), w.createNewOrder(t, domain.RoleRep, body), w.createNewOrder(t, domain.RoleRep, body)
			apiJSON(t, app.API(domain.RoleSupervisor, http.MethodPatch, orderPath(canceled), `{"Status":"CANCELED"}`), http.StatusOK)
			complete(t, completed)
			awaiting := ids(search(t, "RequiresRouteDecision=true"), "OrderID")
			notAwaiting := ids(search(t, "RequiresRouteDecision=false"), "OrderID")
			for _, tc := range []struct {
				id   int64
				want bool
			}{{canceled, false}, {completed, false}, {waiting, true}} {
				q, _ := w.query(t, tc.id)
				if q["RequiresRouteDecision"] != tc.want {
					t.Errorf("order %d (%v): Orders_Query RequiresRouteDecision=%v, want %v", tc.id, q["Status"], q["RequiresRouteDecision"], tc.want)
				}
				if slices.Contains(awaiting, tc.id) != tc.want || slices.Contains(notAwaiting, tc.id) == tc.want {
					t.Errorf("order %d (%v): in RequiresRouteDecision=true %v, in =false %v; Orders_Query says %v",
						tc.id, q["Status"], slices.Contains(awaiting, tc.id), slices.Contains(notAwaiting, tc.id), q["RequiresRouteDecision"])
				}
			}
		})
	})
}
