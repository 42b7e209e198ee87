package db_test

import (
	"context"
	"slices"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// inSortOrder is the orders of all matching f in sort's order, in Go.
func inSortOrder(w *orderWorld, all []*domain.Order, f domain.OrderFilter, sort domain.OrderSort) []int64 {
	var out []*domain.Order
	for _, o := range all {
		if matches(w, o, f) {
			out = append(out, o)
		}
	}
	slices.SortFunc(out, func(a, b *domain.Order) int {
		ta, tb := a.CreatedAt, b.CreatedAt
		if sort == domain.SortChanged {
			ta, tb = a.UpdatedAt, b.UpdatedAt
		}
		c := tb.Compare(ta)
		if c == 0 {
			c = int(b.ID - a.ID)
		}
		if sort == domain.SortOldest {
			c = -c
		}
		return c
	})
	ids := make([]int64, len(out))
	for i, o := range out {
		ids[i] = o.ID
	}
	return ids
}

func pageIDs(p *domain.OrderPage) []int64 {
	var ids []int64
	for _, o := range p.Orders {
		ids = append(ids, o.ID)
	}
	return ids
}

// TestFindOrderPage walks every sort forward by Next and back by Prev,
// four orders a page, through orders that share their creation instant
// and orders that share their last change (the ID breaks each tie): the
// pages forward make the whole list in order, once each, and the pages
// back are the same pages.
func TestFindOrderPage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w, all := mustSearchWorld(t, d)
		ties := map[string]int{}
		for _, o := range all {
			ties["c"+o.CreatedAt.String()]++
			ties["u"+o.UpdatedAt.String()]++
		}
		var created, changed bool
		for k, n := range ties {
			created = created || (k[0] == 'c' && n > 1)
			changed = changed || (k[0] == 'u' && n > 1)
		}
		if !created || !changed {
			t.Fatalf("the world has no ties to break (created %v, changed %v)", created, changed)
		}
		filters := map[string]domain.OrderFilter{
			"All":      {},
			"Statuses": {Status: []string{domain.OrderNew, domain.OrderSent, domain.OrderHold}},
			"Customer": {CustomerID: []int64{w.Acme.ID}},
			"Type":     {OrderType: []string{domain.TypeNew}},
			"TN":       {TN: []string{"3125550103", "3125550102"}},
		}
		for name, f := range filters {
			for _, sort := range domain.OrderSorts {
				want := inSortOrder(w, all, f, sort)
				f := f
				f.Sort, f.Limit = sort, 4
				var pages [][]int64
				var got []int64
				var p *domain.OrderPage
				for {
					var err error
					if p, err = d.FindOrderPage(ctx, f, ""); err != nil {
						t.Fatalf("%s, %s: %v", name, sort.Label(), err)
					}
					if (p.Prev != "") != (len(pages) > 0) {
						t.Errorf("%s, %s: page %d has previous %q", name, sort.Label(), len(pages)+1, p.Prev)
					}
					pages = append(pages, pageIDs(p))
					got = append(got, pageIDs(p)...)
					if p.Next == "" {
						break
					}
					f.After = p.Next
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s, %s: forward %v, want %v", name, sort.Label(), got, want)
				}
				f.After = ""
				for i := len(pages) - 2; i >= 0; i-- {
					prev := p.Prev
					var err error
					if p, err = d.FindOrderPage(ctx, f, prev); err != nil {
						t.Fatalf("%s, %s: back to page %d: %v", name, sort.Label(), i+1, err)
					}
					if !slices.Equal(pageIDs(p), pages[i]) {
						t.Errorf("%s, %s: back to page %d: %v, want %v", name, sort.Label(), i+1, pageIDs(p), pages[i])
					}
					if p.Next == "" || (p.Prev != "") != (i > 0) {
						t.Errorf("%s, %s: page %d read back has next %q, previous %q", name, sort.Label(), i+1, p.Next, p.Prev)
					}
				}
			}
		}
	})
}

// TestFindOrderPageCursors: a cursor belongs to its sort, and a bad one is
// a field error on the parameter it came in, never a failure.
func TestFindOrderPageCursors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		mustSearchWorld(t, d)
		first, err := d.FindOrderPage(ctx, domain.OrderFilter{Page: domain.Page{Limit: 3}}, "")
		if err != nil || first.Next == "" {
			t.Fatalf("first page: %v, %+v", err, first)
		}
		_, err = d.FindOrderPage(ctx, domain.OrderFilter{Sort: domain.SortChanged, Page: domain.Page{Limit: 3, After: first.Next}}, "")
		wantField(t, err, "After")
		_, err = d.FindOrderPage(ctx, domain.OrderFilter{Sort: domain.SortOldest, Page: domain.Page{Limit: 3}}, first.Next)
		wantField(t, err, "Before")
		_, err = d.FindOrderPage(ctx, domain.OrderFilter{Page: domain.Page{Limit: 3}}, "not-a-cursor")
		wantField(t, err, "Before")
		_, err = d.FindOrderPage(ctx, domain.OrderFilter{Page: domain.Page{Limit: 3, After: first.Next}}, first.Next)
		wantField(t, err, "Before")
		_, err = d.FindOrderPage(ctx, domain.OrderFilter{Sort: "sideways"}, "")
		wantField(t, err, "Sort")
	})
}

// TestCountOrders: a filter is counted up to the bound, and past it says
// "more"; no filter, or Status alone, is counted exactly from the status
// counts however many there are.
func TestCountOrders(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w, all := mustSearchWorld(t, d)
		yes := true
		for name, f := range map[string]domain.OrderFilter{
			"Customer":      {CustomerID: []int64{w.Acme.ID}},
			"Type":          {OrderType: []string{domain.TypeNew}},
			"BillProfile":   {BillProfileID: []int64{w.Other}},
			"TN":            {TN: []string{"3125550103"}},
			"TNs":           {TN: []string{"3125550103", "3125550102", "3125550101", "3125552003"}},
			"AwaitingRoute": {RequiresRouteDecision: &yes},
			"StatusAndType": {Status: []string{domain.OrderNew}, OrderType: []string{domain.TypeNew}},
			"Nothing":       {PON: []string{"ZZZZZZZZZZZZZZZZ"}},
		} {
			n := int64(len(inSortOrder(w, all, f, domain.SortNewest)))
			for _, max := range []int{1, 5, 100} {
				c, err := d.CountOrders(ctx, f, max)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				want := domain.OrderCount{N: n}
				if n > int64(max) {
					want = domain.OrderCount{N: int64(max), More: true}
				}
				if c != want {
					t.Errorf("%s up to %d: %+v, want %+v (%d match)", name, max, c, want, n)
				}
			}
		}
		for name, f := range map[string]domain.OrderFilter{
			"All":      {},
			"Statuses": {Status: []string{domain.OrderNew, domain.OrderHold}},
		} {
			n := int64(len(inSortOrder(w, all, f, domain.SortNewest)))
			if c, err := d.CountOrders(ctx, f, 1); err != nil || c != (domain.OrderCount{N: n}) {
				t.Errorf("%s: %+v, %v; want exactly %d", name, c, err, n)
			}
		}
		_, err := d.CountOrders(ctx, domain.OrderFilter{Status: []string{"LOST"}}, 10)
		wantField(t, err, "Status[0]")
	})
}
