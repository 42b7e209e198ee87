package domain_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"switchboard/domain"
)

// fakeLookup is an in-memory domain.OrderLookup with a small, fixed world:
//
//	carriers 1 Verizon Wireless (VZW, wireless; accounts 10 default, 11),
//	2 AT&T Mobility (ATT, wireless; 20), 3 Lumen (LUMEN, wireline; 30),
//	4 NoDefault (NODEF, wireline; no default account)
//	packages 1 VZW Unlimited [100 101], 2 VZW Basic [100], 3 ATT [200],
//	4 Lumen Business [300], 5 NoDefault [400], 6 VZW Unlimited Plus [100
//	plan, 103 included, 105 one-time, 104 and 106 optional] (the first of
//	each package is its plan, the others included unless said)
//	products 100 plan (VZW, provisionable), 101 voicemail (VZW), 102 shipping
//	(no carrier), 103 hotspot + 104 insurance (VZW, one group), 200 ATT plan,
//	300 dial tone (Lumen, provisionable), 301 caller ID (Lumen), 400 (NODEF, provisionable),
//	105 activation fee (VZW), 106 overnight shipping (VZW, ships)
//	customers 1 Acme, 2 Globex (ACTIVE), 3 Initech (INACTIVE)
//	lines of customer 1: 1 ACTIVE VZW with products 1001-1004, 2 SUSPENDED,
//	3 DISCONNECTED, 4 ACTIVE Lumen, 6 ACTIVE with an open SUSPEND order 900,
//	7 ACTIVE tied to Alt BTN 1; of customer 2: 5 ACTIVE ATT
type fakeLookup struct {
	customers  map[int64]*domain.Customer
	lines      map[int64]*domain.Line
	packages   map[int64]*domain.Package
	products   map[int64]*domain.Product
	groups     []*domain.ProductGroup
	carriers   map[int64]*domain.Carrier
	accounts   map[int64]*domain.CarrierAccount
	types      map[int64]*domain.ServiceType
	processes  map[int64]*domain.Process
	inventory  map[string]*domain.InventoryItem
	openOrders map[int64][]*domain.Order
	fail       error // when set, every Find returns it
}

func i64(v int64) *int64 { return &v }
func intp(v int) *int    { return &v }
func boolp(v bool) *bool { return &v }
func strp(v string) *string {
	return &v
}
func money(s string) *domain.Money {
	m, err := domain.ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return &m
}

func newFake() *fakeLookup {
	f := &fakeLookup{
		customers: map[int64]*domain.Customer{
			1: {ID: 1, Name: "Acme", Status: domain.CustomerActive},
			2: {ID: 2, Name: "Globex", Status: domain.CustomerActive},
			3: {ID: 3, Name: "Initech", Status: domain.CustomerInactive},
		},
		carriers: map[int64]*domain.Carrier{
			1: {ID: 1, Name: "Verizon Wireless", Code: "VZW", Wireless: true},
			2: {ID: 2, Name: "AT&T Mobility", Code: "ATT", Wireless: true},
			3: {ID: 3, Name: "Lumen", Code: "LUMEN"},
			4: {ID: 4, Name: "NoDefault", Code: "NODEF"},
		},
		accounts: map[int64]*domain.CarrierAccount{
			10: {ID: 10, CarrierID: 1, Name: "VZW main", Default: true},
			11: {ID: 11, CarrierID: 1, Name: "VZW second"},
			20: {ID: 20, CarrierID: 2, Name: "ATT main", Default: true},
			30: {ID: 30, CarrierID: 3, Name: "Lumen main", Default: true},
			40: {ID: 40, CarrierID: 4, Name: "NoDefault other"},
		},
		products: map[int64]*domain.Product{
			100: {ID: 100, Description: "Unlimited plan", Rate: 500000, Provisionable: true, CarrierID: i64(1)},
			101: {ID: 101, Description: "Voicemail", Rate: 50000, CarrierID: i64(1)},
			102: {ID: 102, Description: "Shipping fee", Rate: 99900},
			103: {ID: 103, Description: "Hotspot", Rate: 100000, CarrierID: i64(1)},
			104: {ID: 104, Description: "Hotspot insurance", Rate: 20000, CarrierID: i64(1)},
			200: {ID: 200, Description: "ATT plan", Rate: 400000, Provisionable: true, CarrierID: i64(2)},
			300: {ID: 300, Description: "Dial tone", Rate: 300000, Provisionable: true, CarrierID: i64(3)},
			301: {ID: 301, Description: "Caller ID", Rate: 30000, CarrierID: i64(3)},
			400: {ID: 400, Description: "NoDefault line", Rate: 10000, Provisionable: true, CarrierID: i64(4)},
			105: {ID: 105, Description: "Activation fee", Rate: 350000, CarrierID: i64(1)},
			106: {ID: 106, Description: "Overnight shipping", Rate: 149900, CarrierID: i64(1), Ships: true},
		},
		groups: []*domain.ProductGroup{{ID: 1, Name: "Hotspot", ProductIDs: []int64{103, 104}}},
		types: map[int64]*domain.ServiceType{1: {ID: 1, Name: "Mobile", Wireless: true}, 2: {ID: 2, Name: "Dial tone"},
			3: {ID: 3, Name: "Data", Wireless: true}},
		processes: map[int64]*domain.Process{
			1: {ID: 1, Name: "Standard", Routes: []domain.Route{{ID: 11, ProcessID: 1, Description: "Default"}}},
			2: {ID: 2, Name: "Porting", Routes: []domain.Route{{ID: 21, ProcessID: 2, Description: "Fast"}, {ID: 22, ProcessID: 2, Description: "Manual"}}},
			3: {ID: 3, Name: "Bare"},
		},
	}
	as := func(id int64, role string) domain.Product {
		p := *f.products[id]
		p.Role = role
		return p
	}
	plan, incl := domain.RolePlan, domain.RoleIncluded
	f.packages = map[int64]*domain.Package{
		1: {ID: 1, Name: "VZW Unlimited", CarrierID: 1, Products: []domain.Product{as(100, plan), as(101, incl)}},
		2: {ID: 2, Name: "VZW Basic", CarrierID: 1, LineTypeID: i64(1), Products: []domain.Product{as(100, plan)}},
		3: {ID: 3, Name: "ATT", CarrierID: 2, Products: []domain.Product{as(200, plan)}},
		4: {ID: 4, Name: "Lumen Business", CarrierID: 3, Products: []domain.Product{as(300, plan)}},
		5: {ID: 5, Name: "NoDefault", CarrierID: 4, Products: []domain.Product{as(400, plan)}},
		6: {ID: 6, Name: "VZW Unlimited Plus", CarrierID: 1, Products: []domain.Product{as(100, plan), as(103, incl),
			as(105, domain.RoleOneTime), as(106, domain.RoleOptional), as(104, domain.RoleOptional)}},
	}
	vzw := func(id int64, tn, status string) *domain.Line {
		return &domain.Line{ID: id, CustomerID: 1, TN: tn, PackageID: 1, CarrierID: 1, CarrierAccountID: 10, Status: status}
	}
	f.lines = map[int64]*domain.Line{
		1: vzw(1, "3125550101", domain.LineActive),
		2: vzw(2, "3125550102", domain.LineSuspended),
		3: vzw(3, "3125550103", domain.LineDisconnected),
		4: {ID: 4, CustomerID: 1, TN: "3125550104", PackageID: 4, CarrierID: 3, CarrierAccountID: 30, Status: domain.LineActive},
		5: {ID: 5, CustomerID: 2, TN: "3125550105", PackageID: 3, CarrierID: 2, CarrierAccountID: 20, Status: domain.LineActive},
		6: vzw(6, "3125550106", domain.LineActive),
		7: vzw(7, "3125550107", domain.LineActive),
	}
	f.lines[2].SuspendType = domain.SuspendAll
	f.lines[7].AltBTNID = i64(1)
	f.lines[1].Products = []*domain.CustomerProduct{
		{ID: 1001, LineID: 1, ProductID: 100, Description: "Unlimited plan", Rate: 500000, Quantity: 1},
		{ID: 1002, LineID: 1, ProductID: 101, Description: "Voicemail", Rate: 50000, Quantity: 1},
		{ID: 1003, LineID: 1, ProductID: 103, Description: "Hotspot", Rate: 100000, Quantity: 1},
		{ID: 1004, LineID: 1, ProductID: 104, Description: "Hotspot insurance", Rate: 20000, Quantity: 1},
	}
	f.openOrders = map[int64][]*domain.Order{
		6: {{ID: 900, PON: "AAAAAAAAAAAAAAAA", Type: domain.TypeSuspend, Status: domain.OrderSent, CustomerID: 1,
			Items: []*domain.OrderItem{{LineID: 6, Action: domain.ItemSuspend}}}},
	}
	dev := func(id, typ, status string, cust, line *int64) *domain.InventoryItem {
		return &domain.InventoryItem{Identifier: id, Type: typ, Status: status, CustomerID: cust, LineID: line}
	}
	f.inventory = map[string]*domain.InventoryItem{
		"ESN-AVAIL": dev("ESN-AVAIL", domain.InventoryDevice, domain.InventoryAvailable, nil, nil),
		"ESN-OTHER": dev("ESN-OTHER", domain.InventoryDevice, domain.InventoryAssigned, i64(2), nil),
		"ESN-MINE":  dev("ESN-MINE", domain.InventoryDevice, domain.InventoryAssigned, i64(1), nil),
		"ESN-INUSE": dev("ESN-INUSE", domain.InventoryDevice, domain.InventoryAssigned, i64(1), i64(1)),
		"ESN-UNAV":  dev("ESN-UNAV", domain.InventoryDevice, domain.InventoryUnavailable, nil, nil),
		"SIM-AVAIL": dev("SIM-AVAIL", domain.InventorySIM, domain.InventoryAvailable, nil, nil),
	}
	return f
}

func notFound(what string) error { return domain.Errorf(domain.ENOTFOUND, "%s not found", what) }

func get[K comparable, V any](f *fakeLookup, m map[K]*V, k K, what string) (*V, error) {
	if f.fail != nil {
		return nil, f.fail
	}
	if v, ok := m[k]; ok {
		return v, nil
	}
	return nil, notFound(what)
}

func (f *fakeLookup) FindCustomerByID(_ context.Context, id int64) (*domain.Customer, error) {
	return get(f, f.customers, id, "customer")
}
func (f *fakeLookup) FindLineByID(_ context.Context, id int64) (*domain.Line, error) {
	return get(f, f.lines, id, "line")
}
func (f *fakeLookup) FindLineByTN(_ context.Context, tn string) (*domain.Line, error) {
	if f.fail != nil {
		return nil, f.fail
	}
	var found *domain.Line
	for _, l := range f.lines {
		if l.TN == tn && (found == nil || found.Status == domain.LineDisconnected) {
			found = l
		}
	}
	if found == nil {
		return nil, notFound("line")
	}
	return found, nil
}
func (f *fakeLookup) FindCustomerLines(_ context.Context, id int64) ([]*domain.Line, error) {
	if f.fail != nil {
		return nil, f.fail
	}
	var out []*domain.Line
	for i := int64(1); i <= 20; i++ {
		if l := f.lines[i]; l != nil && l.CustomerID == id {
			out = append(out, l)
		}
	}
	return out, nil
}
func (f *fakeLookup) FindPackageByID(_ context.Context, id int64) (*domain.Package, error) {
	return get(f, f.packages, id, "package")
}
func (f *fakeLookup) FindProductByID(_ context.Context, id int64) (*domain.Product, error) {
	return get(f, f.products, id, "product")
}
func (f *fakeLookup) FindProductGroupsOf(_ context.Context, id int64) ([]*domain.ProductGroup, error) {
	var out []*domain.ProductGroup
	for _, g := range f.groups {
		for _, p := range g.ProductIDs {
			if p == id {
				out = append(out, g)
			}
		}
	}
	return out, f.fail
}
func (f *fakeLookup) FindCarrierByID(_ context.Context, id int64) (*domain.Carrier, error) {
	return get(f, f.carriers, id, "carrier")
}
func (f *fakeLookup) FindCarrierByCode(_ context.Context, code string) (*domain.Carrier, error) {
	for _, c := range f.carriers {
		if c.Code == code {
			return c, f.fail
		}
	}
	return nil, notFound("carrier")
}
func (f *fakeLookup) FindDefaultCarrierAccount(_ context.Context, id int64) (*domain.CarrierAccount, error) {
	for _, a := range f.accounts {
		if a.CarrierID == id && a.Default {
			return a, f.fail
		}
	}
	return nil, notFound("carrier account")
}
func (f *fakeLookup) FindCarrierAccountByID(_ context.Context, id int64) (*domain.CarrierAccount, error) {
	return get(f, f.accounts, id, "carrier account")
}
func (f *fakeLookup) FindServiceTypeByID(_ context.Context, id int64) (*domain.ServiceType, error) {
	return get(f, f.types, id, "service type")
}
func (f *fakeLookup) FindProcessByID(_ context.Context, id int64) (*domain.Process, error) {
	return get(f, f.processes, id, "process")
}
func (f *fakeLookup) FindInventoryByIdentifier(_ context.Context, id string) (*domain.InventoryItem, error) {
	return get(f, f.inventory, id, "inventory")
}
func (f *fakeLookup) FindLineInventory(_ context.Context, id int64) ([]*domain.InventoryItem, error) {
	var out []*domain.InventoryItem
	for _, it := range f.inventory {
		if it.LineID != nil && *it.LineID == id {
			out = append(out, it)
		}
	}
	slices.SortFunc(out, func(a, b *domain.InventoryItem) int { return strings.Compare(a.Identifier, b.Identifier) })
	return out, f.fail
}
func (f *fakeLookup) FindOpenOrdersOnLine(_ context.Context, id int64) ([]*domain.Order, error) {
	return f.openOrders[id], f.fail
}

var errBoom = errors.New("disk on fire")

// fieldErrors maps each field of err to its messages joined by " | ".
func fieldErrors(err error) map[string]string {
	m := map[string]string{}
	for _, f := range domain.ErrorFields(err) {
		if m[f.Field] != "" {
			m[f.Field] += " | "
		}
		m[f.Field] += f.Message
	}
	return m
}

// wantFieldError fails unless err is EINVALID with a message containing
// want on field.
// wantFieldError checks err refuses field with a message containing want:
// EINVALID, or ECONFLICT for a case named Conflict… (the input clashes
// with what is stored).
func wantFieldError(t *testing.T, err error, field, want string) {
	t.Helper()
	code := domain.EINVALID
	if name := t.Name(); strings.HasPrefix(name[strings.LastIndex(name, "/")+1:], "Conflict") {
		code = domain.ECONFLICT
	}
	if got := domain.ErrorCode(err); got != code {
		t.Fatalf("code=%q, want %q (err: %v)", got, code, err)
	}
	got, ok := fieldErrors(err)[field]
	if !ok {
		t.Fatalf("no error on %q; errors: %v", field, fieldErrors(err))
	}
	if !strings.Contains(got, want) {
		t.Fatalf("%s: %q, want it to contain %q", field, got, want)
	}
}
