// Package timer is the deadline-based countdown of one step. Remaining time
// is always computed from a wall-clock deadline and the current time handed
// in by the caller, never by adding up ticks, so it cannot drift, and it stays
// right after a restart or after the laptop slept (the deadline is stored
// without Go's monotonic reading, which stops during suspend).
package timer

import (
	"math"
	"time"
)

// Clock tells the time. The UI uses the system clock; tests use a fake.
type Clock interface {
	Now() time.Time
}

// SystemClock is the wall clock.
type SystemClock struct{}

// Now returns the current wall-clock time without a monotonic reading.
func (SystemClock) Now() time.Time { return time.Now().Round(0) }

// FakeClock is a settable clock for tests and rehearsals.
type FakeClock struct{ T time.Time }

// Now returns the fake time.
func (c *FakeClock) Now() time.Time { return c.T }

// Advance moves the fake time forward by d.
func (c *FakeClock) Advance(d time.Duration) { c.T = c.T.Add(d) }

// Phase is how urgent the countdown looks.
type Phase int

// Phases of a running step, from calm to overdue.
const (
	PhaseNormal   Phase = iota
	PhaseWarning        // 20 % or less left
	PhaseFinal          // the last 5 % or 30 s
	PhaseOvertime       // past zero, counting up
	PhaseUntimed        // a step that waits for a key
)

// String names the phase.
func (p Phase) String() string {
	switch p {
	case PhaseWarning:
		return "warning"
	case PhaseFinal:
		return "final"
	case PhaseOvertime:
		return "overtime"
	case PhaseUntimed:
		return "untimed"
	default:
		return "normal"
	}
}

// Timer is the countdown of one step, in workshop time. With a rehearsal
// Speed of X, workshop time runs X times faster than the wall clock. The
// zero Timer is an untimed, stopped timer.
type Timer struct {
	Planned  time.Duration `json:"planned"`            // workshop time, including extensions
	Speed    float64       `json:"speed,omitempty"`    // 0 or 1 = real time
	Running  bool          `json:"running"`            // counting down now
	Deadline time.Time     `json:"deadline,omitempty"` // wall clock; meaningful while Running
	Left     time.Duration `json:"left"`               // workshop time left while paused; negative = overtime
	Spent    time.Duration `json:"spent"`              // workshop time run before the current run
	Since    time.Time     `json:"since,omitempty"`    // wall clock when the current run started
}

// New returns a paused timer for a step of planned workshop time.
func New(planned time.Duration, speed float64) Timer {
	return Timer{Planned: planned, Speed: speed, Left: planned}
}

func wall(t time.Time) time.Time { return t.Round(0) }

func (t Timer) speed() float64 {
	if t.Speed <= 0 {
		return 1
	}
	return t.Speed
}

// toWall converts workshop time to wall-clock time.
func (t Timer) toWall(d time.Duration) time.Duration {
	return time.Duration(math.Round(float64(d) / t.speed()))
}

// toWorkshop converts wall-clock time to workshop time.
func (t Timer) toWorkshop(d time.Duration) time.Duration {
	return time.Duration(math.Round(float64(d) * t.speed()))
}

// Start runs the timer from now (same as Resume).
func (t *Timer) Start(now time.Time) { t.Resume(now) }

// Resume continues a paused timer: the deadline is now plus what was left.
func (t *Timer) Resume(now time.Time) {
	if t.Running {
		return
	}
	now = wall(now)
	t.Deadline = now.Add(t.toWall(t.Left))
	t.Since = now
	t.Running = true
}

// Pause freezes the remaining time.
func (t *Timer) Pause(now time.Time) {
	if !t.Running {
		return
	}
	now = wall(now)
	t.Left = t.Remaining(now)
	t.Spent += t.toWorkshop(now.Sub(t.Since))
	t.Running = false
	t.Deadline = time.Time{}
	t.Since = time.Time{}
}

// Toggle pauses a running timer and resumes a paused one.
func (t *Timer) Toggle(now time.Time) {
	if t.Running {
		t.Pause(now)
	} else {
		t.Resume(now)
	}
}

// Remaining is the workshop time left at now; negative in overtime.
func (t Timer) Remaining(now time.Time) time.Duration {
	if !t.Running {
		return t.Left
	}
	return t.toWorkshop(t.Deadline.Sub(wall(now)))
}

// Elapsed is the workshop time the timer has been running in total.
func (t Timer) Elapsed(now time.Time) time.Duration {
	if !t.Running {
		return t.Spent
	}
	return t.Spent + t.toWorkshop(wall(now).Sub(t.Since))
}

// Overtime is how far past zero the countdown is (0 when not overdue).
func (t Timer) Overtime(now time.Time) time.Duration {
	if r := t.Remaining(now); r < 0 {
		return -r
	}
	return 0
}

// Extend adds d (negative to remove) to the step. Removing never takes the
// planned time below zero; the remaining time can go into overtime.
func (t *Timer) Extend(d time.Duration, now time.Time) {
	if t.Planned+d < 0 {
		d = -t.Planned
	}
	t.Planned += d
	if t.Running {
		t.Deadline = t.Deadline.Add(t.toWall(d))
	} else {
		t.Left += d
	}
}

// Thresholds returns the remaining times at which the warning and the final
// phase begin: 20 % of the planned time, and 5 % or 30 s (whichever is
// longer, but at most half the warning zone so short steps still warn first).
func (t Timer) Thresholds() (warning, final time.Duration) {
	warning = t.Planned / 5
	final = t.Planned / 20
	if final < 30*time.Second {
		final = 30 * time.Second
	}
	if final > warning/2 {
		final = warning / 2
	}
	return warning, final
}

// PhaseAt returns the urgency of the countdown at now.
func (t Timer) PhaseAt(now time.Time) Phase {
	if t.Planned == 0 && t.Left == 0 && !t.Running {
		return PhaseUntimed
	}
	r := t.Remaining(now)
	warning, final := t.Thresholds()
	switch {
	case r < 0:
		return PhaseOvertime
	case r <= final:
		return PhaseFinal
	case r <= warning:
		return PhaseWarning
	default:
		return PhaseNormal
	}
}

// Format renders d as m:ss (or h:mm:ss), rounding up so a countdown shows
// 0:01 until the last second is over; overtime gets a leading "+".
func Format(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign = "+"
		d = -d
		d = d.Truncate(time.Second)
	} else {
		d = (d + time.Second - 1).Truncate(time.Second)
	}
	s := int64(d / time.Second)
	h, m, sec := s/3600, (s/60)%60, s%60
	switch {
	case h > 0:
		return sign + itoa(h) + ":" + pad(m) + ":" + pad(sec)
	case sign != "":
		return sign + itoa(m) + ":" + pad(sec)
	default:
		return pad(m) + ":" + pad(sec)
	}
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

func pad(n int64) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}
