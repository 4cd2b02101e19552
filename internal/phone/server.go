package phone

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"liberate/internal/session"
)

// Options configure a Server.
type Options struct {
	Room  Room
	Sink  Sink
	Seats *Seats // the session's code and key; NewSeats when nil
	// Limits; the zero value means DefaultLimits.
	Limits Limits
	// Now tells the time for rate limits and the page's countdown; nil
	// means time.Now.
	Now func() time.Time
	// Rand hands out the 25/10 cards; nil means a random seed.
	Rand *mrand.Rand
	// OnChange is called after a phone's input was saved, so the console
	// can show it; it runs on the request's goroutine, so keep it short.
	OnChange func()
	// Timeouts against slow clients; the zero value means DefaultTimeouts.
	Timeouts Timeouts
}

// Timeouts bound how long a client may take, so a slow or stalled phone
// (or an attacker) cannot hold connections open.
type Timeouts struct {
	ReadHeader time.Duration // to send the request's headers
	Read       time.Duration // to send the whole request
	Write      time.Duration // to take the answer (event streams: each message)
	Idle       time.Duration // between requests on a kept-alive connection
}

// DefaultTimeouts suit phones on a busy Wi-Fi.
func DefaultTimeouts() Timeouts {
	return Timeouts{ReadHeader: 5 * time.Second, Read: 10 * time.Second, Write: 10 * time.Second, Idle: 60 * time.Second}
}

// Server is the phone page of one live session.
type Server struct {
	opt   Options
	seats *Seats
	lim   Limits
	now   func() time.Time
	cop   *http.CrossOriginProtection

	seatLim *keyed
	addrLim *keyed
	allLim  *rate.Limiter

	mu       sync.Mutex
	muted    map[string]bool
	flashes  map[string]flash          // one-time "saved" tokens of the redirects
	ballots  map[string]map[string]int // seat → theme → dots
	ideas    []idea                    // 25/10 cards written on phones, in order
	ideaOf   map[string]int            // seat → index in ideas (-1 while saving)
	alloc    *Allocation               // set when scoring starts
	scored   map[[2]int]bool           // (phone, card index) → scored or being saved
	nScored  int
	rng      *mrand.Rand
	changed  chan struct{} // closed and replaced by Notify
	streams  int
	perAddr  map[string]int
	hosts    map[string]bool
	httpSrv  *http.Server
	listener net.Listener
	done     chan struct{} // closed by Close: ends event streams
	closed   bool
}

type idea struct {
	seat   string
	cardID uint64
	text   string
	saved  bool
}

// New returns a server for the room; call Start to serve it.
func New(opt Options) (*Server, error) {
	if opt.Room == nil || opt.Sink == nil {
		return nil, errors.New("phone: a server needs a Room and a Sink")
	}
	if opt.Seats == nil {
		opt.Seats = NewSeats()
	}
	if opt.Limits == (Limits{}) {
		opt.Limits = DefaultLimits()
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Timeouts == (Timeouts{}) {
		opt.Timeouts = DefaultTimeouts()
	}
	rng := opt.Rand
	if rng == nil {
		var seed [16]byte
		_, _ = rand.Read(seed[:])
		rng = mrand.New(mrand.NewPCG(binary.LittleEndian.Uint64(seed[:8]), binary.LittleEndian.Uint64(seed[8:])))
	}
	s := &Server{
		opt: opt, seats: opt.Seats, lim: opt.Limits, now: opt.Now,
		cop:     http.NewCrossOriginProtection(),
		seatLim: newKeyed(opt.Limits.SeatRate, opt.Limits.SeatBurst),
		addrLim: newKeyed(opt.Limits.AddrRate, opt.Limits.AddrBurst),
		allLim:  rate.NewLimiter(opt.Limits.AllRate, opt.Limits.AllBurst),
		muted:   map[string]bool{}, flashes: map[string]flash{}, ballots: map[string]map[string]int{},
		ideaOf: map[string]int{}, scored: map[[2]int]bool{},
		rng: rng, changed: make(chan struct{}), perAddr: map[string]int{},
		hosts: map[string]bool{}, done: make(chan struct{}),
	}
	s.cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "cross-origin request refused", http.StatusForbidden)
	}))
	return s, nil
}

// CheckAddr refuses a --listen value that is not host:port or whose host is
// empty or unspecified: the page is served on one address, never on all
// interfaces. It binds nothing.
func CheckAddr(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--listen %q is not ADDR:PORT (for example 192.168.1.23:8025): %w", addr, err)
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		return fmt.Errorf("--listen %q would serve on every network of this laptop; give one of its addresses, such as 192.168.1.23:8025", addr)
	}
	return nil
}

// Listen opens a TCP listener on addr (host:port) after CheckAddr.
func Listen(addr string) (net.Listener, error) {
	if err := CheckAddr(addr); err != nil {
		return nil, err
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("could not serve the phone page on %s (is another program using it? try another port): %w", addr, err)
	}
	return l, nil
}

// Start serves the page on l until Close. Only requests whose Host header
// names l's address are answered (421 otherwise), against DNS rebinding.
func (s *Server) Start(l net.Listener) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || s.listener != nil {
		return errors.New("phone: the server was already started")
	}
	addr := l.Addr().String()
	s.hosts[strings.ToLower(addr)] = true
	if host, port, err := net.SplitHostPort(addr); err == nil {
		if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
			s.hosts["localhost:"+port] = true
		}
		if port == "80" {
			s.hosts[strings.ToLower(host)] = true
		}
	}
	s.listener = l
	s.httpSrv = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.opt.Timeouts.ReadHeader,
		ReadTimeout:       s.opt.Timeouts.Read,
		WriteTimeout:      s.opt.Timeouts.Write, // event streams extend it per message
		IdleTimeout:       s.opt.Timeouts.Idle,
		MaxHeaderBytes:    8 << 10,
		ErrorLog:          log.New(io.Discard, "", 0), // no addresses in any log
	}
	go func() { _ = s.httpSrv.Serve(l) }()
	return nil
}

// Addr returns the address the server listens on ("" before Start).
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.listener == nil {
		return ""
	}
	return s.listener.Addr().String()
}

// URL returns the join URL phones open: the address and the join code.
func (s *Server) URL() string {
	return "http://" + s.Addr() + "/" + s.seats.Code()
}

// Code returns the join code.
func (s *Server) Code() string { return s.seats.Code() }

// Close stops listening, ends the live event streams and closes every
// connection. The seats stay valid (joining may open again); forget them
// with Seats.Forget when the session ends.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.done)
	srv := s.httpSrv
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		return srv.Close()
	}
	return nil
}

// Notify tells every phone following the room that the room changed; call
// it after every change of State. Calls coalesce: a phone that is still
// sending the last change gets only the newest one.
func (s *Server) Notify() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.observe(s.opt.Room.PhoneState())
	close(s.changed)
	s.changed = make(chan struct{})
}

// Mute stops a phone's input (by the seat hash of one of its notes);
// Unmute lets it send again.
func (s *Server) Mute(seat string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.muted[seat] = true
}

// Unmute undoes Mute.
func (s *Server) Unmute(seat string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.muted, seat)
}

// Muted reports whether the seat is muted.
func (s *Server) Muted(seat string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.muted[seat]
}

// Tally returns the dots phones put on each theme.
func (s *Server) Tally() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for _, b := range s.ballots {
		for id, n := range b {
			out[id] += n
		}
	}
	return out
}

// Progress says how far 25/10 scoring from phones has come.
func (s *Server) Progress() Progress {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := Progress{Scored: s.nScored}
	for _, in := range s.ideas {
		if in.saved {
			p.Ideas++
		}
	}
	if s.alloc != nil {
		for _, cards := range s.alloc.Cards {
			p.Total += len(cards)
		}
		p.Done = p.Total > 0 && s.nScored == p.Total
	}
	return p
}

// observe keeps the 25/10 bookkeeping in step with the room: cards are
// handed out when scoring starts and forgotten when 25/10 is over. s.mu is
// held.
func (s *Server) observe(st State) {
	switch st.Crowd.Phase {
	case CrowdOff:
		s.ideas, s.ideaOf, s.alloc, s.scored, s.nScored = nil, map[string]int{}, nil, map[[2]int]bool{}, 0
	case CrowdScoring:
		if s.alloc == nil {
			// Only saved ideas take part; one still being saved stays out.
			kept := s.ideas[:0]
			s.ideaOf = map[string]int{}
			for _, in := range s.ideas {
				if in.saved {
					s.ideaOf[in.seat] = len(kept)
					kept = append(kept, in)
				}
			}
			s.ideas = kept
			a := Allocate(len(s.ideas), s.rng)
			s.alloc = &a
		}
	}
}

func (s *Server) changes() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.changed
}

func (s *Server) changedByPhone() {
	if s.opt.OnChange != nil {
		s.opt.OnChange()
	}
}

// ServeHTTP answers one request: the Host allow-list, then the join code,
// then the routes of the page.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cache-Control", "no-store")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")

	if !s.allowedHost(r.Host) {
		http.Error(w, "misdirected request", http.StatusMisdirectedRequest)
		return
	}
	rest, ok := s.stripCode(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	if rest == "" {
		http.Redirect(w, r, "/"+s.seats.Code()+"/", http.StatusFound)
		return
	}
	if r.Method == http.MethodPost {
		if err := s.cop.Check(r); err != nil {
			http.Error(w, "cross-origin request refused", http.StatusForbidden)
			return
		}
	}
	if r.URL.Path != "/"+s.seats.Code()+"/events" {
		if d := s.reserveAddr(r); d > 0 {
			s.tooMany(w, r, d)
			return
		}
	}
	switch rest {
	case "/":
		s.onlyGet(w, r, s.page)
	case "/phone.js":
		s.onlyGet(w, r, asset("phone.js", "text/javascript; charset=utf-8"))
	case "/phone.css":
		s.onlyGet(w, r, asset("phone.css", "text/css; charset=utf-8"))
	case "/events":
		s.onlyGet(w, r, s.events)
	case "/note":
		s.onlyPost(w, r, s.postNote)
	case "/vote":
		s.onlyPost(w, r, s.postVote)
	case "/idea":
		s.onlyPost(w, r, s.postIdea)
	case "/score":
		s.onlyPost(w, r, s.postScore)
	default:
		http.NotFound(w, r)
	}
}

func (s *Server) allowedHost(host string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hosts[strings.ToLower(host)]
}

// stripCode returns the path after "/CODE", and false when the path does
// not start with the session's code (compared in constant time, any case).
func (s *Server) stripCode(path string) (string, bool) {
	seg, rest, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	code := s.seats.Code()
	if len(seg) != len(code) || subtle.ConstantTimeCompare([]byte(NormalizeCode(seg)), []byte(code)) != 1 {
		return "", false
	}
	if seg != code || (rest == "" && !strings.HasSuffix(path, "/")) {
		return "", true // typed in lower case or without the slash: redirected to the page
	}
	return "/" + rest, true
}

func (s *Server) onlyGet(w http.ResponseWriter, r *http.Request, h http.HandlerFunc) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	h(w, r)
}

func (s *Server) onlyPost(w http.ResponseWriter, r *http.Request, h http.HandlerFunc) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	h(w, r)
}

// clientAddr is the request's network address without the port; it is
// used for rate limits in memory only and never stored.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (s *Server) reserveAddr(r *http.Request) time.Duration {
	now := s.now()
	if d := s.addrLim.reserve(clientAddr(r), now); d > 0 {
		return d
	}
	return take(s.allLim, now)
}

func (s *Server) tooMany(w http.ResponseWriter, r *http.Request, d time.Duration) {
	w.Header().Set("Retry-After", fmt.Sprint(retryAfter(d)))
	s.answer(w, r, http.StatusTooManyRequests, func(t *textsPhone) string { return t.Slow }, "")
}

// seatOf returns the phone's seat token from its cookie, if this server
// handed it out.
func (s *Server) seatOf(r *http.Request) (string, bool) {
	c, err := r.Cookie(cookieName)
	if err != nil || !s.seats.Verify(c.Value) {
		return "", false
	}
	return c.Value, true
}

const cookieName = "seat"

func (s *Server) setSeat(w http.ResponseWriter) (string, error) {
	tok, err := s.seats.NewToken()
	if err != nil {
		return "", err
	}
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: tok, Path: "/" + s.seats.Code() + "/",
		MaxAge: 12 * 3600, HttpOnly: true, SameSite: http.SameSiteStrictMode,
	})
	return tok, nil
}

// kindOK reports whether the note kind is one of session's kinds.
func kindOK(k session.Kind) bool {
	for _, x := range session.Kinds {
		if x == k {
			return true
		}
	}
	return false
}
