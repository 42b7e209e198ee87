package domain

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// wholeNumber reads a JSON number for an integer field of bits bits. A
// number with a zero fraction or an exponent ("3.0", "3e2") is the whole
// number it names and is accepted; msg says what is wrong otherwise, to
// follow the field's name ("must be a whole number: 1.5 has a fractional
// part", "is too large: at most …").
func wholeNumber(n json.Number, bits int) (v int64, msg string) {
	s := string(n)
	if i, err := strconv.ParseInt(s, 10, bits); err == nil {
		return i, ""
	}
	max := int64(1)<<(bits-1) - 1
	// An exponent past 30 is no field's whole number: it is too large or
	// too small, and big.Rat would spend memory on its digits.
	if _, exp, ok := strings.Cut(strings.ToLower(s), "e"); ok {
		if e, err := strconv.Atoi(exp); err != nil || e > 30 {
			return 0, tooLarge(strings.HasPrefix(s, "-"), max)
		} else if e < -30 {
			return 0, fmt.Sprintf("must be a whole number: %s has a fractional part", s)
		}
	}
	r, ok := new(big.Rat).SetString(s)
	switch {
	case !ok:
		return 0, "must be a whole number"
	case !r.IsInt():
		return 0, fmt.Sprintf("must be a whole number: %s has a fractional part", s)
	case !r.Num().IsInt64() || r.Num().Int64() > max || r.Num().Int64() < -max-1:
		return 0, tooLarge(r.Sign() < 0, max)
	}
	return r.Num().Int64(), ""
}

func tooLarge(negative bool, max int64) string {
	if negative {
		return fmt.Sprintf("is too small: at least %d", -max-1)
	}
	return fmt.Sprintf("is too large: at most %d", max)
}

// moneyMessage says what is wrong with an amount that ParseMoney refused,
// to follow the field's name.
func moneyMessage(s string) string {
	if f, err := strconv.ParseFloat(strings.TrimPrefix(strings.TrimSpace(s), "$"), 64); err == nil && (f >= maxMoneyWhole || f <= -maxMoneyWhole) {
		return fmt.Sprintf("is too large: an amount is at most %s and at least -%s", MaxMoney, MaxMoney)
	}
	return "must be a decimal amount with at most 4 decimal places"
}
