package live

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// room stands in for the room's snapshot in these tests.
type room struct {
	Session  string    `json:"session"`
	Step     int       `json:"step"`
	Deadline time.Time `json:"deadline"`
	Text     string    `json:"text,omitempty"`
}

// guard bounds how long a test waits for something that must happen; it only
// turns a hang into a clear failure and says nothing about speed.
const guard = time.Minute

// fakeClock hands out waits that fire only when the test says so.
type fakeClock struct {
	mu    sync.Mutex
	waits []chan time.Time
	asked chan time.Duration // every wait asked for, in order
}

func newFakeClock() *fakeClock { return &fakeClock{asked: make(chan time.Duration, 4096)} }

func (f *fakeClock) After(d time.Duration) <-chan time.Time {
	ch := make(chan time.Time, 1)
	f.mu.Lock()
	f.waits = append(f.waits, ch)
	f.mu.Unlock()
	f.asked <- d
	return ch
}

// awaitWait returns the next wait the client asks for.
func (f *fakeClock) awaitWait(t *testing.T) time.Duration {
	t.Helper()
	select {
	case d := <-f.asked:
		return d
	case <-time.After(guard):
		t.Fatal("the client never waited")
		return 0
	}
}

// fire ends every pending wait.
func (f *fakeClock) fire() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, ch := range f.waits {
		ch <- time.Time{}
	}
	f.waits = nil
}

// runtimeDir points XDG_RUNTIME_DIR at a fresh folder and returns a database
// path in another one.
func runtimeDir(t *testing.T) (db string) {
	t.Helper()
	rt := t.TempDir()
	t.Setenv("XDG_RUNTIME_DIR", rt)
	return filepath.Join(t.TempDir(), "liberate.db")
}

func listen[T any](t *testing.T, db string, bus *Bus[T], opts ServerOptions) *Server[T] {
	t.Helper()
	s, err := Listen(context.Background(), db, bus, opts)
	if err != nil {
		t.Fatalf("Listen: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// startClient runs a client with a fake clock until the test ends.
func startClient[T any](t *testing.T, db string) (*Client[T], *fakeClock) {
	t.Helper()
	clock := newFakeClock()
	c := NewClient[T](db, ClientOptions{Clock: clock})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.Run(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return c, clock
}

// awaitState reads the client's states until ok accepts one.
func awaitState[T any](t *testing.T, c *Client[T], what string, ok func(State[T]) bool) State[T] {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	for {
		st, err := c.Next(ctx)
		if err != nil {
			t.Fatalf("waiting for %s: %v (last state %+v)", what, err, c.State())
		}
		if ok(st) {
			return st
		}
	}
}

// awaitClients waits until the server counts n clients.
func awaitClients[T any](t *testing.T, s *Server[T], n int) {
	t.Helper()
	sub, cur := s.WatchClients()
	defer sub.Close()
	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	for cur.Value != n {
		var err error
		if cur, err = sub.Next(ctx); err != nil {
			t.Fatalf("waiting for %d clients (have %d): %v", n, s.Clients(), err)
		}
	}
}

func fileMode(t *testing.T, p string) os.FileMode {
	t.Helper()
	fi, err := os.Lstat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode()
}

// mkShortTemp makes a folder with a short path for a socket.
func mkShortTemp() (string, error) { return os.MkdirTemp("", "lv") }
