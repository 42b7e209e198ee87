package domain_test

import (
	"strings"
	"testing"

	"switchboard/domain"
)

const seedXML = `<PortNumberCreate xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/aBILLity.API.Models"> <FirstNumber>3125550100</FirstNumber> <LastNumber>3125550109</LastNumber> <PortAction>Port</PortAction> <Quantity>10</Quantity> <AssociatedNumber i:nil="true"/> </PortNumberCreate>`

func TestDecodePortNumberXML(t *testing.T) {
	in, err := domain.DecodePortNumberXML(strings.NewReader(`<?xml version="1.0"?>` + seedXML))
	if err != nil {
		t.Fatal(err)
	}
	if *in.FirstNumber != "3125550100" || *in.LastNumber != "3125550109" || *in.PortAction != "Port" || *in.Quantity != 10 || in.AssociatedNumber != nil {
		t.Fatalf("decoded %+v", in)
	}
	bad := []struct{ name, body, field, msg string }{
		{"Empty", "  ", "", "Request body is required"},
		{"Truncated", `<PortNumberCreate><FirstNumber>1`, "", "Malformed XML"},
		{"NotXML", `{"FirstNumber":"1"}`, "", "Malformed XML"},
		{"OtherRoot", `<PortNumberView><FirstNumber>1</FirstNumber></PortNumberView>`, "", "The XML body must be a PortNumberCreate element"},
		{"OtherNamespace", `<PortNumberCreate xmlns="urn:x"/>`, "", "The XML body must be a PortNumberCreate element"},
		{"Unknown", `<PortNumberCreate><Quantty>1</Quantty></PortNumberCreate>`, "Quantty", "Unknown field Quantty"},
		{"Twice", `<PortNumberCreate><FirstNumber>1</FirstNumber><FirstNumber>2</FirstNumber></PortNumberCreate>`, "FirstNumber", "FirstNumber is given twice; give each field once"},
		{"QuantityText", `<PortNumberCreate><Quantity>ten</Quantity></PortNumberCreate>`, "Quantity", "Quantity must be a whole number"},
		{"Nested", `<PortNumberCreate><FirstNumber><x>1</x></FirstNumber></PortNumberCreate>`, "FirstNumber", "FirstNumber must hold text, not elements"},
		{"Trailer", `<PortNumberCreate/><PortNumberCreate/>`, "", "Malformed XML: there is more data"},
	}
	for _, tt := range bad {
		t.Run("Err"+tt.name, func(t *testing.T) {
			_, err := domain.DecodePortNumberXML(strings.NewReader(tt.body))
			fs := domain.ErrorFields(err)
			if domain.ErrorCode(err) != domain.EINVALID || len(fs) != 1 || fs[0].Field != tt.field || !strings.HasPrefix(fs[0].Message, tt.msg) {
				t.Fatalf("err = %v, want EINVALID %q: %q…", err, tt.field, tt.msg)
			}
		})
	}
}

func FuzzDecodePortNumberXML(f *testing.F) {
	f.Add(seedXML)
	f.Add(`<PortNumberCreate><Quantity>1</Quantity></PortNumberCreate>`)
	f.Fuzz(func(t *testing.T, body string) {
		_, err := domain.DecodePortNumberXML(strings.NewReader(body))
		if err != nil && domain.ErrorCode(err) != domain.EINVALID {
			t.Fatalf("error %v is not EINVALID", err)
		}
	})
}
