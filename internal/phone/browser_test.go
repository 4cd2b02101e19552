package phone

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"liberate/internal/export"
	"liberate/internal/session"
	"liberate/internal/structure"
)

// chromium returns the path of a Chromium or Chrome binary, or "".
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts headless Chromium that can reach 127.0.0.1 only: every
// other host name fails to resolve and every other address goes to a
// proxy that does not exist.
func browser(t *testing.T) context.Context {
	t.Helper()
	bin := chromium()
	if bin == "" {
		t.Skip("Chromium is not installed (Debian: apt-get install chromium); the browser test needs it")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.ProxyServer("http://127.0.0.1:9"),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication"),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	// A guard against a hung browser, not a measure.
	ctx, cancel3 := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancel3)
	if err := chromedp.Do(ctx); err != nil {
		t.Skipf("Chromium at %s does not start here: %v", bin, err)
	}
	return ctx
}

const hostileNote = "<script>alert(1)</script> \x1b]8;;http://evil.example\x07click\x1b]8;;\x07 \x1b]0;pwned\x07=HYPERLINK(\"http://evil.example\",\"x\")"

// hostileClean is hostileNote as textsafe cleans it: the escapes are gone,
// the rest stays as plain text.
const hostileClean = "<script>alert(1)</script> click =HYPERLINK(\"http://evil.example\",\"x\")"

func TestABrowserSendsNotesThatReachTheFileAsPlainText(t *testing.T) {
	ctx := browser(t)
	path := filepath.Join(t.TempDir(), "browser.db")
	st, sid := newSession(t, path)
	defer st.Close()
	ss, err := st.Session(sid)
	if err != nil {
		t.Fatal(err)
	}
	ss.Plan = []structure.PlannedStep{{Structure: "1-2-4-all", StructureName: structure.Text{EN: "1-2-4-All"}, Path: "4", Number: 4, Total: 4, Label: structure.Text{EN: "All"}}}
	ss.Records = make([]session.StepRecord, 1)
	if err := st.SaveSession(ss); err != nil {
		t.Fatal(err)
	}
	room := &fakeRoom{st: State{Title: "1-2-4-All · All", Invitation: "What slows you down every day?", Capture: session.KindFrustration,
		Deadline: time.Now().Add(4 * time.Minute)}}
	srv, err := New(Options{Room: room, Sink: storeSink{&StoreNotes{Store: st, SessionID: sid}, newMemSink()}})
	if err != nil {
		t.Fatal(err)
	}
	l, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(l); err != nil {
		t.Fatal(err)
	}
	defer srv.Close()

	poll := func(expr string) error {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(20*time.Millisecond)))
		return err
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(srv.URL()),
		chromedp.WaitVisible(chromedp.ID("text")),
	)
	if err != nil {
		t.Fatalf("open the join URL: %v", err)
	}
	invitation, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("invitation")))
	if err != nil || invitation != "What slows you down every day?" {
		t.Fatalf("invitation %q %v", invitation, err)
	}
	// The script keeps the countdown running from the deadline.
	if err := poll(`/^[34]:[0-5][0-9]$/.test(document.getElementById("clock").textContent)`); err != nil {
		t.Fatalf("countdown: %v", err)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("text"), "The CRM asks for the same data twice"),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
	)
	if err == nil {
		err = poll(`document.getElementById("status").textContent === "saved ✓"`)
	}
	if err != nil {
		t.Fatalf("first note: %v", err)
	}
	hostileJS, _ := json.Marshal(hostileNote)
	_, err = chromedp.Run(ctx, chromedp.Evaluate[any](`document.getElementById("status").textContent = ""; document.getElementById("text").value = `+string(hostileJS)+`; true`))
	if err == nil {
		err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`button[type="submit"]`)))
	}
	if err == nil {
		err = poll(`document.getElementById("status").textContent === "saved ✓"`)
	}
	if err != nil {
		t.Fatalf("hostile note: %v", err)
	}

	// The page follows the room without a reload.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`window.notReloaded = true`)); err != nil {
		t.Fatal(err)
	}
	room.set(func(st *State) { st.Title = "1-2-4-All · Next"; st.Capture = "" })
	srv.Notify()
	if err := poll(`document.getElementById("title").textContent === "1-2-4-All · Next" && !document.querySelector("textarea")`); err != nil {
		t.Fatalf("the page did not follow the step change: %v", err)
	}
	if same, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.notReloaded === true`)); err != nil || !same {
		t.Fatalf("the page reloaded to follow the step change: %v", err)
	}

	notes, err := st.Notes(sid)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 2 || notes[0].Text != "The CRM asks for the same data twice" || notes[1].Text != hostileClean {
		t.Fatalf("notes in the file: %+v", notes)
	}
	for _, n := range notes {
		if !n.Phone || n.Seat == "" || n.Revealed || n.Kind != session.KindFrustration {
			t.Fatalf("note %+v", n)
		}
	}
	// Every export shows the notes as plain text.
	events, _ := st.Events(sid)
	ss, _ = st.Session(sid)
	for _, format := range export.Formats {
		var b bytes.Buffer
		if err := export.Write(&b, export.Data{Session: ss, Notes: notes, Events: events, Now: time.Now()}, format, export.CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.ContainsAny(out, "\x1b\x07") {
			t.Fatalf("%s export carries an escape: %q", format, out)
		}
		switch format {
		case "md":
			if !strings.Contains(out, `\<script\>alert(1)\</script\>`) || !strings.Contains(out, "The CRM asks for the same data twice") {
				t.Fatalf("Markdown export:\n%s", out)
			}
		case "csv":
			if strings.Contains(out, ",=HYPERLINK") || strings.Contains(out, "\n=HYPERLINK") {
				t.Fatalf("CSV export lets a formula through:\n%s", out)
			}
		case "json":
			if !strings.Contains(out, `\u003cscript\u003ealert(1)\u003c/script\u003e click =HYPERLINK`) && !strings.Contains(out, `<script>alert(1)</script> click =HYPERLINK`) {
				t.Fatalf("JSON export:\n%s", out)
			}
		}
	}
}

func TestABrowserWithoutScriptSendsThePlainForm(t *testing.T) {
	ctx := browser(t)
	room := &fakeRoom{st: State{Title: "1-2-4-All · All", Capture: session.KindIdea}}
	sink := newMemSink()
	srv, err := New(Options{Room: room, Sink: sink})
	if err != nil {
		t.Fatal(err)
	}
	l, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(l); err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	err = chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}),
		chromedp.Navigate(srv.URL()),
		chromedp.WaitVisible(chromedp.ID("text")),
		chromedp.SendKeys(chromedp.ID("text"), "Shared calendars for the rooms"),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	// The form posts, the laptop saves, the browser follows the redirect
	// to the page that says so.
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.Search(`//p[@id="status" and text()="saved ✓"]`))); err != nil {
		t.Fatalf("no saved page: %v", err)
	}
	status, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("status")))
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if status != "saved ✓" || !strings.Contains(loc, "?ok=") || len(sink.notes) != 1 || sink.notes[0].text != "Shared calendars for the rooms" || sink.notes[0].kind != session.KindIdea {
		t.Fatalf("status %q at %s, sink %+v", status, loc, sink.notes)
	}
}
