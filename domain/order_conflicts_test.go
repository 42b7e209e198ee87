package domain_test

import (
	"strings"
	"testing"
	"time"

	"switchboard/domain"
)

// holding is an open Change order 907 on line 1 whose op touches customer
// product cpID.
func holding(op string, cpID int64) func(f *fakeLookup) {
	return func(f *fakeLookup) {
		o := openOrder(907, domain.TypeChangeFeature, domain.ItemChange, 1)
		o.Items[0].Products = []*domain.OrderProduct{{Op: op, ProductID: 101, CustomerProductID: i64(cpID), Quantity: 2}}
		f.openOrders[1] = append(f.openOrders[1], o)
	}
}

func changeCP(id int64) domain.ProductChangesInput {
	return domain.ProductChangesInput{Change: domain.ProductChangeList{{CustomerProductID: id, Quantity: intp(3)}}}
}

func removeCP(id int64) domain.ProductChangesInput {
	return domain.ProductChangesInput{Remove: domain.ProductRemoveList{{CustomerProductID: id}}}
}

func TestPlanOrdersCreate_CustomerProductHeld(t *testing.T) {
	const held = "Customer product 1002 is held by open CHANGE_FEATURE order 907 (PON BBBBBBBBBBBBBBBB, status NEW), which "
	runCreateCases(t, []createCase{
		{name: "ConflictChangeWhatAnotherChanges", field: "Change.Lines[0].Change.Products.Change[0].CustomerProductID", message: held + "changes it",
			in: change(changeOf(1, "", changeCP(1002))), setup: holding(domain.ProductChange, 1002)},
		{name: "ConflictRemoveWhatAnotherChanges", field: "Change.Lines[0].Change.Products.Remove[0].CustomerProductID", message: held + "changes it",
			in: change(changeOf(1, "", removeCP(1002))), setup: holding(domain.ProductChange, 1002)},
		{name: "ConflictChangeWhatAnotherRemoves", field: "Change.Lines[0].Change.Products.Change[0].CustomerProductID", message: held + "removes it",
			in: change(changeOf(1, "", changeCP(1002))), setup: holding(domain.ProductRemove, 1002)},
		{name: "ConflictRemoveWhatAnotherRemoves", field: "Change.Lines[0].Change.Products.Remove[0].CustomerProductID", message: held + "removes it",
			in: change(changeOf(1, "", removeCP(1002))), setup: holding(domain.ProductRemove, 1002)},
		// Removing the hotspot (1003) removes its group's insurance (1004) too.
		{name: "ConflictRelatedRemoval", field: "Change.Lines[0].Change.Products", message: "Customer product 1004 is held by open CHANGE_FEATURE order 907",
			in: change(changeOf(1, "", removeCP(1003))), setup: holding(domain.ProductChange, 1004)},
		{name: "ErrBadInputBesideConflict", field: "Change.Lines[0].Change.Products.Change[0].Quantity", message: "Quantity must be greater than or equal to 1",
			in:    change(changeOf(1, "", domain.ProductChangesInput{Change: domain.ProductChangeList{{CustomerProductID: 1002, Quantity: intp(0)}}})),
			setup: holding(domain.ProductChange, 1002)},
	})

	t.Run("OKOtherProduct", func(t *testing.T) {
		lk := newFake()
		holding(domain.ProductRemove, 1003)(lk)
		if os := planCreate(t, lk, change(changeOf(1, "", changeCP(1002)))); len(os) != 1 {
			t.Fatalf("orders=%d, want 1", len(os))
		}
	})
	t.Run("OKHeldByFinishedOrder", func(t *testing.T) {
		lk := newFake()
		holding(domain.ProductRemove, 1002)(lk)
		lk.openOrders[1][0].Status = domain.OrderCanceled
		planCreate(t, lk, change(changeOf(1, "", changeCP(1002))))
	})
}

func TestPlanOrderUpdate_CustomerProductHeld(t *testing.T) {
	lk := newFake()
	holding(domain.ProductRemove, 1002)(lk)
	in := &domain.OrderUpdateInput{Lines: domain.UpdateLineList{{Change: &domain.LineChange{LineID: 1, Products: changeCP(1002)}}}}
	_, err := domain.PlanOrderUpdate(t.Context(), lk, storedOrder(nil), in, domain.RoleRep, now)
	if got := domain.ErrorCode(err); got != domain.ECONFLICT {
		t.Fatalf("code=%q, want conflict (%v)", got, err)
	}
	// The order being updated does not conflict with itself.
	lk.openOrders[1][0].ID = 50
	if _, err := domain.PlanOrderUpdate(t.Context(), lk, storedOrder(nil), in, domain.RoleRep, now); err != nil {
		t.Fatalf("updating the order that holds it: %v", err)
	}
}

func TestPlanOrderUpdate_CompleteWithProductGone(t *testing.T) {
	gone := func(op string) func(o *domain.Order) {
		return func(o *domain.Order) {
			o.Items[0].Products = append(o.Items[0].Products,
				&domain.OrderProduct{ID: 5001, OrderItemID: 500, Op: op, ProductID: 101, CustomerProductID: i64(9999), Description: "Voicemail", Quantity: 1})
		}
	}
	for _, op := range []string{domain.ProductChange, domain.ProductRemove} {
		t.Run(op, func(t *testing.T) {
			_, err := domain.PlanOrderUpdate(t.Context(), newFake(), storedOrder(gone(op)), &domain.OrderUpdateInput{Status: "COMPLETE"}, domain.RoleRep, now)
			if got := domain.ErrorCode(err); got != domain.ECONFLICT {
				t.Fatalf("code=%q, want conflict (%v)", got, err)
			}
			if got := fieldErrors(err)["Status"]; !strings.Contains(got, "Order 50 cannot complete") || !strings.Contains(got, "customer product 9999 (Voicemail) of line 1, which is no longer on the line") {
				t.Fatalf("Status error %q", got)
			}
			// Canceling it is still possible.
			if _, err := domain.PlanOrderUpdate(t.Context(), newFake(), storedOrder(gone(op)), &domain.OrderUpdateInput{Status: "CANCELED"}, domain.RoleSupervisor, now); err != nil {
				t.Fatalf("cancel: %v", err)
			}
		})
	}
	t.Run("OKProductThere", func(t *testing.T) {
		o := storedOrder(func(o *domain.Order) {
			o.Items[0].Products = append(o.Items[0].Products, &domain.OrderProduct{Op: domain.ProductRemove, CustomerProductID: i64(1002), ProductID: 101})
		})
		planUpdate(t, o, &domain.OrderUpdateInput{Status: "COMPLETE"}, domain.RoleRep)
	})
}

func TestPlanOrderUpdate_OrderIDAndCompletionDate(t *testing.T) {
	created := time.Date(2026, 3, 10, 18, 30, 0, 0, time.UTC) // now is 2026-03-14 15:09:26
	for _, tt := range []struct {
		name, field, message string
		in                   domain.OrderUpdateInput
	}{
		{"ErrOrderIDDiffers", "OrderID", "OrderID 51 in the body is not the order being updated (50, in the path)",
			domain.OrderUpdateInput{OrderID: i64(51), Status: "SENT"}},
		{"ErrCompletionBeforeCreation", "CompletionDate", "CompletionDate 2026-03-09 is before the order was created (2026-03-10)",
			domain.OrderUpdateInput{Status: "COMPLETE", CompletionDate: "2026-03-09"}},
		{"ErrCompletionTimeBeforeCreation", "CompletionDate", "is before the order was created",
			domain.OrderUpdateInput{Status: "COMPLETE", CompletionDate: "2026-03-10T12:00:00Z"}},
		{"ErrCompletionTomorrow", "CompletionDate", "CompletionDate 2026-03-15 is in the future (it is now 2026-03-14)",
			domain.OrderUpdateInput{Status: "COMPLETE", CompletionDate: "2026-03-15"}},
		{"ErrCompletionLaterToday", "CompletionDate", "is in the future",
			domain.OrderUpdateInput{Status: "COMPLETE", CompletionDate: "2026-03-14T16:00:00Z"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o := storedOrder(func(o *domain.Order) { o.CreatedAt = created })
			plan, err := domain.PlanOrderUpdate(t.Context(), newFake(), o, &tt.in, domain.RoleRep, now)
			if plan != nil {
				t.Fatalf("plan=%+v, want none", plan)
			}
			wantFieldError(t, err, tt.field, tt.message)
		})
	}
	for _, in := range []domain.OrderUpdateInput{
		{OrderID: i64(50), Status: "SENT"},
		{Status: "COMPLETE", CompletionDate: "2026-03-10"}, // the day it was created
		{Status: "COMPLETE", CompletionDate: "2026-03-14"}, // today
		{Status: "COMPLETE", CompletionDate: "2026-03-12T09:00:00-05:00"},
	} {
		o := storedOrder(func(o *domain.Order) { o.CreatedAt = created })
		if _, err := domain.PlanOrderUpdate(t.Context(), newFake(), o, &in, domain.RoleRep, now); err != nil {
			t.Errorf("%+v: %v", in, err)
		}
	}
	if _, err := domain.PlanOrderUpdate(t.Context(), newFake(), storedOrder(nil), &domain.OrderUpdateInput{OrderID: i64(50)}, domain.RoleRep, now); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("OrderID alone: %v, want nothing to update", err)
	}
}

func TestPlanOrderUpdate_Unchanged(t *testing.T) {
	o := storedOrder(func(o *domain.Order) { o.TrackingNumber = "1Z999" })
	for _, in := range []domain.OrderUpdateInput{
		{TrackingNumber: strp("1Z999")},
		{Status: "NEW"},
		{FlowThroughFlag: boolp(true), StatusNote: nil},
	} {
		if plan := planUpdate(t, o, &in, domain.RoleRep); !plan.Unchanged() {
			t.Errorf("%+v: changes %v, want none", in, plan.Changes)
		}
	}
	if plan := planUpdate(t, o, &domain.OrderUpdateInput{TrackingNumber: strp("1Z000")}, domain.RoleRep); plan.Unchanged() {
		t.Error("a new TrackingNumber: plan unchanged")
	}
}
