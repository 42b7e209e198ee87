package domain_test

import (
	"net/url"
	"testing"

	"switchboard/domain"
)

func TestOrderFilter_Validate(t *testing.T) {
	for _, tt := range []struct {
		name, field, message string
		f                    domain.OrderFilter
	}{
		{"ErrStatus", "Status[1]", "Status[1] must be one of NEW, SENT, ERROR, CONFIRMED, COMPLETE, CANCELED, HOLD, FLOW_ERROR, PAYMENT_HOLD, LIFELINE_HOLD, JEOPARDY, PROVISIONED",
			domain.OrderFilter{Status: []string{"NEW", "DONE"}}},
		{"ErrOrderType", "OrderType[0]", "OrderType[0] must be one of NEW, SUSPEND, DISCONNECT, RESTORE, ADD_LINE, CHANGE_FEATURE, PACKAGE_CHANGE, PORT",
			domain.OrderFilter{OrderType: []string{"Suspend"}}},
		{"ErrPON", "PON[0]", "PON[0] must be 16 letters and digits", domain.OrderFilter{PON: []string{"ABC"}}},
		{"ErrTN", "TN[0]", "TN[0] must be 10 digits", domain.OrderFilter{TN: []string{"555-0101"}}},
		{"ErrIdentifier", "Identifier[0]", "Identifier[0] must not be empty", domain.OrderFilter{Identifier: []string{" "}}},
		{"ErrCustomerID", "CustomerID[1]", "CustomerID[1] must be a positive number", domain.OrderFilter{CustomerID: []int64{4, 0}}},
		{"ErrBillProfileID", "BillProfileID[0]", "BillProfileID[0] must be a positive number", domain.OrderFilter{BillProfileID: []int64{-1}}},
		{"ErrCarrierID", "CarrierID[0]", "CarrierID[0] must be a positive number", domain.OrderFilter{CarrierID: []int64{-1}}},
		{"ErrOrderID", "OrderID[0]", "OrderID[0] must be a positive number", domain.OrderFilter{OrderID: []int64{-1}}},
		{"ErrTooMany", "OrderID", "OrderID may list at most 500 values", domain.OrderFilter{OrderID: make501()}},
		{"ErrLimit", "Limit", "Limit must be between 1 and 500", domain.OrderFilter{Page: domain.Page{Limit: 501}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			wantFieldError(t, tt.f.Validate(), tt.field, tt.message)
		})
	}
	t.Run("OKNormalizes", func(t *testing.T) {
		f := domain.OrderFilter{PON: []string{" abcdefgh12345678 "}, TN: []string{"(312) 555-0101"}, Status: []string{"NEW"}}
		if err := f.Validate(); err != nil {
			t.Fatal(err)
		}
		if got, want := f.PON[0], "ABCDEFGH12345678"; got != want {
			t.Errorf("PON=%q, want %q", got, want)
		}
		if got, want := f.TN[0], "3125550101"; got != want {
			t.Errorf("TN=%q, want %q", got, want)
		}
		if got, want := f.Limit, 50; got != want {
			t.Errorf("Limit=%d, want the default %d", got, want)
		}
	})
}

func make501() []int64 {
	ids := make([]int64, 501)
	for i := range ids {
		ids[i] = int64(i + 1)
	}
	return ids
}

func TestParseOrderFilter(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		q, _ := url.ParseQuery("Status=NEW&Status=SENT&Status=&CustomerID=4&CustomerID=5&BillProfileID=1&CarrierID=2&OrderID=9" +
			"&OrderType=SUSPEND&PON=abcdefgh12345678&TN=3125550101&Identifier=ESN-1&ShowServiceDetails=true&RequiresRouteDecision=false&Limit=10&After=xyz")
		f, err := domain.ParseOrderFilter(q)
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Status) != 2 || f.Status[1] != "SENT" || len(f.CustomerID) != 2 || f.CustomerID[1] != 5 {
			t.Errorf("Status=%v CustomerID=%v", f.Status, f.CustomerID)
		}
		if len(f.BillProfileID) != 1 || len(f.CarrierID) != 1 || len(f.OrderID) != 1 || len(f.OrderType) != 1 || len(f.Identifier) != 1 {
			t.Errorf("filter=%+v", f)
		}
		if f.PON[0] != "ABCDEFGH12345678" || f.TN[0] != "3125550101" {
			t.Errorf("PON=%v TN=%v", f.PON, f.TN)
		}
		if !f.ShowServiceDetails || f.RequiresRouteDecision == nil || *f.RequiresRouteDecision {
			t.Errorf("ShowServiceDetails=%v RequiresRouteDecision=%v", f.ShowServiceDetails, f.RequiresRouteDecision)
		}
		if f.Limit != 10 || f.After != "xyz" {
			t.Errorf("Limit=%d After=%q", f.Limit, f.After)
		}
	})
	t.Run("Empty", func(t *testing.T) {
		f, err := domain.ParseOrderFilter(nil)
		if err != nil {
			t.Fatal(err)
		}
		if f.RequiresRouteDecision != nil || f.Limit != 50 {
			t.Errorf("filter=%+v", f)
		}
	})
	for _, tt := range []struct {
		name, query, field, message string
	}{
		{"ErrUnknown", "Colour=red", "Colour", "Unknown parameter Colour"},
		{"ErrNotANumber", "CustomerID=4&CustomerID=four", "CustomerID[1]", "CustomerID[1] must be a whole number"},
		{"ErrNotABool", "RequiresRouteDecision=maybe", "RequiresRouteDecision", "RequiresRouteDecision must be true or false"},
		{"ErrLimit", "Limit=many", "Limit", "Limit must be a whole number"},
		{"ErrLimitZero", "Limit=0", "Limit", "Limit must be a whole number from 1 to 500 (leave it out for 50)"},
		{"ErrLimitNegative", "Limit=-1", "Limit", "Limit must be a whole number from 1 to 500 (leave it out for 50)"},
		{"ErrLimitTooMany", "Limit=501", "Limit", "Limit must be a whole number from 1 to 500 (leave it out for 50)"},
		{"ErrStatus", "Status=NEW&Status=new", "Status[1]", "Status[1] must be one of"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			q, _ := url.ParseQuery(tt.query)
			_, err := domain.ParseOrderFilter(q)
			wantFieldError(t, err, tt.field, tt.message)
		})
	}
}
