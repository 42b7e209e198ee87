package demo

import (
	"context"

	"switchboard/db"
	"switchboard/domain"
)

// loadInventory gives every ACTIVE or SUSPENDED wireless line an ASSIGNED
// SIM and most of them an ASSIGNED device (the rest bring their own), some
// PENDING lines a SIM already shipped, and fills the stock room: AVAILABLE
// SIMs and devices, and a few UNAVAILABLE ones (damaged, lost).
func loadInventory(ctx context.Context, ld *db.Loader, s *demoSet) error {
	r := s.Rand("inventory")
	var items []*domain.InventoryItem
	add := func(id, typ, status string, ln *demoLine) {
		it := &domain.InventoryItem{Identifier: id, Type: typ, Status: status}
		if ln != nil {
			it.CustomerID, it.LineID = &ln.CustomerID, &ln.ID
		}
		items = append(items, it)
	}
	for _, l := range s.Lines {
		if !l.Carrier.Wireless {
			continue
		}
		switch {
		case l.Status == domain.LineActive || l.Status == domain.LineSuspended:
			l.SIM = s.newICCID(r)
			add(l.SIM, domain.InventorySIM, domain.InventoryAssigned, l)
			if r.IntN(4) > 0 {
				l.Device = s.newIMEI(r)
				add(l.Device, domain.InventoryDevice, domain.InventoryAssigned, l)
			}
		case l.Status == domain.LinePending && r.IntN(10) < 6:
			l.SIM = s.newICCID(r)
			add(l.SIM, domain.InventorySIM, domain.InventoryAssigned, l)
		}
	}
	for range demoInventory.AvailableSIMs {
		id := s.newICCID(r)
		s.SIMs = append(s.SIMs, id)
		add(id, domain.InventorySIM, domain.InventoryAvailable, nil)
	}
	for range demoInventory.AvailableDevices {
		id := s.newIMEI(r)
		s.Devices = append(s.Devices, id)
		add(id, domain.InventoryDevice, domain.InventoryAvailable, nil)
	}
	for range demoInventory.UnavailableSIMs {
		add(s.newICCID(r), domain.InventorySIM, domain.InventoryUnavailable, nil)
	}
	for range demoInventory.UnavailableDevices {
		add(s.newIMEI(r), domain.InventoryDevice, domain.InventoryUnavailable, nil)
	}
	return ld.AddInventory(ctx, items)
}
