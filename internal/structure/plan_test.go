package structure

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

func builtins(t *testing.T) *Library {
	t.Helper()
	lib, errs := Load("")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return lib
}

func plan(t *testing.T, lib *Library, opt PlanOptions, slugs ...string) []PlannedStep {
	t.Helper()
	p, err := lib.Plan(slugs, opt)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func total(p []PlannedStep) time.Duration {
	var d time.Duration
	for _, s := range p {
		d += s.Planned
	}
	return d
}

func TestOneTwoFourAllPlansFourStepsInTwelveMinutes(t *testing.T) {
	p := plan(t, builtins(t), PlanOptions{Participants: 23}, "1-2-4-all")
	if len(p) != 4 || total(p) != 12*time.Minute {
		t.Fatalf("%d steps, %v; want 4 steps, 12m", len(p), total(p))
	}
	wantCfg := []Config{ConfigAlone, ConfigPairs, ConfigFours, ConfigWhole}
	wantMin := []time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute, 5 * time.Minute}
	for i, s := range p {
		if s.Config != wantCfg[i] || s.Planned != wantMin[i] || !s.Timed || s.Path != []string{"1", "2", "3", "4"}[i] {
			t.Errorf("step %d: %s %v path %s", i, s.Config, s.Planned, s.Path)
		}
		if s.Number != i+1 || s.Total != 4 || s.CycleStart != 0 || s.CycleEnd != 3 {
			t.Errorf("step %d: number %d/%d cycle %d–%d", i, s.Number, s.Total, s.CycleStart, s.CycleEnd)
		}
	}
	if !reflect.DeepEqual(p[1].Split, Split{{2, 10}, {3, 1}}) || !reflect.DeepEqual(p[2].Split, Split{{4, 5}, {3, 1}}) {
		t.Fatalf("splits %v and %v", p[1].Split, p[2].Split)
	}
	if p[0].Split != nil || p[3].Split != nil {
		t.Fatal("alone and whole group need no split")
	}
	if p[3].Capture != CaptureNote || p[0].Capture != CaptureNone {
		t.Fatalf("captures %s…%s; the All step captures, the silent step does not", p[0].Capture, p[3].Capture)
	}
}

func TestTroikaGivesEachOfThreeClientsAFullTurn(t *testing.T) {
	p := plan(t, builtins(t), PlanOptions{}, "troika")
	if len(p) != 1+3*6-1 {
		t.Fatalf("%d steps, want 18 (no switch after the last client)", len(p))
	}
	for i, s := range p {
		if s.Capture != CaptureNone {
			t.Errorf("step %d captures %s in a confidential structure", i, s.Capture)
		}
		if i == 0 {
			if len(s.Counters) != 0 || s.CycleStart != 0 || s.CycleEnd != 17 {
				t.Errorf("reflect step: counters %v cycle %d–%d", s.Counters, s.CycleStart, s.CycleEnd)
			}
			continue
		}
		client := (i-1)/6 + 1
		if want := []Counter{{Kind: "client", I: client, N: 3}}; !reflect.DeepEqual(s.Counters, want) {
			t.Errorf("step %d counters %v, want %v", i, s.Counters, want)
		}
		if s.CycleStart != 1+(client-1)*6 || s.CycleEnd != min(client*6, 17) {
			t.Errorf("step %d cycle %d–%d is not client %d's turn", i, s.CycleStart, s.CycleEnd, client)
		}
	}
	turnBack, sw := p[3], p[6]
	if turnBack.Timed || turnBack.Planned != 0 || turnBack.Config != ConfigClientBack || turnBack.Cue != CueSingle {
		t.Fatalf("client turns back: %+v", turnBack)
	}
	if sw.Timed || sw.Cue != CueDouble || sw.Path != "2.1.6" {
		t.Fatalf("switch client: %+v", sw)
	}
	if last := p[len(p)-1]; last.Label.EN != "Client says what helped" || strings.Contains(last.Prompt.EN, "next person") {
		t.Fatalf("the last turn ends with %q: %q", last.Label.EN, last.Prompt.EN)
	}
	if p[4].Planned != 5*time.Minute || p[4].Min != 4*time.Minute || p[4].Max != 5*time.Minute || p[4].Config != ConfigClientBack {
		t.Fatalf("consultants talk: %v–%v %s", p[4].Planned, p[4].Max, p[4].Config)
	}
	if total(p) != 31*time.Minute {
		t.Fatalf("total %v, want 31m (1 + 3 × (2+2+5+1), the tagline is 30)", total(p))
	}
}

func TestImpromptuNetworkingRunsThreeRoundsOfFiveMinutesWithinTheOfficialTwenty(t *testing.T) {
	p := plan(t, builtins(t), PlanOptions{}, "impromptu-networking")
	if len(p) != 7 || !p[0].Timed || p[0].Planned != 3*time.Minute {
		t.Fatalf("%d steps, intro %v; want 7 and a 3-minute intro", len(p), p[0].Planned)
	}
	for r := 1; r <= 3; r++ {
		talk := p[2*r]
		if talk.Planned != 5*time.Minute || talk.Min != 4*time.Minute || talk.Max != 5*time.Minute || talk.Cue != CueDouble {
			t.Errorf("round %d talk %v (%v–%v) cue %s; want 5m (4m–5m), double", r, talk.Planned, talk.Min, talk.Max, talk.Cue)
		}
		if want := []Counter{{Kind: "round", I: r, N: 3}}; !reflect.DeepEqual(talk.Counters, want) {
			t.Errorf("round %d counters %v", r, talk.Counters)
		}
	}
	var lo, hi time.Duration
	for _, s := range p {
		lo, hi = lo+s.Min, hi+s.Max
	}
	if total(p) != 18*time.Minute || lo != 15*time.Minute || hi != 20*time.Minute {
		t.Fatalf("plan %v (%v–%v), want 18m within the official 15–20", total(p), lo, hi)
	}
}

func TestFifteenPercentSolutionsGivesEveryoneOfAPairOrTheTrioATurn(t *testing.T) {
	p := plan(t, builtins(t), PlanOptions{Participants: 23}, "15%")
	if len(p) != 7 || total(p) != 29*time.Minute {
		t.Fatalf("%d steps, %v; want 7 steps, 29m for pairs and a trio", len(p), total(p))
	}
	for i, s := range p[1:] {
		want := Counter{Kind: "person", I: i%3 + 1, N: 3}
		if len(s.Counters) != 1 || s.Counters[0] != want {
			t.Errorf("step %d counters %v, want %v", i+1, s.Counters, want)
		}
		if s.Config != ConfigPairs {
			t.Errorf("step %d is for %s; the label, the split and the turns are for pairs", i+1, s.Config)
		}
	}
	if !reflect.DeepEqual(p[1].Split, Split{{2, 10}, {3, 1}}) {
		t.Fatalf("split %v", p[1].Split)
	}
	if p[6].Planned != 5*time.Minute || p[6].Max != 7*time.Minute {
		t.Fatalf("consult turn %v–%v, want 5m–7m", p[6].Planned, p[6].Max)
	}
	if d := plan(t, builtins(t), PlanOptions{}, "15%"); total(d) != 21*time.Minute {
		t.Fatalf("default plan %v, want 21m (pairs fit the tagline)", total(d))
	}
}

// TestTurnsFollowTheGroups plans every structure whose turns go round a
// group for 5, 17 and 23 people: as many turns as the largest group has
// members, the smaller groups told when they are done, and no "next
// client" after the last turn.
func TestTurnsFollowTheGroups(t *testing.T) {
	lib := builtins(t)
	cases := []struct {
		slug   string
		people int
		split  Split
		turns  int
		first  string // label of the first step of a turn
	}{
		{"troika", 5, Split{{5, 1}}, 5, "Client shares the challenge"},
		{"troika", 17, Split{{3, 3}, {4, 2}}, 4, "Client shares the challenge"},
		{"troika", 23, Split{{3, 5}, {4, 2}}, 4, "Client shares the challenge"},
		{"wise-crowds", 5, Split{{5, 1}}, 5, "Client: challenge and request"},
		{"wise-crowds", 17, Split{{6, 2}, {5, 1}}, 6, "Client: challenge and request"},
		{"wise-crowds", 23, Split{{5, 3}, {4, 2}}, 5, "Client: challenge and request"},
		{"15%", 5, Split{{2, 1}, {3, 1}}, 3, "Share your 15%"},
		{"15%", 17, Split{{2, 7}, {3, 1}}, 3, "Share your 15%"},
		{"15%", 23, Split{{2, 10}, {3, 1}}, 3, "Share your 15%"},
		{"nine-whys", 5, Split{{2, 1}, {3, 1}}, 3, "Interview: ask why"},
		{"nine-whys", 17, Split{{2, 7}, {3, 1}}, 3, "Interview: ask why"},
		{"nine-whys", 23, Split{{2, 10}, {3, 1}}, 3, "Interview: ask why"},
	}
	for _, c := range cases {
		p := plan(t, lib, PlanOptions{Participants: c.people}, c.slug)
		name := fmt.Sprintf("%s with %d", c.slug, c.people)
		smallest := c.turns
		for _, g := range c.split {
			smallest = min(smallest, g.Size)
		}
		turns := 0
		for i, s := range p {
			if len(s.Counters) == 0 || s.Counters[0].Kind == "round" {
				continue
			}
			k := s.Counters[0]
			if k.N != c.turns {
				t.Errorf("%s: step %d plans %d turns, want %d", name, i, k.N, c.turns)
			}
			if !reflect.DeepEqual(s.Split, c.split) {
				t.Errorf("%s: step %d split %v, want %v", name, i, s.Split, c.split)
			}
			if s.Label.EN == c.first {
				turns = max(turns, k.I)
			}
			if k.I > smallest {
				if len(s.Groups) == 0 || !strings.HasPrefix(s.Prompt.EN, "Only the ") || !strings.HasPrefix(s.Prompt.NL, "Alleen ") {
					t.Errorf("%s: turn %d step %d does not say who still runs it: %v %q / %q", name, k.I, i, s.Groups, s.Prompt.EN, s.Prompt.NL)
				}
			} else if len(s.Groups) != 0 || strings.HasPrefix(s.Prompt.EN, "Only the ") {
				t.Errorf("%s: turn %d step %d is for everyone, not %v: %q", name, k.I, i, s.Groups, s.Prompt.EN)
			}
			if strings.Contains(s.Prompt.EN, "next person") && k.I == c.turns {
				t.Errorf("%s: the last turn says %q", name, s.Prompt.EN)
			}
		}
		if turns != c.turns {
			t.Errorf("%s: %d turns, want %d", name, turns, c.turns)
		}
		if len(c.split) > 1 {
			done := 0
			for _, s := range p {
				if strings.Contains(s.Prompt.EN, "everyone has had a turn") && strings.Contains(s.Prompt.NL, "is iedereen aan de beurt geweest") {
					done++
				}
			}
			if done == 0 {
				t.Errorf("%s: the smaller groups are never told they are done", name)
			}
		}
	}
}

func TestTroikaWithSeventeenPlansAFourthClientForTheFours(t *testing.T) {
	p := plan(t, builtins(t), PlanOptions{Participants: 17}, "troika")
	if len(p) != 1+4*6-1 {
		t.Fatalf("%d steps, want 24", len(p))
	}
	sw := p[18] // the third switch
	if sw.Label.EN != "Switch client" || !strings.HasSuffix(sw.Prompt.EN, "In the trios everyone has had a turn.") ||
		!strings.HasSuffix(sw.Prompt.NL, "In de drietallen is iedereen aan de beurt geweest.") {
		t.Fatalf("third switch: %q / %q", sw.Prompt.EN, sw.Prompt.NL)
	}
	fourth := p[19]
	if fourth.Prompt.NL != "Alleen de viertallen: de klant beschrijft de uitdaging en de gevraagde hulp; de consultants luisteren alleen." ||
		!reflect.DeepEqual(fourth.Groups, []int{4}) {
		t.Fatalf("fourth client: %q %v", fourth.Prompt.NL, fourth.Groups)
	}
	if last := p[len(p)-1]; last.Label.EN != "Client says what helped" {
		t.Fatalf("the last step is %q, want the client saying what helped", last.Label.EN)
	}
}

// nestingLibrary is a small TRIZ-like menu held in memory.
func nestingLibrary(t *testing.T) *Library {
	t.Helper()
	lib, errs := NewLibrary(map[string][]byte{
		"one-two-four.yaml": []byte(`slug: one-two-four
name: {en: 1-2-4-All, nl: 1-2-4-Allen}
capture: none
steps:
  - {label: {en: Alone, nl: Alleen}, prompt: {en: Own prompt}, config: alone, min: 1}
  - {label: {en: Pairs, nl: Tweetallen}, config: pairs, min: 2}
  - {label: {en: Fours, nl: Viertallen}, config: fours, min: 4}
  - {label: {en: All, nl: Allen}, config: whole, min: 5, capture: note}
`),
		"worst.yaml": []byte(`slug: worst
name: {en: Worst, nl: Slechtst}
steps:
  - {label: Intro, config: facilitator, min: 5, capture: none}
  - nested: one-two-four
    label: {en: List 1, nl: Lijst 1}
    prompt: {en: "How do we make it worse?", nl: "Hoe maken we het erger?"}
    min: 10
    capture: frustration
  - nested: one-two-four
    label: {en: List 2, nl: Lijst 2}
    min: 10
  - nested: one-two-four
    label: {en: List 3, nl: Lijst 3}
`),
		"loop.yaml": []byte(`slug: loop
name: {en: Loop, nl: Lus}
steps:
  - {label: Brief, min: 2}
  - block: play
    repeat: until_done
    counter: round
    steps:
      - {label: Enact, min: 3}
      - {label: Reflect, min: 2}
  - block: close
    cycle: true
    steps:
      - {label: Pick, min: 1}
      - {label: Commit, min: 1}
`),
	})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return lib
}

func TestNestedStructuresAreScaledToTheirSegment(t *testing.T) {
	p := plan(t, nestingLibrary(t), PlanOptions{}, "worst")
	if len(p) != 1+3*4 {
		t.Fatalf("%d steps, want 13", len(p))
	}
	for seg := 0; seg < 2; seg++ {
		steps := p[1+seg*4 : 5+seg*4]
		if d := total(steps); d != 10*time.Minute {
			t.Errorf("segment %d lasts %v, want 10m", seg+1, d)
		}
		for _, s := range steps {
			if s.CycleStart != 1+seg*4 || s.CycleEnd != 4+seg*4 {
				t.Errorf("segment %d step %s: cycle %d–%d", seg+1, s.Path, s.CycleStart, s.CycleEnd)
			}
		}
	}
	first := p[1]
	if first.Planned != 50*time.Second || first.Label.EN != "List 1 · Alone" || first.Label.NL != "Lijst 1 · Alleen" || first.Path != "2.1" {
		t.Fatalf("first nested step: %v %q %q %s", first.Planned, first.Label.EN, first.Label.NL, first.Path)
	}
	if first.Prompt.EN != "How do we make it worse?" || p[5].Prompt.EN != "Own prompt" {
		t.Fatalf("prompts %q and %q: the segment's prompt replaces the nested one only where set", first.Prompt.EN, p[5].Prompt.EN)
	}
	if p[4].Capture != CaptureFrustration || p[1].Capture != CaptureNone || p[8].Capture != CaptureNote {
		t.Fatalf("captures %s %s %s", p[4].Capture, p[1].Capture, p[8].Capture)
	}
	if d := total(p[9:]); d != 12*time.Minute {
		t.Fatalf("a segment without minutes keeps the nested minutes, got %v", d)
	}
}

func TestUntilDoneRunsOnceWithAnOpenCounterAndCycleBlocksSpanTheBlock(t *testing.T) {
	p := plan(t, nestingLibrary(t), PlanOptions{}, "loop")
	if len(p) != 5 {
		t.Fatalf("%d steps, want 5", len(p))
	}
	if want := []Counter{{Kind: "round", I: 1, N: 0}}; !reflect.DeepEqual(p[1].Counters, want) || p[1].Path != "2.1.1" {
		t.Fatalf("enact counters %v path %s", p[1].Counters, p[1].Path)
	}
	if p[1].CycleStart != 1 || p[2].CycleEnd != 2 || p[3].CycleStart != 3 || p[4].CycleEnd != 4 || p[0].CycleEnd != 4 {
		t.Fatalf("cycles %d–%d, %d–%d, %d–%d", p[1].CycleStart, p[2].CycleEnd, p[3].CycleStart, p[4].CycleEnd, p[0].CycleStart, p[0].CycleEnd)
	}
	if p[4].Path != "3.2" {
		t.Fatalf("path %s, want 3.2", p[4].Path)
	}
}

func TestAStringRunsItsItemsWithTheirOwnInvitationsCapturesAndPrompts(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir+"/strings/irritations.yaml", `slug: irritations
kind: string
name: {en: Irritations, nl: Irritaties}
items:
  - slug: impromptu-networking
  - slug: 1-2-4-all
    invitation: {en: "What costs you time every day?", nl: "Wat kost je elke dag tijd?"}
    capture: frustration
    prompts:
      - {en: "Which tasks cost too much time?"}
      - {en: "Where does information get lost?"}
  - {harvest: true, minutes: 10}
`)
	lib, errs := Load(dir)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	p := plan(t, lib, PlanOptions{}, "irritations")
	if len(p) != 7+4+1 {
		t.Fatalf("%d steps, want 12", len(p))
	}
	last := p[len(p)-1]
	if !last.Harvest || last.Planned != 10*time.Minute || last.Label.NL != "Oogsten: in thema's groeperen en benoemen" || last.Capture != CaptureNone || last.Config != ConfigWhole {
		t.Fatalf("harvest step: %+v", last)
	}
	if last.StructureIndex != 2 || last.StructureCount != 3 || last.CycleStart != 11 {
		t.Fatalf("harvest index %d/%d cycle %d", last.StructureIndex, last.StructureCount, last.CycleStart)
	}
	alone, pairs, fours, all := p[7], p[8], p[9], p[10]
	if alone.Invitation.EN != "What costs you time every day?" || p[0].Invitation.EN == alone.Invitation.EN {
		t.Fatal("the item's invitation belongs to its own structure only")
	}
	if alone.Prompt.EN != "Which tasks cost too much time?" || pairs.Prompt.EN != "Where does information get lost?" || strings.Contains(fours.Prompt.EN, "lost") {
		t.Fatalf("prompts %q %q %q", alone.Prompt.EN, pairs.Prompt.EN, fours.Prompt.EN)
	}
	if all.Capture != CaptureFrustration || alone.Capture != CaptureNone {
		t.Fatalf("captures %s and %s", all.Capture, alone.Capture)
	}
	if all.CycleStart != 7 || all.CycleEnd != 10 || all.Number != 4 || all.Total != 4 {
		t.Fatalf("All step cycle %d–%d number %d/%d", all.CycleStart, all.CycleEnd, all.Number, all.Total)
	}
}

func TestSeveralNamesChainIntoOnePlan(t *testing.T) {
	p := plan(t, builtins(t), PlanOptions{}, "1-2-4", "troika")
	if len(p) != 4+18 || p[4].Structure != "troika-consulting" || p[4].StructureIndex != 1 || p[4].StructureCount != 2 {
		t.Fatalf("%d steps; step 5 is %s %d/%d", len(p), p[4].Structure, p[4].StructureIndex, p[4].StructureCount)
	}
	if p[4].CycleStart != 4 || p[4].CycleEnd != 21 {
		t.Fatalf("Troika's reflect step cycles %d–%d, want 4–21", p[4].CycleStart, p[4].CycleEnd)
	}
}

func TestPerPersonMinutesInTheWholeGroupFollowTheHeadCount(t *testing.T) {
	lib, errs := NewLibrary(map[string][]byte{"round.yaml": []byte("slug: round\nname: {en: R, nl: R}\ngroup: {size: 6}\nsteps:\n  - {label: Each speaks, config: whole, min: 0.5, unit: per_person}\n")})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if p := plan(t, lib, PlanOptions{}, "round"); p[0].Planned != 3*time.Minute {
		t.Fatalf("without a head-count: %v, want 3m for six", p[0].Planned)
	}
	if p := plan(t, lib, PlanOptions{Participants: 20}, "round"); p[0].Planned != 10*time.Minute {
		t.Fatalf("for twenty: %v, want 10m", p[0].Planned)
	}
}

func TestPlanNamesWhatItCannotFind(t *testing.T) {
	if _, err := builtins(t).Plan([]string{"1-2-4", "nonsense-xyz"}, PlanOptions{}); err == nil || !strings.Contains(err.Error(), "nonsense-xyz") {
		t.Fatalf("got %v", err)
	}
	if _, err := builtins(t).Plan(nil, PlanOptions{}); err == nil {
		t.Fatal("an empty plan should be an error")
	}
}

func TestEntryDescribesAStructureForTools(t *testing.T) {
	lib := builtins(t)
	s, _ := lib.Get("troika-consulting")
	if lib.Entry(s, "en", 0).Detail != nil {
		t.Fatal("the lean entry for list carries the whole definition")
	}
	b, err := json.Marshal(lib.Detail(s, "nl", 0))
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"slug", "name", "kind", "total_minutes", "steps", "purpose", "categories", "tagline_minutes", "timing_source", "edition", "source", "aliases", "confidential", "invitation", "detail"} {
		if _, ok := got[k]; !ok {
			t.Errorf("entry lacks %q", k)
		}
	}
	if got["name"] != "Trojkaconsultatie" || got["total_minutes"] != 31.0 || got["kind"] != "structure" || got["confidential"] != true {
		t.Fatalf("entry %v %v %v %v", got["name"], got["total_minutes"], got["kind"], got["confidential"])
	}
	step := got["steps"].([]any)[4].(map[string]any)
	if step["group"] != "drietallen, klant draait zich om" || step["minutes"] != 5.0 || step["name"] != "Consultants denken hardop" {
		t.Fatalf("step %v", step)
	}
	if lib.TotalMinutes(s) != 31 {
		t.Fatalf("TotalMinutes %v", lib.TotalMinutes(s))
	}
}

func TestTheIrritationBrainstormsRoundPromptsLandOnItsRounds(t *testing.T) {
	p := plan(t, builtins(t), PlanOptions{}, "irritation-brainstorm")
	rounds := 0
	for _, s := range p {
		if s.Structure != "impromptu-networking" || s.Label.EN != "Talk in pairs" {
			continue
		}
		rounds++
		if want := fmt.Sprintf("Round %d:", s.Counters[0].I); !strings.HasPrefix(s.Prompt.EN, want) {
			t.Errorf("round %d talks about %q", s.Counters[0].I, s.Prompt.EN)
		}
	}
	if rounds != 3 {
		t.Fatalf("%d rounds of talk, want 3", rounds)
	}
}
