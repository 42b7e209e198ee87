package domain_test

import (
	"testing"

	"switchboard/domain"
)

func TestOrder_ETag(t *testing.T) {
	o := &domain.Order{ID: 12, Version: 3}
	if got, want := o.ETag(), `"12-3"`; got != want {
		t.Fatalf("ETag=%s, want %s", got, want)
	}
	for _, tt := range []struct {
		tag  string
		id   int64
		want int
		ok   bool
	}{
		{`"12-3"`, 12, 3, true},
		{` "12-0" `, 12, 0, true},
		{`"12-3"`, 13, 0, false},
		{`W/"12-3"`, 12, 0, false},
		{`12-3`, 12, 0, false},
		{`"12-x"`, 12, 0, false},
		{`"12--1"`, 12, 0, false},
		{`"`, 12, 0, false},
		{`*`, 12, 0, false},
	} {
		got, ok := domain.ParseETag(tt.tag, tt.id)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseETag(%s, %d)=%d,%v, want %d,%v", tt.tag, tt.id, got, ok, tt.want, tt.ok)
		}
	}
}
