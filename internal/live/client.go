package live

import (
	"context"
	"errors"
	"io/fs"
	"net"
	"os"
	"runtime"
	"time"
)

// Status says whether a Client is following a running liberate.
type Status int

// The states of a client.
const (
	StatusWaiting   Status = iota // no liberate serves the database (yet), or it went away
	StatusConnected               // following a running liberate
)

// String names the status.
func (s Status) String() string {
	if s == StatusConnected {
		return "connected"
	}
	return "waiting"
}

// State is what a Client hands its consumer.
type State[T any] struct {
	Status Status
	// Snapshot is the newest snapshot from the server while connected (its
	// Seq starts again at 1 with every new server); zero while waiting.
	Snapshot Snapshot[T]
	// Err says why the client is waiting: nil before the first attempt, else
	// an *Error of kind ErrNoServer (the normal case: no liberate runs on the
	// database yet), ErrNotOwner, ErrVersion, ErrProtocol or ErrPathTooLong.
	Err error
}

// Clock makes the client's waits between attempts; tests pass a fake one so
// they need no sleeps.
type Clock interface {
	After(d time.Duration) <-chan time.Time
}

type systemClock struct{}

func (systemClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Default waits between connection attempts: the first retry after
// DefaultMinRetry, doubling up to DefaultMaxRetry, so a projector finds a
// new liberate within a second and costs nothing meanwhile.
const (
	DefaultMinRetry = 50 * time.Millisecond
	DefaultMaxRetry = time.Second
)

// ClientOptions tunes a Client; the zero value is what liberate uses.
type ClientOptions struct {
	Clock        Clock         // nil: the system clock
	MinRetry     time.Duration // 0: DefaultMinRetry
	MaxRetry     time.Duration // 0: DefaultMaxRetry
	MaxLineBytes int           // 0: MaxLineBytes
}

// Client follows the liberate that serves a database: it connects to the
// database's socket, decodes the snapshots, and when no liberate serves the
// database (or it quits) waits and tries again until its context ends. It
// never opens the database itself and never writes to the socket.
type Client[T any] struct {
	db     string
	opts   ClientOptions
	states *Bus[State[T]]
	sub    *Subscription[State[T]]
}

// NewClient returns a client for the database at dbPath; it does nothing
// until Run.
func NewClient[T any](dbPath string, opts ClientOptions) *Client[T] {
	if opts.Clock == nil {
		opts.Clock = systemClock{}
	}
	if opts.MinRetry <= 0 {
		opts.MinRetry = DefaultMinRetry
	}
	if opts.MaxRetry <= 0 {
		opts.MaxRetry = DefaultMaxRetry
	}
	if opts.MaxRetry < opts.MinRetry {
		opts.MaxRetry = opts.MinRetry
	}
	if opts.MaxLineBytes <= 0 {
		opts.MaxLineBytes = MaxLineBytes
	}
	states := NewBus(State[T]{Status: StatusWaiting})
	sub, _ := states.subscribe(false)
	return &Client[T]{db: dbPath, opts: opts, states: states, sub: sub}
}

// Next returns the client's newest state that its consumer has not seen
// yet, waiting for one if needed; the first call returns at once. States in
// between are skipped, so a consumer that draws slowly always draws the
// newest snapshot. It returns ErrClosed once Run has returned, and ctx's
// error when ctx ends first. One goroutine at a time may call Next.
func (c *Client[T]) Next(ctx context.Context) (State[T], error) {
	s, err := c.sub.Next(ctx)
	return s.Value, err
}

// State returns the client's current state without waiting.
func (c *Client[T]) State() State[T] { return c.states.Latest().Value }

// Run connects and reconnects until ctx ends, then returns ctx's error. Run
// once per client.
func (c *Client[T]) Run(ctx context.Context) error {
	defer c.states.Close()
	wait := c.opts.MinRetry
	for {
		got, err := c.follow(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c.waiting(err)
		if got {
			wait = c.opts.MinRetry
		}
		select {
		case <-c.opts.Clock.After(wait):
		case <-ctx.Done():
			return ctx.Err()
		}
		wait = min(2*wait, c.opts.MaxRetry)
	}
}

// waiting publishes a waiting state, unless the client already waits for
// the same reason (a retry that fails again wakes no one).
func (c *Client[T]) waiting(err error) {
	cur := c.states.Latest().Value
	if cur.Status == StatusWaiting && cur.Err != nil && kindOf(cur.Err) == kindOf(err) {
		return
	}
	c.states.Publish(State[T]{Status: StatusWaiting, Err: err})
}

// follow connects once and publishes every snapshot until the connection
// ends; got says whether at least one snapshot arrived.
func (c *Client[T]) follow(ctx context.Context) (got bool, err error) {
	loc, err := locate(c.db)
	if err != nil {
		return false, err
	}
	if err := checkServer(loc); err != nil {
		return false, err
	}
	var d net.Dialer
	conn, err := d.DialContext(ctx, "unix", loc.path)
	if err != nil {
		return false, failure(ErrNoServer, loc.path, err)
	}
	defer conn.Close()
	if uc, ok := conn.(*net.UnixConn); ok {
		if uid, ok := peerUID(uc); ok && uid != euid() {
			return false, failure(ErrNotOwner, loc.path, nil)
		}
	}
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()

	dec := newDecoder[T](conn, c.opts.MaxLineBytes)
	for {
		snap, err := dec.next()
		if err != nil {
			if k := kindOf(err); k == ErrProtocol || k == ErrVersion {
				return got, failure(k, loc.path, err)
			}
			return got, failure(ErrNoServer, loc.path, nil)
		}
		got = true
		c.states.Publish(State[T]{Status: StatusConnected, Snapshot: snap})
	}
}

// checkServer looks at the socket before connecting: a folder or socket of
// another user is refused (a projector must not show what someone else
// serves), a missing one means no liberate serves the database.
func checkServer(loc location) error {
	if loc.place != placeBeside {
		fi, err := os.Lstat(loc.dir)
		if errors.Is(err, fs.ErrNotExist) {
			return failure(ErrNoServer, loc.path, nil)
		}
		if err != nil {
			return failure(ErrNoServer, loc.path, err)
		}
		if !ownedBySelf(fi) {
			return failure(ErrNotOwner, loc.dir, nil)
		}
	}
	fi, err := os.Lstat(loc.path)
	if errors.Is(err, fs.ErrNotExist) {
		return failure(ErrNoServer, loc.path, nil)
	}
	if err != nil {
		return failure(ErrNoServer, loc.path, err)
	}
	if fi.Mode()&fs.ModeSocket == 0 && runtime.GOOS != "windows" {
		return failure(ErrNotSocket, loc.path, nil)
	}
	if !ownedBySelf(fi) {
		return failure(ErrNotOwner, loc.path, nil)
	}
	return nil
}

// kindOf returns which of the package's kinds err is, or nil.
func kindOf(err error) error {
	for _, k := range []error{ErrNoServer, ErrNotOwner, ErrNotSocket, ErrVersion, ErrProtocol, ErrPathTooLong, ErrInUse, ErrClosed} {
		if errors.Is(err, k) {
			return k
		}
	}
	return nil
}
