package domain_test

import (
	"errors"
	"testing"

	"switchboard/domain"
)

func TestDraftValues(t *testing.T) {
	rate := domain.Money(49900)
	v := domain.NewDraftValues(domain.NewOrdersInput{CustomerID: 7, AdditionalProducts: domain.AdditionalProductList{{ProductID: 3, Rate: &rate}},
		WirelessPort: &domain.WirelessPortInput{MDN: "8475550101", PINPassword: domain.NewSecret("1234")}},
		map[string]string{"AdditionalProducts[0].Quantity": "two"}, domain.NewServiceAnswers{NumberMode: "port"})
	data, err := v.Encode()
	if err != nil {
		t.Fatal(err)
	}
	got, err := domain.DecodeDraftValues[domain.NewOrdersInput, domain.NewServiceAnswers](data)
	if err != nil {
		t.Fatal(err)
	}
	if got.Input.CustomerID != 7 || *got.Input.AdditionalProducts[0].Rate != rate || got.Answers.NumberMode != "port" ||
		got.Input.WirelessPort.MDN != "8475550101" || !got.Input.WirelessPort.PINPassword.IsZero() {
		t.Errorf("decoded %+v from %s", got, data)
	}
	if !domain.HasUnparsed(data) || got.Text("AdditionalProducts[0].Quantity", "1") != "two" || got.Text("CustomerID", "7") != "7" {
		t.Errorf("text kept as typed: %v", got.Unparsed)
	}
	if data, _ := domain.NewDraftValues(domain.NewOrdersInput{}, map[string]string{}, domain.NewServiceAnswers{}).Encode(); domain.HasUnparsed(data) {
		t.Errorf("nothing unparsed: %s", data)
	}

	for _, tc := range []struct{ name, data string }{
		{"version 1", `{"Version":1,"Values":{"CustomerID":"7"}}`},
		{"unversioned", `{"CustomerID":"7"}`},
		{"a later version", `{"Version":3,"Input":{}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := domain.DecodeDraftValues[domain.OrdersCreateInput, domain.ChangeServiceAnswers]([]byte(tc.data)); !errors.Is(err, domain.ErrDraftVersion) {
				t.Errorf("%s: %v, want ErrDraftVersion", tc.data, err)
			}
		})
	}
}
