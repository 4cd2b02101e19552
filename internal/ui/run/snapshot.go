package run

import (
	"fmt"
	"strings"
	"time"

	"liberate/internal/textsafe"
	"liberate/internal/ui/room"
)

// Snapshot is what the room sees of the session now, resolved to display
// text in the interface's language, with the facilitator's hints and
// session clock in its Console part.
func (r *Screen) Snapshot() room.Snapshot {
	cat := r.com.Catalog.Run
	lang := r.com.Catalog.Lang
	s := r.Sess
	snap := room.Snapshot{
		Session:    s.ID,
		Lang:       lang,
		Blank:      r.blank,
		Finished:   s.Finished,
		Paused:     s.Paused(),
		Timed:      s.Timed(),
		Timer:      s.Timer,
		Total:      r.totalActual(),
		Captured:   r.liveCount(),
		Bell:       r.bells,
		Flash:      r.Flash,
		FlashUntil: r.flashEnd,
		Console: room.Console{
			PausedHint:   cat.PausedHint,
			UntimedHint:  cat.UntimedHint,
			FinishedHint: cat.FinishedHint,
			BlankHint:    cat.Blank,
			Schedule:     true,
			PlannedEnd:   s.PlannedEnd(),
			RestPlanned:  s.RemainingPlanned(),
			Speed:        s.Speed,
		},
	}
	if r.Join.URL != "" {
		snap.Join, snap.JoinCode, snap.NotesIn = r.Join.URL, r.Join.Code, r.phoneNotesIn()
	}
	if s.Speed > 1 {
		snap.Console.Rehearsal = fmt.Sprintf(cat.Rehearsal, s.Speed)
	}
	if s.Muted {
		snap.Console.Muted = "🔕 " + cat.Muted
	}
	c := s.Current()
	if c == nil {
		return snap
	}
	if r.opts.TitleScreen && !s.Started() {
		fu := r.com.Catalog.FollowUp
		snap.Opening = &room.Opening{Title: textsafe.Display(s.Title), Invitation: r.invitation(c)}
		name := textsafe.Display(c.StructureName.In(lang))
		if t := textsafe.Display(c.OwnTitle(lang)); t != "" {
			name += " — " + t
		}
		var first time.Duration
		for _, p := range s.Plan {
			if p.StructureIndex == c.StructureIndex {
				first += p.Planned
			}
		}
		snap.Opening.First = fmt.Sprintf(fu.TitleFirst, name, minutes(first))
		if at, ok := s.PlanClock(s.Pos); ok {
			snap.Opening.First += " · " + at.Format("15:04")
		}
		snap.Console.TitleHint = fu.TitleHint
		return snap
	}
	snap.Structure = textsafe.Display(c.StructureName.In(lang))
	if c.StructureCount > 1 {
		snap.Structure += " (" + fmt.Sprintf(cat.Structure, c.StructureIndex+1, c.StructureCount) + ")"
	}
	snap.Step = fmt.Sprintf(cat.Step, c.Number, c.Total)
	snap.Counters = textsafe.Display(r.counterText(c))
	snap.Title = textsafe.Display(c.OwnTitle(lang))
	if s.Finished {
		return snap
	}
	if w := r.stepConfigWords(c); w != "" {
		snap.Config = w
	} else {
		snap.Config = strings.ToUpper(textsafe.Display(c.Label.In(lang)))
	}
	snap.Groups = r.splitText(c)
	if c.Harvest {
		snap.Console.HarvestHint = cat.HarvestHint
	}
	if c.Review {
		if s.ReviewLen() == 0 {
			snap.Console.ReviewHint = r.com.Catalog.FollowUp.ReviewNothing
		} else if s.Started() {
			snap.Review = r.reviewSnapshot()
		}
	}
	if r.wordsDiffer(c) {
		snap.Label = textsafe.Display(c.Label.In(lang))
	}
	snap.Invitation = r.invitation(c)
	snap.Prompt = textsafe.Display(c.Prompt.In(lang))
	return snap
}
