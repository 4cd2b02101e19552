package cli

import (
	"context"
	"errors"
	"fmt"
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

// check refuses a --listen without --join and an address of every
// interface, before anything is created or bound.
func (o JoinOptions) check() error {
	if o.Listen == "" {
		return nil
	}
	if !o.Join {
		return errors.New("--listen chooses where the phone page listens; add --join to serve it")
	}
	return phone.CheckAddr(o.Listen)
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

// errPhonesGone answers a phone whose dots, card or score reached the page
// after the session ended here: nothing of it was saved.
var errPhonesGone = errors.New("the session has ended here; nothing was saved")

// phonePage is the phone page of one running session: while joining is
// open it serves phones on one address; their notes go into the store as
// typed notes do and then to the run screen. The seats' key lives as long
// as the session runs here and is forgotten when it ends.
type phonePage struct {
	listen string
	seats  *phone.Seats
	notes  *phone.StoreNotes

	mu    sync.Mutex
	room  run.PhoneRoom
	srv   *phone.Server
	muted map[string]bool   // kept when joining closes and opens again
	queue []session.Note    // saved, not yet on the console
	input run.PhoneInputMsg // dots, cards and scores for the console to save
	// ballots are the dots of each seat as they are on disk; voteMu keeps
	// one ballot change at a time, so every change is a delta from them.
	ballots map[string]map[string]int
	voteMu  sync.Mutex
	wake    chan struct{}
	inWake  chan struct{}
	done    chan struct{}
	closed  bool
}

// openPhones starts serving the phone page of session sid.
func openPhones(st *store.Store, sid string, opts JoinOptions) (*phonePage, error) {
	p := &phonePage{listen: opts.Listen, seats: phone.NewSeats(), muted: map[string]bool{},
		ballots: map[string]map[string]int{}, wake: make(chan struct{}, 1), inWake: make(chan struct{}, 1), done: make(chan struct{})}
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

// NextInput waits for dots, cards and scores that phones sent, for the
// console to save; ok is false once the page is gone for good.
func (p *phonePage) NextInput() (run.PhoneInputMsg, bool) {
	for {
		p.mu.Lock()
		in := p.input
		if len(in.Votes)+len(in.Ideas)+len(in.Scores) > 0 {
			p.input = run.PhoneInputMsg{}
			p.mu.Unlock()
			return in, true
		}
		p.mu.Unlock()
		select {
		case <-p.inWake:
		case <-p.done:
			return run.PhoneInputMsg{}, false
		}
	}
}

// Progress says how far 25/10 scoring from phones has come.
func (p *phonePage) Progress() phone.Progress {
	p.mu.Lock()
	srv := p.srv
	p.mu.Unlock()
	if srv == nil {
		return phone.Progress{}
	}
	return srv.Progress()
}

// hand queues input for the console and waits until it answered; a session
// that ends first saved nothing of it.
func (p *phonePage) hand(add func(in *run.PhoneInputMsg), answered <-chan struct{}) error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return errPhonesGone
	}
	add(&p.input)
	p.mu.Unlock()
	select {
	case p.inWake <- struct{}{}:
	default:
	}
	select {
	case <-answered:
		return nil
	case <-p.done:
		return errPhonesGone
	}
}

// Vote saves a phone's ballot (phone.Sink): the console adds the dots it
// gained and takes away those it lost on the themes' tallies, as one board
// change written like a typed tally.
func (p *phonePage) Vote(_ context.Context, seat string, ballot map[string]int) error {
	p.voteMu.Lock()
	defer p.voteMu.Unlock()
	old := p.ballots[seat]
	delta := map[string]int{}
	for id, n := range ballot {
		if d := n - old[id]; d != 0 {
			delta[id] = d
		}
	}
	for id, n := range old {
		if _, still := ballot[id]; !still && n != 0 {
			delta[id] = -n
		}
	}
	if len(delta) > 0 {
		var saveErr error
		answered := make(chan struct{})
		err := p.hand(func(in *run.PhoneInputMsg) {
			in.Votes = append(in.Votes, run.PhoneVote{Delta: delta, Done: func(err error) { saveErr = err; close(answered) }})
		}, answered)
		if err == nil {
			err = saveErr
		}
		if err != nil {
			return fmt.Errorf("could not save a phone's dots: %w", err)
		}
	}
	kept := make(map[string]int, len(ballot))
	for id, n := range ballot {
		kept[id] = n
	}
	p.ballots[seat] = kept
	return nil
}

// AddIdea saves a phone's 25/10 card (phone.Sink) through the console,
// which owns the session's cards.
func (p *phonePage) AddIdea(_ context.Context, text string, _ string) (uint64, error) {
	var id uint64
	var saveErr error
	answered := make(chan struct{})
	err := p.hand(func(in *run.PhoneInputMsg) {
		in.Ideas = append(in.Ideas, run.PhoneIdea{Text: text, Done: func(c uint64, err error) { id, saveErr = c, err; close(answered) }})
	}, answered)
	if err == nil {
		err = saveErr
	}
	if err != nil {
		return 0, fmt.Errorf("could not save a phone's card: %w", err)
	}
	return id, nil
}

// Score adds a phone's score to a card (phone.Sink) through the console.
func (p *phonePage) Score(_ context.Context, cardID uint64, score int, _ string) error {
	var saveErr error
	answered := make(chan struct{})
	err := p.hand(func(in *run.PhoneInputMsg) {
		in.Scores = append(in.Scores, run.PhoneScore{CardID: cardID, Score: score, Done: func(err error) { saveErr = err; close(answered) }})
	}, answered)
	if err == nil {
		err = saveErr
	}
	if err != nil {
		return fmt.Errorf("could not save a phone's score: %w", err)
	}
	return nil
}
