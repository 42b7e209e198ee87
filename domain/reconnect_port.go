package domain

import (
	"context"
	"strings"
	"time"
)

// Stages of a reconnect port (seed 000). A port starts disconnecting the
// existing service; once that is done it is porting (the reconnect orders
// carry the port request); it ends completed, or errored. A losing
// carrier's R answer puts it in resolution required until a rep resubmits.
const (
	StageDisconnecting = "disconnecting"
	StagePorting       = "porting"
	StageResolution    = "resolution_required"
	StageCompleted     = "completed"
	StageErrored       = "errored"
)

// PortStages lists the stages in the board's order.
var PortStages = []string{StageDisconnecting, StagePorting, StageResolution, StageCompleted, StageErrored}

// StageTitle names a stage in a rep's words.
func StageTitle(stage string) string {
	switch stage {
	case StageDisconnecting:
		return "Disconnecting"
	case StagePorting:
		return "Porting"
	case StageResolution:
		return "Resolution required"
	case StageCompleted:
		return "Completed"
	case StageErrored:
		return "Errored"
	}
	return stage
}

// Timing of a port (DESIGN.md "Enumerations").
const (
	// PortExpected is how long a wireless-to-wireless port is expected to
	// take; an open port older than this is overdue.
	PortExpected = 150 * time.Minute
	// PortAbandonAfter is how long a port may wait in resolution required
	// for a resubmission before it is given up.
	PortAbandonAfter = 30 * 24 * time.Hour
)

// ReconnectPort disconnects a customer's Verizon Wireless service and then
// activates a new service on the same inventory with a number ported in
// (ReconnectPort_Create). Secrets are sealed by the store and never shown.
type ReconnectPort struct {
	ID                  int64      `db:"id"`
	CustomerID          int64      `db:"customer_id"`
	LineID              int64      `db:"line_id"` // the existing service, disconnected
	TN                  string     `db:"tn"`      // its number
	NewLineID           *int64     `db:"new_line_id"`
	InventoryIdentifier string     `db:"inventory_identifier"`
	InventoryType       string     `db:"inventory_type"`
	PortMDN             string     `db:"port_mdn"`
	AccountNumber       string     `db:"account_number"`
	AuthorizedSigner    string     `db:"authorized_signer"`
	PINPassword         Secret     `db:"-"`
	Remark              string     `db:"remark"`
	SSN                 Secret     `db:"-"`
	TaxID               Secret     `db:"-"`
	AddressID           int64      `db:"address_id"`
	Stage               string     `db:"stage"`
	ErrorMessage        string     `db:"error_message"`
	CreatedAt           time.Time  `db:"created_at"`
	StatusDate          *time.Time `db:"status_date"` // the service's last check
	StageDate           time.Time  `db:"stage_date"`  // when it entered Stage
	Version             int        `db:"version"`     // bumped by every change; the board's event order
	Wake                int64      `db:"wake"`        // the step job that is due (see AdvanceReconnectPort)

	CustomerName       string      `db:"customer_name"`
	DisconnectOrderIDs []int64     `db:"-"`
	ReconnectOrderIDs  []int64     `db:"-"`
	Orders             []PortOrder `db:"-"` // every order of the port, oldest first
}

// SetOrders fills Orders, DisconnectOrderIDs and ReconnectOrderIDs.
func (p *ReconnectPort) SetOrders(os []PortOrder) {
	p.Orders, p.DisconnectOrderIDs, p.ReconnectOrderIDs = os, []int64{}, []int64{}
	for _, o := range os {
		if o.Kind == PortOrderDisconnect {
			p.DisconnectOrderIDs = append(p.DisconnectOrderIDs, o.ID)
		} else {
			p.ReconnectOrderIDs = append(p.ReconnectOrderIDs, o.ID)
		}
	}
}

// OrdersOf returns the port's orders of kind, oldest first.
func (p *ReconnectPort) OrdersOf(kind string) []PortOrder {
	var out []PortOrder
	for _, o := range p.Orders {
		if o.Kind == kind {
			out = append(out, o)
		}
	}
	return out
}

// Completed is the seed's Completed: the service is done monitoring the
// port (activated, or given up).
func (p *ReconnectPort) Completed() bool {
	return p.Stage == StageCompleted || p.Stage == StageErrored
}

// Errored is the seed's Errored: a step failed (a canceled disconnect
// order, inventory that cannot be reassigned, an R answer).
func (p *ReconnectPort) Errored() bool {
	return p.Stage == StageErrored || p.Stage == StageResolution
}

// Open reports whether the port is still being monitored.
func (p *ReconnectPort) Open() bool { return !p.Completed() }

// Overdue reports whether an open port is older than PortExpected at now.
func (p *ReconnectPort) Overdue(now time.Time) bool {
	return p.Open() && now.Sub(p.CreatedAt) > PortExpected
}

// CurrentReconnectOrderID is the newest reconnect order, or 0.
func (p *ReconnectPort) CurrentReconnectOrderID() int64 {
	if len(p.ReconnectOrderIDs) == 0 {
		return 0
	}
	return p.ReconnectOrderIDs[len(p.ReconnectOrderIDs)-1]
}

// ReconnectPortInput is ReconnectPort_Create's input.
type ReconnectPortInput struct {
	LineID           int64                    `json:"LineID"`
	Line             *ReconnectLineInput      `json:"Line"`
	Inventory        *ReconnectInventoryInput `json:"Inventory"`
	PortMDN          string                   `json:"PortMDN"`
	AccountNumber    string                   `json:"AccountNumber"`
	AuthorizedSigner string                   `json:"AuthorizedSigner"`
	PINPassword      Secret                   `json:"PINPassword"`
	Remark           string                   `json:"Remark"`
	SSN              Secret                   `json:"SSN"`
	TaxID            Secret                   `json:"TaxID"`
	AddressID        int64                    `json:"AddressID"`
}

// ReconnectLineInput names the service by customer and TN.
type ReconnectLineInput struct {
	CustomerID int64  `json:"CustomerID"`
	TN         string `json:"TN"`
}

// ReconnectInventoryInput names the device or SIM for the new service.
type ReconnectInventoryInput struct {
	Identifier string `json:"Identifier"`
	Type       string `json:"Type"`
}

// ResubmitInput corrects a port after a losing carrier's R answer. Each
// field left empty (0 for AddressID) keeps the port's value.
type ResubmitInput struct {
	AccountNumber    string `json:"AccountNumber"`
	PINPassword      Secret `json:"PINPassword"`
	AuthorizedSigner string `json:"AuthorizedSigner"`
	AddressID        int64  `json:"AddressID"`
}

// ReconnectPortFilter selects ports for the board and the list; nil
// fields are not filtered.
type ReconnectPortFilter struct {
	Completed *bool
	Errored   *bool
	Stage     []string
	Search    string // MDN, TN or customer name, part of
	Page             // Limit 0: at most MaxBoardPorts
}

// Matches reports whether p is one of the ports f selects (the live
// board's rule for a change it hears of; the store's query is the same
// rule in SQL): Completed, Errored, Stage, and Search as part of the
// customer's name (any case) or of the MDN or TN (digits as typed).
func (f ReconnectPortFilter) Matches(p *ReconnectPort) bool {
	switch {
	case f.Completed != nil && *f.Completed != p.Completed():
		return false
	case f.Errored != nil && *f.Errored != p.Errored():
		return false
	case len(f.Stage) > 0 && !OneOf(p.Stage, f.Stage):
		return false
	}
	s := strings.TrimSpace(f.Search)
	if s == "" {
		return true
	}
	d := NormalizeTN(s)
	return strings.Contains(strings.ToLower(p.CustomerName), strings.ToLower(s)) ||
		strings.Contains(p.PortMDN, d) || strings.Contains(p.TN, d)
}

// MaxBoardPorts bounds the ports one board shows.
const MaxBoardPorts = 2000

// PortLookup is what the reconnect port rules read: the order rules'
// questions plus addresses.
type PortLookup interface {
	OrderLookup
	FindAddressByID(ctx context.Context, id int64) (*Address, error)
}

// ReconnectPortStore keeps reconnect ports. Each change records an
// AuditEvent (EntityReconnectPort) by the user in ctx, or the system, in
// its transaction, and makes the port's next step due in it.
type ReconnectPortStore interface {
	// CreateReconnectPort performs ReconnectPort_Create: PlanReconnectPort,
	// then it writes the port and its disconnect orders. Returns EINVALID
	// with a field error per failed rule, EFORBIDDEN if the user in ctx is
	// not at least a rep, ECONFLICT if another open port has the line or
	// the MDN.
	CreateReconnectPort(ctx context.Context, in *ReconnectPortInput) (*ReconnectPort, error)
	// CheckReconnectPort checks in as CreateReconnectPort would, writing
	// nothing (the form's checks as the rep types): nil, or its error.
	CheckReconnectPort(ctx context.Context, in *ReconnectPortInput) error
	// FindReconnectPortByID returns the port with its order ids. Returns
	// ENOTFOUND if there is no such port.
	FindReconnectPortByID(ctx context.Context, id int64) (*ReconnectPort, error)
	// FindReconnectPorts lists a page of the ports matching f, newest
	// first, with their orders and customer names, and the cursor of the
	// next page ("" on the last). Returns EINVALID for an After it did not give.
	FindReconnectPorts(ctx context.Context, f ReconnectPortFilter) ([]*ReconnectPort, string, error)
	// CountReconnectPorts counts the ports per stage.
	CountReconnectPorts(ctx context.Context) (map[string]int, error)
	// ResubmitReconnectPort performs the resubmit after an R answer:
	// PlanResubmit, then it cancels the refused reconnect order and
	// writes the new one. Returns ENOTFOUND, EFORBIDDEN, EINVALID as
	// PlanResubmit does, ESTALE when the port changed meanwhile.
	ResubmitReconnectPort(ctx context.Context, id int64, in *ResubmitInput) (*ReconnectPort, error)
	// AdvanceReconnectPort performs the port's due step (NextPortStep) as
	// the system, if wake is still the port's Wake. It returns the port as
	// stored and whether it is still open (to check again later).
	AdvanceReconnectPort(ctx context.Context, id, wake int64) (*ReconnectPort, error)
	// LastPortChange is the Seq of the newest change (0: none yet).
	LastPortChange(ctx context.Context) (int64, error)
	// PortChangesSince lists the changes after seq, oldest first, at most
	// limit; more reports that there were more than limit (nothing listed).
	PortChangesSince(ctx context.Context, seq int64, limit int) (changes []ReconnectPortChanged, more bool, err error)
}

// ReconnectPortChanged is published after a change to port PortID commits
// (a step, a resubmission, one of its orders moving). Seq numbers the
// changes across every instance: the board's event id.
type ReconnectPortChanged struct {
	PortID int64
	Seq    int64
}
