package phone

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"liberate/internal/session"
	"liberate/internal/store"
)

var (
	loadFor    = flag.Duration("phone.load", 2*time.Second, "how long the simulated phones of the load test send notes (README's figures: 1m)")
	loadPhones = flag.Int("phone.phones", 200, "how many simulated phones the load test runs")
)

// storeSink saves notes in a real store (StoreNotes) and keeps the rest in
// memory: the load is about notes.
type storeSink struct {
	*StoreNotes
	*memSink
}

func (s storeSink) AddNote(ctx context.Context, text string, kind session.Kind, seat string) error {
	return s.StoreNotes.AddNote(ctx, text, kind, seat)
}

// newSession makes a database with one session in dir.
func newSession(t testing.TB, path string) (*store.Store, string) {
	t.Helper()
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ss := &session.Session{ID: "20261201-0900-ab12", Title: "Load", Lang: "en", Slugs: []string{"1-2-4-all"}}
	if err := st.SaveSession(ss); err != nil {
		t.Fatal(err)
	}
	return st, ss.ID
}

// loadLimits are the default limits except per address: every simulated
// phone comes from 127.0.0.1.
func loadLimits() Limits {
	l := DefaultLimits()
	l.AddrRate, l.AddrBurst = rate.Inf, 1
	l.StreamsPerAddr = l.Streams
	return l
}

// netPhone is a simulated phone over real HTTP: its own seat cookie.
type netPhone struct {
	client *http.Client
	base   string
	cookie string
}

func joinOverHTTP(client *http.Client, base string) (*netPhone, error) {
	resp, err := client.Get(base)
	if err != nil {
		return nil, err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.Name == cookieName {
			return &netPhone{client: client, base: base, cookie: c.Name + "=" + c.Value}, nil
		}
	}
	return nil, fmt.Errorf("join: %d without a seat cookie", resp.StatusCode)
}

// send posts a note and reports whether the server acknowledged it as
// saved.
func (p *netPhone) send(text string) (bool, error) {
	req, _ := http.NewRequest("POST", p.base+"note", strings.NewReader(url.Values{"text": {text}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Cookie", p.cookie)
	resp, err := p.client.Do(req)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	var rep reply
	if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil {
		return false, err
	}
	if resp.StatusCode != http.StatusOK || !rep.OK {
		return false, fmt.Errorf("%d %s", resp.StatusCode, rep.Message)
	}
	return true, nil
}

func loadClient(n int) *http.Client {
	return &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConns: n, MaxIdleConnsPerHost: n, MaxConnsPerHost: n}}
}

func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(float64(len(s))*p+0.5) - 1
	return s[max(0, min(i, len(s)-1))]
}

// TestTwoHundredPhonesSendANoteASecond runs the room of the README's
// performance table: every phone its own seat, a note a second, over
// 127.0.0.1 into a real bbolt file. No acknowledged note may be missing
// from the file, and no note may be refused; the time from request to the
// fsync'd acknowledgement is reported (go test -run TwoHundred -v
// -phone.load=1m).
func TestTwoHundredPhonesSendANoteASecond(t *testing.T) {
	if testing.Short() {
		t.Skip("the load test runs without -short")
	}
	path := filepath.Join(t.TempDir(), "load.db")
	st, sid := newSession(t, path)
	room := &fakeRoom{st: State{Title: "1-2-4-All · All", Capture: session.KindFrustration}}
	srv, err := New(Options{Room: room, Sink: storeSink{&StoreNotes{Store: st, SessionID: sid}, newMemSink()}, Limits: loadLimits()})
	if err != nil {
		t.Fatal(err)
	}
	l, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(l); err != nil {
		t.Fatal(err)
	}
	base := srv.URL() + "/"
	n := *loadPhones
	client := loadClient(n)

	var (
		mu        sync.Mutex
		acked     []string
		latencies []time.Duration
		failures  []string
	)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := joinOverHTTP(client, base)
			if err != nil {
				mu.Lock()
				failures = append(failures, err.Error())
				mu.Unlock()
				return
			}
			// Phones start spread over the first second, as people do.
			first := time.Duration(rand.Int64N(int64(time.Second)))
			tick := time.NewTimer(first)
			defer tick.Stop()
			for k := 0; ; k++ {
				<-tick.C
				due := start.Add(first + time.Duration(k)*time.Second)
				if due.Sub(start) >= *loadFor {
					return
				}
				text := fmt.Sprintf("phone %03d note %04d: the printer jams again", i, k)
				t0 := time.Now()
				ok, err := p.send(text)
				d := time.Since(t0)
				mu.Lock()
				if ok {
					acked = append(acked, text)
					latencies = append(latencies, d)
				} else {
					failures = append(failures, err.Error())
				}
				mu.Unlock()
				tick.Reset(time.Until(due.Add(time.Second)))
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if len(failures) > 0 {
		t.Fatalf("%d notes refused or lost, the first: %s", len(failures), failures[0])
	}

	// Every acknowledged note is in the file, read back from disk.
	st, err = store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	notes, err := st.Notes(sid)
	if err != nil {
		t.Fatal(err)
	}
	inFile := map[string]bool{}
	seats := map[string]bool{}
	for _, nt := range notes {
		inFile[nt.Text] = true
		seats[nt.Seat] = true
		if !nt.Phone || nt.Revealed {
			t.Fatalf("note %q: phone %v revealed %v", nt.Text, nt.Phone, nt.Revealed)
		}
	}
	for _, text := range acked {
		if !inFile[text] {
			t.Fatalf("acknowledged note %q is not in the file", text)
		}
	}
	if len(notes) != len(acked) || len(seats) != n {
		t.Fatalf("%d notes from %d seats in the file, %d acknowledged from %d phones", len(notes), len(seats), len(acked), n)
	}
	t.Logf("%d phones, %v: %d notes acknowledged (%.0f/s), all in the file; request→fsync'd ack p50 %v, p99 %v, max %v",
		n, elapsed.Round(time.Millisecond), len(acked), float64(len(acked))/elapsed.Seconds(),
		percentile(latencies, .5).Round(10*time.Microsecond), percentile(latencies, .99).Round(10*time.Microsecond), percentile(latencies, 1).Round(10*time.Microsecond))
}

// TestTwoHundredEventStreamsFollowAStepChange opens 200 live event streams
// and reports how long the last of them takes to hear of a step change.
func TestTwoHundredEventStreamsFollowAStepChange(t *testing.T) {
	if testing.Short() {
		t.Skip("the load test runs without -short")
	}
	room := &fakeRoom{st: State{Title: "1-2-4-All · Alone", Capture: session.KindFrustration}}
	srv, err := New(Options{Room: room, Sink: newMemSink(), Limits: loadLimits()})
	if err != nil {
		t.Fatal(err)
	}
	l, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(l); err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	n := *loadPhones
	client := loadClient(n)
	ready := make(chan *bufio.Reader, n)
	for range n {
		go func() {
			resp, err := client.Get(srv.URL() + "/events")
			if err != nil {
				ready <- nil
				return
			}
			br := bufio.NewReader(resp.Body)
			if _, err := readData(br); err != nil {
				ready <- nil
				return
			}
			ready <- br
		}()
	}
	readers := make([]*bufio.Reader, 0, n)
	for range n {
		br := <-ready
		if br == nil {
			t.Fatal("an event stream did not open")
		}
		readers = append(readers, br)
	}
	var got atomic.Int64
	delays := make([]time.Duration, n)
	var wg sync.WaitGroup
	t0 := time.Now()
	for i, br := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				data, err := readData(br)
				if err != nil {
					return
				}
				if strings.Contains(data, "Pairs") {
					delays[i] = time.Since(t0)
					got.Add(1)
					return
				}
			}
		}()
	}
	room.set(func(st *State) { st.Title = "1-2-4-All · Pairs"; st.Capture = "" })
	srv.Notify()
	wg.Wait()
	if int(got.Load()) != n {
		t.Fatalf("%d of %d streams heard of the step change", got.Load(), n)
	}
	t.Logf("%d event streams: the step change reached p50 %v, p99 %v, the last after %v",
		n, percentile(delays, .5).Round(10*time.Microsecond), percentile(delays, .99).Round(10*time.Microsecond), percentile(delays, 1).Round(10*time.Microsecond))
}

func readData(br *bufio.Reader) (string, error) {
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return "", err
		}
		if d, ok := strings.CutPrefix(line, "data: "); ok {
			return d, nil
		}
	}
}

// TestKillDuringPostsLosesNoAcknowledgedNote serves the page from a child
// process, lets 50 phones post, kills the child with SIGKILL and then
// finds every acknowledged note in the file.
func TestKillDuringPostsLosesNoAcknowledgedNote(t *testing.T) {
	if testing.Short() {
		t.Skip("the kill test runs without -short")
	}
	path := filepath.Join(t.TempDir(), "kill.db")
	st, sid := newSession(t, path)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildServesPhones$")
	cmd.Env = append(os.Environ(), "PHONE_CHILD_DB="+path, "PHONE_CHILD_SESSION="+sid)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("the child did not start serving: %v", err)
	}
	base, ok := strings.CutPrefix(strings.TrimSpace(line), "serving ")
	if !ok || !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("the child said %q", line)
	}
	base += "/"

	const phones = 50
	client := loadClient(phones)
	var (
		mu    sync.Mutex
		acked []string
	)
	enough := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	for i := range phones {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := joinOverHTTP(client, base)
			if err != nil {
				return
			}
			for k := 0; ; k++ {
				text := fmt.Sprintf("phone %02d note %05d", i, k)
				ok, err := p.send(text)
				if err != nil {
					return // the child is gone
				}
				if ok {
					mu.Lock()
					acked = append(acked, text)
					if len(acked) >= 500 {
						once.Do(func() { close(enough) })
					}
					mu.Unlock()
				}
			}
		}()
	}
	select {
	case <-enough:
	case <-time.After(2 * time.Minute): // a guard against a hung child, not a measure
		t.Fatal("the phones did not get 500 notes acknowledged")
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	wg.Wait()

	st, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("the file does not open after the kill: %v", err)
	}
	defer st.Close()
	if err := st.Check(); err != nil {
		t.Fatal(err)
	}
	notes, err := st.Notes(sid)
	if err != nil {
		t.Fatal(err)
	}
	inFile := map[string]bool{}
	for _, n := range notes {
		inFile[n.Text] = true
	}
	mu.Lock()
	defer mu.Unlock()
	for _, text := range acked {
		if !inFile[text] {
			t.Fatalf("acknowledged note %q is not in the file after the kill", text)
		}
	}
	t.Logf("killed while 50 phones posted: %d notes acknowledged, %d in the file, none missing", len(acked), len(notes))
}

// TestChildServesPhones is the child process of the kill test; it does
// nothing in a normal run.
func TestChildServesPhones(t *testing.T) {
	path := os.Getenv("PHONE_CHILD_DB")
	if path == "" {
		t.Skip("the child of TestKillDuringPostsLosesNoAcknowledgedNote")
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	room := &fakeRoom{st: State{Capture: session.KindFrustration}}
	srv, err := New(Options{Room: room, Sink: storeSink{&StoreNotes{Store: st, SessionID: os.Getenv("PHONE_CHILD_SESSION")}, newMemSink()}, Limits: loadLimits()})
	if err != nil {
		t.Fatal(err)
	}
	l, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(l); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("serving %s\n", srv.URL())
	select {} // until killed
}
