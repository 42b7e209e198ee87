package domain_test

import (
	"slices"
	"testing"

	"switchboard/domain"
)

func TestLineRefusal(t *testing.T) {
	for _, tt := range []struct {
		action, status, want string
	}{
		{domain.ItemSuspend, domain.LineActive, ""},
		{domain.ItemSuspend, domain.LineSuspended, domain.RefuseNotActive},
		{domain.ItemSuspend, domain.LinePending, domain.RefuseNotActive},
		{domain.ItemSuspend, domain.LineDisconnected, domain.RefuseNotActive},
		{domain.ItemRestore, domain.LineSuspended, ""},
		{domain.ItemRestore, domain.LineActive, domain.RefuseNotSuspended},
		{domain.ItemRestore, domain.LineDisconnected, domain.RefuseNotSuspended},
		{domain.ItemDisconnect, domain.LineActive, ""},
		{domain.ItemDisconnect, domain.LineSuspended, ""},
		{domain.ItemDisconnect, domain.LineDisconnected, domain.RefuseDisconnected},
		{domain.ItemChange, domain.LineSuspended, ""},
		{domain.ItemChange, domain.LineDisconnected, domain.RefuseDisconnected},
		{domain.ItemPackageChange, domain.LineActive, ""},
		{domain.ItemPackageChange, domain.LineDisconnected, domain.RefuseDisconnected},
	} {
		t.Run(tt.action+"/"+tt.status, func(t *testing.T) {
			l := &domain.Line{Status: tt.status}
			if got := l.Refusal(tt.action); got != tt.want {
				t.Fatalf("Refusal(%s) of a %s line = %q, want %q", tt.action, tt.status, got, tt.want)
			}
		})
	}
}

func TestLineStatusesFor(t *testing.T) {
	for _, tt := range []struct {
		action string
		want   []string
	}{
		{domain.ItemSuspend, []string{domain.LineActive}},
		{domain.ItemRestore, []string{domain.LineSuspended}},
		{domain.ItemDisconnect, []string{domain.LineActive, domain.LineSuspended, domain.LinePending}},
		{domain.ItemChange, []string{domain.LineActive, domain.LineSuspended, domain.LinePending}},
		{domain.ItemPackageChange, []string{domain.LineActive, domain.LineSuspended, domain.LinePending}},
	} {
		t.Run(tt.action, func(t *testing.T) {
			if got := domain.LineStatusesFor(tt.action); !slices.Equal(got, tt.want) {
				t.Fatalf("LineStatusesFor(%s) = %v, want %v", tt.action, got, tt.want)
			}
		})
	}
}

func TestServiceTypeFits(t *testing.T) {
	wireless, wireline := &domain.Carrier{Wireless: true}, &domain.Carrier{}
	for _, tt := range []struct {
		name    string
		typ     domain.ServiceType
		carrier *domain.Carrier
		want    bool
	}{
		// The name says nothing: only the data does.
		{"WirelessOnWireless", domain.ServiceType{Name: "Voice", Wireless: true}, wireless, true},
		{"WirelessOnWireline", domain.ServiceType{Name: "Voice", Wireless: true}, wireline, false},
		{"WirelineOnWireline", domain.ServiceType{Name: "Wireless Data"}, wireline, true},
		{"WirelineOnWireless", domain.ServiceType{Name: "Mobile"}, wireless, false},
		{"NoCarrierYet", domain.ServiceType{Name: "POTS"}, nil, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.typ.Fits(tt.carrier); got != tt.want {
				t.Fatalf("Fits = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSuspendAllowed(t *testing.T) {
	wireless, wireline := &domain.Carrier{Wireless: true}, &domain.Carrier{}
	for _, tt := range []struct {
		typ     string
		carrier *domain.Carrier
		want    bool
	}{
		{domain.SuspendOutgoing, wireless, false},
		{domain.SuspendOutgoing, wireline, true},
		{domain.SuspendOutgoing, nil, true},
		{domain.SuspendAll, wireless, true},
		{domain.SuspendIncoming, wireless, true},
	} {
		if got := domain.SuspendAllowed(tt.typ, tt.carrier); got != tt.want {
			t.Errorf("SuspendAllowed(%s, wireless %v) = %v, want %v", tt.typ, tt.carrier != nil && tt.carrier.Wireless, got, tt.want)
		}
	}
}

// TestPlanRuleCodes: the field errors a page rewords carry their rule and
// its parameters, beside the API's message.
func TestPlanRuleCodes(t *testing.T) {
	for _, tt := range []struct {
		name   string
		create *domain.OrdersCreateInput
		newSvc *domain.NewOrdersInput
		field  string
		rule   string
		params map[string]string
	}{
		{name: "LineRequired", create: &domain.OrdersCreateInput{Suspend: &domain.SuspendInput{SuspendType: domain.SuspendAll}},
			field: "Suspend.LineID", rule: domain.RuleRequired},
		{name: "SuspendTypeRequired", create: &domain.OrdersCreateInput{Suspend: &domain.SuspendInput{LineID: 1}},
			field: "Suspend.SuspendType", rule: domain.RuleRequired},
		{name: "NewPackageRequired", create: &domain.OrdersCreateInput{PackageChange: &domain.PackageChangeInput{LineID: 1}},
			field: "PackageChange.PackageID", rule: domain.RuleRequired},
		{name: "CustomerRequired", create: &domain.OrdersCreateInput{AddLine: &domain.AddLineInput{Lines: []*domain.AddLineLine{{PackageID: 1}}}},
			field: "AddLine.CustomerID", rule: domain.RuleRequired},
		{name: "PackageOrProducts", create: addLine(&domain.AddLineLine{CarrierID: 3, Products: domain.LineProductList{{ProductID: 301}}}),
			field: "AddLine.Lines[0].PackageID", rule: domain.RulePackageOrProducts},
		{name: "CarrierWithoutPackage", create: addLine(&domain.AddLineLine{Products: domain.LineProductList{{ProductID: 300}}}),
			field: "AddLine.Lines[0].CarrierID", rule: domain.RuleCarrierWithoutPackage},
		{name: "CarrierMismatch", create: addLine(&domain.AddLineLine{PackageID: 1, CarrierID: 2}),
			field: "AddLine.Lines[0].CarrierID", rule: domain.RuleCarrierMismatch, params: map[string]string{"Carrier": "Verizon Wireless"}},
		{name: "NewServicePackageRequired", newSvc: &domain.NewOrdersInput{CustomerID: 1},
			field: "PackageID", rule: domain.RuleRequired},
		{name: "NewServiceCustomerRequired", newSvc: &domain.NewOrdersInput{PackageID: 1},
			field: "CustomerID", rule: domain.RuleRequired},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.newSvc != nil {
				_, err = domain.PlanNewOrders(t.Context(), newFake(), tt.newSvc)
			} else {
				_, err = domain.PlanOrdersCreate(t.Context(), newFake(), tt.create)
			}
			for _, f := range domain.ErrorFields(err) {
				if f.Field != tt.field || f.Rule == "" {
					continue
				}
				if f.Rule != tt.rule {
					t.Fatalf("%s: rule %q, want %q", tt.field, f.Rule, tt.rule)
				}
				for k, v := range tt.params {
					if f.Params[k] != v {
						t.Fatalf("%s: param %s = %q, want %q", tt.field, k, f.Params[k], v)
					}
				}
				return
			}
			t.Fatalf("no error with a rule on %s; errors: %+v", tt.field, domain.ErrorFields(err))
		})
	}
}

func TestPackageTakes(t *testing.T) {
	wireless, wireline := &domain.Carrier{Name: "VZW", Wireless: true}, &domain.Carrier{Name: "Lumen"}
	voice, data, pots := &domain.ServiceType{ID: 1, Name: "Voice", Wireless: true}, &domain.ServiceType{ID: 2, Name: "Data", Wireless: true}, &domain.ServiceType{ID: 3, Name: "POTS"}
	own := func(id int64) *domain.Package { return &domain.Package{Name: "Unlimited", LineTypeID: &id} }
	for _, tt := range []struct {
		name    string
		pkg     *domain.Package
		carrier *domain.Carrier
		chosen  *domain.ServiceType // nil: none yet
		takes   map[*domain.ServiceType]bool
		want    int64 // ServiceTypeFor(chosen)
	}{
		{"OwnTypeOnly", own(1), wireless, nil, map[*domain.ServiceType]bool{voice: true, data: false, pots: false}, 1},
		{"OwnTypeKeepsIt", own(1), wireless, voice, map[*domain.ServiceType]bool{voice: true}, 1},
		{"OwnTypeReplacesAnother", own(2), wireless, voice, map[*domain.ServiceType]bool{voice: false, data: true}, 2},
		{"NoOwnTypeFitsTheCarrier", &domain.Package{}, wireless, data, map[*domain.ServiceType]bool{voice: true, data: true, pots: false}, 2},
		{"NoOwnTypeWireline", &domain.Package{}, wireline, voice, map[*domain.ServiceType]bool{voice: false, pots: true}, 0},
		{"NoOwnTypeNoneChosen", &domain.Package{}, wireline, nil, map[*domain.ServiceType]bool{pots: true}, 0},
		{"NoPackage", nil, wireline, pots, map[*domain.ServiceType]bool{pots: true, voice: false}, 3},
		{"NoPackageNoCarrier", nil, nil, voice, map[*domain.ServiceType]bool{pots: true, voice: true}, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for st, want := range tt.takes {
				if got := tt.pkg.Takes(st, tt.carrier); got != want {
					t.Errorf("Takes(%s) = %v, want %v", st.Name, got, want)
				}
			}
			if got := tt.pkg.ServiceTypeFor(tt.chosen, tt.carrier); got != tt.want {
				t.Errorf("ServiceTypeFor = %d, want %d", got, tt.want)
			}
		})
	}
}
