package ui

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/i18n"
	"liberate/internal/live"
	"liberate/internal/session"
	"liberate/internal/timer"
	"liberate/internal/ui/home"
	"liberate/internal/ui/projector"
	"liberate/internal/ui/room"
)

// socketLink is the console's side of the real transport, as the command
// line wires it.
type socketLink struct {
	bus *live.Bus[room.Snapshot]
	srv *live.Server[room.Snapshot]
}

func (l *socketLink) Publish(s room.Snapshot) { l.bus.Publish(s) }
func (l *socketLink) Attached() int           { return l.srv.Clients() }

func serve(tb testing.TB, db string) *socketLink {
	tb.Helper()
	bus := live.NewBus(room.Snapshot{})
	srv, err := live.Listen(context.Background(), db, bus, live.ServerOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	return &socketLink{bus: bus, srv: srv}
}

func (l *socketLink) close() {
	l.srv.Close()
	l.bus.Close()
}

// feed adapts a live client to the projector, as the command line does.
type feed struct{ c *live.Client[room.Snapshot] }

func (f feed) Next(ctx context.Context) (projector.State, error) {
	st, err := f.c.Next(ctx)
	if err != nil {
		return projector.State{}, err
	}
	return projector.State{Connected: st.Status == live.StatusConnected, Snapshot: st.Snapshot.Value}, nil
}

// screenProjector is one projector following db over the socket.
type screenProjector struct {
	m    *projector.Model
	feed feed
}

func newScreenProjector(tb testing.TB, ctx context.Context, db string, clock timer.Clock) *screenProjector {
	c := live.NewClient[room.Snapshot](db, live.ClientOptions{})
	go func() { _ = c.Run(ctx) }()
	m := projector.New(projector.Options{Feed: feed{c}, Catalog: i18n.For("en"), Theme: ThemeDark, Clock: clock, Where: db,
		Ticker: func(time.Duration) tea.Cmd { return nil }})
	m.SetSize(200, 60)
	return &screenProjector{m: m, feed: feed{c}}
}

// until takes states from the socket until the projector's screen
// satisfies ok. The context only guards against a hang.
func (p *screenProjector) until(t *testing.T, ctx context.Context, what string, ok func(screen string) bool) string {
	t.Helper()
	for {
		scr := ansi.Strip(p.m.Content())
		if ok(scr) {
			return scr
		}
		st, err := p.feed.Next(ctx)
		if err != nil {
			t.Fatalf("the projector never showed %s; last screen:\n%s", what, scr)
		}
		p.m.Apply(st)
	}
}

func TestTheProjectorFollowsTheConsoleOverTheSocket(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db := filepath.Join(t.TempDir(), "e2e.db")
	clock := &timer.FakeClock{T: t0}
	cat := i18n.For("en")

	// Projectors first: they wait for a liberate.
	var ps []*screenProjector
	for i := 0; i < 3; i++ {
		ps = append(ps, newScreenProjector(t, ctx, db, clock))
	}
	for _, p := range ps {
		p.until(t, ctx, "the waiting line", func(s string) bool { return strings.Contains(s, "Waiting for liberate") })
	}

	link := serve(t, db)
	h := newSocketHarness(t, link, clock, nil, nil)
	for _, p := range ps {
		p.until(t, ctx, "the first step", func(s string) bool {
			return strings.Contains(s, "Step 1/4") && strings.Contains(s, cat.Run.Configs["alone"]) && strings.Contains(s, "What slows you down every day?")
		})
	}
	// The console counts them and becomes the console.
	sub, n := link.srv.WatchClients()
	for n.Value < 3 {
		var err error
		if n, err = sub.Next(ctx); err != nil {
			t.Fatalf("only %d projectors attached", n.Value)
		}
	}
	sub.Close()
	h.advance(200 * time.Millisecond)
	if got := h.screen(); !strings.Contains(got, "3 projectors attached") {
		t.Fatalf("the console does not say the projectors are attached:\n%s", got)
	}

	h.key("pgdown")
	for _, p := range ps {
		scr := p.until(t, ctx, "the pairs step", func(s string) bool { return strings.Contains(s, "Step 2/4") })
		if !strings.Contains(scr, "PAIRS") || strings.Contains(scr, "capture") {
			t.Fatalf("the projector shows the wrong thing:\n%s", scr)
		}
		if p.m.Rings() != 1 {
			t.Fatalf("the projector rang %d times for one bell", p.m.Rings())
		}
	}

	// The console quits: the projectors wait, then come back on resume.
	notes := h.m.run.Notes
	sess := h.m.run.Sess
	link.close()
	for _, p := range ps {
		p.until(t, ctx, "that liberate stopped", func(s string) bool { return strings.Contains(s, cat.Console.Lost) })
	}
	link = serve(t, db)
	defer link.close()
	h = newSocketHarness(t, link, clock, sess, notes)
	for _, p := range ps {
		p.until(t, ctx, "the resumed session", func(s string) bool { return strings.Contains(s, "Step 2/4") })
	}

	// A new session on the same database: the projectors follow it.
	other := session.New(session.Options{ID: "20261122-1000-other", Lang: "en"}, testPlan()[2:], t0)
	_, cmd := h.m.Update(home.StartMsg{Sess: other})
	h.run(cmd)
	for _, p := range ps {
		p.until(t, ctx, "the other session", func(s string) bool { return strings.Contains(s, "FOURS") })
	}
}

// newSocketHarness is a console on link, on a new session or a resumed one.
func newSocketHarness(t testing.TB, link Live, clock *timer.FakeClock, sess *session.Session, notes []session.Note) *harness {
	st := newMemStore()
	if sess == nil {
		sess = session.New(session.Options{ID: "20261122-0900-test", Lang: "en", Participants: 23}, testPlan(), t0)
	}
	m := NewRun(Deps{Store: st, Clock: clock, Catalog: i18n.For("en"), Theme: ThemeDark, Live: link,
		Ticker: func(time.Duration) tea.Cmd { return nil }}, sess, notes, session.History{})
	h := &harness{t: t, m: m, clock: clock, st: st}
	h.run(m.Init())
	h.size(100, 30)
	return h
}

// percentile is the p-th percentile of ds (sorted in place).
func percentile(ds []time.Duration, p float64) time.Duration {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	if len(ds) == 0 {
		return 0
	}
	i := int(float64(len(ds)-1) * p)
	return ds[i]
}

// BenchmarkKeyToThreeProjectors measures a key pressed on the console to
// the repaint of each of three projectors attached over the real socket:
// the console publishes, the server encodes and writes, every client
// decodes, and each projector takes the state and draws its 200×60 frame.
func BenchmarkKeyToThreeProjectors(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db := filepath.Join(b.TempDir(), "bench.db")
	clock := &timer.FakeClock{T: t0}
	link := serve(b, db)
	defer link.close()
	h := newSocketHarness(b, link, clock, nil, nil)

	type frame struct {
		who  int
		bell uint64
		at   time.Time
	}
	frames := make(chan frame, 1024)
	for i := 0; i < 3; i++ {
		p := newScreenProjector(b, ctx, db, clock)
		go func() {
			for {
				st, err := p.feed.Next(ctx)
				if err != nil {
					return
				}
				p.m.Apply(st)
				_ = p.m.Content()
				frames <- frame{who: i, bell: st.Snapshot.Bell, at: time.Now()}
			}
		}()
	}
	sub, n := link.srv.WatchClients()
	for n.Value < 3 {
		var err error
		if n, err = sub.Next(ctx); err != nil {
			b.Fatal(err)
		}
	}
	sub.Close()

	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		key := "pgdown"
		if i%2 == 1 {
			key = "pgup"
		}
		start := time.Now()
		h.key(key)
		want := link.bus.Latest().Value.Bell
		seen := map[int]bool{}
		for len(seen) < 3 {
			f := <-frames
			if f.bell >= want && !seen[f.who] {
				seen[f.who] = true
				lat = append(lat, f.at.Sub(start))
			}
		}
	}
	b.StopTimer()
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(percentile(lat, 0.50)), "p50-ms")
	b.ReportMetric(ms(percentile(lat, 0.99)), "p99-ms")
	b.ReportMetric(ms(percentile(lat, 1)), "max-ms")
}
