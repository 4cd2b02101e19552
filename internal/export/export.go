// Package export writes one session as Markdown (to paste into an email, a
// wiki or a report), as JSON (everything, for other tools) or as CSV (one
// row per note, for a spreadsheet). Every text that reaches an export goes
// through textsafe.Display first, so no escape sequence or control
// character from a note, a title or a user's structure file gets through.
package export

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"liberate/internal/i18n"
	"liberate/internal/session"
	"liberate/internal/structure"
	"liberate/internal/textsafe"
)

// Data is everything an export needs about one session. Notes may include
// soft-deleted notes; they are left out of every format. Lang picks the
// language of headings and structure texts ("" = the session's language);
// Now is the export time, and its location is the zone every time is shown
// in (the CLI passes time.Now()).
type Data struct {
	Session  *session.Session
	Notes    []session.Note
	Events   []session.Event
	Clusters []session.Cluster
	Lang     string
	Now      time.Time
	// Earlier is the session this one follows up (Session.FollowUp), when
	// it is still in the file; nil otherwise.
	Earlier *session.Session
}

// ErrUnknownFormat is wrapped by Write when the format is not md, json or
// csv.
var ErrUnknownFormat = errors.New("unknown format")

// ErrNoSession is returned when Data holds no session.
var ErrNoSession = errors.New("no session to export: pick one with `liberate sessions`")

// Formats lists the formats Write accepts.
var Formats = []string{"md", "json", "csv"}

// Write writes d to w in format ("md", "json" or "csv"; "markdown" works
// too). opt applies to CSV only.
func Write(w io.Writer, d Data, format string, opt CSVOptions) error {
	switch strings.ToLower(strings.TrimSpace(format)) {
	case "md", "markdown":
		return Markdown(w, d)
	case "json":
		return JSON(w, d)
	case "csv":
		return CSV(w, d, opt)
	}
	return fmt.Errorf("%w %q: use md, json or csv", ErrUnknownFormat, format)
}

// prepared is what every writer derives from Data: live notes in order,
// ranked clusters, the language and the time zone.
type prepared struct {
	d     Data
	s     *session.Session
	lang  string
	cat   i18n.Export
	table i18n.Table
	fu    i18n.FollowUp
	pl    i18n.Pillar
	loc   *time.Location

	notes       []session.Note // live, in capture order
	clusters    []clusterGroup // ranked, only those holding notes
	unclustered []*session.Note
	clusterOf   map[uint64]string // note ID → cluster label ("" = unclustered)
}

// clusterGroup is a cluster with its live notes and its vote total.
type clusterGroup struct {
	session.Cluster
	notes []*session.Note
	votes int
}

func prepare(d Data) (*prepared, error) {
	if d.Session == nil {
		return nil, ErrNoSession
	}
	lang := d.Lang
	if lang == "" {
		lang = d.Session.Lang
	}
	if lang != "nl" {
		lang = "en"
	}
	loc := d.Now.Location()
	if d.Now.IsZero() {
		loc = time.Local
	}
	p := &prepared{d: d, s: d.Session, lang: lang, cat: i18n.For(lang).Export, table: i18n.For(lang).Table, fu: i18n.For(lang).FollowUp, pl: i18n.For(lang).Pillar, loc: loc, clusterOf: map[uint64]string{}}

	// Sort positions, not notes: a Note is a few hundred bytes.
	order := make([]int, 0, len(d.Notes))
	for i := range d.Notes {
		if !d.Notes[i].Deleted {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := &d.Notes[i], &d.Notes[j]
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID), cmp.Compare(i, j))
	})
	p.notes = make([]session.Note, len(order))
	for k, i := range order {
		p.notes[k] = d.Notes[i]
	}

	index := map[string]int{}
	groups := make([]clusterGroup, 0, len(d.Clusters))
	for _, c := range d.Clusters {
		if _, dup := index[c.ID]; dup || c.ID == "" {
			continue
		}
		index[c.ID] = len(groups)
		groups = append(groups, clusterGroup{Cluster: c, votes: c.Votes})
	}
	for k := range p.notes {
		n := &p.notes[k]
		i, ok := index[n.ClusterID]
		if !ok {
			p.unclustered = append(p.unclustered, n)
			continue
		}
		groups[i].notes = append(groups[i].notes, n)
		groups[i].votes += n.Votes
		p.clusterOf[n.ID] = groups[i].Label
	}
	for _, g := range groups {
		if len(g.notes) > 0 {
			p.clusters = append(p.clusters, g)
		}
	}
	slices.SortStableFunc(p.clusters, func(a, b clusterGroup) int {
		return cmp.Or(
			cmp.Compare(b.votes, a.votes),
			cmp.Compare(len(b.notes), len(a.notes)),
			cmp.Compare(a.Order, b.Order),
		)
	})
	return p, nil
}

// step returns the planned step at i, guarding notes that point outside
// the plan.
func (p *prepared) step(i int) (structure.PlannedStep, bool) {
	if i < 0 || i >= len(p.s.Plan) {
		return structure.PlannedStep{}, false
	}
	return p.s.Plan[i], true
}

// structureName is the display name of the structure a step belongs to.
// A string item's own title follows it, so two runs of 1-2-4-All in one
// string read apart: "1-2-4-All — Now what: next week".
func (p *prepared) structureName(st structure.PlannedStep) string {
	name := textsafe.Display(st.StructureName.In(p.lang))
	if name == "" {
		name = textsafe.Display(st.Structure)
	}
	if title := textsafe.Display(st.OwnTitle(p.lang)); title != "" {
		name += " — " + title
	}
	return name
}

// stepLabel is a step's label with its counters: "All (Round 2/3)".
func (p *prepared) stepLabel(st structure.PlannedStep) string {
	label := textsafe.Display(st.Label.In(p.lang))
	if label == "" {
		label = textsafe.Display(st.Path)
	}
	if c := p.counters(st.Counters); c != "" {
		label += " (" + c + ")"
	}
	return label
}

// counters renders counters as "Client 2/3, Round 1/2".
func (p *prepared) counters(cs []structure.Counter) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		s := p.counterName(c.Kind) + " " + strconv.Itoa(c.I)
		if c.N > 0 {
			s += "/" + strconv.Itoa(c.N)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

func (p *prepared) counterName(kind string) string {
	switch kind {
	case "round":
		return p.cat.Round
	case "client":
		return p.cat.Client
	case "person":
		return p.cat.Person
	case "station":
		return p.cat.Station
	case "element":
		return p.cat.Element
	case "sentence":
		return p.cat.Sentence
	case "scoring":
		return p.cat.ScoringRound
	case "cycle":
		return p.cat.Cycle
	}
	return textsafe.Display(kind)
}

// kindName is the catalogue name of a note kind.
func (p *prepared) kindName(k session.Kind) string {
	switch k {
	case session.KindFrustration:
		return p.cat.Frustration
	case session.KindIdea:
		return p.cat.Idea
	case session.KindAction:
		return p.cat.Action
	}
	return p.cat.Note
}

// noteStep names a note's structure and step, or "" for both when the note
// points outside the plan.
func (p *prepared) noteStep(n session.Note) (structureName, step string) {
	st, ok := p.step(n.StepIndex)
	if !ok {
		return textsafe.Display(n.Structure), textsafe.Display(n.StepPath)
	}
	return p.structureName(st), p.stepLabel(st)
}

// local shows t in the export's time zone.
func (p *prepared) local(t time.Time) time.Time { return t.In(p.loc) }

// clock renders a duration as m:ss or h:mm:ss, rounded to the second.
func clock(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign = "-"
		d = -d
	}
	s := int64(d.Round(time.Second) / time.Second)
	h, m, sec := s/3600, (s/60)%60, s%60
	if h > 0 {
		return fmt.Sprintf("%s%d:%02d:%02d", sign, h, m, sec)
	}
	return fmt.Sprintf("%s%d:%02d", sign, m, sec)
}

// signedClock renders a difference with its sign: +1:10, -0:30, 0:00.
func signedClock(d time.Duration) string {
	if d.Round(time.Second) > 0 {
		return "+" + clock(d)
	}
	if d.Round(time.Second) < 0 {
		return "−" + clock(-d)
	}
	return clock(0)
}

// score renders a 25/10 total: whole numbers plain, averages with one
// decimal (18.8; 18,8 in Dutch).
func score(v float64, lang string) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if lang == "nl" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// rankedCard is a 25/10 card with its total and its place.
type rankedCard struct {
	session.Card
	Total float64
	Rank  int // 0 = not scored
	index int // position in Session.Cards
}

// rankCards returns the scored cards from the highest total down, with
// places shared by ties (1, 2, 2, 4).
func rankCards(cards []session.Card) []rankedCard {
	var rs []rankedCard
	for i, c := range cards {
		if len(c.Scores) > 0 {
			rs = append(rs, rankedCard{Card: c, Total: c.Total(), index: i})
		}
	}
	slices.SortStableFunc(rs, func(a, b rankedCard) int {
		return cmp.Or(cmp.Compare(b.Total, a.Total), cmp.Compare(a.Number, b.Number))
	})
	for i := range rs {
		if i > 0 && rs[i].Total == rs[i-1].Total {
			rs[i].Rank = rs[i-1].Rank
		} else {
			rs[i].Rank = i + 1
		}
	}
	return rs
}

// topTen cuts ranked cards after the tenth place, keeping every card tied
// with the tenth: the room hears all cards with the cut-off score.
func topTen(ranked []rankedCard) []rankedCard {
	if len(ranked) <= 10 {
		return ranked
	}
	n := 10
	for n < len(ranked) && ranked[n].Total == ranked[9].Total {
		n++
	}
	return ranked[:n]
}
