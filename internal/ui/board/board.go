package board

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"liberate/internal/cluster"
	"liberate/internal/session"
	"liberate/internal/ui/common"
	"liberate/internal/ui/format"
	"liberate/internal/ui/run"
)

// Mode is what the board's keys currently act on.
type Mode int

// The modes of the board.
const (
	ModeList      Mode = iota // the themes and their notes
	ModePick                  // choosing the theme a note (or theme) goes to
	ModeRename                // the inline rename line has focus
	ModeFocus                 // one theme large, for the projector
	ModeCards                 // 25/10 card entry and scores
	ModeCountdown             // 25/10 "who has 25?" countdown
)

// String names the mode.
func (m Mode) String() string {
	switch m {
	case ModePick:
		return "pick"
	case ModeRename:
		return "rename"
	case ModeFocus:
		return "focus"
	case ModeCards:
		return "cards"
	case ModeCountdown:
		return "countdown"
	default:
		return "list"
	}
}

// PickAction is what the target picker does once a theme is chosen.
type PickAction int

const (
	PickMove  PickAction = iota // the selected note moves to the target
	PickMerge                   // the selected theme merges into the target
)

// clusterSource is implemented by stores that can read a session's saved
// themes back; the board loads them on first open so a resumed session
// shows the board as it was left.
type clusterSource interface {
	Clusters(sessionID string) ([]session.Cluster, error)
}

// Messages of the board.
type (
	boardLoadedMsg struct {
		clusters []session.Cluster
		err      error
	}
	// clusteredMsg carries a clustering run over the live notes, listed by
	// id in the order the texts were given.
	clusteredMsg struct {
		gen int
		ids []uint64
		res cluster.Result
	}
	boardSavedMsg struct {
		seq int
		err error
	}
	cardsSavedMsg struct {
		seq int
		err error
	}
)

// histChange is how a board save changed the undo history, so a failed
// save can put the history back as it was.
type histChange int

const (
	histPush histChange = iota // a new change was pushed
	histUndo                   // a change was undone
	histRedo                   // a change was redone
)

// boardSave is one board change waiting to be written, with what it takes
// to show the board as it was if the write fails.
type boardSave struct {
	seq          int
	clusters     []session.Cluster // after the change
	notes        []session.Note    // changed notes, after the change
	prevClusters []session.Cluster
	prevNotes    []session.Note // the same notes before the change
	events       []session.Event
	hist         histChange
	redoBackup   []session.Op // the redo stack a push cleared
	undoBlob     []byte
	label        string        // said once the change is on disk
	acks         []func(error) // phones waiting for this change to be on disk
}

// Host is what the board asks of the root model, which owns routing
// between the screens.
type Host interface {
	// ShowRun goes back to the run screen.
	ShowRun()
	// BoardShown reports whether the board is on screen.
	BoardShown() bool
}

// Screen is the cluster board: themes with their notes, edited with a
// few keys while the room watches, voted on, and the 25/10 cards.
type Screen struct {
	com  *common.Common
	host Host
	run  *run.Screen // the running session whose notes are on the board
	// ownerNote is the note whose owner and date the rename line edits.
	ownerNote uint64
	// Clusters are the themes in board order; Order is the index.
	Clusters []session.Cluster

	loaded     bool // the saved themes were read (or there were none to read)
	loading    bool
	clustering bool
	gen        int // clustering runs started; older results are dropped

	Mode      Mode // what the keys act on
	naming    bool // renaming a theme just made: its provisional name is only a placeholder
	backToRun bool // Esc on the cards returns to the run screen
	Compact   bool // one line per theme
	help      bool

	// Selection: a theme (selNote == 0) or a note, tracked by identity so
	// it survives every change.
	SelCluster string // cluster id; "" = the unclustered section
	SelNote    uint64
	scroll     int

	Pick       PickAction // what the target picker does
	pickSel    int        // target section while picking
	pickDigits string

	Input  textinput.Model // the rename line and the cards line
	digits string          // a vote tally being typed

	focusScroll int

	status    string
	statusErr bool
	statusEnd time.Time

	queue  []boardSave
	seq    int
	dirty  map[uint64]bool // notes whose last write failed; written again with the next change
	Failed bool            // the last write failed: the board shows what is on disk

	// Derived after every change: the live notes of each section, as
	// indexes into the run screen's notes. Section i < len(clusters) is
	// clusters[i]; the last is the unclustered notes.
	Members [][]int

	cards *cardsState

	phones PhoneProgress // the phone page, nil without one
	ph     phoneState    // what the board opened to phones

	whyKey   string   // the note and terms whyWords was found for
	whyWords []string // cluster.NoteWhy of the selected note
}

// CountdownLevel is the score the 25/10 countdown is calling, 0 before
// the cards were opened.
func (b *Screen) CountdownLevel() int {
	if b.cards == nil {
		return 0
	}
	return b.cards.level
}

// New returns the board of the session running on r. Its saved themes
// are read on the first Open.
func New(com *common.Common, host Host, r *run.Screen) *Screen {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 0
	ist := in.Styles()
	ist.Cursor.Blink = false
	in.SetStyles(ist)
	b := &Screen{com: com, host: host, run: r, Input: in, dirty: map[uint64]bool{}, backToRun: true}
	b.Reindex()
	return b
}

// MarkLoaded tells a board created to undo a board change that nothing
// needs loading: the change carries whole snapshots.
func (b *Screen) MarkLoaded() { b.loaded = true }

// Open prepares the board for showing. The first time, it reads the saved
// themes; when there are none, it proposes themes by clustering the live
// notes.
func (b *Screen) Open() tea.Cmd {
	if b.Mode == ModeCards || b.Mode == ModeCountdown || b.Mode == ModeRename || b.Mode == ModePick {
		b.Mode = ModeList
	}
	b.Reindex()
	if !b.loaded {
		if src, ok := b.com.Store.(clusterSource); ok {
			if b.loading {
				return nil
			}
			b.loading = true
			sid := b.run.Sess.ID
			return func() tea.Msg {
				cs, err := src.Clusters(sid)
				return boardLoadedMsg{clusters: cs, err: err}
			}
		}
		b.loaded = true
	}
	return b.afterLoad()
}

// afterLoad proposes themes when the board has none and there are notes;
// otherwise it says how many notes wait unclustered.
func (b *Screen) afterLoad() tea.Cmd {
	if len(b.Clusters) == 0 && len(b.liveIdx()) > 0 {
		return b.regroup()
	}
	if n := len(b.Members[len(b.Clusters)]); n > 0 && len(b.Clusters) > 0 {
		b.setStatus(fmt.Sprintf(b.com.Catalog.Board.NewNotes, n), false)
	}
	return nil
}

func (b *Screen) notes() []session.Note { return b.run.Notes }

// liveIdx returns the indexes of the notes not deleted, oldest first.
func (b *Screen) liveIdx() []int {
	ns := b.notes()
	out := make([]int, 0, len(ns))
	for i := range ns {
		if !ns[i].Deleted {
			out = append(out, i)
		}
	}
	return out
}

// Reindex rebuilds the sections from the notes' cluster ids: every live
// note lands in exactly one section, the unclustered one when its id names
// no theme.
func (b *Screen) Reindex() {
	pos := make(map[string]int, len(b.Clusters))
	for i, c := range b.Clusters {
		b.Clusters[i].Order = i
		pos[c.ID] = i
	}
	members := make([][]int, len(b.Clusters)+1)
	if b.run != nil {
		for i, n := range b.notes() {
			if n.Deleted {
				continue
			}
			s, ok := pos[n.ClusterID]
			if !ok || n.ClusterID == "" {
				s = len(b.Clusters)
			}
			members[s] = append(members[s], i)
		}
	}
	b.Members = members
	b.FixSelection()
}

// SectionOf returns the section index of a cluster id ("" = unclustered).
func (b *Screen) SectionOf(id string) int {
	if id != "" {
		for i, c := range b.Clusters {
			if c.ID == id {
				return i
			}
		}
	}
	return len(b.Clusters)
}

// SectionID is the cluster id of section s ("" for the unclustered one).
func (b *Screen) SectionID(s int) string {
	if s >= 0 && s < len(b.Clusters) {
		return b.Clusters[s].ID
	}
	return ""
}

// visible reports whether section s is shown: every theme is, the
// unclustered section only when it holds notes or there are no themes.
func (b *Screen) visible(s int) bool {
	if s < len(b.Clusters) {
		return true
	}
	return len(b.Members[s]) > 0 || len(b.Clusters) == 0
}

// Sections lists the visible section indexes in board order.
func (b *Screen) Sections() []int {
	out := make([]int, 0, len(b.Members))
	for s := range b.Members {
		if b.visible(s) {
			out = append(out, s)
		}
	}
	return out
}

// FixSelection keeps the selection on something that exists: a note that
// left the board falls back to its theme, a theme that went to its
// Neighbour.
func (b *Screen) FixSelection() {
	s := b.SectionOf(b.SelCluster)
	if b.SelCluster != "" && s == len(b.Clusters) {
		b.SelCluster, b.SelNote = "", 0
	}
	if b.SelNote != 0 {
		found := false
		ns := b.notes()
		for _, i := range b.Members[s] {
			if ns[i].ID == b.SelNote {
				found = true
				break
			}
		}
		if !found {
			// The note may have moved: follow it.
			b.follow(b.SelNote)
		}
	}
	if !b.visible(b.SectionOf(b.SelCluster)) {
		secs := b.Sections()
		if len(secs) > 0 {
			b.SelCluster, b.SelNote = b.SectionID(secs[0]), 0
		}
	}
}

// follow selects note id wherever it is now, or its theme's header when
// it is gone.
func (b *Screen) follow(id uint64) {
	ns := b.notes()
	for s, mem := range b.Members {
		for _, i := range mem {
			if ns[i].ID == id {
				b.SelCluster, b.SelNote = b.SectionID(s), id
				return
			}
		}
	}
	b.SelNote = 0
}

// selected returns the selected section and the note index (-1 for the
// theme itself).
func (b *Screen) selected() (sec, note int) {
	sec = b.SectionOf(b.SelCluster)
	if b.SelNote == 0 {
		return sec, -1
	}
	ns := b.notes()
	for _, i := range b.Members[sec] {
		if ns[i].ID == b.SelNote {
			return sec, i
		}
	}
	return sec, -1
}

func (b *Screen) setStatus(s string, isErr bool) {
	if !b.host.BoardShown() && b.run != nil {
		b.run.SetStatus(s, isErr)
	}
	b.status, b.statusErr = s, isErr
	d := 4 * time.Second
	if isErr {
		d = 24 * time.Hour
	}
	b.statusEnd = b.com.Now.Add(d)
}

// HandleMsg handles command results meant for the board.
func (b *Screen) HandleMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case boardLoadedMsg:
		b.loading = false
		b.loaded = true
		if msg.err != nil {
			b.setStatus(fmt.Sprintf(b.com.Catalog.Board.LoadFailed, format.SaveError(msg.err)), true)
			return nil, true
		}
		if len(b.Clusters) == 0 {
			b.Clusters = sortedClusters(msg.clusters)
		}
		b.Reindex()
		return b.afterLoad(), true
	case clusteredMsg:
		if msg.gen != b.gen {
			return nil, true
		}
		b.clustering = false
		return b.applyClustering(msg), true
	case boardSavedMsg:
		return b.onSaved(msg), true
	case cardsSavedMsg:
		return b.onCardsSaved(msg), true
	}
	return nil, false
}

// sortedClusters orders saved themes by their Order and drops duplicate
// and empty ids, so every note maps to at most one theme.
func sortedClusters(cs []session.Cluster) []session.Cluster {
	out := make([]session.Cluster, 0, len(cs))
	seen := map[string]bool{}
	for _, c := range cs {
		if c.ID == "" || seen[c.ID] {
			continue
		}
		seen[c.ID] = true
		out = append(out, c)
	}
	slices.SortStableFunc(out, func(a, b session.Cluster) int { return a.Order - b.Order })
	return out
}

// cloneClusters copies themes deeply enough that later edits do not reach
// the copy.
func cloneClusters(cs []session.Cluster) []session.Cluster {
	out := make([]session.Cluster, len(cs))
	for i, c := range cs {
		c.Terms = slices.Clone(c.Terms)
		c.Why = slices.Clone(c.Why)
		out[i] = c
	}
	return out
}

// boardTx collects one board change: the notes it touches (with their
// state before) and the themes before, so it becomes one undoable Op.
type boardTx struct {
	b        *Screen
	before   map[int]session.Note
	order    []int
	clusters []session.Cluster
	events   []session.Event
	acks     []func(error)
}

func (b *Screen) begin() *boardTx {
	return &boardTx{b: b, before: map[int]session.Note{}, clusters: cloneClusters(b.Clusters)}
}

// note returns note i for changing, remembering it as it was.
func (t *boardTx) note(i int) *session.Note {
	ns := t.b.notes()
	if _, ok := t.before[i]; !ok {
		t.before[i] = ns[i]
		t.order = append(t.order, i)
	}
	return &ns[i]
}

// boardFields reports whether two versions of a note differ in what the
// board owns.
func boardFields(a, b session.Note) bool {
	return a.ClusterID != b.ClusterID || a.Pinned != b.Pinned || a.Votes != b.Votes
}

// commit turns the collected change into an undoable Op, shows it and
// starts writing it. A change that changed nothing does nothing.
func (t *boardTx) commit(typ session.OpType, label string) tea.Cmd {
	b := t.b
	ns := b.notes()
	now := b.com.Now
	var before, after []session.Note
	for _, i := range t.order {
		if !boardFields(t.before[i], ns[i]) {
			ns[i] = t.before[i]
			continue
		}
		ns[i].UpdatedAt = now
		before = append(before, t.before[i])
		after = append(after, ns[i])
	}
	b.Reindex()
	b.relabel(t.clusters, before, after)
	if len(after) == 0 && slices.EqualFunc(t.clusters, b.Clusters, clusterEqual) {
		return nil
	}
	op := session.Op{Type: typ, NotesBefore: before, NotesAfter: after,
		ClustersBefore: t.clusters, ClustersAfter: cloneClusters(b.Clusters), Label: label}
	redo := b.com.History.Redo
	b.com.History.Push(op)
	return b.enqueue(boardSave{
		clusters: cloneClusters(b.Clusters), notes: after, prevClusters: t.clusters, prevNotes: before,
		events: t.events, hist: histPush, redoBackup: redo, label: b.com.Catalog.Board.Saved, acks: t.acks,
	})
}

// maxRelabelNotes bounds the theme a hand move relabels at once; a bigger
// one keeps its label until the next regroup.
const maxRelabelNotes = 300

// relabel names anew, in their notes' own words, the themes the facilitator
// has not named that gained or lost a note in this change, so a label never
// describes notes that have moved away. A theme the change made (a split
// note's) keeps the name it was given.
func (b *Screen) relabel(prev []session.Cluster, before, after []session.Note) {
	existed := map[string]bool{}
	for _, c := range prev {
		existed[c.ID] = true
	}
	touched := map[string]bool{}
	for i := range after {
		touched[before[i].ClusterID] = existed[before[i].ClusterID]
		touched[after[i].ClusterID] = existed[after[i].ClusterID]
	}
	ns := b.notes()
	for s := range b.Clusters {
		c := &b.Clusters[s]
		if c.Named || !touched[c.ID] || s >= len(b.Members) {
			continue
		}
		mem := b.Members[s]
		if len(mem) == 0 || len(mem) > maxRelabelNotes {
			continue
		}
		texts := make([]string, len(mem))
		for j, i := range mem {
			texts[j] = ns[i].Text
		}
		res := cluster.Cluster(texts, cluster.Options{K: 1})
		if len(res.Groups) == 1 && res.Groups[0].Label != "" {
			c.Label, c.Terms = res.Groups[0].Label, slices.Clone(res.Groups[0].Terms)
		}
	}
}

func clusterEqual(a, b session.Cluster) bool {
	return a.ID == b.ID && a.Label == b.Label && a.Named == b.Named && a.Order == b.Order &&
		a.Votes == b.Votes && slices.Equal(a.Terms, b.Terms) && slices.Equal(a.Why, b.Why) &&
		a.Pillar == b.Pillar && a.PillarSet == b.PillarSet
}

// ApplyOp reverts (undo) or re-applies (redo) a board change: the themes
// as a whole snapshot, the notes by their board fields only, so an edit
// of a note's text made since is kept.
func (b *Screen) ApplyOp(op session.Op, undo bool, label string) tea.Cmd {
	if b.run == nil {
		return nil
	}
	cs, target := op.ClustersAfter, op.NotesAfter
	if undo {
		cs, target = op.ClustersBefore, op.NotesBefore
	}
	prevClusters := cloneClusters(b.Clusters)
	if op.Type != session.OpNoteMove {
		b.Clusters = sortedClusters(cloneClusters(cs))
	}
	ns := b.notes()
	var before, after []session.Note
	for _, want := range target {
		for i := range ns {
			if ns[i].ID != want.ID {
				continue
			}
			before = append(before, ns[i])
			ns[i].ClusterID, ns[i].Pinned, ns[i].Votes = want.ClusterID, want.Pinned, want.Votes
			ns[i].UpdatedAt = b.com.Now
			after = append(after, ns[i])
			break
		}
	}
	b.Reindex()
	h := histRedo
	if undo {
		h = histUndo
	}
	return b.enqueue(boardSave{
		clusters: cloneClusters(b.Clusters), notes: after, prevClusters: prevClusters, prevNotes: before,
		hist: h, label: label,
	})
}

// enqueue adds a write to the queue and starts it when nothing else is
// being written: board writes go to disk one at a time, in order, so a
// late write never overwrites a newer one.
func (b *Screen) enqueue(s boardSave) tea.Cmd {
	b.seq++
	s.seq = b.seq
	s.undoBlob, _ = json.Marshal(b.com.History)
	// Notes whose last write failed are written again with this change.
	if len(b.dirty) > 0 {
		have := map[uint64]bool{}
		for _, n := range s.notes {
			have[n.ID] = true
		}
		for _, n := range b.notes() {
			if b.dirty[n.ID] && !have[n.ID] {
				s.notes = append(s.notes, n)
			}
		}
	}
	b.queue = append(b.queue, s)
	if len(b.queue) == 1 {
		return b.write(b.queue[0])
	}
	return nil
}

// write saves one board change: the notes, then the themes, then the undo
// history. Notes go first so a failure half way leaves every note in a
// theme that exists or unclustered, never lost.
func (b *Screen) write(s boardSave) tea.Cmd {
	st := b.com.Store
	sid := b.run.Sess.ID
	return func() tea.Msg {
		for i := range s.notes {
			if err := st.UpdateNote(&s.notes[i]); err != nil {
				return boardSavedMsg{seq: s.seq, err: err}
			}
		}
		if err := st.SaveClusters(sid, s.clusters); err != nil {
			return boardSavedMsg{seq: s.seq, err: err}
		}
		for i := range s.events {
			// The timeline is a record; the change itself is durable.
			_ = st.AppendEvent(sid, &s.events[i])
		}
		return boardSavedMsg{seq: s.seq, err: st.SaveUndo(sid, s.undoBlob)}
	}
}

// onSaved confirms a write, or shows the board as it is on disk again
// when the write failed, with the history as it was.
func (b *Screen) onSaved(msg boardSavedMsg) tea.Cmd {
	if len(b.queue) == 0 || b.queue[0].seq != msg.seq {
		return nil
	}
	if msg.err == nil {
		done := b.queue[0]
		b.queue = b.queue[1:]
		for _, n := range done.notes {
			delete(b.dirty, n.ID)
		}
		for _, a := range done.acks {
			a(nil)
		}
		b.Failed = false
		if len(b.queue) > 0 {
			return b.write(b.queue[0])
		}
		b.setStatus(done.label, false)
		return nil
	}
	// Undo everything not yet on disk, newest first.
	ns := b.notes()
	for k := len(b.queue) - 1; k >= 0; k-- {
		s := b.queue[k]
		for _, a := range s.acks {
			a(msg.err)
		}
		b.Clusters = cloneClusters(s.prevClusters)
		for _, p := range s.prevNotes {
			for i := range ns {
				if ns[i].ID == p.ID {
					ns[i].ClusterID, ns[i].Pinned, ns[i].Votes = p.ClusterID, p.Pinned, p.Votes
					b.dirty[p.ID] = true
					break
				}
			}
		}
		switch s.hist {
		case histPush:
			if n := len(b.com.History.Undo); n > 0 {
				b.com.History.Undo = b.com.History.Undo[:n-1]
			}
			b.com.History.Redo = s.redoBackup
		case histUndo:
			b.com.History.PopRedo()
		case histRedo:
			b.com.History.PopUndo()
		}
	}
	b.queue = nil
	b.Failed = true
	b.Reindex()
	b.setStatus(fmt.Sprintf(b.com.Catalog.Board.NotSaved, format.SaveError(msg.err)), true)
	return nil
}

// Saving reports whether a board write is on its way to disk.
func (b *Screen) Saving() bool { return len(b.queue) > 0 }

// SaveErr is the error of the board write, nil once it is on disk.
func (m boardSavedMsg) SaveErr() error { return m.err }

// SaveErr is the error of the cards write, nil once it is on disk.
func (m cardsSavedMsg) SaveErr() error { return m.err }
