package domain_test

import (
	"testing"

	"switchboard/domain"
)

func goodAddress() domain.Address {
	return domain.Address{FirstName: "Ann", LastName: "Lee", Address1: "1 Main St", City: "Austin", State: "tx", Zip: "78701"}
}

func TestAddressValidate(t *testing.T) {
	for _, tt := range []struct {
		name    string
		change  func(a *domain.Address)
		idGiven bool
		field   string // "" means valid
	}{
		{"OK", func(a *domain.Address) {}, false, ""},
		{"OKWithZip4", func(a *domain.Address) { a.Zip4 = "1234" }, false, ""},
		{"ErrIDProhibited", func(a *domain.Address) {}, true, "P.ID"},
		{"ErrFirstNameRequired", func(a *domain.Address) { a.FirstName = " " }, false, "P.FirstName"},
		{"ErrLastNameRequired", func(a *domain.Address) { a.LastName = "" }, false, "P.LastName"},
		{"ErrAddress1Required", func(a *domain.Address) { a.Address1 = "" }, false, "P.Address1"},
		{"ErrCityRequired", func(a *domain.Address) { a.City = "" }, false, "P.City"},
		{"ErrStateRequired", func(a *domain.Address) { a.State = "" }, false, "P.State"},
		{"ErrStateTwoLetters", func(a *domain.Address) { a.State = "Texas" }, false, "P.State"},
		{"ErrZipRequired", func(a *domain.Address) { a.Zip = "" }, false, "P.Zip"},
		{"ErrZipFiveDigits", func(a *domain.Address) { a.Zip = "7870" }, false, "P.Zip"},
		{"ErrZipNotValid", func(a *domain.Address) { a.Zip = "00000" }, false, "P.Zip"},
		{"ErrZipDoesNotExist99999", func(a *domain.Address) { a.Zip = "99999" }, false, "P.Zip"},
		{"ErrZipDoesNotExist00001", func(a *domain.Address) { a.Zip = "00001" }, false, "P.Zip"},
		{"ErrZipNotInState", func(a *domain.Address) { a.Zip = "60601" }, false, "P.Zip"},
		{"OKZipOfAnotherState", func(a *domain.Address) { a.Zip, a.State = "60601", "IL" }, false, ""},
		{"OKForeignPostalCode", func(a *domain.Address) { a.Zip, a.State, a.Country = "99999", "ON", "CAN" }, false, ""},
		{"ErrCountryNotISO", func(a *domain.Address) { a.Country = "XYZ" }, false, "P.Country"},
		{"OKCountryMexico", func(a *domain.Address) { a.Country = "mex" }, false, ""},
		{"ErrZip4FourDigits", func(a *domain.Address) { a.Zip4 = "12" }, false, "P.Zip4"},
		{"ErrCountryThreeLetters", func(a *domain.Address) { a.Country = "US" }, false, "P.Country"},
		{"ErrTooLong", func(a *domain.Address) { a.City = string(make([]byte, 101)) }, false, "P.City"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := goodAddress()
			tt.change(&a)
			a.Normalize()
			var p domain.Problems
			a.Validate(&p, "P", tt.idGiven)
			if tt.field == "" {
				if err := p.Err(); err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			if !p.Has(tt.field) {
				t.Fatalf("want a problem on %s, got %v", tt.field, p.Err())
			}
		})
	}
}

func TestAddressNormalize(t *testing.T) {
	a := goodAddress()
	a.Country = ""
	a.Normalize()
	if got, want := a.Country, "USA"; got != want {
		t.Errorf("Country=%q, want %q (the seed's default)", got, want)
	}
	if got, want := a.State, "TX"; got != want {
		t.Errorf("State=%q, want %q", got, want)
	}
}

func TestZipState(t *testing.T) {
	for _, tt := range []struct {
		zip, state string
		ok         bool
	}{
		{"00501", "NY", true}, {"60601", "IL", true}, {"78701", "TX", true}, {"96950", "MP", true}, {"99950", "AK", true},
		{"00000", "", false}, {"00001", "", false}, {"99999", "", false}, {"6060", "", false}, {"6060a", "", false},
	} {
		st, ok := domain.ZipState(tt.zip)
		if st != tt.state || ok != tt.ok {
			t.Errorf("ZipState(%q) = %q, %v; want %q, %v", tt.zip, st, ok, tt.state, tt.ok)
		}
	}
	for code, want := range map[string]bool{"USA": true, "CAN": true, "DEU": true, "XYZ": false, "US": false, "usa": false} {
		if got := domain.ValidCountry(code); got != want {
			t.Errorf("ValidCountry(%q) = %v, want %v", code, got, want)
		}
	}
}
