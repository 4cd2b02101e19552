package cli

import (
	"context"
	"errors"
	"net"
	"reflect"
	"sync"

	"github.com/spf13/pflag"

	"liberate/internal/phone"
	"liberate/internal/session"
	"liberate/internal/store"
	"liberate/internal/ui/run"
)

// JoinOptions are the flags that serve the phone page beside a session.
type JoinOptions struct {
	Join   bool   // --join: serve the phone page
	Listen string // --listen ADDR:PORT; "" = the laptop's address on its default route
}

func addJoinFlags(f *pflag.FlagSet, o *JoinOptions) {
	f.BoolVar(&o.Join, "join", false, "also serve the phone page on the local network (QR code and join code on screen)")
	f.StringVar(&o.Listen, "listen", "", "with --join: the ADDR:PORT to serve on (default: this laptop's address on its network)")
}

// start serves the phone page of session sid when --join asks for it; nil
// without --join.
func (o JoinOptions) start(st *store.Store, sid string) (*phonePage, error) {
	if !o.Join {
		if o.Listen != "" {
			return nil, errors.New("--listen chooses where the phone page listens; add --join to serve it")
		}
		return nil, nil
	}
	return openPhones(st, sid, o)
}

// errPhonesClosed answers what this version does not open to phones: the
// room never offers voting or 25/10 scoring from phones, so a phone that
// asks anyway gets this.
var errPhonesClosed = errors.New("this is not open to phones")

// phonePage is the phone page of one running session: while joining is
// open it serves phones on one address; their notes go into the store as
// typed notes do and then to the run screen. The seats' key lives as long
// as the session runs here and is forgotten when it ends.
type phonePage struct {
	listen string
	seats  *phone.Seats
	notes  *phone.StoreNotes

	mu     sync.Mutex
	room   run.PhoneRoom
	srv    *phone.Server
	muted  map[string]bool // kept when joining closes and opens again
	queue  []session.Note  // saved, not yet on the console
	wake   chan struct{}
	done   chan struct{}
	closed bool
}

// openPhones starts serving the phone page of session sid.
func openPhones(st *store.Store, sid string, opts JoinOptions) (*phonePage, error) {
	p := &phonePage{listen: opts.Listen, seats: phone.NewSeats(), muted: map[string]bool{},
		wake: make(chan struct{}, 1), done: make(chan struct{})}
	p.notes = &phone.StoreNotes{Store: st, SessionID: sid, Stamp: p.stamp, Added: p.added}
	if err := p.open(); err != nil {
		p.seats.Forget()
		return nil, err
	}
	return p, nil
}

func (p *phonePage) open() error {
	var l net.Listener
	var err error
	if p.listen != "" {
		l, err = phone.Listen(p.listen)
	} else {
		l, err = phone.ListenDefault()
	}
	if err != nil {
		return err
	}
	srv, err := phone.New(phone.Options{Room: p, Sink: p, Seats: p.seats})
	if err != nil {
		_ = l.Close()
		return err
	}
	p.mu.Lock()
	for seat := range p.muted {
		srv.Mute(seat)
	}
	p.srv = srv
	p.mu.Unlock()
	return srv.Start(l)
}

// Close stops the page and forgets the seats' key.
func (p *phonePage) Close() {
	p.mu.Lock()
	srv := p.srv
	p.srv = nil
	if !p.closed {
		p.closed = true
		close(p.done)
	}
	p.mu.Unlock()
	if srv != nil {
		_ = srv.Close()
	}
	p.seats.Forget()
}

// PhoneState is what the room does now (phone.Room).
func (p *phonePage) PhoneState() phone.State {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.room.State
}

// SetRoom takes the room's state from the run screen and tells the phones
// when it changed.
func (p *phonePage) SetRoom(r run.PhoneRoom) {
	p.mu.Lock()
	changed := !reflect.DeepEqual(r.State, p.room.State)
	p.room = r
	srv := p.srv
	p.mu.Unlock()
	if changed && srv != nil {
		srv.Notify()
	}
}

// Join is the URL and code while phones can join.
func (p *phonePage) Join() run.JoinInfo {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.srv == nil {
		return run.JoinInfo{}
	}
	return run.JoinInfo{URL: p.srv.URL(), Code: p.seats.Code()}
}

// Toggle closes joining when it is open and opens it again (same code,
// same seats) when it is closed.
func (p *phonePage) Toggle() (run.JoinInfo, error) {
	p.mu.Lock()
	srv := p.srv
	p.srv = nil
	p.mu.Unlock()
	if srv != nil {
		_ = srv.Close()
		return run.JoinInfo{}, nil
	}
	if err := p.open(); err != nil {
		return run.JoinInfo{}, err
	}
	return p.Join(), nil
}

// ToggleMute stops or again allows input from the phone with this seat.
func (p *phonePage) ToggleMute(seat string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	muted := !p.muted[seat]
	if muted {
		p.muted[seat] = true
	} else {
		delete(p.muted, seat)
	}
	if p.srv != nil {
		if muted {
			p.srv.Mute(seat)
		} else {
			p.srv.Unmute(seat)
		}
	}
	return muted
}

// Next waits for notes that phones sent and the store committed.
func (p *phonePage) Next() []session.Note {
	for {
		p.mu.Lock()
		if len(p.queue) > 0 {
			q := p.queue
			p.queue = nil
			p.mu.Unlock()
			return q
		}
		p.mu.Unlock()
		select {
		case <-p.wake:
		case <-p.done:
			return nil
		}
	}
}

func (p *phonePage) stamp(n *session.Note) {
	p.mu.Lock()
	defer p.mu.Unlock()
	n.StepIndex, n.Structure, n.StepPath = p.room.StepIndex, p.room.Structure, p.room.StepPath
	n.Counters = append(n.Counters, p.room.Counters...)
}

func (p *phonePage) added(n session.Note) {
	p.mu.Lock()
	p.queue = append(p.queue, n)
	p.mu.Unlock()
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// AddNote saves a phone's note (phone.Sink).
func (p *phonePage) AddNote(ctx context.Context, text string, kind session.Kind, seat string) error {
	return p.notes.AddNote(ctx, text, kind, seat)
}

// Vote is not open to phones here.
func (p *phonePage) Vote(context.Context, string, map[string]int) error { return errPhonesClosed }

// AddIdea is not open to phones here.
func (p *phonePage) AddIdea(context.Context, string, string) (uint64, error) {
	return 0, errPhonesClosed
}

// Score is not open to phones here.
func (p *phonePage) Score(context.Context, uint64, int, string) error { return errPhonesClosed }
