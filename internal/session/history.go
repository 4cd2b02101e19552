package session

// OpType names a change the facilitator can undo.
type OpType string

// Undoable changes.
const (
	OpNoteAdd    OpType = "note_add"
	OpNoteEdit   OpType = "note_edit"   // text or kind
	OpNoteDelete OpType = "note_delete" // soft delete
	OpNoteMove   OpType = "note_move"   // cluster placement
	OpClusters   OpType = "clusters"    // board change: whole cluster set before/after
	OpStepMove   OpType = "step_move"
	OpExtend     OpType = "extend"
	OpVote       OpType = "vote"
	OpReview     OpType = "review"  // an action's review state
	OpRescore    OpType = "rescore" // a theme's new score
)

// Op is one undoable change with what it takes to revert and redo it.
type Op struct {
	Type OpType `json:"type"`
	// Note changes: the note before and after (Before is zero for an add).
	Before Note `json:"before,omitempty"`
	After  Note `json:"after,omitempty"`
	// Several notes changed at once (board operations).
	NotesBefore []Note `json:"notes_before,omitempty"`
	NotesAfter  []Note `json:"notes_after,omitempty"`
	// Board changes.
	ClustersBefore []Cluster `json:"clusters_before,omitempty"`
	ClustersAfter  []Cluster `json:"clusters_after,omitempty"`
	// Step moves and extensions.
	From  int   `json:"from,omitempty"`
	To    int   `json:"to,omitempty"`
	Delta int64 `json:"delta,omitempty"` // nanoseconds
	// Review and re-score changes: the position in Session.Review or
	// Session.Rescores and the value before and after.
	Index       int    `json:"index,omitempty"`
	StateBefore string `json:"state_before,omitempty"`
	StateAfter  string `json:"state_after,omitempty"`
	ScoreBefore int    `json:"score_before,omitempty"` // -1 = not scored
	ScoreAfter  int    `json:"score_after,omitempty"`
	// Label describes the change for the status line ("note added").
	Label string `json:"label,omitempty"`
}

// maxHistory bounds the undo history kept per session.
const maxHistory = 1000

// History is the undo and redo stacks of a session. It is saved with the
// session so `resume` can undo what was done before a restart.
type History struct {
	Undo []Op `json:"undo,omitempty"`
	Redo []Op `json:"redo,omitempty"`
}

// Push records a new change; it clears the redo stack.
func (h *History) Push(op Op) {
	h.Undo = append(h.Undo, op)
	if len(h.Undo) > maxHistory {
		h.Undo = append([]Op(nil), h.Undo[len(h.Undo)-maxHistory:]...)
	}
	h.Redo = nil
}

// PopUndo takes the latest change off the undo stack and puts it on the redo
// stack; ok is false when there is nothing to undo.
func (h *History) PopUndo() (op Op, ok bool) {
	if len(h.Undo) == 0 {
		return Op{}, false
	}
	op = h.Undo[len(h.Undo)-1]
	h.Undo = h.Undo[:len(h.Undo)-1]
	h.Redo = append(h.Redo, op)
	return op, true
}

// PopRedo takes the latest undone change off the redo stack and puts it back
// on the undo stack; ok is false when there is nothing to redo.
func (h *History) PopRedo() (op Op, ok bool) {
	if len(h.Redo) == 0 {
		return Op{}, false
	}
	op = h.Redo[len(h.Redo)-1]
	h.Redo = h.Redo[:len(h.Redo)-1]
	h.Undo = append(h.Undo, op)
	return op, true
}
