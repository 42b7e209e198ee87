package views

import (
	"fmt"
	"net/url"
	"strconv"
	"time"

	"github.com/a-h/templ"

	"switchboard/domain"
)

// Element ids of the reconnect port board. The board's live updates swap
// cards and counts by these ids out of band.
const (
	IDBoard       = "board"        // the counts and columns: reloaded whole after a gap in the stream
	IDBoardCounts = "board-counts" // the count of ports per stage
	IDBoardStatus = "board-status" // "Live" or "Reconnecting…"
)

// BoardColumnID is the element id of a stage's list of cards.
func BoardColumnID(stage string) string { return "stage-" + stage }

// PortCardID is the element id of a port's card.
func PortCardID(id int64) string { return "port-" + strconv.FormatInt(id, 10) }

// BoardVM is the live board of reconnect ports.
type BoardVM struct {
	Filter    BoardFilter
	Columns   []BoardColumn // the stages shown, in PortStages order
	Counts    []StageCount  // every stage
	Since     int64         // the last change the page shows: where the live stream starts
	CanCreate bool
	Now       time.Time
	Limited   bool // more ports match than a board shows
}

// BoardFilter is what the board shows: some stages (all when empty), and
// ports whose MDN, TN or customer name holds Search.
type BoardFilter struct {
	Stages []string
	Search string
}

// Query is the filter as URL query parameters.
func (f BoardFilter) Query() url.Values {
	q := url.Values{}
	for _, s := range f.Stages {
		q.Add("Stage", s)
	}
	if f.Search != "" {
		q.Set("Search", f.Search)
	}
	return q
}

// Shows reports whether the filter shows stage.
func (f BoardFilter) Shows(stage string) bool {
	return len(f.Stages) == 0 || domain.OneOf(stage, f.Stages)
}

// EventsURL is the board's event stream, starting after since.
func (vm BoardVM) EventsURL() string {
	q := vm.Filter.Query()
	q.Set("since", strconv.FormatInt(vm.Since, 10))
	return "/reconnect-ports/events?" + q.Encode()
}

// ReloadURL is the board's own fragment with the same filter.
func (vm BoardVM) ReloadURL() string {
	if q := vm.Filter.Query().Encode(); q != "" {
		return "/reconnect-ports?" + q
	}
	return "/reconnect-ports"
}

// StageChoices are the stage filter's checkboxes.
func (vm BoardVM) StageChoices() []Choice {
	var cs []Choice
	for _, s := range domain.PortStages {
		cs = append(cs, Choice{Value: s, Label: domain.StageTitle(s), Checked: len(vm.Filter.Stages) > 0 && vm.Filter.Shows(s)})
	}
	return cs
}

// BoardColumn is one stage's cards.
type BoardColumn struct {
	Stage string
	Cards []PortCard
}

// StageCount is how many ports are in a stage.
type StageCount struct {
	Stage string
	N     int
}

// PortCard is one port on the board.
type PortCard struct {
	ID           int64
	MDN          string // formatted
	TN           string // the old service's, formatted
	CustomerID   int64
	CustomerName string
	Stage        string
	CreatedAt    time.Time
	StatusDate   *time.Time
	Overdue      bool
	OverdueAt    time.Time // when an open port becomes overdue
	Open         bool
	ErrorMessage string
	Orders       []PortCardOrder
	CanResubmit  bool // the viewer may resubmit, and the port waits for it
}

// PortCardOrder is one of a port's orders on its card.
type PortCardOrder struct {
	ID     int64
	Kind   string // Disconnect or Reconnect
	Status string
	Answer string // the losing carrier's answer in words, "" if none
}

// NewPortCard makes the card of p at now; canEdit says whether the viewer
// may resubmit ports.
func NewPortCard(p *domain.ReconnectPort, now time.Time, canEdit bool) PortCard {
	c := PortCard{ID: p.ID, MDN: FormatTN(p.PortMDN), TN: FormatTN(p.TN), CustomerID: p.CustomerID, CustomerName: p.CustomerName,
		Stage: p.Stage, CreatedAt: p.CreatedAt, StatusDate: p.StatusDate, Overdue: p.Overdue(now),
		OverdueAt: p.CreatedAt.Add(domain.PortExpected), Open: p.Open(), ErrorMessage: p.ErrorMessage,
		CanResubmit: canEdit && p.Stage == domain.StageResolution}
	for _, o := range p.Orders {
		po := PortCardOrder{ID: o.ID, Kind: "Disconnect", Status: o.Status}
		if o.Kind == domain.PortOrderReconnect {
			po.Kind = "Reconnect"
		}
		switch {
		case o.PortActivated:
			po.Answer = "number activated"
		case o.PortResponse == domain.PortDelay:
			po.Answer = "port delayed"
		case o.PortResponse == domain.PortConfirmation:
			po.Answer = "port confirmed"
		case o.PortResponse == domain.PortResolutionRequired:
			po.Answer = "needs correction"
		}
		c.Orders = append(c.Orders, po)
	}
	return c
}

// Age says how long ago t was, in a rep's words.
func Age(t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h %d min ago", int(d.Hours()), int(d.Minutes())%60)
	}
	return fmt.Sprintf("%d days ago", int(d.Hours()/24))
}

func isoTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func clock(t time.Time) string { return t.UTC().Format("Jan 2 15:04:05 UTC") }

func portURL(path string, id int64) templ.SafeURL {
	return templ.URL(fmt.Sprintf("/reconnect-ports/%d%s", id, path))
}

func stageTone(stage string) string {
	switch stage {
	case domain.StageCompleted:
		return "ok"
	case domain.StageErrored:
		return "bad"
	case domain.StageResolution:
		return "warn"
	}
	return "info"
}
