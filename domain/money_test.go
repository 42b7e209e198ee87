package domain_test

import (
	"encoding/json"
	"testing"

	"switchboard/domain"
)

func TestParseMoney(t *testing.T) {
	for _, tt := range []struct {
		in      string
		want    domain.Money
		wantErr bool
	}{
		{"12", 120000, false},
		{"12.5", 125000, false},
		{"$4.99", 49900, false},
		{"-10", -100000, false},
		{"0.0125", 125, false},
		{".5", 5000, false},
		{" 3.00 ", 30000, false},
		{"", 0, true},
		{"1.23456", 0, true},
		{"abc", 0, true},
		{"1,000", 0, true},
		{"1e5", 0, true},
		{"9999999999999", 0, true},
	} {
		got, err := domain.ParseMoney(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseMoney(%q) err=%v, wantErr %v", tt.in, err, tt.wantErr)
		} else if got != tt.want {
			t.Errorf("ParseMoney(%q)=%d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestMoneyFormat(t *testing.T) {
	for _, tt := range []struct {
		m            domain.Money
		str, dollars string
	}{
		{450000, "45.00", "$45.00"},
		{29900, "2.99", "$2.99"},
		{-100000, "-10.00", "-$10.00"},
		{350, "0.035", "$0.035"},
		{125, "0.0125", "$0.0125"},
		{0, "0.00", "$0.00"},
	} {
		if got := tt.m.String(); got != tt.str {
			t.Errorf("Money(%d).String()=%q, want %q", tt.m, got, tt.str)
		}
		if got := tt.m.Dollars(); got != tt.dollars {
			t.Errorf("Money(%d).Dollars()=%q, want %q", tt.m, got, tt.dollars)
		}
	}
}

func TestMoneyJSON(t *testing.T) {
	var v struct{ Rate domain.Money }
	if err := json.Unmarshal([]byte(`{"Rate": -3.5}`), &v); err != nil || v.Rate != -35000 {
		t.Fatalf("unmarshal -3.5: %v %d", err, v.Rate)
	}
	if err := json.Unmarshal([]byte(`{"Rate": "x"}`), &v); err == nil {
		t.Fatal("unmarshal \"x\": want an error")
	}
	b, _ := json.Marshal(struct{ Rate domain.Money }{125})
	if got, want := string(b), `{"Rate":0.0125}`; got != want {
		t.Fatalf("marshal=%s, want %s", got, want)
	}
}
