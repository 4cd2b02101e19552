package live

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"runtime"
	"sync"
	"time"
)

// DefaultWriteTimeout is how long a client may take to accept one snapshot
// before the server disconnects it. A projector reads continuously (it
// coalesces on its own side), so only a frozen one (a stopped process, a
// hung machine) is ever this slow; it reconnects by itself once it thaws.
const DefaultWriteTimeout = 10 * time.Second

// ServerOptions tunes a Server; the zero value is what liberate uses.
type ServerOptions struct {
	// WriteTimeout overrides DefaultWriteTimeout when positive.
	WriteTimeout time.Duration
}

// Server serves a Bus on the database's Unix socket as a stream of JSON
// lines, one snapshot each: {"v":1,"seq":N,"value":…}. A client gets the
// current snapshot as soon as it connects, then every newer one; a client
// that falls behind skips to the newest. Every snapshot is encoded once,
// whatever the number of clients, and each client has its own writer, so a
// client that never reads slows neither the publisher nor the others.
type Server[T any] struct {
	loc     location
	ln      *net.UnixListener
	sock    os.FileInfo // the socket file as bound, to remove only our own
	timeout time.Duration
	frames  *Bus[[]byte]
	clients *Bus[int]
	ctx     context.Context
	cancel  context.CancelFunc
	stop    func() bool // unregisters the AfterFunc on Listen's context

	mu     sync.Mutex
	conns  map[*net.UnixConn]struct{}
	closed bool
	wg     sync.WaitGroup

	errMu sync.Mutex
	err   error

	closeOnce sync.Once
}

// Listen serves bus on the socket of the database at dbPath (see
// SocketPath) until ctx ends or Close is called.
//
// The socket's folder is created with mode 0700 when liberate owns it
// ($XDG_RUNTIME_DIR/liberate, the per-user temporary folder) and must belong
// to the current user; the socket has mode 0600. A socket file left behind by
// a liberate that was killed is replaced. Errors, all *Error: ErrInUse when
// another running liberate serves the same database, ErrNotOwner when the
// folder or the socket belongs to another user, ErrNotSocket when something
// else is at the path, ErrPathTooLong.
func Listen[T any](ctx context.Context, dbPath string, bus *Bus[T], opts ServerOptions) (*Server[T], error) {
	loc, err := locate(dbPath)
	if err != nil {
		return nil, err
	}
	if err := prepareDir(loc); err != nil {
		return nil, err
	}
	if err := clearStale(loc.path); err != nil {
		return nil, err
	}
	sub, first := bus.Subscribe()
	line, err := encodeFrame(first)
	if err != nil {
		sub.Close()
		return nil, failure(nil, loc.path, err)
	}
	ln, err := bindSocket(loc.path)
	if err != nil {
		sub.Close()
		return nil, failure(nil, loc.path, err)
	}
	sock, err := os.Lstat(loc.path)
	if err != nil {
		sub.Close()
		ln.Close()
		return nil, failure(nil, loc.path, err)
	}
	s := &Server[T]{
		loc:     loc,
		ln:      ln,
		sock:    sock,
		timeout: DefaultWriteTimeout,
		frames:  NewBus(line),
		clients: NewBus(0),
		conns:   make(map[*net.UnixConn]struct{}),
	}
	if opts.WriteTimeout > 0 {
		s.timeout = opts.WriteTimeout
	}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.wg.Add(2)
	go s.encode(sub)
	go s.accept()
	s.stop = context.AfterFunc(ctx, func() { s.Close() })
	return s, nil
}

// Path returns the socket's path.
func (s *Server[T]) Path() string { return s.loc.path }

// Clients returns how many clients are attached now.
func (s *Server[T]) Clients() int { return s.clients.Latest().Value }

// WatchClients follows the number of attached clients: the current number
// at once, then every change (coalesced) until the server closes, when Next
// returns 0 and then ErrClosed.
func (s *Server[T]) WatchClients() (*Subscription[int], Snapshot[int]) {
	return s.clients.Subscribe()
}

// Err returns the last snapshot that could not be sent (it did not encode
// to JSON, or encoded to more than MaxLineBytes), or nil. Clients keep the
// previous snapshot meanwhile.
func (s *Server[T]) Err() error {
	s.errMu.Lock()
	defer s.errMu.Unlock()
	return s.err
}

// Close stops listening, disconnects every client and removes the socket
// file (unless another liberate has replaced it meanwhile). It waits for the
// server's goroutines and is safe to call more than once.
func (s *Server[T]) Close() error {
	s.closeOnce.Do(func() {
		s.stop()
		s.mu.Lock()
		s.closed = true
		conns := make([]*net.UnixConn, 0, len(s.conns))
		for c := range s.conns {
			conns = append(conns, c)
		}
		s.mu.Unlock()
		s.cancel()
		s.ln.Close()
		for _, c := range conns {
			c.Close()
		}
		s.wg.Wait()
		if fi, err := os.Lstat(s.loc.path); err == nil && os.SameFile(fi, s.sock) {
			os.Remove(s.loc.path)
		}
		s.frames.Close()
		s.clients.Close()
	})
	return nil
}

// encode turns every new snapshot of the bus into a line, once for all
// clients.
func (s *Server[T]) encode(sub *Subscription[T]) {
	defer s.wg.Done()
	defer sub.Close()
	for {
		snap, err := sub.Next(s.ctx)
		if err != nil {
			return
		}
		line, err := encodeFrame(snap)
		if err != nil {
			s.errMu.Lock()
			s.err = err
			s.errMu.Unlock()
			continue
		}
		s.frames.Publish(line)
	}
}

func (s *Server[T]) accept() {
	defer s.wg.Done()
	for {
		c, err := s.ln.AcceptUnix()
		if err != nil {
			if s.ctx.Err() != nil || errors.Is(err, net.ErrClosed) {
				return
			}
			// Out of file descriptors or the like: wait a moment rather
			// than spin.
			t := time.NewTimer(50 * time.Millisecond)
			select {
			case <-t.C:
			case <-s.ctx.Done():
				t.Stop()
				return
			}
			continue
		}
		if uid, ok := peerUID(c); ok && uid != euid() {
			c.Close() // another user: the file mode should have kept them out
			continue
		}
		if !s.add(c) {
			c.Close()
			return
		}
		go s.serve(c)
	}
}

// add registers c and counts it in the server's wait group; false once the
// server is closing.
func (s *Server[T]) add(c *net.UnixConn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.conns[c] = struct{}{}
	s.wg.Add(1)
	s.clients.Publish(len(s.conns))
	return true
}

// drop disconnects c and counts it out.
func (s *Server[T]) drop(c *net.UnixConn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c.Close()
	if _, ok := s.conns[c]; ok {
		delete(s.conns, c)
		s.clients.Publish(len(s.conns))
	}
}

// serve writes the current snapshot to c, then every newer one, until c
// hangs up, sends anything, stays stuck longer than the write timeout, or the
// server closes.
func (s *Server[T]) serve(c *net.UnixConn) {
	defer s.wg.Done()
	defer s.drop(c)
	ctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	sub, cur := s.frames.Subscribe()
	defer sub.Close()

	// The stream is read-only: nothing a client sends is ever interpreted.
	// This read only notices a hang-up at once (so the console's "projector
	// attached" is right); a client that sends a byte is disconnected.
	go func() {
		var b [1]byte
		c.Read(b[:])
		cancel()
	}()

	for {
		c.SetWriteDeadline(time.Now().Add(s.timeout))
		if _, err := c.Write(cur.Value); err != nil {
			return
		}
		next, err := sub.Next(ctx)
		if err != nil {
			return
		}
		cur = next
	}
}

// prepareDir makes sure the socket's folder exists and belongs to the
// current user; a folder liberate owns is kept at mode 0700.
func prepareDir(loc location) error {
	if loc.place != placeBeside {
		if err := os.MkdirAll(loc.dir, 0o700); err != nil {
			return failure(nil, loc.dir, err)
		}
	}
	fi, err := os.Lstat(loc.dir)
	if err != nil {
		return failure(nil, loc.dir, err)
	}
	if !fi.IsDir() {
		return failure(nil, loc.dir, fmt.Errorf("%s is not a folder", loc.dir))
	}
	if !ownedBySelf(fi) {
		return failure(ErrNotOwner, loc.dir, nil)
	}
	if loc.place != placeBeside && runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(loc.dir, 0o700); err != nil {
			return failure(nil, loc.dir, err)
		}
	}
	return nil
}

// clearStale makes the socket's path free: nothing there, or a socket file
// left by a liberate that no longer runs (no one answers on it), which it
// removes. A socket that answers belongs to a running liberate and is left
// alone.
func clearStale(path string) error {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return failure(nil, path, err)
	}
	if fi.Mode()&fs.ModeSocket == 0 && (runtime.GOOS != "windows" || fi.IsDir()) {
		return failure(ErrNotSocket, path, nil)
	}
	if !ownedBySelf(fi) {
		return failure(ErrNotOwner, path, nil)
	}
	c, err := net.DialTimeout("unix", path, time.Second)
	if err == nil {
		c.Close()
		return failure(ErrInUse, path, nil)
	}
	if !isStale(err) {
		return failure(ErrInUse, path, err)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return failure(nil, path, err)
	}
	return nil
}
