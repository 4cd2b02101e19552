package board

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"liberate/internal/session"
	"liberate/internal/ui/layout"
)

// maxVoteDigits bounds a typed tally: 9999 dots is more than any room.
const maxVoteDigits = 4

// voteKey handles the dot-voting keys shared by the list and the focus
// View: digits build a tally, Enter sets it, + and - adjust by one,
// backspace and Esc correct. handled is false for other keys.
func (b *Screen) voteKey(k string) (cmd tea.Cmd, handled bool) {
	switch {
	case len(k) == 1 && k[0] >= '0' && k[0] <= '9':
		if len(b.digits) < maxVoteDigits {
			b.digits += k
		}
		return nil, true
	case k == "backspace" && b.digits != "":
		b.digits = b.digits[:len(b.digits)-1]
		return nil, true
	case k == "esc" && b.digits != "":
		b.digits = ""
		return nil, true
	case k == "enter" && b.digits != "":
		v, _ := strconv.Atoi(b.digits)
		b.digits = ""
		return b.setVotes(func(int) int { return v }), true
	case k == "+" || k == "=":
		b.digits = ""
		return b.setVotes(func(v int) int { return v + 1 }), true
	case k == "-" || k == "_":
		b.digits = ""
		return b.setVotes(func(v int) int { return max(0, v-1) }), true
	}
	return nil, false
}

// voteTarget is what a tally applies to: in the focus view the theme on
// screen, in the list the selected theme or note.
func (b *Screen) voteTarget() (sec, note int) {
	sec, note = b.selected()
	if b.Mode == ModeFocus {
		note = -1
	}
	return sec, note
}

// setVotes changes the tally of the selected theme (its own dots) or note.
// The unclustered section has no tally of its own.
func (b *Screen) setVotes(f func(int) int) tea.Cmd {
	sec, i := b.voteTarget()
	t := b.begin()
	var name string
	var v int
	switch {
	case i >= 0:
		n := t.note(i)
		n.Votes = f(n.Votes)
		name, v = layout.Clip(n.Text, 30), n.Votes
	case sec < len(b.Clusters):
		b.Clusters[sec].Votes = f(b.Clusters[sec].Votes)
		name, v = layout.Clip(b.Clusters[sec].Label, 30), b.Clusters[sec].Votes
	default:
		b.setStatus(b.com.Catalog.Board.SelectTheme, false)
		return nil
	}
	return t.commit(session.OpVote, fmt.Sprintf(b.com.Catalog.Board.Voted, name, v))
}

// sortByVotes ranks the themes by their tally, most votes first; ties keep
// the bigger theme first, then the current order.
func (b *Screen) sortByVotes() tea.Cmd {
	type ranked struct {
		c            session.Cluster
		votes, count int
	}
	rs := make([]ranked, len(b.Clusters))
	for i, c := range b.Clusters {
		rs[i] = ranked{c: c, votes: b.SectionVotes(i), count: len(b.Members[i])}
	}
	slices.SortStableFunc(rs, func(x, y ranked) int {
		return cmp.Or(cmp.Compare(y.votes, x.votes), cmp.Compare(y.count, x.count))
	})
	t := b.begin()
	for i := range rs {
		b.Clusters[i] = rs[i].c
	}
	cmd := t.commit(session.OpClusters, b.com.Catalog.Board.Sorted)
	if cmd == nil {
		b.setStatus(b.com.Catalog.Board.Sorted, false)
	}
	return cmd
}
