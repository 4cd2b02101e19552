// Package projector is `liberate projector`: the room's view of whatever
// session a running liberate serves on the same database, for a second
// terminal on the beamer or a terminal over SSH. It draws each snapshot with
// the same room.View as the single screen, counts down from the snapshot's
// deadline with its own clock, and rings and flashes when the bell number
// moves. It only reads: no key it handles changes anything but itself.
package projector

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/i18n"
	"liberate/internal/textsafe"
	"liberate/internal/timer"
	"liberate/internal/ui/layout"
	"liberate/internal/ui/room"
	"liberate/internal/ui/styles"
)

// State is what the feed says: whether a liberate is followed, and its
// newest snapshot.
type State struct {
	Connected bool
	Snapshot  room.Snapshot
}

// Feed hands on the newest state not yet seen, waiting for one if needed
// (a live.Client behind an adapter).
type Feed interface {
	Next(ctx context.Context) (State, error)
}

// Options configure a projector.
type Options struct {
	Feed    Feed
	Catalog *i18n.Catalog // the words shown while waiting
	Theme   styles.Theme
	Clock   timer.Clock
	// Where is the database the projector follows, for the waiting screen.
	Where string
	// Ticker schedules the next repaint; nil means a real timer.
	Ticker func(d time.Duration) tea.Cmd
}

// Messages.
type (
	tickMsg  time.Time
	stateMsg struct {
		st  State
		err error
	}
)

// Model is the projector's Bubble Tea model.
type Model struct {
	opts   Options
	ctx    context.Context
	cancel context.CancelFunc
	st     styles.Styles
	now    time.Time

	width, height int
	state         State
	seen          bool   // a snapshot of a session was shown since start
	bell          uint64 // the bell number last rung
	session       string // the session the bell number belongs to
	frames        uint64 // states taken in
	rings         int
}

// New returns a projector following opts.Feed.
func New(opts Options) *Model {
	if opts.Clock == nil {
		opts.Clock = timer.SystemClock{}
	}
	if opts.Catalog == nil {
		opts.Catalog = i18n.For("en")
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &Model{
		opts: opts, ctx: ctx, cancel: cancel,
		st:    styles.NewStyles(styles.ResolveTheme(opts.Theme, true)),
		now:   opts.Clock.Now(),
		width: 80, height: 24,
	}
}

// Init starts the repaint loop and listens to the feed.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.tick(), tea.RequestBackgroundColor, m.next())
}

// tickInterval keeps the seconds on time, also in a rehearsal where
// workshop time runs faster.
func (m *Model) tickInterval() time.Duration {
	if m.state.Snapshot.Timer.Speed > 1 {
		return 50 * time.Millisecond
	}
	return 200 * time.Millisecond
}

func (m *Model) tick() tea.Cmd {
	if m.opts.Ticker != nil {
		return m.opts.Ticker(m.tickInterval())
	}
	return tea.Tick(m.tickInterval(), func(t time.Time) tea.Msg { return tickMsg(t) })
}

// next waits for the feed's next state.
func (m *Model) next() tea.Cmd {
	feed, ctx := m.opts.Feed, m.ctx
	if feed == nil {
		return nil
	}
	return func() tea.Msg {
		st, err := feed.Next(ctx)
		return stateMsg{st: st, err: err}
	}
}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		if m.opts.Theme == styles.ThemeAuto {
			m.st = styles.NewStyles(styles.ResolveTheme(styles.ThemeAuto, msg.IsDark()))
		}
	case tickMsg:
		m.now = m.opts.Clock.Now()
		return m, m.tick()
	case stateMsg:
		if msg.err != nil {
			// The feed ended (the projector is closing): nothing more comes.
			return m, nil
		}
		m.now = m.opts.Clock.Now()
		return m, tea.Batch(m.Apply(msg.st), m.next())
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q", "ctrl+c", "esc":
			m.cancel()
			return m, tea.Quit
		}
	}
	return m, nil
}

// Apply takes a new state from the feed and rings the bell when its number
// moved within the same session while connected (a new session or a
// reconnect does not ring).
func (m *Model) Apply(st State) tea.Cmd {
	was := m.state
	m.state = st
	m.frames++
	s := st.Snapshot
	if !st.Connected || s.Session == "" {
		return nil
	}
	m.seen = true
	ring := was.Connected && s.Session == m.session && s.Bell > m.bell && !s.Silent
	m.session, m.bell = s.Session, s.Bell
	if ring {
		m.rings++
		return tea.Raw("\a")
	}
	return nil
}

// Frames is how many states the projector has taken in; Rings how many
// times it rang the bell.
func (m *Model) Frames() uint64 { return m.frames }

// Rings is how many times the projector rang the bell.
func (m *Model) Rings() int { return m.rings }

// SetSize sets the projector's size, as a window size message does.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// Content is the frame the projector draws now, as text with styles.
func (m *Model) Content() string { return m.render() }

// Snapshot is the snapshot shown, if any.
func (m *Model) Snapshot() (room.Snapshot, bool) {
	return m.state.Snapshot, m.state.Connected && m.state.Snapshot.Session != ""
}

// View draws the room's view, or the waiting screen.
func (m *Model) View() tea.View {
	content := m.render()
	v := tea.NewView(content)
	v.AltScreen = true
	v.WindowTitle = "liberate · projector"
	if s, ok := m.Snapshot(); ok && !s.Blank && s.Structure != "" {
		v.WindowTitle = textsafe.Display(s.TimeText(m.now) + " · " + s.Structure)
	}
	if m.st.Background != nil {
		v.BackgroundColor = m.st.Background
	}
	return v
}

func (m *Model) render() string {
	if s, ok := m.Snapshot(); ok {
		return room.View(s, m.width, m.height, m.now, m.st)
	}
	return m.waiting()
}

// waiting is the screen before a session runs and after the console went
// away: one line in the middle, and where the projector is looking.
func (m *Model) waiting() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return ""
	}
	cat := m.opts.Catalog.Console
	text := m.opts.Catalog.Live.Waiting
	if m.seen {
		text = cat.Lost
		if m.state.Connected {
			text = cat.Ended
		}
	}
	lines := make([]string, h)
	mid := h / 2
	lines[mid] = layout.Center(w, m.st.Config.Render(ansi.Truncate(text, w, "…")))
	if m.opts.Where != "" && mid+2 < h {
		hint := fmt.Sprintf(cat.Database, m.opts.Where)
		lines[mid+2] = layout.Center(w, m.st.Muted.Render(ansi.Truncate(textsafe.Display(hint), w, "…")))
	}
	return strings.Join(lines, "\n")
}
