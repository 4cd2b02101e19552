package phone

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"liberate/internal/session"
)

// fakeRoom is a room whose state the test sets.
type fakeRoom struct {
	mu sync.Mutex
	st State
}

func (r *fakeRoom) PhoneState() State {
	r.mu.Lock()
	defer r.mu.Unlock()
	st := r.st
	st.Voting.Themes = append([]Theme(nil), st.Voting.Themes...)
	return st
}

func (r *fakeRoom) set(f func(st *State)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f(&r.st)
}

// memSink keeps what phones send in memory; fail makes the next calls fail
// as a full disk would.
type memSink struct {
	mu      sync.Mutex
	notes   []memNote
	ballots map[string]map[string]int
	ideas   []memNote
	scores  map[uint64][]int
	scorers map[uint64][]string
	fail    error
}

type memNote struct {
	text, seat string
	kind       session.Kind
}

func newMemSink() *memSink {
	return &memSink{ballots: map[string]map[string]int{}, scores: map[uint64][]int{}, scorers: map[uint64][]string{}}
}

func (m *memSink) AddNote(_ context.Context, text string, kind session.Kind, seat string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return m.fail
	}
	m.notes = append(m.notes, memNote{text: text, kind: kind, seat: seat})
	return nil
}

func (m *memSink) Vote(_ context.Context, seat string, ballot map[string]int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return m.fail
	}
	m.ballots[seat] = ballot
	return nil
}

func (m *memSink) AddIdea(_ context.Context, text, seat string) (uint64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return 0, m.fail
	}
	m.ideas = append(m.ideas, memNote{text: text, seat: seat})
	return uint64(100 + len(m.ideas)), nil
}

func (m *memSink) Score(_ context.Context, card uint64, score int, seat string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return m.fail
	}
	m.scores[card] = append(m.scores[card], score)
	m.scorers[card] = append(m.scorers[card], seat)
	return nil
}

func (m *memSink) noteTexts() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for _, n := range m.notes {
		out = append(out, n.text)
	}
	return out
}

// fakeClock is a clock the test moves.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// rig is a started server on 127.0.0.1 with a fake room, sink and clock.
type rig struct {
	t     *testing.T
	srv   *Server
	room  *fakeRoom
	sink  *memSink
	clock *fakeClock
	host  string // the Host phones use
	base  string // http://host/CODE/
}

func newRig(t *testing.T, edit func(o *Options)) *rig {
	t.Helper()
	r := &rig{t: t, room: &fakeRoom{}, sink: newMemSink(), clock: &fakeClock{now: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}}
	r.room.st = State{Title: "1-2-4-All · All", Invitation: "What slows you down?", Capture: session.KindFrustration}
	opt := Options{Room: r.room, Sink: r.sink, Now: r.clock.Now, Rand: rand.New(rand.NewPCG(1, 2))}
	if edit != nil {
		edit(&opt)
	}
	srv, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	l, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(l); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	r.srv, r.host = srv, srv.Addr()
	r.base = "http://" + r.host + "/" + srv.Code() + "/"
	return r
}

// do sends req to the handler through httptest, from addr (a phone's
// network address), and returns the recorded answer.
func (r *rig) do(req *http.Request, addr string) *httptest.ResponseRecorder {
	r.t.Helper()
	if req.Host == "" || req.Host == "example.com" {
		req.Host = r.host
	}
	if addr == "" {
		addr = "127.0.0.1"
	}
	req.RemoteAddr = net.JoinHostPort(addr, "50000")
	rec := httptest.NewRecorder()
	r.srv.ServeHTTP(rec, req)
	return rec
}

// phone is one simulated phone: its seat cookie and address.
type phone struct {
	r      *rig
	cookie *http.Cookie
	addr   string
	lang   string
}

// join opens the join page as a phone does and keeps the seat cookie.
func (r *rig) join(addr string) *phone {
	r.t.Helper()
	rec := r.do(httptest.NewRequest("GET", r.base, nil), addr)
	if rec.Code != http.StatusOK {
		r.t.Fatalf("join: %d %s", rec.Code, rec.Body)
	}
	for _, c := range rec.Result().Cookies() {
		if c.Name == cookieName {
			return &phone{r: r, cookie: c, addr: addr}
		}
	}
	r.t.Fatal("join: no seat cookie")
	return nil
}

func (p *phone) post(path string, form url.Values, json bool) *httptest.ResponseRecorder {
	p.r.t.Helper()
	req := httptest.NewRequest("POST", p.r.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.Header.Set("Origin", "http://"+p.r.host)
	if json {
		req.Header.Set("Accept", "application/json")
	}
	if p.lang != "" {
		req.Header.Set("Accept-Language", p.lang)
	}
	if p.cookie != nil {
		req.AddCookie(p.cookie)
	}
	return p.r.do(req, p.addr)
}

func (p *phone) get(path string) *httptest.ResponseRecorder {
	p.r.t.Helper()
	req := httptest.NewRequest("GET", p.r.base+path, nil)
	if p.cookie != nil {
		req.AddCookie(p.cookie)
	}
	if p.lang != "" {
		req.Header.Set("Accept-Language", p.lang)
	}
	return p.r.do(req, p.addr)
}

func (p *phone) note(text string) *httptest.ResponseRecorder {
	return p.post("note", url.Values{"text": {text}}, true)
}

func (p *phone) seat() string {
	h, err := p.r.srv.seats.Hash(p.cookie.Value)
	if err != nil {
		p.r.t.Fatal(err)
	}
	return h
}

var errDiskFull = errors.New("no space left on device")
