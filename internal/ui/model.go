// Package ui is liberate's Bubble Tea interface: one root model that owns
// routing, layout and every command, and plain screens (home, run, board,
// agenda) that render and handle keys.
package ui

import (
	"errors"
	"fmt"
	"reflect"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"liberate/internal/i18n"
	"liberate/internal/phone"
	"liberate/internal/session"
	"liberate/internal/structure"
	"liberate/internal/timer"
	"liberate/internal/ui/board"
	"liberate/internal/ui/common"
	"liberate/internal/ui/home"
	"liberate/internal/ui/room"
	"liberate/internal/ui/run"
	"liberate/internal/ui/styles"
)

// Store is what the UI needs from persistence. Every method commits (with
// fsync) before it returns.
type Store = common.Store

// HomeSource gives the home screen what it lists, starts and exports.
type HomeSource = home.Source

// SessionInfo is one line of the home screen's session list.
type SessionInfo = home.SessionInfo

// Live is where the running liberate publishes what the room sees, and
// how many screens follow it.
type Live interface {
	// Publish hands on a snapshot after a change; it must not block.
	Publish(room.Snapshot)
	// Attached is the number of projectors following now.
	Attached() int
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
	// Notice is said on the status line when the session opens (why no
	// projector can attach, say).
	Notice string
	// Live carries the room's view of the running session to other screens
	// (projectors); nil means one screen.
	Live Live
	// Ticker schedules the next tick; nil means a real timer. Tests that
	// drive time themselves pass one that returns nil.
	Ticker func(d time.Duration) tea.Cmd
	// TitleScreen shows a new session's title and first invitation until
	// the clicker starts the first step (the command line turns it on).
	TitleScreen bool
	// Phones is the phone page of the session (liberate run --join); nil
	// without it.
	Phones Phones
}

// Phones is the phone page of a running session, as the interface drives
// it: it says what the room does, shows the notes phones sent and opens or
// closes joining.
type Phones interface {
	// Next waits until phones sent notes (committed to the store) and
	// returns them; it returns nil once the page is gone for good.
	Next() []session.Note
	// SetRoom tells the page what the room does now; it is called after
	// every message and must be cheap when nothing changed.
	SetRoom(r run.PhoneRoom)
	// Join is the URL and code while phones can join (zero when closed).
	Join() run.JoinInfo
	// Toggle opens joining when it is closed and closes it when open.
	Toggle() (run.JoinInfo, error)
	// ToggleMute stops or again allows input from one phone (by the seat
	// hash of its notes) and reports whether it is muted now.
	ToggleMute(seat string) bool
}

// PhoneInputs is the part of a phone page that takes dot votes and 25/10
// cards and scores: the board saves them and answers each phone.
type PhoneInputs interface {
	// NextInput waits for what phones sent; ok is false once the page is
	// gone for good.
	NextInput() (run.PhoneInputMsg, bool)
	// Progress says how far 25/10 scoring from phones has come.
	Progress() phone.Progress
}

// phoneInput waits for the next dots, cards and scores from phones.
func phoneInput(p PhoneInputs) tea.Cmd {
	return func() tea.Msg {
		in, ok := p.NextInput()
		if !ok {
			return nil
		}
		return in
	}
}

// errNoSession answers phones whose input arrives while no session runs.
var errNoSession = errors.New("no session is running")

// answerPhones tells every phone in msg that its input was not saved.
func answerPhones(msg run.PhoneInputMsg, err error) {
	for _, v := range msg.Votes {
		v.Done(err)
	}
	for _, i := range msg.Ideas {
		i.Done(0, err)
	}
	for _, sc := range msg.Scores {
		sc.Done(err)
	}
}

// phoneNotes waits for the next notes from phones.
func phoneNotes(p Phones) tea.Cmd {
	return func() tea.Msg {
		notes := p.Next()
		if notes == nil {
			return nil
		}
		return run.PhoneNotesMsg{Notes: notes}
	}
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
	tickMsg time.Time
)

// Model is the root model.
type Model struct {
	deps Deps
	com  *common.Common
	keys run.KeyMap

	screen   screen
	showHelp bool

	run   *run.Screen
	home  *home.Screen
	board *board.Screen

	persist  *run.Persister
	quitting bool

	// attached is how many projectors follow (read at every tick); the run
	// screen is the facilitator's console while there are any.
	attached  int
	published room.Snapshot
	havePub   bool
	// afterSaves leaves (quits or goes home) once the saves in flight are
	// on disk, so a note typed just before q keeps its undo entry.
	afterSaves func() tea.Cmd
	// pendingLeave is the quit or return home the run screen held back
	// because notes wait to be saved; ConfirmLeave carries it out.
	pendingLeave func() tea.Cmd
	// recovery is the last recovery file a run screen wrote, said again
	// after liberate has left the screen.
	recovery string
}

// NewRun returns the root model showing the run screen of sess, whose notes
// are already loaded. The session is started if it was not.
func NewRun(deps Deps, sess *session.Session, notes []session.Note, hist session.History) *Model {
	m := newModel(deps)
	m.com.History = hist
	m.run = m.newRun(sess, notes)
	m.screen = screenRun
	return m
}

// NewHome returns the root model showing the home screen.
func NewHome(deps Deps) *Model {
	m := newModel(deps)
	m.home = home.New(m.com, deps.Library, deps.Home, m.quit)
	m.screen = screenHome
	// From a session started here, q comes back to this screen.
	m.keys.Quit.SetHelp("q", m.com.Catalog.Home.KeyHome)
	return m
}

func newModel(deps Deps) *Model {
	if deps.Clock == nil {
		deps.Clock = timer.SystemClock{}
	}
	if deps.Catalog == nil {
		deps.Catalog = i18n.For("en")
	}
	com := &common.Common{
		Width:   80,
		Height:  24,
		Styles:  styles.NewStyles(styles.ResolveTheme(deps.Theme, true)),
		Catalog: deps.Catalog,
		Clock:   deps.Clock,
		Now:     deps.Clock.Now(),
		Store:   deps.Store,
	}
	return &Model{
		deps:    deps,
		com:     com,
		keys:    run.DefaultKeyMap(deps.Catalog),
		persist: &run.Persister{},
	}
}

func (m *Model) newRun(sess *session.Session, notes []session.Note) *run.Screen {
	opts := run.Options{Keys: m.keys, MinuteBell: m.deps.MinuteBell, Export: m.deps.Export, Library: m.deps.Library, Persist: m.persist, TitleScreen: m.deps.TitleScreen}
	if m.deps.Phones != nil {
		opts.ToggleMute = m.deps.Phones.ToggleMute
	}
	r := run.New(m.com, m, opts, sess, notes)
	if m.deps.Phones != nil {
		r.Join = m.deps.Phones.Join()
	}
	if m.deps.Notice != "" {
		r.SetStatus(m.deps.Notice, true)
	}
	return r
}

// Init starts the tick loop and, on the run screen, the session.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.tick(), tea.RequestBackgroundColor}
	if m.screen == screenRun && m.run != nil {
		cmds = append(cmds, m.run.Start())
	}
	if m.screen == screenHome && m.home != nil {
		cmds = append(cmds, m.home.Init())
	}
	if m.deps.Phones != nil {
		cmds = append(cmds, phoneNotes(m.deps.Phones))
	}
	if in, ok := m.deps.Phones.(PhoneInputs); ok {
		cmds = append(cmds, phoneInput(in))
	}
	// A projector that attaches before the first message sees the session.
	m.publish()
	return tea.Batch(cmds...)
}

// tickInterval is short enough that the seconds never lag visibly, also in
// rehearsal mode where workshop time runs faster.
func (m *Model) tickInterval() time.Duration {
	if m.run != nil && m.run.Sess.Speed > 1 {
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

// Update handles a message, then tells the phone page what the room does
// now and publishes the room's view when it changed.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	model, cmd := m.update(msg)
	if p := m.deps.Phones; p != nil && m.run != nil {
		pr := m.run.PhoneRoom()
		if m.board != nil {
			m.board.PhoneState(&pr.State)
		}
		p.SetRoom(pr)
	}
	m.publish()
	return model, cmd
}

// RoomSnapshot is what the room sees now: the run screen's step, or what
// the board shows the room; an empty snapshot when no session runs.
func (m *Model) RoomSnapshot() room.Snapshot {
	if m.run == nil {
		return room.Snapshot{Lang: m.com.Catalog.Lang}
	}
	s := m.run.Snapshot()
	if m.screen == screenBoard && m.board != nil {
		m.board.Present(&s)
	}
	if m.board != nil {
		s.Phones = m.board.PhoneLine()
	}
	return s.ForRoom()
}

// publish hands a changed room view to the projectors. The countdown is
// computed from the deadline on every screen, so nothing is sent per
// second.
func (m *Model) publish() {
	if m.deps.Live == nil {
		return
	}
	s := m.RoomSnapshot()
	if m.havePub && reflect.DeepEqual(s, m.published) {
		return
	}
	m.published, m.havePub = s, true
	m.deps.Live.Publish(s)
}

func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case run.PhoneNotesMsg:
		if m.run != nil {
			m.run.AddPhoneNotes(msg.Notes)
			if m.board != nil {
				m.board.Reindex()
			}
		}
		return m, phoneNotes(m.deps.Phones)
	case run.PhoneInputMsg:
		in, _ := m.deps.Phones.(PhoneInputs)
		b := m.ensureBoard()
		if b == nil || in == nil {
			// No session runs: nothing can be saved.
			answerPhones(msg, errNoSession)
			return m, nil
		}
		return m, tea.Batch(b.PhoneInput(msg), phoneInput(in))
	case tea.WindowSizeMsg:
		m.com.Width, m.com.Height = msg.Width, msg.Height
		return m, nil
	case tea.BackgroundColorMsg:
		if m.deps.Theme == ThemeAuto {
			m.com.Styles = styles.NewStyles(styles.ResolveTheme(ThemeAuto, msg.IsDark()))
		}
		return m, nil
	case tickMsg:
		m.com.Now = m.com.Clock.Now()
		if m.deps.Live != nil {
			m.attached = m.deps.Live.Attached()
		}
		var cmds []tea.Cmd
		if m.run != nil {
			cmds = append(cmds, m.run.OnTick(m.com.Now))
		}
		cmds = append(cmds, m.tick())
		return m, tea.Batch(cmds...)
	case home.StartMsg:
		m.com.History = msg.Hist
		m.board = nil
		m.run = m.newRun(msg.Sess, msg.Notes)
		m.screen = screenRun
		if msg.Board {
			return m, tea.Batch(m.run.Start(), m.OpenBoard())
		}
		return m, m.run.Start()
	case tea.KeyPressMsg:
		m.com.Now = m.com.Clock.Now()
		return m, m.handleKey(msg)
	case tea.PasteMsg:
		m.com.Now = m.com.Clock.Now()
		if m.screen == screenRun && m.run != nil {
			return m, m.run.Paste(msg.Content)
		}
		if m.screen == screenHome && m.home != nil {
			return m, m.home.Paste(msg.Content)
		}
		return m, nil
	}
	// Results of commands.
	m.com.Now = m.com.Clock.Now()
	if m.run != nil {
		if cmd, ok := m.run.HandleMsg(msg); ok {
			if f := m.run.RecoveryFile(); f != "" {
				m.recovery = f
			}
			// A note added, restored or deleted (by undo, say) while the
			// board is open shows up there at once.
			if run.IsNoteSaved(msg) && m.board != nil {
				m.board.Reindex()
			}
			return m, m.leaveWhenSaved(msg, cmd)
		}
	}
	if m.board != nil {
		if cmd, ok := m.board.HandleMsg(msg); ok {
			return m, m.leaveWhenSaved(msg, cmd)
		}
	}
	if m.home != nil {
		if cmd, ok := m.home.HandleMsg(msg); ok {
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
		return m.home.HandleKey(msg)
	case screenRun:
		// q on the run screen (not while typing a note) goes back home
		// when the session was started from there.
		if m.home != nil && m.run != nil && m.run.Mode == run.ModeRun && !m.run.Blanked() && key.Matches(msg, m.keys.Quit) {
			return m.backHome()
		}
	case screenBoard:
		if m.board != nil {
			return m.board.HandleKey(msg)
		}
	case screenAgenda:
		if m.run != nil {
			return m.run.HandleAgendaKey(msg)
		}
	}
	if m.run != nil {
		if p := m.deps.Phones; p != nil && msg.String() == "j" && m.run.Mode == run.ModeRun {
			return m.toggleJoin(p)
		}
		return m.run.HandleKey(msg)
	}
	return nil
}

// toggleJoin opens or closes the phone page.
func (m *Model) toggleJoin(p Phones) tea.Cmd {
	t := i18n.PhoneFor(m.com.Catalog.Lang)
	join, err := p.Toggle()
	if err != nil {
		m.run.SetStatus(err.Error(), true)
		return nil
	}
	m.run.Join = join
	if join.URL != "" {
		m.run.SetStatus(fmt.Sprintf(t.JoinOpened, join.URL), false)
	} else {
		m.run.SetStatus(t.JoinClosed, false)
	}
	return nil
}

// savesInFlight reports whether a note or board change is still on its
// way to disk.
func (m *Model) savesInFlight() bool {
	if m.run != nil && m.run.Recovered() {
		// The waiting notes are in the recovery file: a save that may
		// never land is not waited for.
		return m.board != nil && m.board.Saving()
	}
	return (m.run != nil && m.run.Pending > 0) || (m.board != nil && m.board.Saving())
}

// holdLeave asks the run screen whether leave may go ahead now: with notes
// waiting to be saved it asks the facilitator first.
func (m *Model) holdLeave(leave func() tea.Cmd) (bool, tea.Cmd) {
	if m.run == nil {
		return false, nil
	}
	hold, cmd := m.run.HoldQuit()
	if hold {
		m.pendingLeave = leave
	}
	return hold, cmd
}

// RecoveryFile is the file holding notes that could not be saved, "" when
// there was none; the command line names it once the screen is gone.
func (m *Model) RecoveryFile() string { return m.recovery }

// ConfirmLeave carries out the leave the run screen held back.
func (m *Model) ConfirmLeave() tea.Cmd {
	if m.pendingLeave == nil {
		return nil
	}
	return m.pendingLeave()
}

// leaveWhenSaved carries out a waiting quit or return home once the last
// save has landed. A failed save cancels it: the facilitator stays, with
// the note back in the capture line and the error on screen.
func (m *Model) leaveWhenSaved(msg tea.Msg, cmd tea.Cmd) tea.Cmd {
	if m.afterSaves == nil {
		return cmd
	}
	failed := false
	if r, ok := msg.(common.SaveResult); ok {
		failed = r.SaveErr() != nil
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
	if hold, cmd := m.holdLeave(m.backHome); hold {
		return cmd
	}
	if m.savesInFlight() && m.afterSaves == nil {
		m.afterSaves = m.backHome
		return nil
	}
	m.afterSaves = nil
	save := m.run.PersistNow(nil)
	m.run, m.board = nil, nil
	m.screen = screenHome
	return tea.Sequence(save, m.home.Returned())
}

func (m *Model) quit() tea.Cmd {
	if hold, cmd := m.holdLeave(m.quit); hold {
		return cmd
	}
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
		cmds = append(cmds, m.run.PersistNow(nil))
	}
	cmds = append(cmds, tea.Quit)
	return tea.Sequence(cmds...)
}

// View renders the current screen.
func (m *Model) View() tea.View {
	var content, title string
	w, h, now := m.com.Width, m.com.Height, m.com.Now
	switch {
	case m.showHelp:
		content = m.helpView()
		if m.run != nil {
			title = m.run.WindowTitle(now)
		}
	case m.screen == screenHome && m.home != nil:
		content = m.home.View(w, h)
		title = "liberate"
	case m.screen == screenBoard && m.board != nil:
		content = m.board.View(w, h)
		title = "liberate"
		if m.run != nil {
			title = m.run.WindowTitle(now)
		}
	case m.screen == screenAgenda && m.run != nil:
		content = m.run.AgendaView(w, h, now)
		title = m.run.WindowTitle(now)
	case m.run != nil && m.attached > 0:
		content = m.run.ConsoleView(w, h, m.attached, now)
		title = m.run.WindowTitle(now)
	case m.run != nil:
		content = m.run.View(w, h, now)
		title = m.run.WindowTitle(now)
	}
	v := tea.NewView(content)
	v.AltScreen = true
	v.WindowTitle = title
	if m.com.Styles.Background != nil {
		v.BackgroundColor = m.com.Styles.Background
	}
	return v
}

// ---- routing asked for by the screens (run.Host, board.Host) ----

// Quit leaves once the saves in flight are on disk.
func (m *Model) Quit() tea.Cmd { return m.quit() }

// LeftMessage is the one line to print once the program has ended after
// the facilitator left a session with q: that it is kept, how to resume it
// and that its clock goes on. It is "" when no session was left.
func (m *Model) LeftMessage() string {
	if !m.quitting || m.run == nil || m.run.Sess == nil {
		return ""
	}
	s, f := m.run.Sess, m.com.Catalog.Flow
	switch {
	case s.Finished:
		return fmt.Sprintf(f.LeftFinished, s.ID)
	case s.Paused():
		return fmt.Sprintf(f.LeftPaused, s.ID)
	}
	return fmt.Sprintf(f.Left, s.ID)
}

// ShowHelp shows the full key table until the next key.
func (m *Model) ShowHelp() { m.showHelp = true }

// ShowAgenda shows the agenda of the running session.
func (m *Model) ShowAgenda() { m.screen = screenAgenda }

// ShowRun shows the run screen.
func (m *Model) ShowRun() { m.screen = screenRun }

// BoardShown reports whether the board is on screen.
func (m *Model) BoardShown() bool { return m.screen == screenBoard }

// newBoard is the board of the running session, told about the phone page
// when the session serves one that takes dots and 25/10 cards.
func (m *Model) newBoard() *board.Screen {
	b := board.New(m.com, m, m.run)
	if in, ok := m.deps.Phones.(PhoneInputs); ok {
		b.SetPhones(in)
	}
	return b
}

// ensureBoard returns the board, creating it (without loading) when undo
// of a board change arrives before the board was opened in this run: the
// change carries whole snapshots, so nothing needs loading to apply it.
func (m *Model) ensureBoard() *board.Screen {
	if m.board == nil && m.run != nil {
		m.board = m.newBoard()
		m.board.MarkLoaded()
	}
	return m.board
}

// BoardOp undoes or redoes a board change, on the board even when it was
// not opened yet.
func (m *Model) BoardOp(op session.Op, undo bool, label string) tea.Cmd {
	if b := m.ensureBoard(); b != nil {
		return b.ApplyOp(op, undo, label)
	}
	return nil
}

// OpenBoard shows the board; the first time, it reads the saved themes or
// proposes some.
func (m *Model) OpenBoard() tea.Cmd {
	if m.run == nil {
		return nil
	}
	if m.board == nil {
		m.board = m.newBoard()
	}
	m.screen = screenBoard
	return m.board.Open()
}

// OpenCards shows the 25/10 cards from the run screen.
func (m *Model) OpenCards() tea.Cmd {
	if m.run == nil {
		return nil
	}
	if m.board == nil {
		m.board = m.newBoard()
	}
	m.board.OpenCards(true)
	m.screen = screenBoard
	return nil
}

// Catalog is the string catalogue the screens speak.
func (m *Model) Catalog() *i18n.Catalog { return m.com.Catalog }
