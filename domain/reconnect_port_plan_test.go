package domain_test

import (
	"context"
	"strings"
	"testing"

	"switchboard/domain"
)

// portFake is fakeLookup with addresses 1 (customer 1's service address)
// and 2; customer 1 has SSN 123456789 and service address 1.
type portFake struct {
	*fakeLookup
	addresses map[int64]*domain.Address
}

func newPortFake() *portFake {
	f := &portFake{fakeLookup: newFake(), addresses: map[int64]*domain.Address{
		1: {ID: 1, FirstName: "Ann", LastName: "Acme", Address1: "1 Main St", City: "Chicago", State: "IL", Zip: "60601", Country: "USA"},
		2: {ID: 2, FirstName: "Bob", LastName: "Acme", Address1: "2 Side St", City: "Chicago", State: "IL", Zip: "60602", Country: "USA"},
	}}
	f.customers[1].SSN = domain.NewSecret("123456789")
	f.customers[1].ServiceAddressID = 1
	return f
}

func (f *portFake) FindAddressByID(_ context.Context, id int64) (*domain.Address, error) {
	return get(f.fakeLookup, f.addresses, id, "address")
}

// asInvalid checks that err is ECONFLICT and returns it as EINVALID, for
// wantFieldError to check its fields.
func asInvalid(t *testing.T, err error) error {
	t.Helper()
	if got := domain.ErrorCode(err); got != domain.ECONFLICT {
		t.Fatalf("code=%q, want %q (err: %v)", got, domain.ECONFLICT, err)
	}
	return &domain.Error{Code: domain.EINVALID, Message: domain.ErrorMessage(err), Fields: domain.ErrorFields(err)}
}

// goodPort is a valid ReconnectPort_Create input for line 1.
func goodPort() *domain.ReconnectPortInput {
	return &domain.ReconnectPortInput{
		LineID:        1,
		Inventory:     &domain.ReconnectInventoryInput{Identifier: "ESN-AVAIL", Type: domain.InventoryDevice},
		PortMDN:       "(773) 555-0199",
		AccountNumber: "A-100", AuthorizedSigner: "Ann Acme", PINPassword: domain.NewSecret("4321"),
		Remark: "Customer keeps the number",
	}
}

func TestPlanReconnectPort(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		plan, err := domain.PlanReconnectPort(ctx, newPortFake(), goodPort())
		if err != nil {
			t.Fatal(err)
		}
		p := plan.Port
		if got, want := p.PortMDN, "7735550199"; got != want {
			t.Errorf("PortMDN=%q, want %q", got, want)
		}
		if got, want := p.Stage, domain.StageDisconnecting; got != want {
			t.Errorf("Stage=%q, want %q", got, want)
		}
		if got, want := p.SSN.Clear(), "123456789"; got != want {
			t.Errorf("SSN=%q, want the customer's %q", got, want)
		}
		if got, want := p.AddressID, int64(1); got != want {
			t.Errorf("AddressID=%d, want the service address %d", got, want)
		}
		if got, want := len(plan.Disconnects.Orders), 1; got != want {
			t.Fatalf("%d disconnect orders, want %d", got, want)
		}
		d := plan.Disconnects.Orders[0]
		if d.Type != domain.TypeDisconnect || d.Items[0].LineID != 1 || d.Items[0].Action != domain.ItemDisconnect {
			t.Errorf("disconnect order = %s on line %d (%s)", d.Type, d.Items[0].LineID, d.Items[0].Action)
		}
		if got, want := d.InventoryItemStatus, domain.InventoryAvailable; got != want {
			t.Errorf("InventoryItemStatus=%q, want %q (the chosen item is not on the line)", got, want)
		}
	})
	t.Run("ByCustomerAndTN", func(t *testing.T) {
		in := goodPort()
		in.LineID, in.Line = 0, &domain.ReconnectLineInput{CustomerID: 1, TN: "312-555-0101"}
		in.SSN, in.TaxID, in.AddressID = domain.NewSecret("987-65-4321"), domain.NewSecret("12-3456789"), 2
		plan, err := domain.PlanReconnectPort(ctx, newPortFake(), in)
		if err != nil {
			t.Fatal(err)
		}
		if p := plan.Port; p.LineID != 1 || p.SSN.Clear() != "987654321" || p.TaxID.Clear() != "123456789" || p.AddressID != 2 {
			t.Errorf("port = line %d, SSN %q, TaxID %q, address %d", p.LineID, p.SSN.Clear(), p.TaxID.Clear(), p.AddressID)
		}
	})
	t.Run("InventoryOnTheLineStaysOnTheAccount", func(t *testing.T) {
		in := goodPort()
		in.Inventory.Identifier = "ESN-INUSE"
		plan, err := domain.PlanReconnectPort(ctx, newPortFake(), in)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := plan.Disconnects.Orders[0].InventoryItemStatus, domain.InventoryAssigned; got != want {
			t.Errorf("InventoryItemStatus=%q, want %q", got, want)
		}
	})

	for _, tc := range []struct {
		name, field, want string
		edit              func(in *domain.ReconnectPortInput, f *portFake)
	}{
		{"ErrNoLine", "LineID", "Give LineID, or Line", func(in *domain.ReconnectPortInput, _ *portFake) { in.LineID = 0 }},
		{"ErrBothLineAndLineID", "LineID", "not both", func(in *domain.ReconnectPortInput, _ *portFake) {
			in.Line = &domain.ReconnectLineInput{CustomerID: 1, TN: "3125550101"}
		}},
		{"ErrUnknownLine", "LineID", "Line 99 does not exist", func(in *domain.ReconnectPortInput, _ *portFake) { in.LineID = 99 }},
		{"ErrLineCustomerMissing", "Line.CustomerID", "required", func(in *domain.ReconnectPortInput, _ *portFake) {
			in.LineID, in.Line = 0, &domain.ReconnectLineInput{TN: "3125550101"}
		}},
		{"ErrLineTNMissing", "Line.TN", "required", func(in *domain.ReconnectPortInput, _ *portFake) {
			in.LineID, in.Line = 0, &domain.ReconnectLineInput{CustomerID: 1}
		}},
		{"ErrLineTNBad", "Line.TN", "10 digits", func(in *domain.ReconnectPortInput, _ *portFake) {
			in.LineID, in.Line = 0, &domain.ReconnectLineInput{CustomerID: 1, TN: "555"}
		}},
		{"ErrLineOfAnotherCustomer", "Line.TN", "not a line of customer 2", func(in *domain.ReconnectPortInput, _ *portFake) {
			in.LineID, in.Line = 0, &domain.ReconnectLineInput{CustomerID: 2, TN: "3125550101"}
		}},
		{"ErrNotVerizon", "LineID", "only for Verizon Wireless lines; line 5 (3125550105) is on AT&T Mobility", func(in *domain.ReconnectPortInput, _ *portFake) { in.LineID = 5 }},
		{"ErrWirelineLine", "LineID", "is on Lumen", func(in *domain.ReconnectPortInput, _ *portFake) { in.LineID = 4 }},
		{"ErrVerizonByCodeNotName", "LineID", "only for Verizon Wireless lines", func(in *domain.ReconnectPortInput, f *portFake) {
			f.carriers[1].Code = "VZX" // named Verizon Wireless, but not the VZW carrier
		}},
		{"ErrDisconnectedLine", "LineID", "Line 3 is DISCONNECTED", func(in *domain.ReconnectPortInput, _ *portFake) { in.LineID = 3 }},
		{"ErrConflictOpenOrder", "LineID", "already has an open SUSPEND order 900", func(in *domain.ReconnectPortInput, _ *portFake) { in.LineID = 6 }},
		{"ErrInactiveCustomer", "LineID", "INACTIVE", func(in *domain.ReconnectPortInput, f *portFake) { f.customers[1].Status = domain.CustomerInactive }},
		{"ErrNoInventory", "Inventory", "required", func(in *domain.ReconnectPortInput, _ *portFake) { in.Inventory = nil }},
		{"ErrInventoryIdentifierMissing", "Inventory.Identifier", "required", func(in *domain.ReconnectPortInput, _ *portFake) { in.Inventory.Identifier = " " }},
		{"ErrInventoryTypeMissing", "Inventory.Type", "required", func(in *domain.ReconnectPortInput, _ *portFake) { in.Inventory.Type = "" }},
		{"ErrInventoryTypeNotAllowed", "Inventory.Type", "Mobile_Device or SIM_Card", func(in *domain.ReconnectPortInput, _ *portFake) { in.Inventory.Type = domain.InventoryIP }},
		{"ErrInventoryUnknown", "Inventory.Identifier", "not in inventory", func(in *domain.ReconnectPortInput, _ *portFake) { in.Inventory.Identifier = "NOPE" }},
		{"ErrInventoryWrongType", "Inventory.Type", "is a Mobile_Device, not a SIM_Card", func(in *domain.ReconnectPortInput, _ *portFake) { in.Inventory.Type = domain.InventorySIM }},
		{"ErrInventoryOtherCustomer", "Inventory.Identifier", "ASSIGNED to another customer", func(in *domain.ReconnectPortInput, _ *portFake) { in.Inventory.Identifier = "ESN-OTHER" }},
		{"ErrInventoryUnavailable", "Inventory.Identifier", "UNAVAILABLE", func(in *domain.ReconnectPortInput, _ *portFake) { in.Inventory.Identifier = "ESN-UNAV" }},
		{"ErrInventoryOnAnotherLine", "Inventory.Identifier", "in use on line 1", func(in *domain.ReconnectPortInput, _ *portFake) {
			in.LineID, in.Inventory.Identifier = 7, "ESN-INUSE"
		}},
		{"ErrMDNMissing", "PortMDN", "required", func(in *domain.ReconnectPortInput, _ *portFake) { in.PortMDN = "" }},
		{"ErrMDNShort", "PortMDN", "10 digits", func(in *domain.ReconnectPortInput, _ *portFake) { in.PortMDN = "77355501" }},
		{"ErrMDNLetters", "PortMDN", "10 digits", func(in *domain.ReconnectPortInput, _ *portFake) { in.PortMDN = "773555O199" }},
		{"ErrMDNZeros", "PortMDN", "ten 0s", func(in *domain.ReconnectPortInput, _ *portFake) { in.PortMDN = "0000000000" }},
		{"ErrMDNIsTheLine", "PortMDN", "is the number of line 1 itself", func(in *domain.ReconnectPortInput, _ *portFake) { in.PortMDN = "3125550101" }},
		{"ErrConflictMDNInUse", "PortMDN", "already in use on line 7", func(in *domain.ReconnectPortInput, _ *portFake) { in.PortMDN = "3125550107" }},
		{"ErrAccountNumberMissing", "AccountNumber", "required", func(in *domain.ReconnectPortInput, _ *portFake) { in.AccountNumber = "" }},
		{"ErrAccountNumberLong", "AccountNumber", "at most 40", func(in *domain.ReconnectPortInput, _ *portFake) { in.AccountNumber = string(make([]byte, 41)) }},
		{"ErrSignerMissing", "AuthorizedSigner", "required", func(in *domain.ReconnectPortInput, _ *portFake) { in.AuthorizedSigner = "" }},
		{"ErrPINMissing", "PINPassword", "required", func(in *domain.ReconnectPortInput, _ *portFake) { in.PINPassword = domain.Secret{} }},
		{"ErrPINNul", "PINPassword", "NUL", func(in *domain.ReconnectPortInput, _ *portFake) { in.PINPassword = domain.NewSecret("12\x003") }},
		{"ErrRemarkNotUTF8", "Remark", "UTF-8", func(in *domain.ReconnectPortInput, _ *portFake) { in.Remark = "\xff" }},
		{"ErrSSN", "SSN", "9 digits", func(in *domain.ReconnectPortInput, _ *portFake) { in.SSN = domain.NewSecret("12345") }},
		{"ErrTaxID", "TaxID", "9 digits", func(in *domain.ReconnectPortInput, _ *portFake) { in.TaxID = domain.NewSecret("ABCDEFGHI") }},
		{"ErrAddress", "AddressID", "Address 9 does not exist", func(in *domain.ReconnectPortInput, _ *portFake) { in.AddressID = 9 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, in := newPortFake(), goodPort()
			tc.edit(in, f)
			_, err := domain.PlanReconnectPort(ctx, f, in)
			if strings.HasPrefix(tc.name, "ErrConflict") {
				// a clash with what is stored: 409, still on its field
				err = asInvalid(t, err)
			}
			wantFieldError(t, err, tc.field, tc.want)
		})
	}
	t.Run("ErrEveryProblemAtOnce", func(t *testing.T) {
		_, err := domain.PlanReconnectPort(ctx, newPortFake(), &domain.ReconnectPortInput{LineID: 1, PortMDN: "1"})
		got := fieldErrors(err)
		for _, f := range []string{"Inventory", "PortMDN", "AccountNumber", "AuthorizedSigner", "PINPassword"} {
			if _, ok := got[f]; !ok {
				t.Errorf("no error on %s; got %v", f, got)
			}
		}
	})
	t.Run("ErrStore", func(t *testing.T) {
		f := newPortFake()
		f.fail = errBoom
		if _, err := domain.PlanReconnectPort(ctx, f, goodPort()); err != errBoom {
			t.Fatalf("err=%v, want the store's error", err)
		}
	})
	t.Run("ErrNilInput", func(t *testing.T) {
		if _, err := domain.PlanReconnectPort(ctx, newPortFake(), nil); domain.ErrorCode(err) != domain.EINVALID {
			t.Fatalf("err=%v, want EINVALID", err)
		}
	})
}
