package views

import (
	"strconv"

	"github.com/a-h/templ"

	"switchboard/views/components"
)

// Element ids of the quote pages.
const (
	IDQuoteServices  = "quote-services"
	IDQuoteHistory   = "quote-history"
	IDCustomerQuotes = "customer-quotes"
)

// QuoteVM is one quote's page.
type QuoteVM struct {
	ID           int64
	CustomerID   int64
	CustomerName string
	Open         bool
	Created      string
	Converted    string
	CanEdit      bool // open, and the user may change it
	Services     []QuoteServiceRow
	Designs      []components.Option // designs a service can be added from
	DesignErr    []string
	History      []HistoryEntry
}

// QuoteServiceRow is one order service on a quote.
type QuoteServiceRow struct {
	ID        int64
	Design    string
	Control   bool
	Actions   string
	Used, Max int64
	Ranges    int
}

// Numbers is how many port numbers the quote's services hold.
func (vm QuoteVM) Numbers() int64 {
	var n int64
	for _, s := range vm.Services {
		n += s.Used
	}
	return n
}

// CustomerQuotesVM is the quotes section of a customer page.
type CustomerQuotesVM struct {
	CustomerID int64
	CanStart   bool
	Quotes     []CustomerQuoteRow
}

// CustomerQuoteRow is one of a customer's quotes.
type CustomerQuoteRow struct {
	ID      int64
	Open    bool
	Created string
}

// ServiceDesignsVM is the admin page of service designs.
type ServiceDesignsVM struct {
	Rows   []ServiceDesignRow
	EditID int64
	Edit   ServiceDesignForm
	New    ServiceDesignForm
}

// ServiceDesignRow is one design.
type ServiceDesignRow struct {
	ID      int64
	Name    string
	Control bool
	Actions string
	Max     int64
}

// ServiceDesignForm is the create form or an edit form, with messages per field.
type ServiceDesignForm struct {
	ID      int64
	Name    string
	Control bool
	Port    bool
	Cease   bool
	Max     string
	Errors  map[string][]string
}

func designFormURL(f ServiceDesignForm) templ.SafeURL {
	if f.ID == 0 {
		return "/admin/service-designs"
	}
	return templ.URL("/admin/service-designs/" + strconv.FormatInt(f.ID, 10))
}

func (f ServiceDesignForm) fid(name string) string {
	return "sd-" + strconv.FormatInt(f.ID, 10) + "-" + name
}

func quoteStatus(open bool) string {
	if open {
		return "Open quote"
	}
	return "Order"
}
