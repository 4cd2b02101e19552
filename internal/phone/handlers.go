package phone

import (
	"crypto/rand"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"liberate/internal/i18n"
	"liberate/internal/textsafe"
)

//go:embed assets
var assets embed.FS

var pageTmpl = template.Must(template.ParseFS(assets, "assets/page.html"))

type textsPhone = i18n.Phone

func texts(r *http.Request) *textsPhone {
	return i18n.PhoneFor(i18n.PhoneLang(r.Header.Get("Accept-Language")))
}

func asset(name, contentType string) http.HandlerFunc {
	data, err := assets.ReadFile("assets/" + name)
	if err != nil {
		panic("phone: missing asset " + name)
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		if r.Method != http.MethodHead {
			_, _ = w.Write(data)
		}
	}
}

// roomMode names what the room collects now; a phone whose page shows
// another mode fetches the page again.
func roomMode(st State) string {
	switch {
	case st.Crowd.Phase == CrowdWriting:
		return "idea"
	case st.Crowd.Phase == CrowdScoring:
		return "score:" + strconv.Itoa(st.Crowd.Round)
	case st.Voting.Open:
		ids := make([]string, len(st.Voting.Themes))
		for i, th := range st.Voting.Themes {
			ids[i] = th.ID
		}
		return "vote:" + strconv.Itoa(st.Voting.Dots) + ":" + strings.Join(ids, ",")
	case st.Capture != "":
		return "note:" + string(st.Capture)
	}
	return "closed"
}

// clockText is the countdown as the page first shows it; the script keeps
// it running.
func clockText(st State, now time.Time, t *textsPhone) string {
	if st.Deadline.IsZero() && !st.Paused {
		return ""
	}
	left := st.Left
	if !st.Paused {
		left = st.Deadline.Sub(now)
	}
	over := left < 0
	if over {
		left = -left
	}
	secs := int((left + time.Second - 1) / time.Second)
	if over {
		secs = int(left / time.Second)
	}
	txt := fmt.Sprintf("%d:%02d", secs/60, secs%60)
	switch {
	case over:
		txt = "+" + txt + " " + t.Overtime
	case st.Paused:
		txt += " · " + t.Paused
	}
	return txt
}

type themeRow struct {
	ID, Label, Field string
	Dots             int
}

type cardRow struct {
	ID    uint64
	Text  string
	Round string
}

type pageData struct {
	Lang, Mode                string
	T                         *textsPhone
	Title, Invitation, Prompt string
	Clock                     string
	Flash, Error              string
	MaxRunes                  int

	NoteLabel string

	Voting    bool
	VoteTitle string
	Dots      int
	Themes    []themeRow

	Writing  bool
	IdeaHave string

	Scoring   bool
	Card      *cardRow
	ScoreNote string

	Nothing bool
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	flash := ""
	if tok, ok := s.seatOf(r); ok {
		if seat, err := s.seats.Hash(tok); err == nil {
			flash = flashText(s.takeFlash(r.URL.Query().Get("ok"), seat), texts(r))
		}
	}
	s.render(w, r, http.StatusOK, "", flash)
}

// flashTTL is how long the redirect after a save may take to say "saved".
const flashTTL = time.Minute

// maxFlashes bounds the confirmations waiting to be shown.
const maxFlashes = 10000

// flash is a confirmation waiting for the page the redirect leads to.
type flash struct {
	seat, key string
	until     time.Time
}

// newFlash remembers that the seat's input (key: note, vote, idea, score)
// is on disk and returns the one-time token the redirect carries; only
// the same seat can show it, once, within flashTTL. A hand-typed ?ok=
// shows nothing.
func (s *Server) newFlash(seat, key string) string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return ""
	}
	tok := hex.EncodeToString(b[:])
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.flashes) >= maxFlashes {
		for k, f := range s.flashes {
			if now.After(f.until) {
				delete(s.flashes, k)
			}
		}
		if len(s.flashes) >= maxFlashes {
			return ""
		}
	}
	s.flashes[tok] = flash{seat: seat, key: key, until: now.Add(flashTTL)}
	return tok
}

// takeFlash returns the key of the confirmation behind tok for this seat
// and forgets it; "" when there is none.
func (s *Server) takeFlash(tok, seat string) string {
	if tok == "" {
		return ""
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.flashes[tok]
	if !ok || f.seat != seat {
		return ""
	}
	delete(s.flashes, tok)
	if s.now().After(f.until) {
		return ""
	}
	return f.key
}

func flashText(key string, t *textsPhone) string {
	switch key {
	case "note":
		return t.Saved
	case "vote":
		return t.Saved
	case "idea":
		return t.IdeaSaved
	case "score":
		return t.ScoreSaved
	}
	return ""
}

// render writes the page for this phone with status, an error or a saved
// message.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, errMsg, flash string) {
	t := texts(r)
	tok, ok := s.seatOf(r)
	if !ok {
		var err error
		if tok, err = s.setSeat(w); err != nil {
			http.Error(w, t.Again, http.StatusGone)
			return
		}
	}
	seat, err := s.seats.Hash(tok)
	if err != nil {
		http.Error(w, t.Again, http.StatusGone)
		return
	}
	st := s.opt.Room.PhoneState()
	d := pageData{
		Lang: i18n.PhoneLang(r.Header.Get("Accept-Language")), Mode: roomMode(st), T: t,
		Title: textsafe.Display(st.Title), Invitation: textsafe.Display(st.Invitation), Prompt: textsafe.Display(st.Prompt),
		Clock: clockText(st, s.now(), t), Flash: flash, Error: errMsg, MaxRunes: s.lim.MaxNoteRunes,
	}
	s.mu.Lock()
	s.observe(st)
	switch {
	case st.Crowd.Phase == CrowdWriting:
		d.Writing = true
		if i, ok := s.ideaOf[seat]; ok {
			d.IdeaHave = t.IdeaHave
			if i >= 0 && i < len(s.ideas) {
				d.IdeaHave = t.IdeaHave + " “" + s.ideas[i].text + "”"
			}
		}
	case st.Crowd.Phase == CrowdScoring:
		d.Scoring = true
		phone, ok := s.ideaOf[seat]
		switch {
		case !ok || s.alloc == nil || phone >= len(s.alloc.Cards):
			d.ScoreNote = t.ScoreNoIdea
		default:
			idx, round := s.nextCard(phone, st.Crowd.Round)
			switch {
			case idx >= 0:
				d.Card = &cardRow{ID: s.ideas[idx].cardID, Text: s.ideas[idx].text,
					Round: fmt.Sprintf(t.ScoreRound, round+1, len(s.alloc.Cards[phone]))}
			case round >= len(s.alloc.Cards[phone]):
				d.ScoreNote = t.ScoreDone
			default:
				d.ScoreNote = t.ScoreSaved
			}
		}
	case st.Voting.Open:
		d.Voting = true
		d.Dots = st.Voting.Dots
		d.VoteTitle = fmt.Sprintf(t.VoteTitle, st.Voting.Dots)
		ballot := s.ballots[seat]
		for i, th := range st.Voting.Themes {
			d.Themes = append(d.Themes, themeRow{ID: th.ID, Label: textsafe.Display(th.Label),
				Field: "t" + strconv.Itoa(i), Dots: ballot[th.ID]})
		}
	case st.Capture != "":
		d.NoteLabel = t.YourKind[string(st.Capture)]
		if d.NoteLabel == "" {
			d.NoteLabel = t.YourKind["note"]
		}
	default:
		d.Nothing = true
	}
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if r.Method == http.MethodHead {
		return
	}
	_ = pageTmpl.Execute(w, d)
}

// nextCard returns the index (into s.ideas) of the card the phone scores
// next and its round, or -1 and the round it waits for (len = all scored).
// With round 0 the phone goes through its cards at its own pace; with a
// round r it may score the cards of rounds 1..r. s.mu is held.
func (s *Server) nextCard(phone, round int) (int, int) {
	cards := s.alloc.Cards[phone]
	limit := len(cards)
	if round > 0 {
		limit = min(round, len(cards))
	}
	for r := range limit {
		if !s.scored[[2]int{phone, cards[r]}] {
			return cards[r], r
		}
	}
	return -1, limit
}

func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

type reply struct {
	OK      bool   `json:"ok"`
	Message string `json:"message"`
	Reload  bool   `json:"reload,omitempty"`
}

// answer finishes a request that was refused (status ≥ 400) with msg, as
// JSON for the script or as the page for a plain form.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, status int, msg func(*textsPhone) string, _ string) {
	t := texts(r)
	if wantsJSON(r) || r.Method != http.MethodPost {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(reply{Message: msg(t), Reload: status == http.StatusConflict})
		return
	}
	s.render(w, r, status, msg(t), "")
}

// saved finishes a request whose input is on disk: "saved ✓" for the
// script, or a redirect to the page that says so for a plain form.
func (s *Server) saved(w http.ResponseWriter, r *http.Request, seat, key, msg string, reload bool) {
	s.changedByPhone()
	if wantsJSON(r) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(reply{OK: true, Message: msg, Reload: reload})
		return
	}
	loc := "/" + s.seats.Code() + "/"
	if tok := s.newFlash(seat, key); tok != "" {
		loc += "?ok=" + tok
	}
	http.Redirect(w, r, loc, http.StatusSeeOther)
}

// admit reads the form of a POST and finds the phone's seat; it answers the
// request itself and returns false when the body is too large, the phone
// has no seat, sends too fast or is muted.
func (s *Server) admit(w http.ResponseWriter, r *http.Request) (seat string, ok bool) {
	if r.ContentLength > s.lim.MaxBody {
		s.answer(w, r, http.StatusRequestEntityTooLarge, func(t *textsPhone) string { return fmt.Sprintf(t.TooLong, s.lim.MaxNoteRunes) }, "")
		return "", false
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.lim.MaxBody)
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.answer(w, r, http.StatusRequestEntityTooLarge, func(t *textsPhone) string { return fmt.Sprintf(t.TooLong, s.lim.MaxNoteRunes) }, "")
			return "", false
		}
		s.answer(w, r, http.StatusBadRequest, func(t *textsPhone) string { return t.Again }, "")
		return "", false
	}
	tok, ok := s.seatOf(r)
	if !ok {
		s.answer(w, r, http.StatusForbidden, func(t *textsPhone) string { return t.Again }, "")
		return "", false
	}
	seat, err := s.seats.Hash(tok)
	if err != nil {
		s.answer(w, r, http.StatusGone, func(t *textsPhone) string { return t.Again }, "")
		return "", false
	}
	if d := s.seatLim.reserve(seat, s.now()); d > 0 {
		s.tooMany(w, r, d)
		return "", false
	}
	if s.Muted(seat) {
		s.answer(w, r, http.StatusForbidden, func(t *textsPhone) string { return t.Muted }, "")
		return "", false
	}
	return seat, true
}

// cleanText checks and cleans a note or idea: too long is 413, nothing
// visible 422.
func (s *Server) cleanText(w http.ResponseWriter, r *http.Request, raw string) (string, bool) {
	if utf8.RuneCountInString(raw) > s.lim.MaxNoteRunes {
		s.answer(w, r, http.StatusRequestEntityTooLarge, func(t *textsPhone) string { return fmt.Sprintf(t.TooLong, s.lim.MaxNoteRunes) }, "")
		return "", false
	}
	text, _, err := textsafe.Note(raw)
	if err != nil {
		s.answer(w, r, http.StatusUnprocessableEntity, func(t *textsPhone) string { return t.Empty }, "")
		return "", false
	}
	return text, true
}

func notOpen(t *textsPhone) string { return t.NotOpen }
func failed(t *textsPhone) string  { return t.Failed }

func (s *Server) postNote(w http.ResponseWriter, r *http.Request) {
	seat, ok := s.admit(w, r)
	if !ok {
		return
	}
	st := s.opt.Room.PhoneState()
	if st.Capture == "" || !kindOK(st.Capture) || st.Crowd.Phase != CrowdOff {
		s.answer(w, r, http.StatusConflict, notOpen, "")
		return
	}
	text, ok := s.cleanText(w, r, r.PostForm.Get("text"))
	if !ok {
		return
	}
	if err := s.opt.Sink.AddNote(r.Context(), text, st.Capture, seat); err != nil {
		s.answer(w, r, http.StatusServiceUnavailable, failed, "")
		return
	}
	s.saved(w, r, seat, "note", texts(r).Saved, false)
}

func (s *Server) postVote(w http.ResponseWriter, r *http.Request) {
	seat, ok := s.admit(w, r)
	if !ok {
		return
	}
	st := s.opt.Room.PhoneState()
	if !st.Voting.Open || st.Crowd.Phase != CrowdOff {
		s.answer(w, r, http.StatusConflict, notOpen, "")
		return
	}
	ballot := map[string]int{}
	total := 0
	for i, th := range st.Voting.Themes {
		v := strings.TrimSpace(r.PostForm.Get("t" + strconv.Itoa(i)))
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > st.Voting.Dots {
			s.answer(w, r, http.StatusUnprocessableEntity, func(t *textsPhone) string { return fmt.Sprintf(t.VoteOver, st.Voting.Dots) }, "")
			return
		}
		if n > 0 {
			ballot[th.ID] += n
			total += n
		}
	}
	if total > st.Voting.Dots {
		s.answer(w, r, http.StatusUnprocessableEntity, func(t *textsPhone) string { return fmt.Sprintf(t.VoteOver, st.Voting.Dots) }, "")
		return
	}
	if err := s.opt.Sink.Vote(r.Context(), seat, ballot); err != nil {
		s.answer(w, r, http.StatusServiceUnavailable, failed, "")
		return
	}
	s.mu.Lock()
	s.ballots[seat] = ballot
	s.mu.Unlock()
	s.saved(w, r, seat, "vote", fmt.Sprintf(texts(r).VoteSaved, total), false)
}

// IdeaStepSep joins a 25/10 card's bold idea and its first step in the
// text a Sink gets from AddIdea.
const IdeaStepSep = " | "

func (s *Server) postIdea(w http.ResponseWriter, r *http.Request) {
	seat, ok := s.admit(w, r)
	if !ok {
		return
	}
	st := s.opt.Room.PhoneState()
	if st.Crowd.Phase != CrowdWriting {
		s.answer(w, r, http.StatusConflict, notOpen, "")
		return
	}
	text, ok := s.cleanText(w, r, r.PostForm.Get("text"))
	if !ok {
		return
	}
	if raw := r.PostForm.Get("step"); strings.TrimSpace(raw) != "" {
		step, ok := s.cleanText(w, r, raw)
		if !ok {
			return
		}
		text += IdeaStepSep + step
	}
	s.mu.Lock()
	s.observe(st)
	if _, have := s.ideaOf[seat]; have || s.alloc != nil {
		s.mu.Unlock()
		s.answer(w, r, http.StatusConflict, func(t *textsPhone) string { return t.IdeaHave }, "")
		return
	}
	i := len(s.ideas)
	s.ideas = append(s.ideas, idea{seat: seat, text: text})
	s.ideaOf[seat] = i
	s.mu.Unlock()

	id, err := s.opt.Sink.AddIdea(r.Context(), text, seat)
	s.mu.Lock()
	if err != nil {
		// Not saved: the seat may try again.
		if i < len(s.ideas) && s.ideas[i].seat == seat {
			s.ideas[i].text = ""
		}
		delete(s.ideaOf, seat)
	} else if i < len(s.ideas) && s.ideas[i].seat == seat {
		s.ideas[i].cardID, s.ideas[i].saved = id, true
	}
	s.mu.Unlock()
	if err != nil {
		s.answer(w, r, http.StatusServiceUnavailable, failed, "")
		return
	}
	s.saved(w, r, seat, "idea", texts(r).IdeaSaved, true)
}

func (s *Server) postScore(w http.ResponseWriter, r *http.Request) {
	seat, ok := s.admit(w, r)
	if !ok {
		return
	}
	st := s.opt.Room.PhoneState()
	if st.Crowd.Phase != CrowdScoring {
		s.answer(w, r, http.StatusConflict, notOpen, "")
		return
	}
	cardID, err1 := strconv.ParseUint(r.PostForm.Get("card"), 10, 64)
	score, err2 := strconv.Atoi(r.PostForm.Get("score"))
	if err1 != nil || err2 != nil || score < 1 || score > 5 {
		s.answer(w, r, http.StatusUnprocessableEntity, func(t *textsPhone) string { return t.ScoreHint }, "")
		return
	}
	s.mu.Lock()
	s.observe(st)
	phone, ok := s.ideaOf[seat]
	if !ok || s.alloc == nil || phone >= len(s.alloc.Cards) {
		s.mu.Unlock()
		s.answer(w, r, http.StatusConflict, func(t *textsPhone) string { return t.ScoreNoIdea }, "")
		return
	}
	idx, _ := s.nextCard(phone, st.Crowd.Round)
	if idx < 0 || s.ideas[idx].cardID != cardID {
		s.mu.Unlock()
		s.answer(w, r, http.StatusConflict, notOpen, "")
		return
	}
	key := [2]int{phone, idx}
	s.scored[key] = true
	s.mu.Unlock()

	if err := s.opt.Sink.Score(r.Context(), cardID, score, seat); err != nil {
		s.mu.Lock()
		delete(s.scored, key)
		s.mu.Unlock()
		s.answer(w, r, http.StatusServiceUnavailable, failed, "")
		return
	}
	s.mu.Lock()
	s.nScored++
	s.mu.Unlock()
	s.saved(w, r, seat, "score", texts(r).ScoreSaved, true)
}
