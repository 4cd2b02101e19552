package phone

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"liberate/internal/textsafe"
)

// Event is what the live event stream sends a phone after every change of
// the room: enough to update the step, the invitation and the countdown in
// place, and the mode that tells the page when to fetch its form again.
type Event struct {
	Mode       string `json:"mode"`
	Title      string `json:"title"`
	Invitation string `json:"invitation"`
	Prompt     string `json:"prompt"`
	Deadline   int64  `json:"deadline,omitempty"` // Unix milliseconds; 0 = untimed
	Paused     bool   `json:"paused,omitempty"`
	Left       int64  `json:"left,omitempty"` // milliseconds left while paused
	Now        int64  `json:"now"`            // the laptop's clock, Unix milliseconds
}

func eventOf(st State, now time.Time) Event {
	e := Event{
		Mode: roomMode(st), Title: textsafe.Display(st.Title),
		Invitation: textsafe.Display(st.Invitation), Prompt: textsafe.Display(st.Prompt),
		Paused: st.Paused, Left: st.Left.Milliseconds(), Now: now.UnixMilli(),
	}
	if !st.Deadline.IsZero() {
		e.Deadline = st.Deadline.UnixMilli()
	}
	return e
}

// heartbeat keeps idle event streams open through Wi-Fi access points that
// drop quiet connections.
const heartbeat = 25 * time.Second

// events streams the room to a phone as server-sent events: the state at
// once, then after every Notify, until the phone leaves or the server
// closes.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	addr := clientAddr(r)
	s.mu.Lock()
	if s.streams >= s.lim.Streams || s.perAddr[addr] >= s.lim.StreamsPerAddr {
		s.mu.Unlock()
		w.Header().Set("Retry-After", "30")
		http.Error(w, texts(r).Full, http.StatusServiceUnavailable)
		return
	}
	s.streams++
	s.perAddr[addr]++
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.streams--
		if s.perAddr[addr]--; s.perAddr[addr] <= 0 {
			delete(s.perAddr, addr)
		}
		s.mu.Unlock()
	}()

	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	_ = rc.SetReadDeadline(time.Time{})
	send := func(data []byte) bool {
		_ = rc.SetWriteDeadline(time.Now().Add(s.opt.Timeouts.Write))
		if len(data) == 0 {
			_, err := fmt.Fprint(w, ": still here\n\n")
			return err == nil && rc.Flush() == nil
		}
		if _, err := fmt.Fprintf(w, "event: state\ndata: %s\n\n", data); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	beat := time.NewTicker(heartbeat)
	defer beat.Stop()
	for {
		ch := s.changes()
		data, _ := json.Marshal(eventOf(s.opt.Room.PhoneState(), s.now()))
		if !send(data) {
			return
		}
	wait:
		for {
			select {
			case <-ch:
				break wait
			case <-beat.C:
				if !send(nil) {
					return
				}
			case <-r.Context().Done():
				return
			case <-s.done:
				return
			}
		}
	}
}
