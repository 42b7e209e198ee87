package handlers

import (
	"strconv"

	"switchboard/domain"
)

// typedInput reads what a wizard's form holds into the input its submit
// sends. Text that is not a value of its field yet is a problem on the
// field, as the form names it, and is kept as typed by the field's path in
// the input (see domain.DraftValues), so the draft loses nothing and the
// step shows it back with its error.
type typedInput struct {
	domain.Problems
	unparsed map[string]string
	path     string // the input's path of the form's fields: "" or "Suspend."
}

// bad records text that is not a value of its field.
func (t *typedInput) bad(key, field, s, msg string) {
	t.Add(field, "%s", msg)
	if t.unparsed == nil {
		t.unparsed = map[string]string{}
	}
	t.unparsed[key] = s
}

// id reads an id chosen from a list; blank is 0.
func (t *typedInput) id(field, s, msg string) int64 { return t.idAt(t.path+field, field, s, msg) }

// idAt is id for a field the input holds at key.
func (t *typedInput) idAt(key, field, s, msg string) int64 {
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		t.bad(key, field, s, msg)
		return 0
	}
	return n
}

// money reads an optional amount; blank is not given.
func (t *typedInput) money(field, s string) *domain.Money { return t.moneyAt(t.path+field, field, s) }

// moneyAt is money for a field the input holds at key.
func (t *typedInput) moneyAt(key, field, s string) *domain.Money {
	if s == "" {
		return nil
	}
	m, err := domain.ParseMoney(s)
	if err != nil {
		t.bad(key, field, s, "Rate must be an amount such as 4.99 (a negative rate is a credit)")
		return nil
	}
	return &m
}

// quantity reads an optional quantity; blank is not given (1).
func (t *typedInput) quantity(field, s string) *int { return t.quantityAt(t.path+field, field, s) }

// quantityAt is quantity for a field the input holds at key.
func (t *typedInput) quantityAt(key, field, s string) *int {
	if s == "" {
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		t.bad(key, field, s, "Quantity must be a whole number")
		return nil
	}
	return &n
}

// draftText shows a draft's values back in a wizard's form: the text kept
// as typed where there is one, else the value.
type draftText struct {
	text func(path, value string) string
	path string // as typedInput's
}

func (u draftText) id(field string, n int64) string { return u.idAt(u.path+field, n) }

func (u draftText) idAt(key string, n int64) string {
	if n == 0 {
		return u.text(key, "")
	}
	return u.text(key, itoa64(n))
}

func (u draftText) money(field string, m *domain.Money) string { return u.moneyAt(u.path+field, m) }

func (u draftText) moneyAt(key string, m *domain.Money) string {
	if m == nil {
		return u.text(key, "")
	}
	return u.text(key, m.String())
}

func (u draftText) quantity(field string, n *int) string { return u.quantityAt(u.path+field, n) }

func (u draftText) quantityAt(key string, n *int) string {
	if n == nil {
		return u.text(key, "")
	}
	return u.text(key, strconv.Itoa(*n))
}
