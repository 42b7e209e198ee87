package domain

import (
	"fmt"
	"strconv"
	"strings"
)

// Money is an amount in ten-thousandths of a dollar, so rates such as
// 0.0125 per minute stay exact. A negative amount is a credit.
type Money int64

// MaxMoney is the largest amount (and -MaxMoney the smallest): 12 digits
// before the point, 4 after.
const MaxMoney Money = 999_999_999_999_9999

// maxMoneyWhole is the first whole amount past MaxMoney.
const maxMoneyWhole = 1e12

// ParseMoney reads "12", "12.5", "-3.0125" or "$4.99".
func ParseMoney(s string) (Money, error) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "$"))
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" && frac == "" || len(frac) > 4 || !allDigits(whole+frac) {
		return 0, fmt.Errorf("not an amount with at most 4 decimals")
	}
	if len(strings.TrimLeft(whole, "0")) > 12 {
		return 0, fmt.Errorf("amount too large: at most %s", MaxMoney)
	}
	frac += strings.Repeat("0", 4-len(frac))
	w, _ := strconv.ParseInt("0"+whole, 10, 64)
	f, _ := strconv.ParseInt(frac, 10, 64)
	m := Money(w*10000 + f)
	if neg {
		m = -m
	}
	return m, nil
}

// MoneyFromFloat converts a JSON number, rounding to ten-thousandths.
func MoneyFromFloat(f float64) Money {
	if f < 0 {
		return Money(f*10000 - 0.5)
	}
	return Money(f*10000 + 0.5)
}

// Float is the amount as a JSON number.
func (m Money) Float() float64 { return float64(m) / 10000 }

// String shows the amount with two decimals, or more when it has them.
func (m Money) String() string {
	neg := m < 0
	if neg {
		m = -m
	}
	s := fmt.Sprintf("%d.%04d", int64(m)/10000, int64(m)%10000)
	s = strings.TrimRight(s, "0")
	if i := strings.IndexByte(s, '.'); len(s)-i < 3 {
		s += strings.Repeat("0", 3-(len(s)-i))
	}
	if neg {
		return "-" + s
	}
	return s
}

// MarshalJSON writes the amount as a number.
func (m Money) MarshalJSON() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalJSON reads a number (or a numeric string).
func (m *Money) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	v, err := ParseMoney(s)
	if err != nil {
		return fmt.Errorf("must be a decimal amount: %w", err)
	}
	*m = v
	return nil
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// AllDigits reports whether s is non-empty and made only of 0-9.
func AllDigits(s string) bool { return s != "" && allDigits(s) }

// Dollars shows the amount with a dollar sign, a credit as "-$10.00".
func (m Money) Dollars() string {
	if m < 0 {
		return "-$" + (-m).String()
	}
	return "$" + m.String()
}
