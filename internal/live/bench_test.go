package live

import (
	"context"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"
)

// benchRoom is about the size of what the room sees: a step with its
// invitation and prompt, a deadline, and the ten themes of a board.
type benchRoom struct {
	Session    string    `json:"session"`
	Step       int       `json:"step"`
	Title      string    `json:"title"`
	Groups     string    `json:"groups"`
	Invitation string    `json:"invitation"`
	Prompt     string    `json:"prompt"`
	Deadline   time.Time `json:"deadline"`
	Themes     []string  `json:"themes"`
}

func newBenchRoom(step int) benchRoom {
	r := benchRoom{
		Session:    "01JDZ8Q3K4M5N6P7R8S9T0V1W2",
		Step:       step,
		Title:      "1-2-4-All · Step 3/4",
		Groups:     "FOURS · 7 groups of 4",
		Invitation: "What slows you down every day?",
		Prompt:     "Share the ideas from your pairs, notice similarities and differences, build on them.",
		Deadline:   time.Date(2026, 12, 1, 9, 5, 0, 0, time.UTC),
	}
	for i := range 10 {
		r.Themes = append(r.Themes, fmt.Sprintf("theme %d: logging in three times a day, approvals that wait a week", i+1))
	}
	return r
}

// BenchmarkPublishToClients measures, over a real socket, the time from
// Publish to each of 3 attached clients having decoded the snapshot and
// handed it to its consumer (the projector's Update), one publish at a time.
func BenchmarkPublishToClients(b *testing.B) {
	rt, err := mkShortTemp()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(rt) })
	b.Setenv("XDG_RUNTIME_DIR", rt)
	db := b.TempDir() + "/liberate.db"
	bus := NewBus(newBenchRoom(0))
	srv, err := Listen(context.Background(), db, bus, ServerOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()

	const clients = 3
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	arrived := make(chan time.Time, clients)
	for range clients {
		c := NewClient[benchRoom](db, ClientOptions{})
		go c.Run(ctx)
		go func() {
			for {
				st, err := c.Next(ctx)
				if err != nil {
					return
				}
				if st.Status == StatusConnected && st.Snapshot.Value.Step > 0 {
					arrived <- time.Now()
				}
			}
		}()
	}
	sub, cur := srv.WatchClients()
	for cur.Value < clients {
		if cur, err = sub.Next(ctx); err != nil {
			b.Fatal(err)
		}
	}
	sub.Close()

	lat := make([]time.Duration, 0, clients*b.N)
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		bus.Publish(newBenchRoom(i + 1))
		for range clients {
			lat = append(lat, (<-arrived).Sub(start))
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[int(p*float64(len(lat)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(lat[len(lat)-1])/float64(time.Millisecond), "max-ms")
}
