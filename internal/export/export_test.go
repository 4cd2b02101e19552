package export

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"liberate/internal/i18n"
	"liberate/internal/session"
	"liberate/internal/structure"
	"liberate/internal/textsafe"
)

func render(t testing.TB, d Data, format string, opt CSVOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d, format, opt); err != nil {
		t.Fatalf("Write %s: %v", format, err)
	}
	return b.String()
}

func TestMarkdownOfAnIrritationBrainstorm(t *testing.T) {
	for _, lang := range []string{"en", "nl"} {
		t.Run(lang, func(t *testing.T) {
			d := irritationSession()
			d.Lang = lang
			out := render(t, d, "md", CSVOptions{})
			checkMarkdown(t, out)
			golden.RequireEqual(t, []byte(out))
		})
	}
}

func TestCSVOfAnIrritationBrainstorm(t *testing.T) {
	t.Run("comma", func(t *testing.T) {
		golden.RequireEqual(t, []byte(render(t, irritationSession(), "csv", CSVOptions{})))
	})
	t.Run("dutch excel", func(t *testing.T) {
		d := irritationSession()
		d.Lang = "nl"
		golden.RequireEqual(t, []byte(render(t, d, "csv", CSVOptions{Semicolon: true, BOM: true})))
	})
}

func TestJSONOfAnIrritationBrainstorm(t *testing.T) {
	golden.RequireEqual(t, []byte(render(t, irritationSession(), "json", CSVOptions{})))
}

func TestMarkdownFooterCarriesTheAttributionLine(t *testing.T) {
	for _, lang := range []string{"en", "nl"} {
		d := irritationSession()
		d.Lang = lang
		out := render(t, d, "md", CSVOptions{})
		if !strings.Contains(out, "\n"+i18n.For(lang).Export.Attribution+"\n") {
			t.Errorf("%s export lacks the attribution line on a line of its own", lang)
		}
		if !strings.Contains(out, "CC BY-SA 4.0") || !strings.Contains(out, "liberate") {
			t.Errorf("%s export lacks the licence name or the exporter", lang)
		}
	}
	const en = "This work includes content from Liberating Structures Fieldbook (2026) by Keith McCandless and Nancy White, available at www.liberatingstructures.com. Licensed under CC BY-SA 4.0."
	if got := i18n.For("en").Export.Attribution; got != en {
		t.Errorf("English attribution = %q, want LS's wording", got)
	}
}

func TestMarkdownNeutralisesTheHostileNote(t *testing.T) {
	out := render(t, irritationSession(), "md", CSVOptions{})
	for _, bad := range []string{"PWNED", "<script>", " **bold**", "[link]", "\x1b"} {
		if strings.Contains(out, bad) {
			t.Errorf("Markdown holds %q", bad)
		}
	}
	want := `\*\*bold\*\* \| pipe \<script\>alert(1)\</script\> \[link\](http://x) \# heading`
	if n := strings.Count(out, "- **Frustration** — "+want+"\n"); n != 2 {
		t.Errorf("hostile note appears %d times as its own list item, want 2 (cluster section and step section)", n)
	}
}

func TestMarkdownLeavesOutDeletedNotes(t *testing.T) {
	d := irritationSession()
	for _, format := range Formats {
		if out := render(t, d, format, CSVOptions{}); strings.Contains(out, "DELETED-NOTE") {
			t.Errorf("%s export holds a deleted note", format)
		}
	}
}

func TestMarkdownWithoutClustersHasNoClusterSection(t *testing.T) {
	d := irritationSession()
	d.Clusters = nil
	out := render(t, d, "md", CSVOptions{})
	if strings.Contains(out, "## Clusters") || strings.Contains(out, "### Unclustered") {
		t.Error("Markdown has a cluster section without clusters")
	}
	checkMarkdown(t, out)
	checkEveryNoteOnce(t, d, out)
}

func TestMarkdownOfASessionWithoutNotesSaysSo(t *testing.T) {
	d := irritationSession()
	d.Notes, d.Clusters, d.Session.Cards = nil, nil, nil
	out := render(t, d, "md", CSVOptions{})
	if !strings.Contains(out, "_No notes were captured._") {
		t.Errorf("Markdown without notes does not say so:\n%s", out)
	}
	checkMarkdown(t, out)
}

func TestMarkdownListsEveryInvitationOfAString(t *testing.T) {
	d := irritationSession()
	triz := d.Session.Plan[0]
	triz.Structure, triz.StructureIndex, triz.Number, triz.Total = "triz", 1, 1, 1
	triz.StructureName = structure.Text{EN: "TRIZ"}
	triz.Invitation = structure.Text{EN: "How could we make sure the CRM fails?", NL: "Hoe zorgen we dat het CRM mislukt?"}
	d.Session.Plan = append(d.Session.Plan, triz)
	for i := range d.Session.Plan {
		d.Session.Plan[i].StructureCount = 2
	}
	out := render(t, d, "md", CSVOptions{})
	for _, want := range []string{"## Invitations", "- **1-2-4-All:** Which daily task", "- **TRIZ:** How could we make sure", "1-2-4-All → TRIZ", "## 1. 1-2-4-All", "| TRIZ | 1/1 "} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	checkMarkdown(t, out)
}

func TestTopTenIncludesEveryCardTiedAtTheCutOff(t *testing.T) {
	top := topTen(rankCards(irritationSession().Session.Cards))
	if len(top) != 11 {
		t.Fatalf("top ten holds %d cards, want 11 (two tied at the tenth place)", len(top))
	}
	if top[9].Rank != 10 || top[10].Rank != 10 || top[10].Number != 11 {
		t.Errorf("tenth places = %+v, %+v; want cards 10 and 11 both ranked 10", top[9], top[10])
	}
	if top[2].Rank != 3 || top[3].Rank != 3 || top[4].Rank != 5 {
		t.Errorf("places %d, %d, %d; want 3, 3, 5 (ties share a place)", top[2].Rank, top[3].Rank, top[4].Rank)
	}
	for _, c := range top {
		if len(c.Scores) == 0 {
			t.Errorf("card %d without scores is in the top ten", c.Number)
		}
	}
}

func TestTopTenOfFewCardsKeepsThemAll(t *testing.T) {
	cards := []session.Card{{Number: 1, Scores: []int{3}}, {Number: 2, Scores: []int{5, 5}}}
	top := topTen(rankCards(cards))
	if len(top) != 2 || top[0].Number != 2 || top[0].Total != 25 || top[1].Total != 15 {
		t.Errorf("top = %+v, want card 2 (25) then card 1 (15)", top)
	}
}

func TestScoreShowsAveragesWithOneDecimal(t *testing.T) {
	cases := []struct {
		v          float64
		lang, want string
	}{{24, "en", "24"}, {18.75, "en", "18.8"}, {18.75, "nl", "18,8"}, {23.333, "en", "23.3"}, {0, "en", "0"}}
	for _, c := range cases {
		if got := score(c.v, c.lang); got != c.want {
			t.Errorf("score(%v, %s) = %q, want %q", c.v, c.lang, got, c.want)
		}
	}
}

func TestMarkdownEscapingRendersTheLiteralText(t *testing.T) {
	cases := map[string]string{
		"plain words":          "plain words",
		"a*b_c`d":              `a\*b\_c\` + "`" + `d`,
		"# not a heading":      `\# not a heading`,
		"- not a list":         `\- not a list`,
		"+ not a list":         `\+ not a list`,
		"12. not a list":       `12\. not a list`,
		"3) not a list":        `3\) not a list`,
		"=== not a heading":    `\=== not a heading`,
		"1-2-4-All":            "1-2-4-All",
		"<b>bold</b>":          `\<b\>bold\</b\>`,
		"a | b":                `a \| b`,
		"&amp; stays literal":  `\&amp; stays literal`,
		"costs $5 and ~~x~~":   `costs \$5 and \~\~x\~\~`,
		`back\slash at end\`:   `back\\slash at end\\`,
		"![img](x)":            `!\[img\](x)`,
		"line\nbreak \x1b[2J!": "line break !",
	}
	for in, want := range cases {
		if got := md(in); got != want {
			t.Errorf("md(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteRefusesAnUnknownFormat(t *testing.T) {
	err := Write(&bytes.Buffer{}, irritationSession(), "pdf", CSVOptions{})
	if !errors.Is(err, ErrUnknownFormat) || err.Error() != `unknown format "pdf": use md, json or csv` {
		t.Errorf("Write pdf error = %v", err)
	}
}

func TestWriteWithoutASessionSaysWhatToDo(t *testing.T) {
	for _, f := range Formats {
		if err := Write(&bytes.Buffer{}, Data{}, f, CSVOptions{}); !errors.Is(err, ErrNoSession) {
			t.Errorf("%s without a session: error = %v, want ErrNoSession", f, err)
		}
	}
}

func TestCSVGuardsCellsAgainstFormulas(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "+31 6": "'+31 6", "-x": "'-x", "@SUM": "'@SUM", "\tx": "'\tx", "\rx": "'\rx", "ok": "ok", "": ""} {
		if got := cell(in); got != want {
			t.Errorf("cell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSVWithBOMStartsWithTheMark(t *testing.T) {
	out := render(t, irritationSession(), "csv", CSVOptions{BOM: true})
	if !strings.HasPrefix(out, "\uFEFFcluster,cluster_votes,pillar,kind,text,") {
		t.Errorf("CSV starts %q", out[:20])
	}
	if out := render(t, irritationSession(), "csv", CSVOptions{}); !strings.HasPrefix(out, "cluster,cluster_votes,pillar,kind,text,structure,step,votes,time,owner,due\n") {
		t.Errorf("CSV without BOM starts %q", out[:20])
	}
}

func TestJSONRoundTripsTheWholeSession(t *testing.T) {
	d := irritationSession()
	out := render(t, d, "json", CSVOptions{})
	var doc Document
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("JSON does not parse: %v", err)
	}
	if doc.Format != "liberate-session" || doc.Version != 1 {
		t.Errorf("format %q version %d", doc.Format, doc.Version)
	}
	if doc.Session.Title != d.Session.Title || len(doc.Session.Plan) != 4 || len(doc.Session.Records) != 4 {
		t.Errorf("session came back as %q with %d steps, %d records", doc.Session.Title, len(doc.Session.Plan), len(doc.Session.Records))
	}
	if len(doc.Notes) != 12 || len(doc.Clusters) != 3 || len(doc.Events) != 6 || len(doc.Cards) != 13 {
		t.Errorf("notes %d, clusters %d, events %d, cards %d; want 12, 3, 6, 13", len(doc.Notes), len(doc.Clusters), len(doc.Events), len(doc.Cards))
	}
	byID := map[uint64]DocumentNote{}
	for _, n := range doc.Notes {
		byID[n.ID] = n
	}
	for _, n := range d.Notes {
		got, ok := byID[n.ID]
		switch {
		case n.Deleted && ok:
			t.Errorf("deleted note %d is in the JSON", n.ID)
		case !n.Deleted && !ok:
			t.Errorf("note %d is missing from the JSON", n.ID)
		case !n.Deleted && (got.Text != textsafe.Display(n.Text) || got.Kind != n.Kind || got.StepIndex != n.StepIndex || got.ClusterID != n.ClusterID || got.Votes != n.Votes || len(got.Counters) != len(n.Counters)):
			t.Errorf("note %d came back as %+v", n.ID, got.Note)
		}
	}
	if c := doc.Cards[1]; c.Total != 23.75 || c.Rank != 2 || !c.TopTen {
		t.Errorf("card 2 = total %v rank %d top %v; want 23.75, 2, true", c.Total, c.Rank, c.TopTen)
	}
	if c := doc.Cards[12]; c.Rank != 0 || c.TopTen {
		t.Errorf("unscored card = rank %d top %v; want 0, false", c.Rank, c.TopTen)
	}
	if c := doc.Clusters[1]; c.NoteCount != 4 || c.TotalVotes != 6 {
		t.Errorf("cluster c1 = %d notes %d votes; want 4, 6", c.NoteCount, c.TotalVotes)
	}
	again, err := json.MarshalIndent(doc, "", "  ")
	if err != nil || string(again)+"\n" != out {
		t.Errorf("JSON does not survive a round trip unchanged (err %v)", err)
	}
}

func TestNoExportHoldsAnEscapeByte(t *testing.T) {
	d := irritationSession()
	d.Session.Title = "Title \x1b]0;x\x07 \u009b31m"
	d.Session.Plan[0].Label.EN = "Step \x1b[1mbold"
	d.Clusters[0].Label = "\x1b[2JCluster"
	d.Session.Cards[0].Idea = "\x1b]52;c;ZXZpbA==\x07idea"
	for _, f := range Formats {
		out := render(t, d, f, CSVOptions{})
		if strings.ContainsAny(out, "\x1b\u009b\u009d") || strings.Contains(out, `\u001b`) {
			t.Errorf("%s export holds an escape", f)
		}
	}
}

// randomSession builds a session with n notes of random kinds, steps (some
// outside the plan), clusters, votes and deletions, their texts mixing
// Markdown syntax and terminal escapes. Each text starts with a unique token
// so no text is a prefix of another.
func randomSession(r *rand.Rand, n int) Data {
	d := irritationSession()
	pieces := []string{"*", "**", "_", "|", "<b>", "</script>", "[x](y)", "# ", "- ", "1. ", "`", "\\", "\x1b[2J", "\x1b]0;t\x07", "\u202e", "\n", "\t", "=", "+", "@", "é", "会", "👍", "word", " ", "\xff", "&lt;", "$", "~"}
	d.Notes = nil
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "n%d ", i+1)
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		note := session.Note{
			ID: uint64(i + 1), Text: b.String(), Kind: session.Kinds[r.IntN(len(session.Kinds))],
			StepIndex: r.IntN(len(d.Session.Plan)+2) - 1, CreatedAt: at(9, 30, 0).Add(time.Duration(r.IntN(3600)) * time.Second),
			Votes: r.IntN(3), Deleted: r.IntN(10) == 0, Harvest: r.IntN(5) == 0,
		}
		if c := r.IntN(4); c < 3 {
			note.ClusterID = []string{"c1", "c2", "gone"}[c]
		}
		d.Notes = append(d.Notes, note)
	}
	return d
}

// checkEveryNoteOnce asserts the export's core promise: every live note is
// in the Markdown exactly once in the notes by step, exactly once more in
// the cluster section (under its cluster or Unclustered) when that section
// exists, and once more in Actions when it is an action; deleted notes are
// nowhere.
func checkEveryNoteOnce(t *testing.T, d Data, out string) {
	t.Helper()
	p, err := prepare(d)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out, "\n")
	items := func(prefix string) int {
		n := 0
		for _, l := range lines {
			if l == prefix || strings.HasPrefix(l, prefix+" · ") {
				n++
			}
		}
		return n
	}
	clustered := len(p.clusters) > 0
	for _, n := range d.Notes {
		text := md(n.Text)
		if text == "" {
			continue
		}
		got := items("- **"+md(p.kindName(n.Kind))+"** — "+text) + items("- "+text) + items("- [ ] "+p.whoOf(n.Owner)+text)
		want := 1
		if clustered {
			want++
		}
		if n.Kind == session.KindAction {
			want++
		}
		if n.Deleted {
			want = 0
		}
		if got != want {
			t.Errorf("note %d (%s, deleted %v) appears %d times, want %d: %q", n.ID, n.Kind, n.Deleted, got, want, text)
		}
	}
}

// checkCSV reparses a CSV export: a header and exactly one row per live
// note, with its cleaned, guarded text.
func checkCSV(t *testing.T, d Data, out string, opt CSVOptions) {
	t.Helper()
	out = strings.TrimPrefix(out, "\uFEFF")
	r := csv.NewReader(strings.NewReader(out))
	if opt.Semicolon {
		r.Comma = ';'
	}
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not reparse: %v", err)
	}
	live := 0
	texts := map[string]int{}
	col := slices.Index(rows[0], i18n.For(cmp.Or(d.Lang, d.Session.Lang)).Table.Text)
	if col < 0 {
		t.Fatalf("CSV header %q has no text column", rows[0])
	}
	for _, row := range rows[1:] {
		texts[row[col]]++
	}
	for _, n := range d.Notes {
		if n.Deleted {
			continue
		}
		live++
		if text := cell(textsafe.Display(n.Text)); texts[text] < 1 {
			t.Errorf("note %d has no row with text %q", n.ID, text)
		}
	}
	if len(rows) != live+1 {
		t.Errorf("CSV has %d rows, want a header and %d notes", len(rows), live)
	}
}

func TestEveryLiveNoteAppearsExactlyOnceInEachPlaceOfEveryExport(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 10))
	for i := range 40 {
		d := randomSession(r, 1+r.IntN(60))
		if i%4 == 0 {
			d.Clusters = nil
		}
		d.Lang = []string{"en", "nl"}[i%2]
		md := render(t, d, "md", CSVOptions{})
		checkMarkdown(t, md)
		checkEveryNoteOnce(t, d, md)
		opt := CSVOptions{Semicolon: i%2 == 1, BOM: i%3 == 0}
		checkCSV(t, d, render(t, d, "csv", opt), opt)

		var doc Document
		if err := json.Unmarshal([]byte(render(t, d, "json", CSVOptions{})), &doc); err != nil {
			t.Fatalf("JSON does not parse: %v", err)
		}
		ids := map[uint64]int{}
		for _, n := range doc.Notes {
			ids[n.ID]++
		}
		for _, n := range d.Notes {
			if want := map[bool]int{false: 1, true: 0}[n.Deleted]; ids[n.ID] != want {
				t.Errorf("JSON holds note %d %d times, want %d", n.ID, ids[n.ID], want)
			}
		}
	}
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{hostile, "\x1b]52;c;ZXZpbA==\x07", "\u202eevil", "- [ ] task", "1. first", "|a|b|", "<!-- x -->", "```", "\\", "\xff\xfe", "# h #", "***", "a  \nb"} {
		f.Add(s, "Title "+s)
	}
	f.Fuzz(func(t *testing.T, text, title string) {
		d := irritationSession()
		d.Session.Title = title
		d.Clusters = d.Clusters[:1]
		note := d.Notes[4] // an action, clustered in c2
		note.Text = text
		note.Owner, note.Due = title, text
		d.Notes = []session.Note{note}
		d.Session.Review = []session.ActionReview{{NoteID: 99, From: "x", Text: text, Owner: title, Due: title, State: session.ReviewDone}}
		d.Session.Rescores = []session.ThemeScore{{ClusterID: "c9", From: "x", Label: text, Before: 3, After: 1, Scored: true}}
		d.Earlier = &session.Session{ID: "x", Title: title}
		out := render(t, d, "md", CSVOptions{})
		checkMarkdown(t, out)
		checkEveryNoteOnce(t, d, out)
		checkCommonMark(t, d, out)
	})
}

func FuzzCSV(f *testing.F) {
	for _, s := range []string{hostile, "=cmd|' /C calc'!A0", "a,b;c\"d", "\r\n", "\xff", "\ufeff", " leading"} {
		f.Add(s, false, true)
	}
	f.Fuzz(func(t *testing.T, text string, semicolon, bom bool) {
		d := irritationSession()
		d.Notes[0].Text = text
		d.Clusters[0].Label = text
		opt := CSVOptions{Semicolon: semicolon, BOM: bom}
		out := render(t, d, "csv", opt)
		if strings.Contains(out, "\x1b") {
			t.Fatal("CSV holds ESC")
		}
		checkCSV(t, d, out, opt)
	})
}

func benchSession(n int) Data {
	return randomSession(rand.New(rand.NewPCG(1, 2)), n)
}

func BenchmarkMarkdownOf10000Notes(b *testing.B) {
	d := benchSession(10000)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Markdown(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

func BenchmarkCSVOf10000Notes(b *testing.B) {
	d := benchSession(10000)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := CSV(&buf, d, CSVOptions{BOM: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSONOf10000Notes(b *testing.B) {
	d := benchSession(10000)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := JSON(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
}

func TestMarkdownTellsTwoRunsOfOneStructureApartByTheirTitles(t *testing.T) {
	d := irritationSession()
	for i := range d.Session.Plan {
		d.Session.Plan[i].Title = structure.Text{EN: "Our daily frustrations"}
	}
	again := d.Session.Plan[0]
	again.StructureIndex = 1
	again.Title = structure.Text{EN: "Now what: next week", NL: "Wat nu: volgende week"}
	d.Session.Plan = append(d.Session.Plan, again)
	for i := range d.Session.Plan {
		d.Session.Plan[i].StructureCount = 2
	}
	out := render(t, d, "md", CSVOptions{})
	for _, want := range []string{"## 1. 1-2-4-All — Our daily frustrations", "1-2-4-All — Our daily frustrations → 1-2-4-All — Now what: next week", "| 1-2-4-All — Now what: next week |"} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, out)
		}
	}
	checkMarkdown(t, out)
}

func FuzzJSON(f *testing.F) {
	for _, s := range []string{hostile, "\u2028\u2029", "\xff\xfe", "\"}]", "\x00", "<script>"} {
		f.Add(s, "Title "+s)
	}
	f.Fuzz(func(t *testing.T, text, title string) {
		d := irritationSession()
		d.Session.Title = title
		d.Notes[0].Text = text
		d.Clusters[0].Label = text
		out := render(t, d, "json", CSVOptions{})
		if !json.Valid([]byte(out)) {
			t.Fatalf("invalid JSON for %q", text)
		}
		if strings.ContainsRune(out, 0x1b) {
			t.Fatal("JSON holds ESC")
		}
		var back struct {
			Notes []struct {
				ID   uint64 `json:"id"`
				Text string `json:"text"`
			} `json:"notes"`
		}
		if err := json.Unmarshal([]byte(out), &back); err != nil {
			t.Fatal(err)
		}
		want := textsafe.Display(text)
		for _, n := range back.Notes {
			if n.ID == d.Notes[0].ID && n.Text != want {
				t.Fatalf("note text %q came back as %q, want %q", text, n.Text, want)
			}
		}
	})
}
