package domain_test

import (
	"strconv"
	"strings"
	"testing"

	"switchboard/domain"
)

func addLine(lines ...*domain.AddLineLine) *domain.OrdersCreateInput {
	return &domain.OrdersCreateInput{AddLine: &domain.AddLineInput{CustomerID: 1, Lines: lines}}
}

func addLineWith(change func(a *domain.AddLineInput), lines ...*domain.AddLineLine) *domain.OrdersCreateInput {
	in := addLine(lines...)
	change(in.AddLine)
	return in
}

func TestPlanOrdersCreate_AddLineRules(t *testing.T) {
	pkg1 := func() *domain.AddLineLine { return &domain.AddLineLine{PackageID: 1} }
	runCreateCases(t, []createCase{
		{name: "ErrCustomerRequired", field: "AddLine.CustomerID", message: "CustomerID is required",
			in: addLineWith(func(a *domain.AddLineInput) { a.CustomerID = 0 }, pkg1())},
		{name: "ErrCustomerUnknown", field: "AddLine.CustomerID", message: "Customer 99 does not exist",
			in: addLineWith(func(a *domain.AddLineInput) { a.CustomerID = 99 }, pkg1())},
		{name: "ErrCustomerInactive", field: "AddLine.CustomerID", message: "Customer 3 is INACTIVE: services cannot be added to it",
			in: addLineWith(func(a *domain.AddLineInput) { a.CustomerID = 3 }, pkg1())},
		{name: "ErrBillingOption", field: "AddLine.BillingOption", message: "BillingOption must be one of DIFFERENCE, NEXT_CYCLE, PRORATE",
			in: addLineWith(func(a *domain.AddLineInput) { a.BillingOption = "LATER" }, pkg1())},
		{name: "ErrProcessUnknown", field: "AddLine.ProcessID", message: "Process 9 does not exist",
			in: addLineWith(func(a *domain.AddLineInput) { a.ProcessID = 9 }, pkg1())},
		{name: "ErrNoLines", field: "AddLine.Lines", message: "Lines must hold at least one line",
			in: addLine()},
		{name: "ErrTNDigits", field: "AddLine.Lines[0].TN", message: "TN must be 10 digits, or blank (or ten 0s) for a new service without a TN",
			in: addLine(&domain.AddLineLine{TN: "12345", PackageID: 1})},
		{name: "ConflictTNInUse", field: "AddLine.Lines[0].TN", message: "TN 3125550101 is already in use on line 1",
			in: addLine(&domain.AddLineLine{TN: "3125550101", PackageID: 1})},
		{name: "ErrTNTwice", field: "AddLine.Lines[1].TN", message: "TN 3125550188 is also given for Lines[0]",
			in: addLine(&domain.AddLineLine{TN: "3125550188", PackageID: 1}, &domain.AddLineLine{TN: "312.555.0188", PackageID: 1})},
		{name: "ErrPackageUnknown", field: "AddLine.Lines[0].PackageID", message: "Package 99 does not exist",
			in: addLine(&domain.AddLineLine{PackageID: 99})},
		{name: "ErrNoPackageNoProvisionable", field: "AddLine.Lines[0].PackageID", message: "PackageID is required unless at least one provisionable product is given in Products",
			in: addLine(&domain.AddLineLine{CarrierID: 3, Products: domain.LineProductList{{ProductID: 301}}})},
		{name: "ErrNoPackageNoCarrier", field: "AddLine.Lines[0].CarrierID", message: "CarrierID is required when PackageID is 0",
			in: addLine(&domain.AddLineLine{Products: domain.LineProductList{{ProductID: 300}}})},
		{name: "ErrCarrierNotThePackages", field: "AddLine.Lines[0].CarrierID", message: "CarrierID 2 does not match package 1, which is on Verizon Wireless (carrier 1)",
			in: addLine(&domain.AddLineLine{PackageID: 1, CarrierID: 2})},
		{name: "ErrCarrierUnknown", field: "AddLine.Lines[0].CarrierID", message: "Carrier 99 does not exist",
			in: addLine(&domain.AddLineLine{CarrierID: 99, Products: domain.LineProductList{{ProductID: 102}}})},
		{name: "ErrAccountUnknown", field: "AddLine.Lines[0].CarrierAccountID", message: "Carrier account 99 does not exist",
			in: addLine(&domain.AddLineLine{PackageID: 1, CarrierAccountID: 99})},
		{name: "ErrAccountOtherCarrier", field: "AddLine.Lines[0].CarrierAccountID", message: "Carrier account 20 belongs to AT&T Mobility (carrier 2), not to Verizon Wireless (carrier 1)",
			in: addLine(&domain.AddLineLine{PackageID: 1, CarrierAccountID: 20})},
		{name: "ErrNoDefaultAccount", field: "AddLine.Lines[0].CarrierAccountID", message: "Carrier NoDefault has no default carrier account; give CarrierAccountID",
			in: addLine(&domain.AddLineLine{PackageID: 5})},
		{name: "ErrAltBTNUnknown", field: "AddLine.Lines[0].AltBTNID", message: "Line 99 does not exist",
			in: addLine(&domain.AddLineLine{PackageID: 1, AltBTNID: 99})},
		{name: "ErrAltBTNOtherCustomer", field: "AddLine.Lines[0].AltBTNID", message: "Line 5 belongs to another customer and cannot be an Alt BTN",
			in: addLine(&domain.AddLineLine{PackageID: 1, AltBTNID: 5})},
		{name: "ErrAltBTNDisconnected", field: "AddLine.Lines[0].AltBTNID", message: "Line 3 is DISCONNECTED and cannot be an Alt BTN",
			in: addLine(&domain.AddLineLine{PackageID: 1, AltBTNID: 3})},
		{name: "ErrAltBTNSuspended", field: "AddLine.Lines[0].AltBTNID", message: "Line 2 is SUSPENDED and cannot be an Alt BTN: an Alt BTN must be an active service",
			in: addLine(&domain.AddLineLine{PackageID: 1, AltBTNID: 2})},
		{name: "ErrAltBTNNotOwnBTN", field: "AddLine.Lines[0].AltBTNID", message: "Line 7 is tied to another BTN; only a service that is its own BTN can be used",
			in: addLine(&domain.AddLineLine{PackageID: 1, AltBTNID: 7})},
		{name: "ErrLineTypeUnknown", field: "AddLine.Lines[0].LineTypeID", message: "Service type 8 does not exist",
			in: addLine(&domain.AddLineLine{PackageID: 1, LineTypeID: 8})},
		{name: "ErrLineTypeWireless", field: "AddLine.Lines[0].LineTypeID", message: "Service type Mobile is for wireless lines; Lumen is a wireline carrier",
			in: fitTypes(addLine(&domain.AddLineLine{PackageID: 4, LineTypeID: 1}))},
		{name: "ErrLineTypeNotThePackages", field: "AddLine.Lines[0].LineTypeID", message: "Service type Data does not fit package VZW Basic, whose lines are Mobile",
			in: fitTypes(addLine(&domain.AddLineLine{PackageID: 2, LineTypeID: 3}))},
		{name: "ErrDescriptionLong", field: "AddLine.Lines[0].Description", message: "Description must be at most 255 characters",
			in: addLine(&domain.AddLineLine{PackageID: 1, Description: strings.Repeat("d", 256)})},
		{name: "ErrPBXMakeLong", field: "AddLine.Lines[0].PBXMake", message: "PBXMake must be at most 60 characters",
			in: addLine(&domain.AddLineLine{PackageID: 1, PBXMake: strings.Repeat("m", 61)})},
		{name: "ErrPBXModelLong", field: "AddLine.Lines[0].PBXModel", message: "PBXModel must be at most 60 characters",
			in: addLine(&domain.AddLineLine{PackageID: 1, PBXModel: strings.Repeat("m", 61)})},
		{name: "ErrProductRequired", field: "AddLine.Lines[0].Products[1].ProductID", message: "ProductID is required",
			in: addLine(&domain.AddLineLine{PackageID: 1, Products: domain.LineProductList{{ProductID: 102}, {}}})},
		{name: "ErrProductUnknown", field: "AddLine.Lines[0].Products[0].ProductID", message: "Product 999 does not exist",
			in: addLine(&domain.AddLineLine{PackageID: 1, Products: domain.LineProductList{{ProductID: 999}}})},
		{name: "ErrProductQuantity", field: "AddLine.Lines[0].Products[0].Quantity", message: "Quantity must be greater than or equal to 1",
			in: addLine(&domain.AddLineLine{PackageID: 1, Products: domain.LineProductList{{ProductID: 102, Quantity: intp(-2)}}})},
		{name: "ErrProductOtherCarrier", field: "AddLine.Lines[1].Products[0].ProductID", message: "Product 100 (Unlimited plan) is provided by Verizon Wireless (carrier 1), not by this service's carrier, Lumen (carrier 3)",
			in: addLine(&domain.AddLineLine{PackageID: 1}, &domain.AddLineLine{PackageID: 4, Products: domain.LineProductList{{ProductID: 100}}})},
	})
}

func TestPlanOrdersCreate_AddLine(t *testing.T) {
	t.Run("Defaults", func(t *testing.T) {
		plan, err := domain.PlanOrdersCreate(t.Context(), newFake(), addLine(&domain.AddLineLine{LineID: 555, TN: "0000000000", PackageID: 1,
			Products: domain.LineProductList{{ProductID: 102}, {ProductID: 103, Rate: money("-1"), Quantity: intp(2)}}}))
		if err != nil {
			t.Fatal(err)
		}
		if len(plan.Orders) != 1 || len(plan.Lines) != 1 {
			t.Fatalf("orders=%d lines=%d, want 1 and 1", len(plan.Orders), len(plan.Lines))
		}
		o, l := plan.Orders[0], plan.Lines[0]
		if o.Type != domain.TypeAddLine || o.CustomerID != 1 || o.CarrierID != 1 || o.CarrierAccountID != 10 || !o.FlowThrough {
			t.Errorf("order=%+v", o)
		}
		if got, want := o.BillingOption, domain.BillProrate; got != want {
			t.Errorf("BillingOption=%q, want the default %q", got, want)
		}
		if l.TN != "" || l.Status != domain.LinePending || l.ID != 0 || l.CarrierAccountID != 10 {
			t.Errorf("line=%+v, want a PENDING line without TN (LineID is ignored)", l)
		}
		it := o.Items[0]
		if it.NewLine != l || it.Action != domain.ItemAdd {
			t.Errorf("item=%+v", it)
		}
		var got []string
		for _, p := range it.Products {
			got = append(got, p.Source+":"+p.Rate.String()+"x"+strconv.Itoa(p.Quantity))
		}
		if want := "PACKAGE:50.00x1 PACKAGE:5.00x1 REQUESTED:9.99x1 REQUESTED:-1.00x2"; strings.Join(got, " ") != want {
			t.Errorf("products=%q, want %q", strings.Join(got, " "), want)
		}
	})
	t.Run("CarrierGivenWithPackage", func(t *testing.T) {
		planCreate(t, nil, addLine(&domain.AddLineLine{PackageID: 1, CarrierID: 1}))
	})
	t.Run("NoPackageWithProvisionableProduct", func(t *testing.T) {
		plan, err := domain.PlanOrdersCreate(t.Context(), newFake(), addLine(&domain.AddLineLine{CarrierID: 3, TN: "3125550177",
			Products: domain.LineProductList{{ProductID: 300}}}))
		if err != nil {
			t.Fatal(err)
		}
		if l := plan.Lines[0]; l.PackageID != 0 || l.CarrierID != 3 || l.CarrierAccountID != 30 || l.TN != "3125550177" {
			t.Errorf("line=%+v", l)
		}
	})
	t.Run("SplitPerCarrierAccount", func(t *testing.T) {
		plan, err := domain.PlanOrdersCreate(t.Context(), newFake(), addLineWith(func(a *domain.AddLineInput) {
			a.BillingOption, a.ProcessID = "NEXT_CYCLE", 2
		},
			&domain.AddLineLine{PackageID: 1},
			&domain.AddLineLine{PackageID: 2, CarrierAccountID: 11, AltBTNID: 1, LineTypeID: 1, PBXMake: "Avaya", PBXModel: "IP500"},
			&domain.AddLineLine{PackageID: 2},
			&domain.AddLineLine{PackageID: 4}))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(plan.Lines), 4; got != want {
			t.Fatalf("lines=%d, want %d", got, want)
		}
		if got, want := len(plan.Orders), 3; got != want {
			t.Fatalf("orders=%d, want %d (accounts 10, 11, 30)", got, want)
		}
		for i, want := range []struct {
			account int64
			items   int
		}{{10, 2}, {11, 1}, {30, 1}} {
			o := plan.Orders[i]
			if o.CarrierAccountID != want.account || len(o.Items) != want.items {
				t.Errorf("order %d: account %d with %d items, want %d with %d", i, o.CarrierAccountID, len(o.Items), want.account, want.items)
			}
			if o.BillingOption != "NEXT_CYCLE" || !o.RequiresRouteDecision {
				t.Errorf("order %d: BillingOption=%q RequiresRouteDecision=%v", i, o.BillingOption, o.RequiresRouteDecision)
			}
		}
		l := plan.Lines[1]
		if l.AltBTNID == nil || *l.AltBTNID != 1 || l.LineTypeID == nil || l.PBXMake != "Avaya" || l.PBXModel != "IP500" {
			t.Errorf("line=%+v", l)
		}
	})
}

func change(lines ...*domain.ChangeLine) *domain.OrdersCreateInput {
	return &domain.OrdersCreateInput{Change: &domain.ChangeInput{Lines: lines}}
}

func changeOf(lineID int64, tn string, p domain.ProductChangesInput) *domain.ChangeLine {
	return &domain.ChangeLine{Change: &domain.LineChange{LineID: lineID, TN: tn, Products: p}}
}

func addOf(ids ...int64) domain.ProductChangesInput {
	var p domain.ProductChangesInput
	for _, id := range ids {
		p.Add = append(p.Add, &domain.LineProductInput{ProductID: id})
	}
	return p
}

func disconnectOf(lineID int64, tn string) *domain.ChangeLine {
	return &domain.ChangeLine{Disconnect: &domain.LineRef{LineID: lineID, TN: tn}}
}

func TestPlanOrdersCreate_ChangeRules(t *testing.T) {
	runCreateCases(t, []createCase{
		{name: "ErrBillingOption", field: "Change.BillingOption", message: "BillingOption must be one of DIFFERENCE, NEXT_CYCLE, PRORATE",
			in: &domain.OrdersCreateInput{Change: &domain.ChangeInput{BillingOption: "SOMETIME", Lines: domain.ChangeLineList{changeOf(1, "", addOf(102))}}}},
		{name: "ErrProcessUnknown", field: "Change.ProcessID", message: "Process 9 does not exist",
			in: &domain.OrdersCreateInput{Change: &domain.ChangeInput{ProcessID: 9, Lines: domain.ChangeLineList{changeOf(1, "", addOf(102))}}}},
		{name: "ErrNoLines", field: "Change.Lines", message: "Lines must hold at least one Change or Disconnect",
			in: change()},
		{name: "ErrEmptyEntry", field: "Change.Lines[0]", message: "Each entry of Lines must be a Change or a Disconnect",
			in: change(&domain.ChangeLine{})},
		{name: "ErrBothKinds", field: "Change.Lines[0]", message: "An entry of Lines cannot be both a Change and a Disconnect",
			in: change(&domain.ChangeLine{Change: &domain.LineChange{LineID: 1}, Disconnect: &domain.LineRef{LineID: 1}})},
		{name: "ErrBothRefs", field: "Change.Lines[0].Change.LineID", message: "TN and LineID cannot both be specified",
			in: change(changeOf(1, "3125550101", addOf(102)))},
		{name: "ErrNoRef", field: "Change.Lines[0].Change.LineID", message: "Either TN or LineID must be specified",
			in: change(changeOf(0, "", addOf(102)))},
		{name: "ErrDisconnectNoRef", field: "Change.Lines[0].Disconnect.LineID", message: "Either TN or LineID must be specified",
			in: change(disconnectOf(0, ""))},
		{name: "ErrTNUnknown", field: "Change.Lines[0].Change.TN", message: "No line has TN 3125550199",
			in: change(changeOf(0, "3125550199", addOf(102)))},
		{name: "ErrChangeDisconnected", field: "Change.Lines[0].Change.LineID", message: "Line 3 is DISCONNECTED; its products cannot change",
			in: change(changeOf(3, "", addOf(102)))},
		{name: "ErrDisconnectDisconnected", field: "Change.Lines[0].Disconnect.TN", message: "Line 3 is already DISCONNECTED",
			in: change(disconnectOf(0, "3125550103"))},
		{name: "ErrLineTwice", field: "Change.Lines[1].Disconnect.TN", message: "Line 1 is already in Lines[0]",
			in: change(changeOf(1, "", addOf(102)), disconnectOf(0, "3125550101"))},
		{name: "ErrTwoCustomers", field: "Change.Lines[1].Change.LineID", message: "Line 5 belongs to customer 2; every line of one Change must belong to the same customer (1)",
			in: change(changeOf(1, "", addOf(102)), changeOf(5, "", addOf(102)))},
		{name: "ConflictOpenOrder", field: "Change.Lines[0].Disconnect.LineID", message: "Line 6 already has an open SUSPEND order 900",
			in: change(disconnectOf(6, ""))},
		{name: "ConflictOpenPackageChange", field: "Change.Lines[0].Change.LineID", message: "Line 1 already has an open PACKAGE_CHANGE order 907",
			in: change(changeOf(1, "", addOf(102))),
			setup: func(f *fakeLookup) {
				f.openOrders[1] = []*domain.Order{openOrder(907, domain.TypePackageChange, domain.ItemPackageChange, 1)}
			}},
		{name: "ErrNoProducts", field: "Change.Lines[0].Change.Products", message: "Products must add, change or remove at least one product",
			in: change(changeOf(1, "", domain.ProductChangesInput{}))},
		{name: "ErrAddProductRequired", field: "Change.Lines[0].Change.Products.Add[0].ProductID", message: "ProductID is required",
			in: change(changeOf(1, "", addOf(0)))},
		{name: "ErrAddProductUnknown", field: "Change.Lines[0].Change.Products.Add[1].ProductID", message: "Product 998 does not exist",
			in: change(changeOf(1, "", addOf(102, 998)))},
		{name: "ErrAddQuantity", field: "Change.Lines[1].Change.Products.Add[0].Quantity", message: "Quantity must be greater than or equal to 1",
			in: change(changeOf(1, "", addOf(102)), changeOf(2, "", domain.ProductChangesInput{Add: domain.LineProductList{{ProductID: 102, Quantity: intp(0)}}}))},
		{name: "ErrAddOtherCarrier", field: "Change.Lines[0].Change.Products.Add[0].ProductID", message: "Product 300 (Dial tone) is provided by Lumen (carrier 3)",
			in: change(changeOf(1, "", addOf(300)))},
		{name: "ErrChangeCPRequired", field: "Change.Lines[0].Change.Products.Change[0].CustomerProductID", message: "CustomerProductID is required",
			in: change(changeOf(1, "", domain.ProductChangesInput{Change: domain.ProductChangeList{{Quantity: intp(2)}}}))},
		{name: "ErrChangeCPNotOnLine", field: "Change.Lines[0].Change.Products.Change[0].CustomerProductID", message: "Customer product 9999 is not on line 1",
			in: change(changeOf(1, "", domain.ProductChangesInput{Change: domain.ProductChangeList{{CustomerProductID: 9999, Quantity: intp(2)}}}))},
		{name: "ErrChangeNothing", field: "Change.Lines[0].Change.Products.Change[0]", message: "Give a new Rate or Quantity for customer product 1002",
			in: change(changeOf(1, "", domain.ProductChangesInput{Change: domain.ProductChangeList{{CustomerProductID: 1002}}}))},
		{name: "ErrChangeQuantity", field: "Change.Lines[0].Change.Products.Change[0].Quantity", message: "Quantity must be greater than or equal to 1",
			in: change(changeOf(1, "", domain.ProductChangesInput{Change: domain.ProductChangeList{{CustomerProductID: 1002, Quantity: intp(0)}}}))},
		{name: "ErrRemoveCPRequired", field: "Change.Lines[0].Change.Products.Remove[0].CustomerProductID", message: "CustomerProductID is required",
			in: change(changeOf(1, "", domain.ProductChangesInput{Remove: domain.ProductRemoveList{{}}}))},
		{name: "ErrRemoveCPNotOnLine", field: "Change.Lines[0].Change.Products.Remove[0].CustomerProductID", message: "Customer product 1001 is not on line 2",
			in: change(changeOf(2, "", domain.ProductChangesInput{Remove: domain.ProductRemoveList{{CustomerProductID: 1001}}}))},
		{name: "ErrChangedAndRemoved", field: "Change.Lines[0].Change.Products.Remove[0].CustomerProductID", message: "Customer product 1002 is already changed in this request",
			in: change(changeOf(1, "", domain.ProductChangesInput{
				Change: domain.ProductChangeList{{CustomerProductID: 1002, Rate: money("1")}},
				Remove: domain.ProductRemoveList{{CustomerProductID: 1002}}}))},
	})
}

func products(ops []*domain.OrderProduct) string {
	var s []string
	for _, op := range ops {
		x := op.Op + " " + op.Source + " " + itoa(op.ProductID)
		if op.CustomerProductID != nil {
			x += " cp" + itoa(*op.CustomerProductID)
		}
		s = append(s, x)
	}
	return strings.Join(s, "; ")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestPlanOrdersCreate_Change(t *testing.T) {
	t.Run("RelatedProductsAdded", func(t *testing.T) {
		o := planCreate(t, nil, change(changeOf(2, "", addOf(103))))[0]
		if got, want := products(o.Items[0].Products), "ADD REQUESTED 103; ADD RELATED 104"; got != want {
			t.Errorf("products=%q, want %q", got, want)
		}
		if p := o.Items[0].Products[1]; p.Rate != 20000 || p.Quantity != 1 || p.Description != "Hotspot insurance" {
			t.Errorf("related product=%+v, want the product's rate and description", p)
		}
	})
	t.Run("IgnoreRelatedProducts", func(t *testing.T) {
		in := change(changeOf(2, "", addOf(103)))
		in.Change.IgnoreRelatedProducts = true
		o := planCreate(t, nil, in)[0]
		if got, want := products(o.Items[0].Products), "ADD REQUESTED 103"; got != want {
			t.Errorf("products=%q, want %q", got, want)
		}
		if !o.IgnoreRelatedProducts {
			t.Error("IgnoreRelatedProducts=false on the order")
		}
	})
	t.Run("RelatedAlreadyOnLineNotAddedAgain", func(t *testing.T) {
		o := planCreate(t, nil, change(changeOf(1, "", addOf(103))))[0]
		if got, want := products(o.Items[0].Products), "ADD REQUESTED 103"; got != want {
			t.Errorf("products=%q, want %q", got, want)
		}
	})
	t.Run("RelatedProductsRemoved", func(t *testing.T) {
		o := planCreate(t, nil, change(changeOf(1, "", domain.ProductChangesInput{Remove: domain.ProductRemoveList{{CustomerProductID: 1003}}})))[0]
		if got, want := products(o.Items[0].Products), "REMOVE REQUESTED 103 cp1003; REMOVE RELATED 104 cp1004"; got != want {
			t.Errorf("products=%q, want %q", got, want)
		}
	})
	t.Run("RelatedKeptWhenIgnored", func(t *testing.T) {
		in := change(changeOf(1, "", domain.ProductChangesInput{Remove: domain.ProductRemoveList{{CustomerProductID: 1003}}}))
		in.Change.IgnoreRelatedProducts = true
		o := planCreate(t, nil, in)[0]
		if got, want := products(o.Items[0].Products), "REMOVE REQUESTED 103 cp1003"; got != want {
			t.Errorf("products=%q, want %q", got, want)
		}
	})
	t.Run("ChangeKeepsWhatIsNotGiven", func(t *testing.T) {
		o := planCreate(t, nil, change(changeOf(0, "3125550101", domain.ProductChangesInput{
			Change: domain.ProductChangeList{{CustomerProductID: 1002, Rate: money("7.25")}, {CustomerProductID: 1001, Quantity: intp(3)}}})))[0]
		ps := o.Items[0].Products
		if ps[0].Rate != 72500 || ps[0].Quantity != 1 || ps[0].Description != "Voicemail" || ps[0].Op != domain.ProductChange {
			t.Errorf("first change=%+v, want rate 7.25 and quantity kept at 1", ps[0])
		}
		if ps[1].Rate != 500000 || ps[1].Quantity != 3 {
			t.Errorf("second change=%+v, want rate kept at 50 and quantity 3", ps[1])
		}
	})
	t.Run("ProductChangeBesideOpenSuspend", func(t *testing.T) {
		planCreate(t, nil, change(changeOf(6, "", addOf(102))))
	})
	t.Run("SplitPerCarrierAccountWithDisconnect", func(t *testing.T) {
		os := planCreate(t, nil, change(changeOf(1, "", addOf(102)), disconnectOf(0, "3125550104"), disconnectOf(2, "")))
		if got, want := len(os), 2; got != want {
			t.Fatalf("orders=%d, want %d", got, want)
		}
		a, b := os[0], os[1]
		if a.Type != domain.TypeChangeFeature || a.CarrierAccountID != 10 || len(a.Items) != 2 || a.Items[1].Action != domain.ItemDisconnect {
			t.Errorf("first order=%+v", a)
		}
		if b.CarrierAccountID != 30 || len(b.Items) != 1 || b.Items[0].LineID != 4 || b.InventoryItemStatus != domain.InventoryAvailable {
			t.Errorf("second order=%+v", b)
		}
		if a.BillingOption != domain.BillProrate || !a.FlowThrough || a.CustomerID != 1 {
			t.Errorf("first order BillingOption=%q FlowThrough=%v CustomerID=%d", a.BillingOption, a.FlowThrough, a.CustomerID)
		}
	})
}

// fitTypes asks, as the wizards do, that every service type suit its package.
func fitTypes(in *domain.OrdersCreateInput) *domain.OrdersCreateInput {
	in.ServiceTypeMustFit = true
	return in
}

// The JSON API takes any service type Settings > Service Types lists (seed
// 001); only the wizards, which offer the fitting ones, ask for a fit.
func TestPlanServiceTypeAnyThroughAPI(t *testing.T) {
	if _, err := domain.PlanOrdersCreate(t.Context(), newFake(), addLine(&domain.AddLineLine{PackageID: 2, LineTypeID: 3})); err != nil {
		t.Errorf("AddLine with a type the package does not name: %v", err)
	}
	if _, err := domain.PlanOrdersCreate(t.Context(), newFake(), addLine(&domain.AddLineLine{PackageID: 4, LineTypeID: 1})); err != nil {
		t.Errorf("AddLine with a wireless type on a wireline carrier: %v", err)
	}
	in := &domain.NewOrdersInput{CustomerID: 1, PackageID: 2, LineTypeID: 3, WirelessPort: validPort()}
	if _, err := domain.PlanNewOrders(t.Context(), newFake(), in); err != nil {
		t.Errorf("NewOrders with a type the package does not name: %v", err)
	}
}
