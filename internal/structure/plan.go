package structure

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"liberate/internal/i18n"
)

// PlanOptions tune how a plan is computed for a room.
type PlanOptions struct {
	// Participants is the head-count; 0 when unknown. It sizes whole-group
	// per-person steps and fills each step's Split.
	Participants int
}

// HarvestLabel is the label of a string's harvest step (the board where the
// facilitator clusters and names the notes).
var HarvestLabel = Text{EN: "Harvest: cluster and name the notes", NL: "Oogsten: in thema's groeperen en benoemen"}

// ReviewLabel is the label of a follow-up's review step, where the room
// says what became of the earlier session's actions and scores its themes
// again.
var ReviewLabel = Text{EN: "Review: what became of our actions?", NL: "Terugblik: wat is er van onze acties geworden?"}

// ReviewPrompt is the review step's question for the room.
var ReviewPrompt = Text{
	EN: "For each action: done, under way, stuck or dropped? Then for each theme: how much does this still bother you?",
	NL: "Per actie: gedaan, onderweg, vastgelopen of geschrapt? Daarna per thema: hoeveel last heb je hier nog van?",
}

// maxPlanSteps bounds a plan so a runaway file cannot exhaust memory.
const maxPlanSteps = 10000

// defaultStations is the number of stations when a structure gives none.
const defaultStations = 6

// Plan expands structures and strings, named by slug (or anything Resolve
// accepts), into the flat list of steps a session runs, in order. A string
// expands into its items; several names run one after the other.
//
// Minutes: a step plans its default, else its min, and allows up to its max;
// per-person minutes are multiplied by the step's group size; a nested
// structure is scaled to fit the minutes of the step that nests it. Steps
// without minutes wait for a key (Timed false, Planned 0).
func (l *Library) Plan(slugs []string, opt PlanOptions) ([]PlannedStep, error) {
	if len(slugs) == 0 {
		return nil, errors.New("nothing to plan: name at least one structure or string")
	}
	type run struct {
		s    *Structure
		item *Item
	}
	var runs []run
	for _, name := range slugs {
		s, err := l.Resolve(name)
		if err != nil {
			return nil, fmt.Errorf("plan %q: %w", name, err)
		}
		if s.Kind != KindString {
			runs = append(runs, run{s: s})
			continue
		}
		for i := range s.Items {
			it := &s.Items[i]
			if it.Harvest || it.Review {
				runs = append(runs, run{item: it})
				continue
			}
			t, ok := l.defs[it.Slug]
			if !ok {
				return nil, fmt.Errorf("plan %q: item %q: %w", s.Slug, it.Slug, &UnknownError{Query: it.Slug})
			}
			runs = append(runs, run{s: t, item: it})
		}
	}
	p := &planner{lib: l, opt: opt}
	for i, r := range runs {
		start := len(p.out)
		if r.s == nil && r.item.Review {
			p.review(r.item)
		} else if r.s == nil {
			p.harvest(r.item)
		} else if err := p.structure(r.s, r.item); err != nil {
			return nil, err
		}
		for j := start; j < len(p.out); j++ {
			p.out[j].StructureIndex = i
			p.out[j].StructureCount = len(runs)
		}
	}
	for i, sc := range p.scopes {
		p.out[i].CycleStart, p.out[i].CycleEnd = sc.start, sc.end
		p.out[i].turnNotes()
	}
	return p.out, nil
}

// TotalMinutes is the planned length of s in minutes for its default group
// size and an unknown head-count (untimed steps count as zero).
func (l *Library) TotalMinutes(s *Structure) float64 {
	plan, err := l.planOne(s, PlanOptions{})
	if err != nil {
		return 0
	}
	return planMinutes(plan)
}

func (l *Library) planOne(s *Structure, opt PlanOptions) ([]PlannedStep, error) {
	if s == nil {
		return nil, errors.New("plan: no structure given")
	}
	if cur, ok := l.defs[s.Slug]; !ok || cur != s {
		// Not (or no longer) in this library: plan it against a copy that holds it.
		cp := &Library{defs: map[string]*Structure{}}
		for k, v := range l.defs {
			cp.defs[k] = v
		}
		cp.defs[s.Slug] = s
		l = cp
	}
	return l.Plan([]string{s.Slug}, opt)
}

func planMinutes(plan []PlannedStep) float64 {
	var d time.Duration
	for _, p := range plan {
		d += p.Planned
	}
	return math.Round(d.Minutes()*100) / 100
}

// span is a repeatable cycle: plan indices start..end.
type span struct{ start, end int }

type planner struct {
	lib    *Library
	opt    PlanOptions
	out    []PlannedStep
	scopes []*span // per planned step: its innermost cycle
	depth  int
}

// frame is what a step inherits from the blocks and segments around it.
type frame struct {
	s        *Structure // the structure whose steps these are
	path     string
	counters []Counter
	config   Config
	capture  Capture // from an enclosing block
	optional bool
	scope    *span
	segs     []*Step // nested segments, outermost first
	lastTurn bool    // the last iteration of the innermost repeat: steps marked between are left out
}

func (p *planner) open() *span { return &span{start: len(p.out), end: len(p.out) - 1} }

func (p *planner) close(sc *span) { sc.end = len(p.out) - 1 }

func (p *planner) harvest(it *Item) {
	d := minutes(it.Minutes)
	name := it.Title
	if name.IsZero() {
		name = HarvestLabel
	}
	slug := it.Slug
	if slug == "" {
		slug = "harvest"
	}
	i := len(p.out)
	p.out = append(p.out, PlannedStep{
		Structure: slug, StructureName: name, Invitation: it.Invitation,
		Path: "1", Number: 1, Total: 1, Label: HarvestLabel, Config: ConfigWhole,
		Planned: d, Min: d, Max: d, Timed: d > 0, Capture: CaptureNone, Harvest: true,
	})
	p.scopes = append(p.scopes, &span{start: i, end: i})
}

func (p *planner) review(it *Item) {
	d := minutes(it.Minutes)
	name := it.Title
	if name.IsZero() {
		name = ReviewLabel
	}
	slug := it.Slug
	if slug == "" {
		slug = "review"
	}
	i := len(p.out)
	p.out = append(p.out, PlannedStep{
		Structure: slug, StructureName: name, Invitation: it.Invitation,
		Path: "1", Number: 1, Total: 1, Label: ReviewLabel, Prompt: ReviewPrompt, Config: ConfigWhole,
		Planned: d, Min: d, Max: d, Timed: d > 0, Capture: CaptureNone, Review: true,
	})
	p.scopes = append(p.scopes, &span{start: i, end: i})
}

func (p *planner) structure(s *Structure, it *Item) error {
	start := len(p.out)
	whole := p.open()
	if err := p.steps(s.Steps, frame{s: s, scope: whole}); err != nil {
		return err
	}
	p.close(whole)
	inv := s.Invitation
	if it != nil && !it.Invitation.IsZero() {
		inv = it.Invitation
	}
	timed := 0
	for j := start; j < len(p.out); j++ {
		ps := &p.out[j]
		ps.Structure, ps.StructureName, ps.Invitation = s.Slug, s.Name, inv
		ps.Number, ps.Total = j-start+1, len(p.out)-start
		if it == nil {
			continue
		}
		ps.Title = it.Title
		if it.Minutes > 0 && len(p.out)-start == 1 && ps.Timed {
			// A one-step structure (a break) takes the item's minutes.
			ps.Planned = minutes(it.Minutes)
			ps.Min, ps.Max = min(ps.Min, ps.Planned), max(ps.Max, ps.Planned)
		}
		if it.Capture != "" && ps.Capture != CaptureNone {
			ps.Capture = it.Capture
		}
		if ps.Timed && timed < len(it.Prompts) {
			if !it.Prompts[timed].IsZero() {
				ps.Prompt = it.Prompts[timed]
			}
			timed++
		}
	}
	return nil
}

func (p *planner) steps(steps []Step, f frame) error {
	for i := range steps {
		if len(p.out) > maxPlanSteps {
			return fmt.Errorf("plan %q: more than %d steps; lower the repeats or nesting", f.s.Slug, maxPlanSteps)
		}
		g := f
		g.path = joinPath(f.path, i+1)
		if err := p.step(&steps[i], g); err != nil {
			return err
		}
	}
	return nil
}

func joinPath(prefix string, i int) string {
	if prefix == "" {
		return strconv.Itoa(i)
	}
	return prefix + "." + strconv.Itoa(i)
}

func (p *planner) step(st *Step, f frame) error {
	if st.Repeat == "" && len(st.Steps) == 0 && st.Nested == "" {
		p.leaf(st, f)
		return nil
	}
	f.optional = f.optional || st.Optional
	if st.Config != "" {
		f.config = st.Config
	}
	if st.Capture != "" && st.Nested == "" {
		f.capture = st.Capture
	}
	body := func(g frame) error {
		if st.Nested != "" {
			return p.nested(st, g)
		}
		return p.steps(st.Steps, g)
	}
	var cycle *span
	if st.Cycle {
		cycle = p.open()
		f.scope = cycle
	}
	if st.Repeat == "" {
		if err := body(f); err != nil {
			return err
		}
	} else {
		n := repeatCount(st.Repeat, f.s)
		var sizes Split // the groups the turns go round
		if st.Repeat == RepeatGroupSize {
			n, sizes = p.turns(st, f)
		}
		kind := st.Counter
		if kind == "" {
			kind = "round"
		}
		iterations := max(n, 1)
		for k := 1; k <= iterations; k++ {
			if len(p.out) > maxPlanSteps {
				return fmt.Errorf("plan %q: more than %d steps; lower the repeats", f.s.Slug, maxPlanSteps)
			}
			g := f
			g.path = joinPath(f.path, k)
			g.counters = append(append([]Counter(nil), f.counters...), Counter{Kind: kind, I: k, N: n})
			g.lastTurn = n > 0 && k == n
			var it *span
			if !st.Cycle {
				it = p.open()
				g.scope = it
			}
			from := len(p.out)
			if err := body(g); err != nil {
				return err
			}
			p.markTurn(from, k, sizes)
			if it != nil {
				p.close(it)
			}
		}
	}
	if cycle != nil {
		p.close(cycle)
	}
	return nil
}

// repeatCount is how often a block runs: a number, the structure's group
// size, its stations, or 0 for until_done (run once; `r` repeats it).
func repeatCount(r string, s *Structure) int {
	return min(rawRepeatCount(r, s), MaxRepeat)
}

func rawRepeatCount(r string, s *Structure) int {
	switch r {
	case RepeatGroupSize:
		if s.Group.Size > 0 {
			return s.Group.Size
		}
		if s.Group.Min > 0 {
			return s.Group.Min
		}
		return 3
	case RepeatStations:
		if s.Group.Stations > 0 {
			return s.Group.Stations
		}
		return defaultStations
	case RepeatUntilDone:
		return 0
	}
	n, err := strconv.Atoi(r)
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// nested inlines another structure's steps as one segment of this one,
// scaled to the segment's minutes when it gives some.
func (p *planner) nested(seg *Step, f frame) error {
	t, ok := p.lib.defs[seg.Nested]
	if !ok {
		return fmt.Errorf("plan %q: nested %w", f.s.Slug, &UnknownError{Query: seg.Nested})
	}
	if p.depth > 16 {
		return fmt.Errorf("plan %q: nesting %q is too deep; check for a cycle", f.s.Slug, seg.Nested)
	}
	p.depth++
	defer func() { p.depth-- }()
	start := len(p.out)
	sc := p.open()
	g := frame{s: t, path: f.path, counters: f.counters, optional: f.optional, scope: sc, lastTurn: f.lastTurn,
		segs: append(append([]*Step(nil), f.segs...), seg)}
	if err := p.steps(t.Steps, g); err != nil {
		return err
	}
	p.close(sc)
	planned, lo, hi := seg.minutes()
	if seg.Timed != nil && !*seg.Timed {
		return nil
	}
	if planned > 0 {
		p.scale(start, func(ps *PlannedStep) *time.Duration { return &ps.Planned }, minutes(planned))
		p.scale(start, func(ps *PlannedStep) *time.Duration { return &ps.Min }, minutes(lo))
		p.scale(start, func(ps *PlannedStep) *time.Duration { return &ps.Max }, minutes(hi))
	}
	return nil
}

// scale stretches one duration field of the steps from start on so they sum
// to total, rounding each to the second without losing any on the way.
func (p *planner) scale(start int, field func(*PlannedStep) *time.Duration, total time.Duration) {
	var sum time.Duration
	for j := start; j < len(p.out); j++ {
		sum += *field(&p.out[j])
	}
	if sum <= 0 || total <= 0 {
		return
	}
	var acc time.Duration
	prev := time.Duration(0)
	for j := start; j < len(p.out); j++ {
		d := field(&p.out[j])
		acc += *d
		cum := time.Duration(math.Round(float64(total)*float64(acc)/float64(sum)/float64(time.Second))) * time.Second
		*d = cum - prev
		prev = cum
	}
}

// minutes returns what a step plans, its least and its most, in minutes.
func (st *Step) minutes() (planned, lo, hi float64) {
	lo = st.Min
	hi = st.Max
	planned = st.Default
	if planned == 0 {
		planned = lo
	}
	if lo == 0 {
		lo = planned
	}
	if hi == 0 {
		hi = max(lo, planned)
	}
	return planned, lo, hi
}

// minutes converts minutes to a duration, at most MaxStepMinutes: a step
// per person or per turn never plans more than a day, however many people.
func minutes(m float64) time.Duration {
	if m <= 0 || math.IsNaN(m) || math.IsInf(m, 0) {
		return 0
	}
	return time.Duration(math.Round(min(m, MaxStepMinutes)*60)) * time.Second
}

func (p *planner) leaf(st *Step, f frame) {
	if st.Between && f.lastTurn {
		return
	}
	cfg := st.Config
	if cfg == "" {
		cfg = f.config
	}
	planned, lo, hi := st.minutes()
	timed := planned > 0
	if st.Timed != nil {
		timed = *st.Timed && planned > 0
	}
	ps := PlannedStep{
		Path:     f.path,
		Label:    st.Label,
		Prompt:   st.Prompt,
		Tip:      st.Tip,
		Config:   cfg,
		Timed:    timed,
		Optional: st.Optional || f.optional,
		Counters: append([]Counter(nil), f.counters...),
		Cue:      st.Cue,
	}
	if timed {
		factor := 1.0
		if st.Unit == UnitPerPerson {
			factor = float64(p.perPerson(cfg, f.s))
		}
		ps.Planned, ps.Min, ps.Max = minutes(planned*factor), minutes(lo*factor), minutes(hi*factor)
	}
	ps.Capture = st.Capture
	if ps.Capture == "" {
		ps.Capture = f.capture
	}
	if ps.Capture == "" {
		ps.Capture = defaultCapture(f.s)
	}
	for k := len(f.segs) - 1; k >= 0; k-- {
		seg := f.segs[k]
		ps.Label = joinLabel(seg.Label, ps.Label)
		if !seg.Prompt.IsZero() {
			ps.Prompt = seg.Prompt
		}
		if ps.Tip.IsZero() {
			ps.Tip = seg.Tip
		}
		if seg.Capture != "" && ps.Capture != CaptureNone {
			ps.Capture = seg.Capture
		}
		if seg.Optional {
			ps.Optional = true
		}
	}
	if cfg == ConfigClient || cfg == ConfigClientBack {
		ps.GroupSize = GroupSize(cfg, f.s)
	}
	if p.opt.Participants > 0 {
		if size, pol, ok := PolicyFor(cfg, f.s); ok && size > 0 {
			ps.Split = Arrange(p.opt.Participants, size, pol)
		}
	}
	p.out = append(p.out, ps)
	p.scopes = append(p.scopes, f.scope)
}

// perPerson is how many people share a per-person step: the group size of
// its configuration, the head-count for the whole group when known.
func (p *planner) perPerson(cfg Config, s *Structure) int {
	if cfg == ConfigWhole && p.opt.Participants > 0 {
		return p.opt.Participants
	}
	n := GroupSize(cfg, s)
	if n <= 0 {
		n = s.Group.Size
	}
	return max(n, 1)
}

func defaultCapture(s *Structure) Capture {
	switch {
	case s.Capture != "":
		return s.Capture
	case s.Confidential:
		return CaptureNone
	}
	return CaptureNote
}

func joinLabel(seg, leaf Text) Text {
	if seg.IsZero() {
		return leaf
	}
	join := func(a, b string) string {
		switch {
		case a == "":
			return b
		case b == "":
			return a
		}
		return a + " · " + b
	}
	segNL, leafNL := seg.NL, leaf.NL
	if segNL == "" {
		segNL = seg.EN
	}
	if leafNL == "" {
		leafNL = leaf.EN
	}
	return Text{EN: join(seg.EN, leaf.EN), NL: join(segNL, leafNL)}
}

// turns is how many turns a block that goes round a group runs, and how
// the room splits into the groups it goes round (nil when the head-count is
// unknown): as many turns as the largest group has members, so with 17
// people in Troika the fours get a fourth client turn.
func (p *planner) turns(st *Step, f frame) (int, Split) {
	cfg := blockConfig(st, f.config)
	size, pol, ok := PolicyFor(cfg, f.s)
	if !ok || size <= 1 {
		return repeatCount(st.Repeat, f.s), nil
	}
	if p.opt.Participants <= 0 {
		return min(size, MaxRepeat), nil
	}
	split := Arrange(p.opt.Participants, size, pol)
	largest := 0
	for _, g := range split {
		largest = max(largest, g.Size)
	}
	return min(largest, MaxRepeat), split
}

// blockConfig is the group configuration a block's turns go round: the
// block's own, else the first of its steps that splits the room, else the
// one it inherits.
func blockConfig(st *Step, inherited Config) Config {
	if st.Config != "" {
		return st.Config
	}
	var find func([]Step) Config
	find = func(steps []Step) Config {
		for i := range steps {
			if c := steps[i].Config; c != "" {
				if _, _, ok := PolicyFor(c, nil); ok {
					return c
				}
			}
			if c := find(steps[i].Steps); c != "" {
				return c
			}
		}
		return ""
	}
	if c := find(st.Steps); c != "" {
		return c
	}
	return inherited
}

// markTurn notes, on the steps of turn k planned from index from on, which
// groups still take this turn when the smaller ones are done, and on the
// turn's last step in which groups everyone has now had a turn.
func (p *planner) markTurn(from, k int, split Split) {
	if len(split) < 2 || from >= len(p.out) {
		return
	}
	var active, done Split
	largest := 0
	for _, g := range split {
		largest = max(largest, g.Size)
		if g.Size >= k {
			active = append(active, g)
		}
		if g.Size == k {
			done = append(done, g)
		}
	}
	if len(active) < len(split) {
		var sizes []int
		for _, g := range active {
			sizes = append(sizes, g.Size)
		}
		slices.Sort(sizes)
		for j := from; j < len(p.out); j++ {
			p.out[j].Groups = sizes
			p.out[j].only = active
		}
	}
	if k < largest && len(done) > 0 {
		p.out[len(p.out)-1].done = done
	}
}

// turnNotes writes the groups a step is for into its prompt, in both
// languages: "Only the fours: the client describes …", "… In the trios
// everyone has had a turn."
func (ps *PlannedStep) turnNotes() {
	if len(ps.only) == 0 && len(ps.done) == 0 {
		return
	}
	counts := func(s Split) [][2]int {
		var c [][2]int
		for _, g := range s {
			c = append(c, [2]int{g.Size, g.Count})
		}
		return c
	}
	note := func(lang, prompt string) string {
		c := i18n.For(lang)
		if len(ps.only) > 0 {
			prompt = c.Only(counts(ps.only)) + lowerFirst(prompt)
		}
		if len(ps.done) > 0 {
			done := c.Done(counts(ps.done))
			if prompt == "" {
				prompt = done
			} else {
				prompt = strings.TrimRight(prompt, " ") + " " + done
			}
		}
		return prompt
	}
	nl := ps.Prompt.NL
	if nl == "" {
		nl = ps.Prompt.EN
	}
	ps.Prompt = Text{EN: note("en", ps.Prompt.EN), NL: note("nl", nl)}
	ps.only, ps.done = nil, nil
}

// lowerFirst lowers the first letter of a sentence that follows a colon,
// unless the word is written in capitals (an acronym such as CRM).
func lowerFirst(s string) string {
	if strings.HasPrefix(s, "Eén ") {
		return "één" + s[len("Eén"):]
	}
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsUpper(r) {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
