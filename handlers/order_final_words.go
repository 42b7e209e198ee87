package handlers

import (
	"strings"

	"switchboard/domain"
	"switchboard/views"
)

// completionWords says, one sentence each, what completing o does to its
// lines, products and inventory: domain.CompletionEffects in words.
func completionWords(o *domain.Order, packages map[int64]string) []string {
	var out []string
	for _, e := range domain.CompletionEffects(o) {
		line := lineWords(o, e.LineID)
		switch e.Kind {
		case domain.EffectLineStatus:
			switch e.Status {
			case domain.LineSuspended:
				out = append(out, "Suspends "+line+" now ("+domain.SuspendTypeLabel(e.SuspendType)+").")
			case domain.LineDisconnected:
				out = append(out, "Disconnects "+line+" now.")
			case domain.LineActive:
				if o.Type == domain.TypeRestore {
					out = append(out, "Restores "+line+": it is active again now.")
				} else {
					out = append(out, "Activates "+line+".")
				}
			default:
				out = append(out, "Sets "+line+" to "+domain.StatusLabel(e.Status)+".")
			}
		case domain.EffectInventory:
			out = append(out, "Sets the device and SIM on "+line+" to "+domain.StatusLabel(e.Status)+inventoryAfter(e.Status)+".")
		case domain.EffectLinePackage:
			name := packages[e.PackageID]
			if name == "" {
				name = "the new package"
			}
			out = append(out, "Moves "+line+" to "+name+".")
		case domain.EffectAddProduct:
			out = append(out, "Adds "+productWords(e.Product)+" to "+line+" at "+e.Product.Rate.Dollars()+".")
		case domain.EffectChangeProduct:
			out = append(out, "Changes "+productWords(e.Product)+" on "+line+" to "+e.Product.Rate.Dollars()+
				" × "+itoa64(int64(e.Product.Quantity))+".")
		case domain.EffectRemoveProduct:
			out = append(out, "Removes "+productWords(e.Product)+" from "+line+".")
		}
	}
	if len(out) == 0 {
		out = append(out, "Records the order as done; no line, product or inventory changes with it.")
	}
	return out
}

// cancelWords says what canceling o does: domain.CancelEffects in words.
func cancelWords(o *domain.Order) []string {
	var out []string
	for _, e := range domain.CancelEffects(o) {
		line := lineWords(o, e.LineID)
		switch e.Kind {
		case domain.EffectInventory:
			out = append(out, "The device and SIM meant for "+line+" become "+domain.StatusLabel(e.Status)+" again.")
		case domain.EffectLineStatus:
			out = append(out, strings.ToUpper(line[:1])+line[1:]+" is never activated.")
		}
	}
	if len(out) == 0 {
		out = append(out, "Its lines stay as they are: nothing on them changes.")
	}
	return out
}

func inventoryAfter(status string) string {
	switch status {
	case domain.InventoryAvailable:
		return ": back in stock for another customer"
	case domain.InventoryUnavailable:
		return ": taken out of use"
	case domain.InventoryAssigned:
		return ": kept on the customer's account, off the line"
	}
	return ""
}

// lineWords names one of o's lines by its number.
func lineWords(o *domain.Order, lineID int64) string {
	for _, it := range o.Items {
		if it != nil && it.LineID == lineID && it.TN != "" {
			return "line " + views.FormatTN(it.TN)
		}
	}
	return "the new line"
}

func productWords(p *domain.OrderProduct) string {
	if p == nil || p.Description == "" {
		return "a product"
	}
	return p.Description
}
