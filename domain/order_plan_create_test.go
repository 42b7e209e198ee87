package domain_test

import (
	"testing"

	"switchboard/domain"
)

// createCase breaks one rule of Orders_Create.
type createCase struct {
	name, field, message string
	in                   *domain.OrdersCreateInput
	setup                func(f *fakeLookup)
}

func runCreateCases(t *testing.T, cases []createCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			lk := newFake()
			if tt.setup != nil {
				tt.setup(lk)
			}
			plan, err := domain.PlanOrdersCreate(t.Context(), lk, tt.in)
			if plan != nil {
				t.Fatalf("plan=%+v, want none", plan)
			}
			wantFieldError(t, err, tt.field, tt.message)
		})
	}
}

func planCreate(t *testing.T, lk *fakeLookup, in *domain.OrdersCreateInput) []*domain.Order {
	t.Helper()
	if lk == nil {
		lk = newFake()
	}
	plan, err := domain.PlanOrdersCreate(t.Context(), lk, in)
	if err != nil {
		t.Fatal(err)
	}
	return plan.Orders
}

func openOrder(id int64, typ, action string, lineID int64) *domain.Order {
	return &domain.Order{ID: id, PON: "BBBBBBBBBBBBBBBB", Type: typ, Status: domain.OrderNew, CustomerID: 1,
		Items: []*domain.OrderItem{{LineID: lineID, Action: action}}}
}

func TestPlanOrdersCreate_Kinds(t *testing.T) {
	runCreateCases(t, []createCase{
		{name: "ErrNone", field: "", message: "Give one of Suspend, Disconnect, Restore, AddLine, Change, PackageChange",
			in: &domain.OrdersCreateInput{}},
		{name: "ErrTwo", field: "Disconnect", message: "Only one of Suspend, Disconnect, Restore, AddLine, Change, PackageChange may be given; got Suspend and Disconnect",
			in: &domain.OrdersCreateInput{Suspend: &domain.SuspendInput{}, Disconnect: &domain.DisconnectInput{}}},
	})
	_, err := domain.PlanOrdersCreate(t.Context(), newFake(), nil)
	wantFieldError(t, err, "", "Request body is required")
}

func suspend(s domain.SuspendInput) *domain.OrdersCreateInput {
	return &domain.OrdersCreateInput{Suspend: &s}
}

func TestPlanOrdersCreate_SuspendRules(t *testing.T) {
	runCreateCases(t, []createCase{
		{name: "ErrStatusNotNew", field: "Suspend.Status", message: "Status is prohibited; if specified it must be NEW",
			in: suspend(domain.SuspendInput{TN: "3125550101", SuspendType: "ALL", Status: "SENT"})},
		{name: "ErrStatusNote", field: "Suspend.StatusNote", message: "StatusNote is prohibited",
			in: suspend(domain.SuspendInput{TN: "3125550101", SuspendType: "ALL", StatusNote: "please"})},
		{name: "ErrNeitherTNNorLineID", field: "Suspend.LineID", message: "Either TN or LineID must be specified",
			in: suspend(domain.SuspendInput{CustomerID: 1, SuspendType: "ALL"})},
		{name: "ErrBothTNAndLineID", field: "Suspend.LineID", message: "TN and LineID cannot both be specified",
			in: suspend(domain.SuspendInput{TN: "3125550101", LineID: 1, SuspendType: "ALL"})},
		{name: "ErrTNDigits", field: "Suspend.TN", message: "TN must be 10 digits",
			in: suspend(domain.SuspendInput{TN: "555-0101", SuspendType: "ALL"})},
		{name: "ErrTNUnknown", field: "Suspend.TN", message: "No line has TN 3125550199",
			in: suspend(domain.SuspendInput{TN: "3125550199", SuspendType: "ALL"})},
		{name: "ErrLineUnknown", field: "Suspend.LineID", message: "Line 99 does not exist",
			in: suspend(domain.SuspendInput{CustomerID: 1, LineID: 99, SuspendType: "ALL"})},
		{name: "ErrCustomerRequiredWithLineID", field: "Suspend.CustomerID", message: "CustomerID is required unless TN is specified",
			in: suspend(domain.SuspendInput{LineID: 1, SuspendType: "ALL"})},
		{name: "ErrCustomerUnknown", field: "Suspend.CustomerID", message: "Customer 99 does not exist",
			in: suspend(domain.SuspendInput{CustomerID: 99, TN: "3125550101", SuspendType: "ALL"})},
		{name: "ErrCustomerNotTheLines", field: "Suspend.CustomerID", message: "Line 1 belongs to customer 1, not to customer 2",
			in: suspend(domain.SuspendInput{CustomerID: 2, LineID: 1, SuspendType: "ALL"})},
		{name: "ErrSuspendTypeRequired", field: "Suspend.SuspendType", message: "SuspendType is required: ALL, INCOMING or OUTGOING",
			in: suspend(domain.SuspendInput{TN: "3125550101"})},
		{name: "ErrSuspendTypeUnknown", field: "Suspend.SuspendType", message: "SuspendType must be one of ALL, INCOMING, OUTGOING",
			in: suspend(domain.SuspendInput{TN: "3125550101", SuspendType: "SOME"})},
		{name: "ErrOutgoingWireless", field: "Suspend.SuspendType", message: "OUTGOING suspend is not available for wireless lines; use ALL or INCOMING",
			in: suspend(domain.SuspendInput{TN: "3125550101", SuspendType: "OUTGOING"})},
		{name: "ErrAlreadySuspended", field: "Suspend.LineID", message: "Line 2 is SUSPENDED; only an ACTIVE line can be suspended",
			in: suspend(domain.SuspendInput{CustomerID: 1, LineID: 2, SuspendType: "ALL"})},
		{name: "ErrDisconnected", field: "Suspend.TN", message: "Line 3 is DISCONNECTED; only an ACTIVE line can be suspended",
			in: suspend(domain.SuspendInput{TN: "3125550103", SuspendType: "ALL"})},
		{name: "ConflictOpenOrder", field: "Suspend.TN", message: "Line 6 already has an open SUSPEND order 900 (PON AAAAAAAAAAAAAAAA, status SENT); complete or cancel it first",
			in: suspend(domain.SuspendInput{TN: "3125550106", SuspendType: "ALL"})},
		{name: "ErrProcessUnknown", field: "Suspend.ProcessID", message: "Process 9 does not exist",
			in: suspend(domain.SuspendInput{TN: "3125550101", SuspendType: "ALL", ProcessID: 9})},
	})
}

func TestPlanOrdersCreate_Suspend(t *testing.T) {
	t.Run("ByTNWithoutCustomer", func(t *testing.T) {
		os := planCreate(t, nil, suspend(domain.SuspendInput{TN: "(312) 555-0101", SuspendType: "INCOMING", Status: "NEW"}))
		if got, want := len(os), 1; got != want {
			t.Fatalf("orders=%d, want %d", got, want)
		}
		o := os[0]
		if o.Type != domain.TypeSuspend || o.Status != domain.OrderNew || o.CustomerID != 1 || o.CarrierID != 1 || o.CarrierAccountID != 10 {
			t.Errorf("order=%+v", o)
		}
		if got, want := o.SuspendType, "INCOMING"; got != want {
			t.Errorf("SuspendType=%q, want %q", got, want)
		}
		if !o.FlowThrough {
			t.Error("FlowThrough=false, want the default true")
		}
		if it := o.Items[0]; it.LineID != 1 || it.TN != "3125550101" || it.Action != domain.ItemSuspend {
			t.Errorf("item=%+v", it)
		}
	})
	t.Run("FlowThroughOff", func(t *testing.T) {
		o := planCreate(t, nil, suspend(domain.SuspendInput{CustomerID: 1, LineID: 1, SuspendType: "ALL", FlowThrough: boolp(false)}))[0]
		if o.FlowThrough {
			t.Error("FlowThrough=true, want false")
		}
	})
	t.Run("OutgoingWireline", func(t *testing.T) {
		o := planCreate(t, nil, suspend(domain.SuspendInput{TN: "3125550104", SuspendType: "OUTGOING"}))[0]
		if o.CarrierAccountID != 30 || o.SuspendType != "OUTGOING" {
			t.Errorf("order=%+v", o)
		}
	})
	t.Run("ProductChangeOpenDoesNotClash", func(t *testing.T) {
		lk := newFake()
		lk.openOrders[1] = []*domain.Order{openOrder(901, domain.TypeChangeFeature, domain.ItemChange, 1)}
		planCreate(t, lk, suspend(domain.SuspendInput{TN: "3125550101", SuspendType: "ALL"}))
	})
	t.Run("ClosedOrderIgnored", func(t *testing.T) {
		lk := newFake()
		o := openOrder(902, domain.TypeDisconnect, domain.ItemDisconnect, 1)
		o.Status = domain.OrderCanceled
		lk.openOrders[1] = []*domain.Order{o}
		planCreate(t, lk, suspend(domain.SuspendInput{TN: "3125550101", SuspendType: "ALL"}))
	})
	t.Run("ErrStore", func(t *testing.T) {
		lk := newFake()
		lk.fail = errBoom
		if _, err := domain.PlanOrdersCreate(t.Context(), lk, suspend(domain.SuspendInput{TN: "3125550101", SuspendType: "ALL"})); err != errBoom {
			t.Fatalf("err=%v, want the store's", err)
		}
	})
}

func restore(r domain.RestoreInput) *domain.OrdersCreateInput {
	return &domain.OrdersCreateInput{Restore: &r}
}

func TestPlanOrdersCreate_RestoreRules(t *testing.T) {
	runCreateCases(t, []createCase{
		{name: "ErrStatusNotNew", field: "Restore.Status", message: "Status is prohibited; if specified it must be NEW",
			in: restore(domain.RestoreInput{TN: "3125550102", Status: "COMPLETE"})},
		{name: "ErrStatusNote", field: "Restore.StatusNote", message: "StatusNote is prohibited",
			in: restore(domain.RestoreInput{TN: "3125550102", StatusNote: "x"})},
		{name: "ErrNeither", field: "Restore.LineID", message: "Either TN or LineID must be specified",
			in: restore(domain.RestoreInput{CustomerID: 1})},
		{name: "ErrBoth", field: "Restore.LineID", message: "TN and LineID cannot both be specified",
			in: restore(domain.RestoreInput{TN: "3125550102", LineID: 2})},
		{name: "ErrCustomerRequired", field: "Restore.CustomerID", message: "CustomerID is required unless TN is specified",
			in: restore(domain.RestoreInput{LineID: 2})},
		{name: "ErrCustomerMismatch", field: "Restore.CustomerID", message: "Line 2 belongs to customer 1, not to customer 2",
			in: restore(domain.RestoreInput{CustomerID: 2, TN: "3125550102"})},
		{name: "ErrActive", field: "Restore.TN", message: "Line 1 is ACTIVE; only a SUSPENDED line can be restored",
			in: restore(domain.RestoreInput{TN: "3125550101"})},
		{name: "ConflictOpenDisconnect", field: "Restore.TN", message: "Line 2 already has an open DISCONNECT order 903",
			in: restore(domain.RestoreInput{TN: "3125550102"}),
			setup: func(f *fakeLookup) {
				f.openOrders[2] = []*domain.Order{openOrder(903, domain.TypeDisconnect, domain.ItemDisconnect, 2)}
			}},
		{name: "ConflictOpenRestore", field: "Restore.TN", message: "Line 2 already has an open RESTORE order 904",
			in: restore(domain.RestoreInput{TN: "3125550102"}),
			setup: func(f *fakeLookup) {
				f.openOrders[2] = []*domain.Order{openOrder(904, domain.TypeRestore, domain.ItemRestore, 2)}
			}},
		{name: "ErrProcessUnknown", field: "Restore.ProcessID", message: "Process 7 does not exist",
			in: restore(domain.RestoreInput{TN: "3125550102", ProcessID: 7})},
	})
}

func TestPlanOrdersCreate_Restore(t *testing.T) {
	o := planCreate(t, nil, restore(domain.RestoreInput{CustomerID: 1, LineID: 2, ProcessID: 2}))[0]
	if o.Type != domain.TypeRestore || o.CustomerID != 1 || o.Items[0].LineID != 2 || o.Items[0].Action != domain.ItemRestore {
		t.Errorf("order=%+v", o)
	}
	if !o.FlowThrough || !o.RequiresRouteDecision {
		t.Errorf("FlowThrough=%v RequiresRouteDecision=%v, want both true", o.FlowThrough, o.RequiresRouteDecision)
	}
}

func disconnect(d domain.DisconnectInput) *domain.OrdersCreateInput {
	return &domain.OrdersCreateInput{Disconnect: &d}
}

func TestPlanOrdersCreate_DisconnectRules(t *testing.T) {
	runCreateCases(t, []createCase{
		{name: "ErrStatusNotNew", field: "Disconnect.Status", message: "Status is prohibited; if specified it must be NEW",
			in: disconnect(domain.DisconnectInput{TN: "3125550101", Status: "HOLD"})},
		{name: "ErrStatusNote", field: "Disconnect.StatusNote", message: "StatusNote is prohibited",
			in: disconnect(domain.DisconnectInput{TN: "3125550101", StatusNote: "bye"})},
		{name: "ErrWholeAccountNeedsCustomer", field: "Disconnect.CustomerID", message: "CustomerID is required to disconnect a whole account (no TN or LineID given)",
			in: disconnect(domain.DisconnectInput{})},
		{name: "ErrWholeAccountUnknownCustomer", field: "Disconnect.CustomerID", message: "Customer 99 does not exist",
			in: disconnect(domain.DisconnectInput{CustomerID: 99})},
		{name: "ErrWholeAccountNoLines", field: "Disconnect.CustomerID", message: "Customer 3 has no lines to disconnect",
			in: disconnect(domain.DisconnectInput{CustomerID: 3})},
		{name: "ConflictWholeAccountOpenOrder", field: "Disconnect.CustomerID", message: "Line 6 already has an open SUSPEND order 900",
			in: disconnect(domain.DisconnectInput{CustomerID: 1})},
		{name: "ErrBoth", field: "Disconnect.LineID", message: "TN and LineID cannot both be specified",
			in: disconnect(domain.DisconnectInput{TN: "3125550101", LineID: 1})},
		{name: "ErrCustomerRequiredWithLineID", field: "Disconnect.CustomerID", message: "CustomerID is required unless TN is specified",
			in: disconnect(domain.DisconnectInput{LineID: 1})},
		{name: "ErrCustomerMismatch", field: "Disconnect.CustomerID", message: "Line 5 belongs to customer 2, not to customer 1",
			in: disconnect(domain.DisconnectInput{CustomerID: 1, LineID: 5})},
		{name: "ErrInventoryStatus", field: "Disconnect.InventoryItemStatus", message: "InventoryItemStatus must be one of AVAILABLE, UNAVAILABLE, ASSIGNED",
			in: disconnect(domain.DisconnectInput{TN: "3125550101", InventoryItemStatus: "LOST"})},
		{name: "ErrAlreadyDisconnected", field: "Disconnect.TN", message: "Line 3 is already DISCONNECTED",
			in: disconnect(domain.DisconnectInput{TN: "3125550103"})},
		{name: "ConflictOpenOrder", field: "Disconnect.TN", message: "Line 6 already has an open SUSPEND order 900",
			in: disconnect(domain.DisconnectInput{TN: "3125550106"})},
		{name: "ConflictPendingLine", field: "Disconnect.LineID", message: "Line 1 already has an open NEW order 905",
			in: disconnect(domain.DisconnectInput{CustomerID: 1, LineID: 1}),
			setup: func(f *fakeLookup) {
				f.openOrders[1] = []*domain.Order{openOrder(905, domain.TypeNew, domain.ItemAdd, 1)}
			}},
	})
}

func TestPlanOrdersCreate_Disconnect(t *testing.T) {
	t.Run("OneLine", func(t *testing.T) {
		os := planCreate(t, nil, disconnect(domain.DisconnectInput{TN: "3125550102"}))
		if got, want := len(os), 1; got != want {
			t.Fatalf("orders=%d, want %d", got, want)
		}
		o := os[0]
		if o.Type != domain.TypeDisconnect || o.CustomerID != 1 || len(o.Items) != 1 || o.Items[0].LineID != 2 || o.Items[0].Action != domain.ItemDisconnect {
			t.Errorf("order=%+v", o)
		}
		if got, want := o.InventoryItemStatus, domain.InventoryAvailable; got != want {
			t.Errorf("InventoryItemStatus=%q, want the default %q", got, want)
		}
	})
	t.Run("InventoryStatusGiven", func(t *testing.T) {
		o := planCreate(t, nil, disconnect(domain.DisconnectInput{TN: "3125550101", InventoryItemStatus: "UNAVAILABLE", FlowThrough: boolp(false)}))[0]
		if o.InventoryItemStatus != "UNAVAILABLE" || o.FlowThrough {
			t.Errorf("InventoryItemStatus=%q FlowThrough=%v", o.InventoryItemStatus, o.FlowThrough)
		}
	})
	t.Run("WholeAccountSplitPerCarrierAccount", func(t *testing.T) {
		lk := newFake()
		delete(lk.openOrders, 6)
		os := planCreate(t, lk, disconnect(domain.DisconnectInput{CustomerID: 1, ProcessID: 1}))
		if got, want := len(os), 2; got != want {
			t.Fatalf("orders=%d, want %d (one per carrier account)", got, want)
		}
		var lines [2][]int64
		for i, o := range os {
			for _, it := range o.Items {
				lines[i] = append(lines[i], it.LineID)
			}
			if o.ProcessRouteID == nil || *o.ProcessRouteID != 11 {
				t.Errorf("order %d route=%v, want 11", i, o.ProcessRouteID)
			}
		}
		if os[0].CarrierAccountID != 10 || len(lines[0]) != 4 || lines[0][0] != 1 || lines[0][1] != 2 || lines[0][2] != 6 || lines[0][3] != 7 {
			t.Errorf("first order: account %d lines %v, want 10 and [1 2 6 7]", os[0].CarrierAccountID, lines[0])
		}
		if os[1].CarrierAccountID != 30 || os[1].CarrierID != 3 || len(lines[1]) != 1 || lines[1][0] != 4 {
			t.Errorf("second order: account %d lines %v, want 30 and [4]", os[1].CarrierAccountID, lines[1])
		}
	})
}

func packageChange(p domain.PackageChangeInput) *domain.OrdersCreateInput {
	return &domain.OrdersCreateInput{PackageChange: &p}
}

func TestPlanOrdersCreate_PackageChangeRules(t *testing.T) {
	runCreateCases(t, []createCase{
		{name: "ErrNeither", field: "PackageChange.LineID", message: "Either TN or LineID must be specified",
			in: packageChange(domain.PackageChangeInput{PackageID: 2})},
		{name: "ErrBoth", field: "PackageChange.LineID", message: "TN and LineID cannot both be specified",
			in: packageChange(domain.PackageChangeInput{LineID: 1, TN: "3125550101", PackageID: 2})},
		{name: "ErrPackageRequired", field: "PackageChange.PackageID", message: "PackageID is required",
			in: packageChange(domain.PackageChangeInput{LineID: 1})},
		{name: "ErrPackageUnknown", field: "PackageChange.PackageID", message: "Package 99 does not exist",
			in: packageChange(domain.PackageChangeInput{LineID: 1, PackageID: 99})},
		{name: "ErrSamePackage", field: "PackageChange.PackageID", message: "Line 1 already has package 1",
			in: packageChange(domain.PackageChangeInput{LineID: 1, PackageID: 1})},
		{name: "ErrOtherCarrier", field: "PackageChange.PackageID",
			message: "Package 3 (ATT) is on AT&T Mobility (carrier 2) but line 1 is on Verizon Wireless (carrier 1); moving to another provider needs a disconnect and a new service",
			in:      packageChange(domain.PackageChangeInput{LineID: 1, PackageID: 3})},
		{name: "ErrDisconnected", field: "PackageChange.TN", message: "Line 3 is DISCONNECTED; its package cannot change",
			in: packageChange(domain.PackageChangeInput{TN: "3125550103", PackageID: 2})},
		{name: "ConflictOpenPackageChange", field: "PackageChange.LineID", message: "Line 1 already has an open PACKAGE_CHANGE order 906",
			in: packageChange(domain.PackageChangeInput{LineID: 1, PackageID: 2}),
			setup: func(f *fakeLookup) {
				f.openOrders[1] = []*domain.Order{openOrder(906, domain.TypePackageChange, domain.ItemPackageChange, 1)}
			}},
	})
}

func TestPlanOrdersCreate_PackageChange(t *testing.T) {
	o := planCreate(t, nil, packageChange(domain.PackageChangeInput{LineID: 1, PackageID: 2, Prorate: true}))[0]
	if o.Type != domain.TypePackageChange || o.NewPackageID == nil || *o.NewPackageID != 2 || !o.Prorate || o.CustomerID != 1 {
		t.Errorf("order=%+v", o)
	}
	it := o.Items[0]
	if it.PackageID != 2 || it.Action != domain.ItemPackageChange {
		t.Errorf("item=%+v", it)
	}
	// Package 1 is [100 101], package 2 is [100]: voicemail (1002) leaves, the plan stays.
	if got, want := len(it.Products), 1; got != want {
		t.Fatalf("products=%d, want %d", got, want)
	}
	if p := it.Products[0]; p.Op != domain.ProductRemove || *p.CustomerProductID != 1002 || p.Source != domain.SourcePackage {
		t.Errorf("product=%+v, want customer product 1002 removed", p)
	}
	t.Run("AddsNewPackageProducts", func(t *testing.T) {
		lk := newFake()
		lk.lines[2].PackageID = 2
		it := planCreate(t, lk, packageChange(domain.PackageChangeInput{LineID: 2, PackageID: 1}))[0].Items[0]
		if len(it.Products) != 2 || it.Products[0].ProductID != 100 || it.Products[1].ProductID != 101 || it.Products[0].Op != domain.ProductAdd {
			t.Errorf("products=%+v, want 100 and 101 added (line 2 has none)", it.Products)
		}
	})
}
