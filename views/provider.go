package views

// ProviderVM is what the background jobs know of an order at its provider.
type ProviderVM struct {
	Sent        string // when the provider took it; "" before
	Due         string
	LastCheck   string
	LastAnswer  string
	PortAnswer  string // the losing carrier's answer to a port request, in words
	NextAttempt string
	Failures    int    // calls that failed in a row
	LastError   string // the last failure, while calls fail
	ErrorAt     string
	Supplement  int
}

// FailingOrderRow is an order whose provider calls keep failing.
type FailingOrderRow struct {
	OrderID     int64
	PON         string
	Status      string
	Failures    int
	LastError   string
	ErrorAt     string
	NextAttempt string
}
