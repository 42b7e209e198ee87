package domain_test

import (
	"bytes"
	"crypto/rand"
	"errors"
	"strings"
	"testing"
	"testing/iotest"

	"switchboard/domain"
)

func TestNewPON(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		seen := map[string]bool{}
		for range 1000 {
			pon, err := domain.NewPON(rand.Reader)
			if err != nil {
				t.Fatal(err)
			}
			if !domain.ValidPON(pon) {
				t.Fatalf("PON %q is not valid", pon)
			}
			if seen[pon] {
				t.Fatalf("PON %q drawn twice", pon)
			}
			seen[pon] = true
		}
	})
	t.Run("Deterministic", func(t *testing.T) {
		src := bytes.Repeat([]byte{0, 1, 25, 26, 35, 36, 251, 252, 255}, 8)
		pon, err := domain.NewPON(bytes.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		// 252 and 255 are dropped; 36 wraps to A; 251 is 251%36 = 35 → 9.
		if got, want := pon, "ABZ0"+"9A9"+"ABZ09A9"+"AB"; got != want {
			t.Fatalf("PON=%q, want %q", got, want)
		}
	})
	t.Run("ErrReader", func(t *testing.T) {
		if _, err := domain.NewPON(iotest.ErrReader(errors.New("no entropy"))); err == nil {
			t.Fatal("want an error")
		}
	})
	t.Run("ErrUselessBytes", func(t *testing.T) {
		if _, err := domain.NewPON(bytes.NewReader(bytes.Repeat([]byte{255}, 4096))); err == nil {
			t.Fatal("want an error")
		}
	})
}

func TestValidPON(t *testing.T) {
	for _, tt := range []struct {
		pon  string
		want bool
	}{
		{"ABCDEFGH12345678", true},
		{"0000000000000000", true},
		{"abcdefgh12345678", false},
		{"ABCDEFGH1234567", false},
		{"ABCDEFGH123456789", false},
		{"ABCDEFGH-2345678", false},
		{"", false},
	} {
		if got := domain.ValidPON(tt.pon); got != tt.want {
			t.Errorf("ValidPON(%q)=%v, want %v", tt.pon, got, tt.want)
		}
	}
}

func TestEnums(t *testing.T) {
	for _, tt := range []struct {
		name string
		got  []string
		want string
	}{
		{"OrderStatuses", domain.OrderStatuses, "NEW SENT ERROR CONFIRMED COMPLETE CANCELED HOLD FLOW_ERROR PAYMENT_HOLD LIFELINE_HOLD JEOPARDY PROVISIONED"},
		{"OrderTypes", domain.OrderTypes, "NEW SUSPEND DISCONNECT RESTORE ADD_LINE CHANGE_FEATURE PACKAGE_CHANGE PORT"},
		{"SuspendTypes", domain.SuspendTypes, "ALL INCOMING OUTGOING"},
		{"BillingOptions", domain.BillingOptions, "DIFFERENCE NEXT_CYCLE PRORATE"},
		{"ShippingStatuses", domain.ShippingStatuses, "NOT_REQUIRED NOT_SHIPPED SHIPPED"},
	} {
		if got := strings.Join(tt.got, " "); got != tt.want {
			t.Errorf("%s=%q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestOrder_Validate(t *testing.T) {
	valid := func() *domain.Order {
		return &domain.Order{PON: "ABCDEFGH12345678", Type: domain.TypeSuspend, Status: domain.OrderNew, CustomerID: 1,
			CarrierID: 1, CarrierAccountID: 10, SuspendType: domain.SuspendAll,
			Items: []*domain.OrderItem{{LineID: 1, Action: domain.ItemSuspend}}}
	}
	for _, tt := range []struct {
		name, field string
		change      func(o *domain.Order)
	}{
		{"ErrPON", "PON", func(o *domain.Order) { o.PON = "short" }},
		{"ErrType", "OrderType", func(o *domain.Order) { o.Type = "BOGUS" }},
		{"ErrStatus", "Status", func(o *domain.Order) { o.Status = "NOT_SPECIFIED" }},
		{"ErrCustomer", "CustomerID", func(o *domain.Order) { o.CustomerID = 0 }},
		{"ErrCarrier", "CarrierID", func(o *domain.Order) { o.CarrierID = 0 }},
		{"ErrAccount", "CarrierAccountID", func(o *domain.Order) { o.CarrierAccountID = 0 }},
		{"ErrShipping", "ShippingStatus", func(o *domain.Order) { o.ShippingStatus = "LOST" }},
		{"ErrSuspendType", "SuspendType", func(o *domain.Order) { o.SuspendType = "SOME" }},
		{"ErrBilling", "BillingOption", func(o *domain.Order) { o.BillingOption = "NEVER" }},
		{"ErrNoLines", "Lines", func(o *domain.Order) { o.Items = nil }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o := valid()
			tt.change(o)
			wantFieldError(t, o.Validate(), tt.field, "")
		})
	}
	t.Run("OK", func(t *testing.T) {
		if err := valid().Validate(); err != nil {
			t.Fatal(err)
		}
	})
}

func TestOrder_ItemAndTNs(t *testing.T) {
	o := &domain.Order{Items: []*domain.OrderItem{nil, {LineID: 4, TN: "3125550104"}, {LineID: 9}}}
	if got := o.Item(9); got == nil || got.LineID != 9 {
		t.Fatalf("Item(9)=%v", got)
	}
	if got := o.Item(5); got != nil {
		t.Fatalf("Item(5)=%v, want nil", got)
	}
	if got, want := strings.Join(o.TNs(), ","), "3125550104"; got != want {
		t.Fatalf("TNs=%q, want %q", got, want)
	}
}
