package phone

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"liberate/internal/session"
)

func TestAPhoneSendsANoteThatIsSavedBeforeItIsShownAsSaved(t *testing.T) {
	r := newRig(t, nil)
	p := r.join("192.168.1.50")
	rec := p.note("The CRM asks for the same data twice")
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "saved ✓") {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	if got := r.sink.noteTexts(); len(got) != 1 || got[0] != "The CRM asks for the same data twice" {
		t.Fatalf("sink has %q", got)
	}
	if r.sink.notes[0].kind != session.KindFrustration || r.sink.notes[0].seat != p.seat() {
		t.Fatalf("note %+v", r.sink.notes[0])
	}
	// A failed save is never shown as saved.
	r.sink.fail = errDiskFull
	rec = p.note("Second one")
	if rec.Code != http.StatusServiceUnavailable || strings.Contains(rec.Body.String(), "saved ✓") {
		t.Fatalf("failed save answered %d %s", rec.Code, rec.Body)
	}
}

func TestThePlainFormWorksWithoutScript(t *testing.T) {
	r := newRig(t, nil)
	p := r.join("192.168.1.50")
	page := p.get("").Body.String()
	for _, want := range []string{`<form method="post" action="note"`, `name="text"`, `maxlength="500"`, "Your frustration", "What slows you down?"} {
		if !strings.Contains(page, want) {
			t.Fatalf("page lacks %q:\n%s", want, page)
		}
	}
	// A hand-typed confirmation says nothing: nothing was sent.
	if page := p.get("?ok=note").Body.String(); strings.Contains(page, "saved ✓") {
		t.Fatalf("a typed ?ok=note says saved:\n%s", page)
	}
	rec := p.post("note", url.Values{"text": {"Printer jams"}}, false)
	loc := rec.Header().Get("Location")
	prefix := "/" + r.srv.Code() + "/?ok="
	if rec.Code != http.StatusSeeOther || !strings.HasPrefix(loc, prefix) || len(loc) < len(prefix)+32 {
		t.Fatalf("form post: %d %v", rec.Code, rec.Header())
	}
	query := strings.TrimPrefix(loc, "/"+r.srv.Code()+"/")
	// Another phone that follows the same link is told nothing.
	if page := r.join("192.168.1.51").get(query).Body.String(); strings.Contains(page, "saved ✓") {
		t.Fatalf("another seat sees the confirmation:\n%s", page)
	}
	if page := p.get(query).Body.String(); !strings.Contains(page, "saved ✓") {
		t.Fatalf("no saved mark after the redirect:\n%s", page)
	}
	// Once: a reload of the page does not say it again.
	if page := p.get(query).Body.String(); strings.Contains(page, "saved ✓") {
		t.Fatalf("the confirmation shows twice:\n%s", page)
	}
	// An error is shown on the page, with the status.
	rec = p.post("note", url.Values{"text": {"   "}}, false)
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "Type something") {
		t.Fatalf("empty note: %d %s", rec.Code, rec.Body)
	}
}

func TestThePageSpeaksThePhonesLanguage(t *testing.T) {
	r := newRig(t, nil)
	p := r.join("192.168.1.50")
	p.lang = "nl-BE,nl;q=0.9,en;q=0.5"
	page := p.get("").Body.String()
	if !strings.Contains(page, `lang="nl"`) || !strings.Contains(page, "Jouw frustratie") || !strings.Contains(page, "Versturen") {
		t.Fatalf("not Dutch:\n%s", page)
	}
	if rec := p.note("Het inloggen duurt lang"); !strings.Contains(rec.Body.String(), "bewaard ✓") {
		t.Fatalf("%s", rec.Body)
	}
}

func TestAWrongOrMissingJoinCodeIs404(t *testing.T) {
	r := newRig(t, nil)
	p := r.join("192.168.1.50")
	wrong := "XXXXXX"
	if wrong == r.srv.Code() {
		wrong = "YYYYYY"
	}
	for _, path := range []string{"/", "/" + wrong + "/", "/" + wrong + "/note", "/" + wrong + "/events", "/phone.js", "/" + r.srv.Code()[:5] + "/", "/" + r.srv.Code() + "X/"} {
		for _, method := range []string{"GET", "POST"} {
			req := httptest.NewRequest(method, "http://"+r.host+path, strings.NewReader("text=hi"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.AddCookie(p.cookie)
			if rec := r.do(req, ""); rec.Code != http.StatusNotFound {
				t.Errorf("%s %s: %d", method, path, rec.Code)
			}
		}
	}
	if len(r.sink.notes) != 0 {
		t.Fatal("a note without the code was saved")
	}
	// The code typed in lower case, or without the slash, leads to the page.
	for _, path := range []string{"/" + strings.ToLower(r.srv.Code()), "/" + r.srv.Code()} {
		rec := r.do(httptest.NewRequest("GET", "http://"+r.host+path, nil), "")
		if rec.Code != http.StatusFound || rec.Header().Get("Location") != "/"+r.srv.Code()+"/" {
			t.Errorf("%s: %d %s", path, rec.Code, rec.Header().Get("Location"))
		}
	}
}

func TestTheSeatCookieIsHttpOnlyAndSameSiteStrict(t *testing.T) {
	r := newRig(t, nil)
	rec := r.do(httptest.NewRequest("GET", r.base, nil), "")
	sc := rec.Header().Get("Set-Cookie")
	for _, want := range []string{"seat=", "HttpOnly", "SameSite=Strict", "Path=/" + r.srv.Code() + "/"} {
		if !strings.Contains(sc, want) {
			t.Fatalf("Set-Cookie %q lacks %s", sc, want)
		}
	}
	// No seat, a forged seat or a seat of another session: refused.
	p := r.join("192.168.1.50")
	for name, c := range map[string]*http.Cookie{
		"none":    nil,
		"forged":  {Name: cookieName, Value: "AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA"},
		"garbage": {Name: cookieName, Value: "hello"},
		"other":   {Name: cookieName, Value: mustToken(t, NewSeats())},
	} {
		q := &phone{r: r, cookie: c, addr: p.addr}
		if rec := q.note("hi"); rec.Code != http.StatusForbidden {
			t.Errorf("%s seat: %d", name, rec.Code)
		}
	}
	if len(r.sink.notes) != 0 {
		t.Fatal("a note without a seat was saved")
	}
}

func mustToken(t *testing.T, s *Seats) string {
	tok, err := s.NewToken()
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestAnotherHostIsMisdirected(t *testing.T) {
	r := newRig(t, nil)
	_, port, _ := net.SplitHostPort(r.host)
	for _, host := range []string{"evil.example", "evil.example:" + port, "127.0.0.1:1", "192.168.1.23:" + port, ""} {
		req := httptest.NewRequest("GET", r.base, nil)
		req.Host = host
		if host == "" {
			req.Host = "-"
		}
		rec := httptest.NewRecorder()
		req.RemoteAddr = "127.0.0.1:5000"
		r.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusMisdirectedRequest {
			t.Errorf("Host %q: %d", host, rec.Code)
		}
	}
	req := httptest.NewRequest("GET", r.base, nil)
	req.Host = "localhost:" + port
	if rec := r.do(req, ""); rec.Code != http.StatusOK {
		t.Errorf("localhost on a loopback server: %d", rec.Code)
	}
}

func TestACrossOriginPostIsForbidden(t *testing.T) {
	r := newRig(t, nil)
	p := r.join("192.168.1.50")
	for name, hdr := range map[string][2]string{
		"fetch metadata": {"Sec-Fetch-Site", "cross-site"},
		"other origin":   {"Origin", "http://evil.example"},
		"same site":      {"Sec-Fetch-Site", "same-site"},
	} {
		req := httptest.NewRequest("POST", r.base+"note", strings.NewReader("text=hi"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set(hdr[0], hdr[1])
		req.AddCookie(p.cookie)
		if rec := r.do(req, p.addr); rec.Code != http.StatusForbidden {
			t.Errorf("%s: %d", name, rec.Code)
		}
	}
	if len(r.sink.notes) != 0 {
		t.Fatal("a cross-origin note was saved")
	}
	// A plain client without browser headers (curl) and a same-origin form pass.
	req := httptest.NewRequest("POST", r.base+"note", strings.NewReader("text=hi"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(p.cookie)
	if rec := r.do(req, p.addr); rec.Code != http.StatusSeeOther {
		t.Errorf("plain client: %d", rec.Code)
	}
}

func TestALargeBodyIs413(t *testing.T) {
	r := newRig(t, nil)
	p := r.join("192.168.1.50")
	big := "text=" + strings.Repeat("a", 10<<10)
	// With a Content-Length.
	req := httptest.NewRequest("POST", r.base+"note", strings.NewReader(big))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(p.cookie)
	if rec := r.do(req, p.addr); rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("10 KB body: %d", rec.Code)
	}
	// Without one (chunked): the cap applies while reading.
	req = httptest.NewRequest("POST", r.base+"note", io.MultiReader(strings.NewReader(big)))
	req.ContentLength = -1
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(p.cookie)
	if rec := r.do(req, p.addr); rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked 10 KB body: %d", rec.Code)
	}
	// A note longer than the cap but inside the body limit.
	if rec := p.note(strings.Repeat("é", 501)); rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "500") {
		t.Errorf("501-character note: %d %s", rec.Code, rec.Body)
	}
	if rec := p.note(strings.Repeat("é", 500)); rec.Code != http.StatusOK {
		t.Errorf("500-character note: %d %s", rec.Code, rec.Body)
	}
	if len(r.sink.notes) != 1 {
		t.Fatalf("%d notes saved", len(r.sink.notes))
	}
}

func TestAFloodIs429WithRetryAfter(t *testing.T) {
	t.Run("per seat", func(t *testing.T) {
		r := newRig(t, nil)
		p := r.join("192.168.1.50")
		for i := range DefaultLimits().SeatBurst {
			if rec := p.note(fmt.Sprint("note ", i)); rec.Code != http.StatusOK {
				t.Fatalf("note %d: %d", i, rec.Code)
			}
		}
		rec := p.note("one too many")
		if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "1" {
			t.Fatalf("flood: %d Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
		}
		// Another phone on the same Wi-Fi is not slowed down.
		if rec := r.join("192.168.1.51").note("mine"); rec.Code != http.StatusOK {
			t.Fatalf("other phone: %d", rec.Code)
		}
		r.clock.Add(time.Second)
		if rec := p.note("after a second"); rec.Code != http.StatusOK {
			t.Fatalf("after waiting: %d", rec.Code)
		}
	})
	t.Run("per address", func(t *testing.T) {
		r := newRig(t, func(o *Options) { o.Limits = DefaultLimits(); o.Limits.AddrBurst = 5 })
		for i := range 5 {
			if rec := r.do(httptest.NewRequest("GET", r.base, nil), "10.0.0.9"); rec.Code != http.StatusOK {
				t.Fatalf("page %d: %d", i, rec.Code)
			}
		}
		rec := r.do(httptest.NewRequest("GET", r.base, nil), "10.0.0.9")
		if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
			t.Fatalf("flood from one address: %d %v", rec.Code, rec.Header())
		}
		if rec := r.do(httptest.NewRequest("GET", r.base, nil), "10.0.0.10"); rec.Code != http.StatusOK {
			t.Fatalf("another address: %d", rec.Code)
		}
	})
	t.Run("overall", func(t *testing.T) {
		r := newRig(t, func(o *Options) { o.Limits = DefaultLimits(); o.Limits.AllBurst = 8; o.Limits.AllRate = 4 })
		for i := range 8 {
			if rec := r.do(httptest.NewRequest("GET", r.base, nil), fmt.Sprint("10.0.1.", i)); rec.Code != http.StatusOK {
				t.Fatalf("page %d: %d", i, rec.Code)
			}
		}
		rec := r.do(httptest.NewRequest("GET", r.base, nil), "10.0.2.1")
		if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "1" {
			t.Fatalf("flood from everyone: %d %v", rec.Code, rec.Header())
		}
	})
}

func TestSecurityHeadersOnEveryAnswer(t *testing.T) {
	r := newRig(t, nil)
	p := r.join("192.168.1.50")
	for _, rec := range []*httptest.ResponseRecorder{
		p.get(""), p.get("phone.js"), p.get("phone.css"), p.get("nope"),
		r.do(httptest.NewRequest("GET", "http://"+r.host+"/", nil), ""),
		p.note("hi"),
	} {
		h := rec.Header()
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%d: CSP %q", rec.Code, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "no-referrer" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%d: headers %v", rec.Code, h)
		}
	}
	page := p.get("").Body.String()
	if strings.Contains(page, "<script>") || strings.Contains(page, " onclick") || strings.Contains(page, "style=") || strings.Contains(page, "http://") || strings.Contains(page, "https://") {
		t.Fatalf("page has inline script, style or an outside link:\n%s", page)
	}
	if !strings.Contains(page, `<script src="phone.js" defer></script>`) {
		t.Fatal("page does not load its script")
	}
}

func TestWhatTheRoomSaysIsShownAsText(t *testing.T) {
	r := newRig(t, nil)
	r.room.set(func(st *State) {
		st.Invitation = "<script>alert(1)</script> \x1b]8;;http://x\x07link"
		st.Title = "<b>bold</b>"
	})
	page := r.join("192.168.1.50").get("").Body.String()
	if strings.Contains(page, "<script>alert") || strings.Contains(page, "<b>bold") || strings.Contains(page, "\x1b") {
		t.Fatalf("markup or escapes reached the page:\n%s", page)
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt; link") {
		t.Fatalf("invitation not shown as text:\n%s", page)
	}
	// And what a phone sends is cleaned as a typed note.
	r.join("192.168.1.51").note("=HYPERLINK(\"http://x\") \x1b]0;title\x07<i>hi</i>\x00")
	if got := r.sink.noteTexts(); len(got) != 1 || got[0] != "=HYPERLINK(\"http://x\") <i>hi</i>" {
		t.Fatalf("saved %q", got)
	}
}

func TestAMutedPhoneCannotSend(t *testing.T) {
	r := newRig(t, nil)
	p, q := r.join("192.168.1.50"), r.join("192.168.1.51")
	p.note("first")
	r.srv.Mute(r.sink.notes[0].seat)
	if rec := p.note("second"); rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "paused input") {
		t.Fatalf("muted: %d %s", rec.Code, rec.Body)
	}
	if rec := q.note("other phone"); rec.Code != http.StatusOK {
		t.Fatalf("other phone: %d", rec.Code)
	}
	r.srv.Unmute(p.seat())
	if rec := p.note("third"); rec.Code != http.StatusOK {
		t.Fatalf("unmuted: %d", rec.Code)
	}
}

func TestNotesAreClosedWhenTheStepCapturesNothing(t *testing.T) {
	r := newRig(t, nil)
	p := r.join("192.168.1.50")
	r.room.set(func(st *State) { st.Capture = "" })
	if rec := p.note("late"); rec.Code != http.StatusConflict {
		t.Fatalf("closed capture: %d", rec.Code)
	}
	if page := p.get("").Body.String(); strings.Contains(page, `action="note"`) || !strings.Contains(page, "Nothing to send") {
		t.Fatalf("closed page:\n%s", page)
	}
	r.room.set(func(st *State) { st.Capture = session.KindAction })
	if page := p.get("").Body.String(); !strings.Contains(page, "Your next step") {
		t.Fatalf("action page:\n%s", page)
	}
	p.note("Call the vendor")
	if r.sink.notes[0].kind != session.KindAction {
		t.Fatalf("kind %s", r.sink.notes[0].kind)
	}
}

func TestDotVotingIsCappedPerPhoneAndChangeable(t *testing.T) {
	r := newRig(t, nil)
	r.room.set(func(st *State) {
		st.Voting = Voting{Open: true, Dots: 3, Themes: []Theme{{"c1", "Logging in"}, {"c2", "Printer"}, {"c3", "Meetings"}}}
	})
	p, q := r.join("192.168.1.50"), r.join("192.168.1.51")
	page := p.get("").Body.String()
	if !strings.Contains(page, "Spread your 3 dots") || !strings.Contains(page, `name="t2"`) {
		t.Fatalf("vote page:\n%s", page)
	}
	if rec := p.post("vote", url.Values{"t0": {"2"}, "t1": {"2"}}, true); rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("4 of 3 dots: %d", rec.Code)
	}
	if rec := p.post("vote", url.Values{"t0": {"-1"}, "t1": {"3"}}, true); rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("negative dots: %d", rec.Code)
	}
	if rec := p.post("vote", url.Values{"t0": {"2"}, "t1": {"1"}}, true); rec.Code != http.StatusOK {
		t.Fatalf("3 dots: %d %s", rec.Code, rec.Body)
	}
	q.post("vote", url.Values{"t0": {"1"}}, true)
	if got := r.srv.Tally(); got["c1"] != 3 || got["c2"] != 1 {
		t.Fatalf("tally %v", got)
	}
	// Changed: the ballot replaces the earlier one, and the page shows it.
	p.post("vote", url.Values{"t2": {"3"}}, true)
	if got := r.srv.Tally(); got["c1"] != 1 || got["c2"] != 0 || got["c3"] != 3 {
		t.Fatalf("tally after a change %v", got)
	}
	if page := p.get("").Body.String(); !strings.Contains(page, `name="t2" value="3"`) {
		t.Fatalf("page does not show the ballot:\n%s", page)
	}
	if b := r.sink.ballots[p.seat()]; b["c3"] != 3 || len(b) != 1 {
		t.Fatalf("sink ballot %v", b)
	}
	r.room.set(func(st *State) { st.Voting.Open = false })
	if rec := p.post("vote", url.Values{"t0": {"1"}}, true); rec.Code != http.StatusConflict {
		t.Fatalf("closed voting: %d", rec.Code)
	}
}

func TestCrowdSourcingFromPhones(t *testing.T) {
	r := newRig(t, nil)
	r.room.set(func(st *State) { st.Capture = ""; st.Crowd = Crowd{Phase: CrowdWriting} })
	const n = 8
	phones := make([]*phone, n)
	for i := range phones {
		phones[i] = r.join(fmt.Sprint("192.168.1.", 60+i))
		if rec := phones[i].post("idea", url.Values{"text": {fmt.Sprint("Bold idea ", i)}}, true); rec.Code != http.StatusOK {
			t.Fatalf("idea %d: %d %s", i, rec.Code, rec.Body)
		}
	}
	if rec := phones[0].post("idea", url.Values{"text": {"another"}}, true); rec.Code != http.StatusConflict {
		t.Fatalf("second idea: %d", rec.Code)
	}
	if page := phones[0].get("").Body.String(); !strings.Contains(page, "Your idea is in") {
		t.Fatalf("page after the idea:\n%s", page)
	}
	late := r.join("192.168.1.99")
	r.room.set(func(st *State) { st.Crowd = Crowd{Phase: CrowdScoring} })
	r.srv.Notify()
	if page := late.get("").Body.String(); !strings.Contains(page, "Scoring is for the phones that wrote an idea") {
		t.Fatalf("late phone:\n%s", page)
	}
	ownCard := map[string]uint64{}
	for i, in := range r.sink.ideas {
		ownCard[in.seat] = uint64(101 + i)
	}
	for round := range Rounds {
		r.clock.Add(2 * time.Second) // a round takes a while; no phone floods
		for i, p := range phones {
			page := p.get("").Body.String()
			card := cardOnPage(t, page)
			if card == ownCard[p.seat()] {
				t.Fatalf("phone %d handed its own card", i)
			}
			if !strings.Contains(page, fmt.Sprintf("Round %d/5", round+1)) {
				t.Fatalf("phone %d round %d page:\n%s", i, round+1, page)
			}
			if r.srv.Progress().Done {
				t.Fatal("done before the last score")
			}
			rec := p.post("score", url.Values{"card": {strconv.FormatUint(card, 10)}, "score": {fmt.Sprint(1 + (i+round)%5)}}, true)
			if rec.Code != http.StatusOK {
				t.Fatalf("score: %d %s", rec.Code, rec.Body)
			}
			// The same card cannot be scored twice.
			if rec := p.post("score", url.Values{"card": {strconv.FormatUint(card, 10)}, "score": {"5"}}, true); rec.Code != http.StatusConflict {
				t.Fatalf("second score of a card: %d", rec.Code)
			}
		}
	}
	prog := r.srv.Progress()
	if !prog.Done || prog.Scored != n*Rounds || prog.Total != n*Rounds || prog.Ideas != n {
		t.Fatalf("progress %+v", prog)
	}
	for card, scores := range r.sink.scores {
		if len(scores) != Rounds {
			t.Fatalf("card %d scored %d times", card, len(scores))
		}
		seen := map[string]bool{}
		for _, seat := range r.sink.scorers[card] {
			if seen[seat] || ownCard[seat] == card {
				t.Fatalf("card %d scored twice by a phone or by its writer", card)
			}
			seen[seat] = true
		}
	}
	if page := phones[3].get("").Body.String(); !strings.Contains(page, "You have scored all your cards") {
		t.Fatalf("page when done:\n%s", page)
	}
}

func TestScoringRoundsFollowTheRoom(t *testing.T) {
	r := newRig(t, nil)
	r.room.set(func(st *State) { st.Capture = ""; st.Crowd = Crowd{Phase: CrowdWriting} })
	var phones []*phone
	for i := range 6 {
		p := r.join(fmt.Sprint("10.1.1.", i))
		p.post("idea", url.Values{"text": {fmt.Sprint("idea ", i)}}, true)
		phones = append(phones, p)
	}
	r.room.set(func(st *State) { st.Crowd = Crowd{Phase: CrowdScoring, Round: 1} })
	p := phones[0]
	card := cardOnPage(t, p.get("").Body.String())
	p.post("score", url.Values{"card": {strconv.FormatUint(card, 10)}, "score": {"4"}}, true)
	if page := p.get("").Body.String(); strings.Contains(page, `name="card"`) || !strings.Contains(page, "saved ✓") {
		t.Fatalf("round 1 scored, the phone waits:\n%s", page)
	}
	r.room.set(func(st *State) { st.Crowd.Round = 2 })
	if next := cardOnPage(t, p.get("").Body.String()); next == card {
		t.Fatal("round 2 hands the same card")
	}
}

func cardOnPage(t *testing.T, page string) uint64 {
	t.Helper()
	_, rest, ok := strings.Cut(page, `name="card" value="`)
	if !ok {
		t.Fatalf("no card on the page:\n%s", page)
	}
	v, _, _ := strings.Cut(rest, `"`)
	id, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestEventStreamsAreCapped(t *testing.T) {
	r := newRig(t, func(o *Options) { o.Limits = DefaultLimits(); o.Limits.Streams = 3; o.Limits.StreamsPerAddr = 2 })
	open := func(addr string) (*http.Response, error) {
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP("127.0.0.1")}}
		_ = addr
		c := &http.Client{Transport: &http.Transport{DialContext: d.DialContext}}
		return c.Get(r.base + "events")
	}
	var bodies []io.Closer
	defer func() {
		for _, b := range bodies {
			b.Close()
		}
	}()
	for i := range 2 {
		resp, err := open("")
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("stream %d: %v %v", i, err, resp)
		}
		bodies = append(bodies, resp.Body)
		// The state arrives at once.
		line, _ := bufio.NewReader(resp.Body).ReadString('\n')
		if line != "event: state\n" {
			t.Fatalf("stream %d starts with %q", i, line)
		}
	}
	resp, err := open("")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("third stream from one address: %d", resp.StatusCode)
	}
	// The cap over all addresses, through the handler.
	r.srv.mu.Lock()
	r.srv.streams = 3
	r.srv.mu.Unlock()
	if rec := r.do(httptest.NewRequest("GET", r.base+"events", nil), "10.9.9.9"); rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("stream over the total cap: %d", rec.Code)
	}
	r.srv.mu.Lock()
	r.srv.streams = 2
	r.srv.mu.Unlock()
}

func TestEventStreamFollowsTheRoom(t *testing.T) {
	r := newRig(t, nil)
	resp, err := http.Get(r.base + "events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	br := bufio.NewReader(resp.Body)
	first := readEvent(t, br)
	if !strings.Contains(first, `"mode":"note:frustration"`) || !strings.Contains(first, "What slows you down?") {
		t.Fatalf("first event %s", first)
	}
	r.room.set(func(st *State) {
		st.Title = "1-2-4-All · Pairs"
		st.Deadline = r.clock.Now().Add(4 * time.Minute)
		st.Capture = ""
	})
	r.srv.Notify()
	next := readEvent(t, br)
	want := fmt.Sprintf(`"deadline":%d`, r.clock.Now().Add(4*time.Minute).UnixMilli())
	if !strings.Contains(next, `"mode":"closed"`) || !strings.Contains(next, "Pairs") || !strings.Contains(next, want) {
		t.Fatalf("event after the change %s", next)
	}
}

func readEvent(t *testing.T, br *bufio.Reader) string {
	t.Helper()
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if d, ok := strings.CutPrefix(line, "data: "); ok {
			return d
		}
	}
}

func TestCloseStopsListeningAndEndsStreams(t *testing.T) {
	r := newRig(t, nil)
	resp, err := http.Get(r.base + "events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	readEvent(t, bufio.NewReader(resp.Body))
	if err := r.srv.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadAll(resp.Body); err != nil && !strings.Contains(err.Error(), "EOF") {
		t.Logf("stream ended with %v", err)
	}
	if c, err := net.Dial("tcp", r.host); err == nil {
		c.Close()
		t.Fatal("still listening after Close")
	}
}

func TestSlowClientsAreCutOff(t *testing.T) {
	r := newRig(t, func(o *Options) {
		o.Timeouts = Timeouts{ReadHeader: 50 * time.Millisecond, Read: 100 * time.Millisecond, Write: time.Second, Idle: time.Second}
	})
	c, err := net.Dial("tcp", r.host)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	// Half a request line, then nothing: the server hangs up by itself.
	fmt.Fprint(c, "GET /"+r.srv.Code()+"/ HTTP/1.1\r\nHost: "+r.host+"\r\n")
	_ = c.SetReadDeadline(time.Now().Add(30 * time.Second)) // a guard against a hung test, not a measure
	buf := make([]byte, 512)
	_, err = c.Read(buf)
	for err == nil {
		_, err = c.Read(buf)
	}
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Fatal("the server kept a stalled client's connection open")
	}
}

func TestListenRefusesAllInterfaces(t *testing.T) {
	// CheckAddr binds nothing, so no test ever listens beyond 127.0.0.1
	// even if the check were broken.
	for _, addr := range []string{net.JoinHostPort("", "8025"), net.JoinHostPort("0.0.0.0", "8025"), net.JoinHostPort("::", "8025"), "8025", ""} {
		if err := CheckAddr(addr); err == nil {
			t.Errorf("CheckAddr(%q) accepted an address of every interface", addr)
		}
	}
	if err := CheckAddr(net.JoinHostPort("0.0.0.0", "8025")); err == nil || !strings.Contains(err.Error(), "every network") {
		t.Errorf("the refusal does not say why: %v", err)
	}
	if err := CheckAddr("127.0.0.1:0"); err != nil {
		t.Errorf("CheckAddr refused the loopback: %v", err)
	}
}

func TestTheDefaultRouteIsReadFromTheRoutingTable(t *testing.T) {
	table := `Iface	Destination	Gateway 	Flags	RefCnt	Use	Metric	Mask		MTU	Window	IRTT
docker0	000011AC	00000000	0001	0	0	0	0000FFFF	0	0	0
wlan0	00000000	0101A8C0	0003	0	0	600	00000000	0	0	0
eth0	00000000	0102A8C0	0003	0	0	100	00000000	0	0	0
tun0	00000000	00000000	0000	0	0	1	00000000	0	0	0
wlan0	0001A8C0	00000000	0001	0	0	600	00FFFFFF	0	0	0
`
	if got, ok := defaultRouteIface(strings.NewReader(table)); !ok || got != "eth0" {
		t.Fatalf("got %q %v", got, ok)
	}
	if _, ok := defaultRouteIface(strings.NewReader("Iface\tDestination\n")); ok {
		t.Fatal("a table without a default route has one")
	}
}

func TestJoinCodesAreShortAndUnambiguous(t *testing.T) {
	seen := map[string]bool{}
	for range 2000 {
		c := NewCode()
		if len(c) != CodeLength {
			t.Fatalf("code %q", c)
		}
		for _, ch := range c {
			if !strings.ContainsRune(CodeAlphabet, ch) {
				t.Fatalf("code %q has %q", c, ch)
			}
		}
		seen[c] = true
	}
	if len(seen) < 1990 {
		t.Fatalf("only %d different codes in 2000", len(seen))
	}
	for _, confusing := range "0O1IL2Z5S8BUV" {
		if strings.ContainsRune(CodeAlphabet, confusing) {
			t.Fatalf("alphabet has %q", confusing)
		}
	}
	if NormalizeCode("k7m-3qx ") != "K7M3QX" {
		t.Fatal(NormalizeCode("k7m-3qx "))
	}
}

func TestForgottenSeatsCannotBeLinkedAgain(t *testing.T) {
	s := NewSeats()
	tok := mustToken(t, s)
	h1, err := s.Hash(tok)
	if err != nil || !s.Verify(tok) || len(h1) != 32 {
		t.Fatalf("%q %v", h1, err)
	}
	if h2, _ := s.Hash(tok); h2 != h1 {
		t.Fatal("hash not stable")
	}
	if strings.Contains(h1, tok) || strings.Contains(tok, h1) {
		t.Fatal("the hash shows the token")
	}
	s.Forget()
	if s.Verify(tok) {
		t.Fatal("a forgotten seat still verifies")
	}
	if _, err := s.Hash(tok); err == nil {
		t.Fatal("a forgotten key still hashes")
	}
}
