package domain_test

import (
	"testing"

	"switchboard/domain"
)

func str(s string) *string { return &s }
func qty(n int64) *int64   { return &n }

// service is an open quote's service allowing Port and Cease up to max numbers.
func service(max int64) *domain.OrderService {
	return &domain.OrderService{ID: 7, IsQuote: true, Design: domain.ServiceDesign{ID: 1, Name: "SIP trunk",
		PortingNumberControl: true, PortActions: []string{"Port", "Cease"}, MaxPortQuantity: max}}
}

func pn(first, last string) *domain.PortNumber {
	p, err := domain.PlanPortNumber(service(1000), nil, domain.PortNumberInput{FirstNumber: &first, LastNumber: &last})
	if err != nil {
		panic(err)
	}
	return p
}

// TestPlanPortNumberSeedFailures: each failure the seed lists, with its
// kind, field key and message (the real numbers in place of X).
func TestPlanPortNumberSeedFailures(t *testing.T) {
	converted := service(10)
	converted.IsQuote = false
	noControl := service(10)
	noControl.Design.PortingNumberControl = false
	portOnly := service(10)
	portOnly.Design.PortActions = []string{"Port"}
	existing := []*domain.PortNumber{pn("3125550100", "3125550104")}

	tests := []struct {
		name              string
		svc               *domain.OrderService
		others            []*domain.PortNumber
		in                domain.PortNumberInput
		code, field, want string
	}{
		{"ErrNotAQuote", converted, nil, domain.PortNumberInput{FirstNumber: str("3125550100")},
			domain.EFORBIDDEN, "", "Only quotes may be updated"},
		{"ErrPortActionNotAllowed", portOnly, nil, domain.PortNumberInput{FirstNumber: str("3125550100"), PortAction: str("Cease")},
			domain.EFORBIDDEN, "", "PortAction value is not valid in OrderServiceID 7"},
		{"ErrNoPortingNumberControl", noControl, nil, domain.PortNumberInput{FirstNumber: str("3125550100")},
			domain.EFORBIDDEN, "", "OrderServiceID 7 must contain a PortingNumber control"},
		{"ErrOverlap", service(10), existing, domain.PortNumberInput{FirstNumber: str("3125550104"), LastNumber: str("3125550105")},
			domain.EINVALID, "Order.PortNumber", "The number range submitted overlaps with another range on the same service."},
		{"ErrQuantityOverX", service(10), nil, domain.PortNumberInput{FirstNumber: str("3125550100"), Quantity: qty(11)},
			domain.EINVALID, "PortNumber.Quantity", "Quantity must be between 1 and 10"},
		{"ErrRangeOverX", service(10), nil, domain.PortNumberInput{FirstNumber: str("3125550100"), LastNumber: str("3125550199")},
			domain.EINVALID, "PortNumber.Quantity", "Quantity must be between 1 and 10"},
		{"ErrServiceTotalOverX", service(10), existing, domain.PortNumberInput{FirstNumber: str("3125550200"), Quantity: qty(6)},
			domain.EINVALID, "PortNumber.Quantity", "Quantity for the whole service may not be more than 10, including this operation it will be 11"},
		{"ErrAssociatedQuantity", service(10), nil, domain.PortNumberInput{AssociatedNumber: str("3125550100"), Quantity: qty(2)},
			domain.EFORBIDDEN, "", "When porting an associated number the maximum quantity allowed is 1"},
		{"ErrAssociatedFirstNumber", service(10), nil, domain.PortNumberInput{AssociatedNumber: str("3125550100"), FirstNumber: str("3125550101")},
			domain.EINVALID, "PortNumber.FirstNumber", "When porting an associated number the FirstNumber must be the same as the AssociatedNumber"},
		{"ErrRangeQuantityZero", service(10), nil, domain.PortNumberInput{FirstNumber: str("3125550100"), LastNumber: str("3125550101"), Quantity: qty(0)},
			domain.EFORBIDDEN, "", "When porting a range the quantity must be 1 or greater"},
		{"ErrRangeQuantityNegative", service(10), nil, domain.PortNumberInput{FirstNumber: str("3125550100"), Quantity: qty(-3)},
			domain.EFORBIDDEN, "", "When porting a range the quantity must be 1 or greater"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := domain.PlanPortNumber(tt.svc, tt.others, tt.in)
			if err == nil {
				t.Fatalf("PlanPortNumber = %+v, want an error", got)
			}
			if c := domain.ErrorCode(err); c != tt.code {
				t.Fatalf("code = %s, want %s (%v)", c, tt.code, err)
			}
			if tt.code == domain.EFORBIDDEN {
				if m := domain.ErrorMessage(err); m != tt.want {
					t.Fatalf("message = %q, want %q", m, tt.want)
				}
				return
			}
			fs := domain.ErrorFields(err)
			if len(fs) != 1 || fs[0].Field != tt.field || fs[0].Message != tt.want {
				t.Fatalf("fields = %+v, want [{%s %s}]", fs, tt.field, tt.want)
			}
		})
	}
}

// TestPlanPortNumberNumberRules: digits of at most 17, a range keeps its
// length and leading zeros, FirstNumber ≤ LastNumber, Quantity, FirstNumber
// and LastNumber agree and one left out is computed.
func TestPlanPortNumberNumberRules(t *testing.T) {
	tests := []struct {
		name                string
		in                  domain.PortNumberInput
		first, last, action string
		quantity            int64
		field, msg          string // want an EINVALID error with this field and message
	}{
		{name: "OneNumber", in: domain.PortNumberInput{FirstNumber: str("3125550100")}, first: "3125550100", last: "3125550100", quantity: 1, action: "Port"},
		{name: "FirstAndLast", in: domain.PortNumberInput{FirstNumber: str("3125550100"), LastNumber: str("3125550109")}, first: "3125550100", last: "3125550109", quantity: 10, action: "Port"},
		{name: "FirstAndQuantity", in: domain.PortNumberInput{FirstNumber: str("3125550100"), Quantity: qty(5), PortAction: str("Cease")}, first: "3125550100", last: "3125550104", quantity: 5, action: "Cease"},
		{name: "LastAndQuantity", in: domain.PortNumberInput{LastNumber: str("3125550109"), Quantity: qty(10)}, first: "3125550100", last: "3125550109", quantity: 10, action: "Port"},
		{name: "AllThreeAgree", in: domain.PortNumberInput{FirstNumber: str("0100"), LastNumber: str("0199"), Quantity: qty(100)}, first: "0100", last: "0199", quantity: 100, action: "Port"},
		{name: "LeadingZerosKept", in: domain.PortNumberInput{FirstNumber: str("0009"), Quantity: qty(3)}, first: "0009", last: "0011", quantity: 3, action: "Port"},
		{name: "SpacesAroundTrimmed", in: domain.PortNumberInput{FirstNumber: str(" 3125550100 ")}, first: "3125550100", last: "3125550100", quantity: 1, action: "Port"},
		{name: "SeventeenDigits", in: domain.PortNumberInput{FirstNumber: str("12345678901234567")}, first: "12345678901234567", last: "12345678901234567", quantity: 1, action: "Port"},
		{name: "AssociatedAlone", in: domain.PortNumberInput{AssociatedNumber: str("3125550100")}, first: "3125550100", last: "3125550100", quantity: 1, action: "Port"},
		{name: "AssociatedQuantityZeroIsOne", in: domain.PortNumberInput{AssociatedNumber: str("3125550100"), Quantity: qty(0)}, first: "3125550100", last: "3125550100", quantity: 1, action: "Port"},
		{name: "AssociatedWithSameFirst", in: domain.PortNumberInput{AssociatedNumber: str("3125550100"), FirstNumber: str("3125550100"), Quantity: qty(1)}, first: "3125550100", last: "3125550100", quantity: 1, action: "Port"},

		{name: "ErrLetters", in: domain.PortNumberInput{FirstNumber: str("312555010A")}, field: "PortNumber.FirstNumber", msg: "FirstNumber must be digits only (0-9), with no spaces or punctuation"},
		{name: "ErrPunctuation", in: domain.PortNumberInput{FirstNumber: str("312-555-0100")}, field: "PortNumber.FirstNumber", msg: "FirstNumber must be digits only (0-9), with no spaces or punctuation"},
		{name: "ErrEighteenDigits", in: domain.PortNumberInput{FirstNumber: str("123456789012345678")}, field: "PortNumber.FirstNumber", msg: "FirstNumber must be at most 17 digits"},
		{name: "ErrLastLetters", in: domain.PortNumberInput{FirstNumber: str("3125550100"), LastNumber: str("x")}, field: "PortNumber.LastNumber", msg: "LastNumber must be digits only (0-9), with no spaces or punctuation"},
		{name: "ErrAssociatedLetters", in: domain.PortNumberInput{AssociatedNumber: str("abc")}, field: "PortNumber.AssociatedNumber", msg: "AssociatedNumber must be digits only (0-9), with no spaces or punctuation"},
		{name: "ErrLengthsDiffer", in: domain.PortNumberInput{FirstNumber: str("0100"), LastNumber: str("199")}, field: "PortNumber.LastNumber", msg: "LastNumber must have as many digits as FirstNumber (4)"},
		{name: "ErrBackwards", in: domain.PortNumberInput{FirstNumber: str("3125550109"), LastNumber: str("3125550100")}, field: "PortNumber.LastNumber", msg: "LastNumber must not be lower than FirstNumber"},
		{name: "ErrQuantityDisagrees", in: domain.PortNumberInput{FirstNumber: str("3125550100"), LastNumber: str("3125550109"), Quantity: qty(9)}, field: "PortNumber.Quantity", msg: "Quantity must be 10, the count of numbers from 3125550100 to 3125550109"},
		{name: "ErrRunsPastLength", in: domain.PortNumberInput{FirstNumber: str("998"), Quantity: qty(3)}, field: "PortNumber.Quantity", msg: "A range of 3 numbers from 998 runs past 999, the highest 3-digit number"},
		{name: "ErrStartsBelowZero", in: domain.PortNumberInput{LastNumber: str("001"), Quantity: qty(3)}, field: "PortNumber.Quantity", msg: "A range of 3 numbers cannot end at 001: it would start below 000"},
		{name: "ErrNothing", in: domain.PortNumberInput{}, field: "PortNumber.FirstNumber", msg: "FirstNumber is required (or an AssociatedNumber)"},
		{name: "ErrOnlyQuantity", in: domain.PortNumberInput{Quantity: qty(3)}, field: "PortNumber.FirstNumber", msg: "FirstNumber is required (or an AssociatedNumber)"},
		{name: "ErrPortActionUnknown", in: domain.PortNumberInput{FirstNumber: str("3125550100"), PortAction: str("port")}, field: "PortNumber.PortAction", msg: "PortAction must be Port or Cease"},
		{name: "ErrAssociatedLastDiffers", in: domain.PortNumberInput{AssociatedNumber: str("3125550100"), LastNumber: str("3125550101")}, field: "PortNumber.LastNumber", msg: "When porting an associated number the LastNumber must be the same as the AssociatedNumber"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := domain.PlanPortNumber(service(1000), nil, tt.in)
			if tt.msg != "" {
				fs := domain.ErrorFields(err)
				if domain.ErrorCode(err) != domain.EINVALID || len(fs) != 1 || fs[0].Field != tt.field || fs[0].Message != tt.msg {
					t.Fatalf("err = %v, want EINVALID [{%s %s}]", err, tt.field, tt.msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.FirstNumber != tt.first || got.LastNumber != tt.last || got.Quantity != tt.quantity || got.PortAction != tt.action {
				t.Fatalf("got %s..%s ×%d %s, want %s..%s ×%d %s", got.FirstNumber, got.LastNumber, got.Quantity, got.PortAction, tt.first, tt.last, tt.quantity, tt.action)
			}
		})
	}
}

// TestPlanPortNumberCapacity: a range fills the service exactly; ranges of
// another length never overlap; the checks name every failed rule.
func TestPlanPortNumberCapacity(t *testing.T) {
	others := []*domain.PortNumber{pn("3125550100", "3125550104")}
	t.Run("FillsExactly", func(t *testing.T) {
		if _, err := domain.PlanPortNumber(service(10), others, domain.PortNumberInput{FirstNumber: str("3125550105"), Quantity: qty(5)}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("OtherLengthDoesNotOverlap", func(t *testing.T) {
		if _, err := domain.PlanPortNumber(service(10), others, domain.PortNumberInput{FirstNumber: str("03125550100")}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrOverlapAndTotal", func(t *testing.T) {
		_, err := domain.PlanPortNumber(service(10), others, domain.PortNumberInput{FirstNumber: str("3125550100"), Quantity: qty(6)})
		if fs := domain.ErrorFields(err); len(fs) != 2 || fs[0].Field != "PortNumber.Quantity" || fs[1].Field != "Order.PortNumber" {
			t.Fatalf("fields = %+v, want the total and the overlap", fs)
		}
	})
	t.Run("DraftSkipsEmptyFields", func(t *testing.T) {
		if err := domain.CheckPortNumberDraft(service(10), others, domain.PortNumberInput{}); err != nil {
			t.Fatalf("an empty draft: %v", err)
		}
		err := domain.CheckPortNumberDraft(service(10), others, domain.PortNumberInput{FirstNumber: str("3125550104")})
		if fs := domain.ErrorFields(err); len(fs) != 1 || fs[0].Field != "Order.PortNumber" {
			t.Fatalf("fields = %+v, want the overlap", fs)
		}
	})
	t.Run("SeveralAllOrNone", func(t *testing.T) {
		ins := []domain.PortNumberInput{{FirstNumber: str("3125550200"), Quantity: qty(3)}, {FirstNumber: str("3125550201")}}
		_, err := domain.PlanPortNumbers(service(10), others, ins)
		if fs := domain.ErrorFields(err); len(fs) != 1 || fs[0].Field != "[1].Order.PortNumber" {
			t.Fatalf("fields = %+v, want the second range's overlap with the first", fs)
		}
	})
	t.Run("RemoveOnlyFromQuotes", func(t *testing.T) {
		s := service(10)
		s.IsQuote = false
		if err := domain.CheckServiceOpen(s); domain.ErrorCode(err) != domain.EFORBIDDEN || domain.ErrorMessage(err) != "Only quotes may be updated" {
			t.Fatalf("err = %v", err)
		}
	})
}
