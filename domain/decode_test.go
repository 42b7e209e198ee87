package domain_test

import (
	"errors"
	"strings"
	"testing"

	"switchboard/domain"
)

func decodeCreate(t *testing.T, body string) (*domain.OrdersCreateInput, error) {
	t.Helper()
	var in domain.OrdersCreateInput
	err := domain.DecodeStrict(strings.NewReader(body), &in)
	return &in, err
}

// A whole number written with a zero fraction or an exponent is that number.
func TestDecodeStrict_WholeNumbers(t *testing.T) {
	for body, want := range map[string]int64{
		`{"Suspend": {"LineID": 3.0}}`: 3, `{"Suspend": {"LineID": 3.000}}`: 3, `{"Suspend": {"LineID": 3e0}}`: 3,
		`{"Suspend": {"LineID": 3E2}}`: 300, `{"Suspend": {"LineID": 30e-1}}`: 3, `{"Suspend": {"LineID": -0.0}}`: 0,
	} {
		in, err := decodeCreate(t, body)
		if err != nil {
			t.Errorf("%s: %v", body, err)
			continue
		}
		if in.Suspend.LineID != want {
			t.Errorf("%s: LineID=%d, want %d", body, in.Suspend.LineID, want)
		}
	}
}

func TestDecodeStrict_Errors(t *testing.T) {
	for _, tt := range []struct {
		name, body, field, message string
	}{
		{"Empty", ``, "", "Request body is required"},
		{"Blank", " \n\t", "", "Request body is required"},
		{"Malformed", `{"Suspend": {"TN" "1"}}`, "", "Malformed JSON at byte"},
		{"Truncated", `{"Suspend": {"TN": "1"`, "", "Malformed JSON: the body ends before the JSON is complete"},
		{"TrailingGarbage", `{"Suspend": {}} x`, "", "Malformed JSON: there is more data after the JSON object"},
		{"TrailingObject", `{"Suspend": {}} {}`, "", "Malformed JSON: there is more data after the JSON object"},
		{"NotAnObject", `[1, 2]`, "", "The request body must be a JSON object"},
		{"String", `"hello"`, "", "The request body must be a JSON object"},
		{"UnknownTop", `{"Suspnd": {}}`, "Suspnd", "Unknown field Suspnd"},
		{"UnknownNested", `{"Suspend": {"Foo": 1}}`, "Suspend.Foo", "Unknown field Foo"},
		{"UnknownCase", `{"Suspend": {"lineid": 1}}`, "Suspend.lineid", "Unknown field lineid (field names are case-sensitive: LineID)"},
		{"UnknownInList", `{"AddLine": {"Lines": [{"TN": ""}, {"Color": "red"}]}}`, "AddLine.Lines[1].Color", "Unknown field Color"},
		{"UnknownDeep", `{"Change": {"Lines": [{"Change": {"Products": {"Add": [{"ProductID": 1, "Size": 2}]}}}]}}`,
			"Change.Lines[0].Change.Products.Add[0].Size", "Unknown field Size"},
		{"WrongInt", `{"Suspend": {"LineID": "five"}}`, "Suspend.LineID", "LineID must be a whole number"},
		{"FractionInt", `{"Suspend": {"LineID": 1.5}}`, "Suspend.LineID", "LineID must be a whole number"},
		{"HugeInt", `{"Suspend": {"LineID": 99999999999999999999}}`, "Suspend.LineID", "LineID is too large: at most 9223372036854775807"},
		{"HugeNegativeInt", `{"Suspend": {"LineID": -99999999999999999999}}`, "Suspend.LineID", "LineID is too small: at least -9223372036854775808"},
		{"HugeExponentInt", `{"Suspend": {"LineID": 1e999999999}}`, "Suspend.LineID", "LineID is too large"},
		{"FractionIntSays", `{"Suspend": {"LineID": 1.5}}`, "Suspend.LineID", "LineID must be a whole number: 1.5 has a fractional part"},
		{"TinyExponentInt", `{"Suspend": {"LineID": 1e-99}}`, "Suspend.LineID", "LineID must be a whole number: 1e-99 has a fractional part"},
		{"HugeRate", `{"AddLine": {"Lines": [{"Products": [{"ProductID": 1, "Rate": 99999999999999}]}]}}`,
			"AddLine.Lines[0].Products[0].Rate", "Rate is too large: an amount is at most 999999999999.9999 and at least -999999999999.9999"},
		{"HugeRateExponent", `{"AddLine": {"Lines": [{"Products": [{"ProductID": 1, "Rate": -1e20}]}]}}`,
			"AddLine.Lines[0].Products[0].Rate", "Rate is too large"},
		{"WrongString", `{"Suspend": {"TN": 3125550101}}`, "Suspend.TN", "TN must be a string"},
		{"WrongBool", `{"Suspend": {"FlowThrough": "yes"}}`, "Suspend.FlowThrough", "FlowThrough must be true or false"},
		{"WrongObject", `{"Suspend": 5}`, "Suspend", "Suspend must be an object"},
		{"WrongList", `{"AddLine": {"Lines": "all"}}`, "AddLine.Lines", "Lines must be a list"},
		{"NullInList", `{"AddLine": {"Lines": [null]}}`, "AddLine.Lines[0]", "Lines[0] must not be null"},
		{"WrongRate", `{"AddLine": {"Lines": [{"Products": [{"ProductID": 1, "Rate": "cheap"}]}]}}`,
			"AddLine.Lines[0].Products[0].Rate", "Rate must be a decimal amount with at most 4 decimal places"},
		{"TooPreciseRate", `{"AddLine": {"Lines": [{"Products": [{"ProductID": 1, "Rate": 1.23456}]}]}}`,
			"AddLine.Lines[0].Products[0].Rate", "Rate must be a decimal amount"},
		{"WrongQuantity", `{"Change": {"Lines": [{}, {"Change": {"Products": {"Add": [{"ProductID": 1, "Quantity": "two"}]}}}]}}`,
			"Change.Lines[1].Change.Products.Add[0].Quantity", "Quantity must be a whole number"},
		{"WrappedWrongInner", `{"AddLine": {"Lines": {"Line": 7}}}`, "AddLine.Lines", "Lines must be a list"},
		{"QuotedInt", `{"Suspend": {"LineID": "5"}}`, "Suspend.LineID", `LineID must be a whole number, without quotes (5, not "5")`},
		{"QuotedBool", `{"Suspend": {"FlowThrough": "false"}}`, "Suspend.FlowThrough", `FlowThrough must be true or false, without quotes (false, not "false")`},
		{"KeyTwice", `{"Suspend": {"LineID": 1, "TN": "3125550101", "LineID": 2}}`, "Suspend.LineID", "LineID is given twice"},
		{"KeyTwiceInList", `{"AddLine": {"Lines": [{"TN": "1"}, {"TN": "1", "TN": "2"}]}}`, "AddLine.Lines[1].TN", "TN is given twice"},
		{"NUL", `{"Suspend": {"TN": "31255\u00000101"}}`, "Suspend.TN", "TN must not contain a NUL character"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeCreate(t, tt.body)
			wantFieldError(t, err, tt.field, tt.message)
		})
	}
}

func TestDecodeStrict_AllProblemsAtOnce(t *testing.T) {
	_, err := decodeCreate(t, `{"Suspend": {"LineID": "x", "TN": 5, "Foo": 1}}`)
	got := fieldErrors(err)
	for _, f := range []string{"Suspend.LineID", "Suspend.TN", "Suspend.Foo"} {
		if _, ok := got[f]; !ok {
			t.Errorf("no error on %s; got %v", f, got)
		}
	}
}

func TestDecodeStrict_NoGoTypeNames(t *testing.T) {
	for _, body := range []string{`{"Suspend": {"LineID": "x"}}`, `{"Suspend": []}`, `{"AddLine": {"Lines": [{"Products": [{"Rate": {}}]}]}}`} {
		_, err := decodeCreate(t, body)
		for _, f := range domain.ErrorFields(err) {
			for _, bad := range []string{"int64", "string", "domain.", "struct", "json:"} {
				if bad == "string" && strings.Contains(f.Message, "must be a string") {
					continue
				}
				if strings.Contains(f.Message, bad) {
					t.Errorf("%s: message %q shows %q", body, f.Message, bad)
				}
			}
		}
	}
}

func TestDecodeStrict_ReadError(t *testing.T) {
	var in domain.OrdersCreateInput
	err := domain.DecodeStrict(errReader{}, &in)
	if got, want := domain.ErrorCode(err), domain.EINVALID; got != want {
		t.Fatalf("code=%q, want %q", got, want)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("http: request body too large") }

func TestDecodeStrict_NotAStruct(t *testing.T) {
	var n int
	if err := domain.DecodeStrict(strings.NewReader(`{}`), &n); err == nil || domain.ErrorCode(err) != domain.EINTERNAL {
		t.Fatalf("err=%v, want an internal error", err)
	}
}

func TestDecodeStrict_OK(t *testing.T) {
	in, err := decodeCreate(t, `{"Suspend": {"CustomerID": 4, "FlowThrough": false, "TN": "3125550101",
		"SuspendType": "ALL", "ProcessID": null, "Status": "NEW"}}`)
	if err != nil {
		t.Fatal(err)
	}
	s := in.Suspend
	if s == nil || s.CustomerID != 4 || s.TN != "3125550101" || s.SuspendType != "ALL" || s.Status != "NEW" {
		t.Fatalf("Suspend=%+v", s)
	}
	if s.FlowThrough == nil || *s.FlowThrough {
		t.Fatalf("FlowThrough=%v, want false", s.FlowThrough)
	}
	if got := in.Kinds(); len(got) != 1 || got[0] != "Suspend" {
		t.Fatalf("Kinds=%v", got)
	}
}

// The seed's nested lists read the same in every form.
func TestDecodeStrict_ListForms(t *testing.T) {
	for _, tt := range []struct {
		name, products string
		want           int
	}{
		{"Array", `[{"ProductID": 1}, {"ProductID": 2}]`, 2},
		{"Wrapped", `{"Product": [{"ProductID": 1}, {"ProductID": 2}]}`, 2},
		{"WrappedSingle", `{"Product": {"ProductID": 1}}`, 1},
		{"Single", `{"ProductID": 1, "Quantity": 2}`, 1},
		{"WrappedNull", `{"Product": null}`, 0},
		{"EmptyObject", `{}`, 0},
		{"Null", `null`, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var in domain.NewOrdersInput
			body := `{"CustomerID": 1, "PackageID": 1, "AdditionalProducts": ` + tt.products + `}`
			if err := domain.DecodeStrict(strings.NewReader(body), &in); err != nil {
				t.Fatal(err)
			}
			if got := len(in.AdditionalProducts); got != tt.want {
				t.Fatalf("AdditionalProducts=%d, want %d", got, tt.want)
			}
			if tt.want > 0 && in.AdditionalProducts[0].ProductID != 1 {
				t.Fatalf("first ProductID=%d, want 1", in.AdditionalProducts[0].ProductID)
			}
		})
	}
	t.Run("AddLineWrapped", func(t *testing.T) {
		in, err := decodeCreate(t, `{"AddLine": {"CustomerID": 1, "Lines": {"Line": [{"TN": "", "PackageID": 1,
			"Products": {"Product": {"ProductID": 103, "Rate": "-5.00"}}}]}}}`)
		if err != nil {
			t.Fatal(err)
		}
		l := in.AddLine.Lines
		if len(l) != 1 || len(l[0].Products) != 1 || l[0].Products[0].ProductID != 103 {
			t.Fatalf("Lines=%+v", l)
		}
		if got, want := *l[0].Products[0].Rate, domain.Money(-50000); got != want {
			t.Fatalf("Rate=%v, want %v", got, want)
		}
	})
	t.Run("ChangeEntriesByKind", func(t *testing.T) {
		in, err := decodeCreate(t, `{"Change": {"Lines": {"Change": [{"LineID": 1, "Products": {"Remove": {"CustomerProductID": 9}}}],
			"Disconnect": {"TN": "3125550102"}}}}`)
		if err != nil {
			t.Fatal(err)
		}
		l := in.Change.Lines
		if len(l) != 2 || l[0].Change == nil || l[0].Change.LineID != 1 || l[1].Disconnect == nil || l[1].Disconnect.TN != "3125550102" {
			t.Fatalf("Lines=%+v", l)
		}
		if got := l[0].Change.Products.Remove; len(got) != 1 || got[0].CustomerProductID != 9 {
			t.Fatalf("Remove=%+v", got)
		}
	})
	t.Run("ChangeWrappedLine", func(t *testing.T) {
		in, err := decodeCreate(t, `{"Change": {"Lines": {"Line": [{"Disconnect": {"LineID": 2}}]}}}`)
		if err != nil {
			t.Fatal(err)
		}
		if l := in.Change.Lines; len(l) != 1 || l[0].Disconnect == nil || l[0].Disconnect.LineID != 2 {
			t.Fatalf("Lines=%+v", l)
		}
	})
	t.Run("UpdateLines", func(t *testing.T) {
		var in domain.OrderUpdateInput
		err := domain.DecodeStrict(strings.NewReader(`{"ProcessID": 0, "Lines": {"Change": {"TN": "3125550101", "Products": {"Add": {"ProductID": 102}}}}}`), &in)
		if err != nil {
			t.Fatal(err)
		}
		if in.ProcessID == nil || *in.ProcessID != 0 {
			t.Fatalf("ProcessID=%v, want 0 given", in.ProcessID)
		}
		if l := in.Lines; len(l) != 1 || l[0].Change == nil || len(l[0].Change.Products.Add) != 1 {
			t.Fatalf("Lines=%+v", l)
		}
	})
	t.Run("ErrUpdateDisconnect", func(t *testing.T) {
		var in domain.OrderUpdateInput
		err := domain.DecodeStrict(strings.NewReader(`{"Lines": [{"Disconnect": {"LineID": 2}}]}`), &in)
		wantFieldError(t, err, "Lines[0].Disconnect", "Unknown field Disconnect")
	})
}

func TestDecodeStrict_SecretStaysSecret(t *testing.T) {
	var in domain.NewOrdersInput
	err := domain.DecodeStrict(strings.NewReader(`{"WirelessPort": {"PINPassword": "4321"}}`), &in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := in.WirelessPort.PINPassword.Clear(), "4321"; got != want {
		t.Fatalf("PINPassword=%q, want %q", got, want)
	}
	wantFieldError(t, domain.DecodeStrict(strings.NewReader(`{"WirelessPort": {"PINPassword": 4321}}`), &in),
		"WirelessPort.PINPassword", "PINPassword must be a string")
}

var fuzzSeeds = []string{
	``, `{}`, `null`, `[]`, `{"Suspend": {"TN": "3125550101", "SuspendType": "ALL"}}`,
	`{"AddLine": {"CustomerID": 1, "Lines": {"Line": [{"PackageID": 1, "Products": {"Product": {"ProductID": 1, "Rate": "1.5"}}}]}}}`,
	`{"Change": {"Lines": {"Change": [{"LineID": 1, "Products": {"Add": [{"ProductID": 103}], "Remove": {"CustomerProductID": 1003}}}], "Disconnect": {"TN": "3125550102"}}}}`,
	`{"Disconnect": {"CustomerID": 1}}`, `{"PackageChange": {"LineID": 1, "PackageID": 2}}`,
	`{"Restore": {"LineID": 2}}`, `{"Suspend": {"LineID": 1e400}}`, `{"Suspend": {"Foo": [[[[[]]]]]}}`,
	`{"CustomerID": 1, "PackageID": 1, "ESN": "ESN-AVAIL", "AdditionalProducts": {"Product": [{"ProductID": 102, "Quantity": 0}]},
	  "WirelessPort": {"MDN": "3125550199", "Address": {"ID": 5, "Zip": "1"}, "ExternalProvider": "LUMEN"}}`,
}

func FuzzDecodeOrdersCreate(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	lk := newFake()
	f.Fuzz(func(t *testing.T, body []byte) {
		var in domain.OrdersCreateInput
		err := domain.DecodeStrict(strings.NewReader(string(body)), &in)
		if err != nil {
			if got := domain.ErrorCode(err); got != domain.EINVALID {
				t.Fatalf("code=%q, want invalid: %v", got, err)
			}
			return
		}
		// What decodes must plan without panicking, and fail only as invalid
		// input or a conflict with what is stored.
		if _, err := domain.PlanOrdersCreate(t.Context(), lk, &in); err != nil && !domain.IsInputError(err) {
			t.Fatalf("plan: code=%q, want invalid: %v", domain.ErrorCode(err), err)
		}
	})
}

func FuzzDecodeNewOrders(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	lk := newFake()
	f.Fuzz(func(t *testing.T, body []byte) {
		var in domain.NewOrdersInput
		err := domain.DecodeStrict(strings.NewReader(string(body)), &in)
		if err != nil {
			if got := domain.ErrorCode(err); got != domain.EINVALID {
				t.Fatalf("code=%q, want invalid: %v", got, err)
			}
			return
		}
		if _, err := domain.PlanNewOrders(t.Context(), lk, &in); err != nil && domain.ErrorCode(err) != domain.EINVALID {
			t.Fatalf("plan: code=%q, want invalid: %v", domain.ErrorCode(err), err)
		}
	})
}

func FuzzDecodeOrderUpdate(f *testing.F) {
	for _, s := range append(fuzzSeeds, `{"Status": "COMPLETE", "CompletionDate": "2026-01-02", "ProcessRouteID": 22}`) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var in domain.OrderUpdateInput
		if err := domain.DecodeStrict(strings.NewReader(string(body)), &in); err != nil && domain.ErrorCode(err) != domain.EINVALID {
			t.Fatalf("code=%q, want invalid: %v", domain.ErrorCode(err), err)
		}
	})
}
