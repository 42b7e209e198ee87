package db

import (
	"encoding/base64"
	"encoding/json"

	"switchboard/domain"
)

// cursor is the keyset position a page ends at: the last row's sort key.
type cursor struct {
	ID   int64  `json:"i"`
	Text string `json:"t,omitempty"`
}

func (c cursor) encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor reads an After value; "" is the first page.
func decodeCursor(s string) (*cursor, error) {
	if s == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	var c cursor
	if err != nil || json.Unmarshal(b, &c) != nil || c.ID <= 0 {
		return nil, domain.FieldErrorf("After", "After is not a cursor this list gave out")
	}
	return &c, nil
}

// pageOf trims rows fetched with limit+1 to limit and returns the cursor of
// the next page ("" on the last page).
func pageOf[T any](rows []T, limit int, key func(T) cursor) ([]T, string) {
	if len(rows) <= limit {
		return rows, ""
	}
	rows = rows[:limit]
	return rows, key(rows[len(rows)-1]).encode()
}
