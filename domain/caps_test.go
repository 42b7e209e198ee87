package domain_test

import (
	"fmt"
	"testing"

	"switchboard/domain"
)

// TestPlanListCaps: the rules hold a request's lists to their caps however
// the request came (a page form as well as the API), before looking at any entry.
func TestPlanListCaps(t *testing.T) {
	lines := make(domain.UpdateLineList, domain.MaxRequestLines+1)
	for i := range lines {
		lines[i] = &domain.UpdateLine{Change: &domain.LineChange{LineID: 1, Products: addOf(102)}}
	}
	_, err := domain.PlanOrderUpdate(t.Context(), newFake(), storedOrder(nil), &domain.OrderUpdateInput{Lines: lines}, domain.RoleRep, now)
	wantFieldError(t, err, "Lines", fmt.Sprintf("Lines may hold at most %d entries; it holds %d", domain.MaxRequestLines, len(lines)))
	if got := len(fieldErrors(err)); got != 1 {
		t.Fatalf("%d field errors, want only the cap's: %v", got, fieldErrors(err))
	}
}
