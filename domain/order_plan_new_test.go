package domain_test

import (
	"strings"
	"testing"

	"switchboard/domain"
)

func validPort() *domain.WirelessPortInput {
	return &domain.WirelessPortInput{
		MDN: "312-555-0199", AccountNumber: "A-123", AuthorizedSigner: "Pat Smith", PINPassword: domain.NewSecret("4321"),
		Remark: "Port please", ExternalProvider: "vzw",
		Address: &domain.AddressInput{FirstName: "Pat", LastName: "Smith", Address1: "1 Main St", City: "Chicago", State: "il", Zip: "60601"},
	}
}

func validShipping() *domain.AddressInput {
	return &domain.AddressInput{FirstName: "Pat", LastName: "Smith", Address1: "1 Main St", City: "Chicago", State: "IL", Zip: "60601", Zip4: "1234"}
}

// One case per rule of NewOrders_Create: each breaks one rule of a valid input.
func TestPlanNewOrders_Rules(t *testing.T) {
	for _, tt := range []struct {
		name, field, message string
		change               func(in *domain.NewOrdersInput)
	}{
		{"ErrCustomerRequired", "CustomerID", "CustomerID is required", func(in *domain.NewOrdersInput) { in.CustomerID = 0 }},
		{"ErrCustomerUnknown", "CustomerID", "Customer 99 does not exist", func(in *domain.NewOrdersInput) { in.CustomerID = 99 }},
		{"ErrCustomerInactive", "CustomerID", "Customer 3 is INACTIVE", func(in *domain.NewOrdersInput) { in.CustomerID = 3 }},
		{"ErrPackageRequired", "PackageID", "PackageID is required", func(in *domain.NewOrdersInput) { in.PackageID = 0 }},
		{"ErrPackageUnknown", "PackageID", "Package 99 does not exist", func(in *domain.NewOrdersInput) { in.PackageID = 99 }},
		{"ErrNoDefaultAccount", "PackageID", "Carrier NoDefault has no default carrier account", func(in *domain.NewOrdersInput) { in.PackageID = 5 }},
		{"ErrLineTypeUnknown", "LineTypeID", "Service type 9 does not exist", func(in *domain.NewOrdersInput) { in.LineTypeID = 9 }},
		{"ErrLineTypeWireline", "LineTypeID", "Service type Dial tone is for wireline lines; Verizon Wireless is a wireless carrier",
			func(in *domain.NewOrdersInput) { in.LineTypeID, in.ServiceTypeMustFit = 2, true }},
		{"ErrLineTypeNotThePackages", "LineTypeID", "Service type Data does not fit package VZW Basic, whose lines are Mobile",
			func(in *domain.NewOrdersInput) { in.PackageID, in.LineTypeID, in.ServiceTypeMustFit = 2, 3, true }},
		{"ErrProcessUnknown", "ProcessID", "Process 9 does not exist", func(in *domain.NewOrdersInput) { in.ProcessID = 9 }},
		{"ErrDescriptionLong", "Description", "Description must be at most 255 characters", func(in *domain.NewOrdersInput) { in.Description = strings.Repeat("x", 256) }},

		{"ErrESNUnknown", "ESN", "ESN NOPE is not in inventory", func(in *domain.NewOrdersInput) { in.ESN = "NOPE" }},
		{"ErrESNIsSIM", "ESN", "ESN SIM-AVAIL is a SIM_Card, not a Mobile_Device", func(in *domain.NewOrdersInput) { in.ESN = "SIM-AVAIL" }},
		{"ErrESNOtherCustomer", "ESN", "ESN ESN-OTHER is ASSIGNED to another customer", func(in *domain.NewOrdersInput) { in.ESN = "ESN-OTHER" }},
		{"ConflictESNInUse", "ESN", "ESN ESN-INUSE is already in use on line 1", func(in *domain.NewOrdersInput) { in.ESN = "ESN-INUSE" }},
		{"ErrESNUnavailable", "ESN", "ESN ESN-UNAV is UNAVAILABLE and cannot be used", func(in *domain.NewOrdersInput) { in.ESN = "ESN-UNAV" }},
		{"ErrESNWireline", "ESN", "ESN is only for wireless services; package 4 is on Lumen", func(in *domain.NewOrdersInput) { in.PackageID, in.ESN = 4, "ESN-AVAIL" }},
		{"ErrWirelessESNAndESNDiffer", "WirelessESN", "ESN and WirelessESN name the same device; give only one", func(in *domain.NewOrdersInput) { in.ESN, in.WirelessESN = "ESN-AVAIL", "ESN-MINE" }},
		{"ErrWirelessESNUnknown", "WirelessESN", "WirelessESN NOPE is not in inventory", func(in *domain.NewOrdersInput) { in.WirelessESN = "NOPE" }},
		{"ErrICCIDUnknown", "WirelessICCID", "WirelessICCID 8901 is not in inventory", func(in *domain.NewOrdersInput) { in.WirelessICCID = "8901" }},
		{"ErrICCIDIsDevice", "WirelessICCID", "WirelessICCID ESN-AVAIL is a Mobile_Device, not a SIM_Card", func(in *domain.NewOrdersInput) { in.WirelessICCID = "ESN-AVAIL" }},

		{"ErrPortWireline", "WirelessPort", "WirelessPort is only for wireless services", func(in *domain.NewOrdersInput) { in.PackageID, in.WirelessPort = 4, validPort() }},
		{"ErrPortMDNRequired", "WirelessPort.MDN", "MDN is required when porting a number", func(in *domain.NewOrdersInput) { in.WirelessPort.MDN = "" }},
		{"ErrPortMDNDigits", "WirelessPort.MDN", "MDN must be 10 digits", func(in *domain.NewOrdersInput) { in.WirelessPort.MDN = "555-0199" }},
		{"ConflictPortMDNInUse", "WirelessPort.MDN", "MDN 3125550101 is already in use on line 1", func(in *domain.NewOrdersInput) { in.WirelessPort.MDN = "3125550101" }},
		{"ErrPortAccountRequired", "WirelessPort.AccountNumber", "AccountNumber is required when porting a number", func(in *domain.NewOrdersInput) { in.WirelessPort.AccountNumber = " " }},
		{"ErrPortSignerRequired", "WirelessPort.AuthorizedSigner", "AuthorizedSigner is required when porting a number", func(in *domain.NewOrdersInput) { in.WirelessPort.AuthorizedSigner = "" }},
		{"ErrPortPINRequired", "WirelessPort.PINPassword", "PINPassword is required when porting a number", func(in *domain.NewOrdersInput) { in.WirelessPort.PINPassword = domain.NewSecret("") }},
		{"ErrPortRemarkLong", "WirelessPort.Remark", "Remark must be at most 255 characters", func(in *domain.NewOrdersInput) { in.WirelessPort.Remark = strings.Repeat("r", 256) }},
		{"ErrPortAddressRequired", "WirelessPort.Address", "Address is required when porting a number", func(in *domain.NewOrdersInput) { in.WirelessPort.Address = nil }},
		{"ErrPortAddressID", "WirelessPort.Address.ID", "ID is prohibited", func(in *domain.NewOrdersInput) { in.WirelessPort.Address.ID = 5 }},
		{"ErrPortAddressFirstName", "WirelessPort.Address.FirstName", "FirstName is required", func(in *domain.NewOrdersInput) { in.WirelessPort.Address.FirstName = "" }},
		{"ErrPortAddressLastName", "WirelessPort.Address.LastName", "LastName is required", func(in *domain.NewOrdersInput) { in.WirelessPort.Address.LastName = "" }},
		{"ErrPortAddress1", "WirelessPort.Address.Address1", "Address1 is required", func(in *domain.NewOrdersInput) { in.WirelessPort.Address.Address1 = "" }},
		{"ErrPortAddressCity", "WirelessPort.Address.City", "City is required", func(in *domain.NewOrdersInput) { in.WirelessPort.Address.City = "" }},
		{"ErrPortAddressState", "WirelessPort.Address.State", "State must be 2 letters", func(in *domain.NewOrdersInput) { in.WirelessPort.Address.State = "Ill" }},
		{"ErrPortAddressZip", "WirelessPort.Address.Zip", "Zip must be 5 digits", func(in *domain.NewOrdersInput) { in.WirelessPort.Address.Zip = "6060" }},
		{"ErrPortAddressZipInvalid", "WirelessPort.Address.Zip", "Zip must be a valid zip code", func(in *domain.NewOrdersInput) { in.WirelessPort.Address.Zip = "00000" }},
		{"ErrPortAddressZip4", "WirelessPort.Address.Zip4", "Zip4 must be 4 digits if specified", func(in *domain.NewOrdersInput) { in.WirelessPort.Address.Zip4 = "12" }},
		{"ErrPortAddressCountry", "WirelessPort.Address.Country", "Country must be a 3 character ISO code", func(in *domain.NewOrdersInput) { in.WirelessPort.Address.Country = "US" }},
		{"ErrPortProviderUnknown", "WirelessPort.ExternalProvider", "ExternalProvider XYZ is not a known provider code", func(in *domain.NewOrdersInput) { in.WirelessPort.ExternalProvider = "XYZ" }},
		{"ErrPortProviderWireline", "WirelessPort.ExternalProvider", "Supplied Provider must be a wireless provider", func(in *domain.NewOrdersInput) { in.WirelessPort.ExternalProvider = "LUMEN" }},
		{"ErrPortProviderNotThePackages", "WirelessPort.ExternalProvider", "ExternalProvider must be the package's provider: the number is ported to Verizon Wireless (VZW), the carrier of package 1, not to AT&T Mobility (ATT)",
			func(in *domain.NewOrdersInput) { in.WirelessPort.ExternalProvider = "ATT" }},
		{"ErrShippingAddressForDeviceFromStock", "ShippingAddress", "ShippingAddress is required when something is shipped: ESN ESN-AVAIL is taken from inventory and sent to the customer",
			func(in *domain.NewOrdersInput) { in.WirelessPort, in.ESN = nil, "ESN-AVAIL" }},
		{"ErrShippingAddressForShippingProduct", "ShippingAddress", "ShippingAddress is required when something is shipped: AdditionalProducts[0] is a shipping charge (Overnight shipping)",
			func(in *domain.NewOrdersInput) {
				in.AdditionalProducts = domain.AdditionalProductList{{ProductID: 106}}
			}},
		{"ErrPortAndReconnect", "WirelessPort", "ReconnectTN and WirelessPort cannot both be given", func(in *domain.NewOrdersInput) { in.ReconnectTN = "3125550188" }},

		{"ErrShippingID", "ShippingAddress.ID", "ID is prohibited", func(in *domain.NewOrdersInput) { in.ShippingAddress = validShipping(); in.ShippingAddress.ID = 3 }},
		{"ErrShippingZip", "ShippingAddress.Zip", "Zip is required", func(in *domain.NewOrdersInput) { in.ShippingAddress = validShipping(); in.ShippingAddress.Zip = "" }},
		{"ErrShippingState", "ShippingAddress.State", "State is required", func(in *domain.NewOrdersInput) { in.ShippingAddress = validShipping(); in.ShippingAddress.State = "" }},

		{"ErrProductRequired", "AdditionalProducts[0].ProductID", "ProductID is required", func(in *domain.NewOrdersInput) {
			in.AdditionalProducts = domain.AdditionalProductList{{}}
		}},
		{"ErrProductUnknown", "AdditionalProducts[1].ProductID", "Product 999 does not exist", func(in *domain.NewOrdersInput) {
			in.AdditionalProducts = domain.AdditionalProductList{{ProductID: 102}, {ProductID: 999}}
		}},
		{"ErrProductOtherCarrier", "AdditionalProducts[0].ProductID", "Product 200 (ATT plan) is provided by AT&T Mobility (carrier 2), not by this service's carrier, Verizon Wireless (carrier 1)", func(in *domain.NewOrdersInput) {
			in.AdditionalProducts = domain.AdditionalProductList{{ProductID: 200}}
		}},
		{"ErrProductQuantityZero", "AdditionalProducts[0].Quantity", "Quantity must be greater than or equal to 1", func(in *domain.NewOrdersInput) {
			in.AdditionalProducts = domain.AdditionalProductList{{ProductID: 102, Quantity: intp(0)}}
		}},
		{"ErrProductQuantityHuge", "AdditionalProducts[0].Quantity", "Quantity must be at most 9999", func(in *domain.NewOrdersInput) {
			in.AdditionalProducts = domain.AdditionalProductList{{ProductID: 102, Quantity: intp(10000)}}
		}},
		{"ErrProductDescriptionLong", "AdditionalProducts[0].Description", "Description must be at most 255 characters", func(in *domain.NewOrdersInput) {
			in.AdditionalProducts = domain.AdditionalProductList{{ProductID: 102, Description: strings.Repeat("d", 300)}}
		}},

		{"ErrReconnectTNDigits", "ReconnectTN", "ReconnectTN must be 10 digits", func(in *domain.NewOrdersInput) { in.WirelessPort, in.ReconnectTN = nil, "31255501" }},
		{"ConflictReconnectTNInUse", "ReconnectTN", "TN 3125550101 is already in use on line 1", func(in *domain.NewOrdersInput) { in.WirelessPort, in.ReconnectTN = nil, "3125550101" }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := &domain.NewOrdersInput{CustomerID: 1, PackageID: 1, WirelessPort: validPort()}
			if _, err := domain.PlanNewOrders(t.Context(), newFake(), in); err != nil {
				t.Fatalf("valid input: %v", err)
			}
			in = &domain.NewOrdersInput{CustomerID: 1, PackageID: 1, WirelessPort: validPort()}
			tt.change(in)
			plan, err := domain.PlanNewOrders(t.Context(), newFake(), in)
			if plan != nil {
				t.Fatalf("plan=%+v, want none", plan)
			}
			wantFieldError(t, err, tt.field, tt.message)
		})
	}
}

func TestPlanNewOrders_EveryFailureAtOnce(t *testing.T) {
	in := &domain.NewOrdersInput{PackageID: 99, ESN: "NOPE", LineTypeID: 9, ProcessID: 9, ReconnectTN: "1",
		AdditionalProducts: domain.AdditionalProductList{{Quantity: intp(0)}}}
	_, err := domain.PlanNewOrders(t.Context(), newFake(), in)
	got := fieldErrors(err)
	for _, f := range []string{"CustomerID", "PackageID", "ESN", "LineTypeID", "ProcessID", "ReconnectTN",
		"AdditionalProducts[0].ProductID", "AdditionalProducts[0].Quantity"} {
		if _, ok := got[f]; !ok {
			t.Errorf("no error on %s", f)
		}
	}
	if got, want := domain.ErrorMessage(err), "Please correct the highlighted fields."; got != want {
		t.Errorf("message=%q, want %q", got, want)
	}
}

func TestPlanNewOrders_StoreFailure(t *testing.T) {
	lk := newFake()
	lk.fail = errBoom
	_, err := domain.PlanNewOrders(t.Context(), lk, &domain.NewOrdersInput{CustomerID: 1, PackageID: 1})
	if err != errBoom {
		t.Fatalf("err=%v, want the store's error", err)
	}
}

func TestPlanNewOrders_NilInput(t *testing.T) {
	_, err := domain.PlanNewOrders(t.Context(), newFake(), nil)
	wantFieldError(t, err, "", "Request body is required")
}

func planNew(t *testing.T, in *domain.NewOrdersInput) (*domain.OrderPlan, *domain.Order, *domain.OrderItem) {
	t.Helper()
	plan, err := domain.PlanNewOrders(t.Context(), newFake(), in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(plan.Orders), 1; got != want {
		t.Fatalf("orders=%d, want %d", got, want)
	}
	if got, want := len(plan.Lines), 1; got != want {
		t.Fatalf("lines=%d, want %d", got, want)
	}
	o := plan.Orders[0]
	if got, want := len(o.Items), 1; got != want {
		t.Fatalf("items=%d, want %d", got, want)
	}
	return plan, o, o.Items[0]
}

// The seed's defaults and side effects, one case each.
func TestPlanNewOrders_Defaults(t *testing.T) {
	t.Run("Minimal", func(t *testing.T) {
		plan, o, it := planNew(t, &domain.NewOrdersInput{CustomerID: 1, PackageID: 1})
		l := plan.Lines[0]
		if got, want := o.Type, domain.TypeNew; got != want {
			t.Errorf("Type=%q, want %q", got, want)
		}
		if got, want := o.Status, domain.OrderNew; got != want {
			t.Errorf("Status=%q, want %q", got, want)
		}
		if o.CustomerID != 1 || o.CarrierID != 1 || o.CarrierAccountID != 10 {
			t.Errorf("customer/carrier/account=%d/%d/%d, want 1/1/10", o.CustomerID, o.CarrierID, o.CarrierAccountID)
		}
		if got, want := o.ShippingStatus, domain.ShippingNotRequired; got != want {
			t.Errorf("ShippingStatus=%q, want %q", got, want)
		}
		if o.SendNow || o.Reconnect || o.RequiresRouteDecision || o.ProcessID != nil {
			t.Errorf("SendNow/Reconnect/RequiresRouteDecision/ProcessID=%v/%v/%v/%v, want none", o.SendNow, o.Reconnect, o.RequiresRouteDecision, o.ProcessID)
		}
		if got, want := l.Status, domain.LinePending; got != want {
			t.Errorf("line Status=%q, want %q", got, want)
		}
		if l.TN != "" || l.PackageID != 1 || l.CarrierAccountID != 10 || l.CustomerID != 1 {
			t.Errorf("line=%+v", l)
		}
		if it.NewLine != l || it.Action != domain.ItemAdd {
			t.Errorf("item does not create the line: %+v", it)
		}
		if got, want := len(it.Products), 2; got != want {
			t.Fatalf("products=%d, want the package's %d", got, want)
		}
		if p := it.Products[0]; p.ProductID != 100 || p.Source != domain.SourcePackage || p.Rate != 500000 || p.Quantity != 1 {
			t.Errorf("package product=%+v", p)
		}
		if len(plan.Assignments) != 0 {
			t.Errorf("assignments=%v, want none", plan.Assignments)
		}
	})
	t.Run("FlowThroughOffForWirelessWithoutDevice", func(t *testing.T) {
		_, o, _ := planNew(t, &domain.NewOrdersInput{CustomerID: 1, PackageID: 1})
		if o.FlowThrough {
			t.Fatal("FlowThrough=true, want false: nothing to activate")
		}
	})
	t.Run("FlowThroughOnForWireline", func(t *testing.T) {
		_, o, _ := planNew(t, &domain.NewOrdersInput{CustomerID: 1, PackageID: 4})
		if !o.FlowThrough {
			t.Fatal("FlowThrough=false, want true")
		}
	})
	t.Run("AvailableESNAssignedAndFlowThrough", func(t *testing.T) {
		plan, o, it := planNew(t, &domain.NewOrdersInput{CustomerID: 1, PackageID: 1, ESN: " ESN-AVAIL ", WirelessICCID: "SIM-AVAIL", ShippingAddress: validShipping()})
		if !o.FlowThrough {
			t.Error("FlowThrough=false, want true")
		}
		if got, want := strings.Join(it.InventoryIdentifiers, ","), "ESN-AVAIL,SIM-AVAIL"; got != want {
			t.Errorf("InventoryIdentifiers=%q, want %q", got, want)
		}
		if got, want := len(plan.Assignments), 2; got != want {
			t.Fatalf("assignments=%d, want %d", got, want)
		}
		a := plan.Assignments[0]
		if a.Identifier != "ESN-AVAIL" || a.CustomerID != 1 || a.Line != plan.Lines[0] {
			t.Errorf("assignment=%+v", a)
		}
	})
	t.Run("WirelessESN", func(t *testing.T) {
		plan, o, _ := planNew(t, &domain.NewOrdersInput{CustomerID: 1, PackageID: 1, WirelessESN: "ESN-AVAIL", ESN: "ESN-AVAIL", ShippingAddress: validShipping()})
		if !o.FlowThrough || len(plan.Assignments) != 1 || plan.Assignments[0].Identifier != "ESN-AVAIL" {
			t.Errorf("FlowThrough=%v assignments=%+v", o.FlowThrough, plan.Assignments)
		}
	})
	t.Run("ESNAlreadyOnThisCustomer", func(t *testing.T) {
		plan, o, _ := planNew(t, &domain.NewOrdersInput{CustomerID: 1, PackageID: 1, ESN: "ESN-MINE"})
		if !o.FlowThrough || len(plan.Assignments) != 1 {
			t.Errorf("FlowThrough=%v assignments=%d, want true and 1", o.FlowThrough, len(plan.Assignments))
		}
	})
	t.Run("AdditionalProductDefaults", func(t *testing.T) {
		_, _, it := planNew(t, &domain.NewOrdersInput{CustomerID: 1, PackageID: 2,
			AdditionalProducts: domain.AdditionalProductList{{ProductID: 102}}})
		p := it.Products[len(it.Products)-1]
		if p.ProductID != 102 || p.Rate != 99900 || p.Quantity != 1 || p.Description != "Shipping fee" || p.Source != domain.SourceRequested || p.Op != domain.ProductAdd {
			t.Errorf("product=%+v, want the product's rate and description, quantity 1", p)
		}
	})
	t.Run("AdditionalProductGiven", func(t *testing.T) {
		_, _, it := planNew(t, &domain.NewOrdersInput{CustomerID: 1, PackageID: 2,
			AdditionalProducts: domain.AdditionalProductList{{ProductID: 103, Rate: money("-10.50"), Quantity: intp(3), Description: "Promo credit"}}})
		p := it.Products[len(it.Products)-1]
		if p.Rate != -105000 || p.Quantity != 3 || p.Description != "Promo credit" {
			t.Errorf("product=%+v, want rate -10.50 (a credit), quantity 3, the given description", p)
		}
	})
	t.Run("ZeroRateGiven", func(t *testing.T) {
		_, _, it := planNew(t, &domain.NewOrdersInput{CustomerID: 1, PackageID: 2,
			AdditionalProducts: domain.AdditionalProductList{{ProductID: 102, Rate: money("0")}}})
		if got := it.Products[len(it.Products)-1].Rate; got != 0 {
			t.Errorf("Rate=%v, want 0", got)
		}
	})
	t.Run("ReconnectTN", func(t *testing.T) {
		plan, o, it := planNew(t, &domain.NewOrdersInput{CustomerID: 1, PackageID: 1, ReconnectTN: "(312) 555-0103"})
		if !o.Reconnect {
			t.Error("Reconnect=false, want true")
		}
		if got, want := plan.Lines[0].TN, "3125550103"; got != want || it.TN != want {
			t.Errorf("TN=%q/%q, want %q (a disconnected line's TN may come back)", got, it.TN, want)
		}
	})
	t.Run("WirelessPort", func(t *testing.T) {
		plan, o, _ := planNew(t, &domain.NewOrdersInput{CustomerID: 1, PackageID: 1, WirelessPort: validPort()})
		wp := o.WirelessPort
		if wp == nil {
			t.Fatal("no WirelessPort")
		}
		if wp.MDN != "3125550199" || plan.Lines[0].TN != "3125550199" {
			t.Errorf("MDN=%q line TN=%q, want 3125550199", wp.MDN, plan.Lines[0].TN)
		}
		if wp.Address.Country != "USA" || wp.Address.State != "IL" {
			t.Errorf("Address=%+v, want Country USA and State IL", wp.Address)
		}
		if wp.ExternalProvider != "VZW" || wp.PINPassword.Clear() != "4321" || wp.AccountNumber != "A-123" {
			t.Errorf("port=%+v", wp)
		}
	})
	t.Run("ShippingAddress", func(t *testing.T) {
		_, o, _ := planNew(t, &domain.NewOrdersInput{CustomerID: 1, PackageID: 1, ShippingAddress: validShipping()})
		if o.ShippingAddress == nil || o.ShippingAddress.Country != "USA" || o.ShippingAddress.Zip4 != "1234" {
			t.Errorf("ShippingAddress=%+v", o.ShippingAddress)
		}
		if got, want := o.ShippingStatus, domain.ShippingNotShipped; got != want {
			t.Errorf("ShippingStatus=%q, want %q", got, want)
		}
	})
	t.Run("SendOrders", func(t *testing.T) {
		_, o, _ := planNew(t, &domain.NewOrdersInput{CustomerID: 1, PackageID: 1, SendOrders: true})
		if !o.SendNow {
			t.Error("SendNow=false, want true")
		}
	})
	t.Run("ProcessWithSeveralRoutes", func(t *testing.T) {
		_, o, _ := planNew(t, &domain.NewOrdersInput{CustomerID: 1, PackageID: 1, ProcessID: 2})
		if o.ProcessID == nil || *o.ProcessID != 2 || !o.RequiresRouteDecision || o.ProcessRouteID != nil {
			t.Errorf("ProcessID=%v RequiresRouteDecision=%v ProcessRouteID=%v", o.ProcessID, o.RequiresRouteDecision, o.ProcessRouteID)
		}
	})
	t.Run("ProcessWithOneRoute", func(t *testing.T) {
		_, o, _ := planNew(t, &domain.NewOrdersInput{CustomerID: 1, PackageID: 1, ProcessID: 1})
		if o.RequiresRouteDecision || o.ProcessRouteID == nil || *o.ProcessRouteID != 11 {
			t.Errorf("RequiresRouteDecision=%v ProcessRouteID=%v, want false and 11", o.RequiresRouteDecision, o.ProcessRouteID)
		}
	})
	t.Run("LineTypeAndDescription", func(t *testing.T) {
		plan, _, it := planNew(t, &domain.NewOrdersInput{CustomerID: 1, PackageID: 1, LineTypeID: 1, Description: " Pat's phone "})
		l := plan.Lines[0]
		if l.LineTypeID == nil || *l.LineTypeID != 1 || l.Description != "Pat's phone" || it.Description != "Pat's phone" {
			t.Errorf("line=%+v", l)
		}
	})
}

func TestOrderPlan_LinkAndPONs(t *testing.T) {
	plan, o, it := planNew(t, &domain.NewOrdersInput{CustomerID: 1, PackageID: 1, ESN: "ESN-AVAIL", ShippingAddress: validShipping()})
	plan.Lines[0].ID = 77
	plan.LinkLines()
	if got, want := it.LineID, int64(77); got != want {
		t.Fatalf("item LineID=%d, want %d", got, want)
	}
	if got, want := plan.Assignments[0].Line.ID, int64(77); got != want {
		t.Fatalf("assignment line=%d, want %d", got, want)
	}
	if err := plan.AssignPONs(strings.NewReader(strings.Repeat("abcdefgh", 8))); err != nil {
		t.Fatal(err)
	}
	if !domain.ValidPON(o.PON) {
		t.Fatalf("PON=%q", o.PON)
	}
	o.ID = 5
	if got := plan.OrderIDs(); len(got) != 1 || got[0] != 5 {
		t.Fatalf("OrderIDs=%v", got)
	}
	if got := plan.LineIDs(); len(got) != 1 || got[0] != 77 {
		t.Fatalf("LineIDs=%v", got)
	}
	if err := plan.AssignPONs(strings.NewReader("")); err == nil {
		t.Fatal("AssignPONs with no randomness: want an error")
	}
}
