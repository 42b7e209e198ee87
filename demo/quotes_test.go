package demo_test

import (
	"context"
	"testing"

	"switchboard/db"
)

// checkDemoQuotes: designs with and without a PortingNumber control, one
// allowing Port and Cease up to at least 100 numbers; an open quote whose
// services hold port numbers; a converted one.
func checkDemoQuotes(t *testing.T, d *db.DB) {
	ctx := context.Background()
	ds, err := d.FindServiceDesigns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	with, without, portAndCease := 0, 0, 0
	for _, sd := range ds {
		if !sd.PortingNumberControl {
			without++
			continue
		}
		with++
		if sd.Allows("Port") && sd.Allows("Cease") && sd.MaxPortQuantity >= 100 {
			portAndCease++
		}
	}
	if with == 0 || without == 0 || portAndCease == 0 {
		t.Fatalf("designs: %d with a control, %d without, %d allowing Port and Cease up to 100+", with, without, portAndCease)
	}
	open, converted := 0, 0
	for id := int64(1); id <= 3; id++ {
		q, err := d.FindQuoteByID(ctx, id)
		if err != nil {
			t.Fatalf("quote %d: %v", id, err)
		}
		if !q.IsQuote {
			converted++
			continue
		}
		numbers := int64(0)
		for _, s := range q.OrderServices {
			numbers += s.PortQuantity()
		}
		if len(q.OrderServices) > 0 && numbers > 0 {
			open++
		}
	}
	if open == 0 || converted == 0 {
		t.Fatalf("%d open quotes with port numbers, %d converted", open, converted)
	}
}
