package cli

import (
	"bytes"
	"net"
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

var joinURL = regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+/[A-Z0-9]{6}`)

// TestRunWithJoinTakesANoteFromAPhone runs `liberate run 1-2-4-all --join
// --listen 127.0.0.1:0` as a program: the screen shows the join URL and
// code, a plain HTTP client loads the page with a cookie jar and posts its
// form, the note shows on the console, lands in the file and the export
// counts it; the page stops listening when the session ends.
func TestRunWithJoinTakesANoteFromAPhone(t *testing.T) {
	ta := newTestApp(t)
	var served string
	ta.RunTUI = func(m *ui.Model) error {
		tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(110, 32))
		var screen string
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			screen += ansi.Strip(string(b))
			return joinURL.MatchString(screen) && strings.Contains(screen, "Code")
		}, teatest.WithDuration(10*time.Second))
		served = joinURL.FindString(screen)
		for range 4 { // the title screen, then to the whole-group step
			tm.Send(tea.KeyPressMsg{Code: tea.KeyPgDown})
		}
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("WHOLE GROUP")) },
			teatest.WithDuration(10*time.Second))

		jar, _ := cookiejar.New(nil)
		client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := client.Get(served + "/")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("the page: %d", resp.StatusCode)
		}
		resp, err = client.PostForm(served+"/note", url.Values{"text": {"The CRM asks for the same data twice"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther || !strings.Contains(resp.Header.Get("Location"), "?ok=") {
			t.Fatalf("the form: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			s := ansi.Strip(string(b))
			return strings.Contains(s, "The CRM asks for the same data twice") && strings.Contains(s, "1 note in")
		}, teatest.WithDuration(10*time.Second))
		tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
		tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
		return nil
	}
	if _, errOut, code := ta.exec(t, "run", "1-2-4-all", "--join", "--listen", "127.0.0.1:0", "--invitation", "What slows you down?"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	host := strings.TrimPrefix(served, "http://")
	host = host[:strings.Index(host, "/")]
	if c, err := net.Dial("tcp", host); err == nil {
		c.Close()
		t.Fatal("the phone page still listens after the session ended")
	}
	st, err := store.Open(ta.env["LIBERATE_DB"], store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	sess, _ := st.LastSession()
	notes, _ := st.Notes(sess.ID)
	st.Close()
	if len(notes) != 1 || !notes[0].Phone || notes[0].Revealed || notes[0].Seat == "" || notes[0].StepIndex != 3 {
		t.Fatalf("notes %+v", notes)
	}
	out, _, _ := ta.exec(t, "export", "last")
	if !strings.Contains(out, "1 of the 1 notes were sent from phones") || !strings.Contains(out, "The CRM asks for the same data twice") {
		t.Fatalf("export:\n%s", out)
	}
}

func TestListenWithoutJoinSaysWhatToAdd(t *testing.T) {
	ta := newTestApp(t)
	_, errOut, code := ta.exec(t, "run", "1-2-4-all", "--listen", "127.0.0.1:0")
	if code == 0 || !strings.Contains(errOut, "add --join") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	_, errOut, code = ta.exec(t, "run", "1-2-4-all", "--join", "--listen", net.JoinHostPort("0.0.0.0", "8025")) // refused by the flag check, before anything binds
	if code == 0 || !strings.Contains(errOut, "every network") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}
