package live

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestClientWaitsAndBacksOffWhileNoLiberateRuns(t *testing.T) {
	db := runtimeDir(t)
	c, clock := startClient[room](t, db)
	first := awaitState(t, c, "the first state", func(State[room]) bool { return true })
	if first.Status != StatusWaiting {
		t.Fatalf("first state %+v, want waiting", first)
	}
	var waits []time.Duration
	for range 8 {
		waits = append(waits, clock.awaitWait(t))
		clock.fire()
	}
	want := []time.Duration{50, 100, 200, 400, 800, 1000, 1000, 1000}
	for i := range want {
		if waits[i] != want[i]*time.Millisecond {
			t.Fatalf("waits %v, want %v ms", waits, want)
		}
	}
	st := c.State()
	if st.Status != StatusWaiting || !errors.Is(st.Err, ErrNoServer) {
		t.Fatalf("state %+v, want waiting for ErrNoServer", st)
	}
	if st.Err.Error() != "no liberate is running a session on this database yet; start one with liberate run or liberate resume" {
		t.Fatalf("message %q", st.Err)
	}
	if _, err := os.Lstat(db); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("the client created the database")
	}
}

func TestClientConnectsWhenLiberateStartsLater(t *testing.T) {
	db := runtimeDir(t)
	c, clock := startClient[room](t, db)
	clock.awaitWait(t) // it tried and found no one
	listen(t, db, NewBus(room{Session: "A", Step: 1}), ServerOptions{})
	clock.fire()
	st := awaitState(t, c, "connected", func(st State[room]) bool { return st.Status == StatusConnected })
	if st.Snapshot.Value.Session != "A" || st.Snapshot.Seq != 1 || st.Err != nil {
		t.Fatalf("state %+v", st)
	}
}

func TestClientReconnectsToTheNextLiberateAndFollowsItsSession(t *testing.T) {
	db := runtimeDir(t)
	busA := NewBus(room{Session: "A", Step: 1})
	a := listen(t, db, busA, ServerOptions{})
	c, clock := startClient[room](t, db)
	awaitState(t, c, "session A", func(st State[room]) bool { return st.Snapshot.Value.Session == "A" })
	busA.Publish(room{Session: "A", Step: 2})
	awaitState(t, c, "step 2", func(st State[room]) bool { return st.Snapshot.Value.Step == 2 })

	a.Close() // the console quits
	awaitState(t, c, "waiting", func(st State[room]) bool { return st.Status == StatusWaiting })
	if d := clock.awaitWait(t); d != DefaultMinRetry {
		t.Fatalf("first wait after a good connection %v, want %v", d, DefaultMinRetry)
	}
	clock.fire()
	clock.awaitWait(t)                                                  // still no one
	listen(t, db, NewBus(room{Session: "B", Step: 4}), ServerOptions{}) // liberate resume
	clock.fire()
	st := awaitState(t, c, "session B", func(st State[room]) bool { return st.Status == StatusConnected })
	if st.Snapshot.Value.Session != "B" || st.Snapshot.Value.Step != 4 || st.Snapshot.Seq != 1 {
		t.Fatalf("after resume: %+v", st)
	}
}

func TestClientStopsWithItsContext(t *testing.T) {
	db := runtimeDir(t)
	listen(t, db, NewBus(room{}), ServerOptions{})
	c := NewClient[room](db, ClientOptions{Clock: newFakeClock()})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- c.Run(ctx) }()
	awaitState(t, c, "connected", func(st State[room]) bool { return st.Status == StatusConnected })
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("Run returned %v", err)
	}
	for {
		if _, err := c.Next(context.Background()); err != nil {
			if !errors.Is(err, ErrClosed) {
				t.Fatalf("Next after Run: %v, want ErrClosed", err)
			}
			break
		}
	}
}

// fakeServer listens on the database's socket path and answers every
// connection with reply.
func fakeServer(t *testing.T, db string, reply func(net.Conn)) {
	t.Helper()
	path, err := SocketPath(db)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(path), 0o700)
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				reply(c)
			}()
		}
	}()
}

func TestClientRefusesAStreamOfAnotherVersion(t *testing.T) {
	db := runtimeDir(t)
	fakeServer(t, db, func(c net.Conn) { io.WriteString(c, `{"v":2,"seq":1,"value":{}}`+"\n") })
	c, _ := startClient[room](t, db)
	st := awaitState(t, c, "refusal", func(st State[room]) bool { return st.Err != nil })
	if !errors.Is(st.Err, ErrVersion) || st.Status != StatusWaiting {
		t.Fatalf("state %+v, want waiting with ErrVersion", st)
	}
}

func TestClientDropsAServerThatSendsAnEndlessLine(t *testing.T) {
	db := runtimeDir(t)
	chunk := bytes.Repeat([]byte("a"), 64<<10)
	sent := make(chan int, 1)
	fakeServer(t, db, func(c net.Conn) {
		n := 0
		for n < 64<<20 { // far more than the client's cap
			m, err := c.Write(chunk)
			n += m
			if err != nil {
				break
			}
		}
		sent <- n
	})
	clock := newFakeClock()
	c := NewClient[room](db, ClientOptions{Clock: clock, MaxLineBytes: 1 << 20})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go c.Run(ctx)
	st := awaitState(t, c, "refusal", func(st State[room]) bool { return st.Err != nil })
	if !errors.Is(st.Err, ErrProtocol) {
		t.Fatalf("state %+v, want ErrProtocol", st)
	}
	if n := <-sent; n >= 64<<20 {
		t.Fatalf("the client read all %d bytes of one line instead of hanging up", n)
	}
}

func TestClientRefusesASocketInAFolderOfAnotherUser(t *testing.T) {
	db := runtimeDir(t)
	listen(t, db, NewBus(room{}), ServerOptions{})
	asAnotherUser(t)
	c, _ := startClient[room](t, db)
	st := awaitState(t, c, "refusal", func(st State[room]) bool { return st.Err != nil })
	if !errors.Is(st.Err, ErrNotOwner) || !strings.Contains(st.Err.Error(), "belongs to another user") {
		t.Fatalf("state %+v, want ErrNotOwner", st)
	}
}

func TestStatusNames(t *testing.T) {
	if StatusWaiting.String() != "waiting" || StatusConnected.String() != "connected" {
		t.Fatal(StatusWaiting, StatusConnected)
	}
}
