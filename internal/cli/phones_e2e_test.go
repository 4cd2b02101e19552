package cli

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"liberate/internal/store"
	"liberate/internal/ui"
)

// testPhone is a plain HTTP client with its own cookie jar: one seat.
type testPhone struct {
	t      *testing.T
	base   string
	client *http.Client
}

func newTestPhone(t *testing.T, base string) *testPhone {
	jar, _ := cookiejar.New(nil)
	p := &testPhone{t: t, base: base, client: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	p.page()
	return p
}

func (p *testPhone) page() string {
	p.t.Helper()
	resp, err := p.client.Get(p.base + "/")
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		p.t.Fatalf("the page: %d", resp.StatusCode)
	}
	return string(b)
}

// post sends a plain form and wants the redirect of a saved input.
func (p *testPhone) post(path string, form url.Values) {
	p.t.Helper()
	resp, err := p.client.PostForm(p.base+"/"+path, form)
	if err != nil {
		p.t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || !strings.Contains(resp.Header.Get("Location"), "?ok=") {
		p.t.Fatalf("%s %v: %d %s", path, form, resp.StatusCode, b)
	}
}

func waitScreen(t *testing.T, tm *teatest.TestModel, want ...string) {
	t.Helper()
	var screen string
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		screen += ansi.Strip(string(b))
		for _, w := range want {
			if !strings.Contains(screen, w) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(15*time.Second))
}

// until polls cond (an HTTP look at the phone page) until it holds, sending
// retry to the program first each time; it fails the test after a while.
func until(t *testing.T, tm *teatest.TestModel, retry tea.Msg, cond func() bool) {
	t.Helper()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	giveUp := time.After(15 * time.Second)
	for {
		if retry != nil {
			tm.Send(retry)
		}
		select {
		case <-tick.C:
		case <-giveUp:
			t.Fatal("the phone page never showed what the console opened")
		}
		if cond() {
			return
		}
	}
}

func key(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

// TestPhonesVoteOnTheBoard runs a session with --join on 127.0.0.1: three
// phones send notes, the facilitator opens the board and phone voting
// with 2 dots, the phones vote (one changes its ballot), the facilitator
// adds a typed dot, and the file and the export hold typed + phone dots.
func TestPhonesVoteOnTheBoard(t *testing.T) {
	ta := newTestApp(t)
	ta.RunTUI = func(m *ui.Model) error {
		tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 36))
		var screen string
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			screen += ansi.Strip(string(b))
			return joinURL.MatchString(screen)
		}, teatest.WithDuration(10*time.Second))
		served := joinURL.FindString(screen)
		for range 4 {
			tm.Send(tea.KeyPressMsg{Code: tea.KeyPgDown})
		}
		waitScreen(t, tm, "WHOLE GROUP")
		a, b, c := newTestPhone(t, served), newTestPhone(t, served), newTestPhone(t, served)
		a.post("note", url.Values{"text": {"The printer jams every morning"}})
		b.post("note", url.Values{"text": {"The printer is out of toner again"}})
		c.post("note", url.Values{"text": {"Meetings start late every week"}})
		c.post("note", url.Values{"text": {"Meetings run over time"}})
		tm.Send(key('h'))
		// v opens voting once the board proposed its themes.
		until(t, tm, key('v'), func() bool { return strings.Contains(a.page(), "Spread your 3 dots") })
		tm.Send(key('<'))
		until(t, tm, nil, func() bool { return strings.Contains(a.page(), "Spread your 2 dots") })
		page := a.page()
		if !strings.Contains(page, "Spread your 2 dots") || !strings.Contains(page, `name="t1"`) {
			t.Fatalf("no ballot on the phone:\n%s", page)
		}
		// Theme 1 is printer (t0), theme 2 meetings (t1).
		a.post("vote", url.Values{"t0": {"2"}})
		b.post("vote", url.Values{"t0": {"1"}, "t1": {"1"}})
		c.post("vote", url.Values{"t1": {"2"}})
		c.post("vote", url.Values{"t0": {"1"}, "t1": {"1"}}) // changed its mind
		tm.Send(key('v'))
		until(t, tm, nil, func() bool { return !strings.Contains(a.page(), "Spread your") })
		tm.Send(key('+')) // a typed dot on the selected theme, beside the phones' dots
		tm.Send(key('q'))
		tm.Send(key('q'))
		tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
		return nil
	}
	if _, errOut, code := ta.exec(t, "run", "1-2-4-all", "--join", "--listen", "127.0.0.1:0"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	st, err := store.Open(ta.env["LIBERATE_DB"], store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	sess, _ := st.LastSession()
	cs, _ := st.Clusters(sess.ID)
	st.Close()
	// The first theme (the printer notes) has 4 phone dots and a typed one;
	// the other theme (the meetings) 2 phone dots.
	votes := map[bool]int{}
	for _, c := range cs {
		votes[strings.Contains(c.Label, "printer")] = c.Votes
	}
	if len(cs) != 2 || votes[true] != 5 || votes[false] != 2 {
		t.Fatalf("themes in the file: %+v", cs)
	}
	out, _, _ := ta.exec(t, "export", "last")
	if !strings.Contains(out, "printer (2 notes, 5 votes)") || !strings.Contains(out, "(2 notes, 2 votes)") {
		t.Fatalf("export:\n%s", out)
	}
}

var cardField = regexp.MustCompile(`name="card" value="([0-9]+)"`)

// TestPhonesWriteAndScore2510 runs 25/10 from phones on 127.0.0.1: six
// phones write their card, then score the five cards handed to each, and
// the cards, their scores and the top ten are in the file and the export;
// a typed card keeps working beside them.
func TestPhonesWriteAndScore2510(t *testing.T) {
	ta := newTestApp(t)
	ideas := []string{"Free Friday afternoons", "A tool library", "Walking meetings", "One meeting-free day", "Open books", "Rotate the chair"}
	ta.RunTUI = func(m *ui.Model) error {
		tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 36))
		var screen string
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			screen += ansi.Strip(string(b))
			return joinURL.MatchString(screen)
		}, teatest.WithDuration(10*time.Second))
		served := joinURL.FindString(screen)
		tm.Send(tea.KeyPressMsg{Code: tea.KeyPgDown})
		tm.Send(key('5'))
		waitScreen(t, tm, "ctrl+p")
		phones := make([]*testPhone, len(ideas))
		for i := range phones {
			phones[i] = newTestPhone(t, served)
		}
		tm.Send(tea.KeyPressMsg{Code: 'p', Mod: tea.ModCtrl})
		until(t, tm, nil, func() bool { return strings.Contains(phones[0].page(), `action="idea"`) })
		for i, p := range phones {
			if !strings.Contains(p.page(), `action="idea"`) {
				t.Fatalf("phone %d sees no idea form", i)
			}
			form := url.Values{"text": {ideas[i]}}
			if i == 0 {
				form.Set("step", "block the calendar")
			}
			p.post("idea", form)
		}
		tm.Send(tea.KeyPressMsg{Code: 'p', Mod: tea.ModCtrl})
		until(t, tm, nil, func() bool { return cardField.MatchString(phones[0].page()) })
		for round := range 5 {
			for i, p := range phones {
				m := cardField.FindStringSubmatch(p.page())
				if m == nil {
					t.Fatalf("round %d: phone %d has no card", round+1, i)
				}
				p.post("score", url.Values{"card": {m[1]}, "score": {string(rune('1' + (i+round)%5))}})
			}
		}
		if page := phones[0].page(); !strings.Contains(page, "You have scored all your cards") {
			t.Fatalf("phone 0 after five scores:\n%s", page)
		}
		waitScreen(t, tm, "every score i")
		for _, line := range []string{"99 Typed card | by hand", "99: 5 5 5 5 5"} {
			for _, r := range line {
				tm.Send(key(r))
			}
			tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
		}
		tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
		tm.Send(key('q'))
		tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
		return nil
	}
	if _, errOut, code := ta.exec(t, "run", "25-10", "--join", "--listen", "127.0.0.1:0"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	st, err := store.Open(ta.env["LIBERATE_DB"], store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	sess, _ := st.LastSession()
	st.Close()
	if len(sess.Cards) != 7 {
		t.Fatalf("cards in the file: %+v", sess.Cards)
	}
	total := 0
	for _, c := range sess.Cards[:6] {
		if len(c.Scores) != 5 {
			t.Fatalf("card %+v has not five scores", c)
		}
		total += len(c.Scores)
	}
	if total != 30 || sess.Cards[0].Idea != "Free Friday afternoons" || sess.Cards[0].FirstStep != "block the calendar" || sess.Cards[6].Number != 99 {
		t.Fatalf("cards in the file: %+v", sess.Cards)
	}
	out, _, _ := ta.exec(t, "export", "last")
	if !strings.Contains(out, "25/10 top ten") || !strings.Contains(out, "Free Friday afternoons") || !strings.Contains(out, "Rotate the chair") || !strings.Contains(out, "Typed card") {
		t.Fatalf("export:\n%s", out)
	}
}
