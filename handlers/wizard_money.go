package handlers

import (
	"context"

	"switchboard/domain"
	"switchboard/views"
)

// reviewMoney prices every planned item against what its line carries
// now: per line and, for several lines, in total, the monthly and
// one-time amounts before → after, with every product the order adds
// twice named.
func (h *Handlers) reviewMoney(ctx context.Context, items []*domain.OrderItem) (views.ReviewMoney, error) {
	var (
		out    views.ReviewMoney
		priced []domain.LineCharges
	)
	oneTime, err := h.oneTimeProducts(ctx)
	if err != nil {
		return out, err
	}
	for _, it := range items {
		var current []*domain.CustomerProduct
		title := "The new line"
		if tn := views.FormatTN(it.TN); tn != "" {
			title = "The new line " + tn
		}
		if it.LineID != 0 {
			line, err := h.Store.FindLineByID(ctx, it.LineID)
			if err != nil {
				return out, err
			}
			current = line.Products
			title = "Line " + views.FormatTN(line.TN)
		}
		lc := domain.PriceLine(current, it.Products, oneTime)
		priced = append(priced, lc)
		rl := views.ReviewLine{Title: title, Amounts: reviewAmounts(lc.Before, lc.After)}
		for _, p := range lc.Products {
			rl.Products = append(rl.Products, reviewProduct(p))
		}
		out.Lines = append(out.Lines, rl)
	}
	if len(priced) > 1 {
		before, after := domain.TotalCharges(priced)
		t := reviewAmounts(before, after)
		out.Total = &t
	}
	return out, nil
}

// oneTimeProducts names the products billed once: those a package lists as
// its one-time charge (activation, shipping); the others bill monthly.
func (h *Handlers) oneTimeProducts(ctx context.Context) (map[int64]bool, error) {
	pkgs, err := h.Store.FindPackages(ctx)
	if err != nil {
		return nil, err
	}
	out := map[int64]bool{}
	for _, p := range pkgs {
		for _, pr := range p.Products {
			if pr.Role == domain.RoleOneTime {
				out[pr.ID] = true
			}
		}
	}
	return out, nil
}

func reviewAmounts(before, after domain.Charges) views.ReviewAmounts {
	return views.ReviewAmounts{
		MonthlyBefore: before.Monthly.Dollars(), MonthlyAfter: after.Monthly.Dollars(),
		OneTimeBefore: before.OneTime.Dollars(), OneTimeAfter: after.OneTime.Dollars(),
		MonthlyChanged: before.Monthly != after.Monthly, OneTimeChanged: before.OneTime != after.OneTime,
	}
}

// reviewProduct shows a planned product change with its amount, and why
// it is there twice when it is.
func reviewProduct(p domain.ProductCharge) views.ReviewProduct {
	rp := views.ReviewProduct{Description: p.Description, Rate: p.Rate.Dollars(), Quantity: p.Quantity, Amount: p.Amount.Dollars()}
	switch p.Op {
	case domain.ProductAdd:
		rp.Op = "Add"
	case domain.ProductChange:
		rp.Op = "Change to"
	case domain.ProductRemove:
		rp.Op = "Remove"
		rp.Amount = "−" + rp.Amount
	}
	if p.OneTime {
		rp.Amount += " once"
	} else {
		rp.Amount += " a month"
	}
	switch p.Source {
	case domain.SourcePackage:
		rp.Source = "Comes with the package"
	case domain.SourceRelated:
		rp.Source = "Added with a related product (same product group)"
	default:
		rp.Source = "Asked for"
	}
	switch p.Duplicate {
	case domain.DupOnLine:
		rp.Warning = "Already on this line: it would be there twice."
	case domain.DupInOrder:
		rp.Warning = "This order adds it twice: it would be charged twice."
	}
	return rp
}
