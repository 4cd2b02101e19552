package live

import (
	"context"
	"errors"
	"sync"
	"testing"
)

func TestSubscribeReturnsTheCurrentSnapshotAtOnce(t *testing.T) {
	b := NewBus("first")
	b.Publish("second")
	sub, cur := b.Subscribe()
	defer sub.Close()
	if cur.Seq != 2 || cur.Value != "second" {
		t.Fatalf("Subscribe returned %+v, want seq 2 \"second\"", cur)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := sub.Next(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Next with nothing newer: %v, want context.Canceled", err)
	}
}

func TestPublishNumbersSnapshotsInOrder(t *testing.T) {
	b := NewBus(0)
	for i := 1; i <= 5; i++ {
		if seq := b.Publish(i); seq != uint64(i+1) {
			t.Fatalf("Publish #%d returned seq %d, want %d", i, seq, i+1)
		}
	}
	if l := b.Latest(); l.Seq != 6 || l.Value != 5 {
		t.Fatalf("Latest = %+v", l)
	}
}

func TestSubscriberThatDoesNotReadGetsOnlyTheLatest(t *testing.T) {
	b := NewBus(0)
	sub, _ := b.Subscribe()
	defer sub.Close()
	for i := 1; i <= 1000; i++ {
		b.Publish(i)
	}
	got, err := sub.Next(context.Background())
	if err != nil || got.Value != 1000 || got.Seq != 1001 {
		t.Fatalf("Next = %+v, %v; want the 1000th publish (seq 1001)", got, err)
	}
	if n := len(sub.wake); n > 1 {
		t.Fatalf("%d pending wake-ups; at most one may wait", n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := sub.Next(ctx); err == nil {
		t.Fatal("Next returned a snapshot twice")
	}
}

func TestConcurrentSubscriberEndsOnTheLatestInOrder(t *testing.T) {
	b := NewBus(0)
	sub, _ := b.Subscribe()
	defer sub.Close()
	done := make(chan []Snapshot[int])
	go func() {
		var seen []Snapshot[int]
		for {
			s, err := sub.Next(context.Background())
			if err != nil {
				t.Error(err)
				done <- seen
				return
			}
			seen = append(seen, s)
			if s.Value == 1000 {
				done <- seen
				return
			}
		}
	}()
	for i := 1; i <= 1000; i++ {
		b.Publish(i)
	}
	seen := <-done
	for i := 1; i < len(seen); i++ {
		if seen[i].Seq <= seen[i-1].Seq || seen[i].Value <= seen[i-1].Value {
			t.Fatalf("snapshot %d (%+v) is not newer than %+v", i, seen[i], seen[i-1])
		}
	}
	if last := seen[len(seen)-1]; last.Seq != 1001 {
		t.Fatalf("ended on %+v", last)
	}
	t.Logf("the subscriber saw %d of 1000 snapshots", len(seen))
}

func TestPublishCostsNothingExtraForSubscribersThatNeverRead(t *testing.T) {
	b := NewBus(0)
	for range 100 {
		sub, _ := b.Subscribe()
		defer sub.Close()
	}
	i := 0
	allocs := testing.AllocsPerRun(1000, func() {
		i++
		b.Publish(i)
	})
	if allocs != 0 {
		t.Fatalf("Publish allocates %.1f times with 100 idle subscribers; it must not allocate", allocs)
	}
	for s := range b.subs {
		if len(s.wake) != 1 {
			t.Fatalf("an idle subscriber has %d pending wake-ups, want exactly 1", len(s.wake))
		}
	}
}

func TestClosingASubscriptionForgetsIt(t *testing.T) {
	b := NewBus(0)
	sub, _ := b.Subscribe()
	other, _ := b.Subscribe()
	defer other.Close()
	if n := b.Subscribers(); n != 2 {
		t.Fatalf("%d subscribers, want 2", n)
	}
	sub.Close()
	sub.Close()
	b.Publish(1)
	if n := b.Subscribers(); n != 1 {
		t.Fatalf("%d subscribers after Close, want 1", n)
	}
	if _, err := sub.Next(context.Background()); !errors.Is(err, ErrClosed) {
		t.Fatalf("Next after Close: %v, want ErrClosed", err)
	}
}

func TestClosingTheBusDeliversTheLatestThenEnds(t *testing.T) {
	b := NewBus(0)
	sub, _ := b.Subscribe()
	var wg sync.WaitGroup
	wg.Add(1)
	var waited error
	go func() { // blocked in Next when the bus closes
		defer wg.Done()
		other, _ := b.Subscribe()
		_, waited = other.Next(context.Background())
	}()
	b.Publish(7)
	b.Close()
	b.Close()
	if got, err := sub.Next(context.Background()); err != nil || got.Value != 7 {
		t.Fatalf("Next after the bus closed: %+v, %v; want the unseen 7", got, err)
	}
	if _, err := sub.Next(context.Background()); !errors.Is(err, ErrClosed) {
		t.Fatalf("second Next: %v, want ErrClosed", err)
	}
	wg.Wait()
	if waited != nil && !errors.Is(waited, ErrClosed) {
		t.Fatalf("a waiting Next got %v", waited)
	}
	late, cur := b.Subscribe()
	if cur.Value != 7 {
		t.Fatalf("Subscribe on a closed bus returned %+v", cur)
	}
	if _, err := late.Next(context.Background()); !errors.Is(err, ErrClosed) {
		t.Fatalf("Next on a closed bus: %v", err)
	}
	if b.Publish(8) != cur.Seq {
		t.Fatal("Publish on a closed bus changed the sequence")
	}
}
