package board

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"liberate/internal/cluster"
	"liberate/internal/session"
	"liberate/internal/textsafe"
	"liberate/internal/ui/layout"
)

// maxLabelRunes bounds a theme's name: it has to fit a projected header.
const maxLabelRunes = 80

// regroup clusters the live notes in a command. Notes placed by hand are
// passed as fixed, with their theme's id as the group id, so they stay.
func (b *Screen) regroup() tea.Cmd {
	live := b.liveIdx()
	if len(live) == 0 {
		b.setStatus(b.com.Catalog.Board.NoNotes, false)
		return nil
	}
	ns := b.notes()
	exists := map[string]bool{}
	for _, c := range b.Clusters {
		exists[c.ID] = true
	}
	texts := make([]string, len(live))
	ids := make([]uint64, len(live))
	fixed := map[int]string{}
	for k, i := range live {
		texts[k] = ns[i].Text
		ids[k] = ns[i].ID
		if ns[i].Pinned && exists[ns[i].ClusterID] {
			fixed[k] = ns[i].ClusterID
		}
	}
	b.gen++
	gen := b.gen
	b.clustering = true
	b.setStatus(b.com.Catalog.Board.Grouping, false)
	lang := b.run.Sess.Lang
	return func() tea.Msg {
		return clusteredMsg{gen: gen, ids: ids, res: cluster.Cluster(texts, cluster.Options{Fixed: fixed, Lang: lang})}
	}
}

// applyClustering turns a clustering run into the board's themes, keeping
// what the facilitator fixed: pinned notes stay in their theme, named
// themes keep their name and identity (id, votes, place), and notes that
// arrived since join a theme.
func (b *Screen) applyClustering(msg clusteredMsg) tea.Cmd {
	ns := b.notes()
	at := make(map[uint64]int, len(ns))
	for i := range ns {
		at[ns[i].ID] = i
	}
	cur := make([]string, len(msg.ids)) // each note's theme now
	for k, id := range msg.ids {
		if i, ok := at[id]; ok {
			cur[k] = ns[i].ClusterID
		}
	}
	cs, assign := mergeClustering(b.Clusters, cur, msg.res)
	t := b.begin()
	b.Clusters = cs
	for k, id := range msg.ids {
		i, ok := at[id]
		if !ok || ns[i].Deleted {
			continue
		}
		n := t.note(i)
		n.ClusterID = assign[k]
	}
	b.setStatus("", false)
	return t.commit(session.OpClusters, b.com.Catalog.Board.Regrouped)
}

// mergeClustering maps a clustering result onto the existing themes. cur
// is each clustered note's theme id before the run. It returns the new
// themes in board order and each note's theme id.
func mergeClustering(old []session.Cluster, cur []string, res cluster.Result) ([]session.Cluster, []string) {
	oldAt := map[string]int{}
	size := map[string]int{}
	for i, c := range old {
		oldAt[c.ID] = i
	}
	for _, id := range cur {
		size[id]++
	}
	match := make([]int, len(res.Groups)) // group → old theme, -1 = new
	taken := make([]bool, len(old))
	for g := range res.Groups {
		match[g] = -1
		if i, ok := oldAt[res.Groups[g].ID]; ok && !taken[i] {
			match[g], taken[i] = i, true
		}
	}
	// Other groups take the identity of the old theme they overlap most:
	// a named theme with any overlap, an unnamed one with half its notes.
	type pair struct{ g, o, n int }
	var pairs []pair
	for g, grp := range res.Groups {
		if match[g] >= 0 {
			continue
		}
		count := map[int]int{}
		for _, k := range grp.Members {
			if o, ok := oldAt[cur[k]]; ok && !taken[o] {
				count[o]++
			}
		}
		for o, n := range count {
			if old[o].Named || 2*n >= size[old[o].ID] {
				pairs = append(pairs, pair{g, o, n})
			}
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		if a.n != b.n {
			return b.n - a.n
		}
		if a.o != b.o {
			return a.o - b.o
		}
		return a.g - b.g
	})
	for _, p := range pairs {
		if match[p.g] < 0 && !taken[p.o] {
			match[p.g], taken[p.o] = p.o, true
		}
	}

	used := map[string]bool{}
	byOld := make([]int, len(old)) // old theme → group, -1 = none
	for i := range byOld {
		byOld[i] = -1
	}
	for g, o := range match {
		if o >= 0 {
			byOld[o] = g
			used[old[o].ID] = true
		}
	}
	for _, c := range old {
		if c.Named {
			used[c.ID] = true
		}
	}
	groupID := make([]string, len(res.Groups))
	var out []session.Cluster
	// Old themes that live on keep their place, in their order.
	for o, c := range old {
		g := byOld[o]
		switch {
		case g >= 0:
			grp := res.Groups[g]
			if !c.Named {
				c.Label = grp.Label
			}
			if !c.PillarSet {
				c.Pillar = grp.Pillar
			}
			c.Terms = slices.Clone(grp.Terms)
			c.Why = slices.Clone(grp.Why)
			groupID[g] = c.ID
			out = append(out, c)
		case c.Named:
			out = append(out, c) // kept, even when empty
		}
	}
	for g, grp := range res.Groups {
		if match[g] >= 0 {
			continue
		}
		id := grp.ID
		if id == "" {
			id = "theme"
		}
		base := id
		for k := 2; used[id]; k++ {
			id = base + "-" + strconv.Itoa(k)
		}
		used[id] = true
		groupID[g] = id
		out = append(out, session.Cluster{ID: id, Label: grp.Label, Terms: slices.Clone(grp.Terms), Why: slices.Clone(grp.Why), Pillar: grp.Pillar})
	}
	for i := range out {
		out[i].Order = i
	}
	assign := make([]string, len(cur))
	for k := range cur {
		if k < len(res.Assign) && res.Assign[k] >= 0 && res.Assign[k] < len(groupID) {
			assign[k] = groupID[res.Assign[k]]
		}
	}
	return out, assign
}

// moveNote puts the selected note into section target by hand; it is
// pinned there, so regrouping keeps it. A note moved out of every theme is
// free again.
func (b *Screen) moveNote(target int) tea.Cmd {
	sec, i := b.selected()
	if i < 0 || target == sec || target < 0 || target > len(b.Clusters) {
		return nil
	}
	t := b.begin()
	n := t.note(i)
	from := n.ClusterID
	n.ClusterID = b.SectionID(target)
	n.Pinned = n.ClusterID != ""
	t.events = append(t.events, session.Event{At: b.com.Now, Type: session.EventNoteMoved, StepIndex: n.StepIndex,
		NoteID: n.ID, Before: from, After: n.ClusterID})
	b.SelCluster = n.ClusterID
	return t.commit(session.OpClusters, fmt.Sprintf(b.com.Catalog.Board.MovedTo, b.sectionName(target)))
}

// mergeInto moves every note of the selected theme into target, adds its
// votes there and removes it. The notes are pinned: the facilitator put
// them together.
func (b *Screen) mergeInto(target int) tea.Cmd {
	sec, i := b.selected()
	if i >= 0 || sec >= len(b.Clusters) || target >= len(b.Clusters) || target < 0 || target == sec {
		return nil
	}
	t := b.begin()
	src, dst := b.Clusters[sec], b.Clusters[target]
	for _, k := range b.Members[sec] {
		n := t.note(k)
		n.ClusterID, n.Pinned = dst.ID, true
	}
	b.Clusters[target].Votes += src.Votes
	b.Clusters = slices.Delete(b.Clusters, sec, sec+1)
	b.SelCluster, b.SelNote = dst.ID, 0
	return t.commit(session.OpClusters, fmt.Sprintf(b.com.Catalog.Board.Merged, layout.Clip(src.Label, 24), layout.Clip(dst.Label, 24)))
}

// splitOut puts the selected note into a new theme of its own, right
// after its theme, named after the note's first words.
func (b *Screen) splitOut() tea.Cmd {
	sec, i := b.selected()
	if i < 0 {
		b.setStatus(b.com.Catalog.Board.SelectNote, false)
		return nil
	}
	t := b.begin()
	n := t.note(i)
	label := firstWords(n.Text, 5)
	c := session.Cluster{ID: b.newID(label), Label: label}
	at := min(sec+1, len(b.Clusters))
	b.Clusters = slices.Insert(b.Clusters, at, c)
	n.ClusterID, n.Pinned = c.ID, true
	b.SelCluster = c.ID
	return t.commit(session.OpClusters, fmt.Sprintf(b.com.Catalog.Board.SplitOut, layout.Clip(label, 30)))
}

// createCluster adds an empty theme after the selected one and opens its
// name for typing.
func (b *Screen) createCluster() tea.Cmd {
	sec, _ := b.selected()
	t := b.begin()
	label := fmt.Sprintf(b.com.Catalog.Board.NewTheme, len(b.Clusters)+1)
	c := session.Cluster{ID: b.newID(label), Label: label}
	at := min(sec+1, len(b.Clusters))
	b.Clusters = slices.Insert(b.Clusters, at, c)
	b.SelCluster, b.SelNote = c.ID, 0
	cmd := t.commit(session.OpClusters, b.com.Catalog.Board.Created)
	b.startRename()
	// The provisional name is a placeholder: what the facilitator types
	// replaces it, Enter on an empty line keeps it.
	b.Input.SetValue("")
	b.Input.Placeholder = textsafe.Display(label)
	b.naming = true
	return cmd
}

// newID makes a theme id from a label, unique on the board.
func (b *Screen) newID(label string) string {
	base := slugOf(label)
	used := map[string]bool{}
	for _, c := range b.Clusters {
		used[c.ID] = true
	}
	for _, n := range b.notes() {
		used[n.ClusterID] = true // a deleted note's theme must not come back by accident
	}
	id := base
	for k := 2; used[id]; k++ {
		id = base + "-" + strconv.Itoa(k)
	}
	return id
}

// slugOf makes a lower-case id of letters, digits and dashes.
func slugOf(s string) string {
	var sb strings.Builder
	dash := false
	for _, r := range strings.ToLower(cluster.Fold(s)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			sb.WriteRune(r)
			dash = false
		case !dash && sb.Len() > 0:
			sb.WriteByte('-')
			dash = true
		}
		if sb.Len() >= 32 {
			break
		}
	}
	out := strings.Trim(sb.String(), "-")
	if out == "" {
		out = "theme"
	}
	return "hand-" + out
}

// firstWords is the start of a note as a theme's name.
func firstWords(s string, n int) string {
	words := strings.Fields(textsafe.Display(s))
	if len(words) > n {
		words = words[:n]
	}
	out := strings.Join(words, " ")
	if r := []rune(out); len(r) > 40 {
		out = string(r[:40])
	}
	return out
}

// startRename opens the inline name line on the selected theme.
func (b *Screen) startRename() {
	// On a note, r renames the theme the note is in: the facilitator's
	// eyes are on the theme, wherever the cursor sits inside it.
	sec, _ := b.selected()
	if sec >= len(b.Clusters) {
		b.setStatus(b.com.Catalog.Board.SelectTheme, false)
		return
	}
	b.Mode = ModeRename
	b.naming = false
	b.Input.SetValue(textsafe.Display(b.Clusters[sec].Label))
	b.Input.Placeholder = b.com.Catalog.Board.RenamePh
	b.Input.CursorEnd()
	b.Input.Focus()
}

// rename names the selected theme; the name is the facilitator's, so
// regrouping keeps it.
func (b *Screen) rename(value string) tea.Cmd {
	sec, _ := b.selected()
	if sec >= len(b.Clusters) {
		return nil
	}
	label, _, err := textsafe.Note(value)
	if err != nil {
		b.setStatus(b.com.Catalog.Board.EmptyName, true)
		return nil
	}
	if r := []rune(label); len(r) > maxLabelRunes {
		label = strings.TrimSpace(string(r[:maxLabelRunes]))
	}
	t := b.begin()
	old := b.Clusters[sec].Label
	b.Clusters[sec].Label, b.Clusters[sec].Named = label, true
	t.events = append(t.events, session.Event{At: b.com.Now, Type: session.EventClusterRenamed, Before: old, After: label})
	return t.commit(session.OpClusters, fmt.Sprintf(b.com.Catalog.Board.Renamed, layout.Clip(label, 30)))
}

// cyclePillar gives the selected theme the next pillar (people → process
// → technology → people), as one undoable change; re-clustering keeps it.
func (b *Screen) cyclePillar() tea.Cmd {
	sec, note := b.selected()
	if note >= 0 || sec >= len(b.Clusters) {
		b.setStatus(b.com.Catalog.Pillar.SelectTheme, false)
		return nil
	}
	t := b.begin()
	c := &b.Clusters[sec]
	c.Pillar, c.PillarSet = c.Pillar.Next(), true
	p := b.com.Catalog.Pillar
	return t.commit(session.OpClusters, fmt.Sprintf(p.Changed, layout.Clip(textsafe.Display(c.Label), 30), p.Name(c.Pillar.String())))
}

// reorder moves the selected theme one place up (-1) or down (+1).
func (b *Screen) reorder(dir int) tea.Cmd {
	sec, _ := b.selected()
	to := sec + dir
	if sec >= len(b.Clusters) || to < 0 || to >= len(b.Clusters) {
		return nil
	}
	t := b.begin()
	b.Clusters[sec], b.Clusters[to] = b.Clusters[to], b.Clusters[sec]
	return t.commit(session.OpClusters, b.com.Catalog.Board.Reordered)
}

// deleteCluster removes the selected theme when no live note is in it.
func (b *Screen) deleteCluster() tea.Cmd {
	sec, i := b.selected()
	if i >= 0 || sec >= len(b.Clusters) {
		b.setStatus(b.com.Catalog.Board.SelectTheme, false)
		return nil
	}
	if len(b.Members[sec]) > 0 {
		b.setStatus(b.com.Catalog.Board.NotEmpty, true)
		return nil
	}
	t := b.begin()
	label := b.Clusters[sec].Label
	b.Clusters = slices.Delete(b.Clusters, sec, sec+1)
	next := min(sec, len(b.Clusters)-1)
	b.SelCluster, b.SelNote = "", 0
	if next >= 0 {
		b.SelCluster = b.Clusters[next].ID
	}
	return t.commit(session.OpClusters, fmt.Sprintf(b.com.Catalog.Board.DeletedTheme, layout.Clip(label, 30)))
}

// sectionName is a section's name as shown.
func (b *Screen) sectionName(s int) string {
	if s >= len(b.Clusters) || s < 0 {
		return b.com.Catalog.Board.Unclustered
	}
	return layout.Clip(b.Clusters[s].Label, 30)
}

// SectionVotes is a theme's tally as the export ranks it: its own votes
// plus the votes on its notes.
func (b *Screen) SectionVotes(s int) int {
	v := 0
	if s < len(b.Clusters) {
		v = b.Clusters[s].Votes
	}
	ns := b.notes()
	for _, i := range b.Members[s] {
		v += ns[i].Votes
	}
	return v
}
