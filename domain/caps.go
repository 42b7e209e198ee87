package domain

import "strings"

// The most entries each list of one request may hold. A longer list is a
// field error naming its cap; none of its entries is looked at.
const (
	MaxAdditionalProducts = 50   // AdditionalProducts of a new service
	MaxLineProducts       = 100  // a line's Products (and each of Add, Change, Remove)
	MaxRequestLines       = 500  // Lines of an order create or update
	MaxInventoryItems     = 1000 // Items of one inventory create
	MaxInventoryModel     = 80   // an inventory item's Model
	MaxListEntries        = 1000 // any other list
)

// within checks a list of a request against its cap: it returns the list,
// or nothing and a field error naming the cap when the list is too long.
func within[T any](pl *planner, field string, list []T, max int) []T {
	if len(list) <= max {
		return list
	}
	name := field[strings.LastIndexByte(field, '.')+1:]
	pl.p.AddRule(field, RuleTooMany, kv("Max", itoa(max)), "%s may hold at most %d entries; it holds %d", name, max, len(list))
	return nil
}
