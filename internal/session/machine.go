// Package session runs a workshop as a state machine over a flat plan of
// steps: start, pause, next, previous, extend, repeat a cycle, re-plan. It is
// pure: every method takes the time it should act at and returns the events
// that happened; the caller persists the session and the events.
package session

import (
	"time"

	"liberate/internal/structure"
	"liberate/internal/timer"
)

// Options are the facilitator's choices when a session starts.
type Options struct {
	ID           string
	Title        string
	Invitation   string
	Lang         string
	Slugs        []string
	Participants int
	Speed        float64
	// PlanStart is the planned clock time of the first step; zero = none.
	PlanStart time.Time
	// Rehearsal marks a trial run; a speed other than 1 always is one.
	Rehearsal bool
}

// New returns a session over plan, not yet started.
func New(opt Options, plan []structure.PlannedStep, now time.Time) *Session {
	now = now.Round(0)
	s := &Session{
		ID:           opt.ID,
		Title:        opt.Title,
		Invitation:   opt.Invitation,
		Lang:         opt.Lang,
		Slugs:        append([]string(nil), opt.Slugs...),
		Participants: opt.Participants,
		Speed:        opt.Speed,
		Rehearsal:    opt.Rehearsal || (opt.Speed > 0 && opt.Speed != 1),
		PlanStart:    opt.PlanStart,
		CreatedAt:    now,
		UpdatedAt:    now,
		Plan:         plan,
		Records:      make([]StepRecord, len(plan)),
	}
	for i, p := range plan {
		s.Records[i] = StepRecord{Planned: p.Planned, Left: p.Planned}
	}
	if len(plan) > 0 {
		s.Timer = timer.New(plan[0].Planned, opt.Speed)
	}
	return s
}

// Current returns the running step, or nil when the plan is empty.
func (s *Session) Current() *structure.PlannedStep {
	if s.Pos < 0 || s.Pos >= len(s.Plan) {
		return nil
	}
	return &s.Plan[s.Pos]
}

// Started reports whether the first step has been started.
func (s *Session) Started() bool {
	return len(s.Records) > 0 && s.Records[0].Visited
}

// Start begins the first step and runs its timer.
func (s *Session) Start(now time.Time) []Event {
	if len(s.Plan) == 0 || s.Started() {
		return nil
	}
	s.StartedAt = now.Round(0)
	evs := []Event{{At: now, Type: EventStarted}}
	return append(evs, s.enter(0, now)...)
}

// enter makes step i the running step, restoring what was left of it when
// it was visited before.
func (s *Session) enter(i int, now time.Time) []Event {
	s.Pos = i
	rec := &s.Records[i]
	t := timer.New(s.Plan[i].Planned, s.Speed)
	if rec.Visited {
		t.Left = rec.Left
		t.Spent = rec.Actual
	}
	rec.Visited = true
	s.Timer = t
	s.Timer.Start(now)
	s.UpdatedAt = now
	return []Event{{At: now, Type: EventStepStart, StepIndex: i}}
}

// leave records what happened in the running step.
func (s *Session) leave(now time.Time) {
	if s.Pos < 0 || s.Pos >= len(s.Records) {
		return
	}
	rec := &s.Records[s.Pos]
	rec.Actual = s.Timer.Elapsed(now)
	rec.Left = s.Timer.Remaining(now)
}

// Timed reports whether the running step has a countdown.
func (s *Session) Timed() bool {
	c := s.Current()
	return c != nil && c.Timed
}

// Remaining is the running step's time left at now (negative in overtime).
func (s *Session) Remaining(now time.Time) time.Duration { return s.Timer.Remaining(now) }

// Phase is the urgency of the running step at now.
func (s *Session) Phase(now time.Time) timer.Phase {
	if !s.Timed() {
		return timer.PhaseUntimed
	}
	return s.Timer.PhaseAt(now)
}

// Paused reports whether the session is started, not finished and its timer
// is not running.
func (s *Session) Paused() bool {
	return s.Started() && !s.Finished && !s.Timer.Running
}

// TogglePause pauses a running step or resumes a paused one.
func (s *Session) TogglePause(now time.Time) []Event {
	if s.Finished || !s.Started() {
		return nil
	}
	s.UpdatedAt = now
	if s.Timer.Running {
		s.Timer.Pause(now)
		s.leave(now)
		return []Event{{At: now, Type: EventPaused, StepIndex: s.Pos}}
	}
	s.Timer.Resume(now)
	return []Event{{At: now, Type: EventResumed, StepIndex: s.Pos}}
}

// Next ends the running step and starts the one after it; after the last
// step the session is finished. A step left before its time was up is
// recorded as skipped.
func (s *Session) Next(now time.Time) []Event {
	if s.Finished || len(s.Plan) == 0 {
		return nil
	}
	if !s.Started() {
		return s.Start(now)
	}
	wasRunning := s.Timer.Running
	s.leave(now)
	evs := []Event{{At: now, Type: EventStepEnd, StepIndex: s.Pos, Delta: s.Records[s.Pos].Actual}}
	if s.Timed() && s.Timer.Remaining(now) > 0 {
		evs = append(evs, Event{At: now, Type: EventSkipped, StepIndex: s.Pos, Delta: s.Timer.Remaining(now)})
	}
	if s.Pos+1 >= len(s.Plan) {
		s.Timer.Pause(now)
		s.Finished = true
		s.FinishedAt = now
		s.UpdatedAt = now
		return append(evs, Event{At: now, Type: EventFinished, StepIndex: s.Pos})
	}
	evs = append(evs, s.enter(s.Pos+1, now)...)
	if !wasRunning && s.Timed() {
		// A paused facilitator who moves on keeps the next step paused too,
		// so a clicker press during a discussion never starts the clock.
		s.Timer.Pause(now)
	}
	return evs
}

// Prev goes back to the previous step, which continues with the time it had
// left. Nothing captured is touched.
func (s *Session) Prev(now time.Time) []Event {
	if len(s.Plan) == 0 || !s.Started() {
		return nil
	}
	if s.Finished {
		s.Finished = false
		s.FinishedAt = time.Time{}
		evs := []Event{{At: now, Type: EventBack, StepIndex: s.Pos}}
		return append(evs, s.enter(s.Pos, now)...)
	}
	if s.Pos == 0 {
		return nil
	}
	s.leave(now)
	evs := []Event{{At: now, Type: EventBack, StepIndex: s.Pos}}
	return append(evs, s.enter(s.Pos-1, now)...)
}

// Extend adds d (negative to remove) to the running step.
func (s *Session) Extend(d time.Duration, now time.Time) []Event {
	if s.Finished || !s.Started() || !s.Timed() {
		return nil
	}
	before := s.Timer.Planned
	s.Timer.Extend(d, now)
	d = s.Timer.Planned - before
	if d == 0 {
		return nil
	}
	s.Plan[s.Pos].Planned = s.Timer.Planned
	s.UpdatedAt = now
	return []Event{{At: now, Type: EventExtended, StepIndex: s.Pos, Delta: d}}
}

// Repeat runs the current cycle once more (LS prefers another short cycle
// over running long): the cycle's steps are copied after its end with a
// cycle counter, and the first copy starts now.
func (s *Session) Repeat(now time.Time) []Event {
	c := s.Current()
	if c == nil || s.Finished || !s.Started() {
		return nil
	}
	start, end := c.CycleStart, c.CycleEnd
	if start < 0 || end >= len(s.Plan) || start > end || s.Pos < start || s.Pos > end {
		start, end = s.Pos, s.Pos
	}
	n := end - start + 1
	// Which pass is this? Count existing cycle counters on the copy.
	pass := cyclePass(s.Plan[start]) + 1
	copies := make([]structure.PlannedStep, n)
	for i := 0; i < n; i++ {
		p := s.Plan[start+i]
		p.Counters = withCycle(p.Counters, pass)
		p.CycleStart = end + 1
		p.CycleEnd = end + n
		p.Planned = s.Records[start+i].Planned
		copies[i] = p
	}
	s.leave(now)
	plan := make([]structure.PlannedStep, 0, len(s.Plan)+n)
	plan = append(plan, s.Plan[:end+1]...)
	plan = append(plan, copies...)
	for _, p := range s.Plan[end+1:] {
		if p.CycleStart > end {
			p.CycleStart += n
			p.CycleEnd += n
		}
		plan = append(plan, p)
	}
	recs := make([]StepRecord, 0, len(s.Records)+n)
	recs = append(recs, s.Records[:end+1]...)
	for _, p := range copies {
		recs = append(recs, StepRecord{Planned: p.Planned, Left: p.Planned})
	}
	recs = append(recs, s.Records[end+1:]...)
	s.Plan, s.Records = plan, recs
	evs := []Event{{At: now, Type: EventRepeated, StepIndex: s.Pos}}
	return append(evs, s.enter(end+1, now)...)
}

func cyclePass(p structure.PlannedStep) int {
	for _, c := range p.Counters {
		if c.Kind == "cycle" {
			return c.I
		}
	}
	return 1
}

func withCycle(cs []structure.Counter, pass int) []structure.Counter {
	out := make([]structure.Counter, 0, len(cs)+1)
	for _, c := range cs {
		if c.Kind != "cycle" {
			out = append(out, c)
		}
	}
	return append(out, structure.Counter{Kind: "cycle", I: pass})
}

// PlannedTotal is the sum of the planned minutes of every step.
func (s *Session) PlannedTotal() time.Duration {
	var d time.Duration
	for _, r := range s.Records {
		d += r.Planned
	}
	return d
}

// PlannedEnd is when the session should end: its start plus the originally
// planned total, plus the time it was paused.
func (s *Session) PlannedEnd() time.Time {
	return s.startedAt().Add(s.wall(s.PlannedTotal()))
}

func (s *Session) startedAt() time.Time {
	if !s.StartedAt.IsZero() {
		return s.StartedAt
	}
	return s.CreatedAt
}

// wall turns workshop time into wall-clock time for rehearsal speeds.
func (s *Session) wall(d time.Duration) time.Duration {
	if s.Speed > 0 && s.Speed != 1 {
		return time.Duration(float64(d) / s.Speed)
	}
	return d
}

// RemainingPlanned is the planned time of the steps after the running one,
// as currently planned.
func (s *Session) RemainingPlanned() time.Duration {
	var d time.Duration
	for i := s.Pos + 1; i < len(s.Plan); i++ {
		d += s.Plan[i].Planned
	}
	return d
}

// ProjectedEnd is when the session will end if the running step ends on
// time (or now, when it is overdue) and every later step runs as planned.
func (s *Session) ProjectedEnd(now time.Time) time.Time {
	if s.Finished {
		return s.FinishedAt
	}
	left := s.Timer.Remaining(now)
	if left < 0 || !s.Timed() {
		left = 0
	}
	return now.Round(0).Add(s.wall(left + s.RemainingPlanned()))
}

// Behind is how far the projected end lies past the planned end (negative
// when ahead of schedule).
func (s *Session) Behind(now time.Time) time.Duration {
	return s.ProjectedEnd(now).Sub(s.PlannedEnd())
}

// OffSchedule reports whether the session runs more than half a workshop
// minute behind or ahead of its planned end (in workshop time, so also in a
// rehearsal).
func (s *Session) OffSchedule(now time.Time) bool {
	w := time.Duration(float64(s.Behind(now)) * s.speed())
	return w >= 30*time.Second || w <= -30*time.Second
}

// Replan proposes new minutes for the steps after the running one so the
// session still ends at its planned end: later timed steps shrink (or grow)
// proportionally, never below a step's minimum nor above its maximum when
// growing. It returns the proposal indexed like Plan (zero before and at
// Pos) and false when no change is needed or possible.
func (s *Session) Replan(now time.Time) ([]time.Duration, bool) {
	if s.Finished || !s.Started() {
		return nil, false
	}
	if !s.OffSchedule(now) {
		return nil, false
	}
	behind := s.Behind(now)
	// Workshop time available for the remaining steps.
	budget := s.RemainingPlanned() - time.Duration(float64(behind)*s.speed())
	proposal := make([]time.Duration, len(s.Plan))
	var flexible time.Duration
	for i := s.Pos + 1; i < len(s.Plan); i++ {
		proposal[i] = s.Plan[i].Planned
		if s.Plan[i].Timed {
			flexible += s.Plan[i].Planned
		}
	}
	if flexible == 0 {
		return nil, false
	}
	// Distribute proportionally, clamping at the bounds; repeat for what
	// clamping freed up.
	fixed := map[int]bool{}
	for round := 0; round < 5; round++ {
		var free, fixedSum time.Duration
		for i := s.Pos + 1; i < len(s.Plan); i++ {
			switch {
			case !s.Plan[i].Timed:
			case fixed[i]:
				fixedSum += proposal[i]
			default:
				free += s.Plan[i].Planned
			}
		}
		if free == 0 {
			break
		}
		ratio := float64(budget-fixedSum) / float64(free)
		if ratio < 0 {
			ratio = 0
		}
		clamped := false
		for i := s.Pos + 1; i < len(s.Plan); i++ {
			p := s.Plan[i]
			if !p.Timed || fixed[i] {
				continue
			}
			v := time.Duration(float64(p.Planned) * ratio).Round(30 * time.Second)
			lo, hi := p.Min, p.Max
			if lo <= 0 {
				lo = 30 * time.Second
			}
			if hi < p.Planned {
				hi = p.Planned
			}
			switch {
			case v < lo:
				v, fixed[i], clamped = lo, true, true
			case v > hi:
				v, fixed[i], clamped = hi, true, true
			}
			proposal[i] = v
		}
		if !clamped {
			break
		}
	}
	changed := false
	for i := s.Pos + 1; i < len(s.Plan); i++ {
		if proposal[i] != s.Plan[i].Planned {
			changed = true
		}
	}
	return proposal, changed
}

func (s *Session) speed() float64 {
	if s.Speed <= 0 {
		return 1
	}
	return s.Speed
}

// ApplyReplan sets the proposed minutes on the remaining steps.
func (s *Session) ApplyReplan(proposal []time.Duration, now time.Time) []Event {
	var evs []Event
	for i := s.Pos + 1; i < len(s.Plan) && i < len(proposal); i++ {
		if proposal[i] == s.Plan[i].Planned || proposal[i] <= 0 {
			continue
		}
		evs = append(evs, Event{At: now, Type: EventReplanned, StepIndex: i, Delta: proposal[i] - s.Plan[i].Planned})
		s.Plan[i].Planned = proposal[i]
		s.Records[i].Replanned = proposal[i]
		if !s.Records[i].Visited {
			s.Records[i].Left = proposal[i]
		}
	}
	s.UpdatedAt = now
	return evs
}

// Sync records the running step's time so far in its record, so a saved
// session and its export show the time spent in the step that is running.
func (s *Session) Sync(now time.Time) {
	if s.Started() && !s.Finished {
		s.leave(now)
	}
}
