package domain

import "context"

// Inventory statuses.
const (
	InventoryAvailable   = "AVAILABLE"
	InventoryUnavailable = "UNAVAILABLE"
	InventoryAssigned    = "ASSIGNED"
)

// InventoryStatuses lists every inventory status.
var InventoryStatuses = []string{InventoryAvailable, InventoryUnavailable, InventoryAssigned}

// Inventory types.
const (
	InventoryGeneral = "General"
	InventoryTN      = "Telephone_Number"
	InventoryIP      = "IP_Address"
	InventoryDevice  = "Mobile_Device"
	InventorySIM     = "SIM_Card"
)

// InventoryTypes lists every inventory type.
var InventoryTypes = []string{InventoryGeneral, InventoryTN, InventoryIP, InventoryDevice, InventorySIM}

// InventoryItem is a device, SIM or other numbered thing.
type InventoryItem struct {
	ID         int64  `db:"id" json:"-"`
	Identifier string `db:"identifier" json:"Identifier"`
	Type       string `db:"type" json:"Type"`
	Status     string `db:"status" json:"Status"`
	CustomerID *int64 `db:"customer_id" json:"CustomerID"`
	LineID     *int64 `db:"line_id" json:"LineID"`
	Model      string `db:"model" json:"-"`      // what it is: "Apple iPhone 15 128GB", "Verizon 5G SIM"; "" when not recorded
	CarrierID  *int64 `db:"carrier_id" json:"-"` // the carrier it is stocked for; nil: any
}

// Validate checks a new inventory item; field names are under prefix.
func (it *InventoryItem) Validate(p *Problems, prefix string) {
	p.Check(it.Identifier != "", prefix+"Identifier", "Identifier is required")
	p.Check(len(it.Identifier) <= 40, prefix+"Identifier", "Identifier must be at most 40 characters")
	p.Check(len(it.Model) <= MaxInventoryModel, prefix+"Model", "Model must be at most %d characters", MaxInventoryModel)
	p.Check(oneOf(it.Type, InventoryTypes), prefix+"Type", "Type must be one of General, Telephone_Number, IP_Address, Mobile_Device, SIM_Card")
	if it.Status == "" {
		it.Status = InventoryAvailable
	}
	p.Check(oneOf(it.Status, InventoryStatuses), prefix+"Status", "Status must be AVAILABLE, UNAVAILABLE or ASSIGNED")
}

// InventoryFilter selects inventory; nil fields are not filtered.
type InventoryFilter struct {
	Status     *string
	Type       *string
	Identifier *string
	CustomerID *int64
	ForCarrier *int64 // items stocked for this carrier or for any
	Page
}

// InventoryStore keeps inventory items.
type InventoryStore interface {
	// FindInventory returns a page of items and the cursor of the next page.
	FindInventory(ctx context.Context, f InventoryFilter) ([]*InventoryItem, string, error)
	// CreateInventory adds items; ECONFLICT if an identifier exists already.
	CreateInventory(ctx context.Context, items []*InventoryItem) error
}

func oneOf(s string, list []string) bool {
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}

// OneOf reports whether s is in list.
func OneOf(s string, list []string) bool { return oneOf(s, list) }
