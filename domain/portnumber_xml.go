package domain

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// DataContractNS is the namespace of the seed's XML bodies.
const DataContractNS = "http://schemas.datacontract.org/2004/07/aBILLity.API.Models"

// xmlNilNS is the namespace of the i:nil attribute.
const xmlNilNS = "http://www.w3.org/2001/XMLSchema-instance"

// DecodePortNumberXML reads the seed's XML PortNumberCreate body, as
// strictly as DecodeStrict reads JSON: malformed XML, another root
// element or namespace, an unknown or repeated element, nested elements,
// a Quantity that is not a whole number and data after the root are each
// an EINVALID error naming the field. An element with i:nil="true" is not
// given. It never panics on any input.
func DecodePortNumberXML(r io.Reader) (PortNumberInput, error) {
	var in PortNumberInput
	body, err := io.ReadAll(r)
	if err != nil {
		return in, invalid("The request body could not be read; it may be too large")
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return in, invalid("Request body is required")
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = true
	root, err := nextElement(dec)
	if err != nil {
		return in, err
	}
	if root.Name.Local != "PortNumberCreate" || (root.Name.Space != DataContractNS && root.Name.Space != "") {
		return in, invalid(fmt.Sprintf("The XML body must be a PortNumberCreate element in the namespace %s", DataContractNS))
	}
	var p Problems
	seen := map[string]bool{}
	for {
		tok, err := dec.Token()
		if err != nil {
			return in, malformedXML(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if err := xmlTrailer(dec); err != nil {
				return in, err
			}
			return in, p.Err()
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				p.Add("", "Text directly inside PortNumberCreate is not allowed; put each value in its element")
			}
		case xml.StartElement:
			name := t.Name.Local
			text, nested, err := elementText(dec)
			if err != nil {
				return in, err
			}
			if seen[name] {
				p.Add(name, "%s is given twice; give each field once", name)
				continue
			}
			seen[name] = true
			if nested {
				p.Add(name, "%s must hold text, not elements", name)
				continue
			}
			if isNil(t) {
				continue
			}
			CheckChars(&p, name, name, text)
			switch name {
			case "AssociatedNumber":
				in.AssociatedNumber = &text
			case "FirstNumber":
				in.FirstNumber = &text
			case "LastNumber":
				in.LastNumber = &text
			case "PortAction":
				in.PortAction = &text
			case "Quantity":
				n, err := strconv.ParseInt(strings.TrimSpace(text), 10, 64)
				if err != nil {
					p.Add(name, "Quantity must be a whole number")
					continue
				}
				in.Quantity = &n
			default:
				p.Add(name, "Unknown field %s", name)
			}
		}
	}
}

func nextElement(dec *xml.Decoder) (xml.StartElement, error) {
	for {
		tok, err := dec.Token()
		if err != nil {
			return xml.StartElement{}, malformedXML(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t, nil
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return xml.StartElement{}, invalid("Malformed XML: text before the root element")
			}
		}
	}
}

// elementText reads to the end of the element just started and returns its
// text, and whether it held elements.
func elementText(dec *xml.Decoder) (string, bool, error) {
	var b strings.Builder
	nested, depth := false, 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", false, malformedXML(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			nested = true
			depth++
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nested, nil
			}
			depth--
		case xml.CharData:
			if b.Len() < 1<<16 {
				b.Write(t)
			}
		}
	}
}

func xmlTrailer(dec *xml.Decoder) error {
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return malformedXML(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return invalid("Malformed XML: there is more data after the PortNumberCreate element")
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return invalid("Malformed XML: there is more data after the PortNumberCreate element")
			}
		}
	}
}

func isNil(t xml.StartElement) bool {
	for _, a := range t.Attr {
		if a.Name.Local == "nil" && a.Name.Space == xmlNilNS {
			return strings.TrimSpace(a.Value) == "true"
		}
	}
	return false
}

func malformedXML(err error) error {
	var syn *xml.SyntaxError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return invalid("Malformed XML: the body ends before the XML is complete")
	case errors.As(err, &syn):
		return invalid(fmt.Sprintf("Malformed XML on line %d: %s", syn.Line, syn.Msg))
	}
	return invalid("Malformed XML: " + err.Error())
}
