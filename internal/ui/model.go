// Package ui is liberate's Bubble Tea interface: one root model that owns
// routing, layout and every command, and plain screens (home, run, board,
// agenda) that render and handle keys.
package ui

import (
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"liberate/internal/i18n"
	"liberate/internal/session"
	"liberate/internal/structure"
	"liberate/internal/timer"
)

// Store is what the UI needs from persistence. Every method commits (with
// fsync) before it returns.
type Store interface {
	SaveSession(s *session.Session) error
	AddNote(n *session.Note) error
	UpdateNote(n *session.Note) error
	AppendEvent(sessionID string, e *session.Event) error
	SaveUndo(sessionID string, blob []byte) error
	SaveClusters(sessionID string, cs []session.Cluster) error
}

// Deps are the things the UI is given rather than creates.
type Deps struct {
	Store      Store
	Library    *structure.Library
	Clock      timer.Clock
	Catalog    *i18n.Catalog
	Theme      Theme
	MinuteBell bool // ring one minute before the end of steps of 3 minutes or more
	// Export writes the session's Markdown next to the database and returns
	// the file it wrote; nil hides the export key.
	Export func(sessionID string) (string, error)
	// Home lists sessions and structures for the home screen; nil when
	// running a session directly.
	Home HomeSource
	// Ticker schedules the next tick; nil means a real timer. Tests that
	// drive time themselves pass one that returns nil.
	Ticker func(d time.Duration) tea.Cmd
}

// screen is which screen the root model shows.
type screen int

const (
	screenRun screen = iota
	screenHome
	screenBoard
	screenAgenda
)

// String names the screen.
func (s screen) String() string {
	switch s {
	case screenHome:
		return "home"
	case screenBoard:
		return "board"
	case screenAgenda:
		return "agenda"
	default:
		return "run"
	}
}

// Messages.
type (
	tickMsg      time.Time
	noteSavedMsg struct {
		note  session.Note
		err   error
		edit  bool
		undo  bool
		label string
	}
	persistedMsg struct{ err error }
	exportedMsg  struct {
		path string
		err  error
	}
	// startSessionMsg asks the root to open the run screen on a new or
	// resumed session (sent by the home screen), with its undo history.
	startSessionMsg struct {
		sess  *session.Session
		notes []session.Note
		hist  session.History
		board bool // open on the board
	}
)

// Model is the root model.
type Model struct {
	deps   Deps
	cat    *i18n.Catalog
	keys   KeyMap
	styles Styles
	now    time.Time

	width, height int
	screen        screen
	showHelp      bool

	run   *runScreen
	home  *homeScreen
	board *boardScreen

	persist  *persister
	history  session.History
	quitting bool
	// afterSaves leaves (quits or goes home) once the saves in flight are
	// on disk, so a note typed just before q keeps its undo entry.
	afterSaves func() tea.Cmd
}

// NewRun returns the root model showing the run screen of sess, whose notes
// are already loaded. The session is started if it was not.
func NewRun(deps Deps, sess *session.Session, notes []session.Note, hist session.History) *Model {
	m := newModel(deps)
	m.history = hist
	m.run = newRunScreen(m, sess, notes)
	m.screen = screenRun
	return m
}

// NewHome returns the root model showing the home screen.
func NewHome(deps Deps) *Model {
	m := newModel(deps)
	m.home = newHomeScreen(m)
	m.screen = screenHome
	// From a session started here, q comes back to this screen.
	m.keys.Quit.SetHelp("q", m.cat.Home.KeyHome)
	return m
}

func newModel(deps Deps) *Model {
	if deps.Clock == nil {
		deps.Clock = timer.SystemClock{}
	}
	if deps.Catalog == nil {
		deps.Catalog = i18n.For("en")
	}
	m := &Model{
		deps:    deps,
		cat:     deps.Catalog,
		keys:    DefaultKeyMap(deps.Catalog),
		styles:  NewStyles(ResolveTheme(deps.Theme, true)),
		now:     deps.Clock.Now(),
		width:   80,
		height:  24,
		persist: &persister{},
	}
	return m
}

// Init starts the tick loop and, on the run screen, the session.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.tick(), tea.RequestBackgroundColor}
	if m.screen == screenRun && m.run != nil {
		cmds = append(cmds, m.run.start())
	}
	if m.screen == screenHome && m.home != nil {
		cmds = append(cmds, m.home.init())
	}
	return tea.Batch(cmds...)
}

// tickInterval is short enough that the seconds never lag visibly, also in
// rehearsal mode where workshop time runs faster.
func (m *Model) tickInterval() time.Duration {
	if m.run != nil && m.run.sess.Speed > 1 {
		return 50 * time.Millisecond
	}
	return 200 * time.Millisecond
}

func (m *Model) tick() tea.Cmd {
	if m.deps.Ticker != nil {
		return m.deps.Ticker(m.tickInterval())
	}
	return tea.Tick(m.tickInterval(), func(t time.Time) tea.Msg { return tickMsg(t) })
}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, nil
	case tea.BackgroundColorMsg:
		if m.deps.Theme == ThemeAuto {
			m.styles = NewStyles(ResolveTheme(ThemeAuto, msg.IsDark()))
		}
		return m, nil
	case tickMsg:
		m.now = m.deps.Clock.Now()
		var cmds []tea.Cmd
		if m.run != nil {
			cmds = append(cmds, m.run.onTick(m.now))
		}
		cmds = append(cmds, m.tick())
		return m, tea.Batch(cmds...)
	case startSessionMsg:
		m.history = msg.hist
		m.board = nil
		m.run = newRunScreen(m, msg.sess, msg.notes)
		m.screen = screenRun
		if msg.board {
			return m, tea.Batch(m.run.start(), m.openBoard())
		}
		return m, m.run.start()
	case tea.KeyPressMsg:
		m.now = m.deps.Clock.Now()
		return m, m.handleKey(msg)
	case tea.PasteMsg:
		m.now = m.deps.Clock.Now()
		if m.screen == screenRun && m.run != nil {
			return m, m.run.paste(msg.Content)
		}
		if m.screen == screenHome && m.home != nil {
			return m, m.home.paste(msg.Content)
		}
		return m, nil
	}
	// Results of commands.
	m.now = m.deps.Clock.Now()
	if m.run != nil {
		if cmd, ok := m.run.handleMsg(msg); ok {
			// A note added, restored or deleted (by undo, say) while the
			// board is open shows up there at once.
			if _, isNote := msg.(noteSavedMsg); isNote && m.board != nil {
				m.board.reindex()
			}
			return m, m.leaveWhenSaved(msg, cmd)
		}
	}
	if m.board != nil {
		if cmd, ok := m.board.handleMsg(msg); ok {
			return m, m.leaveWhenSaved(msg, cmd)
		}
	}
	if m.home != nil {
		if cmd, ok := m.home.handleMsg(msg); ok {
			return m, cmd
		}
	}
	return m, nil
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if msg.String() == "ctrl+c" {
		return m.quit()
	}
	if m.showHelp {
		m.showHelp = false
		return nil
	}
	switch m.screen {
	case screenHome:
		return m.home.handleKey(msg)
	case screenRun:
		// q on the run screen (not while typing a note) goes back home
		// when the session was started from there.
		if m.home != nil && m.run != nil && m.run.mode == modeRun && key.Matches(msg, m.keys.Quit) {
			return m.backHome()
		}
	case screenBoard:
		if m.board != nil {
			return m.board.handleKey(msg)
		}
	case screenAgenda:
		if m.run != nil {
			return m.run.handleAgendaKey(msg)
		}
	}
	if m.run != nil {
		return m.run.handleKey(msg)
	}
	return nil
}

// savesInFlight reports whether a note or board change is still on its
// way to disk.
func (m *Model) savesInFlight() bool {
	return (m.run != nil && m.run.pending > 0) || (m.board != nil && m.board.saving())
}

// leaveWhenSaved carries out a waiting quit or return home once the last
// save has landed. A failed save cancels it: the facilitator stays, with
// the note back in the capture line and the error on screen.
func (m *Model) leaveWhenSaved(msg tea.Msg, cmd tea.Cmd) tea.Cmd {
	if m.afterSaves == nil {
		return cmd
	}
	failed := false
	switch msg := msg.(type) {
	case noteSavedMsg:
		failed = msg.err != nil
	case boardSavedMsg:
		failed = msg.err != nil
	case cardsSavedMsg:
		failed = msg.err != nil
	}
	if failed {
		m.afterSaves, m.quitting = nil, false
		return cmd
	}
	if m.savesInFlight() {
		return cmd
	}
	next := m.afterSaves
	m.afterSaves = nil
	return tea.Sequence(cmd, next())
}

// backHome saves the running session and shows the home screen again,
// with its session list read anew.
func (m *Model) backHome() tea.Cmd {
	if m.savesInFlight() && m.afterSaves == nil {
		m.afterSaves = m.backHome
		return nil
	}
	m.afterSaves = nil
	save := m.run.persistNow(nil)
	m.run, m.board = nil, nil
	m.screen = screenHome
	return tea.Sequence(save, m.home.returned())
}

func (m *Model) quit() tea.Cmd {
	m.quitting = true
	// A second q or ctrl+c while waiting leaves at once: what is on disk
	// stays there either way.
	if m.savesInFlight() && m.afterSaves == nil {
		m.afterSaves = m.quit
		return nil
	}
	m.afterSaves = nil
	var cmds []tea.Cmd
	if m.run != nil {
		cmds = append(cmds, m.run.persistNow(nil))
	}
	cmds = append(cmds, tea.Quit)
	return tea.Sequence(cmds...)
}

// View renders the current screen.
func (m *Model) View() tea.View {
	var content, title string
	switch {
	case m.showHelp:
		content = m.helpView()
		if m.run != nil {
			title = m.run.windowTitle(m.now)
		}
	case m.screen == screenHome && m.home != nil:
		content = m.home.view(m.width, m.height)
		title = "liberate"
	case m.screen == screenBoard && m.board != nil:
		content = m.board.view(m.width, m.height)
		title = "liberate"
		if m.run != nil {
			title = m.run.windowTitle(m.now)
		}
	case m.screen == screenAgenda && m.run != nil:
		content = m.run.agendaView(m.width, m.height, m.now)
		title = m.run.windowTitle(m.now)
	case m.run != nil:
		content = m.run.view(m.width, m.height, m.now)
		title = m.run.windowTitle(m.now)
	}
	v := tea.NewView(content)
	v.AltScreen = true
	v.WindowTitle = title
	if m.styles.Background != nil {
		v.BackgroundColor = m.styles.Background
	}
	return v
}

// helpLine renders live bindings in one line that fits width.
func (m *Model) helpLine(width int, bindings ...key.Binding) string {
	sep := m.styles.HelpSep.Render(" · ")
	render := func(b key.Binding) (string, int) {
		h := b.Help()
		return m.styles.HelpKey.Render(h.Key) + " " + m.styles.HelpDesc.Render(h.Desc), len([]rune(h.Key)) + 1 + displayWidth(h.Desc)
	}
	// The key that lists all the others ("?") is kept at the end when the
	// line runs out of room, so the rest can always be found.
	var help string
	reserve := 0 // room kept for " · ? help"
	for i, b := range bindings {
		if b.Enabled() && b.Help().Key == "?" {
			var w int
			help, w = render(b)
			reserve = w + 3
			bindings = append(bindings[:i:i], bindings[i+1:]...)
			break
		}
	}
	out := ""
	used := 0
	for _, b := range bindings {
		if !b.Enabled() {
			continue
		}
		item, w := render(b)
		extra := 0
		if out != "" {
			extra = 3
		}
		if used+extra+w+reserve > width {
			break
		}
		if out != "" {
			out += sep
		}
		out += item
		used += extra + w
	}
	if help != "" && used+reserve <= width {
		if out != "" {
			out += sep
		}
		out += help
	}
	return out
}

// persister writes session snapshots in order: commands run concurrently,
// so an older snapshot that arrives late must not overwrite a newer one.
type persister struct {
	mu      sync.Mutex
	version uint64
	written uint64
}

func (p *persister) next() uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.version++
	return p.version
}

func (p *persister) write(v uint64, fn func() error) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if v <= p.written {
		return nil
	}
	if err := fn(); err != nil {
		return err
	}
	p.written = v
	return nil
}

// cloneSession deep-copies a session so a command can write it while the
// model goes on changing the original.
func cloneSession(s *session.Session) *session.Session {
	b, err := json.Marshal(s)
	if err != nil {
		panic(fmt.Sprintf("session cannot be encoded: %v", err))
	}
	var c session.Session
	if err := json.Unmarshal(b, &c); err != nil {
		panic(fmt.Sprintf("session cannot be decoded: %v", err))
	}
	return &c
}
