package demo

import (
	"context"

	"switchboard/db"
	"switchboard/domain"
)

// loadInventory gives every ACTIVE or SUSPENDED wireless line an ASSIGNED
// SIM and most of them an ASSIGNED device (the rest bring their own), some
// PENDING lines a SIM already shipped, and fills the stock room: AVAILABLE
// SIMs and devices, and a few UNAVAILABLE ones (damaged, lost). Each item
// names its model and the carrier it is for: a line's, or in stock one of
// the wireless carriers in turn (a few devices unlocked, for any).
func loadInventory(ctx context.Context, ld *db.Loader, s *demoSet) error {
	r := s.Rand("inventory")
	var items []*domain.InventoryItem
	add := func(id, model, typ, status string, carrier *demoCarrierSet, ln *demoLine) {
		it := &domain.InventoryItem{Identifier: id, Model: model, Type: typ, Status: status}
		if carrier != nil {
			it.CarrierID = &carrier.ID
		}
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
			sim, model := s.newICCID(r, l.Carrier.Code)
			l.SIM = sim
			add(sim, model, domain.InventorySIM, domain.InventoryAssigned, l.Carrier, l)
			if r.IntN(4) > 0 {
				dev, model := s.newIMEI(r)
				l.Device = dev
				add(dev, model, domain.InventoryDevice, domain.InventoryAssigned, l.Carrier, l)
			}
		case l.Status == domain.LinePending && r.IntN(10) < 6:
			sim, model := s.newICCID(r, l.Carrier.Code)
			l.SIM = sim
			add(sim, model, domain.InventorySIM, domain.InventoryAssigned, l.Carrier, l)
		}
	}
	var wireless []*demoCarrierSet
	for _, c := range s.carrierOrder {
		if c.Wireless {
			wireless = append(wireless, c)
		}
	}
	s.SIMs, s.Devices = map[string][]string{}, map[string][]string{}
	for i := range demoInventory.AvailableSIMs {
		c := wireless[i%len(wireless)]
		id, model := s.newICCID(r, c.Code)
		s.SIMs[c.Code] = append(s.SIMs[c.Code], id)
		add(id, model, domain.InventorySIM, domain.InventoryAvailable, c, nil)
	}
	for i := range demoInventory.AvailableDevices {
		c := wireless[i%len(wireless)]
		id, model := s.newIMEI(r)
		if i%10 == 9 {
			add(id, model, domain.InventoryDevice, domain.InventoryAvailable, nil, nil) // unlocked
			continue
		}
		s.Devices[c.Code] = append(s.Devices[c.Code], id)
		add(id, model, domain.InventoryDevice, domain.InventoryAvailable, c, nil)
	}
	for i := range demoInventory.UnavailableSIMs {
		c := wireless[i%len(wireless)]
		id, model := s.newICCID(r, c.Code)
		add(id, model, domain.InventorySIM, domain.InventoryUnavailable, c, nil)
	}
	for i := range demoInventory.UnavailableDevices {
		c := wireless[i%len(wireless)]
		id, model := s.newIMEI(r)
		add(id, model, domain.InventoryDevice, domain.InventoryUnavailable, c, nil)
	}
	return ld.AddInventory(ctx, items)
}
