package board

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/phone"
	"liberate/internal/session"
	"liberate/internal/textsafe"
	"liberate/internal/ui/format"
	"liberate/internal/ui/layout"
	"liberate/internal/ui/room"
	"liberate/internal/ui/run"
)

// The 25/10 countdown calls every whole score from the top down.
const (
	topScore    = 25
	lowestScore = 5 // five scores of 1
	topCards    = 10
	maxScores   = 5
)

// cardsState is the 25/10 screen: card entry by number, scores typed back
// by card number, and the projected countdown.
type cardsState struct {
	sel     int  // selected card (index into Session.Cards, sorted by number)
	scroll  int  // first card row shown
	level   int  // the score the countdown is calling
	readout bool // the countdown's line for a read-out card is open
	seq     int
	saved   []session.Card // as last confirmed on disk
	snaps   map[int][]session.Card
	retry   map[int]string // the line that made a change, back into the line if it fails
	label   string         // said once the latest change is on disk
	// noCard: the countdown calls every score and records the cards read
	// aloud, for rooms whose cards were never typed in.
	noCard bool
	acks   map[int][]func(error) // phones waiting for a save of the cards
}

// OpenCards switches the board to the card entry; Esc goes back to the
// run screen when fromRun, else to the board.
func (b *Screen) OpenCards(fromRun bool) {
	b.ensureCards()
	b.backToRun = fromRun
	b.Mode = ModeCards
	b.Input.SetValue("")
	b.Input.Placeholder = b.com.Catalog.Board.CardPh
	b.Input.Focus()
}

// ensureCards sets up the 25/10 state the first time it is needed.
func (b *Screen) ensureCards() {
	if b.cards == nil {
		b.cards = &cardsState{level: topScore, snaps: map[int][]session.Card{}, retry: map[int]string{},
			saved: slices.Clone(b.run.Sess.Cards), acks: map[int][]func(error){}}
	}
}

func (b *Screen) leaveCards() {
	b.Mode = ModeList
	b.Input.Blur()
	b.Input.SetValue("")
	if b.backToRun {
		b.host.ShowRun()
	}
}

// cardEdit is one parsed line of card entry.
type cardEdit struct {
	number    int
	delete    bool
	idea      *string
	firstStep *string
	scores    []int
	setScores bool
	addScores bool
}

var (
	errCardNumber = errors.New("card number")
	errScoreRange = errors.New("score range")
	errScoreCount = errors.New("score count")
)

// parseCardLine reads one line of card entry:
//
//	12 idea | first step   the card's idea and first step
//	12 | first step        only the first step
//	12: 4 5 3 5            its scores (also "12 4 5 3 5" and "12: 4535")
//	12+ 4                  one more score
//	12                     the card, without text (no-card mode)
//	-12                    remove card 12
func parseCardLine(line string) (cardEdit, error) {
	s := strings.TrimSpace(line)
	var e cardEdit
	if strings.HasPrefix(s, "-") {
		e.delete = true
		s = strings.TrimSpace(s[1:])
	}
	j := 0
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == 0 || j > 4 {
		return e, errCardNumber
	}
	e.number, _ = strconv.Atoi(s[:j])
	if e.number == 0 {
		return e, errCardNumber
	}
	rest := strings.TrimSpace(s[j:])
	if e.delete {
		if rest != "" {
			return e, errCardNumber
		}
		return e, nil
	}
	switch {
	case strings.HasPrefix(rest, ":"):
		rest = strings.TrimSpace(rest[1:])
		if strings.HasPrefix(rest, "+") {
			e.addScores = true
			rest = rest[1:]
		} else {
			e.setScores = true
		}
	case strings.HasPrefix(rest, "+"):
		e.addScores = true
		rest = rest[1:]
	case rest != "" && onlyScores(rest):
		e.setScores = true
	}
	if e.setScores || e.addScores {
		sc, err := parseScores(rest)
		if err != nil {
			return e, err
		}
		e.scores = sc
		return e, nil
	}
	if rest == "" {
		return e, nil
	}
	idea, first, hasFirst := strings.Cut(rest, "|")
	idea = strings.TrimSpace(idea)
	if idea != "" {
		e.idea = &idea
	}
	if hasFirst {
		f := strings.TrimSpace(first)
		e.firstStep = &f
	}
	return e, nil
}

// onlyScores reports whether s holds nothing but digits, spaces and commas,
// so "12 4 5 3" reads as scores and "12 4 new hires" as an idea.
func onlyScores(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == ' ' || r == ',') {
			return false
		}
	}
	return true
}

// parseScores reads up to five scores of 1–5: "4 5 3", "4,5,3" or "453".
func parseScores(s string) ([]int, error) {
	var out []int
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' }) {
		for _, r := range f {
			if r < '1' || r > '5' || (len(f) > 1 && !allDigits(f)) {
				return nil, errScoreRange
			}
			out = append(out, int(r-'0'))
		}
	}
	if len(out) > maxScores {
		return nil, errScoreCount
	}
	return out, nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// applyCardEdit changes cards by one parsed line and returns them sorted by
// number.
func applyCardEdit(cards []session.Card, e cardEdit) ([]session.Card, error) {
	out := slices.Clone(cards)
	i := slices.IndexFunc(out, func(c session.Card) bool { return c.Number == e.number })
	if e.delete {
		if i >= 0 {
			out = slices.Delete(out, i, i+1)
		}
		return out, nil
	}
	if i < 0 {
		var id uint64
		for _, c := range out {
			id = max(id, c.ID)
		}
		out = append(out, session.Card{ID: id + 1, Number: e.number})
		i = len(out) - 1
	}
	c := &out[i]
	c.Scores = slices.Clone(c.Scores)
	if e.idea != nil {
		c.Idea = *e.idea
	}
	if e.firstStep != nil {
		c.FirstStep = *e.firstStep
	}
	switch {
	case e.setScores:
		c.Scores = e.scores
	case e.addScores:
		if len(c.Scores)+len(e.scores) > maxScores {
			return cards, errScoreCount
		}
		c.Scores = append(c.Scores, e.scores...)
	}
	slices.SortStableFunc(out, func(a, b session.Card) int { return a.Number - b.Number })
	return out, nil
}

// readOutScores are five scores of 1–5 that add up to total: how a card
// heard only in the countdown (no-card mode) keeps its total.
func readOutScores(total int) []int {
	total = max(lowestScore, min(topScore, total))
	out := make([]int, maxScores)
	for i := range out {
		out[i] = total / maxScores
		if i < total%maxScores {
			out[i]++
		}
	}
	return out
}

// level is the whole score a card answers to in the countdown: 18.8
// answers "who has 18?".
func level(c session.Card) int { return int(math.Floor(c.Total() + 1e-9)) }

// scored returns the cards with at least one score.
func scored(cards []session.Card) []session.Card {
	var out []session.Card
	for _, c := range cards {
		if len(c.Scores) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// countdownTop is what the countdown reads: every scored card from the top
// score down to the score at which ten cards have been read, that score's
// ties included. cut is that score (0 when fewer than ten cards are
// scored).
func countdownTop(cards []session.Card) (top []session.Card, cut int) {
	sc := scored(cards)
	slices.SortStableFunc(sc, func(a, b session.Card) int {
		return cmp.Or(cmp.Compare(b.Total(), a.Total()), cmp.Compare(a.Number, b.Number))
	})
	if len(sc) <= topCards {
		return sc, 0
	}
	cut = level(sc[topCards-1])
	n := topCards
	for n < len(sc) && level(sc[n]) >= cut {
		n++
	}
	return sc[:n], cut
}

// atLevel returns the scored cards that answer "who has l?".
func atLevel(cards []session.Card, l int) []session.Card {
	var out []session.Card
	for _, c := range scored(cards) {
		if level(c) == l || (l == topScore && level(c) > topScore) {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b session.Card) int {
		return cmp.Or(cmp.Compare(b.Total(), a.Total()), cmp.Compare(a.Number, b.Number))
	})
	return out
}

// readSoFar counts the cards called at the score l and above.
func readSoFar(cards []session.Card, l int) int {
	n := 0
	for _, c := range scored(cards) {
		if level(c) >= l {
			n++
		}
	}
	return n
}

// formatTotal writes a total as the room hears it: 21, or 18.8 (18,8 in
// Dutch) for an averaged card.
func formatTotal(v float64, lang string) string {
	s := strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0")
	if lang == "nl" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func (b *Screen) cardsKey(msg tea.KeyPressMsg) tea.Cmd {
	cs := b.run.Sess.Cards
	c := b.cards
	switch msg.String() {
	case "esc":
		if b.Input.Value() != "" {
			b.Input.SetValue("")
			return nil
		}
		b.leaveCards()
		return nil
	case "tab":
		b.Mode = ModeCountdown
		c.readout = false
		if len(scored(cs)) == 0 {
			c.noCard = true
		}
		b.Input.SetValue("")
		b.Input.Blur()
		return nil
	case "up":
		if c.sel > 0 {
			c.sel--
		}
		return nil
	case "down":
		if c.sel < len(cs)-1 {
			c.sel++
		}
		return nil
	case "enter":
		return b.submitCardLine()
	case "ctrl+p":
		b.cyclePhoneCrowd()
		return nil
	}
	var cmd tea.Cmd
	b.Input, cmd = b.Input.Update(msg)
	return cmd
}

// submitCardLine applies the entry line and saves the cards.
func (b *Screen) submitCardLine() tea.Cmd {
	line := b.Input.Value()
	if strings.TrimSpace(line) == "" {
		return nil
	}
	e, err := parseCardLine(textsafe.Clean(line))
	if err == nil && e.idea != nil {
		clean, _, nerr := textsafe.Note(*e.idea)
		if nerr == nil {
			e.idea = &clean
		}
	}
	if err == nil && e.firstStep != nil {
		clean, _, _ := textsafe.Note(*e.firstStep)
		e.firstStep = &clean
	}
	var next []session.Card
	if err == nil {
		next, err = applyCardEdit(b.run.Sess.Cards, e)
	}
	if err != nil {
		b.setStatus(b.cardErrText(err), true)
		return nil
	}
	b.Input.SetValue("")
	b.run.Sess.Cards = next
	if i := slices.IndexFunc(next, func(c session.Card) bool { return c.Number == e.number }); i >= 0 {
		b.cards.sel = i
	}
	label := fmt.Sprintf(b.com.Catalog.Board.CardSaved, e.number)
	if e.delete {
		label = fmt.Sprintf(b.com.Catalog.Board.CardRemoved, e.number)
	}
	return b.saveCards(line, label)
}

func (b *Screen) cardErrText(err error) string {
	c := b.com.Catalog.Board
	switch {
	case errors.Is(err, errScoreRange):
		return c.ScoreRange
	case errors.Is(err, errScoreCount):
		return c.ScoreCount
	}
	return c.CardStart
}

// saveCards saves the session with its cards; the screen says "saved" only
// once the store has it, and puts the line back if it fails.
func (b *Screen) saveCards(line, label string) tea.Cmd {
	return b.saveCardsAck(line, label, nil)
}

// saveCardsAck saves the cards like saveCards and answers the phones in
// acks once the save is on disk or failed.
func (b *Screen) saveCardsAck(line, label string, acks []func(error)) tea.Cmd {
	c := b.cards
	c.seq++
	seq := c.seq
	if len(acks) > 0 {
		c.acks[seq] = acks
	}
	c.snaps[seq] = slices.Clone(b.run.Sess.Cards)
	c.retry[seq] = line
	b.setStatus(b.com.Catalog.Board.Saving, false)
	c.label = label
	inner := b.run.PersistNow(nil)
	return func() tea.Msg {
		msg := inner()
		if p, ok := msg.(run.PersistedMsg); ok {
			return cardsSavedMsg{seq: seq, err: p.Err}
		}
		return msg
	}
}

func (b *Screen) onCardsSaved(msg cardsSavedMsg) tea.Cmd {
	c := b.cards
	if c == nil {
		return nil
	}
	snap, line := c.snaps[msg.seq], c.retry[msg.seq]
	delete(c.snaps, msg.seq)
	delete(c.retry, msg.seq)
	for _, a := range c.acks[msg.seq] {
		a(msg.err)
	}
	delete(c.acks, msg.seq)
	if msg.err != nil {
		b.run.Sess.Cards = slices.Clone(c.saved)
		if b.Mode == ModeCards && line != "" {
			b.Input.SetValue(strings.TrimSpace(line + " " + b.Input.Value()))
			b.Input.CursorEnd()
		}
		b.setStatus(fmt.Sprintf(b.com.Catalog.Board.CardsNotSaved, format.SaveError(msg.err)), true)
		return nil
	}
	c.saved = snap
	if len(c.snaps) == 0 {
		b.setStatus(c.label, false)
	}
	return nil
}

func (b *Screen) countdownKey(msg tea.KeyPressMsg) tea.Cmd {
	c := b.cards
	cards := b.run.Sess.Cards
	if c.readout {
		switch msg.String() {
		case "esc":
			b.closeReadOut()
			return nil
		case "enter":
			if strings.TrimSpace(textsafe.Clean(b.Input.Value())) == "" {
				b.closeReadOut()
				b.setStatus(b.com.Catalog.Flow.EmptyReadOut, false)
				return nil
			}
			return b.recordReadOut()
		case "pgdown", "pgup":
			// A clicker moves the countdown on even while the line is
			// open: what was typed is recorded first, an empty line is
			// just closed.
			var save tea.Cmd
			if strings.TrimSpace(textsafe.Clean(b.Input.Value())) != "" {
				save = b.recordReadOut()
			}
			b.closeReadOut()
			return tea.Batch(save, b.countdownKey(msg))
		}
		var cmd tea.Cmd
		b.Input, cmd = b.Input.Update(msg)
		return cmd
	}
	switch msg.String() {
	case "esc", "tab", "q":
		b.Mode = ModeCards
		b.Input.Placeholder = b.com.Catalog.Board.CardPh
		b.Input.Focus()
	case "h":
		b.leaveCards()
	case "right", "pgdown", "space", "down", "n", "j":
		if b.countdownDone() {
			return nil
		}
		c.level = nextLevel(cards, c.level, -1, c.noCard)
	case "left", "pgup", "up", "p", "k":
		c.level = nextLevel(cards, c.level, +1, c.noCard)
	case "home":
		c.level = topScore
	case "enter", "c":
		c.readout = true
		b.Input.SetValue("")
		b.Input.Placeholder = b.com.Catalog.Board.ReadOutPh
		b.Input.Focus()
	}
	return nil
}

// closeReadOut closes the countdown's line for a card read aloud.
func (b *Screen) closeReadOut() {
	b.cards.readout = false
	b.Input.SetValue("")
	b.Input.Blur()
}

// nextLevel steps the countdown: with scored cards it skips scores nobody
// holds; without (no-card mode) it calls every score.
func nextLevel(cards []session.Card, l, dir int, noCard bool) int {
	if noCard || len(scored(cards)) == 0 {
		return max(lowestScore, min(topScore, l+dir))
	}
	for n := l + dir; n >= lowestScore && n <= topScore; n += dir {
		if len(atLevel(cards, n)) > 0 {
			return n
		}
	}
	if dir > 0 {
		return topScore
	}
	return l
}

// countdownDone reports whether ten cards have been read at the current
// score (ties included), or no lower score is left.
func (b *Screen) countdownDone() bool {
	cards := b.run.Sess.Cards
	l := b.cards.level
	if readSoFar(cards, l) >= topCards || l <= lowestScore {
		return true
	}
	if b.cards.noCard {
		return false
	}
	return nextLevel(cards, l, -1, false) == l
}

// recordReadOut records a card read aloud at the current score, for
// sessions without typed-in cards: the next free number, the text as
// typed and five scores that add up to the score called.
func (b *Screen) recordReadOut() tea.Cmd {
	c := b.cards
	line := b.Input.Value()
	idea, first, _ := strings.Cut(textsafe.Clean(line), "|")
	idea, first = strings.TrimSpace(idea), strings.TrimSpace(first)
	cards := b.run.Sess.Cards
	num := 1
	for _, k := range cards {
		num = max(num, k.Number+1)
	}
	e := cardEdit{number: num, idea: &idea, firstStep: &first, setScores: true, scores: readOutScores(c.level)}
	next, err := applyCardEdit(cards, e)
	if err != nil {
		b.setStatus(b.cardErrText(err), true)
		return nil
	}
	b.run.Sess.Cards = next
	b.Input.SetValue("")
	return b.saveCards("", fmt.Sprintf(b.com.Catalog.Board.CardSaved, num))
}

// cardsView is the card entry: a table of cards by number, the entry line,
// a status line and the help line.
func (b *Screen) cardsView(width, height int) string {
	st := b.com.Styles
	c := b.com.Catalog.Board
	lang := b.com.Catalog.Lang
	cards := b.run.Sess.Cards
	nScored := len(scored(cards))
	right := count(len(cards), c.CardOne, c.CardMany) + " · " + fmt.Sprintf(c.Scored, nScored)
	if line := b.PhoneLine(); line != "" && b.ph.crowd != phone.CrowdOff {
		right = b.phoneTexts().PhoneMark + " " + line + " · " + right
	}
	out := []string{layout.LeftRight(width, st.Title.Render(c.CardsTitle), st.HeaderDim.Render(right))}
	if height >= 14 {
		out = append(out, "")
	}
	// Columns: number, idea, first step, scores, total.
	scoresW, totalW, numW := 9, 5, 4
	textW := max(8, width-numW-scoresW-totalW-8)
	ideaW := textW * 3 / 5
	stepW := textW - ideaW
	row := func(num, idea, step, scores, total string) string {
		return layout.PadRight(fmt.Sprintf("%*s", numW, num), numW) + "  " + layout.PadRight(ansi.Truncate(idea, ideaW, "…"), ideaW) + "  " +
			layout.PadRight(ansi.Truncate(step, stepW, "…"), stepW) + "  " + layout.PadRight(scores, scoresW) + " " + fmt.Sprintf("%*s", totalW, total)
	}
	out = append(out, ansi.Truncate(st.HeaderDim.Render(row(c.ColNumber, c.ColIdea, c.ColFirstStep, c.ColScores, c.ColTotal)), width, ""))
	rows := height - len(out) - 3
	cs := b.cards
	if cs.sel >= len(cards) {
		cs.sel = max(0, len(cards)-1)
	}
	if cs.sel < cs.scroll {
		cs.scroll = cs.sel
	}
	if rows > 0 && cs.sel >= cs.scroll+rows {
		cs.scroll = cs.sel - rows + 1
	}
	if len(cards) == 0 && rows > 0 {
		for _, l := range layout.Wrap(c.NoCards, width-2, max(1, rows)) {
			out = append(out, " "+st.Muted.Render(l))
		}
	}
	for k := cs.scroll; k < len(cards) && k < cs.scroll+rows; k++ {
		cd := cards[k]
		var sc []string
		for _, s := range cd.Scores {
			sc = append(sc, strconv.Itoa(s))
		}
		total := ""
		if len(cd.Scores) > 0 {
			total = formatTotal(cd.Total(), lang)
		}
		idea := textsafe.Display(cd.Idea)
		if idea == "" {
			idea = "—"
		}
		line := row(strconv.Itoa(cd.Number), idea, textsafe.Display(cd.FirstStep), strings.Join(sc, " "), total)
		if k == cs.sel {
			line = st.Selected.Render(ansi.Truncate(line, width, ""))
		} else {
			line = st.Item.Render(ansi.Truncate(line, width, ""))
		}
		out = append(out, line)
	}
	for len(out) < height-3 {
		out = append(out, "")
	}
	label := c.CardLabel + " › "
	layout.FitInput(&b.Input, max(1, width-ansi.StringWidth(label)-1))
	out = append(out, st.CaptureKind.Render(label)+b.Input.View())
	out = append(out, b.statusLineCards(width))
	k := newBoardKeyMap(b.com.Catalog)
	out = append(out, layout.HelpLine(b.com.Styles, width, layout.WithHelp(k.PickOK, "enter", c.KeySaveCard), layout.WithHelp(k.Nav, "↑/↓", c.KeyNav),
		layout.WithHelp(k.Compact, "tab", c.KeyCountdown), layout.WithEnabled(k.PhoneCrowd, b.phones != nil), layout.WithHelp(k.Back, "esc", c.KeyBack)))
	return strings.Join(out[:min(len(out), height)], "\n")
}

func (b *Screen) statusLineCards(width int) string {
	st := b.com.Styles
	if b.status != "" && b.com.Now.Before(b.statusEnd) {
		style := st.Saved
		if b.statusErr {
			style = st.Error
		} else if b.status == b.com.Catalog.Board.Saving {
			style = st.Info
		}
		return style.Render(ansi.Truncate(textsafe.Display(b.status), width, "…"))
	}
	return st.Muted.Render(ansi.Truncate(b.com.Catalog.Board.CardHint, width, "…"))
}

// countdownView is projected: "Who has 25?", the score in big digits, the
// cards at that score, and how many have been read.
func (b *Screen) countdownView(width, height int) string {
	st := b.com.Styles
	c := b.com.Catalog.Board
	bottom := []string{}
	if b.cards.readout {
		label := fmt.Sprintf(c.ReadOutLabel, b.cards.level) + " › "
		layout.FitInput(&b.Input, max(1, width-ansi.StringWidth(label)-1))
		bottom = append(bottom, st.CaptureKind.Render(label)+b.Input.View())
	}
	bottom = append(bottom, b.statusLineCountdown(width))
	k := newBoardKeyMap(b.com.Catalog)
	bottom = append(bottom, layout.HelpLine(b.com.Styles, width, layout.WithHelp(k.NextTheme, "→/←", c.KeyNextScore),
		layout.WithHelp(k.PickOK, "enter", c.KeyReadOut), layout.WithHelp(k.Compact, "tab", c.KeyCardList), layout.WithHelp(k.Back, "esc", c.KeyCardList)))
	snap := room.Snapshot{Lang: b.com.Catalog.Lang, Show: room.ShowCountdown, Countdown: b.countdown()}
	out := room.CountdownView(snap, width, max(0, height-len(bottom)), st)
	out = append(out, bottom...)
	if len(out) > height {
		out = out[:height]
	}
	return strings.Join(out, "\n")
}

// countdown is the 25/10 read-out as the room sees it.
func (b *Screen) countdown() room.Countdown {
	c := b.com.Catalog.Board
	lang := b.com.Catalog.Lang
	cards := b.run.Sess.Cards
	l := b.cards.level
	read := readSoFar(cards, l)
	noCards := b.cards.noCard || len(scored(cards)) == 0
	cd := room.Countdown{Level: l, Read: read, Top: topCards}
	here := atLevel(cards, l)
	for _, card := range here {
		idea := textsafe.Display(card.Idea)
		if idea == "" {
			idea = "—"
		}
		s := fmt.Sprintf("#%d  %s", card.Number, idea)
		if f := textsafe.Display(card.FirstStep); f != "" {
			s += "  → " + f
		}
		s += "  (" + formatTotal(card.Total(), lang) + ")"
		cd.Cards = append(cd.Cards, s)
	}
	switch {
	case len(here) == 0 && noCards:
		cd.Empty = c.NoCardHint
	case len(here) == 0:
		cd.Empty = c.Nobody
	}
	if b.countdownDone() && len(scored(cards)) > 0 {
		cd.Message = c.Complete
		if _, cut := countdownTop(cards); cut > 0 && read > topCards {
			cd.Message = fmt.Sprintf(c.CompleteTies, read, cut)
		}
	}
	return cd
}

func (b *Screen) statusLineCountdown(width int) string {
	if b.status != "" && b.com.Now.Before(b.statusEnd) {
		return b.statusLineCards(width)
	}
	return ""
}
