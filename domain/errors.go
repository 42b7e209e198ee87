// Package domain holds Switchboard's entities, rules and store interfaces.
// It imports only the standard library: no HTTP, no SQL.
package domain

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes. Each maps to one HTTP status in the web layer.
const (
	EINVALID      = "invalid"      // bad input; Fields says where
	EUNAUTHORIZED = "unauthorized" // not signed in, or a bad token
	EFORBIDDEN    = "forbidden"    // a rule or a role forbids it
	ENOTFOUND     = "not_found"    // unknown id
	ECONFLICT     = "conflict"     // clashes with what is stored
	ESTALE        = "stale"        // the caller's version is out of date (If-Match)
	ETOOMANY      = "too_many"     // rate limited
	EINTERNAL     = "internal"     // anything else; never shown in detail
)

// FieldError is one failed check on one input field. Field is the seed's
// field path ("WirelessPort.Address.Zip") or "" when the seed names none.
// Message is the API's wording; Rule, when set, names the check that
// failed and Params its values, so a page can say it in its own words
// without reading Message.
type FieldError struct {
	Field   string
	Message string
	Rule    string
	Params  map[string]string
	// Conflict marks a check that failed against what is stored (a TN in
	// use, a line or customer product another open order holds) rather
	// than on the input's own form. See Problems.Err.
	Conflict bool
}

// Rules a page may phrase in its own words (FieldError.Rule).
const (
	// RuleRequired: nothing was given (or chosen) where one is needed.
	RuleRequired = "required"
	// RulePackageOrProducts: a new line has no package and no
	// provisionable product.
	RulePackageOrProducts = "package_or_products"
	// RuleCarrierWithoutPackage: a new line has neither package nor carrier.
	RuleCarrierWithoutPackage = "carrier_without_package"
	// RuleCarrierMismatch: the carrier is not the package's; Params
	// "Carrier" names the package's carrier.
	RuleCarrierMismatch = "carrier_mismatch"
	// RuleServiceTypeMismatch: the service type does not suit the
	// package or its carrier (Package.Takes); Params "ServiceType" names
	// the package's own type when it has one.
	RuleServiceTypeMismatch = "service_type_mismatch"
)

// Error is the one application error type. Message is safe to show users.
type Error struct {
	Code    string
	Message string
	Fields  []FieldError
}

func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return fmt.Sprintf("switchboard error: code=%s message=%s", e.Code, e.Message)
	}
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Field + ": " + f.Message
	}
	return fmt.Sprintf("switchboard error: code=%s message=%s fields=[%s]", e.Code, e.Message, strings.Join(parts, "; "))
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldErrorf returns an EINVALID error about one field.
func FieldErrorf(field, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	return &Error{Code: EINVALID, Message: msg, Fields: []FieldError{{Field: field, Message: msg}}}
}

// ErrorCode returns the code of err, EINTERNAL for a non-domain error and ""
// for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-safe message of err: "Internal error" for
// anything that is not a domain error.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}

// ErrorFields returns the field messages of err, if any.
func ErrorFields(err error) []FieldError {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// Problems collects field errors while an input is checked; Err returns
// nil when nothing failed. Each failed check is its own entry.
type Problems struct {
	fields []FieldError
}

// Add records a failed check.
func (p *Problems) Add(field, format string, args ...any) {
	p.fields = append(p.fields, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// AddRule records a failed check of a named rule with its parameters.
func (p *Problems) AddRule(field, rule string, params map[string]string, format string, args ...any) {
	p.fields = append(p.fields, FieldError{Field: field, Message: fmt.Sprintf(format, args...), Rule: rule, Params: params})
}

// AddError records a field error as it is (another check's, renamed).
func (p *Problems) AddError(f FieldError) { p.fields = append(p.fields, f) }

// Conflict records a failed check against what is stored: the input is
// well formed but clashes with another record (see Err).
func (p *Problems) Conflict(field, format string, args ...any) {
	p.fields = append(p.fields, FieldError{Field: field, Message: fmt.Sprintf(format, args...), Conflict: true})
}

// Check records msg against field when ok is false.
func (p *Problems) Check(ok bool, field, format string, args ...any) {
	if !ok {
		p.Add(field, format, args...)
	}
}

// Merge adds the field errors of err (if it is an EINVALID error, or an
// ECONFLICT one with field errors) and returns err unchanged when it is
// any other kind.
func (p *Problems) Merge(err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) && (e.Code == EINVALID || e.Code == ECONFLICT && len(e.Fields) > 0) {
		if len(e.Fields) == 0 {
			p.fields = append(p.fields, FieldError{Message: e.Message})
		}
		p.fields = append(p.fields, e.Fields...)
		return nil
	}
	return err
}

// Has reports whether field already has a problem.
func (p *Problems) Has(field string) bool {
	for _, f := range p.fields {
		if f.Field == field {
			return true
		}
	}
	return false
}

// Empty reports whether no check failed.
func (p *Problems) Empty() bool { return len(p.fields) == 0 }

// Err returns the collected problems as one error, or nil: ECONFLICT when
// every problem is a conflict (the input is well formed but clashes with
// what is stored), else EINVALID with every problem, conflicts included.
func (p *Problems) Err() error {
	if len(p.fields) == 0 {
		return nil
	}
	msg := "Please correct the highlighted fields."
	if len(p.fields) == 1 {
		msg = p.fields[0].Message
	}
	code := ECONFLICT
	for _, f := range p.fields {
		if !f.Conflict {
			code = EINVALID
			break
		}
	}
	return &Error{Code: code, Message: msg, Fields: append([]FieldError(nil), p.fields...)}
}

// IsInputError reports whether err refuses an input field by field: an
// EINVALID error, or an ECONFLICT one with field errors (Problems.Err). A
// form shows such an error beside its fields.
func IsInputError(err error) bool {
	switch ErrorCode(err) {
	case EINVALID:
		return true
	case ECONFLICT:
		return len(ErrorFields(err)) > 0
	}
	return false
}
