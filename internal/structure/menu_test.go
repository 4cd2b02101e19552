package structure

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"liberate/structures"
)

// The menu tests check the built-in data files against the reference: the
// default plan of every structure, a few step minutes each, the timing
// shapes (per person, per client, rounds, stations, elements, sentences,
// nested structures), the bilingual texts and the frustrations-first string.

func menuLibrary(t *testing.T) *Library {
	t.Helper()
	lib, errs := Load("")
	if len(errs) > 0 {
		t.Fatalf("built-ins have errors: %v", errs)
	}
	return lib
}

func menuPlan(t *testing.T, lib *Library, slug string) []PlannedStep {
	t.Helper()
	plan, err := lib.Plan([]string{slug}, PlanOptions{})
	if err != nil {
		t.Fatalf("plan %s: %v", slug, err)
	}
	return plan
}

// labelled returns the planned steps whose English label starts with label.
func labelled(plan []PlannedStep, label string) []PlannedStep {
	var out []PlannedStep
	for _, p := range plan {
		if strings.HasPrefix(p.Label.EN, label) {
			out = append(out, p)
		}
	}
	return out
}

func minutesOf(d time.Duration) float64 { return math.Round(d.Minutes()*100) / 100 }

// The classic 33 (with Wise Crowds for Large Groups) use the official step
// minutes; the Fieldbook 2026 additions the paraphrase minutes. The totals
// are the sums of the default plans; where the reference's sum equals the
// official tagline they equal it too.
var menuTotals = []struct {
	slug    string
	total   float64 // Σ of the default plan, minutes
	tagline float64 // tagline_minutes.min
	edition string
}{
	{"1-2-4-all", 12, 12, "classic"},
	{"nine-whys", 20, 20, "classic"},
	{"wicked-questions", 25, 25, "classic"},
	{"appreciative-interviews", 60, 60, "classic"},
	{"triz", 35, 35, "classic"},
	{"what-so-what-now-what", 42, 45, "classic"},     // Σ 15–42 at the upper ends
	{"discovery-action-dialogue", 45, 25, "classic"}, // tagline 25–70
	{"shift-and-share", 83, 90, "classic"},           // 5 + 6 stations × 13
	{"twenty-five-ten-crowd-sourcing", 32, 30, "classic"},
	{"wise-crowds", 75, 15, "classic"},        // 15 per client × 5
	{"wise-crowds-large", 56, 60, "classic"},  // ~60 per client
	{"min-specs", 51, 35, "classic"},          // 36 + the optional second round 15
	{"improv-prototyping", 21, 20, "classic"}, // per round
	{"helping-heuristics", 15, 15, "classic"},
	{"conversation-cafe", 47, 35, "classic"},        // tagline 35–60
	{"user-experience-fishbowl", 51, 35, "classic"}, // tagline 35–70
	{"heard-seen-respected", 33, 35, "classic"},
	{"drawing-together", 40, 40, "classic"},
	{"design-storyboards", 43, 25, "classic"},  // tagline 25–70, optional advanced step included
	{"celebrity-interview", 45, 35, "classic"}, // tagline 35–60
	{"social-network-webbing", 55, 60, "classic"},
	{"what-i-need-from-you", 60, 55, "classic"}, // tagline 55–70
	{"open-space-technology", 90, 90, "classic"},
	{"generative-relationships-star", 25, 25, "classic"},
	{"agreement-certainty-matrix", 45, 45, "classic"},
	{"simple-ethnography", 75, 75, "classic"}, // tagline 75 min – 7 h
	{"integrated-autonomy", 65, 80, "classic"},
	{"critical-uncertainties", 93, 100, "classic"},
	{"ecocycle-planning", 95, 95, "classic"},
	{"panarchy", 145, 120, "classic"},
	{"purpose-to-practice", 195, 120, "classic"},
	{"mad-tea", 20, 20, "fieldbook-2026"},             // tagline 20–25
	{"spiral-journal", 19, 18, "fieldbook-2026"},      // tagline 18–20
	{"folding-spectrogram", 44, 38, "fieldbook-2026"}, // 38 + the optional fold 6
	{"positive-gossip", 15, 15, "fieldbook-2026"},
	{"principles-walk-around", 26, 25, "fieldbook-2026"},
	{"network-relationship-patterns", 25, 25, "fieldbook-2026"},
	{"grief-walking", 34, 35, "fieldbook-2026"},
	{"future-present", 24, 25, "fieldbook-2026"},
	{"talking-with-pixies", 77, 30, "fieldbook-2026"}, // 13 + 4 listeners × 16; tagline 30–95
	{"strategy-knotworking", 368, 360, "fieldbook-2026"},
}

func TestMenuDefaultTotalsMatchTheReference(t *testing.T) {
	lib := menuLibrary(t)
	for _, c := range menuTotals {
		s, ok := lib.Get(c.slug)
		if !ok {
			t.Errorf("%s is missing from the menu", c.slug)
			continue
		}
		if got := lib.TotalMinutes(s); math.Abs(got-c.total) > 0.01 {
			t.Errorf("%s: default plan %g min, want %g", c.slug, got, c.total)
		}
		if s.TaglineMinutes.Min != c.tagline {
			t.Errorf("%s: tagline %g min, want %g", c.slug, s.TaglineMinutes.Min, c.tagline)
		}
		if s.Edition != c.edition {
			t.Errorf("%s: edition %q, want %q", c.slug, s.Edition, c.edition)
		}
		wantSource := "official"
		if c.edition == "fieldbook-2026" {
			wantSource = "fieldbook-paraphrase-unconfirmed"
		}
		if s.TimingSource != wantSource {
			t.Errorf("%s: timing_source %q, want %q", c.slug, s.TimingSource, wantSource)
		}
	}
}

func TestMenuHasTheWholeMenu(t *testing.T) {
	lib := menuLibrary(t)
	if n := len(lib.Structures()); n < 43 {
		t.Errorf("%d structures, want at least 43", n)
	}
	for _, slug := range []string{"troika-consulting", "impromptu-networking", "fifteen-percent-solutions"} {
		if _, ok := lib.Get(slug); !ok {
			t.Errorf("%s is missing from the menu", slug)
		}
	}
	fieldbook := 0
	for _, s := range lib.Structures() {
		if s.Edition == "fieldbook-2026" {
			fieldbook++
		}
	}
	if fieldbook != 10 {
		t.Errorf("%d Fieldbook 2026 additions, want 10", fieldbook)
	}
}

func TestMenuEveryEmbeddedFileParsesAndValidates(t *testing.T) {
	n := 0
	for _, pattern := range []string{"*.yaml", "strings/*.yaml"} {
		names, err := fsGlob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			data, err := structures.FS.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			s, errs := Parse(name, data)
			if len(errs) > 0 {
				t.Errorf("%s: %v", name, errs)
				continue
			}
			n++
			wantKind := KindStructure
			if strings.HasPrefix(name, "strings/") {
				wantKind = KindString
			}
			if s.Kind != wantKind {
				t.Errorf("%s: kind %q, want %q", name, s.Kind, wantKind)
			}
		}
	}
	if n < 43 {
		t.Errorf("%d data files parsed, want at least 43", n)
	}
}

// step is one expected planned step: how many times it occurs, its minutes
// and, where it matters, its configuration, capture or counter.
type menuStep struct {
	label   string
	count   int
	minutes float64 // -1: untimed
	config  Config
	capture Capture
	counter string // kind of the innermost counter, with N = count
}

var menuSteps = map[string][]menuStep{
	"nine-whys": {
		{label: "Interview: ask why", count: 2, minutes: 5, config: ConfigPairs, counter: "person"},
		{label: "Fours: compare purposes", count: 1, minutes: 5, config: ConfigFours},
		{label: "Whole group: purpose and next steps", count: 1, minutes: 5, config: ConfigWhole},
	},
	"wicked-questions": {
		{label: "Explain the question form", count: 1, minutes: 5},
		{label: "Whole group: choose and sharpen", count: 1, minutes: 10, capture: CaptureQuestion},
	},
	"appreciative-interviews": {
		{label: "Explain and set the theme", count: 1, minutes: 3},
		{label: "Interview your partner", count: 2, minutes: 9, config: ConfigPairs, counter: "person"},
		{label: "Fours: retell and find conditions", count: 1, minutes: 15},
	},
	"triz": {
		{label: "Introduce and pick the unwanted result", count: 1, minutes: 5},
	},
	"what-so-what-now-what": {
		{label: "What? Alone", count: 1, minutes: 1, config: ConfigAlone},
		{label: "So What? At your table", count: 1, minutes: 7, config: ConfigTables},
		{label: "Now What? Collect actions", count: 1, minutes: 10, capture: CaptureAction},
	},
	"discovery-action-dialogue": {
		{label: "Purpose and introductions", count: 1, minutes: 5},
		{label: "Question 4: who already solves it", count: 1, minutes: 5},
		{label: "Recap", count: 1, minutes: 5},
	},
	"shift-and-share": {
		{label: "Explain and form groups", count: 1, minutes: 5},
		{label: "Presentation", count: 6, minutes: 10, config: ConfigStations, counter: "station"},
		{label: "Questions", count: 6, minutes: 2, counter: "station"},
		{label: "Move to the next station", count: 6, minutes: 1, counter: "station"},
	},
	"twenty-five-ten-crowd-sourcing": {
		{label: "Explain", count: 1, minutes: 3},
		{label: "Demo one exchange", count: 1, minutes: 2},
		{label: "Write your idea and first step", count: 1, minutes: 5, config: ConfigAlone},
		{label: "Mill and pass", count: 5, minutes: 1, config: ConfigMill, counter: "scoring"},
		{label: "Read and score", count: 5, minutes: 2, counter: "scoring"},
		{label: "Add up the scores", count: 1, minutes: -1},
		{label: "Countdown: who has 25?", count: 1, minutes: 5, capture: CaptureCard},
		{label: "What caught your attention?", count: 1, minutes: 2},
	},
	"wise-crowds": {
		{label: "Client: challenge and request", count: 5, minutes: 2, counter: "client"},
		{label: "Clarifying questions", count: 5, minutes: 3, counter: "client"},
		{label: "Client turns around", count: 5, minutes: -1, config: ConfigClientBack, counter: "client"},
		{label: "Consultants advise", count: 5, minutes: 8, config: ConfigClientBack, counter: "client"},
		{label: "Client: what was useful", count: 5, minutes: 2, counter: "client"},
	},
	"wise-crowds-large": {
		{label: "Client presents", count: 1, minutes: 10},
		{label: "Panel advises, client's back turned", count: 1, minutes: 7, config: ConfigClientBack},
		{label: "So What? Now What?", count: 1, minutes: 5},
	},
	"min-specs": {
		{label: "Max specs: alone", count: 1, minutes: 1},
		{label: "Test each spec", count: 1, minutes: 15},
		{label: "Second round of testing", count: 1, minutes: 15},
		{label: "Compare and consolidate", count: 1, minutes: 15},
	},
	"improv-prototyping": {
		{label: "Players act", count: 1, minutes: 3},
		{label: "Replay on stage", count: 1, minutes: 3},
	},
	"helping-heuristics": {
		{label: "Round 1: Quiet Presence", count: 1, minutes: 2, config: ConfigTrios},
		{label: "Round 4: Process Mindfulness", count: 1, minutes: 2},
		{label: "Debrief", count: 1, minutes: 5},
	},
	"conversation-cafe": {
		{label: "Theme, rounds and agreements", count: 1, minutes: -1},
		{label: "Round 1: what you think and feel", count: 6, minutes: 1, config: ConfigTables, counter: "person"},
		{label: "Round 2: after listening", count: 6, minutes: 1, counter: "person"},
		{label: "Round 3: open conversation", count: 1, minutes: 30},
		{label: "Round 4: what I take with me", count: 1, minutes: 5},
	},
	"user-experience-fishbowl": {
		{label: "Inner circle talks", count: 1, minutes: 15, config: ConfigFishbowl},
		{label: "Outer circle: write questions", count: 1, minutes: 4, capture: CaptureQuestion},
	},
	"heard-seen-respected": {
		{label: "Purpose", count: 1, minutes: 3},
		{label: "Tell your story, partner listens", count: 2, minutes: 7.5, counter: "person", capture: CaptureNone},
		{label: "How did it feel?", count: 1, minutes: 5, capture: CaptureNone},
		{label: "Whole group", count: 1, minutes: 5, capture: CaptureNone},
	},
	"drawing-together": {
		{label: "Introduce the five symbols", count: 1, minutes: 5},
		{label: "First drawing", count: 1, minutes: 10, config: ConfigAlone},
		{label: "Second drawing", count: 1, minutes: 10},
	},
	"design-storyboards": {
		{label: "Current approach", count: 1, minutes: 7},
		{label: "Advanced storyboard", count: 1, minutes: 5},
	},
	"celebrity-interview": {
		{label: "Interview", count: 1, minutes: 25},
		{label: "Close", count: 1, minutes: 1},
	},
	"social-network-webbing": {
		{label: "Draw the links", count: 1, minutes: 15},
		{label: "Weaving strategies", count: 1, minutes: 10, capture: CaptureAction},
	},
	"what-i-need-from-you": {
		{label: "Spokespersons state needs", count: 1, minutes: 15, config: ConfigFishbowl},
		{label: "Debrief", count: 1, minutes: 15},
	},
	"open-space-technology": {
		{label: "Marketplace", count: 1, minutes: 15},
		{label: "Breakout conversations", count: 2, minutes: 30, counter: "round"},
		{label: "Closing circle", count: 1, minutes: 10},
	},
	"generative-relationships-star": {
		{label: "Rate S, T, A, R", count: 1, minutes: 5, config: ConfigAlone},
		{label: "Choose first steps", count: 1, minutes: 5, capture: CaptureAction},
	},
	"agreement-certainty-matrix": {
		{label: "Groups: agreement, differences, mismatches", count: 1, minutes: 10},
		{label: "Next steps", count: 1, minutes: 10},
	},
	"simple-ethnography": {
		{label: "Silent observation", count: 1, minutes: 10},
		{label: "Follow-up interviews", count: 1, minutes: 20},
	},
	"integrated-autonomy": {
		{label: "Move actions to “both”", count: 1, minutes: 15},
	},
	"critical-uncertainties": {
		{label: "Share scenarios", count: 1, minutes: 8},
		{label: "Robust or hedging?", count: 1, minutes: 10},
	},
	"ecocycle-planning": {
		{label: "Fours: finalise", count: 1, minutes: 15, config: ConfigFours},
		{label: "First steps: rigidity trap", count: 1, minutes: 10, capture: CaptureAction},
	},
	"panarchy": {
		{label: "Ecocycle per level", count: 1, minutes: 15},
		{label: "What, So What, Now What?", count: 1, minutes: 15},
	},
	"purpose-to-practice": {
		{label: "Element · 1-2-4", count: 5, minutes: 10, counter: "element"},
		{label: "Element · look back", count: 5, minutes: 5, counter: "element"},
		{label: "What, So What, Now What? and priorities", count: 1, minutes: 15},
	},
	"mad-tea": {
		{label: "Set up the two circles", count: 1, minutes: 5},
		{label: "Finish the sentence", count: 12, minutes: 1, config: ConfigPairs, counter: "sentence"},
		{label: "What stood out?", count: 1, minutes: 3},
	},
	"spiral-journal": {
		{label: "Question 1", count: 1, minutes: 2, config: ConfigAlone},
		{label: "Share in pairs or trios", count: 1, minutes: 3},
	},
	"folding-spectrogram": {
		{label: "Fold the line", count: 1, minutes: 6},
		{label: "Next statement: take your place", count: 3, minutes: 2, counter: "round"},
		{label: "Debrief", count: 1, minutes: 3},
	},
	"positive-gossip": {
		{label: "First partner speaks", count: 3, minutes: 1, counter: "round"},
		{label: "Find a new partner", count: 3, minutes: 1, config: ConfigMill},
		{label: "Reflection", count: 1, minutes: 5},
	},
	"principles-walk-around": {
		{label: "At a principle", count: 3, minutes: 4, counter: "round"},
		{label: "Whole group", count: 1, minutes: 5},
	},
	"network-relationship-patterns": {
		{label: "Mark: how we actually work", count: 1, minutes: 2},
		{label: "Compare in fours", count: 1, minutes: 8, config: ConfigFours},
	},
	"grief-walking": {
		{label: "The walk", count: 1, minutes: 10, capture: CaptureNone},
		{label: "Insights", count: 1, minutes: 7, capture: CaptureNone},
	},
	"future-present": {
		{label: "Introduction", count: 1, minutes: 4},
		{label: "Campfire", count: 1, minutes: 10, config: ConfigSmall},
		{label: "Highlights", count: 1, minutes: 10},
	},
	"talking-with-pixies": {
		{label: "Demonstration", count: 1, minutes: 6},
		{label: "Pixies whisper", count: 4, minutes: 2, counter: "person"},
		{label: "Pixie insights", count: 4, minutes: 4, counter: "person"},
	},
	"strategy-knotworking": {
		{label: "Break", count: 1, minutes: 10},
		{label: "Action and evaluation", count: 1, minutes: 60},
		{label: "Milestones", count: 1, minutes: 5},
	},
}

func TestMenuStepMinutesMatchTheReference(t *testing.T) {
	lib := menuLibrary(t)
	for slug, steps := range menuSteps {
		plan := menuPlan(t, lib, slug)
		for _, want := range steps {
			got := []PlannedStep{}
			for _, p := range labelled(plan, want.label) {
				if p.Label.EN == want.label {
					got = append(got, p)
				}
			}
			if len(got) != want.count {
				t.Errorf("%s: %d steps labelled %q, want %d", slug, len(got), want.label, want.count)
				continue
			}
			for i, p := range got {
				where := fmt.Sprintf("%s: %q #%d", slug, want.label, i+1)
				if want.minutes < 0 {
					if p.Timed {
						t.Errorf("%s is timed (%v), want a step that waits for a key", where, p.Planned)
					}
				} else if m := minutesOf(p.Planned); m != want.minutes || !p.Timed {
					t.Errorf("%s: %g min (timed %v), want %g", where, m, p.Timed, want.minutes)
				}
				if want.config != "" && p.Config != want.config {
					t.Errorf("%s: config %q, want %q", where, p.Config, want.config)
				}
				if want.capture != "" && p.Capture != want.capture {
					t.Errorf("%s: capture %q, want %q", where, p.Capture, want.capture)
				}
				if want.counter != "" {
					if len(p.Counters) == 0 {
						t.Errorf("%s: no counter, want %s", where, want.counter)
						continue
					}
					c := p.Counters[len(p.Counters)-1]
					if c.Kind != want.counter || c.I != i+1 || c.N != want.count {
						t.Errorf("%s: counter %+v, want %s %d/%d", where, c, want.counter, i+1, want.count)
					}
				}
			}
		}
	}
}

// segment sums the planned minutes of the steps of one nested segment.
func segment(plan []PlannedStep, label string) (float64, []PlannedStep) {
	steps := labelled(plan, label+" · ")
	var d time.Duration
	for _, p := range steps {
		d += p.Planned
	}
	return minutesOf(d), steps
}

func TestMenuNestedSegmentsFitTheirMinutesAndCapture(t *testing.T) {
	lib := menuLibrary(t)
	cases := []struct {
		slug, label string
		minutes     float64
		capture     Capture // at least one step captures this
	}{
		{"triz", "List 1: guarantee the worst", 10, CaptureNote},
		{"triz", "List 2: what we already do", 10, CaptureFrustration},
		{"triz", "List 3: I/We will stop…", 10, CaptureAction},
		{"appreciative-interviews", "Invest in the conditions", 10, CaptureIdea},
		{"integrated-autonomy", "Where do they collide?", 10, CaptureFrustration},
		{"integrated-autonomy", "Prioritise", 10, CaptureAction},
		{"panarchy", "First actions", 10, CaptureAction},
		{"what-i-need-from-you", "Clusters: your two needs", 10, CaptureNote},
		{"simple-ethnography", "Patterns", 15, CaptureNote},
		{"improv-prototyping", "Observers: what worked?", 5, CaptureIdea},
		{"strategy-knotworking", "Purpose", 60, CaptureNote},
		{"strategy-knotworking", "Baseline", 60, CaptureNote},
		{"strategy-knotworking", "Context", 90, CaptureNote},
		{"strategy-knotworking", "Challenge", 30, CaptureQuestion},
		{"strategy-knotworking", "Ambition", 50, CaptureCard},
	}
	for _, c := range cases {
		plan := menuPlan(t, lib, c.slug)
		total, steps := segment(plan, c.label)
		if len(steps) == 0 {
			t.Errorf("%s: no steps in segment %q", c.slug, c.label)
			continue
		}
		if math.Abs(total-c.minutes) > 0.02 {
			t.Errorf("%s: segment %q plans %g min, want %g", c.slug, c.label, total, c.minutes)
		}
		found := false
		for _, p := range steps {
			found = found || p.Capture == c.capture
			if !p.Prompt.IsZero() && p.Prompt.NL == "" {
				t.Errorf("%s: %q has no Dutch prompt", c.slug, p.Label.EN)
			}
		}
		if !found {
			t.Errorf("%s: no step of segment %q captures %s", c.slug, c.label, c.capture)
		}
	}
	// TRIZ is the intro plus three runs of 1-2-4-All.
	if plan := menuPlan(t, lib, "triz"); len(plan) != 1+3*len(menuPlan(t, lib, "1-2-4-all")) {
		t.Errorf("triz plans %d steps, want the intro and three 1-2-4-All runs", len(plan))
	}
}

func TestMenuConfidentialStructuresCaptureNothingByDefault(t *testing.T) {
	lib := menuLibrary(t)
	for _, slug := range []string{"heard-seen-respected", "grief-walking"} {
		s, _ := lib.Get(slug)
		if s == nil || !s.Confidential {
			t.Errorf("%s is not confidential", slug)
			continue
		}
		for _, p := range menuPlan(t, lib, slug) {
			if p.Capture != CaptureNone {
				t.Errorf("%s: step %q captures %s, want none", slug, p.Label.EN, p.Capture)
			}
		}
	}
}

func TestMenuTaglineRangesAndUnits(t *testing.T) {
	lib := menuLibrary(t)
	cases := []struct {
		slug     string
		min, max float64
		unit     Unit
	}{
		{"wise-crowds", 15, 0, UnitPerPerson},
		{"improv-prototyping", 20, 0, UnitPerRound},
		{"min-specs", 35, 50, ""},
		{"conversation-cafe", 35, 60, ""},
		{"discovery-action-dialogue", 25, 70, ""},
		{"mad-tea", 20, 25, ""},
		{"talking-with-pixies", 30, 95, ""},
	}
	for _, c := range cases {
		s, _ := lib.Get(c.slug)
		if s == nil {
			t.Errorf("%s is missing", c.slug)
			continue
		}
		r := s.TaglineMinutes
		if r.Min != c.min || r.Max != c.max || r.Unit != c.unit {
			t.Errorf("%s: tagline %+v, want %g–%g %s", c.slug, r, c.min, c.max, c.unit)
		}
	}
	// Wise Crowds scales with the group: 15 minutes for each of 5 clients.
	s, _ := lib.Get("wise-crowds")
	if s.Group.Size != 5 || s.Group.Min != 4 || s.Group.Max != 7 {
		t.Errorf("wise-crowds group %+v, want size 5, 4–7", s.Group)
	}
	s, _ = lib.Get("shift-and-share")
	if s.Group.Stations != 6 {
		t.Errorf("shift-and-share has %d stations, want 6", s.Group.Stations)
	}
}

func TestMenuEveryTextIsInEnglishAndDutch(t *testing.T) {
	lib := menuLibrary(t)
	for _, s := range lib.All() {
		check := func(field string, x Text, required bool) {
			if x.IsZero() && !required {
				return
			}
			if strings.TrimSpace(x.EN) == "" || strings.TrimSpace(x.NL) == "" {
				t.Errorf("%s: %s needs both en and nl (en %q, nl %q)", s.Slug, field, x.EN, x.NL)
			}
		}
		check("name", s.Name, true)
		check("purpose", s.Purpose, true)
		check("invitation", s.Invitation, true)
		for i, tip := range s.Tips {
			check(fmt.Sprintf("tips[%d]", i), tip, true)
		}
		var walk func(prefix string, steps []Step)
		walk = func(prefix string, steps []Step) {
			for i, st := range steps {
				p := fmt.Sprintf("%s[%d]", prefix, i)
				check(p+".label", st.Label, st.Block == "" || !st.Label.IsZero())
				check(p+".prompt", st.Prompt, false)
				check(p+".tip", st.Tip, false)
				walk(p+".steps", st.Steps)
			}
		}
		walk("steps", s.Steps)
		for i, it := range s.Items {
			p := fmt.Sprintf("items[%d]", i)
			check(p+".title", it.Title, true)
			check(p+".invitation", it.Invitation, true)
			for j, pr := range it.Prompts {
				check(fmt.Sprintf("%s.prompts[%d]", p, j), pr, true)
			}
		}
	}
}

func TestMenuNamesAndAliasesDoNotCollide(t *testing.T) {
	lib := menuLibrary(t)
	for key, slugs := range lib.index {
		if len(slugs) > 1 {
			t.Errorf("%q names several definitions: %v", key, slugs)
		}
	}
	for _, s := range lib.All() {
		for _, a := range s.Aliases {
			got, err := lib.Resolve(a)
			if err != nil || got.Slug != s.Slug {
				t.Errorf("alias %q of %s resolves to %v, %v", a, s.Slug, got, err)
			}
		}
	}
	for in, want := range map[string]string{
		"25/10": "twenty-five-ten-crowd-sourcing", "w3": "what-so-what-now-what", "dad": "discovery-action-dialogue",
		"hsr": "heard-seen-respected", "winfy": "what-i-need-from-you", "ost": "open-space-technology",
		"open-space": "open-space-technology", "star": "generative-relationships-star", "p2p": "purpose-to-practice",
		"ecocycle": "ecocycle-planning", "min-specs": "min-specs", "calm-tea": "mad-tea",
	} {
		got, err := lib.Resolve(in)
		if err != nil || got.Slug != want {
			t.Errorf("Resolve(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
}

func TestMenuIrritationBrainstormPutsFrustrationsFirst(t *testing.T) {
	lib := menuLibrary(t)
	s, ok := lib.Get("irritation-brainstorm")
	if !ok || s.Kind != KindString {
		t.Fatal("the irritation-brainstorm string is missing")
	}
	plan := menuPlan(t, lib, "irritation-brainstorm")
	first := map[Capture]int{}
	harvest := -1
	for i, p := range plan {
		if _, seen := first[p.Capture]; !seen {
			first[p.Capture] = i
		}
		if p.Harvest && harvest < 0 {
			harvest = i
			if minutesOf(p.Planned) != 8 {
				t.Errorf("harvest plans %v, want 8 min", p.Planned)
			}
		}
	}
	fr, okF := first[CaptureFrustration]
	act, okA := first[CaptureAction]
	switch {
	case !okF:
		t.Error("no step captures frustrations")
	case harvest < 0:
		t.Error("no harvest step to cluster the frustrations")
	case !okA:
		t.Error("no step captures actions")
	case !(fr < harvest && harvest < act):
		t.Errorf("frustrations (step %d), harvest (%d) and actions (%d) are out of order", fr, harvest, act)
	}
	if plan[0].Structure != "impromptu-networking" || plan[len(plan)-1].Capture != CaptureAction {
		t.Errorf("string runs %s … %s; want Impromptu Networking first and an action close", plan[0].Structure, plan[len(plan)-1].Capture)
	}
	// The three irritation questions are projected during the 1-2-4-All.
	var prompts []string
	for _, p := range plan {
		if p.Structure == "1-2-4-all" && p.StructureIndex == 1 {
			prompts = append(prompts, p.Prompt.EN+" | "+p.Prompt.NL)
		}
	}
	joined := strings.Join(prompts, "\n")
	for _, w := range []string{"time", "information", "mistakes", "tijd", "informatie", "fouten"} {
		if !strings.Contains(joined, w) {
			t.Errorf("the frustrations 1-2-4-All does not ask about %q:\n%s", w, joined)
		}
	}
	var total time.Duration
	for _, p := range plan {
		total += p.Planned
	}
	// About an hour, with the official 15–20 minutes of Impromptu Networking.
	if m := total.Minutes(); m < 55 || m > 75 {
		t.Errorf("irritation brainstorm plans %.0f min, want about an hour", m)
	}
}

func TestMenuStringsPlanAndNameKnownStructures(t *testing.T) {
	lib := menuLibrary(t)
	want := []string{"irritation-brainstorm", "frustrations-to-stop-list", "frustrations-to-requests",
		"book-purpose-to-strategy", "book-purpose-to-peer-help", "book-expert-to-ecocycle",
		"book-discovery-to-design", "book-purpose-to-autonomy", "rhapsody", "retrospective", "monsters",
		"template-retro", "template-ideation", "template-team-start", "template-peer-help"}
	for _, slug := range want {
		s, ok := lib.Get(slug)
		if !ok || s.Kind != KindString {
			t.Errorf("string %s is missing", slug)
			continue
		}
		if plan := menuPlan(t, lib, slug); len(plan) == 0 {
			t.Errorf("string %s plans no steps", slug)
		}
	}
	if n := len(lib.Strings()); n < len(want) {
		t.Errorf("%d strings, want at least %d", n, len(want))
	}
}
