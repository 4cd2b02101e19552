package export

import (
	"encoding/json"
	"io"
	"time"

	"liberate/internal/session"
	"liberate/internal/structure"
	"liberate/internal/textsafe"
)

// JSONFormat and JSONVersion identify a liberate JSON export, so tools can
// check what they read.
const (
	JSONFormat  = "liberate-session"
	JSONVersion = 1
)

// Document is the JSON export of one session. The session holds the plan
// and the timing records; its 25/10 cards are listed once, in Cards, with
// their totals. Soft-deleted notes are left out.
type Document struct {
	Format      string            `json:"format"`
	Version     int               `json:"version"`
	ExportedAt  time.Time         `json:"exported_at"`
	Lang        string            `json:"lang"`
	Attribution string            `json:"attribution"`
	Session     session.Session   `json:"session"`
	Notes       []DocumentNote    `json:"notes"`
	Clusters    []DocumentCluster `json:"clusters"`
	Events      []session.Event   `json:"events"`
	Cards       []DocumentCard    `json:"cards"`
	// PhoneNotes is how many of the notes participants sent from their
	// phones (each such note has "phone": true).
	PhoneNotes int `json:"phone_notes,omitempty"`
	// FollowUpOf is the title of the session this one follows up ("" when
	// it follows none, or that session is gone); Session.Review and
	// Session.Rescores hold the review itself.
	FollowUpOf string `json:"follow_up_of,omitempty"`
	// SmallWins lists the reviewed actions that are done and the themes
	// whose score fell.
	SmallWins *SmallWins `json:"small_wins,omitempty"`
}

// SmallWins is what a follow-up celebrates.
type SmallWins struct {
	ActionsDone []session.ActionReview `json:"actions_done"`
	ThemesEased []session.ThemeScore   `json:"themes_eased"`
}

// DocumentNote is a note with the names of its structure, step and cluster
// spelled out in the export's language.
type DocumentNote struct {
	session.Note
	StructureName string `json:"structure_name,omitempty"`
	StepLabel     string `json:"step_label,omitempty"`
	ClusterLabel  string `json:"cluster_label,omitempty"`
}

// DocumentCluster is a cluster with its number of notes and its vote total
// (votes on the cluster plus votes on its notes).
type DocumentCluster struct {
	session.Cluster
	NoteCount  int `json:"note_count"`
	TotalVotes int `json:"total_votes"`
}

// DocumentCard is a 25/10 card with its total (average × 5 when it has not
// exactly five scores), its place among the scored cards (0 = not scored)
// and whether it made the top ten.
type DocumentCard struct {
	session.Card
	Total  float64 `json:"total"`
	Rank   int     `json:"rank,omitempty"`
	TopTen bool    `json:"top_ten"`
}

// JSON writes the whole session as indented JSON: format and version, the
// session with its plan and records, notes (kind, step, counters, cluster,
// votes), clusters, events and cards with totals. Texts are passed through
// textsafe.Display.
func JSON(w io.Writer, d Data) error {
	p, err := prepare(d)
	if err != nil {
		return err
	}
	doc := Document{
		Format:      JSONFormat,
		Version:     JSONVersion,
		ExportedAt:  p.d.Now,
		Lang:        p.lang,
		Attribution: p.cat.Attribution,
		Session:     cleanSession(*p.s),
		Notes:       make([]DocumentNote, 0, len(p.notes)),
		Clusters:    make([]DocumentCluster, 0, len(d.Clusters)),
		Events:      make([]session.Event, 0, len(d.Events)),
		Cards:       make([]DocumentCard, 0, len(p.s.Cards)),
	}
	doc.Session.Cards = nil
	if d.Earlier != nil {
		doc.FollowUpOf = textsafe.Display(d.Earlier.Title)
	}
	if len(p.s.Review) > 0 || len(p.s.Rescores) > 0 {
		w := &SmallWins{ActionsDone: []session.ActionReview{}, ThemesEased: []session.ThemeScore{}}
		for _, r := range doc.Session.Review {
			if r.State == session.ReviewDone {
				w.ActionsDone = append(w.ActionsDone, r)
			}
		}
		for _, t := range doc.Session.Rescores {
			if t.Fell() {
				w.ThemesEased = append(w.ThemesEased, t)
			}
		}
		doc.SmallWins = w
	}
	for _, n := range p.notes {
		n.Text = textsafe.Display(n.Text)
		n.Owner, n.Due = textsafe.Display(n.Owner), textsafe.Display(n.Due)
		n.Seat = "" // which notes share a phone stays in the session's file
		if n.Phone {
			doc.PhoneNotes++
		}
		name, step := p.noteStep(n)
		doc.Notes = append(doc.Notes, DocumentNote{Note: n, StructureName: name, StepLabel: step, ClusterLabel: textsafe.Display(p.clusterOf[n.ID])})
	}
	for _, c := range d.Clusters {
		dc := DocumentCluster{Cluster: c, TotalVotes: c.Votes}
		dc.Label = textsafe.Display(c.Label)
		dc.Terms = cleanAll(c.Terms)
		dc.Why = cleanAll(c.Why)
		for _, n := range p.notes {
			if n.ClusterID == c.ID && c.ID != "" {
				dc.NoteCount++
				dc.TotalVotes += n.Votes
			}
		}
		doc.Clusters = append(doc.Clusters, dc)
	}
	for _, e := range d.Events {
		e.Before, e.After = textsafe.Display(e.Before), textsafe.Display(e.After)
		doc.Events = append(doc.Events, e)
	}
	ranked := rankCards(p.s.Cards)
	top := topTen(ranked)
	byIndex := map[int]rankedCard{}
	for _, r := range ranked {
		byIndex[r.index] = r
	}
	for i, c := range p.s.Cards {
		c.Idea, c.FirstStep = textsafe.Display(c.Idea), textsafe.Display(c.FirstStep)
		dc := DocumentCard{Card: c, Total: c.Total()}
		if r, ok := byIndex[i]; ok {
			dc.Rank = r.Rank
			dc.TopTen = r.Total >= top[len(top)-1].Total
		}
		doc.Cards = append(doc.Cards, dc)
	}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(textsafe.EscapeJSON(data), '\n'))
	return err
}

// cleanSession copies s with its texts passed through textsafe.Display.
func cleanSession(s session.Session) session.Session {
	s.Title = textsafe.Display(s.Title)
	s.Invitation = textsafe.Display(s.Invitation)
	s.Review = append([]session.ActionReview(nil), s.Review...)
	for i := range s.Review {
		r := &s.Review[i]
		r.Text, r.Owner, r.Due = textsafe.Display(r.Text), textsafe.Display(r.Owner), textsafe.Display(r.Due)
	}
	s.Rescores = append([]session.ThemeScore(nil), s.Rescores...)
	for i := range s.Rescores {
		s.Rescores[i].Label = textsafe.Display(s.Rescores[i].Label)
	}
	s.Plan = append([]structure.PlannedStep(nil), s.Plan...)
	for i := range s.Plan {
		st := &s.Plan[i]
		st.StructureName = cleanText(st.StructureName)
		st.Invitation = cleanText(st.Invitation)
		st.Label = cleanText(st.Label)
		st.Prompt = cleanText(st.Prompt)
		st.Tip = cleanText(st.Tip)
	}
	return s
}

func cleanText(t structure.Text) structure.Text {
	return structure.Text{EN: textsafe.Display(t.EN), NL: textsafe.Display(t.NL)}
}

func cleanAll(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = textsafe.Display(s)
	}
	return out
}
