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

// What a package brings is what a rep expects: GET /api/packages says each
// product's Role; a new line gets the plan, included options and one-time
// charges; a package change moves the plan and included options and adds a
// one-time charge only with OneTimeCharges; an optional product comes only
// when asked for, and a shipping charge needs a ShippingAddress.
func TestAPIPackageRoles(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := seedSeedWorld(t, webtest.Open(t, d))
		app, r := w.app, w.ref
		product := func(desc string, ships bool) int64 {
			return fxInsert(t, app, `INSERT INTO products (description, rate, provisionable, carrier_id, ships) VALUES (?, ?, ?, ?, ?)`,
				desc, domain.Money(10000), true, r.VZW, ships)
		}
		plan, plan2, voicemail := product("Plan A", false), product("Plan B", false), product("Voicemail", false)
		activation, shipping := product("Activation fee", false), product("Overnight shipping", true)
		pkg := func(name string, roles map[int64]string) int64 {
			id := fxInsert(t, app, `INSERT INTO packages (name, carrier_id) VALUES (?, ?)`, name, r.VZW)
			for p, role := range roles {
				if _, err := app.DB.W.Exec(app.DB.W.Rebind(`INSERT INTO package_products (package_id, product_id, role) VALUES (?, ?, ?)`), id, p, role); err != nil {
					t.Fatal(err)
				}
			}
			return id
		}
		full := pkg("Full", map[int64]string{plan: domain.RolePlan, voicemail: domain.RoleIncluded, activation: domain.RoleOneTime, shipping: domain.RoleOptional})
		bare := pkg("Bare", map[int64]string{plan2: domain.RolePlan})

		t.Run("ReferenceSaysTheRole", func(t *testing.T) {
			want := map[int64]string{plan: "PLAN", voicemail: "INCLUDED", activation: "ONE_TIME", shipping: "OPTIONAL"}
			for _, p := range walkList(t, app, domain.RoleSupport, "/api/packages", "Packages", 50) {
				if num(t, p["PackageID"]) != full {
					continue
				}
				for _, pr := range list(t, p["Products"]) {
					pr := obj(t, pr)
					if id := num(t, pr["ProductID"]); pr["Role"] != want[id] || pr["Shipping"] != (id == shipping) {
						t.Errorf("product %d: Role=%v Shipping=%v, want %s", id, pr["Role"], pr["Shipping"], want[id])
					}
				}
			}
		})

		complete := func(t *testing.T, id int64) {
			t.Helper()
			apiJSON(t, app.API(domain.RoleRep, http.MethodPatch, orderPath(id), `{"Status":"COMPLETE"}`), http.StatusOK)
		}
		lineProducts := func(t *testing.T, line int64) []int64 {
			t.Helper()
			var out []int64
			for _, p := range list(t, w.apiLine(t, line)["Products"]) {
				out = append(out, num(t, obj(t, p)["ProductID"]))
			}
			slices.Sort(out)
			return out
		}
		addLine := func(t *testing.T, pkg int64) int64 {
			t.Helper()
			m := apiJSON(t, app.API(domain.RoleRep, http.MethodPost, "/api/orders",
				fmt.Sprintf(`{"AddLine":{"CustomerID":%d,"Lines":[{"PackageID":%d}]}}`, w.acme.ID, pkg)), http.StatusCreated)
			id := numbers(t, m, "OrderIDs")[0]
			q, _ := w.query(t, id)
			complete(t, id)
			return num(t, obj(t, list(t, obj(t, q["AddLine"])["Lines"])[0])["LineID"])
		}
		sorted := func(ids ...int64) []int64 { slices.Sort(ids); return ids }

		t.Run("NewLine", func(t *testing.T) {
			if got, want := lineProducts(t, addLine(t, full)), sorted(plan, voicemail, activation); !slices.Equal(got, want) {
				t.Errorf("AddLine's line products %v, want plan, included and one-time %v", got, want)
			}
			m := apiJSON(t, app.API(domain.RoleRep, http.MethodPost, "/api/new-orders", fmt.Sprintf(`{"CustomerID":%d,"PackageID":%d}`, w.acme.ID, full)), http.StatusCreated)
			complete(t, numbers(t, m, "Orders")[0])
			if got, want := lineProducts(t, numbers(t, m, "Lines")[0]), sorted(plan, voicemail, activation); !slices.Equal(got, want) {
				t.Errorf("NewOrders_Create's line products %v, want %v", got, want)
			}
		})

		t.Run("PackageChange", func(t *testing.T) {
			for _, tc := range []struct {
				extra string
				want  []int64
			}{
				{"", sorted(plan, voicemail)},
				{`,"OneTimeCharges":false`, sorted(plan, voicemail)},
				{`,"OneTimeCharges":true`, sorted(plan, voicemail, activation)},
			} {
				line := addLine(t, bare)
				id := w.createOrders(t, fmt.Sprintf(`{"PackageChange":{"LineID":%d,"PackageID":%d%s}}`, line, full, tc.extra))[0]
				complete(t, id)
				if got := lineProducts(t, line); !slices.Equal(got, tc.want) {
					t.Errorf("PackageChange%s: line products %v, want %v", tc.extra, got, tc.want)
				}
			}
		})

		t.Run("ShippingCharge", func(t *testing.T) {
			body := func(extra string) string {
				return fmt.Sprintf(`{"CustomerID":%d,"PackageID":%d,"AdditionalProducts":[{"ProductID":%d}]%s}`, w.acme.ID, full, shipping, extra)
			}
			w.checkRefusals(t, domain.RoleRep, []refusal{{name: "NoAddress", method: http.MethodPost, path: "/api/new-orders", body: body(""),
				status: http.StatusBadRequest, fields: []string{"ShippingAddress"}, msg: "AdditionalProducts[0] is a shipping charge (Overnight shipping)"}})
			q, _ := w.query(t, w.createNewOrder(t, domain.RoleRep, body(`,"ShippingAddress":`+shipAddr)))
			if q["ShippingStatus"] != domain.ShippingNotShipped {
				t.Errorf("ShippingStatus=%v", q["ShippingStatus"])
			}
		})
	})
}
