// Package demo is the demo data set (`serve --demo`): users, reference
// data, customers, lines with products, inventory and orders of every kind
// in every status, loaded once into an empty database.
package demo

import (
	"context"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"time"

	"switchboard/db"
	"switchboard/domain"
)

// Loading is one write transaction (db.LoadOnce) made of steps (demoSteps).
// Each step adds to a demoSet, which later steps read: what was created,
// with its ids. The base steps leave the lines of the first
// demoReservedCustomers customers alone for good; the steps after them take
// their lines with demoSet.TakeLine, which never hands out a reserved line
// nor one line twice, AVAILABLE inventory with TakeSIM / TakeDevice, users
// from Users and processes from Processes, and write through the
// db.Loader, so audit history is written as in the product.
//
// The data are the same on every run: every step draws from its own
// generator with a fixed seed (demoSet.Rand), so adding a step does not
// change what the steps before it make. Only timestamps move: they are
// relative to the time of loading.

// demoSeed seeds every generator of the demo.
const demoSeed = 20240611

// demoSteps load the demo, in order. A new step goes at the end.
var demoSteps = []struct {
	name string
	load func(ctx context.Context, ld *db.Loader, s *demoSet) error
}{
	{"users", loadUsers},
	{"reference data", loadReference},
	{"customers", loadCustomers},
	{"lines", loadLines},
	{"inventory", loadInventory},
	{"orders", loadOrders},
	{"quotes", loadQuotes},
}

// Load fills an empty database with the demo data set and the users
// admin, supervisor, rep and support, whose password hash is passwordHash.
// It loads at most once in a database's life: it changes nothing and
// reports false when the demo was loaded before or the database holds any
// user, customer or reference data. Several instances may call it at once;
// one of them loads it (db.LoadOnce).
func Load(ctx context.Context, d *db.DB, passwordHash string) (loaded bool, err error) {
	return d.LoadOnce(ctx, func(ld *db.Loader) error {
		s := newDemoSet(ld.Now(), passwordHash)
		for _, step := range demoSteps {
			if err := step.load(ctx, ld, s); err != nil {
				return fmt.Errorf("load demo %s: %w", step.name, err)
			}
		}
		return nil
	})
}

// demoSet is what the demo holds so far, for the steps that follow.
type demoSet struct {
	Now          time.Time
	PasswordHash string
	Users        map[domain.Role]*domain.User
	BillProfiles map[string]int64           // by name
	ServiceTypes map[string]int64           // by name
	Carriers     map[string]*demoCarrierSet // by code
	Processes    map[string]*domain.Process // by name, with routes
	Customers    []*demoCustomerSet         // in load order
	Lines        []*demoLine                // in load order
	SIMs         map[string][]string        // AVAILABLE SIM_Card identifiers not yet taken, by carrier code
	Devices      map[string][]string        // AVAILABLE Mobile_Device identifiers not yet taken, by carrier code
	tns          map[string]bool            // every TN handed out
	identifiers  map[string]bool            // every inventory identifier handed out
	carrierOrder []*demoCarrierSet          // as in demoCarriers
}

// demoCarrierSet is a carrier with its accounts, products and packages.
type demoCarrierSet struct {
	domain.Carrier
	Accounts []*domain.CarrierAccount   // Accounts[0] is the Default
	Products map[string]*domain.Product // by demoProduct key
	Packages map[string]*domain.Package // by demoPackage key, with products
	LineType map[string]int64           // package key → LineTypeID
}

// demoCustomerSet is a customer of the demo.
type demoCustomerSet struct {
	*domain.Customer
	Spec     demoCustomer
	Reserved bool
	Lines    []*demoLine
}

// demoLine is a line of the demo with its products (Line.Products, with
// their ids) and the inventory assigned to it.
type demoLine struct {
	domain.Line
	Carrier  *demoCarrierSet
	Customer *demoCustomerSet
	Package  string // demoPackage key
	Reserved bool   // a reserved customer's: no demo step may touch it
	Taken    bool   // handed out by TakeLine
	SIM      string // ASSIGNED SIM_Card identifier, "" if none
	Device   string // ASSIGNED Mobile_Device identifier, "" if none
}

func newDemoSet(now time.Time, passwordHash string) *demoSet {
	return &demoSet{
		Now: now, PasswordHash: passwordHash,
		Users: map[domain.Role]*domain.User{}, BillProfiles: map[string]int64{}, ServiceTypes: map[string]int64{},
		Carriers: map[string]*demoCarrierSet{}, Processes: map[string]*domain.Process{},
		tns: map[string]bool{}, identifiers: map[string]bool{},
	}
}

// Rand returns the generator of one step: seeded by the demo's seed and
// the step's name, so each step's data stay the same whatever other steps do.
func (s *demoSet) Rand(step string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(step))
	return rand.New(rand.NewPCG(demoSeed, h.Sum64()))
}

// TakeLine hands out the first line that is not reserved, not taken yet,
// on the carrier with code carrier ("" for any) and in status ("" for any),
// and marks it taken. It returns nil when none is left.
func (s *demoSet) TakeLine(carrier, status string) *demoLine {
	return s.TakeLineWhere(func(l *demoLine) bool {
		return (carrier == "" || l.Carrier.Code == carrier) && (status == "" || l.Status == status)
	})
}

// TakeLineWhere is TakeLine with any condition.
func (s *demoSet) TakeLineWhere(ok func(*demoLine) bool) *demoLine {
	for _, l := range s.Lines {
		if !l.Reserved && !l.Taken && ok(l) {
			l.Taken = true
			return l
		}
	}
	return nil
}

// TakeSIM hands out an AVAILABLE SIM_Card identifier of the carrier code
// no other step has taken ("" when none is left). The caller changes its
// row if it uses it.
func (s *demoSet) TakeSIM(code string) string { return takeOf(s.SIMs, code) }

// TakeDevice hands out an AVAILABLE Mobile_Device identifier, as TakeSIM.
func (s *demoSet) TakeDevice(code string) string { return takeOf(s.Devices, code) }

// takeOf takes the first of the list of code.
func takeOf(lists map[string][]string, code string) string {
	list := lists[code]
	v := take(&list)
	lists[code] = list
	return v
}

func take(list *[]string) string {
	if len(*list) == 0 {
		return ""
	}
	v := (*list)[0]
	*list = (*list)[1:]
	return v
}
