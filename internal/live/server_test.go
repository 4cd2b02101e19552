package live

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

var deadline = time.Date(2026, 12, 1, 9, 5, 0, 0, time.UTC)

func TestClientGetsTheFullSnapshotOnConnect(t *testing.T) {
	db := runtimeDir(t)
	bus := NewBus(room{Session: "A", Step: 1, Deadline: deadline})
	bus.Publish(room{Session: "A", Step: 2, Deadline: deadline})
	s := listen(t, db, bus, ServerOptions{})

	conn, err := net.Dial("unix", s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	line, err := bufio.NewReader(conn).ReadBytes('\n')
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		V     int  `json:"v"`
		Seq   int  `json:"seq"`
		Value room `json:"value"`
	}
	if err := json.Unmarshal(line, &f); err != nil {
		t.Fatalf("%q: %v", line, err)
	}
	if f.V != 1 || f.Seq != 2 || f.Value.Step != 2 || !f.Value.Deadline.Equal(deadline) {
		t.Fatalf("first line %s", line)
	}
}

func TestSocketIsPrivateToItsUser(t *testing.T) {
	db := runtimeDir(t)
	dir := filepath.Join(os.Getenv("XDG_RUNTIME_DIR"), "liberate")
	if err := os.Mkdir(dir, 0o755); err != nil { // left too open by someone
		t.Fatal(err)
	}
	s := listen(t, db, NewBus(room{}), ServerOptions{})
	if m := fileMode(t, s.Path()); m&os.ModeSocket == 0 || m.Perm() != 0o600 {
		t.Fatalf("socket mode %v, want a socket with 0600", m)
	}
	if m := fileMode(t, dir); m.Perm() != 0o700 {
		t.Fatalf("folder mode %v, want 0700", m)
	}
	if filepath.Dir(s.Path()) != dir {
		t.Fatalf("socket %s is not in %s", s.Path(), dir)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("the folder holds %d files, want only the socket (no temporary name left)", len(entries))
	}
}

func TestSeveralClientsAllEndOnTheLatest(t *testing.T) {
	db := runtimeDir(t)
	bus := NewBus(room{Session: "A"})
	s := listen(t, db, bus, ServerOptions{})
	var clients []*Client[room]
	for range 3 {
		c, _ := startClient[room](t, db)
		awaitState(t, c, "connected", func(st State[room]) bool { return st.Status == StatusConnected })
		clients = append(clients, c)
	}
	awaitClients(t, s, 3)
	for i := 1; i <= 200; i++ {
		bus.Publish(room{Session: "A", Step: i})
	}
	for i, c := range clients {
		var last uint64
		awaitState(t, c, "step 200", func(st State[room]) bool {
			if st.Status == StatusConnected {
				if st.Snapshot.Seq <= last {
					t.Fatalf("client %d: seq %d after %d", i, st.Snapshot.Seq, last)
				}
				last = st.Snapshot.Seq
			}
			return st.Snapshot.Value.Step == 200
		})
	}
}

func TestClientThatNeverReadsSlowsNoOneAndIsDropped(t *testing.T) {
	db := runtimeDir(t)
	bus := NewBus(room{Session: "A"})
	s := listen(t, db, bus, ServerOptions{WriteTimeout: 100 * time.Millisecond})

	stuck, err := net.Dial("unix", s.Path()) // connects and never reads
	if err != nil {
		t.Fatal(err)
	}
	defer stuck.Close()
	awaitClients(t, s, 1)
	good, _ := startClient[room](t, db)
	awaitState(t, good, "connected", func(st State[room]) bool { return st.Status == StatusConnected })
	awaitClients(t, s, 2)

	// Snapshots of 256 KB fill the stuck client's socket buffer at once.
	big := strings.Repeat("x", 256<<10)
	for i := 1; i <= 50; i++ {
		bus.Publish(room{Session: "A", Step: i, Text: big})
	}
	awaitState(t, good, "step 50", func(st State[room]) bool { return st.Snapshot.Value.Step == 50 })

	// Publish stays a handful of non-blocking operations with the stuck
	// client attached: no allocation, no waiting on any client.
	i := 50
	if allocs := testing.AllocsPerRun(200, func() { i++; bus.Publish(room{Session: "A", Step: i}) }); allocs != 0 {
		t.Fatalf("Publish allocates %.1f times with a stuck client", allocs)
	}
	awaitState(t, good, "the last step", func(st State[room]) bool { return st.Snapshot.Value.Step == i })

	awaitClients(t, s, 1) // the stuck one is dropped after its write deadline
	if good.State().Status != StatusConnected {
		t.Fatal("the reading client was dropped too")
	}
}

func TestServerReadsNothingAndDropsAClientThatSends(t *testing.T) {
	db := runtimeDir(t)
	s := listen(t, db, NewBus(room{Session: "A"}), ServerOptions{})
	conn, err := net.Dial("unix", s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	r := bufio.NewReader(conn)
	if _, err := r.ReadBytes('\n'); err != nil {
		t.Fatal(err)
	}
	awaitClients(t, s, 1)
	conn.Write([]byte(`{"command":"next step"}` + "\n"))
	// The server hangs up: end of stream, or a reset because it closed
	// with the unread bytes still in its buffer.
	if line, err := r.ReadBytes('\n'); !errors.Is(err, io.EOF) && !errors.Is(err, syscall.ECONNRESET) {
		t.Fatalf("after sending, the client read %q, %v; want the server to hang up", line, err)
	}
	awaitClients(t, s, 0)
}

func TestHangUpIsCountedAtOnce(t *testing.T) {
	db := runtimeDir(t)
	s := listen(t, db, NewBus(room{}), ServerOptions{})
	sub, cur := s.WatchClients()
	defer sub.Close()
	if cur.Value != 0 {
		t.Fatalf("%d clients before any connected", cur.Value)
	}
	conn, err := net.Dial("unix", s.Path())
	if err != nil {
		t.Fatal(err)
	}
	awaitClients(t, s, 1)
	conn.Close() // no publish follows: the hang-up alone must count
	awaitClients(t, s, 0)
}

func TestStaleSocketOfAKilledLiberateIsReplaced(t *testing.T) {
	db := runtimeDir(t)
	path, err := SocketPath(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	// A killed liberate leaves its socket file with no one listening.
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	ln.SetUnlinkOnClose(false)
	ln.Close()
	if m := fileMode(t, path); m&os.ModeSocket == 0 {
		t.Fatal("no stale socket to test with")
	}

	s := listen(t, db, NewBus(room{Session: "B"}), ServerOptions{})
	c, _ := startClient[room](t, db)
	st := awaitState(t, c, "connected", func(st State[room]) bool { return st.Status == StatusConnected })
	if st.Snapshot.Value.Session != "B" || s.Path() != path {
		t.Fatalf("got %+v from %s", st, s.Path())
	}
}

func TestLiveSocketOfAnotherLiberateIsNotStolen(t *testing.T) {
	db := runtimeDir(t)
	first := listen(t, db, NewBus(room{Session: "A"}), ServerOptions{})
	before := fileMode(t, first.Path())
	_ = before
	fi1, _ := os.Lstat(first.Path())

	_, err := Listen(context.Background(), db, NewBus(room{Session: "B"}), ServerOptions{})
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second Listen: %v, want ErrInUse", err)
	}
	if !strings.HasPrefix(err.Error(), "another liberate is serving this database") {
		t.Fatalf("message %q", err)
	}
	fi2, _ := os.Lstat(first.Path())
	if !os.SameFile(fi1, fi2) {
		t.Fatal("the running liberate's socket was replaced")
	}
	c, _ := startClient[room](t, db)
	st := awaitState(t, c, "connected", func(st State[room]) bool { return st.Status == StatusConnected })
	if st.Snapshot.Value.Session != "A" {
		t.Fatalf("client follows %q, want the first liberate's A", st.Snapshot.Value.Session)
	}
}

func TestSomethingElseAtTheSocketPathIsRefused(t *testing.T) {
	db := runtimeDir(t)
	path, _ := SocketPath(db)
	os.MkdirAll(filepath.Dir(path), 0o700)
	if err := os.WriteFile(path, []byte("notes"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Listen(context.Background(), db, NewBus(room{}), ServerOptions{}); !errors.Is(err, ErrNotSocket) {
		t.Fatalf("Listen: %v, want ErrNotSocket", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "notes" {
		t.Fatal("the file in the way was changed")
	}
}

// asAnotherUser makes every file look as if someone else owned it.
func asAnotherUser(t *testing.T) {
	old := euid
	euid = func() int { return old() + 4242 }
	t.Cleanup(func() { euid = old })
}

func TestFolderOfAnotherUserIsRefused(t *testing.T) {
	t.Run("chown", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("chown to another user needs root; the simulated case covers it")
		}
		db := runtimeDir(t)
		dir := filepath.Join(os.Getenv("XDG_RUNTIME_DIR"), "liberate")
		os.Mkdir(dir, 0o700)
		if err := os.Chown(dir, 65534, 65534); err != nil {
			t.Fatal(err)
		}
		_, err := Listen(context.Background(), db, NewBus(room{}), ServerOptions{})
		if !errors.Is(err, ErrNotOwner) || !strings.Contains(err.Error(), "belongs to another user") {
			t.Fatalf("Listen: %v, want ErrNotOwner", err)
		}
		c, _ := startClient[room](t, db)
		awaitState(t, c, "refusal", func(st State[room]) bool { return errors.Is(st.Err, ErrNotOwner) })
	})
	t.Run("simulated", func(t *testing.T) {
		db := runtimeDir(t)
		asAnotherUser(t)
		if _, err := Listen(context.Background(), db, NewBus(room{}), ServerOptions{}); !errors.Is(err, ErrNotOwner) {
			t.Fatalf("Listen: %v, want ErrNotOwner", err)
		}
	})
}

func TestSocketOfAnotherUserIsRefused(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("chown to another user needs root")
	}
	db := runtimeDir(t)
	s := listen(t, db, NewBus(room{Session: "mine"}), ServerOptions{})
	if err := os.Lchown(s.Path(), 65534, 65534); err != nil {
		t.Fatal(err)
	}
	// A client will not follow a socket someone else owns …
	c, _ := startClient[room](t, db)
	awaitState(t, c, "refusal", func(st State[room]) bool { return errors.Is(st.Err, ErrNotOwner) })
	// … and a server will not replace it.
	s.Close()
	os.Remove(s.Path())
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: s.Path(), Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	ln.SetUnlinkOnClose(false)
	ln.Close()
	os.Lchown(s.Path(), 65534, 65534)
	_, err = Listen(context.Background(), db, NewBus(room{}), ServerOptions{})
	if !errors.Is(err, ErrNotOwner) {
		t.Fatalf("Listen over a stale socket of another user: %v, want ErrNotOwner", err)
	}
	if _, err := os.Lstat(s.Path()); err != nil {
		t.Fatal("the other user's socket was removed")
	}
}

func TestCloseRemovesTheSocketAndTheClientWaits(t *testing.T) {
	db := runtimeDir(t)
	s := listen(t, db, NewBus(room{Session: "A"}), ServerOptions{})
	c, _ := startClient[room](t, db)
	awaitState(t, c, "connected", func(st State[room]) bool { return st.Status == StatusConnected })
	watch, _ := s.WatchClients()
	s.Close()
	st := awaitState(t, c, "waiting", func(st State[room]) bool { return st.Status == StatusWaiting })
	if !errors.Is(st.Err, ErrNoServer) || st.Snapshot.Seq != 0 {
		t.Fatalf("after the server closed: %+v", st)
	}
	if _, err := os.Lstat(s.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("socket still there after Close: %v", err)
	}
	var last int = -1
	for {
		n, err := watch.Next(context.Background())
		if err != nil {
			break
		}
		last = n.Value
	}
	if last != 0 {
		t.Fatalf("the client count ended at %d, want 0", last)
	}
}

func TestListenEndsWithItsContext(t *testing.T) {
	db := runtimeDir(t)
	ctx, cancel := context.WithCancel(context.Background())
	s, err := Listen(ctx, db, NewBus(room{}), ServerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	watch, _ := s.WatchClients()
	cancel()
	for {
		if _, err := watch.Next(context.Background()); err != nil {
			break
		}
	}
	if _, err := os.Lstat(s.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("socket still there: %v", err)
	}
}

// picky refuses to encode a negative number and tells the test about every
// number it was asked to encode.
type picky int

var pickyEncoded = make(chan picky, 16)

func (p picky) MarshalJSON() ([]byte, error) {
	pickyEncoded <- p
	if p < 0 {
		return nil, errors.New("negative")
	}
	return json.Marshal(int(p))
}

func TestSnapshotThatCannotBeSentKeepsThePreviousOne(t *testing.T) {
	db := runtimeDir(t)
	bus := NewBus(picky(1))
	s := listen(t, db, bus, ServerOptions{})
	<-pickyEncoded
	c, _ := startClient[picky](t, db)
	awaitState(t, c, "1", func(st State[picky]) bool { return st.Snapshot.Value == 1 })
	bus.Publish(-1)
	if p := <-pickyEncoded; p != -1 {
		t.Fatalf("encoded %d", p)
	}
	bus.Publish(2)
	<-pickyEncoded
	st := awaitState(t, c, "2", func(st State[picky]) bool { return st.Snapshot.Value != 1 })
	if st.Snapshot.Value != 2 || st.Snapshot.Seq != 3 {
		t.Fatalf("after the failed snapshot the client got %+v, want 2 with seq 3", st.Snapshot)
	}
	if s.Err() == nil { // the encoder met -1 before 2
		t.Fatal("Err does not report the snapshot that could not be encoded")
	}
}

func TestListenRefusesAnInitialSnapshotThatCannotBeSent(t *testing.T) {
	db := runtimeDir(t)
	_, err := Listen(context.Background(), db, NewBus(math.Inf(1)), ServerOptions{})
	if err == nil {
		t.Fatal("Listen accepted a bus whose snapshot cannot be encoded")
	}
	path, _ := SocketPath(db)
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a socket was left behind: %v", err)
	}
}
