package board

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"liberate/internal/i18n"
	"liberate/internal/phone"
	"liberate/internal/session"
	"liberate/internal/ui/run"
)

// DefaultPhoneDots is how many dots each phone gets when voting opens.
const DefaultPhoneDots = 3

// maxPhoneDots bounds the dots per phone.
const maxPhoneDots = 9

// PhoneProgress says how far 25/10 scoring from phones has come; the root
// model passes the phone page when the session serves one.
type PhoneProgress interface {
	Progress() phone.Progress
}

// errCardFull answers a phone score for a card that already has five.
var errCardFull = errors.New("this card has five scores already")

// errNoCard answers a phone score for a card that was removed.
var errNoCard = errors.New("this card is not on the board any more")

// phoneState is what the board opened to phones.
type phoneState struct {
	voting bool
	dots   int
	crowd  phone.CrowdPhase
}

func (b *Screen) phoneTexts() *i18n.Phone { return i18n.PhoneFor(b.com.Catalog.Lang) }

// SetPhones tells the board that the session serves the phone page.
func (b *Screen) SetPhones(p PhoneProgress) {
	b.phones = p
	if b.ph.dots == 0 {
		b.ph.dots = DefaultPhoneDots
	}
}

// PhoneVoting reports whether phones may vote now, and with how many dots.
func (b *Screen) PhoneVoting() (open bool, dots int) { return b.ph.voting, b.ph.dots }

// PhoneCrowd is the 25/10 phase opened to phones.
func (b *Screen) PhoneCrowd() phone.CrowdPhase { return b.ph.crowd }

// PhoneState fills in what the board opened to phones: dot voting on its
// themes, or 25/10 writing or scoring (at each phone's own pace).
func (b *Screen) PhoneState(st *phone.State) {
	if b.phones == nil {
		return
	}
	if b.ph.voting {
		st.Voting = phone.Voting{Open: true, Dots: b.ph.dots}
		for i, c := range b.Clusters {
			st.Voting.Themes = append(st.Voting.Themes, phone.Theme{ID: c.ID, Label: b.sectionLabel(i)})
		}
	}
	st.Crowd = phone.Crowd{Phase: b.ph.crowd}
}

// PhoneLine is what the room is told about what phones may do now ("" for
// nothing): voting is open with N dots, write your 25/10 card, or how many
// scores are in.
func (b *Screen) PhoneLine() string {
	if b.phones == nil {
		return ""
	}
	t := b.phoneTexts()
	switch b.ph.crowd {
	case phone.CrowdWriting:
		return fmt.Sprintf(t.RoomWriting, b.phones.Progress().Ideas)
	case phone.CrowdScoring:
		p := b.phones.Progress()
		if p.Done {
			return t.RoomScored
		}
		return fmt.Sprintf(t.RoomScoring, p.Scored, p.Total)
	}
	if b.ph.voting {
		return fmt.Sprintf(t.RoomVoting, b.ph.dots)
	}
	return ""
}

// togglePhoneVoting opens or closes dot voting from phones.
func (b *Screen) togglePhoneVoting() {
	t := b.phoneTexts()
	if b.phones == nil {
		b.setStatus(t.NoPhones, false)
		return
	}
	if b.ph.crowd != phone.CrowdOff {
		b.setStatus(t.CrowdBusy, false)
		return
	}
	if !b.ph.voting && len(b.Clusters) == 0 {
		b.setStatus(b.com.Catalog.Board.SelectTheme, false)
		return
	}
	b.ph.voting = !b.ph.voting
	if b.ph.voting {
		b.setStatus(fmt.Sprintf(t.VotingOpened, b.ph.dots), false)
	} else {
		b.setStatus(t.VotingClosed, false)
	}
}

// phoneDots changes the dots per phone by d (1–9).
func (b *Screen) phoneDots(d int) {
	if b.phones == nil {
		b.setStatus(b.phoneTexts().NoPhones, false)
		return
	}
	b.ph.dots = max(1, min(maxPhoneDots, b.ph.dots+d))
	b.setStatus(fmt.Sprintf(b.phoneTexts().DotsNow, b.ph.dots), false)
}

// cyclePhoneCrowd moves 25/10 on phones from off to writing to scoring
// and back to off. Scoring hands out the cards written so far; closing it
// keeps every card and score in the session.
func (b *Screen) cyclePhoneCrowd() {
	t := b.phoneTexts()
	if b.phones == nil {
		b.setStatus(t.NoPhones, false)
		return
	}
	switch b.ph.crowd {
	case phone.CrowdOff:
		b.ph.voting = false
		b.ph.crowd = phone.CrowdWriting
		b.setStatus(t.WritingOpened, false)
	case phone.CrowdWriting:
		b.ph.crowd = phone.CrowdScoring
		b.setStatus(t.ScoringOpened, false)
	default:
		b.ph.crowd = phone.CrowdOff
		b.setStatus(t.CrowdClosed, false)
	}
}

// PhoneInput saves what phones sent: all dots of the message as one board
// change (undoable, written like a typed tally), all cards and scores as
// one save of the session's cards. Every phone is answered once its input
// is on disk, or with the error.
func (b *Screen) PhoneInput(msg run.PhoneInputMsg) tea.Cmd {
	var cmds []tea.Cmd
	if len(msg.Votes) > 0 {
		cmds = append(cmds, b.phoneVotes(msg.Votes))
	}
	if len(msg.Ideas)+len(msg.Scores) > 0 {
		cmds = append(cmds, b.phoneCards(msg.Ideas, msg.Scores))
	}
	return tea.Batch(cmds...)
}

func (b *Screen) phoneVotes(votes []run.PhoneVote) tea.Cmd {
	t := b.begin()
	dots := 0
	for _, v := range votes {
		for id, d := range v.Delta {
			s := b.SectionOf(id)
			if s >= len(b.Clusters) {
				continue // the theme is gone: its dots with it
			}
			b.Clusters[s].Votes = max(0, b.Clusters[s].Votes+d)
			dots += d
		}
	}
	acks := make([]func(error), len(votes))
	for i, v := range votes {
		acks[i] = v.Done
	}
	t.acks = acks
	cmd := t.commit(session.OpVote, b.phoneTexts().PhoneVoted)
	if cmd == nil {
		for _, a := range acks {
			a(nil)
		}
	}
	return cmd
}

// splitIdea reads a phone's card: the bold idea, then after
// phone.IdeaStepSep its first step.
func splitIdea(text string) (idea, step string) {
	idea, step, _ = strings.Cut(strings.TrimSpace(text), phone.IdeaStepSep)
	return strings.TrimSpace(idea), strings.TrimSpace(step)
}

func (b *Screen) phoneCards(ideas []run.PhoneIdea, scores []run.PhoneScore) tea.Cmd {
	b.ensureCards()
	cards := slices.Clone(b.run.Sess.Cards)
	var acks []func(error)
	for _, in := range ideas {
		var id uint64
		number := 0
		for _, c := range cards {
			id, number = max(id, c.ID), max(number, c.Number)
		}
		idea, step := splitIdea(in.Text)
		card := session.Card{ID: id + 1, Number: number + 1, Idea: idea, FirstStep: step}
		cards = append(cards, card)
		done := in.Done
		acks = append(acks, func(err error) { done(card.ID, err) })
	}
	for _, sc := range scores {
		i := slices.IndexFunc(cards, func(c session.Card) bool { return c.ID == sc.CardID })
		switch {
		case i < 0:
			sc.Done(errNoCard)
			continue
		case len(cards[i].Scores) >= maxScores:
			sc.Done(errCardFull)
			continue
		}
		cards[i].Scores = append(slices.Clone(cards[i].Scores), sc.Score)
		acks = append(acks, sc.Done)
	}
	if len(acks) == 0 {
		return nil
	}
	slices.SortStableFunc(cards, func(a, c session.Card) int { return a.Number - c.Number })
	b.run.Sess.Cards = cards
	label := b.phoneTexts().PhoneCards
	return b.saveCardsAck("", label, acks)
}
