package live

import (
	"context"
	"sync"
)

// Snapshot is one published state with its sequence number. Seq starts at 1
// and grows by one with every Publish on the same bus; a newer snapshot
// always has a larger Seq.
type Snapshot[T any] struct {
	Seq   uint64
	Value T
}

// Bus holds the latest snapshot of a T and wakes its subscribers when a newer
// one is published. Values are shared, not copied: once published, a value
// (and every map or slice it holds) must never be changed; build a new value
// for the next Publish.
//
// Publish never blocks on a subscriber and costs the same however slow the
// subscribers are: each subscriber has one pending wake-up at most and reads
// the latest snapshot when it gets round to it, skipping the ones in between.
type Bus[T any] struct {
	mu     sync.Mutex
	cur    Snapshot[T]
	subs   map[*Subscription[T]]struct{}
	closed bool
}

// NewBus returns a bus whose current snapshot is initial, with Seq 1.
func NewBus[T any](initial T) *Bus[T] {
	return &Bus[T]{
		cur:  Snapshot[T]{Seq: 1, Value: initial},
		subs: make(map[*Subscription[T]]struct{}),
	}
}

// Publish makes v the current snapshot and returns its sequence number. On a
// closed bus it changes nothing and returns the last sequence number.
func (b *Bus[T]) Publish(v T) uint64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return b.cur.Seq
	}
	b.cur = Snapshot[T]{Seq: b.cur.Seq + 1, Value: v}
	for s := range b.subs {
		select {
		case s.wake <- struct{}{}:
		default: // a wake-up is already pending; it will read the latest
		}
	}
	return b.cur.Seq
}

// Latest returns the current snapshot.
func (b *Bus[T]) Latest() Snapshot[T] {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.cur
}

// Subscribe returns a subscription and, at once, the current snapshot. The
// subscription's Next then waits for anything newer than that snapshot.
func (b *Bus[T]) Subscribe() (*Subscription[T], Snapshot[T]) {
	s, cur := b.subscribe(true)
	return s, cur
}

// subscribe registers a subscriber; when seen is false, its first Next
// returns the current snapshot without waiting.
func (b *Bus[T]) subscribe(seen bool) (*Subscription[T], Snapshot[T]) {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := &Subscription[T]{
		bus:  b,
		wake: make(chan struct{}, 1),
		done: make(chan struct{}),
	}
	if seen {
		s.seen = b.cur.Seq
	}
	if b.closed {
		s.stop()
	} else {
		b.subs[s] = struct{}{}
	}
	return s, b.cur
}

// Subscribers returns how many subscriptions are open.
func (b *Bus[T]) Subscribers() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs)
}

// Close ends every subscription: each Next returns the snapshots its
// subscriber has not seen yet (only the latest of them), then ErrClosed.
// Closing twice is harmless.
func (b *Bus[T]) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	b.closed = true
	for s := range b.subs {
		s.stop()
	}
	clear(b.subs)
}

// stateFor returns the current snapshot, whether the bus is closed and
// whether s was closed by its subscriber.
func (b *Bus[T]) stateFor(s *Subscription[T]) (cur Snapshot[T], closed, unsubscribed bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.cur, b.closed, s.unsubscribed
}

// Subscription follows a Bus. One goroutine at a time may call Next.
type Subscription[T any] struct {
	bus  *Bus[T]
	wake chan struct{} // capacity 1: at most one pending wake-up
	done chan struct{} // closed by Close or by the bus's Close
	once sync.Once
	seen uint64 // the last Seq handed out by Next; only Next touches it

	unsubscribed bool // guarded by bus.mu
}

// Next returns the newest snapshot that is newer than the last one this
// subscription returned, waiting for a Publish if there is none yet. Any
// snapshots published meanwhile are skipped. It returns ErrClosed after the
// subscription or (once its latest snapshot is delivered) the bus is closed,
// and ctx's error when ctx ends first.
func (s *Subscription[T]) Next(ctx context.Context) (Snapshot[T], error) {
	for {
		cur, closed, unsubscribed := s.bus.stateFor(s)
		switch {
		case unsubscribed:
			return Snapshot[T]{}, ErrClosed
		case cur.Seq > s.seen:
			s.seen = cur.Seq
			return cur, nil
		case closed:
			return Snapshot[T]{}, ErrClosed
		}
		select {
		case <-s.wake:
		case <-s.done:
		case <-ctx.Done():
			return Snapshot[T]{}, ctx.Err()
		}
	}
}

// Close ends the subscription: the bus forgets it and Next returns
// ErrClosed. Closing twice is harmless.
func (s *Subscription[T]) Close() {
	s.bus.mu.Lock()
	delete(s.bus.subs, s)
	s.unsubscribed = true
	s.bus.mu.Unlock()
	s.stop()
}

func (s *Subscription[T]) stop() { s.once.Do(func() { close(s.done) }) }
