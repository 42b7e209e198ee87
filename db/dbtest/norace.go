//go:build !race

package dbtest

// RaceEnabled reports whether the test binary was built with -race, which
// makes code several times slower: tests that check a time budget scale it.
const RaceEnabled = false
