package domain

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DecodeStrict reads one JSON object from r into v, a pointer to an input
// struct. Every failure is an EINVALID error and each problem its own field
// error with the field's path ("AddLine.Lines[0].Products[1].Rate"):
// an empty body ("Request body is required"), malformed JSON, data after
// the object, an unknown field ("Unknown field X"), a value of the wrong
// type ("Quantity must be a whole number"), a key given twice in one object,
// text that is not UTF-8 (found in the raw bytes, before decoding would turn
// it into U+FFFD), text with a NUL or control character (a field tagged
// `text:"multiline"` keeps line breaks; see CheckChars), a list longer than
// its cap (see listCap). The seed's wrapped lists are
// read in every form listShape describes. It never panics on any input.
func DecodeStrict(r io.Reader, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("DecodeStrict: want a pointer to a struct, got %T", v)
	}

	body, err := io.ReadAll(r)
	if err != nil {
		return decodeError(err)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return invalid("Malformed JSON: there is more data after the JSON object")
	}
	obj, ok := tree.(map[string]any)
	if !ok {
		return invalid("The request body must be a JSON object")
	}

	var p Problems
	norm := checkJSON(&p, "", "", obj, rv.Elem().Type())
	checkRaw(&p, body)
	if err := p.Err(); err != nil {
		return err
	}
	b, err := json.Marshal(norm)
	if err != nil {
		return invalid("The request body could not be read")
	}
	strict := json.NewDecoder(bytes.NewReader(b))
	strict.DisallowUnknownFields()
	if err := strict.Decode(v); err != nil {
		// checkJSON admits only what decodes; this is a safety net.
		return invalid("The request body could not be read")
	}
	return nil
}

// quotedHint explains a number or boolean sent as a JSON string ("5"),
// which is refused rather than guessed at.
func quotedHint(v any) string {
	s, ok := v.(string)
	if !ok {
		return ""
	}
	s = strings.TrimSpace(s)
	if _, err := strconv.ParseFloat(s, 64); err == nil && strings.Trim(s, "+-.0123456789eE") == "" || s == "true" || s == "false" {
		return fmt.Sprintf(", without quotes (%s, not %q)", s, s)
	}
	return ""
}

// checkRaw checks what only body's bytes show (body already read as valid
// JSON): a key given twice in one object, which decoding would keep only the
// last value of; and text that is not UTF-8 (bytes that are not, or a lone
// UTF-16 surrogate escape), which decoding would turn into U+FFFD.
func checkRaw(p *Problems, body []byte) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	// token reads the next token and reports whether its bytes were UTF-8 text.
	token := func() (json.Token, bool, error) {
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil, true, err
		}
		s, ok := tok.(string)
		return tok, !ok || textIntact(s, body[start:dec.InputOffset()]), nil
	}
	var walk func(path, name string) error
	walk = func(path, name string) error {
		tok, text, err := token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			seen := map[string]bool{}
			for dec.More() {
				kt, text, err := token()
				if err != nil {
					return err
				}
				k, _ := kt.(string)
				kp := joinPath(path, k)
				if !text {
					p.Add(path, "A field name is not UTF-8 text")
				} else if seen[k] {
					p.Add(kp, "%s is given twice; give each field once", k)
				}
				seen[k] = true
				if err := walk(kp, k); err != nil {
					return err
				}
			}
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if err := walk(fmt.Sprintf("%s[%d]", path, i), fmt.Sprintf("%s[%d]", name, i)); err != nil {
					return err
				}
			}
		default:
			if !text {
				if name == "" {
					name = "The value"
				}
				p.Add(path, "%s must be UTF-8 text: it holds bytes that are not", name)
			}
			return nil
		}
		_, _, err = token() // the closing } or ]
		return err
	}
	walk("", "")
}

// textIntact reports whether the decoded string s is what its raw JSON
// bytes say: the decoder puts U+FFFD for every byte that is not UTF-8 and
// every lone surrogate escape, so s holds more U+FFFD than raw spells out.
func textIntact(s string, raw []byte) bool {
	if !utf8.Valid(raw) {
		return false
	}
	n := strings.Count(s, string(utf8.RuneError))
	if n == 0 {
		return true
	}
	lower := strings.ToLower(string(raw))
	return n <= strings.Count(lower, string(utf8.RuneError))+strings.Count(lower, `\ufffd`)
}

func invalid(msg string) error {
	return &Error{Code: EINVALID, Message: msg, Fields: []FieldError{{Message: msg}}}
}

func decodeError(err error) error {
	var syn *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF):
		return invalid("Request body is required")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return invalid("Malformed JSON: the body ends before the JSON is complete")
	case errors.As(err, &syn):
		return invalid(fmt.Sprintf("Malformed JSON at byte %d: %s", syn.Offset, syn.Error()))
	}
	return invalid("The request body could not be read; it may be too large")
}

var (
	moneyType  = reflect.TypeFor[Money]()
	secretType = reflect.TypeFor[Secret]()
	listType   = reflect.TypeFor[seedList]()
)

// checkJSON checks the decoded JSON value v against the Go type t, records
// every problem under path, and returns v with the seed's wrapped lists
// turned into plain arrays. name is the field's own name for messages.
func checkJSON(p *Problems, path, name string, v any, t reflect.Type) any {
	if v == nil {
		return nil // null leaves the zero value
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if name == "" {
		name = "The value"
	}
	switch t {
	case moneyType:
		s, ok := jsonScalar(v)
		if _, err := ParseMoney(s); !ok || err != nil {
			p.Add(path, "%s %s", name, moneyMessage(s))
		}
		return v
	case secretType:
		if s, ok := v.(string); !ok {
			p.Add(path, "%s must be a string", name)
		} else {
			CheckChars(p, path, name, s)
		}
		return v
	}
	if t.Implements(listType) {
		shape := reflect.Zero(t).Interface().(seedList).listShape()
		items, ok := unwrapList(v, shape)
		if !ok {
			p.Add(path, "%s must be a list", name)
			return nil
		}
		return checkList(p, path, name, items, t.Elem(), shape.max)
	}
	switch t.Kind() {
	case reflect.Struct:
		return checkObject(p, path, name, v, t)
	case reflect.Slice:
		items, ok := v.([]any)
		if !ok {
			p.Add(path, "%s must be a list", name)
			return nil
		}
		return checkList(p, path, name, items, t.Elem(), MaxListEntries)
	case reflect.String:
		if s, ok := v.(string); !ok {
			p.Add(path, "%s must be a string", name)
		} else {
			CheckChars(p, path, name, s)
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			p.Add(path, "%s must be true or false%s", name, quotedHint(v))
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			p.Add(path, "%s must be a whole number%s", name, quotedHint(v))
			return v
		}
		i, msg := wholeNumber(n, t.Bits())
		if msg != "" {
			p.Add(path, "%s %s", name, msg)
			return v
		}
		return json.Number(strconv.FormatInt(i, 10))
	case reflect.Float32, reflect.Float64:
		if _, ok := v.(json.Number); !ok {
			p.Add(path, "%s must be a number", name)
		}
	default:
		p.Add(path, "%s cannot be given here", name)
		return nil
	}
	return v
}

func checkObject(p *Problems, path, name string, v any, t reflect.Type) any {
	m, ok := v.(map[string]any)
	if !ok {
		p.Add(path, "%s must be an object", name)
		return nil
	}
	fields := jsonFields(t)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make(map[string]any, len(m))
	for _, k := range keys {
		fpath := joinPath(path, k)
		f, ok := fields[k]
		if !ok {
			if known := similarField(fields, k); known != "" {
				p.Add(fpath, "Unknown field %s (field names are case-sensitive: %s)", k, known)
			} else {
				p.Add(fpath, "Unknown field %s", k)
			}
			continue
		}
		if sv, ok := m[k].(string); ok && f.Tag.Get("text") == "multiline" {
			CheckNoteChars(p, fpath, k, sv) // a note may keep its line breaks
			out[k] = sv
			continue
		}
		out[k] = checkJSON(p, fpath, k, m[k], f.Type)
	}
	return out
}

// checkList checks a list's entries, or only its length when it holds more than max.
func checkList(p *Problems, path, name string, items []any, elem reflect.Type, max int) []any {
	if len(items) > max {
		p.Add(path, "%s may hold at most %d entries; it holds %d", name, max, len(items))
		return nil
	}
	out := make([]any, len(items))
	for i, it := range items {
		ipath := fmt.Sprintf("%s[%d]", path, i)
		iname := fmt.Sprintf("%s[%d]", name, i)
		if it == nil {
			p.Add(ipath, "%s must not be null", iname)
			continue
		}
		out[i] = checkJSON(p, ipath, iname, it, elem)
	}
	return out
}

// unwrapList returns the entries a list value stands for (see listShape).
func unwrapList(v any, shape listShape) ([]any, bool) {
	switch x := v.(type) {
	case []any:
		return x, true
	case map[string]any:
		if len(x) == 0 {
			return nil, true
		}
		if inner, ok := x[shape.wrap]; ok && len(x) == 1 && shape.wrap != "" {
			switch w := inner.(type) {
			case nil:
				return nil, true
			case []any:
				return w, true
			case map[string]any:
				return []any{w}, true
			}
			return nil, false
		}
		if len(shape.entries) > 0 && allKeysIn(x, shape.entries) {
			var out []any
			for _, kind := range shape.entries {
				switch w := x[kind].(type) {
				case nil:
				case []any:
					for _, e := range w {
						out = append(out, map[string]any{kind: e})
					}
				default:
					out = append(out, map[string]any{kind: w})
				}
			}
			return out, true
		}
		return []any{x}, true
	}
	return nil, false
}

func allKeysIn(m map[string]any, keys []string) bool {
	for k := range m {
		if !slices.Contains(keys, k) {
			return false
		}
	}
	return true
}

func jsonFields(t reflect.Type) map[string]reflect.StructField {
	fields := make(map[string]reflect.StructField, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields[name] = f
	}
	return fields
}

func similarField(fields map[string]reflect.StructField, k string) string {
	for name := range fields {
		if strings.EqualFold(name, k) {
			return name
		}
	}
	return ""
}

func joinPath(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

func jsonScalar(v any) (string, bool) {
	switch x := v.(type) {
	case json.Number:
		return string(x), true
	case string:
		return x, true
	}
	return "", false
}
