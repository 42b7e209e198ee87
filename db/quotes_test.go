package db_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"switchboard/db"
	"switchboard/db/dbtest"
	"switchboard/domain"
)

// quoteWorld is a customer with an open quote holding one service of a
// design allowing Port and Cease up to max numbers.
type quoteWorld struct {
	Rep     *domain.User
	Quote   *domain.Quote
	Design  *domain.ServiceDesign
	Service *domain.OrderService
}

func mustQuoteWorld(tb testing.TB, d *db.DB, max int64) *quoteWorld {
	tb.Helper()
	r := mustSeedRef(tb, d)
	w := &quoteWorld{Rep: mustCreateUser(tb, d, "quote-rep", domain.RoleRep)}
	ctx := asUser(w.Rep)
	c := mustCreateCustomer(tb, d, "Acme Freight", r.BillProfile)
	w.Design = &domain.ServiceDesign{Name: "SIP trunk", PortingNumberControl: true, PortActions: []string{"Cease", "Port"}, MaxPortQuantity: max}
	if err := d.CreateServiceDesign(ctx, w.Design); err != nil {
		tb.Fatal(err)
	}
	var err error
	if w.Quote, err = d.CreateQuote(ctx, c.ID); err != nil {
		tb.Fatal(err)
	}
	if w.Service, err = d.AddOrderService(ctx, w.Quote.ID, w.Design.ID); err != nil {
		tb.Fatal(err)
	}
	return w
}

func TestQuotes(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := mustQuoteWorld(t, d, 10)
		ctx := asUser(w.Rep)
		if got, want := w.Design.PortActions, []string{"Port", "Cease"}; fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("PortActions = %v, want %v", got, want)
		}

		t.Run("AddFindChangeRemove", func(t *testing.T) {
			added, err := d.AddPortNumbers(ctx, w.Service.ID, []domain.PortNumberInput{{FirstNumber: ptr("0312555010"), Quantity: ptr(int64(3))}})
			if err != nil {
				t.Fatal(err)
			}
			pn := added[0]
			if pn.LastNumber != "0312555012" || pn.PortAction != "Port" || pn.ID == 0 {
				t.Fatalf("added %+v", pn)
			}
			changed, err := d.UpdatePortNumber(ctx, w.Service.ID, pn.ID, domain.PortNumberInput{FirstNumber: ptr("0312555010"), LastNumber: ptr("0312555013"), PortAction: ptr("Cease")})
			if err != nil {
				t.Fatal(err)
			}
			if changed.Quantity != 4 {
				t.Fatalf("changed %+v", changed)
			}
			s, err := d.FindOrderService(context.Background(), w.Service.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.PortNumbers) != 1 || s.PortNumbers[0].Quantity != 4 || s.PortNumbers[0].PortAction != "Cease" || s.PortQuantity() != 4 {
				t.Fatalf("service ranges %+v", s.PortNumbers)
			}
			if err := d.RemovePortNumber(ctx, w.Service.ID, pn.ID); err != nil {
				t.Fatal(err)
			}
			if n := count(t, d, "port_numbers", "order_service_id = ?", w.Service.ID); n != 0 {
				t.Fatalf("%d ranges left", n)
			}
			evs, err := d.FindAuditEvents(context.Background(), domain.EntityQuote, w.Quote.ID)
			if err != nil {
				t.Fatal(err)
			}
			var actions []string
			for _, ev := range evs {
				actions = append(actions, ev.Action+" by "+ev.UserName)
			}
			want := "[quote started by quote-rep service added by quote-rep port numbers added by quote-rep port number changed by quote-rep port number removed by quote-rep]"
			if fmt.Sprint(actions) != want {
				t.Fatalf("history %v, want %s", actions, want)
			}
		})

		t.Run("ErrUnknownService", func(t *testing.T) {
			_, err := d.AddPortNumbers(ctx, 999999, []domain.PortNumberInput{{FirstNumber: ptr("1")}})
			wantCode(t, err, domain.ENOTFOUND)
			if fs := domain.ErrorFields(err); len(fs) != 1 || fs[0].Field != "OrderServices.OrderServiceID" || fs[0].Message != "Error retrieving the Order Service with ID 999999." {
				t.Fatalf("fields %+v", fs)
			}
		})
		t.Run("ErrUnknownPortNumber", func(t *testing.T) {
			_, err := d.UpdatePortNumber(ctx, w.Service.ID, 424242, domain.PortNumberInput{FirstNumber: ptr("1")})
			if fs := domain.ErrorFields(err); len(fs) != 1 || fs[0].Field != "PortNumbers.ID" || fs[0].Message != "Error saving numbers." {
				t.Fatalf("err %v", err)
			}
			err = d.RemovePortNumber(ctx, w.Service.ID, 424242)
			if fs := domain.ErrorFields(err); len(fs) != 1 || fs[0].Field != "PortNumbers.ID" {
				t.Fatalf("err %v", err)
			}
		})
		t.Run("PasteAllOrNone", func(t *testing.T) {
			ins := []domain.PortNumberInput{{FirstNumber: ptr("7000"), Quantity: ptr(int64(5))}, {FirstNumber: ptr("8000"), Quantity: ptr(int64(6))}}
			_, err := d.AddPortNumbers(ctx, w.Service.ID, ins)
			wantCode(t, err, domain.EINVALID)
			if n := count(t, d, "port_numbers", "order_service_id = ?", w.Service.ID); n != 0 {
				t.Fatalf("a refused paste stored %d ranges", n)
			}
		})
		t.Run("ConvertClosesTheQuote", func(t *testing.T) {
			if _, err := d.AddPortNumbers(ctx, w.Service.ID, []domain.PortNumberInput{{AssociatedNumber: ptr("3125550100")}}); err != nil {
				t.Fatal(err)
			}
			q, err := d.ConvertQuote(ctx, w.Quote.ID)
			if err != nil || q.IsQuote || q.ConvertedAt == nil {
				t.Fatalf("ConvertQuote = %+v, %v", q, err)
			}
			_, err = d.AddPortNumbers(ctx, w.Service.ID, []domain.PortNumberInput{{FirstNumber: ptr("5")}})
			wantCode(t, err, domain.EFORBIDDEN)
			wantCode(t, d.RemovePortNumber(ctx, w.Service.ID, 1), domain.EFORBIDDEN)
			_, err = d.AddOrderService(ctx, w.Quote.ID, w.Design.ID)
			wantCode(t, err, domain.EFORBIDDEN)
			_, err = d.ConvertQuote(ctx, w.Quote.ID)
			wantCode(t, err, domain.EFORBIDDEN)
			full, err := d.FindQuoteByID(context.Background(), w.Quote.ID)
			if err != nil || len(full.OrderServices) != 1 || len(full.OrderServices[0].PortNumbers) != 1 || full.CustomerName != "Acme Freight" {
				t.Fatalf("FindQuoteByID = %+v, %v", full, err)
			}
			if a := full.OrderServices[0].PortNumbers[0].AssociatedNumber; a == nil || *a != "3125550100" {
				t.Fatalf("associated number %v", a)
			}
		})
		t.Run("ErrUnknownCustomerAndDesign", func(t *testing.T) {
			_, err := d.CreateQuote(ctx, 999999)
			wantCode(t, err, domain.EINVALID)
			q, err := d.CreateQuote(ctx, w.Quote.CustomerID)
			if err != nil {
				t.Fatal(err)
			}
			_, err = d.AddOrderService(ctx, q.ID, 999999)
			wantCode(t, err, domain.EINVALID)
			_, err = d.AddOrderService(ctx, 999999, w.Design.ID)
			wantCode(t, err, domain.ENOTFOUND)
		})
		t.Run("DesignUpdate", func(t *testing.T) {
			dd := *w.Design
			dd.MaxPortQuantity = 20
			dd.PortActions = []string{"Port"}
			if err := d.UpdateServiceDesign(ctx, &dd); err != nil {
				t.Fatal(err)
			}
			got, err := d.FindServiceDesignByID(context.Background(), dd.ID)
			if err != nil || got.MaxPortQuantity != 20 || fmt.Sprint(got.PortActions) != "[Port]" {
				t.Fatalf("design %+v, %v", got, err)
			}
			wantCode(t, d.UpdateServiceDesign(ctx, &domain.ServiceDesign{ID: 999999, Name: "x"}), domain.ENOTFOUND)
			wantCode(t, d.CreateServiceDesign(ctx, &domain.ServiceDesign{Name: "", PortingNumberControl: true}), domain.EINVALID)
		})
	})
}

// Many reps adding overlapping ranges to one service at the same moment:
// the stored ranges never overlap and never hold more than X numbers, and
// every refusal is one of the seed's.
func TestAddPortNumbers_Concurrent(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		const max = 25
		w := mustQuoteWorld(t, d, max)
		ctx := asUser(w.Rep)
		var wg sync.WaitGroup
		const n = 24
		errs := make([]error, n)
		for i := range n {
			wg.Go(func() {
				// Ranges of 4 starting every 2 numbers: each overlaps its neighbours.
				first := fmt.Sprintf("31255501%02d", 2*i)
				_, errs[i] = d.AddPortNumbers(ctx, w.Service.ID, []domain.PortNumberInput{{FirstNumber: &first, Quantity: ptr(int64(4))}})
			})
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
				continue
			}
			wantCode(t, err, domain.EINVALID)
			for _, f := range domain.ErrorFields(err) {
				if f.Field != "Order.PortNumber" && f.Field != "PortNumber.Quantity" {
					t.Fatalf("unexpected refusal %+v", f)
				}
			}
		}
		s, err := d.FindOrderService(context.Background(), w.Service.ID)
		if err != nil {
			t.Fatal(err)
		}
		if s.PortQuantity() > max {
			t.Fatalf("service holds %d numbers, more than %d", s.PortQuantity(), max)
		}
		for i, a := range s.PortNumbers {
			for _, b := range s.PortNumbers[i+1:] {
				if a.Overlaps(b) {
					t.Fatalf("stored ranges %s and %s overlap", a.Range(), b.Range())
				}
			}
		}
		if ok != len(s.PortNumbers) || ok < 2 {
			t.Fatalf("%d additions succeeded, %d ranges stored", ok, len(s.PortNumbers))
		}
	})
}
