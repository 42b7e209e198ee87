package domain_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"switchboard/domain"
)

func TestCustomerValidate(t *testing.T) {
	good := func() *domain.Customer {
		return &domain.Customer{Name: "Acme", BillProfileID: 1, ServiceAddress: goodAddress()}
	}
	for _, tt := range []struct {
		name   string
		change func(c *domain.Customer)
		field  string
	}{
		{"OK", func(c *domain.Customer) {}, ""},
		{"OKSSNWithDashes", func(c *domain.Customer) { c.SSN = domain.NewSecret("900-12-3456") }, ""},
		{"ErrNameRequired", func(c *domain.Customer) { c.Name = "  " }, "Name"},
		{"ErrStatus", func(c *domain.Customer) { c.Status = "GONE" }, "Status"},
		{"ErrBillProfileRequired", func(c *domain.Customer) { c.BillProfileID = 0 }, "BillProfileID"},
		{"ErrAddress", func(c *domain.Customer) { c.ServiceAddress.Zip = "1" }, "ServiceAddress.Zip"},
		{"ErrSSN", func(c *domain.Customer) { c.SSN = domain.NewSecret("12345") }, "SSN"},
		{"ErrTaxID", func(c *domain.Customer) { c.TaxID = domain.NewSecret("12-34") }, "TaxID"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := good()
			tt.change(c)
			err := c.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			found := false
			for _, f := range domain.ErrorFields(err) {
				found = found || f.Field == tt.field
			}
			if !found {
				t.Fatalf("want an error on %s, got %v", tt.field, err)
			}
		})
	}
}

func TestSecretNeverShown(t *testing.T) {
	s := domain.NewSecret("900123456")
	if got, want := s.Masked(), "•••••3456"; got != want {
		t.Errorf("Masked=%q, want %q", got, want)
	}
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("x", "ssn", s)
	b, _ := json.Marshal(struct{ SSN domain.Secret }{s})
	for _, shown := range []string{fmt.Sprint(s), fmt.Sprintf("%v %+v %#v %s", s, s, s, s), buf.String(), string(b)} {
		if strings.Contains(shown, "900123456") || strings.Contains(shown, "90012") {
			t.Errorf("secret shown in %q", shown)
		}
	}
}

func TestUserValidate(t *testing.T) {
	for _, tt := range []struct {
		name string
		u    domain.User
		ok   bool
	}{
		{"OK", domain.User{Name: "ann.lee", Role: domain.RoleRep}, true},
		{"ErrNameRequired", domain.User{Name: "", Role: domain.RoleRep}, false},
		{"ErrNameCharacters", domain.User{Name: "ann lee", Role: domain.RoleRep}, false},
		{"ErrNameTooLong", domain.User{Name: strings.Repeat("a", 41), Role: domain.RoleRep}, false},
		{"ErrRole", domain.User{Name: "ann", Role: "boss"}, false},
	} {
		if err := tt.u.Validate(); (err == nil) != tt.ok {
			t.Errorf("%s: err=%v", tt.name, err)
		}
	}
}

func TestRoleAtLeast(t *testing.T) {
	for _, tt := range []struct {
		r, min domain.Role
		want   bool
	}{
		{domain.RoleSupport, domain.RoleSupport, true},
		{domain.RoleSupport, domain.RoleRep, false},
		{domain.RoleRep, domain.RoleSupport, true},
		{domain.RoleRep, domain.RoleSupervisor, false},
		{domain.RoleSupervisor, domain.RoleRep, true},
		{domain.RoleSupervisor, domain.RoleAdmin, false},
		{domain.RoleAdmin, domain.RoleSupervisor, true},
		{"", domain.RoleSupport, false},
		{"root", domain.RoleSupport, false},
	} {
		if got := tt.r.AtLeast(tt.min); got != tt.want {
			t.Errorf("%q.AtLeast(%q)=%v, want %v", tt.r, tt.min, got, tt.want)
		}
	}
}

func TestProblemsEachCheckItsOwnEntry(t *testing.T) {
	var p domain.Problems
	p.Check(false, "A", "a is bad")
	p.Check(true, "B", "never")
	p.Add("C", "c is %s", "bad")
	err := p.Err()
	if got, want := domain.ErrorCode(err), domain.EINVALID; got != want {
		t.Fatalf("code=%s, want %s", got, want)
	}
	if got := len(domain.ErrorFields(err)); got != 2 {
		t.Fatalf("fields=%d, want 2", got)
	}
	var empty domain.Problems
	if empty.Err() != nil {
		t.Fatal("no problems must be a nil error")
	}
}
