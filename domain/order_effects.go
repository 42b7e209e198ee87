package domain

// Effect is one change to lines, products or inventory that an order makes
// when it completes (or is canceled). The store performs a list of them, in
// order, in the transaction that records the status.
type Effect struct {
	Kind        string
	LineID      int64
	Status      string        // EffectLineStatus: the line's; EffectInventory: the inventory's
	SuspendType string        // EffectLineStatus: set with SUSPENDED, cleared otherwise
	PackageID   int64         // EffectLinePackage
	Product     *OrderProduct // the product effects
}

// Effect kinds.
const (
	// EffectLineStatus sets the line's Status and SuspendType.
	EffectLineStatus = "LINE_STATUS"
	// EffectLinePackage sets the line's PackageID.
	EffectLinePackage = "LINE_PACKAGE"
	// EffectAddProduct adds Product to the line (see CustomerProduct).
	EffectAddProduct = "ADD_PRODUCT"
	// EffectChangeProduct sets the Rate and Quantity of the customer product
	// Product.CustomerProductID.
	EffectChangeProduct = "CHANGE_PRODUCT"
	// EffectRemoveProduct deletes the customer product Product.CustomerProductID.
	EffectRemoveProduct = "REMOVE_PRODUCT"
	// EffectInventory sets every inventory item on the line to Status.
	// AVAILABLE and UNAVAILABLE release the item from the customer and the
	// line; ASSIGNED keeps it on the customer's account, off the line.
	EffectInventory = "INVENTORY"
)

// CustomerProduct is the product an EffectAddProduct puts on its line.
func (e Effect) CustomerProduct() *CustomerProduct {
	if e.Product == nil {
		return nil
	}
	return &CustomerProduct{LineID: e.LineID, ProductID: e.Product.ProductID, Description: e.Product.Description,
		Rate: e.Product.Rate, Quantity: e.Product.Quantity}
}

// CompletionEffects is what completing o does: a new line becomes ACTIVE
// with its products; a suspend makes the line SUSPENDED with its suspend
// type; a restore makes it ACTIVE; a disconnect sets the line's inventory
// to the order's InventoryItemStatus (AVAILABLE if none) and makes the line
// DISCONNECTED; a change adds, changes and removes products; a package
// change swaps the products and sets the line's package.
func CompletionEffects(o *Order) []Effect {
	var effs []Effect
	for _, it := range o.Items {
		if it == nil || it.LineID == 0 {
			continue
		}
		id := it.LineID
		switch it.Action {
		case ItemAdd:
			effs = append(effs, productEffects(id, it.Products)...)
			effs = append(effs, Effect{Kind: EffectLineStatus, LineID: id, Status: LineActive})
		case ItemSuspend:
			effs = append(effs, Effect{Kind: EffectLineStatus, LineID: id, Status: LineSuspended, SuspendType: o.SuspendType})
		case ItemRestore:
			effs = append(effs, Effect{Kind: EffectLineStatus, LineID: id, Status: LineActive})
		case ItemDisconnect:
			inv := o.InventoryItemStatus
			if inv == "" {
				inv = InventoryAvailable
			}
			effs = append(effs,
				Effect{Kind: EffectInventory, LineID: id, Status: inv},
				Effect{Kind: EffectLineStatus, LineID: id, Status: LineDisconnected})
		case ItemChange:
			effs = append(effs, productEffects(id, it.Products)...)
		case ItemPackageChange:
			effs = append(effs, productEffects(id, it.Products)...)
			effs = append(effs, Effect{Kind: EffectLinePackage, LineID: id, PackageID: it.PackageID})
		}
	}
	return effs
}

// CancelEffects is what canceling o does: a line it was to create never
// comes to be (DISCONNECTED) and the inventory put on it becomes AVAILABLE
// again. Orders about existing lines change nothing when canceled.
func CancelEffects(o *Order) []Effect {
	var effs []Effect
	for _, it := range o.Items {
		if it == nil || it.LineID == 0 || it.Action != ItemAdd {
			continue
		}
		effs = append(effs,
			Effect{Kind: EffectInventory, LineID: it.LineID, Status: InventoryAvailable},
			Effect{Kind: EffectLineStatus, LineID: it.LineID, Status: LineDisconnected})
	}
	return effs
}

func productEffects(lineID int64, ops []*OrderProduct) []Effect {
	var effs []Effect
	for _, op := range ops {
		if op == nil {
			continue
		}
		kind := map[string]string{ProductAdd: EffectAddProduct, ProductChange: EffectChangeProduct, ProductRemove: EffectRemoveProduct}[op.Op]
		if kind == "" || (kind != EffectAddProduct && op.CustomerProductID == nil) {
			continue
		}
		effs = append(effs, Effect{Kind: kind, LineID: lineID, Product: op})
	}
	return effs
}
