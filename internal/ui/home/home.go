package home

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/i18n"
	"liberate/internal/session"
	"liberate/internal/structure"
	"liberate/internal/textsafe"
	"liberate/internal/ui/common"
	"liberate/internal/ui/format"
	"liberate/internal/ui/layout"
)

// SessionInfo is one line of the home screen's session list.
type SessionInfo struct {
	ID       string
	Title    string
	Slugs    []string
	Created  time.Time
	Updated  time.Time
	Notes    int
	Finished bool
	// Rehearsal marks a trial run; SeriesPos/SeriesLen its place in a
	// series of follow-ups (SeriesLen 1 = on its own).
	Rehearsal bool
	SeriesPos int
	SeriesLen int
}

// Source gives the home screen what it lists, starts and exports.
type Source interface {
	Sessions() ([]SessionInfo, error)
	Start(slugs []string, participants int) (*session.Session, error)
	Open(id string) (*session.Session, []session.Note, session.History, error)
	Export(id string) (string, error)
}

// The smallest window the home screen lays out in; below it a notice asks
// for more room.
const (
	homeMinWidth  = 40
	homeMinHeight = 10
	// homeWide is the width from which the list and its preview stand side
	// by side instead of one above the other.
	homeWide = 100
	// MaxQuery bounds the filter, so a pasted page cannot slow down typing.
	MaxQuery = 80
)

// Pane is which half of the home screen has the keys.
type Pane int

const (
	PaneStructures Pane = iota
	PaneSessions
)

// String names the pane.
func (p Pane) String() string {
	if p == PaneSessions {
		return "sessions"
	}
	return "structures"
}

// homeOp is what the home screen asked its source to do.
type homeOp int

const (
	opStart homeOp = iota
	opOpen
	opExport
)

// Messages of the home screen's commands.
type (
	sessionsLoadedMsg struct {
		list []SessionInfo
		err  error
	}
	homeFailedMsg struct {
		op   homeOp
		name string
		err  error
	}
	homeExportedMsg struct{ path string }
	// StartMsg asks the root to open the run screen on a new or resumed
	// session, with its notes and undo history.
	StartMsg struct {
		Sess  *session.Session
		Notes []session.Note
		Hist  session.History
		Board bool // open on the board
	}
)

// Entry is a structure or string of the list, with the texts the
// filter searches, squashed once.
type Entry struct {
	Structure *structure.Structure
	Name      string   // in the interface language, safe to show
	names     []string // English and Dutch names
	keys      []string // slug and aliases
	cats      []string // category codes and their words in both languages
	purpose   []string // both languages

	minutes  float64
	minDone  bool
	plan     []structure.PlannedStep
	planErr  error
	planDone bool
}

// Screen lists the structures and strings to start, filtered as the
// facilitator types, with the steps of the highlighted one; and the recent
// sessions to resume or export.
type Screen struct {
	com  *common.Common
	lib  *structure.Library
	src  Source // nil when running a session directly
	quit func() tea.Cmd
	// Pane has the keys; Query filters Entries into Shown (best first),
	// of which Sel is highlighted; Sessions are the recent sessions.
	Pane Pane

	Query   string
	Entries []*Entry
	Shown   []*Entry
	Sel     int
	top     int

	Sessions []SessionInfo
	loaded   bool
	loadErr  error
	sSel     int
	sTop     int

	rows      int // list rows of the last frame, for PgUp/PgDn
	tidy      tidyState
	busy      bool
	status    string
	statusErr bool
}

// New returns the home screen listing lib's structures and src's sessions;
// quit is how the root model leaves.
func New(com *common.Common, lib *structure.Library, src Source, quit func() tea.Cmd) *Screen {
	h := &Screen{com: com, lib: lib, src: src, quit: quit, rows: 10}
	h.Entries = buildEntries(lib, com.Catalog.Lang)
	h.refilter()
	return h
}

// buildEntries lists the structures, then the strings, each sorted by
// their name in lang.
func buildEntries(lib *structure.Library, lang string) []*Entry {
	if lib == nil {
		return nil
	}
	en, nl := i18n.For("en"), i18n.For("nl")
	var structures, strs []*Entry
	for _, s := range lib.All() {
		e := &Entry{Structure: s, Name: textsafe.Display(s.Name.In(lang))}
		for _, n := range []string{s.Name.EN, s.Name.NL} {
			if n != "" {
				e.names = append(e.names, squash(n))
			}
		}
		e.keys = append(e.keys, squash(s.Slug))
		for _, a := range s.Aliases {
			e.keys = append(e.keys, squash(a))
		}
		for _, c := range s.Categories {
			c = strings.ToLower(c)
			e.cats = append(e.cats, squash(c), squash(en.CLI.Categories[c]), squash(nl.CLI.Categories[c]))
		}
		for _, p := range []string{s.Purpose.EN, s.Purpose.NL} {
			if p != "" {
				e.purpose = append(e.purpose, squash(p))
			}
		}
		if s.Kind == structure.KindString {
			strs = append(strs, e)
		} else {
			structures = append(structures, e)
		}
	}
	byName := func(list []*Entry) {
		sort.SliceStable(list, func(i, j int) bool {
			return strings.ToLower(list[i].Name) < strings.ToLower(list[j].Name)
		})
	}
	byName(structures)
	byName(strs)
	return append(structures, strs...)
}

var foldAccents = strings.NewReplacer(
	"á", "a", "à", "a", "ä", "a", "â", "a",
	"é", "e", "è", "e", "ë", "e", "ê", "e",
	"í", "i", "ì", "i", "ï", "i", "î", "i",
	"ó", "o", "ò", "o", "ö", "o", "ô", "o",
	"ú", "u", "ù", "u", "ü", "u", "û", "u",
	"ç", "c", "ñ", "n", "³", "3", "²", "2",
)

// squash keeps the lower-case letters and digits of s without accents, so
// "1-2-4" finds "1-2-4-All" and "cafe" finds "Café".
func squash(s string) string {
	s = foldAccents.Replace(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// wordStarts reports whether a word of name (split at anything that is not
// a letter or digit) starts with tok.
func wordStarts(name, tok string) bool {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if strings.HasPrefix(squash(w), tok) {
			return true
		}
	}
	return false
}

// score ranks how well e matches one squashed token: lower is better, -1
// when it does not match.
func (e *Entry) score(tok string) int {
	best := -1
	try := func(rank int, ok bool) {
		if ok && (best < 0 || rank < best) {
			best = rank
		}
	}
	for _, n := range e.names {
		try(0, strings.HasPrefix(n, tok))
		try(3, strings.Contains(n, tok))
	}
	for _, n := range []string{e.Structure.Name.EN, e.Structure.Name.NL} {
		try(1, wordStarts(n, tok))
	}
	for _, k := range e.keys {
		try(2, strings.HasPrefix(k, tok))
		try(3, strings.Contains(k, tok))
	}
	for _, c := range e.cats {
		try(4, c != "" && strings.Contains(c, tok))
	}
	for _, p := range e.purpose {
		try(5, strings.Contains(p, tok))
	}
	return best
}

// refilter recomputes the entries that match the query, best first; every
// word of the query must match somewhere.
func (h *Screen) refilter() {
	var toks []string
	for _, w := range strings.Fields(h.Query) {
		if t := squash(w); t != "" {
			toks = append(toks, t)
		}
	}
	if len(toks) == 0 {
		h.Shown = append(h.Shown[:0], h.Entries...)
		h.Sel, h.top = 0, 0
		return
	}
	type hit struct {
		e     *Entry
		score int
	}
	var hits []hit
outer:
	for _, e := range h.Entries {
		total := 0
		for _, t := range toks {
			s := e.score(t)
			if s < 0 {
				continue outer
			}
			total += s
		}
		hits = append(hits, hit{e, total})
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].score < hits[j].score })
	h.Shown = h.Shown[:0]
	for _, x := range hits {
		h.Shown = append(h.Shown, x.e)
	}
	h.Sel, h.top = 0, 0
}

func (h *Screen) selected() *Entry {
	if h.Sel < 0 || h.Sel >= len(h.Shown) {
		return nil
	}
	return h.Shown[h.Sel]
}

func (h *Screen) selectedSession() (SessionInfo, bool) {
	if h.sSel < 0 || h.sSel >= len(h.Sessions) {
		return SessionInfo{}, false
	}
	return h.Sessions[h.sSel], true
}

// entryMinutes is the planned length of e, computed the first time e is
// shown.
func (h *Screen) entryMinutes(e *Entry) float64 {
	if !e.minDone {
		e.minutes, e.minDone = h.lib.TotalMinutes(e.Structure), true
	}
	return e.minutes
}

// entryPlan is the default plan of e, computed the first time e is
// highlighted.
func (h *Screen) entryPlan(e *Entry) ([]structure.PlannedStep, error) {
	if !e.planDone {
		e.plan, e.planErr = h.lib.Plan([]string{e.Structure.Slug}, structure.PlanOptions{})
		e.planDone = true
	}
	return e.plan, e.planErr
}

// ---- commands ----

// Init loads the sessions.
func (h *Screen) Init() tea.Cmd { return h.load() }

// load reads the session list in a command.
func (h *Screen) load() tea.Cmd {
	src := h.src
	if src == nil {
		h.loaded = true
		return nil
	}
	return func() tea.Msg {
		list, err := src.Sessions()
		return sessionsLoadedMsg{list: list, err: err}
	}
}

func (h *Screen) start() tea.Cmd {
	e := h.selected()
	if e == nil || h.busy {
		return nil
	}
	src := h.src
	if src == nil {
		h.setStatus(h.com.Catalog.Home.NoSource, true)
		return nil
	}
	h.busy = true
	h.setStatus(fmt.Sprintf(h.com.Catalog.Home.Starting, e.Name), false)
	slug, name := e.Structure.Slug, e.Name
	return func() tea.Msg {
		sess, err := src.Start([]string{slug}, 0)
		if err == nil && sess == nil {
			err = errors.New("no session was created")
		}
		if err != nil {
			return homeFailedMsg{op: opStart, name: name, err: err}
		}
		return StartMsg{Sess: sess}
	}
}

// open resumes the selected session; with board it opens on its board,
// to cluster, correct and vote on the notes of a session already run.
func (h *Screen) open(board bool) tea.Cmd {
	info, ok := h.selectedSession()
	if !ok || h.busy || h.src == nil {
		return nil
	}
	h.busy = true
	h.setStatus(h.com.Catalog.Home.Opening, false)
	src, id := h.src, info.ID
	return func() tea.Msg {
		sess, notes, hist, err := src.Open(id)
		if err == nil && sess == nil {
			err = errors.New("the session is empty")
		}
		if err != nil {
			return homeFailedMsg{op: opOpen, err: err}
		}
		return StartMsg{Sess: sess, Notes: notes, Hist: hist, Board: board}
	}
}

func (h *Screen) export() tea.Cmd {
	info, ok := h.selectedSession()
	if !ok || h.src == nil {
		return nil
	}
	h.setStatus(h.com.Catalog.Home.Exporting, false)
	src, id := h.src, info.ID
	return func() tea.Msg {
		path, err := src.Export(id)
		if err != nil {
			return homeFailedMsg{op: opExport, err: err}
		}
		return homeExportedMsg{path: path}
	}
}

// Returned is called when the facilitator comes back from a session: the
// list is read again so it shows the notes and state just saved.
func (h *Screen) Returned() tea.Cmd {
	h.busy = false
	h.status = ""
	return h.load()
}

func (h *Screen) setStatus(s string, isErr bool) {
	h.status, h.statusErr = textsafe.Display(s), isErr
}

// HandleMsg handles the results of the home screen's commands.
func (h *Screen) HandleMsg(msg tea.Msg) (tea.Cmd, bool) {
	cat := h.com.Catalog.Home
	switch msg := msg.(type) {
	case sessionsLoadedMsg:
		h.loaded, h.loadErr = true, msg.err
		if msg.err == nil {
			var keep string
			if s, ok := h.selectedSession(); ok {
				keep = s.ID
			}
			h.Sessions = append([]SessionInfo(nil), msg.list...)
			sort.SliceStable(h.Sessions, func(i, j int) bool {
				return lastChange(h.Sessions[i]).After(lastChange(h.Sessions[j]))
			})
			h.sSel = 0
			for i, s := range h.Sessions {
				if s.ID == keep {
					h.sSel = i
				}
			}
		}
		return nil, true
	case homeFailedMsg:
		h.busy = false
		switch msg.op {
		case opStart:
			h.setStatus(fmt.Sprintf(cat.StartFailed, msg.name, format.SaveError(msg.err)), true)
		case opOpen:
			h.setStatus(fmt.Sprintf(cat.OpenFailed, format.SaveError(msg.err)), true)
		default:
			h.setStatus(fmt.Sprintf(cat.ExportFailed, format.SaveError(msg.err)), true)
		}
		return nil, true
	case homeExportedMsg:
		h.setStatus(fmt.Sprintf(cat.Exported, msg.path), false)
		return nil, true
	case tidiedMsg:
		return h.handleTidied(msg), true
	}
	return nil, false
}

func lastChange(s SessionInfo) time.Time {
	if s.Updated.IsZero() {
		return s.Created
	}
	return s.Updated
}

// ---- keys ----

// homeKeys are the bindings of the home screen, labelled in the
// catalogue's language. Letters type into the filter, so every action of
// the structures pane is on Enter, Tab, Esc, arrows or a control key.
type homeKeys struct {
	Type, Start, Resume, Board, Export, Move, Page, Sessions, Structures, Clear, Quit, CtrlQuit key.Binding
}

func newHomeKeys(c *i18n.Catalog) homeKeys {
	hc := c.Home
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return homeKeys{
		Type:       b("a–z", hc.KeyType, "a"),
		Start:      b("enter", hc.KeyStart, "enter"),
		Resume:     b("enter", hc.KeyResume, "enter"),
		Board:      b("b", hc.KeyBoard, "b"),
		Export:     b("e", hc.KeyExport, "e"),
		Move:       b("↑/↓", hc.KeyMove, "up", "down", "ctrl+p", "ctrl+n"),
		Page:       b("pgup/pgdn", hc.KeyPage, "pgup", "pgdown", "home", "end"),
		Sessions:   b("tab", hc.KeySessions, "tab", "shift+tab"),
		Structures: b("tab", hc.KeyStructures, "tab", "shift+tab"),
		Clear:      b("esc", hc.KeyClear, "esc"),
		Quit:       b("q", hc.KeyQuit, "q"),
		CtrlQuit:   b("ctrl+c", hc.KeyQuit, "ctrl+c"),
	}
}

// HandleKey routes a key press to the pane that has the keys.
func (h *Screen) HandleKey(msg tea.KeyPressMsg) tea.Cmd {
	if msg.Code == 0 && msg.Text == "" {
		return nil
	}
	if cmd, ok := h.handleTidyKey(msg); ok {
		return cmd
	}
	s := msg.String()
	// Moving and switching work the same in both panes.
	switch s {
	case "tab", "shift+tab":
		if h.Pane == PaneStructures {
			h.Pane = PaneSessions
		} else {
			h.Pane = PaneStructures
		}
		return nil
	case "up", "ctrl+p":
		h.move(-1)
		return nil
	case "down", "ctrl+n":
		h.move(+1)
		return nil
	case "pgup":
		h.move(-max(1, h.rows-1))
		return nil
	case "pgdown":
		h.move(max(1, h.rows-1))
		return nil
	case "home":
		h.move(-1 << 30)
		return nil
	case "end":
		h.move(1 << 30)
		return nil
	}
	if h.Pane == PaneSessions {
		switch s {
		case "enter":
			return h.open(false)
		case "b":
			return h.open(true)
		case "e":
			return h.export()
		case "q":
			return h.quit()
		case "esc":
			h.Pane = PaneStructures
			return nil
		}
		// Anything else typed goes to the filter of the structures.
		if typed(msg) != "" {
			h.Pane = PaneStructures
		} else {
			return nil
		}
	}
	switch s {
	case "enter":
		return h.start()
	case "esc":
		h.setQuery("")
		h.status = ""
		return nil
	case "backspace":
		rs := []rune(h.Query)
		if len(rs) > 0 {
			h.setQuery(string(rs[:len(rs)-1]))
		}
		return nil
	case "ctrl+w", "alt+backspace":
		q := strings.TrimRightFunc(h.Query, unicode.IsSpace)
		if i := strings.LastIndexFunc(q, unicode.IsSpace); i >= 0 {
			h.setQuery(q[:i+1])
		} else {
			h.setQuery("")
		}
		return nil
	case "ctrl+u":
		h.setQuery("")
		return nil
	case "q":
		if h.Query == "" {
			return h.quit()
		}
	}
	if t := typed(msg); t != "" {
		h.setQuery(h.Query + t)
	}
	return nil
}

// typed is the printable text a key press types, or "".
func typed(msg tea.KeyPressMsg) string {
	if msg.Text == "" || msg.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModSuper) != 0 {
		return ""
	}
	for _, r := range msg.Text {
		if !unicode.IsPrint(r) {
			return ""
		}
	}
	return msg.Text
}

func (h *Screen) setQuery(q string) {
	if rs := []rune(q); len(rs) > MaxQuery {
		q = string(rs[:MaxQuery])
	}
	if strings.TrimSpace(q) == "" && q != "" {
		q = "" // a leading space filters nothing
	}
	if q == h.Query {
		return
	}
	h.Query = q
	if h.statusErr {
		h.status, h.statusErr = "", false
	}
	h.refilter()
}

// Paste types pasted text into the filter.
func (h *Screen) Paste(s string) tea.Cmd {
	h.Pane = PaneStructures
	h.setQuery(h.Query + textsafe.Display(s))
	return nil
}

// move moves the highlight of the focused pane by d rows.
func (h *Screen) move(d int) {
	n, sel := len(h.Shown), &h.Sel
	if h.Pane == PaneSessions {
		n, sel = len(h.Sessions), &h.sSel
	}
	if n == 0 {
		*sel = 0
		return
	}
	v := *sel + d
	if d < -n || v < 0 {
		v = 0
	}
	if d > n || v >= n {
		v = n - 1
	}
	*sel = v
}

// ---- rendering ----

// View renders the home screen in width × height cells.
func (h *Screen) View(width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	if width < homeMinWidth || height < homeMinHeight {
		return h.tinyView(width, height)
	}
	st := h.com.Styles
	var out []string
	out = append(out, h.topLine(width))
	if h.Pane == PaneStructures {
		out = append(out, h.filterLine(width))
	} else {
		out = append(out, h.sessionsHeader(width))
	}
	out = append(out, st.Muted.Render(strings.Repeat("─", width)))
	bodyH := height - len(out) - 2
	var body []string
	if h.Pane == PaneStructures {
		body = h.structuresBody(width, bodyH)
	} else {
		body = h.sessionsBody(width, bodyH)
	}
	for len(body) < bodyH {
		body = append(body, "")
	}
	out = append(out, body[:bodyH]...)
	status := h.statusLine(width)
	if h.tidy.renaming != "" {
		status = h.renameLine(width)
	}
	out = append(out, status, h.helpLine(width))
	for i := range out {
		out[i] = ansi.Truncate(out[i], width, "")
	}
	return strings.Join(out, "\n")
}

// tinyView asks for a larger window.
func (h *Screen) tinyView(width, height int) string {
	st := h.com.Styles
	lines := []string{st.Title.Render(ansi.Truncate("liberate", width, ""))}
	msg := fmt.Sprintf(h.com.Catalog.Home.TooSmall, homeMinWidth, homeMinHeight)
	if height >= 2 {
		for _, l := range layout.Wrap(msg, width, height-1) {
			lines = append(lines, st.Muted.Render(l))
		}
	}
	if len(lines) > height {
		lines = lines[:height]
	}
	return strings.Join(lines, "\n")
}

// topLine names the app and shows the two panes as tabs; the focused one
// carries a marker, so it shows without colour too.
func (h *Screen) topLine(width int) string {
	st := h.com.Styles
	cat := h.com.Catalog.Home
	tab := func(p Pane, label string) string {
		if p == h.Pane {
			return st.Selected.Render("▸ " + label + " ")
		}
		return st.Muted.Render("  " + label + " ")
	}
	sessions := fmt.Sprintf(cat.TabSessions, len(h.Sessions))
	left := st.Title.Render("liberate") + "  " + tab(PaneStructures, cat.TabStart) + " " + tab(PaneSessions, sessions)
	right := st.HeaderDim.Render(cat.Tagline)
	lw, rw := ansi.StringWidth(left), ansi.StringWidth(right)
	if lw+rw+2 > width {
		return left
	}
	return left + strings.Repeat(" ", width-lw-rw) + right
}

// filterLine shows what is typed, with a cursor, and how many entries match.
func (h *Screen) filterLine(width int) string {
	st := h.com.Styles
	cat := h.com.Catalog.Home
	label := st.CaptureKind.Render(cat.Filter + " › ")
	cursor := st.Selected.Render(" ")
	count := st.Muted.Render(fmt.Sprintf(cat.Count, len(h.Shown), len(h.Entries)))
	cw := ansi.StringWidth(count)
	room := width - ansi.StringWidth(label) - 1 - cw - 2
	var q string
	if h.Query == "" {
		q = cursor + st.Muted.Render(ansi.Truncate(cat.FilterPh, max(0, room), "…"))
	} else {
		// Keep the end of a long query, where the typing happens, in view.
		text := h.Query
		if ansi.StringWidth(text) > room {
			text = ansi.TruncateLeft(text, ansi.StringWidth(text)-room+1, "…")
		}
		q = st.Capture.Render(text) + cursor
	}
	line := label + q
	gap := width - ansi.StringWidth(line) - cw
	if gap < 2 {
		return line
	}
	return line + strings.Repeat(" ", gap) + count
}

// structuresBody is the list and the preview of the highlighted entry:
// side by side on a wide window, one above the other on a narrow one.
func (h *Screen) structuresBody(width, height int) []string {
	st := h.com.Styles
	if width >= homeWide {
		listW := min(72, max(44, width*42/100))
		prevW := width - listW - 3
		list := h.listRows(listW, height)
		prev := h.preview(prevW, height)
		out := make([]string, height)
		sep := st.Muted.Render(" │ ")
		for i := range out {
			var l, p string
			if i < len(list) {
				l = list[i]
			}
			if i < len(prev) {
				p = prev[i]
			}
			out[i] = layout.PadRight(l, listW) + sep + p
		}
		return out
	}
	listH := max(3, height/2)
	if len(h.Shown) < listH {
		listH = max(3, len(h.Shown))
	}
	if listH > height {
		listH = height
	}
	out := h.listRows(width, listH)
	for len(out) < listH {
		out = append(out, "")
	}
	if rest := height - listH - 1; rest > 0 {
		out = append(out, st.Muted.Render(strings.Repeat("┄", width)))
		out = append(out, h.preview(width, rest)...)
	}
	return out
}

// listRows renders the visible window of the filtered list, keeping the
// highlighted entry in view. Only the rows shown are computed.
func (h *Screen) listRows(width, rows int) []string {
	st := h.com.Styles
	cat := h.com.Catalog.Home
	h.rows = rows
	if len(h.Shown) == 0 {
		if h.Query == "" {
			return nil
		}
		out := layout.Wrap(fmt.Sprintf(cat.NoMatch, h.Query), width-2, 2)
		for i := range out {
			out[i] = "  " + st.StatusWarning.Render(out[i])
		}
		for _, l := range layout.Wrap(cat.NoMatchHint, width-2, 2) {
			out = append(out, "  "+st.Muted.Render(l))
		}
		return out
	}
	h.top = scrollTop(h.Sel, h.top, rows, len(h.Shown))
	minW := 7
	catW := 0
	if width >= 60 {
		catW = min(24, width/4)
	}
	nameW := width - 2 - 2 - minW
	if catW > 0 {
		nameW -= catW + 2
	}
	var out []string
	for i := h.top; i < len(h.Shown) && len(out) < rows; i++ {
		e := h.Shown[i]
		mins := fmt.Sprintf(cat.Minutes, format.Minutes(time.Duration(h.entryMinutes(e)*float64(time.Minute)).Round(time.Second)))
		marker := "  "
		if i == h.Sel {
			marker = "▶ "
		}
		name := layout.PadRight(ansi.Truncate(e.Name, nameW, "…"), nameW)
		line := marker + name + "  " + layout.PadLeft(mins, minW)
		tail := ""
		if catW > 0 {
			tail = "  " + layout.PadRight(ansi.Truncate(h.categories(e), catW, "…"), catW)
		}
		if i == h.Sel {
			out = append(out, st.Selected.Render(layout.PadRight(line+tail, width)))
			continue
		}
		out = append(out, st.Item.Render(line)+st.Muted.Render(tail))
	}
	return out
}

// scrollTop is the first visible row of a list of n rows shown rows at a
// time, moved as little as possible to keep sel in view.
func scrollTop(sel, top, rows, n int) int {
	if rows <= 0 {
		return 0
	}
	if sel < top {
		top = sel
	}
	if sel >= top+rows {
		top = sel - rows + 1
	}
	if top > n-rows {
		top = n - rows
	}
	if top < 0 {
		top = 0
	}
	return top
}

// categories are e's categories in words, or for a string how many
// structures it runs.
func (h *Screen) categories(e *Entry) string {
	if e.Structure.Kind == structure.KindString {
		return fmt.Sprintf(h.com.Catalog.Home.StringOf, len(e.Structure.Items))
	}
	var words []string
	for _, c := range e.Structure.Categories {
		w := h.com.Catalog.CLI.Categories[strings.ToLower(c)]
		if w == "" {
			w = c
		}
		words = append(words, strings.ToLower(w))
	}
	return textsafe.Display(strings.Join(words, ", "))
}

// preview shows the highlighted entry: name, purpose and its steps with
// minutes and group configuration, as many as fit.
func (h *Screen) preview(width, height int) []string {
	e := h.selected()
	if e == nil || height <= 0 || width <= 0 {
		return nil
	}
	st := h.com.Styles
	cat := h.com.Catalog.Home
	lang := h.com.Catalog.Lang
	var out []string
	out = append(out, st.Header.Render(ansi.Truncate(e.Name, width, "…")))
	purposeLines := 2
	if height >= 20 {
		purposeLines = 3
	}
	for _, l := range layout.Wrap(textsafe.Display(e.Structure.Purpose.In(lang)), width, purposeLines) {
		out = append(out, st.Invitation.Render(l))
	}
	plan, err := h.entryPlan(e)
	if err != nil {
		for _, l := range layout.Wrap(fmt.Sprintf(cat.PlanFailed, format.SaveError(err)), width, 2) {
			out = append(out, st.Error.Render(l))
		}
		return out
	}
	meta := fmt.Sprintf(cat.Steps, len(plan), format.Minutes(time.Duration(h.entryMinutes(e)*float64(time.Minute)).Round(time.Second)))
	if c := h.categories(e); c != "" {
		meta += " · " + c
	}
	out = append(out, st.Muted.Render(ansi.Truncate(meta, width, "…")))
	if e.Structure.Confidential {
		out = append(out, st.Accent.Render(ansi.Truncate(cat.Confidential, width, "…")))
	}
	out = append(out, "")

	minW := 7
	cfgW := 0
	if width >= 48 {
		cfgW = min(22, width/3)
		if width >= 110 {
			cfgW = 30
		}
	}
	labelW := width - 2 - minW - 1
	if cfgW > 0 {
		labelW -= cfgW + 2
	}
	// On a wide window the minutes stay close to their labels.
	labelW = min(labelW, 56)
	lastStructure := -1
	for i := range plan {
		p := &plan[i]
		var rows []string
		if p.StructureCount > 1 && p.StructureIndex != lastStructure {
			rows = append(rows, st.Accent.Render(ansi.Truncate(format.StructureHeading(*p, lang), width, "…")))
		}
		lastStructure = p.StructureIndex
		label := p.Label.In(lang)
		if ct := h.counterText(p); ct != "" {
			label += " · " + ct
		}
		mins := cat.Untimed
		if p.Timed {
			mins = fmt.Sprintf(cat.Minutes, format.Minutes(p.Planned))
		}
		line := "  " + layout.PadRight(ansi.Truncate(textsafe.Display(label), labelW, "…"), labelW) + " " + layout.PadLeft(mins, minW)
		if cfgW > 0 {
			line += "  " + st.Muted.Render(ansi.Truncate(structure.ConfigWords(p.Config, lang), cfgW, "…"))
		}
		rows = append(rows, st.Item.Render(line))
		// Keep the last row for "… n more" when steps remain.
		left := height - len(out)
		if i < len(plan)-1 {
			left--
		}
		if len(rows) > left {
			more := len(plan) - i
			out = append(out, st.Muted.Render(ansi.Truncate(fmt.Sprintf(cat.MoreSteps, more), width, "")))
			return out
		}
		out = append(out, rows...)
	}
	if len(out) > height {
		out = out[:height]
	}
	return out
}

// counterText is a step's round or turn counters, "Client 2/3".
func (h *Screen) counterText(p *structure.PlannedStep) string {
	var parts []string
	for _, ct := range p.Counters {
		name := h.com.Catalog.Run.Counters[ct.Kind]
		if name == "" {
			name = ct.Kind
		}
		if ct.N > 0 {
			parts = append(parts, fmt.Sprintf("%s %d/%d", name, ct.I, ct.N))
		} else {
			parts = append(parts, fmt.Sprintf("%s %d", name, ct.I))
		}
	}
	return strings.Join(parts, " · ")
}

// session list columns.
const (
	sessDateW  = 16
	sessNotesW = 12
	sessStateW = 10
)

func (h *Screen) sessionCols(width int) (titleW int, showNotes bool) {
	titleW = width - 2 - 2 - sessDateW - 2 - sessStateW
	showNotes = titleW-sessNotesW-2 >= 16
	if showNotes {
		titleW -= sessNotesW + 2
	}
	return max(1, titleW), showNotes
}

// sessionsHeader names the columns of the session list.
func (h *Screen) sessionsHeader(width int) string {
	titleW, showNotes := h.sessionCols(width)
	cat := h.com.Catalog
	line := "  " + layout.PadRight(cat.Home.ColTitle, titleW) + "  " + layout.PadRight(cat.Home.ColChanged, sessDateW)
	if showNotes {
		line += "  " + layout.PadLeft(cat.Home.ColNotes, sessNotesW)
	}
	return h.com.Styles.HeaderDim.Render(line)
}

// sessionsBody is the session list and the details of the highlighted
// session.
func (h *Screen) sessionsBody(width, height int) []string {
	st := h.com.Styles
	cat := h.com.Catalog.Home
	switch {
	case h.src == nil:
		return layout.Wrap(cat.NoSource, width, height)
	case h.loadErr != nil:
		return []string{st.Error.Render(ansi.Truncate(fmt.Sprintf(cat.LoadFailed, format.SaveError(h.loadErr)), width, "…"))}
	case !h.loaded:
		return []string{st.Muted.Render(cat.Loading)}
	case len(h.Sessions) == 0:
		var out []string
		for _, l := range layout.Wrap(cat.NoSessions, width-2, 3) {
			out = append(out, "  "+st.Muted.Render(l))
		}
		return out
	}
	// The details need a few rows under the list, which gets the rest.
	listH := max(3, height-8)
	if len(h.Sessions) < listH {
		listH = len(h.Sessions)
	}
	out := h.sessionRows(width, listH)
	if rest := height - listH - 1; rest > 0 {
		out = append(out, st.Muted.Render(strings.Repeat("┄", width)))
		out = append(out, h.sessionDetail(width, rest)...)
	}
	return out
}

// sessionRows renders the visible window of the session list.
func (h *Screen) sessionRows(width, rows int) []string {
	st := h.com.Styles
	h.rows = rows
	h.sTop = scrollTop(h.sSel, h.sTop, rows, len(h.Sessions))
	titleW, showNotes := h.sessionCols(width)
	var out []string
	for i := h.sTop; i < len(h.Sessions) && len(out) < rows; i++ {
		s := h.Sessions[i]
		marker := "  "
		if i == h.sSel {
			marker = "▶ "
		}
		line := marker + layout.PadRight(ansi.Truncate(h.sessionTitle(s)+h.sessionMarks(s), titleW, "…"), titleW) +
			"  " + layout.PadRight(lastChange(s).Local().Format("2006-01-02 15:04"), sessDateW)
		if showNotes {
			line += "  " + layout.PadLeft(h.notesText(s.Notes), sessNotesW)
		}
		line += "  " + h.stateText(s)
		if i == h.sSel {
			out = append(out, st.Selected.Render(layout.PadRight(line, width)))
			continue
		}
		out = append(out, st.Item.Render(line))
	}
	return out
}

func (h *Screen) sessionTitle(s SessionInfo) string {
	if t := textsafe.Display(s.Title); strings.TrimSpace(t) != "" {
		return t
	}
	return h.com.Catalog.Home.Untitled
}

func (h *Screen) notesText(n int) string {
	if n == 1 {
		return h.com.Catalog.Home.OneNote
	}
	return fmt.Sprintf(h.com.Catalog.Home.Notes, n)
}

// stateText says in words (and a mark) whether a session can go on.
func (h *Screen) stateText(s SessionInfo) string {
	if s.Finished {
		return "✓ " + h.com.Catalog.Home.Finished
	}
	return "○ " + h.com.Catalog.Home.Open
}

// sessionDetail describes the highlighted session.
func (h *Screen) sessionDetail(width, height int) []string {
	s, ok := h.selectedSession()
	if !ok || width <= 0 || height <= 0 {
		return nil
	}
	st := h.com.Styles
	cat := h.com.Catalog.Home
	lang := h.com.Catalog.Lang
	var names []string
	for _, slug := range s.Slugs {
		name := slug
		if lib := h.lib; lib != nil {
			if d, ok := lib.Get(slug); ok {
				name = d.Name.In(lang)
			}
		}
		names = append(names, textsafe.Display(name))
	}
	var out []string
	out = append(out, st.Header.Render(ansi.Truncate(h.sessionTitle(s), width, "…")))
	if len(names) > 0 {
		for _, l := range layout.Wrap(cat.Structures+": "+strings.Join(names, " → "), width, 2) {
			out = append(out, st.Item.Render(l))
		}
	}
	date := func(t time.Time) string { return t.Local().Format("2006-01-02 15:04") }
	facts := []string{
		fmt.Sprintf(cat.Started, date(s.Created)),
		fmt.Sprintf(cat.Changed, date(lastChange(s))),
		h.notesText(s.Notes) + " · " + h.stateText(s),
	}
	for _, f := range facts {
		out = append(out, st.Muted.Render(ansi.Truncate(f, width, "…")))
	}
	out = append(out, st.HeaderDim.Render(ansi.Truncate(textsafe.Display(s.ID), width, "…")))
	if len(out) > height {
		out = out[:height]
	}
	return out
}

// statusLine shows the outcome of the last action in one line, or the
// command that starts the highlighted entry from a shell.
func (h *Screen) statusLine(width int) string {
	st := h.com.Styles
	if h.status != "" {
		style := st.Info
		if h.statusErr {
			style = st.Error
		}
		return style.Render(ansi.Truncate(h.status, width, "…"))
	}
	if h.Pane == PaneStructures {
		if e := h.selected(); e != nil {
			return st.Muted.Render(ansi.Truncate("liberate run "+textsafe.Display(e.Structure.Slug), width, "…"))
		}
	}
	return ""
}

// helpLine shows only the keys that work right now.
func (h *Screen) helpLine(width int) string {
	k := newHomeKeys(h.com.Catalog)
	if h.Pane == PaneSessions {
		has := len(h.Sessions) > 0 && h.src != nil
		_, tidy := h.tidier()
		fu := h.com.Catalog.FollowUp
		b := func(keyName, desc string, on bool) key.Binding {
			return layout.WithEnabled(key.NewBinding(key.WithKeys(keyName), key.WithHelp(keyName, desc)), on)
		}
		return layout.HelpLine(h.com.Styles, width,
			layout.WithEnabled(k.Resume, has && !h.busy),
			layout.WithEnabled(k.Board, has && !h.busy),
			layout.WithEnabled(k.Export, has),
			b("r", fu.KeyRename, has && tidy),
			b("t", fu.KeyRehearsal, has && tidy),
			b("d", fu.KeyDelete, has && tidy),
			b("u", fu.KeyUndoDel, tidy && len(h.tidy.deleted) > 0),
			k.Structures, k.Quit,
			layout.WithEnabled(k.Move, len(h.Sessions) > 1),
			layout.WithEnabled(k.Page, len(h.Sessions) > h.rows))
	}
	// Most needed first: the line drops what does not fit at the end.
	return layout.HelpLine(h.com.Styles, width,
		k.Type,
		layout.WithEnabled(k.Start, len(h.Shown) > 0 && !h.busy),
		k.Sessions,
		layout.WithEnabled(k.Clear, h.Query != ""),
		layout.WithEnabled(k.Quit, h.Query == ""),
		layout.WithEnabled(k.CtrlQuit, h.Query != ""),
		layout.WithEnabled(k.Move, len(h.Shown) > 1),
		layout.WithEnabled(k.Page, len(h.Shown) > h.rows))
}
