package db_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

func TestCreateNewOrders(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustOrderWorld(t, d)
		ctx := asUser(w.Rep)

		t.Run("OK", func(t *testing.T) {
			in := w.newService()
			in.WirelessICCID, in.ESN, in.Description, in.ShippingAddress = "SIM-1", "DEV-1", "Driver 12", shipTo()
			in.ProcessID = w.r.OneRoute
			in.AdditionalProducts = domain.AdditionalProductList{{ProductID: w.r.Hotspot, Rate: ptr(domain.Money(-50000)), Quantity: ptr(2)}}
			plan, err := d.CreateNewOrders(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(plan.Orders), 1; got != want {
				t.Fatalf("orders=%d, want %d", got, want)
			}
			if got, want := len(plan.LineIDs()), 1; got != want || plan.LineIDs()[0] == 0 {
				t.Fatalf("lines=%v, want one created", plan.LineIDs())
			}
			lineID := plan.LineIDs()[0]
			o := mustFindOrder(t, d, plan.OrderIDs()[0])
			if o.Type != domain.TypeNew || o.Status != domain.OrderNew || o.CustomerID != w.Acme.ID || o.CarrierID != w.r.VZW ||
				o.CarrierAccountID != w.r.VZWAccount || !o.FlowThrough || o.Version != 1 || !domain.ValidPON(o.PON) {
				t.Fatalf("order=%+v", o)
			}
			if o.PON != plan.Orders[0].PON {
				t.Fatalf("PON=%s, plan says %s", o.PON, plan.Orders[0].PON)
			}
			if o.CarrierName != "Verizon Wireless" || o.CarrierAccountName != "VZW Main" {
				t.Fatalf("names=%q, %q", o.CarrierName, o.CarrierAccountName)
			}
			if o.ProcessID == nil || *o.ProcessID != w.r.OneRoute || o.ProcessRouteID == nil || o.RequiresRouteDecision || len(o.Routes) != 1 {
				t.Fatalf("process=%v route=%v requires=%v routes=%v", o.ProcessID, o.ProcessRouteID, o.RequiresRouteDecision, o.Routes)
			}
			if !o.CreatedAt.Equal(plan.Orders[0].CreatedAt) || o.CreatedAt.IsZero() {
				t.Fatalf("CreatedAt=%v, want %v", o.CreatedAt, plan.Orders[0].CreatedAt)
			}
			if got, want := len(o.Items), 1; got != want {
				t.Fatalf("items=%d, want %d", got, want)
			}
			it := o.Items[0]
			if it.LineID != lineID || it.Action != domain.ItemAdd || it.PackageID != w.r.VZWPackage || it.Description != "Driver 12" {
				t.Fatalf("item=%+v", it)
			}
			if got, want := strings.Join(it.InventoryIdentifiers, ","), "DEV-1,SIM-1"; got != want {
				t.Fatalf("identifiers=%s, want %s", got, want)
			}
			if got, want := len(it.Products), 2; got != want {
				t.Fatalf("products=%d, want %d (package's and additional)", got, want)
			}
			if p := it.Products[1]; p.ProductID != w.r.Hotspot || p.Rate != -50000 || p.Quantity != 2 || p.Source != domain.SourceRequested {
				t.Fatalf("additional product=%+v", p)
			}
			if got, want := mustLineState(t, d, lineID), (lineState{domain.LinePending, "", w.r.VZWPackage}); got != want {
				t.Fatalf("new line=%+v, want %+v", got, want)
			}
			for _, id := range []string{"SIM-1", "DEV-1"} {
				if got, want := mustInventory(t, d, id), (invState{domain.InventoryAssigned, w.Acme.ID, lineID}); got != want {
					t.Fatalf("%s=%v, want %v", id, got, want)
				}
			}
			evs, err := d.FindAuditEvents(context.Background(), domain.EntityOrder, o.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != 1 || evs[0].Action != "create" || evs[0].UserName != "rep" || evs[0].Changes["PON"][1] != o.PON ||
				evs[0].Changes["Status"][0] != nil || evs[0].Changes["Status"][1] != "NEW" {
				t.Fatalf("audit=%+v", evs)
			}
			if got := count(t, d, "audit_events", "entity = 'line' AND entity_id = ? AND action = 'create'", lineID); got != 1 {
				t.Fatalf("line create events=%d, want 1", got)
			}
			if got := count(t, d, "audit_events", "entity = 'inventory' AND action = 'assign'"); got != 2 {
				t.Fatalf("inventory assign events=%d, want 2", got)
			}
			byPON, err := d.FindOrderByPON(context.Background(), strings.ToLower(o.PON))
			if err != nil || byPON.ID != o.ID {
				t.Fatalf("FindOrderByPON=%v, %v", byPON, err)
			}
		})

		t.Run("WirelessPort", func(t *testing.T) {
			in := w.newService()
			in.WirelessICCID, in.ShippingAddress = "SIM-2", shipTo()
			in.ProcessID = w.r.TwoRoutes
			in.WirelessPort = &domain.WirelessPortInput{MDN: "(773) 555-0199", AccountNumber: "ACCT-778", AuthorizedSigner: "Dana Reyes",
				PINPassword: domain.NewSecret("PIN-8642-SECRET"), Remark: "port before Friday", ExternalProvider: "vzw",
				Address: &domain.AddressInput{FirstName: "Dana", LastName: "Reyes", Address1: "1 Main St", City: "Chicago", State: "IL", Zip: "60601"}}
			o := mustNewOrder(t, d, ctx, in)
			wp := o.WirelessPort
			if wp == nil || wp.MDN != "7735550199" || wp.AccountNumber != "ACCT-778" || wp.PINPassword.Clear() != "PIN-8642-SECRET" ||
				wp.ExternalProvider != "VZW" || wp.Address.City != "Chicago" || wp.Address.Country != "USA" {
				t.Fatalf("WirelessPort=%+v", wp)
			}
			if o.Items[0].TN != "7735550199" || !o.RequiresRouteDecision || o.ProcessRouteID != nil || len(o.Routes) != 2 {
				t.Fatalf("TN=%q requires=%v routes=%v", o.Items[0].TN, o.RequiresRouteDecision, o.Routes)
			}
			if got := count(t, d, "order_wireless_ports", "pin_password_enc LIKE ?", "%PIN-8642%"); got != 0 {
				t.Fatal("PIN stored in clear")
			}
			evs, _ := d.FindAuditEvents(context.Background(), domain.EntityOrder, o.ID)
			if s, _ := evs[0].Changes["WirelessPort"][1].(string); strings.Contains(s, "PIN-8642") || !strings.Contains(s, "7735550199") {
				t.Fatalf("audit WirelessPort=%q", s)
			}
		})

		t.Run("Reconnect", func(t *testing.T) {
			in := w.newService()
			in.ReconnectTN = "312-555-0177"
			in.ShippingAddress = &domain.AddressInput{FirstName: "Dana", LastName: "Reyes", Address1: "9 Dock Rd", City: "Gary", State: "in", Zip: "46401"}
			o := mustNewOrder(t, d, ctx, in)
			if !o.Reconnect || o.Items[0].TN != "3125550177" || o.FlowThrough {
				t.Fatalf("Reconnect=%v TN=%q FlowThrough=%v", o.Reconnect, o.Items[0].TN, o.FlowThrough)
			}
			if o.ShippingAddress == nil || o.ShippingAddress.State != "IN" || o.ShippingStatus != domain.ShippingNotShipped {
				t.Fatalf("shipping=%+v %s", o.ShippingAddress, o.ShippingStatus)
			}
			l, err := d.FindLineByTN(context.Background(), "3125550177")
			if err != nil || l.ID != o.Items[0].LineID || l.Status != domain.LinePending {
				t.Fatalf("line by TN=%+v, %v", l, err)
			}
		})

		t.Run("ErrConflict", func(t *testing.T) {
			before := count(t, d, "orders", "")
			lines := count(t, d, "lines", "")
			in := w.newService()
			in.WirelessICCID, in.ShippingAddress = "SIM-1", shipTo() // assigned by OK
			in.ReconnectTN = "3125550101"
			_, err := d.CreateNewOrders(ctx, in)
			wantConflict(t, err, "WirelessICCID")
			wantConflict(t, err, "ReconnectTN")
			if count(t, d, "orders", "") != before || count(t, d, "lines", "") != lines {
				t.Fatal("a refused order wrote something")
			}
		})

		t.Run("ErrForbidden", func(t *testing.T) {
			_, err := d.CreateNewOrders(asUser(w.Support), w.newService())
			wantCode(t, err, domain.EFORBIDDEN)
			_, err = d.CreateNewOrders(context.Background(), w.newService())
			wantCode(t, err, domain.EFORBIDDEN)
		})
	})
}

func TestCreateOrders(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustOrderWorld(t, d)
		ctx := asUser(w.Rep)

		t.Run("Suspend", func(t *testing.T) {
			os := mustCreateOrders(t, d, ctx, &domain.OrdersCreateInput{Suspend: &domain.SuspendInput{TN: "3125550103", SuspendType: "INCOMING", FlowThrough: ptr(false)}})
			o := os[0]
			if o.Type != domain.TypeSuspend || o.SuspendType != "INCOMING" || o.FlowThrough || o.CustomerID != w.Acme.ID ||
				len(o.Items) != 1 || o.Items[0].LineID != w.Second || o.Items[0].Action != domain.ItemSuspend {
				t.Fatalf("order=%+v items=%+v", o, o.Items)
			}
			// The open suspend is seen by the next request's rules.
			_, err := d.CreateOrders(ctx, &domain.OrdersCreateInput{Suspend: &domain.SuspendInput{LineID: w.Second, CustomerID: w.Acme.ID, SuspendType: "ALL"}})
			wantConflict(t, err, "Suspend.LineID")
			if got, want := mustLineState(t, d, w.Second).Status, domain.LineActive; got != want {
				t.Fatalf("line=%s before completion, want %s", got, want)
			}
		})
		t.Run("Restore", func(t *testing.T) {
			o := mustCreateOrders(t, d, ctx, &domain.OrdersCreateInput{Restore: &domain.RestoreInput{LineID: w.Suspended, CustomerID: w.Acme.ID}})[0]
			if o.Type != domain.TypeRestore || o.Items[0].LineID != w.Suspended || o.Items[0].TN != "3125550102" {
				t.Fatalf("order=%+v", o)
			}
		})
		t.Run("Disconnect", func(t *testing.T) {
			o := mustCreateOrders(t, d, ctx, &domain.OrdersCreateInput{Disconnect: &domain.DisconnectInput{TN: "3125550104", InventoryItemStatus: "UNAVAILABLE"}})[0]
			if o.Type != domain.TypeDisconnect || o.InventoryItemStatus != "UNAVAILABLE" || o.CustomerID != w.Globex.ID || o.Items[0].LineID != w.GlobexLine {
				t.Fatalf("order=%+v", o)
			}
		})
		t.Run("AddLine", func(t *testing.T) {
			plan, err := d.CreateOrders(ctx, &domain.OrdersCreateInput{AddLine: &domain.AddLineInput{CustomerID: w.Acme.ID, Lines: domain.AddLineList{
				{TN: "0000000000", PackageID: w.r.VZWPackage, Description: "Tablet"},
				{TN: "3125550188", PackageID: w.r.ATTPackage, PBXMake: "Avaya", PBXModel: "IP Office", AltBTNID: w.Active},
				{CarrierID: w.r.VZW, Products: domain.LineProductList{{ProductID: w.r.Unlimited}}}, // no package
			}}})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(plan.Orders), 2; got != want {
				t.Fatalf("orders=%d, want %d (one per carrier account)", got, want)
			}
			if got, want := len(plan.Lines), 3; got != want {
				t.Fatalf("lines=%d, want %d", got, want)
			}
			vzw := mustFindOrder(t, d, plan.Orders[0].ID)
			if vzw.Type != domain.TypeAddLine || vzw.BillingOption != domain.BillProrate || len(vzw.Items) != 2 {
				t.Fatalf("VZW order=%+v items=%d", vzw, len(vzw.Items))
			}
			noPkg := vzw.Items[1]
			if noPkg.PackageID != 0 || len(noPkg.Products) != 1 {
				t.Fatalf("line without package: %+v", noPkg)
			}
			if got := mustLineState(t, d, noPkg.LineID); got.PackageID != 0 || got.Status != domain.LinePending {
				t.Fatalf("line without package=%+v", got)
			}
			att := mustFindOrder(t, d, plan.Orders[1].ID)
			if it := att.Items[0]; it.TN != "3125550188" || it.PBXMake != "Avaya" || it.AltBTNID == nil || *it.AltBTNID != w.Active {
				t.Fatalf("ATT item=%+v", it)
			}
		})
		t.Run("Change", func(t *testing.T) {
			o := mustCreateOrders(t, d, ctx, &domain.OrdersCreateInput{Change: &domain.ChangeInput{IgnoreRelatedProducts: true, Lines: domain.ChangeLineList{
				{Change: &domain.LineChange{LineID: w.Active, Products: domain.ProductChangesInput{
					Change: domain.ProductChangeList{{CustomerProductID: w.ActiveUnlimited, Quantity: ptr(3)}},
					Remove: domain.ProductRemoveList{{CustomerProductID: w.ActiveHotspt}},
				}}},
			}}})[0]
			ops := o.Items[0].Products
			if o.Type != domain.TypeChangeFeature || len(ops) != 2 || ops[0].Op != domain.ProductChange || *ops[0].CustomerProductID != w.ActiveUnlimited ||
				ops[0].Quantity != 3 || ops[1].Op != domain.ProductRemove {
				t.Fatalf("order=%+v products=%+v", o, ops)
			}
		})
		t.Run("PackageChange", func(t *testing.T) {
			vzw2 := mustInsert(t, d, `INSERT INTO packages (name, carrier_id) VALUES (?, ?)`, "VZW Hotspot", w.r.VZW)
			mustExec(t, d, `INSERT INTO package_products (package_id, product_id) VALUES (?, ?)`, vzw2, w.r.Hotspot)
			o := mustCreateOrders(t, d, ctx, &domain.OrdersCreateInput{PackageChange: &domain.PackageChangeInput{LineID: w.Second, PackageID: vzw2, Prorate: true}})
			if o[0].Type != domain.TypePackageChange || o[0].NewPackageID == nil || *o[0].NewPackageID != vzw2 || !o[0].Prorate {
				t.Fatalf("order=%+v", o[0])
			}
		})
		t.Run("ErrForbidden", func(t *testing.T) {
			_, err := d.CreateOrders(asUser(w.Support), &domain.OrdersCreateInput{Restore: &domain.RestoreInput{LineID: w.Suspended}})
			wantCode(t, err, domain.EFORBIDDEN)
		})
		t.Run("Counts", func(t *testing.T) {
			counts, err := d.CountOrdersByStatus(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if got, want := counts[domain.OrderNew], int64(count(t, d, "orders", "")); got != want {
				t.Fatalf("NEW=%d, want %d", got, want)
			}
		})
	})
}

func TestUpdateOrder_Completion(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustOrderWorld(t, d)
		ctx := asUser(w.Rep)

		t.Run("NewServiceActivates", func(t *testing.T) {
			in := w.newService()
			in.WirelessICCID, in.ShippingAddress = "SIM-1", shipTo()
			o := mustNewOrder(t, d, ctx, in)
			line := o.Items[0].LineID
			done := complete(t, d, ctx, o.ID)
			if done.Status != domain.OrderComplete || done.CompletionDate == nil || done.Version != 2 {
				t.Fatalf("order=%+v", done)
			}
			if got, want := mustLineState(t, d, line).Status, domain.LineActive; got != want {
				t.Fatalf("line=%s, want %s", got, want)
			}
			l, _ := d.FindLineByID(context.Background(), line)
			if got, want := len(l.Products), 1; got != want || l.Products[0].ProductID != w.r.Unlimited {
				t.Fatalf("line products=%+v, want the package's", l.Products)
			}
			if got, want := mustInventory(t, d, "SIM-1"), (invState{domain.InventoryAssigned, w.Acme.ID, line}); got != want {
				t.Fatalf("SIM=%v, want %v", got, want)
			}
		})
		t.Run("SuspendSuspends", func(t *testing.T) {
			o := mustCreateOrders(t, d, ctx, &domain.OrdersCreateInput{Suspend: &domain.SuspendInput{TN: "3125550103", SuspendType: "INCOMING"}})[0]
			complete(t, d, ctx, o.ID)
			if got, want := mustLineState(t, d, w.Second), (lineState{domain.LineSuspended, "INCOMING", w.r.VZWPackage}); got != want {
				t.Fatalf("line=%+v, want %+v", got, want)
			}
		})
		t.Run("RestoreActivates", func(t *testing.T) {
			o := mustCreateOrders(t, d, ctx, &domain.OrdersCreateInput{Restore: &domain.RestoreInput{TN: "3125550102"}})[0]
			mustUpdateOrder(t, d, ctx, o.ID, &domain.OrderUpdateInput{Status: domain.OrderSent})
			mustUpdateOrder(t, d, ctx, o.ID, &domain.OrderUpdateInput{Status: domain.OrderConfirmed})
			complete(t, d, ctx, o.ID)
			if got, want := mustLineState(t, d, w.Suspended), (lineState{domain.LineActive, "", w.r.VZWPackage}); got != want {
				t.Fatalf("line=%+v, want %+v", got, want)
			}
		})
		t.Run("ChangeChangesProducts", func(t *testing.T) {
			o := mustCreateOrders(t, d, ctx, &domain.OrdersCreateInput{Change: &domain.ChangeInput{IgnoreRelatedProducts: true, Lines: domain.ChangeLineList{
				{Change: &domain.LineChange{LineID: w.Active, Products: domain.ProductChangesInput{
					Add:    domain.LineProductList{{ProductID: w.r.Hotspot, Quantity: ptr(2)}},
					Change: domain.ProductChangeList{{CustomerProductID: w.ActiveUnlimited, Rate: ptr(domain.Money(400000))}},
					Remove: domain.ProductRemoveList{{CustomerProductID: w.ActiveHotspt}},
				}}},
			}}})[0]
			complete(t, d, ctx, o.ID)
			l, _ := d.FindLineByID(context.Background(), w.Active)
			var got []string
			for _, p := range l.Products {
				got = append(got, fmt.Sprintf("%d:%d ×%d at %s", p.ID, p.ProductID, p.Quantity, p.Rate))
			}
			want := []string{fmt.Sprintf("%d:%d ×1 at 40.00", w.ActiveUnlimited, w.r.Unlimited)}
			if len(l.Products) == 2 {
				want = append(want, fmt.Sprintf("%d:%d ×2 at 10.0125", l.Products[1].ID, w.r.Hotspot))
			}
			if strings.Join(got, ", ") != strings.Join(want, ", ") || len(got) != 2 {
				t.Fatalf("products=%v, want the plan changed, the hotspot replaced: %v", got, want)
			}
			evs, _ := d.FindAuditEvents(context.Background(), domain.EntityLine, w.Active)
			last := evs[len(evs)-1]
			if _, ok := last.Changes["Order"]; !ok || len(last.Changes) != 4 {
				t.Fatalf("line audit=%v, want the order and three product changes", last.Changes)
			}
		})
		t.Run("PackageChangeSwapsPackage", func(t *testing.T) {
			vzw2 := mustInsert(t, d, `INSERT INTO packages (name, carrier_id) VALUES (?, ?)`, "VZW Hotspot Only", w.r.VZW)
			mustExec(t, d, `INSERT INTO package_products (package_id, product_id) VALUES (?, ?)`, vzw2, w.r.Hotspot)
			o := mustCreateOrders(t, d, ctx, &domain.OrdersCreateInput{PackageChange: &domain.PackageChangeInput{LineID: w.GlobexLine, PackageID: vzw2}})[0]
			complete(t, d, ctx, o.ID)
			st := mustLineState(t, d, w.GlobexLine)
			l, _ := d.FindLineByID(context.Background(), w.GlobexLine)
			if st.PackageID != vzw2 || len(l.Products) != 1 || l.Products[0].ProductID != w.r.Hotspot {
				t.Fatalf("line=%+v products=%+v, want package %d with only its product", st, l.Products, vzw2)
			}
		})
		t.Run("DisconnectSetsInventory", func(t *testing.T) {
			o := mustCreateOrders(t, d, ctx, &domain.OrdersCreateInput{Disconnect: &domain.DisconnectInput{LineID: w.Active, CustomerID: w.Acme.ID, InventoryItemStatus: "ASSIGNED"}})[0]
			complete(t, d, ctx, o.ID)
			if got, want := mustLineState(t, d, w.Active).Status, domain.LineDisconnected; got != want {
				t.Fatalf("line=%s, want %s", got, want)
			}
			if got, want := mustInventory(t, d, "SIM-ON-ACTIVE"), (invState{domain.InventoryAssigned, w.Acme.ID, 0}); got != want {
				t.Fatalf("SIM=%v, want %v (kept on the account, off the line)", got, want)
			}
			if got := count(t, d, "audit_events", "entity = 'inventory' AND action = 'update'"); got != 1 {
				t.Fatalf("inventory update events=%d, want 1", got)
			}
		})
		t.Run("CancelNewServiceReleases", func(t *testing.T) {
			in := w.newService()
			in.WirelessICCID, in.ShippingAddress = "SIM-2", shipTo()
			o := mustNewOrder(t, d, ctx, in)
			_, err := d.UpdateOrder(ctx, o.ID, &domain.OrderUpdateInput{Status: domain.OrderCanceled}, nil)
			wantCode(t, err, domain.EFORBIDDEN) // a rep may not cancel
			mustUpdateOrder(t, d, asUser(w.Supervisor), o.ID, &domain.OrderUpdateInput{Status: domain.OrderCanceled, StatusNote: ptr("customer changed mind")})
			if got, want := mustLineState(t, d, o.Items[0].LineID).Status, domain.LineDisconnected; got != want {
				t.Fatalf("line=%s, want %s", got, want)
			}
			if got, want := mustInventory(t, d, "SIM-2"), (invState{domain.InventoryAvailable, 0, 0}); got != want {
				t.Fatalf("SIM=%v, want %v", got, want)
			}
		})
	})
}

func TestUpdateOrder(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustOrderWorld(t, d)
		ctx := asUser(w.Rep)
		in := w.newService()
		in.ProcessID = w.r.TwoRoutes
		o := mustNewOrder(t, d, ctx, in)

		t.Run("ErrStale", func(t *testing.T) {
			stale := o.Version
			mustUpdateOrder(t, d, ctx, o.ID, &domain.OrderUpdateInput{TrackingNumber: ptr("1Z999AA10123456784")})
			_, err := d.UpdateOrder(ctx, o.ID, &domain.OrderUpdateInput{TrackingNumber: ptr("OTHER")}, &stale)
			wantCode(t, err, domain.ESTALE)
			got := mustFindOrder(t, d, o.ID)
			if got.TrackingNumber != "1Z999AA10123456784" || got.Version != stale+1 {
				t.Fatalf("TrackingNumber=%q Version=%d after a stale update", got.TrackingNumber, got.Version)
			}
			fresh := got.Version
			if _, err := d.UpdateOrder(ctx, o.ID, &domain.OrderUpdateInput{ShippingStatus: "SHIPPED"}, &fresh); err != nil {
				t.Fatal(err)
			}
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := d.UpdateOrder(ctx, 987654, &domain.OrderUpdateInput{Status: domain.OrderSent}, nil)
			wantCode(t, err, domain.ENOTFOUND)
			_, err = d.FindOrderByID(context.Background(), 987654)
			wantCode(t, err, domain.ENOTFOUND)
			_, err = d.FindOrderByPON(context.Background(), "AAAAAAAAAAAAAAAA")
			wantCode(t, err, domain.ENOTFOUND)
		})
		t.Run("RouteDecision", func(t *testing.T) {
			_, err := d.UpdateOrder(ctx, o.ID, &domain.OrderUpdateInput{Status: domain.OrderSent}, nil)
			wantCode(t, err, domain.EFORBIDDEN) // a rep may not send it past the decision
			_, err = d.UpdateOrder(asUser(w.Supervisor), o.ID, &domain.OrderUpdateInput{Status: domain.OrderSent}, nil)
			wantField(t, err, "Status") // no route chosen yet
			route := o.Routes[1].ID
			_, err = d.UpdateOrder(ctx, o.ID, &domain.OrderUpdateInput{ProcessRouteID: &route}, nil)
			wantCode(t, err, domain.EFORBIDDEN)
			got := mustUpdateOrder(t, d, asUser(w.Supervisor), o.ID, &domain.OrderUpdateInput{ProcessRouteID: &route})
			if got.RequiresRouteDecision || got.ProcessRouteID == nil || *got.ProcessRouteID != route {
				t.Fatalf("after the decision: requires=%v route=%v", got.RequiresRouteDecision, got.ProcessRouteID)
			}
			mustUpdateOrder(t, d, ctx, o.ID, &domain.OrderUpdateInput{Status: domain.OrderSent})
		})
		t.Run("LinesBeforeSending", func(t *testing.T) {
			n := mustNewOrder(t, d, ctx, w.newService())
			got := mustUpdateOrder(t, d, ctx, n.ID, &domain.OrderUpdateInput{Lines: domain.UpdateLineList{{Change: &domain.LineChange{
				LineID: w.Second, Products: domain.ProductChangesInput{Add: domain.LineProductList{{ProductID: w.r.Hotspot}}}}}}})
			if len(got.Items) != 2 || got.Items[1].LineID != w.Second || got.Items[1].Action != domain.ItemChange || len(got.Items[1].Products) != 1 {
				t.Fatalf("items=%+v", got.Items)
			}
			got = mustUpdateOrder(t, d, ctx, n.ID, &domain.OrderUpdateInput{Lines: domain.UpdateLineList{{Change: &domain.LineChange{
				LineID: w.Second, Products: domain.ProductChangesInput{Change: domain.ProductChangeList{{CustomerProductID: w.SecondUnlimited, Quantity: ptr(2)}}}}}}})
			if len(got.Items) != 2 || len(got.Items[1].Products) != 2 {
				t.Fatalf("items=%+v, want the second change on the same item", got.Items[1])
			}
		})
		t.Run("Audit", func(t *testing.T) {
			evs, err := d.FindAuditEvents(context.Background(), domain.EntityOrder, o.ID)
			if err != nil {
				t.Fatal(err)
			}
			var actions []string
			for _, e := range evs {
				actions = append(actions, e.Action+" by "+e.UserName)
			}
			if got, want := strings.Join(actions, ", "), "create by rep, update by rep, update by rep, update by supervisor, update by rep"; got != want {
				t.Fatalf("history=%s, want %s", got, want)
			}
			if c := evs[1].Changes["TrackingNumber"]; c[0] != "" || c[1] != "1Z999AA10123456784" {
				t.Fatalf("TrackingNumber change=%v", c)
			}
			if c := evs[4].Changes["Status"]; c[0] != "NEW" || c[1] != "SENT" {
				t.Fatalf("Status change=%v", c)
			}
			if c := evs[3].Changes["RequiresRouteDecision"]; c[0] != true || c[1] != false {
				t.Fatalf("RequiresRouteDecision change=%v", c)
			}
		})
	})
}

// The port-in PIN never reaches the database file in clear.
func TestCreateNewOrders_PINSealed(t *testing.T) {
	d, path := dbtest.OpenFile(t)
	w := mustOrderWorld(t, d)
	in := w.newService()
	in.WirelessPort = &domain.WirelessPortInput{MDN: "7735550142", AccountNumber: "A1", AuthorizedSigner: "Dana Reyes",
		PINPassword: domain.NewSecret("ZQX-7731-PIN"),
		Address:     &domain.AddressInput{FirstName: "Dana", LastName: "Reyes", Address1: "1 Main St", City: "Chicago", State: "IL", Zip: "60601"}}
	mustNewOrder(t, d, asUser(w.Rep), in)
	var file []byte
	for _, p := range []string{path, path + "-wal"} {
		b, _ := os.ReadFile(p)
		file = append(file, b...)
	}
	if bytes.Contains(file, []byte("ZQX-7731-PIN")) {
		t.Fatal("PIN in the database file in clear")
	}
}
