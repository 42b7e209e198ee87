package web

import (
	"bytes"
	"context"
	"log/slog"
	"sync"
	"sync/atomic"

	"switchboard/domain"
	"switchboard/handlers"
	"switchboard/views"
)

// The live board's server side. Every committed change to a reconnect
// port reaches the BoardHub (in process, and on PostgreSQL from the other
// instances through LISTEN/NOTIFY). The hub reads the port once, draws its
// update once, and hands each open board the part its filter needs; a
// board's stream writes it out. Publishing never waits for a board: a
// board that falls behind is told to reload (a "refresh" event) instead.
const (
	hubQueue     = 8192 // changes waiting to be drawn
	boardBuffer  = 64   // messages waiting to be written to one board
	hubBatchSize = 256  // changes drawn per pass, one draw per port
)

// PortUpdateRenderer draws a port's update (handlers.Handlers does).
type PortUpdateRenderer interface {
	RenderPortUpdate(ctx context.Context, id int64) (*handlers.PortUpdate, error)
}

// BoardHub fans reconnect port changes out to the open boards.
type BoardHub struct {
	render PortUpdateRenderer
	log    *slog.Logger

	in       chan domain.ReconnectPortChanged
	overflow atomic.Bool
	last     atomic.Int64 // the newest Seq drawn

	mu     sync.Mutex
	subs   map[*boardSub]struct{}
	stages map[int64]string // each port's stage as last drawn
}

// NewBoardHub returns a hub drawing with render; Run it.
func NewBoardHub(render PortUpdateRenderer, log *slog.Logger) *BoardHub {
	return &BoardHub{render: render, log: log, in: make(chan domain.ReconnectPortChanged, hubQueue),
		subs: map[*boardSub]struct{}{}, stages: map[int64]string{}}
}

// boardMsg is one server-sent event.
type boardMsg struct {
	id    int64
	event string
	data  []byte
}

// boardSub is one open board.
type boardSub struct {
	filter  domain.ReconnectPortFilter
	editor  bool
	ch      chan boardMsg
	refresh atomic.Bool // it missed messages: reload the board
}

// PublishPortChanged queues a change to be drawn (db.PortEventPublisher).
// It never blocks: when the queue is full every board is told to reload.
func (h *BoardHub) PublishPortChanged(ev domain.ReconnectPortChanged) {
	select {
	case h.in <- ev:
	default:
		h.overflow.Store(true)
	}
}

// Subscribers is how many boards are open.
func (h *BoardHub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

func (h *BoardHub) subscribe(f views.BoardFilter, editor bool) *boardSub {
	s := &boardSub{filter: handlers.StoreFilter(f), editor: editor, ch: make(chan boardMsg, boardBuffer)}
	h.mu.Lock()
	h.subs[s] = struct{}{}
	h.mu.Unlock()
	return s
}

func (h *BoardHub) unsubscribe(s *boardSub) {
	h.mu.Lock()
	delete(h.subs, s)
	h.mu.Unlock()
}

// Run draws queued changes until ctx ends. Changes queued together are
// drawn once per port.
func (h *BoardHub) Run(ctx context.Context) {
	for {
		var first domain.ReconnectPortChanged
		select {
		case <-ctx.Done():
			return
		case first = <-h.in:
		}
		batch := map[int64]int64{first.PortID: first.Seq}
		order := []int64{first.PortID}
	drain:
		for len(batch) < hubBatchSize {
			select {
			case ev := <-h.in:
				if _, ok := batch[ev.PortID]; !ok {
					order = append(order, ev.PortID)
				}
				batch[ev.PortID] = max(batch[ev.PortID], ev.Seq)
			default:
				break drain
			}
		}
		for _, id := range order {
			h.draw(ctx, id, batch[id])
		}
		if h.overflow.Swap(false) {
			h.mu.Lock()
			for s := range h.subs {
				s.refresh.Store(true)
			}
			h.mu.Unlock()
		}
	}
}

// draw reads port id, draws it and hands every board its part.
func (h *BoardHub) draw(ctx context.Context, id, seq int64) {
	up, err := h.render.RenderPortUpdate(ctx, id)
	if err != nil {
		h.log.Warn("board: a port's update could not be drawn; boards reload", "port", id, "err", err)
		h.overflow.Store(true)
		return
	}
	for {
		if l := h.last.Load(); seq <= l || h.last.CompareAndSwap(l, seq) {
			break
		}
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	prev, known := h.stages[id]
	moved := !known || prev != up.Port.Stage
	h.stages[id] = up.Port.Stage
	for s := range h.subs {
		data := updateFor(up, s, moved)
		if data == nil {
			continue
		}
		select {
		case s.ch <- boardMsg{id: seq, event: "port", data: data}:
		default:
			s.refresh.Store(true)
		}
	}
}

// updateFor is what board s needs of up: the card replaced in place when
// the port stayed in its stage, moved to the top of its column when it
// changed stage (or the board may not have it), taken off when the board's
// filter no longer shows it; the counts with every change of stage. nil
// when the board needs nothing.
func updateFor(up *handlers.PortUpdate, s *boardSub, moved bool) []byte {
	who := 0
	if s.editor {
		who = 1
	}
	var card []byte
	switch {
	case s.filter.Matches(up.Port) && moved:
		card = up.Move[who]
	case s.filter.Matches(up.Port):
		card = up.Replace[who]
	case moved:
		card = up.Delete
	}
	if !moved {
		return card
	}
	return bytes.Join([][]byte{card, up.Counts}, nil)
}
